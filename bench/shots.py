"""Screenshots of the window and its dialogs, and whether each fits the screen.

    QT_QPA_PLATFORM=offscreen:configfile=CONF QT_SCALE_FACTOR=2 python bench/shots.py OUT [--dark]

CONF is the offscreen plugin's screen ({"screens": [{"width": 1600, "height": 1000, ...}]});
each shot is OUT/<name>-x<scale>-<light|dark>.png, and a line says its size and the screen's."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def dark_palette() -> QPalette:
    p = QPalette()
    roles = {QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
             QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#2a2a2a",
             QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#353535",
             QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#3d6fb4",
             QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.Link: "#8ab4f8",
             QPalette.ColorRole.ToolTipBase: "#353535", QPalette.ColorRole.ToolTipText: "#e6e6e6",
             QPalette.ColorRole.PlaceholderText: "#9a9a9a", QPalette.ColorRole.Light: "#505050",
             QPalette.ColorRole.Midlight: "#404040", QPalette.ColorRole.Mid: "#303030",
             QPalette.ColorRole.Dark: "#191919", QPalette.ColorRole.Shadow: "#0a0a0a"}
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    return p


def wait(signal=None, ms: int = 300) -> None:
    loop = QEventLoop()
    if signal is not None:
        signal.connect(loop.quit)
        QTimer.singleShot(60000, loop.quit)
    else:
        QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> None:
    out = Path(sys.argv[1])
    dark = "--dark" in sys.argv
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    # Settings of its own: the user's remembered window sizes are not what is measured.
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("IR Desk Shots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app.setStyle("Fusion")
    if dark:
        app.setPalette(dark_palette())
    from irdesk.importer import Item, collect, import_paths
    from irdesk.store import Store
    from irdesk.ui.main_window import SAMPLES, Dialogs, MainWindow, plain_message

    scale = os.environ.get("QT_SCALE_FACTOR", "1")
    tag = f"x{scale}-{'dark' if dark else 'light'}"
    screen = app.primaryScreen().availableGeometry()
    folder = Path(tempfile.mkdtemp())
    store = Store(folder / "shots.db")
    import_paths(store, [SAMPLES])

    class Quiet(Dialogs):
        def sheet_dialog(self, dialog):
            dialog.show()

    window = MainWindow(store, Quiet())
    window.show()
    wait()
    window.navigate("release", window.pages["releases"].model.id_at(0))
    wait()

    def shot(widget, name: str) -> None:
        wait()
        frame = widget.frameGeometry()
        fits = frame.width() <= screen.width() and frame.height() <= screen.height()
        print(f"{name}-{tag}: {frame.width()}x{frame.height()} (least {widget.minimumSizeHint().width()}x"
              f"{widget.minimumSizeHint().height()}) on {screen.width()}x{screen.height()}: "
              f"{'fits' if fits else 'DOES NOT FIT'}")
        widget.grab().save(str(out / f"{name}-{tag}.png"))

    shot(window, "window")
    window.output.contact_sheet()
    sheet = next(w for w in app.topLevelWidgets() if type(w).__name__ == "ContactSheetDialog" and w.isVisible())
    shot(sheet, "sheet")
    sheet.close()
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QPushButton

    printing = QPrintDialog(window.output.printer, window)
    printing.show()
    wait()
    for button in printing.findChildren(QPushButton):
        if "Options" in button.text():
            button.click()  # the options open below
    shot(printing, "print")
    printing.close()
    report = "\n".join(f"/data/releases/release-{n:05d}-with-a-long-name.txt: imported as #{n}" for n in range(200))
    box = plain_message(window, "Last import", report)
    box.show()
    shot(box, "report")
    box.close()
    items = [Item.file(p) for p in collect([SAMPLES])] * 4
    window.start_import(items)
    dialog = window.import_dialog
    wait(dialog.read_done)
    dialog.table.selectRow(0)
    shot(dialog, "review")
    dialog.reject()
    store.close()


if __name__ == "__main__":
    main()
