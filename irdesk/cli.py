"""The command line: ``python main.py [extract|...]``; with no command, the window."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence


def cmd_extract(args: argparse.Namespace) -> int:
    from .extract import ReadError, extract_file

    ok = True
    for name in args.files:
        try:
            out = extract_file(name).to_json(spans=args.spans)
            out["source"] = name
        except ReadError as exc:
            out, ok = {"source": name, "error": str(exc)}, False
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
            out, ok = {"source": name, "error": f"the extractor failed ({type(exc).__name__}: {exc})"}, False
        if args.json:
            print(json.dumps(out, ensure_ascii=False), flush=True)
        else:
            print(_summary(out))
    return 0 if ok else 1


def _summary(out: dict) -> str:
    if "error" in out:
        return f"{out['source']}: failed: {out['error']}"
    rel = out["release"]
    return (f"{out['source']}: {rel['date'] or '?'} {rel['company'] or '?'}: {rel['headline'] or '?'}"
            f" ({len(out['presentations'])} presentations, {len(out['compounds'])} compounds,"
            f" {len(out['contacts'])} contacts)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="irdesk", description="IR Desk: press releases as records.")
    sub = parser.add_subparsers(dest="command")
    ext = sub.add_parser("extract", help="read releases and print what they say (stores nothing)")
    ext.add_argument("files", nargs="+", metavar="FILE")
    ext.add_argument("--json", action="store_true", help="one JSON object per file (JSON Lines)")
    ext.add_argument("--spans", action="store_true", help="include where each value was found")
    ext.set_defaults(func=cmd_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
