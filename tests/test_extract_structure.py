"""The structure layer below every field: front matter, page chrome, run-together text,
wrapped PDF lines; and one release read the same from text, HTML, e-mail and PDF."""

from __future__ import annotations

import email.message
import html
import os

import pytest

from irdesk.extract import extract_file, extract_text
from irdesk.extract.normalize import normalize
from irdesk.extract.structure import line_kind, reflow, split_front_matter

RELEASE = (
    "Nimbus Cell Works Announces Positive Results from Phase 2 Study of NCW-201 in Adults with Chronic Cough\n\n"
    "PORTLAND, Ore., March 4, 2025 (GLOBE NEWSWIRE) -- Nimbus Cell Works, Inc. (Nasdaq: NCWX, NCWXW), "
    "a clinical-stage company developing inhaled medicines, today announced results from its Phase 2 study "
    "of NCW-201 in adults with refractory chronic cough.\n\n"
    "The study met its primary endpoint, with a reduction in cough frequency compared with placebo at week 12. "
    "The company plans to meet regulators later this year to discuss the design of a Phase 3 program.\n\n"
    "About Nimbus Cell Works\n\n"
    "Nimbus Cell Works, Inc. is a clinical-stage company in Portland developing inhaled medicines.\n\n"
    "Investor Contact:\nDana Whitfield\n(503) 555-0142\nir@nimbus.example\n"
)
FIELDS = ("date", "headline", "company", "tickers", "city", "wire")


def _fields(parsed) -> dict:
    return {k: getattr(parsed.release, k) for k in FIELDS}


def test_front_matter_title_is_the_headline_and_its_date_only_a_hint():
    text = ('---\ntitle: "Nimbus Cell Works Names a New Chief Medical Officer"\ndate: "2025-03-09 08:00:00"\n'
            'categories:\n  - "Newswires"\n---\n\nNimbus Cell Works, Inc. today named a new officer.\n')
    meta, body = split_front_matter(text)
    assert (meta.title, meta.date) == ("Nimbus Cell Works Names a New Chief Medical Officer", "2025-03-09")
    release = extract_text(text).release
    assert release.headline == "Nimbus Cell Works Names a New Chief Medical Officer"
    assert release.date == "2025-03-09"
    assert "categories" not in normalize(text)
    dated = text.replace("Nimbus Cell Works, Inc. today", "PORTLAND, Ore., March 4, 2025 -- Nimbus Cell Works, Inc. today")
    assert extract_text(dated).release.date == "2025-03-04"  # the dateline wins


def test_aggregator_chrome_above_the_release_is_dropped():
    text = ("(12:00 GMT) *Nimbus 4Q Net $1.2M >NCWX\n"
            "(12:00 GMT) Press Release: Nimbus Cell Works Reports Fourth Quarter Results\n\n"
            "Nimbus Cell Works Reports Fourth Quarter Results\n\n"
            "Nimbus Cell Works Reports Fourth Quarter Results\n\n"
            "PR Newswire\n\n"
            "PORTLAND, Ore., Feb. 12, 2025\n\n"
            "* Revenue grew in the quarter\n\n"
            "PORTLAND, Ore., Feb. 12, 2025 /PRNewswire/ -- Nimbus Cell Works, Inc. (NYSE: NCWX) today reported "
            "results for the quarter and the year, with more words to make this a paragraph of its own.\n")
    parsed = extract_text(text)
    assert ">NCWX" not in parsed.text and parsed.text.count("Reports Fourth Quarter Results") == 1
    assert _fields(parsed) == {"date": "2025-02-12", "headline": "Nimbus Cell Works Reports Fourth Quarter Results",
                               "company": "Nimbus Cell Works, Inc.", "tickers": ["NYSE:NCWX"],
                               "city": "Portland", "wire": "PRNewswire"}


def test_markdown_emphasis_and_escapes_are_read_as_text():
    assert normalize("**Investor Contact:** \\*Dana\\* _x_ *Media*") == "Investor Contact: *Dana* _x_ Media"


def test_run_together_paragraphs_are_split_where_the_writer_left_double_spaces():
    para = "Nimbus Cell Works said more about the study today. " * 14
    text = f"A Headline Long Enough to Be Read as One\n\n{para}  About Nimbus Cell Works  Nimbus is a company.  Dr. Lee said so.  Oct.  21"
    out = normalize(text)
    assert "today.\n\nAbout Nimbus Cell Works Nimbus is a company." in out  # no sentence end after a heading
    assert "company.\n\nDr. Lee" in out and "Oct. 21" in out  # an abbreviation is not a sentence end


def test_pdf_lines_wrapped_at_the_margin_are_joined():
    lines = ["Nimbus Cell Works Announces Positive Results from Phase 2 Study of NCW-201 in",
             "Adults with Chronic Cough",
             "PORTLAND, Ore.--(BUSINESS WIRE)-- Nimbus Cell Works, Inc. (NASDAQ:",
             "NCWX), a clinical-stage company developing inhaled medicines for SARS-",
             "CoV-2 and other infections, today announced results from its study of adults.",
             "Investor Contact:", "Dana Whitfield", "(503) 555-0142"]
    out = reflow(lines)
    assert out[0].endswith("NCW-201 in Adults with Chronic Cough")
    assert "(NASDAQ: NCWX)" in out[1] and "SARS-CoV-2" in out[1]
    assert out[-3:] == ["Investor Contact:", "Dana Whitfield", "(503) 555-0142"]


@pytest.mark.parametrize("dateline, city, date, wire, company, tickers", [
    ("(NewMediaWire) - March 4, 2025 - PORTLAND — The Lung Society", "Portland", "2025-03-04", "NewMediaWire", None, []),
    ("PORTLAND & SEATTLE–(BUSINESS WIRE)–Nimbus Cell Works, Inc. (Nasdaq: NCWX, NCWXW)", "Portland", None,
     "BUSINESS WIRE", "Nimbus Cell Works, Inc.", ["NASDAQ:NCWX", "NASDAQ:NCWXW"]),
    ("Portland, Oregon, USA and Basel, Switzerland, 4 March 2025. Nimbus Cell Works, Inc. (Nasdaq: NCWX)",
     "Portland", "2025-03-04", None, "Nimbus Cell Works, Inc.", ["NASDAQ:NCWX"]),
    ("HONG KONG/PORTLAND - Media OutReach Newswire - 4 March 2025 - Nimbus Cell Works Limited (2511.HK)",
     "Hong Kong", "2025-03-04", "Media OutReach Newswire", "Nimbus Cell Works Limited", ["HK:2511"]),
    ("RADNOR, PA - (NewMediaWire) - March 4, 2025 - The law firm of Abbot Lane & Reyes, LLP (www.alr.example) "
     "informs investors of a lawsuit against Nimbus Cell Works, Inc. (“Nimbus”) (NASDAQ: NCWX)",
     "Radnor", "2025-03-04", "NewMediaWire", "Abbot Lane & Reyes, LLP", []),
    ("DALLAS, TX -- March 4th, 2025 -- Nimbus Cell Works, Inc. (NASDAQ: NCWX). Granite Ridge Research Partners "
     "initiates coverage of the company", "Dallas", "2025-03-04", None, "Granite Ridge Research Partners", []),
    ("LOS ANGELES CA, March 4, 2025 /24-7PressRelease/ -- Nimbus Cell Works, Inc. (OTCQB: NCWX) opened",
     "Los Angeles", "2025-03-04", "24-7PressRelease", "Nimbus Cell Works, Inc.", ["OTCQB:NCWX"]),
    ("VANCOUVER, British Columbia--(Newsfile Corp. - March 4, 2025) - Nimbus Mining Corp. (TSXV: NMC) (OTCQB: NMCCF)",
     "Vancouver", "2025-03-04", "Newsfile Corp.", "Nimbus Mining Corp.", ["TSXV:NMC", "OTCQB:NMCCF"]),
    ("Mainz, Germany, 04.03.2025 – Nimbus AG (FSE: NMB)", "Mainz", "2025-03-04", None, "Nimbus AG", ["FSE:NMB"]),
    ("Tuesday, March 4, 2025 - Nimbus Cell Works, Inc. (NASDAQ: NCWX)", None, "2025-03-04", None,
     "Nimbus Cell Works, Inc.", ["NASDAQ:NCWX"]),
    ("PORTLAND, Ore., March 4, 2025 (GLOBE NEWSWIRE) -- In a study of 300 adults, Nimbus Cell Works, Inc. (NASDAQ: NCWX)",
     "Portland", "2025-03-04", "GLOBE NEWSWIRE", "Nimbus Cell Works, Inc.", ["NASDAQ:NCWX"]),
])
def test_dateline_and_issuer_grammar(dateline, city, date, wire, company, tickers):
    text = f"A Headline Long Enough to Be Read as One\n\n{dateline} said more in a longer sentence here.\n"
    release = extract_text(text).release
    assert (release.city, release.date, release.wire, release.company, release.tickers) == (city, date, wire, company, tickers)


@pytest.mark.parametrize("lead, company", [
    ("Portland, United States - March 4, 2025 / Harbor Lane Dental /\n\nPatients in Portland can now book online.",
     "Harbor Lane Dental"),
    ("PORTLAND, Ore., March 4, 2025 /24-7PressRelease/ -- On March 1, 2025, the Harbor Lane Foundation, Inc. (HLF) "
     "opened a clinic.", "Harbor Lane Foundation, Inc."),
    ("PORTLAND, Ore., March 4, 2025 /24-7PressRelease/ -- Healthcare is big business in Oregon these days.", None),
    ("PORTLAND, Ore., March 4, 2025 /24-7PressRelease/ -- Maria Lopez, President of Harbor Lane Dental, said so.", None),
    ("PORTLAND, Ore. (Newsworthy.ai) Tuesday Mar 4, 2025 @ 7:00 AM Eastern — Harbor Lane Dental LLC today opened.",
     "Harbor Lane Dental LLC"),
])
def test_issuer_shapes_of_small_wires(lead, company):
    text = f"A Headline Long Enough to Be Read as One\n\n{lead} More words follow in this paragraph.\n"
    assert extract_text(text).release.company == company


def test_issuer_from_the_about_section_when_the_lead_opens_with_the_story():
    text = ("Daily Walks Lower Blood Pressure in Older Adults, Study Finds\n\n"
            "(NewMediaWire) - March 4, 2025 - CHICAGO — In a study of 4,000 adults, daily walks lowered blood pressure.\n\n"
            "About the Lung and Heart Society\n\nThe Lung and Heart Society is a charity that funds research.\n")
    assert extract_text(text).release.company == "Lung and Heart Society"


def test_run_together_labels_and_a_glued_about_heading():
    para = ("PORTLAND, Ore., March 4, 2025 /24-7PressRelease/ -- Nimbus Cell Works, Inc. will present a poster at a "
            "meeting of lung doctors this spring, with more words here to make a long paragraph of prose. " * 4)
    text = (f"A Headline Long Enough to Be Read as One\n\n{para}Poster Title: Inhaled NCW-201 for chronic cough "
            "Presenter: Dana Whitfield, Ph.D. Abstract Number: A123\n\n"
            "About Nimbus Cell WorksNimbus Cell Works is a company whose shares are listed on the SIX Swiss Exchange "
            "(ticker symbol: NCWX) and more.\n")
    parsed = extract_text(text)
    assert "\nPresenter: Dana Whitfield, Ph.D.\nAbstract Number: A123" in parsed.text
    assert [a.heading for a in parsed.about] == ["Nimbus Cell Works"]
    assert parsed.about[0].text.startswith("Nimbus Cell Works is a company")
    assert parsed.release.tickers == ["SIX:NCWX"]


def test_letterhead_above_the_headline_is_not_the_headline():
    text = ("Exhibit 99.1\n\nNimbus Cell Works, Inc.\n\n2400 W. 12th St. Portland, OR 97201\n\nphone: 503-555-0100\n\n"
            "For Immediate Release: March 4, 2025\n\nNIMBUS CELL WORKS, INC. REPORTS FOURTH QUARTER NET INCOME\n\n"
            "PORTLAND, OR -- (BUSINESS WIRE) -- Nimbus Cell Works, Inc. (NYSE: NCWX) announced today its results.\n")
    release = extract_text(text).release
    assert (release.headline, release.date, release.city, release.company, release.tickers) == (
        "NIMBUS CELL WORKS, INC. REPORTS FOURTH QUARTER NET INCOME", "2025-03-04", "Portland",
        "Nimbus Cell Works, Inc.", ["NYSE:NCWX"])


def _pdf(path, markup: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - kept alive while printing
    doc = QTextDocument()
    doc.setHtml(markup)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    doc.print_(writer)


def test_the_same_release_as_text_html_email_and_pdf_gives_the_same_fields(tmp_path, qapp):
    paragraphs = [p for p in RELEASE.split("\n\n") if p.strip()]
    markup = "<html><body><article>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs) + "</article></body></html>"
    (tmp_path / "r.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "r.html").write_text(markup, encoding="utf-8")
    message = email.message.EmailMessage()
    message["From"], message["To"], message["Subject"] = "ir@nimbus.example", "desk@example.com", paragraphs[0]
    message["Date"] = "Mon, 10 Mar 2025 09:00:00 +0000"  # sent later: the dateline wins
    message.set_content(RELEASE)
    (tmp_path / "r.eml").write_bytes(bytes(message))
    _pdf(tmp_path / "r.pdf", markup)
    parsed = {ext: extract_file(tmp_path / f"r.{ext}") for ext in ("txt", "html", "eml", "pdf")}
    expected = {"date": "2025-03-04", "headline": paragraphs[0], "company": "Nimbus Cell Works, Inc.",
                "tickers": ["NASDAQ:NCWX", "NASDAQ:NCWXW"], "city": "Portland", "wire": "GLOBE NEWSWIRE"}
    for ext, result in parsed.items():
        assert _fields(result) == expected, ext
        assert len(result.contacts) == len(parsed["txt"].contacts), ext
        assert len(result.compounds) == len(parsed["txt"].compounds), ext


def test_forwarded_email_header_block_is_not_the_release(tmp_path):
    body = ("Please see the release below from our client.\n\n---------- Forwarded message ---------\n"
            "From: Nimbus IR <ir@nimbus.example>\nDate: Mon, Mar 10, 2025 at 9:00 AM\n"
            "Subject: Nimbus Cell Works Announces Positive Results from Phase 2 Study\nTo: <desk@example.com>\n\n"
            "PORTLAND, Ore., March 4, 2025 (GLOBE NEWSWIRE) -- Nimbus Cell Works, Inc. (Nasdaq: NCWX) today "
            "announced results from a study in adults, with more words to make a paragraph.\n")
    message = email.message.EmailMessage()
    message["From"], message["To"] = "analyst@example.com", "desk@example.com"
    message["Subject"] = "Fwd: Nimbus Cell Works Announces Positive Results from Phase 2 Study"
    message["Date"] = "Mon, 10 Mar 2025 10:00:00 +0000"
    message.set_content(body)
    (tmp_path / "fwd.eml").write_bytes(bytes(message))
    parsed = extract_file(tmp_path / "fwd.eml")
    assert _fields(parsed) == {"date": "2025-03-04", "headline": "Nimbus Cell Works Announces Positive Results from Phase 2 Study",
                               "company": "Nimbus Cell Works, Inc.", "tickers": ["NASDAQ:NCWX"], "city": "Portland",
                               "wire": "GLOBE NEWSWIRE"}
    assert "ir@nimbus.example" not in parsed.text


def test_html_title_is_the_headline_only_when_the_body_lacks_one(tmp_path):
    lead = ("<p>PORTLAND, Ore.--(BUSINESS WIRE)--Nimbus Cell Works, Inc. (NASDAQ: NCWX) today announced results "
            "from a study in adults with many more words.</p>")
    (tmp_path / "a.html").write_text("<html><head><title>Nimbus Cell Works Announces Positive Results | Business Wire"
                                     f"</title></head><body>{lead}</body></html>", encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><head><title>Investor Relations | Nimbus</title></head><body>"
                                     f"<h1>Nimbus Cell Works Announces Positive Results</h1>{lead}</body></html>",
                                     encoding="utf-8")
    for name in ("a.html", "b.html"):
        assert extract_file(tmp_path / name).release.headline == "Nimbus Cell Works Announces Positive Results"


@pytest.mark.parametrize("line, kind", [
    ("", "blank"), ("* Revenue grew", "bullet"), ("– Company to host a call –", "bullet"), ("![](logo.png)", "image"),
    ("Investor Contact: Dana Whitfield", "label"), ("By Jane Roe, Example News", "line"),
    ("Nimbus Cell Works, a clinical-stage company, said so today.", "paragraph"),
])
def test_line_kinds(line, kind):
    assert line_kind(line) == kind
