#!/usr/bin/env python3
"""Time to first paint, measured in one run for: a bare PySide6 window, IR Desk on an
empty store, and IR Desk on a large store (build one with bench/store.py --keep). Also the
resident memory at first paint. Each case is a fresh process; medians of several runs, the
cases taken in turn (bare, empty, large, bare, ...) so that other work on the machine weighs
on all of them alike; beside the time, the CPU time the process used up to its first paint
(all its threads), which other work on the machine disturbs less; and whether PySide had made
its Qt namespace by then ("Qt ns"): 15-20 ms, made the first time anything names ``Qt``.

    .venv/bin/python bench/startup.py [--large PATH] [--runs 5] [--tree OTHER_CHECKOUT]

``--tree`` times another checkout too, in the same run (a change measured against this one).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import os, resource, sys, time
sys.path.insert(0, sys.argv[3])
import PySide6.QtCore
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            usage = resource.getrusage(resource.RUSAGE_SELF)
            rss, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
            made = int("Qt" in vars(PySide6.QtCore))  # PySide adds it as it makes it
            print(f"painted {time.time():.6f} {rss:.1f} {cpu:.4f} {made}", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
            obj.removeEventFilter(self)
        return False

mode, db = sys.argv[1], sys.argv[2]
if mode == "bare":
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hello"))
    window.resize(1200, 760)
else:
    from irdesk.store import Store
    from irdesk.ui.app import make_application
    from irdesk.ui.main_window import MainWindow
    app = make_application(sys.argv[:1])
    window = MainWindow(Store(db))
watcher = FirstPaint()
target = window.centralWidget() or window
target.installEventFilter(watcher)
window.show()
app.exec()
"""


def start(mode: str, db: str, root: Path, env: dict) -> tuple[float, float, float, bool]:
    """One start: seconds to the first paint, its CPU seconds, the memory then (MB), and
    whether the Qt namespace was made by then."""
    began = time.time()
    # faulthandler: a start that crashes says where (else only "no paint")
    out = subprocess.run([sys.executable, "-X", "faulthandler", "-c", CHILD, mode, db, str(root)], env=env,
                         capture_output=True, text=True, timeout=300, cwd=root)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("painted")), None)
    if line is None:
        raise SystemExit(f"{mode} {db} ({root}): no paint, exit code {out.returncode}\n{out.stderr[-3000:]}")
    _, stamp, rss, cpu, made = line.split()
    return float(stamp) - began, float(cpu), float(rss), made == "1"


Case = tuple[str, str, str, Path]  # label, mode, store, checkout


def measure(cases: list[Case], runs: int) -> dict[str, tuple[float, float, float, bool]]:
    """Per case: median seconds to the first paint, median CPU seconds, largest memory, and
    whether any run had made the Qt namespace by its first paint."""
    envs = {}
    for label, *_ in cases:
        # As on a user's machine: bytecode cached after the first start (this workplace sets
        # PYTHONDONTWRITEBYTECODE, which would make every start compile the sources again),
        # and the settings the first start wrote.
        envs[label] = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                           XDG_CONFIG_HOME=tempfile.mkdtemp())
        envs[label].pop("PYTHONDONTWRITEBYTECODE", None)
    seen: dict[str, list[tuple[float, float, float, bool]]] = {label: [] for label, *_ in cases}
    for run in range(runs + 1):
        for label, mode, db, root in cases:
            result = start(mode, db, root, envs[label])
            if run:  # the first round warms up: it writes the bytecode caches
                seen[label].append(result)
    return {label: (statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows),
                    max(r[2] for r in rows), any(r[3] for r in rows)) for label, rows in seen.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", type=Path, default=Path("/tmp/irdesk-100k.db"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tree", type=Path, action="append", default=[],
                        help="another checkout to time beside this one (its irdesk package)")
    args = parser.parse_args()
    empty = Path(tempfile.mkdtemp()) / "empty.db"
    cases: list[Case] = [("bare PySide6 window", "bare", "", ROOT)]
    for root in [ROOT, *args.tree]:
        name = "" if root == ROOT else f" [{root.name}]"
        cases.append((f"IR Desk, empty store{name}", "app", str(empty), root.resolve()))
        if args.large.exists():
            cases.append((f"IR Desk, {args.large.name}{name}", "app", str(args.large), root.resolve()))
    if not args.large.exists():
        print(f"(no large store at {args.large}: run bench/store.py --keep --db {args.large} first)")
    results = measure(cases, args.runs)
    bare, bare_cpu, _, _ = results["bare PySide6 window"]
    for label, (seconds, cpu, rss, made) in results.items():
        print(f"{label:40} first paint {seconds * 1000:7.0f} ms  ({seconds / bare:4.2f}x bare)  "
              f"CPU {cpu * 1000:5.0f} ms ({cpu / bare_cpu:4.2f}x)  max RSS {rss:6.0f} MB  "
              f"Qt ns {'yes' if made else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
