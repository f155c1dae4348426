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
import time
from collections.abc import Iterator
from pathlib import Path

from ..errors import _BUSY, _LOCKED, StoreError, StoreMissing, StoreReadOnly, StoreTooNew, translate

BUSY_TIMEOUT_S = 5.0
# Work off the GUI thread (an import) can wait longer for its turn: nobody watches it freeze.
BACKGROUND_WAIT_S = 60.0
APP_FOLDER = "IR Desk"
# The schema's steps, in order; schema.py defines them (a test keeps the two in step).
STEPS = ("m001_initial", "m002_release_keys", "m003_span_entity_index", "m004_fts_follows_indexed_columns",
         "m005_case_blind_sort_indexes", "m006_source_digest", "m007_corrections", "m008_row_versions",
         "m009_fts_written_at_commit")


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
def writing(conn: sqlite3.Connection) -> Iterator[None]:
    """A transaction that takes the write lock first (``BEGIN IMMEDIATE``), for the upgrade
    that runs before the store's ``Db`` exists (``Db.writing`` is the one used otherwise)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


@contextlib.contextmanager
def guarded(path: str | os.PathLike) -> Iterator[None]:
    """SQLite's errors as the store's own sentences."""
    try:
        yield
    except sqlite3.Error as exc:
        known = translate(exc, str(path))
        if known is None:
            raise  # a bug, not the store's place: logged and shown as one
        raise known from exc


def connect(path: Path, readonly: bool = False, busy_timeout: float = BUSY_TIMEOUT_S,
            create: bool = True) -> sqlite3.Connection:
    """``create=False`` (reading commands): a store that is not there is an error, not made."""
    if not path.exists() and (readonly or not create):
        raise StoreMissing(f"There is no store at {path}; import releases into it first "
                           "(a mistyped --db path?).")
    if not readonly:
        _make_folder(path)
        if path.exists() and not os.access(path, os.W_OK):
            readonly = True
    # A folder nobody may write (a read-only mount, a shared read-only folder) cannot hold
    # WAL's index file: the store is opened as immutable there, for browsing and searching.
    frozen = path.exists() and not os.access(path.parent, os.W_OK)
    readonly = readonly or frozen
    mode = "ro&immutable=1" if frozen else ("ro" if readonly else "rwc")
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    with guarded(path):
        conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # "not a database" shows here
        _refuse_newer(applied_steps(conn), path)  # before anything below changes the file
        if not readonly:
            _use_wal(conn, busy_timeout)
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


def _use_wal(conn: sqlite3.Connection, busy_timeout: float) -> None:
    """Switching a new file to WAL needs it alone for a moment, and SQLite fails at once rather
    than wait when another program is opening the same new store: tried again until the busy
    timeout (a store already in WAL answers at once)."""
    deadline = time.monotonic() + busy_timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) not in (_BUSY, _LOCKED) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _make_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        why = "a file is in the way" if isinstance(exc, (FileExistsError, NotADirectoryError)) else exc.strerror
        raise StoreError(f"The store {path} cannot be made: its folder {path.parent} cannot be created "
                         f"({why}).") from exc


def _refuse_newer(applied: list[str], path: Path) -> None:
    unknown = [name for name in applied if name not in STEPS]
    if unknown:
        raise StoreTooNew(f"The store {path} was written by a newer version of IR Desk (it has the step "
                          f"“{unknown[-1]}”); this version will not change it. Please update IR Desk.")


def applied_steps(conn: sqlite3.Connection) -> list[str]:
    try:
        rows = conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = 'irdesk' ORDER BY rowid")
    except sqlite3.OperationalError:  # no such table: a new store
        return []
    return [row[0] for row in rows]


def upgrade_pending(path: Path) -> bool:
    """Whether opening the store at ``path`` will first upgrade it (a copy, then the steps
    this version adds: on a large store, seconds). Asked read-only; a store that is not
    there, or cannot be read, is not an upgrade (opening it says what it is)."""
    if not path.exists():
        return False
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            applied = applied_steps(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return bool(applied) and any(name not in applied for name in STEPS)


def bring_up_to_date(conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
    applied = applied_steps(conn)
    pending = [name for name in STEPS if name not in applied]
    if not pending:
        return
    if readonly:
        raise StoreReadOnly(f"The store {path} is read-only and needs an upgrade to be opened by this version.")
    if applied:  # (outside the transaction below: a backup reads the store as others see it)
        backup(conn, path.with_name(f"{path.stem}.before-{pending[0]}{path.suffix}"))
    from sqlite_utils import Database

    from .schema import migrations

    # Under the write lock, so that two programs opening a new store at once take turns:
    # the second finds the steps done. Each step is then a savepoint of this transaction.
    with writing(conn):
        applied = applied_steps(conn)
        _refuse_newer(applied, path)
        if all(name in applied for name in STEPS):
            return
        migrations.apply(Database(conn, execute_plugins=False))


def latest_backup(path: Path) -> Path | None:
    """The newest copy taken beside the store (daily, or before an upgrade), if any."""
    from .backups import copies

    found = copies(path)
    return found[-1] if found else None


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
