"""The log of unexpected errors: the standard ``logging`` module into a rotating file beside
the store (a few files of a megabyte each, so it never grows without end). Qt-free."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "irdesk.log"


def setup_logging(folder: Path) -> Path:
    """Send IR Desk's warnings and errors to ``folder/irdesk.log``; returns its path."""
    path = folder / LOG_NAME
    root = logging.getLogger("irdesk")
    if any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8",
                                                       delay=True)
    except OSError:
        return path  # a log that cannot be written must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path
