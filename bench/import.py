#!/usr/bin/env python3
"""Import end to end: the 1,000 bulk releases through ``main.py import`` into a fresh store
(worker processes reading, one writer), as releases/s and as a ratio to reading and
decoding the same files in one process; then the same files again (all duplicates); and
the writer's own time per release (``Store.add`` on releases already read, in one process).

    .venv/bin/python bench/import.py [--workers N] [--folder ../shared/corpus/bulk]
                                     [--repeat N] [--against OTHER_CHECKOUT]

``--against`` measures another checkout of IR Desk (say, a worktree of the commit before a
change) in the same run, the two taking turns, so that both see the same load. Each figure
is the best of ``--repeat`` runs; "CPU" is the user+system time of every process of the
import (writer, fork server, workers), per release: on N cores, N / CPU is the most that
the releases/s can reach.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def adopt_orphans() -> bool:
    """Become the reaper of this run's orphans (Linux): the fork server and the workers outlive
    ``main.py`` by a moment, and their CPU is counted only once someone waits for them."""
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def children_cpu() -> float:
    while True:  # every descendant waited for, so that its time is in the count
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            break
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def as_installed(root: Path) -> dict:
    """The environment of an installed IR Desk: its modules' bytecode compiled and cached (as
    pip and the bundle leave them). This workplace sets PYTHONDONTWRITEBYTECODE, which would
    make every process of every run (the writer, the fork server) compile the sources again."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "irdesk")], env=env, check=True)
    return env


def timed_import(root: Path, folder: Path, db: Path, workers: int | None) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds of the whole process tree (see ``adopt_orphans``), and the summary line."""
    command = [sys.executable, "main.py", "import", str(folder), "--db", str(db)]
    if workers is not None:
        command += ["--workers", str(workers)]
    env = as_installed(root)
    cpu = children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, env=env)
    return time.perf_counter() - started, children_cpu() - cpu, done.stdout.strip().splitlines()[-1]


def store_time(root: Path, folder: Path) -> dict:
    """``Store.add`` per release, in a process of its own that imports ``root``'s IR Desk."""
    done = subprocess.run([sys.executable, __file__, "--store-time-of", str(root), "--folder", str(folder)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _measure_store_time(root: Path, folder: Path) -> dict:
    """The files read as a worker reads them (``importer.parse``), then stored one by one in
    batched commits as the importer stores them; the writer's time per release."""
    sys.path.insert(0, str(root))
    from irdesk.extract.readers.document import ReadError
    from irdesk.importer import Item, _source, collect, parse
    from irdesk.store import Store

    items = [Item.file(path) for path in collect([folder])]
    parsed = []
    for item in items:
        try:
            parsed.append((item, parse(item)))
        except ReadError:
            pass
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        cpu, started = time.process_time(), time.perf_counter()
        with store.batched() as tick:
            for item, release in parsed:
                store.add(release, _source(item))
                tick()
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        store.close()  # (the last connection: the WAL is written back into the file)
        size = (Path(tmp) / "bench.db").stat().st_size
    return {"releases": len(parsed), "wall_ms": wall / len(parsed) * 1000, "cpu_ms": cpu / len(parsed) * 1000,
            "size_mb": size / 1e6}


def reading_alone(folder: Path) -> tuple[int, float]:
    sys.path.insert(0, str(ROOT))
    from irdesk.extract.readers import ReadError, read_file
    from irdesk.importer import collect

    files = list(collect([folder]))
    started = time.perf_counter()
    for path in files:
        try:
            read_file(path)
        except ReadError:
            pass
    return len(files), time.perf_counter() - started


def measure(root: Path, folder: Path, workers: int | None, best: dict) -> None:
    """One fresh import and one re-import; keeps the fastest of each in ``best``."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        for name in ("first", "again"):
            run = timed_import(root, folder, db, workers)
            if name not in best or run[0] < best[name][0]:
                best[name] = run


def report(label: str, n: int, reading: float, best: dict, store: dict) -> None:
    (first, first_cpu, first_line), (again, again_cpu, again_line) = best["first"], best["again"]
    print(f"{label}:")
    print(f"  import into a fresh store: {first:.2f} s = {n / first:,.0f} releases/s "
          f"({first / reading:.1f}x reading alone; CPU {first_cpu / n * 1000:.2f} ms per release)  [{first_line}]")
    print(f"  import again (all stored): {again:.2f} s = {n / again:,.0f} files/s "
          f"(CPU {again_cpu:.2f} s)  [{again_line}]")
    print(f"  store time (Store.add, bulk set, one process): {store['wall_ms']:.2f} ms per release "
          f"(CPU {store['cpu_ms']:.2f} ms; store {store['size_mb']:.1f} MB)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=ROOT.parent / "shared" / "corpus" / "bulk")
    parser.add_argument("--workers", type=int, default=None, help="reader processes (default: one per core)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the best is shown")
    parser.add_argument("--against", type=Path, help="another checkout of IR Desk, measured in turn with this one")
    parser.add_argument("--store-time-of", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    folder = args.folder.resolve()
    if args.store_time_of:
        print(json.dumps(_measure_store_time(args.store_time_of.resolve(), folder)))
        return 0
    whole_tree = adopt_orphans()
    n, reading = reading_alone(folder)
    print(f"{n} files; reading and decoding alone: {reading:.2f} s ({n / reading:,.0f} files/s, one process)")
    roots = {"this checkout": ROOT}
    if args.against:
        roots = {f"against {args.against}": args.against.resolve(), **roots}
    best: dict[str, dict] = {label: {} for label in roots}
    stores: dict[str, dict] = {}
    for _ in range(args.repeat):
        for label, root in roots.items():
            measure(root, folder, args.workers, best[label])
            found = store_time(root, folder)
            if label not in stores or found["wall_ms"] < stores[label]["wall_ms"]:
                stores[label] = found
    for label in roots:
        report(label, n, reading, best[label], stores[label])
    if not whole_tree:
        print("(CPU: the writer process alone; this system cannot count its workers' time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
