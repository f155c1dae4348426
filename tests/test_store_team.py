"""Several people on one store: the team back end (a real PostgreSQL server the tests start)
and, where the behaviour is the same, the SQLite file shared by several programs."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from irdesk.extract import extract_text
from irdesk.store import Conflict, Source, Store, StoreError, StoreTooNew
from backends import location  # noqa: F401 (fixture)
from samples import release_text

ROOT = Path(__file__).resolve().parents[1]


def add(store: Store, n: int, **kw):
    kw.setdefault("headline", f"Northwind Therapeutics Reports Result Number {n} of Its Pipeline Today")
    kw.setdefault("code", f"NWT-{100 + n}")
    kw.setdefault("date", f"June {1 + n % 28}, 2025")
    return store.add(extract_text(release_text(**kw)), Source(f"{n}.txt"))


def test_an_edit_on_a_row_someone_changed_since_is_a_conflict(location):
    with Store(location) as mine, Store(location) as theirs:
        rid = add(mine, 1).release_id
        shown = mine.release(rid)
        theirs.edit("releases", rid, "headline", "Their Headline", version=shown["version"])
        with pytest.raises(Conflict) as caught:
            mine.edit("releases", rid, "headline", "My Headline", version=shown["version"])
        [clash] = caught.value.clashes
        assert (clash.column, clash.mine, clash.theirs) == ("headline", "My Headline", "Their Headline")
        assert mine.release(rid)["headline"] == "Their Headline"  # nothing written
        # "Keep mine": again, on the version now stored.
        mine.edit("releases", rid, "headline", "My Headline", version=caught.value.versions[("releases", rid)])
        assert theirs.release(rid)["headline"] == "My Headline"


def test_an_undo_across_someone_else_s_edit_is_a_conflict_until_forced(location):
    with Store(location) as mine, Store(location) as theirs:
        rid = add(mine, 1).release_id
        change = mine.edit("releases", rid, "city", "Cambridge")
        theirs.edit("releases", rid, "city", "Somerville", version=theirs.release(rid)["version"])
        with pytest.raises(Conflict) as caught:
            mine.revert(change)
        assert [(c.column, c.theirs) for c in caught.value.clashes if c.column == "city"] == [("city", "Somerville")]
        assert mine.release(rid)["city"] == "Somerville"
        mine.revert(change, force=True)
        assert theirs.release(rid)["city"] == "BOSTON" or theirs.release(rid)["city"] != "Somerville"


def test_undoing_an_import_leaves_what_others_added_meanwhile(location, tmp_path):
    from irdesk.importer import Item, read_items

    with Store(location) as mine, Store(location) as theirs:
        add(mine, 1, code="AB-101")
        path = tmp_path / "mine.txt"
        path.write_text(release_text(code="AB-101", date="July 1, 2025",
                                     headline="Northwind Therapeutics Shares New AB-101 Data With Investors"))
        reads = read_items(mine, [Item.file(path)])
        with mine.recording_import([r.parsed for r in reads]) as out:
            mine.add(reads[0].parsed, Source("mine.txt"))
            theirs_added = add(theirs, 2, code="AB-101")  # names the same compound and contact
        [change] = out
        mine.revert(change)
        assert theirs.release(theirs_added.release_id) is not None
        compound = theirs.compound(theirs.page("compounds", query="AB-101")[0]["id"])
        assert sorted(r["id"] for r in compound["releases"]) == [1, theirs_added.release_id]
        assert theirs.count("releases") == 2
        people = theirs.page("contacts")
        assert len(theirs.contact(people[0]["id"])["appearances"]) == 2


def test_two_people_importing_the_same_files_at_once_store_each_once(location, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(40):
        (folder / f"r{n:02d}.txt").write_text(release_text(
            code=f"NWT-{100 + n}", date=f"June {1 + n % 28}, 2025",
            headline=f"Northwind Therapeutics Reports Result Number {n} of Its Pipeline Today"))
    Store(location).close()  # made once: two programs creating it at once is another test
    procs = [subprocess.Popen([sys.executable, "main.py", "import", str(folder), "--db", str(location),
                               "--workers", "1"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(2)]
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, (out.decode()[-1500:], err.decode()[-1500:])
    with Store(location) as store:
        assert store.count("releases") == 40
        assert store.db.execute("SELECT count(*) FROM sources").fetchone()[0] == 40
        # One compound (every release names the same INN) and one person, however interleaved.
        assert (store.count("compounds"), store.count("contacts")) == (1, 1)
        assert store.page("compounds")[0]["release_count"] == 40


def test_another_connection_s_change_is_seen_by_a_watcher(location):
    with Store(location) as mine, Store(location) as theirs:
        add(mine, 0)
        watcher = mine.watch()
        try:
            assert watcher.wait(0.3) == set()
            seen: list[set[str]] = []
            thread = threading.Thread(target=lambda: seen.append(watcher.wait(5.0)))
            thread.start()
            add(theirs, 1)
            thread.join()
            assert "releases" in seen[0]
        finally:
            watcher.close()


def test_a_team_store_from_a_newer_version_is_refused(pg_url):
    Store(pg_url).close()
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO irdesk_migrations (name) VALUES ('p999_from_the_future')")
    with pytest.raises(StoreTooNew, match="p999_from_the_future"):
        Store(pg_url)


def test_a_password_is_never_shown_or_kept(pg_url):
    from irdesk.store.postgres.connection import safe_conninfo

    with_password = pg_url.replace("postgresql://", "postgresql://", 1).replace("@", ":s3cret-word@", 1)
    with Store(with_password) as store:  # the test server trusts local logins: any password passes
        assert "s3cret" not in store.location and "s3cret" not in store.name
    assert "s3cret" not in safe_conninfo(with_password)


def test_an_unreachable_team_store_is_a_sentence(tmp_path):
    with pytest.raises(StoreError, match="cannot be reached"):
        Store(f"postgresql://nobody@/irdesk?host={tmp_path}&port=1")


def test_every_value_is_bound_not_spliced(pg_url):
    with Store(pg_url) as store:
        rid = add(store, 1).release_id
        nasty = "'); DROP TABLE releases; -- 100% ? %s"
        store.edit("releases", rid, "headline", nasty)
        assert store.release(rid)["headline"] == nasty
        assert store.count("releases", nasty) == 1


def test_tls_and_other_libpq_settings_pass_through(pg_url):
    with pytest.raises(StoreError, match="sslmode"):  # libpq itself read it, and refused it
        Store(pg_url + "&sslmode=sometimes")
    with Store(pg_url + "&sslmode=prefer&connect_timeout=5&application_name=x") as store:
        assert store.count("releases") == 0


def test_a_dropped_connection_is_said_then_made_again(pg_url):
    import psycopg

    with Store(pg_url) as store:
        add(store, 1)
        with psycopg.connect(pg_url, autocommit=True) as admin:  # as a server restart would
            admin.execute("SELECT pg_terminate_backend(%s)", [store.conn.info.backend_pid])
        with pytest.raises(StoreError, match="cannot be reached"):
            store.count("releases")
        assert store.count("releases") == 1
        add(store, 2)
        assert store.count("releases") == 2


def test_a_watcher_listens_again_after_losing_its_connection(pg_url):
    import psycopg

    with Store(pg_url) as mine, Store(pg_url) as theirs:
        watcher = mine.watch()
        try:
            with psycopg.connect(pg_url, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", [watcher.conn.info.backend_pid])
            assert watcher.wait(1.0) == set()  # the loss noticed
            assert "releases" in watcher.wait(1.0)  # listening again: anything may have changed
            add(theirs, 1)
            assert "releases" in watcher.wait(5.0)
        finally:
            watcher.close()


def test_both_back_ends_have_the_same_tables_and_columns(tmp_path, pg_url):
    from irdesk.store.records import TABLES

    with Store(tmp_path / "s.db") as lite, Store(pg_url) as team:
        for table in TABLES:
            # PostgreSQL gives the link and span tables an id where SQLite uses their rowid.
            assert set(lite.db.stored_columns(table)) | {"id"} == set(team.db.stored_columns(table)) | {"id"}, table


@pytest.mark.parametrize("text, team", [
    ("postgresql://me@db/irdesk", True), ("postgres://db/irdesk", True), ("service=irdesk", True),
    ("user=me dbname=irdesk host=db", True), ("  host=db dbname=irdesk", True), ("irdesk.db", False),
    ("/home/me/IR Desk/irdesk.db", False), ("colour=blue.db", False), ("C:\\stores\\team=1.db", False),
])
def test_a_team_store_is_told_from_a_file(text, team):
    from irdesk.store import is_team_store
    from irdesk.store.postgres.connection import safe_conninfo

    assert is_team_store(text) is team
    if team:
        assert is_team_store(safe_conninfo(text))  # what is remembered opens as a team store again


def test_a_team_store_of_an_earlier_version_is_brought_up_to_date(pg_url):
    import psycopg

    from irdesk.store.postgres.schema import STEPS

    Store(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:  # as the first version left it
        conn.execute("DELETE FROM irdesk_migrations WHERE name = 'p002_list_order_indexes'")
        conn.execute("DROP INDEX releases_by_date")
    with Store(pg_url) as store:
        assert [row[0] for row in store.db.execute("SELECT name FROM irdesk_migrations ORDER BY name")] == list(STEPS)
        assert store.db.execute("SELECT to_regclass('releases_by_date')").fetchone()[0] is not None
