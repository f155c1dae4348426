"""Editing a cell on a shared store: the edit is written only over the row the user saw.

The list's rows do not carry the row's ``version`` (``store.page`` leaves it out), so the
delegate reads it when the editor OPENS, from the record itself. That is the moment the
user starts from what the cell shows; the detail pane's record was read when the row was
chosen, which may be long before, and is not the record being edited when the cell is on
another row. If the record read then already differs from what the cell shows (someone
changed it and the list has not caught up yet), the edit carries a version no row has, so
the store refuses it as a ``Conflict`` and the user chooses, instead of it silently
writing over the other person's value."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate

from ..store import StoreError

STALE = 0  # no row has version 0 (they start at 1): the store answers Conflict


def _text(value) -> str:
    return "" if value is None else str(value)


class VersionedDelegate(QStyledItemDelegate):
    """Remembers, per record, the version its open editor started from; ``take(row_id)``
    gives it to the edit once (None: no editor was opened through this delegate)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.versions: dict[int, int] = {}

    def createEditor(self, parent, option, index: QModelIndex):
        editor = super().createEditor(parent, option, index)
        model = index.model()
        row_id = index.data(Qt.ItemDataRole.UserRole)
        column = model.columns[index.column()].editable
        if row_id is not None and column:
            self.versions[row_id] = self._version(model, row_id, column, index.data(Qt.ItemDataRole.EditRole))
        return editor

    @staticmethod
    def _version(model, row_id: int, column: str, shown) -> int:
        try:
            record = getattr(model.store, model.kind[:-1])(row_id)
        except StoreError:
            return STALE  # could not tell: the write asks rather than overwrites
        if record is None or _text(record.get(column)) != _text(shown):
            return STALE
        return record["version"]

    def take(self, row_id: int) -> int | None:
        return self.versions.pop(row_id, None)
