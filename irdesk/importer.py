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
from .reading import Item, display_path, parse  # noqa: F401 - the readers' module; named here too
from .store import Source, Store, StoreError
from .store.identity import best_match, headline_opens, keys_of
from .store.writer import find_duplicate
from .workers import TIME_LIMIT_S


@dataclass
class Read:
    item: Item
    parsed: ParsedRelease | None = None
    error: str | None = None
    duplicate_of: int | None = None  # a stored release
    same_as: int | None = None  # an earlier item of this batch
    keys: list[str] = field(default_factory=list)
    # What the user changed in the review (``parsed`` is then the corrected release):
    # (field, was, now) each, stored with the release as its provenance.
    corrections: list[tuple[str, str | None, str | None]] = field(default_factory=list)

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
    status: str  # "imported", "duplicate", "failed", "skipped", "left out" (unticked in the review)
    release_id: int | None = None
    reason: str | None = None
    headline: str | None = None
    note: str | None = None  # said of a stored file: "only the first 400,000 characters were read"

    def line(self) -> str:
        if self.status == "imported":
            return f"{self.path}: imported as #{self.release_id}" + (f" ({self.note})" if self.note else "")
        if self.status == "duplicate" and self.release_id is not None:
            return f"{self.path}: duplicate of #{self.release_id}"
        return f"{self.path}: {self.status}: {self.reason}"


def collect(paths: Iterable[str | os.PathLike], hidden: list[Path] | None = None) -> Iterator[Path]:
    """Files named, and the files under folders named (recursively, each real folder once,
    so a symbolic-link loop ends). Inside folders, only files a reader claims by extension;
    hidden ones (a name that starts with a dot) are not read but listed in ``hidden``."""
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
                    if Path(name).suffix.lower() not in EXTENSIONS:
                        continue
                    if name.startswith("."):
                        if hidden is not None:
                            hidden.append(Path(root) / name)
                        continue
                    yield Path(root) / name
        else:
            yield path


def _checked(store: Store, item: Item, parsed: ParsedRelease) -> Read:
    keys = keys_of(parsed)
    return Read(item, parsed, duplicate_of=find_duplicate(store.db, keys, parsed.text), keys=keys)


def _parses(items: list[Item], workers: int, time_limit: float,
            progress: Progress) -> Iterator[tuple[Item, ParsedRelease | ReadError]]:
    """Each item with its parse (or why it has none), in order: in worker processes when
    ``workers`` is more than 0 (each file under ``time_limit``), else here, one by one."""
    if workers > 0 and len(items) > 1:
        from .workers import read_all

        for n, result in read_all(items, workers, time_limit, progress.cancelled):
            yield items[n], result
        return
    for item in items:
        if progress.cancelled():
            return
        try:
            yield item, parse(item)
        except ReadError as exc:
            yield item, exc


def read_items(store: Store, items: list[Item], progress: Progress | None = None,
               on_read: Callable[[int, Read], None] | None = None, workers: int = 0,
               time_limit: float = TIME_LIMIT_S) -> list[Read]:
    """Read everything first (nothing is stored): for the review before an import."""
    progress = progress or Progress()
    reads: list[Read] = []
    seen: dict[str, int] = {}
    for n, (item, result) in enumerate(_parses(items, workers, time_limit, progress)):
        if progress.cancelled():
            break
        progress.report(n, len(items), item.label)
        read = Read(item, error=str(result)) if isinstance(result, ReadError) else _checked(store, item, result)
        if read.parsed and read.duplicate_of is None:
            earlier = best_match(((k, seen[k]) for k in read.keys if k in seen),
                                 lambda m: headline_opens(reads[m].parsed.release.headline, read.parsed.text))
            if earlier is not None:
                read.same_as = earlier
            for key in read.keys:
                seen.setdefault(key, n)
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
    return Source(item.label, item.path.suffix.lower().lstrip(".") or "text", size, item.digest)


def _add(store: Store, item: Item, parsed: ParsedRelease, corrections=()) -> Outcome:
    added = store.add(parsed, _source(item), corrections)
    return Outcome(item.label, added.status, added.release_id, headline=parsed.release.headline,
                   note="; ".join(parsed.warnings) or None)


@dataclass(frozen=True)
class _Stored:
    """A file whose bytes are stored already: as ``release_id``, and from this very path when
    ``again`` (then there is nothing to write: not even the write lock is taken)."""

    release_id: int
    again: bool


def _one(store: Store, item: Item, get_parsed: Callable[[], ParsedRelease | _Stored], corrections=()) -> Outcome:
    """One file's outcome, whatever happens to it: a bug is that file's failure, logged.
    ``get_parsed`` gives the parse, or the release whose bytes these are."""
    try:
        parsed = get_parsed()
        if isinstance(parsed, _Stored):
            if not parsed.again:
                store.add_source(parsed.release_id, _source(item))
            return Outcome(item.label, "duplicate", parsed.release_id)
        return _add(store, item, parsed, corrections)
    except ReadError as exc:
        return Outcome(item.label, "failed", reason=str(exc))
    except StoreError:
        raise
    except Exception as exc:  # noqa: BLE001 - one file's surprise must not end the batch
        logging.getLogger(__name__).exception("importing %s failed", item.label)
        return Outcome(item.label, "failed", reason=f"an unexpected error ({type(exc).__name__}: {exc})")


def _add_all(store: Store, entries: Iterable[tuple], total: int,
             progress: Progress, on_outcome: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Store each entry (an item, how to get its parse, and optionally the user's corrections
    of it) in batched commits. Outcomes are
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
            for done, (item, get_parsed, *corrections) in enumerate(entries):
                if progress.cancelled():
                    break
                progress.report(done, total, item.label)
                try:
                    outcomes.append(_one(store, item, get_parsed, *corrections))
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
        outcomes += _add_all(store, ((r.item, lambda r=r: r.parsed, r.corrections) for r in chosen), len(chosen),
                             progress or Progress())
    return outcomes, change[0] if change else None


def import_paths(store: Store, paths: Iterable[str | os.PathLike], progress: Progress | None = None,
                 on_outcome: Callable[[Outcome], None] | None = None, workers: int = 0,
                 time_limit: float = TIME_LIMIT_S) -> list[Outcome]:
    """Read and store file by file (the command line). A folder with nothing to read is
    said to be so, never a silent "0 imported"."""
    items, empty, hidden = [], [], []
    for given in paths:
        found = [Item.file(path) for path in collect([given], hidden)]
        items += found
        if not found:
            empty.append(Outcome(display_path(given), "failed", reason="the folder holds no file IR Desk reads"))
    empty += [Outcome(display_path(path), "skipped", reason="a hidden file (its name starts with a dot)")
              for path in hidden]
    for outcome in empty:
        if on_outcome:
            on_outcome(outcome)
    progress = progress or Progress()
    known = _known_by_bytes(store, items)
    to_read = [item for n, item in enumerate(items) if n not in known]
    if workers > 0 and len(to_read) > 1:
        from .workers import prepare

        prepare()  # the extractor loads in the fork server while the first stored files are added
    parses = _parses(to_read, workers, time_limit, progress)

    def entries():
        for n, item in enumerate(items):
            if n in known:
                yield item, lambda stored=known[n]: stored
                continue
            pair = next(parses, None)
            if pair is None:  # cancelled
                return
            yield item, lambda result=pair[1]: _raise_or_return(result)

    return empty + _add_all(store, entries(), len(items), progress, on_outcome)


def _known_by_bytes(store: Store, items: list[Item]) -> dict[int, _Stored]:
    """Which items are files already stored, byte for byte (found without reading them)."""
    import hashlib  # only importing needs it

    from .store.writer import stored_files

    hashed = []
    for n, item in enumerate(items):
        try:
            data = item.path.read_bytes() if item.path is not None else (item.data or b"")
        except OSError:
            continue  # the reader will say why
        item.digest = hashlib.sha1(data).hexdigest()
        hashed.append(n)
    with store.db.guarded():
        found = stored_files(store.db, [(items[n].digest, items[n].label) for n in hashed])
    return {n: _Stored(*stored) for n, stored in zip(hashed, found) if stored is not None}


def _raise_or_return(result: ParsedRelease | ReadError) -> ParsedRelease:
    if isinstance(result, ReadError):
        raise result
    return result


def _counted(first: tuple[str, int], duplicates: int, failed: int, left_out: int = 0, skipped: int = 0) -> str:
    """The one wording of an import's counts, before (the review) and after (the report):
    a file that is already stored and one that repeats another of the batch are both a
    "duplicate"."""
    parts = [f"{first[1]} {first[0]}", f"{duplicates} duplicate{'' if duplicates == 1 else 's'}", f"{failed} failed"]
    parts += [f"{left_out} left out"] * bool(left_out) + [f"{skipped} skipped"] * bool(skipped)
    return ", ".join(parts)


def summary(outcomes: list[Outcome]) -> str:
    count = {s: sum(1 for o in outcomes if o.status == s) for s in ("imported", "duplicate", "failed", "left out",
                                                                    "skipped")}
    return _counted(("imported", count["imported"]), count["duplicate"], count["failed"], count["left out"],
                    count["skipped"])


def read_summary(reads: list[Read]) -> str:
    """What the review read, in the words the import's report will use."""
    new = sum(1 for r in reads if r.state == "new")
    failed = sum(1 for r in reads if r.error)
    return f"{len(reads)} read: " + _counted(("new", new), len(reads) - new - failed, failed)


def not_chosen(reads: list[Read]) -> list[Outcome]:
    """The outcomes of what the review read but the user did not import: an item that
    repeats another of the batch is a duplicate (as the review said); others are left out."""
    return [Outcome(r.item.label, "duplicate", reason=f"same as item {r.same_as + 1}") if r.same_as is not None
            else Outcome(r.item.label, "left out", reason="unticked in the review") for r in reads]
