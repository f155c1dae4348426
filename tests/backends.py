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
    """SQLite's integrity check (PostgreSQL checks every link as it writes), and on both the
    counters the Compounds tab sorts by equal a recount."""
    if not store.team and store.db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        return False
    off = store.db.execute("""SELECT count(*) FROM compounds c WHERE release_count !=
        (SELECT count(*) FROM release_compounds rc WHERE rc.compound_id = c.id)""").fetchone()[0]
    return off == 0
