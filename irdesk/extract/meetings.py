"""The meetings a release names: medical congresses and investor conferences.

A meeting is recognised by its grammar ("54th ASH Annual Meeting and Exposition", "2019
American Heart Association (AHA) Scientific Sessions", "Jefferies Healthcare Conference") and
by a vocabulary of societies and organisers (``vocab/meetings.tsv``: acronym, full name). The
release's fullest spelling of each meeting is the one reported ("the meeting as the body
writes it at its fullest").
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from dataclasses import dataclass
from itertools import repeat

from .textfind import matches_at, starts_of
from .vocab import load_rows

MEETING_WORDS = (r"(?:Annual Meeting|Meeting|Congress|Conference|Symposi(?:um|a)|Scientific Sessions|Sessions|"
                 r"Convergence|Week|Workshop|Summit|Forum|Convention|Colloquium|Expo(?:sition)?|Days"
                 # "Alzheimer's Disease/Parkinson's Disease (AD/PD) conference": after its acronym
                 r"|(?<=\)\s)(?:conference|meeting|congress|symposium|summit))")
_CALENDAR = (r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|"
             r"September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)")
_TOKEN = r"(?:[A-Z0-9][\w’'&.\-/™®]*|\([A-Z][\w/&\-’' ]{0,40}\)|of|on|and|for|in|the|&|de|la|[–-])"
_NAME = re.compile(
    rf"(?P<m>(?<![A-Za-z])(?:(?:[A-Z0-9]|[a-z]{{1,3}}[A-Z]{{2}})[\w’'&.\-/™®]*\s+)(?:{_TOKEN},?\s+){{0,14}}?{MEETING_WORDS}\b"
    rf"(?:\s+(?:and|&)\s+Exposition)?"
    rf"(?:\s+(?:of|on)\s+(?!{_CALENDAR})(?:the\s+)?(?:[A-Z][\w’'&.\-/]*|of|and|for|the|&)(?:\s+(?:[A-Z][\w’'&.\-/]*|of|and|for|the|&)){{0,9}})?"
    rf"(?:\s*\([A-Z][\w/&\- ]{{1,20}}\))?(?:\s+(?:19|20)\d\d)?(?:\s*\([A-Z][\w/&\- ]{{1,20}}\))?"
    rf"|{MEETING_WORDS}\s+(?:19|20)\d\d\b)")
# Words that never end a meeting's name though they precede it: the headline's or the
# sentence's verbs and prepositions in Title Case ("Presents Data At The ASH Annual Meeting").
_LEAD_CUT = re.compile(r"\b(?:At|To|During|From|In|With|By|Presents?|Presented|Presenting|Announces?|Highlights?|"
                       r"Showcases?|Data|Results|Abstracts?|Presentations?|Posters?|Today|Will|Participat\w*|Host|"
                       r"Hosts|Featured|Accepted|Selected|Upcoming|The|About|Following|and the|\d{1,2},?)\s+(?=\S)")
_NOT_MEETING = re.compile(r"(?i)\b(?:conference call|earnings|stockholders|shareholders|general meeting|board meeting|"
                          r"webcast|webinar|press conference|investor day|r&d day|analyst day|meeting with|"
                          r"end-of-phase|type [abc] meeting|pre-ind|advisory committee|call|annual and special meeting|"
                          r"annual general|general and special)\b"
                          r"|\band Congress$|\bU\.S\. Congress|\d\s+Week$"
                          # a kind of session is no meeting: "Plenary and Late-Breaking Sessions"
                          r"|^(?:(?:plenary|late-breaking|poster|oral|concurrent|featured|abstract|breakout|general|"
                          r"scientific|special|mini-oral|rapid|moderated|sessions?|and|the|&)\s+)+sessions?$")
_GENERIC = {"The", "Annual", "Meeting", "Congress", "Conference", "Symposium", "Sessions", "Scientific", "Week",
            "International", "World", "Global", "American", "European", "Society", "Association", "of", "and",
            "for", "the", "on", "in", "Exposition", "Summit", "Forum", "Workshop", "Convention", "Virtual", "Hybrid",
            "Annual Meeting", "Healthcare", "Health", "Care", "Investor", "Investment", "Medical", "Research"}


@dataclass(frozen=True)
class Mention:
    name: str
    start: int
    end: int
    keys: frozenset[str]   # vocabulary entries it names (by acronym), for telling meetings apart
    plain: bool = False    # written in lower case ("the … Society meeting"): a name only when no other is

    def same_meeting(self, other: "Mention") -> bool:
        a, b = _plain(self.name), _plain(other.name)
        if a in b or b in a:
            return True
        if self.keys and other.keys:
            return bool(self.keys & other.keys)
        mine, theirs = _ACRONYM.findall(self.name), _ACRONYM.findall(other.name)
        if mine and theirs and not set(mine) & set(theirs):
            return False  # "American Diabetes Association (ADA)" is not "Association of Diabetes … (ADCES)"
        return len(_content_words(self.name) & _content_words(other.name)) >= 2


@functools.lru_cache(maxsize=1)
def _vocab() -> tuple[dict[str, str], re.Pattern, re.Pattern]:
    """Acronym -> key, a pattern for acronyms (case as written) and one for full names."""
    rows = load_rows("meetings.tsv")
    keys = {row[0]: row[0] for row in rows}
    full = {row[1].lower(): row[0] for row in rows}
    acr = re.compile(r"(?<![\w-])(?P<a>" + "|".join(re.escape(a) for a in sorted(keys, key=len, reverse=True))
                     + r")(?![\w-])")
    names = re.compile(r"(?i)\b(?P<n>" + "|".join(re.escape(n) for n in sorted(full, key=len, reverse=True))
                       + r")\b")
    return {**keys, **full}, acr, names


@functools.lru_cache(maxsize=1)
def _full_names() -> frozenset[str]:
    """Vocabulary keys that are their meeting's whole name ("Biotech Showcase")."""
    return frozenset(row[0] for row in load_rows("meetings.tsv") if row[0] == row[1])


def _is_full_name(key: str) -> bool:
    return key in _full_names()


def _plain(name: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", name.lower())


_ORDINAL_BEFORE = re.compile(r"\b(?:at|during|ahead of|the)\s+(?P<p>(?:(?:19|20)\d\d\s+)?"
                             r"(?:\d{1,3}(?:st|nd|rd|th)\s+(?:Annual\s+)?|Annual\s+))$")
# A word that may start an acronym: a capital, or a short lower-case prefix before capitals
# ("iwCLL", "eWCLC"), as two scans that open with their first character (`re` skips ahead by a
# leading class; a leading look-behind makes it try every position). _tokens() merges them.
_CAPITAL_START = re.compile(r"[A-Z](?<![\w-].)[\w.&/'’-]*")
_LOWER_START = re.compile(r"[a-z]{1,3}[A-Z]{2}[\w.&/'’-]*")


@functools.lru_cache(maxsize=1)
def _by_first_word() -> dict[str, tuple[str, ...]]:
    """Vocabulary acronyms grouped by their first word, longest first."""
    table: dict[str, list[str]] = {}
    for row in load_rows("meetings.tsv"):
        table.setdefault(row[0].split()[0], []).append(row[0])
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


@functools.lru_cache(maxsize=1)
def _lower_keys() -> tuple[str, ...]:
    """The vocabulary's first words that open in lower case ("iwCLL")."""
    return tuple(key for key in _by_first_word() if key[:1].islower())


def _tokens(text: str, start: int, end: int) -> list[re.Match]:
    """The words _CAPITAL_START and _LOWER_START find, as one left-to-right scan would: a word is a
    run of the same characters, so one found inside another ("A.iwX") ends with it and is dropped."""
    found = list(_CAPITAL_START.finditer(text, start, end))
    # Only the vocabulary's own lower-case openings matter to the look-up: scan for such words
    # only where one of them occurs (a scan over every lower-case letter costs).
    if not any(text.find(key, start, end) >= 0 for key in _lower_keys()):
        return found
    lower = [m for m in _LOWER_START.finditer(text, start, end)
             if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-")]
    if not lower:
        return found  # one scan's words never overlap
    found = sorted(found + lower, key=lambda m: m.start())
    out, last = [], -1
    for m in found:
        if m.start() >= last:
            out.append(m)
            last = m.end()
    return out


_WHOLE = operator.itemgetter(0)  # a match's whole text
_TRAILING = ".,'’-/&"


def _acronyms(text: str, start: int, end: int):
    """Vocabulary acronyms as written (a dictionary look-up per capitalised word: one big
    alternation of every acronym is slow over a whole release)."""
    firsts = _by_first_word()
    tokens = _tokens(text, start, end)
    # The words stripped and looked up all at once (map and a set intersection run in C): most
    # releases write none of the vocabulary's first words, and the rest only a few.
    words = list(map(str.rstrip, map(_WHOLE, tokens), repeat(_TRAILING, len(tokens))))
    wanted = firsts.keys() & set(words)
    if not wanted:
        return
    for tok, word in zip(tokens, words):
        if word not in wanted:
            continue
        for key in firsts[word]:
            stop = tok.start() + len(key)
            if text.startswith(key, tok.start()) and not (stop < len(text) and (text[stop].isalnum() or text[stop] == "-")):
                yield key, tok.start(), stop
                break


_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&-]{1,11})\)")


def _content_words(name: str) -> set[str]:
    return {w for w in re.findall(r"[A-Za-z][\w’']+|\d{4}", name.replace(".", "")) if w not in _GENERIC}


def _keys(name: str) -> frozenset[str]:
    table, acr, names = _vocab()
    found = {table[m.group("a")] for m in acr.finditer(name)}
    found |= {table[m.group("n").lower()] for m in names.finditer(name)}
    return frozenset(found)


_INVESTOR = re.compile(r"(?i)\b(?:investors?|investment|equity|capital markets?|securities|health ?care conference|"
                       r"growth conference|partnering|biotech showcase)\b")


def is_investor_meeting(name: str) -> bool:
    """An investor conference (its organiser in the vocabulary, or its name says so): a
    company's talk there is a presentation by its management, so oral."""
    kinds = {row[0]: row[2] for row in load_rows("meetings.tsv") if len(row) > 2}
    return bool(_INVESTOR.search(name) or any(kinds.get(k) == "investor" for k in _keys(name)))


def is_meeting_name(name: str) -> bool:
    """A meeting by its grammar or its organiser ("Goldman Sachs … CEOs Unscripted")."""
    return bool(re.search(MEETING_WORDS, name) or _keys(name))


_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z]+\s)")
_BREAK = re.compile(r"(?<=[a-z]{3})\.\s+|\s?[–-]\s+")


def _pieces(name: str) -> list[str]:
    """The name cut where a sentence or a glued line ran into it ("…Results. UEG Week",
    "…Quarter ResultsArrowhead …"); a capital inside the first word is a brand's
    ("ThinkEquity Conference")."""
    first_space = name.find(" ")
    cuts = [m.start() for m in _GLUE.finditer(name) if 0 <= first_space < m.start()]
    parts, last = [], 0
    for cut in cuts:
        parts.append(name[last:cut])
        last = cut
    parts.append(name[last:])
    return [piece for part in parts for piece in _BREAK.split(part)]


def _trim(name: str) -> str:
    for cut in reversed(list(_LEAD_CUT.finditer(name))):
        if re.search(MEETING_WORDS, name[cut.end():]):
            name = name[cut.end():]
            break
    # a sentence or a glued line ran into the name: "…Preliminary Results. UEG Week 2019"
    for piece in reversed(_pieces(name)):
        if re.search(MEETING_WORDS, piece):
            name = piece
            break
    name = re.sub(r"^(?:(?:at|At|in|In|during|During)\s+)?(?:the|The)?\s*(?:upcoming|Upcoming|virtual|Virtual)?\s*", "", name)
    return name.strip(" ,:–-")


# "World Orphan Drug Congress USA 2025", "World Vaccine Congress Europe": an edition's region or season
_EDITION = re.compile(r" (?:USA|Europe|Asia(?:-Pacific)?|APAC|Americas|Japan|China|Canada|UK|Africa|India|Australia|"
                      r"Nordic|Fall|Spring|Summer|Winter)\b(?: (?:19|20)\d\d\b)?")
MAX_MENTIONS = 300  # a release names a few meetings a few times each

_WORD_HIT = re.compile(rf"\b{MEETING_WORDS}\b")
# Where a _WORD_HIT match can start: at one of the capitalised words (or "Annual " / "Scientific "
# before one), or just after the bracket and space before a lower-case one ("(AD/PD) conference").
# Plain alternatives that open with a literal scan fast; _WORD_HIT, opening with "\b", tries
# every position. Two of these never overlap (a capital only starts each word).
_WORD_START = re.compile(r"Meeting|Congress|Conference|Symposi|Sessions|Convergence|Week|Workshop|Summit|Forum|"
                         r"Convention|Colloquium|Expo|Days|\)\s(?=conference|meeting|congress|symposium|summit)")
_LONGER_START = {"Meeting": "Annual ", "Sessions": "Scientific "}


def _word_hits(text: str, start: int, end: int) -> list[re.Match]:
    """_WORD_HIT's matches in text[start:end], as finditer finds them (the leftmost, then the next
    past it), tried only where _WORD_START says one can start."""
    starts = set()
    for lit in _WORD_START.finditer(text, max(0, start - 2), end):
        if lit.group(0)[0] == ")":
            starts.add(lit.end())
            continue
        starts.add(lit.start())
        longer = _LONGER_START.get(lit.group(0))
        if longer and text.startswith(longer, lit.start() - len(longer)):
            starts.add(lit.start() - len(longer))
    hits, last = [], start
    for at in sorted(starts):
        m = _WORD_HIT.match(text, at, end) if at >= last else None
        if m:
            hits.append(m)
            last = m.end()
    return hits


def _names(text: str, start: int, end: int):
    """Grammar matches, sought only in windows around a meeting word (scanning the whole
    text with the grammar costs a millisecond a release)."""
    windows: list[list[int]] = []
    for hit in _word_hits(text, start, end):
        lo, hi = max(start, hit.start() - 300), min(end, hit.end() + 200)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    last = -1
    for lo, hi in windows:
        if lo > start and not text[lo - 1].isspace():
            space = re.compile(r"\s").search(text, lo, hi)
            lo = space.end() if space else hi
        for m in _NAME.finditer(text, lo, hi):
            if m.start() >= last:
                last = m.end()
                yield m


def find_mentions(text: str, start: int, end: int) -> list[Mention]:
    """Every meeting named in text[start:end], by grammar or by a vocabulary acronym written
    as a meeting ("ASH 2019", "at ASCO")."""
    out: list[Mention] = []
    for m in _names(text, start, end):
        if len(out) >= MAX_MENTIONS:
            break
        raw = m.group("m")
        if "\n" in raw:
            cut = raw.rindex("\n") + 1
            raw, offset = raw[cut:], m.start() + cut
        else:
            offset = m.start()
        name = _trim(raw)
        if len(name) < 6 or len(name) > 180 or _NOT_MEETING.search(name) or not re.search(MEETING_WORDS, name) \
                or re.match(r"\s+(?:Cent(?:er|re)|Hall|Hotel|Room|Call)\b", text[m.end():m.end() + 10]):
            continue
        keys = _keys(name)
        # "the Annual Meeting" alone is no name; an ordinal, a year, a society or two words are.
        words = {w for w in _content_words(name) if not w.isdigit()}
        if not keys and not words and not re.search(r"\d(?:st|nd|rd|th)\b", name):
            continue
        at = offset + raw.index(name)
        edition = _EDITION.match(text, at + len(name), min(end, at + len(name) + 30)) if name[-1].isalpha() else None
        if edition:
            name += edition.group(0)
        out.append(Mention(name, at, at + len(name), keys))
    covered = [(x.start, x.end) for x in out]
    for a, a_start, a_end in _acronyms(text, start, end):
        if len(out) >= MAX_MENTIONS:
            break
        at = bisect.bisect_right(covered, (a_start, len(text))) - 1
        if at >= 0 and covered[at][0] <= a_start < covered[at][1]:
            continue
        after = re.match(r"\s*(?:['’]s\s+)?(?:(?:19|20)\d\d|Annual|Congress|Meeting|Summit|Conference)\b", text[a_end:a_end + 20])
        before = re.search(r"\b(?:at|during|ahead of)\s+$", text[max(0, a_start - 20):a_start])
        # "at the 16th Annual World ADC": an ordinal or "Annual" makes the name a meeting's
        prefixed = _ORDINAL_BEFORE.search(text[max(0, a_start - 40):a_start])
        # after "at": an acronym in capitals ("at ASCO"), or a name that is the meeting's whole name ("at Biotech Showcase")
        if not (after or prefixed or before and len(a) >= 3 and (a.isupper() or " " in a and _is_full_name(a))):
            continue
        year = re.match(r"\s*(?:19|20)\d\d\b", text[a_end:a_end + 6])
        stop = a_end + (year.end() if year else 0)
        begin = a_start - (len(prefixed.group("p")) if prefixed else 0)
        out.append(Mention(text[begin:stop], begin, stop, _keys(a)))
    covered = [(x.start, x.end) for x in out]
    out += [m for m in _society_meetings(text, start, end)
            if not any(a < m.end and m.start < b for a, b in covered)][:MAX_MENTIONS]
    return sorted(out, key=lambda x: x.start)


@functools.lru_cache(maxsize=2)
def _society_names(index: int) -> dict[str, tuple[str, ...]]:
    """The vocabulary's full names of several words ("American Diabetes Association") by their
    last word (index -1) or first (0), longest first."""
    table: dict[str, list[str]] = {}
    for name in {row[1] for row in load_rows("meetings.tsv") if " " in row[1]}:
        table.setdefault(name.split()[index], []).append(name)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


_LOWER_WORD = re.compile(r"meeting|congress|conference|symposium")
_LOWER_WORDS = ("meeting", "congress", "conference", "symposium")  # found with plain finds: faster than its scan
_QUALIFIER = re.compile(r"(?:(?:['’]s)?\s+(?:annual\s+)?(?:scientific\s+)?)$")
_ORDINAL_LOWER = re.compile(r"(?:\b(?:19|20)\d\d\s+|\b\d{1,3}(?:st|nd|rd|th)\s+)(?:annual\s+)?(?:scientific\s+)?$")
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][\w/&-]{1,12}\)")


def _society_meetings(text: str, start: int, end: int) -> list[Mention]:
    """A society's meeting written in lower case after or before the society's full name:
    "the European Society for Medical Oncology meeting", "the 84th scientific conference of the
    American Diabetes Association (ADA)"."""
    out: list[Mention] = []
    for w in matches_at(_LOWER_WORD, text, starts_of(text, _LOWER_WORDS, start, end), end):
        if w.start() > 0 and (text[w.start() - 1].isalnum() or text[w.start() - 1] == "-") \
                or w.end() < len(text) and text[w.end()].isalnum():
            continue
        if _NOT_MEETING.search(text, w.start(), min(end, w.end() + 20)):
            continue  # "meeting of stockholders", "conference call"
        window = text[max(start, w.start() - 140):w.start()]
        q = _QUALIFIER.search(window)
        head = window[:q.start()] if q else window
        last = head.rsplit(None, 1)[-1] if head.strip() else ""
        name = next((n for n in _society_names(-1).get(last, ()) if head.endswith(n)
                     and (len(head) == len(n) or not head[-len(n) - 1].isalnum())), None)
        if name:
            begin = w.start() - len(window) + len(head) - len(name)
            out.append(Mention(text[begin:w.end()], begin, w.end(), _keys(name), plain=True))
            continue
        after = w.end() + 8
        if text.startswith(" of the ", w.end()):
            first = text[after:after + 40].split(None, 1)[0] if text[after:after + 1].strip() else ""
            name = next((n for n in _society_names(0).get(first, ()) if text.startswith(n, after)), None)
            ordinal = _ORDINAL_LOWER.search(text, max(start, w.start() - 40), w.start())
            if name and ordinal:
                stop = after + len(name)
                paren = _ACRONYM_AFTER.match(text, stop, min(end, stop + 16))
                stop = paren.end() if paren else stop
                out.append(Mention(text[ordinal.start():stop], ordinal.start(), stop, _keys(name), plain=True))
    return out


class Meetings:
    """The meetings of one release: which is its subject, and each one's fullest name."""

    def __init__(self, mentions: list[Mention], head: tuple[int, int], lead: int):
        self.mentions = mentions
        self.primary = next((m for m in mentions if head[0] <= m.start < head[1]), None) or \
            next((m for m in mentions if m.start >= lead), mentions[0] if mentions else None)

    def __bool__(self) -> bool:
        return self.primary is not None

    def fullest(self, mention: Mention | None) -> tuple[str, tuple[int, int]] | None:
        if mention is None:
            return None
        same = [m for m in self.mentions if m.same_meeting(mention)] or [mention]
        best = max(same, key=lambda m: (not m.plain, len(m.name) <= 160, len(m.name)))
        return best.name, (best.start, best.end)

    def near(self, pos: int, reach: int = 3000) -> tuple[str, tuple[int, int]] | None:
        """The meeting a passage at ``pos`` belongs to: the last one named before it in the
        same stretch, else the release's own."""
        before = [m for m in self.mentions if pos - reach <= m.start <= pos]
        return self.fullest(before[-1] if before else self.primary)
