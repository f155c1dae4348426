"""Reading on every core: releases are read and extracted in worker processes, the results
come back in the order given, and one file can neither stall nor end the batch.

As calibre's ``gui2/add.py`` reads metadata in a pool of processes, each file here is read
by a worker process. A file that takes longer than the time limit has its worker killed
and is reported as "took too long"; a worker that dies (out of memory, a crash in a
library) fails that one file; a fresh worker takes its place. Qt-free.

Not concurrent.futures' ProcessPoolExecutor: it cannot stop one task that runs too long
(killing a worker breaks the whole pool), and that is the point here.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from typing import TYPE_CHECKING

from .extract.readers.document import ReadError

if TYPE_CHECKING:
    from .extract.model import ParsedRelease
    from .reading import Item

TIME_LIMIT_S = 10.0
Result = "ParsedRelease | ReadError"


def default_workers() -> int:
    return max(1, min(8, os.cpu_count() or 1))


def _serve(conn: Connection) -> None:
    """A worker: read what it is sent, send back a parse or the reason it failed."""
    from .reading import parse

    while True:
        try:
            item = conn.recv()
        except EOFError:
            return
        if item is None:
            return
        try:
            result = parse(item)
        except ReadError as exc:
            result = exc
        except BaseException as exc:  # noqa: BLE001 - parse() already turns bugs into ReadError
            result = ReadError(f"the reader failed ({type(exc).__name__}: {exc})")
        conn.send(result)


def _context():
    # forkserver: workers start from a clean server process, never from a process with Qt's
    # threads in it (fork would copy them half-way); the server has the extractor loaded.
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["irdesk.reading", "irdesk.extract.primed"])
        return ctx
    return multiprocessing.get_context("spawn")


def prepare() -> None:
    """Start loading the extractor in the fork server now, without waiting for it: the
    caller goes on with its own work (hashing files, opening the store) meanwhile, and the
    workers fork from a ready server when ``read_all`` needs them."""
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


# Files handed to a worker ahead of the one it reads: it goes on to the next while the
# writer stores the last (handing out only when the writer asks for a result left every
# worker idle for as long as a release takes to store).
AHEAD = 2


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    jobs: deque = field(default_factory=deque)  # what it was given, the one it reads first
    since: float = 0.0  # when it began the first of its jobs (as the parent learned it)

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.process.kill()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _start(ctx) -> _Worker:
    parent, child = ctx.Pipe()
    process = ctx.Process(target=_serve, args=(child,), daemon=True, name="irdesk-reader")
    process.start()
    child.close()
    return _Worker(process, parent)


def read_all(items: list[Item], workers: int | None = None, time_limit: float = TIME_LIMIT_S,
             cancelled: Callable[[], bool] = lambda: False) -> Iterator[tuple[int, ParsedRelease | ReadError]]:
    """``(index, parse or ReadError)`` for each item, in the order given."""
    if not items:
        return
    ctx = _context()
    count = max(1, min(workers or default_workers(), len(items)))
    pool = [_start(ctx) for _ in range(count)]
    pending = deque(range(len(items)))
    done: dict[int, ParsedRelease | ReadError] = {}
    next_out = 0
    try:
        while next_out < len(items):
            if cancelled():
                return
            _hand_out(pool, pending, items, len(done) < 4 * count)
            # Waits only when the next result in order is not in yet; else takes what is ready.
            _collect(pool, done, pending, ctx, time_limit, block=next_out not in done)
            while next_out in done:
                yield next_out, done.pop(next_out)
                next_out += 1
    finally:
        for worker in pool:
            worker.stop(kill=bool(worker.jobs))


def _hand_out(pool: list[_Worker], pending: deque, items: list, room: bool) -> None:
    # Every idle worker first, then one more each to read next.
    for depth in range(1 + AHEAD):
        for worker in pool:
            if len(worker.jobs) == depth and pending and room:
                job = pending.popleft()
                if not worker.jobs:
                    worker.since = time.monotonic()
                worker.jobs.append(job)
                worker.conn.send(items[job])


def _collect(pool: list[_Worker], done: dict, pending: deque, ctx, time_limit: float, block: bool = True) -> None:
    busy = [w for w in pool if w.jobs]
    if not busy:
        return
    now = time.monotonic()
    if not block:  # (a poll of each pipe costs less than wait()'s selector)
        ready = [w.conn for w in busy if w.conn.poll()]
    else:
        timeout = max(0.0, min(w.since + time_limit - now for w in busy)) if time_limit > 0 else None
        ready = wait([w.conn for w in busy], timeout)
    for n, worker in enumerate(pool):
        if not worker.jobs:
            continue
        if worker.conn in ready:
            try:
                done[worker.jobs[0]] = worker.conn.recv()
                worker.jobs.popleft()
                worker.since = time.monotonic()  # it has gone on to the next, if it has one
                continue
            except (EOFError, OSError):
                reason = "the reader stopped while reading it (out of memory, or a crash in a library)"
        elif time_limit > 0 and time.monotonic() - worker.since >= time_limit:
            reason = f"it took too long to read (more than {time_limit:g} s)"
        else:
            continue
        done[worker.jobs.popleft()] = ReadError(reason)
        pending.extendleft(reversed(worker.jobs))  # what it had not begun goes to another
        worker.jobs.clear()
        worker.stop(kill=True)
        pool[n] = _start(ctx)
