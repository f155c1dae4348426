"""When an edit, an undo or a redo meets rows someone else changed since they were shown:
each clash as field, yours and theirs, and the choice between writing yours over theirs
or keeping theirs. Nothing is written until the user chooses."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QStyle, QTableWidget, QTableWidgetItem, QVBoxLayout)

from ..store import Conflict
from .screen import fit

READERS = ("releases", "compounds", "contacts", "presentations")  # each has store.<kind>(id)


@dataclass
class Clashes:
    """A ``Conflict`` with what the dialog names: each clashing record's name, and the
    records that are gone (a clash's ``theirs`` is None both for an emptied field and for a
    deleted row; the store is asked which)."""
    conflict: Conflict
    names: dict[tuple[str, int], str] = field(default_factory=dict)
    gone: set[tuple[str, int]] = field(default_factory=set)

    @classmethod
    def read(cls, store, conflict: Conflict) -> Clashes:
        """Looked up on the worker's own store, right after the store refused."""
        out = cls(conflict)
        for kind, row_id in sorted({(c.kind, c.row_id) for c in conflict.clashes}):
            record = getattr(store, kind[:-1])(row_id) if kind in READERS else {}
            if record is None:
                out.gone.add((kind, row_id))
            else:
                out.names[(kind, row_id)] = record.get("headline") or record.get("name") or record.get("title") or ""
        return out

    @property
    def all_gone(self) -> bool:
        return all((c.kind, c.row_id) in self.gone for c in self.conflict.clashes)


def shown(value) -> str:
    return "(empty)" if value is None or value == "" else str(value)


class ConflictDialog(QDialog):
    """``exec()`` is Accepted for "keep mine" (the ``mine`` button), Rejected for "keep theirs"."""

    def __init__(self, clashes: Clashes, intro: str, mine: str = "Keep mine", theirs: str = "Keep theirs",
                 parent=None) -> None:
        super().__init__(parent)
        self.clashes = clashes
        self.setWindowTitle("Someone else changed this")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(icon)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.intro, 1)
        layout.addLayout(top)
        records = {(c.kind, c.row_id) for c in clashes.conflict.clashes}
        self.one_record = len(records) == 1
        if self.one_record:  # named once above the table, not on every row
            record = records.pop()
            gone = " — deleted by someone else" if record in clashes.gone else ""
            self.record = QLabel(self._record(*record) + gone)
            font = QFont(self.record.font())
            font.setBold(True)
            self.record.setFont(font)
            self.record.setTextFormat(Qt.TextFormat.PlainText)
            self.record.setWordWrap(True)
            layout.addWidget(self.record)
        self.table = self._table()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.mine_button = buttons.addButton(mine, QDialogButtonBox.ButtonRole.AcceptRole)
        self.theirs_button = buttons.addButton(theirs, QDialogButtonBox.ButtonRole.RejectRole)
        # Theirs is the default: Enter, or Escape, never writes over someone else's work.
        self.theirs_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if clashes.all_gone and mine == "Keep mine":
            self.mine_button.setEnabled(False)
            self.mine_button.setToolTip("The record was deleted: there is nothing left to write yours to.")
        layout.addWidget(buttons)
        self.theirs_button.setFocus()
        fit(self, 760, self.sizeHint().height(), parent)

    def _record(self, kind: str, row_id: int) -> str:
        name = self.clashes.names.get((kind, row_id))
        return f"{kind[:-1].title()} {f'“{name}”' if name else f'#{row_id}'}"

    def _table(self) -> QTableWidget:
        rows = self.clashes.conflict.clashes
        table = QTableWidget(len(rows), 4, self)
        table.setHorizontalHeaderLabels(["Record", "Field", "Yours", "Theirs"])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        faint = table.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for n, clash in enumerate(rows):
            key = (clash.kind, clash.row_id)
            gone = key in self.clashes.gone
            cells = [self._record(*key), clash.column.replace("_", " "), shown(clash.mine), "deleted" if gone else shown(clash.theirs)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if len(text) > 40 else "")
                empty = (column == 2 and clash.mine in (None, "")) or (column == 3 and (gone or clash.theirs in (None, "")))
                if empty:
                    font = QFont(item.font())
                    font.setItalic(True)
                    item.setFont(font)
                    item.setForeground(faint)
                table.setItem(n, column, item)
        header = table.horizontalHeader()
        # The record and field as wide as they need; the two values share the rest alike.
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,) * 2
                                      + (QHeaderView.ResizeMode.Stretch,) * 2):
            header.setSectionResizeMode(column, mode)
        table.setColumnHidden(0, self.one_record)
        # As tall as its rows (up to eight; more scroll), no empty space under them.
        visible = min(len(rows), 8)
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
                             + sum(table.rowHeight(r) for r in range(visible)))
        table.setCurrentCell(-1, -1)
        return table

    def rows(self) -> list[list[str]]:
        """What the table shows, row by row (for tests and the accessible text)."""
        return [[self.table.item(r, c).text() for c in range(4)] for r in range(self.table.rowCount())]
