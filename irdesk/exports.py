"""Exports people use, as bytes (Qt-free): contacts as vCard and CSV, presentations as
iCalendar events in their own time zones, releases and compounds as CSV.

vCard through ``vobject`` and iCalendar through ``icalendar``: both formats have escaping,
folding and time-zone rules that hand-written text gets wrong.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable

CSV_COLUMNS = {
    "contacts": ["name", "organization", "title", "phone", "email", "audience", "last_seen"],
    "releases": ["date", "company", "headline", "tickers", "presentation_count", "compound_count", "contact_count"],
    "compounds": ["name", "names", "company", "target", "release_count", "presentation_count", "last_mentioned"],
}


def csv_bytes(kind: str, rows: Iterable[dict]) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheets open accents and ® correctly."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS[kind], extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else row[k] for k in CSV_COLUMNS[kind]})
    return out.getvalue().encode("utf-8-sig")


def vcards(contacts: list[dict], reach: dict[int, dict]) -> bytes:
    import vobject

    cards = []
    for person in contacts:
        card = vobject.vCard()
        card.add("fn").value = person["name"]
        parts = person["name"].split()
        card.add("n").value = vobject.vcard.Name(family=parts[-1] if len(parts) > 1 else "",
                                                 given=" ".join(parts[:-1]) if len(parts) > 1 else parts[0])
        if person.get("organization"):
            card.add("org").value = [person["organization"]]
        if person.get("title"):
            card.add("title").value = person["title"]
        seen = reach.get(person["id"], {})
        for phone in seen.get("phones") or ([person["phone"]] if person.get("phone") else []):
            tel = card.add("tel")
            tel.value = phone
            tel.type_param = "WORK"
        for address in seen.get("emails") or ([person["email"]] if person.get("email") else []):
            mail = card.add("email")
            mail.value = address
            mail.type_param = "INTERNET"
        if person.get("audience"):
            card.add("note").value = f"Contact for {person['audience']}"
        cards.append(card.serialize())
    return "".join(cards).encode("utf-8")


def undated(presentations: list[dict]) -> list[dict]:
    """The presentations a calendar cannot hold: no day is known for them."""
    return [p for p in presentations if not p.get("starts_at")]


def calendar(presentations: list[dict], product: str = "-//IR Desk//Presentations//EN") -> bytes:
    """One event per presentation with a time (its instant) or only a day (an all-day event);
    those with neither are left out (``undated`` names them)."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", product)
    cal.add("version", "2.0")
    for p in presentations:
        if not p.get("starts_at"):
            continue
        event = Event()
        start = _when(p["starts_at"])
        event.add("uid", f"presentation-{p['id']}@irdesk")
        event.add("dtstamp", dt.datetime.now(dt.timezone.utc))
        event.add("dtstart", start)
        if isinstance(start, dt.datetime):
            event.add("dtend", start + dt.timedelta(hours=1))
        summary = p.get("title") or f"{p.get('company') or 'Presentation'} at {p.get('meeting') or 'a meeting'}"
        event.add("summary", summary)
        if p.get("location"):
            event.add("location", p["location"])
        lines = [f"{label}: {p[key]}" for label, key in (("Meeting", "meeting"), ("Session", "session"),
                                                         ("Abstract", "abstract"), ("Kind", "kind")) if p.get(key)]
        if p.get("compounds"):
            lines.append("Compounds: " + ", ".join(p["compounds"]))
        if p.get("release_headline"):
            lines.append("Announced in: " + p["release_headline"])
        if lines:
            event.add("description", "\n".join(lines))
        cal.add_component(event)
    return cal.to_ical()


def _when(value: str) -> dt.date | dt.datetime:
    if len(value) <= 10:
        return dt.date.fromisoformat(value)
    moment = dt.datetime.fromisoformat(value)
    # A fixed offset has no zone name a calendar knows: the instant, in UTC, is exact.
    return moment.astimezone(dt.timezone.utc) if moment.tzinfo else moment
