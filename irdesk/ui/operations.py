"""One helper for every change to the store (edit, merge, delete, undo, redo, an import's
commit), after Anki's ``CollectionOp``/``OpChanges`` (ankitects/anki: qt/aqt/operations):
the mutation runs on the thread pool with its own connection (``store.reopen()``); what it
changed comes back to the GUI thread with it, so the window refreshes only the lists that
changed. A change refused because someone else changed its rows since (``Conflict``) comes
back with what clashed, for the window to ask the user.

Operations run one at a time, in the order asked: an undo pressed while an edit is still
being written waits for it, and is worked out (which step) only when its turn comes."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from typing import TYPE_CHECKING

from ..store import Conflict, Store, StoreError
from .tasks import Task

if TYPE_CHECKING:  # the writing side loads with the first change, not at the window's start
    from ..store import Change
    from .conflict_dialog import Clashes

# The lists a table's rows show up in; the compounds and contacts whose counters follow a
# change (a release deleted, imported) are named by the change itself.
TABLE_KINDS = {
    "releases": {"releases"}, "companies": {"releases", "compounds"}, "presentations": {"releases", "compounds"},
    "compounds": {"compounds"}, "compound_names": {"compounds"}, "release_compounds": {"compounds"},
    "presentation_compounds": {"compounds"}, "contacts": {"contacts"}, "appearances": {"contacts"},
}

@dataclass(frozen=True)
class Changed:
    """What a change touched: the lists to reload (the detail panes follow their records)."""
    kinds: frozenset[str] = frozenset()

    @classmethod
    def of(cls, change: Change | None) -> Changed:
        if change is None:
            return cls()
        kinds: set[str] = set()
        for table, _column, ids in change.plan:
            if len(ids):
                kinds |= TABLE_KINDS.get(table, set())
        if change.compounds:
            kinds.add("compounds")
        if change.contacts:
            kinds.add("contacts")
        return cls(frozenset(kinds))


@dataclass
class Op:
    """``work(store, progress)`` runs off the GUI thread on its own ``Store`` and returns a
    ``Change`` (or anything whose ``change`` the caller knows); ``done(result)`` runs on the
    GUI thread after."""
    label: str
    work: Callable
    done: Callable[[OpResult], None]
    wait: float | None = None  # how long to wait for another writer; the window store's by default


@dataclass
class OpResult:
    op: Op
    value: object = None
    error: str | None = None  # a sentence for the user (a StoreError), or the last line of a bug
    clashes: Clashes | None = None  # the store refused: someone else changed these rows since
    changed: Changed = field(default_factory=Changed)


class Operations(QObject):
    started = Signal(str)
    finished = Signal(object)  # an OpResult, after its ``done`` ran and the window refreshed

    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self._queue: deque[Callable[[], Op | None]] = deque()
        self.task: Task | None = None
        self.current: Op | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None

    def run(self, prepare: Callable[[], Op | None], first: bool = False) -> None:
        """``prepare()`` is called when the operations before it are done; None skips it.
        ``first``: before those waiting (the same step again, once the user chose)."""
        if first:
            self._queue.appendleft(prepare)
        else:
            self._queue.append(prepare)
        if not self.busy:
            self._next()

    def cancel(self) -> None:
        self._queue.clear()
        if self.task is not None:
            self.task.cancel()

    def _next(self) -> None:
        while self._queue:
            op = self._queue.popleft()()
            if op is not None:
                break
        else:
            return
        source, wait = self.store, op.wait if op.wait is not None else self.store.busy_timeout

        def work(progress):
            with source.reopen(busy_timeout=wait) as store:
                try:
                    return OpResult(op, op.work(store, progress))
                except StoreError as exc:
                    return OpResult(op, error=str(exc))
                except Conflict as exc:
                    from .conflict_dialog import Clashes

                    try:
                        return OpResult(op, clashes=Clashes.read(store, exc))
                    except StoreError as lost:
                        return OpResult(op, error=str(lost))

        task = Task(work)
        task.signals.finished.connect(self._finished)
        task.signals.failed.connect(lambda error: self._finished(OpResult(op, error=error.strip().splitlines()[-1])))
        self.task, self.current = task, op
        self.started.emit(op.label)
        task.start()

    def _finished(self, result: OpResult) -> None:
        self.task = self.current = None
        value = result.value
        from ..store.curation import Change

        change = value if isinstance(value, Change) else getattr(value, "change", None)
        result.changed = Changed.of(change)
        try:
            result.op.done(result)
        finally:
            self.finished.emit(result)
            if not self.busy:  # ``done`` may have started the next one already (the user chose)
                self._next()
