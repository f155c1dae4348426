"""The release itself: date, headline, issuer, tickers, dateline city and wire."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from .dates import DATE, date_from_match
from .model import Release, Span
from .sections import Sections
from .structure import is_bullet, line_kind
from .textutil import LEGAL_SUFFIX, Line, clean, folds_plainly, lines, strip_quotes, title_case
from .vocab import load_rows, load_words

# --- vocabularies -------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _wire_vocab() -> tuple[dict[str, str], dict[str, str]]:
    """Every spelling of a wire (folded) -> its name; a wire's site -> its name."""
    spellings, sites = {}, {}
    for row in load_rows("wires.tsv"):
        name = row[0]
        for spelling in [name, *(row[2].split("|") if len(row) > 2 and row[2] else [])]:
            spellings.setdefault(_fold(spelling), name)
        if len(row) > 1 and row[1]:
            sites.setdefault(row[1].lower(), name)
    return spellings, sites


_FOLD = re.compile(r"[\s.,-]+")
_DIGIT = re.compile(r"\d")
_WIRE_END = re.compile(r"(?i)(?:wire|press ?release)$")
_ENTITY_WORD = re.compile(r"[\w'’&-]+")


def _fold(value: str) -> str:
    return _FOLD.sub("", value).lower()


@functools.lru_cache(maxsize=1)
def _aggregators() -> frozenset[str]:
    return frozenset(_fold(row[0]) for row in load_rows("aggregators.tsv"))


@functools.lru_cache(maxsize=1)
def _wire_pattern() -> str:
    names = sorted({s for row in load_rows("wires.tsv")
                    for s in [row[0], *(row[2].split("|") if len(row) > 2 and row[2] else [])] if len(s) > 3},
                   key=len, reverse=True)
    known = "|".join(re.escape(n) for n in names)
    # A service the vocabulary does not list still names itself a wire: "(Acme Newswire)".
    generic = r"(?:[A-Z][\w.&]*\s){0,2}[\w.&-]{0,20}(?:wire|presswire|press ?release)\b"
    return rf"(?:{known})(?![\w])|{generic}"


@functools.lru_cache(maxsize=1)
def _wire_mark() -> re.Pattern:
    name = _wire_pattern()
    return re.compile(
        rf"\(\s*(?P<w1>{name})(?:\s*[-–][\w ,.]{{1,30}})?\s*\)"       # (BUSINESS WIRE), (Newsfile Corp. - date)
        rf"|/\s*(?P<w2>{name})(?:[-–][\w ]{{1,40}})?\s*/"               # /PRNewswire-FirstCall/
        rf"|(?:^|(?<=--)|(?<=[-–—]\s)|(?<=[-–—]))\s*(?P<w3>{name})"       # - Media OutReach Newswire -
        rf"(?:\s*\([^()\n]{{1,80}}\))?(?=\s*(?:--|[-–—]|$))",
        re.I)


@functools.lru_cache(maxsize=1)
def _exchange_pattern() -> str:
    names = sorted({row[0] for row in load_rows("exchanges.tsv")}, key=len, reverse=True)
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)


@functools.lru_cache(maxsize=1)
def _pair() -> re.Pattern:
    sym = r"[“\"]?[A-Z0-9][A-Z0-9.]{0,9}[”\"]?(?![\w])(?!\s*:)"
    return re.compile(rf"(?<![\w])(?P<ex>{_exchange_pattern()})\s*(?::|-(?=\d))\s*"
                      rf"(?P<syms>{sym}(?:\s*(?:,|and|&)\s*{sym}(?!\s*(?:[A-Za-z]+\s*)?:))*)", re.I)


@functools.lru_cache(maxsize=1)
def _suffixed() -> re.Pattern:
    suffixes = "|".join(sorted((row[0] for row in load_rows("ticker_suffixes.tsv")), key=len, reverse=True))
    return re.compile(rf"\b(?P<sym>[A-Z0-9]{{1,6}})\.\s?(?P<ex>{suffixes})\b")


@functools.lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return load_words("stopwords_en.txt")


# --- the dateline ---------------------------------------------------------------------------

# Where a site names the wire that carried its copy.
# Opens with its alternatives' first letters: case-blind alternatives are slow to fail.
WIRE_FOOTER = re.compile(r"(?=[dosv])(?:view (?:the )?(?:original|source)[^\n]{0,40}? on|source:|originally published (?:by|on)|"
                         r"distributed by)\s*:?\s*(?:https?://)?(?:www\.)?(?P<site>[\w.-]+\.(?:com|net|ai|org|io|ca|jp))", re.I)
DISTRIBUTED = re.compile(r"(?i)^(?:distributed by|distribution|source|via)\s*:\s*(?P<wire>[^\n]{2,60})$")

SEPARATORS = " \t,-–—/:|"
TRAILING_TIME = re.compile(r"\s*(?:@|at)?\s*\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?(?:\s*[A-Za-z]+/[A-Za-z_]+|\s*[A-Z]{2,4}\b|"
                           r"\s*(?:Eastern|Central|Mountain|Pacific|Atlantic|Hawaii|Alaska)(?:\s+Time)?\b)?", re.I)
# A date in figures, as European and EQS datelines write it: "04.03.2025", "2025-03-04".
NUMERIC_DATE = re.compile(r"(?=\d)\b(?:(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)|(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))\b")


def _numeric_date(m: re.Match) -> dt.date | None:
    try:
        if m.group("y"):
            return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        return dt.date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    except ValueError:
        return None


# The issuer in a slot of its own after the date: "January 21, 2026 / Acme Orthodontics /".
ISSUER_SLOT = re.compile(r"\s*/\s*([A-Z0-9][^/\n]{1,80}?)\s*/\s*$")
# A place: capitalised words, parts joined by commas, "and", "&" or "/" ("FOSTER CITY, Calif. &
# MECHELEN, Belgium", "HONG KONG SAR/SAN DIEGO"); never a sentence's lower-case words.
_PLACE_WORD = r"(?:[A-Z][\w.'’-]*|[A-Z]\.(?:[A-Z]\.)+|de|la|del|da|do|of|upon|am|an|sur|le|les|the)"
PLACE = re.compile(rf"^{_PLACE_WORD}(?:(?:\s*,\s*|\s+|\s*/\s*|\s+(?:and|&)\s+|\s*&\s*){_PLACE_WORD}){{0,13}}$")
LEADING_PLACE = re.compile(rf"[\s,–—-]*({_PLACE_WORD}(?:(?:\s*,\s*|\s+|\s*/\s*|\s+(?:and|&)\s+){_PLACE_WORD}){{0,7}}?)"
                           # the date again after the place: "- LOS ANGELES, Feb. 4, 2025 –"
                           r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)?"
                           r"\s*(?:--|[–—]|\s-\s)")
CAPS_PLACE = re.compile(r"(?:^|\s)([A-Z][A-Z.'’-]{2,30}(?:\s[A-Z][A-Z.'’-]{1,30}){0,3}(?:,\s*[A-Z][\w.'’-]{1,25}(?:\s[A-Z][\w.'’-]{1,25})?){0,2})[\s,]*$")
LOOSE_PLACE = re.compile(r"[A-Z][\w.'’-]*(?:,?\s[A-Za-z][\w.'’-]*){0,3}$")
CITY_SPLIT = re.compile(r",|/|&|\band\b")
LABEL = re.compile(r"^[A-Za-z][\w .'’&-]{0,40}:\s*")


@dataclass
class Dateline:
    line: Line
    city: str | None
    city_span: Span | None
    date: dt.date | None
    date_span: Span | None
    wire: str | None
    wire_span: Span | None
    lead_start: int  # where the first paragraph's own words begin
    issuer_span: Span | None = None  # a dateline that names its issuer: "date / Acme Orthodontics /"


# "\b(19[89]\d|20\d\d)\b", opening with its first figure ("\b" by a look-behind after it): `re`
# then skips ahead by that class instead of trying every position.
YEAR = re.compile(r"([12](?<!\w.)(?:(?<=1)9[89]\d|(?<=2)0\d\d))\b")


@functools.lru_cache(maxsize=4)
def default_year(text: str) -> int | None:
    """The first year the text writes (asked by the dateline, the date line and the presentations)."""
    found = YEAR.search(text)
    return int(found.group(1)) if found else None


def _place(head: str) -> str | None:
    head = head.strip(SEPARATORS + "(")
    if not head or not PLACE.match(head) or len(head.split()) > 12:
        return None
    if head.split()[0].lower() in _stopwords():
        return None
    return head


@functools.lru_cache(maxsize=1)
def _states() -> frozenset[str]:
    """US states as datelines abbreviate them (USPS code or AP style), folded."""
    return frozenset(_fold(v) for row in load_rows("us_states.tsv") for v in row[1:3])


def _city(place: str) -> str:
    city = CITY_SPLIT.split(place)[0].strip()
    # A state written without its comma: "LOS ANGELES CA", "Monticello NY".
    words = city.split()
    if len(words) > 1 and _fold(words[-1]) in _states() and (words[-1].isupper() or words[-1].endswith(".")
                                                                or len(words[-1]) == 2):
        city = " ".join(words[:-1])
    return title_case(city)


def wire_name(value: str) -> str | None:
    """A wire as the text writes it, when the vocabulary or its shape says it is one."""
    value = clean(value) or ""
    folded = _fold(value)
    if not folded or folded in _aggregators():
        return None
    if folded in _wire_vocab()[0]:
        return value
    return value if _WIRE_END.search(value) else None


_WORDS = re.compile(r"\w+")
_WIRE_HINT = re.compile(r"(?i)wire|press ?release")


@functools.lru_cache(maxsize=1)
def _wire_tokens() -> frozenset[str]:
    """Every word of every wire spelling, to skip lines that cannot name one before the slow pattern."""
    words = set()
    for row in load_rows("wires.tsv"):
        for spelling in [row[0], *(row[2].split("|") if len(row) > 2 and row[2] else [])]:
            if not _WIRE_HINT.search(spelling):  # the hint finds those that say "wire" themselves
                words.add(max(re.findall(r"\w+", spelling), key=len).lower())
    return frozenset(words)


def _wire_in(head: str) -> re.Match | None:
    low = head.lower()
    # Where the head folds plainly (folds_plainly), _WIRE_HINT's case-blind search equals plain
    # looks in the lower-cased head: three fast finds instead of a pattern tried at every position.
    if folds_plainly(head):
        hinted = "wire" in low or "press" in low and ("press release" in low or "pressrelease" in low)
    else:
        hinted = bool(_WIRE_HINT.search(head))
    if not hinted and _wire_tokens().isdisjoint(_WORDS.findall(low)):
        return None
    for m in _wire_mark().finditer(head):
        group = next(g for g in ("w1", "w2", "w3") if m.group(g))
        if wire_name(m.group(group)):
            return m
    return None


def _wire_group(m: re.Match) -> str:
    return next(g for g in ("w1", "w2", "w3") if m.group(g))


def find_dateline(text: str, headline_end: int = 0) -> Dateline | None:
    year = default_year(text)
    paragraphs = 0
    for line in lines(text)[:120]:
        if line.end <= headline_end or not line.text.strip() or is_bullet(line.text):
            continue
        found = _read_dateline(line, year)
        if found:
            return found
        if len(line.text) > 250:
            paragraphs += 1
            if paragraphs >= 2:  # the story has begun: a dateline below it is a footer's line
                return None
    return None


def _read_dateline(line: Line, year: int | None) -> Dateline | None:
    """One line read as ``PLACE, DATE (WIRE) -- lead`` in any order of its three marks."""
    head = line.text[:260]
    if len(head) < 60 and wire_name(head.strip()):
        return None  # a wire's name alone on a line is page chrome, read by ``_wire_line``
    wire_m = _wire_in(head)
    date_m, date = _date_in(head, year, wire_m)
    if not wire_m and not date_m:
        return None
    marks = [m for m in (wire_m, date_m) if m]
    first, last = min(m.start() for m in marks), max(m.end() for m in marks)
    place, readable = _place_before(line.text, first, last, wire_m)
    if not readable:
        return None
    city_at = line.text.find(place) if place else -1
    if place is None:  # date or wire first: "April 29, 2025 -- Boston, MA --", "(NewMediaWire) - date - CHICAGO —"
        after = LEADING_PLACE.match(line.text, last)
        if after and _place(after.group(1)):
            place, city_at, last = after.group(1), after.start(1), after.end()
    last, issuer_span = _past_marks(line, last, wire_m)
    rest = line.text[last:]
    lead_offset = last + (len(rest) - len(rest.lstrip(SEPARATORS + ").")))
    if place is None and not wire_m and line.text[lead_offset:].strip() and not (
            date_m.start() == 0 and re.match(r"\s*(?:--|[-–—])\s*[A-Z]", line.text[date_m.end():])):
        return None  # a date opening a sentence, not a dateline ("March 4, 2025 - Acme ..." is one)
    city_span = (line.start + city_at, line.start + city_at + len(CITY_SPLIT.split(place)[0].strip())) if place else None
    wire = clean(wire_m.group(_wire_group(wire_m))) if wire_m else None
    return Dateline(line, _city(place) if place else None, city_span, date,
                    _span(line, date_m) if date else None, wire,
                    _span(line, wire_m, _wire_group(wire_m)) if wire_m else None,
                    line.start + lead_offset, issuer_span)


def _date_in(head: str, year: int | None, wire_m: re.Match | None) -> tuple[re.Match | None, dt.date | None]:
    """The dateline's date: in words or figures, near the start or right after the wire."""
    figures = _DIGIT.search(head)  # no figure, no date: the long patterns are skipped
    date_m = DATE.search(head) if figures else None
    date = date_from_match(date_m, year) if date_m else None
    if date is None and figures:
        date_m = NUMERIC_DATE.search(head)
        date = _numeric_date(date_m) if date_m else None
    if date is None or date_m.start() > 140 or (wire_m and date_m.start() > wire_m.end() + 40):
        return None, None
    return date_m, date


def _place_before(text: str, first: int, last: int, wire_m: re.Match | None) -> tuple[str | None, bool]:
    """The place written before the first mark, and whether the line reads as a dateline at all."""
    before = text[:first]
    if before.rstrip().endswith(":"):
        return None, False  # a labelled line ("For Immediate Release: May 1"), not a dateline
    place = _place(before)
    if place is None and wire_m and len(before) > 40:
        # A line that lost its break after the headline: "... Oncology SPRINGFIELD, Ill.--(BUSINESS WIRE)--"
        tail = CAPS_PLACE.search(before)
        place = _place(tail.group(1)) if tail else None
        before = tail.group(1) if place else before
    loose = before.strip(SEPARATORS)
    if place is None and not text[last:].strip(SEPARATORS + ".") and LOOSE_PLACE.match(loose) \
            and not any(w.lower().strip(",") in _stopwords() for w in loose.split()):
        place = loose  # a dateline alone, its place typed loosely: "Dallas, texas - April 22"
    if place is None and before.strip(SEPARATORS + "("):
        caption = wire_m and wire_m.start() == first and re.search(r"[.!?][\"”]?\s*$", before)
        if not caption and (not wire_m or wire_m.start() > 3):
            return None, False  # sentence words before the date: a date in running text
    return place, True


def _past_marks(line: Line, last: int, wire_m: re.Match | None) -> tuple[int, Span | None]:
    """Past a clock time ("@ 7:00 AM Eastern") and an issuer's slot ("/ Acme Dental /") after the marks."""
    clock = TRAILING_TIME.match(line.text, last)
    if clock:
        last = clock.end()
    slot = ISSUER_SLOT.match(line.text, last)
    if slot and not wire_m and not wire_name(slot.group(1)):
        return slot.end(), (line.start + slot.start(1), line.start + slot.end(1))
    return last, None


def _span(line: Line, m: re.Match, group: int | str = 0) -> Span:
    return line.start + m.start(group), line.start + m.end(group)


def _wire_line(text: str, stop: int) -> tuple[str, Span] | None:
    """A wire named on a line of its own ("PR Newswire") or labelled ("Distributed by: X")."""
    every = lines(text)
    # The first 120 lines and the last 60, each once (a short text's would be read twice)
    for line in every[:120] + every[max(120, len(every) - 60):]:
        value = line.text.strip()
        if not value or len(value) > 70:
            continue
        labelled = DISTRIBUTED.match(value)
        if line.start >= stop and not labelled:
            continue
        candidate = labelled.group("wire") if labelled else value
        if wire_name(candidate) and (labelled or _fold(candidate) in _wire_vocab()[0]):
            at = line.start + line.text.find(candidate)
            return clean(candidate), (at, at + len(clean(candidate)))
    return None


# --- the headline ---------------------------------------------------------------------------

NOT_HEADLINE = re.compile(r"(?i)(?:exhibit\b|for immediate release|press release\b|news release\b|media release\b|"
                          r"embargoed|under embargo|release date|contacts?\b|by [A-Z]|p\.?o\.? box|phone|fax|tel\b|web\b|"
                          r"www\.|https?:|research highlights)")
# A letterhead's address line: "2407 W. 24th St. Kearney, NE 68845", "P.O. Box 1480".
ADDRESS = re.compile(r"^\d{1,6}\s+(?:[NSEW]\.?\s+)?[\w.]+(?:\s[\w.]+){0,3}\s(?:St|Street|Ave|Avenue|Road|Rd|Blvd|Boulevard|"
                     r"Drive|Dr|Way|Lane|Ln|Suite|Parkway|Pkwy|Place|Pl|Court|Ct|Highway|Hwy)\b\.?"
                     r"|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?$|(?i:\bP\.?\s?O\.?\s+Box\b)")
# A letterhead's company name alone on its line: "Acme Bio, Inc."
LETTERHEAD_NAME = re.compile(rf"(?:The\s)?[A-Z][\w.&'’-]*(?:\s[A-Z&][\w.&'’-]*){{0,5}},?\s{LEGAL_SUFFIX}")
SITE_CHROME = re.compile(r"\s+[|–—-]\s+(?P<site>[^|–—\n]{2,40})$")


def headline(text: str, stop: int | None = None) -> tuple[str, Span] | None:
    """The title line: the first headline-shaped line above the dateline, past letterheads,
    labels, bullet lists (a wrapped bullet's second line included) and a site's chrome."""
    in_list = False
    first = True
    for line in lines(text)[:60]:
        if stop is not None and line.start >= stop:
            break
        value = _without_site_chrome(line.text.strip())
        if not value:
            in_list = False
            continue
        if is_bullet(value):
            in_list = True
        was_first, first = first, False
        if in_list or len(value) < 20 or len(value) > 400 or "\t" in value:
            continue
        if value[0] in "-*•(![|" or NOT_HEADLINE.match(value) or ADDRESS.search(value) or DATE.fullmatch(value) \
                or LETTERHEAD_NAME.fullmatch(value):
            continue
        if value.endswith((".", ":")) and not _headline_ending(value, was_first):
            continue
        label = LABEL.match(value)
        if _wire_in(value[:120]) or wire_name(value) or label and _field_label(value, label):
            continue
        begin = line.start + len(line.text) - len(line.text.lstrip())
        return value, (begin, begin + len(value))
    return None


def _field_label(value: str, label: re.Match) -> bool:
    """"phone: 308-236-8491", "web: www.x.com" are fields; "Acme: A Beacon of Innovation" a title."""
    rest = value[label.end():]
    return len(rest) < 25 and (value[0].islower() or bool(re.search(r"[\d@]|www\.", rest)))


def _headline_ending(value: str, first_line: bool) -> bool:
    if value.endswith(("Inc.", "Corp.", "Ltd.", "Co.")) or re.search(r"\b(?:[A-Z]\.){2,}$", value):
        return True
    # The document's first line in title case: a headline written with its full stop (a sentence
    # in sentence case, as a forwarding note, is not one).
    words = [w for w in value.split() if len(w) > 3]
    title_case = words and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
    return first_line and bool(title_case) and value.endswith(".") and len(value) < 200


def _without_site_chrome(value: str) -> str:
    """"Acme Announces X | Morningstar" -> "Acme Announces X"."""
    m = SITE_CHROME.search(value)
    if m and (_fold(m.group("site")) in _aggregators() or _fold(m.group("site")) in _wire_vocab()[0]):
        return value[:m.start()]
    return value


UP_TO_PAREN = re.compile(r"\b[^()\n]{0,40}?(?=\()")
PAREN = re.compile(r"[(（]([^()（）\n]{2,160})[)）]")
NEXT_PAREN = re.compile(r" ?[(（]([^()（）\n]{2,160})[)）]")


@functools.lru_cache(maxsize=1)
def _exchange_short() -> dict[str, str]:
    """A market tier written out ("Nasdaq Global Select Market") -> the exchange it belongs to."""
    return {_fold(row[0]): row[3] for row in load_rows("exchanges.tsv") if len(row) > 3 and row[3]}


def tickers(text: str, start: int, end: int) -> tuple[list[str], list[Span], int | None]:
    """The first parenthesis of exchange:symbol pairs between ``start`` and ``end``."""
    for paren in PAREN.finditer(text, start, end):
        found, spans = _pairs_in(paren.group(1), paren.start(1))
        if found:
            # Listings in parentheses side by side: "(TSXV: ACM) (OTCQB: ACMMF)".
            nxt = NEXT_PAREN.match(text, paren.end())
            while nxt:
                more, more_spans = _pairs_in(nxt.group(1), nxt.start(1))
                if not more:
                    break
                found, spans = found + more, spans + more_spans
                nxt = NEXT_PAREN.match(text, nxt.end())
            return found, spans, paren.start()
    return [], [], None


def _pairs_in(inside: str, base: int) -> tuple[list[str], list[Span]]:
    found: list[str] = []
    spans: list[Span] = []
    for pair in _pair().finditer(inside):
        written = re.sub(r"\s+", " ", pair.group("ex"))
        exchange = _exchange_short().get(_fold(written), written).upper()
        for sym in re.finditer(r"[A-Z0-9][A-Z0-9.]{0,9}", pair.group("syms")):
            found.append(f"{exchange}:{sym.group(0).upper().rstrip('.')}")
            at = base + pair.start("syms")
            spans.append((at + sym.start(), at + sym.start() + len(sym.group(0).rstrip("."))))
    if not found:
        for suff in _suffixed().finditer(inside):
            found.append(f"{suff.group('ex')}:{suff.group('sym')}")
            spans.append((base + suff.start(), base + suff.end()))
    return found, spans


NAME_TOKEN = re.compile(rf"(?:[a-z]?[A-Z0-9][\w'’.&+-]*|&|{LEGAL_SUFFIX}|de|du|von|van|la|y|et)")


def _name_before(text: str, end: int) -> tuple[str, int] | None:
    """The run of name words that ends at ``end``: "... company Candel Therapeutics, Inc." """
    window_start = max(0, end - 120)
    # A name never runs across a dateline's separators or a line break.
    cut = max(text.rfind(sep, window_start, end) + len(sep) for sep in ("\n", "–", "—", "--", "/", ")", ":"))
    window_start = max(window_start, cut)
    window = text[window_start:end]
    keep = None
    for tok in reversed(list(re.finditer(r"\S+", window))):
        word = tok.group(0).rstrip(",")
        if not NAME_TOKEN.fullmatch(word) or (word == "The" and keep is not None):
            break
        if word[:1].islower() and not re.fullmatch(LEGAL_SUFFIX, word):
            break
        keep = tok
    if keep is None:
        return None
    name = window[keep.start():].strip(" ,")
    start = window_start + keep.start()
    year = re.match(r"(?:\d[\d,]*\s+)+(?=[A-Z])", name)  # "Founded in 2011, Acme Inc." keeps "Acme Inc."
    if year:
        name, start = name[year.end():], start + year.end()
    if len(name.split()) > 1 and re.match(r"(?:The|A|An)\s", name):
        skip = len(name.split()[0]) + 1
        name, start = name[skip:], start + skip
    return (name, start) if name else None


_NAME_WORD = r"(?:&|[A-Z0-9][\w'’.&+-]{0,40}[®™]?)"
_LEAD_NAME = re.compile(
    rf"((?:The\s+)?[a-z]?[A-Z0-9][\w'’.&+-]{{0,40}}[®™]?(?:\s{_NAME_WORD}){{0,7}}?(?:,?\s+{LEGAL_SUFFIX})?(?:,\s+{LEGAL_SUFFIX})?)"
    rf"(?P<after>,|\s+(?:today|has|have|is|announced|reported|unveiled|will|a|an|the|and|in|recently|\()\b|\s*[(（]"
    rf"|\s+[-–—]\s+(?=(?:a|an|the)\s)"  # "Acme - a well-established company -"
    rf"|\s+[a-z]{{3,}}(?:s|ed)\b"
    # "Acme Bio CEO Jane Roe said": the company, then its officer.
    rf"|\s+(?:co-)?(?:founder|CEO|CFO|COO|CMO|CSO|CTO|President|Chairman|Chairwoman|Chief|Executive|Managing|Vice)\b)")
BASED = re.compile(r"(?:[A-Z][\w.]*,?\s){0,3}[A-Z][\w.]*-based\s+(?=[A-Z])")
# "The law firm of X", "The Supervisory Board of X": the name after the description.
_DESCRIBED = re.compile(r"The\s+(?:[\w-]+\s+(?:and\s+)?){1,5}of\s+(?=[A-Z])")
# "NeOnc Technologies, Inc. (NASDAQ: NTHI). Stonegate initiates coverage": the subject, then the writer.
_SUBJECT_TAG = re.compile(r"[A-Z][\w'’&.,\- ]{1,100}?\s*\([^()\n]{2,60}\)\s*\.\s+(?=[A-Z])")


def _name_at(text: str, start: int, end: int, title: str = "") -> tuple[str, Span] | None:
    """The issuer named at the start of the lead: "Orca Bio, a late-stage ..." """
    while start < end and text[start].isspace():
        start += 1
    segment = text[start:end]
    # An all-caps event tag before the lead proper: "CES 2009 -- NVIDIA Corporation ..."
    tag = re.match(r"[A-Z0-9 ()&.,'-]{4,80}?\s+--\s+", segment)
    offset = tag.end() if tag else 0
    of = _DESCRIBED.match(segment, offset)
    if of:
        rest = _name_at(text, start + of.end(), end, title)
        if rest:
            return rest
    based = BASED.match(segment, offset)  # "Washington, D.C.-based Acme Data, which ..."
    if based:
        offset = based.end()
    words = _LEAD_NAME.match(segment, offset)
    if not words:
        return None
    name = words.group(1).strip().rstrip("®™")
    if name.startswith("The ") and len(name.split()) > 1:
        name = name[4:]
    first = name.split()[0].lower().strip(",")
    if first in _stopwords() or DATE.match(name) or re.match(r"(?:Dr|Mr|Mrs|Ms|Prof)\.?\s", name):
        return None
    if words.group("after") == "," and ROLE_AT.match(text, start + segment.index(name, offset) + len(name)) \
            and _is_person(name):
        return None  # "Jane Roe, President of Acme": a person opening the lead, not the issuer
    after = words.group("after").strip()
    if after[:1].islower() and after not in ("today", "has", "have", "is", "announced", "reported", "unveiled",
                                             "will", "a", "an", "the", "and", "in", "recently"):
        # Any verb after a single capitalised word may open a plain sentence ("Researchers found").
        if len(name.split()) < 2 and not re.search(LEGAL_SUFFIX + "$", name):
            return None
    based = re.match(r"(?:[A-Z][\w.]*\s){0,3}[A-Z][\w.]*-based\s+(?=[A-Z])", name)  # "New York-based Acme"
    if based:
        name = name[based.end():]
    if re.fullmatch(LEGAL_SUFFIX, name):
        return None
    # A listing, a short name in quotes or a website beside it: "Acme (NASDAQ: ACME)", "Acme (www.acme.com)".
    # So does an apposition that says what it is: "Acme, a biotechnology company", "Acme - an agency".
    listed = re.match(r"\s*[(（][^()\n]{0,40}(?::|[“\"]|www\.|\.com\b)|\s*(?:,|\s[-–—])\s+(?:a|an)\s+[\w-]+(?:\s[\w-]+){0,4}?\s"
                      r"(?:company|firm|group|provider|platform|developer|leader|maker|manufacturer|agency|organi[sz]ation|"
                      r"startup|start-up|brand|business|practice|clinic|network|institute|foundation|association)\b",
                      segment[words.end(1):words.end(1) + 120])
    if " " not in name and not _looks_named(name) and not listed and not re.match(re.escape(name) + r"\b", title):
        return None  # one ordinary capitalised word opening a sentence: "Healthcare is big business"
    begin = start + segment.index(name, offset)
    return name, (begin, begin + len(name))


def _is_person(name: str) -> bool:
    """A person from a company: a first name the kept list gives a gender (people.py)."""
    from .people import gendered_names

    words = name.split()
    if not 2 <= len(words) <= 3 or re.search(LEGAL_SUFFIX + "$|&", name):
        return False
    return words[0].lower() in gendered_names()


# ", President and CEO of Acme", ", Brand Ambassador for Acme": a person's role at an organisation.
ROLE_AT = re.compile(r",\s+(?:the\s+)?(?:[\w&-]+\s+){1,5}?(?:of|for|at)\s+[A-Z]")


def _looks_named(word: str) -> bool:
    """A one-word issuer writes itself as a name: inner capitals or digits (GeoVax, IMUNON, 4DMT)."""
    return bool(re.search(r"[A-Z0-9]|\.[a-z]{2,4}$", word[1:]))


def _same_entity(a: str, b: str) -> bool:
    def key(name: str) -> str:
        words = [w for w in _ENTITY_WORD.findall(name) if w.lower() != "the"]
        return words[0].lower() if words else ""
    return bool(key(a)) and key(a) == key(b)


def _about_issuer(text: str, sections: Sections | None, hints: str) -> tuple[str, Span] | None:
    """A release that opens with its story names its issuer in its About section."""
    if not sections:
        return None
    best = None
    for about in sections.about:
        subject = re.sub(r"^(?:the|The)\s+", "", about.heading).strip(" .:")
        if not subject or len(subject.split()) > 8 or not subject[0].isupper():
            continue
        if wire_name(subject) or _fold(subject) in _aggregators() or subject.split()[0].lower() in _stopwords():
            continue
        if re.search(r"\b\d[\d-]*\b", subject):  # "About TREM-1", "About FIPS 140-3": a topic, not an issuer
            continue
        at = text.rfind(subject, 0, about.span[0])
        span = (at, at + len(subject)) if at >= 0 else None
        if span is None:
            continue
        if subject.split()[0] in hints:
            return subject, span
        best = best or (subject, span)
    return best


def extract_release(text: str, date_hint: str | None = None,
                    sections: Sections | None = None) -> tuple[Release, Dateline | None]:
    release = Release()
    dateline = find_dateline(text)
    if dateline and dateline.wire is None and dateline.lead_start >= dateline.line.end:
        # A dateline alone on its line ("Dallas, Tx January 9th, 2026") above the one opening the lead.
        later = find_dateline(text, dateline.line.end)
        if later and later.line.start - dateline.line.end < 3 and later.lead_start < later.line.end:
            for field in ("city", "city_span", "date", "date_span"):
                if getattr(later, field) is None:
                    setattr(later, field, getattr(dateline, field))
            dateline = later
    if dateline and dateline.city is None and dateline.wire is None:
        # A date alone on a line: the dateline proper may follow (with the wire and city).
        later = find_dateline(text, dateline.line.end)
        if later and (later.wire or later.city) and later.line.start - dateline.line.end < 3000:
            if later.date is None:
                later.date, later.date_span = dateline.date, dateline.date_span
            dateline = later
    proper = dateline if dateline and (dateline.city or dateline.wire) else None
    found = headline(text, proper.line.start if proper else None)
    if found:
        release.headline, release.spans["headline"] = found
    _dateline_fields(text, release, dateline, date_hint)
    lead_start = dateline.lead_start if dateline else 0
    if found and found[1][1] >= lead_start:  # the headline under a date line: the lead follows it
        lead_start = found[1][1] + 1
    if not text[lead_start:text.find("\n", lead_start) if "\n" in text[lead_start:] else len(text)].strip():
        lead_start = _first_paragraph(text, lead_start)
    _issuer(text, release, lead_start, sections, dateline.issuer_span if dateline else None)
    return release, dateline


def _dateline_fields(text: str, release: Release, dateline: Dateline | None, date_hint: str | None) -> None:
    if dateline:
        release.city, release.wire = dateline.city, dateline.wire
        if dateline.city_span:
            release.spans["city"] = dateline.city_span
        if dateline.wire_span:
            release.spans["wire"] = dateline.wire_span
        if dateline.date:
            release.date = dateline.date.isoformat()
            release.spans["date"] = dateline.date_span
    if release.date is None:
        alone = _date_line(text)
        if alone:
            release.date, release.spans["date"] = alone
    if release.date is None and date_hint:
        release.date = date_hint
    if release.wire is None:
        stop = dateline.lead_start if dateline else 4000
        named = _wire_line(text, stop)
        if named:
            release.wire, release.spans["wire"] = named
    if release.wire is None:
        tail = max(0, len(text) - 3000)
        site = WIRE_FOOTER.search(text, tail) if _may_name_site(text[tail:]) else None
        sites = _wire_vocab()[1]
        if site and site.group("site").lower() in sites:
            release.wire = sites[site.group("site").lower()]
            release.spans["wire"] = site.span("site")


# A phrase each WIRE_FOOTER match holds, in lower case.
FOOTER_PHRASES = ("view original", "view the original", "view source", "view the source", "source:",
                  "originally published", "distributed by")


def _may_name_site(tail: str) -> bool:
    """Whether WIRE_FOOTER can match in ``tail``: a case-blind pattern tries every position, so
    the plain look for its phrases first is far cheaper (most pages have no such footer)."""
    if not folds_plainly(tail):
        return True
    low = tail.lower()
    return any(phrase in low for phrase in FOOTER_PHRASES)


def _first_paragraph(text: str, start: int) -> int:
    """Where the story's first paragraph begins after ``start``: past summary bullets, a wire's or
    writer's line, an image, a subtitle."""
    for line in lines(text):
        if line.end > start and line_kind(line.text) == "paragraph":
            return line.start
    return start


def _lead_end(text: str, lead_start: int) -> int:
    lead_end = text.find("\n", lead_start)
    lead_end = len(text) if lead_end < 0 else lead_end
    if lead_end - lead_start < 40:  # the dateline stood alone: the lead is the next paragraph
        nxt = re.search(r"\S[^\n]{40,}", text[lead_end:lead_end + 5000])
        if nxt:
            lead_end = lead_end + nxt.end()
    return lead_end


# Between an issuer's name and its listing: only its short names ("(“Acme” or the “Company”)").
BESIDE = re.compile(r"[®™]?(?:\s*,?\s*[(（][^()（）\n]{0,80}[)）])*\s*,?\s*")
SENTENCE_END = re.compile(r"\b[a-z]{2,}[.!?][\"”’]?\s+(?=[A-Z\"“])")


BYLINE = re.compile(r"\s*By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:,\s*[^\n]{1,40})?\s*\n+")
# An opening phrase before the sentence's subject: "On August 24, 2024, the Acme Foundation ..."
_OPENING_COMMA = re.compile(r",\s+(?:the\s+)?(?=[A-Z0-9])")


SUBJECT_VERB = re.compile(r"[®™]?\s*(?:[(（]|,\s+(?:a|an|the)\s|\s(?:today|has|have|is|are|was|will|recently|announced|reported|"
                          r"unveiled|launched|[a-z]{3,}(?:s|ed))\b)")


# Prepositions and conjunctions that open an adverbial phrase (the closed class, from the stop words).
OPENERS = frozenset("about above after against at before below between by during for from in into on over "
                    "since through under until upon when while with as if because once".split())


def _name_after_opening(text: str, start: int, end: int, title: str) -> tuple[str, Span] | None:
    """The subject after a prepositional opening, when the lead begins with one ("In 2024, ...")."""
    first = re.match(r"\s*([A-Za-z]+)\b", text[start:start + 30])
    if not first or first.group(1).lower() not in OPENERS:
        return None
    for comma in list(_OPENING_COMMA.finditer(text, start, min(end, start + 120)))[:3]:
        name = _name_at(text, comma.end(), end, title)
        if not name or re.fullmatch(r"[\d,.\s]+", name[0]):
            continue
        # Only a subject that acts: "..., Acme Inc. (NASDAQ: ACME) announced", not "..., IgA, IgM and".
        if SUBJECT_VERB.match(text, name[1][1]):
            return name
    return None


def _lead_window(text: str, lead_start: int) -> tuple[int, int]:
    """The lead's own words: past an analyst's subject tag and a writer's byline."""
    lead_end = _lead_end(text, lead_start)
    if lead_end - lead_start < 400:
        while lead_start < lead_end and text[lead_start].isspace():
            lead_start += 1
    subject = _SUBJECT_TAG.match(text, lead_start, lead_end)
    if subject:  # an analyst's or a paid writer's tag of the company covered
        lead_start = subject.end()
    byline = BYLINE.match(text, lead_start)
    if byline:  # "By Jane Roe, Benzinga": the writer, not the issuer; the lead follows
        lead_start = byline.end()
        lead_end = _lead_end(text, lead_start)
    return lead_start, lead_end


def _issuer(text: str, release: Release, lead_start: int, sections: Sections | None,
            slot: Span | None = None) -> None:
    """The issuer and its own tickers: the lead's subject, and the listing written beside it."""
    lead_start, lead_end = _lead_window(text, lead_start)
    title = release.headline or ""
    name = _name_at(text, lead_start, lead_end, title) or _name_after_opening(text, lead_start, lead_end, title)
    if slot:  # the dateline names its issuer
        name = (text[slot[0]:slot[1]], slot)
    found, spans, paren_at = tickers(text, lead_start, min(lead_end, lead_start + 600))
    owner = _name_before(text, paren_at) if paren_at is not None else None
    owner = (owner[0], (owner[1], owner[1] + len(owner[0]))) if owner and owner[0] else None
    if owner and name is None and not SENTENCE_END.search(text, lead_start, paren_at):
        name = owner  # "Clinical-stage company Acme, Inc. (NASDAQ: ACME) reported"
    elif owner and name and _same_entity(name[0], owner[0]):
        if len(owner[0]) > len(name[0]) and owner[0].startswith(name[0].split()[0]):
            name = owner  # the fuller form written beside the listing
    elif found and name and not BESIDE.fullmatch(text, name[1][1], paren_at):
        found, spans = [], []  # another company's listing
    if name is None:
        name = _about_issuer(text, sections, title + text[lead_start:lead_end])
        if name and not (owner and _same_entity(name[0], owner[0])):
            found, spans = [], []
    release.tickers = found
    release.spans.update({f"tickers[{i}]": span for i, span in enumerate(spans)})
    if name:
        release.company = strip_quotes(name[0])
        release.spans["company"] = name[1]
        if not release.tickers:
            _listed_elsewhere(text, release)
        if not release.tickers and sections:
            _listed_in_words(text, release, sections)


def _date_line(text: str) -> tuple[str, Span] | None:
    """A date standing alone on one of the first lines ("December 3, 2012")."""
    year = default_year(text)
    for line in lines(text)[:30]:
        value = line.text.strip()
        label = LABEL.match(value)  # "For Immediate Release: November 22, 2024"
        m = DATE.fullmatch(value[label.end():] if label else value)
        if m:
            found = date_from_match(m, year)
            if found:
                return found.isoformat(), (line.start, line.end)
    return None


def _listed_elsewhere(text: str, release: Release) -> None:
    """The issuer's ticker given later, as in its About section: "NVIDIA (NASDAQ:NVDA)"."""
    first = release.company.split()[0].rstrip(",")
    at = text.find(first)
    while at >= 0:
        m = UP_TO_PAREN.match(text, at + len(first))
        at = text.find(first, at + 1)
        if not m:
            continue
        found, spans, paren_at = tickers(text, m.end(), min(len(text), m.end() + 170))
        if found and paren_at == m.end():
            release.tickers = found
            release.spans.update({f"tickers[{i}]": s for i, s in enumerate(spans)})
            return


@functools.lru_cache(maxsize=1)
def _listed_words() -> re.Pattern:
    """"listed on the SIX Swiss Exchange (ticker symbol: BAER)": an exchange's full name, then its symbol."""
    names = sorted({row[1] for row in load_rows("exchanges.tsv")} | {row[0] for row in load_rows("exchanges.tsv")},
                   key=len, reverse=True)
    alternation = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(rf"\b(?:listed|traded|trades|trading)\s+on\s+(?:the\s+)?(?P<name>{alternation})\b[^.()\n]{{0,40}}?"
                      rf"\(?(?:ticker\s+symbol|ticker|symbol)\s*:?\s*[“\"]?(?P<sym>[A-Z0-9]{{1,6}})\b", re.I)


@functools.lru_cache(maxsize=1)
def _exchange_codes() -> dict[str, str]:
    """An exchange's name or abbreviation (folded) -> the abbreviation releases write."""
    codes: dict[str, str] = {}
    for row in load_rows("exchanges.tsv"):
        codes.setdefault(_fold(row[1]), row[0])
        codes.setdefault(_fold(row[0]), row[0])
    return codes


def _listed_in_words(text: str, release: Release, sections: Sections) -> None:
    """The issuer's listing told in words in its own About section."""
    codes = _exchange_codes()
    for about in sections.about:
        if not _same_entity(about.heading.removeprefix("the ").removeprefix("The "), release.company or ""):
            continue
        m = _listed_words().search(text, about.span[0], about.span[1])
        if m:
            exchange = codes.get(_fold(m.group("name")), m.group("name"))
            release.tickers = [f"{exchange.upper()}:{m.group('sym').upper()}"]
            release.spans["tickers[0]"] = m.span("sym")
            return
