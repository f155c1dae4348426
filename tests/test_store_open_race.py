"""Two programs opening the same new store at the same moment (two imports started together):
both open it. While one held the new file to switch it to WAL, the other's switch failed at
once ("in use by another program") instead of waiting its turn."""

from __future__ import annotations

import sqlite3
import threading

from irdesk.store import Store


def test_a_new_store_another_program_is_writing_opens_once_it_is_done(tmp_path):
    path = tmp_path / "new.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # as the first program does while it makes the file a store
    other.execute("CREATE TABLE first_program_was_here (x)")
    done = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    done.start()
    try:
        with Store(path, busy_timeout=30) as store:
            assert store.count("releases") == 0
    finally:
        done.join()
        other.close()
