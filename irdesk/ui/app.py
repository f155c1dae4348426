"""Starting the window: the application object, the store, failures with a path to a log."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from .. import APP_ID, __version__
from ..store import StoreError, default_store_path, store_file

ICON = Path(__file__).resolve().parents[2] / "resources" / "icons" / "irdesk.svg"
# What the first paint does not need waits this long (a zero timer fires before the paint).
AFTER_FIRST_PAINT_MS = 250


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName("IR Desk")
    QCoreApplication.setApplicationName("IR Desk")
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    # After the window's first paint: an SVG icon loads Qt's SVG library and its icon engine.
    QTimer.singleShot(AFTER_FIRST_PAINT_MS, lambda: set_icon(app))
    return app


def set_icon(app: QApplication) -> None:
    from PySide6.QtGui import QIcon

    if ICON.exists():
        app.setWindowIcon(QIcon(str(ICON)))


def install_excepthook(folder: Path) -> None:
    """An unexpected error is logged (in ``folder``) and shown with the log's path; the app
    goes on."""

    def hook(kind, value, tb) -> None:
        # logging and traceback load here, on a failure, not before the first paint (12 ms).
        import logging
        import traceback

        from PySide6.QtWidgets import QMessageBox

        log_path = start_log(folder)  # set up after the first paint, unless an error comes first
        logging.getLogger("irdesk").critical("unexpected error", exc_info=(kind, value, tb))
        sys.__stderr__.write("".join(traceback.format_exception(kind, value, tb)))
        if QApplication.instance() is not None:
            QMessageBox.critical(None, "IR Desk", f"Something went wrong: {value}\n\nThe details are in {log_path}.")

    sys.excepthook = hook


def start_log(folder: Path) -> Path:
    from ..logsetup import setup_logging

    return setup_logging(folder)


def run(db: str | None = None, files: list[str] | None = None) -> int:
    # The log's file is set up after the first paint, and the message box loads if needed:
    # the log's handlers (logging.handlers: socket, pickle, queue) and the box are
    # milliseconds that the first paint does not need.
    from .main_window import MainWindow

    from .stores import open_at_start, upgrade_notice

    app = make_application()
    # The log lives beside a store file; a team store has no file: the app's own folder.
    folder = (store_file(db) or default_store_path()).parent
    install_excepthook(folder)
    notices = []
    try:
        store = open_at_start(db, upgrading=lambda: notices.append(upgrade_notice()))  # named, else chosen last
    except StoreError as exc:
        for notice in notices:
            notice.close()
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "IR Desk", str(exc))
        return 2
    window = MainWindow(store)
    window.show()
    for notice in notices:  # (after the window shows: the screen is never empty meanwhile)
        notice.close()
    QTimer.singleShot(AFTER_FIRST_PAINT_MS, lambda: start_log(window.store.log_folder))
    QTimer.singleShot(30_000, window.back_up_daily)  # once the user is settled in
    if files:
        window.import_paths(files)
    code = app.exec()
    window.store.close()  # the one it ended on (it closes those it left)
    return code
