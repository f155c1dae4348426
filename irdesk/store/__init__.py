"""The store: SQLite through sqlite-utils, the one place that knows SQL. No Qt."""

from .connection import default_store_path
from .curation import Change
from .errors import StoreCorrupt, StoreError, StoreFull, StoreLocked, StoreReadOnly, StoreTooNew
from .store import Store
from .writer import Added, Source

__all__ = ["Store", "Change", "Source", "Added", "default_store_path", "StoreError", "StoreLocked", "StoreFull",
           "StoreCorrupt", "StoreTooNew", "StoreReadOnly"]
