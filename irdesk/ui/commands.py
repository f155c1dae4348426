"""Undo commands over the store's changes: the change is made when the command is made;
undo and redo put one set of rows or the other back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from ..store import Change, Store


class StoreCommand(QUndoCommand):
    def __init__(self, store: Store, change: Change, after: Callable[[], None]) -> None:
        super().__init__(change.label)
        self.store, self.change, self.after = store, change, after
        self._done = True  # the change is already in the store

    def redo(self) -> None:
        if self._done:
            self._done = False
        else:
            self.store.reapply(self.change)
        self.after()

    def undo(self) -> None:
        self.store.revert(self.change)
        self.after()
