"""The release itself: date, headline, issuer, tickers, dateline city and wire."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import DATE, date_from_match
from .model import Release, Span
from .textutil import LEGAL_SUFFIX, Line, clean, lines, strip_quotes, title_case

# A distribution service as datelines name it: "(BUSINESS WIRE)", "/PRNewswire-FirstCall/",
# "(GLOBE NEWSWIRE)", "--News Direct--", "(Newsworthy.ai)".
WIRE_WORDS = r"(?:[\w.&-]+\s){0,3}?[\w.&-]*(?:wire|newswire)[\w-]*|News\s?Direct|Newsworthy\.ai|Reportable|EQS[\w -]{0,12}"
WIRE = re.compile(rf"(?:\(|/|--|[-–—]\s|^)\s*(?P<wire>{WIRE_WORDS})\s*(?:\)|/|--|\s[-–—]|$)", re.I)
# Sites that carry a wire's copy name it in their footer.
WIRE_SITES = {
    "businesswire.com": "Business Wire", "prnewswire.com": "PR Newswire",
    "globenewswire.com": "GlobeNewswire", "newsdirect.com": "News Direct",
    "accesswire.com": "ACCESSWIRE", "newmediawire.com": "NewMediaWire",
    "einpresswire.com": "EIN Presswire", "newsfilecorp.com": "Newsfile",
}
WIRE_FOOTER = re.compile(r"(?:view (?:the )?(?:original|source)[^\n]{0,40}? on|source:)\s*(?:https?://)?"
                         r"(?:www\.)?(?P<site>[\w.-]+\.com)", re.I)

SEPARATORS = " \t,-–—/:|"
TRAILING_TIME = re.compile(r"\s*(?:@|at)?\s*\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?(?:\s*[A-Za-z]+/[A-Za-z_]+|\s*[A-Z]{2,4}\b)?", re.I)
PLACE = re.compile(r"^[A-Z][A-Za-z.'’&\- ]{1,40}(?:,\s*[A-Za-z.'’&\- ]{2,30}){0,3}$")

EXCHANGES = (r"NASDAQ(?:\s+(?:GS|GM|CM|Stockholm|Copenhagen|Helsinki|First North))?|NYSE(?:\s+(?:American|MKT|Arca))?|"
             r"AMEX|TSXV?|TSX-V|TSX Venture|CSE|NEO|ASX|LSE|AIM|SIX|SWX|EURONEXT(?:\s+\w+)?|OTC\w*|Pink|"
             r"FSE|FWB|Frankfurt(?:\s+Prime\s+Standard)?|XETRA|ETR|HKEX|SEHK|HK|TWSE|TPEX|KRX|KOSDAQ|KOSPI|"
             r"SSE|SZSE|SGX|JPX|TSE|NSE|BSE|JSE|Oslo|OSE|BME|MTA|TASE|WSE|ENX")
PAIR = re.compile(rf"\b(?P<ex>{EXCHANGES})\s*:\s*(?P<syms>[“\"]?[A-Z0-9][A-Z0-9.]{{0,9}}[”\"]?"
                  rf"(?![\w])(?:\s*(?:,|and|&)\s*[“\"]?[A-Z0-9][A-Z0-9.]{{0,9}}[”\"]?(?![\w])(?!\s*:))*)", re.I)
SUFFIXED = re.compile(r"\b(?P<sym>[A-Z0-9]{1,6})\.(?P<ex>HK|SH|SZ|DE|TW|TWO|T|L|AX|TO|V|PA|AS|SW|ST|OL|CO|HE|F|KS|KQ|SI|NS|BO)\b")
UP_TO_PAREN = re.compile(r"\b[^()\n]{0,40}?(?=\()")
PAREN = re.compile(r"\(([^()\n]{2,160})\)")


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


def default_year(text: str) -> int | None:
    found = re.search(r"\b(19[89]\d|20\d\d)\b", text)
    return int(found.group(1)) if found else None


def _place(head: str) -> str | None:
    head = head.strip(SEPARATORS + "(")
    return head if head and PLACE.match(head) and len(head.split()) <= 9 else None


def _city(place: str) -> str:
    first = re.split(r",|\band\b", place)[0].strip()
    return title_case(first)


def find_dateline(text: str, headline_end: int = 0) -> Dateline | None:
    year = default_year(text)
    for line in lines(text)[:80]:
        if line.end <= headline_end or not line.text.strip():
            continue
        head = line.text[:220]
        wire_m = WIRE.search(head)
        date_m = DATE.search(head)
        date = date_from_match(date_m, year) if date_m else None
        if date_m and date_m.start() > 120:
            date_m, date = None, None
        if not wire_m and not date_m:
            continue
        marks = [m for m in (wire_m, date_m) if m]
        first = min(m.start() for m in marks)
        last = max(m.end() for m in marks)
        place = _place(line.text[:first])
        city_span = None
        if place is None and date_m and date_m.start() == first and not line.text[:first].strip():
            # Date first: "April 29, 2025 -- Boston, MA -- Tevard ..."
            after = re.match(r"[\s,–—-]*([A-Z][A-Za-z.'’ ]{1,40}(?:,\s*[A-Za-z.'’ ]{2,20})?)\s*(?:--|[–—]|\s-\s)",
                             line.text[last:])
            if after:
                place = after.group(1)
                city_span = (line.start + last + after.start(1), line.start + last + after.end(1))
                last += after.end()
        if place is None and not wire_m:
            # A date alone on its line (above the headline or the body) is the release date.
            if date and not line.text[date_m.end():].strip(SEPARATORS + "."):
                return Dateline(line, None, None, date, _span(line, date_m), None, None, line.end)
            continue
        rest = line.text[last:]
        clock = TRAILING_TIME.match(rest)
        if clock:
            last += clock.end()
            rest = rest[clock.end():]
        lead_offset = last + (len(rest) - len(rest.lstrip(SEPARATORS + ")")))
        city = _city(place) if place else None
        if city and city_span is None:
            at = line.start + line.text.find(place)  # the city as written ("WALTHAM"), not as shown
            city_span = (at, at + len(re.split(r",|\band\b", place)[0].strip()))
        return Dateline(line, city, city_span, date, _span(line, date_m) if date else None,
                        clean(wire_m.group("wire")) if wire_m else None,
                        _span(line, wire_m, "wire") if wire_m else None,
                        line.start + lead_offset)
    return None


def _span(line: Line, m: re.Match, group: int | str = 0) -> Span:
    return line.start + m.start(group), line.start + m.end(group)


def headline(text: str) -> tuple[str, Span] | None:
    candidates = lines(text)[:60]
    for line in candidates:
        value = line.text.strip()
        if not value or len(value) < 25 or len(value) > 400:
            continue
        if value[0] in "-*•(![" or value.endswith((".", ":")) and not value.endswith(("Inc.", "Corp.", "Ltd.")):
            continue
        if DATE.fullmatch(value) or re.match(r"(?i)(?:exhibit|for immediate release|press release|news release)\b", value):
            continue
        if WIRE.search(value[:120]) or re.match(r"(?i)by [A-Z]", value):
            continue
        return value, (line.start, line.end)
    return None


def tickers(text: str, start: int, end: int) -> tuple[list[str], list[Span], int | None]:
    """The issuer's listings: the first parenthesis of exchange:symbol pairs in the lead."""
    for paren in PAREN.finditer(text, start, end):
        inside = paren.group(1)
        found: list[str] = []
        spans: list[Span] = []
        for pair in PAIR.finditer(inside):
            exchange = re.sub(r"\s+", " ", pair.group("ex")).upper()
            for sym in re.finditer(r"[A-Z0-9][A-Z0-9.]{0,9}", pair.group("syms")):
                found.append(f"{exchange}:{sym.group(0).upper()}")
                base = paren.start(1) + pair.start("syms")
                spans.append((base + sym.start(), base + sym.end()))
        if not found:
            for suff in SUFFIXED.finditer(inside):
                found.append(f"{suff.group('ex')}:{suff.group('sym')}")
                spans.append((paren.start(1) + suff.start(), paren.start(1) + suff.end()))
        if found:
            return found, spans, paren.start()
    return [], [], None


NAME_TOKEN = re.compile(rf"(?:[A-Z0-9][\w'’.&+-]*|&|{LEGAL_SUFFIX}|de|du|von|van|la|y|et)")


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
    if len(name.split()) > 1 and re.match(r"(?:The|A|An)\s", name):
        skip = len(name.split()[0]) + 1
        name, start = name[skip:], start + skip
    return (name, start) if name else None


def _name_at(text: str, start: int, end: int) -> tuple[str, Span] | None:
    """The issuer named at the start of the lead: "Orca Bio, a late-stage ..." """
    while start < end and text[start].isspace():
        start += 1
    segment = text[start:end]
    # An all-caps event tag before the lead proper: "CES 2009 -- NVIDIA Corporation ..."
    tag = re.match(r"[A-Z0-9 ()&.,'-]{4,80}?\s+--\s+", segment)
    offset = tag.end() if tag else 0
    words = re.match(
        rf"((?:The\s+)?[A-Z0-9][\w'’.&+-]{{0,40}}(?:\s[A-Z0-9][\w'’.&+-]{{0,40}}){{0,7}}?(?:,?\s+{LEGAL_SUFFIX})?(?:,\s+{LEGAL_SUFFIX})?)"
        rf"(?=,|\s+(?:today|has|have|is|announced|reported|unveiled|will|a|an|the|and|in|recently|\()\b|\s*\()",
        segment[offset:])
    of = re.match(r"The\s+(?:[A-Z]\w+\s+(?:and\s+)?)+of\s+", segment[offset:])
    if of:
        rest = _name_at(text, start + offset + of.end(), end)
        if rest:
            return rest
    if not words:
        return None
    name = words.group(1).strip()
    if name.startswith("The ") and len(name.split()) > 1:
        name = name[4:]
    begin = start + offset + segment[offset:].index(name)
    return name, (begin, begin + len(name))


def extract_release(text: str, date_hint: str | None = None) -> tuple[Release, Dateline | None]:
    release = Release()
    found = headline(text)
    if found:
        release.headline, release.spans["headline"] = found
    dateline = find_dateline(text, found[1][1] if found else 0)
    if dateline and dateline.city is None and dateline.wire is None and dateline.lead_start < len(text):
        # A date alone on a line: the dateline proper may follow (with the wire and city).
        later = find_dateline(text, dateline.line.end)
        if later and (later.wire or later.city):
            if later.date is None:
                later.date, later.date_span = dateline.date, dateline.date_span
            dateline = later
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
        site = WIRE_FOOTER.search(text, max(0, len(text) - 3000))
        if site and site.group("site").lower() in WIRE_SITES:
            release.wire = WIRE_SITES[site.group("site").lower()]
            release.spans["wire"] = site.span("site")
    lead_start = dateline.lead_start if dateline else (found[1][1] + 1 if found else 0)
    lead_end = text.find("\n", lead_start)
    lead_end = len(text) if lead_end < 0 else lead_end
    if lead_end - lead_start < 40:  # the dateline stood alone: the lead is the next paragraph
        nxt = re.search(r"\S[^\n]{40,}", text[lead_end:])
        if nxt:
            lead_end = lead_end + nxt.end()
    found_tickers, spans, paren_at = tickers(text, lead_start, min(lead_end, lead_start + 600))
    release.tickers = found_tickers
    for i, span in enumerate(spans):
        release.spans[f"tickers[{i}]"] = span
    name = None
    if paren_at is not None:
        before = _name_before(text, paren_at)
        if before and before[0]:
            name = (before[0], (before[1], before[1] + len(before[0])))
    if name is None:
        name = _name_at(text, lead_start, lead_end)
    if name:
        release.company = strip_quotes(name[0])
        release.spans["company"] = name[1]
        if not release.tickers:
            _listed_elsewhere(text, release)
    return release, dateline


def _date_line(text: str) -> tuple[str, Span] | None:
    """A date standing alone on one of the first lines ("December 3, 2012")."""
    year = default_year(text)
    for line in lines(text)[:12]:
        m = DATE.fullmatch(line.text.strip())
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
