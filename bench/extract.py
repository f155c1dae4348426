#!/usr/bin/env python3
"""Extraction speed over the shared corpus: median and p95 per release, and the ratio to
merely reading and decoding the same files (measured in the same run).

    .venv/bin/python bench/extract.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from irdesk.extract import extract_file  # noqa: E402
from irdesk.extract.readers import read_file  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def timings(files: list[Path], work) -> list[float]:
    out = []
    for path in files:
        start = time.perf_counter()
        work(path)
        out.append(time.perf_counter() - start)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="best of N per file (default 3)")
    args = parser.parse_args()
    files = sorted(p for d in ("releases", "bulk") for p in (CORPUS / d).glob("*") if p.suffix != ".tsv")
    if not files:
        print(f"no corpus at {CORPUS}")
        return 1
    extract_file(files[0])  # imports and compiled patterns out of the measurement
    best_read = [min(ts) for ts in zip(*(timings(files, read_file) for _ in range(args.rounds)))]
    best_full = [min(ts) for ts in zip(*(timings(files, extract_file) for _ in range(args.rounds)))]
    ms = sorted(t * 1000 for t in best_full)
    read_ms = sorted(t * 1000 for t in best_read)
    p95 = ms[int(len(ms) * 0.95)]
    print(f"{len(files)} releases, best of {args.rounds} rounds each")
    print(f"extract: median {statistics.median(ms):.2f} ms, p95 {p95:.2f} ms, max {ms[-1]:.2f} ms per release")
    print(f"read+decode only: median {statistics.median(read_ms):.3f} ms")
    print(f"ratio extract/read (medians): {statistics.median(ms) / statistics.median(read_ms):.1f}x")
    print(f"throughput: {len(files) / sum(best_full):.0f} releases/s on one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
