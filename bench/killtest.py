#!/usr/bin/env python3
"""Imports killed at random, again and again: after each kill the store is checked (integrity,
whole releases only), then the import is run again to the end (nothing lost, nothing twice).
Prints kills, corrupt stores, half releases, lost and duplicated releases.

    .venv/bin/python bench/killtest.py [--kills 1000] [--files 300]
"""

from __future__ import annotations

import argparse
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402

HALF = """SELECT count(*) FROM releases r WHERE
    (SELECT count(*) FROM sources s WHERE s.release_id = r.id) = 0
    OR (SELECT count(*) FROM release_keys k WHERE k.release_id = r.id) = 0
    OR presentation_count != (SELECT count(*) FROM presentations p WHERE p.release_id = r.id)
    OR contact_count != (SELECT count(*) FROM appearances a WHERE a.release_id = r.id)"""


def check(db: Path) -> tuple[bool, int, int]:
    """(sound, releases, half releases) of the store as the kill left it."""
    if not db.exists():
        return True, 0, 0
    with sqlite3.connect(db, timeout=30) as conn:
        try:
            sound = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            count = conn.execute("SELECT count(*) FROM releases").fetchone()[0]
            half = conn.execute(HALF).fetchone()[0]
        except sqlite3.OperationalError:  # killed before the first step was committed
            return True, 0, 0
    return sound, count, half


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--files", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(7)
    totals = {"kills": 0, "corrupt": 0, "half": 0, "lost": 0, "doubled": 0}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for name, text in generate(args.files, seed=11):
            (folder / name).write_text(text, encoding="utf-8")
        started = time.perf_counter()
        for n in range(args.kills):
            db = Path(tmp) / f"k{n}.db"
            proc = subprocess.Popen([sys.executable, "main.py", "import", str(folder), "--db", str(db)], cwd=ROOT,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.05, 3.0))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            totals["kills"] += 1
            sound, _, half = check(db)
            totals["corrupt"] += not sound
            totals["half"] += half
            subprocess.run([sys.executable, "main.py", "import", str(folder), "--db", str(db)], cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, count, _ = check(db)
            totals["lost"] += max(0, args.files - count)
            totals["doubled"] += max(0, count - args.files)
            for leftover in Path(tmp).glob(f"k{n}.*"):
                leftover.unlink()
            if (n + 1) % 25 == 0:
                print(f"  {n + 1} kills, {time.perf_counter() - started:.0f} s: {totals}", flush=True)
    print(f"kills: {totals['kills']}; corrupt stores: {totals['corrupt']}; half releases: {totals['half']}; "
          f"lost after re-import: {totals['lost']}; duplicated: {totals['doubled']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
