"""Presentations a release tells in prose: "data will be presented at the 61st ASH Annual
Meeting", "Dr. X will present a poster at ...", "the CEO will participate in a fireside chat at
the Jefferies Healthcare Conference on June 5 at 10:00 a.m. ET".

One entry per meeting that a sentence ties to a presentation verb; the sentence gives the kind
(a format, or a named person presenting: oral) and the time (a single day, not the meeting's
date range). A company's own call or webcast is no presentation.
"""

from __future__ import annotations

import re
from typing import Callable

from .dates import DATE, find_when, is_range
from .meetings import Meetings, Mention
from .model import Presentation
from .schedule import kind_of

CUE = re.compile(
    r"(?i)\b(?:present(?:s|ed|ing)?|presentations?|posters?|oral|podium|late[- ]breaking|keynote|lecture|"
    r"plenary|fireside chat|panel|(?:will|to) (?:participate|speak))\b"
    r"|\bshowcas\w*\s+(?:[\w-]+\s+){0,5}(?:data|results|findings|research)\b"
    r"|\b(?:unveil|shar|report)\w*\s+(?:[\w-]+\s+){0,5}(?:data|results|findings)\b")
NOT_TALK = re.compile(r"(?i)\b(?:conference call|earnings|webinar|quarter(?:ly)? (?:results|report)|financial results|"
                      r"booth|exhibit(?:s|ing|ion)?|sponsor(?:s|ed|ing|ship)?|attend(?:s|ed|ing|ees?)?|(?:live|product|hands-on) demonstrations?|demos?|will demonstrate)\b"
                      r"|\bPresents:"  # "Events Co. Presents: The 6th … Summit": the organiser's billing
                      r"|\b(?i:be|been|being|is|are)\s+present\b")  # "will be present at": attending
PERSON_PRESENTS = re.compile(
    r"(?:\b(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+[A-Z][\w'’-]+|\b(?:CEO|CFO|CMO|CSO|COO|President|Chief [A-Z]\w+ Officer|"
    r"Founder|Chair(?:man|woman)?|management)\b|\b[A-Z][a-z]+\s+[A-Z][a-z]+,)[^.]{0,80}?"
    r"\b(?:will|to)\s+(?:present|participate|deliver|give|host|speak|provide)|fireside chat|(?:company|corporate) "
    r"(?:presentation|overview|update)|presentation by\b|(?:will|to) present a (?:corporate|company)"
    # past: "Dr. Ann Lee, the lead investigator, presented …", "Dr. Lee’s presentation", "presented by Dr. Lee"
    r"|\b(?:Dr|Prof)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){0,2}(?:,[^.,\n]{1,80},)?\s+presented\b"
    r"|\b(?:Dr|Prof)\.?\s+[A-Z][\w-]+[’']s\s+(?:[\w-]+\s+){0,2}presentation\b|\bpresented by (?:Dr|Prof)\.?\s+[A-Z]"
    # "Jane Roe, M.D., clinical chief at …, presented the results"
    r"|\b[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]+,\s+(?:M\.D\.|Ph\.D\.|Pharm\.D\.|MD|PhD)(?:,\s+(?:M\.S\.|M\.P\.H\.|MPH|Ph\.D\.))?"
    r"(?:,[^.,\n]{1,100}){0,3},\s+presented\b")


BACKGROUND = re.compile(r"(?i)\b(?:originally|previously|first|initially|since|prior)\b[^.]{0,60}\bpresented\b")
TODAY = re.compile(r"(?i)\btoday\b(?:(?!\b(?:recently|previously|earlier|originally)\b)[^.]){0,40}?\b(?:presented|presents|presenting|showcased|showcases|unveiled)\b"
                   r"|\b(?:presented|presents|presenting|presentation|presentations) today\b")


# the room a sentence puts the talk in: "in Room 153B", "in the Health Innovation Pavilion"
ROOM = re.compile(r"\b(?:in|at|on)\s+(?:the\s+)?(?P<r>(?:[A-Z][\w&'’.-]*\s+){0,4}(?:Ballroom|Hall|Room|Auditorium|"
                  r"Theat(?:er|re)|Pavilion|Foyer|Hub|Stage)\b(?:\s+#?\s*[A-Z0-9][\w-]*){0,2})")


_ITEM = re.compile(r"[ \t]*(?:[-•*·▪]|\d{1,2}[.)])")


def _listed(text: str, s: int, floor: int, items: int = 12) -> bool:
    """A line of a list whose lead-in says what it lists ("will present at the following
    conferences:")."""
    end = s
    for _ in range(items + 1):
        if end <= floor:
            return False
        begin = max(text.rfind("\n", max(floor, end - 400), end - 1) + 1, end - 400)
        line = text[begin:end].strip()
        if line.endswith(":"):
            return bool(CUE.search(line))
        # an item is a bullet, or a short line that is no sentence ("Cantor … Conference – Sept. 3")
        item = _ITEM.match(text, begin) or len(line) <= 200 and not line.endswith(".")
        if len(line) > 300 or line and not item and begin < s - 1:
            return False  # prose, not a list
        end = begin
    return False


_ABBREVIATION = re.compile(r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Dr|Mr|Ms|Mrs|Prof|Inc|Co|Corp|"
                           r"Ltd|No|St|vs|approx|Ph\.D|M\.D|[A-Z])|\d[ap]\.m|[ap]\.m)$")
_STOP = re.compile(r"\.\s|\n")


def _sentence(text: str, pos: int, floor: int, ceil: int) -> tuple[int, int]:
    """The sentence around ``pos`` (an abbreviation's dot ends none: "Nov. 4", "Dr. Lee")."""
    left, right = max(floor, pos - 500), min(ceil, pos + 500)
    s = left
    for m in _STOP.finditer(text, left, pos):
        if m.group(0) == "\n" or not _ABBREVIATION.search(text, max(0, m.start() - 8), m.start()):
            s = m.start() + 1
    for m in _STOP.finditer(text, pos, right):
        if m.group(0) == "\n" or not _ABBREVIATION.search(text, max(0, m.start() - 8), m.start()):
            return s, m.start()
    return s, right


sentence_at = _sentence


_CLAUSE = re.compile(r",?\s+and\s+(?:that\s+)?|;\s*|,\s+(?=while\b|whereas\b)")


# "will participate in one-on-one meetings with investors": attending, unless a talk is named too
ONE_ON_ONE = re.compile(r"(?i)\b(?:one-on-one|1x1|1:1|one on one|investor meetings|meetings with investors|"
                        r"partnering meetings)\b")
TALK_WORD = re.compile(r"(?i)\b(?:present(?:s|ing|ation)?|fireside|panel|keynote|chat|speak|lecture|talk)\b")


def meetings_only(sentence: str) -> bool:
    """Whether a sentence tells of investor meetings and of no talk."""
    return bool(ONE_ON_ONE.search(sentence)) and not TALK_WORD.search(sentence)


def _clause(text: str, s: int, e: int, mention: Mention, mentions: list[Mention]) -> tuple[int, int]:
    """A sentence naming two meetings ("a poster at EHA on June 13, and the CEO will present
    at Jefferies on June 4 at 2 p.m. ET") tells of each in its own clause."""
    others = [m for m in mentions if s <= m.start < e and not m.same_meeting(mention)]
    before = [m for m in others if m.end <= mention.start]
    after = [m for m in others if m.start >= mention.end]
    if before:
        cut = list(_CLAUSE.finditer(text, before[-1].end, mention.start))
        if cut:
            s = cut[-1].end()
    if after:
        cut = list(_CLAUSE.finditer(text, mention.end, after[0].start))
        if cut:
            e = cut[-1].start()
    return s, e


def prose_mentions(text: str, start: int, end: int, meetings: Meetings, year: int | None,
                   today: str | None = None,
                   names: Callable[[str], list[str]] = lambda s: [],
                   dateline: int = 0) -> list[tuple[Presentation, int, int]]:
    """One entry per meeting, and per drug when sentences about the same meeting report on
    different drugs (a results release: "data on A presented at ASH"; "data on B at ASH")."""
    found: list[tuple[Presentation, Mention, int, int, frozenset[str]]] = []
    seen: set[tuple[int, int]] = set()
    for mention in meetings.mentions:
        s, e = _sentence(text, mention.start, start, end)
        if s < dateline <= mention.start:
            s = dateline  # the dateline's date is the release's, not the talk's
        if not (CUE.search(text, s, e) or _listed(text, s, start)):
            continue
        s, e = _clause(text, s, e, mention, meetings.mentions)
        sentence = text[s:e]
        if (s, e) in seen or NOT_TALK.search(sentence) or BACKGROUND.search(sentence) or meetings_only(sentence):
            continue
        seen.add((s, e))
        # the next sentence often goes on about the same talk ("The oral presentation is
        # scheduled on Friday, November 1 at 2:15 p.m. CT.")
        nxt = re.compile(r"\S").search(text, e + 1, end)
        ns, ne = _sentence(text, nxt.start(), start, end) if nxt else (e, e)
        if ns >= e and not any(ns <= m.start < ne for m in meetings.mentions) and CUE.search(text[ns:ne]):
            e = ne
        drugs = frozenset(names(text[s:e]))
        same = [f for f in found if f[1].same_meeting(mention)]
        # the same drugs, or one sentence's drugs among the other's ("everolimus"; "Deciparticle everolimus")
        twin = next((f for f in same if drugs <= f[4] or f[4] <= drugs), None)
        if twin is not None:
            _fill(twin[0], text, s, e, mention, year, today)
            continue
        p = Presentation()
        p.meeting, p.spans["meeting"] = meetings.fullest(mention)
        _fill(p, text, s, e, mention, year, today)
        found.append((p, mention, s, e, drugs))
    return [(p, s, e) for p, _, s, e, _ in found]


def _fill(p: Presentation, text: str, s: int, e: int, mention: Mention, year: int | None,
          today: str | None) -> None:
    sentence = text[s:e]
    if p.kind is None:
        p.kind = kind_of(sentence)
        if p.kind is None and PERSON_PRESENTS.search(sentence):
            p.kind = "oral"
    if p.starts_at is None:
        dates = list(DATE.finditer(text, mention.end, e)) + list(DATE.finditer(text, s, mention.start))
        for d in dates:
            # a range ("December 7-10", "October 31 through November 2") is the meeting's dates
            if is_range(text, d):
                continue
            when = find_when(text, d.start(), e, year, floor=s)
            if when:
                p.starts_at, p.spans["starts_at"] = when
            break
    if p.starts_at is None and today and TODAY.search(text, s, e):
        p.starts_at = today
    if p.location is None:
        r = ROOM.search(text, s, e)
        if r:
            p.location, p.spans["location"] = r.group("r"), r.span("r")
