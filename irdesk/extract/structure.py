"""The document's structure, below every field: front matter, page and wire chrome, Markdown
emphasis, run-together paragraphs, wrapped lines.

A layout a new site or wire invents is fixed here once, so that the date, the headline, the
contacts and the compounds all read the same clean text. Everything here works line by line
with bounded patterns: a 400,000-character text on one line must still pass quickly.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass

from .dates import DATE


@dataclass
class FrontMatter:
    """What a web clipper's YAML header says: only a hint, the text itself wins."""

    title: str | None = None
    date: str | None = None  # ISO date


_FENCE = re.compile(r"---[ \t]*\n")
_KEY = re.compile(r"(?P<key>[A-Za-z_][\w-]{0,40})\s*:\s*(?P<value>[^\n]{0,2000})")
_ISO = re.compile(r"((?:19|20)\d\d)-([01]\d)-([0-3]\d)")
# Markdown and HTML escape what the clipper kept of the page.
_ENTITIES = {"&amp;": "&", "&gt;": ">", "&lt;": "<", "&quot;": '"', "&#39;": "'"}


def split_front_matter(text: str) -> tuple[FrontMatter, str]:
    """``---`` + ``key: value`` lines + ``---`` at the very top: its title and date, and the rest."""
    meta = FrontMatter()
    start = _FENCE.match(text)
    if not start:
        return meta, text
    close = text.find("\n---", start.end() - 1, start.end() + 20000)
    if close < 0:
        return meta, text
    block = text[start.end():close]
    if not all(_KEY.match(ln) or ln[:1] in (" ", "-", "") for ln in block.split("\n")[:5]):
        return meta, text  # a horizontal rule above prose, not front matter
    for line in block.split("\n"):
        m = _KEY.match(line)
        if not m:
            continue
        key, value = m.group("key").lower(), _unquote(m.group("value"))
        if key == "title" and value and meta.title is None:
            meta.title = value
        elif key in ("date", "published", "pubdate", "created") and value and meta.date is None:
            iso = _ISO.search(value)
            if iso:
                meta.date = iso.group(0)
    end = text.find("\n", close + 1)
    return meta, "" if end < 0 else text[end + 1:]


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].replace('\\"', '"')
    for entity, char in _ENTITIES.items():
        value = value.replace(entity, char)
    return value.strip()


# Markdown emphasis and escapes as clippers write them: "**Contact:**", "\*Alkermes".
# Content never holds the marker's character: a failed match stops at the next one (no rescans).
_BOLD = re.compile(r"\*\*(?=[^\s*])([^*\n]{1,400}?)(?<=\S)\*\*|__(?=[^\s_])([^_\n]{1,400}?)(?<=\S)__")
_ITALIC = re.compile(r"(?=\*)(?<![\w*\\])\*(?=[^\s*])([^*\n]{1,400}?)(?<=[^\s*\\])\*(?![\w*])")
# A match's first group, as sub's replacement: a C callable (a template such as r"\1" is expanded
# by Python code for every match). Every pattern it serves always fills that group.
GROUP_1 = operator.itemgetter(1)
_ESCAPE = re.compile(r"\\([*_#\[\]()>`~|.!+-])")


def strip_emphasis(line: str) -> str:
    if "*" in line or "_" in line:
        line = _BOLD.sub(lambda m: m.group(1) or m.group(2), line)
        if "*" in line:
            line = _ITALIC.sub(GROUP_1, line)
    if "\\" in line:
        line = _ESCAPE.sub(GROUP_1, line)
    return line


# A paragraph break lost to a page that kept only double spaces: "...faith.  Nobody knows".
# It opens with a space or tab, which `re` skips ahead to; the look-back then asks for the mark
# before it (opening with the look-back, the pattern was tried at every position of a long line).
_LOST_BREAK = re.compile(r"[ \t](?<=[.!?:\"”’)][ \t])[ \t]+(?=[\"“‘(]?[A-Z•])")
# A full stop after these is an abbreviation's, not a sentence's: "Oct.  21", "Inc.  (NASDAQ".
_ABBREVIATION = re.compile(r"(?:\b(?:[A-Z][a-z]{0,3}|[A-Z]{1,3}|[a-z]{1,3})|(?:[A-Z]\.)+[A-Z]?)\.$")
_INLINE_BULLET = re.compile(r"[ \t]{2,}(?=[•▪●]\s)|(?<=\S)[ \t]+(?=[•▪●][ \t])")
# "... chemotherapy Poster Title: X Presenter: Y Abstract Number: LB128": a field's label where
# a break was lost. The label ends in a word that names a field (a closed list of the genre's
# fields) and starts where the word before it is not capitalised (that word would be the label's).
_FIELD = (r"(?:Title|Presenters?|Authors?|Speakers?|Session|Number|Date|Time|Location|Room|Booth|Venue|Moderators?|"
          r"Format|Abstract|Poster|Track|Contact|Phone|E-?mail|Website|Tel|Fax)(?: \d{1,3})?: ")
_RUN_LABEL = re.compile(rf"[ \t]+(?=(?:[A-Z][a-z]+ ){{0,3}}{_FIELD})")
# Every _RUN_LABEL match looks ahead to one of these. Each ends in ": ": whether a line holds
# one is asked at its colons, looking back from each (a scan of the line costs more).
_FIELD_BEFORE_COLON = re.compile(_FIELD[:-2] + r"\Z")


def _has_field_label(line: str) -> bool:
    at = line.find(": ")
    while at >= 0:
        if _FIELD_BEFORE_COLON.search(line, max(0, at - 20), at):  # the longest is "Presenters 123"
            return True
        at = line.find(": ", at + 1)
    return False
_CAPITALISED_END = re.compile(r"(?:^|\s)[A-Z][a-z]+$")


def _label_break(line: str, m: re.Match) -> str:
    return m.group(0) if _CAPITALISED_END.search(line, max(0, m.start() - 30), m.start()) else "\n"


LONG_LINE = 600


def repair_run_together(line: str) -> str:
    """A very long line that is really several paragraphs becomes those paragraphs.

    Only breaks the writer left a sign of (two spaces after a sentence, an inline bullet, a
    run of field labels) are restored; a single space after a full stop may be an
    abbreviation's ("Inc. said")."""
    if len(line) < LONG_LINE:
        return line
    if "•" in line or "▪" in line or "●" in line:
        line = _INLINE_BULLET.sub("\n", line)
    if _has_field_label(line) and len(_RUN_LABEL.findall(line)) >= 2:  # labelled fields run together: one a line
        line = _RUN_LABEL.sub(lambda m, text=line: _label_break(text, m), line)
    if "  " in line:
        line = _LOST_BREAK.sub(lambda m: m.group(0) if _ABBREVIATION.search(line, max(0, m.start() - 12), m.start())
                               else "\n\n", line)
    return line


# Aggregator chrome at the top of a page.
_FLASH = re.compile(r"^\(?\d{1,2}:\d{2}\s?(?:GMT|UTC|ET|EST|EDT)\)?\s")  # Dow Jones: "(12:00 GMT) *Acme 4Q Net"
_TICKER_FLASH = re.compile(r"\s>[A-Z]{1,6}(?:\.[A-Z]{1,2})?$")  # "... >ALKS"
_PAGE_LABEL = re.compile(r"(?i)^(?:press release|news release|media release|pressemitteilung|communiqué de presse)"
                         r"\s*[:|–—-]\s*")
TOP_LINES = 60
# A forwarded e-mail's header block inside the body: "---------- Forwarded message ---------",
# then "From:", "Date:", "Subject:", "To:" lines.
_FORWARDED = re.compile(r"(?i)^(?:-{2,}\s*(?:forwarded message|original message)\s*-{2,}|begin forwarded message:?)$")
_MAIL_HEADER = re.compile(r"(?i)^(?:from|sent|date|to|cc|bcc|subject|reply-to):\s")


def drop_chrome(lines: list[str]) -> list[str]:
    """Lines of an aggregator's page that are not the release: flash lines, a headline or a
    dateline repeated above the real one (the copy the reader sees first is kept)."""
    out: list[str] = []
    seen: set[str] = set()
    top = lines[:TOP_LINES]
    headers = False  # inside a forwarded message's header block
    for i, line in enumerate(top):
        if len(line) > 300 and not is_bullet(line):  # the lead: chrome lives above it
            out.extend(top[i:])
            break
        if _FLASH.match(line) or _TICKER_FLASH.search(line) and len(line) < 200:
            continue
        if _FORWARDED.match(line):
            headers = True
            continue
        if _MAIL_HEADER.match(line) and (headers or i + 1 < len(top) and _MAIL_HEADER.match(top[i + 1])):
            headers = True
            if line[:8].lower() == "subject:":  # the forwarded release's title, without its label
                out.append(line[8:].strip())
            continue
        headers = False
        bare = _PAGE_LABEL.sub("", line) if len(line) < 400 else line
        # A repeated "Label: value" line is two posters' equal times, not chrome.
        if len(bare) >= 20 and bare in seen and not _LABELLED.match(bare):
            continue
        if len(bare) >= 20:
            seen.add(bare)
        if _dateline_repeated(line, top[i + 1:i + 30]):
            continue
        out.append(bare if bare != line and len(bare) >= 20 else line)
    out.extend(lines[TOP_LINES:])
    return out


def _dateline_repeated(line: str, later: list[str]) -> bool:
    """"CHENGDU, China, Feb. 12, 2025" above the bullets, and again opening the lead."""
    if not 8 <= len(line) <= 90 or not DATE.search(line):
        return False
    return any(len(other) > len(line) + 10 and other.startswith(line) for other in later)


# Lines a PDF wrapped: a bullet's continuation, a headline's second line.
_BULLET = re.compile(r"^(?:[-*•▪●◦–—+]|\d{1,2}[.)])\s")


def is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line))


# A line that closes a sentence, a list item or a label ends its paragraph even when long.
_CLOSES = re.compile(r"[.!?:;\"”’)]$")
# The next line opens a block of its own: a bullet, a dateline ("WALTHAM, Mass.--"), a heading label.
_OPENS = re.compile(r"^(?:[-*•▪●◦]\s|\d{1,2}[.)]\s|[A-Z][A-Z.'’ -]{2,40}(?:,|--|\s[-–—]))")


def reflow(lines: list[str]) -> list[str]:
    """Lines a PDF wrapped at its margin, joined back into the paragraphs they were.

    A PDF's text layer has one line per printed line and often no blank line between
    paragraphs. A line that runs to (nearly) the margin and does not close a sentence is
    continued by the next; short lines (a contact block, a heading) are left alone."""
    lengths = sorted(len(ln) for ln in lines if ln)
    if len(lengths) < 5:
        return lines
    margin = lengths[int(len(lengths) * 0.9)] * 0.7
    out: list[str] = []
    joining = False
    for line in lines:
        if joining and line and not _OPENS.match(line):
            # A line-end hyphen joins without a space: "SARS-" + "CoV-2".
            out[-1] = out[-1] + ("" if out[-1].endswith("-") and out[-1][-2:-1].isalnum() else " ") + line
        else:
            out.append(line)
        current = out[-1]
        # An open parenthesis never closes a paragraph: "Acme, Inc. (NASDAQ:" + "ACME)".
        joining = bool(line) and (len(line) >= margin and not _CLOSES.search(line)
                                  or current.count("(") > current.count(")"))
    return _title_rejoined(out)


def _title_rejoined(lines: list[str]) -> list[str]:
    """The document's title wrapped onto a short second line ("... in Adults with Chronic" +
    "Cough"), which a reader that runs some lines together leaves below the margin."""
    filled = [i for i, ln in enumerate(lines[:12]) if ln][:4]
    for a, b in zip(filled, filled[1:]):
        title, rest = lines[a], lines[b]
        if b != a + 1 or len(title) < 40 or _CLOSES.search(title) or _OPENS.match(title):
            continue
        if len(rest) < 0.6 * len(title) and not _OPENS.match(rest) and not _CLOSES.search(rest) \
                and not DATE.search(rest) and ":" not in rest:
            return lines[:a] + [title + " " + rest] + lines[b + 1:]
    return lines


_LABELLED = re.compile(r"^[A-Z][\w .'’&/-]{0,40}:\s")


def line_kind(line: str) -> str:
    """What a line is in the document: "blank", "bullet", "image", "label" ("Contact: ..."),
    "paragraph" (prose: long, or a sentence) or "line" (a heading, a credit, a name)."""
    value = line.strip()
    if not value:
        return "blank"
    if is_bullet(value):
        return "bullet"
    if value[:1] in "![":
        return "image"
    if _LABELLED.match(value) and len(value) < 120:
        return "label"
    if len(value) >= 80 or len(value) >= 40 and value.endswith((".", "!", "?", "”", '"')):
        return "paragraph"
    return "line"
