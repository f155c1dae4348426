"""The few things that go wrong with a store, as exceptions the UI turns into sentences."""

from __future__ import annotations

import sqlite3


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


def translate(exc: sqlite3.Error, path: str) -> StoreError:
    """The known SQLite failures as our own; anything else stays a bug (re-raised by callers)."""
    message = str(exc).lower()
    if "locked" in message or "busy" in message:
        return StoreLocked(f"The store {path} is in use by another program; try again when it is done.")
    if "full" in message:
        return StoreFull(f"The store {path} is full (no space left on its disk); nothing was half-written.")
    if "readonly" in message or "read-only" in message or "attempt to write" in message:
        return StoreReadOnly(f"The store {path} is read-only; it can be browsed but not changed.")
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return StoreCorrupt(f"The store {path} is damaged or is not an IR Desk store.")
    if "unable to open" in message:
        return StoreError(f"The store {path} cannot be opened (is its folder there and writable?).")
    return StoreError(f"The store {path} failed: {exc}")
