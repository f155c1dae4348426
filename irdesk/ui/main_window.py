"""The window a user lives in: Releases, Compounds and Contacts, each a table beside a
detail pane; a filter over all three; links between records with Back and Forward."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import (QAction, QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent,
                           QKeySequence, QUndoStack)
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QLineEdit,
                               QMainWindow, QPushButton, QSplitter, QStackedWidget,
                               QTableView, QTabWidget, QToolBar, QVBoxLayout, QWidget)

from .. import __version__
from ..store import Store, StoreError
from .commands import StoreCommand
from .detail import DetailPane
from .dropping import Dropped, accepts, paths_from_mime
from .html import escape
from .models import StoreListModel
from .operations import KINDS, Changed, Op, Operations, OpResult
from .output import Output
from .screen import DECORATION, available, fit
from .settings import restore_bytes, settings
from .tasks import Task

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from ..importer import Outcome
    from .import_dialog import ImportDialog

TABS = [("releases", "release", "&Releases"), ("compounds", "compound", "&Compounds"), ("contacts", "contact", "C&ontacts")]
SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


SHORT_MESSAGE_LINES = 20


def plain_message(parent, title: str, text: str) -> QMessageBox:
    """A message whose text is shown as written (a file named "<b>x</b>.txt" is not markup)
    and that fits the screen: a long report shows its first lines, the rest under Details."""
    from PySide6.QtWidgets import QMessageBox  # dialogs load when first asked, not at start

    lines = text.splitlines()
    shown = text
    box = QMessageBox(QMessageBox.Icon.Information, title, "", QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    # As many lines as half the screen holds, long ones counted as the rows they wrap to
    # (QMessageBox wraps its text at about half the screen's width, at most 500).
    area = available(parent)
    metrics = box.fontMetrics()
    wrap = max(100, min(area.width() // 2, 500) - 90)
    room = (area.height() - DECORATION) // 2 // metrics.lineSpacing()
    used = short = 0
    for line in lines[:SHORT_MESSAGE_LINES]:
        used += 1 + metrics.horizontalAdvance(line) // wrap
        if used > room:
            break
        short += 1
    short = max(3, short)
    if len(lines) > short:
        shown = "\n".join(lines[:short]) + f"\n… and {len(lines) - short:,} more (Show Details…)"
    box.setText(shown)
    if shown != text:
        box.setDetailedText(text)
    return box


def redo_keys() -> list[QKeySequence]:
    """Ctrl+Shift+Z and Ctrl+Y, and the platform's own redo keys, each once: on desktops
    whose redo key is Ctrl+Shift+Z, naming it twice made Qt call it ambiguous and do nothing."""
    keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z"),
            QKeySequence("Ctrl+Y")]
    return list({key.toString(): key for key in keys}.values())


class Dialogs:
    """The questions the window asks; tests answer them without a modal loop."""

    def open_files(self, parent, title: str, filters: str) -> list[str]:
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getOpenFileNames(parent, title, "", filters)[0]

    def confirm(self, parent, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes

    def inform(self, parent, title: str, text: str) -> None:
        plain_message(parent, title, text).exec()

    def save_file(self, parent, title: str, name: str, filters: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getSaveFileName(parent, title, name, filters)[0] or None

    def preview(self, parent, printer, render) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        dialog = QPrintPreviewDialog(printer, parent)
        # A lambda holds the renderer: a bound method alone does not keep its object alive.
        dialog.paintRequested.connect(lambda device: render(device))
        dialog.exec()

    def print_dialog(self, parent, printer) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog

        return QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted

    def page_setup(self, parent, printer) -> None:
        from PySide6.QtPrintSupport import QPageSetupDialog

        QPageSetupDialog(printer, parent).exec()

    def sheet_dialog(self, dialog) -> None:
        dialog.exec()


class Tab(QSplitter):
    """One list and its detail pane."""

    def __init__(self, store: Store, kind: str, on_edit, parent=None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.kind = kind
        self.model = StoreListModel(store, kind, on_edit, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        # The indicator first: enabling sorting sorts by it at once (Qt 6's default is Z→A).
        column, descending = self.model.sort_state
        self.table.horizontalHeader().setSortIndicator(
            column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for n, column in enumerate(self.model.columns):
            self.table.setColumnWidth(n, column.width)
        self.detail = DetailPane(store, self)
        self.addWidget(self.table)
        self.addWidget(self.detail)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r for r in (self.model.id_at(n) for n in rows) if r is not None]


@dataclass
class Committed:
    """An import's commit: each file's outcome, and the change an undo takes back."""
    outcomes: list
    change: object


class EmptyState(QWidget):
    def __init__(self, on_import, on_samples, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch()
        title = QLabel("<h2>No releases yet</h2>")
        text = QLabel("Drop press releases here — text, HTML, PDF or saved e-mails —<br>"
                      "or import them with File → Import… (Ctrl+O).")
        for label in (title, text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        row = QWidget()
        buttons = QVBoxLayout(row)
        self.import_button = QPushButton("Import releases…")
        self.samples_button = QPushButton("Open the sample releases")
        self.import_button.clicked.connect(on_import)
        self.samples_button.clicked.connect(on_samples)
        for button in (self.import_button, self.samples_button):
            buttons.addWidget(button, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(row)
        layout.addStretch()


class MainWindow(QMainWindow):
    imported = Signal(list)  # the outcomes of a finished import
    saved = Signal(str)  # a file written by an export or a sheet

    def __init__(self, store: Store, dialogs: Dialogs | None = None) -> None:
        super().__init__()
        self.store = store
        self.dialogs = dialogs or Dialogs()
        self.undo_stack = QUndoStack(self)
        self.history: list[tuple[str, int]] = []
        self.history_at = -1
        self._navigating = False  # selections made by navigate() are not the user's choice
        self.operations = Operations(store, self)
        self.import_dialog: ImportDialog | None = None
        self.last_outcomes: list[Outcome] = []
        self.output = Output(self)
        self.output.saved.connect(self.saved)
        self.setAcceptDrops(True)
        self.setWindowTitle(f"IR Desk — {store.path.name}")
        self.tabs = QTabWidget()
        self.pages: dict[str, Tab] = {}
        for kind, _, title in TABS:
            tab = Tab(store, kind, self.edit_field, self)
            tab.table.selectionModel().currentRowChanged.connect(
                lambda current, _previous, t=tab: self._row_chosen(t, current))
            tab.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
            tab.detail.navigate.connect(self.navigate)
            self.pages[kind] = tab
            self.tabs.addTab(tab, title.replace("&", ""))
        self.tabs.currentChanged.connect(lambda _: self._update_actions())
        self.empty = EmptyState(self.import_files, self.open_samples)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self.filter = QLineEdit(placeholderText="Find releases, compounds and contacts (Ctrl+F)", clearButtonEnabled=True)
        self.filter.setMaximumWidth(420)
        self._filter_timer = QTimer(self, singleShot=True, interval=200)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(lambda _: self._filter_timer.start())
        clear = QAction("Clear the filter", self.filter, shortcut=QKeySequence(Qt.Key.Key_Escape),
                        shortcutContext=Qt.ShortcutContext.WidgetShortcut)
        clear.triggered.connect(self.filter.clear)
        self.filter.addAction(clear)
        self.counts = QLabel()
        self.report = QLabel()
        self.report.linkActivated.connect(self._report_link)
        self.report.hide()
        self.statusBar().addPermanentWidget(self.report)
        self.statusBar().addPermanentWidget(self.counts)
        self._make_actions()
        self._restore_state()
        self.refresh(kinds=())  # the lists were read as they were made (and sorted as restored)

    # Actions and menus
    def _action(self, text: str, slot, shortcut=None, menu=None, tip: str | None = None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        if tip:
            action.setStatusTip(tip)
        if menu is not None:
            menu.addAction(action)
        return action

    def _make_actions(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self.import_action = self._action("&Import…", self.import_files, QKeySequence.StandardKey.Open, file,
                                          "Read releases from files into the store")
        self._action("Open the &sample releases", self.open_samples, None, file)
        file.addSeparator()
        self.sheet_action = self._action("&Print contact sheet…", lambda: self.output.contact_sheet(), QKeySequence.StandardKey.Print,
                                         file, "Print or save the contacts you choose")
        export = file.addMenu("&Export")
        self._action("Contacts as &vCard…", lambda: self.output.export("vcard"), None, export)
        self._action("Contacts as &CSV…", lambda: self.output.export("contacts"), None, export)
        self._action("Presentations as &iCalendar…", lambda: self.output.export("ics"), None, export)
        self._action("&Releases as CSV…", lambda: self.output.export("releases"), None, export)
        self._action("C&ompounds as CSV…", lambda: self.output.export("compounds"), None, export)
        file.addSeparator()
        self._action("&Quit", self.close, QKeySequence.StandardKey.Quit, file)
        edit = bar.addMenu("&Edit")
        # Our own actions, not the stack's: the store changes first, and only when it did
        # does the stack move (a locked or full store leaves both where they were).
        self.undo_action = self._action("&Undo", self.undo, QKeySequence.StandardKey.Undo, None)
        self.redo_action = self._action("&Redo", self.redo, redo_keys(), None)
        self.undo_stack.undoTextChanged.connect(lambda text: self.undo_action.setText(f"&Undo {text}".strip()))
        self.undo_stack.redoTextChanged.connect(lambda text: self.redo_action.setText(f"&Redo {text}".strip()))
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        edit.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        self._action("&Find", self.focus_filter, QKeySequence.StandardKey.Find, edit)
        self.delete_action = self._action("&Delete release", self.delete_selected, QKeySequence.StandardKey.Delete, edit)
        self.merge_action = self._action("&Merge selected", self.merge_selected, QKeySequence("Ctrl+M"), edit,
                                         "Merge two selected compounds or contacts into one")
        view = bar.addMenu("&View")
        self.back_action = self._action("&Back", self.back, QKeySequence("Alt+Left"), view)
        self.forward_action = self._action("&Forward", self.forward, QKeySequence("Alt+Right"), view)
        view.addSeparator()
        for n, (kind, _, title) in enumerate(TABS):
            self._action(title, lambda _=False, i=n: self.tabs.setCurrentIndex(i), QKeySequence(f"Ctrl+{n + 1}"), view)
        help_menu = bar.addMenu("&Help")
        self._action("&About IR Desk", self.about, None, help_menu)
        self._action("Open the &data folder", self.open_data_folder, None, help_menu)
        tools = QToolBar("Navigation", self)
        tools.setObjectName("navigation")
        tools.addActions([self.back_action, self.forward_action])
        tools.addSeparator()
        tools.addWidget(self.filter)
        self.addToolBar(tools)
        self.undo_stack.indexChanged.connect(lambda _: self._update_actions())

    def _update_actions(self) -> None:
        kind = self.current_tab().kind
        selected = len(self.current_tab().selected_ids())
        self.delete_action.setEnabled(kind == "releases" and selected > 0)
        self.merge_action.setEnabled(kind in ("compounds", "contacts") and selected == 2)
        self.back_action.setEnabled(self.history_at > 0)
        self.forward_action.setEnabled(self.history_at < len(self.history) - 1)

    def current_tab(self) -> Tab:
        return self.tabs.currentWidget()

    # Showing
    def refresh(self, kinds=KINDS) -> None:
        """Re-read the lists named (all of them by default) and every detail pane (one
        record each) from the store; the selection stays on the record it was on."""
        for tab in self.pages.values():
            if tab.kind in kinds:
                chosen = tab.selected_ids()
                tab.model.reload()
                self._navigating = True
                for row_id in chosen[:1]:
                    self._select(tab, row_id)
                self._navigating = False
            tab.detail.refresh()
        has_any = self.pages["releases"].model.total > 0 or bool(self.filter.text().strip())
        self.stack.setCurrentWidget(self.tabs if has_any else self.empty)
        self._show_counts()
        self._update_actions()

    def _show_counts(self) -> None:
        parts = []
        for kind, _, _ in TABS:
            model = self.pages[kind].model
            parts.append(f"{model.total:,} {kind}" if model.total != 1 else f"1 {kind[:-1]}")
        suffix = f" matching “{self.filter.text()}”" if self.filter.text().strip() else ""
        self.counts.setText(" · ".join(parts) + suffix)

    def focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def apply_filter(self) -> None:
        text = self.filter.text().strip() or None
        for tab in self.pages.values():
            tab.model.set_query(text)
            shown = tab.detail.shown
            if shown and shown[0] + "s" == tab.kind and not tab.model.shows(shown[1]):
                tab.detail.show_nothing("The record shown before is not among those the filter finds.")
        current = self.current_tab()
        if text and current.model.total == 0:
            # Show where the matches are: "IMGN901" typed on Contacts lands on Compounds.
            for kind in ("compounds", "contacts", "releases"):
                if self.pages[kind].model.total:
                    self.tabs.setCurrentWidget(self.pages[kind])
                    break
        self._show_counts()

    def _row_chosen(self, tab: Tab, current: QModelIndex) -> None:
        if self._navigating:
            return
        row_id = tab.model.id_at(current.row()) if current.isValid() else None
        if row_id is not None:
            self.navigate(tab.kind[:-1], row_id, select=False)  # the view is selecting already
        self._update_actions()

    def navigate(self, kind: str, row_id: int, record: bool = True, select: bool = True) -> None:
        """Show one record: in its own tab (selected when loaded), a presentation in the current pane."""
        self._navigating = True
        try:
            if kind == "presentation":
                tab = self.current_tab()
            else:
                tab = self.pages[kind + "s"]
                self.tabs.setCurrentWidget(tab)
                if select:
                    self._select(tab, row_id)
            tab.detail.show_record(kind, row_id)
        finally:
            self._navigating = False
        if record and (not self.history or self.history[self.history_at] != (kind, row_id)):
            del self.history[self.history_at + 1:]
            self.history.append((kind, row_id))
            self.history_at = len(self.history) - 1
        self._update_actions()

    @staticmethod
    def _select(tab: Tab, row_id: int) -> None:
        row = tab.model.find(row_id)
        selection = tab.table.selectionModel()
        if row is None:
            selection.clearSelection()
            return
        flags = selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows
        selection.setCurrentIndex(tab.model.index(row, 0), flags)
        tab.table.scrollTo(tab.model.index(row, 0))

    def back(self) -> None:
        if self.history_at > 0:
            self.history_at -= 1
            self.navigate(*self.history[self.history_at], record=False)

    def forward(self) -> None:
        if self.history_at < len(self.history) - 1:
            self.history_at += 1
            self.navigate(*self.history[self.history_at], record=False)

    # Curation, undoable: every change runs through ``self.operations`` (off the GUI thread)
    def show_change(self, change) -> None:
        """After a change, its undo or its redo: reload only the lists it touched."""
        self.refresh(Changed.of(change).kinds)

    def _push(self, change) -> None:
        self.undo_stack.push(StoreCommand(self.store, change, self.show_change))

    def _apply(self, label: str, work, then=None) -> None:
        """``work(store)`` makes a change on a worker's own store; once it is made the undo
        stack takes it and the lists it touched are reloaded; a refusal is said."""
        def done(result: OpResult) -> None:
            if result.error is not None:
                self.dialogs.inform(self, "IR Desk", result.error)
                self.refresh(KINDS)  # an edit shown in its cell before it was stored goes back
                return
            self._push(result.value)
            if then is not None:
                then(result)

        self.operations.run(lambda: Op(label, lambda store, _progress: work(store), done))

    def undo(self) -> None:
        self.operations.run(lambda: self._step("undo"))

    def redo(self) -> None:
        self.operations.run(lambda: self._step("redo"))

    def _step(self, way: str) -> Op | None:
        """Worked out when its turn comes: the step the stack is on then."""
        at = self.undo_stack.index() - 1 if way == "undo" else self.undo_stack.index()
        command = self.undo_stack.command(at) if 0 <= at < self.undo_stack.count() else None
        if not isinstance(command, StoreCommand):
            return None
        change = command.change

        def work(store, _progress) -> None:
            (store.revert if way == "undo" else store.reapply)(change)
            return change

        def done(result: OpResult) -> None:
            if result.error is not None:
                self.dialogs.inform(self, "IR Desk", f"Could not {way} “{command.text()}”: {result.error}")
                return
            # The stack follows only once the store did (a locked store leaves both where they were).
            command.store_done = True
            (self.undo_stack.undo if way == "undo" else self.undo_stack.redo)()

        return Op(f"{way.title()} {command.text()}", work, done)

    def edit_field(self, kind: str, row_id: int, column: str, value: str | None) -> None:
        self._apply(f"Edit {column}", lambda store: store.edit(kind, row_id, column, value))

    def delete_selected(self) -> None:
        tab = self.current_tab()
        ids = tab.selected_ids()
        if tab.kind != "releases" or not ids:
            return
        many = len(ids) > 1
        self._apply("Delete releases", lambda store: store.delete_releases(ids), lambda _: self.statusBar().showMessage(
            f"Deleted {len(ids)} release{'s' if many else ''} — Ctrl+Z brings {'them' if many else 'it'} back", 8000))

    def merge_selected(self) -> None:
        tab = self.current_tab()
        ids = tab.selected_ids()
        if tab.kind not in ("compounds", "contacts") or len(ids) != 2:
            return
        keep, other = sorted(ids)
        kind = tab.kind

        def work(store):
            return (store.merge_compounds if kind == "compounds" else store.merge_contacts)(keep, other)

        self._apply(f"Merge {kind}", work, lambda _: self.navigate(kind[:-1], keep))

    # Importing: drops, File → Import…, the samples and files named at start all come here
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if accepts(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)  # never Move: the user's files stay theirs
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        dropped = paths_from_mime(event.mimeData())
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        QTimer.singleShot(0, lambda: self.take(dropped))  # out of the drop handler at once

    def take(self, dropped: Dropped) -> None:
        from ..importer import Item, collect

        if dropped.refused:
            self.dialogs.inform(self, "Not imported", "\n".join(dropped.refused))
        items = [Item.file(p) for p in collect(dropped.paths)]
        items += [Item.dropped(data, name) for name, data in dropped.texts]
        if items:
            self.start_import(items)

    def import_files(self) -> None:
        from ..extract.formats import EXTENSIONS

        patterns = " ".join(f"*{ext}" for ext in sorted(EXTENSIONS))
        files = self.dialogs.open_files(self, "Import releases", f"Releases ({patterns});;All files (*)")
        if files:
            self.take(Dropped(paths=files))

    def open_samples(self) -> None:
        self.take(Dropped(paths=[str(SAMPLES)]))

    def import_paths(self, paths: list[str]) -> None:
        self.take(Dropped(paths=list(paths)))

    def start_import(self, items) -> None:
        """Read in the background in the import dialog; commit what the user keeps."""
        if self.import_dialog is not None or self._committing:
            self.dialogs.inform(self, "IR Desk", "An import is already running; drop again when it is done.")
            return
        from .import_dialog import ImportDialog  # loaded with the first import, not at start

        review = bool(settings().value("import/review", True, bool))
        dialog = ImportDialog(self.store.path, items, review, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        if not review:
            dialog.read_done.connect(dialog.accept)
        dialog.accepted.connect(lambda: self._commit(dialog))
        dialog.rejected.connect(lambda: self._dialog_closed(dialog, "Import cancelled; nothing was stored."))
        self.import_dialog = dialog
        dialog.open()
        dialog.start()

    def _dialog_closed(self, dialog: ImportDialog, message: str) -> None:
        settings().setValue("import/review", dialog.review_box.isChecked())
        self.import_dialog = None
        dialog.deleteLater()
        self.statusBar().showMessage(message, 8000)

    @property
    def _committing(self) -> bool:
        current = self.operations.current
        return current is not None and current.label.startswith("Import")

    def _commit(self, dialog: ImportDialog) -> None:
        chosen = dialog.chosen()
        failed = [read for read in dialog.reads if read is not None and read.parsed is None]
        unticked = dialog.not_chosen()
        self._dialog_closed(dialog, "Importing…")
        label = f"Import {len(chosen)} release{'s' if len(chosen) != 1 else ''}"

        def work(store, progress) -> Committed:
            from ..importer import commit, not_chosen

            outcomes, change = commit(store, chosen + failed, progress, label)
            return Committed(outcomes + not_chosen(unticked), change)

        def done(result: OpResult) -> None:
            if result.error is not None:
                self._import_failed(result.error)
            else:
                self._committed(result.value)

        from ..store import BACKGROUND_WAIT_S

        self.operations.run(lambda: Op(label, work, done, wait=BACKGROUND_WAIT_S))

    def _committed(self, result: Committed) -> None:
        from ..importer import summary

        outcomes, change = result.outcomes, result.change
        if change is not None and any(o.status == "imported" for o in outcomes):
            self._push(change)
        else:
            self.refresh()
        self.last_outcomes = outcomes
        self.report.setText(f"{escape(summary(outcomes))} — <a href='#details'>details</a>")
        self.report.show()
        self.statusBar().showMessage(summary(outcomes), 15000)
        self.imported.emit(outcomes)

    def _import_failed(self, error: str) -> None:
        from PySide6.QtCore import QUrl

        from ..logsetup import LOG_NAME

        log = self.store.path.parent / LOG_NAME
        self.report.setText(f"Import failed — <a href='{QUrl.fromLocalFile(str(log)).toString()}'>the log</a> "
                            "has the details")
        self.report.show()
        self.dialogs.inform(self, "Import failed", f"{error}\n\nThe details are in {log}.")

    def back_up_daily(self) -> Task:
        """Today's copy of the store, taken in the background (a large store takes seconds)."""
        from ..store.backups import daily_backup

        path = self.store.path
        task = Task(lambda progress: daily_backup(path))
        task.signals.failed.connect(lambda error: self.statusBar().showMessage(
            f"Today's copy of the store could not be made: {error.strip().splitlines()[-1]}", 15000))
        self._backup_task = task  # kept until done
        task.start()
        return task

    def _report_link(self, link: str) -> None:
        if link == "#details":
            self.show_report()
        else:  # the log
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl(link))

    def show_report(self) -> None:
        lines = [o.line() for o in self.last_outcomes]
        self.dialogs.inform(self, "Last import", "\n".join(lines) or "Nothing was imported.")

    # Help
    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, "About IR Desk", self.about_text())

    def about_text(self) -> str:
        return (f"<h3>IR Desk {__version__}</h3><p>Press releases turned into records: releases, "
                f"compounds, presentations and contacts.</p><p>Store: {escape(str(self.store.path))}</p>")

    def open_data_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.store.path.parent)))

    # State
    def _restore_state(self) -> None:
        s = settings()
        geometry = restore_bytes(s, "window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            fit(self, 1200, 760)
        state = restore_bytes(s, "window/state")
        if state is not None:
            self.restoreState(state)
        for kind, tab in self.pages.items():
            splitter = restore_bytes(s, f"{kind}/splitter")
            if splitter is not None:
                tab.restoreState(splitter)
            header = restore_bytes(s, f"{kind}/header")
            if header is not None:
                tab.table.horizontalHeader().restoreState(header)
                tab.model.sort(tab.table.horizontalHeader().sortIndicatorSection(),
                               tab.table.horizontalHeader().sortIndicatorOrder())
        self.tabs.setCurrentIndex(int(s.value("window/tab", 0)))

    def save_state(self) -> None:
        s = settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/tab", self.tabs.currentIndex())
        self.output.save_state(s)
        for kind, tab in self.pages.items():
            s.setValue(f"{kind}/splitter", tab.saveState())
            s.setValue(f"{kind}/header", tab.table.horizontalHeader().saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.import_dialog is not None:
            self.import_dialog.reject()
        self.operations.cancel()  # an import stops between files; the pool finishes it before the app exits
        self.save_state()
        super().closeEvent(event)
