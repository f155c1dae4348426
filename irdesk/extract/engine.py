"""A file, or text, in; a ``ParsedRelease`` out. The one entry point of the extractor."""

from __future__ import annotations

import os
from pathlib import Path

from .compounds import extract_compounds
from .contacts import extract_contacts
from .model import ParsedRelease
from .normalize import normalize
from .structure import split_front_matter
from .presentations import extract_presentations
from .readers import Document, ReadError, read_bytes, read_file
from .release import extract_release
from .sections import find_sections

# Real releases are a few thousand words; past this we read the start and say so.
MAX_CHARS = 400_000


def extract_text(text: str, source: str | None = None, date_hint: str | None = None,
                 warnings: tuple[str, ...] = (), kind: str | None = None) -> ParsedRelease:
    """``kind`` is the reader's ("pdf", "html", ...): a PDF's printed lines are joined back first."""
    # A clipped page's front-matter date says when it was saved: a hint, like an e-mail's Date:.
    date_hint = date_hint or split_front_matter(text.lstrip("\ufeff").replace("\r\n", "\n"))[0].date
    text = normalize(text, wrapped=kind == "pdf")
    notes = list(warnings)
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        notes.append(f"only the first {MAX_CHARS:,} characters were read")
    if not text.strip():
        raise ReadError("it holds no text")
    parsed = ParsedRelease(text=text, source=source, warnings=notes)
    sections = find_sections(text)
    parsed.release, dateline = extract_release(text, date_hint, sections)
    parsed.about, parsed.forward_looking = sections.about, sections.forward_looking
    parsed.compounds = extract_compounds(text, parsed.release, sections)
    parsed.presentations = extract_presentations(text, parsed.release, parsed.compounds, sections)
    parsed.contacts = extract_contacts(text, parsed.release, sections)
    return parsed


def _from_document(doc: Document, source: str | None) -> ParsedRelease:
    return extract_text(doc.text, source=source, date_hint=doc.date_hint, warnings=doc.warnings, kind=doc.kind)


def extract_file(path: str | os.PathLike) -> ParsedRelease:
    """Raises ``ReadError`` (with a sentence for the user) when the file cannot be read."""
    return _from_document(read_file(path), str(path))


def extract_bytes(data: bytes, name: str | None = None) -> ParsedRelease:
    """Dropped or pasted content: the same readers, chosen by ``name`` and by content."""
    return _from_document(read_bytes(data, name), name)


__all__ = ["extract_file", "extract_bytes", "extract_text", "prime", "ReadError", "Path"]


def prime() -> None:
    """Build now what the extractor otherwise builds on first use (vocabularies, patterns made
    from them): the fork server calls this before reader processes fork from it, so each
    reader starts with them built instead of building its own (about 0.3 s each)."""
    import inspect
    import sys

    for name, module in list(sys.modules.items()):
        if not name.startswith(f"{__package__}."):
            continue
        for value in list(vars(module).values()):
            # functools.lru_cache's functions of this module that take nothing
            if (callable(getattr(value, "cache_info", None)) and getattr(value, "__module__", None) == name
                    and not inspect.signature(value).parameters):
                try:
                    value()
                except Exception:  # noqa: BLE001 - it fails again, and is told, with the file that needs it
                    pass
