"""Corrections a user makes, each undoable: edit a field, merge two compounds or two
contacts, delete a release.

Every change names the rows it touches (a *plan*: table and concrete ids) and keeps them
as they were before and after, so undo and redo are the same move: put one set back.
Ids are preserved, and the full-text triggers follow the rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from typing import TYPE_CHECKING

from .writer import merge_compounds as _merge_compounds
from .writer import now, refresh_compounds

if TYPE_CHECKING:
    from sqlite_utils import Database

EDITABLE = {
    "releases": ("date", "headline", "company", "city", "wire", "tickers"),
    "compounds": ("name", "company", "target"),
    "contacts": ("name", "organization", "title", "phone", "email", "audience"),
    "presentations": ("title", "abstract", "kind", "starts_at", "location", "session"),
}

Plan = list[tuple[str, str, list[int]]]  # (table, column, ids): the rows WHERE column IN ids


@dataclass
class Change:
    label: str
    plan: Plan
    before: dict[str, list[dict]] = field(default_factory=dict)
    after: dict[str, list[dict]] = field(default_factory=dict)
    compounds: set[int] = field(default_factory=set)  # whose counters follow the change
    contacts: set[int] = field(default_factory=set)


def _where(column: str, ids) -> str:
    if isinstance(ids, range):  # the rows an import added: one range, however many
        return f"{column} BETWEEN {ids.start} AND {ids.stop - 1}" if len(ids) else "0"
    return f"{column} IN ({','.join(str(int(i)) for i in ids) or 'NULL'})"


def snapshot(db: Database, plan: Plan) -> dict[str, list[dict]]:
    out: dict[str, dict[int, dict]] = {}
    for table, column, ids in plan:
        cursor = db.execute(f"SELECT rowid AS _rowid_, * FROM {table} WHERE {_where(column, ids)}")
        names = [d[0] for d in cursor.description]
        rows = out.setdefault(table, {})
        for values in cursor:
            row = dict(zip(names, values))
            rows[row["_rowid_"]] = row
    return {table: list(rows.values()) for table, rows in out.items()}


def put_back(db: Database, change: Change, rows: dict[str, list[dict]]) -> None:
    """Make the planned rows exactly ``rows`` (the before or the after of a change)."""
    with db.atomic():
        # Parents and children come and go together; the links are checked at commit.
        db.execute("PRAGMA defer_foreign_keys = ON")
        for table, column, ids in reversed(change.plan):
            db.execute(f"DELETE FROM {table} WHERE {_where(column, ids)}")
        for table, saved in rows.items():
            for row in saved:
                columns = ["rowid" if c == "_rowid_" else c for c in row]
                db.execute(f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES "
                           f"({', '.join('?' * len(columns))})", list(row.values()))
        _refresh(db, change)


def _refresh(db: Database, change: Change) -> None:
    live = {row[0] for row in db.execute(f"SELECT id FROM compounds WHERE {_where('id', sorted(change.compounds))}")}
    refresh_compounds(db, live)
    for cid in change.contacts:
        db.execute("""UPDATE contacts SET last_seen = (SELECT max(r.date) FROM appearances a
                      JOIN releases r ON r.id = a.release_id WHERE a.contact_id = contacts.id) WHERE id = ?""", [cid])


def _run(db: Database, change: Change, work) -> Change:
    with db.atomic():
        db.execute("PRAGMA defer_foreign_keys = ON")
        change.before = snapshot(db, change.plan)
        work()
        _refresh(db, change)
        change.after = snapshot(db, change.plan)
    return change


def edit(db: Database, kind: str, row_id: int, column: str, value) -> Change:
    if column not in EDITABLE.get(kind, ()):
        raise ValueError(f"{kind}.{column} cannot be edited")
    plan: Plan = [(kind, "id", [row_id])]
    if kind == "releases":  # a release field the user changed is provenance, shown with it
        plan.append(("corrections", "release_id", [row_id]))
    change = Change(f"Edit {column}", plan)

    def work() -> None:
        if kind == "releases":
            was = db.execute(f"SELECT {column} FROM releases WHERE id = ?", [row_id]).fetchone()
            if was is not None and was[0] != value:
                db.execute("INSERT INTO corrections (release_id, field, was, now, at) VALUES (?, ?, ?, ?, ?)",
                           [row_id, column, was[0], value, now()])
        db.execute(f"UPDATE {kind} SET {column} = ? WHERE id = ?", [value, row_id])
        if kind == "compounds" and column == "name":
            db.execute("UPDATE compounds SET names = ? || ' ' || coalesce(names, '') WHERE id = ?", [value, row_id])

    return _run(db, change, work)


def _ids(db: Database, sql: str, args: list) -> list[int]:
    return [row[0] for row in db.execute(sql, args)]


def merge_compounds(db: Database, keep: int, other: int) -> Change:
    both = [keep, other]
    compound_spans = _ids(db, f"SELECT rowid FROM spans WHERE entity = 'compound' AND {_where('entity_id', both)}", [])
    change = Change("Merge compounds", [
        ("compounds", "id", both), ("compound_names", "compound_id", both),
        ("release_compounds", "compound_id", both), ("presentation_compounds", "compound_id", both),
        ("spans", "rowid", compound_spans),
    ], compounds={keep, other})
    return _run(db, change, lambda: _merge_compounds(db, keep, other))


def merge_contacts(db: Database, keep: int, other: int) -> Change:
    both = [keep, other]
    change = Change("Merge contacts", [("contacts", "id", both), ("appearances", "contact_id", both)],
                    contacts={keep})

    def work() -> None:
        db.execute("UPDATE appearances SET contact_id = ? WHERE contact_id = ?", [keep, other])
        for column in ("organization", "title", "phone", "email", "audience"):
            db.execute(f"UPDATE contacts SET {column} = coalesce({column}, (SELECT {column} FROM contacts "
                       f"WHERE id = ?)) WHERE id = ?", [other, keep])
        db.execute("DELETE FROM contacts WHERE id = ?", [other])

    return _run(db, change, work)


def delete_release(db: Database, release_id: int) -> Change:
    return delete_releases(db, [release_id])


def delete_releases(db: Database, release_ids: list[int]) -> Change:
    """One change for any number of releases: one undo brings them all back."""
    some = sorted(set(release_ids))
    marks = ",".join("?" * len(some))
    presentations = _ids(db, f"SELECT id FROM presentations WHERE release_id IN ({marks})", some)
    compounds = _ids(db, f"SELECT DISTINCT compound_id FROM release_compounds WHERE release_id IN ({marks})", some)
    contacts = _ids(db, f"SELECT DISTINCT contact_id FROM appearances WHERE release_id IN ({marks})", some)
    # Compounds and people known only from these releases go with them.
    lone_compounds = [c for c in compounds if not _ids(
        db, f"SELECT 1 FROM release_compounds WHERE compound_id = ? AND release_id NOT IN ({marks}) LIMIT 1",
        [c, *some])]
    lone_contacts = [c for c in contacts if not _ids(
        db, f"SELECT 1 FROM appearances WHERE contact_id = ? AND release_id NOT IN ({marks}) LIMIT 1", [c, *some])]
    label = "Delete release" if len(some) == 1 else f"Delete {len(some)} releases"
    change = Change(label, [
        ("releases", "id", some), ("sources", "release_id", some), ("sections", "release_id", some),
        ("spans", "release_id", some), ("release_keys", "release_id", some), ("release_compounds", "release_id", some),
        ("presentations", "id", presentations), ("presentation_compounds", "presentation_id", presentations),
        ("appearances", "release_id", some), ("corrections", "release_id", some), ("compounds", "id", lone_compounds),
        ("compound_names", "compound_id", lone_compounds), ("contacts", "id", lone_contacts),
    ], compounds=set(compounds), contacts=set(contacts))

    def work() -> None:
        for table, column, ids in reversed(change.plan):
            db.execute(f"DELETE FROM {table} WHERE {_where(column, ids)}")

    return _run(db, change, work)


# Undoing an import as a whole: the rows it added (a rowid range per table) and the stored
# compounds and contacts it could change or merge (those its names lead to).
IMPORT_TABLES = ("companies", "releases", "sources", "sections", "spans", "release_keys", "compounds", "compound_names",
                 "release_compounds", "meetings", "presentations", "presentation_compounds", "contacts", "appearances",
                 "corrections")


@dataclass
class ImportMark:
    existing: Plan
    before: dict[str, list[dict]]
    first_new: dict[str, int]
    compounds: set[int]
    contacts: set[int]


def _chunks(values: list, size: int = 500):
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _ids_for_keys(db: Database, sql: str, keys: list[str]) -> list[int]:
    found: set[int] = set()
    for chunk in _chunks(keys):
        found.update(row[0] for row in db.execute(sql.format(marks=",".join("?" * len(chunk))), chunk))
    return sorted(found)


def mark_import(db: Database, compound_keys: list[str], contact_keys: list[str]) -> ImportMark:
    compounds = _ids_for_keys(db, "SELECT DISTINCT compound_id FROM compound_names WHERE key IN ({marks})",
                              compound_keys)
    contacts = _ids_for_keys(db, "SELECT id FROM contacts WHERE key IN ({marks})", contact_keys)
    spans = _ids(db, f"SELECT rowid FROM spans WHERE entity = 'compound' AND {_where('entity_id', compounds)}", [])
    existing: Plan = [("compounds", "id", compounds), ("compound_names", "compound_id", compounds),
                      ("release_compounds", "compound_id", compounds),
                      ("presentation_compounds", "compound_id", compounds), ("spans", "rowid", spans),
                      ("contacts", "id", contacts), ("appearances", "contact_id", contacts)]
    first_new = {t: (db.execute(f"SELECT max(rowid) FROM {t}").fetchone()[0] or 0) + 1 for t in IMPORT_TABLES}
    return ImportMark(existing, snapshot(db, existing), first_new, set(compounds), set(contacts))


def finish_import(db: Database, mark: ImportMark, label: str) -> Change:
    plan = list(mark.existing)
    for table, first in mark.first_new.items():
        last = db.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
        plan.append((table, "rowid", range(first, last + 1)))
    new = {table: ids for table, _, ids in plan[len(mark.existing):]}
    change = Change(label, plan, before=mark.before,
                    compounds=mark.compounds | set(new.get("compounds", [])),
                    contacts=mark.contacts | set(new.get("contacts", [])))
    change.after = snapshot(db, plan)
    return change
