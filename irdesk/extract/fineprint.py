"""The fine print of a release that names drugs which are not its compounds: a label's safety
information (interacting drugs, contraindications) and the safe-harbour statement."""

from __future__ import annotations

import re

from .model import Span
from .sections import Sections

# Label text that lists drugs a patient must not combine, not the release's own compounds.
SAFETY_HEAD = re.compile(r"IMPORTANT SAFETY INFORMATION|Important (?:[\w.®™ -]{1,40} )?Safety Information|"
                         r"INDICATIONS? AND USAGE|DRUG INTERACTIONS|Drug Interactions|CONTRAINDICATIONS|"
                         r"Contraindications|WARNINGS AND PRECAUTIONS|Warnings and Precautions|BOXED WARNING")
FLS_HEAD = re.compile(r"(?:Forward[- ]Looking Statements?|Safe Harbor Statement|Cautionary Note[\w ]{0,40})\s*:?\s*(?=[A-Z])")
ABOUT_HEAD = re.compile(r"(?:^|\n|[a-z.:)])\s*About (?:the )?[A-Z]")


def fine_print(text: str, sections: Sections) -> list[Span]:
    """Safety-information blocks (to the next About section) and the forward-looking statements."""
    spans = []
    at = 0
    while True:
        head = SAFETY_HEAD.search(text, at)
        if not head:
            break
        line_start = text.rfind("\n", 0, head.start()) + 1
        prefix = text[line_start:head.start()]
        glued = prefix and not prefix[-1].isspace()  # "...amgen.IMPORTANT SAFETY INFORMATION"
        if not glued and not re.fullmatch(r"[\s*#>_-]*(?:[A-Z.][A-Z.,]*\s+){0,4}", prefix):
            at = head.end()
            continue  # "see ... for Important Safety Information": a reference, not the block
        nxt = ABOUT_HEAD.search(text, head.end())
        end = nxt.start() + 1 if nxt else len(text)
        if sections.forward_looking and head.start() < sections.forward_looking.span[0] < end:
            end = sections.forward_looking.span[0]
        spans.append((head.start(), end))
        at = end
    if sections.forward_looking:
        spans.append(sections.forward_looking.span)
    else:
        # A safe harbour glued to the text before it ("...amgen.Forward-Looking StatementsThis news release").
        for m in FLS_HEAD.finditer(text):
            if "forward-looking" in text[m.end():m.end() + 400].lower():
                spans.append((m.start(), len(text)))
                break
    return spans
