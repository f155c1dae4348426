"""One helper for background work: a Qt-free function runs on the thread pool with a
``Progress``; its result, errors and progress come back to the GUI thread as signals.
A progress dialog shows only when the work takes longer than half a second."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..progress import Progress


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    partial = Signal(object)  # a piece of the result, as soon as it is ready
    finished = Signal(object)
    failed = Signal(str)


class _SignalProgress(Progress):
    def __init__(self, signals: TaskSignals) -> None:
        self.signals = signals
        self.stop = False

    def report(self, done: int, total: int, text: str) -> None:
        self.signals.progress.emit(done, total, text)

    def cancelled(self) -> bool:
        return self.stop


class Task(QRunnable):
    """``work(progress)`` runs off the GUI thread; connect to ``signals`` before ``start``."""

    def __init__(self, work: Callable[[Progress], object]) -> None:
        super().__init__()
        self.work = work
        self.signals = TaskSignals()
        self.progress = _SignalProgress(self.signals)
        self.setAutoDelete(False)  # the window keeps it until finished

    def run(self) -> None:
        try:
            result = self.work(self.progress)
        except Exception:  # noqa: BLE001 - reported on the GUI thread, never lost
            logging.getLogger(__name__).exception("background work failed")
            self.signals.failed.emit(traceback.format_exc())
            return
        self.signals.finished.emit(result)

    def cancel(self) -> None:
        self.progress.stop = True

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)
