"""Where the contact blocks are: under a heading ("Media Contact", "Investors", "Acme
Contacts"), or found by their content (a short line starting with a person's name, an e-mail
or a phone on it or just under it), and where each ends.

Works on ``plain_view(text)``: the text with markdown marks blanked, so offsets stay those of
the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .contact_labels import LABEL
from .contact_lines import ORG_WORDS, inside
from .glue import EMAIL
from .model import Span
from .people import is_person, leading_person
from .phones import find_phones
from .textfind import find_all, matches_at
from .textutil import folds_plainly, lower

STOP = re.compile(r"About\s|(?i:(?:condensed\s+)?consolidated\s+(?:statements?|balance)|selected\s+financial|"
                  r"\(in thousands|\(unaudited\)|forward[- ]looking|source:|view (?:the )?(?:original|source)|this (?:press release|communication|news release)|"
                  r"disclaimer|safe harbor|important safety|footnotes|###|company website|\(\w+-\w+\)$|"
                  r"non-gaap|(?:\(?tables?\s+(?:to\s+)?follows?)|financial tables|original/source)|SOURCE\s|"
                  r"-{3,}[ \t]*(?=\n)")  # a markdown rule: the page's chrome follows
# Heading marks at a line's start ("## "), "__" not inside a word or an address. Each branch
# starts with the mark itself and looks back from there, so ``re`` skips ahead to a "#" or "_".
_MARKS = re.compile(r"(?m)#(?<=^#)#{0,5}(?=\s)|_(?<![\w@.]_)_|__(?![\w@])")


# A link with no text or an image ("[](https://…)", "![logo](…)"): a web page's debris that can
# stand before a heading on its line ("[](https://…) Contact Information:").
_EMPTY_LINKS = re.compile(r"!?\[\]\([^()\s]{1,500}\)|!\[[^\]\n]{0,200}\]\([^()\s]{1,500}\)")


def plain_view(text: str) -> str:
    """The text with markdown emphasis, heading marks, empty links and images blanked, offsets
    unchanged."""
    if "](" in text:
        text = _EMPTY_LINKS.sub(lambda m: " " * len(m.group(0)), text)
    if "*" in text or "`" in text:
        text = text.replace("*", " ").replace("`", " ")
    if "#" in text or "__" in text:
        text = _MARKS.sub(lambda m: " " * len(m.group(0)), text)
    return text


KEYWORDS = ("contact", "investor", "media", "press", "information", "analyst", "relations", "shareholder",
            "journalist")
# "inquir" and "enquir" found by one scan for the letters they share: each hit is one of them
# when the letter before it is "i" or "e".
_QUIR = "nquir"
_SHORT_ROLES = re.compile(r"\b(?:IR|PR)\b")
# A line's start, or a capital that starts a line a page lost ("...0101Investors"). The capital
# is asked first, once for all four looks back: most positions fail there at once.
LINE_STARTS = re.compile(r"(?m)^[ \t]*(?=\S)|(?=[A-Z])(?:(?<=[.)0-9a-z])|(?<=\. )|(?<=\S  )|(?<=[a-z] )(?=For\s))")


def _keyword_positions(text: str, start: int) -> list[int]:
    """Where a label word occurs: every label is near one (plain ``find`` is far cheaper
    than trying the label pattern at every line start)."""
    low = lower(text)  # the view is the text itself when it has no marks: then computed already
    found = []
    for short in ("IR", "PR"):
        at = text.find(short, start)
        while at >= 0:
            if _SHORT_ROLES.match(text, at) and (at == 0 or not text[at - 1].isalnum()):
                found.append(at)
            at = text.find(short, at + 2)
    for word in KEYWORDS:
        at = low.find(word, start)
        while at >= 0:
            found.append(at)
            at = low.find(word, at + 1)
    at = low.find(_QUIR, start + 1)
    while at >= 0:
        if low[at - 1] in "ie":
            found.append(at - 1)
        at = low.find(_QUIR, at + 1)
    return sorted(found)


def _line_start(text: str, pos: int) -> bool:
    line_head = text[text.rfind("\n", 0, pos) + 1:pos]
    if not line_head.strip(" \t|"):
        return True
    before = text[pos - 1]
    return before in ".)0123456789" or (before.islower() and text[pos].isupper()) or text[pos - 2:pos] == ". " \
        or text[pos - 2:pos] == "  " and text[pos - 3:pos - 2].strip()  # a break lost to two spaces


def _alone_on_line(text: str, end: int) -> bool:
    rest = text[end:end + 200]
    newline = rest.find("\n")
    return not (rest if newline < 0 else rest[:newline]).strip(" \t|")


def _candidates(view: str, start: int) -> Iterator[int]:
    """Line starts up to 80 characters before a label word, in order, each once."""
    scanned = start
    for k in _keyword_positions(view, start):
        begin = max(scanned, k - 80)
        if begin > k:
            continue
        starts = [m.end() for m in LINE_STARTS.finditer(view, begin, k + 1)]
        if not starts and k > 80 and view[k - 1] in " \t" and not view[k - 80:k].strip():
            line_start = view.rfind("\n", k - 600, k)
            if line_start >= 0 and not view[line_start:k].strip():
                starts.append(k)  # a line whose blanked debris ran more than 80 characters
        yield from starts
        scanned = k + 1


_FOR_CONTACT = re.compile(r"(?i)for\s[^:\n]{5,160}(?:contact|reach)(?:\s+us)?\s*:")


def _labels(view: str, start: int) -> list[re.Match]:
    """The contact headings after ``start``: a label at a line's start that ends in a colon,
    says "contact", or stands alone on its line."""
    labels: list[re.Match] = []
    for p in _candidates(view, start):
        if len(labels) >= MAX_LABELS:
            break
        m = LABEL.match(view, p)
        if not m or not m.group(0).strip():
            continue
        if not _line_start(view, m.start()) and not _FOR_CONTACT.fullmatch(m.group(0)):
            continue  # a label inside a line, unless it is the whole "For …, please contact:"
        if labels and m.start() < labels[-1].end():
            continue
        heading = m.group(0).rstrip()
        if re.match(r"\s*Release\b", view[m.end():m.end() + 20]):
            continue  # "Press" / "Release": a page's banner
        if heading.endswith(":") or re.search(r"(?i)contact|ir\s*/\s*pr", heading) or _alone_on_line(view, m.end()):
            labels.append(m)
    return labels


CAPS_HEADING = re.compile(r"\n[ \t]*[A-Z][A-Z&,.'’-]+(?:[ \t]+[A-Z&,.'’-]+){2,6}[ \t]*\n")
LONG_LINE = re.compile(r"[^\n]{250,}")


# What every STOP match starts with, in lower case (a superset: "about" for "About", "(" for the
# brackets, "table" for "tables follow"). Case-blind alternatives scan slowly; plain finds do not.
_STOP_HEADS = ("about", "condensed", "consolidated", "selected", "(", "forward", "source", "view ", "this ",
               "disclaimer", "safe harbor", "important safety", "footnotes", "###", "company website", "non-gaap",
               "table", "financial tables", "original/source", "---")


def _stops(view: str, start: int, end: int) -> Iterator[re.Match]:
    """STOP.finditer(view, start, end), tried only where one of _STOP_HEADS stands."""
    window = view[start:end]
    if not folds_plainly(window):
        return STOP.finditer(view, start, end)
    low = window.lower()  # same offsets: no letter here changes length
    starts = sorted({start + at for head in _STOP_HEADS for at in find_all(low, head)})
    return matches_at(STOP, view, starts, end)


def _region_end(view: str, start: int, limit: int) -> int:
    """Where a block that starts at ``start`` ends: at the next section, a heading in capitals,
    or a paragraph of prose (a long line with no phone or e-mail)."""
    end = min(len(view), start + 1500, limit)
    for stop in _stops(view, start, end):
        if _line_start(view, stop.start()) or view[stop.start() - 1] == " " and stop.group(0).startswith(("View", "SOURCE")):
            end = stop.start()
            break
    heading = CAPS_HEADING.search(view, start, end)
    if heading and not ORG_WORDS.search(heading.group(0).title()):
        end = heading.start()  # "FINANCIAL TABLES FOLLOW": what comes next is not contact details
    for line in LONG_LINE.finditer(view, start, end):
        if not EMAIL.search(line.group(0)) and not find_phones(line.group(0), 0, min(400, len(line.group(0)))):
            end = line.start()
            break
    return end


# Real releases have a few contact headings and blocks of a few hundred characters; these bound
# the work on texts that repeat a heading word thousands of times.
MAX_LABELS, MAX_BLOCK = 60, 5000


def find_regions(view: str, body_start: int, skip: list[Span]) -> list[tuple[int, int, str, str | None]]:
    """Blocks as (start, end, heading, organization named by the heading)."""
    regions: list[tuple[int, int, str, str | None]] = []
    for m in _labels(view, body_start):
        # A sub-heading inside a block ("Acme Contacts" / "Media" / ... / "Investors") is read with it.
        if regions and m.start() <= regions[-1][1]:
            s, end, heading, org = regions[-1]
            if m.end() > end and end - s < MAX_BLOCK:
                regions[-1] = (s, min(_region_end(view, m.end(), len(view)), s + MAX_BLOCK), heading, org)
            continue
        org = (m.group("org") or m.group("org2") or "").strip(" ,")
        regions.append((m.end(), _region_end(view, m.end(), len(view)), m.group(0), org or None))
    return regions + _content_regions(view, body_start, skip + [(s, e) for s, e, _, _ in regions])


# Where a phone may start: "+1 617…", "(617) 555-0101", "617-555-0101".
INTL_HINT = re.compile(r"\+\s?\d{1,3}[\s.-]?\(?\d")
AREA_HINT = re.compile(r"\(\d{3}\)\s?\d{3}[\s.-]\d{4}")
# "617-555-0101" found from its first separator (a class ``re`` can skip ahead to; digits are
# everywhere in financial tables), looking back for the first group.
DASHED_HINT = re.compile(r"[.-](?<=\d{3}[.-])(?=\d{3}[.-]\d{4})")


def _phone_hints(view: str, start: int) -> list[int]:
    """Starts of the phone hints after ``start``, as a left-to-right scan for any of the three
    shapes takes them (a hint inside an earlier one is not taken): "+" and "(" are found with
    ``str.find``, and the dashed shape from its separator, which is far cheaper than trying
    the three shapes at every character."""
    found = []
    for mark, pattern in (("+", INTL_HINT), ("(", AREA_HINT)):
        at = view.find(mark, start)
        while at >= 0:
            m = pattern.match(view, at)
            if m:
                found.append((at, m.end()))
            at = view.find(mark, at + 1)
    found.extend((m.start() - 3, m.start() + 9) for m in DASHED_HINT.finditer(view, start + 3))
    found.sort()
    starts, taken_to = [], start
    for s, e in found:
        if s >= taken_to:
            starts.append(s)
            taken_to = e
    return starts


def _emails_from(view: str, start: int) -> list[tuple[int, str]]:
    """Addresses after ``start``: found from their "@" (scanning for the pattern is slow)."""
    found = []
    at = view.find("@", start)
    while at >= 0 and len(found) < MAX_LABELS * 4:
        if at == 0 or not view[at - 1].isalnum() or at + 1 >= len(view) or not view[at + 1].isalnum():
            at = view.find("@", at + 1)
            continue
        m = EMAIL.search(view, max(start, at - 64), at + 256)
        if m and m.start() < at < m.end():
            found.append((m.start(), m.group(0)))
        at = view.find("@", at + 1)
    return found


def _lines_around(view: str, pos: int) -> tuple[int, int]:
    return view.rfind("\n", 0, pos) + 1, (view.find("\n", pos) + 1 or len(view) + 1) - 1


def _content_regions(view: str, start: int, skip: list[Span]) -> list[tuple[int, int, str, str | None]]:
    """Unlabelled blocks: a short line starting with a person's name, with an e-mail or a
    phone on it or on one of the next three lines."""
    # Phones are looked for near the end only: the figures of long financial tables are slow to
    # scan, and a block that gives a phone without an e-mail or a heading is a short release's.
    tail = max(start, len(view) - 8000)
    anchors = sorted(_emails_from(view, start) + [(at, "") for at in _phone_hints(view, tail)])
    found: list[tuple[int, int, str, str | None]] = []
    for at, email in anchors:
        if inside(at, skip) or (found and at < found[-1][1]):
            continue
        line_start, line_end = _lines_around(view, at)
        if line_end - line_start > 200 or (not email and not find_phones(view, line_start, line_end)):
            continue
        head = _person_line_above(view, line_start, (email,) if email else ())
        if head is None or inside(head, skip):
            continue
        above_start, above_end = _lines_around(view, max(0, head - 1))
        above = view[above_start:above_end].strip(" \t|")
        if head > 0 and 1 < len(above) < 60 and not re.search(r"[.!?]$|\d", above):
            head = above_start  # an organization's line over its people
        end = view.find("\n\n", at)
        end = min(len(view), at + 300) if end < 0 else min(end, at + 300)
        if found and not view[found[-1][1]:head].strip():
            head = found.pop()[0]  # the next person of the same block
        found.append((head, end, "", None))
    return found


def _person_line_above(view: str, line_start: int, emails: tuple[str, ...]) -> int | None:
    back = line_start
    for _ in range(4):
        _, line_end = _lines_around(view, back)
        line = view[back:line_end]
        stripped = line.strip(" \t|")
        if 3 < len(stripped) < 150 and (is_person(stripped.rstrip(" ,:"), emails) or leading_person(stripped, emails)):
            return back + line.index(stripped[:1])
        if back == 0 or len(stripped) > 150:
            return None
        back = view.rfind("\n", 0, back - 1) + 1
    return None


TABLE_ROW = re.compile(r"(?m)^[ \t]*\|[^\n]{1,400}\|[ \t]*$")


TAB_ROW = re.compile(r"(?m)^[^\n\t]{0,200}\t[^\n]{0,600}$")
_CELL = re.compile(r"[^\t\n]+")


def _tab_cells(view: str, start: int, end: int) -> list[list[Span]] | None:
    """A table whose cells a web page's reader set apart with tabs, a row a line ("Investors\tMedia"
    / "Ann Lee\tBo Park" / ...), right under a heading: its columns' cells."""
    rows = []
    for row in TAB_ROW.finditer(view, start, end):
        if rows and view[rows[-1].end():row.start()].strip():
            break  # the table ended: text between rows
        rows.append(row)
    if len(rows) < 2 or view[start:rows[0].start()].strip():
        return None
    columns: list[list[Span]] = []
    for row in rows:
        cells = [(c.start(), c.end()) for c in _CELL.finditer(view, row.start(), row.end()) if c.group(0).strip()]
        for i, cell in enumerate(cells):
            while len(columns) <= i:
                columns.append([])
            columns[i].append(cell)
    return columns if len(columns) > 1 else None


def table_cells(view: str, start: int, end: int) -> list[list[Span]] | None:
    """A markdown table right under a heading ("| Media | Investors |"), or a web page's table
    whose cells came as tabs: its columns' cells."""
    if "\t" in view[start:end]:
        tabbed = _tab_cells(view, start, end)
        if tabbed:
            return tabbed
    rows = list(TABLE_ROW.finditer(view, start, end))
    if len(rows) < 2 or view[start:rows[0].start()].strip():
        return None
    columns: list[list[Span]] = []
    for row in rows:
        cells = [(row.start() + c.start(1), row.start() + c.end(1)) for c in re.finditer(r"(?<=\|)([^|\n]*)(?=\|)", row.group(0))]
        if all(re.fullmatch(r"\s*:?-{2,}:?\s*", view[s:e]) for s, e in cells):
            continue
        for i, cell in enumerate(cells):
            while len(columns) <= i:
                columns.append([])
            if view[cell[0]:cell[1]].strip():
                columns[i].append(cell)
    return columns
