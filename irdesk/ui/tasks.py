"""One helper for background work: a Qt-free function runs on the thread pool with a
``Progress``; its result, errors and progress come back to the GUI thread as signals.
A progress dialog shows only when the work takes longer than half a second.

Progress and pieces of the result are collected from the worker ten times a second, not
signalled once per file: each signal is a slot call the GUI thread makes, and each call
first waits for the GIL, which a worker busy in Python holds for up to the interpreter's
switch interval (5 ms). A few thousand queued calls were a stall of many such waits.

While work runs, what is alive is frozen out of the garbage collector's walks (``gc.freeze``)
when it starts and at each poll: a full walk, started by whichever thread allocates
(the worker, mostly) and holding the GIL throughout, took 50-150 ms once an import held its
2,000 reads, and the GUI thread waited. Frozen objects are still freed when nothing refers
to them; the walks resume over everything (``gc.unfreeze``) once no work runs."""

from __future__ import annotations

import gc
import threading
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from ..progress import Progress

POLL_MS = 100  # how often the GUI thread collects progress and pieces


class _Frozen:
    """Counts the work running; what is alive meanwhile stays out of the collector's walks.
    Nothing else in the app freezes."""

    def __init__(self) -> None:
        self.running = 0
        self.lock = threading.Lock()

    def begin(self) -> None:
        with self.lock:
            self.running += 1
            gc.freeze()

    def again(self) -> None:
        with self.lock:
            if self.running:
                gc.freeze()

    def end(self) -> None:
        with self.lock:
            self.running -= 1
            if not self.running:
                gc.unfreeze()


FROZEN = _Frozen()


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    partial = Signal(list)  # pieces of the result (``Task.send``), in order, as soon as collected
    finished = Signal(object)
    failed = Signal(str)
    worker_done = Signal(object)  # from the worker: the result, or an error as a ``_Failure``

    def __init__(self) -> None:
        super().__init__()
        self.pieces: deque = deque()  # appended by the worker, taken by the GUI thread
        self.latest: tuple[int, int, str] | None = None  # the worker's last report
        self._shown: tuple[int, int, str] | None = None
        self.poll = QTimer(self, interval=POLL_MS)
        self.poll.timeout.connect(self.collect)
        self.worker_done.connect(self._done)

    def collect(self) -> None:
        """On the GUI thread: what the worker reported and sent since the last time."""
        FROZEN.again()  # what the work made and keeps, out of the walks from now on
        latest = self.latest
        if latest is not None and latest != self._shown:
            self._shown = latest
            self.progress.emit(*latest)
        pieces = []
        while self.pieces:
            pieces.append(self.pieces.popleft())
        if pieces:
            self.partial.emit(pieces)

    def _done(self, outcome: object) -> None:
        self.poll.stop()
        self.collect()  # every piece before the end
        if isinstance(outcome, _Failure):
            self.failed.emit(outcome.text)
        else:
            self.finished.emit(outcome)


class _Failure:
    def __init__(self, text: str) -> None:
        self.text = text


class _CollectedProgress(Progress):
    def __init__(self, signals: TaskSignals) -> None:
        self.signals = signals
        self.stop = False

    def report(self, done: int, total: int, text: str) -> None:
        self.signals.latest = (done, total, text)

    def cancelled(self) -> bool:
        return self.stop


class Task(QRunnable):
    """``work(progress)`` runs off the GUI thread; connect to ``signals`` before ``start``.
    ``work`` may hand out pieces of its result with ``send``: they arrive in ``partial``,
    in lists, all of them before ``finished``."""

    def __init__(self, work: Callable[[Progress], object]) -> None:
        super().__init__()
        self.work = work
        self.signals = TaskSignals()
        self.progress = _CollectedProgress(self.signals)
        self.setAutoDelete(False)  # the window keeps it until finished

    def send(self, piece: object) -> None:
        """From ``work``, on the worker's thread: one piece of the result."""
        self.signals.pieces.append(piece)

    def run(self) -> None:
        FROZEN.begin()
        try:
            result = self.work(self.progress)
        except Exception:  # noqa: BLE001 - reported on the GUI thread, never lost
            import logging  # on failure only: not loaded before the first paint
            logging.getLogger(__name__).exception("background work failed")
            import traceback  # on failure only: not loaded before the first paint
            result = _Failure(traceback.format_exc())
        finally:
            FROZEN.end()
        self.signals.worker_done.emit(result)

    def cancel(self) -> None:
        self.progress.stop = True

    def start(self) -> None:
        self.signals.poll.start()
        QThreadPool.globalInstance().start(self)
