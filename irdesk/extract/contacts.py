"""The people a reader is told to contact: the blocks at the foot of a release.

Two floors. ``contact_blocks`` finds the blocks (by heading or by content) and
``contact_lines`` reads their pieces (people by ``people``'s first-name list, phones by
``phones``); here ``_Assembler`` joins the pieces of a block into contacts: a heading or a
sub-heading opens a group, an organization's line belongs to the people around it, phones and
e-mails go to the people named last, and a block that names nobody is listed under its
department or organization.
"""

from __future__ import annotations

import re

from .contact_blocks import find_regions, plain_view, table_cells
from .contact_labels import ROLE, ROLES, audience_of
from .contact_lines import DEPARTMENT, ORG_WORDS, Item, pieces
from .contact_prose import prose_contacts
from .glue import EMAIL, _word_counts
from .model import Contact, Release, Span
from .people import is_person, name_tokens
from .sections import Sections
from .textutil import LEGAL_SUFFIX

CITY_TAIL = re.compile(r"\s+in\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?$")


class _Assembler:
    """Pieces of one block -> contacts. A heading or sub-heading opens a group; an
    organization line above people belongs to them, one under a person to that person;
    phones and e-mails go to the people named last, or, given before anyone is named, to
    those of the block who have none."""

    def __init__(self, audience: str | None, org: str | None, heading: str, issuer: str | None = None, text: str = ""):
        self.audience, self.block_org, self.heading, self.issuer = audience, org, heading, issuer
        self.text = text
        self.heading_alone = False  # the heading starts its own line, not a sentence's "… Contact: …"
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
        self.shared: list[Item] = []  # phones a heading gave for the people of every firm below it

    def feed(self, items: list[Item]) -> None:
        self._reset_block()
        items = _office_lines(_columns(items, self.heading), self.heading, self.issuer)
        for n, item in enumerate(items):
            following = items[n + 1] if n + 1 < len(items) else None
            getattr(self, "_" + item.kind)(item, following)
            self.last = item
        self._finish()

    def _label(self, item: Item, following: Item | None) -> None:
        if self.group and self.last is not None and self.last.kind in ("person", "title") and not self.has_reach \
                and re.match(r"[A-Z]\w*\s", item.value) and not re.match(rf"{ROLE}\b", item.value):
            self._org(Item("org", item.value, item.span, line=item.line), following)  # "Jane Roe" / "Northpeak IR"
            return
        if self.last is not None and self.last.kind == "person" and len(self.group) == 1 and not self.has_reach \
                and not item.value.rstrip().endswith(":") and not re.search(r"(?i)contact|inquir|enquir", item.value) \
                and (following is None or following.kind != "person"):
            self._title(item, following)  # "Jane Roe" / "Investor Relations" / her phone: her department
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
        # "Acme" / "Media contact: ...": the region's organization, unless a bare "Contact Details"
        # starts another block of its own (a second firm's) after a complete one
        fresh = not item.audience and re.search(r"(?i)contact", item.value) and self.contacts
        self.block_org = org_above or (None if fresh else self.region_org)

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
        if self._unlisted_person(item, following):
            firm = self.last
            self._person(Item("person", item.value, item.span, line=item.line), following)
            if firm is not None and not any(c.organization for c in self.group):
                self.group[-1].organization = CITY_TAIL.sub("", _without_place(firm.value)).strip()
                self.group[-1].spans["organization"] = firm.span
            return
        value = CITY_TAIL.sub("", _without_place(re.sub(r"^(?i:for)\s+(?=[A-Z])", "", item.value))).strip()
        labelled, item = item.labelled, Item("org", value, (item.span[0], item.span[0] + len(value)), line=item.line)
        last = self.last.kind if self.last is not None else None
        if labelled and self.group and all(c.organization in (None, self.block_org) for c in self.group):
            for c in self.group:  # "Jane Roe" / "Email: …" / "Company: Acme": a form's field, wherever it stands
                c.organization = value
                c.spans["organization"] = item.span
            return
        if not self.pending and not self.block:
            self.orgs.append(item)
        if last == "title" and DEPARTMENT.search(value) \
                and not ORG_WORDS.search(re.sub(r"(?i)communications?|relations|PR|IR", "", value)):
            self._title(item, following)  # "Senior Vice President" / "Corporate Communications and IR"
        elif self.block_org and last == "person" and item.line == self.last.line and re.fullmatch(r"[A-Z]{2,4}", value) \
                and len(self.group) == 1:
            self._title(item, following)  # "Ditto PR" / "Dana Black, AD": under a firm's line, her post's initials
        elif self.group and last in ("person", "title", "audience") and not self.has_reach \
                and all(c.organization in (None, self.block_org) for c in self.group) \
                and not self._heads_next(item, following):
            for c in self.group:  # "Jane Roe" / "Acme Advisors": the person's firm
                c.organization = self._office_firm(item.value)
                c.spans["organization"] = item.span
        elif following is not None and following.kind == "person":
            if self.block and last is not None and item.line != self.last.line:
                self._sub_block(value)  # "Acme plc" / people / "Broker Ltd" / its people
            elif self.block_org is None or last in (None, "label", "org"):
                self.block_org = self._office_firm(item.value)
        elif following is not None and following.kind in ("phone", "email"):
            if DEPARTMENT.search(value) and not re.search(rf"\b{LEGAL_SUFFIX}$", value) and _dept_name(value):
                self._dept(item)  # "Media Relations in Dallas: 214-555-0100": the department's own line
            elif self.block and last is not None and item.line != self.last.line:
                self._sub_block(value)  # "Broker Ltd   +44 20 …" / its people
            elif self.block_org is None:
                self.block_org = value  # "Acme Corp." / "Tel: ...": the company's line for all below
        elif following is not None and following.kind == "org" and following.line > item.line \
                and not self.block and self.block_org is None and last in (None, "label"):
            self.block_org = value  # "Acme Dental" / "Marketing Team  +1 …": the office's firm

    def _office_firm(self, value: str) -> str:
        """The organization of an office's line over people ("Acme Press Office" -> "Acme"; "Acme
        Media Relations" -> "Acme" when Acme issues the release; "Ditto Public Relations", another
        firm, is that firm's name), whose audience the block takes when it named none."""
        tail = OFFICE_TAIL.search(value)
        if not tail or tail.start() == 0:
            return value
        prefix = value[:tail.start()].strip(" ,-–|")
        issuer_first = (self.issuer or "").split()[:1]
        if not tail.group("office") and not (issuer_first and prefix.split()[:1] == issuer_first):
            return value
        if self.audience is None:
            self.audience = audience_of(tail.group(0))
            for c in self.group:
                c.audience = c.audience or self.audience
        return prefix

    def _unlisted_person(self, item: Item, following: Item | None) -> bool:
        """A name whose first name the list lacks ("Zelvra Onkatu"), read from where it stands: a
        line of its own between a firm's line and that person's phone or e-mail."""
        return (self.last is not None and self.last.kind == "org" and item.line > self.last.line
                and following is not None and following.kind in ("phone", "email") and following.line > item.line
                and name_tokens(item.value) is not None and len(item.value.split()) <= 3
                and not ORG_WORDS.search(item.value) and not DEPARTMENT.search(item.value))

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
        # "For Media Inquiries: 214-…" / "AHA: Ann Roe, …" / "ACC: Bo Park, …": the heading's own
        # reach, given before anyone was named, is for the people of every firm under it
        heading_reach = [i for i in self.pending if i.kind == "phone"] if self.block else []
        self._finish()
        self._reset_block()
        self.audience, self.heading, self.block_org = audience, heading, org
        self.orgs = []
        self.shared = heading_reach

    def _dept(self, item: Item) -> None:
        """"Media Relations in Dallas: 214-555-0100": reach for a department, not for the people below."""
        contact = Contact(name=item.value, organization=self.block_org, audience=self.audience)
        contact.spans["name"] = item.span
        office = _office_org(item.value, self.issuer, self.text)
        if office and self.block_org is None:  # "AHA Communications": AHA's, and so are the people below
            contact.organization = self.block_org = office
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
        if self.block and self.shared and not self.pending:
            self.pending = self.shared
        if not self.block and self.pending:
            name = self._block_name()
            if name:
                # "Company Contact: info@…": listed under the issuer, which is then its organization
                org = self.block_org or (self.issuer if self.issuer and self.issuer.startswith(name[0])
                                         and self._issuers_own() else None)
                contact = Contact(name=name[0], organization=org, audience=self.audience)
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
        for c in self.block:
            if c.organization and c.organization.lower() == c.name.lower() and c not in self.depts:
                c.organization = None  # a person's own name read as a firm's line
                c.spans.pop("organization", None)
        self.contacts.extend(c for c in self.block if c not in self.depts)
        self.pending = []

    def _issuers_own(self) -> bool:
        """Whether a block with no person is the issuer's own: its address is at the issuer's
        domain (info@acme… for Acme Bio), not a promoter's mailbox that the block names nobody
        for (nor an issuer's name the release's first lines were misread for)."""
        first = re.sub(r"[^a-z0-9]", "", (self.issuer or "").split()[0].lower()) if self.issuer else ""
        return len(first) > 2 and any(i.kind == "email" and first in re.sub(r"[^a-z0-9]", "", i.value.lower().partition("@")[2])
                                 for i in self.pending)

    def _block_name(self) -> tuple[str, Span] | None:
        """An organization the block names, else its heading's department ("Investor Relations")."""
        heading = " ".join(re.sub(r"(?i)^\W*for\s+|\bcontacts?\b|\s*:\s*$", " ", self.heading).strip(" :*").split())
        if self.orgs and heading.startswith(self.orgs[0].value + " ") and DEPARTMENT.search(heading) and _dept_name(heading):
            return heading, self.orgs[0].span  # "Acme Investor Relations"
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
        if self.issuer and self.heading_alone and self.heading.rstrip().endswith(":") and self._issuers_own():
            # "For further information, please contact:" / "E: info@acme…": the firm by its short name
            return re.sub(rf",?\s+{LEGAL_SUFFIX}$", "", self.issuer), (0, 0)
        return None


# The end of an office's line: always an office ("Press Office", "Newsroom"), or one only when the
# issuer's name stands before it ("Acme Media Relations"; "Ditto Public Relations" is a firm).
OFFICE_TAIL = re.compile(r"\s(?:(?P<office>(?:Press|Media|News)\s+(?:Office|Desk|Room|Centre|Center)|Newsroom)|"
                         r"(?:Media|Press|Public|Investor|Corporate)\s+(?:Relations|Communications)|Communications)\s*$")
# The words that start a department's name after its organization's ("Acme Communications").
OFFICE_WORDS = re.compile(r"\b(?:Communications?|Media|Investors?|Public|Corporate|Press|News|Relations|Affairs|"
                          r"Marketing|External|Global)\b|\b(?:IR|PR)\b")
_SMALL = frozenset({"of", "and", "&", "for", "the", "de", "du", "der", "la", "le"})


def _office_org(value: str, issuer: str | None, text: str = "") -> str | None:
    """The organization that a department's line names first ("Acme Bio Communications & Media
    Relations" -> "Acme Bio"); initials of the issuer's name stand for it ("AHA" for "American
    Heart Association")."""
    m = OFFICE_WORDS.search(value)
    prefix = re.sub(r"[’']s$", "", value[:m.start()].strip(" ,-–|")) if m else ""
    words = prefix.split()
    if not words or len(words) > 5 or words[0].lower() in ("for", "the") or not _dept_name(prefix) \
            or re.fullmatch(ROLES, prefix):
        return None
    if re.fullmatch(r"[A-Z]{2,6}", prefix):
        if issuer and _initials(re.sub(rf",?\s+{LEGAL_SUFFIX}$", "", issuer)) == prefix:
            return issuer
        return _spelled_out(prefix, text) or prefix
    return prefix


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in _SMALL).upper()


_CAPS_RUN = re.compile(r"\b[A-Z][a-z]+(?:[ \t]+(?:(?:of|and|for|the|&)[ \t]+)?[A-Z][a-z]+){1,5}")


def _spelled_out(acronym: str, text: str) -> str | None:
    """The name the text spells out for an acronym ("AHA" -> "American Heart Association"):
    the first run of capitalized words whose initials it is."""
    for m in _CAPS_RUN.finditer(text, 0, 200_000):
        words = list(re.finditer(r"\S+", m.group(0)))
        caps = [w for w in words if w.group(0).lower() not in _SMALL]
        for i in range(len(caps) - len(acronym) + 1):
            run = caps[i:i + len(acronym)]
            if "".join(w.group(0)[0] for w in run) == acronym:
                return m.group(0)[run[0].start():run[-1].end()]
    return None


def _office_lines(items: list[Item], heading: str, issuer: str | None) -> list[Item]:
    """Lines the label pattern reads as sub-headings that name an organization's office or a
    firm: "Acme Communications & Media Relations: 617-…" with its own phone on the line is a
    department's entry; "Northpeak Investors" first under a bare "Contact Details", a firm
    that is not the issuer, is the firm of the people below."""
    out: list[Item] = []
    n = 0
    while n < len(items):
        item = items[n]
        org = items[n + 1] if n + 1 < len(items) else None
        after = items[n + 2] if n + 2 < len(items) else None
        if item.kind == "label" and org is not None and org.kind == "org" and org.line == item.line \
                and item.value.startswith(org.value + " ") and after is not None:
            office = after.kind in ("phone", "email") and after.line == item.line and DEPARTMENT.search(item.value)
            firm = not out and after.kind == "person" and audience_of(heading) is None \
                and re.fullmatch(rf"{ROLE}(?:\s+(?i:Relations|Communications))?", item.value[len(org.value):].strip()) is not None \
                and not (issuer and issuer.lower().startswith(org.value.lower()))
            if office or firm:
                out.append(Item("org", item.value, item.span, line=item.line))
                n += 2
                continue
        out.append(item)
        n += 1
    return out


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
    """"Acme, Springfield" -> "Acme"; "Acme Bio, Inc." stays."""
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
    # Letterhead releases put the contact above the headline ("Contact: Ann Roe, CFO" / title).
    lead = 0
    # The forward-looking section's span runs to the next heading (often the end of the text),
    # so it cannot be skipped whole; its long lines hold no label.
    skip = [s.span for s in sections.about]
    found: list[Contact] = []
    depts: list[Contact] = []
    for start, end, heading, org in find_regions(view, lead, skip):
        org = _heading_org(org, text) or (_org_above(view, start - len(heading)) if heading else None)
        assembler = _Assembler(audience_of(heading), org, heading, release.company, text)
        at = start - len(heading)
        assembler.heading_alone = bool(heading) and not view[view.rfind("\n", max(0, at - 400), at) + 1:at].strip(" \t|")
        columns = table_cells(view, start, end)
        if columns:
            for cells in columns:
                items = [i for s, e in cells for i in pieces(view, s, e, counts)]
                assembler.feed(items)
                assembler.audience, assembler.block_org = audience_of(heading), org
        else:
            assembler.feed(pieces(view, start, end, counts))
        found.extend(assembler.contacts)
        depts.extend(assembler.depts)
    found.extend(prose_contacts(view))  # "… call Jane Roe at 617-…": after the blocks, which name her better
    return _merge(found, depts)


def _mailbox_of(name: str, emails: list[str]) -> bool:
    """Whether an address is the person's own ("monica.sales@" for Monica Sales, "kc.wright@" for
    KC Wright): its mailbox spells the name, or its initial and surname."""
    words = [re.sub(r"[^a-z]", "", w.lower()) for w in name.split()]
    if len(words) < 2 or not all(words):
        return False
    spelled = {"".join(words), words[0][0] + words[-1], words[0] + words[-1]}
    return any(re.sub(r"[^a-z]", "", e.split("@")[0].lower()) in spelled for e in emails)


def _merge(found: list[Contact], depts: list[Contact]) -> list[Contact]:
    merged: dict[str, Contact] = {}
    for c in found + depts:
        key = c.name.lower()
        if key in merged:
            old = merged[key]
            old.phones += [p for p in c.phones if p not in old.phones]
            old.emails += [e for e in c.emails if e not in old.emails]
            old.title = old.title or c.title
            old.organization = old.organization or (c.organization if c.organization != c.name else None)
            old.audience = old.audience or c.audience
        elif c.phones or c.emails:  # someone to contact is reachable
            merged[key] = c
    people = {id(c) for c in found}
    for c in merged.values():
        if c.organization and c.organization.lower() == c.name.lower() \
                and (id(c) in people or is_person(c.name) or _mailbox_of(c.name, c.emails)):
            c.organization = None  # a person's name that another block read as a firm's line
            c.spans.pop("organization", None)
        if c.spans.get("name") == (0, 0):
            del c.spans["name"]
    return list(merged.values())
