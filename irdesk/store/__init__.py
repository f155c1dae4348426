"""The store, the one place that knows SQL: a SQLite file through sqlite-utils (the default),
or a team's PostgreSQL database through psycopg (``sqlite/`` and ``postgres/``). No Qt."""

from __future__ import annotations

import importlib

from .errors import Clash, Conflict, StoreCorrupt, StoreError, StoreFull, StoreLocked, StoreReadOnly, StoreTooNew
from .postgres.connection import is_team_store
from .sqlite.connection import BACKGROUND_WAIT_S, default_store_path
from .store import Store, store_file, upgrade_pending

_LAZY = {"Source": "writer", "Added": "writer", "Change": "curation"}

__all__ = ["BACKGROUND_WAIT_S", "Store", "store_file", "upgrade_pending", "Conflict", "Clash", "is_team_store", "Change", "Source", "Added", "default_store_path", "StoreError", "StoreLocked", "StoreFull",
           "StoreCorrupt", "StoreTooNew", "StoreReadOnly"]


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(name)
    return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
