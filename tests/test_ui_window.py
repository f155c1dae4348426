"""The window, driven as a user would, on a real store in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QUrl

from irdesk.importer import import_paths
from irdesk.store import Store
from irdesk.ui.main_window import SAMPLES, Dialogs, MainWindow
from irdesk.ui.models import StoreListModel


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    QCoreApplication.setOrganizationName("IR Desk Tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


class Answers(Dialogs):
    def __init__(self, files=()):
        self.files, self.messages = list(files), []

    def open_files(self, parent, title, filters):
        return self.files

    def confirm(self, parent, title, text):
        return True

    def inform(self, parent, title, text):
        self.messages.append(text)


def run_import(qtbot, window, trigger, choose=None):
    """Start an import, wait for the review dialog to finish reading, press Import."""
    with qtbot.waitSignal(window.imported, timeout=60000) as done:
        trigger()
        qtbot.waitUntil(lambda: window.import_dialog is not None)
        dialog = window.import_dialog
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=60000)
        if choose:
            choose(dialog)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    return done.args[0]


def stored(qtbot, window):
    """Wrap what changes the store: it is written off the GUI thread, then shown."""
    return qtbot.waitSignal(window.operations.finished, timeout=20000)


def click_row(qtbot, tab, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = tab.table.visualRect(tab.model.index(row, 0))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "ui.db") as s:
        import_paths(s, [SAMPLES])
        yield s


@pytest.fixture
def window(qtbot, store):
    w = MainWindow(store, Answers())
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)  # shortcuts go to the active window
    return w


@pytest.mark.parametrize("kind", ["releases", "compounds", "contacts"])
def test_models_pass_the_model_tester(qtmodeltester, store, kind):
    model = StoreListModel(store, kind, on_edit=lambda *a: None)
    qtmodeltester.check(model, force_py=True)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.set_query("Halvorsen")
    qtmodeltester.check(model, force_py=True)


def test_models_fetch_rows_page_by_page(tmp_path, corpus):
    with Store(tmp_path / "big.db") as s:
        import_paths(s, [corpus / "releases"])
        model = StoreListModel(s, "compounds")
        from irdesk.ui import models
        total = model.total
        assert total > 0 and model.rowCount() == min(total, models.PAGE)


def test_select_a_release_follow_a_compound_link_and_go_back(qtbot, window, store):
    releases = window.pages["releases"]
    row = next(n for n in range(releases.model.rowCount())
               if "Halvorsen" in releases.model.index(n, 1).data())
    qtbot.mouseClick(releases.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=releases.table.visualRect(releases.model.index(row, 2)).center())
    html = releases.detail.toHtml()
    assert "Phase 1b Study of Velmotuzumab Soravtansine" in html
    compound_id = store.page("compounds", query="HLV-311")[0]["id"]
    assert f"irdesk://compound/{compound_id}" in html
    releases.detail.anchorClicked.emit(QUrl(f"irdesk://compound/{compound_id}"))
    assert window.tabs.currentWidget() is window.pages["compounds"]
    compound_pane = window.pages["compounds"].detail
    assert "Timeline" in compound_pane.toPlainText()
    assert "Phase 1b Study of Velmotuzumab Soravtansine" in compound_pane.toPlainText()
    assert window.pages["compounds"].selected_ids() == [compound_id]
    # The presentation, from the compound's timeline: title, room, both times.
    presentation_id = store.compound(compound_id)["presentations"][0]["id"]
    compound_pane.anchorClicked.emit(QUrl(f"irdesk://presentation/{presentation_id}"))
    assert "Valencia Ballroom B" in compound_pane.toPlainText()
    assert "your time" in compound_pane.toPlainText()
    assert "Dec. 8 at 2:15 pm ET" in compound_pane.toPlainText()  # as the release wrote it
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert "Timeline" in compound_pane.toPlainText()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentWidget() is releases
    assert "Halvorsen Biotherapeutics Announces" in releases.detail.toPlainText()
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentWidget() is window.pages["compounds"]


def test_edit_a_headline_then_undo_and_redo(qtbot, window, store):
    releases = window.pages["releases"]
    index = releases.model.index(0, 2)
    old = index.data()
    release_id = releases.model.id_at(0)
    with stored(qtbot, window):
        assert releases.model.setData(index, "A Corrected Headline", Qt.ItemDataRole.EditRole)
        assert index.data() == "A Corrected Headline"  # shown at once, stored off the GUI thread
    assert store.release(release_id)["headline"] == "A Corrected Headline"
    assert releases.model.index(releases.model.row_of(release_id), 2).data() == "A Corrected Headline"
    with stored(qtbot, window):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.release(release_id)["headline"] == old
    with stored(qtbot, window):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert store.release(release_id)["headline"] == "A Corrected Headline"
    with stored(qtbot, window):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with stored(qtbot, window):
        qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert store.release(release_id)["headline"] == "A Corrected Headline"
    keys = [k.toString() for k in window.redo_action.shortcuts()]
    assert len(keys) == len(set(keys)) and {"Ctrl+Shift+Z", "Ctrl+Y"} <= set(keys)


def test_merge_two_compounds_and_undo(qtbot, window, store):
    window.tabs.setCurrentWidget(window.pages["compounds"])
    tab = window.pages["compounds"]
    rows = [tab.model.row_of(store.page("compounds", query=q)[0]["id"]) for q in ("HLV-311", "KR-0457")]
    click_row(qtbot, tab, rows[0])
    click_row(qtbot, tab, rows[1], Qt.KeyboardModifier.ControlModifier)
    assert window.merge_action.isEnabled()
    before = store.count("compounds")
    with stored(qtbot, window):
        qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert store.count("compounds") == before - 1
    assert tab.model.total == before - 1
    with stored(qtbot, window):
        window.undo_action.trigger()
    assert store.count("compounds") == before
    assert tab.model.total == before


def test_delete_a_release_and_bring_it_back(qtbot, window, store):
    releases = window.pages["releases"]
    click_row(qtbot, releases, 0)
    release_id = releases.model.id_at(0)
    with stored(qtbot, window):
        qtbot.keyClick(releases.table, Qt.Key.Key_Delete)
    assert store.release(release_id) is None
    assert releases.model.total == 2
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    with stored(qtbot, window):
        window.undo_action.trigger()
    assert store.release(release_id) is not None and releases.model.total == 3


def test_deleting_several_releases_is_one_undo_step(qtbot, window, store):
    releases = window.pages["releases"]
    ids = [releases.model.id_at(0), releases.model.id_at(1)]
    click_row(qtbot, releases, 0)
    click_row(qtbot, releases, 1, Qt.KeyboardModifier.ControlModifier)
    with stored(qtbot, window):
        qtbot.keyClick(releases.table, Qt.Key.Key_Delete)
    assert [store.release(i) for i in ids] == [None, None]
    with stored(qtbot, window):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert all(store.release(i) is not None for i in ids)
    assert releases.model.total == 3 and window.undo_stack.index() == 0


def test_an_undo_the_store_refuses_leaves_the_stack_and_says_why(qtbot, window, store, tmp_path):
    import sqlite3

    releases = window.pages["releases"]
    release_id = releases.model.id_at(0)
    with stored(qtbot, window):
        assert releases.model.setData(releases.model.index(0, 2), "A Corrected Headline", Qt.ItemDataRole.EditRole)
    store.busy_timeout = 0.1  # the worker's own connection waits as long as the window's store
    other = sqlite3.connect(store.path, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another program is writing
    with stored(qtbot, window):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    other.rollback()
    other.close()
    assert window.undo_stack.index() == 1
    assert store.release(release_id)["headline"] == "A Corrected Headline"
    assert "Could not undo" in window.dialogs.messages[-1] and "in use" in window.dialogs.messages[-1]
    with stored(qtbot, window):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # and again, once it is free
    assert window.undo_stack.index() == 0 and store.release(release_id)["headline"] != "A Corrected Headline"


def test_an_edit_is_stored_off_the_gui_thread_and_waits_for_another_writer(qtbot, window, store):
    """setData hands the edit on and returns: no reload under the view's editor, no GUI
    thread blocked on another program's write lock; the edit lands when the lock goes."""
    import sqlite3

    releases = window.pages["releases"]
    release_id = releases.model.id_at(0)
    resets = []
    releases.model.modelAboutToBeReset.connect(lambda: resets.append(releases.model.id_at(0)))
    other = sqlite3.connect(store.path, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another program is writing
    assert releases.model.setData(releases.model.index(0, 2), "Written Later", Qt.ItemDataRole.EditRole)
    assert resets == [] and window.dialogs.messages == []
    assert releases.model.index(0, 2).data() == "Written Later"
    assert store.release(release_id)["headline"] != "Written Later"
    other.rollback()
    other.close()
    qtbot.waitUntil(lambda: store.release(release_id)["headline"] == "Written Later", timeout=20000)
    qtbot.waitUntil(lambda: window.undo_stack.index() == 1)
    assert window.dialogs.messages == []


def test_a_change_reloads_only_the_lists_it_touched(qtbot, window, store):
    counts = {kind: [] for kind in window.pages}
    for kind, tab in window.pages.items():
        tab.model.modelReset.connect(lambda k=kind: counts[k].append(1))
    contacts = window.pages["contacts"]
    contact_id = contacts.model.id_at(0)
    contacts.model.setData(contacts.model.index(0, 3), "+1 555 0100", Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: store.contact(contact_id)["phone"] == "+1 555 0100", timeout=20000)
    qtbot.waitUntil(lambda: len(counts["contacts"]) == 1)
    assert counts["releases"] == [] and counts["compounds"] == []
    window.pages["releases"].model.setData(window.pages["releases"].model.index(0, 2), "New Headline",
                                           Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: len(counts["releases"]) == 1, timeout=20000)
    # A release's headline is no compound's or contact's column; their panes re-read it.
    assert counts["compounds"] == [] and len(counts["contacts"]) == 1


def test_filter_finds_a_code_name_on_any_tab(qtbot, window):
    window.tabs.setCurrentWidget(window.pages["contacts"])
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter.hasFocus()
    qtbot.keyClicks(window.filter, "HLV-311")
    qtbot.waitUntil(lambda: window.pages["compounds"].model.total == 1)
    assert window.tabs.currentWidget() is window.pages["compounds"]  # contacts had none
    assert window.pages["compounds"].model.index(0, 0).data() == "HLV-311"
    assert "matching “HLV-311”" in window.counts.text()


def test_an_empty_store_says_what_to_do_and_opens_the_samples(qtbot, tmp_path):
    with Store(tmp_path / "empty.db") as s:
        w = MainWindow(s, Answers())
        qtbot.addWidget(w)
        w.show()
        assert w.stack.currentWidget() is w.empty
        outcomes = run_import(qtbot, w, lambda: qtbot.mouseClick(w.empty.samples_button, Qt.MouseButton.LeftButton))
        assert [o.status for o in outcomes] == ["imported"] * 3
        assert w.stack.currentWidget() is w.tabs
        assert w.pages["releases"].model.total == 3
        assert "3 imported" in w.statusBar().currentMessage()


def test_file_import_through_the_dialog_seam(qtbot, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    with Store(tmp_path / "i.db") as s:
        w = MainWindow(s, Answers(files=[str(next(SAMPLES.glob("01-*"))), str(bad)]))
        qtbot.addWidget(w)
        run_import(qtbot, w, w.import_action.trigger)
        assert w.statusBar().currentMessage() == "1 imported, 0 duplicates, 1 failed"


def test_window_state_is_remembered(qtbot, store):
    first = MainWindow(store, Answers())
    qtbot.addWidget(first)
    first.resize(700, 500)
    first.pages["releases"].table.setColumnWidth(2, 333)
    first.tabs.setCurrentIndex(2)
    first.close()
    second = MainWindow(store, Answers())
    qtbot.addWidget(second)
    assert second.size().width() == 700
    assert second.pages["releases"].table.columnWidth(2) == 333
    assert second.tabs.currentIndex() == 2


def test_links_parse_strictly():
    from irdesk.ui.detail import parse_link

    assert parse_link(QUrl("irdesk://compound/42")) == ("compound", 42)
    assert parse_link(QUrl("irdesk://compound/x")) is None
    assert parse_link(QUrl("https://example.com/compound/1")) is None
    assert Path(__file__).exists()


def test_file_names_and_the_store_path_are_shown_as_written(qtbot, tmp_path):
    from irdesk.ui.main_window import plain_message

    with Store(tmp_path / "<i>odd</i>.db") as s:
        window = MainWindow(s, Answers())
        qtbot.addWidget(window)
        assert "&lt;i&gt;odd&lt;/i&gt;.db" in window.about_text()
    box = plain_message(None, "Last import", "<b>bold</b>.txt: imported as #1")
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText


def test_a_failed_background_task_keeps_its_traceback_in_the_log(qtbot, tmp_path):
    import logging

    from irdesk.logsetup import setup_logging
    from irdesk.ui.tasks import Task

    log = setup_logging(tmp_path / "logs")

    def work(progress):
        raise RuntimeError("a bug in the worker")

    task = Task(work)
    with qtbot.waitSignal(task.signals.failed, timeout=10000):
        task.start()
    for handler in logging.getLogger("irdesk").handlers:
        handler.flush()
    text = log.read_text(encoding="utf-8")
    assert "background work failed" in text and "RuntimeError: a bug in the worker" in text
    assert "Traceback (most recent call last)" in text


def test_tabs_open_in_the_order_their_header_shows(qtbot, window):
    for kind in ("compounds", "contacts"):
        tab = window.pages[kind]
        header = tab.table.horizontalHeader()
        names = [tab.model.index(r, 0).data().lower() for r in range(tab.model.rowCount())]
        ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
        assert header.sortIndicatorSection() == 0 and ascending
        assert names == sorted(names)


def test_escape_clears_the_filter_and_the_detail_follows_it(qtbot, window, store):
    releases = window.pages["releases"]
    row = next(r for r in range(releases.model.rowCount()) if "Quillon" not in releases.model.index(r, 1).data())
    click_row(qtbot, releases, row)
    assert releases.detail.shown is not None
    window.filter.setText("Quillon")
    window.apply_filter()
    assert releases.model.total >= 1 and releases.detail.shown is None
    window.focus_filter()
    qtbot.keyClick(window.filter, Qt.Key.Key_Escape)
    assert window.filter.text() == ""
    qtbot.waitUntil(lambda: not window._filter_timer.isActive())  # the list follows the cleared filter
    assert releases.model.total == store.count("releases")


def test_following_a_link_selects_a_row_not_yet_loaded(qtbot, tmp_path):
    import sys

    from irdesk.ui.models import PAGE

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from generate import generate

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in generate(3 * PAGE // 2, seed=7):
        (folder / name).write_text(text, encoding="utf-8")
    with Store(tmp_path / "many.db") as s:
        import_paths(s, [folder])
        assert s.count("compounds") > PAGE
        w = MainWindow(s, Answers())
        qtbot.addWidget(w)
        compounds = w.pages["compounds"]
        last = s.page("compounds", sort="name", descending=True, limit=1)[0]["id"]
        assert compounds.model.row_of(last) is None  # not loaded yet
        w.navigate("compound", last)
        assert compounds.model.id_at(compounds.table.currentIndex().row()) == last


def test_the_window_takes_its_copy_of_the_store_in_the_background(qtbot, tmp_path):
    with Store(tmp_path / "w.db") as s:
        window = MainWindow(s, Answers())
        qtbot.addWidget(window)
        window.back_up_daily()
        qtbot.waitUntil(lambda: bool(list(tmp_path.glob("w.backup-*.db"))), timeout=30000)


def test_a_long_import_report_fits_the_screen(qtbot):
    from PySide6.QtGui import QGuiApplication

    from irdesk.ui.main_window import plain_message

    report = "\n".join(f"/data/releases/release-{n:05d}.txt: imported as #{n}" for n in range(2000))
    box = plain_message(None, "Last import", report)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert box.frameGeometry().height() <= screen.height() and box.frameGeometry().width() <= screen.width()
    assert box.detailedText() == report
    box.close()


def test_labels_in_a_detail_pane_read_on_a_dark_palette(qtbot, store):
    """The quiet grey of "Date", "Issuer" and a contact's phone is taken from the pane's own
    palette: on a dark one it was the application's dark "mid", dark on dark."""
    import re

    from PySide6.QtGui import QColor, QPalette

    from irdesk.ui.detail import DetailPane

    from PySide6.QtWidgets import QApplication

    light = QApplication.palette()
    QApplication.setPalette(QPalette(QColor("#2b2b2b")))  # a dark desktop: Qt's dark palette from a window colour
    try:
        pane = DetailPane(store)
        qtbot.addWidget(pane)
        pane.show_record("release", store.page("releases")[0]["id"])
        html = pane.toHtml()
    finally:
        QApplication.setPalette(light)
    label = re.search(r'<span style="[^"]*color:(#[0-9a-f]{6})[^"]*">Date</span>', html) or \
        re.search(r'color:(#[0-9a-f]{6});?">Date<', html)
    assert label, html[:2000]
    base = pane.palette().base().color()
    assert abs(QColor(label.group(1)).lightness() - base.lightness()) >= 100


def test_undo_pressed_twice_before_the_first_is_stored_undoes_two_steps(qtbot, window, store):
    """Operations wait their turn, and an undo is worked out when its turn comes (not when
    pressed): two quick Ctrl+Z take back two edits, not the same one twice."""
    releases = window.pages["releases"]
    release_id = releases.model.id_at(0)
    old = store.release(release_id)["headline"]
    for text in ("First Correction", "Second Correction"):
        with stored(qtbot, window):
            releases.model.setData(releases.model.index(releases.model.row_of(release_id), 2), text,
                                   Qt.ItemDataRole.EditRole)
    assert window.undo_stack.index() == 2
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.undo_stack.index() == 0 and not window.operations.busy, timeout=20000)
    assert store.release(release_id)["headline"] == old
    assert releases.model.index(releases.model.row_of(release_id), 2).data() == old


def test_an_edit_the_store_refuses_puts_the_cell_back_and_says_why(qtbot, window, store):
    import sqlite3

    releases = window.pages["releases"]
    release_id = releases.model.id_at(0)
    old = releases.model.index(0, 2).data()
    store.busy_timeout = 0.1  # the worker's own connection waits as long as the window's store
    other = sqlite3.connect(store.path, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another program is writing
    with stored(qtbot, window):
        releases.model.setData(releases.model.index(0, 2), "Never Stored", Qt.ItemDataRole.EditRole)
    other.rollback()
    other.close()
    assert "in use" in window.dialogs.messages[-1] and window.undo_stack.count() == 0
    assert releases.model.index(releases.model.row_of(release_id), 2).data() == old
    assert store.release(release_id)["headline"] == old
