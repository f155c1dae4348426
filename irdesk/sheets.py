"""Contact sheets as escaped HTML blocks (Qt-free): one block per person, in groups, so
the printer can keep each person whole on a page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from html import escape

AUDIENCES = {"investors": "Investors", "media": "Media", "both": "Investors and media", None: "Audience not given"}


@dataclass
class SheetOptions:
    title: str = "Contact sheet"
    layout: str = "table"  # "table" or "cards"
    group_by: str | None = "organization"  # "organization", "audience" or None


@dataclass
class Sheet:
    title: str
    subtitle: str
    columns: list[str]
    groups: list[tuple[str | None, list[str]]] = field(default_factory=list)  # (heading, blocks of HTML)
    count: int = 0


TABLE_COLUMNS = ["Name", "Organization", "Title", "Phones", "E-mails", "Audience", "Last seen"]
WEIGHTS = {"Name": 15, "Organization": 16, "Title": 17, "Phones": 15, "E-mails": 21, "Audience": 9, "Last seen": 10}


def widths(columns: list[str]) -> list[int]:
    """Per cent of the line for each column, in proportion to its weight."""
    total = sum(WEIGHTS[c] for c in columns)
    return [round(100 * WEIGHTS[c] / total) for c in columns]


def _cells(person: dict, reach: dict) -> dict[str, str]:
    phones = "<br>".join(escape(p) for p in reach.get("phones") or [person.get("phone") or ""] if p)
    emails = "<br>".join(escape(e) for e in reach.get("emails") or [person.get("email") or ""] if e)
    return {"Name": f"<b>{escape(person['name'])}</b>", "Organization": escape(person.get("organization") or ""),
            "Title": escape(person.get("title") or ""), "Phones": phones, "E-mails": emails,
            "Audience": escape(person.get("audience") or ""), "Last seen": escape(person.get("last_seen") or "")}


def _row(person: dict, reach: dict, columns: list[str]) -> str:
    cells = _cells(person, reach)
    tds = "".join(f"<td width='{w}%'>{cells[c]}</td>" for w, c in zip(widths(columns), columns))
    return f"<table width='100%' cellspacing='0' cellpadding='3' class='row'><tr>{tds}</tr></table>"


def _card(person: dict, reach: dict) -> str:
    lines = [f"<span class='name'>{escape(person['name'])}</span>"]
    title_org = ", ".join(escape(x) for x in (person.get("title"), person.get("organization")) if x)
    if title_org:
        lines.append(title_org)
    for phone in reach.get("phones") or ([person["phone"]] if person.get("phone") else []):
        lines.append(f"Tel. {escape(phone)}")
    for email in reach.get("emails") or ([person["email"]] if person.get("email") else []):
        lines.append(escape(email))
    meta = " · ".join(x for x in (AUDIENCES.get(person.get("audience"), "") if person.get("audience") else "",
                                  f"last seen {person['last_seen']}" if person.get("last_seen") else "") if x)
    if meta:
        lines.append(f"<span class='meta'>{escape(meta)}</span>")
    return "<div class='card'>" + "<br>".join(lines) + "</div>"


def build(people: list[dict], reach: dict[int, dict], options: SheetOptions, today: dt.date | None = None) -> Sheet:
    today = today or dt.date.today()
    # A grouping says the organization (or audience) in its heading: no column repeats it.
    repeated = {"organization": "Organization", "audience": "Audience"}.get(options.group_by or "")
    columns = [c for c in TABLE_COLUMNS if c != repeated] if options.layout == "table" else []
    sheet = Sheet(options.title, f"{len(people)} contact{'s' if len(people) != 1 else ''} · {today:%d %B %Y}",
                  columns, count=len(people))
    block = (lambda p, r: _row(p, r, columns)) if options.layout == "table" else _card
    if options.group_by == "organization":
        key = lambda p: (p.get("organization") or "").strip() or "Organization not given"  # noqa: E731
    elif options.group_by == "audience":
        key = lambda p: AUDIENCES.get(p.get("audience"), p.get("audience"))  # noqa: E731
    else:
        key = None
    if key is None:
        sheet.groups = [(None, [block(p, reach.get(p["id"], {})) for p in people])]
        return sheet
    groups: dict[str, list[dict]] = {}
    for person in people:
        groups.setdefault(key(person), []).append(person)
    for heading in sorted(groups, key=lambda h: (h.endswith("not given"), h.lower())):
        members = sorted(groups[heading], key=lambda p: p["name"].lower())
        sheet.groups.append((heading, [block(p, reach.get(p["id"], {})) for p in members]))
    return sheet


STYLE = """
 body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #111; }
 .row td { vertical-align: top; border-bottom: 1px solid #ddd; }
 .card { margin: 0; }
 .name { font-size: 11pt; font-weight: bold; }
 .meta { color: #666; }
 h2 { font-size: 12pt; margin: 0; color: #1f4e79; }
 th { text-align: left; color: #555; font-size: 8pt; }
"""


def header_html(columns: list[str]) -> str:
    if not columns:
        return ""
    ths = "".join(f"<th width='{w}%'>{escape(c)}</th>" for w, c in zip(widths(columns), columns))
    return f"<table width='100%' cellspacing='0' cellpadding='3'><tr>{ths}</tr></table>"
