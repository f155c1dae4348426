"""The import dialog: every item with its state and a preview of what was read; the user
unticks what they do not want, then Import commits (Cancel stores nothing)."""

from __future__ import annotations

import json
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QHeaderView, QLabel,
                               QProgressBar, QSplitter, QTableView, QTextBrowser, QVBoxLayout)

from .tasks import Task

if TYPE_CHECKING:
    from ..importer import Item, Read

COLUMNS = ["", "Item", "State", "Date", "Company", "Headline", "Pres.", "Comp.", "Cont."]


class ImportDialog(QDialog):
    """Reads in the background as soon as it opens; ``chosen()`` gives the reads to commit."""

    read_done = Signal()

    def __init__(self, store_path, items: list[Item], review: bool, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import releases")
        self.resize(1000, 560)
        self.items = items
        self.reads: list[Read | None] = [None] * len(items)
        self.model = QStandardItemModel(len(items), len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(COLUMNS)
        for n, item in enumerate(items):
            check = QStandardItem()
            check.setCheckable(True)
            check.setCheckState(Qt.CheckState.Checked)
            check.setEditable(False)
            self.model.setItem(n, 0, check)
            self._set(n, 1, item.path.name if item.path is not None else item.label)
            self.model.item(n, 1).setToolTip(f"<p>{escape(item.label)}</p>")  # rich text, escaped: shown as written
            self._set(n, 2, "queued")
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((28, 220, 190, 85, 150, 360, 45, 45, 45)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._preview(current.row()))
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setHtml("<p style='color: gray'>Click an item to see everything read from it.</p>")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
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
        layout = QVBoxLayout(self)
        for widget in (split, self.progress, self.summary, self.review_box, self.buttons):
            layout.addWidget(widget)

        from ..importer import read_items
        from ..store import Store

        def work(progress):
            with Store(store_path) as store:  # the worker's own connection
                return read_items(store, items, progress, lambda n, read: signals.partial.emit((n, read)))

        self._done = 0
        self._tick = QTimer(self, singleShot=True, interval=100)
        self._tick.timeout.connect(self._show_progress)
        self.task = Task(work)
        signals = self.task.signals
        signals.partial.connect(lambda piece: self._show(*piece))
        signals.progress.connect(self._progress)
        self.task.signals.finished.connect(self._finished)
        self.task.signals.failed.connect(lambda error: self.summary.setText(f"Reading failed: {error.splitlines()[-1]}"))

    def start(self) -> None:
        self.task.start()

    def _set(self, row: int, column: int, text) -> None:
        cell = QStandardItem("" if text is None else str(text))
        cell.setEditable(False)
        if isinstance(text, int):
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.model.setItem(row, column, cell)

    def _progress(self, done: int, total: int, _text: str) -> None:
        # QProgressBar repaints on every value; a few times a second is plenty.
        self._done = done
        if not self._tick.isActive():
            self._tick.start()
        if done < total and self.reads[done] is None:
            self._set(done, 2, "reading")

    def _show_progress(self) -> None:
        self.progress.setValue(self._done)

    def _show(self, n: int, read: Read) -> None:
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
        if self.table.currentIndex().row() == n:
            self._preview(n)

    def _finished(self, reads: list[Read]) -> None:
        for n, read in enumerate(reads):
            if self.reads[n] is None:
                self._show(n, read)
        self.progress.setValue(len(self.items))
        counts = [r.state.split(":")[0].split(" of ")[0] for r in reads]
        new, dup, failed = counts.count("new"), sum(1 for c in counts if c.startswith(("duplicate", "same"))), \
            counts.count("failed")
        self.summary.setText(f"{len(reads)} read: {new} new, {dup} already stored, {failed} failed. "
                             "Untick what you do not want, then Import.")
        self.import_button.setEnabled(any(r.parsed for r in reads))
        self.read_done.emit()

    def _preview(self, row: int) -> None:
        read = self.reads[row] if 0 <= row < len(self.reads) else None
        if read is None:
            return
        if read.parsed is None:
            self.preview.setHtml(f"<p><b>{escape(read.item.label)}</b></p><p>{escape(read.state)}</p>")
            return
        data = read.parsed.to_json()
        self.preview.setHtml(f"<p><b>{escape(read.item.label)}</b> — {escape(read.state)}</p>"
                             f"<pre>{escape(json.dumps(data, indent=2, ensure_ascii=False))}</pre>")

    def chosen(self) -> list[Read]:
        return [read for n, read in enumerate(self.reads)
                if read is not None and read.parsed is not None
                and self.model.item(n, 0).checkState() == Qt.CheckState.Checked]

    def reject(self) -> None:
        self.task.cancel()  # stops between files; nothing was stored
        super().reject()
