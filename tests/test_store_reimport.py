"""A folder imported again is known by its files' bytes, looked up many at once: the same
answers as one by one, on both back ends."""

from __future__ import annotations

from backends import location  # noqa: F401  (the fixture: each back end in turn)
from samples import release_text

from irdesk.extract import extract_text
from irdesk.importer import import_paths
from irdesk.store import Source, Store
from irdesk.store.writer import stored_file, stored_files


def test_files_looked_up_together_answer_as_one_by_one(location):
    with Store(location) as store:
        first = store.add(extract_text(release_text()), Source("a.txt", digest="d1")).release_id
        store.add_source(first, Source("b.txt", digest="d2"))  # the same release, other bytes
        second = store.add(extract_text(release_text(code="QX-202", date="May 5, 2025",
                                                     headline="Northwind Licenses Quuxomab Today")),
                           Source("c.txt", digest="d3")).release_id
        asked = [("d1", "a.txt"), ("d1", "b.txt"), ("d2", "a.txt"), ("d3", "c.txt"), ("d3", "a.txt"),
                 ("d4", "a.txt"), ("d1", "a.txt")] * 150  # more than one look-up's worth
        found = stored_files(store.db, asked)
        assert found == [stored_file(store.db, digest, path) for digest, path in asked]
        assert found[:6] == [(first, True), (first, True), (first, True), (second, True), (second, False), None]
        assert stored_files(store.db, []) == []


def test_a_folder_imported_again_is_all_duplicates_and_writes_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n, code in enumerate(("NWT-204", "QX-202")):
        (folder / f"r{n}.txt").write_text(release_text(code=code, date=f"May {n + 1}, 2025",
                                                       headline=f"Northwind Announces Result {code}"))
    with Store(tmp_path / "s.db") as store:
        assert [o.status for o in import_paths(store, [folder], workers=1)] == ["imported", "imported"]
        sources = store.db.execute("SELECT count(*) FROM sources").fetchone()[0]
        again = import_paths(store, [folder], workers=1)
        assert [o.status for o in again] == ["duplicate", "duplicate"]
        assert store.db.execute("SELECT count(*) FROM sources").fetchone()[0] == sources
