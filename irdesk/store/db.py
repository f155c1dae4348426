"""One connection to a store, whichever back end holds it: what the shared store code
(writer, queries, curation) may ask of a database.

The shared code writes its SQL in SQLite's dialect with ``?`` marks; the PostgreSQL back end
translates the few differences (see ``postgres/dialect.py``), so each statement is written
once. What cannot be translated word for word (full-text search, taking the write lock,
checking a store for damage, watching for others' changes) is a method here.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

_SAVEPOINTS = itertools.count()


class Db:
    """Subclasses: ``sqlite.db.SqliteDb`` and ``postgres.db.PostgresDb``."""

    dialect = ""
    location = ""  # for messages: a file path, or a server and database (never a password)
    readonly = False

    def __init__(self) -> None:
        # While an import is recorded: the ids of the rows each table got from this connection
        # (so that undoing it takes back exactly these, not what other users added meanwhile).
        self.added: dict[str, list[int]] | None = None

    # Statements
    def execute(self, sql: str, args: Sequence | dict = ()) -> Any:
        raise NotImplementedError

    def executemany(self, sql: str, rows: Iterable[Sequence]) -> int:
        """Returns how many rows the statements changed."""
        raise NotImplementedError

    def _insert_returning_id(self, table: str, row: dict, ignore: bool) -> int | None:
        raise NotImplementedError

    def insert(self, table: str, row: dict, ignore: bool = False) -> int | None:
        """The new row's id; None when ``ignore`` and a row with its unique key is there."""
        new = self._insert_returning_id(table, row, ignore)
        if new is not None and self.added is not None:
            self.added.setdefault(table, []).append(new)
        return new

    def insert_many(self, table: str, columns: Sequence[str], rows: Iterable[Sequence], ignore: bool = False) -> int:
        verb = "INSERT OR IGNORE" if ignore else "INSERT"
        marks = ", ".join("?" * len(columns))
        return self.executemany(f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def text_filter(self, kind: str, words: list[str], column: str) -> tuple[str, list]:
        """A condition that keeps the rows of ``kind`` whose indexed text has every word (the
        last one as a prefix), and its arguments."""
        raise NotImplementedError

    def stored_columns(self, table: str) -> list[str]:
        """The columns a row of ``table`` is written with (not those the database computes)."""
        raise NotImplementedError

    def defer_constraints(self) -> None:
        """Links checked at commit, not per statement: parents and children come and go together."""
        raise NotImplementedError

    def batching(self, on: bool) -> None:
        """Many writes follow, each in a savepoint of a long transaction (``Store.batched``), or
        no longer (``on`` False); called outside a transaction."""

    def index_now(self) -> None:
        """Index now, inside the transaction, what its commit would index (a batch does this
        as it goes, so that its commit has little left). Nothing to do where search needs no
        separate index."""

    # Transactions
    @property
    def in_transaction(self) -> bool:
        raise NotImplementedError

    def begin_write(self) -> None:
        """Begin a transaction holding the store's write lock: writers take turns, never fail
        half-way for want of it."""
        raise NotImplementedError

    def commit(self) -> None:
        raise NotImplementedError

    def rollback(self) -> None:
        raise NotImplementedError

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Db]:
        """All or nothing: a savepoint inside a transaction, else a transaction of its own."""
        if not self.in_transaction:
            with self.writing():
                yield self
            return
        name = f"irdesk_{next(_SAVEPOINTS)}"
        self.execute(f"SAVEPOINT {name}")
        try:
            yield self
        except BaseException:
            if self.in_transaction:
                self.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.execute(f"RELEASE SAVEPOINT {name}")
            raise
        self.execute(f"RELEASE SAVEPOINT {name}")

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """A write transaction that takes the lock first; inside one already, a savepoint."""
        if self.in_transaction:
            with self.atomic():
                yield
            return
        self.begin_write()
        try:
            yield
        except BaseException:
            self.rollback()
            raise
        self.commit()

    # The place the store lives
    def guarded(self) -> contextlib.AbstractContextManager:
        """The driver's failures as the store's own sentences (``StoreError``)."""
        raise NotImplementedError

    def ensure_sound(self) -> None:
        """Refuse to write into a damaged store (once per connection)."""

    def reopen(self, busy_timeout: float | None = None) -> Db:
        """Another connection to the same store (each thread has its own)."""
        raise NotImplementedError

    def watch(self) -> Watcher:
        """Tells when others changed the store (see ``Watcher``)."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class Watcher:
    """Another connection that learns of changes made through any other: ``wait(timeout)``
    blocks up to ``timeout`` seconds and returns the lists ("releases", "compounds",
    "contacts", "presentations") that changed, empty if none. For a thread of its own."""

    def wait(self, timeout: float) -> set[str]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError
