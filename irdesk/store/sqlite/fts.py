"""The full-text indexes' rows written at commit (see schema's m009): a row added or changed
waits in ``<table>_unindexed`` until its transaction commits, and is indexed then, in one
statement for the whole batch (plain SQL: no sqlite-utils needed to write)."""

from __future__ import annotations

import sqlite3

# The columns each table's index holds (since m001).
FTS_COLUMNS = {"releases": ("headline", "company", "text"), "compounds": ("names", "company", "target"),
               "contacts": ("name", "organization", "title", "email", "phone")}

_WAITING = "SELECT " + ", ".join(f'EXISTS (SELECT 1 FROM "{table}_unindexed")' for table in FTS_COLUMNS)


def _statements(table: str) -> tuple[str, str]:
    columns = ", ".join(f'"{c}"' for c in FTS_COLUMNS[table])
    found = ", ".join(f't."{c}"' for c in FTS_COLUMNS[table])
    return (f'INSERT INTO "{table}_fts" (rowid, {columns}) SELECT t.id, {found} '
            f'FROM "{table}_unindexed" u JOIN "{table}" t ON t.id = u.id',
            f'DELETE FROM "{table}_unindexed"')


_INDEX = {table: _statements(table) for table in FTS_COLUMNS}


def any_waiting(conn: sqlite3.Connection) -> bool:
    return any(conn.execute(_WAITING).fetchone())


def index_waiting(conn: sqlite3.Connection) -> None:
    """Index every row waiting (inside the caller's transaction); one cheap read when none is."""
    for table, waiting in zip(FTS_COLUMNS, conn.execute(_WAITING).fetchone()):
        if waiting:
            for sql in _INDEX[table]:
                conn.execute(sql)
