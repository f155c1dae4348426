#!/usr/bin/env python3
"""Several writers on one store at once: importing processes (each its own folder of
generated releases) and editing processes (F2-style edits through ``Store.edit``), all
started together on a store that does not exist yet. Prints files, outcomes, edits that
landed or failed, and the store's integrity at the end.

    .venv/bin/python bench/concurrency.py [--importers 3] [--files 300] [--editors 2] [--edits 50]
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402

EDITOR = """
import sys, time
from irdesk.store import Store, StoreError
db, edits = sys.argv[1], int(sys.argv[2])
landed = failed = 0
with Store(db) as store:
    n = 0
    while landed + failed < edits:
        n += 1
        ids = [r[0] for r in store.conn.execute("SELECT id FROM releases ORDER BY random() LIMIT 1")]
        if not ids:  # nothing imported yet
            time.sleep(0.05)
            continue
        try:
            store.edit("releases", ids[0], "city", f"Edited {n}")
            landed += 1
        except StoreError as exc:
            failed += 1
            print(exc, file=sys.stderr)
print(landed, failed)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--importers", type=int, default=3)
    parser.add_argument("--files", type=int, default=300, help="files per importer")
    parser.add_argument("--editors", type=int, default=2)
    parser.add_argument("--edits", type=int, default=50, help="edits per editor")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i in range(args.importers):
            sub = folder / f"in{i}"
            sub.mkdir()
            for name, text in generate(args.files, seed=1000 + i):
                (sub / name).write_text(text, encoding="utf-8")
        db = folder / "shared.db"
        started = time.perf_counter()
        importers = [subprocess.Popen([sys.executable, "main.py", "import", str(folder / f"in{i}"), "--db", str(db)],
                                      cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for i in range(args.importers)]
        time.sleep(0.3)  # the editors start once there is something to edit
        editors = [subprocess.Popen([sys.executable, "-c", EDITOR, str(db), str(args.edits)], cwd=ROOT,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                   for _ in range(args.editors)]
        outcomes = {"imported": 0, "duplicate": 0, "failed": 0}
        refused = 0
        for proc in importers:
            out, err = proc.communicate()
            for line in out.splitlines()[:-1]:
                for status in outcomes:
                    if f": {status}" in line or line.endswith(status):
                        outcomes[status] += 1
            refused += proc.returncode == 2
            if err.strip():
                print("importer said:", err.strip().splitlines()[-1])
        landed = failed = 0
        for proc in editors:
            out, err = proc.communicate()
            parts = out.split()
            if len(parts) == 2:
                landed, failed = landed + int(parts[0]), failed + int(parts[1])
            else:
                print("editor said:", err.strip().splitlines()[-1] if err.strip() else "nothing")
        elapsed = time.perf_counter() - started
        with sqlite3.connect(db) as conn:
            integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
            stored = conn.execute("SELECT count(*) FROM releases").fetchone()[0]
    total = args.importers * args.files
    print(f"importers: {args.importers} x {args.files} files = {total}; refused at start: {refused}")
    print(f"outcomes: {outcomes['imported']} imported, {outcomes['duplicate']} duplicates, "
          f"{outcomes['failed']} failed; {stored} releases stored")
    print(f"editors: {args.editors} x {args.edits} edits: {landed} landed, {failed} failed")
    print(f"integrity: {integrity}; {elapsed:.1f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
