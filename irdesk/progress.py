"""What long work reports to. Qt-free: the UI's version forwards to signals."""

from __future__ import annotations


class Progress:
    def report(self, done: int, total: int, text: str) -> None:
        pass

    def cancelled(self) -> bool:
        return False
