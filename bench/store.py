#!/usr/bin/env python3
"""The store at scale: builds a store of generated releases and prints import throughput
(end to end, with extraction) against inserting the raw texts alone, re-import of stored
releases, full-text search p50/p95 and the first page of each tab.

    .venv/bin/python bench/store.py [--count 100000] [--db PATH] [--keep]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generate import FIRST, PREFIXES, generate  # noqa: E402

from irdesk.extract import extract_text  # noqa: E402
from irdesk.importer import import_paths  # noqa: E402
from irdesk.store import Source, Store  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="where to build the store (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the store (bench/startup.py can use it)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="irdesk-bench-"))
    db_path = args.db or folder / "bench.db"
    if db_path.exists():
        db_path.unlink()
    files = folder / "releases"
    files.mkdir()
    texts = []
    for name, text in generate(args.count, seed=7):
        (files / name).write_text(text, encoding="utf-8")
        texts.append(text)

    # The floor: the same files read and their raw text inserted, committed as the importer commits.
    raw = sqlite3.connect(folder / "raw.db")
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)")
    start = time.perf_counter()
    for n, path in enumerate(sorted(files.iterdir())):
        raw.execute("INSERT INTO t (text) VALUES (?)", [path.read_text(encoding="utf-8")])
        if n % 200 == 199:
            raw.commit()
    raw.commit()
    raw_rate = len(texts) / (time.perf_counter() - start)
    raw.close()

    store = Store(db_path)
    start = time.perf_counter()
    outcomes = import_paths(store, [files])  # the app's own pipeline: read, extract, store
    full = time.perf_counter() - start
    rate = len(outcomes) / full
    print(f"{len(texts):,} releases; store {db_path.stat().st_size / 2**20:.0f} MB")
    print(f"import end to end (read text, extract, store): {rate:,.0f} releases/s "
          f"({full:.0f} s); raw text inserts alone: {raw_rate:,.0f}/s; ratio {raw_rate / rate:.1f}x")

    again = texts[:10_000]
    start = time.perf_counter()
    with store.batched() as tick:
        statuses = set()
        for text in again:
            statuses.add(store.add(extract_text(text), Source("again.txt")).status)
            tick()
    print(f"re-import of {len(again):,} stored releases: {time.perf_counter() - start:.1f} s ({statuses})")

    rng = random.Random(3)
    queries = ([p + s for p in PREFIXES for s in ("wind", "gen")] + [f"{p.upper()}-{rng.randrange(100, 999)}" for p in PREFIXES]
               + FIRST + ["antibody", "Phase 2", "Hall B", "Imaginary Society", "tinib", "nomatch"])
    times = []
    for q in queries * 3:
        start = time.perf_counter()
        store.search(q)
        times.append(time.perf_counter() - start)
    times.sort()
    print(f"full-text search over {len(queries) * 3} queries: p50 {ms(statistics.median(times))}, "
          f"p95 {ms(times[int(len(times) * 0.95)])}")

    for kind, sort, desc in (("releases", "date", True), ("compounds", "name", False), ("contacts", "name", False)):
        best = min(_timed(lambda: (store.count(kind), store.page(kind, sort, desc, limit=200))) for _ in range(5))
        print(f"first page of {kind} (count + 200 rows, sorted by {sort}): {ms(best)}")
        best = min(_timed(lambda: store.page(kind, sort, desc, query="Hopper", limit=200)) for _ in range(5))
        print(f"first page of {kind} filtered by 'Hopper': {ms(best)}")
    store.close()
    if args.keep:
        print(f"kept {db_path}")
    else:
        db_path.unlink()
    shutil.rmtree(folder, ignore_errors=True)
    return 0


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main())
