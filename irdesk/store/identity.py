"""Sameness, decided in one place: when two releases, compounds, contacts, companies or
meetings are the same thing, on normalized content (never on file names)."""

from __future__ import annotations

import heapq
import re
import unicodedata
import zlib

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..extract.model import ParsedRelease

_SUFFIXES = {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "llc",
             "lp", "ag", "sa", "se", "nv", "bv", "gmbh", "ab", "asa", "spa", "kk", "the", "group", "holding",
             "holdings"}


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NOT_WORD = re.compile(r"[\W_]+")


# ASCII text (most releases) folds through one translation table: a C loop, not a regex.
_ASCII_FOLD = {c: " " for c in range(128) if not chr(c).isalnum()}
_ASCII_FOLD.update({ord(c): ord(c.lower()) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})


# Typographic marks that fold to a space whichever way: with them gone, most text is ASCII.
_MARKS = re.compile("[“”‘’«»–—‐‑•·…®©°\u00a0\u2009\u202f]")


def fold(value: str | None) -> str:
    """Case, accents, punctuation and runs of space folded away."""
    if not value:
        return ""
    if not value.isascii():
        value = _MARKS.sub(" ", value)  # (a regex: str.translate with a dict is slow off ASCII)
    if value.isascii():
        return " ".join(value.translate(_ASCII_FOLD).split())
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", value))
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


# How much each kind of shared key says that two releases are one (see find_duplicate).
KEY_WEIGHTS = {"text": 100, "head": 10, "lead": 10, "near": 1}
NEAR = 8  # a bottom-k sketch of this many five-word runs
NEAR_NEEDED = 5  # with the headline found in the other's opening lines


def best_match(found: Iterable[tuple[str, int]], confirm: Callable[[int], bool] = lambda _: True) -> int | None:
    """Of the (key, release) pairs a release's keys found, the release they point to most
    strongly (the same text beats the same headline and day, which beats a sketch);
    None when nothing is close enough. A match on the sketch alone must be ``confirm``ed
    (templates, such as a law firm's notices of one day, share most of their words)."""
    score: dict[int, int] = {}
    for key, release in found:
        score[release] = score.get(release, 0) + KEY_WEIGHTS[key.split(":", 1)[0]]
    if not score:
        return None
    best = max(score, key=lambda r: (score[r], -r))
    if score[best] >= KEY_WEIGHTS["head"]:
        return best
    return best if score[best] >= NEAR_NEEDED * KEY_WEIGHTS["near"] and confirm(best) else None


def headline_opens(headline: str | None, text: str) -> bool:
    """The headline stands among the text's first lines (a copy that adds a page header
    or wraps the headline still has it there, folded)."""
    return bool(headline) and fold(headline) in fold(text[:2000])


def keys_of(parsed: ParsedRelease) -> list[str]:
    """The keys of a parsed release, its story told apart from its boilerplate (About
    sections and the safe harbour, which every release of an issuer shares)."""
    return list(_identity(parsed).keys)


def fingerprint_of(parsed: ParsedRelease) -> str:
    """``fingerprint(parsed.text)``, worked out with the keys (the text is folded once for both)."""
    return _identity(parsed).fingerprint


def remember_identity(parsed: ParsedRelease) -> None:
    """Work out the keys and fingerprint now and keep them with the release: called by the
    process that read it, so that the one process that writes every release has only to
    check them (they travel with the release when it is pickled)."""
    _identity(parsed)


@dataclass(frozen=True)
class _Identity:
    of: tuple  # what the keys were worked out from: worked out again if any of it has changed
    keys: tuple[str, ...]
    fingerprint: str


def _identity(parsed: ParsedRelease) -> _Identity:
    starts = [s.span[0] for s in parsed.about]
    if parsed.forward_looking:
        starts.append(parsed.forward_looking.span[0])
    rel = parsed.release
    of = (parsed.text, rel.date, rel.headline, rel.company, min(starts, default=None))
    known = getattr(parsed, "_identity", None)
    if isinstance(known, _Identity) and known.of == of:  # (a reviewed copy with a field corrected is not)
        return known
    keys, body = _release_keys(*of)
    # The body, folded piece by piece at a space, is the whole text folded (folding is
    # character by character but for a final sigma, whose context ends at a space too).
    found = _Identity(of, tuple(keys), _digest(body))
    parsed._identity = found
    return found


def release_keys(text: str, date: str | None, headline: str | None, company: str | None,
                 body_end: int | None = None) -> list[str]:
    """Every key under which this release is the same as one already stored.

    The words of the whole text; the issuer, day and headline together (the same
    announcement laid out differently by a wire, a site or a mail client); the body's
    opening words (a PDF or e-mail copy that adds or drops a header line); and a sketch
    of the story's five-word runs on its day (a PDF copy with page headers among its
    lines, a headline that wrapped, a reprint that cut a paragraph).
    """
    return _release_keys(text, date, headline, company, body_end)[0]


def _release_keys(text: str, date: str | None, headline: str | None, company: str | None,
                  body_end: int | None) -> tuple[list[str], str]:
    """The keys, and the whole text folded."""
    if body_end and (text[body_end - 1:body_end].isspace() or text[body_end:body_end + 1].isspace()):
        story = fold(text[:body_end])  # folded once: the whole is the story and the rest, at a space
        body = f"{story} {fold(text[body_end:])}".strip()
    else:
        body = fold(text)
        story = fold(text[:body_end]) if body_end else body
    return _keys(body, date, headline, company) + _near_keys(story, date), body


def _near_keys(story: str, date: str | None) -> list[str]:
    # Only on a known day: undated pieces of one series (interviews, reminders) share most
    # of their words and are still different pieces.
    words = story.split()
    if date is None or len(words) < 60:
        return []
    ids = [zlib.crc32(w.encode()) for w in words]
    # A tuple of ints hashes the same in every process (only str hashes are salted).
    runs = {hash(run) & 0xFFFFFFFF for run in zip(ids, ids[1:], ids[2:], ids[3:], ids[4:])}
    return [f"near:{date}:{h:08x}" for h in heapq.nsmallest(NEAR, runs)]


def _keys(body: str, date: str | None, headline: str | None, company: str | None) -> list[str]:
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
