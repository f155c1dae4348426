"""The shared store code's SQL (SQLite's dialect) as PostgreSQL reads it.

The differences are few and mechanical, so each statement is written once: ``?`` marks
become psycopg's ``%s``; ``INSERT OR IGNORE`` becomes ``ON CONFLICT DO NOTHING``; a
``rowid`` is the ``id`` every table has here; ``x COLLATE NOCASE`` is ``lower(x)`` (indexed
so); a quoted ``"end"`` column is already valid in both. Anything else is a method of the
back end (full-text search, locks), not a rewrite.
"""

from __future__ import annotations

import functools
import re

_IGNORE = re.compile(r"^\s*INSERT OR IGNORE INTO", re.IGNORECASE)
_ROWID = re.compile(r"\browid\b")
_NOCASE = re.compile(r"([\w.]+) COLLATE NOCASE")
_MARK = re.compile(r"\?")


@functools.lru_cache(maxsize=1024)
def translate(sql: str) -> str:
    out = sql.replace("%", "%%")
    if _IGNORE.match(out):
        out = _IGNORE.sub("INSERT INTO", out, count=1).rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
    out = _ROWID.sub("id", out)
    out = _NOCASE.sub(r"lower(\1)", out)
    return _MARK.sub("%s", out)
