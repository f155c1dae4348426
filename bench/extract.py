#!/usr/bin/env python3
"""Extraction speed over the shared corpus: median and p95 per release, and the ratio to
merely reading and decoding the same files (measured in the same run).

    .venv/bin/python bench/extract.py [--rounds N] [--against OTHER_CHECKOUT] [--imports N]

``--against`` measures another checkout of IR Desk (say, a worktree of the commit before a
change) in the same run: each checkout's extractor runs in a process of its own, the two
taking turns over slices of the corpus for ``--rounds`` rounds, so that both see the same
load on a noisy machine. Per file, the best of the rounds counts; "CPU" is the process's own
CPU time for the file (``time.process_time``), "wall" the elapsed time. Then each checkout's
``from irdesk.extract import engine`` is timed in ``--imports`` fresh interpreters, in turn.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SLICE = 100  # files per turn: small enough that both checkouts see the same minute of load


def corpus_files() -> list[Path]:
    return sorted(p for d in ("releases", "bulk") for p in (CORPUS / d).glob("*") if p.suffix != ".tsv")


def timings(files: list[Path], work) -> list[float]:
    out = []
    for path in files:
        start = time.perf_counter()
        work(path)
        out.append(time.perf_counter() - start)
    return out


def summary(ms: list[float]) -> str:
    ms = sorted(ms)
    return (f"mean {statistics.fmean(ms):.3f}, median {statistics.median(ms):.3f}, "
            f"p95 {ms[int(len(ms) * 0.95)]:.3f}, max {ms[-1]:.3f} ms")


def alone(rounds: int) -> int:
    """This checkout alone (no ``--against``): best of ``rounds`` per file, wall time."""
    sys.path.insert(0, str(ROOT))
    from irdesk.extract import extract_file
    from irdesk.extract.readers import read_file

    files = corpus_files()
    if not files:
        print(f"no corpus at {CORPUS}")
        return 1
    extract_file(files[0])  # imports and compiled patterns out of the measurement
    best_read = [min(ts) for ts in zip(*(timings(files, read_file) for _ in range(rounds)))]
    best_full = [min(ts) for ts in zip(*(timings(files, extract_file) for _ in range(rounds)))]
    ms = sorted(t * 1000 for t in best_full)
    read_ms = sorted(t * 1000 for t in best_read)
    p95 = ms[int(len(ms) * 0.95)]
    print(f"{len(files)} releases, best of {rounds} rounds each")
    print(f"extract: median {statistics.median(ms):.2f} ms, p95 {p95:.2f} ms, max {ms[-1]:.2f} ms per release")
    print(f"read+decode only: median {statistics.median(read_ms):.3f} ms")
    print(f"ratio extract/read (medians): {statistics.median(ms) / statistics.median(read_ms):.1f}x")
    print(f"throughput: {len(files) / sum(best_full):.0f} releases/s on one core")
    return 0


def serve(root: Path) -> None:
    """The measuring process of one checkout: reads slices (``start end``) on stdin, answers
    each with the CPU and wall seconds per file of that slice, as a JSON line."""
    sys.path.insert(0, str(root))
    from irdesk.extract import ReadError, extract_file

    files = corpus_files()
    try:
        extract_file(files[0])  # imports and compiled patterns out of the measurement
    except ReadError:
        pass
    print(json.dumps(len(files)), flush=True)
    for line in sys.stdin:
        start, end = map(int, line.split())
        out = []
        for path in files[start:end]:
            cpu, wall = time.process_time(), time.perf_counter()
            try:
                extract_file(path)
            except ReadError:
                pass
            out.append((time.process_time() - cpu, time.perf_counter() - wall))
        print(json.dumps(out), flush=True)


def import_seconds(root: Path) -> float:
    code = ("import sys, time; sys.path.insert(0, sys.argv[1]); t = time.perf_counter(); "
            "from irdesk.extract import engine; print(time.perf_counter() - t)")
    done = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True, check=True)
    return float(done.stdout)


def against(other: Path, rounds: int, imports: int) -> int:
    roots = {"before": other.resolve(), "after": ROOT}
    procs = {label: subprocess.Popen([sys.executable, __file__, "--serve", str(root)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True) for label, root in roots.items()}
    n = {label: json.loads(p.stdout.readline()) for label, p in procs.items()}
    if len(set(n.values())) != 1 or not n["after"]:
        print(f"no corpus, or not the same one: {n}")
        return 1
    count = n["after"]
    best = {label: [(float("inf"), float("inf"))] * count for label in roots}
    for turn in range(rounds):
        for start in range(0, count, SLICE):
            order = list(roots) if (turn + start // SLICE) % 2 == 0 else list(roots)[::-1]
            for label in order:
                procs[label].stdin.write(f"{start} {min(start + SLICE, count)}\n")
                procs[label].stdin.flush()
                got = json.loads(procs[label].stdout.readline())
                for i, (cpu, wall) in enumerate(got, start):
                    old = best[label][i]
                    best[label][i] = (min(old[0], cpu), min(old[1], wall))
    for p in procs.values():
        p.stdin.close()
        p.wait()
    print(f"{count} files, best of {rounds} rounds per file, the two checkouts taking turns")
    for label, root in roots.items():
        print(f"{label:6s} ({root}):")
        print(f"  CPU  {summary([c * 1000 for c, _ in best[label]])}")
        print(f"  wall {summary([w * 1000 for _, w in best[label]])}")
    for k, name in ((0, "CPU"), (1, "wall")):
        b, a = ([t[k] for t in best[label]] for label in roots)
        print(f"ratio after/before, {name}: mean {statistics.fmean(a) / statistics.fmean(b):.3f}, "
              f"median {statistics.median(a) / statistics.median(b):.3f}, "
              f"p95 {sorted(a)[int(count * 0.95)] / sorted(b)[int(count * 0.95)]:.3f}")
    if imports:
        took = {label: [] for label in roots}
        for _ in range(imports):
            for label, root in roots.items():
                took[label].append(import_seconds(root) * 1000)
        for label in roots:
            print(f"import of irdesk.extract.engine, {label}: median {statistics.median(took[label]):.0f} ms, "
                  f"best {min(took[label]):.0f} ms of {imports} fresh interpreters"
                  f" (PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r})")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="best of N per file (default 3)")
    parser.add_argument("--against", type=Path, help="another checkout of IR Desk, measured in turn with this one")
    parser.add_argument("--imports", type=int, default=5, help="with --against: import timings of each (default 5)")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return 0
    if args.against:
        return against(args.against, args.rounds, args.imports)
    return alone(args.rounds)


if __name__ == "__main__":
    sys.exit(main())
