#!/usr/bin/env python3
"""What the tests' own PostgreSQL server (tests/pgserver.py) costs: initdb, start, stop, and
a fresh database made each way CREATE DATABASE can make one (template0 or template1, or a
template holding a schema; the WAL_LOG or FILE_COPY strategy), plus dropping one. Medians,
all in one run so the ratios hold on a busy machine.

    .venv/bin/python bench/pgserver.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from pgserver import PgServer, _parent_folder  # noqa: E402

SCHEMA = "".join(f"CREATE TABLE t{i} (id bigserial PRIMARY KEY, name text NOT NULL, body text);"
                 f"CREATE INDEX t{i}_name ON t{i} (name);" for i in range(20))


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs

    starts, stops = [], []
    for _ in range(3):
        server = PgServer()
        starts.append(timed(server.start))
        stops.append(timed(server.stop))
    print(f"initdb + start: {statistics.median(starts):.0f} ms; stop + remove: {statistics.median(stops):.0f} ms"
          " (median of 3)")

    with PgServer() as server, psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute("CREATE DATABASE with_schema")
        with psycopg.connect(server.url("with_schema"), autocommit=True) as conn:
            conn.execute(SCHEMA)
        ways = {f"{template} {strategy}": f"TEMPLATE {template} STRATEGY {strategy}"
                for template in ("template0", "template1", "with_schema") for strategy in ("WAL_LOG", "FILE_COPY")}
        times: dict[str, list[float]] = {way: [] for way in ways}
        drops: list[float] = []
        names = iter(range(10**6))
        # Each way in short rows (a FILE_COPY's checkpoints also write out what a WAL_LOG before
        # it left dirty, so alternating one by one smears one over the other), the rows in turn
        # so that a busy moment of the machine costs every way alike.
        for _ in range(max(1, runs // 5)):
            for way, clause in ways.items():
                for _ in range(5):
                    name = f"d{next(names)}"
                    times[way].append(timed(lambda: admin.execute(f"CREATE DATABASE {name} {clause}")))
                    drops.append(timed(lambda: admin.execute(f"DROP DATABASE {name} WITH (FORCE)")))
        def fresh_with_schema() -> None:
            with psycopg.connect(server.create_database(), autocommit=True) as conn:
                conn.execute(SCHEMA)
        schema_sql = [timed(fresh_with_schema) for _ in range(runs)]
        connects = [timed(lambda: psycopg.connect(server.url("postgres")).close()) for _ in range(runs)]
        through = [timed(lambda: server.drop_database(server.create_database())) for _ in range(runs)]
    print(f"CREATE DATABASE, median (least) of {len(times['template0 WAL_LOG'])}:")
    for way, ms in sorted(times.items(), key=lambda kv: statistics.median(kv[1])):
        print(f"  {way:<24} {statistics.median(ms):6.1f} ms ({min(ms):.1f})")
    print(f"DROP DATABASE WITH (FORCE): {statistics.median(drops):.1f} ms; "
          f"connect: {statistics.median(connects):.1f} ms; "
          f"PgServer.create_database + drop_database: {statistics.median(through):.1f} ms")
    disk = Path(tempfile.gettempdir())
    if _parent_folder() != disk:  # what the folder's place is worth
        with PgServer(parent=disk) as server:
            on_disk = [timed(lambda: server.drop_database(server.create_database())) for _ in range(runs // 2)]
        print(f"PgServer.create_database + drop_database with the server's folder in {disk} "
              f"instead of {_parent_folder()}: {statistics.median(on_disk):.1f} ms")
    print(f"PgServer.create_database, then its 20 tables made by SQL: {statistics.median(schema_sql):.1f} ms "
          "(against cloning with_schema above)")


if __name__ == "__main__":
    main()
