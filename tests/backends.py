"""The store's tests run on both back ends: a SQLite file in a temporary folder, and a fresh
database on the PostgreSQL server the tests start themselves (``pg_url``, conftest.py)."""

from __future__ import annotations

import pytest

from irdesk.store import Store

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def location(request, tmp_path):
    """Where a new, empty store is, on each back end in turn."""
    if request.param == "sqlite":
        return tmp_path / "irdesk.db"
    return request.getfixturevalue("pg_url")


def sound(store: Store) -> bool:
    """The store's own check: SQLite's integrity check; PostgreSQL checks every link as it writes."""
    if store.team:
        return store.db.execute("SELECT count(*) FROM releases").fetchone() is not None
    return store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
