"""Readers turn a file's bytes into release text. One registry: by extension, then by content.

``read_file(path)`` and ``read_bytes(data, name)`` are the only entry points; each reader
is a plain function ``bytes -> Document`` and raises ``ReadError`` with a sentence a person
understands.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from ..formats import EXTENSIONS
from .document import Document, ReadError
from .html import read_html
from .pdf import read_pdf
from .text import read_text, sniff_binary

__all__ = ["Document", "ReadError", "read_file", "read_bytes", "EXTENSIONS", "MAX_BYTES"]

Reader = Callable[[bytes], Document]

# The largest file we read: real releases are kilobytes, a PDF a few megabytes.
MAX_BYTES = 25 * 1024 * 1024



def read_email(data: bytes) -> Document:
    """The mail reader, imported on first use: the ``email`` package costs ~8 ms to import, paid
    by every process that starts the extractor, and saved e-mails are rare."""
    from .mail import read_email as read

    return read(data)


READERS: dict[str, Reader] = {"text": read_text, "html": read_html, "pdf": read_pdf, "email": read_email}



def sniff(data: bytes) -> str | None:
    """The kind of content, from its first bytes; None when nothing tells."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    if head[:1] == b"<" and any(t in head for t in (b"<html", b"<!doctype html", b"<body", b"<p",
                                                    b"<div", b"<section", b"<type>", b"<article")):
        return "html"
    first = head.split(b"\n", 1)[0]
    if first.split(b":", 1)[0] in (b"from", b"received", b"return-path", b"mime-version",
                                   b"delivered-to", b"message-id", b"subject", b"date", b"to"):
        return "email"
    return None


def kind_for(name: str | None, data: bytes) -> str:
    """Content that says what it is wins over an extension that says otherwise."""
    sniffed = sniff(data)
    by_name = EXTENSIONS.get(Path(name).suffix.lower()) if name else None
    if sniffed in ("pdf", "email") or (sniffed == "html" and by_name in (None, "text")):
        return sniffed
    return by_name or sniffed or "text"


def read_bytes(data: bytes, name: str | None = None) -> Document:
    if not data.strip():
        raise ReadError("the file is empty")
    if len(data) > MAX_BYTES:
        raise ReadError(f"the file is too large ({len(data) / 2**20:.0f} MB; "
                        f"a release is at most {MAX_BYTES // 2**20} MB)")
    kind = kind_for(name, data)
    if kind != "pdf":
        other = sniff_binary(data)
        if other:
            raise ReadError(other)
    return READERS[kind](data)


def read_file(path: str | os.PathLike) -> Document:
    path = Path(path)
    try:
        info = path.stat()  # one stat for both questions
        if stat.S_ISDIR(info.st_mode):
            raise ReadError("it is a folder, not a file")
        size = info.st_size
        if size > MAX_BYTES:
            raise ReadError(f"the file is too large ({size / 2**20:.0f} MB; "
                            f"a release is at most {MAX_BYTES // 2**20} MB)")
        with path.open("rb") as handle:
            # read(n) allocates n bytes first: ask for the file's size (and the rest, should it have grown).
            data = handle.read(size + 1)
            if len(data) > size:
                data += handle.read(MAX_BYTES + 1 - len(data))
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as exc:
        raise ReadError(f"it could not be read ({exc.strerror or exc})") from None
    return read_bytes(data, path.name)
