"""The window a user lives in: Releases, Compounds and Contacts, each a table beside a
detail pane; a filter over all three; links between records with Back and Forward."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

# Not Qt: PySide makes the whole Qt namespace (15-20 ms) when it is first touched, and the
# first frame touches none of it; the methods that need it import it.
from PySide6.QtCore import QEvent, QModelIndex, QObject, QTimer, Signal
from PySide6.QtGui import (QAction, QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent,
                           QKeySequence, QUndoStack)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QMainWindow, QPushButton, QSplitter, QStackedWidget,
                               QTabWidget, QToolBar, QVBoxLayout, QWidget)

from .. import __version__
from ..store import Store, StoreError
from .html import escape
from .stores import is_own
from .screen import DECORATION, available, fit
from .settings import restore_bytes, settings

# What the first frame does not show loads when first used (or right after the first paint):
# the lists (an empty store shows none), changes and undo, output, drops, switching stores.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView
    from PySide6.QtWidgets import QMessageBox

    from ..importer import Outcome
    from .commands import StoreCommand
    from .conflict_dialog import Clashes, ConflictDialog
    from .detail import DetailPane
    from .editing import VersionedDelegate
    from .live import StoreWatcher
    from .models import LiveListModel
    from .dropping import Dropped
    from .import_dialog import ImportDialog
    from .operations import Op, Operations, OpResult
    from .output import Output
    from .tasks import Task
    from .team_dialog import TeamStoreDialog

TABS = [("releases", "release", "&Releases"), ("compounds", "compound", "&Compounds"), ("contacts", "contact", "C&ontacts")]
KINDS = tuple(kind for kind, _, _ in TABS)
SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


SHORT_MESSAGE_LINES = 20
CENTER = 0x0004 | 0x0080  # Qt::AlignHCenter | Qt::AlignVCenter
WIDGET_SHORTCUT = 0  # Qt::WidgetShortcut


def plain_message(parent, title: str, text: str) -> QMessageBox:
    """A message whose text is shown as written (a file named "<b>x</b>.txt" is not markup)
    and that fits the screen: a long report shows its first lines, the rest under Details."""
    from PySide6.QtCore import Qt
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

    def conflict(self, dialog: ConflictDialog) -> bool:
        """True: keep mine (write again over theirs); False: keep theirs."""
        return dialog.exec() == dialog.DialogCode.Accepted

    def team_store(self, dialog: TeamStoreDialog) -> None:
        dialog.exec()

    def open_store_file(self, parent) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getOpenFileName(parent, "Open a store file", "",
                                           "IR Desk stores (*.db);;All files (*)")[0] or None


class Tab(QSplitter):
    """One list and its detail pane, built when first needed: shown, or any of its parts asked
    for (``model``, ``table``, ``detail``, ``delegate``). ``on_built(tab)`` wires a tab once built.

    The tab a window opens on shows its first frame through ``preview``: the list read from the
    store as it will be shown, in a view whose model is a stand-in made in C++ (a
    ``QStandardItemModel`` holding the cells on screen). A Python model in the view makes PySide
    build its whole Qt namespace (15-20 ms) as the view first asks it anything (``headerData``'s
    orientation, ``flags``), and that waits until after the first paint, when ``build`` puts the
    real model in its place, keeping the columns, sort, current row and scroll position. Anything
    that reaches the list first (its parts asked for, a key, a click or a drop on it) builds it
    first."""

    def __init__(self, store: Store, kind: str, on_edit, on_built, parent=None) -> None:
        # Horizontal, the default; the parent by keyword: positional, PySide tries
        # (Qt.Orientation, parent) first, which makes the Qt namespace.
        super().__init__(parent=parent)
        self.kind = kind
        self._store, self._on_edit, self._on_built = store, on_edit, on_built
        self.built = False  # the real model in the view, wired
        self.made = False  # the model read and the widgets made (built, or previewed)
        self._stand_in = None  # the first frame's model (a QStandardItemModel) until built
        self._until_built: _BuildOnInput | None = None

    def _make(self, sort: tuple[int, bool] | None = None) -> None:
        from PySide6.QtWidgets import QAbstractItemView, QTableView

        from .detail import DetailPane
        from .models import LiveListModel

        self.made = True
        self._model = LiveListModel(self._store, self.kind, self._on_edit, self, sort=sort, counted=False)
        self._table = table = QTableView(self)
        # Hidden before the model comes: else the row numbers are sized first, a header call per row.
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        table.setWordWrap(False)
        self._detail = DetailPane(self._store, self)
        self.addWidget(table)
        self.addWidget(self._detail)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        splitter = restore_bytes(settings(), f"{self.kind}/splitter")
        if splitter is not None:
            self.restoreState(splitter)

    def _set_up_header(self) -> bool:
        """Movable, sized columns (the first-run widths, then the user's remembered ones, with
        their sort indicator: True)."""
        from PySide6.QtWidgets import QHeaderView

        table = self._table
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for n, column in enumerate(self._model.columns):
            table.setColumnWidth(n, column.width)
        state = restore_bytes(settings(), f"{self.kind}/header")
        return state is not None and header.restoreState(state)

    def preview(self, rows: int) -> bool:
        """Make the tab for the first frame, its list through a stand-in holding the first
        ``rows`` rows' cells (as many as the window can show). False, and nothing made, when the
        remembered sort is not known without the Qt namespace (a header an older version saved)."""
        if self.made:
            return True
        s = settings()
        sort = remembered_sort(s, self.kind)
        if sort is None and restore_bytes(s, f"{self.kind}/header") is not None:
            return False
        from PySide6.QtGui import QStandardItem, QStandardItemModel

        from .models import ALIGN, DISPLAY

        self._make(sort)
        model, table = self._model, self._table
        # Every loaded row, so the scroll bar is the real one; cells only in those on screen.
        stand_in = QStandardItemModel(model.rowCount(), model.columnCount(), self)
        stand_in.setHorizontalHeaderLabels([column.title for column in model.columns])
        for n in range(min(rows, model.rowCount())):
            for c in range(model.columnCount()):
                item = QStandardItem()
                item.setData(model.cell(n, c, DISPLAY), DISPLAY)
                align = model.cell(n, c, ALIGN)
                if align is not None:
                    item.setData(align, ALIGN)
                stand_in.setItem(n, c, item)
        table.setModel(stand_in)
        self._stand_in = stand_in
        header = table.horizontalHeader()
        # A remembered header holds the indicator; else it is Qt's own: the first column, Z→A.
        if not self._set_up_header() and model.sort_state != (0, True):
            set_sort_indicator(header, *model.sort_state)
        header.setSortIndicatorShown(True)  # sorting itself is enabled with the real model
        self._until_built = _BuildOnInput(self)
        return True

    def build(self) -> Tab:
        """The tab as the user works with it: the real model in the view, sortable, editable, wired."""
        if self.built:
            return self
        from .editing import VersionedDelegate

        if not self.made:
            self._make(remembered_sort(settings(), self.kind))
        self.built = True
        self._model.total  # noqa: B018 - counted now, not inside the view's canFetchMore
        current = self._swap() if self._stand_in is not None else self._show_model()
        table = self._table
        table.setSortingEnabled(True)  # sorts by the indicator: the model's own order, so no re-read
        self._delegate = VersionedDelegate(table)  # an edit carries the version its editor opened on
        table.setItemDelegate(self._delegate)
        self._on_built(self)
        if current is not None:  # set once wired: the window hears it as the user's choice
            table.setCurrentIndex(self._model.index(*current))
        return self

    def _show_model(self) -> None:
        table, model = self._table, self._model
        header = table.horizontalHeader()
        table.setModel(model)
        if self._set_up_header():  # the remembered indicator (an older version kept the sort only there)
            model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        else:  # the indicator first: enabling sorting sorts by it (Qt's own is Z→A)
            set_sort_indicator(header, *model.sort_state)

    def _swap(self) -> tuple[int, int] | None:
        """The real model in the stand-in's place, the columns and the place in the list as they
        were; returns the current cell, for ``build`` to set."""
        table, stand_in = self._table, self._stand_in
        self._until_built.remove()
        self._stand_in = self._until_built = None
        header = table.horizontalHeader()
        state = header.saveState()
        index = table.currentIndex()
        vertical, horizontal = table.verticalScrollBar().value(), table.horizontalScrollBar().value()
        table.setModel(self._model)  # the same rows: the real model holds those the stand-in had
        header.restoreState(state)
        if vertical or horizontal:
            table.doItemsLayout()  # the scroll ranges follow the new model now, not at the next paint
            table.verticalScrollBar().setValue(vertical)
            table.horizontalScrollBar().setValue(horizontal)
        stand_in.deleteLater()
        return (index.row(), index.column()) if index.isValid() else None

    @property
    def model(self) -> LiveListModel:
        return self.build()._model

    @property
    def table(self) -> QTableView:
        return self.build()._table

    @property
    def detail(self) -> DetailPane:
        return self.build()._detail

    @property
    def delegate(self) -> VersionedDelegate:
        return self.build()._delegate

    def use(self, store: Store) -> None:
        """Show ``store`` from now on (a tab not built yet reads it when it is)."""
        self._store = store
        if self.made:
            self._model.store = self._detail.store = store

    def selected_ids(self) -> list[int]:
        if not self.built:
            return []
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r for r in (self.model.id_at(n) for n in rows) if r is not None]


def remembered_sort(s, kind: str) -> tuple[int, bool] | None:
    """The sort a list was left in (column, descending), or None when not remembered."""
    try:
        column, descending = str(s.value(f"{kind}/sort", "")).split()
        return int(column), descending == "1"
    except ValueError:
        return None


def set_sort_indicator(header, column: int, descending: bool) -> None:
    from PySide6.QtCore import Qt

    header.setSortIndicator(column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)


class _BuildOnInput(QObject):
    """Builds a previewed tab before any input reaches its list: a key, a click, the wheel, a
    drag on the table, its header or scroll bars then acts on the real model."""

    INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
                       QEvent.Type.Wheel, QEvent.Type.ContextMenu, QEvent.Type.DragEnter,
                       QEvent.Type.ShortcutOverride})

    def __init__(self, tab: Tab) -> None:
        from PySide6.QtGui import QPalette  # an empty store's first frame has no list

        super().__init__(tab)
        self.tab = tab
        table = tab._table
        # A viewport of our own: asking the table for its own (``viewport()``) made PySide look
        # its type up among every QtWidgets class, making their enums (9 ms).
        viewport = QWidget()
        viewport.setBackgroundRole(QPalette.ColorRole.Base)  # as the table's own: below the rows too
        viewport.setAutoFillBackground(True)
        table.setViewport(viewport)
        self.watched = [table, viewport, table.horizontalHeader(), table.verticalScrollBar(),
                        table.horizontalScrollBar()]
        for widget in self.watched:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.INPUT:
            self.tab.build()
        return False

    def remove(self) -> None:
        for widget in self.watched:
            widget.removeEventFilter(self)
        self.deleteLater()


class Committed(NamedTuple):  # not a dataclass: the dataclasses module and its class cost the start 3 ms
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
            label.setProperty("alignment", CENTER)  # the property, as a number: no Qt namespace
            layout.addWidget(label)
        row = QWidget()
        buttons = QVBoxLayout(row)
        self.import_button = QPushButton("Import releases…")
        self.samples_button = QPushButton("Open the sample releases")
        self.import_button.clicked.connect(on_import)
        self.samples_button.clicked.connect(on_samples)
        for button in (self.import_button, self.samples_button):
            centred = QHBoxLayout()  # as alignment=AlignCenter would, without the Qt namespace
            centred.setContentsMargins(0, 0, 0, 0)
            centred.addStretch()
            centred.addWidget(button)
            centred.addStretch()
            buttons.addLayout(centred)
        layout.addWidget(row)
        layout.addStretch()


class _AfterFirstPaint(QObject):
    """Calls ``then`` once the window's first frame is painted: the first paint event (the
    window's own comes before its children's) sets a zero timer, which fires after the frame."""

    def __init__(self, window: QWidget, then) -> None:
        super().__init__(window)
        self.then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.then)  # dropped if the window is gone by then
        return False


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
        self._operations: Operations | None = None
        self._output: Output | None = None
        self.import_dialog: ImportDialog | None = None
        self.last_outcomes: list[Outcome] = []
        self.setAcceptDrops(True)
        self.watcher: StoreWatcher | None = None
        self._noticed: set[str] = set()  # lists others changed while one's own change was written
        self._deferred: set[str] = set()  # lists to reload once their cell editor closes
        self._own_versions: dict[tuple[str, int], dict[int, int]] = {}  # (kind, id): {before: after}
        self._panes_seen: dict[str, tuple] = {}  # each pane's record as the last notice read it
        self._finished = False
        self.tabs = QTabWidget()
        self.pages: dict[str, Tab] = {}
        for kind, _, title in TABS:
            self.pages[kind] = Tab(store, kind, self.edit_field, self._wire, self)
            self.tabs.addTab(self.pages[kind], title.replace("&", ""))
        self._empty: EmptyState | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self.filter = QLineEdit(placeholderText="Find releases, compounds and contacts (Ctrl+F)", clearButtonEnabled=True)
        self.filter.setMaximumWidth(420)
        self._filter_timer = QTimer(self, singleShot=True, interval=200)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(lambda _: self._filter_timer.start())
        clear = QAction(self.filter, text="Clear the filter")
        clear.setShortcuts([QKeySequence("Esc")])  # not shortcut=: its overloads make the Qt namespace
        clear.setProperty("shortcutContext", WIDGET_SHORTCUT)  # as a number, likewise
        clear.triggered.connect(self.filter.clear)
        self.filter.addActions([clear])  # addAction's overloads try (icon, position) too: QIcon loads
        self.counts = QLabel()
        self.report = QLabel()
        self.report.linkActivated.connect(self._report_link)
        self.report.hide()
        self.statusBar().addPermanentWidget(self.report)
        self.statusBar().addPermanentWidget(self.counts)
        self._make_actions()
        self._restore_state()
        # The first frame: the list shown (read once, sorted as restored) or the empty state.
        # The other tabs, the counts and the watcher follow the first paint (``_finish``).
        self.tabs.currentChanged.connect(lambda index: self.tabs.widget(index).build())  # a tab is built before it shows
        self.tabs.currentChanged.connect(lambda _: self._update_actions())
        if self._has_any():
            shown = self.current_tab()
            if not shown.preview(rows=self.height() // (self.fontMetrics().height() + 8) + 1):
                shown.build()
        else:
            self.stack.setCurrentWidget(self.empty)
        self._show_store()
        self._update_actions()
        _AfterFirstPaint(self, self._finish)

    def _finish(self) -> None:
        """Right after the first paint: what the first frame did not show. Each part is also
        made when first used (a tab when asked for or shown), so nothing waits for this."""
        if self._finished:
            return
        self._finished = True
        for tab in self.pages.values():
            tab.build()
        self._show_counts()
        self._update_actions()
        if self.watcher is None:  # a store switched to before this started its own
            self._watch()

    def _wire(self, tab: Tab) -> None:
        """A tab just built: its signals (its remembered splitter and columns are the tab's)."""
        tab.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._row_chosen(tab, current))
        tab.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        tab.detail.navigate.connect(self.navigate)
        tab.delegate.closeEditor.connect(lambda *_: QTimer.singleShot(0, self._reload_deferred))

    def _has_any(self) -> bool:
        """Whether there is anything to list (or a filter typed): else the empty state shows."""
        releases = self.pages["releases"]
        if self.filter.text().strip():
            return True
        # Not a count: a store's first page says as much, and the first frame's list reads it anyway.
        return releases.model.rowCount() > 0 if releases.made else bool(self.store.page("releases", limit=1))

    @property
    def empty(self) -> EmptyState:
        """What an empty store shows instead of the tabs: made when first needed."""
        if self._empty is None:
            self._empty = EmptyState(self.import_files, self.open_samples)
            self.stack.addWidget(self._empty)
        return self._empty

    @property
    def operations(self) -> Operations:
        """Every change to the store runs through these (made with the first)."""
        if self._operations is None:
            from .operations import Operations

            self._operations = Operations(self.store, self)
            self._operations.finished.connect(lambda _: self._others_changed(set()))
        return self._operations

    @property
    def output(self) -> Output:
        """Contact sheets and exports (made with the first)."""
        if self._output is None:
            from .output import Output

            self._output = Output(self)
            self._output.saved.connect(self.saved)
        return self._output

    # Actions and menus
    def _action(self, text: str, slot, shortcut=None, menu=None, tip: str | None = None) -> QAction:
        # The text as a keyword: QAction(text, parent) made PySide try the (icon, text) overload
        # first, which loads QIcon and its enums (1.4 ms before the first paint).
        action = QAction(self, text=text)
        action.triggered.connect(slot)
        if shortcut is not None:
            if not isinstance(shortcut, list):
                # A sequence as it is: copying one, PySide tries QKeySequence(QKeyCombination)
                # first, which makes the Qt namespace.
                shortcut = [shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut)]
            action.setShortcuts(shortcut)
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
        self._store_actions(file)
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
        self.data_folder_action = self._action("Open the &data folder", self.open_data_folder, None, help_menu)
        tools = QToolBar("Navigation", self)
        tools.setObjectName("navigation")
        tools.addActions([self.back_action, self.forward_action])
        tools.addSeparator()
        tools.addWidget(self.filter)
        self.addToolBar(tools)
        self.undo_stack.indexChanged.connect(lambda _: self._update_actions())

    def _update_actions(self) -> None:
        kind = self.current_tab().kind
        selected = len(self.current_tab().selected_ids())  # none in a tab not built yet
        self.delete_action.setEnabled(kind == "releases" and selected > 0)
        self.merge_action.setEnabled(kind in ("compounds", "contacts") and selected == 2)
        self.back_action.setEnabled(self.history_at > 0)
        self.forward_action.setEnabled(self.history_at < len(self.history) - 1)

    def current_tab(self) -> Tab:
        return self.tabs.currentWidget()

    # Showing
    def refresh(self, kinds=KINDS, if_changed: bool = False) -> None:
        """Re-read the lists named (all of them by default) and every detail pane (one
        record each) from the store; each list keeps its selection, current record and
        scroll position. A list with a cell editor open is re-read when the editor closes.
        ``if_changed``: a list whose loaded rows are as the store holds them stays as it is."""
        from .live import editing

        for tab in self.pages.values():
            if not tab.made:
                continue  # it reads the store when it is built
            if tab.kind in kinds:
                if editing(tab.table):
                    self._deferred.add(tab.kind)
                elif not (if_changed and tab.model.unchanged()):
                    self._reload_list(tab)
            self._refresh_pane(tab)
        if self._has_any():
            self.current_tab().build()  # before it shows
            self.stack.setCurrentWidget(self.tabs)
        else:
            self.stack.setCurrentWidget(self.empty)
        self._show_counts()
        self._update_actions()

    def _reload_list(self, tab: Tab) -> None:
        from .live import kept_place

        self._navigating = True  # the selection put back is not the user's choice
        try:
            with kept_place(tab.table):
                tab.model.reload()
        finally:
            self._navigating = False

    def _refresh_pane(self, tab: Tab) -> None:
        """Shown again only when its record differs from what was read the last time here
        (reading a record takes a millisecond or two; laying out its page, up to fifty)."""
        pane = tab.detail
        if pane.shown is None:
            return
        seen = (pane.shown, getattr(self.store, pane.shown[0])(pane.shown[1]))
        if self._panes_seen.get(tab.kind) != seen:
            pane.refresh()
        self._panes_seen[tab.kind] = seen

    def _reload_deferred(self) -> None:
        """A cell editor closed: the lists it held back are re-read now."""
        kinds, self._deferred = self._deferred, set()
        if kinds:
            self.refresh(kinds)

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
            self._panes_seen.pop(tab.kind, None)  # laid out from a record read since
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
        from .operations import Changed

        self.refresh(Changed.of(change).kinds)

    def _push(self, change) -> None:
        from .commands import StoreCommand

        self._note_versions(change)
        self.undo_stack.push(StoreCommand(self.store, change, self.show_change))

    def _apply(self, label: str, work, then=None, clashed=None) -> None:
        """``work(store)`` makes a change on a worker's own store; once it is made the undo
        stack takes it and the lists it touched are reloaded; a refusal is said, and a
        ``Conflict`` goes to ``clashed(clashes)``."""
        from .operations import Op

        def done(result: OpResult) -> None:
            if result.clashes is not None and clashed is not None:
                clashed(result.clashes)
                return
            if result.clashes is not None:
                result.error = str(result.clashes.conflict)
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

    def _step(self, way: str, force: bool = False, expected: StoreCommand | None = None) -> Op | None:
        """Worked out when its turn comes: the step the stack is on then (``expected``: only
        if it is still that one). ``force``: over others' changes, the user having said so."""
        from .commands import StoreCommand
        from .operations import Op

        at = self.undo_stack.index() - 1 if way == "undo" else self.undo_stack.index()
        command = self.undo_stack.command(at) if 0 <= at < self.undo_stack.count() else None
        if not isinstance(command, StoreCommand) or (expected is not None and command is not expected):
            return None
        change = command.change

        def work(store, _progress) -> None:
            (store.revert if way == "undo" else store.reapply)(change, force=force)
            return change

        def done(result: OpResult) -> None:
            if result.clashes is not None:
                self._step_clashed(way, command, result.clashes)
                return
            if result.error is not None:
                self.dialogs.inform(self, "IR Desk", f"Could not {way} “{command.text()}”: {result.error}")
                return
            # The stack follows only once the store did (a locked store leaves both where they were).
            command.store_done = True
            (self.undo_stack.undo if way == "undo" else self.undo_stack.redo)()

        return Op(f"{way.title()} {command.text()}", work, done)

    def edit_field(self, kind: str, row_id: int, column: str, value: str | None) -> None:
        self._edit(kind, row_id, column, value, self.pages[kind].delegate.take(row_id))

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

    # Conflicts: someone else changed the rows since they were shown; the user chooses
    def _edit(self, kind: str, row_id: int, column: str, value: str | None, version: int | None) -> None:
        def clashed(clashes: Clashes) -> None:
            from .conflict_dialog import ConflictDialog

            dialog = ConflictDialog(clashes, "Someone else changed this after you began to edit it. Keep yours "
                                    "(written over theirs), or keep theirs (yours is dropped)?", parent=self)
            if self.dialogs.conflict(dialog):
                # Again, over the version the store holds now (if that too has changed meanwhile, asked again).
                self._edit(kind, row_id, column, value, clashes.conflict.versions.get((kind, row_id)))
            else:
                self.refresh(KINDS)  # the cell shows theirs again

        # The version is followed through one's own changes when the edit's turn comes (the
        # changes before it are done by then): an editor opened on a row whose other cell was
        # just edited (Tab) started from the version before that edit, not from someone else's.
        self._apply(f"Edit {column}", lambda store: store.edit(kind, row_id, column, value,
                                                               self._followed(kind, row_id, version)),
                    clashed=clashed)

    def _note_versions(self, change) -> None:
        """The versions one's own change moved its rows from and to."""
        for table, rows in change.after.items():
            before = {row["_rowid_"]: row.get("version") for row in change.before.get(table, ())}
            for row in rows:
                was, now = before.get(row["_rowid_"]), row.get("version")
                if was is not None and now is not None and was != now:
                    self._own_versions.setdefault((table, row["_rowid_"]), {})[was] = now

    def _followed(self, kind: str, row_id: int, version: int | None) -> int | None:
        moves = self._own_versions.get((kind, row_id), {})
        for _ in range(len(moves)):
            if version not in moves:
                break
            version = moves[version]
        return version

    def _step_clashed(self, way: str, command: StoreCommand, clashes: Clashes) -> None:
        """An undo or redo would write over someone else's change: do it anyway (force), or
        keep theirs. Keeping theirs takes the step off the stack (``setObsolete``: the stack
        drops it rather than undoing it): the store keeps the change, now partly theirs, and
        no later Ctrl+Z can take theirs back unasked. The steps below and above stay; each
        is checked again when its turn comes."""
        from .conflict_dialog import ConflictDialog

        text, anyway = command.text(), f"{way.title()} anyway"
        dialog = ConflictDialog(clashes, f"Someone else changed what “{text}” touched since. {anyway} (theirs is "
                                f"written over), or keep theirs (“{text}” is then no longer on the "
                                f"{way} list)?", mine=anyway, parent=self)
        if self.dialogs.conflict(dialog):
            self.operations.run(lambda: self._step(way, force=True, expected=command), first=True)
            return
        command.setObsolete(True)
        (self.undo_stack.undo if way == "undo" else self.undo_stack.redo)()
        self.refresh(KINDS)
        self.statusBar().showMessage(f"Kept their change; “{text}” can no longer be "
                                     f"{'undone' if way == 'undo' else 'redone'}.", 10000)

    # Importing: drops, File → Import…, the samples and files named at start all come here
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from PySide6.QtCore import Qt

        from .dropping import accepts

        if accepts(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)  # never Move: the user's files stay theirs
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        from PySide6.QtCore import Qt

        from .dropping import paths_from_mime

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
        from .dropping import Dropped

        patterns = " ".join(f"*{ext}" for ext in sorted(EXTENSIONS))
        files = self.dialogs.open_files(self, "Import releases", f"Releases ({patterns});;All files (*)")
        if files:
            self.take(Dropped(paths=files))

    def open_samples(self) -> None:
        from .dropping import Dropped

        self.take(Dropped(paths=[str(SAMPLES)]))

    def import_paths(self, paths: list[str]) -> None:
        from .dropping import Dropped

        self.take(Dropped(paths=list(paths)))

    def start_import(self, items) -> None:
        """Read in the background in the import dialog; commit what the user keeps."""
        if self.import_dialog is not None or self._committing:
            self.dialogs.inform(self, "IR Desk", "An import is already running; drop again when it is done.")
            return
        from PySide6.QtCore import Qt

        from .import_dialog import ImportDialog  # loaded with the first import, not at start

        review = bool(settings().value("import/review", True, bool))
        dialog = ImportDialog(self.store, items, review, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        if not review:
            dialog.read_done.connect(dialog.accept)
        dialog.accepted.connect(lambda: self._commit(dialog))
        dialog.rejected.connect(lambda: self._dialog_closed(dialog, "Import cancelled; nothing was stored."))
        self.import_dialog = dialog
        dialog.open()
        dialog.start()

    def _dialog_closed(self, dialog: ImportDialog, message: str) -> None:
        s, review = settings(), dialog.review_box.isChecked()
        if s.value("import/review", True, bool) != review:  # a write costs a save of the file
            s.setValue("import/review", review)
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

        from .operations import Op

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
        from .stores import log_path

        from PySide6.QtCore import QUrl

        log = log_path(self.store)
        self.report.setText(f"Import failed — <a href='{QUrl.fromLocalFile(str(log)).toString()}'>the log</a> "
                            "has the details")
        self.report.show()
        self.dialogs.inform(self, "Import failed", f"{error}\n\nThe details are in {log}.")

    def back_up_daily(self) -> Task | None:
        """Today's copy of the store, taken in the background (a large store takes seconds).
        None for a team store: its copies are its server's business."""
        from ..store.sqlite.backups import daily_backup

        from .tasks import Task

        path = self.store.path
        if path is None:
            return None
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

    # Live: what others change shows here within a second
    def _watch(self) -> None:
        from .live import StoreWatcher

        watcher = StoreWatcher(self.store, self)
        # Signals still queued from a watcher stopped since (store switched) are dropped.
        watcher.changed.connect(lambda tables: self._others_changed(tables) if watcher is self.watcher else None)
        self._noticed.clear()
        watcher.lost.connect(lambda why: self.statusBar().showMessage(
            f"Lost touch with the store ({why}); trying again. Others' changes show once it is back."))
        watcher.back.connect(lambda: self.statusBar().showMessage("In touch with the store again.", 8000))
        self.watcher = watcher
        watcher.start()

    def _stop_watching(self) -> None:
        if self.watcher is not None:
            watcher, self.watcher = self.watcher, None
            watcher.stop()
            watcher.deleteLater()

    def _others_changed(self, tables: set[str]) -> None:
        """Others' changes, and one's own echoed back (a file's watcher cannot tell them apart).
        While one's own change is being written they wait for it: its cell shows the new value
        already, which the store does not hold yet."""
        from .live import lists_of, store_open

        self._noticed |= lists_of(tables) & set(KINDS)
        if self.operations.busy or not store_open(self.store):
            return
        kinds, self._noticed = self._noticed, set()
        if kinds:
            self.refresh(kinds, if_changed=True)

    # Which store: one's own file, another file, or a team's PostgreSQL store
    def _store_actions(self, menu) -> None:
        self.team_action = self._action("Connect to a &team store…", self.connect_team_store, None, menu,
                                        "Open a PostgreSQL store the whole team shares")
        self._action("Open a store &file…", self.open_store_file, None, menu, "Open another IR Desk store file")
        self.own_store_action = self._action("Use my &own store", self.use_own_store, None, menu,
                                             "Back to the store on this computer")

    def _show_store(self) -> None:
        store = self.store
        team = " (team store)" if store.team and "team store" not in store.name else ""
        self.setWindowTitle(f"IR Desk — {store.name}{team}")
        self.data_folder_action.setEnabled(store.path is not None)
        self.own_store_action.setEnabled(store.path is None or not is_own(store.path))

    def _can_switch(self) -> bool:
        if self.operations.busy or self.import_dialog is not None:
            self.dialogs.inform(self, "IR Desk", "A change or an import is under way; switch stores when it is done.")
            return False
        return True

    def connect_team_store(self) -> None:
        from .stores import remembered_location

        from ..store import is_team_store
        from .team_dialog import TeamStoreDialog

        if not self._can_switch():
            return
        last = remembered_location()
        dialog = TeamStoreDialog(last if last and is_team_store(last) else None, self)
        dialog.connected.connect(lambda store: self.switch_store(store, dialog.location()))
        self.dialogs.team_store(dialog)

    def open_store_file(self) -> None:
        path = self._can_switch() and self.dialogs.open_store_file(self)
        if path:
            self._open_store(path)

    def use_own_store(self) -> None:
        if self._can_switch():
            self._open_store(None)

    def _open_store(self, location: str | None) -> None:
        """Opened off the GUI thread (a file may need upgrading first); a failure is said."""
        from .stores import opening

        def done(opened) -> None:
            try:
                store = opened.take()
            except StoreError as exc:
                self.statusBar().clearMessage()
                self.dialogs.inform(self, "IR Desk", str(exc))
                return
            self.switch_store(store, location)

        task = opening(location)
        task.signals.finished.connect(done)
        task.signals.failed.connect(lambda error: self.dialogs.inform(self, "IR Desk", error.strip().splitlines()[-1]))
        self._opening = task  # kept until done
        self.statusBar().showMessage("Opening the store…")
        task.start()

    def switch_store(self, store: Store, location: str | None) -> None:
        """Show ``store`` from now on (and at the next start: ``location``, None for one's own;
        never a password). Undo and Back start afresh: they were the other store's."""
        from .stores import remember

        self._stop_watching()
        old, self.store = self.store, store
        if self._operations is not None:
            self._operations.store = store
        self.undo_stack.clear()
        self.history.clear()
        self.history_at = -1
        self._deferred.clear()
        self._own_versions.clear()
        self._panes_seen.clear()
        self._navigating = True
        for tab in self.pages.values():
            tab.use(store)
            if not tab.made:
                continue
            tab.delegate.versions.clear()
            tab.table.clearSelection()
            tab.table.setCurrentIndex(QModelIndex())
            tab.table.scrollToTop()
            tab.detail.show_nothing()
        self._navigating = False
        self.refresh()
        self._show_store()
        self._watch()
        remember(location)
        if old is not store:
            old.close()
        self.statusBar().showMessage(f"Opened {store.location}", 8000)

    # Help
    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, "About IR Desk", self.about_text())

    def about_text(self) -> str:
        which = "Team store (PostgreSQL)" if self.store.team else "Store"
        return (f"<h3>IR Desk {__version__}</h3><p>Press releases turned into records: releases, "
                f"compounds, presentations and contacts.</p><p>{which}: {escape(self.store.location)}</p>")

    def open_data_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        if self.store.path is not None:  # a team store has no folder (the action is disabled)
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
        self.tabs.setCurrentIndex(int(s.value("window/tab", 0)))

    def save_state(self) -> None:
        s = settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/tab", self.tabs.currentIndex())
        if self._output is not None:
            self._output.save_state(s)
        for kind, tab in self.pages.items():
            if not tab.built:
                continue  # never shown: what was remembered stays
            s.setValue(f"{kind}/splitter", tab.saveState())
            s.setValue(f"{kind}/header", tab.table.horizontalHeader().saveState())
            column, descending = tab.model.sort_state
            s.setValue(f"{kind}/sort", f"{column} {int(descending)}")  # read before the first paint
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.import_dialog is not None:
            self.import_dialog.reject()
        if self._operations is not None:
            self._operations.cancel()  # an import stops between files; the pool finishes it before the app exits
        self._stop_watching()
        self.save_state()
        super().closeEvent(event)
