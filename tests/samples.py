"""Fictional releases for tests, written here (never copies of the corpus)."""

from __future__ import annotations

HEADLINE = "Northwind Therapeutics Announces Oral Presentation of NWT-204 Data at the 12th Imaginary Oncology Congress"


def release_text(code: str = "NWT-204", inn: str = "zanolitamab vedotin", date: str = "March 2, 2024",
                 headline: str = HEADLINE, phone: str = "617-555-0100", extra: str = "") -> str:
    return f"""{headline}

BOSTON, {date} (GLOBE NEWSWIRE) -- Northwind Therapeutics, Inc. (Nasdaq: NWTX), a clinical-stage company
developing antibody-drug conjugates, today announced that data for {code} ({inn}), its HER3-targeting
antibody-drug conjugate, will be presented at the 12th Imaginary Oncology Congress. {extra}

Title: "A Phase 1 Study of {code} in Solid Tumors" (Abstract #1234)
Date/Time: Saturday, April 6, 2024, 2:30 p.m. ET, Hall C

"We look forward to sharing these data," said Ada Lovelace, Chief Executive Officer. The study enrolled
patients across many sites in several countries and the treatment was generally well tolerated by patients,
with responses observed at several dose levels and durable disease control in a number of cohorts.

About {code}
{code} is an investigational antibody-drug conjugate directed against HER3, developed by Northwind.

About Northwind Therapeutics
Northwind Therapeutics, Inc. develops antibody-drug conjugates for patients with solid tumors.

Investor Contact:
Grace Hopper, {phone}
ir@northwind.example
"""


def release_html(**kw) -> str:
    paragraphs = "".join(f"<p>{p.replace(chr(10), ' ')}</p>\n" for p in release_text(**kw).split("\n\n")[1:])
    headline = kw.get("headline", HEADLINE)
    return (f"<!DOCTYPE html><html><head><title>{headline}</title></head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>{headline}</h1>\n{paragraphs}</article></body></html>")
