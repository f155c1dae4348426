"""Table models over the store's paged queries: rows arrive a page at a time as the view
scrolls (``fetchMore``); sorting and filtering are the store's (SQL and FTS), so a store of
100,000 releases opens as fast as an empty one."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

# Not Qt: PySide makes the whole Qt namespace (every one of its enums, 15-20 ms) the first time
# it is touched, and a list's first frame touches none of it (see ``Tab.preview``).
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex

from ..store import Store

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

PAGE = 100  # rows per fetch: a screenful or three
Index = QModelIndex | QPersistentModelIndex


class Column(NamedTuple):  # not a frozen dataclass, whose class took 0.6 ms of every start to make
    title: str
    key: str  # the row dict's key
    sort: str | None = None  # the store's sort name; None when the column does not sort
    editable: str | None = None  # the store column an edit writes
    width: int = 110  # the first-run width; the user's own is remembered


COLUMNS: dict[str, list[Column]] = {
    "releases": [Column("Date", "date", "date", "date", 90), Column("Company", "company", "company", "company", 190),
                 Column("Headline", "headline", "headline", "headline", 460), Column("Tickers", "tickers", "tickers", None, 120),
                 Column("Presentations", "presentation_count", "presentations", None, 90)],
    "compounds": [Column("Name", "name", "name", "name", 130), Column("Other names", "other_names", "names", None, 220),
                  Column("Owner", "company", "company", "company", 170), Column("Target", "target", "target", "target"),
                  Column("Releases", "release_count", "releases", None, 70),
                  Column("Presentations", "presentation_count", "presentations", None, 90),
                  Column("Last mentioned", "last_mentioned", "last_mentioned", None, 100)],
    "contacts": [Column("Name", "name", "name", "name", 150),
                 Column("Organization", "organization", "organization", "organization", 190),
                 Column("Title", "title", "title", "title", 200), Column("Phone", "phone", "phone", "phone", 130),
                 Column("E-mail", "email", "email", "email", 190), Column("Audience", "audience", "audience", "audience", 80),
                 Column("Last seen", "last_seen", "last_seen")],
}
# The roles this model answers, as Qt::ItemDataRole's numbers (comparing with the enum's
# members costs more, and naming them makes the Qt namespace).
DISPLAY, EDIT, TOOLTIP, USER, ALIGN = 0, 2, 3, 256, 7
ROLES = frozenset((DISPLAY, EDIT, TOOLTIP, USER, ALIGN))
RIGHT = 0x0002 | 0x0080  # Qt::AlignRight | Qt::AlignVCenter
HORIZONTAL, DESCENDING = 1, 1  # Qt::Horizontal, Qt::DescendingOrder
DEFAULT_SORT = {"releases": (0, True), "compounds": (0, False), "contacts": (0, False)}

EditHandler = Callable[[str, int, str, str], None]


_FLAGS: tuple | None = None


def item_flags() -> tuple:
    """Qt's item flags for: no cell, a cell, an editable cell (made when a view first asks)."""
    global _FLAGS
    if _FLAGS is None:
        from PySide6.QtCore import Qt

        flag = Qt.ItemFlag
        cell = flag.ItemIsSelectable | flag.ItemIsEnabled
        _FLAGS = (flag.NoItemFlags, cell, cell | flag.ItemIsEditable)
    return _FLAGS


def _other_names(row: dict) -> str:
    names = (row.get("names") or "").split(" ")
    name = row.get("name") or ""
    rest = " ".join(names)
    return rest[len(name):].strip() if rest.startswith(name) else rest


class StoreListModel(QAbstractTableModel):
    """One tab's list. Edits are handed to ``on_edit`` (the window's undo stack)."""

    def __init__(self, store: Store, kind: str, on_edit: EditHandler | None = None, parent=None,
                 sort: tuple[int, bool] | None = None, counted: bool = True) -> None:
        """``sort``: the column and whether descending, read in that order at once (else the kind's
        default). ``counted=False``: the first page read, the rows counted when ``total`` is first
        asked (a count of 100,000 takes 1-2 ms a window's first frame need not wait for; ask it
        before a view does, in ``canFetchMore``, whose failure Qt cannot hear)."""
        super().__init__(parent)
        self.store, self.kind, self.on_edit = store, kind, on_edit
        self.columns = COLUMNS[kind]
        column, descending = DEFAULT_SORT[kind]
        if sort is not None and 0 <= sort[0] < len(self.columns) and self.columns[sort[0]].sort is not None:
            column, descending = sort
        self._sort_column, self._descending = column, descending
        self._query: str | None = None
        self._rows: list[dict] = []
        self._total: int | None = 0  # None: not counted yet
        self.reload(counted)

    # Loading
    def reload(self, counted: bool = True) -> None:
        self.beginResetModel()
        self._rows = self._page(0)
        self._total = None
        if len(self._rows) < PAGE:
            self._total = len(self._rows)  # a short first page is all there is
        elif counted:
            self._total = self.store.count(self.kind, self._query)
        self.endResetModel()

    def _page(self, offset: int) -> list[dict]:
        sort = self.columns[self._sort_column].sort
        rows = self.store.page(self.kind, sort, self._descending, self._query, offset, PAGE)
        if self.kind == "compounds":
            for row in rows:
                row["other_names"] = _other_names(row)
        return rows

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        rows = self._page(len(self._rows))
        if not rows:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def set_query(self, text: str | None) -> None:
        self._query = text or None
        self.reload()

    @property
    def total(self) -> int:
        """How many rows the filter lets through (counted in the store when first asked)."""
        if self._total is None:
            self._total = max(self.store.count(self.kind, self._query), len(self._rows))
        return self._total

    @property
    def sort_state(self) -> tuple[int, bool]:
        return self._sort_column, self._descending

    # Qt's model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = DISPLAY):
        # The view asks for a dozen roles per cell as it paints: those this model has no
        # answer for are turned away first, by number.
        if role not in ROLES or not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, n: int, c: int, role: int = DISPLAY):
        """What ``data`` answers for row ``n``, column ``c`` (a first frame's stand-in is filled from it)."""
        if not 0 <= n < len(self._rows) or not 0 <= c < len(self.columns):
            return None
        row = self._rows[n]
        value = row.get(self.columns[c].key)
        if role == DISPLAY or role == EDIT:
            return "" if value is None else str(value) if not isinstance(value, int) else value
        if role == TOOLTIP and isinstance(value, str) and len(value) > 40:
            return value
        if role == USER:
            return row["id"]
        if role == ALIGN and isinstance(value, int):
            return RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY):
        if role == DISPLAY and orientation.value == HORIZONTAL and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        none, cell, editable = item_flags()
        if not index.isValid():
            return none
        return editable if self.on_edit and self.columns[index.column()].editable else cell

    def setData(self, index: Index, value, role: int = EDIT) -> bool:
        if role != EDIT or not index.isValid() or not self.on_edit:
            return False
        column = self.columns[index.column()]
        if not column.editable or str(value) == str(self._rows[index.row()].get(column.key) or ""):
            return False
        row = self._rows[index.row()]
        new = str(value).strip() or None
        # The cell shows the edit at once; the store takes it off the GUI thread (the window's
        # operations), and the list is re-read when it did (or put back when it refused).
        # Reloading here, inside the view's own setData, reset the model under its editor.
        row[column.key] = new
        self.dataChanged.emit(index, index, [DISPLAY, EDIT])
        self.on_edit(self.kind, row["id"], column.editable, new)
        return True

    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:
        self.sort_by(column, order is not None and order.value == DESCENDING)

    def sort_by(self, column: int, descending: bool) -> None:
        """Sort as ``sort`` does, the order as a bool (the view's enum makes the Qt namespace)."""
        if not 0 <= column < len(self.columns) or self.columns[column].sort is None:
            return
        if (column, descending) == (self._sort_column, self._descending):
            return  # the order shown (the view asks again as sorting is enabled, and at start)
        self._sort_column, self._descending = column, descending
        self.reload()

    # Helpers for the window
    def id_at(self, row: int) -> int | None:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    def row_of(self, row_id: int) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r["id"] == row_id), None)

    def find(self, row_id: int) -> int | None:
        """The row of any id the filter shows, loading the rows up to it (as Anki's browser
        finds any card); None when the filter hides it."""
        row = self.row_of(row_id)
        if row is not None:
            return row
        at = self.store.position(self.kind, row_id, self.columns[self._sort_column].sort, self._descending,
                                 self._query)
        if at is None or at < len(self._rows):
            return None
        more = self.store.page(self.kind, self.columns[self._sort_column].sort, self._descending, self._query,
                               len(self._rows), at + PAGE - len(self._rows))
        if self.kind == "compounds":
            for item in more:
                item["other_names"] = _other_names(item)
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()
        return self.row_of(row_id)

    def shows(self, row_id: int) -> bool:
        """Whether the filter lets this record through."""
        return self.row_of(row_id) is not None or self.store.position(
            self.kind, row_id, self.columns[self._sort_column].sort, self._descending, self._query) is not None


CHECK_ROWS = 1000  # lists with more rows loaded are re-read, not compared first


class LiveListModel(StoreListModel):
    """A tab's list that knows what it has loaded: the version each row was read with (an
    edit made in the list is written only over that version), and whether the store still
    holds exactly those rows."""

    def version_at(self, row: int) -> int | None:
        return self._rows[row].get("version") if 0 <= row < len(self._rows) else None

    def unchanged(self) -> bool:
        """Whether a re-read would show the same rows: a notice of one's own change, or of a
        list a change did not touch (a file's watcher names every list), then costs a count
        and a page read, and no reset. The loaded rows are compared as dicts: asking the
        model cell by cell through Qt cost more than the reset it avoids."""
        loaded = len(self._rows)
        if loaded > CHECK_ROWS or self.store.count(self.kind, self._query) != self.total:
            return False
        column, descending = self.sort_state
        fresh = self.store.page(self.kind, self.columns[column].sort, descending, self._query, 0, max(loaded, 1))
        # A loaded row may hold more keys than a page's (values the model derives): the page's decide.
        return len(fresh) == loaded and all(all(old.get(key) == value for key, value in new.items())
                                            for old, new in zip(self._rows, fresh))
