"""Printing a contact sheet: one renderer for the preview, the printer and the PDF, so all
three match. Blocks are measured first, then placed on pages so that nobody is split
across two; each page has the sheet's title and date, and "Page n of N" at its foot."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSaveFile
from PySide6.QtGui import (QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter,
                           QTextDocument)

from ..sheets import STYLE, Sheet, header_html

GAP = 0.04  # of an inch, between blocks


@dataclass
class Placed:
    doc: QTextDocument
    x: float
    y: float


class SheetRenderer:
    def __init__(self, sheet: Sheet, columns: int = 2) -> None:
        self.sheet = sheet
        self.card_columns = columns if not sheet.columns else 1

    def _doc(self, html: str, width: float, device: QPagedPaintDevice, size: float = 9) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        doc.setDefaultStyleSheet(STYLE)
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size)
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setHtml(html)
        doc.setTextWidth(width)
        return doc

    def paginate(self, device: QPagedPaintDevice) -> tuple[list[list[Placed]], float, float]:
        """Pages of placed blocks, and the header and footer heights."""
        rect = device.pageLayout().paintRectPixels(device.resolution())
        width, height = float(rect.width()), float(rect.height())
        gap = GAP * device.resolution()
        head = self._doc(self._header_html(0, 0), width, device).size().height() + gap * 3
        foot = self._doc("Page 1 of 1", width, device).size().height() + gap * 2
        columns_doc = self._doc(header_html(self.sheet.columns), width, device) if self.sheet.columns else None
        top = head + (columns_doc.size().height() if columns_doc else 0)
        bottom = height - foot
        cell = (width - gap * (self.card_columns - 1)) / self.card_columns
        pages: list[list[Placed]] = [[]]
        y = top

        def new_page() -> None:
            nonlocal y
            pages.append([])
            y = top

        for heading, blocks in self.sheet.groups:
            docs = [self._doc(b, cell, device) for b in blocks]
            rows = [docs[i:i + self.card_columns] for i in range(0, len(docs), self.card_columns)]
            if heading:
                title = self._doc(f"<h2>{escape(heading)}</h2>", width, device)
                first = max((d.size().height() for d in rows[0]), default=0) if rows else 0
                if y + title.size().height() + gap + first > bottom and pages[-1]:
                    new_page()  # a heading stays with its first person
                pages[-1].append(Placed(title, 0, y + gap))
                y += title.size().height() + gap * 2
            for row in rows:
                row_height = max(d.size().height() for d in row)
                if y + row_height > bottom and pages[-1]:
                    new_page()
                for n, doc in enumerate(row):
                    pages[-1].append(Placed(doc, n * (cell + gap), y))
                y += row_height + gap * (3 if self.card_columns > 1 else 1)
        return pages, head, foot

    def _header_html(self, page: int, pages: int) -> str:
        return (f"<table width='100%'><tr><td><span style='font-size:14pt; font-weight:bold'>"
                f"{escape(self.sheet.title)}</span><br><span style='color:#555'>{escape(self.sheet.subtitle)}</span>"
                f"</td></tr></table>")

    def render(self, device: QPagedPaintDevice) -> int:
        """Paint every page on ``device`` (a QPrinter or a QPdfWriter); returns the page count."""
        pages, head, foot = self.paginate(device)
        rect = device.pageLayout().paintRectPixels(device.resolution())
        width, height = float(rect.width()), float(rect.height())
        columns_doc = self._doc(header_html(self.sheet.columns), width, device) if self.sheet.columns else None
        painter = QPainter(device)
        try:
            for number, placed in enumerate(pages, 1):
                if number > 1:
                    device.newPage()
                self._paint(painter, self._doc(self._header_html(number, len(pages)), width, device), 0, 0)
                line_y = head - GAP * device.resolution()
                painter.drawLine(QPointF(0, line_y), QPointF(width, line_y))
                if columns_doc:
                    self._paint(painter, columns_doc, 0, head)
                for item in placed:
                    self._paint(painter, item.doc, item.x, item.y)
                footer = self._doc(f"<p align='center' style='color:#555'>{escape(self.sheet.title)} — "
                                   f"Page {number} of {len(pages)}</p>", width, device, 8)
                self._paint(painter, footer, 0, height - footer.size().height())
        finally:
            painter.end()
        return len(pages)

    @staticmethod
    def _paint(painter: QPainter, doc: QTextDocument, x: float, y: float) -> None:
        painter.save()
        painter.translate(x, y)
        doc.drawContents(painter, QRectF(0, 0, doc.textWidth(), doc.size().height()))
        painter.restore()


def write_pdf(sheet: Sheet, path: str, layout: QPageLayout | None = None) -> int:
    """A PDF of the sheet, written whole: QSaveFile renames it into place only when done."""
    out = QSaveFile(path)
    if not out.open(QSaveFile.OpenModeFlag.WriteOnly):
        raise OSError(f"cannot write {path}: {out.errorString()}")
    writer = QPdfWriter(out)
    writer.setResolution(300)
    writer.setTitle(sheet.title)
    writer.setCreator("IR Desk")
    writer.setPageLayout(layout or QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                               QMarginsF(15, 15, 15, 15)))
    pages = SheetRenderer(sheet).render(writer)
    del writer  # finishes the PDF into the save file
    if not out.commit():
        raise OSError(f"cannot write {path}: {out.errorString()}")
    return pages
