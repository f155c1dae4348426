"""Starting the window: the application object, the store, failures with a path to a log."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from .. import APP_ID, __version__
from ..store import Store, StoreError, default_store_path

ICON = Path(__file__).resolve().parents[2] / "resources" / "icons" / "irdesk.svg"
ICON_AFTER_MS = 250


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName("IR Desk")
    QCoreApplication.setApplicationName("IR Desk")
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    # A moment after the window's first paint (a zero timer fires before it): an SVG icon
    # loads Qt's SVG library and its icon engine, milliseconds the first paint does not need.
    QTimer.singleShot(ICON_AFTER_MS, lambda: set_icon(app))
    return app


def set_icon(app: QApplication) -> None:
    from PySide6.QtGui import QIcon

    if ICON.exists():
        app.setWindowIcon(QIcon(str(ICON)))


def install_excepthook(log_path: Path) -> None:
    """An unexpected error is logged and shown with the log's path; the app goes on."""

    def hook(kind, value, tb) -> None:
        from PySide6.QtWidgets import QMessageBox

        logging.getLogger("irdesk").critical("unexpected error", exc_info=(kind, value, tb))
        sys.__stderr__.write("".join(traceback.format_exception(kind, value, tb)))
        if QApplication.instance() is not None:
            QMessageBox.critical(None, "IR Desk", f"Something went wrong: {value}\n\nThe details are in {log_path}.")

    sys.excepthook = hook


def run(db: str | None = None, files: list[str] | None = None) -> int:
    # Loaded here, not with the module: what a start that only makes the application
    # object (the benches, the tests) does not need is a few milliseconds of every start.
    from PySide6.QtWidgets import QMessageBox

    from ..logsetup import setup_logging
    from .main_window import MainWindow

    app = make_application()
    path = Path(db) if db else default_store_path()
    install_excepthook(setup_logging(path.parent))
    try:
        store = Store(path)
    except StoreError as exc:
        QMessageBox.critical(None, "IR Desk", str(exc))
        return 2
    window = MainWindow(store)
    window.show()
    QTimer.singleShot(30_000, window.back_up_daily)  # once the user is settled in
    if files:
        window.import_paths(files)
    code = app.exec()
    store.close()
    return code
