"""File → Print contact sheet…: whom (the chosen people, those matching the filter, or
everyone linked to the selected release or compound), how (table or cards, grouped), and
where (preview, printer, PDF) — all from one renderer."""

from __future__ import annotations

from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit,
                               QPushButton, QRadioButton, QVBoxLayout, QWidget)

from ..sheets import SheetOptions, build


class ContactSheetDialog(QDialog):
    """``scopes``: (label, title, keyword arguments for ``Store.contacts_for``), first is default."""

    def __init__(self, window, scopes: list[tuple[str, str, dict]]) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle("Print contact sheet")
        self.scopes = scopes
        self.group = QButtonGroup(self)
        choices = QWidget()
        column = QVBoxLayout(choices)
        column.setContentsMargins(0, 0, 0, 0)
        for n, (label, _, _) in enumerate(scopes):
            button = QRadioButton(label)
            self.group.addButton(button, n)
            column.addWidget(button)
        self.group.button(0).setChecked(True)
        self.title = QLineEdit()
        self.group.idToggled.connect(lambda n, on: on and self._set_title(self.scopes[n][1]))
        self._set_title(scopes[0][1])
        self.layout_box = QComboBox()
        self.layout_box.addItems(["Table", "Cards"])
        self.grouping = QComboBox()
        self.grouping.addItems(["Organization", "Audience", "No grouping"])
        form = QFormLayout()
        form.addRow("Who", choices)
        form.addRow("Title", self.title)
        form.addRow("Layout", self.layout_box)
        form.addRow("Group by", self.grouping)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = QPushButton("Pre&view…")
        self.print_button = QPushButton("&Print…")
        self.pdf_button = QPushButton("Save as P&DF…")
        self.setup_button = QPushButton("Page &setup…")
        for button in (self.setup_button, self.preview_button, self.pdf_button, self.print_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        output = window.output
        self.preview_button.clicked.connect(lambda: output.preview_sheet(self.sheet()))
        self.print_button.clicked.connect(lambda: output.print_sheet(self.sheet()))
        self.pdf_button.clicked.connect(lambda: output.save_sheet_pdf(self.sheet()))
        self.setup_button.clicked.connect(output.page_setup)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _set_title(self, text: str) -> None:
        self.title.setText(text)
        self.title.setCursorPosition(0)  # a long title shows its start, not its end

    def options(self) -> SheetOptions:
        group = {0: "organization", 1: "audience", 2: None}[self.grouping.currentIndex()]
        return SheetOptions(self.title.text().strip() or "Contact sheet",
                            "table" if self.layout_box.currentIndex() == 0 else "cards", group)

    def people(self) -> list[dict]:
        return self.window_.store.contacts_for(**self.scopes[self.group.checkedId()][2])

    def sheet(self):
        people = self.people()
        reach = self.window_.store.contact_reach([p["id"] for p in people])
        return build(people, reach, self.options())
