#!/usr/bin/env python3
"""Import N generated files through the window's own pipeline (drop → review dialog →
commit) and print the throughput and the worst event-loop stall, measured by a 10 ms
timer on the GUI thread during the whole import.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/import_ui.py [--count 2000] [--where]

--where names what the GUI thread was doing during each stall longer than 30 ms: a thread
samples its stack every 2 ms while the timer is late (the figures then include the
sampler's own share of the GIL, a few per cent).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()

from generate import generate  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402

from irdesk.store import Store  # noqa: E402
from irdesk.ui.app import make_application  # noqa: E402
from irdesk.ui.dropping import Dropped  # noqa: E402
from irdesk.ui.main_window import MainWindow  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--where", action="store_true", help="sample the GUI thread's stack during stalls")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="irdesk-drop-"))
    for name, text in generate(args.count, seed=11):
        (folder / name).write_text(text, encoding="utf-8")
    app = make_application()
    store = Store(folder / "bench.db")
    window = MainWindow(store)
    window.show()

    ticks = {"last": time.perf_counter(), "worst": 0.0, "count": 0}

    def tick() -> None:
        now = time.perf_counter()
        ticks["worst"] = max(ticks["worst"], now - ticks["last"])
        ticks["last"] = now
        ticks["count"] += 1

    timer = QTimer(interval=10)
    timer.timeout.connect(tick)
    phases = {}

    def read_done() -> None:
        phases["read"] = time.perf_counter()
        window.import_dialog.accept()

    def imported(outcomes) -> None:
        tick()  # the wait up to here counts; closing the window after it does not
        timer.stop()
        phases["done"] = time.perf_counter()
        phases["outcomes"] = outcomes
        app.quit()

    sampler = None
    window.imported.connect(imported)
    start = time.perf_counter()

    def begin() -> None:
        nonlocal sampler
        window.take(Dropped(paths=[str(folder)]))
        window.import_dialog.read_done.connect(read_done)
        ticks["last"] = phases["begin"] = time.perf_counter()
        timer.start()
        if args.where:
            sampler = StallSampler(ticks)

    QTimer.singleShot(0, begin)
    app.exec()
    timer.stop()
    if sampler is not None:
        sampler.stop()
    total = phases["done"] - start
    imported_count = sum(1 for o in phases["outcomes"] if o.status == "imported")
    print(f"{args.count} files through drop → review → commit: {imported_count} imported")
    print(f"reading (extract + duplicate check): {phases['read'] - start:.1f} s, "
          f"commit: {phases['done'] - phases['read']:.1f} s, total {total:.1f} s "
          f"({args.count / total:.0f} files/s)")
    print(f"worst event-loop stall during the import: {ticks['worst'] * 1000:.0f} ms "
          f"({ticks['count']} timer ticks)")
    if sampler is not None:
        sampler.print(phases)
    store.close()
    return 0


def _where(frame, depth: int) -> str:
    stack = traceback.extract_stack(frame)[-depth:]
    return " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(stack))


class StallSampler(threading.Thread):
    """While the GUI thread's timer is more than 30 ms late, where that thread is."""

    LATE_S = 0.03

    def __init__(self, ticks: dict) -> None:
        super().__init__(daemon=True)
        self.ticks, self.gui = ticks, threading.main_thread().ident
        self.stalls: list[list] = []  # [timer's last tick, last time seen late, stacks]
        self.running = True
        self.start()

    def run(self) -> None:
        current: Counter | None = None
        seen_tick = None
        while self.running:
            time.sleep(0.002)
            last = self.ticks["last"]
            late = time.perf_counter() - last
            if late < self.LATE_S:
                current = None
                continue
            if current is None or seen_tick != last:
                current, seen_tick = Counter(), last
                self.stalls.append([last, last, current])
            self.stalls[-1][1] = time.perf_counter()
            frames = sys._current_frames()
            gui = frames.get(self.gui)
            others = [frame for ident, frame in frames.items() if ident not in (self.gui, self.ident)]
            if gui is not None:
                current["GUI: " + _where(gui, 6) + "".join(f"\n        other thread: {_where(f, 3)}" for f in others)] += 1

    def stop(self) -> None:
        self.running = False
        self.join()

    def print(self, phases: dict) -> None:
        longest = sorted(self.stalls, key=lambda stall: stall[0] - stall[1])[:5]
        for start, end, where in longest:
            phase = "reading" if start < phases["read"] else "committing"
            print(f"stall of at least {(end - start) * 1000:.0f} ms while {phase}, "
                  f"{start - phases['begin']:.2f} s in:")
            for stack, n in where.most_common(3):
                print(f"  {n:3} samples: {stack}")


if __name__ == "__main__":
    sys.exit(main())
