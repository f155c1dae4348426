"""A fresh PostgreSQL database for a benchmark run: made on the server given, dropped at the
end, so that every run starts from an empty store as SQLite's does from a new file."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator


def database_url(server: str, name: str) -> str:
    """``server`` with its database replaced by ``name``, as a keyword string that opens with
    ``dbname=`` (``is_team_store`` knows a keyword string by its first keyword)."""
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    parts = conninfo_to_dict(server)
    parts.pop("dbname", None)
    return make_conninfo(dbname=name, **parts)


@contextlib.contextmanager
def fresh_database(server: str, prefix: str = "bench", keep: bool = False) -> Iterator[str]:
    """A new, empty database ``bench_<prefix>_<hex>`` on ``server`` (a libpq URL of any database
    there, e.g. ``postgres``); dropped on leaving (even with connections still open) unless ``keep``."""
    import psycopg

    name = f"bench_{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield database_url(server, name)
    finally:
        if not keep:
            with psycopg.connect(server, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def is_empty(url: str) -> bool:
    """True when the database holds no table of its own (a store may be made in it)."""
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SELECT count(*) FROM information_schema.tables "
                            "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')").fetchone()[0] == 0
