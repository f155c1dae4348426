#!/usr/bin/env python3
"""Import N generated files through the window's own pipeline (drop → review dialog →
commit) and print the throughput and the worst event-loop stall, measured by a 10 ms
timer on the GUI thread during the whole import.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/import_ui.py [--count 2000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
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
        phases["done"] = time.perf_counter()
        phases["outcomes"] = outcomes
        app.quit()

    window.imported.connect(imported)
    start = time.perf_counter()

    def begin() -> None:
        window.take(Dropped(paths=[str(folder)]))
        window.import_dialog.read_done.connect(read_done)
        ticks["last"] = time.perf_counter()
        timer.start()

    QTimer.singleShot(0, begin)
    app.exec()
    timer.stop()
    total = phases["done"] - start
    imported_count = sum(1 for o in phases["outcomes"] if o.status == "imported")
    print(f"{args.count} files through drop → review → commit: {imported_count} imported")
    print(f"reading (extract + duplicate check): {phases['read'] - start:.1f} s, "
          f"commit: {phases['done'] - phases['read']:.1f} s, total {total:.1f} s "
          f"({args.count / total:.0f} files/s)")
    print(f"worst event-loop stall during the import: {ticks['worst'] * 1000:.0f} ms "
          f"({ticks['count']} timer ticks)")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
