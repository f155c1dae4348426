"""Detail panes as HTML, from the store's dicts. Pure functions (no Qt): escaped text,
internal links (``irdesk://compound/42``) that the window routes."""

from __future__ import annotations

import datetime as dt


def escape(text: str) -> str:
    """As ``html.escape``: the standard module loads its table of 2,000 entities, which
    nothing here needs, a few milliseconds of every start."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("'", "&#x27;"))


MARKS = {"release": "#fff3b0", "compound": "#c8f0d0", "presentation": "#cde4ff", "contact": "#f6d2ea"}
DARK_MARKS = {"release": "#5c4f00", "compound": "#1d5530", "presentation": "#1f3f66", "contact": "#5e2448"}
STYLE = """<style>
 body { font-size: 10pt; } h2 { margin: 0 0 4px 0; } h3 { margin: 14px 0 4px 0; }
 td { padding: 1px 8px 1px 0; vertical-align: top; }
 .text { white-space: pre-wrap; font-family: serif; }
</style>"""


def meta_style(text: str, base: str) -> str:
    """The colour of quiet text (labels, hints): between the pane's text and its background,
    so it reads on a light and on a dark palette alike (``palette(mid)`` in a style sheet
    is the application's palette, not the pane's, and on dark themes is dark itself)."""
    def rgb(colour: str) -> list[int]:
        return [int(colour[n:n + 2], 16) for n in (1, 3, 5)]

    mixed = "".join(f"{round(t * 0.6 + b * 0.4):02x}" for t, b in zip(rgb(text), rgb(base)))
    return f".meta {{ color: #{mixed}; }}"


def link(kind: str, row_id: int | None, label: str | None) -> str:
    text = escape(label or "—")
    return f'<a href="irdesk://{kind}/{row_id}">{text}</a>' if row_id is not None else text


def _table(rows: list[tuple[str, str | None]]) -> str:
    cells = "".join(f"<tr><td class='meta'>{escape(k)}</td><td>{v}</td></tr>" for k, v in rows if v)
    return f"<table>{cells}</table>" if cells else ""


def _e(value) -> str | None:
    return escape(str(value)) if value not in (None, "") else None


def when(starts_at: str | None) -> str | None:
    """The meeting's own time, and the reader's, for a time with an offset."""
    if not starts_at:
        return None
    try:
        moment = dt.datetime.fromisoformat(starts_at)
    except ValueError:
        return escape(starts_at)
    if moment.tzinfo is None:
        return escape(moment.strftime("%a %d %b %Y, %H:%M") if "T" in starts_at else moment.strftime("%a %d %b %Y"))
    local = moment.astimezone()
    there = moment.strftime("%a %d %b %Y, %H:%M (UTC%z)")
    here = local.strftime("%a %d %b %Y, %H:%M %Z")
    return f"{escape(there)} — your time {escape(here)}"


def release(data: dict, dark: bool = False) -> str:
    corrected: dict[str, dict] = {}
    for c in data.get("corrections", []):  # the first says what was read, the last what it is now
        if c["field"] not in LEFT_OUT:
            corrected[c["field"]] = {"was": corrected.get(c["field"], c)["was"], "now": c["now"]}

    def field(name: str) -> str | None:
        value = _e(data.get(name))
        if name not in corrected:
            return value
        return f"{value or '—'} {_corrected(corrected[name])}"

    headline = escape(data.get('headline') or '(no headline)')
    if "headline" in corrected:
        headline += f" <small>{_corrected(corrected['headline'])}</small>"
    parts = [STYLE, f"<h2>{headline}</h2>"]
    parts.append(_table([("Date", field("date")), ("Issuer", field("company")),
                         ("Tickers", field("tickers")), ("Dateline", field("city")),
                         ("Wire", field("wire")),
                         ("Sources", "<br>".join(escape(s["path"]) for s in data.get("sources", []))),
                         ("Left out", _left_out(data.get("corrections", [])))]))
    if data.get("presentations"):
        parts.append("<h3>Presentations</h3><ul>")
        for p in data["presentations"]:
            compounds = ", ".join(link("compound", c["id"], c["name"]) for c in p["compounds"])
            bits = [b for b in (p.get("kind"), p.get("abstract") and f"abstract {p['abstract']}", p.get("meeting")) if b]
            parts.append(f"<li>{link('presentation', p['id'], p.get('title') or p.get('meeting') or 'Presentation')}"
                         f"<br><span class='meta'>{escape(' · '.join(bits))}</span>"
                         f"{'<br>' + compounds if compounds else ''}</li>")
        parts.append("</ul>")
    if data.get("compounds"):
        parts.append("<h3>Compounds</h3><p>" + ", ".join(link("compound", c["id"], c["name"])
                                                        for c in data["compounds"]) + "</p>")
    if data.get("contacts"):
        parts.append("<h3>Contacts</h3><ul>")
        for c in data["contacts"]:
            reach = ", ".join(escape(x) for x in c["phones"] + c["emails"])
            org = f" — {escape(c['organization'])}" if c.get("organization") else ""
            parts.append(f"<li>{link('contact', c['id'], c['name'])}{org}<br><span class='meta'>{reach}</span></li>")
        parts.append("</ul>")
    parts.append("<h3>Text</h3>" + highlighted(data.get("text") or "", data.get("spans", []), data, dark))
    return "".join(parts)


# Corrections of these name an entity the user left out; the others, a release field corrected.
LEFT_OUT = ("presentation", "compound", "contact")


def _corrected(correction: dict) -> str:
    was = correction.get("was")
    title = f"read as: {was}" if was else "nothing was read"
    return f"<span class='meta' title='{escape(title)}'>(corrected by you)</span>"


def _left_out(corrections: list[dict]) -> str | None:
    names = [f"{escape(c['field'])} “{escape(c['was'] or '')}”" for c in corrections if c["field"] in LEFT_OUT]
    return ("<br>".join(names) + " <span class='meta'>(by you)</span>") if names else None


def parsed_release(parsed, source: str | None = None, corrections=(), dark: bool = False) -> str:
    """A ``ParsedRelease`` not yet stored, shown as the detail pane shows a stored one
    (nothing is a link: none of it has a record yet). ``corrections`` as (field, was, now)."""
    rel = parsed.release
    spans = []
    for entity, objects in (("release", [rel]), ("presentation", parsed.presentations),
                            ("compound", parsed.compounds), ("contact", parsed.contacts)):
        for obj in objects:
            spans += [{"entity": entity, "entity_id": None, "field": name, "start": start, "end": end}
                      for name, (start, end) in obj.spans.items()]
    data = {
        "headline": rel.headline, "date": rel.date, "company": rel.company, "tickers": " ".join(rel.tickers),
        "city": rel.city, "wire": rel.wire, "text": parsed.text, "spans": spans,
        "sources": [{"path": source}] if source else [],
        "presentations": [{"id": None, "title": p.title, "kind": p.kind, "abstract": p.abstract, "meeting": p.meeting,
                           "compounds": [{"id": None, "name": n} for n in p.compounds]} for p in parsed.presentations],
        "compounds": [{"id": None, "name": c.name} for c in parsed.compounds],
        "contacts": [{"id": None, "name": c.name, "organization": c.organization, "phones": c.phones,
                      "emails": c.emails} for c in parsed.contacts],
        "corrections": [{"field": f, "was": was, "now": now} for f, was, now in corrections],
    }
    return release(data, dark)


def highlighted(text: str, spans: list[dict], data: dict, dark: bool = False) -> str:
    """The release text with every extracted value marked; values of entities are links."""
    appearance_to_contact = {c.get("appearance_id"): c["id"] for c in data.get("contacts", [])}
    out, pos = [], 0
    for span in sorted(spans, key=lambda s: (s["start"], -s["end"])):
        start, end = span["start"], span["end"]
        if start < pos or end > len(text) or start >= end:
            continue  # overlapping or stale spans: the first wins
        out.append(escape(text[pos:start]))
        value = escape(text[start:end])
        entity, target = span["entity"], span["entity_id"]
        if entity == "contact":
            target = appearance_to_contact.get(target)
        colour = (DARK_MARKS if dark else MARKS).get(entity, "#777777" if dark else "#eeeeee")
        title = escape(f"{entity} {span['field']}")
        if entity == "release" or target is None:
            out.append(f"<span style='background:{colour}' title='{title}'>{value}</span>")
        else:
            out.append(f"<a href='irdesk://{entity}/{target}' style='background:{colour}; color: palette(text)' "
                       f"title='{title}'>{value}</a>")
        pos = end
    out.append(escape(text[pos:]))
    # Line breaks stay newlines: under pre-wrap each line is a block of its own, which Qt lays
    # out five times faster than one block broken by thousands of <br> (a 55 KB release: 13 ms
    # instead of 60 ms to show).
    return "<div class='text'>" + "".join(out) + "</div>"


def compound(data: dict) -> str:
    others = [n for n in data.get("all_names", []) if n != data["name"]]
    parts = [STYLE, f"<h2>{escape(data['name'])}</h2>",
             _table([("Other names", _e(", ".join(others))), ("Owner", _e(data.get("company"))),
                     ("Target", _e(data.get("target"))), ("Releases", _e(data.get("release_count"))),
                     ("Presentations", _e(data.get("presentation_count"))),
                     ("Last mentioned", _e(data.get("last_mentioned")))])]
    if data.get("description"):
        parts.append(f"<h3>About</h3><p>{escape(data['description'])}</p>")
    events = [(p.get("starts_at") or p.get("release_date") or "", "presentation", p) for p in data.get("presentations", [])]
    events += [(r.get("date") or "", "release", r) for r in data.get("releases", [])]
    if events:
        parts.append("<h3>Timeline</h3><table>")
        for day, kind, item in sorted(events, key=lambda e: e[0], reverse=True):
            if kind == "release":
                label = link("release", item["id"], item.get("headline"))
            else:
                title = item.get("title") or "Presentation"
                label = (f"{link('presentation', item['id'], title)} <span class='meta'>"
                         f"{escape(' · '.join(b for b in (item.get('kind'), item.get('meeting')) if b))}</span>")
            parts.append(f"<tr><td class='meta'>{escape(day[:10] or '—')}</td><td>{escape(kind)}</td><td>{label}</td></tr>")
        parts.append("</table>")
    return "".join(parts)


def contact(data: dict) -> str:
    parts = [STYLE, f"<h2>{escape(data['name'])}</h2>",
             _table([("Organization", _e(data.get("organization"))), ("Title", _e(data.get("title"))),
                     ("Phone", _e(data.get("phone"))), ("E-mail", _e(data.get("email"))),
                     ("Audience", _e(data.get("audience"))), ("Last seen", _e(data.get("last_seen")))])]
    appearances = data.get("appearances", [])
    if appearances:
        parts.append("<h3>Appears in</h3><table>")
        previous_phones = None
        for a in reversed(appearances):  # oldest first, to mark what changed
            a["changed"] = previous_phones is not None and a["phones"] != previous_phones
            previous_phones = a["phones"]
        for a in appearances:
            seen = ", ".join(escape(x) for x in a["phones"] + a["emails"])
            if a.get("changed"):
                seen = f"<b>{seen}</b> (changed)"
            extra = " · ".join(escape(x) for x in (a.get("title"), a.get("organization")) if x)
            parts.append(f"<tr><td class='meta'>{escape(a.get('date') or '—')}</td><td>"
                         f"{link('release', a['release_id'], a.get('headline'))}<br>"
                         f"<span class='meta'>{extra}</span> {seen}</td></tr>")
        parts.append("</table>")
    return "".join(parts)


def presentation(data: dict) -> str:
    compounds = ", ".join(link("compound", c["id"], c["name"]) for c in data.get("compounds", []))
    return "".join([STYLE, f"<h2>{escape(data.get('title') or data.get('meeting') or 'Presentation')}</h2>",
                    _table([("Meeting", _e(data.get("meeting"))), ("When", when(data.get("starts_at"))),
                            ("As written", _e(data.get("starts_at_written"))),
                            ("Room", _e(data.get("location"))), ("Session", _e(data.get("session"))),
                            ("Kind", _e(data.get("kind"))), ("Abstract", _e(data.get("abstract"))),
                            ("Compounds", compounds or None),
                            ("Announced in", link("release", data.get("release_id"), data.get("release_headline")))])])


def missing(kind: str) -> str:
    return f"{STYLE}<p class='meta'>This {escape(kind)} is no longer in the store.</p>"
