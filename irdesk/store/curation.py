"""Corrections a user makes, each undoable: edit a field, merge two compounds or two
contacts, delete a release.

Every change names the rows it touches (a *plan*: table and concrete ids) and keeps them
as they were before and after, so undo and redo are the same move: put one set back.
Ids are preserved, and the full-text triggers follow the rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from typing import TYPE_CHECKING

from .errors import Clash, Conflict
from .records import EDITABLE
from .writer import merge_compounds as _merge_compounds
from .writer import now, refresh_compounds

if TYPE_CHECKING:
    from .db import Db

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
    return f"{column} IN ({','.join(str(int(i)) for i in ids) or 'NULL'})"


def snapshot(db: Db, plan: Plan) -> dict[str, list[dict]]:
    out: dict[str, dict[int, dict]] = {}
    for table, column, ids in plan:
        if not ids:
            continue
        columns = ", ".join(f'"{c}"' for c in db.stored_columns(table))
        cursor = db.execute(f"SELECT rowid AS _rowid_, {columns} FROM {table} WHERE {_where(column, ids)}")
        names = [d[0] for d in cursor.description]
        rows = out.setdefault(table, {})
        for values in cursor:
            row = dict(zip(names, values))
            rows[row["_rowid_"]] = row
    return {table: list(rows.values()) for table, rows in out.items()}


def _rowids(*states: dict[str, list[dict]]) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for state in states:
        for table, rows in state.items():
            out.setdefault(table, set()).update(row["_rowid_"] for row in rows)
    return out


def put_back(db: Db, change: Change, rows: dict[str, list[dict]], expect: dict[str, list[dict]] | None) -> None:
    """Make the change's rows exactly ``rows`` (its before or its after). Only the rows the
    change itself recorded are touched: rows others added meanwhile stay. With ``expect``
    (the state the change left), a versioned row someone changed since is a ``Conflict``."""
    touched = _rowids(change.before, change.after)
    with db.atomic():
        db.defer_constraints()  # parents and children come and go together
        current = snapshot(db, [(table, "rowid", sorted(ids)) for table, ids in touched.items()])
        if expect is not None:
            _check(current, expect, rows)
        versions = {(t, r["_rowid_"]): r.get("version") for t, found in current.items() for r in found}
        for table, ids in touched.items():
            db.execute(f"DELETE FROM {table} WHERE {_where('rowid', sorted(ids))}")
        for table, saved in rows.items():
            for row in saved:
                _insert_saved(db, table, row, versions.get((table, row["_rowid_"])))
        _refresh(db, change)


def _check(current: dict[str, list[dict]], expect: dict[str, list[dict]], mine: dict[str, list[dict]]) -> None:
    now_rows = {(t, r["_rowid_"]): r for t, found in current.items() for r in found}
    mine_rows = {(t, r["_rowid_"]): r for t, found in mine.items() for r in found}
    clashes: list[Clash] = []
    versions: dict[tuple[str, int], int] = {}
    gone: set[tuple[str, int]] = set()
    for table, rows in expect.items():
        if table not in EDITABLE:
            continue
        for row in rows:
            key = (table, row["_rowid_"])
            found = now_rows.get(key)
            if found is not None and found["version"] == row["version"]:
                continue
            if found is None:
                gone.add(key)
            else:
                versions[key] = found["version"]
            wanted = mine_rows.get(key, {})
            for column in EDITABLE[table]:
                theirs = found.get(column) if found else None
                if found is None or theirs != row.get(column):
                    clashes.append(Clash(table, row["_rowid_"], column, wanted.get(column), theirs))
    if clashes:
        raise Conflict(clashes, versions, gone)


def _insert_saved(db: Db, table: str, row: dict, current_version: int | None) -> None:
    row = dict(row)
    rowid = row.pop("_rowid_")
    if "id" not in row:
        row["rowid"] = rowid
    if "version" in row and current_version is not None and current_version != row["version"]:
        # Put back, it is a new version: whoever showed the row before must see it changed.
        row["version"] = max(current_version, row["version"]) + 1
    columns = ", ".join(f'"{c}"' if c != "rowid" else c for c in row)
    db.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))


def _refresh(db: Db, change: Change) -> None:
    live = {row[0] for row in db.execute(f"SELECT id FROM compounds WHERE {_where('id', sorted(change.compounds))}")}
    refresh_compounds(db, live)
    for cid in change.contacts:
        db.execute("""UPDATE contacts SET last_seen = (SELECT max(r.date) FROM appearances a
                      JOIN releases r ON r.id = a.release_id WHERE a.contact_id = contacts.id) WHERE id = ?""", [cid])


def _run(db: Db, change: Change, work) -> Change:
    with db.atomic():
        db.defer_constraints()
        change.before = snapshot(db, change.plan)
        work()
        _refresh(db, change)
        change.after = snapshot(db, change.plan)
    return change


def edit(db: Db, kind: str, row_id: int, column: str, value, version: int | None = None) -> Change:
    if column not in EDITABLE.get(kind, ()):
        raise ValueError(f"{kind}.{column} cannot be edited")
    plan: Plan = [(kind, "id", [row_id])]
    if kind == "releases":  # a release field the user changed is provenance, shown with it
        plan.append(("corrections", "release_id", [row_id]))
    change = Change(f"Edit {column}", plan)

    def work() -> None:
        was = db.execute(f"SELECT {column}, version FROM {kind} WHERE id = ?", [row_id]).fetchone()
        if version is not None and (was is None or was[1] != version):
            raise Conflict([Clash(kind, row_id, column, value, was[0] if was else None)],
                           {(kind, row_id): was[1]} if was else {}, set() if was else {(kind, row_id)})
        if kind == "releases" and was is not None and was[0] != value:
            db.execute("INSERT INTO corrections (release_id, field, was, now, at) VALUES (?, ?, ?, ?, ?)",
                       [row_id, column, was[0], value, now()])
        db.execute(f"UPDATE {kind} SET {column} = ? WHERE id = ?", [value, row_id])
        if kind == "compounds" and column == "name":
            db.execute("UPDATE compounds SET names = ? || ' ' || coalesce(names, '') WHERE id = ?", [value, row_id])

    return _run(db, change, work)


def _ids(db: Db, sql: str, args: list) -> list[int]:
    return [row[0] for row in db.execute(sql, args)]


def merge_compounds(db: Db, keep: int, other: int) -> Change:
    both = [keep, other]
    compound_spans = _ids(db, f"SELECT rowid FROM spans WHERE entity = 'compound' AND {_where('entity_id', both)}", [])
    change = Change("Merge compounds", [
        ("compounds", "id", both), ("compound_names", "compound_id", both),
        ("release_compounds", "compound_id", both), ("presentation_compounds", "compound_id", both),
        ("spans", "rowid", compound_spans),
    ], compounds={keep, other})
    return _run(db, change, lambda: _merge_compounds(db, keep, other))


def merge_contacts(db: Db, keep: int, other: int) -> Change:
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


def delete_release(db: Db, release_id: int) -> Change:
    return delete_releases(db, [release_id])


def delete_releases(db: Db, release_ids: list[int]) -> Change:
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


# Undoing an import as a whole: the rows it added (their ids, recorded as they were made,
# so that what other users added meanwhile is never taken in) and the stored compounds and
# contacts it could change or merge (those its names lead to), exactly as they were.
@dataclass
class ImportMark:
    existing: Plan
    before: dict[str, list[dict]]
    compounds: set[int]
    contacts: set[int]


def _chunks(values: list, size: int = 500):
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _ids_for_keys(db: Db, sql: str, keys: list[str]) -> list[int]:
    found: set[int] = set()
    for chunk in _chunks(keys):
        found.update(row[0] for row in db.execute(sql.format(marks=",".join("?" * len(chunk))), chunk))
    return sorted(found)


def mark_import(db: Db, compound_keys: list[str], contact_keys: list[str]) -> ImportMark:
    compounds = _ids_for_keys(db, "SELECT DISTINCT compound_id FROM compound_names WHERE key IN ({marks})",
                              compound_keys)
    contacts = _ids_for_keys(db, "SELECT id FROM contacts WHERE key IN ({marks})", contact_keys)
    spans = _ids(db, f"SELECT rowid FROM spans WHERE entity = 'compound' AND {_where('entity_id', compounds)}", [])
    existing: Plan = [("compounds", "id", compounds), ("compound_names", "compound_id", compounds),
                      ("release_compounds", "compound_id", compounds),
                      ("presentation_compounds", "compound_id", compounds), ("spans", "rowid", spans),
                      ("contacts", "id", contacts), ("appearances", "contact_id", contacts)]
    return ImportMark(existing, snapshot(db, existing), set(compounds), set(contacts))


def finish_import(db: Db, mark: ImportMark, added: dict[str, list[int]], label: str) -> Change:
    releases, presentations = added.get("releases", []), added.get("presentations", [])
    plan: Plan = [(table, "rowid", [row["_rowid_"] for row in rows]) for table, rows in mark.before.items()]
    plan += [(table, "rowid", added.get(table, [])) for table in
             ("companies", "releases", "sources", "compounds", "compound_names", "meetings", "presentations",
              "contacts", "release_compounds", "presentation_compounds")]
    plan += [(table, "release_id", releases) for table in
             ("sections", "spans", "release_keys", "corrections", "release_compounds", "appearances")]
    plan += [("presentation_compounds", "presentation_id", presentations)]
    change = Change(label, plan, before=mark.before,
                    compounds=mark.compounds | set(added.get("compounds", [])),
                    contacts=mark.contacts | set(added.get("contacts", [])))
    change.after = snapshot(db, plan)
    return change
