"""The people a reader is told to contact: the labelled blocks at the foot of a release."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .glue import EMAIL, PHONE, URL, _word_counts, clean_email, glue_breaks, phone_ok
from .model import Contact, Release, Span
from .sections import Sections
from .textutil import LEGAL_SUFFIX

ROLE = r"(?i:Investors?|Media|Press|Analysts?|IR|PR|Public|Corporate|Company|Business|News)"
ROLES = rf"{ROLE}(?:\s*(?:and|&|/|-)\s*{ROLE})*"
LABEL = re.compile(
    rf"(?P<label>(?i:For\s+(?:more|further|additional)\s+information[^:\n]{{0,40}}?contact\s*:?)"
    rf"|(?:(?i:International)\s+)?{ROLES}(?:[\s-]+(?i:Relations|Inquiries|Enquiries|Support|Contacts?|Information|Desk|Team))*\s*:"
    rf"|(?i:For)\s+{ROLES}(?:\s+(?i:Relations|Inquiries|Enquiries|Contacts?))?\s*:?"
    rf"|(?:(?P<org>[A-Z][\w.,&'’ -]{{1,60}}?)\s)??(?:{ROLES}\s+)?(?:(?i:Relations)\s+)?(?i:Contacts?)(?:\s+(?i:Details|Information|Info|Person))?\s*:?"
    rf"|(?:(?i:International)\s+)?(?:IR|PR)\s*/\s*(?:IR|PR)(?:-Support)?)")
STOP = re.compile(r"About\s|(?i:forward[- ]looking|source:|view (?:the )?(?:original|source)|this (?:press release|communication|news release)|"
                  r"disclaimer|safe harbor|important safety|footnotes|###|company website|\(\w+-\w+\)$)|SOURCE\s")
BREAK_WORDS = re.compile(r"(?i)\b(?:tel(?:ephone)?|phone|mobile|cell|office|direct|fax|e-?mail|mail|web(?:site)?)\b\.?\s*:?|(?<![A-Z\d.])[TEMPF]\s*:|(?<![\w.])[TM]\s(?=\+)")
TITLE_WORDS = re.compile(r"(?i)\b(?:director|officer|president|manager|head|vp|vice|partner|chief|ceo|cfo|coo|cmo|cso|cbo|"
                         r"chair(?:man|woman)?|founder|associate|senior|specialist|lead|coordinator|counsel|secretary|"
                         r"treasurer|analyst|executive|principal|advisor|consultant|spokes\w+)\b")
ORG_WORDS = re.compile(rf"(?:\b(?:{LEGAL_SUFFIX})(?=\W|$)|\b(?:Communications?|Advisors?|Partners|Pharma\w*|Therapeutics|"
                       r"Biosciences?|Bio\w*|University|Capital|Securities|Network|Laboratories|Labs|Relations|"
                       r"Consulting|Agency|Associates|Strategies|Strategic|Media|Group|PR|IR|Digital|Health|Medical|"
                       r"Sciences?|Foundation|Institute|Bank|Holdings?)\b)")
CREDENTIALS = re.compile(r"(?:,?\s*(?:Ph\.?D|M\.?D|MBA|CPA|CGMA|CFA|J\.?D|M\.?Sc|MPH|R\.?N|Pharm\.?D|Esq|Jr|Sr|II|III)\.?)+\s*$|\s*\([A-Z]{2,6}\)\s*$")
NAME = re.compile(r"(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z]\.)*(?:\s+(?:de|van|von|der|da|di|le|la)?\s?[A-Z][A-Za-z'’-]+){1,2}")
ADDRESS = re.compile(r"(?i)\b(?:street|str\.|st\.|avenue|ave\.?|road|rd\.|drive|suite|floor|blvd|boulevard|broadway|centre|center|tower|plaza|p\.?o\.? box)\b|\b\d{5}\b|[A-Z]\d[A-Z] ?\d[A-Z]\d")


@dataclass
class Item:
    kind: str  # person, title, org, phone, email, label
    value: str
    span: Span
    audience: str | None = None


def audience_of(label: str) -> str | None:
    investors = bool(re.search(r"(?i)\b(?:investors?|IR|analysts?)\b", label))
    media = bool(re.search(r"(?i)\b(?:media|press|PR|news)\b", label))
    return "both" if investors and media else "investors" if investors else "media" if media else None


LINE_STARTS = re.compile(r"(?m)^(?=\S)|(?<=[.)0-9a-z])(?=[A-Z])|(?<=\. )(?=[A-Z])")


KEYWORDS = ("contact", "investor", "media", "press", "information", "analyst", "inquir", "enquir", "relations")


_SHORT_ROLES = re.compile(r"\b(?:IR|PR)\b")


def _keyword_positions(text: str, start: int) -> list[int]:
    """Where a label word occurs: every label is near one (plain ``find`` is far cheaper
    than trying the label pattern at every line start)."""
    low = text.lower()
    found = [m.start() for m in _SHORT_ROLES.finditer(text, start)]
    for word in KEYWORDS:
        at = low.find(word, start)
        while at >= 0:
            found.append(at)
            at = low.find(word, at + 1)
    return sorted(found)


def _line_start(text: str, pos: int) -> bool:
    if pos == 0 or text[pos - 1] == "\n":
        return True
    before = text[pos - 1]
    return before in ".)0123456789" or (before.islower() and text[pos].isupper()) or text[pos - 2:pos] == ". "


def find_regions(text: str, body_start: int) -> list[tuple[re.Match, int]]:
    """Contact labels and where each block they head ends."""
    keywords = _keyword_positions(text, body_start)
    candidates = sorted({m.start() for k in keywords for m in LINE_STARTS.finditer(text, max(body_start, k - 80), k + 1)})
    starts = iter(candidates)
    matches = (LABEL.match(text, p) for p in starts)
    labels = [m for m in matches if m and m.group(0).strip() and _line_start(text, m.start())
              and (m.group(0).rstrip().endswith(":") or re.search(r"(?i)contact|ir\s*/\s*pr", m.group(0))
                   or text[m.end():m.end() + 1] in ("\n", ""))]
    regions = []
    for n, m in enumerate(labels):
        end = min(len(text), m.end() + 1500)
        if n + 1 < len(labels):
            end = min(end, labels[n + 1].start())
        for stop in STOP.finditer(text, m.end(), end):
            if _line_start(text, stop.start()) or text[stop.start() - 1] == " " and stop.group(0).startswith(("View", "SOURCE")):
                end = stop.start()
                break
        heading = re.search(r"\n[ \t]*[A-Z][A-Z&,.'’-]+(?:[ \t]+[A-Z&,.'’-]+){2,6}[ \t]*\n", text[m.end():end])
        if heading and not ORG_WORDS.search(heading.group(0).title()):
            # "FINANCIAL TABLES FOLLOW": what comes next is not contact details
            end = m.end() + heading.start()
        for line in re.finditer(r"[^\n]{250,}", text[m.end():end]):
            if not EMAIL.search(line.group(0)) and not PHONE.search(line.group(0)):
                end = m.end() + line.start()
                break
        regions.append((m, end))
    return regions


def _fragments(text: str, start: int, end: int, counts) -> list[Item]:
    items: list[Item] = []
    masked: list[Span] = []
    raw_emails: list[Span] = []
    for m in EMAIL.finditer(text, start, end):
        s, e = clean_email(text, m)
        items.append(Item("email", text[s:e], (s, e)))
        masked.append((s, e))
        raw_emails.append(m.span())
    for m in URL.finditer(text, start, end):
        if not any(s <= m.start() < e for s, e in masked):
            masked.append(m.span())
    for m in PHONE.finditer(text, start, end):
        if any(s <= m.start() < e for s, e in masked) or not phone_ok(m.group(0)):
            continue
        if re.search(r"(?i)fax\W*$", text[max(start, m.start() - 8):m.start()]):
            masked.append(m.span())
            continue
        items.append(Item("phone", m.group(0).strip(), m.span()))
        masked.append(m.span())
    cuts = {start, end}
    for s, e in masked:
        cuts.update((s, e))
    for m in re.finditer(r"\n|\s\|\s|;|:\s|\s/\s(?=[A-Z][a-z]+\s[A-Z])|\bor\b(?=\s*\n)", text[start:end]):
        cuts.update((start + m.start(), start + m.end()))
    for m in BREAK_WORDS.finditer(text, start, end):
        cuts.update(m.span())
    # Where an address was glued to a word, cleaning it placed the cut; no second one inside.
    cuts.update(b for b in glue_breaks(text, start, end, counts) if not any(s < b < e for s, e in raw_emails))
    points = sorted(cuts)
    for a, b in zip(points, points[1:]):
        if any(s <= a < e for s, e in masked):
            continue
        piece = text[a:b]
        if BREAK_WORDS.fullmatch(piece.strip()):
            continue
        stripped = piece.strip(" \t,;:|-–—/")
        if stripped:
            offset = a + piece.index(stripped)
            items.extend(_classify(stripped, offset))
    items.sort(key=lambda i: i.span[0])
    return items


NOT_NAME_WORDS = re.compile(
    r"(?i)\b(?:contact|relations|investors?|media|press|inc|street|the|and|post|store|shop|news|coverage|states|"
    r"association|online|months?|ended|year|quarter|total|reddit|twitter|facebook|linkedin|instagram|youtube|tiktok|"
    r"website|site|page|blog|address|email|phone|office|hours|release|source|team|department|center|centre|clinic|"
    r"services?|sales|marketing|support|customer|care|information|north|south|east|west|america|american|united|"
    r"kingdom|proactive|report|results|conference|summit|meeting|program|institute|hospital|school|college|"
    r"headquarters|avenue|road|suite|floor|building|view|original|content|visit|follow|read|more|click|here|"
    r"download|subscribe|share|tldr|pickup)\b")


def _is_name(value: str) -> bool:
    value = CREDENTIALS.sub("", value).strip(" ,")
    return bool(NAME.fullmatch(value)) and not ORG_WORDS.search(value) and not TITLE_WORDS.search(value) \
        and not NOT_NAME_WORDS.search(value)


def _classify(value: str, start: int) -> list[Item]:
    if re.fullmatch(r"(?i)or|and|\(?\w\)?|www\S*|https?\S*", value):
        return []
    if ADDRESS.search(value) and not TITLE_WORDS.search(value):
        return []
    org_person = re.fullmatch(rf"(.+?\b{LEGAL_SUFFIX})\s+({NAME.pattern})", value)
    if org_person and _is_name(org_person.group(2)):
        name_at = start + org_person.start(2)
        return [Item("org", org_person.group(1), (start, start + len(org_person.group(1)))),
                Item("person", org_person.group(2), (name_at, name_at + len(org_person.group(2))))]
    if re.search(rf"(?:^|\s|,){LEGAL_SUFFIX}$", value) and len(value) < 80:
        return [Item("org", value, (start, start + len(value)))]
    label = LABEL.fullmatch(value) or LABEL.fullmatch(value + ":")
    if label and audience_of(value) and not _is_name(value):
        return [Item("label", value, (start, start + len(value)), audience_of(value))]
    people = [p for p in re.split(r"\s*(?:,|/|&|\band\b)\s*", CREDENTIALS.sub("", value)) if p]
    if len(people) > 1 and all(_is_name(p) for p in people):
        return [Item("person", CREDENTIALS.sub("", p).strip(), (start + value.index(p), start + value.index(p) + len(p)))
                for p in people]
    first, _, rest = value.partition(",")
    if _is_name(value) or (_is_name(first) and rest):
        name = CREDENTIALS.sub("", first if not _is_name(value) else value).strip(" ,")
        out = [Item("person", name, (start, start + len(name)))]
        rest = CREDENTIALS.sub("", value[len(first):]).strip(" ,") if not _is_name(value) else ""
        rest = re.sub(r"^(?:(?:Ph\.?D|M\.?D|MBA|CPA|CGMA)\.?,?\s*)+", "", rest)
        rest = re.sub(r"^(?:MBA|PhD|MD)(?=[A-Z]{2,})", "", rest)
        if rest and TITLE_WORDS.search(rest):
            out.append(Item("title", rest, (start + value.rindex(rest), start + value.rindex(rest) + len(rest))))
        return out
    if TITLE_WORDS.search(value) and not re.search(rf"\b{LEGAL_SUFFIX}$", value):
        return [Item("title", value, (start, start + len(value)))]
    if ORG_WORDS.search(value) and len(value) < 80 and value[:1].isupper():
        return [Item("org", value, (start, start + len(value)))]
    return []


def _org_above(text: str, pos: int) -> str | None:
    """A block that follows a line naming only an organization belongs to it."""
    above = text[max(0, pos - 200):pos].rstrip("\n").rsplit("\n", 1)[-1].strip()
    if 2 < len(above) < 70 and re.search(rf"\b{LEGAL_SUFFIX}$", above) and not EMAIL.search(above):
        return above
    return None


def _assemble(items: list[Item], audience: str | None, block_org: str | None, out: list[Contact]) -> None:
    group: list[Contact] = []
    pending_phones: list[tuple[str, Span]] = []
    pending_emails: list[tuple[str, Span]] = []
    block: list[Contact] = []
    group_has_reach = False
    last_kind = None
    next_org: Item | None = None
    for n, item in enumerate(items):
        following = items[n + 1].kind if n + 1 < len(items) else None
        if item.kind == "label":
            _finish(block, pending_phones, pending_emails)
            block, group, pending_phones, pending_emails = [], [], [], []
            audience, block_org = item.audience, None
        elif item.kind == "person":
            if last_kind != "person" or group_has_reach:
                group, group_has_reach = [], False
            contact = Contact(name=item.value, organization=block_org, audience=audience)
            contact.spans["name"] = item.span
            if next_org is not None:
                contact.organization = next_org.value
                contact.spans["organization"] = next_org.span
            group.append(contact)
            block.append(contact)
        elif item.kind == "title":
            if len(group) == 1 and group[0].title is None:
                group[0].title = item.value
                group[0].spans["title"] = item.span
        elif item.kind == "org":
            if following == "person" and block:
                next_org = item
            elif not block:
                block_org = item.value
            elif group and last_kind in ("person", "title") and all(c.organization is None for c in group):
                for c in group:
                    c.organization = item.value
                    c.spans["organization"] = item.span
        elif item.kind in ("phone", "email"):
            attr = "phones" if item.kind == "phone" else "emails"
            if not group:
                (pending_phones if item.kind == "phone" else pending_emails).append((item.value, item.span))
            for c in group:
                if item.value not in getattr(c, attr):
                    c.spans[f"{attr}[{len(getattr(c, attr))}]"] = item.span
                    getattr(c, attr).append(item.value)
            group_has_reach = bool(group)
        last_kind = item.kind
    _finish(block, pending_phones, pending_emails)
    out.extend(block)


def _finish(block: list[Contact], phones: list, emails: list) -> None:
    """What a block gave before naming anyone belongs to those who have none of their own."""
    for c in block:
        for attr, values in (("phones", phones), ("emails", emails)):
            if getattr(c, attr):
                continue
            for value, span in values:
                c.spans[f"{attr}[{len(getattr(c, attr))}]"] = span
                getattr(c, attr).append(value)


def extract_contacts(text: str, release: Release, sections: Sections) -> list[Contact]:
    counts = _word_counts(text)
    lead = release.spans.get("headline", (0, 0))[1]
    found: list[Contact] = []
    for label, end in find_regions(text, lead):
        heading = label.group(0)
        org = (label.group("org") or "").strip(" ,") or _org_above(text, label.start())
        if org and not ORG_WORDS.search(org) and not (release.company or "").startswith(org.split()[0]):
            org = None
        items = _fragments(text, label.end(), end, counts)
        _assemble(items, audience_of(heading), org, found)
    merged: dict[str, Contact] = {}
    for c in found:
        key = c.name.lower()
        if key in merged:
            old = merged[key]
            old.phones += [p for p in c.phones if p not in old.phones]
            old.emails += [e for e in c.emails if e not in old.emails]
            old.title = old.title or c.title
            old.organization = old.organization or c.organization
        else:
            merged[key] = c
    return list(merged.values())
