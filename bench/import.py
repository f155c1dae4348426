#!/usr/bin/env python3
"""Import end to end: the 1,000 bulk releases through ``main.py import`` into a fresh store
(worker processes reading, one writer), as releases/s and as a ratio to reading and
decoding the same files in one process; then the same files again (all duplicates).

    .venv/bin/python bench/import.py [--workers N] [--folder ../shared/corpus/bulk]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from irdesk.extract.readers import ReadError, read_file  # noqa: E402
from irdesk.importer import collect  # noqa: E402


def timed_import(folder: Path, db: Path, workers: int | None) -> tuple[float, str]:
    command = [sys.executable, "main.py", "import", str(folder), "--db", str(db)]
    if workers is not None:
        command += ["--workers", str(workers)]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    return time.perf_counter() - started, done.stdout.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=ROOT.parent / "shared" / "corpus" / "bulk")
    parser.add_argument("--workers", type=int, default=None, help="reader processes (default: one per core)")
    args = parser.parse_args()
    files = list(collect([args.folder]))
    started = time.perf_counter()
    for path in files:
        try:
            read_file(path)
        except ReadError:
            pass
    reading = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        first, first_line = timed_import(args.folder, db, args.workers)
        again, again_line = timed_import(args.folder, db, args.workers)
    n = len(files)
    print(f"{n} files; reading and decoding alone: {reading:.2f} s ({n / reading:,.0f} files/s, one process)")
    print(f"import into a fresh store: {first:.2f} s = {n / first:,.0f} releases/s "
          f"({first / reading:.1f}x reading alone)  [{first_line}]")
    print(f"import again (all stored): {again:.2f} s = {n / again:,.0f} files/s  [{again_line}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
