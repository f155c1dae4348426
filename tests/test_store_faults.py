"""The store under concurrency and faults: writers wait for each other, every file gets an
outcome, read commands never create stores, a newer store is not touched."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from conftest import ROOT
from samples import release_text
from test_store_robust import stored, write_releases

from irdesk.importer import import_paths
from irdesk.store import Store, StoreError


def run(*args, timeout=300):
    return subprocess.run([sys.executable, "main.py", *map(str, args)], cwd=ROOT, capture_output=True,
                          timeout=timeout)


@pytest.mark.slow
def test_two_importers_into_one_new_store_both_land_every_file(tmp_path):
    write_releases(tmp_path / "a", 120)
    (tmp_path / "b").mkdir()
    for n, path in enumerate(sorted((tmp_path / "a").iterdir())):  # other releases, same shape
        text = path.read_text().replace("Result Number", "Outcome Number").replace("NWT-", "NWB-")
        (tmp_path / "b" / f"s{n:04d}.txt").write_text(text)
    db = tmp_path / "shared.db"
    procs = [subprocess.Popen([sys.executable, "main.py", "import", str(tmp_path / folder), "--db", str(db)],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for folder in "ab"]
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, (out.decode()[-2000:], err.decode()[-2000:])
    assert stored(db) == 240


def test_an_edit_waits_for_an_import_in_progress(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        import_paths(store, [_write(tmp_path, "one.txt", release_text())])
    other = sqlite3.connect(db, timeout=0, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another process is writing ...
    with Store(db, busy_timeout=3.0) as store:
        import threading
        threading.Timer(0.5, other.commit).start()  # ... and finishes half a second later
        change = store.edit("releases", 1, "headline", "Edited while another wrote")
    assert change.after["releases"][0]["headline"] == "Edited while another wrote"


def _write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_name_that_is_not_utf8_is_imported_and_shown_escaped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    odd = os.fsencode(folder) + b"/caf\xe9-release.txt"
    with open(odd, "wb") as handle:
        handle.write(release_text().encode())
    _write(folder, "plain.txt", release_text(code="NWT-999", headline="Northwind Reports Another Thing Entirely"))
    done = run("import", folder, "--db", tmp_path / "s.db")
    out = done.stdout.decode()
    assert done.returncode == 0, done.stderr.decode()
    assert "caf\\xe9-release.txt: imported as #" in out
    assert out.splitlines()[-1] == "2 imported, 0 duplicates, 0 failed"


def test_a_full_store_gives_every_file_an_outcome(tmp_path):
    db = tmp_path / "full.db"
    write_releases(tmp_path / "in", 60)
    with Store(db) as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 40}")
        outcomes = import_paths(store, [tmp_path / "in"])
    assert len(outcomes) == 60
    failed = [o for o in outcomes if o.status == "failed"]
    assert failed and all("full" in o.reason for o in failed)
    assert stored(db) == 60 - len(failed)


def test_search_on_a_store_that_is_not_there_creates_nothing(tmp_path):
    missing = tmp_path / "typo" / "store.db"
    done = run("search", "anything", "--db", missing)
    assert done.returncode == 2
    assert "no store" in done.stderr.decode().lower()
    assert not (tmp_path / "typo").exists()


def test_a_store_path_under_a_file_is_a_sentence(tmp_path):
    (tmp_path / "afile").write_text("x")
    done = run("import", tmp_path / "nothing.txt", "--db", tmp_path / "afile" / "store.db")
    assert done.returncode == 2
    err = done.stderr.decode()
    assert "Traceback" not in err and "afile" in err


def test_a_newer_store_is_refused_untouched(tmp_path):
    db = tmp_path / "new.db"
    with Store(db) as store:
        store.conn.execute("PRAGMA journal_mode=DELETE")
        store.conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                           "VALUES ('irdesk', 'm999_from_the_future', '2030-01-01')")
        store.conn.commit()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="newer version"):
        Store(db)
    assert db.read_bytes() == before
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_junk_and_fragments_are_refused_with_the_reason(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "cut.txt", "Northwind to Rais")
    (folder / "noise.txt").write_bytes(bytes(range(32, 127)) * 40)
    _write(folder, "good.txt", release_text())
    with Store(tmp_path / "s.db") as store:
        outcomes = {o.path.rsplit("/", 1)[-1]: o for o in import_paths(store, [folder])}
        assert store.count("releases") == 1
    assert outcomes["good.txt"].status == "imported"
    assert "too short to be a press release (3 words)" in outcomes["cut.txt"].reason
    assert outcomes["noise.txt"].status == "failed"


def test_a_folder_with_nothing_to_read_says_so(tmp_path):
    (tmp_path / "x.txt").mkdir()
    done = run("import", tmp_path / "x.txt", "--db", tmp_path / "s.db")
    assert done.returncode == 1
    assert "x.txt: failed: the folder holds no file IR Desk reads" in done.stdout.decode()


def test_a_release_read_only_in_part_says_so_in_its_outcome(tmp_path):
    path = _write(tmp_path, "long.txt", release_text(extra="More words of the study follow here. " * 12_000))
    with Store(tmp_path / "s.db") as store:
        (outcome,) = import_paths(store, [path])
    assert outcome.status == "imported"
    assert "only the first 400,000 characters were read" in outcome.line()


def _zero_page(db, number: int) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    with open(db, "r+b") as handle:
        handle.seek((number - 1) * size)
        handle.write(bytes(size))


def test_a_damaged_store_is_not_written_and_says_so(tmp_path):
    db = tmp_path / "s.db"
    write_releases(tmp_path / "in", 300)
    with Store(db) as store:
        import_paths(store, [tmp_path / "in"])
    _zero_page(db, 2)  # SQLite itself would go on writing around it
    extra = _write(tmp_path, "new.txt", release_text(code="NWT-777", headline="Northwind Opens a New Site"))
    with Store(db) as store:
        (outcome,) = import_paths(store, [extra])
    assert outcome.status == "failed"
    assert "damaged" in outcome.reason and "nothing more will be written" in outcome.reason
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM releases WHERE headline LIKE '%New Site%'").fetchone()[0] == 0


def test_a_bug_in_sql_stays_a_bug_and_a_full_disk_is_a_sentence(tmp_path):
    from irdesk.store.sqlite.connection import guarded
    from irdesk.store.errors import StoreFull, translate

    with Store(tmp_path / "s.db") as store:
        with pytest.raises(sqlite3.OperationalError, match="no such column"):
            with guarded(store.path):
                store.conn.execute("SELECT fullness_of_disk FROM releases")
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13
    assert isinstance(translate(full, "s.db"), StoreFull)


def test_hidden_files_in_a_folder_are_named_not_silently_skipped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "good.txt", release_text())
    _write(folder, ".draft.txt", release_text(code="NWT-555", headline="Northwind Drafts Something"))
    done = run("import", folder, "--db", tmp_path / "s.db")
    out = done.stdout.decode().splitlines()
    assert f"{folder / '.draft.txt'}: skipped: a hidden file (its name starts with a dot)" in out
    assert out[-1] == "1 imported, 0 duplicates, 0 failed, 1 skipped"
    assert done.returncode == 0


def test_a_copy_a_day_the_last_few_kept_and_offered_when_damaged(tmp_path):
    import datetime as dt

    from irdesk.store.sqlite.backups import daily_backup
    from irdesk.store.sqlite.connection import latest_backup

    db = tmp_path / "s.db"
    with Store(db) as store:
        import_paths(store, [_write(tmp_path, "a.txt", release_text())])
    days = [dt.date(2026, 11, d) for d in (1, 2, 3, 4)]
    made = [daily_backup(db, day) for day in days]
    assert all(made) and daily_backup(db, days[-1]) is None  # one a day
    assert sorted(p.name for p in tmp_path.glob("s.backup-*.db")) == [f"s.backup-2026-11-0{d}.db" for d in (2, 3, 4)]
    with sqlite3.connect(made[-1]) as copy:
        assert copy.execute("SELECT count(*) FROM releases").fetchone()[0] == 1
    assert latest_backup(db) == made[-1]



def test_a_store_in_a_read_only_folder_can_be_browsed_and_searched(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    with Store(folder / "s.db") as store:
        import_paths(store, [_write(tmp_path, "a.txt", release_text())])
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):  # root writes anywhere
            pytest.skip("running as root: permissions do not apply")
        with Store(folder / "s.db") as store:
            assert store.count("releases") == 1
            assert store.search("Northwind")
    finally:
        folder.chmod(0o755)
