"""Who owns a compound: only a company the text ties to it.

The ties a release writes: the issuer's own drug (the default, when the issuer is a company),
a possessive ("Acme's ACM-101"), and a phrase ("ACM-101, developed by Acme", "licensed from
Acme"). A tie is kept only when its owner reads as an organisation: not an ordinary word the
text also writes in lower case ("World's first"), not a disease's eponym ("Crohn's disease"),
not a wire, an aggregator or a regulator.
"""

from __future__ import annotations

import functools
import re

from .model import Release
from .textfind import find_all, matches_at, ticker_of
from .textutil import folds_plainly, lower

ORG = r"(?:[A-Z][\w&.-]*[\w&](?: (?:&|and|de|of) [A-Z][\w&.-]*[\w&])?(?: [A-Z][\w&.-]*[\w&]){0,3})"
# "Acme's lead asset, ACM-1": past a noun that names a candidate, the apposition is what the owner governs too.
APOSTROPHE = re.compile(r"['’](s?)\s+((?:[\w-]+\s+){0,3}[\w-]+(?:(?:(?<=candidate)|(?<=compound)|(?<=asset)),\s[\w-]+)?)")
ORG_END = re.compile(rf"\b({ORG})$")
# A licensor ("licensed from X", "discovered by X") is not the owner the answer names: the licensee is.
PHRASE = re.compile(rf"(?=[cdmo])\b(?:(?:developed|owned|marketed|commercialized|manufactured)"
                    rf"(?: and (?:developed|marketed|commercialized|manufactured))? by)\s+(?:the\s+)?({ORG})")
FUNCTION_WORD = re.compile(r".*\b(?:From|For|With|At|In|On|To|By|Of|And|After|Before|Since|Unlike|Like|Than|Versus|Announces?|Presents?|Reports?|Highlights?|"
                           r"Shares?|Receives?|Completes?|Showing|Highlighting|Featuring|Following|Including|Regarding)\s+")
# Issuers that do not own drugs: societies, journals, news services, agencies, universities.
NOT_OWNERS = re.compile(r"(?i)\b(?:\w*wire|\w*news\w*|media|association|society|college|academy|journal|university|"
                        r"foundation|institute|hospital|council|federation|alliance|network|agency|administration|"
                        r"ministry|commission|FDA|EMA|NIH|WHO|CDC|registry|congress|conference|report|research reports?|"
                        r"capital|partners|advisors|securities|markets?|exchange|law|LLP|stocks?)\b")
DISEASE_AFTER = re.compile(r"['’]s\s+(?:(?:&|and)\s+)?(?:colitis|disease|syndrome|sarcoma|lymphoma|palsy|ataxia|dystrophy|anemia|"
                           r"phenomenon|law)\b", re.I)
ORG_WORDS = re.compile(r"\s+(?:Inc|Corp|Corporation|Ltd|Limited|LLC|plc|AG|SA|SE|NV|GmbH|Co|Company|Group|"
                       r"Holdings|Pharma\w*|Therapeutics|Bio\w*|Medical|Health\w*|Sciences|Oncology|Labs?|"
                       r"Laboratories)\b")


# "Acme Bio, Inc. (NASDAQ: ACME)", "-- Acme Inc. (Acme), a ...": the first company a body names.
LISTED = re.compile(r"(?P<suffix>,?\s(?:Co\.,?\s)?(?:Inc|Ltd|Corp|Co|AG|plc|SA|SE|NV|GmbH|LLC)\.?)(?=\s\(|\s+today\b|,)"
                    r"|\s+\((?:NASDAQ|Nasdaq|NYSE|TSX|ASX|HKEX|SEHK|LSE|SIX|OTC\w*)[^:()]{0,12}:"
                    r"|\s+\([A-Z]{2,6}[:-]\s?[A-Z0-9.]{1,8}\)(?=,?\s+(?:today|announced|reported|has|is)\b)")


DATELINE = re.compile(r"(?m)^\W*([A-Z][\w .-]{1,30}?),\s+(?:[A-Z][\w.]*,?\s+)?[A-Z][a-z]{2,8}\.?\s+\d")


TICKER = re.compile(r"\((?:NASDAQ|Nasdaq|NYSE(?: American)?|TSXV?|ASX|HKEX|SEHK|LSE|SIX|OTC\w*|CSE)\s?:\s?([A-Z.]{1,6})\)")


def _dateline_city(name: str, text: str) -> bool:
    """ "DUBLIN, Feb. 12, 2025": a dateline's city read as the issuer."""
    # A dateline naming it holds the name: the plain look first spares the line pattern.
    if not name or text.find(name, 0, 3000) < 0:
        return False
    # DATELINE opens with "^": tried at the line starts alone (a scan tries every position).
    starts = [0, *(at + 1 for at in find_all(text[:2999], "\n"))]
    return any(m.group(1) == name for m in matches_at(DATELINE, text, starts, 3000))


LEGAL_WORD = re.compile(r"Inc|Ltd|Corp|Co|AG|plc|SA|SE|NV|GmbH|LLC")


def _listed_anchors(text: str, end: int) -> list[re.Match]:
    """LISTED's matches in text[:end], as finditer finds them, tried only where one can start:
    the space (or comma) 1, 2, 5, 6 or 7 characters before a legal word after a space ("Acme,
    Co., Inc"), and the start of the spaces before a bracket. LISTED opens with "\\s" in every
    alternative, so a plain scan stops at every space of the first 5,000 characters."""
    starts = set()
    for word in LEGAL_WORD.finditer(text, 0, end):
        at = word.start()
        if at and text[at - 1].isspace():
            starts.update(p for p in (at - 1, at - 2, at - 5, at - 6, at - 7) if p >= 0)
    bracket = text.find("(", 0, end)
    while bracket >= 0:
        at = bracket
        while at > 0 and text[at - 1].isspace():
            at -= 1
        if at < bracket:
            starts.add(at)
        bracket = text.find("(", bracket + 1, end)
    found, last = [], 0
    for at in sorted(starts):
        m = LISTED.match(text, at, end) if at >= last else None
        if m:
            found.append(m)
            last = m.end()
    return found


def _first_listed(text: str) -> str:
    """ "Acme Bio, Inc. (NASDAQ: ACME)", "-- Acme Inc. (Acme), a ...": the first company a body names."""
    for anchor in _listed_anchors(text, 5000):
        name = ORG_END.search(text, max(0, anchor.start() - 80), anchor.start())
        if name and plausible_org(clean_owner(name.group(1)), text):
            return clean_owner(name.group(1) + (anchor.group("suffix") or ""))
    return ""


def issuer_owner(release: Release, text: str) -> str | None:
    """The issuer, as the default owner of the drugs its release is about, when it is a company."""
    issuer = (release.company or "").strip()
    if not plausible_org(issuer, text) or release.city and issuer.lower().startswith(release.city.lower()) \
            or _dateline_city(issuer, text):
        # The release read no issuer: the first listed company, unless the text lists several
        # (an aggregator's round-up of many companies' drugs has no one owner).
        issuer = _first_listed(text) if len(set(TICKER.findall(text))) <= 1 else ""
    if len(issuer) < 3 or NOT_OWNERS.search(issuer):
        return None
    if release.city and issuer.lower().startswith(release.city.lower()):
        return None  # a dateline's city read as the issuer
    if not plausible_org(issuer, text):
        return None
    return issuer


# A byline, a person, a year or a possessive read as a company's name.
NOT_NAMES = re.compile(r"(?:By|Dr|Mr|Mrs|Ms|Prof)\.?\s|The\s|\d{4},|.*['’]s?$|(?:Corp|Inc|Ltd|LLC|Co)\.?$")
CODE_NAME = re.compile(r"[A-Z]{1,6}-?\d[\w-]*")
TRAILING_AND = re.compile(r"\s+(?:and|&)$")


PROSE_WORD = re.compile(r"(?<![\w@./-])[a-z][a-z-]+(?![\w@-]|\.\w)")


class ProseWords:
    """The lower-case words of prose (not of addresses: "ir@acme.example", "www.acme.com"), asked
    one word at a time: a release asks about a handful, and listing all its words costs more
    than finding those few. A word is one when PROSE_WORD matches exactly it where it occurs
    (inside another such word the look-behind fails, so these are the words a scan would list)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[str, bool] = {}
        self.every: frozenset[str] | None = None

    def __contains__(self, word: str) -> bool:
        if word not in self.known:
            self.known[word] = self._occurs(word)
        return self.known[word]

    def _occurs(self, word: str) -> bool:
        if len(word) < 2:
            return False
        at, tries = self.text.find(word), 0
        while at >= 0:
            m = PROSE_WORD.match(self.text, at)
            if m and m.end() - at == len(word):
                return True
            tries += 1
            if tries > 50:  # a word inside many others ("aaaa…"): list them all once instead
                if self.every is None:
                    self.every = frozenset(PROSE_WORD.findall(self.text))
                return word in self.every
            at = self.text.find(word, at + 1)
        return False


@functools.lru_cache(maxsize=8)
def lower_words(text: str) -> ProseWords:
    return ProseWords(text)


def plausible_org(name: str, text: str) -> bool:
    """Whether ``name`` reads as an organisation in ``text``."""
    words = name.split()
    if not words or NOT_OWNERS.search(name) or NOT_NAMES.match(name):
        return False
    if CODE_NAME.fullmatch(name):
        return False  # a code name's possessive ("ACM-101's")
    if len(words) == 1:
        if len(name) < 3 or ticker_of(text, name):
            return False  # an ordinary word, or a ticker
        # "World", "Today": a word the text also writes in lower case is no company.
        if name.lower() in lower_words(text):
            return False
    if len(words) > 1 and not ORG_WORDS.search(" " + name) and all(w.lower() in lower_words(text) for w in words):
        return False  # "Topline Data's": ordinary words, capitalised
    if name.isupper() and len(words) > 1 and not ORG_WORDS.search(" " + name.title()):
        return False  # "NEW TAIPEI CITY"
    if (name + "'s" in text or name + "’s" in text) and _eponym(name, text):
        return False
    return True


def _eponym(name: str, text: str) -> bool:
    """Whether ``name`` stands before a disease anywhere in ``text``, in any case ("Crohn's disease")."""
    if not (name.isascii() and folds_plainly(text)):
        return bool(re.search(re.escape(name) + DISEASE_AFTER.pattern, text, re.I))
    # The name's places in the lower-cased text are its case-blind matches (an ASCII name, a text
    # without the letters re.I reads as ASCII ones): no new pattern to compile and scan with.
    return any(DISEASE_AFTER.match(text, at + len(name)) for at in find_all(lower(text), name.lower()))


# "Opdivo® is a registered trademark of Bristol-Myers Squibb Company.": a legend names the mark's owner.
LEGEND = re.compile(rf"(?:is|are)\s+(?:a\s+|the\s+)?(?:registered\s+)?trademarks?\s+(?:owned\s+by|of)\s+(?:the\s+)?({ORG})")
# "Acme's phase 1 trial of its drug ACM-101": "its" carries the possessive on to the drug.
OF_ITS = re.compile(r"\bof\s+its\s+((?:[\w-]+\s+){0,3}[\w-]+)")


def _legend_ties(text: str) -> list[tuple[str, int, int]]:
    """Trademark legends: the owner governs the names before "is a trademark of" in its sentence."""
    ties = []
    at = text.find("trademark")
    while at >= 0:
        m = LEGEND.search(text, max(0, at - 40), at + 200)
        if m and m.start() <= at:
            sentence = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            ties.append((m.group(1), max(sentence, m.start() - 200), m.start()))
        at = text.find("trademark", at + 9)
    return ties


def tied_owners(text: str) -> list[tuple[str, int, int]]:
    """(owner, start, end) of every legend, possessive and phrase tie: the span is what the owner governs."""
    ties = _legend_ties(text)
    for m in APOSTROPHE.finditer(text):
        before = text[m.start() - 1:m.start()]
        if not before or not (before.isalnum() or before in "&.") or not m.group(1) and before != "s":
            continue
        # Read the owner backwards from the apostrophe: cheaper than trying a name at every capital.
        owner = ORG_END.search(text, max(0, m.start() - 80), m.start())
        if owner:
            ties.append((owner.group(1), m.start(2), m.end(2)))
            its = OF_ITS.search(text, m.start(2), m.start(2) + 80)
            if its:
                ties.append((owner.group(1), its.start(1), its.end(1)))
    # Every PHRASE match holds "ed by" at most 31 characters from its start ("commercialized and
    # commercialized by"): start the scan there ("\b" still sees the text before ``pos``).
    first = text.find("ed by")
    for m in PHRASE.finditer(text, max(0, first - 31)) if first >= 0 else ():
        # "ACM-101, a drug developed by Acme": the owner governs the words before the phrase.
        sentence = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        ties.append((m.group(1), max(sentence, m.start() - 120), m.start()))
    return ties


def clean_owner(name: str, text: str = "") -> str:
    """The company's name without a title-case headline's words before it, nor a noun and "of"
    the text also writes in lower case ("Advancement of GeoVax", "Studies of InMed")."""
    name = FUNCTION_WORD.sub("", name)
    head = NOUN_OF.match(name)
    if head and text and head.group(1).lower() in lower_words(text):
        name = name[head.end():]
    return TRAILING_AND.sub("", name.rstrip(".,;: ")).strip()


NOUN_OF = re.compile(r"([A-Z][a-z]+) of (?=[A-Z])")
