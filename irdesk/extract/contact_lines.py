"""A contact block cut into pieces, each read as a person, a title, an organization, a phone,
an e-mail, a sub-heading or an audience marker.

Pieces end at line breaks, separators ("|", ";", ": "), labels ("Tel.:", "E-mail:") and the
breaks that copies of a release lost ("Ann RoeDirector…", found by ``glue``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from contextvars import ContextVar
from dataclasses import dataclass

from .contact_labels import LABEL, ROLES, SUBLABEL, audience_of
from .glue import EMAIL, OBFUSCATED_EMAIL, URL, WordCounts, clean_email, glue_breaks
from .model import Span
from .people import clean_name, is_person, leading_person, name_tokens
from .phones import find_phones
from .textutil import LEGAL_SUFFIX
from .vocab import load_words

# A label word cuts a piece only where it labels something: a colon, or a number, an address or
# a link after it ("Tel +1 …", "Email jane@…"), not inside a name ("CI Web Group", "Main Office").
BREAK_WORDS = re.compile(r"(?i)\b(?:tel(?:ephone)?|phone|mobile|cell|office|direct|fax|e-?mail|mail|web(?:site)?)\b\.?"
                         r"(?:\s*:|\s{0,3}(?=[+(\d])|\s+(?=[\w.+-]{1,64}@|https?:|www\.))|(?i:\b(?:e-?mail|call|contact)\s+us(?:\s+here)?\b)"
                         r"|(?<![A-Z\d])[TEMPFO]\s*:|(?<![\w.])[TM]\s(?=\+)|(?i:\baddress\s*:)")  # "Acme, Inc. Address: 19 …"
_LABEL_WORD = re.compile(r"(?i)(?:tel(?:ephone)?|phone|mobile|cell|office|direct|fax|e-?mail|mail|web(?:site)?)\.?\s*:?")
TITLE_WORDS = re.compile(r"(?i)\b(?:director|officer|president|manager|head|vp|svp|evp|avp|vice|partner|chief|ceo|cfo|coo|"
                         r"cmo|cso|cbo|cto|cco|chair(?:man|woman|person)?|founder|associate|senior|specialist|lead|"
                         r"coordinator|counsel|secretary|treasurer|analyst|executive|principal|advisor|consultant|"
                         r"spokes\w+|strategist|officer|attorney|lawyer|solicitor|editor|publicist|producer|representative|"
                         r"liaison|administrator|owner|agent|ambassador)\b")
DEPARTMENT = re.compile(r"(?i)\b(?:relations|communications?|affairs|marketing|finance|operations|development|"
                        r"inquiries|enquiries|desk|office)\b")
ORG_WORDS = re.compile(rf"(?:\b(?:{LEGAL_SUFFIX})(?=\W|$)|\b(?:Communications?|Advisors?|Partners|Pharma\w*|Therapeutics|"
                       r"Biosciences?|Bio\w*|University|Capital|Securities|Network|Laboratories|Labs|Relations|"
                       r"Consulting|Agency|Associates|Strategies|Strategic|Media|Group|PR|IR|Digital|Health|Medical|"
                       r"Sciences?|Foundation|Institute|Bank|Holdings?)\b)")
ADDRESS = re.compile(r"(?i)\b(?:street|str\.|st\.|avenue|ave\.?|road|rd\.|drive|suite|floor|blvd|boulevard|broadway|"
                     r"centre|center|tower|plaza|p\.?o\.? box|parkway|lane|way|crescent|terrace|square|mews)\b|\b\d{5}\b|"
                     r"[A-Z]\d[A-Z] ?\d[A-Z]\d|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|"  # Canadian, British postcodes
                     r"^\d{1,5}\s+[A-Z]")
AUDIENCE = re.compile(r"\(?\s*(?:for\s+)?(?P<who>(?:Investors?|Media|Press|Analysts?|IR|PR|Journalists?)"
                      r"(?:\s*(?:and|&|/)\s*(?:Investors?|Media|Press|Analysts?|IR|PR))*)(?:\s+(?:Relations|Contacts?|Inquiries))?\s*\)?",
                      re.I)
JUNK = re.compile(r"(?i)or|and|at|via|\(?\w\)?|www\S*|https?\S*|\W+|(?:please\s+)?(?:contact|call|e-?mail|write to|visit)|"
                  r"(?:company|contact|organi[sz]ation|business|staff\s+member|full)?\s*(?:name|person)|(?:company|business)\s+details|address|(?:city|country|state)(?:\s*/\s*(?:city|country|state))*|"
                  r"province|zip(?:\s+code)?|web(?:site)?|phone|e-?mail\s+address")
# Where one piece of a block ends: a line break, a separator, "at"/"via" before a number.
# Patterns used on every piece, compiled once (``re``'s own cache costs a lookup per call).
_CONTACT = re.compile(r"(?i)contact")
_PEOPLE_SPLIT = re.compile(r"\s*(?:,|/|&|\band\b)\s*")
_TITLE_ORG = re.compile(rf"([^,]{{2,60}}),\s*(.+?\b{LEGAL_SUFFIX})")
_ORG_PERSON = re.compile(rf"(.+?\b{LEGAL_SUFFIX})\s+(\S.+)")
_ORG_ALONE = re.compile(rf"(?:^|\s|,){LEGAL_SUFFIX}$")
_ENDS_SUFFIX = re.compile(rf"\b{LEGAL_SUFFIX}$")
_SUFFIX_ONLY = re.compile(rf"\s*,?\s*{LEGAL_SUFFIX}\s*")
_GENERIC_ORG = re.compile(rf"{ROLES}|(?i:the\s+)?(?i:company|corporate|external|internal|international)")
_NAME_SPLIT = re.compile(r"(,|\s[-–—]\s)")
_DEGREES = re.compile(r"^\W*(?:(?:Ph\.?\s?D|M\.?D|D\.?Phil|MBA|CPA|CGMA|Esq|D\.?D\.?S|D\.?M\.?D|DVM|DPT)\.?(?:,\s*|\s+|(?=[A-Z])))+")
_FIELD_WORD = re.compile(r"(?i)company|contact|name|details|info")
# Field labels of a form-like block ("Company: Acme", "Title: CFO"): what follows is that field.
FIELD_ORG = re.compile(r"(?i)(?:company|organi[sz]ation|firm|agency|business)(?:\s+name)?")
FIELD_TITLE = re.compile(r"(?i)(?:job\s+)?(?:title|position|designation|role)")
_INSTRUCTION = re.compile(r"(?i)(?:please|contact|click|visit|follow|for more)\b")
_DIGIT = re.compile(r"\d")
_SENTENCE = re.compile(r"[.!?]\s+[A-Z]|[a-z]{3}\.$")
# The rest of a line after a name-shaped start that makes it a company's name: a word or two
# and a legal suffix, no comma or title between ("… Investment Co.,Ltd.", "… Trading LLC").
_FIRM_WORDS_SUFFIX = re.compile(rf"\s*(?:(?:[A-Z][\w&'’-]*\s+){{0,1}}[A-Z][\w&'’-]*\s*,?\s*)?{LEGAL_SUFFIX}\s*,?\s*{LEGAL_SUFFIX}"
                                rf"|\s+(?:[A-Z][\w&'’-]*\s+){{0,1}}[A-Z][\w&'’-]*\s*,?\s*{LEGAL_SUFFIX}")
_DEPT_TITLE = re.compile(r"(?:Media|Investor|Corporate|Public|Communications?|Marketing|Business|Press)\b")
_RELATIONS = re.compile(r"(?i)\brelations\b")
_ROLE_WORD = re.compile(r"(?i)\b(?:investors?|media|press|analysts?|IR|PR|public|corporate)\b")
_TWO_WORDS = re.compile(r"(\S+\s\S+)\s+")
_TITLE_FIRST = re.compile(r"(?:Chief|Senior|Vice|Executive|Managing|Director|Head|President|Founder|Co-?[Ff]ounder|"
                          r"Partner|Principal|General|Global)\b")
_TITLE_LINK = re.compile(r"(?i)(?:of|and|&|to|for)\b")
# A firm named after its founder ("Jane Roe Consulting", "Roe & Lee PR"): the words after a name.
_FIRM_TAIL = re.compile(r"\s*(?:&\s*)?(?:Consulting|Communications?|PR|IR|Public Relations|Media|Group|Associates|"
                        r"Partners|Agency|Strategies|Advisors|Marketing|Law|Law Firm|Legal)(?:,?\s+" + LEGAL_SUFFIX + r")?\s*")
_DIGIT3 = re.compile(r"\d{3}")
# A street address that starts inside a line ("CEO Acme, Inc.  145 James Way Springfield").
_STREET_START = (r"\s(?=\d{1,5}\s(?:[A-Z][\w.'’-]*\s){0,4}(?:Street|St|Way|Road|Rd|Drive|Dr|Avenue|Ave|Blvd|Boulevard|"
                 r"Lane|Ln|Parkway|Pkwy|Place|Pl|Court|Ct|Highway|Hwy|Square|Circle|Cir)\b)")
CUTS = re.compile(_STREET_START + r"|\n|\t|\s\|\s|\||;|:\s|(?<=[A-Za-z]):(?=[A-Z])|\s/\s(?=[A-Z][a-z]+\s[A-Z])|\bor\b(?=\s*\n)"
                  r"|\(?\b(?:at|via)\s(?=\(?\+?\d)")


def inside(pos: int, spans: list[Span]) -> bool:
    return any(s <= pos < e for s, e in spans)


@dataclass
class Item:
    kind: str  # person, title, org, phone, email, label, audience
    value: str
    span: Span
    audience: str | None = None
    line: int = 0
    labelled: bool = False  # the value of a field label ("Company: Acme")


# The release's text, for the rules that ask whether a name is used elsewhere in it.
_TEXT: ContextVar[str] = ContextVar("contact_text", default="")


def pieces(view: str, start: int, end: int, counts: WordCounts) -> list[Item]:
    """The block ``view[start:end]`` cut into classified pieces, in order."""
    _TEXT.set(view)
    found: list[Item] = []
    masked: list[Span] = []
    raw_emails: list[Span] = []
    for m in EMAIL.finditer(view, start, end):
        s, e = clean_email(view, m)
        found.append(Item("email", view[s:e], (s, e)))
        masked.append((s, e))
        raw_emails.append(m.span())
    low = view[start:end].lower()
    if "at)" in low or "at]" in low:
        for m in OBFUSCATED_EMAIL.finditer(view, start, end):
            if not inside(m.start(), masked):
                found.append(Item("email", m.group(0), m.span()))
                masked.append(m.span())
    emails = tuple(i.value for i in found)
    for m in URL.finditer(view, start, end):
        if not inside(m.start(), masked):
            masked.append(m.span())
    for s, e in find_phones(view, start, end):
        if not inside(s, masked):
            found.append(Item("phone", view[s:e], (s, e)))
            masked.append((s, e))
    cuts = {start, end}
    for s, e in masked:
        cuts.update((s, e))
    for m in CUTS.finditer(view, start, end):
        cuts.update(m.span())
    for m in BREAK_WORDS.finditer(view, start, end):
        cuts.update(m.span())
    # Where an address was glued to a word, cleaning it placed the cut; no second one inside.
    breaks = glue_breaks(view, start, end, counts)
    hosts = _hosts(view, masked) if breaks and masked else ""
    cuts.update(b for b in breaks if not any(s < b < e for s, e in raw_emails) and not _in_host(view, b, hosts))
    points = sorted(cuts)
    covered = _covered(points, masked)
    field = None
    for a, b in zip(points, points[1:]):
        if a in covered:
            continue
        piece = view[a:b]
        if BREAK_WORDS.fullmatch(piece.strip()) or _LABEL_WORD.fullmatch(piece.strip()):
            continue
        stripped = piece.strip(" \t,;:|-–—/*\u200b")
        if not stripped:
            continue
        at = a + piece.index(stripped)
        if field:
            found.extend(_field(field, stripped, at, emails))
            field = None
            continue
        if view[b:b + 1] == ":" and (FIELD_ORG.fullmatch(stripped) or FIELD_TITLE.fullmatch(stripped)):
            field = "org" if FIELD_ORG.fullmatch(stripped) else "title"  # "Company: Stanton Roe"
            continue
        found.extend(_classify(stripped, at, emails))
    found.sort(key=lambda i: i.span[0])
    line, at = 0, start  # items are in order: count the breaks since the previous one
    for item in found:
        if item.span[0] > at:
            line += view.count("\n", at, item.span[0])
            at = item.span[0]
        item.line = line
    return _firms_over_addresses(view, found)


_HOST = re.compile(r"@([\w.-]{1,255})|(?:https?://|www\.)([\w.-]{1,255})")
_CAMEL_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def _hosts(view: str, masked: list[Span]) -> str:
    """The block's web and mail domains, lower-cased, one a line."""
    return "\n".join(m.group(1) or m.group(2) for s, e in masked for m in _HOST.finditer(view, s, e)).lower()


def _in_host(view: str, pos: int, hosts: str) -> bool:
    """Whether a camel-case break falls inside a name that the block's domain spells ("AgTech PR"
    for agtechpr.com, "Contact DetailsNorthPeak" for northpeak.com): the name, not glue."""
    if not hosts:
        return False
    a = b = pos
    while a > 0 and pos - a < 40 and view[a - 1].isascii() and view[a - 1].isalpha():
        a -= 1
    while b < len(view) and b - pos < 40 and view[b].isascii() and view[b].isalpha():
        b += 1
    parts = [m for m in _CAMEL_PART.finditer(view, a, b)]
    cut = next((k for k, m in enumerate(parts) if m.start() == pos), None)
    if not cut:
        return False
    return any("".join(m.group(0) for m in parts[i:j + 1]).lower() in hosts
               for i in range(cut) for j in range(cut, len(parts)))


def _firms_over_addresses(view: str, items: list[Item]) -> list[Item]:
    """A line starting with a name, over a street address and then a person, is the firm's name
    ("Vibe Orthodontics", "Ann Roe DDS" / "5625 NE Elam Pkwy…" / "Dr. Ann Roe +1 …"): a person's
    line is not followed by an address and a second person. Address pieces are then dropped."""
    out: list[Item] = []
    n = 0
    while n < len(items):
        item = items[n]
        last = n
        while last + 1 < len(items) and items[last + 1].line == item.line and items[last + 1].kind in ("org", "title"):
            last += 1
        if item.kind == "person" and last + 2 < len(items) and items[last + 1].kind == "address" \
                and items[last + 1].line > item.line and _someone_after(view, items[last + 2]):
            line_end = view.find("\n", items[last].span[1], items[last + 1].span[0])
            end = len(view[:line_end].rstrip(" \t,;|")) if line_end >= 0 else items[last].span[1]
            span = (item.span[0], max(end, items[last].span[1]))  # the whole line: "Ann Roe DDS"
            out.append(Item("org", view[span[0]:span[1]], span, line=item.line))
            n = last + 1
            continue
        out.append(item)
        n += 1
    return [i for i in out if i.kind != "address"]


def _someone_after(view: str, item: Item) -> bool:
    """A person, or a phone after a name the list does not read ("Elizabeth B. +1 844 …")."""
    if item.kind == "person":
        return True
    before = view[view.rfind("\n", 0, item.span[0]) + 1:item.span[0]].strip()
    return item.kind == "phone" and 2 < len(before) < 40 and before[:1].isupper() and not _DIGIT.search(before) \
        and ":" not in before and not _LABEL_WORD.fullmatch(before)


def _field(kind: str, value: str, start: int, emails: tuple[str, ...]) -> list[Item]:
    """The value of a labelled field: an organization or a title as the label says, unless it is
    a heading, a place or an instruction."""
    if len(value) > 90 or _DIGIT3.search(value) or _is_place(value) or _INSTRUCTION.match(value) or JUNK.fullmatch(value):
        return _classify(value, start, emails)
    return [Item(kind, value, (start, start + len(value)), labelled=True)]


def _covered(points: list[int], spans: list[Span]) -> set[int]:
    """The sorted ``points`` that fall inside one of ``spans`` (each span looked up by
    bisection, not every point tested against every span)."""
    out: set[int] = set()
    for s, e in spans:
        i = bisect_left(points, s)
        while i < len(points) and points[i] < e:
            out.add(points[i])
            i += 1
    return out


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
        return [_item("address", value, start, value)]  # dropped by ``pieces`` once it has placed it
    label = LABEL.match(value) or SUBLABEL.match(value)
    if label and label.end() < len(value) and (audience_of(label.group(0)) or _CONTACT.search(label.group(0))) \
            and not _is_name(value, emails):
        head = label.group(0).rstrip(" :")
        rest = value[label.end():].strip(" :")
        return [_item("label", head, start, value, audience_of(head)), *_classify(rest, start + value.index(rest), emails)]
    people = [p for p in _PEOPLE_SPLIT.split(value) if p]
    # "Ann Lee, Bo Park & Cy Ng": every part a person's name ("Jane Roe, Acme Bio" names a firm)
    if len(people) > 1 and all(_is_name(clean_name(p), emails) for p in people):
        return [_item("person", clean_name(p), start, value) for p in people]
    person = _person_and_rest(value, start, emails)
    if person:
        return person
    title_org = _TITLE_ORG.fullmatch(value)
    if title_org and TITLE_WORDS.search(title_org.group(1)) and not TITLE_WORDS.search(title_org.group(2)):
        return [_item("title", title_org.group(1), start, value), _item("org", title_org.group(2), start, value)]
    org_person = _ORG_PERSON.fullmatch(value)
    if org_person and _is_name(org_person.group(2), emails):
        name = clean_name(org_person.group(2))
        return [_item("org", org_person.group(1), start, value), _item("person", name, start, value)]
    if _ORG_ALONE.search(value) and len(value) < 80 and not _is_name(value, emails):
        return [_item("org", value, start, value)]
    label = LABEL.fullmatch(value) or LABEL.fullmatch(value + ":")
    if label and not _is_name(value, emails) and (audience_of(value) or _CONTACT.search(value)):
        org = (label.group("org") or label.group("org2") or "").strip()
        found = [_item("label", value, start, value, audience_of(value))]
        if org and not _GENERIC_ORG.fullmatch(org):
            found.append(_item("org", org, start, value))
        return found
    return _other(value, start)


def _person_and_rest(value: str, start: int, emails: tuple[str, ...]) -> list[Item]:
    """"Jane Roe", "Jane Roe, Ph.D., Senior Director", "Jane Roe Head of IR", "Jane Roe, Investors"."""
    if _is_name(value, emails):
        return [_item("person", clean_name(value), start, value)]
    first, comma, rest = (_NAME_SPLIT.split(value, maxsplit=1) + ["", ""])[:3]
    if comma and _is_name(first, emails):
        name = first
    else:
        cut = leading_person(value, emails) or _name_before_title(value)
        if not cut or ADDRESS.search(value[:cut]) or _SUFFIX_ONLY.fullmatch(value[cut:]) or _FIRM_TAIL.fullmatch(value[cut:]) \
                or _FIRM_WORDS_SUFFIX.fullmatch(value[cut:]):
            return []  # "Acme Bio plc", "Jane Roe Consulting", "Yuen Foong Yu Investment Co., Ltd." are companies
        name, rest = value[:cut], value[cut:]
    out = [_item("person", clean_name(name), start, value)]
    rest = clean_name(_DEGREES.sub("", rest.strip(" ,")))
    if not rest or JUNK.fullmatch(rest) or _FIELD_WORD.fullmatch(rest):
        return out  # "Ann Roe Contact Email: …": the next field's label
    rest_at = start + value.rindex(rest) if rest in value else start
    if AUDIENCE.fullmatch(rest):
        if _RELATIONS.search(rest):  # "Jane Roe - Investor Relations": her post, and the audience it names
            out.append(Item("title", rest, (rest_at, rest_at + len(rest))))
        out.append(Item("audience", rest, (rest_at, rest_at + len(rest)), audience_of(rest)))
    elif TITLE_WORDS.search(rest) or _DEPT_TITLE.match(rest) and not _ENDS_SUFFIX.search(rest):
        out.extend(_title_and_firm(rest, rest_at))  # "Ann Roe, Media & Partnerships": her post
    elif len(rest) < 60 and rest[:1].isupper() and not _DIGIT.search(rest):
        out.append(Item("org", rest, (rest_at, rest_at + len(rest))))
    return out


def _name_before_title(value: str) -> int:
    """A name whose first name the list lacks, read from a title that starts right after it
    ("Sat Roe Chief Revenue Officer"): two name-shaped words, then a title's first word."""
    m = _TWO_WORDS.match(value)
    if m and name_tokens(m.group(1)) and _TITLE_FIRST.match(value, m.end()) and TITLE_WORDS.search(value, m.end()):
        return m.end(1)
    return 0


def _title_and_firm(value: str, start: int) -> list[Item]:
    """"Managing Director Northpeak Advisors, LLC", "Chief Revenue Officer Roe & Lee": a title,
    then the company it is held at (a name, not a department)."""
    last = None
    for last in TITLE_WORDS.finditer(value):
        pass
    firm = value[last.end():].strip(" ,") if last else ""
    named = _ENDS_SUFFIX.search(firm) or 0 < len(firm.split()) <= 5 and _capitalized(firm.split()) \
        and not DEPARTMENT.search(firm) and not _ROLE_WORD.search(firm) and not _TITLE_LINK.match(firm) \
        and _used_elsewhere(firm)  # a name the release uses elsewhere, not "Director, Research"
    if firm[:1].isupper() and named and not TITLE_WORDS.search(firm):
        title = value[:last.end()]
        firm_at = start + value.rindex(firm)
        return [Item("title", title, (start, start + len(title))), Item("org", firm, (firm_at, firm_at + len(firm)))]
    return [Item("title", value, (start, start + len(value)))]


def _used_elsewhere(name: str) -> bool:
    """Whether the release writes ``name`` more than once ("Poets & Quants" also as "Poets&Quants")."""
    text = _TEXT.get()
    return text.count(name) > 1 or " & " in name and text.count(name) + text.count(name.replace(" & ", "&")) > 1


def _is_place(value: str) -> bool:
    """A country, state or province ("United States", "Ontario"), alone or after a city ("Dhaka,
    Bangladesh", "Los Angeles, California", "Springfield, IL")."""
    countries, regions = load_words("countries.tsv"), load_words("regions.tsv")
    if value in countries or value in regions or value.endswith(" City") and value[:-5] in regions:
        return True  # "Ontario", "New York City"
    city, comma, area = value.rpartition(",")
    return bool(comma) and (area.strip() in countries or area.strip() in regions) and "," not in city \
        and 0 < len(city.split()) <= 3 and not ORG_WORDS.search(city) and not _DIGIT.search(city)


def _other(value: str, start: int) -> list[Item]:
    if _is_place(value) or _INSTRUCTION.match(value):
        return []
    if TITLE_WORDS.search(value) and not _ENDS_SUFFIX.search(value) and len(value) < 120 \
            and len(value.split()) <= 12 and not _SENTENCE.search(value):
        return [_item("title", value, start, value)]
    words = value.split()
    if len(value) < 90 and len(words) <= 10 and not _DIGIT3.search(value) and value[:1].isalpha() \
            and not value.endswith(".") and _capitalized(words):
        return [_item("org", value, start, value)]
    return []


def _capitalized(words: list[str]) -> bool:
    """Words of a name ("dna Communications", "Kessler Topaz Meltzer & Check"), not of a sentence."""
    small = {"of", "and", "&", "for", "the", "de", "du", "in", "at", "-", "–", "|", "/", "a"}
    named = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit() or w.lower() in small or not w[:1].isalpha())
    # a brand may start in lower case ("dna Communications"), a sentence rarely ends capitalized
    return words[-1].lstrip("(")[:1].isupper() and named >= min(0.75 * len(words), len(words) - 1)  # "Acme (Europe)"
