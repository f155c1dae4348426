"""International nonproprietary names (INNs) recognised by the WHO stem system.

A word is an INN candidate when it ends in a WHO stem (``vocab/inn_stems.tsv``) and is no
ordinary English word (``vocab/english_stem_words.txt``). A strong stem (-mab, -tinib, -ciclib)
says "drug" on its own; a weak one (-tide, -stat, -cept, -gene) only beside words that treat
the name as a drug, which the caller judges. Two-word INNs are read as WHO builds them: a
substance and its modifier ("epoetin alfa", "X sodium"), an antibody and its payload
("X-mab Y-dotin"), a gene or cell therapy whose second word ends in a stem ("X-gene Y-vec").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .textutil import lower
from .vocab import load_rows, load_words

# Lower case or Capitalized words; an INN is rarely shorter than seven letters.
# A US biologic's four-letter suffix may follow ("ravulizumab-cwvz"): the INN is the word before it.
WORD = re.compile(r"(?<![\w@./-])(?:[a-z]{2,4}-)?(?:[a-z]|[A-Z](?=[a-z]))[a-z]{5,30}(?![\w@]|\.\w|-(?![a-z]{4}\b)\w)")
TOKEN = re.compile(r"[A-Za-z]{6,}")
NEXT_WORD = re.compile(r" ([a-z]{4,30})\b(?![@-])")
NEXT_TITLE_WORD = re.compile(r" ([A-Z][a-z]{3,30})\b(?![@-])")  # "Lorvotuzumab Mertansine"
# Stems that end the first word of an antibody-drug conjugate or a gene/cell therapy INN.
CARRIER_STEMS = ("mab", "tug", "bart", "mig", "ment", "gene", "cept")
# Ordinary words that follow a drug name and are not the second word of its INN.
NOT_SECOND = re.compile(r"(?:therap|treat|combin|regimen|infusion|inject|dosing|dose|administ|monother|"
                        r"arm|group|patient|cohort|study|trial|data|program|plus|versus|"
                        r"formulation|product|molecule|candidate|conjugate|biosimilar|label|approval)", re.I)


@dataclass(frozen=True)
class Stem:
    stem: str
    strength: str  # "strong" or "weak"
    meaning: str


@dataclass(frozen=True)
class InnMatch:
    name: str
    start: int
    end: int
    strong: bool
    stem: str


@functools.lru_cache(maxsize=None)
def _suffixes(generic: bool = False) -> dict[str, Stem]:
    out = {}
    for row in load_rows("inn_stems.tsv"):
        stem, position, strength, meaning = (row + ("", "", "", ""))[:4]
        if position == "suffix" and (strength in ("strong", "weak") or generic and strength == "generic"):
            out[stem] = Stem(stem, strength, meaning)
    return out


@functools.lru_cache(maxsize=None)
def _modifiers() -> frozenset[str]:
    return frozenset(row[0] for row in load_rows("inn_stems.tsv") if len(row) > 1 and row[1] == "modifier")


@functools.lru_cache(maxsize=None)
def _lengths(generic: bool = False) -> tuple[int, ...]:
    return tuple(sorted({len(s) for s in _suffixes(generic)}, reverse=True))


PREFIXES = ("non", "anti", "poly", "multi", "super", "trans", "oligo", "hyper", "hypo", "pre", "pro", "di", "tri")


def english(word: str) -> bool:
    """An English word, or one made of an English prefix and word ("nonpeptide")."""
    low = word.lower()
    words = load_words("english_stem_words.txt")
    return low in words or any(low.startswith(p) and low[len(p):] in words for p in PREFIXES)


def stem_of(word: str, before: int = 3, generic: bool = False) -> Stem | None:
    """The longest WHO stem the word ends in, leaving at least ``before`` letters before it;
    ``generic`` admits the stems too common to find a drug by (-ine, -one, -ol)."""
    low = word.lower()
    suffixes = _suffixes(generic)
    for n in _lengths(generic):
        if len(low) >= n + before:
            stem = suffixes.get(low[-n:])
            if stem:
                return stem
    return None


@functools.lru_cache(maxsize=None)
def _last_three() -> frozenset[str]:
    return frozenset(stem[-3:] for stem in _suffixes())


@functools.lru_cache(maxsize=None)
def _endings_any_case() -> frozenset[str]:
    """_last_three() in every mix of cases ("mab", "MAB", "Mab", ...): a token's ending is then
    one set look-up, without lower-casing each of the text's words."""
    out = set()
    for ending in _last_three():
        variants = [""]
        for ch in ending:
            variants = [v + c for v in variants for c in {ch.lower(), ch.upper()}]
        out.update(variants)
    return frozenset(out)


@functools.lru_cache(maxsize=8192)  # the same English words end like stems release after release
def is_inn_word(word: str) -> Stem | None:
    if word[-3:].lower() not in _last_three():
        return None  # most words: one set look-up
    stem = stem_of(word)
    if stem is None or english(word):
        return None
    return stem


def looks_like_inn(name: str) -> bool:
    """A name in brackets beside a brand or code ("BRAND (lofexidine)"): any stem will do there."""
    words = re.sub(r"-[a-z]{4}$", "", name).split()  # "ravulizumab-cwvz": the US suffix aside
    if not 1 <= len(words) <= 2 or not all(re.fullmatch(r"[a-z][a-z-]{4,30}", w) for w in words):
        return False
    head = words[0].split("-")[-1]
    if english(head) or head in load_words("dosage_forms.tsv"):
        return False
    return stem_of(head, generic=True) is not None and (len(words) == 1 or words[1] in _modifiers()
                                                        or stem_of(words[1], before=2) is not None)


def _second_word(text: str, end: int, first: Stem, first_capital: bool, pair_counts) -> int | None:
    """Where a two-word INN ends, when the word after ``end`` is its second word."""
    m = NEXT_WORD.match(text, end)
    if not m and first_capital:
        m = NEXT_TITLE_WORD.match(text, end)
    if not m:
        return None
    word = m.group(1).lower()
    if word in _modifiers():
        return m.end()
    if NOT_SECOND.match(word) or english(word) or word in load_words("dosage_forms.tsv"):
        return None
    stem = stem_of(word, before=2)  # a payload's or vector's word is short: "vedotin"
    if stem is not None and (stem.strength == "strong" or first.stem in CARRIER_STEMS):
        return m.end()
    # "X-mab Y": an antibody with a payload whose stem the list lacks, named the same way twice.
    if first.stem in CARRIER_STEMS and len(word) >= 7 and pair_counts(text[m.start() - 40:m.end()]) >= 2:
        return m.end()
    return None


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
# A token right after a hyphen: its word may take the hyphen's prefix ("ado-trastuzumab").
HYPHENED = re.compile(r"-([A-Za-z]{6,})")


# Words already found to be no INN (is_inn_word is None): releases share most of their words, so
# each process asks about a word once. Bounded: past the bound, new words are just asked again.
_ORDINARY: set[str] = set()
_ORDINARY_MAX = 100_000  # ~6 MB at most


def _token_spans(text: str) -> list[tuple[int, int]]:
    """The spans of TOKEN's matches that can start an INN, in order: the few words that are INNs
    alone, and words after a hyphen (whose prefix may make one). One ``findall`` and a set
    look-up per distinct word replace a Python step for each of the text's ~400 long words."""
    endings = _endings_any_case()
    words = set()
    for word in set(TOKEN.findall(text)) - _ORDINARY:  # a set difference in C: most words were seen
        if word[-3:] in endings and is_inn_word(word) is not None:
            words.add(word)
        elif len(_ORDINARY) < _ORDINARY_MAX:
            _ORDINARY.add(word)
    spans = {(m.start(1), m.end(1)) for m in HYPHENED.finditer(text) if m.group(1)[-3:] in endings}
    for word in words:
        n = len(word)
        at = text.find(word)
        while at >= 0:  # a whole token: no ASCII letter on either side (TOKEN's runs are maximal)
            if (not at or text[at - 1] not in _ASCII_LETTERS) and text[at + n:at + n + 1] not in _ASCII_LETTERS:
                spans.add((at, at + n))
            at = text.find(word, at + 1)
    return sorted(spans)


def find_inns(text: str) -> Iterator[InnMatch]:
    """Every word, or two-word name, that the stem system reads as an INN."""
    low = None

    def pair_counts(chunk: str) -> int:
        nonlocal low
        low = low if low is not None else lower(text)
        pair = " ".join(chunk.split()[-2:]).lower()
        return low.count(pair)

    covered = -1
    for token_start, token_end in _token_spans(text):
        if token_start < covered:
            continue
        start = token_start
        if text[start - 1:start] == "-":  # "ado-trastuzumab": the prefix belongs to the name
            start = max(0, start - 5) + max(text[max(0, start - 5):start - 1].rfind(" ") + 1, 0)
        m = WORD.match(text, start)
        if not m or m.end() != token_end:
            continue
        word = m.group(0)
        stem = is_inn_word(word)
        if stem is None:
            continue
        end = _second_word(text, m.end(), stem, word[0].isupper(), pair_counts)
        if end is not None:
            second = stem_of(text[m.end() + 1:end], before=2)
            strong = stem.strength == "strong" or (second is not None and second.strength == "strong") \
                or stem.stem in CARRIER_STEMS and second is not None
            covered = end
            yield InnMatch(text[m.start():end], m.start(), end, strong, stem.stem)
        else:
            yield InnMatch(word, m.start(), m.end(), stem.strength == "strong", stem.stem)
