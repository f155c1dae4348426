"""Output from the window: contact sheets (preview, printer, PDF) and exports (vCard,
iCalendar, CSV). One printer for the window's life, so page set-up carries over; files are
written whole, in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSaveFile, Signal

from .settings import restore_page_layout, save_page_layout, settings
from .tasks import Task


def short(text: str, most: int = 48) -> str:
    """A name short enough for a choice in a dialog (the whole of it is in the title)."""
    return text if len(text) <= most else text[:most - 1].rstrip() + "…"


def write_atomically(path: str, data: bytes) -> None:
    """All or nothing: QSaveFile writes beside the target and renames on commit."""
    out = QSaveFile(path)
    if not out.open(QSaveFile.OpenModeFlag.WriteOnly):
        raise OSError(f"cannot write {path}: {out.errorString()}")
    out.write(data)
    if not out.commit():
        raise OSError(f"cannot write {path}: {out.errorString()}")


class Output(QObject):
    saved = Signal(str)  # a file written by an export or a sheet

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._printer = None
        self.tasks: set[Task] = set()

    def save_state(self, s) -> None:
        if self._printer is not None:
            save_page_layout(self._printer, s)

    @property
    def printer(self):
        """One printer for the window's life, so page set-up is kept between sheets."""
        if self._printer is None:
            from PySide6.QtPrintSupport import QPrinter

            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            restore_page_layout(self._printer, settings())
        return self._printer

    def sheet_scopes(self) -> list[tuple[str, str, dict]]:
        scopes = []
        contacts = self.window.pages["contacts"]
        chosen = contacts.selected_ids()
        if chosen:
            scopes.append((f"The {len(chosen)} selected contact{'s' if len(chosen) > 1 else ''}",
                           "Contact sheet", {"ids": chosen}))
        tab = self.window.current_tab()
        if tab.kind in ("releases", "compounds") and tab.selected_ids():
            row_id = tab.selected_ids()[0]
            if tab.kind == "releases":
                record = self.window.store.release(row_id) or {}
                label = record.get("headline") or f"release #{row_id}"
                scopes.insert(0, (f"Everyone in the selected release: {short(label)}", f"Contacts: {label[:80]}",
                                  {"release_id": row_id}))
            else:
                record = self.window.store.compound(row_id) or {}
                name = record.get("name", f"compound #{row_id}")
                scopes.insert(0, (f"Everyone from releases that name {name}", f"Who to call about {name}",
                                  {"compound_id": row_id}))
        shown = tab.detail.shown
        if shown and shown[0] == "presentation":
            meeting = (self.window.store.presentation(shown[1]) or {})
            if meeting.get("meeting_id"):
                scopes.insert(0, (f"Everyone from releases about {short(meeting['meeting'])}",
                                  f"Contacts: {meeting['meeting'][:80]}", {"meeting_id": meeting["meeting_id"]}))
        text = self.window.filter.text().strip()
        if text:
            scopes.append((f"Everyone matching “{text}”", f"Contacts matching “{text}”", {"query": text}))
        scopes.append(("Everyone in the store", "All contacts", {}))
        return scopes

    def contact_sheet(self) -> None:
        from .sheet_dialog import ContactSheetDialog

        self.window.dialogs.sheet_dialog(ContactSheetDialog(self.window, self.sheet_scopes()))

    def _renderer(self, sheet):
        from .printing import SheetRenderer

        return SheetRenderer(sheet)

    def preview_sheet(self, sheet) -> None:
        renderer = self._renderer(sheet)
        self.window.dialogs.preview(self.window, self.printer, renderer.render)

    def print_sheet(self, sheet) -> None:
        if self.window.dialogs.print_dialog(self.window, self.printer):
            pages = self._renderer(sheet).render(self.printer)
            self.window.statusBar().showMessage(f"Printed {pages} page{'s' if pages != 1 else ''}", 8000)

    def page_setup(self) -> None:
        self.window.dialogs.page_setup(self.window, self.printer)

    def save_sheet_pdf(self, sheet) -> None:
        path = self.window.dialogs.save_file(self.window, "Save contact sheet as PDF", f"{sheet.title}.pdf", "PDF (*.pdf)")
        if not path:
            return
        layout = self.printer.pageLayout()

        def work(progress):
            from .printing import write_pdf

            progress.report(0, sheet.count, "Laying out the sheet")
            return write_pdf(sheet, path, layout)

        self._run(work, lambda pages: self._saved(path, f"{pages} page{'s' if pages != 1 else ''}"),
                  f"Laying out {sheet.count:,} contacts…")

    def export(self, what: str) -> None:
        names = {"vcard": ("Export contacts as vCard", "contacts.vcf", "vCard (*.vcf)"),
                 "contacts": ("Export contacts as CSV", "contacts.csv", "CSV (*.csv)"),
                 "ics": ("Export presentations as iCalendar", "presentations.ics", "iCalendar (*.ics)"),
                 "releases": ("Export releases as CSV", "releases.csv", "CSV (*.csv)"),
                 "compounds": ("Export compounds as CSV", "compounds.csv", "CSV (*.csv)")}
        title, name, filters = names[what]
        path = self.window.dialogs.save_file(self.window, title, name, filters)
        if not path:
            return
        query = self.window.filter.text().strip() or None
        scope = self._export_scope()
        presentations = self._presentation_scope()  # read the selection here, not in the worker
        source = self.window.store

        def work(progress):
            from .. import exports

            with source.reopen() as store:  # the worker's own connection
                if what in ("vcard", "contacts"):
                    people = store.contacts_for(**scope) if scope else store.contacts_for(query=query)
                    data = (exports.vcards(people, store.contact_reach([p["id"] for p in people]))
                            if what == "vcard" else exports.csv_bytes("contacts", people))
                elif what == "ics":
                    talks = store.presentations_for(**presentations)
                    data = exports.calendar(talks)
                    left = exports.undated(talks)
                    write_atomically(path, data)
                    return f"{len(talks) - len(left)} presentations", left
                else:
                    data = exports.csv_bytes(what, store.all_rows(what, query))
            write_atomically(path, data)
            return f"{len(data):,} bytes", []

        def done(result) -> None:
            what_, left = result
            self._saved(path, what_)
            if left:
                names = "\n".join(f"• {p.get('title') or p.get('meeting') or 'A presentation'}"
                                   f" ({p.get('meeting') or 'meeting unknown'})" for p in left[:20])
                more = f"\n… and {len(left) - 20} more" if len(left) > 20 else ""
                self.window.dialogs.inform(self.window, "Calendar export",
                                           f"{len(left)} presentation{'s' if len(left) != 1 else ''} left out: the "
                                           f"release gives no date for {'them' if len(left) != 1 else 'it'}.\n\n"
                                           f"{names}{more}")

        self._run(work, done, f"Writing {Path(path).name}…")

    def _export_scope(self) -> dict | None:
        chosen = self.window.pages["contacts"].selected_ids()
        return {"ids": chosen} if chosen and self.window.current_tab().kind == "contacts" else None

    def _presentation_scope(self) -> dict:
        tab = self.window.current_tab()
        if tab.kind == "releases" and tab.selected_ids():
            return {"release_id": tab.selected_ids()[0]}
        if tab.kind == "compounds" and tab.selected_ids():
            return {"compound_id": tab.selected_ids()[0]}
        return {}

    def _run(self, work, done, label: str = "Writing…") -> None:
        """Off the GUI thread; a busy indicator shows if it takes more than half a second."""
        from PySide6.QtWidgets import QProgressDialog

        task = Task(work)
        busy = QProgressDialog(label, None, 0, 0, self.window)
        busy.setMinimumDuration(500)
        busy.setValue(0)

        def finish() -> None:
            self.tasks.discard(task)
            busy.reset()
            busy.deleteLater()

        def failed(error: str) -> None:
            finish()
            self.window.dialogs.inform(self.window, "IR Desk", error.strip().splitlines()[-1])

        task.signals.finished.connect(lambda result: (finish(), done(result)))
        task.signals.failed.connect(failed)
        self.tasks.add(task)
        task.start()

    def _saved(self, path: str, what: str) -> None:
        self.window.statusBar().showMessage(f"Saved {Path(path).name} ({what})", 10000)
        self.saved.emit(path)
