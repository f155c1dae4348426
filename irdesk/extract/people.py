"""Telling a person's name from a heading, a department or a company.

Capital letters say little ("Income Statement Data", "Dow Jones Newswires" look like names).
A first name that the world gives to people says much: we read Jörg Michael's list of about
40,000 first names from many countries, shipped as data with gender-guesser
(``gender_guesser/data/nam_dict.txt``), once, when the first contact block needs it.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from .vocab.kept import kept

HONORIFIC = re.compile(r"^(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Sir|Dame)\.?\s+)+")
# Opens with its alternatives' first characters, a fast test at each position.
CREDENTIALS = re.compile(
    r"(?=[,CDEFIJMPRS(\s])(?:,?\s*(?:Ph\.?\s?D|M\.?\s?D|D\.?Phil|DPhil|MBA|CPA|CGMA|CFA|CIRO|J\.?D|M\.?Sc|MSc|MPH|R\.?N|Pharm\.?D|Esq|"
    r"Jr|Sr|II|III|IV|FRCP|FACC|FAHA|D\.?D\.?S|D\.?M\.?D|DVM|DPT)\.?)+\s*$|\s*\([A-Z]{2,6}\)\s*$")
# One word of a name: "Anne", "McNeal", "O'Brien", "Ross-Ellery", an initial "J.", a particle.
UPPER, LOWER = "A-ZÀ-ÖØ-ÞĀ-Ž", "a-zß-öø-ÿā-ž"
TOKEN = re.compile(rf"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)?[{UPPER}][{LOWER}]+(?:['’-][{UPPER}]?[{LOWER}]+)*|"
                   rf"[{UPPER}]\.|[{UPPER}]['’][{UPPER}][{LOWER}]+|"
                   r"(?:de|van|von|der|den|da|di|du|del|della|le|la|al|bin|ter|ten|dos|das)")
# Words that never belong to a person's name but often start a heading, a table row or a company.
NOT_NAME = frozenset("""
contact contacts relations investor investors media press inc corp llc ltd plc street avenue road suite
floor the and of for post news coverage states association online month months ended year quarter total
net income statement balance sheet data percent change report results conference summit meeting program
institute hospital school college university headquarters building view original content visit follow
read more click here download subscribe share pickup website site blog address email mail phone
office hours release source team department center centre clinic services sales marketing support
customer care information north south east america american united kingdom group holdings
communications advisors partners pharma pharmaceuticals therapeutics biosciences bioscience capital
securities network laboratories labs consulting agency associates strategies health medical sciences
science foundation bank newswire newswires wire reuters inquiries enquiries public affairs
corporate company business digital global international technologies technology solutions systems
energy financial markets market desk editorial editor director officer president manager head chief
vice chair chairman founder executive senior analyst specialist lead counsel secretary partner
telephone tel fax mobile cell web twitter facebook linkedin instagram youtube reddit x city county
managing general associate assistant deputy principal regional coordinator consultant advisor
investment investments ventures industries enterprises orthodontics dental dentistry endodontics chiropractic
physiotherapy therapy rehab wellness studio studios insurance realty logistics management consultants
""".split())


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Lower-cased first names from gender-guesser's ``nam_dict.txt`` (empty if it is missing)."""
    return _name_lists()[0]


@functools.lru_cache(maxsize=1)
def gendered_names() -> frozenset[str]:
    """The names the list gives a gender (its "?" lines are names that are as often surnames
    or words: "Jordan", "Morgan"): a person when a company's name could also be one."""
    return _name_lists()[1]


@functools.lru_cache(maxsize=1)
def _name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """Every name, and the gendered ones: parsed once, then kept built (``vocab.kept``)."""
    try:
        source = resources.files("gender_guesser").joinpath("data/nam_dict.txt")
    except ModuleNotFoundError:
        return frozenset(), frozenset()
    return kept("first-names", lambda: _parse_names(source), str(source), __file__)


def _parse_names(source) -> tuple[frozenset[str], frozenset[str]]:
    """The list (4 MB) in one pass. Its lines are ``<gender code> <name>`` padded to column
    29, then frequency columns; an ``=`` line names two equivalent forms; a ``+`` inside a
    name stands for '-', ' ' or nothing."""
    try:
        data = source.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return frozenset(), frozenset()
    every: set[str] = set()
    gendered: set[str] = set()
    for line in data.splitlines():
        if not line or line[0] == "#":
            continue
        names = line[2:29].split() if line[0] == "=" else (line[3:29].strip(),)
        every.update(names)
        if line[:2] != "? ":
            gendered.update(names)
    return _spelled(every), _spelled(gendered)


def _spelled(names: set[str]) -> frozenset[str]:
    """Lower-cased, each ``+`` name in its three spellings, without one-letter names."""
    out = {n for n in names if "+" not in n}
    for name in names - out:
        out.update((name.replace("+", "-"), name.replace("+", ""), name.split("+")[0]))
    return frozenset(n.lower() for n in out if len(n) > 1)


def clean_name(value: str) -> str:
    """The name without honorifics and degrees: "Dr. Jane Roe, Ph.D." -> "Jane Roe"."""
    value = CREDENTIALS.sub("", value.strip(" ,;")).strip(" ,;")
    return HONORIFIC.sub("", value).strip()


def name_tokens(value: str) -> list[str] | None:
    """The words of ``value`` if it has the shape of a person's name (2 to 4 words)."""
    if value.isupper():  # "KATE WILSON" in a block set in capitals
        value = value.title()
    words = value.split()
    if not 2 <= len(words) <= 5 or not all(TOKEN.fullmatch(w) for w in words):
        return None
    if not words[0][:1].isupper() or not words[-1][:1].isupper() or words[-1].endswith("."):
        return None
    if sum(1 for w in words if len(w) > 2 or not w.endswith(".")) > 4:
        return None
    if any(w.lower().strip(".") in NOT_NAME for w in words):
        return None
    return words


def is_first_name(word: str) -> bool:
    return word.lower() in first_names()


def is_person(value: str, emails: tuple[str, ...] = ()) -> bool:
    """A person's name: its shape, and a first name people bear (or, for a first name the
    list lacks, an e-mail address nearby built from the name: "zsmith@" for "Zelvra Smith")."""
    words = name_tokens(clean_name(value))
    if not words:
        return False
    first = words[1] if words[0].endswith(".") and len(words) > 2 else words[0]
    if is_first_name(first) or "-" in first and is_first_name(first.split("-")[0]):
        return True
    return any(_mail_matches(words, e) for e in emails)


def _mail_matches(words: list[str], email: str) -> bool:
    """"ksmith@", "zelvra.smith@", "smithz@", "zelvra@" for Zelvra Smith."""
    local = re.sub(r"[^a-z]", "", email.split("@")[0].lower())
    first, last = re.sub(r"[^a-z]", "", words[0].lower()), re.sub(r"[^a-z]", "", words[-1].lower())
    if len(last) < 3 or not first:
        return False
    return local.startswith(first[0]) and local.endswith(last) or local.startswith(last) and local.endswith(first[0]) \
        or len(first) > 3 and local == first


def leading_person(value: str, emails: tuple[str, ...] = ()) -> int:
    """The length of a person's name at the start of ``value`` ("Johan Roe Senior Vice
    President"): the longest run of 2-4 words that reads as a name; 0 when none."""
    words = list(re.finditer(r"\S+", value))
    for n in range(min(4, len(words) - 1), 1, -1):
        end = words[n - 1].end()
        if is_person(value[:end], emails):
            return end
    return 0
