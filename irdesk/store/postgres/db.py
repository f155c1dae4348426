"""The team back end: one PostgreSQL database shared by every copy of IR Desk on a team."""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterable, Sequence

from ..db import Db, Watcher
from ..identity import fold
from .connection import WRITE_LOCK, connect, database_name, describe, guarded
from .dialect import translate

_WORD = re.compile(r"[^\W_]+")


class PostgresDb(Db):
    dialect = "postgres"
    path = None  # no file: nothing beside it (backups are the server's business)

    def __init__(self, conninfo: str, readonly: bool = False, busy_timeout: float = 5.0) -> None:
        super().__init__()
        self.conninfo = conninfo
        self.location = describe(conninfo)
        self.name = database_name(conninfo)
        self.readonly = readonly
        self.busy_timeout = busy_timeout
        self.conn = connect(conninfo, busy_timeout, readonly)
        self._columns: dict[str, list[str]] = {}

    @property
    def live(self):
        """The connection; a new one if the server dropped the last (a restart, a network
        blip): the call that saw it fail said so, the next one goes on."""
        if self.conn.closed:
            self.conn = connect(self.conninfo, self.busy_timeout, self.readonly)
        return self.conn

    def execute(self, sql: str, args: Sequence | dict = ()):
        return self.live.execute(translate(sql), args or None)

    def executemany(self, sql: str, rows: Iterable[Sequence]) -> int:
        rows = list(rows)
        if not rows:
            return 0
        with self.live.cursor() as cursor:
            cursor.executemany(translate(sql), rows)
            return cursor.rowcount

    def _insert_returning_id(self, table: str, row: dict, ignore: bool) -> int | None:
        sql = f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join(['%s'] * len(row))})"
        if ignore:
            sql += " ON CONFLICT DO NOTHING"
        found = self.live.execute(sql + " RETURNING id", list(row.values())).fetchone()
        return found[0] if found else None

    def text_filter(self, kind: str, words: list[str], column: str) -> tuple[str, list]:
        # The words as the index holds them (runs of letters and digits, lower case, no marks); each a
        # bound lexeme joined by "&", so nothing typed is read as a tsquery operator.
        lexemes = [w for word in words for w in _WORD.findall(fold(word))]
        if not lexemes:
            return "1=0", []
        query = " & ".join(lexemes) + ":*"
        # The row's own column ("id" -> "search", "c.id" -> "c.search"): a sub-select of ids
        # made the planner read every match before the page (77 ms -> 5 ms on 30,000 releases).
        return f"{column.removesuffix('id')}search @@ to_tsquery('simple', ?)", [query]

    def stored_columns(self, table: str) -> list[str]:
        if table not in self._columns:
            self._columns[table] = [row[0] for row in self.conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                "AND table_name = %s AND is_generated = 'NEVER' ORDER BY ordinal_position", [table])]
        return self._columns[table]

    def defer_constraints(self) -> None:
        self.conn.execute("SET CONSTRAINTS ALL DEFERRED")

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return not self.conn.closed and self.conn.info.transaction_status != TransactionStatus.IDLE

    def begin_write(self) -> None:
        self.live.execute("BEGIN")
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self.conn.execute("ROLLBACK")

    def guarded(self) -> contextlib.AbstractContextManager:
        return guarded(self.location)

    def reopen(self, busy_timeout: float | None = None) -> PostgresDb:
        return PostgresDb(self.conninfo, self.readonly, busy_timeout or self.busy_timeout)

    def watch(self) -> PostgresWatcher:
        return PostgresWatcher(self.conninfo)

    def close(self) -> None:
        self.conn.close()


class PostgresWatcher(Watcher):
    """LISTEN on a connection of its own: the database tells of each committed change."""

    GATHER_S = 0.05  # notices of one commit arrive together: take them as one change
    EVERYTHING = {"releases", "compounds", "contacts", "presentations"}

    def __init__(self, conninfo: str) -> None:
        self.conninfo = conninfo
        with guarded(describe(conninfo)):
            self.conn = self._listen()

    def _listen(self):
        import psycopg

        conn = psycopg.connect(self.conninfo, autocommit=True, application_name="IR Desk (watching)")
        conn.execute("LISTEN irdesk")
        return conn

    def wait(self, timeout: float) -> set[str]:
        import psycopg

        if self.conn.closed:  # lost earlier: listen again; what happened meanwhile is unknown
            try:
                self.conn = self._listen()
            except psycopg.OperationalError:
                time.sleep(timeout)
                return set()
            return set(self.EVERYTHING)
        changed: set[str] = set()
        try:
            for notice in self.conn.notifies(timeout=timeout, stop_after=1):
                changed.add(notice.payload)
            if changed:
                for notice in self.conn.notifies(timeout=self.GATHER_S):
                    changed.add(notice.payload)
        except psycopg.OperationalError:
            self.conn.close()
        return changed

    def close(self) -> None:
        self.conn.close()
