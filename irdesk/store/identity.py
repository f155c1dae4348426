"""Sameness, decided in one place: when two releases, compounds, contacts, companies or
meetings are the same thing, on normalized content (never on file names)."""

from __future__ import annotations

import re
import unicodedata

_SUFFIXES = {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "llc",
             "lp", "ag", "sa", "se", "nv", "bv", "gmbh", "ab", "asa", "spa", "kk", "the", "group", "holding",
             "holdings"}


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NOT_WORD = re.compile(r"[\W_]+")


def fold(value: str | None) -> str:
    """Case, accents, punctuation and runs of space folded away."""
    if not value:
        return ""
    text = value if value.isascii() else _COMBINING.sub("", unicodedata.normalize("NFKD", value))
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


def squash(value: str | None) -> str:
    """A code name's key: ``BT-062`` and ``bt062`` are one."""
    return fold(value).replace(" ", "")


def company_key(name: str | None) -> str:
    words = fold(name).split()
    while words and words[-1] in _SUFFIXES:
        words.pop()
    while words and words[0] == "the":
        words.pop(0)
    return " ".join(words)


def contact_key(name: str | None) -> str:
    words = [w for w in fold(name).split() if w not in ("dr", "mr", "ms", "mrs", "prof", "phd", "md", "mba")]
    return " ".join(words)


def meeting_key(name: str | None) -> str:
    return fold(name)


def _digest(text: str) -> str:
    import hashlib  # only writing needs it; the window's first paint does not

    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def fingerprint(text: str) -> str:
    """The release's words alone: what stays the same across text, HTML, PDF and e-mail."""
    return _digest(fold(text))


def release_keys(text: str, date: str | None, headline: str | None, company: str | None) -> list[str]:
    """Every key under which this release is the same as one already stored.

    The words of the whole text; the issuer, day and headline together (the same
    announcement laid out differently by a wire, a site or a mail client); and the
    body's opening words (a PDF or e-mail copy that adds or drops a header line).
    """
    body = fold(text)
    keys = ["text:" + _digest(body)]
    if headline and date:
        keys.append("head:" + _digest(f"{company_key(company)}|{date}|{fold(headline)}"))
    if headline:
        at = body.find(fold(headline))
        if at >= 0:
            body = body[at + len(fold(headline)):]
    words = body.split()
    if len(words) >= 120:
        keys.append("lead:" + _digest(f"{date}|" + " ".join(words[20:120])))
    return keys
