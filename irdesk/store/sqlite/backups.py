"""Copies of a store kept beside it: one a day while it is in use, the last few kept, taken
with SQLite's online backup (consistent while others read and write). Qt-free."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

KEEP = 3


def daily_name(path: Path, day: dt.date) -> Path:
    return path.with_name(f"{path.stem}.backup-{day.isoformat()}{path.suffix}")


def copies(path: Path) -> list[Path]:
    """Every copy beside the store (daily and before upgrades), oldest first."""
    found = [*path.parent.glob(f"{path.stem}.backup-*{path.suffix}"),
             *path.parent.glob(f"{path.stem}.before-*{path.suffix}")]
    return sorted(found, key=lambda p: p.stat().st_mtime)


def daily_backup(path: Path, today: dt.date | None = None, keep: int = KEEP) -> Path | None:
    """Today's copy of the store, unless there is one already; older daily copies beyond
    ``keep`` are removed. Returns the new copy's path, or None when none was needed."""
    today = today or dt.date.today()
    target = daily_name(path, today)
    if target.exists() or not path.exists():
        return None
    partial = target.with_name(target.name + ".partial")
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    os.replace(partial, target)  # a copy is whole or absent, never half
    daily = sorted(path.parent.glob(f"{path.stem}.backup-*{path.suffix}"))
    for old in daily[:-keep]:
        old.unlink(missing_ok=True)
    return target
