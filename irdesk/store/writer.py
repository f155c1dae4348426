"""Adding a parsed release: one transaction for the release and everything it names, or
nothing; the same release again adds a source, not a release; entities merge across
releases without losing a name or an appearance."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from typing import TYPE_CHECKING

from ..extract.model import Compound, Contact, ParsedRelease
from .identity import best_match, company_key, headline_opens, contact_key, fingerprint, keys_of, meeting_key, squash

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Source:
    path: str
    kind: str = "text"
    size: int = 0
    digest: str | None = None  # of the file's bytes, when it came from a file


@dataclass(frozen=True)
class Added:
    status: str  # "imported" or "duplicate"
    release_id: int


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


# The import path writes through plain parametrized SQL on the same connection: sqlite-utils'
# insert() looks the table up in sqlite_master on every call, which costs more than the row.
def _insert(db: Database, table: str, row: dict, ignore: bool = False) -> int:
    columns = ", ".join(row)
    marks = ", ".join("?" * len(row))
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    return db.conn.execute(f"{verb} INTO {table} ({columns}) VALUES ({marks})", list(row.values())).lastrowid


def _insert_many(db: Database, table: str, columns: tuple[str, ...], rows, ignore: bool = False) -> None:
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    marks = ", ".join("?" * len(columns))
    db.conn.executemany(f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def find_duplicate(db: Database, keys: list[str], text: str = "") -> int | None:
    """The stored release these keys point to most strongly, if any (see ``best_match``);
    on the sketch alone, its headline must open ``text`` too."""
    marks = ",".join("?" * len(keys))

    def confirm(release_id: int) -> bool:
        row = db.execute("SELECT headline FROM releases WHERE id = ?", [release_id]).fetchone()
        return headline_opens(row[0] if row else None, text)

    return best_match(db.execute(f"SELECT key, release_id FROM release_keys WHERE key IN ({marks})", keys), confirm)


def add_release(db: Database, parsed: ParsedRelease, source: Source,
                corrections: Iterable[tuple[str, str | None, str | None]] = ()) -> Added:
    """``corrections``: what the user changed before storing it, as (field, was, now)."""
    rel = parsed.release
    keys = keys_of(parsed)
    with db.atomic():
        existing = find_duplicate(db, keys, parsed.text)
        if existing is not None:
            add_source(db, existing, source)
            return Added("duplicate", existing)
        release_id = _insert_release(db, parsed)
        _insert_many(db, "release_keys", ("key", "release_id"), [(k, release_id) for k in keys], ignore=True)
        add_source(db, release_id, source)
        at = now()
        _insert_many(db, "corrections", ("release_id", "field", "was", "now", "at"),
                     [(release_id, name, was, value, at) for name, was, value in corrections])
        _insert_sections(db, parsed, release_id)
        _span_rows(db, release_id, "release", release_id, rel.spans)
        for compound in parsed.compounds:
            _compound(db, compound, release_id)
        # Looked up again: a later compound of this release may have merged an earlier one away.
        compound_ids = {c.name: compound_id_for(db, c.name) for c in parsed.compounds}
        for compound in parsed.compounds:
            _span_rows(db, release_id, "compound", compound_ids[compound.name], compound.spans)
        _insert_presentations(db, parsed, release_id, compound_ids)
        for contact in parsed.contacts:
            _contact(db, contact, release_id, rel.date)
    return Added("imported", release_id)


def _insert_release(db: Database, parsed: ParsedRelease) -> int:
    rel = parsed.release
    company_id = None
    if rel.company and company_key(rel.company):
        key = company_key(rel.company)
        _insert(db, "companies", {"name": rel.company, "key": key}, ignore=True)
        company_id = db.execute("SELECT id FROM companies WHERE key = ?", [key]).fetchone()[0]
    return _insert(db, "releases", {
        "date": rel.date, "headline": rel.headline, "company_id": company_id, "company": rel.company,
        "tickers": " ".join(rel.tickers), "city": rel.city, "wire": rel.wire, "text": parsed.text,
        "fingerprint": fingerprint(parsed.text), "imported_at": now(),
        "presentation_count": len(parsed.presentations), "compound_count": len(parsed.compounds),
        "contact_count": len(parsed.contacts),
    })


def add_source(db: Database, release_id: int, source: Source) -> None:
    """One more place the release was found (a file whose bytes may already be stored)."""
    _insert(db, "sources", {"release_id": release_id, "path": source.path, "kind": source.kind,
                            "size": source.size, "digest": source.digest, "added_at": now()}, ignore=True)


def release_for_digest(db: Database, digest: str) -> int | None:
    row = db.execute("SELECT release_id FROM sources WHERE digest = ? LIMIT 1", [digest]).fetchone()
    return row[0] if row else None


def _insert_sections(db: Database, parsed: ParsedRelease, release_id: int) -> None:
    rows = [{"release_id": release_id, "kind": "about", "heading": s.heading, "text": s.text,
             "start": s.span[0], "end": s.span[1]} for s in parsed.about]
    if parsed.forward_looking:
        s = parsed.forward_looking
        rows.append({"release_id": release_id, "kind": "forward_looking", "heading": s.heading, "text": s.text,
                     "start": s.span[0], "end": s.span[1]})
    _insert_many(db, "sections", ("release_id", "kind", "heading", "text", "start", "end"),
                 [tuple(r.values()) for r in rows])


def _span_rows(db: Database, release_id: int, entity: str, entity_id: int, spans: dict) -> None:
    _insert_many(db, "spans", ("release_id", "entity", "entity_id", "field", "start", "end"),
                 [(release_id, entity, entity_id, field, start, end) for field, (start, end) in spans.items()])


def _compound(db: Database, compound: Compound, release_id: int) -> int:
    """The stored compound that has any of these names; several such are merged into one."""
    names = {squash(n): n for n in compound.all_names() if squash(n)}
    marks = ",".join("?" * len(names))
    found = db.conn.execute(f"""SELECT DISTINCT c.id, c.company, c.target FROM compound_names n
        JOIN compounds c ON c.id = n.compound_id WHERE n.key IN ({marks}) ORDER BY c.id""", list(names)).fetchall()
    if found:
        cid, company, target = found[0]
        for other, *_ in found[1:]:
            merge_compounds(db, cid, other)
        if (company is None and compound.company) or (target is None and compound.target):
            db.conn.execute("UPDATE compounds SET company = coalesce(company, ?), target = coalesce(target, ?) "
                            "WHERE id = ?", [compound.company, compound.target, cid])
    else:
        cid = _insert(db, "compounds", {"name": compound.name, "company": compound.company,
                                        "target": compound.target, "names": compound.name,
                                        "release_count": 0, "presentation_count": 0})
    before = db.conn.total_changes
    _insert_many(db, "compound_names", ("compound_id", "name", "key"),
                 [(cid, name, key) for key, name in names.items()], ignore=True)
    if db.conn.total_changes != before or len(found) > 1:
        _refresh_names(db, cid)  # only when a name was learned: the index entry is rewritten
    linked = db.conn.execute(
        "INSERT OR IGNORE INTO release_compounds (release_id, compound_id, company, target) VALUES (?, ?, ?, ?)",
        [release_id, cid, compound.company, compound.target]).rowcount
    if linked:
        # Counters kept as links are added (a recount would read every release of a busy compound).
        db.conn.execute("""UPDATE compounds SET release_count = release_count + 1,
            last_mentioned = CASE WHEN :d IS NOT NULL AND (last_mentioned IS NULL OR :d > last_mentioned)
                             THEN :d ELSE last_mentioned END WHERE id = :c""",
                        {"d": _release_date(db, release_id), "c": cid})
    return cid


def _release_date(db: Database, release_id: int) -> str | None:
    return db.conn.execute("SELECT date FROM releases WHERE id = ?", [release_id]).fetchone()[0]


def compound_id_for(db: Database, name: str) -> int | None:
    row = db.execute("SELECT compound_id FROM compound_names WHERE key = ?", [squash(name)]).fetchone()
    return row[0] if row else None


def _refresh_names(db: Database, cid: int) -> None:
    names = [row[0] for row in db.execute("SELECT name FROM compound_names WHERE compound_id = ? ORDER BY id", [cid])]
    db.execute("UPDATE compounds SET names = ? WHERE id = ?", [" ".join(names), cid])


def merge_compounds(db: Database, keep: int, other: int) -> None:
    """Everything known of ``other`` moves to ``keep``; nothing is lost."""
    db.execute("UPDATE compound_names SET compound_id = ? WHERE compound_id = ?", [keep, other])
    for table, column in (("release_compounds", "release_id"), ("presentation_compounds", "presentation_id")):
        db.execute(f"INSERT OR IGNORE INTO {table} ({column}, compound_id) "
                   f"SELECT {column}, ? FROM {table} WHERE compound_id = ?", [keep, other])
        db.execute(f"DELETE FROM {table} WHERE compound_id = ?", [other])
    db.execute("UPDATE spans SET entity_id = ? WHERE entity = 'compound' AND entity_id = ?", [keep, other])
    db.execute("""UPDATE compounds SET company = coalesce(company, (SELECT company FROM compounds WHERE id = :o)),
                  target = coalesce(target, (SELECT target FROM compounds WHERE id = :o)) WHERE id = :k""",
               {"k": keep, "o": other})
    db.execute("DELETE FROM compounds WHERE id = ?", [other])
    _refresh_names(db, keep)
    refresh_compounds(db, {keep})


def refresh_compounds(db: Database, ids: set[int]) -> None:
    """The counters the Compounds tab sorts by, recomputed from the links (indexed)."""
    if not ids:
        return
    marks = ",".join("?" * len(ids))
    db.execute(f"""UPDATE compounds SET
        release_count = (SELECT count(*) FROM release_compounds WHERE compound_id = compounds.id),
        presentation_count = (SELECT count(*) FROM presentation_compounds WHERE compound_id = compounds.id),
        last_mentioned = (SELECT max(r.date) FROM release_compounds rc JOIN releases r ON r.id = rc.release_id
                          WHERE rc.compound_id = compounds.id)
        WHERE id IN ({marks})""", list(ids))


def _insert_presentations(db: Database, parsed: ParsedRelease, release_id: int, compound_ids: dict) -> None:
    for p in parsed.presentations:
        meeting_id = None
        if p.meeting and meeting_key(p.meeting):
            _insert(db, "meetings", {"name": p.meeting, "key": meeting_key(p.meeting)}, ignore=True)
            meeting_id = db.execute("SELECT id FROM meetings WHERE key = ?", [meeting_key(p.meeting)]).fetchone()[0]
        pid = _insert(db, "presentations", {
            "release_id": release_id, "meeting_id": meeting_id, "title": p.title, "abstract": p.abstract,
            "kind": p.kind, "starts_at": p.starts_at, "location": p.location, "session": p.session,
        })
        for cid in {compound_ids[name] for name in p.compounds if compound_ids.get(name)}:
            if db.conn.execute("INSERT OR IGNORE INTO presentation_compounds (presentation_id, compound_id) "
                               "VALUES (?, ?)", [pid, cid]).rowcount:
                db.conn.execute("UPDATE compounds SET presentation_count = presentation_count + 1 WHERE id = ?", [cid])
        _span_rows(db, release_id, "presentation", pid, p.spans)


def _contact(db: Database, contact: Contact, release_id: int, date: str | None) -> None:
    key = contact_key(contact.name)
    if not key:
        return
    row = db.conn.execute("SELECT id, last_seen, organization, title, phone, email, audience FROM contacts "
                          "WHERE key = ?", [key]).fetchone()
    latest = {"organization": contact.organization, "title": contact.title,
              "phone": contact.phones[0] if contact.phones else None,
              "email": contact.emails[0] if contact.emails else None, "audience": contact.audience}
    if row is None:
        cid = _insert(db, "contacts", {"name": contact.name, "key": key, "last_seen": date, **latest})
    else:
        cid, last_seen, *current = row
        if date is None or last_seen is None or date >= last_seen:
            # Only what changed: assigning a searchable column rewrites its full-text entry.
            stored = dict(zip(("organization", "title", "phone", "email", "audience"), current))
            sets = {k: v for k, v in latest.items() if v and v != stored[k]}
            seen = max(filter(None, [date, last_seen]), default=None)
            if seen != last_seen:
                sets["last_seen"] = seen
            if sets:
                db["contacts"].upsert({"id": cid, **sets}, pk="id")
    appearance = _insert(db, "appearances", {
        "contact_id": cid, "release_id": release_id, "organization": contact.organization, "title": contact.title,
        "phones": json.dumps(contact.phones), "emails": json.dumps(contact.emails), "audience": contact.audience,
    })
    _span_rows(db, release_id, "contact", appearance, contact.spans)
