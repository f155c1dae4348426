"""The command line: ``python main.py [extract|...]``; with no command, the window."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parsers load argparse when a command or an option is given
    import argparse

DB_HELP = ("the store: a file (default: the app's own) or a team's PostgreSQL database as a libpq "
           "string, e.g. postgresql://me@server/irdesk (passwords from ~/.pgpass, a service file or PGPASSWORD)")


class TookTooLong(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Bound the time one file may take (main thread, where the platform has SIGALRM)."""
    import signal  # the commands' modules load with them, not with the window

    if seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise TookTooLong

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def cmd_extract(args: argparse.Namespace) -> int:
    import json

    from .extract import ReadError, extract_file

    ok = True
    for name in args.files:
        try:
            with time_limit(args.timeout):
                out = extract_file(name).to_json(spans=args.spans)
            out["source"] = name
        except ReadError as exc:
            out, ok = {"source": name, "error": str(exc)}, False
        except TookTooLong:
            out, ok = {"source": name, "error": f"reading it took longer than {args.timeout:g} s"}, False
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
            out, ok = {"source": name, "error": f"the extractor failed ({type(exc).__name__}: {exc})"}, False
        if args.json:
            print(json.dumps(out, ensure_ascii=False), flush=True)
        else:
            print(_summary(out))
    return 0 if ok else 1


def _open_store(args: argparse.Namespace, create: bool = True):
    from .store import BACKGROUND_WAIT_S, Store

    return Store(args.db, busy_timeout=BACKGROUND_WAIT_S, create=create)


def _new_store_file(location: str | None) -> bool:
    from .store import store_file

    path = store_file(location)
    return path is not None and not path.exists()


def cmd_import(args: argparse.Namespace) -> int:
    from .importer import import_paths, summary
    from .store import StoreError
    from .workers import default_workers

    if args.workers is None:
        args.workers = default_workers()
    if args.workers > 0 and _new_store_file(args.db) and (len(args.paths) > 1 or os.path.isdir(args.paths[0])):
        from .workers import prepare

        # Into a new store every file is new: the extractor loads in the fork server while
        # this process makes the store. (Into a store with content, the importer starts it
        # once it has found a file the store does not hold.)
        prepare()
    try:
        store = _open_store(args)
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return 2
    from .logsetup import setup_logging

    setup_logging(store.log_folder)  # a file's unexpected failure keeps its traceback there
    _daily_backup(store)
    with store:
        outcomes = import_paths(store, args.paths, on_outcome=lambda o: print(o.line(), flush=True),
                                workers=args.workers, time_limit=args.timeout)
    print(summary(outcomes))
    return 1 if any(o.status == "failed" for o in outcomes) else 0


def _daily_backup(store) -> None:
    import sqlite3

    from .store.sqlite.backups import daily_backup

    if store.path is None:  # a team store: its server's backups are its administrator's
        return
    try:
        daily_backup(store.path)
    except (OSError, sqlite3.Error) as exc:
        print(f"note: today's copy of the store could not be made ({exc})", file=sys.stderr)


def cmd_search(args: argparse.Namespace) -> int:
    from .store import StoreError

    try:
        with _open_store(args, create=False) as store:
            hits = store.search(" ".join(args.query), limit=args.limit)
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return 2
    for hit in hits:
        print(f"{hit.kind} #{hit.id}: {hit.label}")
    if not hits:
        print("no matches")
    return 0


def _summary(out: dict) -> str:
    if "error" in out:
        return f"{out['source']}: failed: {out['error']}"
    rel = out["release"]
    return (f"{out['source']}: {rel['date'] or '?'} {rel['company'] or '?'}: {rel['headline'] or '?'}"
            f" ({len(out['presentations'])} presentations, {len(out['compounds'])} compounds,"
            f" {len(out['contacts'])} contacts)")


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(prog="irdesk", description="IR Desk: press releases as records.")
    sub = parser.add_subparsers(dest="command")
    ext = sub.add_parser("extract", help="read releases and print what they say (stores nothing)")
    ext.add_argument("files", nargs="+", metavar="FILE")
    ext.add_argument("--json", action="store_true", help="one JSON object per file (JSON Lines)")
    ext.add_argument("--spans", action="store_true", help="include where each value was found")
    ext.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                     help="give up on a file after this long (default 10; 0 for no limit)")
    ext.set_defaults(func=cmd_extract)

    imp = sub.add_parser("import", help="read releases (files and folders) into the store")
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.add_argument("--db", metavar="STORE", help=DB_HELP)
    imp.add_argument("--workers", type=int, default=None, metavar="N",
                     help="processes that read files (default: one per core; 0 reads in this process)")
    imp.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                     help="give up on a file after this long (default 10; needs --workers other than 0)")
    imp.set_defaults(func=cmd_import)

    find = sub.add_parser("search", help="find releases, compounds and contacts in the store")
    find.add_argument("query", nargs="+")
    find.add_argument("--db", metavar="STORE", help=DB_HELP)
    find.add_argument("--limit", type=int, default=20, help="matches per kind (default 20)")
    find.set_defaults(func=cmd_search)
    return parser


COMMANDS = ("extract", "import", "search")


def window_parser() -> argparse.ArgumentParser:
    import argparse

    from . import __version__

    parser = argparse.ArgumentParser(
        prog="irdesk", description="IR Desk: press releases as records. Without a command, opens the window.",
        epilog=f"Commands (each has --help): {', '.join(COMMANDS)}.")
    parser.add_argument("--version", action="version", version=f"IR Desk {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation end to end in a temporary folder (no screen needed); exit 0 if it works")
    parser.add_argument("--db", metavar="STORE", help=DB_HELP)
    parser.add_argument("files", nargs="*", metavar="FILE", help="releases to import as the window opens")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:  # the window, as a desktop starts it: no parser to build
        from .ui.app import run

        return run(None, [])
    if argv and argv[0] in COMMANDS:
        args = build_parser().parse_args(argv)
        return args.func(args)
    args = window_parser().parse_args(argv)
    if args.self_test:
        from .selftest import run as self_test

        return self_test()
    from .ui.app import run

    return run(args.db, args.files)


if __name__ == "__main__":
    sys.exit(main())
