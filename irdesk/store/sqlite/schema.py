"""The schema, as sqlite-utils migrations. Each step runs in its own transaction; a copy of
the file is taken before the first pending step (see ``connection.py``).

Readable on purpose: one table per kind of record, join tables for links, and a few
counters kept on the rows the tabs sort by, so that a page answers from an index.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from ..identity import release_keys
from ..records import EDITABLE
from .fts import FTS_COLUMNS

migrations = Migrations("irdesk")


@migrations()
def m001_initial(db: Database) -> None:
    db["companies"].create({"id": int, "name": str, "key": str}, pk="id")
    db["companies"].create_index(["key"], unique=True)

    db["releases"].create({
        "id": int, "date": str, "headline": str, "company_id": int, "company": str, "tickers": str,
        "city": str, "wire": str, "text": str, "fingerprint": str, "imported_at": str,
        "presentation_count": int, "compound_count": int, "contact_count": int,
    }, pk="id", foreign_keys=[("company_id", "companies", "id")])
    db["releases"].create_index(["fingerprint"], unique=True)
    for column in ("date", "company", "headline", "imported_at", "company_id"):
        db["releases"].create_index([column])

    db["sources"].create({"id": int, "release_id": int, "path": str, "kind": str, "size": int, "added_at": str},
                         pk="id", foreign_keys=[("release_id", "releases", "id")])
    db["sources"].create_index(["release_id", "path"], unique=True)

    db["sections"].create({"id": int, "release_id": int, "kind": str, "heading": str, "text": str,
                           "start": int, "end": int}, pk="id", foreign_keys=[("release_id", "releases", "id")])
    db["sections"].create_index(["release_id"])

    db["compounds"].create({"id": int, "name": str, "names": str, "company": str, "target": str,
                            "release_count": int, "presentation_count": int, "last_mentioned": str},
                           pk="id")
    for column in ("name", "last_mentioned", "release_count", "presentation_count", "company", "target"):
        db["compounds"].create_index([column])
    db["compound_names"].create({"id": int, "compound_id": int, "name": str, "key": str}, pk="id",
                                foreign_keys=[("compound_id", "compounds", "id")])
    db["compound_names"].create_index(["key"], unique=True)
    db["compound_names"].create_index(["compound_id"])

    db["release_compounds"].create({"release_id": int, "compound_id": int, "company": str, "target": str},
                                   pk=("release_id", "compound_id"),
                                   foreign_keys=[("release_id", "releases", "id"), ("compound_id", "compounds", "id")])
    db["release_compounds"].create_index(["compound_id"])

    db["meetings"].create({"id": int, "name": str, "key": str}, pk="id")
    db["meetings"].create_index(["key"], unique=True)

    db["presentations"].create({
        "id": int, "release_id": int, "meeting_id": int, "title": str, "abstract": str, "kind": str,
        "starts_at": str, "location": str, "session": str,
    }, pk="id", foreign_keys=[("release_id", "releases", "id"), ("meeting_id", "meetings", "id")])
    db["presentations"].create_index(["release_id"])
    db["presentations"].create_index(["meeting_id"])
    db["presentation_compounds"].create({"presentation_id": int, "compound_id": int},
                                        pk=("presentation_id", "compound_id"),
                                        foreign_keys=[("presentation_id", "presentations", "id"),
                                                      ("compound_id", "compounds", "id")])
    db["presentation_compounds"].create_index(["compound_id"])

    db["contacts"].create({"id": int, "name": str, "key": str, "organization": str, "title": str,
                           "phone": str, "email": str, "audience": str, "last_seen": str}, pk="id")
    db["contacts"].create_index(["key"], unique=True)
    for column in ("name", "organization", "last_seen"):
        db["contacts"].create_index([column])
    db["appearances"].create({
        "id": int, "contact_id": int, "release_id": int, "organization": str, "title": str,
        "phones": str, "emails": str, "audience": str,
    }, pk="id", foreign_keys=[("contact_id", "contacts", "id"), ("release_id", "releases", "id")])
    db["appearances"].create_index(["contact_id"])
    db["appearances"].create_index(["release_id"])

    # Provenance: where in the release text each value was read.
    db["spans"].create({"release_id": int, "entity": str, "entity_id": int, "field": str,
                        "start": int, "end": int}, foreign_keys=[("release_id", "releases", "id")])
    db["spans"].create_index(["release_id"])

    db["releases"].enable_fts(["headline", "company", "text"], create_triggers=True, tokenize="unicode61")
    db["compounds"].enable_fts(["names", "company", "target"], create_triggers=True, tokenize="unicode61")
    db["contacts"].enable_fts(["name", "organization", "title", "email", "phone"], create_triggers=True,
                              tokenize="unicode61")


@migrations()
def m002_release_keys(db: Database) -> None:
    """Sameness beyond the exact text: the same announcement as HTML, text, PDF or e-mail."""
    db["release_keys"].create({"key": str, "release_id": int}, pk="key",
                              foreign_keys=[("release_id", "releases", "id")])
    db["release_keys"].create_index(["release_id"])
    rows = db.execute("SELECT id, text, date, headline, company FROM releases").fetchall()
    db["release_keys"].insert_all(
        ({"key": key, "release_id": row[0]} for row in rows for key in release_keys(*row[1:])), ignore=True)


@migrations()
def m003_span_entity_index(db: Database) -> None:
    """Merging compounds re-points their spans: find them by entity without reading them all."""
    db["spans"].create_index(["entity", "entity_id"])


@migrations()
def m004_fts_follows_indexed_columns(db: Database) -> None:
    """The full-text index is rewritten only when a column it holds changes: counters kept on
    compounds and contacts change with every import, and rewriting a row's index entry each
    time cost more than the import itself on a large store."""
    for table, columns in (("releases", ["headline", "company", "text"]), ("compounds", ["names", "company", "target"]),
                           ("contacts", ["name", "organization", "title", "email", "phone"])):
        quoted = ", ".join(f'"{c}"' for c in columns)
        old = ", ".join(f'old."{c}"' for c in columns)
        new = ", ".join(f'new."{c}"' for c in columns)
        db.execute(f'DROP TRIGGER IF EXISTS "{table}_au"')
        db.execute(f"""CREATE TRIGGER "{table}_au" AFTER UPDATE OF {quoted} ON "{table}" BEGIN
  INSERT INTO "{table}_fts" ("{table}_fts", rowid, {quoted}) VALUES('delete', old.rowid, {old});
  INSERT INTO "{table}_fts" (rowid, {quoted}) VALUES (new.rowid, {new});
END""")


@migrations()
def m005_case_blind_sort_indexes(db: Database) -> None:
    """The tabs sort names without regard to case; an index in that order serves the first page
    without sorting the whole table."""
    for table, column in (("releases", "company"), ("releases", "headline"), ("compounds", "name"),
                          ("compounds", "company"), ("contacts", "name"), ("contacts", "organization")):
        db.execute(f"CREATE INDEX IF NOT EXISTS idx_{table}_{column}_nocase ON {table} ({column} COLLATE NOCASE)")


@migrations()
def m006_source_digest(db: Database) -> None:
    """A file already imported is known by its bytes before anything reads it: re-importing a
    folder costs a hash per file, not an extraction."""
    db.execute("ALTER TABLE sources ADD COLUMN digest TEXT")
    db.execute("CREATE INDEX IF NOT EXISTS idx_sources_digest ON sources (digest)")


@migrations()
def m007_corrections(db: Database) -> None:
    """Provenance of what the user changed before an import: a release field corrected
    (``was`` → ``now``) or an entity left out (``field`` names its kind, ``now`` is NULL)."""
    db["corrections"].create({"id": int, "release_id": int, "field": str, "was": str, "now": str, "at": str},
                             pk="id", foreign_keys=[("release_id", "releases", "id")])
    db["corrections"].create_index(["release_id"])


@migrations()
def m008_row_versions(db: Database) -> None:
    """Every row a person may edit carries a version, raised whenever an editable column
    changes (whoever changes it): an edit or undo made on an older version is a conflict.
    A statement that sets the version itself (undo putting a row back) is left alone."""
    for table, columns in EDITABLE.items():
        db.execute(f"ALTER TABLE {table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
        db.execute(f"""CREATE TRIGGER {table}_version AFTER UPDATE OF {', '.join(columns)} ON {table}
            WHEN new.version = old.version BEGIN
            UPDATE {table} SET version = old.version + 1 WHERE id = new.id; END""")


@migrations()
def m009_fts_written_at_commit(db: Database) -> None:
    """The full-text indexes hold which rows have each word (``detail=none``: the filter box
    asks for words, never phrases), and a row added or changed is indexed when its
    transaction commits (``SqliteDb.commit``), in one statement for the whole batch: indexed
    by a trigger, each row's entry was flushed to disk on its own and merged again later,
    half of the time it took to store a release. Until then its id waits in
    ``<table>_unindexed``; a row deleted or changed meanwhile is taken out of the index only
    if it was in it."""
    for table, columns in FTS_COLUMNS.items():
        quoted = ", ".join(f'"{c}"' for c in columns)
        old = ", ".join(f'old."{c}"' for c in columns)
        for trigger in ("ai", "ad", "au"):
            db.execute(f'DROP TRIGGER IF EXISTS "{table}_{trigger}"')
        db.execute(f'DROP TABLE "{table}_fts"')
        db.execute(f"""CREATE VIRTUAL TABLE "{table}_fts" USING fts5({quoted}, content="{table}", content_rowid="id",
            tokenize='unicode61', detail=none, columnsize=0)""")
        db.execute(f'CREATE TABLE "{table}_unindexed" (id INTEGER PRIMARY KEY)')
        take_out = f"""INSERT INTO "{table}_fts" ("{table}_fts", rowid, {quoted}) SELECT 'delete', old.id, {old}
    WHERE NOT EXISTS (SELECT 1 FROM "{table}_unindexed" WHERE id = old.id);"""
        db.execute(f"""CREATE TRIGGER "{table}_ai" AFTER INSERT ON "{table}" BEGIN
  INSERT OR IGNORE INTO "{table}_unindexed" (id) VALUES (new.id);
END""")
        db.execute(f"""CREATE TRIGGER "{table}_ad" AFTER DELETE ON "{table}" BEGIN
  {take_out}
  DELETE FROM "{table}_unindexed" WHERE id = old.id;
END""")
        db.execute(f"""CREATE TRIGGER "{table}_au" AFTER UPDATE OF {quoted} ON "{table}" BEGIN
  {take_out}
  INSERT OR IGNORE INTO "{table}_unindexed" (id) VALUES (new.id);
END""")
        db.execute(f'INSERT INTO "{table}_fts" ("{table}_fts") VALUES (\'rebuild\')')
