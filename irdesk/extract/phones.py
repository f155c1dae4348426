"""Phone numbers in a contact block, kept as written, validated with libphonenumber.

A run of digits with separators is a phone only if libphonenumber's metadata (through the
``phonenumbers`` package) says such a number can exist: that keeps out dates ("2024 2023"),
amounts and share counts, which a pattern alone lets through. Numbers without a country
code are read as North American first, then as an international number whose country
code lost its "+" ("(852) 2584 4395"); a number labelled "Tel:" may be a national one
of any country, so there its length is enough.
"""

from __future__ import annotations

import functools
import re

import phonenumbers

# A candidate: optional "+CC" or "(CC)", an optional "(0)", an optional "(area)", then groups
# of digits joined by one or two separators, then an extension. Every repeat is bounded.
# A number written without separators ("2125550143", "12125550143", "447700900123": a country
# code that lost its "+") is a candidate too; libphonenumber then decides.
# The look-ahead (every candidate's first character) fails most positions before the look-backs.
CANDIDATE = re.compile(
    r"(?=[(+\d])(?<![\d/,$€£-])(?<!\d\.)(?:[1-9]\d{9,12}(?!\d)|(?:\+ ?\d{1,3}[ \t.-]{0,2}|\(\+?\d{1,4}\) ?)?(?:\(0\) ?)?(?:\(\d{1,5}\)[ \t.-]?)?"
    r"\d{1,5}(?:(?:[ \t.-]{1,2}|/)\d{1,8}){0,12}(?:,? {0,2}(?:x|ext\.?|extension) {0,2}\d{1,5}(?!\d))?)",
    re.I)
LABELLED = re.compile(r"(?i)(?:\b(?:tel(?:ephone)?|phone|ph|mobile|mob|cell|office|direct|main|t|m|p|o|d)\.?\s{0,2}:?"
                      r"|[TMPOD]\s)\s{0,3}$")
FAX = re.compile(r"(?i)\bfax\.?\s{0,2}:?\s{0,3}$|\bF\s{0,2}:\s{0,3}$")
EXTENSION = re.compile(r"(?i),?\s*(?:x|ext\.?|extension)\s*\d{1,5}$")

_NON_DIGIT = re.compile(r"\D")
_DIGIT_RUN = re.compile(r"\d+")

def _digits(value: str) -> str:
    return _NON_DIGIT.sub("", EXTENSION.sub("", value))


# libphonenumber's parse and check cost ~100 us a number, and a company's releases give the same
# numbers again and again (305 distinct among the corpus's 694 checks): the answer is remembered.
@functools.lru_cache(maxsize=4096)
def _valid(value: str) -> bool:
    number = EXTENSION.sub("", value).strip()
    tries = [(number, None)] if number.startswith("+") else [(number, "US")]
    if not number.startswith("+") and len(_digits(number)) >= 10:
        tries.append(("+" + number.lstrip("("), None))  # "(852) 2584 4395": a country code without its "+"
    for raw, region in tries:
        try:
            parsed = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed):
            return True
    return False


def plausible(value: str, labelled: bool = False) -> bool:
    """A number as written that can be a phone (``labelled``: a "Tel:" stands before it)."""
    digits = _digits(value)
    if not 7 <= len(digits) <= 15:
        return False
    if max(len(g) for g in _DIGIT_RUN.findall(EXTENSION.sub("", value))) > 5 and not value.lstrip("(").startswith("+") \
            and not labelled and _NON_DIGIT.search(EXTENSION.sub("", value).strip()):
        return False  # "2023.100171": a reference, not a phone; phones group their digits
    if _valid(value):
        return True
    # A national number of any country, or a fictional one, when the text says it is a phone.
    return labelled and len(digits) >= 8 and bool(re.search(r"[\s.()-]", value.strip()))


def _side_by_side(value: str, at: int) -> list[tuple[int, int]]:
    found, begin = [], 0
    spaces = [m.start() for m in re.finditer(r" ", value)] + [len(value)]
    while begin < len(value):
        end = next((e for e in reversed(spaces) if e > begin and _valid(value[begin:e])), None)
        if end is None:
            break
        found.append((at + begin, at + end))
        begin = end + 1
    return found


def find_phones(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the phones in ``text[start:end]`` (fax numbers left out)."""
    found = []
    for m in CANDIDATE.finditer(text, start, end):
        s, e = m.span()
        value = m.group(0).rstrip(" .-")
        e = s + len(value)
        if len(value) < 7:
            continue
        before = text[max(start, s - 14):s]
        if FAX.search(before):
            continue
        labelled = bool(LABELLED.search(before))
        if plausible(value, labelled):
            found.append((s, e))
            continue
        if len(_digits(value)) >= 14:  # "617-555-0101 617-555-0102": numbers side by side
            found.extend(_side_by_side(value, s))
            continue
        # "(484) 270-1453280 King of Prussia": a street number glued to the phone.
        glued = re.search(r"(?<=\D)\d{5,8}$", value)
        if glued and _valid(value[:glued.start() + 4]):
            found.append((s, s + glued.start() + 4))
    return found
