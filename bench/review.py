#!/usr/bin/env python3
"""Opening an item in the import's review dialog: the release rendered as the detail pane
renders it, its text highlighted, the editor filled. Prints the time per item (the largest
releases of the corpus, and a generated one of about 50 KB), best and worst of a few tries.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/review.py [--corpus ../shared/corpus/releases]
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
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from irdesk.importer import Item, read_items  # noqa: E402
from irdesk.store import Store  # noqa: E402
from irdesk.ui.import_dialog import ImportDialog  # noqa: E402
from samples import release_text  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "releases")
    parser.add_argument("--largest", type=int, default=4)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    body = "Responses were observed at several dose levels with durable disease control in many cohorts. " * 4
    (folder / "generated-50kb.txt").write_text(
        release_text(extra="\n\n".join(f"Paragraph {n}. {body}" for n in range(125))), encoding="utf-8")
    files = sorted((p for p in args.corpus.glob("*") if p.suffix in (".txt", ".html", ".htm")),
                   key=lambda p: p.stat().st_size, reverse=True)[:args.largest] if args.corpus.is_dir() else []
    items = [Item.file(p) for p in [folder / "generated-50kb.txt", *files]]
    with Store(folder / "bench.db") as store:
        reads = read_items(store, items)
    dialog = ImportDialog(folder / "bench.db", items, True)
    dialog._finished(reads)  # as if the reader had sent them
    dialog.show()
    app.processEvents()
    for n, read in enumerate(reads):
        if read.parsed is None:
            print(f"{read.item.path.name}: {read.state}")
            continue
        times = []
        for _ in range(5):
            dialog.table.selectRow((n + 1) % len(reads))
            app.processEvents()
            start = time.perf_counter()
            dialog.table.selectRow(n)  # renders the preview and fills the editor
            app.processEvents()  # and paints it
            times.append((time.perf_counter() - start) * 1000)
        print(f"{read.item.path.name}: {len(read.parsed.text) / 1000:.0f} K characters, "
              f"opened in {min(times):.0f}-{max(times):.0f} ms")


if __name__ == "__main__":
    main()
