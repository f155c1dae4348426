"""Contacts, compounds and presentations on short snippets: one test per shape."""

from __future__ import annotations

import pytest

from irdesk.extract import extract_text
from irdesk.extract.dates import DATE, TIME, date_from_match, localize, time_from_match, zone_after

HEAD = ("Acme Bio Presents New Data at the 54th Imaginary Society Annual Meeting\n\n"
        "SPRINGFIELD, Ill., Dec. 3, 2024 /PRNewswire/ -- Acme Bio, Inc. (NASDAQ: ACMB) today announced data "
        "for ACM-101, its CD99-targeting antibody, at the 54th Imaginary Society Annual Meeting.\n\n")


def contacts(block: str):
    return {c.name: c for c in extract_text(HEAD + block).contacts}


def test_contact_lines_with_labels_and_or():
    found = contacts("For Investors:\nAcme Bio, Inc.\nCarol Doe, 781-555-0600\nExecutive Director, Investor Relations\n"
                     "ir@acme.example\n\nor\n\nFor Media:\nThe Plain Network\nBarbara Roe, 781-555-6153\n")
    carol, barbara = found["Carol Doe"], found["Barbara Roe"]
    assert (carol.organization, carol.phones, carol.emails, carol.audience) == (
        "Acme Bio, Inc.", ["781-555-0600"], ["ir@acme.example"], "investors")
    assert carol.title == "Executive Director, Investor Relations"
    assert (barbara.organization, barbara.audience) == ("The Plain Network", "media")


def test_contact_block_run_together():
    found = contacts("Contact Acme Bio AG Sylvia WimmerDirector Corporate CommunicationsTel.: +49 89 41 31 38-29"
                     "E-mail: investors@acme.example\nIR/PR-Support MC Services AGKatja Arnold (CIRO)Managing Director"
                     "Tel.: +49 89 210 228-40E-mail: katja@mc.example\n")
    assert found["Sylvia Wimmer"].title == "Director Corporate Communications"
    assert found["Sylvia Wimmer"].phones == ["+49 89 41 31 38-29"]
    assert found["Katja Arnold"].organization == "MC Services AG"
    assert found["Katja Arnold"].audience == "both"


def test_name_glued_to_a_role_mailbox():
    found = contacts("Company Contact:info@acme.example678-555-7220\nMedia Contact:Jessica Starmanmedia@acme.example\n")
    assert list(found) == ["Jessica Starman", "Acme Bio, Inc."]  # a block without a person: under its company
    assert found["Jessica Starman"].emails == ["media@acme.example"]
    assert found["Jessica Starman"].audience == "media"


def test_several_names_share_one_phone():
    found = contacts("Media Contacts: CROSS ALLIANCE communication GmbHIrmi Aigner / Sven PaulyT: +49 (0) 89 1250903 33"
                     "E: ia@cross.example\n")
    for name in ("Irmi Aigner", "Sven Pauly"):
        assert found[name].phones == ["+49 (0) 89 1250903 33"]
        assert found[name].organization == "CROSS ALLIANCE communication GmbH"


def test_addresses_are_not_people():
    found = contacts("Acme Contact:\nKim Monchik\n45 Broadway, 19th Floor\nNew York, NY 10006\n212.293.0123\n")
    assert list(found) == ["Kim Monchik"]
    assert found["Kim Monchik"].phones == ["212.293.0123"]


def test_people_quoted_are_not_contacts():
    text = HEAD + '"We are pleased," said Jane Roe, Chief Executive Officer. Call 555-201-3344 for nothing.\n'
    assert extract_text(text).contacts == []


def test_compound_names_join_into_one():
    text = HEAD + ("The poster covers Lorvotuzumab Mertansine (LM, ACM-101) in patients. The company's ACM-101 is "
                   "wholly owned. Partner's BT-062 and BT062 are the same compound, an antibody-drug conjugate.\n")
    parsed = extract_text(text)
    by_name = {c.name: c for c in parsed.compounds}
    assert set(by_name["ACM-101"].aliases) == {"Lorvotuzumab Mertansine", "LM"}
    assert by_name["ACM-101"].target == "CD99"
    assert by_name["ACM-101"].company == "Acme Bio, Inc."
    assert [c for c in by_name if c.replace("-", "") == "BT062"] == ["BT-062"]
    assert by_name["BT-062"].company == "Partner"


def test_brand_with_its_inn():
    parsed = extract_text(HEAD + "LUCEMYRA® (lofexidine) is an approved medication, a central alpha 2-adrenergic "
                                 "agonist. ATAC® technology is a platform.\n")
    names = {c.name: c for c in parsed.compounds}
    assert names["LUCEMYRA"].aliases == ["lofexidine"]
    assert names["LUCEMYRA"].target == "alpha 2-adrenergic receptor"
    assert "ATAC" not in names


def test_codes_that_are_not_drugs():
    parsed = extract_text(HEAD + "In COVID-19 and SARS-CoV-2 (NCT05672355), Q1 2025, Form 10-K, anti-PD-1, CD56 and "
                                 "IMMUNOLOGY2025 matter.\n")
    assert [c.name for c in parsed.compounds] == ["ACM-101"]


def test_labelled_presentation_block():
    text = HEAD + ("ACM-101 Oral Presentation\n\n- Title: \"Phase I Study of ACM-101 in Myeloma\" (Abstract #728).\n"
                   "- When/where: Dec. 10 at 4:45 pm ET in the Thomas Murphy Ballroom 2-3 (Session #653).\n\n"
                   "BT-062 Poster Presentation\n\n- Title: \"BT062, An Antibody-Drug Conjugate\" (Abstract #4042).\n"
                   "- When/where: Dec. 10 from 6:00-8:00 pm ET in Hall B1-B2 (Session #653; Poster III).\n")
    first, second = extract_text(text).presentations
    assert (first.title, first.abstract, first.kind, first.session) == ("Phase I Study of ACM-101 in Myeloma", "728", "oral", "653")
    assert (first.starts_at, first.location) == ("2024-12-10T16:45:00-05:00", "Thomas Murphy Ballroom 2-3")
    assert first.meeting == "54th Imaginary Society Annual Meeting"
    assert first.compounds == ["ACM-101"]
    assert (second.kind, second.starts_at, second.location) == ("poster", "2024-12-10T18:00:00-05:00", "Hall B1-B2")
    assert second.compounds == ["BT-062"]


def test_prose_presentation_and_24_hour_time():
    text = HEAD + ("Dr. Jane Roe will present a poster titled: “ACM-101 Results in Improved Responses in Patients”. "
                   "The poster will be featured on Saturday, June 14, 2025, from 18:30 to 19:30 CEST in the Poster Hall, "
                   "as part of the session on Infections in Hematology.\n")
    (p,) = extract_text(text).presentations
    assert (p.kind, p.starts_at, p.location) == ("poster", "2025-06-14T18:30:00+02:00", "Poster Hall")
    assert p.session == "Infections in Hematology"


def test_investor_conference_without_a_title():
    text = ("Acme to Present at the Cowen Health Care Conference on March 3\n\nBOSTON--(BUSINESS WIRE)--\n"
            "Acme Bio, Inc. (Nasdaq: ACMB) today announced that management will present at the Cowen Health Care "
            "Conference on Tuesday, March 3, 2020 at 10:00 a.m. ET.\n")
    (p,) = extract_text(text).presentations
    assert (p.title, p.kind, p.meeting, p.starts_at) == (None, "oral", "Cowen Health Care Conference",
                                                         "2020-03-03T10:00:00-05:00")


def test_an_earnings_call_is_not_a_presentation():
    text = ("Acme Reports Third Quarter Results and Will Host a Call\n\nBOSTON--(BUSINESS WIRE)-- Acme Bio, Inc. "
            "(Nasdaq: ACMB) will host a conference call and webcast on November 13, 2025 at 4:30 p.m. ET.\n")
    assert extract_text(text).presentations == []


@pytest.mark.parametrize("phrase, expected", [
    ("Dec. 10 at 4:45 pm ET", "2012-12-10T16:45:00-05:00"),
    ("June 10 at 4:45 pm ET", "2012-06-10T16:45:00-04:00"),
    ("Friday, November 1 at 2:15 p.m. CT", "2012-11-01T14:15:00-05:00"),
    ("5 November 2025, 5:00 pm (PST)", "2025-11-05T17:00:00-08:00"),
    ("19 February 2026, 16.00 CET", "2026-02-19T16:00:00+01:00"),
    ("Dec. 10 from 6:00-8:00 pm ET", "2012-12-10T18:00:00-05:00"),
    ("April 10, 2024, 9:00 AM - 12:30 PM", "2024-04-10"),  # no zone named: the day only
])
def test_dates_times_and_zones(phrase, expected):
    d = DATE.search(phrase)
    day = date_from_match(d, 2012)
    t = TIME.search(phrase, d.end())
    zone = zone_after(phrase, t.end())
    time = time_from_match(t) if zone not in (None, "local") else None
    assert localize(day, time, zone) == expected


def test_every_span_points_into_the_text():
    parsed = extract_text(HEAD + "Media Contact:\nJohn Smith, 312-555-3344\njohn@acme.example\n")
    for entity in [parsed.release, *parsed.compounds, *parsed.presentations, *parsed.contacts]:
        for field, (start, end) in entity.spans.items():
            assert 0 <= start < end <= len(parsed.text), field
    contact = parsed.contacts[0]
    assert parsed.text[slice(*contact.spans["phones[0]"])] == "312-555-3344"
    assert parsed.text[slice(*contact.spans["emails[0]"])] == "john@acme.example"


def test_a_meeting_heading_a_block_of_details_without_a_title():
    text = HEAD + ("Details of the presentations follow.\n\nNorthwind Global Investment ConferenceSpeaker: Jane Roe, "
                   "CEODate/Time: September 9, 2024 at 7:00 a.m. ETLocation: Lotte Palace Hotel, New York, NY"
                   "Webcast Link: Northwind Webcast\n")
    (p,) = extract_text(text).presentations
    assert (p.meeting, p.kind, p.starts_at, p.location) == (
        "Northwind Global Investment Conference", "oral", "2024-09-09T07:00:00-04:00", "Lotte Palace Hotel, New York, NY")


def test_numbers_in_a_financial_table_are_not_abstracts():
    table = "\n\n".join(["Condensed Consolidated Balance Sheet Information", "675",
                         "Total liabilities and stockholders equity for the period", "243",
                         "Total assets of the company at the end of the period under review"])
    assert [p.abstract for p in extract_text(HEAD + table + "\n").presentations if p.abstract] == []


def test_link_labels_after_a_contact_block_are_not_people():
    found = contacts("Media Contact:\npress@acme.example\n\nReddit Post\n\nNews Coverage\n")
    assert list(found) == ["Media"]  # a block without a person: listed under its department


def test_trial_names_and_program_marks_are_not_compounds():
    parsed = extract_text(HEAD + "GeoVax plans a Phase 2 trial (AdX-203) of ACM-101. The CraveX® Weight Loss Program is a "
                                 "medication-assisted program; see CraveX® online.\n")
    assert [c.name for c in parsed.compounds] == ["ACM-101"]


def test_glued_title_and_address_and_a_known_camel_case_name():
    found = contacts("For more information, please contact:\nAcme Bio Corp.Tel: +1 857 555 7687Thomas Mehrling, "
                     "CEOcorporate@acme.example\n\nMedia Contact:Jessica Starmanmedia@acme.example\n\n"
                     "FINANCIAL TABLES FOLLOW\n\nRevenue 54 39151 70\n")
    assert (found["Thomas Mehrling"].title, found["Thomas Mehrling"].emails) == ("CEO", ["corporate@acme.example"])
    assert found["Jessica Starman"].phones == []
    text = HEAD + ("CellReGen makes cells. CellReGen is part of the university.\n\nFor more information, please contact:\n"
                   "University of Utah – CellReGenJan Pierce, MBASenior Director, CellReGenEmail: jan@utah.example\n")
    (jan,) = extract_text(text).contacts
    assert (jan.name, jan.organization) == ("Jan Pierce", "University of Utah – CellReGen")
