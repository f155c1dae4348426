"""Headings of contact blocks: "Media Contact", "Investors:", "Acme Contacts", "For more
information, contact", "IR/PR-Support", and the audience a heading names."""

from __future__ import annotations

import re

ROLE = (r"(?i:Investors?|Media|Press|Analysts?|IR|PR|Public|Corporate|Company|Business|News|Shareholders?|"
        r"Journalists?|Communications?)")
ROLES = rf"{ROLE}(?:\s*(?:and|&|/|-)\s*{ROLE})*"
# After an organization's name "PR" or "IR" is more often part of a firm's name ("Brightwater PR").
LONG_ROLES = ROLES.replace("IR|PR|", "")
SUFFIXES = r"(?i:Relations|Inquiries|Enquiries|Support|Contacts?|Information|Desk|Team|Affairs)"
# An organization's name in a heading: capitalized words ("Acme Bio, Inc.", "Nordwerk Pharma AG").
# Its words' runs are possessive (here and in "org2"): what follows a run is a space or a comma,
# which the run cannot hold, so giving back its letters one by one can never match.
ORG_NAME = r"[A-Z][\w.&'’-]*+(?:,?[ \t](?:[A-Z&][\w.&'’-]*+|of|and|the|de)){0,5}"
LABEL = re.compile(
    rf"(?P<label>(?i:For\s+(?:more|further|additional)\s+information[^:\n]{{0,60}}?(?:contact|reach)(?:\s+us)?\b\s*:?)"
    rf"|(?i:For\s+(?:more|further|additional)\s+information\s*:)"
    rf"|(?i:For\s+(?:inquiries|enquiries|questions),?\s+(?:please\s+)?(?:contact|reach)(?:\s+us)?\s*:)"
    rf"|(?i:For)\s+{ROLES}\s+(?i:inquiries|enquiries|requests|questions)[^:\n]{{0,100}}?(?i:please\s+contact)\s*:"
    rf"|(?i:For)\s+{ROLES}(?:\s+{SUFFIXES}|\s+(?i:questions|requests))*,?\s+(?i:please\s+)?(?i:contact|reach)(?:\s+us)?\b\s*:?"
    rf"|(?i:For)\s+{ROLES}(?:\s+{SUFFIXES})*(?:\s+(?i:and)\s+[^:\n]{{1,60}})?\s*:"
    rf"|(?i:For)\s+{ROLES}(?:\s+{SUFFIXES})*\s*(?=\n|$)"
    rf"|(?:(?i:International|External|Internal)\s+)?{ROLES}(?:[\s-]+{SUFFIXES})*\s*:"
    rf"|(?:(?P<org>{ORG_NAME})\s)??(?:{ROLES}\s+)?(?:(?i:Relations)\s+)?(?i:Contacts?)"
    rf"(?:\s+(?i:Details|Information|Info|Person|Us)|\s+(?i:for|with)\s+{ROLES}(?:\s+{SUFFIXES})*)?\s*:?"
    rf"|(?:(?P<org2>[A-Z][\w.&'’-]{{1,30}}+(?:[ \t][A-Z][\w.&'’-]{{1,30}}+){{0,2}})[ \t]+)?(?:(?i:International|External)\s+)?"
    rf"{LONG_ROLES}(?:[\s-]+{SUFFIXES})*\s*(?=\n|$)"
    rf"|(?:(?i:International)\s+)?(?:IR|PR)\s*/\s*(?:IR|PR)(?:-Support)?)")
SUBLABEL = re.compile(rf"(?:(?i:For)\s+)?{ROLES}(?:\s+{SUFFIXES})*\s*:?\s+(?=[A-Z])")


def audience_of(label: str) -> str | None:
    investors = bool(re.search(r"(?i)\b(?:investors?|IR|analysts?|shareholders?|financial)\b", label))
    media = bool(re.search(r"(?i)\b(?:media|press|PR|news|journalists?|public\s+relations)\b", label))
    return "both" if investors and media else "investors" if investors else "media" if media else None
