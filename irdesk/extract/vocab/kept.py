"""Vocabularies built from long lists, kept built between runs.

Parsing a list of tens of thousands of names takes about 80 ms, and every import's fork
server and every ``extract`` command would parse it again. What was built is kept in the
user's cache folder (``marshal``: strings, tuples and frozensets, read back in a few ms)
under a key made of the stamps (path, size, modification time) of the list and of the
module that builds from it, and of Python's version: a changed list, a changed builder or
another Python builds anew. A cache that cannot be read or written costs only the time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_folder() -> Path:
    """The platform's cache folder for IR Desk (``IRDESK_CACHE`` overrides it)."""
    if os.environ.get("IRDESK_CACHE"):
        return Path(os.environ["IRDESK_CACHE"])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "irdesk"


def _key(name: str, sources: tuple[str | os.PathLike, ...]) -> str:
    stamps = [name, sys.version]
    for source in sources:
        info = os.stat(source)
        stamps.append(f"{os.path.abspath(source)}|{info.st_size}|{info.st_mtime_ns}")
    return hashlib.sha1("\n".join(stamps).encode("utf-8", "surrogateescape")).hexdigest()[:20]


def kept(name: str, build: Callable[[], T], *sources: str | os.PathLike, folder: Path | None = None) -> T:
    """``build()``, or what it built last time from the same ``sources`` (files)."""
    try:
        path = (folder or cache_folder()) / f"{name}-{_key(name, sources)}.marshal"
    except OSError:  # a source that cannot be looked at: build, keep nothing
        return build()
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        spare = path.with_suffix(f".{os.getpid()}.tmp")
        spare.write_bytes(marshal.dumps(value))
        os.replace(spare, path)  # whole or not at all, whoever else writes it at once
        for old in path.parent.glob(f"{name}-*.marshal"):  # built from an earlier list or builder
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass
    return value
