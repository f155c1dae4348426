"""The few things that go wrong with a store, as exceptions the UI turns into sentences."""

from __future__ import annotations

import sqlite3
from typing import NamedTuple


class StoreError(Exception):
    """A store problem a person can act on; ``str()`` is the sentence to show."""


class StoreLocked(StoreError):
    pass


class StoreFull(StoreError):
    pass


class StoreCorrupt(StoreError):
    pass


class StoreTooNew(StoreError):
    pass


class StoreReadOnly(StoreError):
    pass


class StoreMissing(StoreError):
    pass


# SQLite's primary result codes (https://www.sqlite.org/rescode.html) for the failures of
# the place a store lives, which a person can act on. Any other code is a bug of ours.
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 3, 5, 6, 8, 10, 11, 13, 14, 26


def translate(exc: sqlite3.Error, path: str) -> StoreError | None:
    """The known SQLite failures as our own sentences, told apart by SQLite's error code
    (as qutebrowser's misc/sql.py does), never by words in the message; None for a bug."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    code &= 0xFF  # an extended code carries its primary code in the low byte
    if code in (_BUSY, _LOCKED):
        return StoreLocked(f"The store {path} is in use by another program; try again when it is done.")
    if code == _FULL:
        return StoreFull(f"The store {path} is full (no space left on its disk); nothing was half-written.")
    if code in (_READONLY, _PERM):
        return StoreReadOnly(f"The store {path} is read-only; it can be browsed but not changed.")
    if code in (_CORRUPT, _NOTADB):
        return StoreCorrupt(f"The store {path} is damaged or is not an IR Desk store.")
    if code == _IOERR:
        return StoreError(f"The store {path} could not be read or written (a disk or network problem).")
    if code == _CANTOPEN:
        return StoreError(f"The store {path} cannot be opened (is its folder there and writable?).")
    return None


class Clash(NamedTuple):
    """One value two people changed: ``mine`` is what this change would write, ``theirs``
    what the store holds now (None: the row is gone)."""
    kind: str
    row_id: int
    column: str
    mine: object
    theirs: object


class Conflict(Exception):
    """A change made on rows someone else changed since they were shown: nothing was
    written. ``clashes`` says what differs; the caller lets the person choose, then calls
    again with the current ``versions`` (edit) or ``force=True`` (undo/redo)."""

    def __init__(self, clashes: list[Clash], versions: dict[tuple[str, int], int] | None = None,
                 gone: set[tuple[str, int]] | None = None) -> None:
        self.clashes = clashes
        self.versions = versions or {}  # (kind, id): the version stored now
        self.gone = gone or set()  # (kind, id) of records someone deleted meanwhile
        what = ", ".join(f"{c.kind[:-1]} {c.row_id} {c.column}" for c in clashes[:3]) or "a row"
        super().__init__(f"Someone else changed {what} since it was shown.")
