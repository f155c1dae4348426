"""Text that lost its line breaks ("Ann RoeDirector Corporate CommunicationsTel.: ...").

Copies of releases often run a contact block together. We find where the breaks were and
return fragments as spans of the original text, so provenance survives.
"""

from __future__ import annotations

import re

from .people import is_first_name
from .phones import plausible

EMAIL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+'-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,24}(?![a-z])")
# An address written so that harvesters miss it: "jane [at] acme.com", "jane(at)acme(dot)com".
OBFUSCATED_EMAIL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+-]{0,63} ?[\[(] ?(?i:at) ?[\])] ?[A-Za-z0-9-]{1,63}"
                              r"(?: ?(?:\.|[\[(] ?(?i:dot) ?[\])]) ?[A-Za-z0-9-]{1,63}){1,4}(?<=[a-z])")
# A web address, ending where a glued word or number starts ("www.acme.comTel", "…com617-555-…").
URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*?\.[a-z]{2,24}"
                 r"(?:[/?#][^\s<>\"']*?(?=[A-Z][a-z]|\s|$|[),;](?:\s|$))|(?=[A-Z]|\d|[\s),;:]|\.(?!\w)|$))")
# Words that end a title or a company line and so often run into the address after them.
GLUED_WORDS = re.compile(r"(?:Officer|Director|Manager|President|Relations|Communications|Media|Inc|Ltd|Corp|LLC|"
                         r"Group|Partner|Associate|Advisors|Consulting|Investors|Executive|Founder|Contact)(?=[a-z]{2})")
ROLE_MAILBOXES = ("media", "info", "ir", "investors", "investor", "press", "pr", "news", "contact",
                  "communications", "hello", "enquiries", "inquiries")

_MAILBOX_GLUED = [(role, re.compile(rf"[A-Z][a-z]+{role}")) for role in ROLE_MAILBOXES]
_WORD_THEN_NAME = re.compile(r"[A-Z][a-z]{4,}[a-z][a-z._-]{3,}")


TITLE_START = re.compile(r"(?:Head|Director|Chief|Senior|Vice|Manager|President|Executive|Managing|Partner|Founder|"
                         r"Chair(?:man|woman)?|Investor|Media|Tel|Phone|E-?[Mm]ail|Mobile|Fax)\b")


# Where a lost line break may be: case changes, a digit after a word, a label after a word.
_BREAK_AT = re.compile(r"(?<=[a-z.)])(?=[A-Z][a-z])|(?<=[A-Z]{2})(?=[A-Z][a-z]{2})|(?<=\d)(?=[A-Z][a-z])|"
                       r"(?<=[a-z])(?=\+?\d)|(?<=:)(?=\S)|(?<=[a-z])(?=[TEMPF]:)|(?<=[A-Z])(?=[A-Z][a-z]+\s[A-Z])|"
                       r"(?<=[a-z]{2})(?=[A-Z]{2,}(?![a-z]))|(?<=[a-z])(?=(?:E-?[Mm]ail|Tel|Phone|Mobile|Fax)\b)|"
                       r"(?<=[a-z]{2}\.)(?=\d{2})|(?<=[a-z ]C[EFOTMS]O)(?=[A-Z]{2})")  # "Corp.789 Main", "CEOACME"
_FIRM_WORD_NEXT = re.compile(r"[A-Za-z]*\s+(?:Advisors?|Partners|Communications?|Group|Capital|Consulting|Labs?)\b")
_WORD = re.compile(r"[A-Za-z0-9]*")
_NAME_PARTICLE = re.compile(r"(?:Mc|Mac|De|Di|Du|Da|Del|Le|La|Van|Von|O')$")
_CAMEL = re.compile(r"[a-z][A-Z]")
_ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def _word_start(text: str, start: int, pos: int) -> int:
    """Where the run of ASCII letters and digits that ends at ``pos`` begins (not before
    ``start``): a walk back, where a pattern anchored at the end would try every position."""
    at = pos
    while at > start and text[at - 1] in _ASCII_ALNUM:
        at -= 1
    return at


class WordCounts:
    """How often a word stands alone in the text, counted when first asked (most words of a
    release are never asked about, so counting them all up front is wasted time)."""

    def __init__(self, text: str):
        self.text = text
        self._cache: dict[str, int] = {}

    def __getitem__(self, word: str) -> int:
        if word not in self._cache:
            found, text, size = 0, self.text, len(word)
            at = text.find(word) if word else -1
            while at >= 0:
                before = text[at - 1] if at else " "
                after = text[at + size] if at + size < len(text) else " "
                found += not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())
                at = text.find(word, at + 1)
            self._cache[word] = found
        return self._cache[word]


def _word_counts(text: str) -> WordCounts:
    return WordCounts(text)


def _known_prefix(word: str, counts: WordCounts) -> int:
    """The length of the longest camel-case start of ``word`` used on its own elsewhere."""
    for cut in range(len(word) - 1, 2, -1):
        if word[cut].isupper() and word[cut - 1].isalpha() and counts[word[:cut]] > 0 \
                and _CAMEL.search(word[:cut]):
            return cut
    return 0


def glue_breaks(text: str, start: int, end: int, counts: WordCounts) -> list[int]:
    """Positions inside ``text[start:end]`` where a lost break most likely was."""
    breaks = []
    for m in _BREAK_AT.finditer(text[start:end]):
        pos = start + m.start()
        # "NorthPeak Advisors": a camel-case word inside an organization's name.
        if _FIRM_WORD_NEXT.match(text, pos, end):
            continue
        left = text[_word_start(text, start, pos):pos]
        word = left + _WORD.match(text, pos, end).group(0)
        # A camel-case word the release uses elsewhere is a name (BioNova), not glue; unless a
        # title or a phone label starts there ("RoeHead of Investor Relations").
        if left and counts[word] > 1 and not word[:1].isdigit() and not TITLE_START.match(text, pos):
            continue
        # "BioNovaJan": when a known word ends the left part, that is the one break in it.
        known = _known_prefix(word, counts)
        if known and len(left) != known:
            continue
        if _NAME_PARTICLE.match(text[max(start, pos - 3):pos].lstrip()):
            continue
        breaks.append(pos)
    return breaks


def clean_email(text: str, m: re.Match) -> tuple[int, int]:
    """The span of the real address when a word or a phone was glued to either end of it."""
    start, end = m.span()
    glued = re.search(r"(?<=[a-z])www\.", text[start:end])
    if glued and "@" in text[start:start + glued.start()]:
        end = start + glued.start()
    # "contact@acme.comACME.com": the address ends where a lower-case domain runs into capitals.
    domain_glue = re.search(r"@[^@]*?\.[a-z]{2,6}(?=[A-Z])", text[start:end])
    if domain_glue:
        end = start + domain_glue.end()
    # "(408) 213-0925jdoe@…", "Consulting612.812.7477jo@…": a phone glued to the address.
    digits = re.match(r"(?:[A-Za-z]{0,20}\.?)?(?:\d[\d.()-]{5,}\d|\d+)(?=[A-Za-z])", text[start:end])
    alone = not text[text.rfind("\n", 0, start) + 1:start].strip()  # the address starts its line
    if digits and (sum(ch.isdigit() for ch in digits.group(0)) >= 7 or digits.group(0).isdigit() and not alone):
        start += digits.end()
    extension = re.match(r"(?:x|ext\.?)\d{1,5}(?=[A-Za-z])", text[start:end])
    if extension and re.search(r"\d[\s.-]?$", text[max(0, start - 12):start]):
        start += extension.end()  # "212-555-0100 x304bicx@…": the phone's extension ran into it
    return start + _glued_word(text, start, text[start:text.index("@", start)]), end


def _glued_word(text: str, start: int, local: str) -> int:
    """How many characters at the front of the address's local part belong to the word before."""
    named = _glued_first_name(text, start, local) or _glued_mailbox_of(text, start, local)
    if named:
        return named
    for cut in range(len(local) // 2, 2, -1):  # "Jane Roebergjroeberg@": the surname written again in it
        word, rest = local[:cut], local[cut:]
        if rest.islower() and word.lower() in rest and re.fullmatch(r"[A-Z][a-z]+(?:[A-Z][a-z]+)?", word):
            return cut
    dotted = re.match(r"([A-Z][A-Za-z]*\.)+(?=[a-z0-9]+$)", local)
    if dotted and not is_first_name(local.split(".")[0]):  # "Inc.jdoe@", not "Maria.lopez@"
        return dotted.end()
    caps = re.match(r"[A-Z]{2,}(?=[a-z]{2,})|[A-Z][a-z]{2,}(?=[A-Z0-9]{2,}$)", local)
    if caps and not text[text.rfind("\n", 0, start) + 1:start].strip():
        caps = None  # "UKEditorial@" starting its own line: nothing ran into it
    # "JRoe@" after "Jane Roe": initials of the name, not a glued word.
    if caps and not re.search(rf"\b{re.escape(local[caps.end() - 1:])}\b", text[max(0, start - 300):start]):
        return caps.end()
    word = GLUED_WORDS.match(local)
    if word:  # "Officercorporate@": the word before the address ran into it
        return word.end()
    for role, pattern in _MAILBOX_GLUED:
        if pattern.fullmatch(local):  # "Roemedia@"
            return len(local) - len(role)
    return 0


def _glued_first_name(text: str, start: int, local: str) -> int:
    """Where a person's first name begins inside "Brightwaterjennifer": a capitalized word glued
    to a lower-case first name that the text just wrote as a name ("Jennifer Roe, ...")."""
    if not _WORD_THEN_NAME.fullmatch(local):
        return 0
    before = text[max(0, start - 300):start]
    for cut in range(5, len(local) - 3):
        rest = local[cut:]
        for size in range(len(rest), 2, -1):
            name = rest[:size]
            if is_first_name(name) and re.search(rf"(?<![\w-]){name.capitalize()}\s+[A-Z]", before):
                return cut
    return 0


_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z'’-]+)")


def _glued_mailbox_of(text: str, start: int, local: str) -> int:
    """Where the mailbox of a person just named begins inside "PayOnwardvlauschus" (after "Viviana
    Lauschus") or "Zimmermanjen" (after "Jen "): a capitalized word glued to the person's own
    mailbox (initial and surname, first name and surname, or the first name)."""
    if not re.match(r"[A-Z][A-Za-z]{2,}[a-z]", local) or local.islower():
        return 0
    before = text[max(0, start - 200):start]
    forms: set[str] = set()
    for first, last in _NAME_BEFORE.findall(before):
        first, last = first.lower(), re.sub(r"\W", "", last.lower())
        forms.update({first[0] + last, first + last, first + "." + last, first})
    alone = re.search(r"\b([A-Z][a-z]{1,12})\s*$", before)
    if alone:  # "Jen Zimmermanjen@": the surname ran into the mailbox
        forms.add(alone.group(1).lower())
    for cut in range(3, len(local) - 1):
        if local[cut].islower() and local[cut - 1].isalpha() and local[cut:].lower() in forms and local[cut:].islower() \
                and any(ch.isupper() for ch in local[1:cut]) | (alone is not None and local[:cut][0].isupper()):
            return cut
    return 0


def phone_ok(value: str) -> bool:
    """Kept for callers of this module: whether ``value`` can be a phone (see ``phones``)."""
    return plausible(value)
