"""The review step: an item shown as the detail pane shows a release, corrected before it is
stored; the corrections are its provenance and follow the import through undo and redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from irdesk.extract import extract_bytes
from irdesk.review import Review
from irdesk.store import Store
from irdesk.ui import html
from irdesk.ui.main_window import MainWindow
from samples import HEADLINE, release_text
from test_ui_import import drag_and_drop, file_mime
from test_ui_window import Answers, click_row, isolated_settings, stored  # noqa: F401 - fixture reused

CTRL = Qt.KeyboardModifier.ControlModifier
NEW_HEADLINE = "Northwind Reports Phase 1 Data for NWT-204"


@pytest.fixture
def window(qtbot, tmp_path):
    store = Store(tmp_path / "review.db")
    w = MainWindow(store, Answers())
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)  # shortcuts go to the active window
    yield w
    store.close()


def open_review(qtbot, window, *paths):
    drag_and_drop(window, file_mime(*paths))
    qtbot.waitUntil(lambda: window.import_dialog is not None)
    dialog = window.import_dialog
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=60000)
    return dialog


def click_item(qtbot, dialog, row: int) -> None:
    rect = dialog.table.visualRect(dialog.model.index(row, 1))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def entity_row(dialog, text: str) -> int:
    texts = [dialog.entities.item(n).text() for n in range(dialog.entities.count())]
    return texts.index(text)


def corrections(store) -> list[tuple]:
    return [tuple(row) for row in store.db.execute("SELECT release_id, field, was, now FROM corrections ORDER BY id")]


def test_untick_a_contact_correct_the_headline_import_undo_redo(qtbot, window, tmp_path):
    (tmp_path / "one.txt").write_text(release_text(), encoding="utf-8")
    dialog = open_review(qtbot, window, tmp_path / "one.txt")
    click_item(qtbot, dialog, 0)

    # The item as the detail pane shows a release: fields, lists, the text with its marks.
    shown = dialog.preview.toPlainText()
    assert HEADLINE in shown and "Issuer" in shown and "Northwind Therapeutics, Inc." in shown
    assert "Presentations" in shown and "Compounds" in shown and "Contacts" in shown and "Grace Hopper" in shown
    assert html.MARKS["contact"] in dialog.preview.toHtml()
    assert dialog.edits["headline"].text() == HEADLINE
    assert dialog.edits["city"].text() == "Boston"

    # Leave the contact out (Space on the ticked row, as a user would) and correct the headline.
    row = entity_row(dialog, "Contact: Grace Hopper")
    dialog.entities.setCurrentRow(row)
    qtbot.keyClick(dialog.entities, Qt.Key.Key_Space)
    assert dialog.entities.item(row).checkState() == Qt.CheckState.Unchecked
    assert "Grace Hopper" not in dialog.preview.toPlainText().split("Text")[0].split("Left out")[0]
    edit = dialog.edits["headline"]
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(edit, NEW_HEADLINE)
    assert dialog.model.item(0, 5).text() == NEW_HEADLINE
    assert dialog.model.item(0, 8).text() == "0"
    assert dialog.model.item(0, 2).text() == "new (corrected)"
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # shows the correction; does not import
    assert window.import_dialog is dialog and dialog.isVisible() and window.store.count("releases") == 0
    assert NEW_HEADLINE in dialog.preview.toPlainText()
    assert "(corrected by you)" in dialog.preview.toPlainText()

    with qtbot.waitSignal(window.imported, timeout=60000) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert [o.status for o in done.args[0]] == ["imported"]

    store = window.store
    releases = window.pages["releases"]

    def check_stored() -> None:
        (stored,) = store.page("releases")
        release = store.release(stored["id"])
        assert release["headline"] == NEW_HEADLINE
        assert release["contacts"] == [] and store.count("contacts") == 0
        assert [c["name"] for c in release["compounds"]] == ["NWT-204"]  # what was kept stays
        assert not [s for s in release["spans"] if s["entity"] == "release" and s["field"] == "headline"]
        assert corrections(store) == [(stored["id"], "headline", HEADLINE, NEW_HEADLINE),
                                      (stored["id"], "contact", "Grace Hopper", None)]
        click_row(qtbot, releases, 0)
        pane = releases.detail.toPlainText()
        assert f"{NEW_HEADLINE} (corrected by you)" in pane
        assert "Left out" in pane and "contact “Grace Hopper” (by you)" in pane

    check_stored()
    window.activateWindow()  # as the dialog closes; offscreen, nobody gives it back
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with stored(qtbot, window):
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert store.count("releases") == 0 and corrections(store) == []
    assert releases.model.total == 0
    with stored(qtbot, window):
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert store.count("releases") == 1
    check_stored()


def test_a_correction_taken_back_is_no_correction(qtbot, window, tmp_path):
    (tmp_path / "one.txt").write_text(release_text(), encoding="utf-8")
    dialog = open_review(qtbot, window, tmp_path / "one.txt")
    click_item(qtbot, dialog, 0)
    edit = dialog.edits["city"]
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(edit, "Cambridge")
    assert dialog.model.item(0, 2).text() == "new (corrected)"
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(edit, "Boston")
    assert dialog.model.item(0, 2).text() == "new"
    (chosen,) = dialog.chosen()
    assert chosen.corrections == [] and chosen.parsed is dialog.reads[0].parsed


def test_leaving_out_a_compound_takes_it_from_its_presentations_too():
    parsed = extract_bytes(release_text().encode(), "one.txt")
    assert parsed.presentations[0].compounds == ["NWT-204"]
    review = Review()
    review.keep("compounds", 0, False)
    review.set_field(parsed, "wire", "")
    corrected, changes = review.apply(parsed)
    assert corrected.compounds == [] and corrected.presentations[0].compounds == []
    assert corrected.release.wire is None and "wire" not in corrected.release.spans
    assert changes == [("wire", "GLOBE NEWSWIRE", None), ("compound", "NWT-204", None)]
    assert parsed.compounds and parsed.release.wire == "GLOBE NEWSWIRE"  # the read is kept as it was


def long_release() -> bytes:
    """About 50 KB: the sample with many paragraphs of body text."""
    body = ("The study enrolled patients across many sites, and responses were observed at several dose "
            "levels with durable disease control in a number of cohorts & subgroups <as reported>. ") * 3
    paragraphs = "\n\n".join(f"Paragraph {n}. {body}" for n in range(90))
    return release_text(extra=paragraphs).encode()


def test_opening_a_50_kb_item_shows_it_whole_with_its_marks(qtbot, window, tmp_path):
    data = long_release()
    assert len(data) > 50_000
    (tmp_path / "long.txt").write_bytes(data)
    dialog = open_review(qtbot, window, tmp_path / "long.txt")
    click_item(qtbot, dialog, 0)
    parsed = dialog.reads[0].parsed
    shown = dialog.preview.toPlainText()
    assert "Paragraph 89." in shown and "subgroups <as reported>" in shown  # escaped, not swallowed
    assert HEADLINE in shown and "Grace Hopper" in shown
    marks = dialog.preview.toHtml().count("background-color")
    assert marks >= len(parsed.release.spans)


def test_a_field_edited_in_the_table_is_corrected_by_you_until_undone(qtbot, window, tmp_path):
    (tmp_path / "one.txt").write_text(release_text(), encoding="utf-8")
    dialog = open_review(qtbot, window, tmp_path / "one.txt")
    with qtbot.waitSignal(window.imported, timeout=60000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    releases = window.pages["releases"]
    click_row(qtbot, releases, 0)
    assert "corrected by you" not in releases.detail.toPlainText()
    with stored(qtbot, window):
        assert releases.model.setData(releases.model.index(0, 1), "Cambridge Biotech Inc.", Qt.ItemDataRole.EditRole)
    click_row(qtbot, releases, 0)
    assert "Cambridge Biotech Inc. (corrected by you)" in releases.detail.toPlainText()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with stored(qtbot, window):
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    click_row(qtbot, releases, 0)
    assert "corrected by you" not in releases.detail.toPlainText()
    assert corrections(window.store) == []


def test_a_date_that_is_no_day_holds_the_import_until_corrected(qtbot, window, tmp_path):
    (tmp_path / "one.txt").write_text(release_text(), encoding="utf-8")
    (tmp_path / "two.txt").write_text(release_text(code="QX-202", date="May 5, 2025",
                                                   headline="Northwind Therapeutics Licenses a Second Candidate"),
                                      encoding="utf-8")
    dialog = open_review(qtbot, window, tmp_path / "one.txt", tmp_path / "two.txt")
    click_item(qtbot, dialog, 0)
    edit = dialog.edits["date"]
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(edit, "2024-02-30")
    assert not dialog.import_button.isEnabled()
    assert "Item 1, date: there is no such day" in dialog.summary.text()
    assert "no such day" in edit.toolTip()
    dialog.model.item(0, 0).setCheckState(Qt.CheckState.Unchecked)  # not imported: no need to correct it
    assert dialog.import_button.isEnabled()
    dialog.model.item(0, 0).setCheckState(Qt.CheckState.Checked)
    assert not dialog.import_button.isEnabled()
    click_item(qtbot, dialog, 1)  # away and back: what was typed is still there, still marked
    assert edit.text() == "2025-05-05" and not edit.toolTip()
    click_item(qtbot, dialog, 0)
    assert edit.text() == "2024-02-30" and edit.toolTip()
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_End)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert "a date is written YYYY-MM-DD" in edit.toolTip()  # half typed
    qtbot.keyClicks(edit, "29")
    assert dialog.import_button.isEnabled() and not edit.toolTip()
    assert dialog.model.item(0, 3).text() == "2024-02-29"
    with qtbot.waitSignal(window.imported, timeout=60000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert sorted(r["date"] for r in window.store.page("releases")) == ["2024-02-29", "2025-05-05"]
