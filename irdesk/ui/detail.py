"""A detail pane: one record as HTML; its links ask the window to show another record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QTextBrowser

from ..store import Store
from . import html

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

KINDS = ("release", "compound", "contact", "presentation")


def parse_link(url: QUrl) -> tuple[str, int] | None:
    """``irdesk://compound/42`` -> ("compound", 42); anything else -> None."""
    if url.scheme() != "irdesk" or url.host() not in KINDS:
        return None
    try:
        return url.host(), int(url.path().strip("/"))
    except ValueError:
        return None


def quiet(browser: QTextBrowser) -> None:
    """Labels and hints in the browser's own palette (see ``html.meta_style``)."""
    palette = browser.palette()
    browser.document().setDefaultStyleSheet(html.meta_style(palette.text().color().name(),
                                                            palette.base().color().name()))


class DetailPane(QTextBrowser):
    navigate = Signal(str, int)

    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.shown: tuple[str, int] | None = None
        self.setOpenLinks(False)
        # Styled and given its hint when first shown or filled, not as it is made: the panes
        # of the tabs not shown (all three, while the store is empty) wait until they are
        # (the first one styled loads the palette and the text engine's style sheets).
        self._styled = False
        self.anchorClicked.connect(self._clicked)

    def _clicked(self, url: QUrl) -> None:
        target = parse_link(url)
        if target:
            self.navigate.emit(*target)

    def _style(self) -> None:
        if not self._styled:
            self._styled = True
            quiet(self)

    def showEvent(self, event) -> None:
        if not self._styled:
            self.show_nothing()
        super().showEvent(event)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._styled:  # a theme switched while running
            quiet(self)
            self.refresh()

    def show_nothing(self, hint: str = "Select a row to see it here.") -> None:
        self._style()
        self.shown = None
        self.setHtml(f"{html.STYLE}<p class='meta'>{hint}</p>")

    def show_record(self, kind: str, row_id: int) -> None:
        self._style()
        data = getattr(self.store, kind)(row_id)
        self.shown = (kind, row_id)
        if not data:
            self.setHtml(html.missing(kind))
        elif kind == "release":
            # Highlights follow the system's light or dark scheme.
            self.setHtml(html.release(data, dark=self.palette().base().color().lightness() < 128))
        else:
            self.setHtml(getattr(html, kind)(data))

    def refresh(self) -> None:
        if self.shown:
            scroll = self.verticalScrollBar().value()
            self.show_record(*self.shown)
            self.verticalScrollBar().setValue(scroll)
