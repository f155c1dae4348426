"""A store with releases paints its first frame through a stand-in list (``Tab.preview``) that
the real model replaces right after the paint: the frame names nothing from PySide's Qt
namespace, and the swap is invisible to the user, whose first key or click acts on the real
model. No timings: bench/startup.py measures those."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from irdesk.importer import import_paths
from irdesk.store import Store
from irdesk.ui.main_window import SAMPLES, MainWindow
from test_ui_window import Answers, isolated_settings  # noqa: F401 - fixture reused

ROOT = Path(__file__).resolve().parents[1]

# Paints the window once, then says whether the Qt namespace was made and what the tabs were.
FIRST_PAINT = r"""
import json, sys
sys.path.insert(0, sys.argv[2])
import PySide6.QtCore
from PySide6.QtCore import QEvent, QObject, QTimer
from irdesk.store import Store
from irdesk.ui.app import make_application
from irdesk.ui.main_window import MainWindow

app = make_application()
window = MainWindow(Store(sys.argv[1]))
seen = {}

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen["qt_namespace"] = "Qt" in vars(PySide6.QtCore)  # PySide adds it when it makes it
            seen["tabs"] = {kind: [tab.made, tab.built] for kind, tab in window.pages.items()}
            seen["modules"] = sorted(sys.modules)
            QTimer.singleShot(0, app.quit)
        return False

watcher = FirstPaint()
window.centralWidget().installEventFilter(watcher)
window.show()
app.exec()
print(json.dumps(seen))
"""


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.db") as s:
        import_paths(s, [SAMPLES])
        yield s


def first_paint(path: Path, config: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config))
    out = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(path), str(ROOT)],
                         env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_first_frame_of_a_full_store_names_nothing_from_the_qt_namespace(tmp_path, store):
    seen = first_paint(store.path, tmp_path / "config")
    assert seen["tabs"]["releases"] == [True, False]  # previewed: the stand-in in the view
    assert seen["qt_namespace"] is False
    # The watcher's thread, the cell editors and the import load after the first paint.
    assert {"irdesk.ui.live", "irdesk.ui.editing", "irdesk.importer"}.isdisjoint(seen["modules"])
    empty = tmp_path / "empty.db"
    Store(empty).close()
    assert first_paint(empty, tmp_path / "config")["qt_namespace"] is False


def shown_window(qtbot, store) -> tuple[MainWindow, QTableView]:
    """A window just shown, its list still the stand-in; the table as a user's input finds it."""
    window = MainWindow(store, Answers())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    tab = window.pages["releases"]
    assert tab.made and not tab.built  # nothing has run since the paint: the swap is queued
    table = window.findChild(QTableView)
    assert table.model() is not tab._model
    return window, table


def test_a_key_on_the_list_straight_after_show_acts_on_the_real_model(qtbot, store):
    window, table = shown_window(qtbot, store)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    tab = window.pages["releases"]
    assert tab.built and table.model() is tab.model
    assert table.currentIndex().isValid()
    first = tab.model.id_at(table.currentIndex().row())
    assert tab.detail.shown == ("release", first)  # the window heard the row chosen


def test_a_click_on_the_list_straight_after_show_selects_that_row_of_the_real_model(qtbot, store):
    window, table = shown_window(qtbot, store)
    rect = table.visualRect(table.model().index(2, 0))  # where the stand-in shows the third row
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    tab = window.pages["releases"]
    assert table.model() is tab.model and table.currentIndex().row() == 2
    assert tab.selected_ids() == [tab.model.id_at(2)]
    assert tab.detail.shown == ("release", tab.model.id_at(2))


def test_the_swap_keeps_what_the_stand_in_showed(qtbot, store):
    window, table = shown_window(qtbot, store)
    stand_in = table.model()
    cells = [[stand_in.index(r, c).data() for c in range(stand_in.columnCount())] for r in range(stand_in.rowCount())]
    titles = [stand_in.headerData(c, Qt.Orientation.Horizontal) for c in range(stand_in.columnCount())]
    header = table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(header.count())]
    table.setCurrentIndex(stand_in.index(1, 0))  # no input event: the stand-in takes it
    tab = window.pages["releases"]
    assert tab.model is table.model()  # asked for: swapped
    model = tab.model
    assert [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())] == cells
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == titles
    assert [header.sectionSize(c) for c in range(header.count())] == widths
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == 0
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder and table.isSortingEnabled()
    assert table.currentIndex().row() == 1 and tab.detail.shown == ("release", model.id_at(1))


def test_a_remembered_sort_and_columns_show_in_the_first_frame(qtbot, store):
    window = MainWindow(store, Answers())
    qtbot.addWidget(window)
    table = window.pages["releases"].table
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    table.setColumnWidth(0, 140)
    window.save_state()
    again = MainWindow(store, Answers())
    qtbot.addWidget(again)
    tab = again.pages["releases"]
    assert tab.made and not tab.built
    stand_in = tab._table.model()
    companies = [stand_in.index(r, 1).data() for r in range(stand_in.rowCount())]
    assert companies == sorted(companies, key=str.lower) and tab._table.columnWidth(0) == 140
    assert tab.model.sort_state == (1, False)  # swapped: the real model in the same order
    assert [tab.model.index(r, 1).data() for r in range(tab.model.rowCount())] == companies
    header = tab.table.horizontalHeader()
    assert header.sortIndicatorSection() == 1 and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert tab.table.columnWidth(0) == 140


def test_the_filter_clears_on_escape_from_the_first_frame(qtbot, store):
    window = MainWindow(store, Answers())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window
    assert [(a.shortcut().toString(), a.shortcutContext()) for a in window.filter.actions()] == [
        ("Esc", Qt.ShortcutContext.WidgetShortcut)]
    window.filter.setText("Quillon")
    window.focus_filter()
    qtbot.keyClick(window.filter, Qt.Key.Key_Escape)  # its shortcut set by number: the filter's own
    assert window.filter.text() == ""


def test_the_swap_keeps_the_place_the_list_was_scrolled_to(qtbot, store):
    window = MainWindow(store, Answers())
    qtbot.addWidget(window)
    window.resize(500, 160)  # three releases do not fit: the list scrolls
    window.show()
    qtbot.waitExposed(window)
    table = window.findChild(QTableView)
    assert not window.pages["releases"].built
    table.verticalScrollBar().setValue(1)  # no input event: the stand-in scrolls
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    top, left = table.rowAt(0), table.horizontalScrollBar().value()
    assert top == 1 and left > 0
    tab = window.pages["releases"]
    assert tab.table.model() is tab.model
    assert table.rowAt(0) == top and table.horizontalScrollBar().value() == left


def test_a_header_saved_without_its_sort_builds_the_list_at_once_sorted_as_it_says(qtbot, store):
    from irdesk.ui.settings import settings

    window = MainWindow(store, Answers())
    qtbot.addWidget(window)
    window.pages["releases"].table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    window.save_state()
    settings().remove("releases/sort")  # as an older version left it: the sort only in the header
    again = MainWindow(store, Answers())
    qtbot.addWidget(again)
    tab = again.pages["releases"]
    assert tab.built and tab.model.sort_state == (1, False)
    header = tab.table.horizontalHeader()
    assert header.sortIndicatorSection() == 1 and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
