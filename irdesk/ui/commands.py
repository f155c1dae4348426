"""Undo commands over the store's changes: the change is made when the command is made;
undo and redo put one set of rows or the other back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from ..store import Change, Store


class StoreCommand(QUndoCommand):
    """The window changes the store first (on a worker, ``ui.operations``) and sets
    ``store_done`` when it did; the stack then only follows (a change pushed is already in
    the store, too) and ``after(change)`` shows what the change touched."""

    def __init__(self, store: Store, change: Change, after: Callable[[Change], None]) -> None:
        super().__init__(change.label)
        self.store, self.change, self.after = store, change, after
        self.store_done = True  # the change is already in the store

    def redo(self) -> None:
        if not self.store_done:
            self.store.reapply(self.change)
        self.store_done = False
        self.after(self.change)

    def undo(self) -> None:
        if not self.store_done:
            self.store.revert(self.change)
        self.store_done = False
        self.after(self.change)
