"""Plain text in whatever encoding a release arrives in."""

from __future__ import annotations

import codecs

from .document import Document, ReadError

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]

_MAGIC = [
    (b"\x89PNG", "an image (PNG), not a release"), (b"\xff\xd8\xff", "an image (JPEG), not a release"),
    (b"GIF8", "an image (GIF), not a release"), (b"PK\x03\x04", "a ZIP archive or Office document, not a release"),
    (b"\xd0\xcf\x11\xe0", "an old Office document, not a release"), (b"\x1f\x8b", "a gzip archive, not a release"),
    (b"\x7fELF", "a program, not a release"), (b"SQLite format 3", "a database, not a release"),
]


_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13)) + b"\x7f"


def guess_encoding(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    sample = data[:4096]
    if len(sample) >= 4:
        # UTF-16 without a BOM: every other byte of ASCII text is NUL.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > len(sample) * 0.3 and even < len(sample) * 0.05:
            return "utf-16-le"
        if even > len(sample) * 0.3 and odd < len(sample) * 0.05:
            return "utf-16-be"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


def decode(data: bytes, encoding: str | None = None) -> str:
    """Text from bytes; a declared encoding is tried first, then a guess. Never raises."""
    for candidate in (encoding, guess_encoding(data)):
        if not candidate:
            continue
        try:
            return data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    # Windows-1252 leaves five bytes undefined: they become U+FFFD, the rest keeps its quotes.
    return data.decode("cp1252", errors="replace")


def sniff_binary(data: bytes) -> str | None:
    """Why these bytes are not text, or None when they may be."""
    for magic, reason in _MAGIC:
        if data.startswith(magic):
            return reason
    encoding = guess_encoding(data)
    if encoding.startswith(("utf-16", "utf-32")):
        return None
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    if sample.count(0) or controls > len(sample) * 0.02:
        return "binary data, not text"
    return None


def read_text(data: bytes) -> Document:
    text = decode(data)
    if not text.strip():
        raise ReadError("the file holds no text")
    return Document(text=text, kind="text")
