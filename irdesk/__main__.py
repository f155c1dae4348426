"""``python -m irdesk``: the same as ``main.py``."""

import sys

from .cli import main

if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # freeze_support does nothing elsewhere; its module costs a start 12 ms
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
