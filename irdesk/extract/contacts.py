"""The people a reader is told to contact: the blocks at the foot of a release.

Two floors. First the blocks: a heading names them ("Media Contact", "Investors", "Acme
Contacts", "For more information, contact"), or their content does (a line that starts with
a person's name, an e-mail or a phone within the next lines, outside the story's sections).
Then the block's pieces, cut at line breaks, separators and lost breaks (``glue``), each
read as a person (``people``), a title, an organization, a phone (``phones``), an e-mail, a
sub-heading or an audience marker; ``_Assembler`` joins them into contacts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .glue import EMAIL, URL, _word_counts, clean_email, glue_breaks
from .model import Contact, Release, Span
from .people import clean_name, is_person, leading_person, name_tokens
from .phones import find_phones
from .sections import Sections
from .textutil import LEGAL_SUFFIX
from .vocab import load_words

ROLE = (r"(?i:Investors?|Media|Press|Analysts?|IR|PR|Public|Corporate|Company|Business|News|Shareholders?|"
        r"Journalists?|Communications?)")
ROLES = rf"{ROLE}(?:\s*(?:and|&|/|-)\s*{ROLE})*"
# After an organization's name "PR" or "IR" is more often part of a firm's name ("Brightwater PR").
LONG_ROLES = ROLES.replace("IR|PR|", "")
SUFFIXES = r"(?i:Relations|Inquiries|Enquiries|Support|Contacts?|Information|Desk|Team|Affairs)"
# An organization's name in a heading: capitalized words ("Acme Bio, Inc.", "Heidelberg Pharma AG").
ORG_NAME = r"[A-Z][\w.&'’-]*(?:,?[ \t](?:[A-Z&][\w.&'’-]*|of|and|the|de)){0,5}"
LABEL = re.compile(
    rf"(?P<label>(?i:For\s+(?:more|further|additional)\s+information[^:\n]{{0,60}}?(?:contact|reach)(?:\s+us)?\b\s*:?)"
    rf"|(?i:For\s+(?:more|further|additional)\s+information\s*:)"
    rf"|(?i:For)\s+{ROLES}(?:\s+{SUFFIXES}|\s+(?i:questions|requests))*,?\s+(?i:please\s+)?(?i:contact|reach)(?:\s+us)?\b\s*:?"
    rf"|(?i:For)\s+{ROLES}(?:\s+{SUFFIXES})*(?:\s+(?i:and)\s+[^:\n]{{1,60}})?\s*:"
    rf"|(?i:For)\s+{ROLES}(?:\s+{SUFFIXES})*\s*(?=\n|$)"
    rf"|(?:(?i:International|External|Internal)\s+)?{ROLES}(?:[\s-]+{SUFFIXES})*\s*:"
    rf"|(?:(?P<org>{ORG_NAME})\s)??(?:{ROLES}\s+)?(?:(?i:Relations)\s+)?(?i:Contacts?)"
    rf"(?:\s+(?i:Details|Information|Info|Person|Us)|\s+(?i:for|with)\s+{ROLES}(?:\s+{SUFFIXES})*)?\s*:?"
    rf"|(?:(?P<org2>[A-Z][\w.&'’-]{{1,30}}(?:\s[A-Z][\w.&'’-]{{1,30}}){{0,2}})\s+)?(?:(?i:International|External)\s+)?"
    rf"{LONG_ROLES}(?:[\s-]+{SUFFIXES})*\s*(?=\n|$)"
    rf"|(?:(?i:International)\s+)?(?:IR|PR)\s*/\s*(?:IR|PR)(?:-Support)?)")
SUBLABEL = re.compile(rf"(?:(?i:For)\s+)?{ROLES}(?:\s+{SUFFIXES})*\s*:?\s+(?=[A-Z])")
STOP = re.compile(r"About\s|(?i:(?:condensed\s+)?consolidated\s+(?:statements?|balance)|selected\s+financial|"
                  r"\(in thousands|\(unaudited\)|forward[- ]looking|source:|view (?:the )?(?:original|source)|this (?:press release|communication|news release)|"
                  r"disclaimer|safe harbor|important safety|footnotes|###|company website|\(\w+-\w+\)$|"
                  r"non-gaap|(?:\(?tables?\s+(?:to\s+)?follows?)|financial tables|original/source)|SOURCE\s")
BREAK_WORDS = re.compile(r"(?i)\b(?:tel(?:ephone)?|phone|mobile|cell|office|direct|fax|e-?mail|mail|web(?:site)?)\b\.?\s*:?"
                         r"|(?<![A-Z\d])[TEMPFO]\s*:|(?<![\w.])[TM]\s(?=\+)")
TITLE_WORDS = re.compile(r"(?i)\b(?:director|officer|president|manager|head|vp|svp|evp|avp|vice|partner|chief|ceo|cfo|coo|"
                         r"cmo|cso|cbo|cto|cco|chair(?:man|woman|person)?|founder|associate|senior|specialist|lead|"
                         r"coordinator|counsel|secretary|treasurer|analyst|executive|principal|advisor|consultant|"
                         r"spokes\w+|strategist|officer)\b")
DEPARTMENT = re.compile(r"(?i)\b(?:relations|communications?|affairs|marketing|finance|operations|development|"
                        r"inquiries|enquiries|desk|office)\b")
ORG_WORDS = re.compile(rf"(?:\b(?:{LEGAL_SUFFIX})(?=\W|$)|\b(?:Communications?|Advisors?|Partners|Pharma\w*|Therapeutics|"
                       r"Biosciences?|Bio\w*|University|Capital|Securities|Network|Laboratories|Labs|Relations|"
                       r"Consulting|Agency|Associates|Strategies|Strategic|Media|Group|PR|IR|Digital|Health|Medical|"
                       r"Sciences?|Foundation|Institute|Bank|Holdings?)\b)")
ADDRESS = re.compile(r"(?i)\b(?:street|str\.|st\.|avenue|ave\.?|road|rd\.|drive|suite|floor|blvd|boulevard|broadway|"
                     r"centre|center|tower|plaza|p\.?o\.? box|parkway|lane|way)\b|\b\d{5}\b|[A-Z]\d[A-Z] ?\d[A-Z]\d|"
                     r"^\d{1,5}\s+[A-Z]")
AUDIENCE = re.compile(r"\(?\s*(?:for\s+)?(?P<who>(?:Investors?|Media|Press|Analysts?|IR|PR|Journalists?)"
                      r"(?:\s*(?:and|&|/)\s*(?:Investors?|Media|Press|Analysts?|IR|PR))*)(?:\s+(?:Relations|Contacts?|Inquiries))?\s*\)?",
                      re.I)
JUNK = re.compile(r"(?i)or|and|at|via|\(?\w\)?|www\S*|https?\S*|\W+|(?:please\s+)?(?:contact|call|e-?mail|write to|visit)|"
                  r"(?:company|contact|organi[sz]ation|business|staff\s+member|full)?\s*(?:name|person|details)|address|(?:city|country|state)(?:\s*/\s*(?:city|country|state))*|"
                  r"province|zip(?:\s+code)?|web(?:site)?|phone|e-?mail\s+address")
CITY_TAIL = re.compile(r"\s+in\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?$")


@dataclass
class Item:
    kind: str  # person, title, org, phone, email, label, audience
    value: str
    span: Span
    audience: str | None = None
    line: int = 0


def audience_of(label: str) -> str | None:
    investors = bool(re.search(r"(?i)\b(?:investors?|IR|analysts?|shareholders?|financial)\b", label))
    media = bool(re.search(r"(?i)\b(?:media|press|PR|news|journalists?|public\s+relations)\b", label))
    return "both" if investors and media else "investors" if investors else "media" if media else None


_MARKS = re.compile(r"(?m)^#{1,6}(?=\s)|(?<![\w@.])_{2}|_{2}(?![\w@])")


def plain_view(text: str) -> str:
    """The text with markdown emphasis and heading marks blanked, offsets unchanged."""
    if "*" in text or "`" in text:
        text = text.replace("*", " ").replace("`", " ")
    if "#" in text or "__" in text:
        text = _MARKS.sub(lambda m: " " * len(m.group(0)), text)
    return text


KEYWORDS = ("contact", "investor", "media", "press", "information", "analyst", "inquir", "enquir", "relations",
            "shareholder", "journalist")
_SHORT_ROLES = re.compile(r"\b(?:IR|PR)\b")
LINE_STARTS = re.compile(r"(?m)^[ \t]*(?=\S)|(?<=[.)0-9a-z])(?=[A-Z])|(?<=\. )(?=[A-Z])")


def _keyword_positions(text: str, start: int) -> list[int]:
    """Where a label word occurs: every label is near one (plain ``find`` is far cheaper
    than trying the label pattern at every line start)."""
    low = text.lower()
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
    return sorted(found)


def _line_start(text: str, pos: int) -> bool:
    line_head = text[text.rfind("\n", 0, pos) + 1:pos]
    if not line_head.strip(" \t|"):
        return True
    before = text[pos - 1]
    return before in ".)0123456789" or (before.islower() and text[pos].isupper()) or text[pos - 2:pos] == ". "


def _alone_on_line(text: str, end: int) -> bool:
    rest = text[end:end + 200]
    newline = rest.find("\n")
    return not (rest if newline < 0 else rest[:newline]).strip(" \t|")


def _inside(pos: int, spans: list[Span]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _labels(view: str, start: int, skip: list[Span]) -> list[re.Match]:
    keywords = _keyword_positions(view, start)
    candidates = sorted({m.end() for k in keywords for m in LINE_STARTS.finditer(view, max(start, k - 80), k + 1)})
    labels = []
    for p in candidates:
        m = LABEL.match(view, p)
        if not m or not m.group(0).strip() or not _line_start(view, m.start()):
            continue
        if labels and m.start() < labels[-1].end():
            continue
        heading = m.group(0).rstrip()
        if re.match(r"\s*Release\b", view[m.end():m.end() + 20]):
            continue  # "Press" / "Release": a page's banner
        if heading.endswith(":") or re.search(r"(?i)contact|ir\s*/\s*pr", heading) or _alone_on_line(view, m.end()):
            labels.append(m)
    return labels


def _region_end(view: str, start: int, limit: int) -> int:
    end = min(len(view), start + 1500, limit)
    for stop in STOP.finditer(view, start, end):
        if _line_start(view, stop.start()) or view[stop.start() - 1] == " " and stop.group(0).startswith(("View", "SOURCE")):
            end = stop.start()
            break
    heading = re.search(r"\n[ \t]*[A-Z][A-Z&,.'’-]+(?:[ \t]+[A-Z&,.'’-]+){2,6}[ \t]*\n", view[start:end])
    if heading and not ORG_WORDS.search(heading.group(0).title()):
        end = start + heading.start()  # "FINANCIAL TABLES FOLLOW": what comes next is not contact details
    for line in re.finditer(r"[^\n]{250,}", view[start:end]):
        if not EMAIL.search(line.group(0)) and not find_phones(line.group(0), 0, min(400, len(line.group(0)))):
            end = start + line.start()
            break
    return end


def find_regions(view: str, body_start: int, skip: list[Span]) -> list[tuple[int, int, str, str | None]]:
    """Blocks as (start, end, heading, organization named by the heading)."""
    regions: list[tuple[int, int, str, str | None]] = []
    for m in _labels(view, body_start, skip):
        # A sub-heading inside a block ("Acme Contacts" / "Media" / ... / "Investors") is read with it.
        if regions and m.start() <= regions[-1][1]:
            if m.end() > regions[-1][1]:
                s, _, heading, org = regions[-1]
                regions[-1] = (s, _region_end(view, m.end(), len(view)), heading, org)
            continue
        org = (m.group("org") or m.group("org2") or "").strip(" ,")
        regions.append((m.end(), _region_end(view, m.end(), len(view)), m.group(0), org or None))
    return regions + _content_regions(view, body_start, skip + [(s, e) for s, e, _, _ in regions])


PHONE_HINT = re.compile(r"\+\s?\d{1,3}[\s.-]?\(?\d|\(\d{3}\)\s?\d{3}[\s.-]\d{4}|\d{3}[.-]\d{3}[.-]\d{4}")


def _emails_from(view: str, start: int) -> list[tuple[int, str]]:
    """Addresses after ``start``: found from their "@" (scanning for the pattern is slow)."""
    found = []
    at = view.find("@", start)
    while at >= 0:
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
    anchors = sorted(_emails_from(view, start) + [(m.start(), "") for m in PHONE_HINT.finditer(view, tail)])
    found: list[tuple[int, int, str, str | None]] = []
    for at, email in anchors:
        if _inside(at, skip) or (found and at < found[-1][1]):
            continue
        line_start, line_end = _lines_around(view, at)
        if line_end - line_start > 200 or (not email and not find_phones(view, line_start, line_end)):
            continue
        head = _person_line_above(view, line_start, (email,) if email else ())
        if head is None or _inside(head, skip):
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


def _table_cells(view: str, start: int, end: int) -> list[list[Span]] | None:
    """A markdown table right under a heading ("| Media | Investors |"): its columns' cells."""
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


def _pieces(view: str, start: int, end: int, counts) -> tuple[list[Item], list[str]]:
    """The block cut into classified pieces, in order; and its e-mail addresses."""
    found: list[Item] = []
    masked: list[Span] = []
    raw_emails: list[Span] = []
    for m in EMAIL.finditer(view, start, end):
        s, e = clean_email(view, m)
        found.append(Item("email", view[s:e], (s, e)))
        masked.append((s, e))
        raw_emails.append(m.span())
    emails = tuple(i.value for i in found)
    for m in URL.finditer(view, start, end):
        if not _inside(m.start(), masked):
            masked.append(m.span())
    for s, e in find_phones(view, start, end):
        if not _inside(s, masked):
            found.append(Item("phone", view[s:e], (s, e)))
            masked.append((s, e))
    cuts = {start, end}
    for s, e in masked:
        cuts.update((s, e))
    for m in re.finditer(r"\n|\s\|\s|\||;|:\s|(?<=[A-Za-z]):(?=[A-Z])|\s/\s(?=[A-Z][a-z]+\s[A-Z])|\bor\b(?=\s*\n)|\(?\b(?:at|via)\s(?=\(?\+?\d)",
                         view[start:end]):
        cuts.update((start + m.start(), start + m.end()))
    for m in BREAK_WORDS.finditer(view, start, end):
        cuts.update(m.span())
    # Where an address was glued to a word, cleaning it placed the cut; no second one inside.
    cuts.update(b for b in glue_breaks(view, start, end, counts) if not any(s < b < e for s, e in raw_emails))
    points = sorted(cuts)
    for a, b in zip(points, points[1:]):
        if _inside(a, masked):
            continue
        piece = view[a:b]
        if BREAK_WORDS.fullmatch(piece.strip()):
            continue
        stripped = piece.strip(" \t,;:|-–—/*")
        if stripped:
            found.extend(_classify(stripped, a + piece.index(stripped), emails))
    found.sort(key=lambda i: i.span[0])
    for item in found:
        item.line = view.count("\n", start, item.span[0])
    return found, list(emails)


def _item(kind: str, value: str, start: int, full: str, audience: str | None = None) -> Item:
    at = start + full.index(value) if value in full else start
    return Item(kind, value, (at, at + len(value)), audience)


def _is_name(value: str, emails: tuple[str, ...]) -> bool:
    return is_person(value, emails) and not ADDRESS.search(value)


def _classify(value: str, start: int, emails: tuple[str, ...]) -> list[Item]:
    if JUNK.fullmatch(value) or len(value) > 200:
        return []
    audience = AUDIENCE.fullmatch(value)
    if audience and value.startswith("("):
        return [_item("audience", value, start, value, audience_of(value))]
    if ADDRESS.search(value) and not TITLE_WORDS.search(value):
        return []
    label = LABEL.match(value) or SUBLABEL.match(value)
    if label and label.end() < len(value) and (audience_of(label.group(0)) or re.search(r"(?i)contact", label.group(0))) \
            and not _is_name(value, emails):
        head = label.group(0).rstrip(" :")
        rest = value[label.end():].strip(" :")
        return [_item("label", head, start, value, audience_of(head)), *_classify(rest, start + value.index(rest), emails)]
    people = [p for p in re.split(r"\s*(?:,|/|&|\band\b)\s*", value) if p]
    if len(people) > 1 and _is_name(people[0], emails) and all(name_tokens(clean_name(p)) for p in people):
        return [_item("person", clean_name(p), start, value) for p in people]
    person = _person_and_rest(value, start, emails)
    if person:
        return person
    title_org = re.fullmatch(rf"([^,]{{2,60}}),\s*(.+?\b{LEGAL_SUFFIX})", value)
    if title_org and TITLE_WORDS.search(title_org.group(1)) and not TITLE_WORDS.search(title_org.group(2)):
        return [_item("title", title_org.group(1), start, value), _item("org", title_org.group(2), start, value)]
    org_person = re.fullmatch(rf"(.+?\b{LEGAL_SUFFIX})\s+(\S.+)", value)
    if org_person and _is_name(org_person.group(2), emails):
        name = clean_name(org_person.group(2))
        return [_item("org", org_person.group(1), start, value), _item("person", name, start, value)]
    if re.search(rf"(?:^|\s|,){LEGAL_SUFFIX}$", value) and len(value) < 80 and not _is_name(value, emails):
        return [_item("org", value, start, value)]
    label = LABEL.fullmatch(value) or LABEL.fullmatch(value + ":")
    if label and not _is_name(value, emails) and (audience_of(value) or re.search(r"(?i)contact", value)):
        org = (label.group("org") or label.group("org2") or "").strip()
        found = [_item("label", value, start, value, audience_of(value))]
        if org and not re.fullmatch(rf"{ROLES}|(?i:the\s+)?(?i:company|corporate|external|internal|international)", org):
            found.append(_item("org", org, start, value))
        return found
    return _other(value, start)


def _person_and_rest(value: str, start: int, emails: tuple[str, ...]) -> list[Item]:
    """"Jane Roe", "Jane Roe, Ph.D., Senior Director", "Jane Roe Head of IR", "Jane Roe, Investors"."""
    if _is_name(value, emails):
        return [_item("person", clean_name(value), start, value)]
    first, comma, rest = (re.split(r"(,|\s[-–—]\s)", value, maxsplit=1) + ["", ""])[:3]
    if comma and _is_name(first, emails):
        name = first
    else:
        cut = leading_person(value, emails)
        if not cut or ADDRESS.search(value[:cut]) or re.fullmatch(rf"\s*,?\s*{LEGAL_SUFFIX}\s*", value[cut:]):
            return []  # "Acme Bio plc" is a company
        name, rest = value[:cut], value[cut:]
    out = [_item("person", clean_name(name), start, value)]
    rest = clean_name(re.sub(r"^\W*(?:(?:Ph\.?\s?D|M\.?D|D\.?Phil|MBA|CPA|CGMA|Esq)\.?(?:,\s*|\s+|(?=[A-Z])))+", "", rest.strip(" ,")))
    if not rest:
        return out
    rest_at = start + value.rindex(rest) if rest in value else start
    if AUDIENCE.fullmatch(rest):
        out.append(Item("audience", rest, (rest_at, rest_at + len(rest)), audience_of(rest)))
    elif TITLE_WORDS.search(rest):
        out.append(Item("title", rest, (rest_at, rest_at + len(rest))))
    elif len(rest) < 60 and rest[:1].isupper() and not re.search(r"\d", rest):
        out.append(Item("org", rest, (rest_at, rest_at + len(rest))))
    return out


def _is_place(value: str) -> bool:
    """A country's name ("United States", "Germany"), alone or after a city ("Dhaka, Bangladesh")."""
    countries = load_words("countries.tsv")
    city, comma, country = value.rpartition(",")
    return value in countries or bool(comma) and country.strip() in countries and city.count(",") == 0 \
        and len(city.split()) <= 2 and not ORG_WORDS.search(city)


def _other(value: str, start: int) -> list[Item]:
    if _is_place(value) or re.match(r"(?i)(?:please|contact|click|visit|follow|for more)\b", value):
        return []
    if TITLE_WORDS.search(value) and not re.search(rf"\b{LEGAL_SUFFIX}$", value) and len(value) < 120:
        return [_item("title", value, start, value)]
    words = value.split()
    if len(value) < 90 and len(words) <= 10 and not re.search(r"\d{3}", value) and value[:1].isalpha() \
            and not value.endswith(".") and _capitalized(words):
        return [_item("org", value, start, value)]
    return []


def _capitalized(words: list[str]) -> bool:
    """Words of a name ("dna Communications", "Kessler Topaz Meltzer & Check"), not of a sentence."""
    small = {"of", "and", "&", "for", "the", "de", "du", "in", "at", "-", "–", "|", "/", "a"}
    named = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit() or w.lower() in small or not w[:1].isalpha())
    # a brand may start in lower case ("dna Communications"), a sentence rarely ends capitalized
    return words[-1][:1].isupper() and named >= min(0.75 * len(words), len(words) - 1)


class _Assembler:
    """Pieces of one block -> contacts. A heading or sub-heading opens a group; an
    organization line above people belongs to them, one under a person to that person;
    phones and e-mails go to the people named last, or, given before anyone is named, to
    those of the block who have none."""

    def __init__(self, audience: str | None, org: str | None, heading: str, issuer: str | None = None):
        self.audience, self.block_org, self.heading, self.issuer = audience, org, heading, issuer
        self.region_org = org
        self.contacts: list[Contact] = []
        self.depts: list[Contact] = []
        self._reset_block()

    def _reset_block(self) -> None:
        self.block: list[Contact] = []
        self.group: list[Contact] = []
        self.pending: list[Item] = []
        self.orgs: list[Item] = []
        self.marked = 0  # people before this index already took an audience marker
        self.has_reach = False
        self.last: Item | None = None
        self.next_org: Item | None = None

    def feed(self, items: list[Item]) -> None:
        self._reset_block()
        items = _columns(items, self.heading)
        for n, item in enumerate(items):
            following = items[n + 1] if n + 1 < len(items) else None
            getattr(self, "_" + item.kind)(item, following)
            self.last = item
        self._finish()

    def _label(self, item: Item, following: Item | None) -> None:
        if self.group and self.last is not None and self.last.kind in ("person", "title") and not self.has_reach \
                and re.match(r"[A-Z]\w*\s", item.value) and not re.match(rf"{ROLE}\b", item.value):
            self._org(Item("org", item.value, item.span, line=item.line), following)  # "Jane Roe" / "Stern IR"
            return
        if self.last is not None and self.last.kind == "title" and DEPARTMENT.search(item.value) \
                and not re.search(r"(?i)contact|inquir|enquir", item.value) and (following is None or following.kind != "person"):
            self._title(item, following)  # "Senior Vice President" / "Investor Relations": still the title
            return
        last = self.last
        org_above = last.value if last is not None and last.kind == "org" and not any(
            c.organization == last.value for c in self.block) else None
        self._finish()
        self._reset_block()
        self.audience, self.heading = item.audience, item.value
        self.block_org = org_above or self.region_org  # "Anthos" / "Media contact: ..."

    def _person(self, item: Item, following: Item | None) -> None:
        if self.last is None or self.last.kind != "person" or self.has_reach:
            self.group, self.has_reach = [], False
        contact = Contact(name=item.value, organization=self.block_org, audience=self.audience)
        contact.spans["name"] = item.span
        if self.next_org is not None:
            contact.organization = self.next_org.value
            contact.spans["organization"] = self.next_org.span
        self.group.append(contact)
        self.block.append(contact)

    def _title(self, item: Item, following: Item | None) -> None:
        if len(self.group) == 1:
            person = self.group[0]
            if person.title is None:
                person.title = item.value
                person.spans["title"] = item.span
            elif self.last is not None and self.last.kind == "title":
                person.title += ", " + item.value
                person.spans["title"] = (person.spans["title"][0], item.span[1])

    def _org(self, item: Item, following: Item | None) -> None:
        value = CITY_TAIL.sub("", _without_place(re.sub(r"^(?i:for)\s+(?=[A-Z])", "", item.value))).strip()
        item = Item("org", value, (item.span[0], item.span[0] + len(value)), line=item.line)
        last = self.last.kind if self.last is not None else None
        if not self.pending and not self.block:
            self.orgs.append(item)
        if last == "title" and DEPARTMENT.search(value) \
                and not ORG_WORDS.search(re.sub(r"(?i)communications?|relations|PR|IR", "", value)):
            self._title(item, following)  # "Senior Vice President" / "Corporate Communications and IR"
        elif self.group and last in ("person", "title", "audience") and not self.has_reach \
                and all(c.organization in (None, self.block_org) for c in self.group) \
                and not self._heads_next(item, following):
            for c in self.group:  # "Jane Roe" / "Acme Advisors": the person's firm
                c.organization = item.value
                c.spans["organization"] = item.span
        elif following is not None and following.kind == "person":
            if self.block and last is not None and item.line != self.last.line:
                self._sub_block(value)  # "Acme plc" / people / "Broker Ltd" / its people
            elif self.block_org is None or last in (None, "label", "org"):
                self.block_org = item.value
        elif following is not None and following.kind in ("phone", "email"):
            if DEPARTMENT.search(value) and not re.search(rf"\b{LEGAL_SUFFIX}$", value) and _dept_name(value):
                self._dept(item)  # "Media Relations in Dallas: 214-555-0100": the department's own line
            elif self.block and last is not None and item.line != self.last.line:
                self._sub_block(value)  # "Broker Ltd   +44 20 …" / its people
            elif self.block_org is None:
                self.block_org = value  # "Acme Corp." / "Tel: ...": the company's line for all below

    def _heads_next(self, item: Item, following: Item | None) -> bool:
        """An organization's line that heads the people after it rather than naming the firm of
        those before: it starts its own line and gives its phone there ("Broker Ltd  +44 20 …"),
        or a blank line sets it off from them and a person follows."""
        if following is None or self.last is None or item.line == self.last.line:
            return False
        return following.kind == "phone" and following.line == item.line \
            or following.kind == "person" and item.line > self.last.line + 1

    def _sub_block(self, org: str) -> None:
        """An organization's line after people opens the block of that organization's people."""
        audience, heading = self.audience, self.heading
        self._finish()
        self._reset_block()
        self.audience, self.heading, self.block_org = audience, heading, org
        self.orgs = []

    def _dept(self, item: Item) -> None:
        """"Media Relations in Dallas: 214-555-0100": reach for a department, not for the people below."""
        contact = Contact(name=item.value, organization=self.block_org, audience=self.audience)
        contact.spans["name"] = item.span
        self.group, self.has_reach = [contact], False
        self.depts.append(contact)

    def _audience(self, item: Item, following: Item | None) -> None:
        for c in self.block[self.marked:]:
            c.audience = item.audience
        self.marked = len(self.block)

    def _reach(self, item: Item, attr: str) -> None:
        if not self.group:
            self.pending.append(item)
        for c in self.group:
            values = getattr(c, attr)
            if item.value not in values:
                c.spans[f"{attr}[{len(values)}]"] = item.span
                values.append(item.value)
        self.has_reach = bool(self.group)

    def _phone(self, item: Item, following: Item | None) -> None:
        self._reach(item, "phones")

    def _email(self, item: Item, following: Item | None) -> None:
        self._reach(item, "emails")

    def _finish(self) -> None:
        """What a block gave before naming anyone belongs to those who have none of their own;
        a block that names nobody is listed under its department or organization."""
        if not self.block and self.pending:
            name = self._block_name()
            if name:
                contact = Contact(name=name[0], organization=self.block_org, audience=self.audience)
                contact.spans["name"] = name[1]
                self.block.append(contact)
                self.depts.append(contact)
        for c in self.block:
            for attr, kind in (("phones", "phone"), ("emails", "email")):
                values = getattr(c, attr)
                if values:
                    continue
                for item in self.pending:
                    if item.kind == kind and item.value not in values:
                        c.spans[f"{attr}[{len(values)}]"] = item.span
                        values.append(item.value)
        self.contacts.extend(c for c in self.block if c not in self.depts)
        self.pending = []

    def _block_name(self) -> tuple[str, Span] | None:
        """An organization the block names, else its heading's department ("Investor Relations")."""
        for org in self.orgs:
            if _dept_name(org.value):
                return org.value, org.span
        if self.block_org and _dept_name(self.block_org):
            return self.block_org, (0, 0)
        name = " ".join(re.sub(r"(?i)^\W*for\s+|\bcontacts?\b|\s*:\s*$", " ", self.heading).strip(" :*").split())
        if name and DEPARTMENT.search(name) and _dept_name(name) or re.fullmatch(r"(?i)media|investors?|press", name):
            return name, (0, 0)
        if self.issuer and (not name or re.fullmatch(r"(?i)(?:company|corporate|general)?\s*(?:information|details)?", name)):
            return self.issuer, (0, 0)  # "Company Contact: info@…": the issuer's own address
        return None


NOT_DEPARTMENT = re.compile(r"(?i)address|e-?mail|web(?:site)?|phone|telephone|tel|coverage|details|information|"
                            r"contacts?|follow us|social media|here")


def _dept_name(value: str) -> bool:
    """Whether a line can name a department or an organization ("Investor Relations",
    "Acme Bio, Inc."), not a fragment of a sentence ("press inquiries concerning X, please")."""
    words = value.split()
    if not 0 < len(words) <= 8 or NOT_DEPARTMENT.fullmatch(value.strip()) or re.search(r"\d{3}", value):
        return False
    small = {"of", "and", "&", "for", "the", "de", "du", "in", "at", "-", "–", "|", "/"}
    if words[-1].lower() in small or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in small or not w[:1].isalpha() for w in words)


def _columns(items: list[Item], heading: str) -> list[Item]:
    """Side-by-side blocks read across ("Media Contact: Investor Contact:" / "Ann Lee Bo Park" /
    "a@x.com b@x.com"): headings in a row, then as many people, e-mails or phones as headings,
    are put back in order, one block after another."""
    labels = 0
    while labels < len(items) and items[labels].kind == "label":
        labels += 1
    heads = ([Item("label", heading, (0, 0), audience_of(heading))] if heading and labels else []) + items[:labels]
    rest = items[labels:]
    if len(heads) < 2:
        return items
    stop = next((n for n, i in enumerate(rest) if i.kind == "label"), len(rest))
    body, after = rest[:stop], rest[stop:]
    body = [p for i in body for p in (_split_names(i) if i.kind in ("person", "org") else [i])]
    kinds: dict[str, list[Item]] = {}
    for item in body:
        kinds.setdefault(item.kind, []).append(item)
    across = {k: v for k, v in kinds.items() if len(v) == len(heads)}
    if not across or any(len(v) != len(heads) for k, v in kinds.items() if k != "org"):
        return items
    ordered = []
    for n, head in enumerate(heads):
        ordered.append(head)
        ordered.extend(sorted((v[n] for v in across.values()), key=lambda i: i.kind not in ("org", "person")))
    return ordered + [i for i in body if i.kind not in across] + after


def _split_names(item: Item) -> list[Item]:
    """"Ann Lee Bo Park": two people's names side by side."""
    words = list(re.finditer(r"\S+", item.value))
    if len(words) != 4:
        return [item]
    halves = [(words[0].start(), words[1].end()), (words[2].start(), words[3].end())]
    values = [item.value[a:b] for a, b in halves]
    if not any(is_person(v) for v in values) or not all(name_tokens(v) for v in values):
        return [item]
    return [Item("person", v, (item.span[0] + a, item.span[0] + b), line=item.line) for v, (a, b) in zip(values, halves)]


def _without_place(org: str) -> str:
    """"Amgen, Thousand Oaks" -> "Amgen"; "Acme Bio, Inc." stays."""
    head, comma, tail = org.rpartition(",")
    if comma and head and not re.fullmatch(rf"\s*{LEGAL_SUFFIX}\s*", tail):
        return head
    return org


def _heading_org(org: str | None, text: str) -> str | None:
    """An organization named in a heading ("Acme Contacts"), if it reads as one: not a role
    word, and a name the release uses elsewhere ("ADAPTIVE INVESTORS" -> "Adaptive")."""
    if not org or re.fullmatch(rf"{ROLES}|(?i:the\s+)?(?i:company|corporate|for|external|internal|international|"
                               r"additional|further|more)", org):
        return None
    if org.isupper() and len(org) > 4:
        written = re.search(rf"\b{re.escape(org.title())}\b", text)
        return written.group(0) if written else None
    first = re.escape(org.split()[0])
    return org if len(re.findall(rf"\b{first}\b", text)) > 1 or ORG_WORDS.search(org) else None


def _org_above(view: str, pos: int) -> str | None:
    """A block that follows a line naming only an organization belongs to it."""
    above = view[max(0, pos - 200):pos].rstrip("\n \t").rsplit("\n", 1)[-1].strip(" \t*")
    if 2 < len(above) < 70 and re.search(rf"\b{LEGAL_SUFFIX}$", above) and not EMAIL.search(above):
        return above
    return None


def extract_contacts(text: str, release: Release, sections: Sections) -> list[Contact]:
    view = plain_view(text)
    counts = _word_counts(text)
    lead = release.spans.get("headline", (0, 0))[1]
    # The forward-looking section's span runs to the next heading (often the end of the text),
    # so it cannot be skipped whole; its long lines hold no label.
    skip = [s.span for s in sections.about]
    found: list[Contact] = []
    depts: list[Contact] = []
    for start, end, heading, org in find_regions(view, lead, skip):
        org = _heading_org(org, text) or (_org_above(view, start - len(heading)) if heading else None)
        assembler = _Assembler(audience_of(heading), org, heading, release.company)
        columns = _table_cells(view, start, end)
        if columns:
            for cells in columns:
                items = [i for s, e in cells for i in _pieces(view, s, e, counts)[0]]
                assembler.feed(items)
                assembler.audience, assembler.block_org = audience_of(heading), org
        else:
            assembler.feed(_pieces(view, start, end, counts)[0])
        found.extend(assembler.contacts)
        depts.extend(assembler.depts)
    return _merge(found, depts)


def _merge(found: list[Contact], depts: list[Contact]) -> list[Contact]:
    merged: dict[str, Contact] = {}
    for c in found + depts:
        key = c.name.lower()
        if key in merged:
            old = merged[key]
            old.phones += [p for p in c.phones if p not in old.phones]
            old.emails += [e for e in c.emails if e not in old.emails]
            old.title = old.title or c.title
            old.organization = old.organization or c.organization
            old.audience = old.audience or c.audience
        elif c.phones or c.emails:  # someone to contact is reachable
            merged[key] = c
    for c in merged.values():
        if c.spans.get("name") == (0, 0):
            del c.spans["name"]
    return list(merged.values())
