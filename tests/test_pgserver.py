"""The tests' own PostgreSQL server (tests/pgserver.py) does what the store's tests rely on:
a fresh database per test that holds what is written to it and nothing of another's,
LISTEN/NOTIFY between connections, and no TCP port: only a Unix socket in its own folder."""

from __future__ import annotations

import socket
import stat

import psycopg
import pytest

from pgserver import PgServer


def test_a_fresh_database_stores_and_returns_rows(pg_url):
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone() == (0,)
        conn.execute("CREATE TABLE release (id bigserial PRIMARY KEY, headline text NOT NULL)")
        conn.execute("INSERT INTO release (headline) VALUES (%s), (%s)", ["Ardent reports", "Zürich – 5 µg"])
        conn.commit()
    with psycopg.connect(pg_url) as conn:
        rows = conn.execute("SELECT id, headline FROM release ORDER BY id").fetchall()
        encoding = conn.execute("SHOW server_encoding").fetchone()
    assert rows == [(1, "Ardent reports"), (2, "Zürich – 5 µg")]
    assert encoding == ("UTF8",)


def test_two_fresh_databases_are_separate(pg_server):
    first, second = pg_server.create_database(), pg_server.create_database()
    try:
        assert first != second
        with psycopg.connect(first, autocommit=True) as conn:
            conn.execute("CREATE TABLE only_here (x int)")
        with psycopg.connect(second) as conn:
            assert conn.execute("SELECT to_regclass('only_here')").fetchone() == (None,)
    finally:
        pg_server.drop_database(first)
        pg_server.drop_database(second)
    with pytest.raises(psycopg.OperationalError, match="does not exist"):
        psycopg.connect(first).close()


def test_notify_reaches_a_listening_connection(pg_url):
    with psycopg.connect(pg_url, autocommit=True) as listener, psycopg.connect(pg_url, autocommit=True) as talker:
        listener.execute("LISTEN store_changed")
        talker.execute("SELECT pg_notify('store_changed', %s)", ["release 7"])
        notices = list(listener.notifies(timeout=30, stop_after=1))
        sender = talker.info.backend_pid
    assert [(n.channel, n.payload, n.pid) for n in notices] == [("store_changed", "release 7", sender)]


def test_the_server_listens_only_on_a_socket_in_its_folder(pg_server):
    with psycopg.connect(pg_server.url()) as conn:
        addresses, directories = (conn.execute(f"SHOW {name}").fetchone()[0]
                                  for name in ("listen_addresses", "unix_socket_directories"))
        assert conn.info.host == str(pg_server.folder)
    assert addresses == "" and directories == str(pg_server.folder)
    sock = pg_server.folder / f".s.PGSQL.{pg_server.port}"
    assert stat.S_ISSOCK(sock.stat().st_mode)
    for family, host in ((socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")):
        with socket.socket(family, socket.SOCK_STREAM) as probe, pytest.raises(OSError):
            probe.settimeout(5)
            probe.connect((host, pg_server.port))


def test_a_stopped_server_leaves_nothing_behind(pg_server):
    server = PgServer(bindir=pg_server.bindir).start()
    folder, url = server.folder, server.url()
    with psycopg.connect(url) as conn:
        pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        assert pid > 0
    server.stop()
    server.stop()  # twice is harmless
    assert not folder.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(url, connect_timeout=5).close()
