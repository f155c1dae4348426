"""Editing a cell on a shared store: the edit is written only over the row the user saw.

The version an edit carries is the one the row was read with, together with the values the
list shows (``store.page`` rows carry it), taken when the editor OPENS: what the user starts
from. Not re-read from the store then (that would be a newer version than what is shown
when someone changed the row and the list has not caught up yet, and the edit would write
over their value unasked), and not the detail pane's record, which may be another row, or
read long before."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QStyledItemDelegate

from .models import USER


class VersionedDelegate(QStyledItemDelegate):
    """Remembers, per record, the version its open editor started from; ``take(row_id)``
    gives it to the edit once (None: no editor was opened through this delegate)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.versions: dict[int, int | None] = {}

    def createEditor(self, parent, option, index: QModelIndex):
        row_id = index.data(USER)
        if row_id is not None:
            self.versions[row_id] = index.model().version_at(index.row())
        return super().createEditor(parent, option, index)

    def take(self, row_id: int) -> int | None:
        return self.versions.pop(row_id, None)
