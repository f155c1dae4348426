"""Import by drag and drop and the review dialog, with real drag and drop events."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from irdesk.store import Store
from irdesk.ui.dropping import paths_from_mime
from irdesk.ui.main_window import MainWindow
from samples import release_html, release_text
from test_ui_window import Answers, isolated_settings, run_import, stored  # noqa: F401 - fixture reused

ACTIONS = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction


def drag_and_drop(window, mime: QMimeData) -> QDropEvent:
    enter = QDragEnterEvent(QPoint(80, 80), ACTIONS, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    assert enter.dropAction() == Qt.DropAction.CopyAction
    drop = QDropEvent(QPointF(80, 80), ACTIONS, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted() and drop.dropAction() == Qt.DropAction.CopyAction
    return drop


def file_mime(*paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def write_release(folder, name: str, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(release_text(
        code=f"NWT-{300 + n}", date=f"April {1 + n}, 2025",
        headline=f"Northwind Therapeutics Shares Update Number {n} With Its Investors"), encoding="utf-8")


@pytest.fixture
def window(qtbot, tmp_path):
    store = Store(tmp_path / "drop.db")
    w = MainWindow(store, Answers())
    qtbot.addWidget(w)
    w.show()
    yield w
    store.close()


def test_mime_of_files_text_html_and_web_addresses():
    mime = file_mime("/tmp/a.txt")
    assert paths_from_mime(mime).paths == ["/tmp/a.txt"]
    web = QMimeData()
    web.setUrls([QUrl("https://example.com/news/1")])
    dropped = paths_from_mime(web)
    assert not dropped and "save the page and drop the file" in dropped.refused[0]
    html = QMimeData()
    html.setHtml("<p>A release</p>")
    html.setText("A release")
    assert paths_from_mime(html).texts == [("dropped.html", b"<p>A release</p>")]
    text = QMimeData()
    text.setText("https://example.com/x")
    assert paths_from_mime(text).refused and not paths_from_mime(text)


def test_drop_files_and_a_folder_review_untick_and_import(qtbot, window, tmp_path):
    write_release(tmp_path / "in", "one.txt", 1)
    write_release(tmp_path / "in", "two.txt", 2)
    write_release(tmp_path / "in" / "sub" / "deeper", "three.txt", 3)
    write_release(tmp_path / "loose", "four.txt", 4)
    (tmp_path / "in" / "loop").symlink_to(tmp_path / "in", target_is_directory=True)

    def untick_two(dialog):
        labels = [dialog.model.item(n, 1).text() for n in range(dialog.model.rowCount())]
        assert len(labels) == 4  # the loop was walked once
        assert all(dialog.model.item(n, 2).text() == "new" for n in range(4))
        row = next(n for n, label in enumerate(labels) if label.endswith("two.txt"))
        dialog.model.item(row, 0).setCheckState(Qt.CheckState.Unchecked)

    outcomes = run_import(qtbot, window, lambda: drag_and_drop(
        window, file_mime(tmp_path / "in", tmp_path / "loose" / "four.txt")), untick_two)
    assert sorted(o.status for o in outcomes) == ["imported"] * 3 + ["left out"]  # the report names it
    assert window.store.count("releases") == 3
    assert window.pages["releases"].model.total == 3
    assert window.statusBar().currentMessage() == "3 imported, 0 duplicates, 0 failed, 1 left out"
    assert "details" in window.report.text()


def test_drop_text_dragged_from_a_browser(qtbot, window):
    mime = QMimeData()
    mime.setHtml(release_html())
    mime.setText(release_text())
    outcomes = run_import(qtbot, window, lambda: drag_and_drop(window, mime))
    assert [o.status for o in outcomes] == ["imported"]
    (row,) = window.store.page("releases")
    assert row["company"] == "Northwind Therapeutics, Inc."
    assert window.store.release(row["id"])["sources"][0]["path"] == "Dropped text"


def test_a_web_address_is_refused_with_a_sentence(qtbot, window):
    web = QMimeData()
    web.setUrls([QUrl("https://news.example.com/release/1")])
    drag_and_drop(window, web)
    qtbot.waitUntil(lambda: bool(window.dialogs.messages))
    assert "save the page and drop the file" in window.dialogs.messages[0]
    assert window.import_dialog is None and window.store.count("releases") == 0


def test_a_mixed_batch_new_duplicate_and_failed(qtbot, window, tmp_path):
    write_release(tmp_path, "one.txt", 1)
    run_import(qtbot, window, lambda: drag_and_drop(window, file_mime(tmp_path / "one.txt")))
    (tmp_path / "copy.html").write_text(
        release_html(code="NWT-301", date="April 2, 2025",
                     headline="Northwind Therapeutics Shares Update Number 1 With Its Investors"), encoding="utf-8")
    write_release(tmp_path, "new.txt", 7)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04" + bytes(64))
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    vanished = tmp_path / "gone.txt"
    stored_before = window.store.count("releases")

    def check(dialog):
        states = {dialog.model.item(n, 1).text().rsplit("/", 1)[-1]: dialog.model.item(n, 2).text()
                  for n in range(dialog.model.rowCount())}
        assert states["copy.html"] == "duplicate of release #1"
        assert states["new.txt"] == "new"
        assert states["empty.txt"] == "failed: the file is empty"
        assert states["sheet.xlsx"] == "failed: a ZIP archive or Office document, not a release"
        assert states["photo.png"] == "failed: an image (PNG), not a release"
        assert states["gone.txt"] == "failed: no such file"

    outcomes = run_import(qtbot, window, lambda: drag_and_drop(window, file_mime(
        tmp_path / "copy.html", tmp_path / "new.txt", tmp_path / "empty.txt", tmp_path / "sheet.xlsx",
        tmp_path / "photo.png", vanished)), check)
    assert sorted(o.status for o in outcomes) == ["duplicate", "failed", "failed", "failed", "failed", "imported"]
    assert window.store.count("releases") == stored_before + 1
    assert [s["path"] for s in window.store.release(1)["sources"]][-1].endswith("copy.html")


def test_cancel_while_reading_stores_nothing(qtbot, window, tmp_path):
    for n in range(150):
        write_release(tmp_path / "many", f"r{n:03d}.txt", n)
    drag_and_drop(window, file_mime(tmp_path / "many"))
    qtbot.waitUntil(lambda: window.import_dialog is not None)
    dialog = window.import_dialog
    qtbot.waitUntil(lambda: dialog.progress.value() >= 5, timeout=30000)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.import_dialog is None)
    from PySide6.QtCore import QThreadPool
    QThreadPool.globalInstance().waitForDone(30000)
    assert window.store.count("releases") == 0
    assert window.statusBar().currentMessage() == "Import cancelled; nothing was stored."


def test_undo_an_import_as_a_whole(qtbot, window, tmp_path):
    write_release(tmp_path / "a", "one.txt", 1)
    run_import(qtbot, window, lambda: drag_and_drop(window, file_mime(tmp_path / "a")))
    write_release(tmp_path / "b", "two.txt", 2)
    write_release(tmp_path / "b", "three.txt", 3)
    run_import(qtbot, window, lambda: drag_and_drop(window, file_mime(tmp_path / "b")))
    assert window.store.count("releases") == 3
    assert window.undo_action.text() == "&Undo Import 2 releases"
    with stored(qtbot, window):
        window.undo_action.trigger()
    assert window.store.count("releases") == 1 and window.pages["releases"].model.total == 1
    assert window.store.count("contacts") == 1
    with stored(qtbot, window):
        window.redo_action.trigger()
    assert window.store.count("releases") == 3


def test_skipping_the_review_for_future_drops(qtbot, window, tmp_path):
    write_release(tmp_path / "a", "one.txt", 1)

    def stop_reviewing(dialog):
        dialog.review_box.setChecked(False)

    run_import(qtbot, window, lambda: drag_and_drop(window, file_mime(tmp_path / "a")), stop_reviewing)
    assert QSettings().value("import/review", True, bool) is False
    write_release(tmp_path / "b", "two.txt", 2)
    with qtbot.waitSignal(window.imported, timeout=60000):
        drag_and_drop(window, file_mime(tmp_path / "b"))  # no click needed
    assert window.store.count("releases") == 2


def test_enter_imports_and_escape_cancels(qtbot, window, tmp_path):
    write_release(tmp_path / "in", "one.txt", 1)
    drag_and_drop(window, file_mime(tmp_path / "in"))
    qtbot.waitUntil(lambda: window.import_dialog is not None)
    dialog = window.import_dialog
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=30000)
    with qtbot.waitSignal(window.imported, timeout=30000):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert window.store.count("releases") == 1
    write_release(tmp_path / "more", "two.txt", 2)
    drag_and_drop(window, file_mime(tmp_path / "more"))
    qtbot.waitUntil(lambda: window.import_dialog is not None)
    dialog = window.import_dialog
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.import_dialog is None)
    assert window.store.count("releases") == 1


def test_the_review_and_the_report_count_alike(qtbot, window, tmp_path):
    """A file that repeats another of the batch is a duplicate before the import and after."""
    write_release(tmp_path / "first", "stored.txt", 1)
    run_import(qtbot, window, lambda: drag_and_drop(window, file_mime(tmp_path / "first")))
    batch = tmp_path / "batch"
    write_release(batch, "a-again.txt", 1)  # already stored
    write_release(batch, "b-new.txt", 2)
    write_release(batch, "c-repeat.txt", 2)  # the same as the item before it
    write_release(batch, "d-unwanted.txt", 3)
    (batch / "e-empty.txt").write_text("", encoding="utf-8")
    said = []

    def untick_one(dialog):
        said.append(dialog.summary.text().split(". ")[0])
        row = next(n for n in range(dialog.model.rowCount()) if dialog.model.item(n, 1).text().endswith("d-unwanted.txt"))
        dialog.model.item(row, 0).setCheckState(Qt.CheckState.Unchecked)

    outcomes = run_import(qtbot, window, lambda: drag_and_drop(window, file_mime(batch)), untick_one)
    assert said == ["5 read: 2 new, 2 duplicates, 1 failed"]
    assert window.statusBar().currentMessage() == "1 imported, 2 duplicates, 1 failed, 1 left out"
    assert len(outcomes) == 5
    lines = sorted(o.line() for o in outcomes)
    assert any(line.endswith("c-repeat.txt: duplicate: same as item 2") for line in lines)
    assert any(line.endswith("d-unwanted.txt: left out: unticked in the review") for line in lines)
