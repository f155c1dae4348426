"""Release text as the extractor and the app see it: one newline style, plain spaces,
markup of plain-text formats (Markdown links and headings, reStructuredText directives)
reduced to the words a reader sees. Spans point into this text."""

from __future__ import annotations

import html
import re

from .structure import GROUP_1, LONG_LINE, drop_chrome, reflow, repair_run_together, split_front_matter, strip_emphasis

_SPACES = {ord(c): " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
           "\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"}
_SPACES.update({ord(c): None for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad"})

# Cells of an HTML table arrive tab-separated; a tab survives as a cell break.
_SPACES[ord("\t")] = "\t"

# Bounded runs: an unclosed "[" must not make every later "[" scan to the end of the line.
_ODD_CHARS = "".join(chr(c) for c in _SPACES if chr(c) != "\t")
_ODD_SPACE = re.compile("[" + _ODD_CHARS + "]")
_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,2000}\)")
_LINK = re.compile(r"\[([^\]\n]{1,300})\]\((?:https?:|mailto:|tel:|/|www\.)[^)\n]{0,2000}\)")
# Entities a clipper copied from the page's source ("Q&amp;A").
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")
_SPACE_RUN = re.compile(r" {2,}")
_BLANK_RUN = re.compile(r"\n\n\n+")
_HEADING = re.compile(r"^#{1,6}[ ]+")
# A rule line a converter ran into the next line's words: "---------- PR Newswire".
_RULE_PREFIX = re.compile(r"^[-=_*~]{4,}\s+")
_RST_START = frozenset(".:=~^-`'*")
_RST_NOISE = re.compile(r"^(?:\.\. [\w|:_-]+.*|:\w+:.*|[=~^\-`']{4,}|\*{3,})$")


# Typographic ligatures a PDF's text layer keeps ("ﬁndings", "Oﬃcer").
_LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st"}


def normalize(text: str, wrapped: bool = False) -> str:
    """``wrapped``: the text's lines are a page's printed lines (a PDF), to be joined back."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    meta, text = split_front_matter(text)
    if meta.title:  # a clipped page's title is the headline; the rest of its header is not text
        text = meta.title + "\n\n" + text
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    if any(ch in text for ch in "\ufb00\ufb01\ufb02\ufb03\ufb04"):
        text = text.translate(_LIGATURES)
    # Replacing the few found costs less than translating every character; and a plain look for
    # each character (a fast single-character search) costs less than the class pattern's scan.
    if any(c in text for c in _ODD_CHARS):
        text = _ODD_SPACE.sub(lambda m: _SPACES[ord(m.group(0))] or "", text)
    if "](" in text:  # every image and link holds one; most texts none
        text = _LINK.sub(GROUP_1, _IMAGE.sub("", text) if "![" in text else text)
    lines = []
    raw = text.split("\n")
    if max(map(len, raw)) >= LONG_LINE:
        # only the long lines can change: a call for each of the others costs more than the test
        repaired = [repair_run_together(ln) if len(ln) >= LONG_LINE else ln for ln in raw]
        if repaired != raw:  # most long lines stay as they are: then the text is too
            text = "\n".join(repaired)
            raw = text.split("\n")
    # Looks at the whole text first: most texts have no emphasis marks, many no double spaces.
    marks = "*" in text or "_" in text or "\\" in text
    doubled = "  " in text
    for line in raw:
        if marks and ("*" in line or "_" in line or "\\" in line):
            line = strip_emphasis(line)
            spaced = "  " in line  # stripping marks may leave two spaces
        else:
            spaced = doubled and "  " in line
        if spaced:
            line = _SPACE_RUN.sub(" ", line)
        line = line.strip(" ")
        if line[:1] == "#":
            line = _HEADING.sub("", line)
        if line[:1] in _RST_START:
            framed = line.endswith(("-", "="))  # "---- Forwarded message ----" is a label, kept whole
            line = "" if _RST_NOISE.match(line) else line if framed else _RULE_PREFIX.sub("", line)
        lines.append(line)
    if wrapped:
        lines = reflow(lines)
    lines = drop_chrome(lines)
    text = "\n".join(lines)
    if "\n\n\n" in text:  # runs of blank lines to one, in one pass (the pattern opens with its literal)
        text = _BLANK_RUN.sub("\n\n", text)
    return text.strip("\n ")
