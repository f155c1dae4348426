"""``Store``: one connection to a store (one per thread) and the operations the app needs,
whichever back end holds it: a SQLite file (the default) or a team's PostgreSQL database."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from typing import TYPE_CHECKING

from . import queries
from .db import Db, Watcher
from .errors import StoreError
from .postgres.connection import is_team_store
from .sqlite.connection import BUSY_TIMEOUT_S, default_store_path

if TYPE_CHECKING:  # the writing side loads on first write: opening a window only reads
    from ..extract.model import ParsedRelease
    from .curation import Change
    from .writer import Added, Source


# A team store's batch holds the write lock at most this long: a colleague's edit waits behind
# it (with 2 s batches, saves waited up to 4 s of their 5 s during a team import).
TEAM_BATCH_S = 0.5

# A batch indexes its releases for search every so many (a statement each, between adds, while
# the readers read the next files) rather than all at its commit (the end of an import waited
# ~0.1 s for 900). Fewer would flush smaller pieces of the index, merged again later.
INDEX_EVERY = 100


def store_file(location: str | os.PathLike | None) -> Path | None:
    """The SQLite file ``location`` names (nothing: the default one); None for a team store."""
    if is_team_store(location):
        return None
    return Path(location) if location else default_store_path()


def open_db(location: str | os.PathLike | None, readonly: bool, busy_timeout: float, create: bool) -> Db:
    """A path (or nothing: the default file) is SQLite; a libpq URL or keyword string is PostgreSQL."""
    path = store_file(location)
    if path is None:
        from .postgres.db import PostgresDb

        return PostgresDb(str(location), readonly, busy_timeout)
    from .sqlite.db import SqliteDb

    return SqliteDb(path, readonly, busy_timeout, create)


def upgrade_pending(location: str | os.PathLike | None) -> bool:
    """Whether opening ``location`` will first upgrade a store file of an earlier version
    (a team store's server does its own in a moment: never said to be pending)."""
    path = store_file(location)
    if path is None:
        return False
    from .sqlite.connection import upgrade_pending as file_upgrade_pending

    return file_upgrade_pending(path)


class Store:
    """Open with ``Store(path_or_url)``; each thread opens its own (``reopen()``). Raises only
    ``StoreError``s for the failures a person can act on (locked, full, read-only, damaged,
    too new, unreachable)."""

    def __init__(self, location: str | os.PathLike | None = None, readonly: bool = False,
                 busy_timeout: float = BUSY_TIMEOUT_S, create: bool = True) -> None:
        self.db = open_db(location, readonly, busy_timeout, create)
        self.busy_timeout = busy_timeout  # a worker's own connection waits as long
        self._batching = False

    @classmethod
    def of(cls, db: Db) -> Store:
        store = cls.__new__(cls)
        store.db, store.busy_timeout, store._batching = db, db.busy_timeout, False
        return store

    @property
    def path(self) -> Path | None:
        """The SQLite file (None for a team store, which has no file of its own)."""
        return self.db.path

    @property
    def location(self) -> str:
        """Where the store is, for people (never a password)."""
        return self.db.location

    @property
    def name(self) -> str:
        """A short name for a window's title."""
        return self.db.path.name if self.db.path else self.db.name

    @property
    def log_folder(self) -> Path:
        """Where this program's log goes: beside the store's file, or the app's own folder."""
        return (self.db.path or default_store_path()).parent

    @property
    def team(self) -> bool:
        return self.db.dialect == "postgres"

    @property
    def conn(self):
        """The driver's own connection (sqlite3 or psycopg), for back-end-specific checks."""
        return self.db.conn

    def reopen(self, busy_timeout: float | None = None) -> Store:
        """Another connection to the same store, for another thread."""
        return Store.of(self.db.reopen(busy_timeout))

    def watch(self) -> Watcher:
        """Learns of changes others commit (see ``db.Watcher``); for a thread of its own."""
        with self.db.guarded():
            return self.db.watch()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # Writing
    def ensure_sound(self) -> None:
        self.db.ensure_sound()

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        """One write: the store checked first, the write lock taken first (while batching, held
        until the batch commits), the driver's failures as the store's sentences."""
        self.ensure_sound()
        with self.db.guarded():
            if self._batching and not self.db.in_transaction:
                self.db.begin_write()
            with self.db.writing():
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

        with self.db.guarded():
            return release_for_digest(self.db, digest)

    def rollback(self) -> None:
        """Give up the transaction under way (a batch that a failed write left broken)."""
        if self.db.in_transaction:
            self.db.rollback()

    @contextlib.contextmanager
    def batched(self, every: int = 1000, seconds: float = 2.0) -> Iterator[Callable[[], bool]]:
        """Many adds, few commits. Each add stays all-or-nothing (a savepoint inside the
        batch), so a crash loses at most the last two seconds, never half a release.
        (Commits cost most on a large store: on 100,000 releases, 2 s batches import about
        10% faster than 0.5 s ones.)
        Yields ``tick()``, to call after each add; it returns True when it committed.
        The write lock is taken by the first add after a commit (``add`` begins it), so
        other writers get their turn between batches while the next file is read."""
        if self.team:  # others' edits wait for the lock: on a shared store, batches are short
            seconds = min(seconds, TEAM_BATCH_S)
        state = {"count": 0, "since": time.monotonic()}
        self._batching = True
        self.db.batching(True)

        def tick() -> bool:
            state["count"] += 1
            if state["count"] < every and time.monotonic() - state["since"] < seconds:
                if state["count"] % INDEX_EVERY == 0:
                    self.db.index_now()
                return False
            state.update(count=0, since=time.monotonic())
            if not self.db.in_transaction:
                return False
            try:
                with self.db.guarded():
                    self.db.commit()
            except StoreError:
                self.db.rollback()  # what the batch held is not stored; the caller says so
                raise
            return True

        try:
            yield tick
        finally:
            self._batching = False
            # Whatever is in the transaction is whole releases: keep it, even when stopping early.
            try:
                if self.db.in_transaction:
                    with self.db.guarded():
                        self.db.commit()
            except StoreError:
                self.db.rollback()
                raise
            finally:
                self.db.batching(False)

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
        self.db.added = {}  # the ids of every row the adds below make (none of others')
        try:
            yield out
        finally:
            added, self.db.added = self.db.added, None
        with self._write():
            out.append(curation.finish_import(self.db, mark, added, label))

    # Corrections (each returns a Change that revert() and reapply() undo and redo)
    def edit(self, kind: str, row_id: int, column: str, value, version: int | None = None) -> Change:
        """``version``: the row's version when it was shown; if it has changed since (someone
        else edited it), ``Conflict`` is raised and nothing is written."""
        from . import curation

        with self._write():
            return curation.edit(self.db, kind, row_id, column, value, version)

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

    def revert(self, change: Change, force: bool = False) -> None:
        """Undo. If someone else changed a row of it since, ``Conflict`` (unless ``force``)."""
        from . import curation

        with self._write():
            curation.put_back(self.db, change, change.before, expect=None if force else change.after)

    def reapply(self, change: Change, force: bool = False) -> None:
        """Redo, likewise."""
        from . import curation

        with self._write():
            curation.put_back(self.db, change, change.after, expect=None if force else change.before)

    # Reading
    def count(self, kind: str, query: str | None = None) -> int:
        with self.db.guarded():
            return queries.count(self.db, kind, query)

    def page(self, kind: str, sort: str | None = None, descending: bool = False, query: str | None = None,
             offset: int = 0, limit: int = 200) -> list[dict]:
        with self.db.guarded():
            return queries.page(self.db, kind, sort, descending, query, offset, limit)

    def position(self, kind: str, row_id: int, sort: str | None = None, descending: bool = False,
                 query: str | None = None) -> int | None:
        with self.db.guarded():
            return queries.position(self.db, kind, row_id, sort, descending, query)

    def search(self, text: str, limit: int = 20) -> list[queries.Hit]:
        with self.db.guarded():
            return queries.search(self.db, text, limit)

    def release(self, release_id: int) -> dict | None:
        with self.db.guarded():
            return queries.release(self.db, release_id)

    def compound(self, compound_id: int) -> dict | None:
        with self.db.guarded():
            return queries.compound(self.db, compound_id)

    def contact(self, contact_id: int) -> dict | None:
        with self.db.guarded():
            return queries.contact(self.db, contact_id)

    def contacts_for(self, **scope) -> list[dict]:
        with self.db.guarded():
            return queries.contacts_for(self.db, **scope)

    def contact_reach(self, contact_ids: list[int]) -> dict[int, dict]:
        with self.db.guarded():
            return queries.contact_reach(self.db, contact_ids)

    def presentations_for(self, **scope) -> list[dict]:
        with self.db.guarded():
            return queries.presentations_for(self.db, **scope)

    def all_rows(self, kind: str, query: str | None = None) -> list[dict]:
        with self.db.guarded():
            return list(queries.all_rows(self.db, kind, query))

    def presentation(self, presentation_id: int) -> dict | None:
        with self.db.guarded():
            return queries.presentation(self.db, presentation_id)
