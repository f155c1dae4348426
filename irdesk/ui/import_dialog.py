"""The import dialog: every item with its state; the chosen item shown as the detail pane
shows a release, beside a small editor where the user corrects its fields and leaves out
wrong entities. The user unticks what they do not want, then Import commits what is kept,
as corrected (Cancel stores nothing)."""

from __future__ import annotations

import dataclasses
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHeaderView,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QProgressBar, QSplitter, QTableView,
                               QTextBrowser, QVBoxLayout, QWidget)

from ..review import ENTITIES, FIELDS, Review, label
from . import html
from .detail import quiet
from .screen import fit
from .tasks import Task

if TYPE_CHECKING:
    from ..importer import Item, Read

COLUMNS = ["", "Item", "State", "Date", "Company", "Headline", "Pres.", "Comp.", "Cont."]
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter  # counts


class ImportDialog(QDialog):
    """Reads in the background as soon as it opens; ``chosen()`` gives the reads to commit."""

    read_done = Signal()

    def __init__(self, store_path, items: list[Item], review: bool, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import releases")
        self.items = items
        self.reads: list[Read | None] = [None] * len(items)
        self.model = QStandardItemModel(len(items), len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(COLUMNS)
        # Cells are made by the model from this prototype (setData), never in Python: a
        # QStandardItem made in Python keeps a wrapper for its whole life, and thousands of
        # them made the table slow to fill and the dialog slow to close.
        cell = QStandardItem()
        cell.setEditable(False)
        self.model.setItemPrototype(cell)
        checkable = cell.flags() | Qt.ItemFlag.ItemIsUserCheckable
        for n, item in enumerate(items):
            self.model.setData(self.model.index(n, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
            self.model.item(n, 0).setFlags(checkable)
            self._set(n, 1, item.path.name if item.path is not None else item.label)
            # rich text, escaped: shown as written
            self.model.setData(self.model.index(n, 1), f"<p>{escape(item.label)}</p>", Qt.ItemDataRole.ToolTipRole)
            self._set(n, 2, "queued")
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((28, 200, 170, 85, 150, 330, 45, 45, 45)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._preview(current.row()))
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        quiet(self.preview)
        self.preview.setHtml("<p style='color: gray'>Click an item to see everything read from it.</p>")
        self.reviews: dict[int, Review] = {}  # the user's corrections, by row
        self._invalid: dict[tuple[int, str], tuple[str, str]] = {}  # typed wrong (text, why): Import waits
        self._read_all = False
        self._read_summary = ""
        self._row = -1  # the item the editor shows
        self._shown = -1  # the item the preview shows
        self._build_editor()
        self.model.itemChanged.connect(lambda cell: cell.column() == 0 and self._allow_import())  # an item unticked
        self._refresh = QTimer(self, singleShot=True, interval=250)  # typing re-renders once it pauses
        self._refresh.timeout.connect(lambda: self._preview(self._row))
        below = QSplitter(Qt.Orientation.Horizontal)
        below.addWidget(self.preview)
        below.addWidget(self.editor)
        below.setStretchFactor(0, 3)
        below.setStretchFactor(1, 1)
        below.setSizes([760, 320])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(below)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([220, 400])
        self.progress = QProgressBar()
        self.progress.setRange(0, len(items))
        self.summary = QLabel("Reading…")
        self.review_box = QCheckBox("Review imports before storing them (untick to import dropped files at once)")
        self.review_box.setChecked(review)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.summary.setWordWrap(True)  # a long summary wraps; it does not widen the dialog
        self.review_box.setText("Review imports before storing them")
        self.review_box.setToolTip("Untick to import dropped files at once")
        for part in (self.table, self.preview, self.editor):
            part.setMinimumHeight(60)  # a small screen shrinks the panes, not the buttons off it
        layout = QVBoxLayout(self)
        for widget in (split, self.progress, self.summary, self.review_box, self.buttons):
            layout.addWidget(widget)
        fit(self, 1140, 720, parent)

        from ..importer import read_items
        from ..workers import default_workers

        def work(progress):
            with store_path.reopen() as store:  # the worker's own connection (store_path: the window's Store)
                return read_items(store, items, progress, lambda n, read: self.task.send((n, read)),
                                  workers=default_workers())

        self.task = Task(work)
        signals = self.task.signals
        signals.partial.connect(self._show_pieces)
        signals.progress.connect(self._progress)
        self.task.signals.finished.connect(self._finished)
        self.task.signals.failed.connect(lambda error: self.summary.setText(f"Reading failed: {error.splitlines()[-1]}"))

    def start(self) -> None:
        self.task.start()

    def keyPressEvent(self, event) -> None:
        # Enter in a field being corrected shows the correction; it does not import (yet).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focusWidget() in self.edits.values():
            self._refresh.stop()
            self._preview(self._row)
            event.accept()
            return
        super().keyPressEvent(event)

    def _set(self, row: int, column: int, text) -> None:
        index = self.model.index(row, column)
        self.model.setData(index, "" if text is None else str(text))
        if isinstance(text, int):
            self.model.setData(index, RIGHT, Qt.ItemDataRole.TextAlignmentRole)

    def _ticked(self, row: int) -> bool:
        state = self.model.index(row, 0).data(Qt.ItemDataRole.CheckStateRole)  # an int once the view set it
        return state is not None and Qt.CheckState(state) == Qt.CheckState.Checked

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setValue(done)  # a few times a second (the task collects it)
        if done < total and self.reads[done] is None:
            self._set(done, 2, "reading")

    def _show_pieces(self, pieces: list[tuple[int, Read]]) -> None:
        """What the reader read since the last time: the rows are filled with the model's
        signals held, then the view is told once (not once per cell)."""
        self.model.blockSignals(True)
        try:
            for n, read in pieces:
                self._fill(n, read)
        finally:
            self.model.blockSignals(False)
        rows = [n for n, _ in pieces]
        self.model.dataChanged.emit(self.model.index(min(rows), 0), self.model.index(max(rows), len(COLUMNS) - 1))
        current = self.table.currentIndex().row()
        if current in rows:
            self._show_in_editor(current)
            self._preview(current)
        self._allow_import()  # as an item unticked (a duplicate) would

    def _show(self, n: int, read: Read) -> None:
        self._fill(n, read)
        if self.table.currentIndex().row() == n:
            self._show_in_editor(n)
            self._preview(n)

    def _fill(self, n: int, read: Read) -> None:
        self.reads[n] = read
        self._set(n, 2, read.state)
        if read.parsed:
            rel = read.parsed.release
            for column, value in ((3, rel.date), (4, rel.company), (5, rel.headline),
                                  (6, len(read.parsed.presentations)), (7, len(read.parsed.compounds)),
                                  (8, len(read.parsed.contacts))):
                self._set(n, column, value)
        if read.error or read.same_as is not None:
            self.model.item(n, 0).setCheckState(Qt.CheckState.Unchecked)
            self.model.item(n, 0).setCheckable(read.error is None)

    def _finished(self, reads: list[Read]) -> None:
        for n, read in enumerate(reads):
            if self.reads[n] is None:
                self._show(n, read)
        self.progress.setValue(len(self.items))
        from ..importer import read_summary

        self._read_summary = (f"{read_summary(reads)}. "
                              "Untick what you do not want, correct what was read wrongly, then Import.")
        self._read_all = True
        self._allow_import()
        # Enter imports: the button becomes the default again once it can be pressed (a
        # disabled button gives its default role to the next one, Cancel).
        self.import_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.read_done.emit()

    def _build_editor(self) -> None:
        self.editor = QWidget()
        form = QFormLayout(self.editor)
        form.setContentsMargins(6, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(QLabel("<b>Correct before importing</b>"))
        self.edits: dict[str, QLineEdit] = {}
        for name, text in FIELDS.items():
            edit = QLineEdit()
            edit.setClearButtonEnabled(True)
            edit.textEdited.connect(lambda value, name=name: self._field_edited(name, value))
            self.edits[name] = edit
            form.addRow(f"{text}:", edit)
        date = self.edits["date"]
        date.setPlaceholderText("YYYY-MM-DD")
        date.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}(-\d{0,2}(-\d{0,2})?)?"), date))
        self.entities = QListWidget()
        self.entities.setToolTip("<p>Untick what was read wrongly (a heading taken for a contact, a wrong "
                                 "compound): it is left out of the import.</p>")
        self.entities.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entities.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole name is its tooltip
        self.entities.itemChanged.connect(self._entity_toggled)
        form.addRow(QLabel("Keep (untick what was read wrongly):"))
        form.addRow(self.entities)
        self.editor.setEnabled(False)

    def _show_in_editor(self, row: int) -> None:
        read = self.reads[row] if 0 <= row < len(self.reads) else None
        parsed = read.parsed if read is not None else None
        self._row = row
        self.editor.setEnabled(parsed is not None)
        review = self.reviews.get(row, Review())
        for name, edit in self.edits.items():
            value = review.fields[name] if name in review.fields else getattr(parsed.release, name) if parsed else None
            edit.setText(self._invalid[(row, name)][0] if (row, name) in self._invalid else value or "")
            edit.setCursorPosition(0)
            self._mark(name)
        self.entities.blockSignals(True)
        self.entities.clear()
        for kind in ENTITIES if parsed else ():
            for n, entity in enumerate(getattr(parsed, kind)):
                item = QListWidgetItem(f"{kind[:-1].capitalize()}: {label(kind, entity)}")
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked if (kind, n) in review.dropped else Qt.CheckState.Checked)
                item.setData(Qt.ItemDataRole.UserRole, (kind, n))
                item.setToolTip(f"<p>{escape(item.text())}</p>")
                self.entities.addItem(item)
        self.entities.blockSignals(False)

    def _review(self) -> Review:
        return self.reviews.setdefault(self._row, Review())

    def _field_edited(self, name: str, value: str) -> None:
        try:
            self._review().set_field(self.reads[self._row].parsed, name, value)
        except ValueError as exc:  # not applied; Import waits until it is right
            self._invalid[(self._row, name)] = (value, str(exc))
        else:
            self._invalid.pop((self._row, name), None)
            self._fill_row(self._row)
            self._refresh.start()
        self._mark(name)
        self._allow_import()

    def _mark(self, name: str) -> None:
        """A field typed wrong is framed in red and says why."""
        wrong = self._invalid.get((self._row, name))
        edit = self.edits[name]
        edit.setStyleSheet("QLineEdit { border: 2px solid #d03030; }" if wrong else "")
        edit.setToolTip(f"<p>{escape(wrong[1])}</p>" if wrong else "")

    def _allow_import(self) -> None:
        wrong = sorted(key for key in self._invalid if self._ticked(key[0]))
        self.import_button.setEnabled(self._read_all and not wrong and any(r and r.parsed for r in self.reads))
        if wrong:
            row, name = wrong[0]
            self.summary.setText(f"Item {row + 1}, {FIELDS[name].lower()}: {self._invalid[wrong[0]][1]}. "
                                 "Correct it to import.")
        elif self._read_all:
            self.summary.setText(self._read_summary)

    def _entity_toggled(self, item: QListWidgetItem) -> None:
        kind, n = item.data(Qt.ItemDataRole.UserRole)
        self._review().keep(kind, n, item.checkState() == Qt.CheckState.Checked)
        self._fill_row(self._row)
        self._preview(self._row)

    def _corrected(self, row: int):
        """The item's release as the user corrected it, and the corrections."""
        read = self.reads[row]
        review = self.reviews.get(row)
        return review.apply(read.parsed) if review else (read.parsed, [])

    def _fill_row(self, row: int) -> None:
        parsed, corrections = self._corrected(row)
        rel = parsed.release
        for column, value in ((3, rel.date), (4, rel.company), (5, rel.headline), (6, len(parsed.presentations)),
                              (7, len(parsed.compounds)), (8, len(parsed.contacts))):
            self._set(row, column, value)
        if corrections:
            self.model.item(row, 2).setText(f"{self.reads[row].state} (corrected)")
        else:
            self.model.item(row, 2).setText(self.reads[row].state)

    def _preview(self, row: int) -> None:
        read = self.reads[row] if 0 <= row < len(self.reads) else None
        if row != self._row:
            self._show_in_editor(row)
        if read is None:
            return
        if read.parsed is None:
            self.preview.setHtml(f"<p><b>{escape(read.item.label)}</b></p><p>{escape(read.state)}</p>")
            return
        parsed, corrections = self._corrected(row)
        dark = self.preview.palette().base().color().lightness() < 128
        scroll = self.preview.verticalScrollBar().value() if row == self._shown else 0
        self.preview.setHtml(f"{html.STYLE}<p class='meta'>{escape(read.state)}</p>"
                             + html.parsed_release(parsed, read.item.label, corrections, dark))
        self.preview.verticalScrollBar().setValue(scroll)
        self._shown = row

    def _unticked(self) -> set[int]:
        """The rows not ticked, found by the model in one pass (the few, not the thousands)."""
        if not self.items:
            return set()
        found = self.model.match(self.model.index(0, 0), Qt.ItemDataRole.CheckStateRole, Qt.CheckState.Unchecked,
                                 -1, Qt.MatchFlag.MatchExactly)
        return {index.row() for index in found}

    def chosen(self) -> list[Read]:
        """The reads to commit, each as the user corrected it (with its corrections)."""
        out = []
        unticked = self._unticked()
        for n, read in enumerate(self.reads):
            if read is None or read.parsed is None or n in unticked:
                continue
            parsed, corrections = self._corrected(n)
            out.append(dataclasses.replace(read, parsed=parsed, corrections=[tuple(c) for c in corrections])
                       if corrections else read)
        return out

    def not_chosen(self) -> list[Read]:
        """The reads the user left unticked (a failed one is reported as failed)."""
        unticked = self._unticked()
        return [read for n, read in enumerate(self.reads) if read is not None and read.parsed is not None
                and n in unticked]

    def reject(self) -> None:
        self.task.cancel()  # stops between files; nothing was stored
        self._let_go_of_the_reader()
        super().reject()

    def accept(self) -> None:
        self._let_go_of_the_reader()
        super().accept()

    def _let_go_of_the_reader(self) -> None:
        """The reader may still send what it read last; once closed, this dialog (deleted
        soon) must not receive it."""
        signals = self.task.signals
        for signal in (signals.partial, signals.progress, signals.finished, signals.failed):
            try:
                signal.disconnect()
            except (RuntimeError, TypeError):
                pass  # nothing was connected
