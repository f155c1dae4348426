#!/usr/bin/env python3
"""A contact sheet of N people (default 2,000) rendered to PDF: time and page count, for
both layouts.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/sheet.py [--count 2000]
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
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from irdesk.sheets import SheetOptions, build  # noqa: E402
from irdesk.ui.printing import write_pdf  # noqa: E402


def people(count: int) -> tuple[list[dict], dict]:
    orgs = [f"Organization {n:03d} Communications" for n in range(count // 12 + 1)]
    rows = [{"id": n, "name": f"Contact {n:05d} Surname", "organization": orgs[n % len(orgs)],
             "title": "Vice President, Investor Relations" if n % 2 else "Media Relations Manager",
             "phone": f"617-555-{n % 10000:04d}", "email": f"contact{n}@example.com",
             "audience": ["investors", "media", "both"][n % 3], "last_seen": "2026-01-15"} for n in range(count)]
    reach = {r["id"]: {"phones": [r["phone"]], "emails": [r["email"]]} for r in rows}
    return rows, reach


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    args = parser.parse_args()
    QApplication(sys.argv[:1])
    rows, reach = people(args.count)
    folder = Path(tempfile.mkdtemp())
    for layout in ("table", "cards"):
        start = time.perf_counter()
        sheet = build(rows, reach, SheetOptions(f"{args.count} contacts", layout, "organization"))
        pages = write_pdf(sheet, str(folder / f"{layout}.pdf"))
        seconds = time.perf_counter() - start
        size = (folder / f"{layout}.pdf").stat().st_size / 2**20
        print(f"{layout:5}: {args.count} contacts -> {pages} pages in {seconds:.1f} s "
              f"({seconds / pages * 1000:.0f} ms per page, {size:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
