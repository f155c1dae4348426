"""Opening a store: where it lives, WAL and a busy timeout, the schema brought up to date
(after a copy of the file), and a clear refusal of a store written by a newer version.

Opening reads the applied steps with plain SQL; sqlite-utils and the migrations are loaded
only when a step is pending, so a window opens on an up-to-date store without them.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

from .errors import StoreError, StoreReadOnly, StoreTooNew, translate

BUSY_TIMEOUT_S = 5.0
APP_FOLDER = "IR Desk"
# The schema's steps, in order; schema.py defines them (a test keeps the two in step).
STEPS = ("m001_initial", "m002_release_keys", "m003_span_entity_index", "m004_fts_follows_indexed_columns",
         "m005_case_blind_sort_indexes")


def default_store_path() -> Path:
    """The platform's application-data folder; no set-up needed."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_FOLDER / "irdesk.db"


@contextlib.contextmanager
def guarded(path: str | os.PathLike) -> Iterator[None]:
    """SQLite's errors as the store's own sentences."""
    try:
        yield
    except sqlite3.Error as exc:
        raise translate(exc, str(path)) from exc


def connect(path: Path, readonly: bool = False, busy_timeout: float = BUSY_TIMEOUT_S) -> sqlite3.Connection:
    if not readonly:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and not os.access(path, os.W_OK):
            readonly = True
    uri = f"{path.resolve().as_uri()}?mode={'ro' if readonly else 'rwc'}"
    with guarded(path):
        conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # "not a database" shows here
        if not readonly:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        # 64 MB of page cache (grown only as used): a large store's index pages stay in memory
        # while an import writes to them (on 100,000 releases: about a fifth faster).
        conn.execute("PRAGMA cache_size=-65536")
        conn.execute("PRAGMA recursive_triggers=ON")  # REPLACE keeps the full-text index in step
        conn.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
        if readonly:
            conn.execute("PRAGMA query_only=ON")
        bring_up_to_date(conn, path, readonly)
    return conn


def applied_steps(conn: sqlite3.Connection) -> list[str]:
    try:
        rows = conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = 'irdesk' ORDER BY rowid")
    except sqlite3.OperationalError:  # no such table: a new store
        return []
    return [row[0] for row in rows]


def bring_up_to_date(conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
    applied = applied_steps(conn)
    unknown = [name for name in applied if name not in STEPS]
    if unknown:
        raise StoreTooNew(f"The store {path} was written by a newer version of IR Desk (it has the step "
                          f"“{unknown[-1]}”); this version will not change it. Please update IR Desk.")
    pending = [name for name in STEPS if name not in applied]
    if not pending:
        return
    if readonly:
        raise StoreReadOnly(f"The store {path} is read-only and needs an upgrade to be opened by this version.")
    if applied:
        backup(conn, path.with_name(f"{path.stem}.before-{pending[0]}{path.suffix}"))
    from sqlite_utils import Database

    from .schema import migrations

    migrations.apply(Database(conn, execute_plugins=False))


def backup(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy of the whole store (SQLite's online backup), taken before upgrading it."""
    if target.exists():
        target.unlink()
    copy = sqlite3.connect(target)
    try:
        conn.backup(copy)
    finally:
        copy.close()
    return target


__all__ = ["connect", "default_store_path", "guarded", "backup", "StoreError", "STEPS"]
