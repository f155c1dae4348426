"""Plain-string searches the compound readers repeat per name: cheaper than a regex built
(and compiled) for each name of each release."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator


def find_all(haystack: str, needle: str) -> list[int]:
    """Every start of ``needle`` in ``haystack`` (overlaps allowed)."""
    out, at = [], haystack.find(needle)
    while at >= 0 and needle:
        out.append(at)
        at = haystack.find(needle, at + 1)
    return out


def word_hits(lowered: str, name: str, hyphen_ends: bool = True) -> list[int]:
    """Starts of ``name`` (lower case) in ``lowered`` standing as a word: no letter, digit or
    underscore on either side, and no hyphen either when ``hyphen_ends``."""
    n = len(name)
    out = []
    for at in find_all(lowered, name):
        before = lowered[at - 1] if at else " "
        after = lowered[at + n] if at + n < len(lowered) else " "
        if before.isalnum() or before == "_" or before == "-":
            continue
        if after.isalnum() or after == "_" or hyphen_ends and after == "-":
            continue
        out.append(at)
    return out


def ticker_of(text: str, symbol: str) -> bool:
    """Whether ``symbol`` stands as a listing: "(NASDAQ: ACMB)", "(Nasdaq:ACMB)"."""
    return f":{symbol})" in text or f": {symbol})" in text


_SQUASH = {ord(c): None for c in " \t\n\r_-\u2010\u2011\u2012\u2013\u2014\u2015"}


@functools.lru_cache(maxsize=4096)  # the same names are squashed again and again, release after release
def squash(name: str) -> str:
    return name.translate(_SQUASH).lower()


def squash_all(names: Iterable[str]) -> list[str]:
    """``squash`` of each, in one pass over them all (a vocabulary of tens of thousands)."""
    return "\0".join(names).translate(_SQUASH).lower().split("\0")


def matches_at(pattern: re.Pattern, text: str, starts: Iterable[int], end: int) -> Iterator[re.Match]:
    """``pattern.finditer(text, pos, end)``'s matches, given ``starts`` (sorted, none before ``pos``)
    holding every place one can start: each tried with ``match``, the next from the last match's
    end, as finditer goes. For patterns that never match the empty string."""
    last = -1
    for at in starts:
        if at >= last:
            m = pattern.match(text, at, end)
            if m:
                last = m.end()
                yield m


def starts_of(text: str, needles: Iterable[str], start: int, end: int) -> list[int]:
    """Where any of ``needles`` starts in ``text[start:end]`` (the whole needle inside), sorted."""
    found = set()
    for needle in needles:
        at = text.find(needle, start, end)
        while at >= 0:
            found.add(at)
            at = text.find(needle, at + 1, end)
    return sorted(found)
