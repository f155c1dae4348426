"""Render the SVG icon to the PNG sizes of the hicolor theme (packaging/icons/NxN.png), which
scripts/install puts beside the scalable one: some menus and docks only read PNGs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - fonts and images need one
    renderer = QSvgRenderer(str(HERE / "io.irdesk.IRDesk.svg"))
    (HERE / "icons").mkdir(exist_ok=True)
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = HERE / "icons" / f"{size}x{size}.png"
        if not image.save(str(out)):
            raise SystemExit(f"cannot write {out}")
        print(out.relative_to(HERE.parent))


if __name__ == "__main__":
    main()
