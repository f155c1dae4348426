"""A store survives a killed import, and the import command reports every file."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import ROOT
from samples import release_text


def write_releases(folder, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        text = release_text(code=f"NWT-{100 + n}", date=f"March {1 + n % 28}, {2000 + n // 28}",
                            headline=f"Northwind Therapeutics Announces Result Number {n} of a Long Series",
                            extra="Details follow. " * (n % 50))
        (folder / f"r{n:04d}.txt").write_text(text, encoding="utf-8")


def stored(path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM releases").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_a_killed_import_leaves_only_whole_releases(tmp_path):
    count = 2500  # several commits' worth: the kill lands between two of them
    write_releases(tmp_path / "in", count)
    db = tmp_path / "kill.db"
    proc = subprocess.Popen([sys.executable, "main.py", "import", str(tmp_path / "in"), "--db", str(db)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while stored(db) < 40 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        releases = conn.execute("SELECT count(*) FROM releases").fetchone()[0]
        assert 40 <= releases < count
        # Whole releases only: each has its source, its key, and every presentation and contact it counts.
        broken = conn.execute("""SELECT id FROM releases r WHERE
            (SELECT count(*) FROM sources s WHERE s.release_id = r.id) = 0
            OR (SELECT count(*) FROM release_keys k WHERE k.release_id = r.id) = 0
            OR presentation_count != (SELECT count(*) FROM presentations p WHERE p.release_id = r.id)
            OR contact_count != (SELECT count(*) FROM appearances a WHERE a.release_id = r.id)""").fetchall()
        assert broken == []
        assert conn.execute("SELECT count(*) FROM presentations WHERE release_id NOT IN (SELECT id FROM releases)"
                            ).fetchone()[0] == 0
    # And importing again finishes the job without doubling anything.
    done = subprocess.run([sys.executable, "main.py", "import", str(tmp_path / "in"), "--db", str(db)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0
    assert stored(db) == count


def test_import_command_lines_summary_and_exit_status(tmp_path):
    folder = tmp_path / "in"
    write_releases(folder, 2)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "sub").mkdir()
    (folder / "sub" / "copy.txt").write_text((folder / "r0000.txt").read_text())
    (folder / "loop").symlink_to(folder, target_is_directory=True)  # a symbolic-link loop ends
    (folder / "photo.png").write_bytes(b"\x89PNG")  # not a release's extension: not taken from a folder
    db = tmp_path / "cli.db"
    done = subprocess.run([sys.executable, "main.py", "import", str(folder), "--db", str(db)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    lines = done.stdout.splitlines()
    assert lines[-1] == "2 imported, 1 duplicate, 1 failed"
    assert f"{folder / 'empty.txt'}: failed: the file is empty" in lines
    assert f"{folder / 'sub' / 'copy.txt'}: duplicate of #1" in lines
    assert done.returncode == 1
    found = subprocess.run([sys.executable, "main.py", "search", "Hopper", "--db", str(db)],
                           cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert found.stdout.splitlines()[-1] == "contact #1: Grace Hopper"
    assert found.stdout.splitlines()[0].startswith("release #1: 2000-03-01  Northwind Therapeutics, Inc.")
    assert found.returncode == 0
