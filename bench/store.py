#!/usr/bin/env python3
"""The store at scale, on each back end in one run: the same generated releases imported into
a new SQLite file and (with ``--pg``) a new PostgreSQL database; prints import throughput (end
to end, with extraction) against inserting the raw texts alone, re-import of stored releases,
full-text search p50/p95 and the first page of each tab, then both side by side.

    .venv/bin/python bench/store.py [--count 100000] [--db PATH] [--pg SERVER_URL | --db SERVER_URL] [--keep]
    .venv/bin/python bench/store.py --profile 1000 --pg SERVER_URL   # where PostgreSQL's time goes

``--pg``: a libpq URL of any database on a server (e.g. ``postgresql://irdesk@/postgres?host=/tmp/devpg&port=55432``);
the run creates its own database ``bench_store_<hex>`` there and drops it at the end (unless ``--keep``).
"""

from __future__ import annotations

import argparse
import contextlib
import os
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
from pgbench import fresh_database  # noqa: E402

from irdesk.extract import extract_text  # noqa: E402
from irdesk.importer import import_paths  # noqa: E402
from irdesk.store import Source, Store  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--db", help="where to build the SQLite store (default: a temporary folder); "
                        "a postgresql:// URL is taken as --pg")
    parser.add_argument("--pg", metavar="SERVER_URL", help="also build a PostgreSQL store in a new database there")
    parser.add_argument("--keep", action="store_true", help="keep the stores (bench/startup.py can use the file)")
    parser.add_argument("--profile", type=int, metavar="N",
                        help="instead: store N pre-extracted releases on each back end, counting statements")
    args = parser.parse_args()
    if args.db and str(args.db).startswith(("postgresql://", "postgres://")):
        args.pg, args.db = args.db, None  # the spelling: --db postgresql://...
    args.db = Path(args.db) if args.db else None
    if args.profile:
        import storeprofile

        return storeprofile.run(args.profile, args.pg)
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
    raw_rate = raw_inserts(files, folder / "raw.db")
    print(f"{len(texts):,} releases; raw text inserts alone (SQLite): {raw_rate:,.0f}/s", flush=True)
    results = {"SQLite": measure(db_path, files, texts, raw_rate)}
    if args.pg:
        with fresh_database(args.pg, "store", keep=args.keep) as url:
            results["PostgreSQL"] = measure(url, files, texts, raw_rate)
            if args.keep:
                print(f"kept {url}")
    side_by_side(results)
    shutil.rmtree(files, ignore_errors=True)
    (folder / "raw.db").unlink(missing_ok=True)
    if args.keep:
        print(f"kept {db_path}")
    else:
        db_path.unlink()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def raw_inserts(files: Path, where: Path) -> float:
    """The floor: the same files read and their raw text inserted, committed as the importer commits."""
    raw = sqlite3.connect(where)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)")
    start = time.perf_counter()
    n = 0
    for n, path in enumerate(sorted(files.iterdir()), 1):
        raw.execute("INSERT INTO t (text) VALUES (?)", [path.read_text(encoding="utf-8")])
        if n % 200 == 0:
            raw.commit()
    raw.commit()
    rate = n / (time.perf_counter() - start)
    raw.close()
    return rate


def measure(location, files: Path, texts: list[str], raw_rate: float) -> dict[str, float]:
    """Every figure of one back end, printed as it comes (a long run shows its progress)."""
    out: dict[str, float] = {}
    store = Store(location)
    name = "PostgreSQL" if store.team else "SQLite"
    start = time.perf_counter()
    outcomes = import_paths(store, [files])  # the app's own pipeline: read, extract, store
    out["import_s"] = time.perf_counter() - start
    out["rate"] = len(outcomes) / out["import_s"]
    out["size_mb"] = store_size(store) / 2**20
    print(f"[{name}] import end to end (read text, extract, store): {out['rate']:,.0f} releases/s "
          f"({out['import_s']:.0f} s; {raw_rate / out['rate']:.1f}x the raw inserts); store {out['size_mb']:.0f} MB; "
          f"load average {os.getloadavg()[1]:.1f} (other jobs on this machine skew a ratio)", flush=True)
    out["stored"] = store.count("releases")
    again = texts[:min(10_000, max(1_000, len(texts) // 10))]
    start = time.perf_counter()
    with store.batched() as tick:
        statuses = set()
        for text in again:
            statuses.add(store.add(extract_text(text), Source("again.txt")).status)
            tick()
    out["again_n"], out["again_s"] = len(again), time.perf_counter() - start
    print(f"[{name}] re-import of {len(again):,} stored releases: {out['again_s']:.1f} s ({statuses})", flush=True)
    out.update(search_times(store))
    print(f"[{name}] full-text search over {out['queries']:.0f} queries: p50 {ms(out['p50'])}, p95 {ms(out['p95'])}",
          flush=True)
    for kind, sort, desc in (("releases", "date", True), ("compounds", "name", False), ("contacts", "name", False)):
        out[f"page_{kind}"] = min(_timed(lambda: (store.count(kind), store.page(kind, sort, desc, limit=200)))
                                  for _ in range(5))
        out[f"filtered_{kind}"] = min(_timed(lambda: store.page(kind, sort, desc, query="Hopper", limit=200))
                                      for _ in range(5))
        print(f"[{name}] first page of {kind} (count + 200 rows, by {sort}): {ms(out[f'page_{kind}'])}; "
              f"filtered by 'Hopper': {ms(out[f'filtered_{kind}'])}", flush=True)
    store.close()
    return out


def store_size(store: Store) -> int:
    if store.team:
        return store.db.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    return store.path.stat().st_size


def search_times(store: Store) -> dict[str, float]:
    rng = random.Random(3)
    queries = ([p + s for p in PREFIXES for s in ("wind", "gen")] + [f"{p.upper()}-{rng.randrange(100, 999)}" for p in PREFIXES]
               + FIRST + ["antibody", "Phase 2", "Hall B", "Imaginary Society", "tinib", "nomatch"])
    times = []
    for q in queries * 3:
        start = time.perf_counter()
        store.search(q)
        times.append(time.perf_counter() - start)
    times.sort()
    return {"queries": len(times), "p50": statistics.median(times), "p95": times[int(len(times) * 0.95)]}


def side_by_side(results: dict[str, dict[str, float]]) -> None:
    if len(results) < 2:
        return
    lite, pg = results["SQLite"], results["PostgreSQL"]
    rows = [("releases stored", "stored", "{:,.0f}", False), ("import, releases/s", "rate", "{:,.0f}", True),
            ("import, s", "import_s", "{:,.0f}", False), ("store, MB", "size_mb", "{:,.0f}", False),
            ("re-import, s", "again_s", "{:.1f}", False), ("search p50, ms", "p50", "{:.1f}", False),
            ("search p95, ms", "p95", "{:.1f}", False)]
    rows += [(f"{label} {kind}, ms", f"{key}_{kind}", "{:.1f}", False)
             for kind in ("releases", "compounds", "contacts") for label, key in (("page", "page"), ("'Hopper'", "filtered"))]
    print(f"\n{'':28}{'SQLite':>12}{'PostgreSQL':>12}   PostgreSQL/SQLite")
    for label, key, fmt, _ in rows:
        scale = 1000 if label.endswith("ms") else 1
        a, b = lite[key] * scale, pg[key] * scale
        ratio = f"{b / a:.2f}x" if a else "-"
        print(f"{label:28}{fmt.format(a):>12}{fmt.format(b):>12}   {ratio}")


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
