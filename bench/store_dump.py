#!/usr/bin/env python3
"""Every row of a SQLite store as text, to tell whether a change to the writer changed what
is stored: all tables with their ids, the full-text indexes term by term (fts5vocab: which
rows hold each term, whatever detail the index keeps), times masked. Two stores built the
same way before and after a change must dump the same.

    .venv/bin/python bench/store_dump.py STORE.db OUT.txt
"""

from __future__ import annotations

import re
import sqlite3
import sys

TIMES = {"imported_at", "added_at", "at", "applied_at"}  # when, not what
FTS_SHADOWS = re.compile(r"_fts_(data|idx|docsize|config|content)$")


def dump(db: sqlite3.Connection, out) -> None:
    names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for name in names:
        if FTS_SHADOWS.search(name):
            continue
        cursor = db.execute(f'SELECT rowid, * FROM "{name}" ORDER BY rowid')
        columns = [d[0] for d in cursor.description]
        out.write(f"## {name} {columns}\n")
        for row in cursor:
            out.write(repr(["<time>" if c in TIMES and v is not None else v for c, v in zip(columns, row)]) + "\n")
    for name in names:
        if name.endswith("_fts"):
            db.execute(f"CREATE VIRTUAL TABLE temp.vocab_{name} USING fts5vocab(main, {name}, instance)")
            out.write(f"## terms of {name}\n")
            for row in db.execute(f"SELECT DISTINCT term, doc FROM temp.vocab_{name} ORDER BY 1, 2"):
                out.write(repr(row) + "\n")
            db.execute(f"INSERT INTO {name}({name}, rank) VALUES ('integrity-check', 1)")  # against the rows too


if __name__ == "__main__":
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        dump(sqlite3.connect(sys.argv[1]), out)
