"""Release fields on short snippets: one test per dateline, ticker and issuer shape."""

from __future__ import annotations

import pytest

from irdesk.extract import extract_text

BODY = " today announced results. More words follow here to make a paragraph.\n"


@pytest.mark.parametrize("dateline, city, date, wire", [
    ("WALTHAM, Mass.--(BUSINESS WIRE)-- Acme Bio, Inc. (NASDAQ: ACMB)", "Waltham", None, "BUSINESS WIRE"),
    ("ATLANTA, GA - May 8, 2025 (NEWMEDIAWIRE) - Acme Bio, Inc. (Nasdaq: ACMB)", "Atlanta", "2025-05-08", "NEWMEDIAWIRE"),
    ("SAN RAFAEL, Calif., Jan. 8, 2020 /PRNewswire/ -- Acme Bio, Inc. (NASDAQ: ACMB)", "San Rafael", "2020-01-08", "PRNewswire"),
    ("MENLO PARK, Calif.–(BUSINESS WIRE)–Acme Bio, Inc. (NASDAQ: ACMB)", "Menlo Park", None, "BUSINESS WIRE"),
    ("April 29, 2025 -- Boston, MA -- Acme Bio, Inc. (NASDAQ: ACMB)", "Boston", "2025-04-29", None),
    ("Boston, MA - September 29, 2025 - Acme Bio, Inc. (NASDAQ: ACMB)", "Boston", "2025-09-29", None),
    ("Santa Barbara, CA, April 16, 2024 (GLOBE NEWSWIRE) -- Acme Bio, Inc. (NASDAQ: ACMB)", "Santa Barbara", "2024-04-16", "GLOBE NEWSWIRE"),
    ("TAIPEI, TAIWAN - Media OutReach Newswire - 2 July 2026 - Acme Bio, Inc. (NASDAQ: ACMB)", "Taipei", "2026-07-02", "Media OutReach Newswire"),
    ("Salt Lake City, Utah (Newsworthy.ai) Saturday Jan 11, 2025 @ 7:00 AM US/Mountain — Acme Bio, Inc. (NASDAQ: ACMB)",
     "Salt Lake City", "2025-01-11", "Newsworthy.ai"),
])
def test_dateline_shapes(dateline, city, date, wire):
    release = extract_text("Acme Bio Reports Something Worth Reading Today\n\n" + dateline + BODY).release
    assert (release.city, release.date, release.wire) == (city, date, wire)
    assert release.company == "Acme Bio, Inc."
    assert release.tickers == ["NASDAQ:ACMB"]


def test_date_alone_above_the_headline_and_wire_from_footer():
    text = ("December 3, 2012\n\nAcme Bio Announces a Thing of Considerable Importance\n\n"
            "Acme Bio, a clinical-stage company, today said so.\n\n"
            "View source version on businesswire.com: https://www.businesswire.com/news/1\n")
    release = extract_text(text).release
    assert release.date == "2012-12-03"
    assert release.headline == "Acme Bio Announces a Thing of Considerable Importance"
    assert release.company == "Acme Bio"
    assert release.wire == "Business Wire"


@pytest.mark.parametrize("paren, tickers", [
    ("(NASDAQ: ACMB)", ["NASDAQ:ACMB"]),
    ("(Nasdaq:ACMB)", ["NASDAQ:ACMB"]),
    ("(NYSE American: XYZ)", ["NYSE AMERICAN:XYZ"]),
    ("(Nasdaq: ACON, ACONW)", ["NASDAQ:ACON", "NASDAQ:ACONW"]),
    ("(TSX: “HBP”, OTC: “HBPCF”, FRANKFURT: “HBP0”)", ["TSX:HBP", "OTC:HBPCF", "FRANKFURT:HBP0"]),
    ("(A-share: 600690.SH; H-share: 06690.HK)", ["SH:600690", "HK:06690"]),
    ("(2511.HK)", ["HK:2511"]),
    ('("Acme" or "the Company"; TWSE: 6472; OTCQX: BORAY)', ["TWSE:6472", "OTCQX:BORAY"]),
])
def test_ticker_shapes(paren, tickers):
    text = f"Acme Bio Reports Something Worth Reading Today\n\nBOSTON--(BUSINESS WIRE)-- Acme Bio, Inc. {paren}{BODY}"
    assert extract_text(text).release.tickers == tickers


def test_other_companies_tickers_are_not_the_issuers():
    text = ("Acme Bio Buys a Plant From Another Company Today\n\nBOSTON--(BUSINESS WIRE)-- Acme Bio, Inc. "
            "(NASDAQ: ACMB) today bought a plant from MacroGenics, Inc. (NASDAQ: MGNX).\n")
    assert extract_text(text).release.tickers == ["NASDAQ:ACMB"]


def test_ticker_given_only_in_the_about_section():
    text = ("Acme Announces a Product for Everyone at a Show\n\nLAS VEGAS, Jan. 8 /PRNewswire-FirstCall/ -- "
            "CONSUMER ELECTRONICS SHOW (CES) 2009 -- Acme Corporation, in conjunction with partners, announced.\n\n"
            "About Acme\nAcme (NASDAQ:ACME) is the world leader in things.\n")
    release = extract_text(text).release
    assert (release.company, release.tickers, release.date) == ("Acme Corporation", ["NASDAQ:ACME"], "2009-01-08")


@pytest.mark.parametrize("lead, company", [
    ("The Supervisory Board of Medico AG has appointed a new officer", "Medico AG"),
    ("Clinical-stage company Candor Therapeutics, Inc. (NASDAQ: CNDR) reported data", "Candor Therapeutics, Inc."),
    ("Tevora Biosciences, Inc., a privately held company, will present", "Tevora Biosciences, Inc."),
    ("Keystone Capital Management, is pleased to announce", "Keystone Capital Management"),
    ("Julius Group today announced changes", "Julius Group"),
])
def test_issuer_shapes(lead, company):
    text = f"A Headline That Is Long Enough to Be One\n\nBERLIN - March 26, 2026 (NEWMEDIAWIRE) - {lead}.\n"
    assert extract_text(text).release.company == company


def test_every_release_span_points_at_its_value():
    text = "Acme Bio Reports Something Worth Reading Today\n\nATLANTA, GA - May 8, 2025 (NEWMEDIAWIRE) - Acme Bio, Inc. (Nasdaq: ACMB)" + BODY
    parsed = extract_text(text)
    release, spans = parsed.release, parsed.release.spans
    assert text[slice(*spans["headline"])] == release.headline
    assert text[slice(*spans["company"])] == release.company
    assert text[slice(*spans["city"])].lower() == release.city.lower()
    assert text[slice(*spans["wire"])] == release.wire
    assert text[slice(*spans["date"])] == "May 8, 2025"
    assert text[slice(*spans["tickers[0]"])] == "ACMB"


def test_city_span_covers_the_city_as_written():
    text = "Acme Bio Reports Something Worth Reading Today\n\nSAN RAFAEL, Calif., Jan. 8, 2020 /PRNewswire/ -- Acme Bio, Inc. (NASDAQ: ACMB)" + BODY
    release = extract_text(text).release
    assert text[slice(*release.spans["city"])] == "SAN RAFAEL"
