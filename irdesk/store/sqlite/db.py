"""The embedded back end: one SQLite file (the default, a store of one's own)."""

from __future__ import annotations

import contextlib
import re
import sqlite3
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..db import Db, Watcher
from ..errors import StoreCorrupt, translate
from .connection import BUSY_TIMEOUT_S, connect, guarded, latest_backup
from .fts import any_waiting, index_waiting

# What FTS5's unicode61 reads as one word of a typed one: letters and digits (an underscore parts them).
_TOKEN = re.compile(r"[^\W_]+")


class SqliteDb(Db):
    dialect = "sqlite"

    def __init__(self, path: Path, readonly: bool = False, busy_timeout: float = BUSY_TIMEOUT_S,
                 create: bool = True) -> None:
        super().__init__()
        self.path = path
        self.location = str(path)
        self.busy_timeout = busy_timeout
        self.conn = connect(path, readonly, busy_timeout, create)
        self.readonly = readonly
        if not readonly:
            self._index_leftovers()
        self._sound = False
        self._columns: dict[str, list[str]] = {}

    def execute(self, sql: str, args: Sequence | dict = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, args)

    def executemany(self, sql: str, rows: Iterable[Sequence]) -> int:
        return self.conn.executemany(sql, rows).rowcount

    def _insert_returning_id(self, table: str, row: dict, ignore: bool) -> int | None:
        verb = "INSERT OR IGNORE" if ignore else "INSERT"
        cursor = self.conn.execute(f"{verb} INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                                   list(row.values()))
        return cursor.lastrowid if cursor.rowcount else None

    def text_filter(self, kind: str, words: list[str], column: str) -> tuple[str, list]:
        # Every word quoted (no FTS5 operators from what a user types), the last a prefix; a
        # word the index holds as several ("foo_bar") is each of them, as on PostgreSQL (the
        # index knows no phrases: see m009).
        quoted = [f'"{t}"' for word in words for t in _TOKEN.findall(word)]
        if not quoted:
            return "1=0", []
        quoted[-1] += "*"
        return f"{column} IN (SELECT rowid FROM {kind}_fts WHERE {kind}_fts MATCH ?)", [" ".join(quoted)]

    def _index_leftovers(self) -> None:
        """Rows committed unindexed (by a program that wrote the file without this class) are indexed now."""
        with guarded(self.path):
            if any_waiting(self.conn) and not self.conn.execute("PRAGMA query_only").fetchone()[0]:
                with self.writing():
                    pass  # the commit indexes them

    def stored_columns(self, table: str) -> list[str]:
        if table not in self._columns:
            self._columns[table] = [row[1] for row in self.conn.execute(f"PRAGMA table_info({table})")]
        return self._columns[table]

    def batching(self, on: bool) -> None:
        # A savepoint keeps a copy of each page it changes, in a temporary file once past 64 KB
        # (most adds are): in memory instead, storing a release takes a sixth less time. Only
        # while batching: other temporary data (a large sort) may well stay on disk.
        if not self.conn.in_transaction:
            self.conn.execute(f"PRAGMA temp_store={'MEMORY' if on else 'DEFAULT'}")

    def index_now(self) -> None:
        if self.conn.in_transaction:
            index_waiting(self.conn)

    def defer_constraints(self) -> None:
        self.conn.execute("PRAGMA defer_foreign_keys = ON")

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def begin_write(self) -> None:
        # A deferred BEGIN asks for the lock at its first write, when SQLite cannot wait for
        # it (that could deadlock) and fails at once; IMMEDIATE waits its turn up front.
        self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        if self.conn.in_transaction:
            index_waiting(self.conn)  # the rows this transaction added, indexed before others see them
        self.conn.commit()

    def rollback(self) -> None:
        self.conn.rollback()

    def guarded(self) -> contextlib.AbstractContextManager:
        return guarded(self.path)

    def ensure_sound(self) -> None:
        """SQLite goes on writing around a broken page, and each write loses more."""
        if self._sound:
            return
        try:
            found = [row[0] for row in self.conn.execute("PRAGMA quick_check(3)")]
        except sqlite3.DatabaseError as exc:
            known = translate(exc, str(self.path))
            if not isinstance(known, StoreCorrupt):
                if known is None:
                    raise
                raise known from exc
            found = [str(exc)]
        if found != ["ok"]:
            backup = latest_backup(self.path)
            offer = f" The latest copy is {backup}." if backup else " There is no earlier copy of it."
            raise StoreCorrupt(f"The store {self.path} is damaged ({found[0].splitlines()[-1]}); nothing more "
                               f"will be written to it.{offer}")
        self._sound = True

    def reopen(self, busy_timeout: float | None = None) -> SqliteDb:
        return SqliteDb(self.path, self.readonly, busy_timeout or self.busy_timeout)

    def watch(self) -> SqliteWatcher:
        return SqliteWatcher(self.path)

    def close(self) -> None:
        self.conn.close()


class SqliteWatcher(Watcher):
    """SQLite has no notifications: ``PRAGMA data_version`` changes when another connection
    commits, and reading it costs next to nothing, so it is read a few times a second."""

    POLL_S = 0.25

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        self.version = self._version()

    def _version(self) -> int:
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def wait(self, timeout: float) -> set[str]:
        end = time.monotonic() + timeout
        while True:
            with contextlib.suppress(sqlite3.Error):
                version = self._version()
                if version != self.version:
                    self.version = version
                    return {"releases", "compounds", "contacts", "presentations"}
            if time.monotonic() >= end:
                return set()
            time.sleep(min(self.POLL_S, max(0.0, end - time.monotonic())))

    def close(self) -> None:
        self.conn.close()

