"""Live lists: what others change in the store shows in the open window within a second,
without moving the user's place in it.

``StoreWatcher`` is a thread of its own around the store's ``Watcher`` (LISTEN/NOTIFY on a
team store, ``PRAGMA data_version`` on a file); ``kept_place`` reloads a list keeping the
selection, the current row and the scroll position by record id, not by row number (rows
move when others add or delete). The lists' model, ``LiveListModel``, is in ``models``: a
window's first frame reads its list through it, and needs nothing else here."""

from __future__ import annotations

import atexit
import contextlib
import weakref
from collections.abc import Iterator

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QThread, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableView

from ..store import Store
from .models import LiveListModel  # noqa: F401 - the live list's model lives with the others

WAIT_S = 0.25  # how long one wait blocks: also how long stopping the thread may take
RETRY_S = 5.0  # between attempts to reach a store that went away
EVERYTHING = frozenset({"releases", "compounds", "contacts", "presentations"})
# The lists each changed table shows in: presentations are counted in releases and compounds.
SHOWN_IN = {"releases": {"releases"}, "compounds": {"compounds"}, "contacts": {"contacts"},
            "presentations": {"releases", "compounds"}}


# Watchers still running when Python exits (a script that never closed its window): Qt aborts
# the process when a running QThread is destroyed, so they are stopped first.
_RUNNING: weakref.WeakSet[StoreWatcher] = weakref.WeakSet()


@atexit.register
def _stop_running() -> None:
    for watcher in list(_RUNNING):
        watcher.stop()


def lists_of(changed: set[str]) -> set[str]:
    return {kind for table in changed for kind in SHOWN_IN.get(table, {table})}


class StoreWatcher(QThread):
    """Opens, waits on and closes its watcher connection all in its own thread. Tells the GUI
    thread which tables changed (everything, each time it starts listening: notices sent
    before were missed); says so when it lost the store and when it has it back."""

    changed = Signal(object)  # a set of table names
    lost = Signal(str)
    back = Signal()

    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self.store = store  # only its location is read here: the watcher is a connection of its own
        _RUNNING.add(self)

    def run(self) -> None:
        watcher, lost = None, False
        while not self.isInterruptionRequested():
            try:
                if watcher is None:
                    watcher = self.store.watch()
                    if lost:
                        lost = False
                        self.back.emit()
                    # What others changed before it listened (the window read the store a moment
                    # earlier, or the connection was down) was not announced: read it all again.
                    self.changed.emit(set(EVERYTHING))
                found = watcher.wait(WAIT_S)
            except Exception as exc:  # noqa: BLE001 - any failure of the connection: try again later
                import logging  # on failure only: not loaded before the first paint
                logging.getLogger(__name__).info("watching the store failed: %s", exc)
                if watcher is not None:
                    with contextlib.suppress(Exception):
                        watcher.close()
                watcher = None
                if not lost:
                    lost = True
                    self.lost.emit(str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__)
                self._pause(RETRY_S)
                continue
            if found:
                self.changed.emit(found)
        if watcher is not None:
            with contextlib.suppress(Exception):
                watcher.close()

    def _pause(self, seconds: float) -> None:
        for _ in range(int(seconds / 0.1)):
            if self.isInterruptionRequested():
                return
            self.msleep(100)

    def stop(self) -> None:
        """Ask the thread to end and wait for it (at most one wait, a quarter of a second)."""
        self.requestInterruption()
        self.wait()
        _RUNNING.discard(self)


def store_open(store: Store) -> bool:
    """Whether the store's connection is still open: a notice queued before the store was
    closed (a window outliving its store in a script or test) is not acted on."""
    conn = store.conn
    closed = getattr(conn, "closed", None)  # psycopg's connection says so
    if closed is not None:
        return not closed
    try:
        conn.total_changes  # noqa: B018 - sqlite3 raises on a closed connection
    except Exception:  # noqa: BLE001 - sqlite3.ProgrammingError, without importing sqlite3 here
        return False
    return True


def editing(table: QTableView) -> bool:
    """A cell editor is open: reloading the list now would throw away what is being typed."""
    return table.state() == QAbstractItemView.State.EditingState


@contextlib.contextmanager
def kept_place(table: QTableView) -> Iterator[None]:
    """Around a reload of ``table``'s model (a ``StoreListModel``): afterwards the same
    records are selected and current, and the record that was at the top is at the top
    again (when it is still there), however the rows moved."""
    model = table.model()
    selection = table.selectionModel()
    chosen = [model.id_at(i.row()) for i in selection.selectedRows()]
    current = table.currentIndex()
    current_id = model.id_at(current.row()) if current.isValid() else None
    top_row = table.rowAt(0)
    top_id = model.id_at(top_row) if top_row >= 0 else None
    top_offset = table.rowViewportPosition(top_row) if top_row >= 0 else 0  # <= 0: partly scrolled out
    vertical, horizontal = table.verticalScrollBar().value(), table.horizontalScrollBar().value()
    yield
    table.doItemsLayout()  # the scroll range follows the reloaded rows now, not at the next paint

    def row(row_id: int | None) -> int | None:
        return None if row_id is None else model.find(row_id)  # loads the rows up to it again

    new_top = row(top_id)
    rows = [r for r in map(row, chosen) if r is not None]
    picked = QItemSelection()
    last = model.columnCount() - 1
    for r in rows:
        picked.select(model.index(r, 0), model.index(r, last))
    flags = QItemSelectionModel.SelectionFlag
    selection.select(picked, flags.ClearAndSelect)
    current_row = row(current_id)
    if current_row is not None:
        selection.setCurrentIndex(model.index(current_row, max(current.column(), 0)), flags.NoUpdate)
    table.doItemsLayout()
    if new_top is not None:
        table.scrollTo(model.index(new_top, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        if table.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerPixel:
            table.verticalScrollBar().setValue(table.verticalScrollBar().value() - top_offset)
    else:
        table.verticalScrollBar().setValue(vertical)
    table.horizontalScrollBar().setValue(horizontal)
