"""The SQLite store's full-text indexes (m009): rows indexed when their transaction commits,
a store of the step before brought up to date on open with every row and the same answers,
and the index in step with its rows however they were added, changed or deleted."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from samples import release_text
from test_store_search import answers, queries

from irdesk.extract import extract_text
from irdesk.importer import import_paths
from irdesk.store import Source, Store
from irdesk.store.sqlite.fts import FTS_COLUMNS
from irdesk.store.sqlite.schema import migrations

NEW_STEP = "m009_fts_written_at_commit"


def indexes_sound(store: Store) -> bool:
    """FTS5's own check (each index against its table's rows), and nothing left waiting."""
    for table in FTS_COLUMNS:
        store.db.execute(f"INSERT INTO {table}_fts ({table}_fts, rank) VALUES ('integrity-check', 1)")
        if store.db.execute(f"SELECT count(*) FROM {table}_unindexed").fetchone()[0]:
            return False
    return True


def copy_rows(source, target: Database) -> dict[str, int]:
    """Every row of ``source``'s tables into the same tables of ``target`` (its triggers index them)."""
    target.execute("ATTACH DATABASE ? AS src", [str(source)])
    counts = {}
    for table in target.table_names():
        if table.startswith("_") or table.endswith("_fts") or "_fts_" in table:
            continue
        columns = ", ".join(f'"{c}"' for c in target[table].columns_dict)
        target.execute(f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM src."{table}"')
        counts[table] = target.execute(f'SELECT count(*) FROM main."{table}"').fetchone()[0]
    target.conn.commit()
    target.execute("DETACH DATABASE src")
    return counts


def test_a_store_of_the_step_before_keeps_every_row_and_answers_alike(corpus, tmp_path):
    with Store(tmp_path / "new.db") as new:
        import_paths(new, [corpus / "releases"], workers=1)
        asked = queries(new) + ["Zürich", "Genève", "phase 3", "foo_bar", "AND OR NOT", '"*', "___"]
        expected = {q: answers(new, q) for q in asked}
    old = Database(tmp_path / "old.db")
    migrations.apply(old, stop_before=NEW_STEP)
    counts = copy_rows(tmp_path / "new.db", old)
    assert counts["releases"] == 110
    old.close()
    with Store(tmp_path / "old.db") as upgraded:
        assert (tmp_path / f"old.before-{NEW_STEP}.db").exists()
        assert indexes_sound(upgraded)
        for table, count in counts.items():
            assert upgraded.db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == count, table
        differ = [q for q in asked if answers(upgraded, q) != expected[q]]
        assert differ == [], differ[:10]
        assert len(asked) > 200 and any(expected[q]["releases"] for q in asked)


def test_rows_added_changed_and_deleted_in_one_transaction_are_indexed_as_they_end(tmp_path):
    with Store(tmp_path / "s.db") as store:
        first = store.add(extract_text(release_text()), Source("a.txt")).release_id
        with store.db.writing():  # one transaction: the index is written at its commit
            second = store.add(extract_text(release_text(code="QX-202", date="May 5, 2025",
                                                         headline="Northwind Licenses Quuxomab Today")),
                               Source("b.txt")).release_id
            assert store.db.execute("SELECT count(*) FROM releases_unindexed").fetchone()[0] == 1
            store.db.execute("UPDATE releases SET headline = 'Zeppelinomab Renamed' WHERE id = ?", [second])
            store.db.execute("UPDATE releases SET headline = 'Grapholite Renamed' WHERE id = ?", [first])
        assert indexes_sound(store)  # each index holds exactly what its rows hold now
        assert {r["id"] for r in store.page("releases", query="zeppelinomab")} == {second}
        assert {r["id"] for r in store.page("releases", query="graphol")} == {first}
        store.delete_release(first)
        assert indexes_sound(store)
        assert store.count("releases", "graphol") == 0


def test_rows_committed_unindexed_by_another_program_are_indexed_on_open(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add(extract_text(release_text()), Source("a.txt"))
    with sqlite3.connect(path) as other:  # a plain sqlite3 program: its commit indexes nothing
        other.execute("INSERT INTO releases (headline, text, fingerprint) VALUES ('Orphanomab Found', 'x', 'f')")
    with Store(path) as store:
        assert indexes_sound(store)
        assert store.count("releases", "orphanomab") == 1


def test_a_word_the_index_holds_as_two_finds_both(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add(extract_text(release_text()), Source("a.txt"))
        assert store.count("releases", "northwind_therapeutics") == store.count("releases", "northwind") == 1
        assert store.count("releases", "northwind_nowhere") == 0
        assert store.count("releases", "___") == 0


def test_a_long_batch_indexes_as_it_goes_and_is_searchable_only_once_committed(tmp_path):
    """Every INDEX_EVERY adds the batch indexes what waits (its commit then has little left
    to do); another connection sees none of it before the commit, all of it after."""
    from irdesk.store.store import INDEX_EVERY

    path = tmp_path / "s.db"
    with Store(path) as store, Store(path) as other:
        with store.batched(every=10_000, seconds=3600) as tick:
            for n in range(INDEX_EVERY + 7):
                text = release_text(code=f"NWT-{n:03d}", headline=f"Northwind Reports Result {n} of Marker{n:04d}word",
                                    extra=" ".join(f"Marker{m:04d}word" for m in range(n)))
                assert store.add(extract_text(text), Source(f"r{n}.txt")).status == "imported"
                tick()
            assert store.db.execute("SELECT count(*) FROM releases_unindexed").fetchone()[0] == 7
            assert other.count("releases") == 0 and other.count("releases", "marker0003word") == 0
        assert indexes_sound(store)
        assert other.count("releases") == INDEX_EVERY + 7
        assert other.count("releases", "marker0003word") == INDEX_EVERY + 7 - 3
