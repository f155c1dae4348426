"""Window state in QSettings, under a version key: a newer layout is not read by older code."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

VERSION = 1


def settings() -> QSettings:
    s = QSettings()
    # Written only when it differs: every write makes the file be saved (10-15 ms of disk
    # when this QSettings goes, as each read of a setting did before the first paint).
    if s.value("settings_version", 0, int) != VERSION:
        s.clear()
        s.setValue("settings_version", VERSION)
    return s


def restore_bytes(s: QSettings, key: str) -> QByteArray | None:
    value = s.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_page_layout(printer, s: QSettings) -> None:
    """Page set-up outlives the session: paper, orientation and margins (in millimetres)."""
    layout = printer.pageLayout()
    margins = layout.margins(layout.Unit.Millimeter)
    s.setValue("print/page_size", layout.pageSize().id().value)
    s.setValue("print/orientation", layout.orientation().value)
    s.setValue("print/margins", [margins.left(), margins.top(), margins.right(), margins.bottom()])


def restore_page_layout(printer, s: QSettings) -> None:
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize

    if s.value("print/page_size") is None:
        return
    try:
        size = QPageSize(QPageSize.PageSizeId(int(s.value("print/page_size"))))
        orientation = QPageLayout.Orientation(int(s.value("print/orientation", 0)))
        left, top, right, bottom = (float(v) for v in s.value("print/margins", [15, 15, 15, 15]))
    except (TypeError, ValueError):
        return  # a setting from elsewhere: keep the printer's own
    printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(left, top, right, bottom),
                                      QPageLayout.Unit.Millimeter))
