"""The store: SQLite through sqlite-utils, the one place that knows SQL. No Qt."""

from __future__ import annotations

import importlib

from .connection import BACKGROUND_WAIT_S, default_store_path
from .errors import StoreCorrupt, StoreError, StoreFull, StoreLocked, StoreReadOnly, StoreTooNew
from .store import Store

_LAZY = {"Source": "writer", "Added": "writer", "Change": "curation"}

__all__ = ["BACKGROUND_WAIT_S", "Store", "Change", "Source", "Added", "default_store_path", "StoreError", "StoreLocked", "StoreFull",
           "StoreCorrupt", "StoreTooNew", "StoreReadOnly"]


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(name)
    return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
