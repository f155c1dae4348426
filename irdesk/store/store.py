"""``Store``: one SQLite connection (one per thread) and the operations the app needs."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from typing import TYPE_CHECKING

from . import queries
from .connection import BUSY_TIMEOUT_S, connect, default_store_path, guarded, writing
from .errors import StoreCorrupt, StoreError, translate

if TYPE_CHECKING:  # the writing side loads on first write: opening a window only reads
    from ..extract.model import ParsedRelease
    from .curation import Change
    from .writer import Added, Source


class Store:
    """Open with ``Store(path)``; each thread opens its own. Raises only ``StoreError``s
    for the failures a person can act on (locked, full, read-only, damaged, too new)."""

    def __init__(self, path: str | os.PathLike | None = None, readonly: bool = False,
                 busy_timeout: float = BUSY_TIMEOUT_S, create: bool = True) -> None:
        self.path = Path(path) if path else default_store_path()
        self.busy_timeout = busy_timeout  # a worker's own connection waits as long
        self.conn = connect(self.path, readonly, busy_timeout, create)
        self._db = None
        self._batching = False
        self._sound = False

    @property
    def db(self):
        """The connection through sqlite-utils, for writing (loaded on first use)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # Writing
    def ensure_sound(self) -> None:
        """Refuse to write into a damaged store (once per connection, before its first write):
        SQLite goes on writing around a broken page, and each write loses more."""
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
            from .connection import latest_backup

            backup = latest_backup(self.path)
            offer = f" The latest copy is {backup}." if backup else " There is no earlier copy of it."
            raise StoreCorrupt(f"The store {self.path} is damaged ({found[0].splitlines()[-1]}); nothing more "
                               f"will be written to it.{offer}")
        self._sound = True

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        """One write: the store checked first, the write lock taken first (while batching, held
        until the batch commits), SQLite's failures as the store's sentences."""
        self.ensure_sound()
        with guarded(self.path):
            if self._batching and not self.conn.in_transaction:
                self.conn.execute("BEGIN IMMEDIATE")
            with writing(self.conn):
                yield

    def add(self, parsed: ParsedRelease, source: Source, corrections=()) -> Added:
        """``corrections``: (field, was, now) for each change the user made before storing."""
        from . import writer

        with self._write():
            return writer.add_release(self.db, parsed, source, corrections)

    def add_source(self, release_id: int, source: Source) -> None:
        from . import writer

        with self._write():
            writer.add_source(self.db, release_id, source)

    def release_for_digest(self, digest: str) -> int | None:
        """The release a file with exactly these bytes was stored as, if any."""
        from .writer import release_for_digest

        with guarded(self.path):
            return release_for_digest(self.conn, digest)

    def rollback(self) -> None:
        """Give up the transaction under way (a batch that a failed write left broken)."""
        if self.conn.in_transaction:
            self.conn.rollback()

    @contextlib.contextmanager
    def batched(self, every: int = 1000, seconds: float = 2.0) -> Iterator[Callable[[], bool]]:
        """Many adds, few commits. Each add stays all-or-nothing (a savepoint inside the
        batch), so a crash loses at most the last two seconds, never half a release.
        (Commits cost most on a large store: on 100,000 releases, 2 s batches import about
        10% faster than 0.5 s ones.)
        Yields ``tick()``, to call after each add; it returns True when it committed.
        The write lock is taken by the first add after a commit (``add`` begins it), so
        other writers get their turn between batches while the next file is read."""
        state = {"count": 0, "since": time.monotonic()}
        self._batching = True

        def tick() -> bool:
            state["count"] += 1
            if state["count"] < every and time.monotonic() - state["since"] < seconds:
                return False
            state.update(count=0, since=time.monotonic())
            try:
                with guarded(self.path):
                    self.conn.commit()
            except StoreError:
                self.conn.rollback()  # what the batch held is not stored; the caller says so
                raise
            return True

        try:
            yield tick
        finally:
            self._batching = False
            # Whatever is in the transaction is whole releases: keep it, even when stopping early.
            if self.conn.in_transaction:
                try:
                    with guarded(self.path):
                        self.conn.commit()
                except StoreError:
                    self.conn.rollback()
                    raise

    @contextlib.contextmanager
    def recording_import(self, parsed: list[ParsedRelease], label: str = "Import") -> Iterator[list[Change]]:
        """Adds made inside are one undoable change, appended to the yielded list at the end."""
        from . import curation
        from .identity import contact_key, squash

        compound_keys = sorted({squash(n) for p in parsed for c in p.compounds for n in c.all_names() if squash(n)})
        contact_keys = sorted({contact_key(c.name) for p in parsed for c in p.contacts if c.name})
        with self._write():
            mark = curation.mark_import(self.db, compound_keys, contact_keys)
        out: list[Change] = []
        yield out
        with self._write():
            out.append(curation.finish_import(self.db, mark, label))

    # Corrections (each returns a Change that revert() and reapply() undo and redo)
    def edit(self, kind: str, row_id: int, column: str, value) -> Change:
        from . import curation

        with self._write():
            return curation.edit(self.db, kind, row_id, column, value)

    def merge_compounds(self, keep: int, other: int) -> Change:
        from . import curation

        with self._write():
            return curation.merge_compounds(self.db, keep, other)

    def merge_contacts(self, keep: int, other: int) -> Change:
        from . import curation

        with self._write():
            return curation.merge_contacts(self.db, keep, other)

    def delete_release(self, release_id: int) -> Change:
        from . import curation

        with self._write():
            return curation.delete_release(self.db, release_id)

    def delete_releases(self, release_ids: list[int]) -> Change:
        from . import curation

        with self._write():
            return curation.delete_releases(self.db, release_ids)

    def revert(self, change: Change) -> None:
        from . import curation

        with self._write():
            curation.put_back(self.db, change, change.before)

    def reapply(self, change: Change) -> None:
        from . import curation

        with self._write():
            curation.put_back(self.db, change, change.after)

    # Reading
    def count(self, kind: str, query: str | None = None) -> int:
        with guarded(self.path):
            return queries.count(self.conn, kind, query)

    def page(self, kind: str, sort: str | None = None, descending: bool = False, query: str | None = None,
             offset: int = 0, limit: int = 200) -> list[dict]:
        with guarded(self.path):
            return queries.page(self.conn, kind, sort, descending, query, offset, limit)

    def position(self, kind: str, row_id: int, sort: str | None = None, descending: bool = False,
                 query: str | None = None) -> int | None:
        with guarded(self.path):
            return queries.position(self.conn, kind, row_id, sort, descending, query)

    def search(self, text: str, limit: int = 20) -> list[queries.Hit]:
        with guarded(self.path):
            return queries.search(self.conn, text, limit)

    def release(self, release_id: int) -> dict | None:
        with guarded(self.path):
            return queries.release(self.conn, release_id)

    def compound(self, compound_id: int) -> dict | None:
        with guarded(self.path):
            return queries.compound(self.conn, compound_id)

    def contact(self, contact_id: int) -> dict | None:
        with guarded(self.path):
            return queries.contact(self.conn, contact_id)

    def contacts_for(self, **scope) -> list[dict]:
        with guarded(self.path):
            return queries.contacts_for(self.conn, **scope)

    def contact_reach(self, contact_ids: list[int]) -> dict[int, dict]:
        with guarded(self.path):
            return queries.contact_reach(self.conn, contact_ids)

    def presentations_for(self, **scope) -> list[dict]:
        with guarded(self.path):
            return queries.presentations_for(self.conn, **scope)

    def all_rows(self, kind: str, query: str | None = None) -> list[dict]:
        with guarded(self.path):
            return list(queries.all_rows(self.conn, kind, query))

    def presentation(self, presentation_id: int) -> dict | None:
        with guarded(self.path):
            return queries.presentation(self.conn, presentation_id)
