#!/usr/bin/env python3
"""What a change notice costs the window's GUI thread on a large store (build one with
bench/store.py --keep): all three lists and their panes when nothing changed (each list
compared with the store first, each pane's record too), against re-reading them (a reset
each, selection and scroll kept); and how long after another connection's commit the
window shows it. Medians of several runs, in one process.

    .venv/bin/python bench/live.py PATH [--runs 7]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def median_ms(app, work, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        app.processEvents()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, help="a store file (copied first; the copy is changed)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    QCoreApplication.setOrganizationName("IR Desk Bench")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    from irdesk.store import Store
    from irdesk.ui.main_window import Dialogs, MainWindow

    copy = folder / "live.db"
    shutil.copy(args.store, copy)
    store = Store(copy)
    window = MainWindow(store, Dialogs())
    window.show()
    app.processEvents()
    for kind, row in (("releases", 40), ("compounds", 10), ("contacts", 10)):
        tab = window.pages[kind]
        tab.table.selectRow(row)
        window.navigate(kind[:-1], tab.model.id_at(row), select=False)
    app.processEvents()
    kinds = ("releases", "compounds", "contacts")
    print(f"{store.count('releases'):,} releases; three records shown")
    print(f"notice, nothing changed:   {median_ms(app, lambda: window.refresh(kinds, if_changed=True), args.runs):6.1f} ms")
    print(f"lists re-read (reset):    {median_ms(app, lambda: window.refresh(kinds), args.runs):6.1f} ms")
    with Store(copy) as other:
        target = window.pages["releases"].model.id_at(40)
        delays = []
        for n in range(args.runs):
            headline = f"Changed by another connection {n}"
            other.edit("releases", target, "headline", headline)
            start = time.perf_counter()
            while headline not in window.pages["releases"].detail.toPlainText():
                app.processEvents()
                time.sleep(0.005)
            delays.append(time.perf_counter() - start)
    print(f"another connection's edit shown after: median {statistics.median(delays) * 1000:.0f} ms, "
          f"most {max(delays) * 1000:.0f} ms")
    window.close()
    store.close()
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
