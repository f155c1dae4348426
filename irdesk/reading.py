"""What a reader process needs, and nothing more: the item it is sent and ``parse``.

Kept apart from ``importer`` (which also writes: the store, logging, the batch's outcomes)
so that the fork server the readers start from loads the extractor without the writer's
modules (``irdesk.workers``). Qt-free."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .extract.model import ParsedRelease
from .extract.readers.document import ReadError
from .store.identity import remember_identity


@dataclass
class Item:
    """One thing to import: a file, or data dropped or pasted (with a name for its kind)."""

    label: str
    path: Path | None = None
    data: bytes | None = None
    name: str | None = None
    digest: str | None = None  # of its bytes, once looked at

    @classmethod
    def file(cls, path: str | os.PathLike) -> Item:
        return cls(display_path(path), path=Path(path))

    @classmethod
    def dropped(cls, data: bytes, name: str, label: str = "Dropped text") -> Item:
        return cls(label, data=data, name=name)


def display_path(path: str | os.PathLike) -> str:
    """A file name as text that can be shown, printed and stored: bytes that are not UTF-8
    as ``\\xe9``, control characters (a newline in a name) escaped the same way."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


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
    remember_identity(parsed)  # here, in the reader's process: the one writer has less to do
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
