"""Small helpers over release text: lines with their offsets, names, cleaning."""

from __future__ import annotations

import functools
import operator
import re
from itertools import accumulate, count, repeat
from typing import NamedTuple


class Line(NamedTuple):
    """A line of the text and its offset. A named tuple: each text's lines are made once, and
    building a frozen dataclass costs several times more (every field set through object)."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@functools.lru_cache(maxsize=4)
def _lines(text: str) -> tuple[Line, ...]:
    # Built in C (map, zip, accumulate): a line starts after the lengths of those before it and
    # one newline each; tuple.__new__ makes each Line without the named tuple's Python __new__.
    parts = text.split("\n")
    starts = map(operator.add, accumulate(map(len, parts), initial=0), count())
    return tuple(map(tuple.__new__, repeat(Line), zip(parts, starts)))


@functools.lru_cache(maxsize=4)
def lower(text: str) -> str:
    """``text.lower()``, computed once per text: several stages ask for the whole text's."""
    return text.lower()


def lines(text: str) -> list[Line]:
    """The text's lines with their offsets (computed once per text: every stage asks)."""
    return list(_lines(text))


LEGAL_SUFFIX = (r"(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|LLP|L\.L\.P|LP|L\.P|"
                r"PLC|plc|AG|SE|SA|S\.A|NV|N\.V|BV|B\.V|GmbH|AB|ASA|SpA|S\.p\.A|KK|K\.K|Oyj|A/S|"
                r"Pty|Group|Holdings?)\.?")

QUOTES = "\"'“”‘’«»"
_WHITESPACE = re.compile(r"\s+")  # clean() runs for every field of every release

# The only characters re.IGNORECASE also reads as an ASCII letter ("İ" and "ı" as "i", "ſ" as "s",
# the Kelvin sign as "k"). A text without them can be lower-cased (same length, same offsets) and
# searched case-sensitively for lower-case words instead: plain alternatives scan far faster.
IGNORECASE_FOLDS = "\u0130\u0131\u017f\u212a"  # İ ı ſ K(elvin)


def folds_plainly(text: str) -> bool:
    """Whether a case-blind search for ASCII words in ``text`` equals a plain one in ``text.lower()``."""
    return not any(c in text for c in IGNORECASE_FOLDS)


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
    value = _WHITESPACE.sub(" ", value).strip(" ,;:-–—\t")
    return value or None
