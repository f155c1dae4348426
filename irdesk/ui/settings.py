"""Window state in QSettings, under a version key: a newer layout is not read by older code."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

VERSION = 1


def settings() -> QSettings:
    s = QSettings()
    if s.value("settings_version", VERSION, int) != VERSION:
        s.clear()
    s.setValue("settings_version", VERSION)
    return s


def restore_bytes(s: QSettings, key: str) -> QByteArray | None:
    value = s.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None
