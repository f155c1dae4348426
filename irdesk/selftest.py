"""``irdesk --self-test``: the app checks itself end to end, as installed (a bundle too).

A fresh store in a temporary folder; the bundled sample releases imported through the
reader processes (the path a bundle most easily breaks: frozen worker processes, data files
of the extractor); one release read both as text and as a PDF (PDFium) to the same fields;
a contact sheet of everyone rendered to PDF by the printing code and read back; the vCard
and iCalendar exports; a search.
Prints one line per check; exit 0 when all pass, 1 at the first that fails.

Qt is imported only in the two steps that draw PDFs, and only offscreen: no screen needed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"


class Failed(Exception):
    pass


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise Failed(what)


def _qt_app():
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # draws PDFs only: never a window
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(["irdesk"])


def _text_pdf(text: str, path: Path) -> None:
    """``text`` as a one-column PDF with a text layer, as a word processor would print it."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15)))
    doc = QTextDocument()
    doc.setPlainText(text)
    doc.print_(writer)
    del writer


def step_import(store, folder: Path, say: Callable[[str], None]) -> None:
    from .importer import import_paths

    files = sorted(p for p in SAMPLES.iterdir() if not p.name.startswith("."))
    _check(len(files) >= 3, f"the sample releases are missing from {SAMPLES}")
    outcomes = import_paths(store, [SAMPLES], workers=min(3, len(files)), time_limit=30)
    bad = [o.line() for o in outcomes if o.status != "imported"]
    _check(not bad, "importing the samples: " + "; ".join(bad))
    _check(store.count("releases") == len(files), f"{store.count('releases')} releases stored, not {len(files)}")
    say(f"imported the {len(files)} sample releases through {min(3, len(files))} reader processes")


def step_text_and_pdf(folder: Path, say: Callable[[str], None]) -> None:
    from .extract import extract_file

    text_file = next(p for p in sorted(SAMPLES.iterdir()) if p.suffix == ".txt")
    from_text = extract_file(text_file).release
    _check(bool(from_text.headline and from_text.company and from_text.date),
           f"{text_file.name}: no headline, issuer or date read")
    _qt_app()
    pdf = folder / (text_file.stem + ".pdf")
    _text_pdf(text_file.read_text(encoding="utf-8"), pdf)
    from_pdf = extract_file(pdf).release
    for name in ("date", "company", "headline"):
        _check(getattr(from_pdf, name) == getattr(from_text, name),
               f"{name} read from the PDF ({getattr(from_pdf, name)!r}) is not the text's ({getattr(from_text, name)!r})")
    say(f"read {text_file.name} as text and as PDF: same date, issuer and headline")


def step_sheet(store, folder: Path, say: Callable[[str], None]) -> None:
    from .extract.readers.pdf import read_pdf
    from .sheets import SheetOptions, build

    people = store.contacts_for()
    _check(len(people) > 0, "the samples gave no contacts")
    sheet = build(people, store.contact_reach([p["id"] for p in people]), SheetOptions(title="Self-test"))
    _qt_app()
    from .ui.printing import write_pdf

    path = folder / "contact sheet.pdf"
    pages = write_pdf(sheet, str(path))
    text = " ".join(read_pdf(path.read_bytes()).text.split())
    missing = [p["name"] for p in people if " ".join(p["name"].split()) not in text]
    _check(not missing, f"the contact sheet PDF does not show {', '.join(missing)}")
    say(f"contact sheet of {len(people)} contacts written to PDF ({pages} page{'s' if pages != 1 else ''}) "
        f"and read back")


def step_exports(store, say: Callable[[str], None]) -> None:
    from .exports import calendar, vcards

    people = store.contacts_for()
    cards = vcards(people, store.contact_reach([p["id"] for p in people])).decode("utf-8")
    _check(cards.count("BEGIN:VCARD") == len(people), "the vCard export lost contacts")
    talks = store.presentations_for()
    events = calendar(talks).decode("utf-8")
    _check(len(talks) > 0 and "BEGIN:VEVENT" in events, "the samples' presentations gave no calendar events")
    say(f"exported {len(people)} vCards and {events.count('BEGIN:VEVENT')} calendar events")


def step_search(store, say: Callable[[str], None]) -> None:
    name = store.contacts_for()[0]["name"]
    hits = store.search(name.split()[-1])
    _check(any(h.kind == "contact" for h in hits), f"searching for {name!r} found no contact")
    say(f"search finds {name}")


def run(say: Callable[[str], None] = print) -> int:
    from . import __version__
    from .store import Store

    started = time.monotonic()
    say(f"IR Desk {__version__} self-test ({'bundle' if getattr(sys, 'frozen', False) else 'source'}, "
        f"Python {sys.version.split()[0]})")
    with tempfile.TemporaryDirectory(prefix="irdesk-self-test-") as tmp:
        folder = Path(tmp)
        try:
            store = Store(folder / "irdesk.db")
            with store:
                say(f"ok: a fresh store in {folder}")
                for step in (lambda s: step_import(store, folder, s), lambda s: step_text_and_pdf(folder, s),
                             lambda s: step_sheet(store, folder, s), lambda s: step_exports(store, s),
                             lambda s: step_search(store, s)):
                    step(lambda line: say(f"ok: {line}"))
            store.close()
        except Failed as exc:
            say(f"FAILED: {exc}")
            return 1
        except Exception as exc:  # noqa: BLE001 - a self-test reports, it does not crash
            import traceback

            traceback.print_exc()
            say(f"FAILED: {type(exc).__name__}: {exc}")
            return 1
    say(f"self-test passed in {time.monotonic() - started:.1f} s")
    return 0
