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


def _marked_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark or UTF-16's NUL bytes tell, else None."""
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
    return None


def _guess(data: bytes) -> tuple[str, str | None]:
    """guess_encoding's answer, and the text when the guess decoded it (UTF-8): not decoded twice."""
    marked = _marked_encoding(data)
    if marked:
        return marked, None
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252", None


def guess_encoding(data: bytes) -> str:
    return _guess(data)[0]


def decode(data: bytes, encoding: str | None = None) -> str:
    """Text from bytes; a declared encoding is tried first, then a guess. Never raises."""
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    guessed, text = _guess(data)
    if text is not None:
        return text
    try:
        return data.decode(guessed)
    except (UnicodeDecodeError, LookupError):
        pass
    # Windows-1252 leaves five bytes undefined: they become U+FFFD, the rest keeps its quotes.
    return data.decode("cp1252", errors="replace")


def sniff_binary(data: bytes) -> str | None:
    """Why these bytes are not text, or None when they may be."""
    for magic, reason in _MAGIC:
        if data.startswith(magic):
            return reason
    # Only a mark or NUL bytes make guess_encoding answer UTF-16 or UTF-32: no decoding to ask.
    encoding = _marked_encoding(data)
    if encoding and encoding.startswith(("utf-16", "utf-32")):
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
