"""Talks, posters and company presentations a release announces at a named meeting.

Readings, most structured first: labelled blocks ("Title: … Abstract #: … Date/Time: …", also
run together on one line, in Markdown bold, or led by a format: "- Oral: “…” – June 22"; a
conference's name heading "Format:/Date:/Time:" lines), Markdown tables read by their header,
numbered entries (``schedule.py``: "Title (Abstract #168)", "#1378: Title", "[P1806 – date, time,
hall]"), schedule tables, "titled “…”" prose, an investor talk in the lead, and last one entry
per meeting a sentence (or a clause, when it names two) ties to a presentation (``mentions.py``).
Every entry needs a named meeting (``meetings.py``): a company's own call or webcast is none.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import islice

from .compounds import squash
from .dates import DATE, TIME, add_time, date_from_match, find_when, is_range, localize, time_from_match, zone_and_end
from .meetings import MEETING_WORDS, Meetings, find_mentions, is_investor_meeting, is_meeting_name
from .mentions import PERSON_PRESENTS, ROOM as PROSE_ROOM, meetings_only, prose_mentions, sentence_at
from .model import Compound, Presentation, Release, Span
from .release import default_year
from .schedule import KIND, MARKER, SENTENCE, complete, heading_kind, kind_of, numbered
from .sections import Sections
from .quotes import quoted
from .textfind import find_all
from .textutil import QUOTES, clean, folds_plainly, lines
from .textutil import lower as lowered

POSTER_NUMBER = re.compile(r"(?i)\bposter\s*#?\s*([A-Z]{0,4}\d{1,6}[A-Z]?)\b")
MEETING_WORD = MEETING_WORDS
# Opens with its alternatives' first letters, a fast test at each position.
INVESTOR_TALK = re.compile(
    r"(?=[TWiotw])(?:\b(?:[Ww]ill|[Tt]o)\s+(?:[Pp]resent|[Pp]articipate|[Hh]ost|[Dd]eliver|give a presentation)\w*\s+(?:\w+\s+){0,4}?"
    r"|\b(?:its|their|our)\s+(?:participation|presentation)\s+)(?:[Aa]t|[Ii]n)\s+(?:the\s+)?(?:next\s+|upcoming\s+)?"
    r"(?P<m>(?:(?:19|20)\d\d\s+|\d{1,2}(?:st|nd|rd|th)\s+)?[A-Z][^\n]{3,120}?)(?=\s+on\s+(?:\w+,\s+)?[A-Z][a-z]+\.?\s+\d|\s+at\s+\d|\s+(?:being\s+)?held\b|,|\.\s|\s+in\s+[A-Z])")
# Every INVESTOR_TALK match holds one of these: its verbs (present, participate, host, deliver,
# "give a presentation") and nouns (participation, presentation), as the pattern spells them.
_TALK_VERBS = ("resent", "articipat", "host", "Host", "eliver")
LABELS = {
    "title": r"(?:Presentation |Poster |Abstract |Talk )?Title",
    "abstract": r"(?:(?:Abstract|Poster|Presentation|Publication)\s*(?:#|No\.?|Number|ID)|Abstract|Publication)\s*:?\s*#?",
    "meeting": r"Event|Conference|Meeting|Congress",
    "when": r"Date(?:\s*(?:/|and|&)\s*Time)?|Time|When(?:/where)?|Session Date(?: and Time)?",
    "location": r"Location|Room|Where|Venue|(?:Poster )?Board(?:\s*(?:#|No\.?|Number))?",
    "session": r"(?:(?:Poster|Oral|Podium)\s+)?Session(?: Title| Name|\s+#?(?P<snum>[A-Z]{0,3}\d{1,4}))?",
    "presenter": r"Presenter|Speaker|Presenting Author|Author",
    "format": r"Format|Presentation Type|Type",
    "other": r"Webcast(?: Link)?|Registration(?: Link)?|Link|Booth|Moderator|Panel(?:ists)?",
    # "- Oral: “Title” – Sunday, June 22 …": the format heads the entry's line
    "formatted": r"(?:Late-Breaking |Moderated |Mini-)?(?:Oral|E-?Poster|Poster|Podium)(?: Presentation)?",
}
# "**Title:**" / "__Title__:": Markdown bold around a label
# The look-ahead names every label's first letter: the many case-blind alternatives are slow to fail.
LABEL = re.compile(r"(?=[abcdeflmoprstvw])(?:^|(?<=[a-z.”\"’)\d])|(?<=[-•*]\s)|(?<=\*\*|__)|(?<=\s)(?=(?-i:[A-Z])))(?P<key>" + "|".join(f"(?P<{k}>{v})" for k, v in LABELS.items())
                   + r")(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*", re.I | re.M)
ABSTRACT = re.compile(r"\((?:Abstract|Abs\.?|Poster)\s*(?:Number|No\.?|#)?\s*:?\s*#?\s*(?P<a>[A-Z]{0,4}-?\d{1,6}[A-Z]?)\)|"
                      r"\b(?:Abstract|Poster)\s*(?:Number|No\.?|#)\s*:?\s*#?\s*(?P<b>[A-Z]{0,4}\d{1,6}[A-Z]?)\b", re.I)
TITLED = re.compile(rf"(?=[etu])\b(?:(?:en)?titled:?|under the title)\s*{quoted(10, 400)}", re.I)
# the title set beside the talk's noun: "Lee’s lecture, “…,” will be presented at …",
# "Roe’s award-winning presentation, Abstract 15, “…”"
APPOSED_HEAD = re.compile(r"\b(?:lecture|presentation|talk|keynote(?: address)?|panel|fireside chat)(?:,\s*Abstract\s+#?(?P<abs>[A-Z]{0,4}\d{1,6}[A-Z]?))?,\s*$")
APPOSED_TITLE = re.compile(rf"{quoted(10, 400)}(?=,?\s+(?:will|was|is)\s+(?:be\s+)?(?:presented|given|delivered)\b|,?\s+(?:at\s+)?\d{{1,2}}(?::\d\d)?\s*[ap]\.?m\b)")
_COMMA_QUOTE = re.compile(r",\s*[“\"]")
ROOM = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:[a-z]+\s+)?(?P<r>(?:[A-Z][\w&'’.-]*\s+){0,5}(?:Ballroom|Hall|Room|Rm|Auditorium|Theat(?:er|re)|"
                  r"Hotel|Pavilion|Foyer|Exhibit Hall|Poster Hall)\b(?:\s+[A-Z0-9][\w-]*){0,2})")
SESSION = re.compile(r"\(Session\s*#?\s*(?P<n>[\w-]+)|(?P<named2>\b(?:Poster|Oral|Plenary) Session\s+\d+\b)|\bsession (?:on|titled|entitled)\s+(?P<name>[^.\n]{3,120}?)(?=\.\s|\.$|$|\n)|"
                     r"\b(?:during|in) the (?P<named>(?:[A-Z0-9][\w/-]*\s){1,8}(?:Poster |Oral )?Session(?: \d+)?)", re.I)


def _when(text: str, start: int, end: int, year: int | None) -> tuple[str, Span] | None:
    segment = text[start:end]
    d = next((d for d in DATE.finditer(segment) if not is_range(segment, d)), None)
    if not d:
        return None
    day = date_from_match(d, year)
    if day is None:
        return None
    t = TIME.search(segment, d.end())
    if t and t.start() - d.end() > 60:
        t = None
    if t is None:  # "at 2:15 p.m. Eastern Time on Tuesday, September 9"
        t = next((b for b in TIME.finditer(segment, max(0, d.start() - 60), d.start())), None)
    time = time_from_match(t) if t else None
    zone, zone_end = zone_and_end(segment, t.end()) if t else (None, d.end())
    if zone in (None, "local"):
        time = None  # without a zone we cannot say which instant; the day is still right
    span_end = start + max(zone_end, t.end(), d.end()) if t else start + d.end()
    return localize(day, time, zone), (start + min(d.start(), t.start() if t else d.start()), span_end)


def _fill(p: Presentation, text: str, start: int, end: int, year: int | None, kind: bool = True) -> None:
    segment = text[start:end]
    if p.abstract is None:
        a = ABSTRACT.search(segment)
        if a:
            key = "a" if a.group("a") else "b"
            p.abstract, p.spans["abstract"] = a.group(key), (start + a.start(key), start + a.end(key))
    if p.starts_at is None:
        when = _when(text, start, end, year)
        if when:
            p.starts_at, p.spans["starts_at"] = when
    if p.location is None:
        r = ROOM.search(segment)
        if r:
            p.location, p.spans["location"] = r.group("r").strip(), (start + r.start("r"), start + r.end("r"))
    if p.session is None:
        s = SESSION.search(segment)
        if s:
            key = next(k for k in ("n", "named2", "name", "named") if s.group(k))
            p.session, p.spans["session"] = s.group(key).strip(), (start + s.start(key), start + s.end(key))
    if kind and p.kind is None:
        p.kind = kind_of(segment)


def _kind_word(words: str) -> str | None:
    return kind_of(words) or ("oral" if re.search(r"(?i)\b(?:talk|oral|fireside chat|panel|presentation)\b", words) else None)


# "Webinar Title:", "Job Title:": titles of things that are not talks at a meeting
_OTHER_TITLE = re.compile(r"(?i)\b(?:webinar|event|job|position|report|film|book|album|program(?:me)?)\s*$")


def _labels_in(text: str, start: int, end: int):
    """Labels end at a colon: try the label grammar only just before each colon."""
    colon, last = text.find(":", start, end), start
    while colon >= 0:
        for m in LABEL.finditer(text, max(last, colon - 45), min(end, colon + 8)):
            if m.start() <= colon < m.end():
                if not _OTHER_TITLE.search(text, max(0, m.start() - 12), m.start()):
                    yield m
                last = m.end()
                break
        colon = text.find(":", max(colon + 1, last), end)


def _labelled(text: str, year: int | None, start: int, end: int) -> list[tuple[Presentation, int, int]]:
    """Blocks of "Label: value" lines; a new Title (or Abstract) label starts a new entry."""
    found: list[tuple[Presentation, int, int]] = []
    labels = [m for line in _label_lines(text) if start <= line.start < end
              for m in _labels_in(text, line.start, line.end)][:MAX_ITEMS * 8]
    current: Presentation | None = None
    pending: list[tuple[str, re.Match, int]] = []
    block_start, number_word = 0, ""
    for n, m in enumerate(labels):
        key = next(k for k in LABELS if m.group(k))
        value_end = labels[n + 1].start() if n + 1 < len(labels) else len(text)
        line_end = text.find("\n", m.end(), m.end() + 2000)
        line_end = m.end() + 2000 if line_end < 0 else line_end
        value_end = min(value_end, len(text) if line_end < 0 else line_end)
        value = text[m.end():value_end]
        glued = re.search(r"(?<=[a-z.])About [A-Z]", value)  # "…UpdateAbout GeoVax": a section runs on
        if glued:
            value_end = m.end() + glued.start()
            value = value[:glued.start()]
        # "Abstract Number: 3041" then "Poster Number: 212": one entry's two numbers (the first
        # kept); the same label again starts the next entry
        word = m.group("key").split()[0].lower()
        if key == "formatted":
            if not (_QUOTED_START.match(text, m.end()) or _title_like(text[m.end():value_end])):
                continue  # "Poster: 1234" or a sentence: only a title makes the line an entry
            key = "title"
        starts_new = key == "title" and (current is None or current.title) or \
            key == "abstract" and current is not None and current.abstract and word == number_word
        if key == "abstract" and (current is None or starts_new or not current.abstract):
            number_word = word
        # "H.C. Wainwright Global Investment Conference  Speaker: … Date/Time: …": a meeting's
        # name heads a block of details without a title (a company's talk at a conference).
        headed = _meeting_head(text, m.start()) if key in ("presenter", "when", "format") else None
        if headed and (current is None or current.spans.get("meeting") != headed[1]):  # a new heading
            if current is not None:
                found.append((current, block_start, _line_before(text, block_start, m.start())))
            current, block_start = Presentation(meeting=headed[0], kind="oral"), headed[1][0]
            current.spans["meeting"] = headed[1]
            for key_, m_, end_ in pending:
                _label_value(current, key_, m_, text, end_, year)
            pending = []
        if key == "meeting" and not find_mentions(text, m.end(), value_end):
            continue  # "Event: Third Quarter Results Call": no meeting
        if key == "meeting" and current is not None and current.meeting and (current.title or current.starts_at):
            starts_new = True  # "Event: <next conference>" in a list of investor conferences
        if current is None and key not in ("title", "abstract", "meeting"):
            pending.append((key, m, value_end))  # "Session Title: …" above the talk's own title
            continue
        if starts_new or current is None:
            if current is not None:
                found.append((current, block_start, _line_before(text, block_start, m.start())))
                pending = []
            # the entry's line may lead in with its session ("* Poster Session 1 – Dr. X, Title: …")
            floor = max(found[-1][2] if found else 0, m.start() - 200)
            current, block_start = Presentation(), max(text.rfind("\n", floor, m.start()) + 1, floor)
            for key_, m_, end_ in pending:
                _label_value(current, key_, m_, text, end_, year)
            pending = []
        _label_value(current, key, m, text, value_end, year)
    if current is not None:
        end = text.find("\n\n", labels[-1].end()) if labels else -1
        found.append((current, block_start, len(text) if end < 0 else end))
    for p, start, end in found:
        _fill(p, text, start, end, year, kind=False)  # the block's heading says oral or poster
    return [f for f in found if f[0].title or f[0].abstract or f[0].meeting and f[0].starts_at]


def _title_like(value: str) -> bool:
    """A value that reads as a talk's title: no sentence, no date, not a number."""
    value = value.strip()
    return 20 <= len(value) <= 300 and value[0].isupper() and not SENTENCE.search(value) \
        and not DATE.search(value) and not value.endswith(".")


_QUOTED_START = re.compile(rf"\s*{quoted(10, 400, tail='[,.]?')}")


def _line_before(text: str, start: int, pos: int) -> int:
    """Where an entry's block ends: the line break before the next entry's label, if any."""
    cut = text.rfind("\n", start, pos)
    return cut if cut > start else pos


def _label_value(current: Presentation, key: str, m: re.Match, text: str, value_end: int, year: int | None) -> None:
    value = text[m.end():value_end]
    span = (m.end(), value_end)
    if key == "title":
        q = _QUOTED_START.match(value)
        if m.group("formatted"):  # "Oral: “Title” – Sunday, June 22, 2:15 p.m. CT"
            if q:
                value_end = m.end() + q.end()
                value = value[:q.end()]
            current.kind = current.kind or ("poster" if "poster" in m.group("key").lower() else "oral")
        title = value.strip().strip(QUOTES + " .")
        about = re.search(r"\s+About((?:\s+[A-Z][\w.&'’-]*){1,4})$", title)
        if about and re.match(r"\s*" + re.escape(about.group(1).strip()), text[value_end:value_end + 200]):
            title = title[:about.start()]  # "… Corporate Update About GeoVax": the About section's heading
        current.title = title
        current.spans["title"] = (m.end() + value.index(title[:5]) if title[:5] in value else m.end(), value_end)
        a = ABSTRACT.search(value)
        if a:
            current.title = clean(value[:a.start()]).strip(QUOTES + " .")
            group = "a" if a.group("a") else "b"
            current.abstract = a.group(group)
            current.spans["abstract"] = (m.end() + a.start(group), m.end() + a.end(group))
    elif key == "abstract" and current.abstract is None:
        a = re.match(r"\s*#?\s*([A-Z]{0,4}-?\d{1,6}(?:-?[A-Z]{1,3}(?![a-z]))?)", value)
        if a:
            current.abstract, current.spans["abstract"] = a.group(1), (m.end() + a.start(1), m.end() + a.end(1))
    elif key == "session" and not m.group("snum") and DATE.match(value.strip()):
        _label_value(current, "when", m, text, value_end, year)  # "Poster Session: Monday, June 2, …"
    elif key == "when":
        dated = current.starts_at
        _fill(current, text, m.end(), value_end, year)
        if dated and current.starts_at == dated and not DATE.search(text, m.end(), value_end):
            timed = add_time(dated, text, m.end(), value_end)  # "Date: June 5" then "Time: 10 a.m. ET"
            if timed:
                current.starts_at = timed
        rest = re.search(r"(?:[ap]\.?m\.?|\))\s*(?:\(?[A-Z]{2,4}\)?)?\s*,\s*(?P<room>(?:Rm|Room|Hall)\b[^,\n]*)", value, re.I)
        if rest and current.location is None:
            current.location = rest.group("room").strip()
            current.spans["location"] = (m.end() + rest.start("room"), m.end() + rest.end("room"))
    elif key == "meeting" and current.meeting is None:
        named = find_mentions(text, m.end(), value_end)  # "Event: Q3 Results Call" names none
        if named:
            current.meeting, current.spans["meeting"] = named[0].name, (named[0].start, named[0].end)
    elif key == "location":
        current.location, current.spans["location"] = clean(value), span
    elif key == "session":
        code = m.group("snum") or (re.match(r"([A-Z]{0,4}-?\d{1,4}[A-Z]?)\s*(?:[–:.-]\s|$)", value.strip()) or [None, None])[1]
        current.session, current.spans["session"] = (code, span) if code else (clean(value), span)
        if m.group("snum"):
            _fill(current, text, m.end(), value_end, year)
    elif key == "format" and current.kind is None:
        current.kind = _kind_word(value)
    if key == "title" and current.kind is None and "poster" in m.group("key").lower():
        current.kind = "poster"


MEETING_HEAD = re.compile(rf"(?P<m>[A-Z0-9][^\n:]{{2,140}}?\b{MEETING_WORD}(?:\s+(?:19|20)\d\d)?)\s*$")


_LABEL_LINE = re.compile(r"\s*(?:[-•*]\s+)?(?:\*\*|__)?[A-Z][A-Za-z#./&]*(?:[ \t]+[A-Za-z#./&]+){0,3}[ \t]*(?:\*\*|__)?:")


def _meeting_head(text: str, pos: int) -> tuple[str, Span] | None:
    """The meeting named just before a label, on its line or the line above."""
    line_start = max(text.rfind("\n", 0, pos) + 1, pos - 300) if "\n" in text[max(0, pos - 300):pos] \
        else max(0, pos - 300)
    head = text[line_start:pos]
    # "TD Cowen … Conference / Format: Fireside chat / Date: …": up past the block's other labels
    for _ in range(4):
        if head.strip() and not _LABEL_LINE.match(head):
            break
        above_end = line_start - 1
        while above_end > 0 and text[above_end - 1] == "\n":
            above_end -= 1
        if above_end <= 0:
            break
        line_start = max(text.rfind("\n", max(0, above_end - 300), max(0, above_end)) + 1, above_end - 300, 0)
        head = text[line_start:above_end]
    m = MEETING_HEAD.search(head)
    if not m:
        return None
    name = m.group("m").strip(" *-•")
    start = line_start + head.index(name)
    return name, (start, start + len(name))


_LABEL_WORD_LIST = (r"title|abstract|poster|presentation|publication|date|time|when|location|room|where|venue|"
                    r"session|presenter|speaker|author|webcast|link|event|conference|meeting|congress|format|type|board|oral|podium")
_LABEL_WORDS = re.compile("(?i)" + _LABEL_WORD_LIST)
_LABEL_WORDS_LOWER = re.compile(_LABEL_WORD_LIST)  # the same, over lower-cased text (folds_plainly)


def _label_lines(text: str):
    """Only lines with a colon and a label word can hold labels (scanning all is slow)."""
    out = []
    low = lowered(text) if folds_plainly(text) else None  # a plain search there: far faster
    for ln in lines(text):
        colon, seen = ln.text.find(":"), 0
        while colon >= 0 and seen < 400:  # a body that lost its line breaks is one long line
            seen += 1
            if _LABEL_WORDS_LOWER.search(low, ln.start + max(0, colon - 40), ln.start + colon) if low is not None \
                    else _LABEL_WORDS.search(ln.text, max(0, colon - 40), colon):
                out.append(ln)
                break
            colon = ln.text.find(":", colon + 1)
    return out


_ROW_START = re.compile(r"(?:Abstract|Poster)?\s*#?\s*[A-Z]{0,3}\d{3,5}(?:-[A-Z]{1,3})?")  # "1873-LB", "311-OR"
_FORMAT_CELL = re.compile(r"(?i)(?P<poster>(?:e-?)?poster(?: discussion)?|late-breaking poster)|(?P<oral>oral|podium|"
                          r"late-breaking oral|oral presentation)")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _schedule_rows(text: str, year: int | None) -> list[tuple[Presentation, int, int]]:
    """Rows of a schedule table that start with the abstract number."""
    rows = []
    lower = lowered(text)
    if "abstract" not in lower and "poster" not in lower:
        return rows
    all_lines = lines(text)
    starts = [i for i, ln in enumerate(all_lines) if _ROW_START.fullmatch(ln.text.strip())
              and not _YEAR.fullmatch(ln.text.strip())]
    # Bare numbers make rows only under a header that names them ("Abstract #", "Poster"):
    # a financial table's figures are numbers on their own lines too.
    if starts and not re.match(r"(?i)(?:abstract|poster)", all_lines[starts[0]].text.strip()):
        header = [ln.text.strip() for ln in all_lines[max(0, starts[0] - 8):starts[0]]]
        if not any(re.fullmatch(r"(?i)(?:abstract|poster)(?:\s*(?:#|no\.?|number))?", h) for h in header):
            return []
    for n, i in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else min(len(all_lines), i + (i - starts[n - 1] if n else 12))
        block = [ln for ln in all_lines[i + 1:stop] if ln.text.strip()]
        if not block:
            continue
        p = Presentation()
        number = re.search(r"[A-Z]{0,3}\d{3,5}(?:-[A-Z]{1,3})?", all_lines[i].text)
        p.abstract = number.group(0)
        p.spans["abstract"] = (all_lines[i].start + number.start(), all_lines[i].start + number.end())
        titles = [ln for ln in block if len(ln.text) > 40 and not DATE.match(ln.text)]
        if not titles:
            continue
        title = titles[0]
        p.title, p.spans["title"] = title.text.strip(), (title.start, title.end)
        dated = next((ln for ln in block[:3] if DATE.match(ln.text.strip())), None)
        if dated:
            when = _when(text, dated.start, dated.end, year)
            if when:
                p.starts_at, p.spans["starts_at"] = when
        fmt = next((f for f in (_FORMAT_CELL.fullmatch(ln.text.strip()) for ln in block[:4]) if f), None)
        if fmt:  # a cell that is only a format word ("Poster", "Oral")
            p.kind = "poster" if fmt.group("poster") else "oral"
        rows.append((p, all_lines[i].start, block[-1].end))
    return rows if len(rows) >= 2 else []


_COLUMNS = (("abstract", re.compile(r"(?i)abstract|poster\s*(?:#|no|number|id)|publication|number|#|id$|^no\.?$")),
            ("title", re.compile(r"(?i)title")), ("when", re.compile(r"(?i)date|time|when")),
            ("location", re.compile(r"(?i)location|room|hall|board")), ("session", re.compile(r"(?i)session")),
            ("kind", re.compile(r"(?i)format|type")))
_CELL_CODE = re.compile(r"#?\s*([A-Z]{0,4}-?\d{1,6}(?:-?[A-Za-z]{1,3})?)")


def _columns(header: list[str]) -> dict[str, int]:
    """What each column of a table's header holds: the first match per cell, title first."""
    cols: dict[str, int] = {}
    for n, cell in enumerate(header):
        for name, pattern in sorted(_COLUMNS, key=lambda c: c[0] != "title"):
            if name not in cols and pattern.search(cell):
                cols[name] = n
                break
    return cols


def _pipe_rows(text: str, year: int | None, start: int, end: int) -> list[tuple[Presentation, int, int]]:
    """Rows of a Markdown table ("| Abstract | Title | Date and Time |") whose header names a title."""
    rows: list[tuple[Presentation, int, int]] = []
    if text.find("\n|", start, end) < 0 and text.find("\t", start, end) < 0:
        return rows
    cols: dict[str, int] = {}
    for ln in lines(text):
        if not start <= ln.start < end:
            continue
        line = ln.text.strip()
        if not line:
            continue  # an HTML table's rows come apart by blank lines
        if line.startswith("|") and line.endswith("|"):
            cells = [c.strip() for c in line[1:-1].split("|")]
        elif line.count("\t") >= 2:  # an HTML table: cells by tabs
            cells = [c.strip() for c in line.split("\t")]
        else:
            cols = {}
            continue
        if not cols:
            cols = _columns(cells) if any(re.search(r"(?i)title", c) for c in cells) else {}
            continue
        if all(re.fullmatch(r":?-{2,}:?", c) or not c for c in cells) or "title" not in cols or len(rows) >= MAX_ITEMS:
            continue
        p = _pipe_row(text, ln.start, cells, cols, year)
        if p.title:
            rows.append((p, ln.start, ln.end))
    return rows


def _pipe_row(text: str, at: int, cells: list[str], cols: dict[str, int], year: int | None) -> Presentation:
    p = Presentation()
    cell = lambda name: cells[cols[name]] if name in cols and cols[name] < len(cells) else ""
    title = cell("title").strip(QUOTES + " *")
    if 10 <= len(title) <= 400:
        pos = text.find(title, at)
        p.title, p.spans["title"] = title, (pos, pos + len(title))
    code = _CELL_CODE.fullmatch(cell("abstract"))
    if code:
        p.abstract = code.group(1)
    if cell("when"):
        when = _when(cell("when"), 0, len(cell("when")), year)
        if when:
            p.starts_at = when[0]
    p.location = cell("location") or None
    p.session = cell("session") or None
    p.kind = _kind_word(cell("kind")) if cell("kind") else None
    return p


THIS_STUDY = re.compile(r"\bThis (?:study|trial|analysis|abstract|research|presentation),\s+(?P<t>[A-Z][^.\n]{20,300}?)"
                        r"(?:\s+\([^()\n]{1,40}\))?,\s+(?:is|was|were|will|which|has|shows?|showed|found|evaluat\w+)\b")
PRESENT_CUE = re.compile(r"(?i)\bpresent(?:ed|s|ing|ation)\b")


def _this_study_matches(text: str, start: int, end: int) -> list[re.Match]:
    """THIS_STUDY's matches in text[start:end], tried only at each "This " (every match opens so;
    "\\b" still sees the text before the position): a leading "\\b" makes `re` try every position."""
    found, last = [], start
    at = text.find("This ", start, end)
    while at >= 0:
        m = THIS_STUDY.match(text, at, end) if at >= last else None
        if m:
            found.append(m)
            last = m.end()
        at = text.find("This ", at + 1, end)
    return found


def _this_study(text: str, year: int | None, start: int, body_end: int) -> list[tuple[Presentation, int, int]]:
    """"This study, <title>, is a phase 3 trial …" in a release that speaks of presenting it:
    the study's title is the talk's."""
    found = []
    for m in _this_study_matches(text, start, body_end):
        if PRESENT_CUE.search(text, start, body_end):
            p = Presentation(title=m.group("t").strip())
            p.spans["title"] = m.span("t")
            found.append((p, m.start(), m.end()))
    return found[:1]


_GIVES_TALK = re.compile(r"(?i)\b(?:deliver|give|host|contribute to|participate in)(?:s|ing)?\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:presentation|talk|lecture|panel|workshop)\b")


class _Apposed:
    """A title set beside its talk's noun, read as a TITLED match: the quoted title's group, the
    abstract number ("abs") between them, where it starts and ends."""

    def __init__(self, head: re.Match, quote: re.Match):
        self.head, self.quote = head, quote

    def groupdict(self) -> dict:
        return {**self.quote.groupdict(), "abs": self.head.group("abs")}

    def group(self, key):
        return self.head.group("abs") if key == "abs" else self.quote.group(key)

    def span(self, key):
        return self.head.span("abs") if key == "abs" else self.quote.span(key)

    def start(self) -> int:
        return self.head.start()

    def end(self) -> int:
        return self.quote.end()


def _apposed(text: str, start: int, end: int) -> list[_Apposed]:
    """Found from each comma before a quote (a scan for the nouns would try every position)."""
    found = []
    for c in _COMMA_QUOTE.finditer(text, start, end):
        head = APPOSED_HEAD.search(text, max(start, c.start() - 40), c.end() - 1)
        quote = head and APPOSED_TITLE.match(text, c.end() - 1, end)
        if quote:
            found.append(_Apposed(head, quote))
    return found


def _prose(text: str, year: int | None, start: int, body_end: int,
           dated: bool = True) -> list[tuple[Presentation, int, int]]:
    found = _this_study(text, year, start, body_end)
    titled = list(TITLED.finditer(text, start, body_end)) if "titled" in text or "the title" in text else []
    for m in sorted(titled + _apposed(text, start, body_end), key=lambda m: m.start()):
        floor = max(0, m.start() - 600)
        sentence_start = max(floor, text.rfind("\n", floor, m.start()) + 1, text.rfind(". ", floor, m.start()) + 2)
        context = text[sentence_start:m.quote.start() if isinstance(m, _Apposed) else m.start()]
        if not re.search(r"(?i)presentation|poster|abstract|talk|lecture|session|panel|workshop|fireside chat|keynote|present(?:ed|s|ing)?\b", context):
            continue
        end = text.find("\n", m.end(), m.end() + 1000)
        end = min(len(text), m.end() + 1000) if end < 0 else end
        kinds = ["poster" if w.group("poster") else "oral" for w in KIND.finditer(context)] or [None]
        after = text[m.end():min(end, m.end() + 300)]
        if kinds == [None] and PERSON_PRESENTS.search(text, floor, m.start()):
            kinds = ["oral"]  # "their CEO, Jane Doe, will present a session … titled"
        if kinds == [None] and re.search(r"\bby\s+(?:Dr\.?\s+)?[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+", re.split(r"(?<![A-Z])\.\s", after, maxsplit=1)[0]):
            kinds = ["oral"]  # "… is being delivered … by Jane Doe, M.D."
        if kinds == [None] and _GIVES_TALK.search(context):
            kinds = ["oral"]  # "the company will deliver a live presentation … titled"
        for kind in dict.fromkeys(kinds):
            group = next(g for g in m.groupdict() if m.group(g) is not None and g != "abs")
            p = Presentation(title=m.group(group).strip(), kind=kind)
            p.spans["title"] = m.span(group)
            if m.groupdict().get("abs"):
                p.abstract, p.spans["abstract"] = m.group("abs"), m.span("abs")
            _fill(p, text, m.end(), end, year)
            if p.starts_at is None:  # "On Sunday, June 22, from 12:30 to 1:30 p.m. CDT, the team will present … titled"
                s = sentence_at(text, m.start(), floor, m.start())[0]
                d = next((d for d in DATE.finditer(text, s, m.start()) if not is_range(text, d)), None)
                # a day without its year takes the release's, when the release is dated
                when = d and (dated or _YEAR.search(d.group(0))) and find_when(text, d.start(), m.start(), year, floor=s)
                if when:
                    p.starts_at, p.spans["starts_at"] = when
            r = PROSE_ROOM.search(text, sentence_at(text, m.start(), floor, m.start())[0], m.start())
            if p.location is None and r:  # "will deliver a live presentation in the Innovation Hub titled …"
                p.location, p.spans["location"] = r.group("r"), r.span("r")
            found.append((p, sentence_start, end))
    return found


# "will present new data at …": a scientific presentation, told by the prose readings
_DATA_TALK = re.compile(r"(?i)\b(?:data|results|findings|posters?|abstracts?|stud(?:y|ies)|analys[ie]s)\b")


def _investor_talk(text: str, release: Release, year: int | None, lead: int) -> list[tuple[Presentation, int, int]]:
    head = release.spans.get("headline", (0, 0))
    body = max(lead, head[1]) if head[0] >= lead else lead  # the body says when; the headline seldom
    for start, end in ((body, min(len(text), body + 1200)), head):
        if not any(text.find(verb, start, end) >= 0 for verb in _TALK_VERBS):
            continue  # INVESTOR_TALK opens with "\b" (tried at every position) and needs one of these
        for m in INVESTOR_TALK.finditer(text, start, end):
            if re.search(r"(?i)conference call|webcast|earnings|webinar|results", m.group("m")) \
                    or meetings_only(text[m.start():m.end()]) or _DATA_TALK.search(text, m.start(), m.start("m")):
                continue
            p = Presentation(meeting=m.group("m").strip(), kind="oral")
            p.spans["meeting"] = m.span("m")
            stop = text.find("\n", m.end())
            _fill(p, text, m.start("m"), len(text) if stop < 0 else stop, year)
            p.kind = "oral"
            return [(p, m.start(), m.end())]
    return []


# a sentence of the lead that tells when the talk is ("Mr. Doe will present at 3:40 pm ET on
# Wednesday, April 16"; "The presentation is scheduled for Mon., June 16 at 5:00 p.m.")
_TALK_SENTENCE = re.compile(r"(?i)\b(?:present(?:s|ing|ation)?|fireside|chat|panel|discussion|talk|keynote|speak|scheduled)\b")
_NOT_WHEN = re.compile(r"(?i)\b(?:replay|archived?|until|through|one-on-one|1x1|conference call|earnings|quarter)\b")


def _lead_when(p: Presentation, text: str, lead: int, year: int | None, meetings: Meetings,
               reach: int = 1500) -> None:
    """The day and time (and room) of a release's one talk, told in a sentence of the lead that
    speaks of the talk and names no other meeting; a time found there completes a bare day of
    the same date."""
    if p.starts_at and len(p.starts_at) > 10:
        return
    stop = min(len(text), lead + reach)
    pos = lead
    while pos < stop:
        s, e = sentence_at(text, pos, pos, stop)
        pos = e + 1
        if not _TALK_SENTENCE.search(text, s, e) or _NOT_WHEN.search(text, s, e):
            continue
        if any(s <= m.start < e and (p.meeting or "") not in m.name and m.name not in (p.meeting or "")
               for m in meetings.mentions):
            continue  # another meeting's sentence
        d = next((d for d in DATE.finditer(text, s, e) if not is_range(text, d)), None)
        if d is None:
            continue
        when = find_when(text, d.start(), e, year, floor=s)
        if when and (p.starts_at is None or when[0].startswith(p.starts_at)):
            p.starts_at, p.spans["starts_at"] = when
            r = ROOM.search(text, s, e)
            if p.location is None and r:
                p.location, p.spans["location"] = r.group("r").strip(), r.span("r")
        return


MAX_ITEMS = 200  # more talks than any release lists: past it the text is no release

FRONT_MATTER = re.compile(r"\A---\n(?:[^\n]*\n){1,80}?---\n")


def _body_start(text: str) -> int:
    """Past a page's front matter ("---\ntitle: ...\n---"): its keys are no labels."""
    m = FRONT_MATTER.match(text)
    return m.end() if m else 0


def _merge(first: list[tuple[Presentation, int, int]], more: list[tuple[Presentation, int, int]]) -> list:
    """Entries from another reading, unless they repeat an abstract number or a title."""
    def key(p: Presentation) -> str | None:
        return squash(p.abstract) if p.abstract else squash(p.title) if p.title else None

    have = {key(p): p for p, _, _ in first if key(p)}
    out = list(first)
    for entry in more:
        k = key(entry[0])
        if k is None or k not in have:
            out.append(entry)
            if k:
                have[k] = entry[0]
        else:  # the same talk read twice: the second reading fills what the first lacks
            complete(have[k], entry[0])
    return sorted(out, key=lambda e: e[1])


_TAB_LABEL = re.compile(r"^[ \t]*(?:[A-Z][\w#./&]*(?: [\w#./&]+){0,3})(?P<tab>\t)(?=[^\t\n]+$)", re.M)


def _tab_labels(text: str, start: int, end: int) -> str:
    """An HTML table of two columns ("Title<TAB>…", "Abstract Number<TAB>4021") read as labelled
    lines: each label's tab becomes a colon, so every offset stays the same."""
    if text.find("\t", start, end) < 0:
        return text
    chars = None
    for m in _TAB_LABEL.finditer(text, start, end):
        if _LABEL_WORDS.search(m.group(0)):
            chars = chars or list(text)
            chars[m.start("tab")] = ":"
    return "".join(chars) if chars else text


def _outside(more: list[tuple[Presentation, int, int]], blocks: list[tuple[Presentation, int, int]]) -> list:
    """Numbered entries, less a second number inside a labelled entry's block ("Abstract
    Number: 3041" then "Poster Number: 212" are one poster's)."""
    def inside(p: Presentation) -> bool:
        a = p.spans.get("abstract", (-1, -1))[0]
        return any(b.abstract and squash(b.abstract) != squash(p.abstract or "") and lo <= a < hi for b, lo, hi in blocks)

    return [e for e in more if not inside(e[0])]


def _outside_blocks(more: list[tuple[Presentation, int, int]], blocks: list[tuple[Presentation, int, int]]) -> list:
    """Entries whose title lies in no other entry's passage."""
    def inside(p: Presentation) -> bool:
        t = p.spans.get("title", (-1, -1))[0]
        return any(lo <= t < hi or b.spans.get("title", (-2, -2))[0] == t for b, lo, hi in blocks)

    return [e for e in more if e[0].title and not inside(e[0])]


def _subheading(text: str, floor: int, at: int, reach: int = 40) -> str:
    """The short heading line a list of talks sits under ("Ruxolitinib (Jakafi): Myelofibrosis")."""
    pos = max(text.rfind("\n", max(floor, at - 300), at) + 1, at - 300) if at else 0
    for _ in range(reach):
        if pos <= floor:
            return ""
        prev = max(text.rfind("\n", max(floor, pos - 2000), pos - 1) + 1, pos - 2000)
        line = text[prev:pos].strip()
        pos = prev
        if 3 <= len(line) <= 80 and not line.endswith(".") and not MARKER.search(line):
            return line
    return ""


def extract_presentations(text: str, release: Release, compounds: list[Compound],
                          sections: Sections) -> list[Presentation]:
    year = int(release.date[:4]) if release.date else default_year(text)
    start, end = _body_start(text), sections.body_end
    dateline = [release.spans[k][0] for k in ("company", "city", "date") if k in release.spans]
    lead = max(start, min(dateline) if dateline else release.spans.get("headline", (0, 0))[0])
    head_end = release.spans.get("headline", (0, 0))[1]
    if lead > head_end + 1500:  # an issuer found only in a closing paragraph is no dateline
        lead = max(start, head_end)
    meetings = Meetings(find_mentions(text, start, end), release.spans.get("headline", (0, 0)), lead)
    view = _tab_labels(text, start, end)  # the same offsets: spans found in it hold for the text
    labelled = _labelled(view, year, start, end) + _pipe_rows(text, year, start, end)
    if not meetings and all(p.meeting is None for p, _, _ in labelled) \
            and not _investor_talk(text, release, year, lead):
        # No meeting named in the text (most releases): an entry is kept only when its own block
        # names one (a labelled block's heading or "Event:" line) or it is a talk "at" a named
        # event (_investor_talk). The other readings (numbered, schedule rows, prose) never set
        # a meeting, and the entries left without one are dropped below: none would be kept.
        return []
    found = _merge(labelled, _outside(numbered(view, start, end, year), labelled))[:MAX_ITEMS]
    if not found:
        found = _schedule_rows(text, year) or _prose(text, year, start, end, bool(release.date))
    elif len(found) < 3:  # a labelled talk among others told in prose ("The presentation, titled “…”, was given by …")
        found = _merge(found, _outside_blocks(_prose(text, year, start, end, bool(release.date)), found))
    if not found:
        found = _named_talk(_investor_talk(text, release, year, lead), meetings)
        if meetings:  # the prose may tell of other meetings besides the investor talk's
            talked = {p.meeting for p, _, _ in found}
            found += [f for f in prose_mentions(text, start, end, meetings, year, release.date,
                                                lambda words: _compounds_in(words, compounds),
                                                release.spans.get("date", (0, 0))[1])
                      if f[0].meeting not in talked]
            found.sort(key=lambda f: f[1])
        if len(found) == 1:
            _lead_when(found[0][0], text, max(lead, release.spans.get("date", (0, 0))[1]), year, meetings)
    # a release about one meeting that speaks of one format only ("a poster will be
    # presented …") gives it to the talks it does not describe one by one
    formats = {"poster" if m.group("poster") else "oral" for m in _kinds(text, start, end)} if found else set()
    posters = {m.group(1) for m in POSTER_NUMBER.finditer(text, start, end)} if any(p.abstract for p, _, _ in found) else set()
    codes = {squash(p.abstract) for p, _, _ in found if p.abstract}
    prosed = not labelled and not any(p.title or p.abstract for p, _, _ in found)
    out = []
    for p, at, stop in found:
        if p.meeting is None and meetings:
            anchor = min((sp[0] for sp in p.spans.values()), default=at)
            p.meeting, p.spans["meeting"] = meetings.near(anchor) if anchor else meetings.fullest(meetings.primary)
        if p.meeting is None:
            continue  # a presentation is at a named meeting
        _kind_for(p, text, start, at, stop, posters)
        _compounds_for(p, text, start, at, stop, release, compounds, codes)
        if p.starts_at is None and release.date and _TODAY.search(text, lead, lead + 1500):
            p.starts_at = release.date
        out.append(p)
    if out and not prosed and meetings:  # talks told one by one, and other meetings' told in prose
        for p, at, stop in _other_meetings(out, prose_mentions(text, start, end, meetings, year, release.date,
                                                               lambda words: _compounds_in(words, compounds),
                                                               release.spans.get("date", (0, 0))[1]), meetings):
            _kind_for(p, text, start, at, stop, posters)
            _compounds_for(p, text, start, at, stop, release, compounds, codes)
            out.append(p)
    if len(out) == 1:
        _abstract_link(out[0], text, start, end)
        _only_drug(out[0], compounds)
    if len(formats) == 1 and len({p.meeting for p in out}) == 1:
        for p in out:
            p.kind = p.kind or next(iter(formats))
    if out and _meetings_only(out, text, start, end):
        return []
    return _unquoted_titles(_counted(out, text, start, end, meetings), text, start, end)


# "will attend and host meetings at …", "available throughout the day to meet with investors":
# a company at a meeting for one-on-ones and partnering gives no talk
ONE_ON_ONES = re.compile(r"(?i)\b(?:one-on-one|1-on-1|1x1|one on one|host(?:ing)? (?:investor |partnering )?meetings|"
                         r"available (?:\w+ ){0,4}to meet|partnering meetings)\b")
TALK_WORD = re.compile(r"(?i)\b(?:present(?:s|ed|ing|ation|ations)?|fireside|keynote|lecture|talk|chat|podium|posters?|"
                       r"abstracts?|webcast|panel(?:ist)?s?(?! discussions)|speak(?:s|ing|er)?(?! only))\b")


def _meetings_only(out: list[Presentation], text: str, start: int, end: int) -> bool:
    """Untold entries of a release that speaks of one-on-one meetings and of no talk at all."""
    return not any(p.title or p.abstract or p.starts_at and "T" in p.starts_at for p in out) \
        and bool(ONE_ON_ONES.search(text, start, end)) and not TALK_WORD.search(text, start, end)


# "The study, titled A Mechanism of …, demonstrates", "The presentations, titled X, and Y, were
# delivered by …": a title set off by "titled" and commas, unquoted; the verb after it ends it
UNQUOTED_TITLED = re.compile(
    r"\b[Tt]he (?:(?P<many>presentations|posters|studies|abstracts|talks)|presentation|poster|study|abstract|talk|lecture),"
    r"\s+(?:en)?titled\s+(?P<t>[A-Z0-9][^“”\"\n;]{15,700}?),\s+(?=(?:were|was|is|are|will|demonstrate[sd]?|show(?:s|ed)?|"
    r"highlight(?:s|ed)?|describe[sd]?|report(?:s|ed)?|present(?:s|ed)?|evaluate[sd]?|examine[sd]?)\b)")


def _unquoted_titles(out: list[Presentation], text: str, start: int, end: int) -> list[Presentation]:
    """Untitled entries take the unquoted titles a sentence gives them, one each, in order."""
    untitled = [p for p in out if p.title is None]
    if not untitled or "titled" not in text:
        return out
    for m in islice(UNQUOTED_TITLED.finditer(text, start, end), 5):
        titles = m.group("t").split(", and ") if m.group("many") else [m.group("t")]
        if len(titles) != len(untitled) or any(len(t) < 15 or not t[:1].isupper() for t in titles):
            continue  # which title is whose?
        for p, t in zip(untitled, titles):
            p.title = clean(t.removeprefix("and ").strip())
        break
    return out


# "will present four posters at …", "three abstracts … accepted for presentation at …",
# "presented in two oral presentations at …": one entry per poster or talk (bare
# "presentations" is left out: "as part of six presentations from X" counts other talks too)
COUNT = re.compile(r"(?i)\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|[2-9])\s+(?:new\s+|additional\s+|scientific\s+)?"
                   r"(?P<k>(?:e-?)?posters|(?:e-?)?poster presentations|oral presentations|podium presentations|abstracts)\b")
_COUNTED_NOUN = re.compile(r"(?:osters|resentations|bstracts)\b")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _counted(out: list[Presentation], text: str, start: int, end: int, meetings: Meetings) -> list[Presentation]:
    """Untitled talks a sentence counts at its one meeting, told no further: as many entries."""
    if not out or len(out) > 3 or not any(p.title is None and p.abstract is None for p in out):
        return out
    for noun in islice(_COUNTED_NOUN.finditer(text, start, end), 40):  # a literal scan, then the count before it
        m = COUNT.search(text, max(start, noun.start() - 45), noun.end())
        if m is None or m.end() != noun.end():
            continue
        floor = max(start, m.start() - 400)
        s0 = max(floor, text.rfind(". ", floor, m.start()) + 2, text.rfind("\n", floor, m.start()) + 1)
        stops = [i for i in (text.find(". ", m.end(), m.end() + 400), text.find("\n", m.end(), m.end() + 400)) if i >= 0]
        s1 = min(stops) if stops else min(end, m.end() + 400)
        named = [x for x in meetings.mentions if s0 <= x.start < s1]
        if not named and text[s0 - 2:s0] == ". ":  # "… presented at X. Two posters highlighted …"
            p0 = max(start, text.rfind(". ", max(start, s0 - 400), s0 - 2) + 2, text.rfind("\n", max(start, s0 - 400), s0) + 1)
            named = [x for x in meetings.mentions if p0 <= x.start < s0]
        if not named or any(not x.same_meeting(named[0]) for x in named) or len(COUNT.findall(text, s0, s1)) > 1:
            continue  # no meeting, or several: whose talks are counted?
        group = [p for p in out if p.meeting and any(x.same_meeting(named[0]) for x in meetings.mentions
                                                     if x.name == p.meeting)]
        if not group or any(p.title or p.abstract for p in group):
            continue  # told one by one: those entries are the count's
        word = m.group("n").lower()
        kind = "poster" if "poster" in m.group("k").lower() else "oral" if "oral" in m.group("k").lower() \
            or "podium" in m.group("k").lower() else None
        for p in group:
            p.kind = kind or p.kind
        model = group[0]
        for _ in range(_NUMBERS.get(word, int(word) if word.isdigit() else 0) - len(group)):
            out.insert(out.index(model) + 1, replace(model, compounds=list(model.compounds), spans=dict(model.spans)))
    return out


def _other_meetings(out: list[Presentation], more: list[tuple[Presentation, int, int]],
                    meetings: Meetings) -> list[tuple[Presentation, int, int]]:
    """Prose presentations at meetings none of ``out`` is at ("data presented at EHA 2025"
    beside a titled talk at AAI)."""
    at_span = {(m.start, m.end): m for m in meetings.mentions}
    have = [at_span[p.spans["meeting"]] for p in out if p.spans.get("meeting") in at_span]
    if len(have) < len(out):
        return []  # a meeting we cannot place: better none than a twin
    return [(p, a, b) for p, a, b in more if p.spans.get("meeting") in at_span
            and not any(at_span[p.spans["meeting"]].same_meeting(h) for h in have)]


def _only_drug(p: Presentation, compounds: list[Compound]) -> None:
    """A release's one data presentation, told without a title or a drug near it, is about the
    release's one drug (a company's own talk, at an investor conference or a panel, is about the
    company)."""
    if not p.compounds and not p.title and len(compounds) == 1 and p.kind != "oral" \
            and not is_investor_meeting(p.meeting or ""):
        p.compounds = [compounds[0].name]


# "Link to poster abstract DP3", "view the abstract MP32 on the ePoster site": a society's
# release points to its one study's abstract (a number of digits only must not be a year)
ABSTRACT_LINK = re.compile(r"[Aa]bstract\s+#?\s*(?P<a>[A-Z]{1,5}-?\d{1,6}[A-Z]?|(?!(?:19|20)\d\d\b)\d{1,6})\b(?!\s*:)")
_LINK_BEFORE = re.compile(r"(?i)\b(?:link to|view|see|read)\s+(?:the\s+)?(?:(?P<poster>e-?poster|poster)\s+)?$")


def _abstract_link(p: Presentation, text: str, start: int, end: int) -> None:
    if p.abstract is not None or text.find("bstract", start, end) < 0:
        return
    links = [(m, b) for m in ABSTRACT_LINK.finditer(text, start, end)
             for b in [_LINK_BEFORE.search(text, max(start, m.start() - 30), m.start())] if b]
    if len({m.group("a") for m, _ in links}) != 1:
        return  # none, or several studies' abstracts: which one is this talk's?
    m, before = links[0]
    p.abstract, p.spans["abstract"] = m.group("a"), m.span("a")
    line = text[text.rfind("\n", 0, m.start()) + 1:m.end() + 200].split("\n")[0]
    if p.kind is None and (before.group("poster") or re.search(r"(?i)\be-?poster", line)):
        p.kind = "poster"


_TODAY = re.compile(r"(?i)\b(?:presented|presents|presenting|presentation) today\b|\btoday (?:presented|presents)\b")


_PLURAL = re.compile(r"(?i)\b(?:conferences|meetings|events|congresses|symposia|summits)\b")


_KIND_WORDS = ("poster", "oral", "podium", "plenary", "keynote", "lecture")


def _kinds(text: str, start: int, end: int) -> list[re.Match]:
    """KIND's matches in text[start:end], as finditer finds them. KIND is case-blind and opens with
    "\\b", so `re` tries it at every position; where the text folds plainly (folds_plainly), it is
    tried only at its words in the lower-cased text (and at the "e-" of "e-poster")."""
    if not folds_plainly(text):
        return list(KIND.finditer(text, start, end))
    low = lowered(text)
    starts = set()
    for word in _KIND_WORDS:
        for at in find_all(low[start:end], word):
            at += start
            starts.add(at)
            if word == "poster":
                starts.update(p for p in (at - 1, at - 2) if p >= start and low.startswith("e", p))
    found, last = [], start
    for at in sorted(starts):
        m = KIND.match(text, at, end) if at >= last else None
        if m:
            found.append(m)
            last = m.end()
    return found


def _named_talk(found: list[tuple[Presentation, int, int]], meetings: Meetings) -> list[tuple[Presentation, int, int]]:
    """An investor talk keeps the meeting's fullest name; without a named meeting it is none."""
    if not found:
        return found
    talk = found[0][0]
    if _PLURAL.search(talk.meeting or ""):
        return []  # "to Present at Upcoming Investor Conferences": the prose names each one
    a, b = talk.spans["meeting"]
    named = next((m for m in meetings.mentions if m.start < b and a < m.end), None)
    if named is not None or meetings and not is_meeting_name(talk.meeting):
        talk.meeting, talk.spans["meeting"] = meetings.fullest(named or meetings.primary)
    elif not is_meeting_name(talk.meeting):
        return []  # "will participate in a webinar hosted by …": no named meeting
    return found


def _kind_for(p: Presentation, text: str, start: int, at: int, stop: int, posters: set[str]) -> None:
    """Oral or poster from, in turn: a heading above, the entry's own words, a poster number,
    an investor conference (a company's talk there is given by its management)."""
    if p.kind is None and at:
        p.kind = heading_kind(text, start, max(text.rfind("\n", max(0, at - 300), at) + 1, at - 300), reach=6)
    if p.kind is None:
        block = text[at:stop][:400]
        p.kind = kind_of(block) or ("oral" if re.search(r"(?i)\b(?:speaker|presenter)\s*:", block) else None)
    if p.kind is None and p.abstract and p.abstract in posters:
        p.kind = "poster"
    if p.kind is None and is_investor_meeting(p.meeting or ""):
        p.kind = "oral"


def _compounds_for(p: Presentation, text: str, start: int, at: int, stop: int, release: Release,
                   compounds: list[Compound], codes: set[str]) -> None:
    """The drugs a talk's title (and the list's subheading) names; for an untitled talk, those
    of its passage, else of the heading above and the headline."""
    scope = p.title + " " + _subheading(text, start, at) if p.title else text[at:stop] or (release.headline or "")
    p.compounds = [c for c in _compounds_in(scope, compounds) if squash(c) not in codes]
    if not p.compounds and not p.title:
        heading = " ".join(ln for ln in text[max(start, at - 300):at].split("\n")[-4:] if ln.strip())[-200:] if at else ""
        # "These results, presented at …": the sentence before tells whose results
        before = text[sentence_at(text, at - 2, max(start, at - 500), at)[0]:at] if at > start + 2 and _BACK_REFERENCE.match(text, at) else ""
        p.compounds = _compounds_in(before, compounds) or _compounds_in(heading + " " + (release.headline or ""), compounds)


_BACK_REFERENCE = re.compile(r"\s*(?:These|The|Those|Such)\s+(?:results|data|findings)\b")


def _compounds_in(scope: str, compounds: list[Compound]) -> list[str]:
    """The compounds a title names; a drug named only inside another's combination name,
    or given alongside the company's own candidate, is not what the talk is about."""
    key = squash(scope)
    hits = [c for c in compounds if any(len(n) > 2 and squash(n) in key for n in c.all_names())]
    def matched(c: Compound) -> list[str]:
        return [squash(n) for n in c.all_names() if len(n) > 2 and squash(n) in key]

    hits = [c for c in hits if not any(
        all(any(n in m and n != m for m in matched(o)) for n in matched(c)) for o in hits if o is not c)]
    return [c.name for c in hits]
