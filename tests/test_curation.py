"""Corrections in the store: each is undone and redone exactly."""

from __future__ import annotations

import pytest

from irdesk.extract import extract_text
from irdesk.store import Source, Store
from backends import location, sound  # noqa: F401 (fixtures)
from samples import release_text

TABLES = ["releases", "sources", "compounds", "compound_names", "release_compounds", "meetings", "presentations",
          "presentation_compounds", "contacts", "appearances", "spans", "sections", "release_keys", "corrections"]


def dump(store: Store) -> dict:
    """Every stored value but the versions (an undo puts a row back as a newer version)."""
    out = {}
    for t in TABLES:
        columns = ", ".join(f'"{c}"' for c in store.db.stored_columns(t) if c != "version")
        out[t] = sorted(map(tuple, store.db.execute(f"SELECT rowid, {columns} FROM {t}").fetchall()), key=repr)
    return out


def fts(store: Store, kind: str, word: str) -> int:
    return store.count(kind, word)


@pytest.fixture
def store(location):
    with Store(location) as s:
        s.add(extract_text(release_text(code="AB-101", inn="alphamab")), Source("1.txt"),
              [("city", "Cambridge", "Boston"), ("contact", "Media Relations", None)])  # as the review does
        s.add(extract_text(release_text(code="QX-202", inn="betatinib", date="May 5, 2025", phone="617-555-0199",
                                        headline="Northwind Therapeutics Licenses a Second Candidate Today")),
              Source("2.txt"), [("wire", None, "BUSINESS WIRE")])
        yield s


def roundtrip(store: Store, change) -> None:
    before, after = change.before, dump(store)
    store.revert(change)
    assert dump(store) == ORIGINAL[0]
    store.reapply(change)
    assert dump(store) == after
    assert before is change.before


ORIGINAL: list = []


def test_edit_a_headline_undo_redo(store):
    ORIGINAL[:] = [dump(store)]
    rid = store.page("releases", sort="date")[0]["id"]
    old = store.release(rid)["headline"]
    change = store.edit("releases", rid, "headline", "A Corrected Headline About Zebras")
    assert fts(store, "releases", "Zebras") == 1
    # The edit is provenance too: the detail pane says the field was corrected.
    assert [(c["field"], c["was"], c["now"]) for c in store.release(rid)["corrections"]][-1] == \
        ("headline", old, "A Corrected Headline About Zebras")
    roundtrip(store, change)
    store.revert(change)
    assert fts(store, "releases", "Zebras") == 0
    assert "headline" not in [c["field"] for c in store.release(rid)["corrections"]]


def test_merge_two_compounds_undo_redo(store):
    ORIGINAL[:] = [dump(store)]
    a = store.page("compounds", query="AB-101")[0]["id"]
    b = store.page("compounds", query="QX-202")[0]["id"]
    change = store.merge_compounds(a, b)
    merged = store.compound(a)
    assert {"AB-101", "QX-202", "alphamab", "betatinib"} <= set(merged["all_names"])
    assert merged["release_count"] == 2 and store.compound(b) is None
    roundtrip(store, change)
    store.revert(change)
    assert store.compound(b)["release_count"] == 1 and store.compound(a)["release_count"] == 1


def test_merge_two_contacts_undo_redo(store, tmp_path):
    store.add(extract_text(release_text(date="June 1, 2025", headline="Northwind Therapeutics Names a New Partner",
                                        extra="").replace("Grace Hopper", "Grace M. Hopper")), Source("3.txt"))
    ORIGINAL[:] = [dump(store)]
    grace = store.page("contacts", query="Grace")[0]["id"]
    g = store.page("contacts", query="Hopper", sort="name")
    other = next(r["id"] for r in g if r["id"] != grace)
    change = store.merge_contacts(grace, other)
    person = store.contact(grace)
    assert len(person["appearances"]) == 3 and person["last_seen"] == "2025-06-01"
    roundtrip(store, change)


def test_delete_a_release_undo_redo(store):
    ORIGINAL[:] = [dump(store)]
    rid = store.page("releases", sort="date", descending=True)[0]["id"]
    change = store.delete_release(rid)
    assert store.release(rid) is None
    assert store.db.execute("SELECT count(*) FROM corrections").fetchone()[0] == 2  # its own went with it
    assert store.count("compounds", "QX-202") == 0  # known only from that release
    assert store.count("releases") == 1
    roundtrip(store, change)
    store.revert(change)
    assert store.release(rid)["headline"].startswith("Northwind Therapeutics Licenses")
    assert store.count("compounds", "QX-202") == 1
    assert sound(store)


def test_an_import_is_undone_as_a_whole_and_its_merges_restored(store, tmp_path):
    from irdesk.importer import Item, commit, read_items

    ORIGINAL[:] = [dump(store)]
    linking = tmp_path / "link.txt"  # names AB-101 and betatinib together: merges two stored compounds
    linking.write_text(release_text(code="AB-101", inn="betatinib", date="July 1, 2025",
                                    headline="Northwind Therapeutics Learns Its Two Candidates Are One Molecule"))
    fresh = tmp_path / "fresh.txt"
    fresh.write_text(release_text(code="ZZ-909", inn="gammatinib", date="Aug 1, 2025",
                                  headline="Northwind Therapeutics Adds a Third Candidate to Its Pipeline"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    reads = read_items(store, [Item.file(p) for p in (linking, fresh, empty)])
    assert [r.state for r in reads] == ["new", "new", "failed: the file is empty"]
    reads[1].corrections = [("city", "Boston", "Cambridge")]  # what the review adds
    outcomes, change = commit(store, reads)
    assert store.db.execute("SELECT field, now FROM corrections WHERE id > 3").fetchall() == [("city", "Cambridge")]
    assert sorted(o.status for o in outcomes) == ["failed", "imported", "imported"]
    assert store.count("compounds", "AB101") == 1 and store.count("releases") == 4
    merged = store.compound(store.page("compounds", query="AB-101")[0]["id"])
    assert {"AB-101", "QX-202", "alphamab", "betatinib"} <= set(merged["all_names"])
    after = dump(store)
    store.revert(change)
    assert dump(store) == ORIGINAL[0]
    store.reapply(change)
    assert dump(store) == after
