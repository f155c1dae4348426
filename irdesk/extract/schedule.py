"""Presentations that carry their own number: "Title (Abstract #168)", "Title. Abstract ID#: 952
– Poster Presentation, Dec. 7, 2019, 5:30 – 7:30 p.m. EST, Hall B", "[P1806 – October 23 (Wed),
2019, 09:00-14:00 CET, Poster Exhibition Hall 7]", "Title (Moderated Poster Presentation MP21)".

The number anchors an entry; the title is what precedes it on its line (or follows it, when the
number leads the line: "#1378: Title", "Abstract S215: Title") (when that reads as a
title, not a sentence); the details follow it; a heading above ("Oral Presentations", "Poster
Sessions") gives the kind to everything under it; a note naming several numbers ("MP-21 and
MP-19 in Session MPS04 are both at 9:55 a.m. CT on ...") gives them its session and time.
"""

from __future__ import annotations

import re
from itertools import islice

from .dates import DATE, find_when
from .model import Presentation
from .quotes import inner, quoted
from .textutil import QUOTES

CODE = r"(?:[A-Z]{1,4}-?|e)?\d{1,5}[A-Z]?(?![\w-])"
MARKER = re.compile(
    rf"\((?:(?:Late[- ]Breaking|LBA)\s+)?(?:Abstract|Abs\.|Poster|Presentation|Publication)\s*(?:ID\s*)?(?:#|No\.?|Number)?"
    rf"\s*:?\s*#?\s*(?P<a>{CODE})(?=\s*[,;)])"
    rf"|(?<![\w(])(?:Abstract|Poster|Presentation|Publication)\s*(?:ID\s*)?(?:#|No\.|Number)\s*:?\s*#?\s*(?P<b>{CODE})"
    rf"|\[(?P<c>[A-Z]{{1,3}}\d{{2,5}})\s*[–-]\s*(?=[^\]\n]{{0,40}}\b(?:19|20)\d\d)"
    rf"|\((?:Moderated |Mini[- ]Oral |Oral |E-?|Rapid |Late[- ]Breaking )?(?:Poster|Oral)(?: Discussion)?(?: Presentation)?\s+"
    rf"(?P<d>[A-Z]{{1,4}}-?\d{{1,5}})\)"
    # "Moderated Poster Presentation MP11 in Session MPS02 … is Friday, …": a format names the
    # number without "#"; a letter prefix keeps years and counts ("Oral Presentation 2025") out
    rf"|(?<![\w(])(?:(?:Moderated|Rapid|Late[- ]Breaking|E-?)\s+)?(?:Poster|Oral)(?: Discussion)?\s+Presentation\s+"
    rf"(?P<f>[A-Z]{{1,4}}-?\d{{1,5}}[A-Z]?)(?![\w-])")
# A literal each MARKER match holds, at most 11 characters ("(Moderated ") from its start: plain
# alternatives scan fast, so this finds where MARKER can first match (most releases have none).
MARKER_LITERAL = re.compile(r"Abs|Poster|Presentation|Publication|Oral|Late|LBA|\[")
# "#1378: Title …" / "Abstract #88 – Title …": the number leads its line, the title follows
LEADING = re.compile(rf"\n[ \t]*(?:[-•*·▪][ \t]+)?(?:(?:Abstract|Poster|Publication)(?:\s*(?:#|No\.|Number|ID))?[ \t]*#?|#)"
                     rf"[ \t]*(?P<e>(?=[A-Z]{{0,4}}-?\d)[A-Za-z]{{0,4}}-?\d{{1,5}}[A-Za-z]{{0,2}})[ \t]*(?::|[–-][ \t])"
                     rf"(?=[ \t]*[A-Z“\"])")
# "oral" alone is as often a route ("oral zelenirstat"): it names a format only before one.
KIND = re.compile(r"(?i)\b(?:(?P<poster>(?:e-?)?posters?)|(?P<oral>oral(?=\s+(?:and\s+poster\s+)?(?:presentations?|sessions?|"
                  r"abstracts?|talks?|communications?|podium))|podium|plenary|keynote|lecture))\b")
HEADING_KIND = re.compile(r"(?i)^\W{0,3}(?:[\w-]+\s+){0,4}(?:(?P<poster>(?:e-?)?posters?)|(?P<oral>oral|podium|plenary))"
                          r"(?=\s+(?:presentations?|sessions?|discussions?|talks?)\b|\W*$)"
                          r"(?:\s+[\w-]+){0,4}\W{0,3}$")
# A sentence, not a title: finite verbs of the prose around schedules.
SENTENCE = re.compile(r"(?<!-)\b(?:will|was|were|has been|have been|(?i:presented|announced|reported|include[sd]?|"
                      r"accepted|showcased|featured|note|we|our|said|says))\b")
TITLED_WORD = re.compile(r"(?i)\b(?:en)?titled\b")
QUOTED_TITLE = re.compile(rf"(?i:titled|title)[:,]?\s*{quoted(20, 400)}")
ROOM = re.compile(r"(?P<r>\b(?:[A-Z][\w&'’.-]*\s+){0,4}(?:Ballroom|Hall|Room|Rm\.?|Auditorium|Theat(?:er|re)|Booth|"
                  r"Poster Board|Board|Pavilion|Foyer)\b(?:\s+#?\s*[A-Z0-9][\w-]*){0,2})")
SESSION = re.compile(r"\bSession\s+(?:#\s*)?(?P<s>[A-Z]{0,5}-?\d{1,4}[A-Z]?)\b")


def numbered(text: str, start: int, end: int, year: int | None) -> list[tuple[Presentation, int, int]]:
    found: list[tuple[Presentation, int, int]] = []
    seen: dict[str, Presentation] = {}
    first = MARKER_LITERAL.search(text, start, end)
    # Look-behinds still see the text before ``pos``: a scan from there finds the same markers.
    markers = list(islice(MARKER.finditer(text, max(start, first.start() - 11), end), 300)) if first else []
    if "#" in text or "Abstract" in text or "Poster" in text:  # the leading-number shape needs its mark
        markers = sorted(markers + list(islice(LEADING.finditer(text, start, end), 300)), key=lambda x: x.start())
    for n, m in enumerate(markers):
        if n >= 300:
            break
        key = next(k for k in "abcdef" if k in m.re.groupindex and m.group(k))
        code = m.group(key)
        # a line is bounded: a body that lost its line breaks is one line of 100,000 characters
        floor = max(start, m.start() - 1500)
        line_start = m.start() + 1 if key == "e" else max(text.rfind("\n", floor, m.start()) + 1, floor)
        line_end = text.find("\n", m.end(), min(end, m.end() + 1500))
        line_end = min(end, m.end() + 1500) if line_end < 0 else line_end
        p = Presentation(abstract=code)
        p.spans["abstract"] = m.span(key)
        detail_end = _detail_end(text, m, key, line_end)
        if key == "e":
            _title_after(p, text, m.end(), line_end)
        else:
            _title(p, text, line_start, m.start(), key)
        _details(p, text, m.end(key), detail_end, year)
        if not text[line_start:m.start()].strip() and not text[m.end():line_end].strip(" \t:|"):
            _cells(p, text, line_end, end, year)  # a table flattened to one cell a line
        if p.kind is None:
            p.kind = _kind(m.group(0)) or heading_kind(text, start, line_start)
        if _squash(code) in seen:  # the same number again (a summary, then a table): one talk
            complete(seen[_squash(code)], p)
            continue
        seen[_squash(code)] = p
        if p.title is None and text[line_start:m.start()].strip():
            # a number inside prose: what it is about is the stretch just before it, and its
            # sentence may say when and in what format ("in a poster session on February 14")
            floor = max(line_start, m.start() - 500, found[-1][2] if found else 0)
            sentence = max(floor, text.rfind(". ", floor, m.start()) + 2)
            probe = Presentation()
            _details(probe, text, sentence, m.start(), year)
            complete(p, probe)
            found.append((p, floor, detail_end))
        else:
            title_end = p.spans.get("title", (0, 0))[1]
            if p.starts_at is None and line_start <= title_end < m.start():
                # "The poster, entitled “…,” will be presented … on May 31 at 9 a.m. CDT (Abstract #4102)"
                probe = Presentation()
                _details(probe, text, title_end, m.start(), year)
                complete(p, probe)
            found.append((p, line_start, _block_end(text, line_end, end, p.title is None)))
    _notes(found, text, start, end, year)
    return found


def _cells(p: Presentation, text: str, pos: int, end: int, year: int | None, reach: int = 6) -> None:
    """The cells after a number on its own line: a date, a title (a table's row)."""
    for cell in list(re.finditer(r"[^\n]+", text[pos:min(end, pos + 2500)]))[:reach]:
        value = cell.group(0).strip()
        at = pos + cell.start()
        if MARKER.search(value) or len(value) > 300 or _LABEL_LINE.match(value):
            return  # the next row, the paragraph that summarises this one, or a labelled block
        if p.starts_at is None and len(value) < 80 and DATE.match(value):
            when = find_when(text, at, at + len(cell.group(0)), year)
            if when:
                p.starts_at, p.spans["starts_at"] = when
        elif p.title is None and 30 <= len(value) <= 300 and not SENTENCE.search(value) \
                and not re.search(r"[a-z]{2}[.!?]\s+[A-Z]", value) and not value.endswith("."):
            p.title, p.spans["title"] = value, (at, at + len(cell.group(0)))


# "Session Title: …", "**Date:** …": a label of a labelled block, not a table's cell
_LABEL_LINE = re.compile(r"(?:\*\*|__)?[A-Z][A-Za-z#./&]*(?:[ \t]+[A-Za-z#./&]+){0,3}[ \t]*(?:\*\*|__)?:")


def _squash(code: str) -> str:
    return re.sub(r"[\W_]", "", code).upper()


def _detail_end(text: str, m: re.Match, key: str, line_end: int) -> int:
    if key == "c":
        close = text.find("]", m.end(), line_end)
        return line_end if close < 0 else close
    if key == "e":  # "Abstract S215: Title" then its detail lines ("Session: …", "Date and time: …")
        block = text.find("\n\n", line_end, line_end + 600)
        block = min(len(text), line_end + 600) if block < 0 else block
        nxt = LEADING.search(text, line_end, block)
        return nxt.start() if nxt else block
    if key in "ad":
        close = text.find(")", m.end(key), line_end)
        return line_end if close < 0 else close
    stop = re.search(r"(?<=[a-z\d)])(?<![ap]\.m)\.\s+[A-Z]|\n", text[m.end():min(line_end, m.end() + 300)])
    return m.end() + stop.start() + 1 if stop else min(line_end, m.end() + 300)


def complete(p: Presentation, other: Presentation) -> None:
    """Fill what ``p`` lacks from another reading of the same talk."""
    for field in ("title", "abstract", "kind", "starts_at", "location", "session"):
        if getattr(p, field) is None and getattr(other, field) is not None:
            setattr(p, field, getattr(other, field))
            if field in other.spans:
                p.spans[field] = other.spans[field]


FORMAT_LABEL = re.compile(r"(?i)(?:(?:late-breaking|moderated|mini-)\s*)?(?:oral|e-?poster|poster|podium)(?:\s+presentation)?"
                          r"(?:\s+title)?\s*:\s*|(?:presentation|poster|abstract)\s+title\s*:\s*")


def _title(p: Presentation, text: str, line_start: int, marker: int, key: str) -> None:
    """The words before the number on its line, when they read as a title."""
    raw = text[line_start:marker]
    if key in "ad" and raw.rstrip().endswith("."):
        raw = ""  # "… from H&E images. (Poster #905)": a summary's sentence, not a title
    title = raw.strip().rstrip("(,;:–- ").strip()
    title = re.sub(r"^(?:[-•*·▪]|\d{1,2}[.)])\s+", "", title).strip(QUOTES + " ")
    label = FORMAT_LABEL.match(title)
    if label:  # "Oral Presentation: Title (Abstract #611)": the label gives the kind, not the title
        p.kind = p.kind or _kind(label.group(0)) or "oral"
        title = title[label.end():].strip(QUOTES + " ")
    title = re.sub(r"\.$", "", title).strip(QUOTES + " ")
    if not 20 <= len(title) <= 400 or SENTENCE.search(title) or not title[0].isupper() or TITLED_WORD.search(title) \
            or re.search(rf"[a-z]{{2}}[.!?][{QUOTES}]?\s+[A-Z]|[{QUOTES}]\s*(?:said|says)\b", title):
        found = [inner(q) for q in QUOTED_TITLE.finditer(raw)]
        if not found:
            return
        title = found[-1]
    at = raw.find(title)
    p.title = title
    p.spans["title"] = (line_start + at, line_start + at + len(title))


_CREDIT = re.compile(r"\s+[-–]\s+(?=[a-z])|\s+\((?=in collaboration|with\b)")


def _title_after(p: Presentation, text: str, start: int, line_end: int) -> None:
    """The title after a leading number, up to a credit ("- in collaboration with …")."""
    raw = text[start:line_end]
    cut = _CREDIT.search(raw)
    title = raw[:cut.start()] if cut else raw
    title = title.strip().strip(QUOTES + " .")
    if 20 <= len(title) <= 400 and not SENTENCE.search(title):
        at = start + raw.find(title)
        p.title, p.spans["title"] = title, (at, at + len(title))


def _details(p: Presentation, text: str, start: int, end: int, year: int | None) -> None:
    when = find_when(text, start, end, year)
    if when:
        p.starts_at, p.spans["starts_at"] = when
    kind = _kind(text[start:end])
    if kind:
        p.kind = kind
    # the location is the last comma-separated piece after the time that names a room
    for piece in reversed(list(re.finditer(r"[^,;\[\]()]+", text[start:end]))):
        r = ROOM.search(piece.group(0))
        if r:
            at = start + piece.start() + r.start("r")
            p.location, p.spans["location"] = r.group("r").strip(), (at, at + len(r.group("r").strip()))
            break
    s = SESSION.search(text, start, end)
    if s:
        p.session, p.spans["session"] = s.group("s"), s.span("s")


def kind_of(words: str) -> str | None:
    """The format words name: "poster", "oral", or None."""
    return _kind(words)


def _kind(words: str) -> str | None:
    k = KIND.search(words)
    return None if k is None else "poster" if k.group("poster") else "oral"


def heading_kind(text: str, floor: int, line_start: int, reach: int = 80) -> str | None:
    """The kind a heading above gives ("Oral Presentations", "Poster Sessions")."""
    pos = line_start
    for _ in range(reach):
        if pos <= floor:
            return None
        prev = max(text.rfind("\n", max(floor, pos - 2000), pos - 1) + 1, pos - 2000)
        line = text[prev:pos].strip()
        pos = prev
        if 3 <= len(line) <= 60 and not line.endswith("."):
            h = HEADING_KIND.match(line)
            if h:
                return "poster" if h.group("poster") else "oral"
    return None


def _block_end(text: str, line_end: int, end: int, untitled: bool) -> int:
    """An untitled entry's own paragraph follows it ("Abstract #517" then its summary)."""
    if not untitled:
        return line_end
    nxt = re.search(r"\S[^\n]*", text[line_end:min(end, line_end + 3000)])
    return line_end + nxt.end() if nxt else line_end


def _notes(found: list[tuple[Presentation, int, int]], text: str, start: int, end: int, year: int | None) -> None:
    """A sentence naming two or more of the numbers gives them its session and time."""
    if len(found) < 2:
        return
    codes = {_squash(p.abstract): p for p, _, _ in found if p.abstract}
    for sentence in re.finditer(r"(?:[^\n.]|\.(?!\s+[A-Z][a-z])){1,500}", text[start:end]):
        s = sentence.group(0)
        named = [codes[c] for c in (_squash(w) for w in re.findall(r"\b[A-Z]{0,4}-?\d{1,5}[A-Z]?\b", s)) if c in codes]
        if len(set(map(id, named))) < 2:
            continue
        at = start + sentence.start()
        probe = Presentation()
        _details(probe, text, at, at + len(s), year)
        for p in named:
            for field in ("starts_at", "session", "kind", "location"):
                if getattr(p, field) is None and getattr(probe, field) is not None:
                    setattr(p, field, getattr(probe, field))
                    if field in probe.spans:
                        p.spans[field] = probe.spans[field]
