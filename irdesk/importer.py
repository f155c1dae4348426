"""The one import pipeline: the command line, drops and File → Import… all come here.

Qt-free. ``collect`` turns what the user gave (files, folders, symlinks) into items; each
item is *read* (decoded, extracted, checked against the store) and then *committed*.
The command line does both per file as it goes; the window reads everything first, lets
the user review, then commits the chosen ones as one undoable change. A bad file never
stops the batch and never leaves anything half-written.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .extract.formats import EXTENSIONS
from .extract.model import ParsedRelease
from .extract.readers.document import ReadError
from .progress import Progress
from .store import Source, Store, StoreError
from .store.identity import release_keys
from .store.writer import find_duplicate


@dataclass
class Item:
    """One thing to import: a file, or data dropped or pasted (with a name for its kind)."""

    label: str
    path: Path | None = None
    data: bytes | None = None
    name: str | None = None

    @classmethod
    def file(cls, path: str | os.PathLike) -> Item:
        return cls(display_path(path), path=Path(path))

    @classmethod
    def dropped(cls, data: bytes, name: str, label: str = "Dropped text") -> Item:
        return cls(label, data=data, name=name)


@dataclass
class Read:
    item: Item
    parsed: ParsedRelease | None = None
    error: str | None = None
    duplicate_of: int | None = None  # a stored release
    same_as: int | None = None  # an earlier item of this batch
    keys: list[str] = field(default_factory=list)

    @property
    def state(self) -> str:
        if self.error:
            return f"failed: {self.error}"
        if self.duplicate_of is not None:
            return f"duplicate of release #{self.duplicate_of}"
        if self.same_as is not None:
            return f"same as item {self.same_as + 1}"
        return "new"


@dataclass
class Outcome:
    path: str
    status: str  # "imported", "duplicate", "failed"
    release_id: int | None = None
    reason: str | None = None
    headline: str | None = None
    note: str | None = None  # said of a stored file: "only the first 400,000 characters were read"

    def line(self) -> str:
        if self.status == "imported":
            return f"{self.path}: imported as #{self.release_id}" + (f" ({self.note})" if self.note else "")
        if self.status == "duplicate":
            return f"{self.path}: duplicate of #{self.release_id}"
        return f"{self.path}: failed: {self.reason}"


def display_path(path: str | os.PathLike) -> str:
    """A file name as text that can be shown, printed and stored: bytes that are not UTF-8
    as ``\\xe9``, control characters (a newline in a name) escaped the same way."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


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


def parse(item: Item) -> ParsedRelease:
    """Raises ReadError with the reason; an extractor bug is a reason too, never a crash."""
    from .extract import extract_bytes, extract_file  # the extractor loads with the first file read

    try:
        if item.path is not None:
            parsed = extract_file(item.path)
        else:
            parsed = extract_bytes(item.data or b"", item.name)
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
        raise ReadError(f"the extractor failed ({type(exc).__name__}: {exc})") from exc
    _refuse_what_is_no_release(parsed)
    return parsed


# Fewer words than this is a fragment (a headline cut short, a file name), not a release.
MIN_WORDS = 30


def _refuse_what_is_no_release(parsed: ParsedRelease) -> None:
    words = len(parsed.text.split())
    if words < MIN_WORDS:
        raise ReadError(f"it is too short to be a press release ({words} words)")
    rel = parsed.release
    if not (rel.date or rel.headline or rel.company):
        raise ReadError("it does not read as a press release (no date, headline or issuer found)")


def read_item(store: Store, item: Item) -> Read:
    try:
        parsed = parse(item)
    except ReadError as exc:
        return Read(item, error=str(exc))
    rel = parsed.release
    keys = release_keys(parsed.text, rel.date, rel.headline, rel.company)
    return Read(item, parsed, duplicate_of=find_duplicate(store.conn, keys), keys=keys)


def read_items(store: Store, items: list[Item], progress: Progress | None = None,
               on_read: Callable[[int, Read], None] | None = None) -> list[Read]:
    """Read everything first (nothing is stored): for the review before an import."""
    progress = progress or Progress()
    reads: list[Read] = []
    seen: dict[str, int] = {}
    for n, item in enumerate(items):
        if progress.cancelled():
            break
        progress.report(n, len(items), item.label)
        read = read_item(store, item)
        if read.parsed and read.duplicate_of is None:
            earlier = next((seen[k] for k in read.keys if k in seen), None)
            if earlier is not None:
                read.same_as = earlier
            seen.update({k: n for k in read.keys})
        reads.append(read)
        if on_read:
            on_read(n, read)
    progress.report(len(reads), len(items), "")
    return reads


def _source(item: Item) -> Source:
    if item.path is None:
        return Source(item.label, Path(item.name or "").suffix.lstrip(".") or "text", len(item.data or b""))
    try:
        size = item.path.stat().st_size
    except OSError:
        size = 0
    return Source(item.label, item.path.suffix.lower().lstrip(".") or "text", size)


def _add(store: Store, item: Item, parsed: ParsedRelease) -> Outcome:
    added = store.add(parsed, _source(item))
    return Outcome(item.label, added.status, added.release_id, headline=parsed.release.headline,
                   note="; ".join(parsed.warnings) or None)


def _one(store: Store, item: Item, get_parsed: Callable[[], ParsedRelease]) -> Outcome:
    """One file's outcome, whatever happens to it: a bug is that file's failure, logged."""
    try:
        return _add(store, item, get_parsed())
    except ReadError as exc:
        return Outcome(item.label, "failed", reason=str(exc))
    except StoreError:
        raise
    except Exception as exc:  # noqa: BLE001 - one file's surprise must not end the batch
        logging.getLogger(__name__).exception("importing %s failed", item.label)
        return Outcome(item.label, "failed", reason=f"an unexpected error ({type(exc).__name__}: {exc})")


def _add_all(store: Store, entries: Iterable[tuple[Item, Callable[[], ParsedRelease]]], total: int,
             progress: Progress, on_outcome: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Store each entry (an item and how to get its parse) in batched commits. Outcomes are
    told once committed: a line never says "imported" for what a crash could take back."""
    outcomes: list[Outcome] = []
    told = 0

    def tell() -> None:
        nonlocal told
        for outcome in outcomes[told:]:
            if on_outcome:
                on_outcome(outcome)
        told = len(outcomes)

    def not_stored(exc: StoreError) -> None:  # a commit failed: what it held was not stored
        for outcome in outcomes[told:]:
            if outcome.status != "failed":
                outcome.status, outcome.reason = "failed", str(exc)

    try:
        with store.batched() as tick:
            for done, (item, get_parsed) in enumerate(entries):
                if progress.cancelled():
                    break
                progress.report(done, total, item.label)
                try:
                    outcomes.append(_one(store, item, get_parsed))
                    committed = tick()
                except StoreError as exc:
                    # A failed write may take its whole transaction with it (SQLite does, when
                    # the disk is full): the batch is given up, and every file in it says so.
                    store.rollback()
                    if len(outcomes) == done:
                        outcomes.append(Outcome(item.label, "failed", reason=str(exc)))
                    not_stored(exc)
                    committed = True
                if committed:
                    tell()
    except StoreError as exc:
        not_stored(exc)
    tell()
    progress.report(len(outcomes), total, "")
    return outcomes


def commit(store: Store, reads: list[Read], progress: Progress | None = None, label: str = "Import"):
    """Store what was read (the reviewed, chosen items) as one undoable change.
    Returns the outcomes and the ``Change`` that undoes the whole import."""
    chosen = [r for r in reads if r.parsed is not None]
    outcomes = [Outcome(r.item.label, "failed", reason=r.error) for r in reads if r.parsed is None]
    with store.recording_import([r.parsed for r in chosen], label) as change:
        outcomes += _add_all(store, ((r.item, lambda r=r: r.parsed) for r in chosen), len(chosen),
                             progress or Progress())
    return outcomes, change[0] if change else None


def import_paths(store: Store, paths: Iterable[str | os.PathLike], progress: Progress | None = None,
                 on_outcome: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Read and store file by file (the command line). A folder with nothing to read is
    said to be so, never a silent "0 imported"."""
    items, empty = [], []
    for given in paths:
        found = [Item.file(path) for path in collect([given])]
        items += found
        if not found:
            empty.append(Outcome(display_path(given), "failed", reason="the folder holds no file IR Desk reads"))
    for outcome in empty:
        if on_outcome:
            on_outcome(outcome)
    return empty + _add_all(store, ((item, lambda item=item: parse(item)) for item in items), len(items),
                            progress or Progress(), on_outcome)


def summary(outcomes: list[Outcome]) -> str:
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("imported", "duplicate", "failed")}
    plural = {"imported": "imported", "duplicate": "duplicate" if counts["duplicate"] == 1 else "duplicates",
              "failed": "failed"}
    return ", ".join(f"{counts[s]} {plural[s]}" for s in counts)
