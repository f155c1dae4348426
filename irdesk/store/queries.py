"""What the window and the commands read: paged, sorted lists that answer from indexes,
full-text search that is safe for anything a user types, and everything linked to one
record. Never reads a whole table."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .db import Db

# ``json`` and ``identity`` are imported where a record is shown or a name searched, not
# at start: opening a store and painting its first page need neither.

# The columns each list may be sorted by: a whitelist, so no typed text reaches SQL.
LISTS = {
    "releases": {
        "columns": "id, date, company, headline, tickers, presentation_count, compound_count, contact_count, version",
        "sort": {"date": "date", "company": "company COLLATE NOCASE", "headline": "headline COLLATE NOCASE",
                 "tickers": "tickers", "presentations": "presentation_count", "id": "id"},
        "default": "date",
    },
    "compounds": {
        "columns": "id, name, names, company, target, release_count, presentation_count, last_mentioned, version",
        "sort": {"name": "name COLLATE NOCASE", "names": "names", "company": "company COLLATE NOCASE",
                 "target": "target", "releases": "release_count", "presentations": "presentation_count",
                 "last_mentioned": "last_mentioned", "id": "id"},
        "default": "name",
    },
    "contacts": {
        "columns": "id, name, organization, title, phone, email, audience, last_seen, version",
        "sort": {"name": "name COLLATE NOCASE", "organization": "organization COLLATE NOCASE", "title": "title",
                 "phone": "phone", "email": "email", "audience": "audience", "last_seen": "last_seen", "id": "id"},
        "default": "name",
    },
}


def _filter(db: Db, kind: str, query: str | None, column: str = "id") -> tuple[str, list]:
    words = re.findall(r"\w+", query or "")
    if not words:
        return "", []
    from .identity import squash

    where, args = db.text_filter(kind, words, column)
    if kind == "compounds" and squash(query):
        # "BT062" finds "BT-062": names compare without case, spaces or hyphens.
        where = f"({where} OR {column} IN (SELECT compound_id FROM compound_names WHERE key >= ? AND key < ?))"
        args = [*args, squash(query), squash(query) + "\uffff"]
    return "WHERE " + where, args


def _order(spec: dict, sort: str | None, descending: bool) -> str:
    """Empty values first going up, last going down, in both back ends (SQLite's own order)."""
    order = spec["sort"].get(sort or spec["default"], spec["sort"][spec["default"]])
    direction = "DESC NULLS LAST" if descending else "ASC NULLS FIRST"
    return f"{order} {direction}, id {direction}"


def count(db: Db, kind: str, query: str | None = None) -> int:
    where, args = _filter(db, kind, query)
    return db.execute(f"SELECT count(*) FROM {kind} {where}", args).fetchone()[0]


def page(db: Db, kind: str, sort: str | None = None, descending: bool = False,
         query: str | None = None, offset: int = 0, limit: int = 200) -> list[dict]:
    spec = LISTS[kind]
    where, args = _filter(db, kind, query)
    cursor = db.execute(f"SELECT {spec['columns']} FROM {kind} {where} "
                        f"ORDER BY {_order(spec, sort, descending)} LIMIT ? OFFSET ?", [*args, limit, offset])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def position(db: Db, kind: str, row_id: int, sort: str | None = None, descending: bool = False,
             query: str | None = None) -> int | None:
    """Where ``row_id`` stands in ``page``'s order (None when the filter hides it): ids only,
    so even 100,000 rows answer in a few milliseconds."""
    where, args = _filter(db, kind, query)
    cursor = db.execute(f"SELECT id FROM {kind} {where} ORDER BY {_order(LISTS[kind], sort, descending)}", args)
    for n, (found,) in enumerate(cursor):
        if found == row_id:
            return n
    return None


class Hit(NamedTuple):
    kind: str
    id: int
    label: str


def search(db: Db, text: str, limit: int = 20) -> list[Hit]:
    """Matches across releases, compounds and contacts, best first within each."""
    hits: list[Hit] = []
    for kind, label in (("releases", "coalesce(date, '') || '  ' || coalesce(company, '') || ': ' || coalesce(headline, '')"),
                        ("compounds", "name || coalesce(' (' || company || ')', '')"),
                        ("contacts", "name || coalesce(', ' || organization, '')")):
        where, args = _filter(db, kind, text)
        if not where:
            return []
        rows = db.execute(f"SELECT id, {label} FROM {kind} {where} LIMIT ?", [*args, limit])
        hits += [Hit(kind[:-1], row[0], row[1]) for row in rows]
    return hits


def _rows(db: Db, sql: str, args: list) -> list[dict]:
    cursor = db.execute(sql, args)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def release(db: Db, release_id: int) -> dict | None:
    import json

    rows = _rows(db, "SELECT * FROM releases WHERE id = ?", [release_id])
    if not rows:
        return None
    out = rows[0]
    out["sources"] = _rows(db, "SELECT path, kind, added_at FROM sources WHERE release_id = ? ORDER BY id", [release_id])
    out["presentations"] = _rows(db, """SELECT p.*, m.name AS meeting FROM presentations p
        LEFT JOIN meetings m ON m.id = p.meeting_id WHERE p.release_id = ? ORDER BY p.id""", [release_id])
    for p in out["presentations"]:
        p["compounds"] = compounds_of_presentation(db, p["id"])
    out["compounds"] = _rows(db, """SELECT c.id, c.name, rc.company, rc.target FROM release_compounds rc
        JOIN compounds c ON c.id = rc.compound_id WHERE rc.release_id = ? ORDER BY c.name""", [release_id])
    out["contacts"] = _rows(db, """SELECT c.id, a.id AS appearance_id, c.name, a.organization, a.title, a.phones, a.emails, a.audience
        FROM appearances a JOIN contacts c ON c.id = a.contact_id WHERE a.release_id = ? ORDER BY a.id""", [release_id])
    for c in out["contacts"]:
        c["phones"], c["emails"] = json.loads(c["phones"]), json.loads(c["emails"])
    out["sections"] = _rows(db, 'SELECT kind, heading, text, start, "end" FROM sections WHERE release_id = ?', [release_id])
    out["spans"] = _rows(db, 'SELECT entity, entity_id, field, start, "end" FROM spans WHERE release_id = ? ORDER BY start',
                         [release_id])
    out["corrections"] = _rows(db, "SELECT field, was, now, at FROM corrections WHERE release_id = ? ORDER BY id",
                               [release_id])
    return out


def compounds_of_presentation(db: Db, presentation_id: int) -> list[dict]:
    return _rows(db, """SELECT c.id, c.name FROM presentation_compounds pc JOIN compounds c ON c.id = pc.compound_id
        WHERE pc.presentation_id = ? ORDER BY c.name""", [presentation_id])


def compound(db: Db, compound_id: int) -> dict | None:
    rows = _rows(db, "SELECT * FROM compounds WHERE id = ?", [compound_id])
    if not rows:
        return None
    out = rows[0]
    out["all_names"] = [r["name"] for r in _rows(db, "SELECT name FROM compound_names WHERE compound_id = ? ORDER BY id",
                                                 [compound_id])]
    out["releases"] = _rows(db, """SELECT r.id, r.date, r.company, r.headline FROM release_compounds rc
        JOIN releases r ON r.id = rc.release_id WHERE rc.compound_id = ? ORDER BY r.date DESC, r.id DESC""", [compound_id])
    out["presentations"] = _rows(db, """SELECT p.id, p.title, p.kind, p.starts_at, p.release_id, m.name AS meeting,
        r.date AS release_date FROM presentation_compounds pc JOIN presentations p ON p.id = pc.presentation_id
        JOIN releases r ON r.id = p.release_id LEFT JOIN meetings m ON m.id = p.meeting_id
        WHERE pc.compound_id = ? ORDER BY coalesce(p.starts_at, r.date) DESC""", [compound_id])
    out["description"] = _description(db, out["all_names"], [r["id"] for r in out["releases"][:20]])
    return out


def _description(db: Db, names: list[str], release_ids: list[int]) -> str | None:
    """The compound's own "About ..." section from the newest release that has one."""
    from .identity import squash

    if not release_ids:
        return None
    marks = ",".join("?" * len(release_ids))
    keys = {squash(n) for n in names if len(squash(n)) > 2}
    for row in db.execute(f"""SELECT s.heading, s.text FROM sections s JOIN releases r ON r.id = s.release_id
            WHERE s.kind = 'about' AND s.release_id IN ({marks}) ORDER BY r.date DESC""", release_ids):
        if any(k in squash(row[0]) for k in keys):
            return row[1]
    return None


def contact(db: Db, contact_id: int) -> dict | None:
    import json

    rows = _rows(db, "SELECT * FROM contacts WHERE id = ?", [contact_id])
    if not rows:
        return None
    out = rows[0]
    out["appearances"] = _rows(db, """SELECT a.*, r.date, r.headline, r.company FROM appearances a
        JOIN releases r ON r.id = a.release_id WHERE a.contact_id = ? ORDER BY r.date DESC, a.id DESC""", [contact_id])
    for a in out["appearances"]:
        a["phones"], a["emails"] = json.loads(a["phones"]), json.loads(a["emails"])
    return out


def presentation(db: Db, presentation_id: int) -> dict | None:
    rows = _rows(db, """SELECT p.*, m.name AS meeting, r.headline AS release_headline, r.date AS release_date
        FROM presentations p JOIN releases r ON r.id = p.release_id LEFT JOIN meetings m ON m.id = p.meeting_id
        WHERE p.id = ?""", [presentation_id])
    if not rows:
        return None
    out = rows[0]
    out["compounds"] = compounds_of_presentation(db, presentation_id)
    # Provenance: the time as the release wrote it ("Dec. 10 at 4:45 pm ET").
    written = db.execute("""SELECT substr(r.text, s.start + 1, s."end" - s.start) FROM spans s
        JOIN releases r ON r.id = s.release_id
        WHERE s.entity = 'presentation' AND s.entity_id = ? AND s.field = 'starts_at'""", [presentation_id]).fetchone()
    out["starts_at_written"] = written[0] if written else None
    return out


# Gathering for sheets and exports: whole lists, read a page at a time.
CONTACT_COLUMNS = "c.id, c.name, c.organization, c.title, c.phone, c.email, c.audience, c.last_seen"


def contacts_for(db: Db, ids: list[int] | None = None, query: str | None = None,
                 release_id: int | None = None, compound_id: int | None = None,
                 meeting_id: int | None = None) -> list[dict]:
    """The people of a sheet: chosen ones, those matching a search, or everyone linked to a
    release, a compound or a meeting (through the releases that name it)."""
    if ids is not None:
        marks = ",".join("?" * len(ids)) or "NULL"
        return _rows(db, f"SELECT {CONTACT_COLUMNS} FROM contacts c WHERE c.id IN ({marks}) ORDER BY c.name", list(ids))
    if release_id is not None:
        where, args = "c.id IN (SELECT contact_id FROM appearances WHERE release_id = ?)", [release_id]
    elif compound_id is not None:
        where = ("c.id IN (SELECT a.contact_id FROM appearances a JOIN release_compounds rc "
                 "ON rc.release_id = a.release_id WHERE rc.compound_id = ?)")
        args = [compound_id]
    elif meeting_id is not None:
        where = ("c.id IN (SELECT a.contact_id FROM appearances a JOIN presentations p "
                 "ON p.release_id = a.release_id WHERE p.meeting_id = ?)")
        args = [meeting_id]
    else:
        where, args = _filter(db, "contacts", query, column="c.id")
        where = where.removeprefix("WHERE ") or "1=1"
    return _rows(db, f"SELECT {CONTACT_COLUMNS} FROM contacts c WHERE {where} ORDER BY c.name", args)


def contact_reach(db: Db, contact_ids: list[int]) -> dict[int, dict]:
    """Every phone and e-mail seen for each person (newest first), for vCards and sheets."""
    import json

    out: dict[int, dict] = {cid: {"phones": [], "emails": []} for cid in contact_ids}
    for start in range(0, len(contact_ids), 500):
        chunk = contact_ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for cid, phones, emails in db.execute(
                f"""SELECT a.contact_id, a.phones, a.emails FROM appearances a JOIN releases r ON r.id = a.release_id
                WHERE a.contact_id IN ({marks}) ORDER BY r.date DESC, a.id DESC""", chunk):
            for key, values in (("phones", phones), ("emails", emails)):
                for value in json.loads(values):
                    if value not in out[cid][key]:
                        out[cid][key].append(value)
    return out


def presentations_for(db: Db, release_id: int | None = None, compound_id: int | None = None,
                      meeting_id: int | None = None) -> list[dict]:
    where, args = "1=1", []
    if release_id is not None:
        where, args = "p.release_id = ?", [release_id]
    elif compound_id is not None:
        where, args = "p.id IN (SELECT presentation_id FROM presentation_compounds WHERE compound_id = ?)", [compound_id]
    elif meeting_id is not None:
        where, args = "p.meeting_id = ?", [meeting_id]
    rows = _rows(db, f"""SELECT p.*, m.name AS meeting, r.company, r.headline AS release_headline
        FROM presentations p JOIN releases r ON r.id = p.release_id LEFT JOIN meetings m ON m.id = p.meeting_id
        WHERE {where} ORDER BY p.starts_at, p.id""", args)
    for row in rows:
        row["compounds"] = [c["name"] for c in compounds_of_presentation(db, row["id"])]
    return rows


def all_rows(db: Db, kind: str, query: str | None = None, chunk: int = 1000):
    """Every row of a list (as the tab shows it), a page at a time."""
    offset = 0
    while True:
        rows = page(db, kind, None, False, query, offset, chunk)
        yield from rows
        if len(rows) < chunk:
            return
        offset += chunk
