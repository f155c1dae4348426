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
from .identity import best_match, company_key, contact_key, fingerprint_of, headline_opens, keys_of, meeting_key, squash

if TYPE_CHECKING:
    from .db import Db


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


def find_duplicate(db: Db, keys: list[str], text: str = "") -> int | None:
    """The stored release these keys point to most strongly, if any (see ``best_match``);
    on the sketch alone, its headline must open ``text`` too."""
    marks = ",".join("?" * len(keys))

    def confirm(release_id: int) -> bool:
        row = db.execute("SELECT headline FROM releases WHERE id = ?", [release_id]).fetchone()
        return headline_opens(row[0] if row else None, text)

    return best_match(db.execute(f"SELECT key, release_id FROM release_keys WHERE key IN ({marks})", keys), confirm)


def add_release(db: Db, parsed: ParsedRelease, source: Source,
                corrections: Iterable[tuple[str, str | None, str | None]] = ()) -> Added:
    """``corrections``: what the user changed before storing it, as (field, was, now)."""
    rel = parsed.release
    keys = keys_of(parsed)
    with db.atomic():
        existing = find_duplicate(db, keys, parsed.text)
        if existing is not None:
            add_source(db, existing, source)
            return Added("duplicate", existing)
        at = now()
        release_id = _insert_release(db, parsed, at)
        if release_id is None:  # the same text stored meanwhile: its unique key says so
            existing = db.execute("SELECT id FROM releases WHERE fingerprint = ?",
                                  [fingerprint_of(parsed)]).fetchone()[0]
            add_source(db, existing, source)
            return Added("duplicate", existing)
        db.insert_many("release_keys", ("key", "release_id"), [(k, release_id) for k in keys], ignore=True)
        add_source(db, release_id, source, at)
        corrections = [(release_id, name, was, value, at) for name, was, value in corrections]
        if corrections:
            db.insert_many("corrections", ("release_id", "field", "was", "now", "at"), corrections)
        _insert_sections(db, parsed, release_id)
        # Every span of the release in one statement at the end, in the order they were
        # always written (rows of spans are found by release, never by their own id).
        spans = _spans(release_id, "release", release_id, rel.spans)
        for compound in parsed.compounds:
            _compound(db, compound, release_id, rel.date)
        # Looked up again: a later compound of this release may have merged an earlier one away.
        compound_ids = compound_ids_for(db, [c.name for c in parsed.compounds])
        for compound in parsed.compounds:
            spans += _spans(release_id, "compound", compound_ids[compound.name], compound.spans)
        spans += _insert_presentations(db, parsed, release_id, compound_ids)
        for contact in parsed.contacts:
            spans += _contact(db, contact, release_id, rel.date)
        db.insert_many("spans", ("release_id", "entity", "entity_id", "field", "start", '"end"'), spans)
    return Added("imported", release_id)


def _insert_release(db: Db, parsed: ParsedRelease, at: str) -> int | None:
    rel = parsed.release
    company_id = _id_by_key(db, "companies", rel.company, company_key(rel.company)) if rel.company else None
    return db.insert("releases", {
        "date": rel.date, "headline": rel.headline, "company_id": company_id, "company": rel.company,
        "tickers": " ".join(rel.tickers), "city": rel.city, "wire": rel.wire, "text": parsed.text,
        "fingerprint": fingerprint_of(parsed), "imported_at": at,
        "presentation_count": len(parsed.presentations), "compound_count": len(parsed.compounds),
        "contact_count": len(parsed.contacts),
    }, ignore=True)


def _id_by_key(db: Db, table: str, name: str, key: str) -> int | None:
    """The id of the company or meeting with this key, added (name and key) when new."""
    if not key:
        return None
    row = db.execute(f"SELECT id FROM {table} WHERE key = ?", [key]).fetchone()
    if row:
        return row[0]
    new = db.insert(table, {"name": name, "key": key}, ignore=True)
    if new is None:  # another writer of a team store added it meanwhile
        new = db.execute(f"SELECT id FROM {table} WHERE key = ?", [key]).fetchone()[0]
    return new


def add_source(db: Db, release_id: int, source: Source, at: str | None = None) -> None:
    """One more place the release was found (a file whose bytes may already be stored)."""
    db.insert("sources", {"release_id": release_id, "path": source.path, "kind": source.kind,
                          "size": source.size, "digest": source.digest, "added_at": at or now()}, ignore=True)


def release_for_digest(db: Db, digest: str) -> int | None:
    row = db.execute("SELECT release_id FROM sources WHERE digest = ? LIMIT 1", [digest]).fetchone()
    return row[0] if row else None


def stored_file(db: Db, digest: str, path: str) -> tuple[int, bool] | None:
    """The release a file with these bytes was stored as (see ``release_for_digest``), and
    whether it was stored from this very path: adding that source again would change nothing."""
    release_id = release_for_digest(db, digest)
    if release_id is None:
        return None
    again = db.execute("SELECT 1 FROM sources WHERE release_id = ? AND path = ?", [release_id, path]).fetchone()
    return release_id, again is not None


def stored_files(db: Db, files: list[tuple[str, str]]) -> list[tuple[int, bool] | None]:
    """``stored_file`` for many (digest, path) pairs at once: two statements for up to 500
    files, not two for each (a folder imported again is mostly these look-ups)."""
    out: list[tuple[int, bool] | None] = []
    for at in range(0, len(files), 500):
        chunk = files[at:at + 500]
        digests = sorted({digest for digest, _ in chunk})
        release_of: dict[str, int] = {}
        for digest, release_id in db.execute(f"SELECT digest, release_id FROM sources WHERE digest IN "
                                             f"({','.join('?' * len(digests))}) ORDER BY id", digests):
            release_of.setdefault(digest, release_id)
        releases = sorted(set(release_of.values()))
        paths = set(db.execute(f"SELECT release_id, path FROM sources WHERE release_id IN "
                               f"({','.join('?' * len(releases))})", releases).fetchall()) if releases else set()
        for digest, path in chunk:
            release_id = release_of.get(digest)
            out.append(None if release_id is None else (release_id, (release_id, path) in paths))
    return out


def _insert_sections(db: Db, parsed: ParsedRelease, release_id: int) -> None:
    rows = [(release_id, "about", s.heading, s.text, s.span[0], s.span[1]) for s in parsed.about]
    if parsed.forward_looking:
        s = parsed.forward_looking
        rows.append((release_id, "forward_looking", s.heading, s.text, s.span[0], s.span[1]))
    if rows:
        db.insert_many("sections", ("release_id", "kind", "heading", "text", "start", '"end"'), rows)


def _spans(release_id: int, entity: str, entity_id: int | None, spans: dict) -> list[tuple]:
    return [(release_id, entity, entity_id, field, start, end) for field, (start, end) in spans.items()]


def _compound(db: Db, compound: Compound, release_id: int, date: str | None) -> int:
    """The stored compound that has any of these names; several such are merged into one.
    ``date``: the release's, for the compound's last mention."""
    names = {squash(n): n for n in compound.all_names() if squash(n)}
    marks = ",".join("?" * len(names))
    rows = db.execute(f"""SELECT n.key, c.id, c.company, c.target FROM compound_names n
        JOIN compounds c ON c.id = n.compound_id WHERE n.key IN ({marks}) ORDER BY c.id""", list(names)).fetchall()
    found = list({cid: (cid, company, target) for _, cid, company, target in rows}.values())
    if found:
        cid, company, target = found[0]
        for other, *_ in found[1:]:
            merge_compounds(db, cid, other)
        if (company is None and compound.company) or (target is None and compound.target):
            db.execute("UPDATE compounds SET company = coalesce(company, ?), target = coalesce(target, ?) "
                       "WHERE id = ?", [compound.company, compound.target, cid])
        # The names it has already are its own (after the merges): only new ones are taught,
        # one by one, so that an import's undo knows each name it taught (few per compound).
        known = {row[0] for row in rows}
        learned = [db.insert("compound_names", {"compound_id": cid, "name": name, "key": key}, ignore=True)
                   for key, name in names.items() if key not in known]
        if any(learned) or len(found) > 1:
            _refresh_names(db, cid)  # only when a name was learned: the index entry is rewritten
        _link(db, compound, release_id, cid, date)
        return cid
    # New: written whole at once (its names, its first link counted and dated), as the
    # steps for a known compound would leave it.
    cid = db.insert("compounds", {"name": compound.name, "company": compound.company, "target": compound.target,
                                  "names": " ".join(names.values()), "release_count": 1, "presentation_count": 0,
                                  "last_mentioned": date})
    for key, name in names.items():
        db.insert("compound_names", {"compound_id": cid, "name": name, "key": key}, ignore=True)
    db.insert("release_compounds", {"release_id": release_id, "compound_id": cid,
                                    "company": compound.company, "target": compound.target}, ignore=True)
    return cid


def _link(db: Db, compound: Compound, release_id: int, cid: int, date: str | None) -> None:
    linked = db.insert("release_compounds", {"release_id": release_id, "compound_id": cid,
                                             "company": compound.company, "target": compound.target}, ignore=True)
    if not linked:
        return
    # Counters kept as links are added (a recount would read every release of a busy compound).
    if date is None:
        db.execute("UPDATE compounds SET release_count = release_count + 1 WHERE id = ?", [cid])
    else:
        db.execute("UPDATE compounds SET release_count = release_count + 1, last_mentioned = CASE WHEN "
                   "last_mentioned IS NULL OR last_mentioned < ? THEN ? ELSE last_mentioned END WHERE id = ?",
                   [date, date, cid])


def compound_ids_for(db: Db, names: list[str]) -> dict[str, int | None]:
    """Each name's compound (None if none has it), in one statement."""
    keys = {name: squash(name) for name in names}
    wanted = sorted(set(keys.values()))
    found = dict(db.execute(f"SELECT key, compound_id FROM compound_names WHERE key IN ({','.join('?' * len(wanted))})",
                            wanted).fetchall()) if wanted else {}
    return {name: found.get(key) for name, key in keys.items()}


def _refresh_names(db: Db, cid: int) -> None:
    names = [row[0] for row in db.execute("SELECT name FROM compound_names WHERE compound_id = ? ORDER BY id", [cid])]
    db.execute("UPDATE compounds SET names = ? WHERE id = ?", [" ".join(names), cid])


def merge_compounds(db: Db, keep: int, other: int) -> None:
    """Everything known of ``other`` moves to ``keep``; nothing is lost."""
    db.execute("UPDATE compound_names SET compound_id = ? WHERE compound_id = ?", [keep, other])
    for table, column in (("release_compounds", "release_id"), ("presentation_compounds", "presentation_id")):
        # Row by row (through insert): an import's undo must know each link its merges made.
        for (linked,) in db.execute(f"SELECT {column} FROM {table} WHERE compound_id = ?", [other]).fetchall():
            db.insert(table, {column: linked, "compound_id": keep}, ignore=True)
        db.execute(f"DELETE FROM {table} WHERE compound_id = ?", [other])
    db.execute("UPDATE spans SET entity_id = ? WHERE entity = 'compound' AND entity_id = ?", [keep, other])
    db.execute("""UPDATE compounds SET company = coalesce(company, (SELECT company FROM compounds WHERE id = ?)),
                  target = coalesce(target, (SELECT target FROM compounds WHERE id = ?)) WHERE id = ?""",
               [other, other, keep])
    db.execute("DELETE FROM compounds WHERE id = ?", [other])
    _refresh_names(db, keep)
    refresh_compounds(db, {keep})


def refresh_compounds(db: Db, ids: set[int]) -> None:
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


def _insert_presentations(db: Db, parsed: ParsedRelease, release_id: int, compound_ids: dict) -> list[tuple]:
    """Returns the presentations' spans, to be written with the release's."""
    spans = []
    for p in parsed.presentations:
        meeting_id = _id_by_key(db, "meetings", p.meeting, meeting_key(p.meeting)) if p.meeting else None
        pid = db.insert("presentations", {
            "release_id": release_id, "meeting_id": meeting_id, "title": p.title, "abstract": p.abstract,
            "kind": p.kind, "starts_at": p.starts_at, "location": p.location, "session": p.session,
        })
        for cid in {compound_ids[name] for name in p.compounds if compound_ids.get(name)}:
            if db.insert("presentation_compounds", {"presentation_id": pid, "compound_id": cid}, ignore=True):
                db.execute("UPDATE compounds SET presentation_count = presentation_count + 1 WHERE id = ?", [cid])
        spans += _spans(release_id, "presentation", pid, p.spans)
    return spans


def _contact(db: Db, contact: Contact, release_id: int, date: str | None) -> list[tuple]:
    """Returns the appearance's spans, to be written with the release's."""
    key = contact_key(contact.name)
    if not key:
        return []
    row = db.execute("SELECT id, last_seen, organization, title, phone, email, audience FROM contacts "
                          "WHERE key = ?", [key]).fetchone()
    latest = {"organization": contact.organization, "title": contact.title,
              "phone": contact.phones[0] if contact.phones else None,
              "email": contact.emails[0] if contact.emails else None, "audience": contact.audience}
    if row is None:
        cid = db.insert("contacts", {"name": contact.name, "key": key, "last_seen": date, **latest})
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
                db.execute(f"UPDATE contacts SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?",
                           [*sets.values(), cid])
    appearance = db.insert("appearances", {
        "contact_id": cid, "release_id": release_id, "organization": contact.organization, "title": contact.title,
        "phones": json.dumps(contact.phones), "emails": json.dumps(contact.emails), "audience": contact.audience,
    })
    return _spans(release_id, "contact", appearance, contact.spans)
