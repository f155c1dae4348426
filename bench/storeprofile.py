"""Where a back end's import time goes (``bench/store.py --profile N [--pg SERVER_URL]``): the
same N releases, extracted once beforehand, stored into a new SQLite file and a new PostgreSQL
database; every statement the store sends is counted and timed (a round trip each on
PostgreSQL), and a few alternatives are timed on the server itself (what one round trip
costs; the generated tsvector column and its GIN index; row by row, ``executemany``,
pipeline mode and COPY for the same rows)."""

from __future__ import annotations

import re
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from generate import generate
from pgbench import fresh_database

from irdesk.extract import extract_text
from irdesk.store import Source, Store

_TABLE = re.compile(r"^\s*(INSERT(?: OR IGNORE)? INTO|UPDATE|DELETE FROM|SELECT .*? FROM|\w+)\s*(\w+)?", re.I | re.S)


def run(count: int, server: str | None) -> int:
    start = time.perf_counter()
    parsed = [extract_text(text) for _, text in generate(count, seed=11)]
    extract_s = time.perf_counter() - start
    print(f"{count:,} releases extracted once: {count / extract_s:,.0f}/s ({extract_s:.1f} s; common to both back ends)")
    with tempfile.TemporaryDirectory() as tmp:
        lite = profile(Path(tmp) / "p.db", parsed)
    if server:
        with fresh_database(server, "prof") as url:
            pg = profile(url, parsed)
            print(f"\nPostgreSQL store-only is {lite['seconds'] and pg['seconds'] / lite['seconds']:.1f}x SQLite's")
            experiments(url, parsed)
    return 0


def profile(location, parsed: list) -> dict:
    """Store every parse (batched, as the importer does), counting each statement sent."""
    store = Store(location)
    name = "PostgreSQL" if store.team else "SQLite"
    stats: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    _count(store.db, stats)
    start = time.perf_counter()
    with store.batched() as tick:
        for n, p in enumerate(parsed):
            store.add(p, Source(f"{n}.txt"))
            tick()
    seconds = time.perf_counter() - start
    store.close()
    calls = sum(c for c, _ in stats.values())
    timed = sum(t for _, t in stats.values())
    print(f"\n[{name}] store only: {len(parsed) / seconds:,.0f} releases/s ({seconds:.1f} s); "
          f"{calls / len(parsed):.1f} statements per release ({calls:,}), {timed / seconds:.0%} of the time inside them")
    answered = sum(c for key, (c, _) in stats.items() if key.startswith(("insert", "SELECT")))
    print(f"  of which {answered / len(parsed):.1f} per release need their answer (SELECT, RETURNING id); "
          f"the other {(calls - answered) / len(parsed):.1f} could be sent without waiting (pipeline mode)")
    for key, (c, t) in sorted(stats.items(), key=lambda kv: -kv[1][1])[:16]:
        print(f"  {t / seconds:5.1%}  {c / len(parsed):5.2f}/release  {t / c * 1e6:7.0f} µs each  {key}")
    return {"seconds": seconds, "calls": calls}


def _count(db, stats: dict) -> None:
    """Wrap the back end's statement methods (this connection only), outermost call counted."""
    depth = [0]

    def wrap(method, label):
        def counted(*args, **kw):
            depth[0] += 1
            start = time.perf_counter()
            try:
                return method(*args, **kw)
            finally:
                depth[0] -= 1
                if depth[0] == 0:
                    entry = stats[label(*args)]
                    entry[0] += 1
                    entry[1] += time.perf_counter() - start
        return counted

    db.execute = wrap(db.execute, lambda sql, *a: _label(sql))
    db.executemany = wrap(db.executemany, lambda sql, *a: "many: " + _label(sql))
    db._insert_returning_id = wrap(db._insert_returning_id, lambda table, row, ignore: f"insert … returning id: {table}")


def _label(sql: str) -> str:
    found = _TABLE.match(sql)
    if not found:
        return sql[:40]
    verb = found.group(1).split()[0].upper()
    return f"{verb} {found.group(2) or ''}".strip() if verb != "SELECT" else " ".join(sql.split())[:70]


def experiments(url: str, parsed: list) -> None:
    """The same rows written in other ways, on the server the store is on."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        n = 3000
        start = time.perf_counter()
        for _ in range(n):
            conn.execute("SELECT 1")
        rtt = (time.perf_counter() - start) / n
        print(f"\n[PostgreSQL] one round trip (SELECT 1): {rtt * 1e6:.0f} µs on this server's socket")
        rows = [(p.release.headline, p.release.company, p.text, f"fp{n}") for n, p in enumerate(parsed)]
        _generated_column(conn, rows)
        spans = [(n, "release", n, f"f{k}", k, k + 5) for n in range(len(parsed)) for k in range(10)]
        _ways_to_insert(conn, spans)


SEARCH = (", search tsvector GENERATED ALWAYS AS (strip(to_tsvector('simple', irdesk_words("
          "coalesce(headline, '') || ' ' || coalesce(company, '') || ' ' || coalesce(text, ''))))) STORED")


def _generated_column(conn, rows: list) -> None:
    print(f"[PostgreSQL] {len(rows):,} release rows (headline, company, text) by executemany into a table with:")
    for label, column, gin in (("no search column", "", False), ("the generated tsvector (as releases has)", SEARCH, False),
                               ("the generated tsvector + its GIN index", SEARCH, True)):
        conn.execute("DROP TABLE IF EXISTS bench_rel")
        conn.execute(f"CREATE TABLE bench_rel (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                     f"headline text, company text, text text, fingerprint text UNIQUE{column})")
        if gin:
            conn.execute("CREATE INDEX ON bench_rel USING gin (search)")
        seconds = _timed_tx(conn, lambda cur: cur.executemany(
            "INSERT INTO bench_rel (headline, company, text, fingerprint) VALUES (%s, %s, %s, %s)", rows))
        print(f"  {label:45} {len(rows) / seconds:8,.0f} rows/s")
    conn.execute("DROP TABLE IF EXISTS bench_rel")


def _ways_to_insert(conn, rows: list) -> None:
    print(f"[PostgreSQL] {len(rows):,} span rows (6 columns) inserted:")
    sql = "INSERT INTO bench_spans (release_id, entity, entity_id, field, start, \"end\") VALUES (%s, %s, %s, %s, %s, %s)"

    def one_by_one(cur):
        for row in rows:
            cur.execute(sql, row)

    def pipelined(cur):
        with conn.pipeline():
            for row in rows:
                cur.execute(sql, row)

    def copied(cur):
        with cur.copy("COPY bench_spans (release_id, entity, entity_id, field, start, \"end\") FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def many_small(cur):  # as the store does: one executemany per release (10 rows each)
        for k in range(0, len(rows), 10):
            cur.executemany(sql, rows[k:k + 10])

    for label, fn in (("one execute per row", one_by_one), ("executemany per release (10 rows)", many_small),
                      ("executemany of all", lambda cur: cur.executemany(sql, rows)),
                      ("pipeline mode, execute per row", pipelined), ("COPY", copied)):
        conn.execute("DROP TABLE IF EXISTS bench_spans")
        conn.execute("CREATE TABLE bench_spans (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                     "release_id bigint, entity text, entity_id bigint, field text, start integer, \"end\" integer)")
        seconds = _timed_tx(conn, fn)
        print(f"  {label:45} {len(rows) / seconds:8,.0f} rows/s")
    conn.execute("DROP TABLE IF EXISTS bench_spans")


def _timed_tx(conn, fn) -> float:
    start = time.perf_counter()
    with conn.transaction(), conn.cursor() as cur:
        fn(cur)
    return time.perf_counter() - start
