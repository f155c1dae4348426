"""Contacts a release gives in a sentence rather than a block: "For details, call Jane Roe at
617-555-0100", "Jane Roe is available for media interviews and can be reached at jane@…".

Only a person the first-name list reads, and a phone or an address right after "at", count:
the sentence names whom to contact and how, as a block would.
"""

from __future__ import annotations

import re

from .contact_lines import TITLE_WORDS
from .glue import EMAIL
from .model import Contact
from .people import is_person
from .phones import find_phones

# "call Jane Roe", "contact Dr. Jane Roe, Chief Executive Officer," then "at" and the reach.
_VERBS = ("contact ", "Contact ", "call ", "Call ")
_NAME = re.compile(r"(?:(?:Dr|Mr|Ms|Mrs)\.\s+)?(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][A-Za-z'’-]+){1,2})"
                   r"(?:,\s*(?P<title>[^,.;:@\n]{2,90}),?)?\s+(?:at|on|via)\s+")
# "Jane Roe is available for media interviews and can be reached using … or by email at …"
_REACHED = "can be reached"
_SUBJECT = re.compile(r"(?:(?:Dr|Mr|Ms|Mrs)\.\s+)?(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][A-Za-z'’-]+){1,2})"
                      r"(?:\s+is\s+available\s+for\s+(?P<what>[^.@\n]{0,40}?)\s*interviews\s+and)?\s+")
_AT = re.compile(r"[^.@\n]{0,60}?\bat\s+")


def prose_contacts(view: str) -> list[Contact]:
    """People a sentence tells the reader to contact, with the phone or address it gives: looked
    for near the release's end, where its closing lines are (the lead tells the news)."""
    found: list[Contact] = []
    tail = max(len(view) * 2 // 5, len(view) - 6000)
    for end in _verb_ends(view, tail):
        named = _NAME.match(view, end)
        if named and len(found) < 20:
            contact = _contact(view, named.span("name"), named.end(), None)
            title = named.group("title")
            if contact is not None and title and TITLE_WORDS.search(title) and len(title.split()) <= 8:
                contact.title = title.strip()
                contact.spans["title"] = named.span("title")
            if contact is not None:
                found.append(contact)
    at = view.find(_REACHED, tail)
    while at >= 0 and len(found) < 20:
        back = max(0, at - 160)  # a sentence's subject is near: never a walk back over the whole text
        start = max(view.rfind(". ", back, at) + 2, view.rfind("\n", back, at) + 1, back)
        start += len(view[start:at]) - len(view[start:at].lstrip())
        subject = _SUBJECT.fullmatch(view, start, at)
        tail = _AT.match(view, at + len(_REACHED))
        if subject and tail:
            media = "media" in (subject.group("what") or "").lower()
            contact = _contact(view, subject.span("name"), tail.end(), "media" if media else None)
            if contact is not None:
                found.append(contact)
        at = view.find(_REACHED, at + 1)
    return found


def _verb_ends(view: str, start: int) -> list[int]:
    """Where a name may start after "contact " or "call " (found with ``str.find``: a pattern
    without a fixed first letter is slow to scan for)."""
    ends = []
    for verb in _VERBS:
        at = view.find(verb, start)
        while at >= 0 and len(ends) < 200:
            end = at + len(verb)
            if (at == 0 or not view[at - 1].isalnum()) and end < len(view) and view[end].isupper():
                ends.append(end)
            at = view.find(verb, end)
    return sorted(ends)


def _contact(view: str, name: tuple[int, int], at: int, audience: str | None) -> Contact | None:
    """A contact for the name at ``name`` if a phone or an e-mail address starts at ``at``."""
    value = view[name[0]:name[1]]
    if not is_person(value):
        return None
    contact = Contact(name=value, audience=audience)
    contact.spans["name"] = name
    email = EMAIL.match(view, at)
    phones = [] if email else find_phones(view, at, min(len(view), at + 40))
    if email:
        contact.emails.append(email.group(0))
        contact.spans["emails[0]"] = email.span()
    elif phones and phones[0][0] - at <= 1:
        contact.phones.append(view[phones[0][0]:phones[0][1]])
        contact.spans["phones[0]"] = phones[0]
    else:
        return None
    return contact
