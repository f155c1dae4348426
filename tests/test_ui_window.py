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
    assert releases.model.setData(index, "A Corrected Headline", Qt.ItemDataRole.EditRole)
    assert store.release(release_id)["headline"] == "A Corrected Headline"
    assert releases.model.index(releases.model.row_of(release_id), 2).data() == "A Corrected Headline"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.release(release_id)["headline"] == old
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert store.release(release_id)["headline"] == "A Corrected Headline"


def test_merge_two_compounds_and_undo(qtbot, window, store):
    window.tabs.setCurrentWidget(window.pages["compounds"])
    tab = window.pages["compounds"]
    rows = [tab.model.row_of(store.page("compounds", query=q)[0]["id"]) for q in ("HLV-311", "KR-0457")]
    click_row(qtbot, tab, rows[0])
    click_row(qtbot, tab, rows[1], Qt.KeyboardModifier.ControlModifier)
    assert window.merge_action.isEnabled()
    before = store.count("compounds")
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert store.count("compounds") == before - 1
    assert tab.model.total == before - 1
    window.undo_action.trigger()
    assert store.count("compounds") == before
    assert tab.model.total == before


def test_delete_a_release_and_bring_it_back(qtbot, window, store):
    releases = window.pages["releases"]
    click_row(qtbot, releases, 0)
    release_id = releases.model.id_at(0)
    qtbot.keyClick(releases.table, Qt.Key.Key_Delete)
    assert store.release(release_id) is None
    assert releases.model.total == 2
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert store.release(release_id) is not None and releases.model.total == 3


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
