"""What the window loads before its first paint, and the background-work helper that keeps
the GUI thread free during an import (issue #11). No timings: bench/startup.py and
bench/import_ui.py measure those."""

from __future__ import annotations

import gc

import pytest

from irdesk.importer import import_paths
from irdesk.store import Store
from irdesk.ui.detail import DetailPane
from irdesk.ui.main_window import SAMPLES, MainWindow
from irdesk.ui.tasks import Task
from test_ui_first_frame import first_paint
from test_ui_window import Answers, isolated_settings  # noqa: F401 - fixture reused

# Loaded when first used, never for the first paint (of an empty store, which shows no list).
NOT_AT_START = ["logging.handlers", "html", "sqlite_utils", "irdesk.importer", "irdesk.extract.engine",
                "irdesk.extract.formats", "irdesk.sheets", "irdesk.exports", "irdesk.ui.import_dialog",
                "irdesk.ui.printing", "PySide6.QtPrintSupport", "PySide6.QtSvg", "vobject", "icalendar", "dateutil",
                # changes, undo, output, drops and store switching load with their first use
                "irdesk.ui.operations", "irdesk.ui.commands", "irdesk.ui.output", "irdesk.ui.dropping",
                "irdesk.ui.tasks",
                # an empty store shows no list: the lists' models, views and panes load after its first paint
                "irdesk.ui.models", "irdesk.ui.live", "irdesk.ui.detail", "irdesk.ui.editing"]


def test_the_first_paint_loads_nothing_it_does_not_show(tmp_path):
    Store(tmp_path / "empty.db").close()  # made here: making a store's tables loads sqlite-utils
    loaded = set(first_paint(tmp_path / "empty.db", tmp_path / "config")["modules"])
    assert "irdesk.ui.main_window" in loaded
    assert [name for name in NOT_AT_START if name in loaded] == []


def test_a_detail_pane_not_yet_shown_shows_its_hint_once_shown(qtbot, tmp_path):
    with Store(tmp_path / "s.db") as store:
        pane = DetailPane(store)
        qtbot.addWidget(pane)
        assert pane.shown is None
        pane.show()
        qtbot.waitExposed(pane)
        assert pane.toPlainText() == "Select a row to see it here."
        other = DetailPane(store)
        qtbot.addWidget(other)
        other.show_nothing("Nothing matches.")  # filled before it is shown: kept
        other.show()
        qtbot.waitExposed(other)
        assert other.toPlainText() == "Nothing matches."


def test_pieces_arrive_in_order_all_before_the_result(qtbot):
    events = []

    def work(progress):
        for n in range(500):
            task.send(n)
            progress.report(n + 1, 500, "")
        return "done"

    task = Task(work)
    task.signals.partial.connect(lambda pieces: events.append(("pieces", pieces)))
    task.signals.progress.connect(lambda done, total, _text: events.append(("progress", done)))
    task.signals.finished.connect(lambda result: events.append(("finished", result)))
    with qtbot.waitSignal(task.signals.finished, timeout=10000):
        task.start()
    pieces = [n for kind, value in events if kind == "pieces" for n in value]
    assert pieces == list(range(500))
    assert events[-1] == ("finished", "done")
    assert [value for kind, value in events if kind == "progress"][-1] == 500  # the last report is never lost


def test_the_collector_walks_everything_again_once_work_is_done(qtbot):
    frozen_while_working = []

    def work(progress):
        frozen_while_working.append(gc.get_freeze_count())
        return None

    task = Task(work)
    with qtbot.waitSignal(task.signals.finished, timeout=10000):
        task.start()
    assert frozen_while_working[0] > 0 and gc.get_freeze_count() == 0

    def fail(progress):
        raise RuntimeError("a bug in the worker")

    failing = Task(fail)
    with qtbot.waitSignal(failing.signals.failed, timeout=10000):
        failing.start()
    assert gc.get_freeze_count() == 0


@pytest.fixture
def samples_store(tmp_path):
    with Store(tmp_path / "s.db") as store:
        import_paths(store, [SAMPLES])
        yield store


def test_the_tabs_not_shown_are_built_right_after_the_first_paint(qtbot, samples_store):
    window = MainWindow(samples_store, Answers())
    qtbot.addWidget(window)
    assert [kind for kind, tab in window.pages.items() if tab.made] == ["releases"]  # the one shown, previewed
    assert not any(tab.built for tab in window.pages.values())
    assert window.watcher is None and window.counts.text() == ""
    window.show()
    qtbot.waitUntil(lambda: all(tab.built for tab in window.pages.values()))
    assert window.watcher is not None
    assert window.counts.text().startswith("3 releases")


def test_a_tab_is_built_as_soon_as_it_is_used_or_shown_even_before_the_first_paint(qtbot, samples_store):
    window = MainWindow(samples_store, Answers())
    qtbot.addWidget(window)
    assert window.pages["compounds"].model.total > 0  # asked for: built, and read
    assert not window.pages["contacts"].built
    window.tabs.setCurrentIndex(2)  # about to show: built first
    assert window.pages["contacts"].built and window.current_tab().model.rowCount() > 0


def test_an_empty_store_builds_no_list_before_its_first_paint(qtbot, tmp_path):
    with Store(tmp_path / "empty.db") as store:
        window = MainWindow(store, Answers())
        qtbot.addWidget(window)
        assert window.stack.currentWidget() is window.empty
        assert not any(tab.built for tab in window.pages.values())
        window.show()
        qtbot.waitUntil(lambda: all(tab.built for tab in window.pages.values()))
        assert window.stack.currentWidget() is window.empty


def test_a_store_of_an_earlier_version_is_said_to_be_upgraded_before_the_window_opens(qtbot, tmp_path):
    """The upgrade (a copy, then the new steps) holds the start for seconds on a large store:
    a notice says so while nothing else is on screen; an up-to-date store shows none."""
    from sqlite_utils import Database

    from irdesk.store.sqlite.connection import STEPS
    from irdesk.store.sqlite.schema import migrations
    from irdesk.ui.stores import open_at_start, upgrade_notice

    old = Database(tmp_path / "old.db")
    migrations.apply(old, stop_before=STEPS[-1])
    old.close()
    said = []
    store = open_at_start(str(tmp_path / "old.db"), upgrading=lambda: said.append(upgrade_notice()))
    assert len(said) == 1 and said[0].isVisible() and "up to date" in said[0].text()
    assert store.db.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid DESC").fetchone()[0] == STEPS[-1]
    store.close()
    said[0].close()
    open_at_start(str(tmp_path / "old.db"), upgrading=lambda: said.append("again")).close()
    open_at_start(str(tmp_path / "new.db"), upgrading=lambda: said.append("new")).close()
    assert len(said) == 1
