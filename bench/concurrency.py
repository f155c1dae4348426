#!/usr/bin/env python3
"""Several writers on one store at once: importing processes (each its own folder of
generated releases, sharing some files with the next so that the same release arrives from
two processes at once) and editing processes (F2-style edits through ``Store.edit`` with the
version they were shown; on a ``Conflict``, "keep mine": again with the current version),
all started together on a new store. Then checks and prints: every file imported exactly
once (releases = distinct texts, a source per file), every edit landed (or failed with a
``StoreError`` sentence, counted) and none lost (each release's corrections form one chain
ending at its stored value), no traceback in any process or log, the links sound and the
compounds' counters equal to a recount.

    .venv/bin/python bench/concurrency.py [--importers 3] [--files 300] [--editors 2] [--edits 50]
        [--pg SERVER_URL] [--db PATH_OR_EMPTY_DATABASE_URL]

The SQLite run always happens (a new file in a temporary folder, or ``--db PATH``).
``--pg SERVER_URL`` (a libpq URL of any database on a server) adds a PostgreSQL run beside
it, in a NEW database ``bench_conc_<hex>`` made on that server and dropped at the end; or
``--db postgresql://…`` names an EMPTY database for that run (refused if it holds tables;
left as the run leaves it).
Exit status 1 when any check fails.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402


@dataclass
class Load:
    importers: int = 3
    files: int = 300  # per importer
    overlap: int = 30  # files each importer shares with the next (the same text, another path)
    editors: int = 2
    edits: int = 50  # per editor
    hot: int = 20  # editors pick among the first releases stored, so that they meet
    think: float = 0.02  # seconds between reading a release and saving the edit, as a person pauses


@dataclass
class Figures:
    files: int = 0
    distinct: int = 0
    outcomes: Counter = field(default_factory=Counter)
    refused: int = 0
    landed: int = 0
    conflicts: int = 0
    failed: int = 0
    sentences: list[str] = field(default_factory=list)
    tracebacks: list[str] = field(default_factory=list)
    elapsed: float = 0.0
    imported_by: float = 0.0  # seconds from the start until the last importer ended
    edited_by: float = 0.0  # likewise for the editors (less: they edited while importers wrote)
    saves: list[float] = field(default_factory=list)  # seconds each landed edit took, retries included
    stored: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def write_folders(folder: Path, load: Load) -> tuple[list[Path], int, int]:
    """Each importer's folder; returns them, the number of files and of distinct texts."""
    batches = [list(generate(load.files, seed=1000 + i)) for i in range(load.importers)]
    folders, texts, total = [], set(), 0
    for i, batch in enumerate(batches):
        sub = folder / f"in{i}"
        sub.mkdir()
        shared = batches[(i + 1) % len(batches)][:load.overlap] if len(batches) > 1 else []
        for name, text in batch + [(f"shared-{name}", text) for name, text in shared]:
            (sub / name).write_text(text, encoding="utf-8")
            texts.add(text)
            total += 1
        folders.append(sub)
    return folders, total, len(texts)


def run(location: str | Path, load: Load, folder: Path) -> Figures:
    """The load on a new store at ``location``; ``folder`` holds the files and the processes' logs."""
    fig = Figures()
    folders, fig.files, fig.distinct = write_folders(folder, load)
    started = time.perf_counter()
    importers = [_start(folder, f"importer{n}", ["main.py", "import", str(sub), "--db", str(location)])
                 for n, sub in enumerate(folders)]
    editors = [_start(folder, f"editor{n}", [__file__, "--edit-as", str(n), str(location), json.dumps(vars(load))])
               for n in range(load.editors)]
    for proc, out, err in _ended(importers):
        fig.imported_by = time.perf_counter() - started
        for line in out.splitlines()[:-1]:  # the last line is the summary
            fig.outcomes[_status(line)] += 1
        fig.refused += proc.returncode == 2
        _errors(fig, "importer", proc.returncode not in (0, 1), err)
    landed: list[tuple[int, str]] = []
    for proc, out, err in _ended(editors):
        _errors(fig, "editor", proc.returncode != 0, err)
        if out.strip():
            said = json.loads(out.strip().splitlines()[-1])
            fig.edited_by = max(fig.edited_by, said["ended"] - started)  # perf_counter: one clock for all
            fig.landed, fig.conflicts = fig.landed + len(said["landed"]), fig.conflicts + said["conflicts"]
            fig.failed, fig.sentences = fig.failed + len(said["failed"]), fig.sentences + said["failed"]
            fig.saves += said["saves"]
            landed += [tuple(pair) for pair in said["landed"]]
    fig.elapsed = time.perf_counter() - started
    for log in folder.rglob("irdesk.log*"):
        text = log.read_text(encoding="utf-8", errors="replace")
        if "Traceback" in text:
            fig.tracebacks.append(f"{log.name}: {text.strip().splitlines()[-1]}")
    check(location, load, fig, landed)
    return fig


def _start(folder: Path, name: str, args: list[str]) -> tuple[subprocess.Popen, Path]:
    """A process whose output goes to files (a pipe nobody reads yet would stall it)."""
    env = {**os.environ, "XDG_DATA_HOME": str(folder / "data")}  # a team store's log goes here
    out = folder / f"{name}.out"
    with open(out, "w") as stdout, open(out.with_suffix(".err"), "w") as stderr:
        return subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env, stdout=stdout, stderr=stderr, text=True), out


def _ended(started: list[tuple[subprocess.Popen, Path]]):
    for proc, out in started:
        proc.wait()
        yield proc, out.read_text(encoding="utf-8"), out.with_suffix(".err").read_text(encoding="utf-8")


def _status(line: str) -> str:
    for status in ("imported as", "duplicate", "failed", "skipped"):
        if f": {status}" in line:
            return status.split()[0]
    return "other"


def _errors(fig: Figures, who: str, bad_exit: bool, err: str) -> None:
    if "Traceback" in err or bad_exit:
        fig.tracebacks.append(f"{who}: {err.strip().splitlines()[-1] if err.strip() else 'exit status'}")


def check(location, load: Load, fig: Figures, landed: list[tuple[int, str]]) -> None:
    """What the store holds after the load, against what the processes said they did."""
    from irdesk.store import Store

    with Store(location) as store:
        q = lambda sql, args=(): store.db.execute(sql, args).fetchall()  # noqa: E731
        s = fig.stored
        s["releases"] = q("SELECT count(*) FROM releases")[0][0]
        s["sources"] = q("SELECT count(*) FROM sources")[0][0]
        s["without source"] = q("SELECT count(*) FROM releases r WHERE NOT EXISTS "
                                "(SELECT 1 FROM sources s WHERE s.release_id = r.id)")[0][0]
        s["same text twice"] = q("SELECT count(*) - count(DISTINCT fingerprint) FROM releases")[0][0]
        s["counters off"] = q("""SELECT count(*) FROM compounds c WHERE
            release_count != (SELECT count(*) FROM release_compounds WHERE compound_id = c.id) OR
            presentation_count != (SELECT count(*) FROM presentation_compounds WHERE compound_id = c.id)""")[0][0]
        s["broken links"] = broken_links(store)
        edits = q("SELECT release_id, was, now FROM corrections WHERE field = 'city' ORDER BY id")
        now = {rid: (city, version) for rid, city, version in q("SELECT id, city, version FROM releases")}
    expect = {"releases": fig.distinct, "sources": fig.files, "without source": 0, "same text twice": 0,
              "counters off": 0, "broken links": 0}
    fig.problems += [f"{key}: {s[key]}, expected {want}" for key, want in expect.items() if s[key] != want]
    if fig.outcomes["imported"] != fig.distinct or fig.outcomes["failed"] or fig.outcomes["other"]:
        fig.problems.append(f"outcomes {dict(fig.outcomes)}: expected {fig.distinct} imported, none failed")
    if fig.landed + fig.failed != load.editors * load.edits:
        fig.problems.append(f"editors told of {fig.landed + fig.failed} edits, not {load.editors * load.edits}")
    fig.problems += lost_writes(edits, now, landed)
    fig.problems += fig.tracebacks


def broken_links(store) -> int:
    """Rows whose link names no row: SQLite's own check, or every foreign key of the team store
    (PostgreSQL enforces them; this shows it did, under the load)."""
    if not store.team:
        integrity = store.db.execute("PRAGMA integrity_check").fetchone()[0]
        return (integrity != "ok") + len(store.db.execute("PRAGMA foreign_key_check").fetchall())
    keys = store.db.execute("""SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text
        FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace""").fetchall()
    assert keys, "the team store declares no foreign key"
    return sum(store.db.execute(f"""SELECT count(*) FROM {child} x WHERE x.{column} IS NOT NULL AND NOT EXISTS
        (SELECT 1 FROM {parent} p WHERE p.id = x.{column})""").fetchone()[0] for child, column, parent in keys)


def lost_writes(edits: list[tuple], now: dict[int, tuple], landed: list[tuple[int, str]]) -> list[str]:
    """Each edit recorded once; per release, each edit saw the one before it (was = the previous
    now), the last is the stored value, and the version rose once per edit."""
    problems = []
    recorded = Counter((rid, new) for rid, _, new in edits)
    missing = [pair for pair in landed if recorded[pair] != 1]
    if missing or len(edits) != len(landed):
        problems.append(f"{len(landed)} edits landed, {len(edits)} recorded; not recorded once: {missing[:3]}")
    chains: dict[int, list[tuple]] = {}
    for rid, was, new in edits:
        chains.setdefault(rid, []).append((was, new))
    for rid, chain in chains.items():
        broken = [n for n in range(1, len(chain)) if chain[n][0] != chain[n - 1][1]]
        city, version = now[rid]
        if broken or city != chain[-1][1] or version != 1 + len(chain):
            problems.append(f"release {rid}: lost write (chain breaks at {broken}, city {city!r}, version {version}, "
                            f"{len(chain)} edits)")
    return problems


def edit_as(editor: int, location: str, load: Load) -> dict:
    """One editing process: open a release, pause, save a new city with the version shown."""
    from irdesk.store import Conflict, Store, StoreError

    rng = random.Random(editor)
    said = {"landed": [], "conflicts": 0, "failed": [], "saves": []}
    deadline = time.monotonic() + 120
    with Store(location) as store:
        n = 0
        while len(said["landed"]) + len(said["failed"]) < load.edits:
            ids = [r[0] for r in store.db.execute("SELECT id FROM releases ORDER BY id LIMIT ?", [load.hot])]
            if len(ids) < min(load.hot, 2) and time.monotonic() < deadline:  # nothing stored yet
                time.sleep(0.05)
                continue
            n += 1
            rid, value = rng.choice(ids), f"Edited by {editor} ({n})"
            try:
                version = store.release(rid)["version"]
                time.sleep(load.think)
                start = time.perf_counter()
                for _ in range(20):
                    try:
                        store.edit("releases", rid, "city", value, version=version)
                        said["landed"].append((rid, value))
                        said["saves"].append(time.perf_counter() - start)
                        break
                    except Conflict as conflict:  # "keep mine"
                        said["conflicts"] += 1
                        version = conflict.versions[("releases", rid)]
                else:
                    said["failed"].append("twenty conflicts in a row")
            except StoreError as exc:
                said["failed"].append(str(exc))
    said["ended"] = time.perf_counter()  # CLOCK_MONOTONIC: the same clock in every process
    return said


def report(name: str, load: Load, fig: Figures) -> None:
    o = fig.outcomes
    print(f"[{name}] importers: {load.importers} x {load.files} files (+{load.overlap} shared with the next) = "
          f"{fig.files} files, {fig.distinct} distinct; refused at start: {fig.refused}")
    print(f"[{name}] outcomes: {o['imported']} imported, {o['duplicate']} duplicates, {o['failed']} failed; "
          f"stored: {fig.stored['releases']} releases, {fig.stored['sources']} sources")
    print(f"[{name}] editors: {load.editors} x {load.edits} edits: {fig.landed} landed "
          f"({fig.conflicts} conflicts kept mine), {fig.failed} failed" +
          (f" ({Counter(fig.sentences).most_common(1)[0][0]})" if fig.sentences else ""))
    saves = sorted(fig.saves) or [0.0]
    print(f"[{name}] timing: importers done at {fig.imported_by:.1f} s ({fig.files / fig.imported_by:.0f} files/s "
          f"together), editors at {fig.edited_by:.1f} s; a save took p50 {saves[len(saves) // 2] * 1000:.0f} ms, "
          f"p95 {saves[int(len(saves) * 0.95)] * 1000:.0f} ms, max {saves[-1] * 1000:.0f} ms")
    print(f"[{name}] checks: {'all hold' if not fig.problems else '; '.join(fig.problems[:8])}; "
          f"{fig.elapsed:.1f} s in all", flush=True)


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--edit-as":
        print(json.dumps(edit_as(int(sys.argv[2]), sys.argv[3], Load(**json.loads(sys.argv[4])))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--importers", type=int, default=3)
    parser.add_argument("--files", type=int, default=300, help="files per importer")
    parser.add_argument("--editors", type=int, default=2)
    parser.add_argument("--edits", type=int, default=50, help="edits per editor")
    parser.add_argument("--db", help="the SQLite file to make, or the URL of an EMPTY PostgreSQL database")
    parser.add_argument("--pg", metavar="SERVER_URL", help="also run on a new database made on this server")
    args = parser.parse_args()
    load = Load(importers=args.importers, files=args.files, editors=args.editors, edits=args.edits,
                overlap=min(Load.overlap, args.files))
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for name, location in locations(args, Path(tmp)):
            with location as where:
                sub = Path(tmp) / name
                sub.mkdir()
                fig = run(where, load, sub)
                report(name, load, fig)
                failed |= bool(fig.problems)
    return 1 if failed else 0


def locations(args: argparse.Namespace, tmp: Path):
    """SQLite always (a new file); PostgreSQL too with an empty database's URL or a server's."""
    from irdesk.store import is_team_store
    from pgbench import fresh_database, is_empty

    team = args.db if args.db and is_team_store(args.db) else None
    if team and args.pg:
        sys.exit("--db names a PostgreSQL database already: --pg is for a server to make one on")
    path = Path(args.db) if args.db and not team else tmp / "shared.db"
    if path.exists():
        sys.exit(f"{path} exists: the load test makes a new store")
    yield "SQLite", contextlib.nullcontext(path)
    if team:
        if not is_empty(team):
            sys.exit(f"{team} holds tables: the load test needs an empty database")
        yield "PostgreSQL", contextlib.nullcontext(team)
    elif args.pg:
        yield "PostgreSQL", fresh_database(args.pg, "conc")


if __name__ == "__main__":
    sys.exit(main())
