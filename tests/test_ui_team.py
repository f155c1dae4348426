"""The window on a team's PostgreSQL store, driven as users would: connecting through the
dialog, others' changes showing live, and edits or undos that meet someone else's change."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from irdesk.importer import import_paths
from irdesk.store import Store, is_team_store
from irdesk.ui import stores
from irdesk.ui.main_window import SAMPLES, Dialogs, MainWindow


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp, monkeypatch):
    QCoreApplication.setOrganizationName("IR Desk Tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # one's own store, for these tests
    yield


class Answers(Dialogs):
    """Answers the window's questions; the conflict dialog is the real one, its button clicked."""

    def __init__(self, conflicts=()):
        self.messages, self.conflicts, self.seen = [], list(conflicts), []
        self.team = self.store_file = None

    def inform(self, parent, title, text):
        self.messages.append(text)

    def open_store_file(self, parent):
        return self.store_file

    def team_store(self, dialog):
        self.team = dialog
        dialog.open()

    def conflict(self, dialog):
        self.seen.append(dialog.rows())
        dialog.show()
        (dialog.mine_button if self.conflicts.pop(0) else dialog.theirs_button).click()
        return dialog.result() == QDialog.DialogCode.Accepted


@pytest.fixture
def make_window(qtbot):
    """Windows closed at the end, and the store each ended on (the window's own, or one it switched to)."""
    made = []

    def make(store, answers=None):
        window = MainWindow(store, answers or Answers())
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
        window.store.close()


@pytest.fixture
def team(pg_url):
    with Store(pg_url) as store:
        import_paths(store, [SAMPLES / "01-halvorsen-ash-presentations.txt",
                             SAMPLES / "02-ardent-investor-conference.txt"])
        yield store


def settings_text(tmp_path: Path) -> str:
    QSettings().sync()
    return "".join(p.read_text(encoding="utf-8", errors="replace") for p in (tmp_path / "settings").rglob("*")
                   if p.is_file())


def release_row(tab, word: str) -> int:
    return next(n for n in range(tab.model.rowCount()) if word in tab.model.index(n, 2).data())


def select(tab, row: int) -> None:
    tab.table.setFocus()
    tab.table.selectRow(row)


def place(tab) -> tuple[list[int], int | None]:
    current = tab.table.currentIndex()
    return tab.selected_ids(), tab.model.id_at(current.row()) if current.isValid() else None


def test_connecting_through_the_dialog_switches_the_window_to_the_team_store(qtbot, make_window, tmp_path, team, pg_url):
    answers = Answers()
    with Store(tmp_path / "own.db") as own:
        window = make_window(own, answers)
        assert window.pages["releases"].model.total == 0
        window.connect_team_store()
        dialog = answers.team
        # A server that is not there: the store's sentence, in the dialog, which stays open.
        dialog.tabs.setCurrentIndex(1)
        dialog.string.setText(f"postgresql://nobody@/irdesk?host={tmp_path}&port=1")
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.connect_button.isEnabled(), timeout=20000)
        assert "cannot be reached" in dialog.message.text() and dialog.isVisible()
        assert window.store is own
        dialog.string.setText(pg_url)
        dialog.password.setText("typed-secret-4711")
        with qtbot.waitSignal(dialog.connected, timeout=20000):
            qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        assert window.store.team and not dialog.isVisible()
        assert window.pages["releases"].model.total == 2
        assert window.windowTitle().endswith("(team store)") and window.store.name in window.windowTitle()
        assert not window.data_folder_action.isEnabled()
        assert "Team store" in window.about_text()
        # Remembered for the next start, without the password typed.
        remembered = stores.remembered_location()
        assert remembered and is_team_store(remembered)
        assert "typed-secret-4711" not in settings_text(tmp_path)
        with stores.open_at_start() as again:
            assert again.team and again.count("releases") == 2
        window.close()


def test_the_dialog_fills_in_a_remembered_server_and_builds_its_string(qtbot):
    from irdesk.ui.team_dialog import TeamStoreDialog

    dialog = TeamStoreDialog("host=db.example.com port=5433 dbname=team user=ann sslmode=verify-full")
    qtbot.addWidget(dialog)
    assert (dialog.host.text(), dialog.port.text(), dialog.database.text(), dialog.user.text()) == \
        ("db.example.com", "5433", "team", "ann")
    assert dialog.tls.currentData() == "verify-full"
    dialog.password.setText("pw")
    assert "pw" not in dialog.location() and is_team_store(dialog.location())
    assert "sslmode=verify-full" in dialog.location()
    service = TeamStoreDialog("service=team sslmode=require")
    qtbot.addWidget(service)
    assert service.tabs.currentIndex() == 1 and service.string.text().startswith("service=team")
    service.string.setText("user=ann")  # no database, server or service: said, not taken for a file name
    service.start()
    assert "database" in service.message.text()


def test_a_team_store_that_cannot_be_reached_at_start_offers_ones_own(tmp_path):
    stores.remember(f"postgresql://nobody@/irdesk?host={tmp_path}&port=1")
    asked = []
    with stores.open_at_start(ask=lambda why: asked.append(why) or True) as store:
        assert not store.team and store.path == tmp_path / "data" / "IR Desk" / "irdesk.db"
    assert "cannot be reached" in asked[0]
    assert stores.remembered_location() is not None  # tried again at the next start


def test_others_imports_edits_and_deletes_show_live_keeping_the_selection(qtbot, make_window, team, pg_url):
    window = make_window(team.reopen())
    tab = window.pages["releases"]
    chosen = release_row(tab, "Halvorsen")
    select(tab, chosen)
    kept = place(tab)
    assert kept[0] == [tab.model.id_at(chosen)]
    with Store(pg_url) as other:
        import_paths(other, [SAMPLES / "03-quillon-data-release.html"])
        qtbot.waitUntil(lambda: tab.model.total == 3)
        assert place(tab) == kept
        assert "3 releases" in window.counts.text()
        ardent = other.page("releases", query="Ardent")[0]["id"]
        other.edit("releases", ardent, "headline", "Ardent changes its plans")
        qtbot.waitUntil(lambda: any("Ardent changes its plans" == tab.model.index(n, 2).data()
                                    for n in range(tab.model.rowCount())))
        assert place(tab) == kept
        halvorsen = kept[0][0]
        other.edit("releases", halvorsen, "headline", "Halvorsen, renamed by a colleague")
        qtbot.waitUntil(lambda: "renamed by a colleague" in tab.detail.toPlainText())  # the pane follows
        other.delete_releases([ardent])
        qtbot.waitUntil(lambda: tab.model.total == 2)
        assert place(tab) == kept
    window.close()


def test_the_own_file_shows_a_second_connections_change_live(qtbot, make_window, tmp_path):
    with Store(tmp_path / "live.db") as store:
        import_paths(store, [SAMPLES])
        window = make_window(store)
        tab = window.pages["releases"]
        select(tab, 1)
        kept = place(tab)
        with Store(tmp_path / "live.db") as other:
            other.edit("releases", kept[0][0], "headline", "Changed in another window")
            qtbot.waitUntil(lambda: tab.model.index(tab.model.row_of(kept[0][0]), 2).data() == "Changed in another window")
            assert place(tab) == kept
            other.delete_releases([r["id"] for r in other.page("releases") if r["id"] != kept[0][0]][:1])
            qtbot.waitUntil(lambda: tab.model.total == 2)
            assert place(tab) == kept
        window.close()


def open_editor(qtbot, tab, row: int, column: int = 2) -> QLineEdit:
    index = tab.model.index(row, column)
    tab.table.setCurrentIndex(index)
    tab.table.edit(index)
    editor = tab.table.findChild(QLineEdit)
    assert editor is not None
    return editor


@pytest.mark.parametrize("keep_mine", [True, False])
def test_an_edit_over_someone_elses_change_asks_whose_to_keep(qtbot, make_window, team, pg_url, keep_mine):
    answers = Answers(conflicts=[keep_mine])
    window = make_window(team.reopen(), answers)
    tab = window.pages["releases"]
    row = release_row(tab, "Ardent")
    row_id = tab.model.id_at(row)
    editor = open_editor(qtbot, tab, row)
    with Store(pg_url) as other:
        other.edit("releases", row_id, "headline", "Theirs, written while I typed")
        # The watcher's notice arrives while the editor is open: the list waits for it to close.
        qtbot.waitUntil(lambda: "releases" in window._deferred)
        assert tab.table.findChild(QLineEdit) is editor  # nothing typed was thrown away
        editor.setText("Mine, typed in the cell")
        with qtbot.waitSignal(window.operations.finished, timeout=20000):
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        assert answers.seen == [[["Release “Theirs, written while I typed”", "headline", "Mine, typed in the cell",
                                  "Theirs, written while I typed"]]]
        expected = "Mine, typed in the cell" if keep_mine else "Theirs, written while I typed"
        qtbot.waitUntil(lambda: other.release(row_id)["headline"] == expected and not window.operations.busy)
        qtbot.waitUntil(lambda: tab.model.index(tab.model.row_of(row_id), 2).data() == expected)
        assert window.undo_stack.count() == (1 if keep_mine else 0)
    window.close()


@pytest.mark.parametrize("anyway", [True, False])
def test_an_undo_across_someone_elses_change_asks_first(qtbot, make_window, team, pg_url, anyway):
    answers = Answers(conflicts=[anyway])
    window = make_window(team.reopen(), answers)
    tab = window.pages["releases"]
    row = release_row(tab, "Ardent")
    row_id = tab.model.id_at(row)
    original = team.release(row_id)["headline"]
    editor = open_editor(qtbot, tab, row)
    editor.setText("My edit")
    with qtbot.waitSignal(window.operations.finished, timeout=20000):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.undo_stack.count() == 1 and answers.seen == []
    with Store(pg_url) as other:
        other.edit("releases", row_id, "headline", "Their edit after mine")
        with qtbot.waitSignal(window.operations.finished, timeout=20000):
            window.undo()
        assert answers.seen[0][0][1:] == ["headline", original, "Their edit after mine"]
        if anyway:
            qtbot.waitUntil(lambda: other.release(row_id)["headline"] == original and not window.operations.busy)
            assert window.undo_stack.index() == 0 and window.undo_stack.canRedo()
        else:
            assert other.release(row_id)["headline"] == "Their edit after mine"
            # The step is off the stack: no Ctrl+Z or Ctrl+Shift+Z can write over theirs unasked.
            assert window.undo_stack.count() == 0
            assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    window.close()


def test_the_conflict_dialog_says_deleted_and_offers_no_keep_mine_for_a_gone_record(qtbot):
    from irdesk.store import Clash, Conflict
    from irdesk.ui.conflict_dialog import Clashes, ConflictDialog

    clashes = Clashes(Conflict([Clash("releases", 7, "headline", "Mine", None)]), gone={("releases", 7)})
    dialog = ConflictDialog(clashes, "Someone else changed this.")
    qtbot.addWidget(dialog)
    assert dialog.rows() == [["Release #7", "headline", "Mine", "deleted"]]
    assert not dialog.mine_button.isEnabled() and dialog.theirs_button.isDefault()


def test_changes_show_again_after_the_watchers_connection_was_dropped(qtbot, make_window, team, pg_url):
    import psycopg

    window = make_window(team.reopen())
    watching = ("FROM pg_stat_activity WHERE application_name = 'IR Desk (watching)' "
                "AND datname = current_database()")
    with psycopg.connect(pg_url, autocommit=True) as admin:
        qtbot.waitUntil(lambda: admin.execute(f"SELECT count(*) {watching}").fetchone()[0] == 1)
        admin.execute(f"SELECT pg_terminate_backend(pid) {watching}")
    with Store(pg_url) as other:
        other.edit("releases", other.page("releases")[0]["id"], "headline", "Seen again")
        tab = window.pages["releases"]
        qtbot.waitUntil(lambda: any(tab.model.index(n, 2).data() == "Seen again" for n in range(tab.model.rowCount())),
                        timeout=15000)


def test_another_file_and_back_to_ones_own_store(qtbot, make_window, tmp_path):
    with Store(tmp_path / "other.db") as other:
        import_paths(other, [SAMPLES])
    answers = Answers()
    window = make_window(Store(tmp_path / "first.db"), answers)
    answers.store_file = str(tmp_path / "other.db")
    window.open_store_file()
    qtbot.waitUntil(lambda: window.store.path == tmp_path / "other.db")
    assert window.pages["releases"].model.total == 3 and window.windowTitle() == "IR Desk — other.db"
    assert stores.remembered_location() == str(tmp_path / "other.db")
    assert window.own_store_action.isEnabled() and window.data_folder_action.isEnabled()
    window.use_own_store()
    qtbot.waitUntil(lambda: window.store.path == tmp_path / "data" / "IR Desk" / "irdesk.db")
    assert window.pages["releases"].model.total == 0 and not window.own_store_action.isEnabled()
    assert stores.remembered_location() is None


def test_tabbing_through_a_rows_cells_is_no_conflict_with_ones_own_edits(qtbot, make_window, team):
    answers = Answers()
    window = make_window(team.reopen(), answers)
    tab = window.pages["releases"]
    row = release_row(tab, "Ardent")
    row_id = tab.model.id_at(row)
    editor = open_editor(qtbot, tab, row, column=1)
    editor.setText("Ardent Renamed Inc.")
    first = editor
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # the next cell's editor opens before the first edit is stored
    assert tab.table.currentIndex().column() == 2
    editor = next(e for e in tab.table.findChildren(QLineEdit) if e is not first)
    editor.setText("A headline typed right after")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: team.release(row_id)["headline"] == "A headline typed right after"
                    and not window.operations.busy, timeout=20000)
    assert team.release(row_id)["company"] == "Ardent Renamed Inc."
    assert answers.seen == [] and answers.messages == []
    assert window.undo_stack.count() == 2


def test_a_live_reload_keeps_the_scroll_position_by_record(qtbot, make_window, tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from generate import generate

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in generate(60, seed=3):
        (folder / name).write_text(text, encoding="utf-8")
    with Store(tmp_path / "scroll.db") as store:
        import_paths(store, [folder])
    window = make_window(Store(tmp_path / "scroll.db"))
    window.resize(900, 500)
    tab = window.pages["releases"]
    qtbot.waitUntil(lambda: tab.table.rowAt(0) == 0)
    tab.table.verticalScrollBar().setValue(tab.table.verticalScrollBar().maximum() // 2)
    top = tab.model.id_at(tab.table.rowAt(0))
    select(tab, tab.table.rowAt(0) + 3)
    kept = place(tab)
    with Store(tmp_path / "scroll.db") as other:
        other.delete_releases([tab.model.id_at(1), tab.model.id_at(2)])  # rows above move everything up
        qtbot.waitUntil(lambda: tab.model.total == 58)
    assert tab.model.id_at(tab.table.rowAt(0)) == top
    assert place(tab) == kept


def test_the_live_list_model_passes_the_model_tester_and_knows_its_rows(qtmodeltester, tmp_path):
    from irdesk.ui.live import LiveListModel

    with Store(tmp_path / "m.db") as store:
        import_paths(store, [SAMPLES])
        model = LiveListModel(store, "compounds", on_edit=lambda *a: None)
        qtmodeltester.check(model, force_py=True)
        assert model.unchanged() and model.version_at(0) == 1
        store.edit("compounds", model.id_at(0), "target", "CD33")
        assert not model.unchanged()
        model.reload()
        assert model.unchanged() and model.version_at(0) == 2


def test_a_redo_over_someone_elses_change_kept_theirs_leaves_the_stack(qtbot, make_window, team, pg_url):
    answers = Answers(conflicts=[False])
    window = make_window(team.reopen(), answers)
    tab = window.pages["releases"]
    row_id = tab.model.id_at(release_row(tab, "Ardent"))
    editor = open_editor(qtbot, tab, tab.model.row_of(row_id))
    editor.setText("Mine, then undone")
    with qtbot.waitSignal(window.operations.finished, timeout=20000):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    with qtbot.waitSignal(window.operations.finished, timeout=20000):
        window.undo()
    assert window.undo_stack.canRedo() and answers.seen == []
    with Store(pg_url) as other:
        other.edit("releases", row_id, "headline", "Theirs, after my undo")
        with qtbot.waitSignal(window.operations.finished, timeout=20000):
            window.redo()
        assert answers.seen[0][0][1:] == ["headline", "Mine, then undone", "Theirs, after my undo"]
        assert other.release(row_id)["headline"] == "Theirs, after my undo"
    assert window.undo_stack.count() == 0 and not window.redo_action.isEnabled()
