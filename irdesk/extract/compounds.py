"""Drug products and candidates: code names, INNs and brand names, merged into compounds.

A name is a candidate by its shape (a code name, a WHO INN stem, a brand's mark); it is
kept when the release treats it as a drug (repeats it, puts it in the headline, or says
so around it) and not as a trial, a target, an abstract number, a platform or a company.
Names that a bracket, "also known as" or "brand names" joins are one compound, named by
the name the release uses most. A drug named only in safety information or the safe
harbour is left out. The owner is the issuer or a company the text ties to the drug
(owners.py); the target is read beside the drug's name (targets.py).
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from .codes import (AS_NUMBER_BEFORE, AS_TRIAL_AFTER_PHASE, CODE, FILING_BEFORE, NOT_CODE_CONTEXT, NOT_CODES,
                    abbreviates, code_roles, forms, is_code)
from .fineprint import fine_print
from .inn import find_inns, looks_like_inn
from .model import Compound, Release, Span
from .owners import clean_owner, issuer_owner, lower_words, plausible_org, tied_owners
from .sections import Sections
from .targets import find_target, target_sentences
from .textfind import find_all, matches_at, squash, ticker_of, word_hits
from .textutil import lower
from .vocab import load_rows, load_words

__all__ = ["extract_compounds", "squash"]

WEB = re.compile(r"(?:https?://|www\.)\S+")


@functools.lru_cache(maxsize=64)
def _prefixed(first: str) -> re.Pattern:
    """A prefixed name ("GEO-MVA": "\\b([A-Za-z]{3,11})-[A-Z][A-Za-z]{0,5}\\b(?!-)") whose head starts
    with ``first`` (any case). The pattern opens with that letter, so `re` skips ahead by it
    where "\\b[A-Za-z]" would try every position of the text."""
    letters = f"[{first.upper()}{first.lower()}]"
    return re.compile(rf"({letters}(?<!\w{letters})[A-Za-z]{{2,10}})-[A-Z][A-Za-z]{{0,5}}\b(?!-)")


FIRM = re.compile(r"\S*\s+(?:Inc|Corp|Ltd|Group|A/S|AG|plc|LLC|Pharmaceuticals|Therapeutics|Pharma|Biotech|"
                  r"Biosciences|Sciences|Holdings)\b")
# Scans of the whole text start with the capital, and say "\b" by a look-behind after it: a pattern
# that opens with a character class lets `re` skip ahead by that class (2-3x faster than "\b[A-Z]").
BRAND = re.compile(r"([A-Z](?<!\w[A-Z])[A-Za-z0-9-]{2,20})\s?(?:®|™|\(R\)|\(TM\))")
_DRUG_WORDS = (r"(?i)\b(?:drugs?|vaccines?|vaccinations?|therap(?:y|ies|eutics?)|medicines?|medications?|treatments?|"
                r"approved|prescription|candidates?|compounds?|inhibitors?|antibod(?:y|ies)|conjugates?|ADCs?|doses?|"
                r"dosing|dosed|investigational|program|trials?|study|agonists?|antagonists?|formulations?|molecules?|"
                r"biologics?|product|combination|regimens?|mg")
NOT_DRUG = re.compile(r"\)?\.?\s*(?:[A-Z][\w-]*(?:®|™)?\s+){0,3}(?i:technology|platform|index|software|system|device|app|"
                      r"products?\b|solutions?|program|programme|service|profiling|explore|digital|"
                      r"laboratory|lab|electrodes?|balloons?|catheters?|stents?|pumps?|assays?|tests?|kits?|"
                      r"diagnostics?|scanners?|sensors?|monitors?|implants?|instruments?|headsets?|wearables?|"
                      r"algorithms?|tools?|logo|calculators?|equations?|registry|network|initiative|campaign|challenge|"
                      r"consortium|foundation|score|portfolio|suite|summit|conference|forum|symposium|showcase|awards?|"
                      r"supplements?|nutraceuticals?|cosmetics?|blend|brands?|procedures?)\b")
# "DehydraTECH™ enhancement technology", "COMPASS® and CHART® hematopathology services", "the
# medical device (ABV-1701/Vitargus®)": a mark whose words around it say it is a technology,
# a service or a device. Words between are ordinary modifiers, not a drug's companion test.
THING_AFTER = re.compile(r"\)?\s*(?:(?:and|or|,)\s+[A-Z][\w-]*(?:®|™)?\s+)?(?:(?!(?:companion|and|or|with|the|an?|for|of|"
                         r"plus|in|on|to|by|is|was|are|uses?|using|its|their|our)\b)[\w-]+\s+){1,2}"
                         r"(?i:technolog(?:y|ies)|platforms?|software|devices?|services|assays?)\b")
THING_OPEN = re.compile(r"(?i)\b(?:devices?|platforms?|technolog(?:y|ies)|assays?|software|systems?)\s*\((?:[^()/]{1,30}/)?$")
# Sought from the comma (a fast scan), then the capitals before it; not after a comma: "M.D., M.P.H.,
# FAHA, an associate professor of medicine" lists credentials.
DRUG_APPOSITION = re.compile(r",\s+(?:its|our|their|a|an|the)\s+(?:[\w-]+\s+){0,3}(?:candidate|drug|therapy|treatment|"
                             r"medicine|formulation)\b")
# A name right after a noun that says it is the company's candidate; the name ends the phrase
# (a capital word after it, as in "candidate, Tumor Breaker(TM) X-1", makes it part of a longer name).
# Sought from each literal noun (str.find), then the words before it and the name after it: a
# scan of the whole text by the full pattern cost 5% of the extractor.
LEAD_NOUNS = ("compound", "candidate", "asset")
LEAD_BEFORE = re.compile(r"\b(?:lead|its|our)\s+(?:(?:drug|product|clinical|therapeutic|development)\s+)?$")
LEAD_NAME = re.compile(r",?\s+([A-Z][A-Za-z0-9]{1,20}(?:-[A-Za-z0-9]{1,10}){0,2})"
                       r"(?:®|™|\(R\)|\(TM\))?(?=[,.;:)]|\s+[a-z(]|\s*$)")


def _lead_named(text: str) -> list[re.Match]:
    """Names right after "its lead compound", "our drug candidate", "lead asset" (the name's group 1)."""
    found = []
    for noun in LEAD_NOUNS:
        for at in find_all(text, noun):
            m = LEAD_NAME.match(text, at + len(noun))
            if m and LEAD_BEFORE.search(text, max(0, at - 40), at):
                found.append(m)
    return found
CAPS_BEFORE_COMMA = re.compile(r"([A-Z](?<![\w-][A-Z])(?<!,\s[A-Z])[A-Z]{3,15}(?: [A-Z]{2,4})?)$")


def _caps_drug_appositions(text: str) -> list[re.Match]:
    """Capitals just before a comma that opens a drug's apposition ("BRIMOCHOL PF, its lead candidate")."""
    found = []
    for m in DRUG_APPOSITION.finditer(text):
        caps = CAPS_BEFORE_COMMA.search(text, max(0, m.start() - 24), m.start())
        if caps:
            found.append(caps)
    return found
CAPS_BEFORE_INN = re.compile(r"([A-Z](?<!\w[A-Z])[A-Za-z-]{3,20}[A-Za-z])(?:®|™|\(R\)|\(TM\))?\s?\(([a-z][a-z-]{4,30}(?: [a-z]{4,30})?)\)")
ALSO_KNOWN = re.compile(r",?\s+(?:also known as|aka|a\.k\.a\.|(?:formerly|previously) (?:known as|called|named)|"
                        r"formerly|also called)\s+([A-Za-z][\w-]{1,30}(?: [a-z]{4,30})?)")
CAPS_WORD_BEFORE = re.compile(r"(?<![\w-])([A-Z]{3,20}) $")
SALES = re.compile(r"(?i)\b(?:net sales|sales|revenues?|royalt(?:y|ies))\b")
LONGER_MARK = re.compile(r"\b(?!(?:The|A|An|With|Our|Its|About|For|In|On|Of|And|Both|Using|New|Oral|Each)\s)[A-Z][\w-]+ $")
SHORT_CODE = re.compile(r"[A-Z]{2,4}[-‐‑]\d{3,5}")
TARGET_AFTER = re.compile(r"[- ](?:targeting|positive|negative|expressing|mutant|mutation)")
TRADEMARK_LEGEND = re.compile(r"(?i)\b(?:are|is|as) (?:registered )?trademarks?\b|\btrademarks? of\b")



# Words of prose, not of addresses ("ir@halvorsen.example").
LOWER_WORD = re.compile(r"(?<![@./\w])[a-z]{7,}(?![@\w]|\.\w)")


def _in_prose(text: str, word: str) -> bool:
    """Whether ``word`` is among LOWER_WORD's matches in ``text``: asked at the word's places (one
    or two words a release), not by listing every word. A match never starts inside another, so
    the matches are those that the pattern makes at a place of the word, ending with it."""
    n, at, tries = len(word), text.find(word), 0
    while at >= 0 and word:
        m = LOWER_WORD.match(text, at)
        if m and m.end() == at + n:
            return True
        tries += 1
        if tries > 50:  # a word inside many others ("aaaa…"): list the matches once instead
            return word in set(LOWER_WORD.findall(text))
        at = text.find(word, at + 1)
    return False


class _DrugWords:
    """Words that treat a name beside them as a medicine: roles and doses (a short regex), dosage
    forms and routes (a set, from the FDA SPL vocabulary: a set look-up beats a 200-way regex)."""

    role = re.compile(_DRUG_WORDS + r")\b")
    word = re.compile(r"[a-z][a-z-]+")

    def search(self, text: str, start: int = 0, end: int | None = None) -> bool:
        end = len(text) if end is None else end
        if self.role.search(text, start, end):
            return True
        known = forms()
        return any(w in known for w in self.word.findall(text[start:end].lower()))


_drug_words = _DrugWords()


def drug_words() -> _DrugWords:
    return _drug_words


def not_compounds() -> frozenset[str]:
    return load_words("not_compounds.tsv")


def _drug_context(text: str, start: int, end: int) -> bool:
    """Whether the words around a name treat it as a drug: a dose, a drug word, a name in brackets."""
    if re.match(r"\s?(?:\(|®|™)", text[end:end + 2]) or text[max(0, start - 1):start] == "(":
        return True
    return bool(drug_words().search(text, max(0, start - 60), min(len(text), end + 60)))


class _Names:
    """Union-find over names compared without case, spaces or hyphens."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.spelling: dict[str, tuple[str, Span]] = {}
        self.kind: dict[str, str] = {}
        self.variants: dict[str, list[tuple[str, Span]]] = {}  # "BT062" beside "BT-062"

    def add(self, name: str, span: Span, kind: str) -> str:
        key = squash(name)
        if key not in self.parent:
            self.parent[key] = key
            self.spelling[key] = (name, span)
            self.kind[key] = kind
        else:
            if RANK[kind] < RANK[self.kind[key]]:
                self.kind[key] = kind
            seen = [self.spelling[key][0].lower()] + [v.lower() for v, _ in self.variants.get(key, [])]
            if name.lower() not in seen:
                self.variants.setdefault(key, []).append((name, span))
        return key

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


RANK = {"code": 0, "brand": 1, "inn": 2, "alias": 3}


def _candidates(text: str, release: Release, issuer: str | None = None) -> list[tuple[str, Span, str]]:
    """Every name the release writes as a drug's: code names, brands and INNs, with their spans."""
    found = (_code_candidates(text, release) + _named_after_issuer(text, release.company or issuer or "")
             + _brand_candidates(text, release) + _inn_candidates(text))
    if not found:
        return found  # no addresses to look for (most texts name no drug)
    urls = _addresses(text)
    return [f for f in found if not any(s <= f[1][0] < e for s, e in urls)]


# Words of medicine and its regulation: a release of full length with fewer than three of them (a
# car's, a coin's, a mine's, an avionics vendor's) names no drug by a code ("XJ220", "SPX6900",
# "drillhole AL24077"). A snippet is too short to tell.
# Looked for as parts of the lower-cased text (a scan per word beats one case-blind regex); none is
# part of an ordinary word of another trade ("trial" is, of "industrial").
MEDICAL = ("clinical", "fda", "patient", "therap", "drug", "pharma", "biotech", "disease", "treatment", "medicine",
           "vaccine", "oncology", "cancer", "tumor", "tumour", "molecule", "antibod", "indicated", "indication",
           "disorder", "syndrome", "infection", "pdufa", "preclinical", "efficacy", "dosing", "doses")


FULL_LENGTH = 1500


def _medical(text: str) -> bool:
    if len(text) < FULL_LENGTH:
        return True
    low, seen = lower(text), 0
    for word in MEDICAL:
        if word in low:
            seen += 1
            if seen >= 3:
                return True
    return False


def _code_candidates(text: str, release: Release) -> list[tuple[str, Span, str]]:
    """Code names the release treats as a drug's: repeated, in the headline, or among drug words."""
    codes = list(CODE.finditer(text))
    if codes and not _medical(text):
        return []
    counts = Counter(squash(m.group(0)) for m in codes)
    headline = squash(release.headline or "")
    # is_code per name: a name recurs, and its check may scan the text
    shaped = {name: is_code(name, text) for name in dict.fromkeys(m.group(0) for m in codes)}
    # The roles of a name that neither is code-shaped nor may be rescued as one are never asked
    # for: code_roles reads only the mentions of the others ("COVID-19", "ASCO 2024" are many).
    # A key's roles count all its mentions, so those are kept whole, per key.
    needed = {squash(name) for name, ok in shaped.items() if ok or SHORT_CODE.fullmatch(name)}
    not_drugs, numbers, drugs = code_roles(text, [m for m in codes if squash(m.group(0)) in needed])
    suffixed = _suffixed_codes(text, codes)
    found = []
    for m in codes:
        name = m.group(0)
        key = squash(name)
        # "LB-100, a first-in-class drug": a prefix that usually says something else ("LB" abstracts)
        # still makes a code when a mention gives it a drug's role.
        rescued = key in drugs and SHORT_CODE.fullmatch(name)
        if not (shaped[name] or rescued) or key in not_drugs or key in numbers:
            continue
        if AS_NUMBER_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "Poster MP-21": this mention is a number
        if NOT_CODE_CONTEXT.match(text, m.end()) or FILING_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "Sub-15 nm", "Form F-4"
        before, after = text[max(0, m.start() - 6):m.start()], text[m.end():m.end() + 14]
        if TARGET_AFTER.match(after) or before.endswith("anti-"):
            continue
        if counts[key] >= 2 or key in headline \
                or drug_words().search(text, max(0, m.start() - 80), m.end() + 80):
            full = suffixed.get(key, name)
            end = m.start() + len(full) if text.startswith(full, m.start()) else m.end()
            found.append((full, (m.start(), end), "code"))
    return found


SUFFIX_AFTER = re.compile(r" ([A-Z]{2,3})(?![\w-])")


@functools.lru_cache(maxsize=None)
def release_suffixes() -> frozenset[str]:
    return frozenset(row[0] for row in load_rows("release_suffixes.tsv"))


def _suffixed_codes(text: str, codes: list[re.Match]) -> dict[str, str]:
    """ "ZX-210 SL" whenever the release writes a formulation suffix after a code in most of its
    mentions: the product is the code with its suffix, also where the text drops it."""
    hits: dict[str, Counter] = {}
    for m in codes:
        if text.startswith(" ", m.end()) and text[m.end() + 1:m.end() + 2].isupper():  # most codes stop here
            suffix = SUFFIX_AFTER.match(text, m.end())
            if suffix and suffix.group(1) in release_suffixes():
                hits.setdefault(squash(m.group(0)), Counter())[(m.group(0), suffix.group(1))] += 1
    if not hits:
        return {}
    totals = Counter(squash(m.group(0)) for m in codes)
    named = {}
    for key, tally in hits.items():
        (code, suffix), count = tally.most_common(1)[0]
        if count * 2 > totals[key]:
            named[key] = f"{code} {suffix}"
    return named


_CAPITAL_AFTER_HYPHEN = re.compile(r"-(?=[A-Z])")
_HEAD_BEFORE = re.compile(r"[A-Za-z]{3,11}$")


def _prefixed_starts(text: str, first: str) -> list[int]:
    """Where a _prefixed(first) match can start: at the letters before a hyphen and a capital (found
    from the hyphen, a fast scan), when they start with ``first``. A scan for the head's letter
    stops at every "a" or "e" of the text."""
    starts = []
    for hyphen in _CAPITAL_AFTER_HYPHEN.finditer(text):
        head = _HEAD_BEFORE.search(text, max(0, hyphen.start() - 11), hyphen.start())
        if head and text[head.start()] in (first, first.upper()):
            starts.append(head.start())
    return starts


def _named_after_issuer(text: str, issuer: str) -> list[tuple[str, Span, str]]:
    """ "GEO-MVA" of GeoVax, "ARO-INHBE" of Arrowhead: a product named after its company."""
    company = issuer.split()
    if not company or len(company[0]) < 3:
        return []
    first, found = company[0].lower(), []
    if not "a" <= first[0] <= "z":
        return []  # a head is ASCII letters: no head abbreviates a name that starts otherwise
    # Only a head that starts with the company's first letter can abbreviate it (abbreviates()),
    # and these names never overlap: scanning for those heads alone finds the same names.
    for m in matches_at(_prefixed(first[0]), text, _prefixed_starts(text, first[0]), len(text)):
        head = m.group(1).lower()
        if len(head) >= 3 and abbreviates(head, first) and not CODE.fullmatch(m.group(0)) \
                and squash(m.group(0)) != squash(company[0]) and m.group(0).lower() not in not_compounds() \
                and not ticker_of(text, m.group(1)) \
                and drug_words().search(text, max(0, m.start() - 80), m.end() + 80) \
                and not NOT_DRUG.match(text, m.end(), m.end() + 60):
            found.append((m.group(0), m.span(), "code"))
    return found


def _names_a_thing(text: str, end: int) -> bool:
    """Whether the words after a name (ending at ``end``) say it is a platform, a device, a service..."""
    m = NOT_DRUG.match(text, end, end + 60) or THING_AFTER.match(text, end, end + 80)
    return bool(m) and not SENTENCE_BREAK.search(m.group(0))  # "X.\n\nThe program ...": another sentence


SENTENCE_BREAK = re.compile(r"\n|\.\s")


def _brand_candidates(text: str, release: Release) -> list[tuple[str, Span, str]]:
    """Marked names (®, ™) that name a drug, and capitals tied to an INN in brackets."""
    # Most releases carry no mark at all: then no mention can match BRAND.
    marks = _brand_marks(text)
    # A mark that once names a program, platform or device is not a drug anywhere in the release.
    not_drugs = {m.group(1) for m in marks if _names_a_thing(text, m.end())
                 or THING_OPEN.search(text, max(0, m.start() - 60), m.start())}
    # ... and so is a mark one of whose unmarked mentions does ("its DehydraTECH processing technology").
    not_drugs |= {name for name in {m.group(1) for m in marks} - not_drugs
                  if any(_names_a_thing(text, at + len(name)) for at in word_hits(text, name))}
    # "Research Information Exchange Network® (RIEN)": capitals the text spells out are an organization's.
    not_drugs |= {name for name in {m.group(1) for m in marks} - not_drugs if name.isupper() and _spelled_out(text, name)}
    # A mark is a drug's when one of its mentions stands among drug words ("VIVITROL® revenue" is then one too).
    vouched = {m.group(1) for m in marks if drug_words().search(text, max(0, m.start() - 60), m.end() + 140)
               or SALES.search(text, max(0, m.start() - 40), m.end() + 40)}
    found = []
    for m in marks:
        name = m.group(1)
        if name in not_drugs or name not in vouched or not _is_drug_mark(text, m, release):
            continue
        glued = _glued_heading(name)
        name, start = name[glued:], m.start(1) + glued
        if name.isupper() or re.match(r"\s*\([a-z]", text[m.end():m.end() + 60]) or text.count(name) >= 2:
            head = CAPS_WORD_BEFORE.search(text, max(0, m.start() - 25), m.start()) if name.isupper() and not glued else None
            if head and not NOT_CODES.match(head.group(1)) and head.group(1).lower() not in lower_words(text):
                found.append((f"{head.group(1)} {name}", (head.start(1), m.end(1)), "brand"))  # "INVEGA TRINZA®"
            else:
                found.append((name, (start, m.end(1)), "brand"))
    # "BRIMOCHOL PF, its lead candidate", "KETAFREE, its IV ketamine formulation": capitals the text
    # says are a drug, with no mark.
    company = squash(release.company or "")
    for m in _caps_drug_appositions(text):
        name = m.group(1)
        if not NOT_CODES.match(name.split()[0]) and name.split()[0].lower() not in lower_words(text) \
                and not (company and company.startswith(squash(name))) and not ticker_of(text, name.split()[0]):
            found.append((name, m.span(1), "brand"))
    # "its lead compound, Zelvo-MS", "lead drug candidate, Varubicin": a name the text says is its candidate.
    for m in _lead_named(text):
        name = m.group(1)
        coined = re.search(r"[-\d]|.[A-Z]", name) or looks_like_inn(name.lower())  # not "Research", "Tumor"
        if coined and not NOT_CODES.match(name.split("-")[0]) and name.lower() not in lower_words(text) \
                and not (company and company.startswith(squash(name))) and not ticker_of(text, name):
            found.append((name, m.span(1), "brand"))
    # "KADCYLA (ado-trastuzumab emtansine)": capitals tied to an INN are its brand, mark or none.
    for m in _caps_before_inn(text):
        if looks_like_inn(m.group(2)) and not NOT_CODES.match(m.group(1)) \
                and m.group(1).lower() not in lower_words(text) and not looks_like_inn(m.group(1).lower()):
            found.append((m.group(1), m.span(1), "brand"))
    return found


MINOR_WORDS = frozenset(("of", "and", "for", "the", "in", "on", "&"))


def _spelled_out(text: str, name: str) -> bool:
    """Whether "(NAME)" follows capitalised words whose initials spell it: an acronym a text
    defines names an organization, a network or a program; a drug's name is not spelled out."""
    at = text.find(f"({name})")
    while at != -1:
        words = [w for w in re.findall(r"[A-Za-z&][\w&-]*", text[max(0, at - 120):at])[-12:]
                 if w.lower() not in MINOR_WORDS]
        initials = "".join(w[0] for w in words[-len(name):]) if len(words) >= len(name) else ""
        if initials == name and all(w[0].isupper() for w in words[-len(name):]):
            return True
        at = text.find(f"({name})", at + 1)
    return False


def _glued_heading(name: str) -> int:
    """How many letters of a name in capitals are a label's heading glued to it ("INDICATIONSXGEVA"): 0 if none."""
    if not name.isupper() or len(name) < 7:
        return 0
    heads = [len(h) for h in label_headings() if name.startswith(h) and len(name) - len(h) >= 3]
    return max(heads, default=0)


@functools.lru_cache(maxsize=None)
def label_headings() -> frozenset[str]:
    return load_words("label_headings.txt")


MARK = re.compile(r"®|™|\(R\)|\(TM\)")


def _brand_marks(text: str) -> list[re.Match]:
    """BRAND's matches, sought only just before each mark: a match ends with its mark and starts
    at most 22 characters before it. Overlapping stretches are merged, so none is cut or found
    twice; most releases carry no mark at all."""
    if not any(mark in text for mark in ("®", "™", "(R)", "(TM)")):
        return []
    windows: list[list[int]] = []
    for mark in MARK.finditer(text):
        lo, hi = max(0, mark.start() - 22), mark.end()
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return [m for lo, hi in windows for m in BRAND.finditer(text, lo, hi)]


INN_WORD_AFTER = re.compile(r" ([A-Za-z][a-z]{4,30})\b")
INN_BRACKET = re.compile(r"\([a-z]")


def _caps_before_inn(text: str) -> list[re.Match]:
    """CAPS_BEFORE_INN's matches, sought only around a bracket that opens on a lower-case letter:
    a match starts at most 27 characters before it (a 22-letter name, a mark, a space) and ends
    at most 64 after. Overlapping stretches are merged, so no match is cut or found twice."""
    windows: list[list[int]] = []
    for b in INN_BRACKET.finditer(text):
        lo, hi = max(0, b.start() - 27), b.start() + 65
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return [m for lo, hi in windows for m in CAPS_BEFORE_INN.finditer(text, lo, hi)]


def _is_drug_mark(text: str, m: re.Match, release: Release) -> bool:
    """Whether this mention of a mark can be a drug's: not a platform's, a company's, a meeting's,
    a longer name's, a trial's, nor one in a trademark legend."""
    name = m.group(1)
    if CODE.match(text, m.end() + 1) or CODE.match(text, m.end()):
        return False  # "Tumor Defense Breaker™ L-DOS47": a platform's mark before the drug
    after = INN_WORD_AFTER.match(text, m.end())
    if after and looks_like_inn(after.group(1).lower()):
        return False  # "Nanoform™ everolimus": a platform's mark before the drug's INN
    if NOT_DRUG.match(text, m.end(), m.end() + 60) or _is_firm(text, name):
        return False
    if re.search(r"(?:19|20)\d\d$", name):
        return False  # "IMMUNOLOGY2025™": a meeting's mark
    if not name.isupper() and name.lower() in lower_words(text):
        return False  # "Assure®", "Evolution™": an ordinary word the text also writes in lower case
    if squash(name) == squash(" ".join((release.company or "").split()[:1])) or \
            re.search(r"\b(?:by|from)\s+(?:[A-Z][\w-]*\s+)?$", text[max(0, m.start() - 40):m.start()]):
        return False  # the issuer's own name, or "manufactured by Novo Nordisk®": a company's mark
    longer = LONGER_MARK.search(text, max(0, m.start() - 30), m.start()) if not name.isupper() else None
    if longer and not re.search(r"\d", name) and not drug_words().search(longer.group(0)):
        return False  # "Total Cancer Care®", "Research Foundation®": the mark of a longer name
    if AS_TRIAL_AFTER_PHASE.match(text, m.end()):
        return False  # "its EMBRACE™ Phase 3 study": a trial's mark
    return not TRADEMARK_LEGEND.search(_sentence_at(text, m.start()))  # "X™ and Y™ are trademarks of ..."


def _inn_candidates(text: str) -> list[tuple[str, Span, str]]:
    """INNs by their WHO stem; a weak stem's only where the words around treat it as a drug."""
    found = []
    for m in find_inns(text):
        first = m.name.split()[0]
        if first.lower() in not_compounds() or "-" in first and not m.strong:
            continue
        if not m.strong:
            if not _in_prose(text, first.lower().split("-")[-1]) or not _drug_context(text, m.start, m.end):
                continue  # "Halvorsen" is a name; "transgene" a word: a weak stem needs its context
        if first[0].isupper() and _names_a_thing(text, m.end):
            continue  # "Zorstim TMS system": a capitalised name with a stem that names a device
        found.append((m.name, (m.start, m.end), "inn"))
    return found


def _sentence_at(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0]
    return text[start:min(ends) if ends else len(text)]


def _web_spans(text: str) -> list[Span]:
    """WEB's matches, tried only where one can start: "http(s)" before each "://", each "www."
    (the pattern's leading alternatives make `re` stop at every "h" and "w" of the text)."""
    starts = set(find_all(text, "www."))
    for at in find_all(text, "://"):
        if text.startswith("https", at - 5):
            starts.add(at - 5)
        elif text.startswith("http", at - 4):
            starts.add(at - 4)
    spans, last = [], 0
    for at in sorted(starts):
        m = WEB.match(text, at) if at >= last else None
        if m:  # the leftmost match first, then the next one past it: what finditer does
            spans.append(m.span())
            last = m.end()
    return spans


def _addresses(text: str) -> list[Span]:
    """Web and mail addresses, whose parts look like code names but are not."""
    spans = _web_spans(text)
    at = text.find("@")
    while at >= 0:
        start = max(text.rfind(c, 0, at) for c in " \n\t") + 1
        end = min((i for i in (text.find(c, at) for c in " \n\t") if i >= 0), default=len(text))
        spans.append((start, end))
        at = text.find("@", end)
    return spans


# What the words around one mention of a code name make of it.
@functools.lru_cache(maxsize=8)  # asked once per mention of a mark, it scans all mentions: once per name
def _is_firm(text: str, name: str) -> bool:
    """ "Acme® Inc.": a mark on a company's name, not a drug's."""
    at = text.find(name)
    while at >= 0:
        if FIRM.match(text, at + len(name)):
            return True
        at = text.find(name, at + 1)
    return False


ALIAS_LEAD = re.compile(r"(?i)^(?:(?:formerly|previously)(?: known as| identified as| called| named)?|also known as|"
                        r"a\.?k\.?a\.?|f/k/a|known as|INN|USAN|generic name|brand name|code name|"
                        r"licensed by [^()]{1,40}? as)\s*:?\s*")
QUOTED = re.compile(r"[“\"‘']([^“”\"‘’']{2,40})[”\"’']")
ALIAS_SPLIT = re.compile(r"\s*(?:[,;]|\bor\b)\s*")
BRAND_NAMES = re.compile(r"\bbrand names?\s+((?:[A-Z][\w-]{2,20}(?:®|™)?(?:,\s*|,?\s+and\s+|\s+or\s+)?){1,4})")


def _alias_parts(inside: str, base: int):
    """The names a bracket lists: "sac-TMT, formerly SKB-264/MK-2870", "aka PCLX-001 or DDD86481"."""
    at = 0
    for piece in ALIAS_SPLIT.split(inside):
        offset = inside.find(piece, at)
        at = offset + len(piece)
        lead = ALIAS_LEAD.match(piece)
        name = piece[lead.end():] if lead else piece
        start = base + offset + (lead.end() if lead else 0)
        quoted = QUOTED.fullmatch(name)
        if quoted:  # '(“SGX-301” or ...)': a defined term's quotes around the name
            name, start = quoted.group(1), start + quoted.start(1)
        if not name or len(name) > 60:
            continue
        if "/" in name and all(CODE.fullmatch(p) for p in name.split("/")):
            for code in name.split("/"):
                yield code, start + name.index(code)
        else:
            yield name.strip(), start


def _without_form(alias: str) -> str:
    """ "sumatriptan nasal spray" -> "sumatriptan": an INN followed only by dosage-form and route words."""
    words = alias.split()
    if len(words) > 1 and looks_like_inn(words[0]) and all(w.lower() in dosage_words() or w == "for" for w in words[1:]):
        return words[0]
    return alias


@functools.lru_cache(maxsize=None)
def dosage_words() -> frozenset[str]:
    """Every dosage-form and route word, ordinary ones too: inside a drug's bracket they say "form"."""
    return frozenset(row[0] for row in load_rows("dosage_forms.tsv"))


def _link_brand_names(text: str, names: _Names, found: list[tuple[str, Span, str]]) -> None:
    """ "liraglutide ... under the brand names Saxenda® and Victoza®": the brands are the drug's names."""
    if "brand name" not in text:
        return
    for m in BRAND_NAMES.finditer(text):
        before = [(span, name) for name, span, kind in found if kind in ("inn", "code") and m.start() - 200 < span[0] < m.start()]
        if not before:
            continue
        sentence_start = text.rfind(". ", 0, m.start())
        owner = max(before)[1]
        if max(before)[0][0] < sentence_start:
            continue
        for brand in re.finditer(r"[A-Z][\w-]{2,20}", m.group(1)):
            key = squash(brand.group(0))
            if key in names.parent:
                names.union(squash(owner), key)


def _link_aliases(text: str, names: _Names, found: list[tuple[str, Span, str]]) -> None:
    """ "A (B, C)", "A (INN: B)", "A (licensed by X as B)" join names into one compound."""
    at = {span[1]: squash(name) for name, span, _ in found}
    for end, key in at.items():
        paren = re.match(r"\s?(?:®|™|\(R\)|\(TM\))?\s?\(([^()]{1,100})\)", text[end:end + 110])
        if not paren:
            continue
        if paren.group(1).strip() in ("R", "TM", "SM", "C", "i", "ii", "a", "b"):
            continue  # "ARISTADA(R)", a footnote's "(i)": a mark or a note, not a name
        parts = list(_alias_parts(paren.group(1), end + paren.start(1)))
        # "(LM, IMGN901)": beside a known name, a short capital abbreviation is a name too.
        vouched = any(squash(alias) in names.parent for alias, _ in parts)
        for alias, start in parts:
            alias = _without_form(alias)  # "BRAND (sumatriptan nasal spray)": the INN is the alias
            if re.fullmatch(r"[A-Z0-9]{2,8}x[A-Z0-9]{2,8}", alias):
                continue  # "(BCMAxCD3)": a bispecific's targets, not its name
            if CODE.fullmatch(alias) and NOT_CODES.match(alias.split("-")[0]):
                continue  # "X (COVID-19)": the disease a candidate is for, not its name
            key2 = squash(alias)
            if key2 in names.parent:
                names.union(key, key2)
            elif re.fullmatch(r"[A-Z][A-Za-z0-9-]{0,7}", alias) and (vouched or not re.fullmatch(r"[A-Z]{2,}s?", alias)) \
                    or re.fullmatch(r"[a-z]+(?:/[a-z]+)+(?: and [a-z]+)?", alias) or looks_like_inn(alias):
                names.add(alias, (start, start + len(alias)), "alias")
                names.union(key, key2)
            base = re.match(r"([a-z]{5,})-[a-z]{4}$", alias)
            if base and squash(base.group(1)) in names.parent:
                names.union(key, squash(base.group(1)))  # "X® (ravulizumab-cwvz)" and "ravulizumab"
    _link_brand_names(text, names, found)
    for end, key in at.items():
        aka = ALSO_KNOWN.match(text, end, end + 60)
        if aka:
            alias = aka.group(1)
            if squash(alias) in names.parent:
                names.union(key, squash(alias))
            elif CODE.fullmatch(alias) and is_code(alias) or looks_like_inn(alias):
                names.add(alias, aka.span(1), "alias")
                names.union(key, squash(alias))
    # "lorvotuzumab" alone is the antibody of "lorvotuzumab mertansine": one compound.
    long_inns = {squash(n.split()[0]): squash(n) for n, _, kind in found if kind == "inn" and " " in n}
    for name, _, kind in found:
        if kind == "inn" and " " not in name and squash(name) in long_inns:
            names.union(long_inns[squash(name)], squash(name))
        elif kind == "inn" and " " not in name:
            second = next((v for k, v in long_inns.items() if v.endswith(squash(name))), None)
            if second:
                names.union(second, squash(name))
    # An abbreviation that stands for a name: "Lenalidomide (Len)", "T-DM1" after an INN.
    for name, span, kind in found:
        if kind == "inn":
            abbr = re.match(r"\s?\(([A-Z][A-Za-z0-9-]{1,7})\)", text[span[1]:span[1] + 12])
            if abbr and squash(abbr.group(1)) not in names.parent:
                start = span[1] + abbr.start(1)
                names.add(abbr.group(1), (start, start + len(abbr.group(1))), "alias")
                names.union(squash(name), squash(abbr.group(1)))


def _owner(compound: Compound, issuer: str | None, ties: list[tuple[str, str]], text: str,
           release: Release) -> str | None:
    """The issuer, unless the text ties another company to it: "Biotest's BT-062", "developed by X"."""
    keys = {squash(n) for n in compound.all_names() if len(n) > 2}
    for owner, governed in ties:
        if not any(k in governed for k in keys):
            continue
        if (release.company or "").startswith(owner) or owner.startswith("Company") or owner.startswith("company"):
            return issuer
        if plausible_org(owner, text):
            return owner
    if all(n[:1].islower() for n in compound.all_names()) and _only_as_partner(text, compound.name):
        return None  # "ACM-1 in combination with carboplatin": the partner is nobody's by the text
    return issuer


PARTNER_CUE = re.compile(r"(?i)\b(?:combination|combined|plus|added to|add-on|standard of care|comparator|versus|vs\.?)\b")


# "the trial evaluates ACM-1 with carboplatin and pemetrexed": INNs given with a code name.
CODE_WITH = re.compile(r"[A-Z][A-Za-z]{0,6}[-‐‑ ]?\d[\w-]{0,8}\s+with\s+(?:[a-z][a-z-]{3,30}(?:,\s+|,?\s+and\s+)){0,3}$")


def _only_as_partner(text: str, name: str) -> bool:
    """Whether every mention of an INN stands in its sentence beside words of combination or comparison."""
    hits = word_hits(text, name)
    def beside(at: int) -> bool:
        lo, hi = max(0, at - 80), min(len(text), at + len(name) + 60)  # bounded: no scan of a long text per hit
        start = max(lo, text.rfind(". ", lo, at), text.rfind("\n", lo, at))
        stop = min([hi] + [e for e in (text.find(". ", at, hi), text.find("\n", at, hi)) if e >= 0])
        return bool(PARTNER_CUE.search(text, max(0, start), stop) or CODE_WITH.search(text, max(0, start), at))
    return bool(hits) and all(beside(at) for at in hits)


def _lowered(text: str) -> str:
    """``text`` in lower case, offsets kept (a letter whose lower case is longer stays as it is)."""
    low = lower(text)
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _uses(lowered: str, name: str) -> int:
    return len(word_hits(lowered, name.lower())) if len(name) > 2 else 0


def _only_in(lowered: str, compound: Compound, spans: list[Span]) -> bool:
    """Whether every mention of the compound lies inside ``spans``."""
    if not spans:
        return False
    for name in compound.all_names():
        if len(name) < 3:
            continue
        for at in word_hits(lowered, name.lower(), hyphen_ends=False):
            if not any(s <= at < e for s, e in spans):
                return False
    return True


def extract_compounds(text: str, release: Release, sections: Sections) -> list[Compound]:
    # The issuer as owner is asked for only where it is used: to read names after it when the
    # release read no company, and to own the compounds found (most texts have none).
    issuer = None if release.company else issuer_owner(release, text)
    found = _candidates(text, release, issuer)
    names = _Names()
    for name, span, kind in found:
        names.add(name, span, kind)
    _link_aliases(text, names, found)
    groups: dict[str, list[str]] = {}
    for key in names.parent:
        groups.setdefault(names.find(key), []).append(key)
    if groups and release.company:
        issuer = issuer_owner(release, text)
    ties = [(clean_owner(owner, text), squash(text[start:end])) for owner, start, end in tied_owners(text)] if groups else []
    compounds = []
    small_print = fine_print(text, sections) if groups else []
    lowered = _lowered(text) if groups else ""
    for keys in groups.values():
        keys.sort(key=lambda k: (RANK[names.kind[k]], names.spelling[k][1][0]))
        if names.kind[keys[0]] == "alias":
            continue
        # The name the release uses most; among equals, a code name, then a brand, then the INN.
        keys.sort(key=lambda k: (names.kind[k] == "alias", -_uses(lowered, names.spelling[k][0]),
                                 RANK[names.kind[k]], names.spelling[k][1][0]))
        name, span = names.spelling[keys[0]]
        compound = Compound(name=name, spans={"name": span})
        others = [names.spelling[k] for k in keys[1:]] + [v for k in keys for v in names.variants.get(k, [])]
        for alias, alias_span in others:
            compound.spans[f"aliases[{len(compound.aliases)}]"] = alias_span
            compound.aliases.append(alias)
        if _only_in(lowered, compound, small_print):
            continue  # a drug named only in safety information or the safe harbour
        compound.company = _owner(compound, issuer, ties, text, release)
        compounds.append(compound)
    every = {n for c in compounds for n in c.all_names()}
    candidates = target_sentences(text, every) if compounds else []
    for compound in compounds:
        own = set(compound.all_names())
        target = find_target(candidates, own, every - own)
        if target:
            compound.target, compound.spans["target"] = target
    compounds.sort(key=lambda c: c.spans["name"][0])
    return compounds
