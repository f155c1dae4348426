"""The store on real SQLite files in a temporary folder."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from irdesk.extract import extract_bytes, extract_text
from irdesk.importer import import_paths
from irdesk.store import Source, Store, StoreCorrupt, StoreFull, StoreLocked, StoreReadOnly, StoreTooNew
from irdesk.store.sqlite.connection import default_store_path
from irdesk.store.sqlite.schema import migrations
from backends import location, sound  # noqa: F401 (fixtures)
from samples import release_html, release_text

TABLES = ["releases", "sources", "compounds", "compound_names", "release_compounds", "meetings", "presentations",
          "presentation_compounds", "contacts", "appearances", "spans", "sections", "release_keys", "companies"]


def counts(store: Store) -> dict[str, int]:
    return {t: store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


@pytest.fixture
def store(location):
    with Store(location) as s:
        yield s


def add(store: Store, text: str, path: str = "a.txt"):
    return store.add(extract_text(text), Source(path))


def test_import_the_corpus_then_again_adds_nothing(store, corpus):
    first = import_paths(store, [corpus / "releases"])
    assert {o.status for o in first} == {"imported"}
    before = counts(store)
    again = import_paths(store, [corpus / "releases"])
    assert {o.status for o in again} == {"duplicate"}
    assert [o.release_id for o in again] == [o.release_id for o in first]
    assert counts(store) == before
    assert sound(store)


def test_same_release_as_text_html_and_email_is_one_release_with_three_sources(store):
    text = release_text()
    a = store.add(extract_bytes(text.encode(), "r.txt"), Source("r.txt", "txt"))
    b = store.add(extract_bytes(release_html().encode(), "r.html"), Source("r.html", "html"))
    mail = ("From: ir@northwind.example\nSubject: " + text.split("\n")[0] + "\nDate: Sat, 02 Mar 2024 08:00:00 -0500\n"
            "Content-Type: text/plain; charset=utf-8\n\n" + text.split("\n", 2)[2])
    c = store.add(extract_bytes(mail.encode(), "r.eml"), Source("r.eml", "eml"))
    assert (a.status, b.status, c.status) == ("imported", "duplicate", "duplicate")
    assert a.release_id == b.release_id == c.release_id
    assert [s["path"] for s in store.release(a.release_id)["sources"]] == ["r.txt", "r.html", "r.eml"]
    assert counts(store)["releases"] == 1


def test_a_different_release_of_the_same_company_is_new(store):
    assert add(store, release_text()).status == "imported"
    other = release_text(date="June 1, 2024", headline="Northwind Therapeutics Reports Second Quarter Results "
                                                        "and Provides a Business Update")
    assert add(store, other, "b.txt").status == "imported"


def test_compounds_merge_across_releases_through_aliases(store):
    r1 = add(store, release_text(code="NWT-204", inn="zanolitamab vedotin"), "1.txt").release_id
    # A later release calls it by its INN with another code: the names join one compound.
    r2 = add(store, release_text(code="ZV-9", inn="zanolitamab vedotin", date="May 5, 2025",
                                 headline="Northwind Therapeutics Starts a Phase 2 Trial of Its Lead Conjugate"),
             "2.txt").release_id
    hits = store.page("compounds", query="NWT204")
    assert len(hits) == 1
    compound = store.compound(hits[0]["id"])
    assert {"NWT-204", "zanolitamab vedotin", "ZV-9"} <= set(compound["all_names"])
    assert [r["id"] for r in compound["releases"]] == [r2, r1]
    assert compound["release_count"] == 2 and compound["last_mentioned"] == "2025-05-05"
    assert compound["target"] == "HER3"
    assert len(compound["presentations"]) == 2


def test_two_stored_compounds_linked_by_a_new_release_become_one(store):
    add(store, release_text(code="AB-101", inn="alphamab"), "1.txt")
    add(store, release_text(code="QX-202", inn="betatinib", date="May 5, 2025",
                            headline="Northwind Therapeutics Licenses a Second Candidate From a Partner"), "2.txt")
    assert store.count("compounds", "AB101") == 1 and store.count("compounds", "QX202") == 1
    add(store, release_text(code="AB-101", inn="betatinib", date="June 5, 2025",
                            headline="Northwind Therapeutics Learns Its Two Candidates Are One Molecule"), "3.txt")
    (row,) = store.page("compounds", query="AB-101")
    compound = store.compound(row["id"])
    assert {"AB-101", "alphamab", "QX-202", "betatinib"} <= set(compound["all_names"])
    assert compound["release_count"] == 3
    assert store.db.execute("SELECT count(*) FROM release_compounds WHERE compound_id NOT IN "
                            "(SELECT id FROM compounds)").fetchone()[0] == 0


def test_a_contact_across_releases_keeps_each_appearance(store):
    add(store, release_text(phone="617-555-0100"), "1.txt")
    add(store, release_text(phone="617-555-0199", date="May 5, 2025",
                            headline="Northwind Therapeutics Starts a Phase 2 Trial of Its Lead Conjugate"), "2.txt")
    (row,) = store.page("contacts", query="Hopper")
    assert (row["phone"], row["last_seen"]) == ("617-555-0199", "2025-05-05")
    person = store.contact(row["id"])
    assert [a["phones"] for a in person["appearances"]] == [["617-555-0199"], ["617-555-0100"]]


def test_pages_are_sorted_and_counted(store, corpus):
    import_paths(store, [corpus / "releases"])
    newest = store.page("releases", sort="date", descending=True, limit=3)
    assert [r["date"] for r in newest] == sorted([r["date"] for r in newest], reverse=True)
    assert store.count("releases") == len(list((corpus / "releases").iterdir()))
    assert store.count("releases", "GeoVax") == 8
    by_count = store.page("compounds", sort="releases", descending=True, limit=1)[0]
    assert by_count["name"] == "GEO-CM04S1"
    ids = [r["id"] for r in store.page("contacts", sort="name", limit=500)]
    assert len(ids) == store.count("contacts")


def test_counters_kept_during_import_equal_a_recount(store, corpus):
    import_paths(store, [corpus / "releases"])
    add(store, release_text(code="GEO-CM04S1", inn="zanolitamab vedotin"), "x.txt")  # links into a stored one
    kept = store.db.execute("SELECT id, release_count, presentation_count, last_mentioned FROM compounds "
                            "ORDER BY id").fetchall()
    from irdesk.store.writer import refresh_compounds
    refresh_compounds(store.db, {row[0] for row in kept})
    assert store.db.execute("SELECT id, release_count, presentation_count, last_mentioned FROM compounds "
                            "ORDER BY id").fetchall() == kept


@pytest.mark.parametrize("query", ['"', "*", "OR", "NEAR(", "a AND", "'; DROP TABLE releases; --", "(((", "^x", "-", ""])
def test_any_typed_text_is_a_safe_search(store, query):
    add(store, release_text())
    store.search(query)
    for kind in ("releases", "compounds", "contacts"):
        store.page(kind, query=query)
    assert counts(store)["releases"] == 1


def test_search_finds_a_code_name_however_it_is_written(store):
    add(store, release_text())
    for query in ("NWT-204", "nwt204", "NWT 204", "zanolitamab"):
        assert any(h.kind == "compound" for h in store.search(query)), query


def test_upgrade_a_store_made_by_the_first_schema(tmp_path):
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m002_release_keys")
    text = release_text()
    parsed = extract_text(text)
    from irdesk.store.identity import fingerprint
    old["releases"].insert({"headline": parsed.release.headline, "date": parsed.release.date,
                            "company": parsed.release.company, "text": parsed.text,
                            "fingerprint": fingerprint(parsed.text), "presentation_count": 0})
    old.close()
    with Store(path) as store:
        assert (tmp_path / "old.before-m002_release_keys.db").exists()
        assert store.add(parsed, Source("again.txt")).status == "duplicate"
    backup = Database(tmp_path / "old.before-m002_release_keys.db")
    assert [m.name for m in migrations.applied(backup)] == ["m001_initial"]


def test_upgrade_a_store_made_before_corrections(tmp_path):
    path = tmp_path / "before.db"
    old = Database(path)
    migrations.apply(old, stop_before="m007_corrections")
    old.close()
    with Store(path) as store:
        first = add(store, release_text())
        assert store.release(first.release_id)["corrections"] == []
        parsed = extract_text(release_text(code="QX-202", date="May 5, 2025",
                                           headline="Northwind Therapeutics Licenses a Second Candidate Today"))
        was = parsed.release.city
        parsed.release.city = "Cambridge"
        second = store.add(parsed, Source("b.txt"), [("city", was, "Cambridge")])
        assert [(c["field"], c["was"], c["now"]) for c in store.release(second.release_id)["corrections"]] == \
            [("city", "Boston", "Cambridge")]
        again = store.add(extract_text(release_text()), Source("c.txt"), [("headline", "x", "y")])
        assert again.status == "duplicate" and store.release(first.release_id)["corrections"] == []


def test_the_steps_opening_checks_are_the_schemas():
    from irdesk.store.sqlite.connection import STEPS

    assert STEPS == tuple(m.name for m in migrations._migrations)


def test_a_store_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.db"
    Store(path).close()
    db = Database(path)
    db["_sqlite_migrations"].insert({"migration_set": "irdesk", "name": "m900_future", "applied_at": "2030"})
    db.close()
    with pytest.raises(StoreTooNew, match="newer version of IR Desk"):
        Store(path)


def test_a_file_that_is_not_a_store(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreCorrupt, match="damaged or is not an IR Desk store"):
        Store(path)


def test_a_full_disk_leaves_what_was_stored(tmp_path):
    path = tmp_path / "full.db"
    with Store(path) as store:
        add(store, release_text())
        before = counts(store)
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages + 1}")
        big = release_text(date="May 5, 2025", headline="Northwind Therapeutics Publishes a Very Long Report",
                           extra="Words of the report. " * 20000)
        with pytest.raises(StoreFull, match="full"):
            add(store, big, "big.txt")
        assert counts(store) == before
        assert sound(store)


def test_a_read_only_store_can_be_browsed_not_changed(tmp_path):
    path = tmp_path / "ro.db"
    with Store(path) as store:
        add(store, release_text())
    with Store(path, readonly=True) as store:
        assert store.count("releases") == 1
        with pytest.raises(StoreReadOnly, match="read-only"):
            add(store, release_text(date="May 5, 2025", headline="Northwind Therapeutics Says Something Else Now"))


def test_a_store_in_use_is_said_so(tmp_path):
    path = tmp_path / "busy.db"
    Store(path).close()
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")
    try:
        with Store(path, busy_timeout=0.2) as store:
            with pytest.raises(StoreLocked, match="in use by another program"):
                add(store, release_text())
    finally:
        other.rollback()
        other.close()


def test_default_store_lives_in_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_store_path() == tmp_path / "IR Desk" / "irdesk.db"
