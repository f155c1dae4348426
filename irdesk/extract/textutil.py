"""Small helpers over release text: lines with their offsets, names, cleaning."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@functools.lru_cache(maxsize=4)
def _lines(text: str) -> tuple[Line, ...]:
    out, pos = [], 0
    for part in text.split("\n"):
        out.append(Line(part, pos))
        pos += len(part) + 1
    return tuple(out)


def lines(text: str) -> list[Line]:
    """The text's lines with their offsets (computed once per text: every stage asks)."""
    return list(_lines(text))


LEGAL_SUFFIX = (r"(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|LLP|L\.L\.P|LP|L\.P|"
                r"PLC|plc|AG|SE|SA|S\.A|NV|N\.V|BV|B\.V|GmbH|AB|ASA|SpA|S\.p\.A|KK|K\.K|Oyj|A/S|"
                r"Pty|Group|Holdings?)\.?")

QUOTES = "\"'“”‘’«»"


def strip_quotes(value: str) -> str:
    value = value.strip().strip(QUOTES + " ").strip()
    return value


def title_case(value: str) -> str:
    """``SAN RAFAEL`` -> ``San Rafael``; text already in mixed case is left alone."""
    if value.isupper():
        return " ".join(w.capitalize() if len(w) > 2 or w.isalpha() else w for w in value.split())
    return value


def clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = re.sub(r"\s+", " ", value).strip(" ,;:-–—\t")
    return value or None
