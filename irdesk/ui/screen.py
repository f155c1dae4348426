"""Sizes that fit the screen a widget is on (a 1600×1000 screen at 200 % is 800×500)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# What a window manager adds around a window (title bar, borders) is unknown until shown.
DECORATION = 40


def available(widget: QWidget | None = None) -> QRect:
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit(widget: QWidget, width: int, height: int, parent: QWidget | None = None) -> None:
    """Resize to ``width``×``height``, or to the screen less its decorations when smaller
    (never below what the widget needs, which the layouts keep small)."""
    area = available(parent or widget)
    widget.resize(max(min(width, area.width() - DECORATION // 2), widget.minimumSizeHint().width()),
                  max(min(height, area.height() - DECORATION), widget.minimumSizeHint().height()))
