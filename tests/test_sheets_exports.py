"""Contact sheets rendered to real PDFs, and exports parsed back."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from pypdf import PdfReader

from irdesk import exports
from irdesk.importer import import_paths
from irdesk.sheets import SheetOptions, build
from irdesk.store import Store
from irdesk.ui.main_window import SAMPLES, MainWindow
from irdesk.ui.printing import write_pdf
from test_ui_window import Answers, isolated_settings  # noqa: F401 - fixture reused


def fake_people(count: int) -> tuple[list[dict], dict]:
    orgs = ["Northwind Partners", "Halvorsen Biotherapeutics", "Quillon Therapeutics N.V.", None]
    people = [{"id": n, "name": f"Person {n:04d} Example", "organization": orgs[n % 4],
               "title": "Director, Investor Relations and Corporate Communications" if n % 3 else None,
               "phone": f"617-555-{n:04d}", "email": f"person{n}@example.com",
               "audience": ["investors", "media", "both", None][n % 4], "last_seen": "2025-06-01"}
              for n in range(count)]
    reach = {p["id"]: {"phones": [p["phone"], f"+1 212 555 {p['id']:04d}"], "emails": [p["email"]]} for p in people}
    return people, reach


def pages_text(path) -> list[str]:
    """Each page's words, whitespace folded (a cell may wrap a name over two lines)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]


@pytest.mark.parametrize("layout", ["table", "cards"])
@pytest.mark.parametrize("group_by", ["organization", "audience", None])
def test_sheet_pdf_holds_everyone_whole_with_headings_and_page_numbers(qapp, tmp_path, layout, group_by):
    people, reach = fake_people(120)
    sheet = build(people, reach, SheetOptions("Who to call about NWT-204", layout, group_by), dt.date(2026, 3, 1))
    path = tmp_path / "sheet.pdf"
    pages = write_pdf(sheet, str(path))
    texts = pages_text(path)
    assert len(texts) == pages > 1
    for n, text in enumerate(texts, 1):
        assert "Who to call about NWT-204" in text and "01 March 2026" in text
        assert f"Page {n} of {pages}" in text
    for person in people:
        holding = [n for n, text in enumerate(texts) if person["name"] in text]
        assert len(holding) == 1, person["name"]  # on one page only...
        assert f"617-555-{person['id']:04d}" in texts[holding[0]]  # ...with the rest of their block
    if group_by == "organization":
        assert all(any(org in t for t in texts) for org in ("Northwind Partners", "Organization not given"))
    if group_by == "audience":
        assert any("Investors and media" in t for t in texts)


def test_an_empty_sheet_still_prints_its_page(qapp, tmp_path):
    pages = write_pdf(build([], {}, SheetOptions("Nobody")), str(tmp_path / "empty.pdf"))
    assert pages == 1


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "x.db") as s:
        import_paths(s, [SAMPLES])
        yield s


def test_calendar_gives_the_right_utc_instants(store):
    from icalendar import Calendar

    cal = Calendar.from_ical(exports.calendar(store.presentations_for()))
    events = {str(e["summary"]): e for e in cal.walk("VEVENT")}
    oral = events["Phase 1b Study of Velmotuzumab Soravtansine (VS, HLV-311) in Relapsed CD33-Positive Acute "
                  "Myeloid Leukemia"]
    assert oral.decoded("dtstart") == dt.datetime(2025, 12, 8, 19, 15, tzinfo=dt.timezone.utc)  # 2:15 pm ET
    assert str(oral["location"]) == "Valencia Ballroom B"
    assert "Session: 616" in str(oral["description"]) and "Abstract: 512" in str(oral["description"])
    talk = next(e for e in cal.walk("VEVENT") if "Bayfront" in str(e["summary"]))
    assert talk.decoded("dtstart") == dt.datetime(2026, 3, 10, 16, 30, tzinfo=dt.timezone.utc)  # 9:30 a.m. PT


def test_vcards_parse_back_to_the_same_people(store):
    import vobject

    people = store.contacts_for()
    reach = store.contact_reach([p["id"] for p in people])
    cards = list(vobject.readComponents(exports.vcards(people, reach).decode()))
    assert sorted(c.fn.value for c in cards) == sorted(p["name"] for p in people)
    marta = next(c for c in cards if c.fn.value == "Marta Lindqvist")
    assert [t.value for t in marta.tel_list] == ["617-555-0142"]
    assert [e.value for e in marta.email_list] == ["ir@halvorsen.example"]
    assert marta.org.value == ["Halvorsen Biotherapeutics, Inc."]


def test_csv_exports_parse_back(store):
    rows = list(csv.DictReader(io.StringIO(exports.csv_bytes("releases", store.all_rows("releases")).decode("utf-8-sig"))))
    assert len(rows) == 3 and {"date", "company", "headline"} <= set(rows[0])
    compounds = list(csv.DictReader(io.StringIO(
        exports.csv_bytes("compounds", store.all_rows("compounds")).decode("utf-8-sig"))))
    assert "HLV-311" in [c["name"] for c in compounds]


class SheetAnswers(Answers):
    def __init__(self, target, scope_index=0, layout=0):
        super().__init__()
        self.target, self.scope_index, self.layout, self.previewed = target, scope_index, layout, []

    def save_file(self, parent, title, name, filters):
        return str(self.target)

    def sheet_dialog(self, dialog):
        dialog.group.button(self.scope_index).setChecked(True)
        dialog.layout_box.setCurrentIndex(self.layout)
        self.dialog = dialog
        dialog.pdf_button.click()

    def preview(self, parent, printer, render):
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        dialog = QPrintPreviewDialog(printer, parent)
        dialog.paintRequested.connect(lambda p: self.previewed.append(render(p)))
        dialog.open()  # not modal: the test looks, then closes it
        self.preview_dialog = dialog


def test_print_sheet_for_a_compound_from_the_window(qtbot, store, tmp_path):
    target = tmp_path / "hlv.pdf"
    window = MainWindow(store, SheetAnswers(target))
    qtbot.addWidget(window)
    window.show()
    window.navigate("compound", store.page("compounds", query="HLV-311")[0]["id"])
    assert window.sheet_action.shortcut().toString() == "Ctrl+P"
    with qtbot.waitSignal(window.saved, timeout=30000):
        window.sheet_action.trigger()
    assert window.dialogs.dialog.title.text() == "Who to call about HLV-311"
    text = "\n".join(pages_text(target))
    assert "Marta Lindqvist" in text and "Peter Okonkwo" in text
    assert "Lena Park" not in text  # another company's release


def test_preview_renders_the_same_sheet(qtbot, store, tmp_path):
    answers = SheetAnswers(tmp_path / "x.pdf")
    window = MainWindow(store, answers)
    qtbot.addWidget(window)
    sheet = build(store.contacts_for(), {}, SheetOptions("Preview"))
    window.output.preview_sheet(sheet)
    qtbot.waitUntil(lambda: bool(answers.previewed), timeout=10000)
    assert answers.previewed[0] == 1
    answers.preview_dialog.close()


def test_exports_from_the_window_are_written_whole(qtbot, store, tmp_path):
    for what, name in (("ics", "p.ics"), ("vcard", "c.vcf"), ("contacts", "c.csv"), ("releases", "r.csv"),
                       ("compounds", "k.csv")):
        target = tmp_path / name
        window = MainWindow(store, SheetAnswers(target))
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.saved, timeout=30000):
            window.output.export(what)
        assert target.stat().st_size > 50
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(name) and p.name != name]  # no leftovers


def test_sheet_for_everyone_at_a_meeting(qtbot, store, tmp_path):
    target = tmp_path / "meeting.pdf"
    window = MainWindow(store, SheetAnswers(target))
    qtbot.addWidget(window)
    release = store.page("releases", query="Halvorsen")[0]["id"]
    window.navigate("release", release)
    window.navigate("presentation", store.release(release)["presentations"][0]["id"])
    scopes = window.output.sheet_scopes()
    assert scopes[0][2].keys() == {"meeting_id"} and "Imaginary Society of Hematology" in scopes[0][0]
    with qtbot.waitSignal(window.saved, timeout=30000):
        window.sheet_action.trigger()
    text = "\n".join(pages_text(target))
    assert "Marta Lindqvist" in text and "Lena Park" not in text


def test_page_setup_is_remembered(qtbot, store, tmp_path):
    from PySide6.QtGui import QPageLayout, QPageSize

    first = MainWindow(store, SheetAnswers(tmp_path / "x.pdf"))
    qtbot.addWidget(first)
    first.output.printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    first.output.printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    first.close()
    second = MainWindow(store, SheetAnswers(tmp_path / "y.pdf"))
    qtbot.addWidget(second)
    layout = second.output.printer.pageLayout()
    assert layout.pageSize().id() == QPageSize.PageSizeId.Letter
    assert layout.orientation() == QPageLayout.Orientation.Landscape


def test_the_calendar_export_says_what_it_left_out(qtbot, tmp_path):
    text = ("Northwind to Present at the 12th Imaginary Oncology Congress\n\n"
            "BOSTON, March 2, 2024 (GLOBE NEWSWIRE) -- Northwind Therapeutics, Inc. (Nasdaq: NWTX) today announced "
            "a poster at the 12th Imaginary Oncology Congress later this year.\n\n"
            "Title: \"A Phase 1 Study of NWT-204 in Solid Tumors\" (Abstract #1234)\n\n"
            "The company develops antibody-drug conjugates for patients with solid tumors in many countries.\n")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    target = tmp_path / "p.ics"
    with Store(tmp_path / "s.db") as s:
        import_paths(s, [tmp_path / "r.txt"])
        assert [p["starts_at"] for p in s.presentations_for()] == [None]
        answers = SheetAnswers(target)
        window = MainWindow(s, answers)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.saved, timeout=30000):
            window.output.export("ics")
    assert "1 presentation left out" in answers.messages[-1]
    assert "A Phase 1 Study of NWT-204 in Solid Tumors" in answers.messages[-1]
