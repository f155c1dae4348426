"""The parts of a release the extractor reads differently: About sections, the safe harbour,
and the contact block at the foot."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Section
from .textutil import Line, folds_plainly, lines, lower

# "About Acme" on its own line, or glued to its paragraph when a page lost the break: the
# paragraph then opens with the subject's first word again ("About Acme Bio Acme Bio is ...").
ABOUT = re.compile(r"^About\s+(?P<subject>[^\n]{2,90}?)\s*:?\s*$"
                   r"|^About\s+(?P<glued>(?P<first>[A-Z][\w.&'’-]{0,30})(?:,?\s+[A-Z&][\w.&'’-]{0,30}){0,6}?)\s*(?=(?P=first)\b)")
FORWARD = re.compile(r"^(?:Forward[- ]Looking Statements?|Cautionary (?:Note|Statement)[^\n]{0,60}|Safe Harbor[^\n]{0,40}|Disclaimer)\s*:?\s*$", re.I)
FORWARD_PARA = re.compile(r"(?i)forward[- ]looking statements?")


def _may_say_forward_looking(text: str) -> bool:
    """False when no line can hold FORWARD_PARA: a plain look in the lower-cased text, where that
    equals the case-blind one (folds_plainly), spares the pattern on every long line."""
    if not folds_plainly(text):
        return True
    low = lower(text)
    return "forward-looking statement" in low or "forward looking statement" in low


@dataclass
class Sections:
    about: list[Section] = field(default_factory=list)
    forward_looking: Section | None = None
    body_end: int = 0  # where the story ends and the boilerplate begins


def find_sections(text: str) -> Sections:
    found = Sections(body_end=len(text))
    all_lines = lines(text)
    heads: list[tuple[int, str, str]] = []  # (line index, kind, heading)
    for i, line in enumerate(all_lines):
        first = line.text[:1]
        if first and first not in "AFCSDfcsd" and not first.isspace():
            continue  # what strip() leaves starts with this letter too: no heading (most lines)
        value = line.text.strip()
        if value[:1] not in "AFCSDfcsd":  # no heading here can start otherwise
            continue
        m = ABOUT.match(value) if value.startswith("About") else None
        if m and m.group("glued"):
            heads.append((i, "glued", m.group("glued").strip()))
        elif m and len(value) < 400:
            heads.append((i, "about", (m.group("subject") or "").strip()))
        elif FORWARD.match(value):
            heads.append((i, "forward", value.rstrip(":")))
    for n, (i, kind, heading) in enumerate(heads):
        stop = heads[n + 1][0] if n + 1 < len(heads) else len(all_lines)
        body = [ln for ln in all_lines[i + 1:stop] if ln.text.strip()]
        if kind == "glued":  # the heading ran into its paragraph: the paragraph starts after it
            head = all_lines[i]
            at = head.text.index(heading) + len(heading)
            at += len(head.text[at:]) - len(head.text[at:].lstrip())
            body = [Line(head.text[at:], head.start + at), *body]
            kind = "about"
        if kind == "about" and not body and len(all_lines[i].text) > len(heading) + 20:
            body = [all_lines[i]]
        if not body:
            continue
        # An About section or the safe harbour is its paragraphs up to the first short line
        # (a contact label: the block below is not part of it).
        if kind in ("about", "forward"):
            kept = []
            for ln in body:
                if len(ln.text) < 60 and kept:
                    break
                kept.append(ln)
            body = kept
        span = (body[0].start, body[-1].end)
        section = Section(heading=heading, text=text[span[0]:span[1]], span=span)
        if kind == "about":
            found.about.append(section)
        elif found.forward_looking is None:
            found.forward_looking = section
        found.body_end = min(found.body_end, all_lines[i].start)
    if found.forward_looking is None and _may_say_forward_looking(text):
        for line in all_lines:
            if len(line.text) > 200 and FORWARD_PARA.search(line.text[:300]) and re.search(
                    r"(?i)(?:contains?|include[sd]?|constitute)\s[^.]{0,40}forward[- ]looking", line.text[:400]):
                found.forward_looking = Section("Forward-Looking Statements", line.text, (line.start, line.end))
                found.body_end = min(found.body_end, line.start)
                break
    return found
