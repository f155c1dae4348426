#!/usr/bin/env python3
"""Start IR Desk: ``python main.py`` opens the window; ``python main.py extract FILE --json``
and the other commands run headless (see ``python main.py --help``)."""

import sys

from irdesk.cli import main

if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # freeze_support does nothing elsewhere; its module costs a start 12 ms
        import multiprocessing

        multiprocessing.freeze_support()  # a bundled app's reader processes start through here
    sys.exit(main())
