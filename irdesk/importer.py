"""The one import pipeline: the command line, drops and File → Import… all come here.

Qt-free. ``collect`` turns what the user gave (files, folders, symlinks) into files;
``import_paths`` reads, extracts and stores each, reporting progress and one outcome per
file; a bad file never stops the batch and never leaves anything half-written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .extract import ReadError, extract_file
from .extract.formats import EXTENSIONS
from .progress import Progress
from .store import Source, Store, StoreError


@dataclass
class Outcome:
    path: str
    status: str  # "imported", "duplicate", "failed"
    release_id: int | None = None
    reason: str | None = None
    headline: str | None = None

    def line(self) -> str:
        if self.status == "imported":
            return f"{self.path}: imported as #{self.release_id}"
        if self.status == "duplicate":
            return f"{self.path}: duplicate of #{self.release_id}"
        return f"{self.path}: failed: {self.reason}"


def collect(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Files named, and the files under folders named (recursively, each real folder once,
    so a symbolic-link loop ends). Inside folders, only files a reader claims by extension."""
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=True):
                real = os.path.realpath(root)
                if real in seen:
                    dirs[:] = []
                    continue
                seen.add(real)
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in EXTENSIONS:
                        yield Path(root) / name
        else:
            yield path


def import_one(store: Store, path: Path) -> Outcome:
    try:
        parsed = extract_file(path)
    except ReadError as exc:
        return Outcome(str(path), "failed", reason=str(exc))
    except Exception as exc:  # noqa: BLE001 - an extractor bug must not stop the batch
        return Outcome(str(path), "failed", reason=f"the extractor failed ({type(exc).__name__}: {exc})")
    kind = Path(path).suffix.lower().lstrip(".") or "text"
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    try:
        added = store.add(parsed, Source(str(path), kind, size))
    except StoreError as exc:
        return Outcome(str(path), "failed", reason=str(exc))
    return Outcome(str(path), added.status, added.release_id, headline=parsed.release.headline)


def import_paths(store: Store, paths: Iterable[str | os.PathLike], progress: Progress | None = None,
                 on_outcome: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Outcomes are told once they are committed: a line never says "imported" for a
    release a crash could still take back."""
    progress = progress or Progress()
    files = list(collect(paths))
    outcomes: list[Outcome] = []
    told = 0

    def tell() -> None:
        nonlocal told
        for outcome in outcomes[told:]:
            if on_outcome:
                on_outcome(outcome)
        told = len(outcomes)

    try:
        with store.batched() as tick:
            for done, path in enumerate(files):
                if progress.cancelled():
                    break
                progress.report(done, len(files), str(path))
                outcomes.append(import_one(store, path))
                if tick():
                    tell()
    except StoreError as exc:  # the last commit failed: what it held was not stored
        for outcome in outcomes[told:]:
            if outcome.status != "failed":
                outcome.status, outcome.reason = "failed", str(exc)
    tell()
    progress.report(len(outcomes), len(files), "")
    return outcomes


def summary(outcomes: list[Outcome]) -> str:
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("imported", "duplicate", "failed")}
    plural = {"imported": "imported", "duplicate": "duplicate" if counts["duplicate"] == 1 else "duplicates",
              "failed": "failed"}
    return ", ".join(f"{counts[s]} {plural[s]}" for s in counts)
