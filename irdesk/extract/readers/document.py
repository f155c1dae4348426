from __future__ import annotations

from dataclasses import dataclass


class ReadError(Exception):
    """A file that cannot be read as a release; the message is shown to the user as is."""


@dataclass
class Document:
    """Text as a reader found it, before the extractor normalizes it."""

    text: str
    kind: str
    date_hint: str | None = None  # ISO date from metadata (an e-mail's Date:), only a hint
    warnings: tuple[str, ...] = ()
