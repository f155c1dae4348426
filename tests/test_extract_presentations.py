"""Presentations in the shapes releases give them (short fictional texts)."""

from irdesk.extract.dates import find_when
from irdesk.extract.engine import extract_text
from irdesk.extract.meetings import find_mentions

LEAD = ("Zentara Bio Announces Data at the 40th Imaginary Hematology Society (IHS) Annual Meeting\n\n"
        "BOSTON, Nov. 4, 2024 /PRNewswire/ -- Zentara Bio, Inc. (NASDAQ: ZNTB) today announced that data "
        "for ZB-101 will be presented at the 40th Imaginary Hematology Society (IHS) Annual Meeting in "
        "Orlando, Dec. 7-10, 2024.\n\n")


def test_zone_abbreviation_names_a_region():
    winter = "Dec. 10, 2024 at 4:45 pm ET"
    summer = "June 10, 2024 at 4:45 pm ET"
    autumn = "October 23, 2019, 09:00-14:00 CET"
    assert find_when(winter, 0, len(winter), None)[0] == "2024-12-10T16:45:00-05:00"
    assert find_when(summer, 0, len(summer), None)[0] == "2024-06-10T16:45:00-04:00"
    assert find_when(autumn, 0, len(autumn), None)[0] == "2019-10-23T09:00:00+02:00"


def test_time_before_the_date_and_no_zone():
    before = "oral presentation at 2:30 p.m. PT on Saturday, December 7, 2024"
    assert find_when(before, 0, len(before), None)[0] == "2024-12-07T14:30:00-08:00"
    local = "Monday, April 8, 2024, 1:30 PM - 5:00 PM"
    assert find_when(local, 0, len(local), None)[0] == "2024-04-08"


def test_numbered_lines_take_their_kind_from_the_heading():
    text = LEAD + ("Oral Presentations\n\n"
                   "Durable Responses to ZB-101 in Relapsed Lymphoma: A Phase 1 Study (Abstract #212)\n\n"
                   "Poster Sessions\n\n"
                   "Real-World Outcomes With ZB-101 Across Community Centers (Abstract #3345)\n\n"
                   "Biomarkers of Response in a Pooled Analysis of Two Cohorts (Abstract #3350)\n")
    talks = extract_text(text).presentations
    assert [(p.abstract, p.kind) for p in talks] == [("212", "oral"), ("3345", "poster"), ("3350", "poster")]
    assert talks[0].title == "Durable Responses to ZB-101 in Relapsed Lymphoma: A Phase 1 Study"
    assert talks[0].meeting == "40th Imaginary Hematology Society (IHS) Annual Meeting"
    assert talks[0].compounds == ["ZB-101"]
    assert talks[0].starts_at is None  # only the meeting's date range is given


def test_number_line_with_time_and_hall():
    text = LEAD + ("Lymphoma Abstracts\nLong-Term Safety of ZB-101 in Adults. Abstract ID#: 77 – Poster Presentation, "
                   "Dec. 8, 2024, 6:00 – 8:00 p.m. EST, Hall C.\n")
    (talk,) = extract_text(text).presentations
    assert (talk.abstract, talk.kind, talk.location) == ("77", "poster", "Hall C")
    assert talk.starts_at == "2024-12-08T18:00:00-05:00"
    assert talk.title == "Long-Term Safety of ZB-101 in Adults"


def test_bracketed_numbers_in_a_body_without_line_breaks():
    text = ("Zentara Bio to Present at the Imaginary Gastro Week 2019\n\n"
            "PARIS, Oct. 20, 2019 /PRNewswire/ -- Zentara Bio will present real-world data at the Imaginary "
            "Gastro Week 2019.The first study looked at switching patients. [P1234 – October 23 (Wed), 2019, "
            "09:00-14:00 CET, Poster Exhibition Hall 7]“We are pleased,” said the CEO.The second abstract "
            "covers dosing. [P0456 - October 21 (Mon), 2019, 10:30-17:00 CET, Poster Exhibition Hall 7]\n")
    talks = extract_text(text).presentations
    assert [p.abstract for p in talks] == ["P1234", "P0456"]
    assert talks[0].starts_at == "2019-10-23T09:00:00+02:00"
    assert talks[0].location == "Poster Exhibition Hall 7"
    assert talks[0].title is None


def test_a_note_gives_session_and_time_to_several():
    text = LEAD + ("Blood counts in young adults (Moderated Poster Presentation MP31)\n\n"
                   "Platelets after ZB-101 in older adults (Moderated Poster Presentation MP32)\n\n"
                   "Note: Moderated Poster Presentations MP-31 and MP-32 in Session MPS07 are both at "
                   "9:55 a.m. CT on Friday, December 6, 2024.\n")
    talks = extract_text(text).presentations
    assert [(p.abstract, p.session, p.starts_at) for p in talks] == [
        ("MP31", "MPS07", "2024-12-06T09:55:00-06:00"), ("MP32", "MPS07", "2024-12-06T09:55:00-06:00")]


def test_labels_run_together_on_one_line():
    text = LEAD + ("Details: Poster Title: Early Signals of ZB-101 Activity Presenter: Dr. Ana Ruiz "
                   "Abstract Presentation Number: 4410 Session: B12 – Lymphoma biology Date / Time: "
                   "Monday December 9, 2024, 9:00 am – 12:00 pm\n")
    (talk,) = extract_text(text).presentations
    assert (talk.title, talk.abstract, talk.session, talk.kind) == (
        "Early Signals of ZB-101 Activity", "4410", "B12", "poster")
    assert talk.starts_at == "2024-12-09"  # a time without a zone: the date only


def test_investor_conference_talk_is_oral():
    text = ("Zentara Bio to Participate in the Imaginary Securities Healthcare Conference\n\n"
            "BOSTON, Feb. 20, 2025 /PRNewswire/ -- Zentara Bio, Inc. (NASDAQ: ZNTB) today announced that "
            "Jane Doe, Chief Executive Officer, will participate in a fireside chat at the Imaginary "
            "Securities Healthcare Conference on Tuesday, March 4, 2025 at 10:00 a.m. ET.\n")
    (talk,) = extract_text(text).presentations
    assert (talk.kind, talk.starts_at) == ("oral", "2025-03-04T10:00:00-05:00")
    assert talk.meeting == "Imaginary Securities Healthcare Conference"


def test_the_company_call_is_no_presentation():
    text = ("Zentara Bio to Report Fourth Quarter Results\n\n"
            "BOSTON, Feb. 20, 2025 /PRNewswire/ -- Zentara Bio, Inc. (NASDAQ: ZNTB) will host a conference "
            "call and webcast to present its financial results on March 4, 2025 at 4:30 p.m. ET.\n\n"
            "Revenue\n\n1204\n\nNet loss\n\n3381\n")
    assert extract_text(text).presentations == []


def test_prose_poster_titled():
    text = LEAD + ("Dr. Ana Ruiz will present a poster titled “Durable Remissions With ZB-101 in Older "
                   "Adults” (Abstract #5521).\n")
    (talk,) = extract_text(text).presentations
    assert (talk.title, talk.abstract, talk.kind) == ("Durable Remissions With ZB-101 in Older Adults", "5521", "poster")


def test_meeting_names_by_grammar_and_vocabulary():
    text = ("Data at the 2024 American Society of Clinical Oncology (ASCO) Annual Meeting and at ASCO 2024; "
            "the company also joins the Jefferies Healthcare Conference and the BIO International Convention, "
            "and presents at the Imaginary Neurology Society (INS) conference. "
            "Its annual general meeting of shareholders and its conference call are not meetings.")
    names = [m.name for m in find_mentions(text, 0, len(text))]
    assert "2024 American Society of Clinical Oncology (ASCO) Annual Meeting" in names
    assert "ASCO 2024" in names
    assert "Jefferies Healthcare Conference" in names
    assert "BIO International Convention" in names
    assert "Imaginary Neurology Society (INS) conference" in names
    assert not any("shareholders" in n or "call" in n for n in names)


def test_investor_conferences_in_blocks_with_separate_date_and_time():
    text = ("Zentara Bio to Present at Upcoming Investor Conferences\n\n"
            "BOSTON, May 20, 2025 /PRNewswire/ -- Zentara Bio, Inc. (NASDAQ: ZNTB) today announced that "
            "management will participate in the following investor conferences:\n\n"
            "Imaginary Securities Global Healthcare Conference\nDate: Thursday, June 5, 2025\n"
            "Time: 10:00 a.m. ET\nFormat: Fireside chat\n\n"
            "Example Capital 12th Annual Healthcare Conference\nDate: December 10, 2025\nTime: 2:40 p.m. ET\n")
    talks = extract_text(text).presentations
    assert [(p.meeting, p.kind, p.starts_at) for p in talks] == [
        ("Imaginary Securities Global Healthcare Conference", "oral", "2025-06-05T10:00:00-04:00"),
        ("Example Capital 12th Annual Healthcare Conference", "oral", "2025-12-10T14:40:00-05:00")]


def test_investor_conferences_in_a_list():
    text = ("Zentara Bio to Participate in Upcoming Investor Conferences\n\n"
            "BOSTON, May 20, 2025 /PRNewswire/ -- Zentara Bio, Inc. (NASDAQ: ZNTB) today announced that "
            "members of its management team will participate in the following investor conferences:\n\n"
            "- Imaginary Securities Global Healthcare Conference on Thursday, June 5, 2025 at 10:00 a.m. ET\n"
            "- Example Capital 12th Annual Healthcare Conference on June 10, 2025 at 2:40 p.m. ET\n\n"
            "A live webcast of the presentations will be available on the company's website.\n")
    talks = extract_text(text).presentations
    assert [(p.kind, p.starts_at) for p in talks] == [
        ("oral", "2025-06-05T10:00:00-04:00"), ("oral", "2025-06-10T14:40:00-04:00")]


def test_details_block_takes_the_format_the_lead_names():
    text = ("Zentara Bio Announces Presentation at the 2024 Imaginary Oncology Congress\n\n"
            "CHICAGO, May 23, 2024 /PRNewswire/ -- Zentara Bio, Inc. (NASDAQ: ZNTB) today announced that "
            "data for ZB-101 will be featured in an oral presentation at the 2024 Imaginary Oncology Congress.\n\n"
            "Presentation Details:\n\nTitle: Phase 2 Results of ZB-101 in Advanced Solid Tumors\n"
            "Session: Developmental Therapeutics\nDate and Time: Sunday, June 2, 2024, 8:00 AM - 11:00 AM CDT\n"
            "Location: Hall D1\nAbstract Number: 3010\n")
    (talk,) = extract_text(text).presentations
    assert (talk.abstract, talk.kind, talk.location, talk.session) == ("3010", "oral", "Hall D1", "Developmental Therapeutics")
    assert talk.starts_at == "2024-06-02T08:00:00-05:00"


def test_oral_as_a_route_is_no_format():
    text = LEAD + ("A poster on oral ZB-101 will be presented (Abstract #901).\n")
    (talk,) = extract_text(text).presentations
    assert talk.kind == "poster"


def test_this_study_title_in_prose():
    text = ("Daily Pill Lowered Cholesterol in Imaginary Trial\n\n"
            "DALLAS, Nov. 8, 2025 -- A daily pill lowered cholesterol, according to a late-breaking science "
            "presentation today at the Imaginary Cardiology Society’s Scientific Sessions 2025.\n\n"
            "This study, Efficacy and Safety of ZB-101, an Oral Inhibitor, in Adults: The Phase 3 ALPHA "
            "Trial (ALPHA), is a phase 3 trial in adults.\n")
    (talk,) = extract_text(text).presentations
    assert talk.title == "Efficacy and Safety of ZB-101, an Oral Inhibitor, in Adults: The Phase 3 ALPHA Trial"
    assert talk.starts_at == "2025-11-08"
    assert talk.meeting == "Imaginary Cardiology Society’s Scientific Sessions 2025"


def test_abbreviations_do_not_end_the_sentence_that_dates_a_talk():
    text = ("Zentara Bio to Present at the 9th Annual World ADC\n\n"
            "SAN DIEGO, Nov. 2, 2025 /PRNewswire/ -- Zentara Bio, Inc. (NASDAQ: ZNTB) today announced that "
            "it will present new data at the 9th Annual World ADC, from November 3-6, 2025.\n\n"
            "A poster by Dr. A. Ruiz will be presented on Nov. 4, 2025 at 10:00 a.m. PT.\n")
    (talk,) = extract_text(text).presentations
    assert (talk.meeting, talk.kind, talk.starts_at) == ("9th Annual World ADC", "poster", "2025-11-04T10:00:00-08:00")


def test_a_quoted_title_keeps_its_apostrophe():
    text = ("Northwind Recaps Its Talk at the 12th Imaginary Vaccine Congress\n\n"
            "BOSTON, April 2, 2025 (GLOBE NEWSWIRE) -- Northwind Therapeutics, Inc. today recapped its talk at the "
            "12th Imaginary Vaccine Congress.\n\nThe presentation, titled “Results That Compared Northwind’s "
            "Vaccine Candidate to an Approved Vaccine,” was given by Jane Doe, Ph.D. on April 2, 2025.\n")
    (p,) = extract_text(text).presentations
    assert p.title == "Results That Compared Northwind’s Vaccine Candidate to an Approved Vaccine"


# Second pass: house styles the corpus does not have (short fictional releases).

def _release(headline: str, body: str) -> str:
    return f"{headline}\n\nBOSTON, Feb. 20, 2025 /PRNewswire/ -- {body}\n"


def test_investor_talk_with_its_time_before_the_date_and_a_webcast_note():
    text = _release("Lumora Pharma to Present at Upcoming Investor Conference",
                    "Lumora Pharma (NYSE: LUMR) today announced that its Chief Executive Officer will present at the "
                    "Imaginary Capital 9th Annual Global Investment Conference at 2:15 p.m. Eastern Time on Tuesday, "
                    "September 9, 2025.\n\nA webcast of the presentation will be available on the Company's website.")
    (talk,) = extract_text(text).presentations
    assert (talk.kind, talk.starts_at) == ("oral", "2025-09-09T14:15:00-04:00")
    assert talk.meeting == "Imaginary Capital 9th Annual Global Investment Conference"


def test_labelled_poster_with_two_numbers_is_one_entry():
    text = _release("Teravine Announces Poster at the 2025 Imaginary Oncology Society Annual Meeting",
                    "Teravine Oncology, Inc. today announced a poster at the 2025 Imaginary Oncology Society Annual "
                    "Meeting.\n\nTitle: Phase 1 Dose Escalation of TRV-318 in Patients With Advanced Solid Tumors\n"
                    "Abstract Number: 3041\nPoster Number: 212\nSession Title: Developmental Therapeutics\n"
                    "Session Date and Time: Saturday, May 31, 2025, 9:00 AM - 12:00 PM CDT\n"
                    "Location: McCormick Place, Hall A")
    (talk,) = extract_text(text).presentations
    assert (talk.abstract, talk.kind, talk.session) == ("3041", "poster", "Developmental Therapeutics")
    assert (talk.starts_at, talk.location) == ("2025-05-31T09:00:00-05:00", "McCormick Place, Hall A")


def test_publication_numbers_start_entries_and_sessions_keep_their_number():
    block = ("Title: {t}\nPublication #: {n}\nSession: {s}. Multiple Myeloma: Clinical\n"
             "Date and Time: Sunday, December 7, 2025, 4:30 p.m. - 6:00 p.m. EST\nRoom: W31{n}\n\n")
    text = _release("Mirelle Bio Announces Two Oral Presentations at the 67th Imaginary Hematology Annual Meeting",
                    "Mirelle Bio today announced two oral presentations at the 67th Imaginary Hematology Annual "
                    "Meeting.\n\n" + block.format(t="MRL-07 Induces Deep Responses in Relapsed Myeloma", n=5, s=653)
                    + block.format(t="Residual Disease Kinetics With MRL-07 Across Two Cohorts", n=6, s=654))
    talks = extract_text(text).presentations
    assert [(p.abstract, p.session, p.location) for p in talks] == [("5", "653", "W315"), ("6", "654", "W316")]


def test_markdown_bold_labels():
    text = _release("Prionyx Announces Late-Breaking Oral Presentation at Imaginary Heart Sessions 2025",
                    "Prionyx Therapeutics today announced a late-breaking oral presentation at the Imaginary Heart "
                    "Sessions 2025.\n\n**Title:** PNX-22 and Outcomes in Patients With Elevated Lipoprotein(a)\n"
                    "**Session:** Late-Breaking Science 3\n**Date/Time:** Sunday, November 9, 2025, 9:15 a.m. CT")
    (talk,) = extract_text(text).presentations
    assert talk.title == "PNX-22 and Outcomes in Patients With Elevated Lipoprotein(a)"
    assert (talk.session, talk.starts_at) == ("Late-Breaking Science 3", "2025-11-09T09:15:00-06:00")


def test_event_label_names_the_meeting_and_a_hyphenated_poster_code():
    text = _release("Helvion Announces Participation in the Imaginary Securities 7th Annual Healthcare Conference",
                    "Helvion, Inc. today announced a fireside chat.\n\n"
                    "Event: Imaginary Securities 7th Annual Healthcare Conference\nFormat: Fireside chat\n"
                    "Date: Tuesday, December 2, 2025\nTime: 3:30 p.m. ET\n")
    (talk,) = extract_text(text).presentations
    assert (talk.meeting, talk.kind) == ("Imaginary Securities 7th Annual Healthcare Conference", "oral")
    assert talk.starts_at == "2025-12-02T15:30:00-05:00"
    poster = _release("Zephyra to Present a Poster at Imaginary ID Week 2025",
                      "Zephyra, Inc. today announced a poster at Imaginary ID Week 2025.\n\n"
                      "Poster Title: In Vitro Activity of ZPH-40 Against Resistant Enterobacterales\n"
                      "Poster Number: P-1123\nDate and Time: Tuesday, October 21, 2025, 12:15 - 1:30 p.m. EDT")
    (p,) = extract_text(poster).presentations
    assert (p.abstract, p.kind, p.starts_at) == ("P-1123", "poster", "2025-10-21T12:15:00-04:00")


def test_one_sentence_two_meetings_each_its_own_clause():
    text = _release("Tellurex Announces Upcoming Presentations",
                    "Tellurex, Inc. today announced that data on TLX-7 will be presented in a poster at the "
                    "Imaginary Hematology Association 2025 Congress on June 13, 2025, and that its CEO will present "
                    "at the Imaginary Bank Global Healthcare Conference on June 4, 2025 at 2:00 p.m. ET.")
    talks = {p.meeting: p for p in extract_text(text).presentations}
    assert (talks["Imaginary Hematology Association 2025 Congress"].kind,
            talks["Imaginary Hematology Association 2025 Congress"].starts_at) == ("poster", "2025-06-13")
    assert talks["Imaginary Bank Global Healthcare Conference"].starts_at == "2025-06-04T14:00:00-04:00"


def test_asian_zones_and_a_range_with_to():
    text = _release("Hanbit Bio Announces Presentations",
                    "Hanbit Bio Inc. today announced an oral presentation at the Imaginary Oncology Annual Meeting "
                    "2025 on March 20, 2025 at 10:00 KST, and a poster at the Imaginary Cancer Conference on "
                    "February 12, 2026 from 5:00 to 6:30 p.m. AEDT.")
    talks = extract_text(text).presentations
    assert [(p.kind, p.starts_at) for p in talks] == [("oral", "2025-03-20T10:00:00+09:00"),
                                                      ("poster", "2026-02-12T17:00:00+11:00")]


def test_flattened_table_with_suffixed_codes_and_format_cells():
    text = _release("Pellucid Bio to Present Two Abstracts at the Imaginary Diabetes 85th Scientific Sessions",
                    "Pellucid Bio today announced two presentations at the Imaginary Diabetes 85th Scientific "
                    "Sessions.\n\nAbstract #\nTitle\nFormat\nDate\n"
                    "1873-LB\nOnce-Weekly PB-2 Lowers HbA1c in Adults With Type 2 Diabetes\nPoster\nJune 21, 2025\n"
                    "311-OR\nBody Weight Outcomes With PB-2 Versus Placebo Over 52 Weeks\nOral\nJune 22, 2025\n")
    talks = extract_text(text).presentations
    assert [(p.abstract, p.kind, p.starts_at) for p in talks] == [("1873-LB", "poster", "2025-06-21"),
                                                                  ("311-OR", "oral", "2025-06-22")]


def test_leading_numbers_under_a_meeting_heading():
    text = _release("Cortexa Launches a Research Tool",
                    "Cortexa, Inc. will be presenting findings at the upcoming Imaginary Immunotherapy Society "
                    "Annual Meeting (IISAM 2024).\n\nIISAM 2024 Abstracts\n\n"
                    "#1378: Stromal features from whole slide images are associated with survival - in collaboration "
                    "with a partner\n\n#88: Fiber quantification enables analysis of the tumor microenvironment\n")
    talks = extract_text(text).presentations
    assert [p.abstract for p in talks] == ["1378", "88"]
    assert talks[0].title == "Stromal features from whole slide images are associated with survival"


def test_attending_sponsoring_and_shareholder_meetings_are_no_talks():
    for body in ("Alfa Labs will be present at the 9th Imaginary Conference on Cancer Research, November 18-20, 2024.",
                 "Gravenor Inc. is a platinum sponsor of the 2025 Imaginary Oncology Annual Meeting and will host "
                 "attendees at its exhibit booth.",
                 "Quillon Pharma reports results of its Annual General and Special Meeting held Sept. 26, 2025."):
        assert extract_text(_release("News", body)).presentations == []


def test_markdown_table_rows_and_conference_headings_over_labels():
    table = _release("Orinel Announces Posters at the Imaginary Oncology Congress 2025",
                     "Orinel AG today announced two posters at the Imaginary Oncology Congress 2025.\n\n"
                     "| Abstract | Title | Date and Time |\n|---|---|---|\n"
                     "| 1123P | ORN-4 in HER2-Low Breast Cancer: Phase 1b Results | 18 October 2025, 12:00-13:00 CEST |\n"
                     "| 2201eP | Patient-Reported Outcomes With ORN-4 | 20 October 2025 |\n")
    talks = extract_text(table).presentations
    assert [(p.abstract, p.kind, p.starts_at) for p in talks] == [("1123P", "poster", "2025-10-18T12:00:00+02:00"),
                                                                  ("2201eP", "poster", "2025-10-20")]
    headed = _release("Pyralis Bio to Participate in Investor Conferences",
                      "Pyralis Bio, Inc. today announced two investor conferences.\n\n"
                      "Imaginary Bank 45th Annual Health Care Conference\nFormat: Fireside chat\n"
                      "Date: Monday, March 3, 2025\nTime: 11:10 a.m. ET\n\n"
                      "Imaginary Partners Global Healthcare Conference\nFormat: Company presentation\n"
                      "Date: Tuesday, March 11, 2025\nTime: 9:00 a.m. ET\n")
    talks = extract_text(headed).presentations
    assert [p.starts_at for p in talks] == ["2025-03-03T11:10:00-05:00", "2025-03-11T09:00:00-04:00"]
    assert talks[1].meeting == "Imaginary Partners Global Healthcare Conference"


def test_spelled_out_zones_are_matched_whole():
    cest = "Saturday, 18 October 2025, 14:45 Central European Summer Time"
    jst = "June 5, 2025 at 3:30 p.m. Japan Standard Time"
    edt = "June 5, 2025 at 10:00 a.m. Eastern Daylight Time"
    assert find_when(cest, 0, len(cest), None)[0] == "2025-10-18T14:45:00+02:00"  # not US Central
    assert find_when(jst, 0, len(jst), None)[0] == "2025-06-05T15:30:00+09:00"
    assert find_when(edt, 0, len(edt), None)[0] == "2025-06-05T10:00:00-04:00"


def test_format_led_bullets_and_entitled_prose_with_numbers():
    bullets = _release("Meridane to Present Data at the Imaginary Diabetes 85th Scientific Sessions",
                       "Meridane, Inc. today announced two presentations at the Imaginary Diabetes 85th Scientific "
                       "Sessions.\n\nPresentation details:\n\n"
                       "- Oral: “Weekly MRD-1 Reduces Body Weight in Adults With Obesity” – Sunday, June 22, 2025, "
                       "2:15-2:30 p.m. CT\n"
                       "- Poster: “Glycemic Variability With MRD-1 in Type 2 Diabetes” – Saturday, June 21, 2025, "
                       "12:30-1:30 p.m. CT\n")
    talks = extract_text(bullets).presentations
    assert [(p.kind, p.starts_at) for p in talks] == [("oral", "2025-06-22T14:15:00-05:00"),
                                                      ("poster", "2025-06-21T12:30:00-05:00")]
    assert talks[0].title == "Weekly MRD-1 Reduces Body Weight in Adults With Obesity"
    prose = _release("Lanthia Announces Poster at the 2025 Imaginary Oncology Annual Meeting",
                     "Lanthia Bio today announced a poster at the 2025 Imaginary Oncology Annual Meeting.\n\n"
                     "The poster, entitled “LNB-5 Monotherapy in Previously Treated Cholangiocarcinoma,” will be "
                     "presented by Dr. Ravi Menon on Saturday, May 31, 2025 from 9:00 a.m. to 12:00 p.m. CDT "
                     "(Abstract #4102; Poster Board #56).")
    (p,) = extract_text(prose).presentations
    assert (p.abstract, p.starts_at, p.location) == ("4102", "2025-05-31T09:00:00-05:00", "Poster Board #56")


def test_one_on_one_meetings_are_no_talk_and_plain_lines_list_conferences():
    meetings = _release("Ferrant Bio to Participate in Investor Meetings at the Imaginary Bank Healthcare Conference",
                        "Ferrant Bio today announced that management will participate in one-on-one meetings with "
                        "investors at the Imaginary Bank Healthcare Conference, taking place June 3-5, 2025.")
    assert extract_text(meetings).presentations == []
    lines = _release("Calloway Pharma to Present at Upcoming Investor Conferences",
                     "Calloway Pharma today announced that its management team will present at the following "
                     "upcoming investor conferences:\n\n"
                     "Imaginary Global Healthcare Conference 2025 – Wednesday, September 3, 2025 at 10:05 a.m. ET\n\n"
                     "Imaginary Capital 27th Annual Investment Conference – Monday, September 8, 2025 at 1:30 p.m. ET\n")
    talks = extract_text(lines).presentations
    assert [(p.meeting, p.starts_at) for p in talks] == [
        ("Imaginary Global Healthcare Conference 2025", "2025-09-03T10:05:00-04:00"),
        ("Imaginary Capital 27th Annual Investment Conference", "2025-09-08T13:30:00-04:00")]


def test_a_format_label_before_a_title_gives_the_kind_not_the_title():
    numbered_ = _release("Ostara Bio Announces Presentations at the 67th Imaginary Hematology Annual Meeting",
                         "Ostara Bio today announced two presentations at the 67th Imaginary Hematology Annual Meeting."
                         "\n\nOral Presentation: Durable Responses With OST-1 in Relapsed Follicular Lymphoma "
                         "(Abstract #611)\nPoster Presentation: Cytokine Release Kinetics After OST-1 Dosing "
                         "(Abstract #3412)\n")
    talks = extract_text(numbered_).presentations
    assert [(p.abstract, p.kind) for p in talks] == [("611", "oral"), ("3412", "poster")]
    assert talks[0].title == "Durable Responses With OST-1 in Relapsed Follicular Lymphoma"
    labelled = _release("Ostara Bio Announces Oral Presentation at the Imaginary Hematology 2025 Congress",
                        "Ostara Bio today announced an oral presentation at the Imaginary Hematology 2025 Congress.\n\n"
                        "Oral Presentation: Durable Responses With OST-1 in Relapsed Follicular Lymphoma\n"
                        "Date: Friday, June 13, 2025\nTime: 16:30 CEST\n")
    (p,) = extract_text(labelled).presentations
    assert (p.title, p.kind, p.starts_at) == ("Durable Responses With OST-1 in Relapsed Follicular Lymphoma", "oral",
                                              "2025-06-13T16:30:00+02:00")


def test_a_session_label_holding_a_date_dates_the_talk():
    text = _release("Koru Bio Announces a Poster at the 2025 Imaginary Oncology Annual Meeting",
                    "Koru Bio Ltd today announced a poster at the 2025 Imaginary Oncology Annual Meeting.\n\n"
                    "Title: KRU-3 in Advanced Melanoma: Phase 1 Results\nAbstract: 9531\n"
                    "Poster Session: Monday, June 2, 2025, 1:30-4:30 p.m. CDT\nPoster Board: 214\n")
    (p,) = extract_text(text).presentations
    assert (p.abstract, p.session, p.starts_at, p.location) == ("9531", None, "2025-06-02T13:30:00-05:00", "214")


def test_html_tables_read_as_labels_and_rows():
    # an HTML table reaches the extractor as tab-separated cells, one row a paragraph
    text = _release("Norvia Announces Posters at the 2025 Imaginary Oncology Annual Meeting",
                    "Norvia, Inc. today announced posters at the 2025 Imaginary Oncology Annual Meeting.\n\n"
                    "Title\tNRV-2 in Advanced Gastric Cancer: Phase 1 Results\n\nAbstract Number\t4021\n\n"
                    "Date and Time\tSaturday, May 31, 2025, 9:00 a.m. - 12:00 p.m. CDT\n\n"
                    "Abstract #\tTitle\tDate\n\n4022\tBiomarkers of Response to NRV-2 in Gastric Cancer\tMay 31, 2025\n")
    talks = extract_text(text).presentations
    assert [(p.abstract, p.starts_at) for p in talks] == [("4021", "2025-05-31T09:00:00-05:00"), ("4022", "2025-05-31")]
    assert talks[0].title == "NRV-2 in Advanced Gastric Cancer: Phase 1 Results"
    assert talks[1].title == "Biomarkers of Response to NRV-2 in Gastric Cancer"


def test_two_posters_at_the_same_time_both_keep_it():
    text = ("Northwind to Present Two Posters at IDWeek 2025\n\n"
            "BOSTON, Oct. 1, 2025 (GLOBE NEWSWIRE) -- Northwind Therapeutics, Inc. will present two posters at "
            "IDWeek 2025.\n\n"
            "Title: Activity of NWT-204 Against Resistant Isolates\nDate and Time: Oct. 20, 2025, 12:15 p.m. ET\n\n"
            "Title: Safety of NWT-204 in Healthy Volunteers\nDate and Time: Oct. 20, 2025, 12:15 p.m. ET\n")
    talks = extract_text(text).presentations
    assert [p.starts_at for p in talks] == ["2025-10-20T12:15:00-04:00"] * 2


def test_an_investor_talk_is_timed_by_a_later_sentence_of_the_lead():
    text = ("Quillon Bio to Present at the Imaginary Growth Conference\n\n"
            "DENVER, May 2, 2025 (GLOBE NEWSWIRE) -- Quillon Bio, Inc. (Nasdaq: QLLN) has been invited to present "
            "at the next Imaginary Growth Conference, being held May 14-15, 2025.\n\n"
            "Ms. Jane Roe will present at 2:10 pm ET on Wednesday, May 14, 2025, in Room 4B. An archived "
            "webcast will be available until June 14, 2025.\n")
    (talk,) = extract_text(text).presentations
    assert (talk.kind, talk.starts_at, talk.location) == ("oral", "2025-05-14T14:10:00-04:00", "Room 4B")


def test_an_ordinal_meeting_name_opens_the_investor_talk():
    text = ("Quillon Bio Announces Participation\n\n"
            "DENVER, May 2, 2025 (GLOBE NEWSWIRE) -- Quillon Bio, Inc. (Nasdaq: QLLN) announced that its CEO "
            "will present at the 2025 Imaginary Partnering Convention in Boston. The presentation is scheduled "
            "for Mon., June 16 at 5:00 p.m.\n")
    (talk,) = extract_text(text).presentations
    assert (talk.meeting, talk.starts_at) == ("2025 Imaginary Partnering Convention", "2025-06-16")


def test_a_pointer_to_the_studys_poster_abstract_gives_its_number_and_format():
    text = ("Walking after meals may lower blood pressure\n\n"
            "DALLAS, Jan. 30, 2025 -- Short walks after meals lowered blood pressure, according to a preliminary "
            "study to be presented at the Imaginary Society's Vascular Conference 2025.\n\n"
            "Co-authors are listed in the abstract.\n\n"
            "* Link to poster abstract TMP21; and the Vascular Conference 2025 Online Program Planner\n")
    (talk,) = extract_text(text).presentations
    assert (talk.abstract, talk.kind) == ("TMP21", "poster")


def test_a_named_doctor_who_presented_gave_a_talk():
    text = ("Velora Reports Final Data\n\n"
            "AUSTIN, May 6, 2025 -- Velora Medical, Inc. (Nasdaq: VLRA) reported final study data. "
            "Dr. Ann Lee, the study's lead investigator, presented the data at the Imaginary Surgeons "
            "Society 12th Annual Meeting.\n")
    (talk,) = extract_text(text).presentations
    assert talk.kind == "oral"


def test_data_recently_presented_is_not_dated_by_todays_release():
    text = ("Velora Connects New Guidance With Its Data\n\n"
            "AUSTIN, Oct. 29, 2025 -- Velora Medical, Inc. (Nasdaq: VLRA) today emphasized how its recently "
            "presented data, first reported at the Imaginary Vaccine Congress Europe 2025, fit new guidance.\n")
    (talk,) = extract_text(text).presentations
    assert talk.starts_at is None


def test_two_titled_talks_in_prose_each_keep_their_time_and_format():
    text = ("Glimmer Devices at the 2025 Imaginary Diabetes Scientific Sessions\n\n"
            "CHICAGO, June 10, 2025 -- Glimmer Devices, Inc. (Nasdaq: GLMR) will take part in the 2025 Imaginary "
            "Diabetes Scientific Sessions.\n\n"
            "On Saturday, June 21, from 2:10 to 2:30 p.m. CDT, Glimmer will deliver a live presentation in the "
            "Innovation Hub titled “Rethinking Glucose Sensing for Daily Life.”\n\n"
            "On Sunday, June 22, from 12:30 to 1:30 p.m. CDT, the team will present a scientific poster under "
            "the title “Early Feasibility of an Implanted Glucose Sensor in Adults.”\n")
    talks = extract_text(text).presentations
    assert [(p.kind, p.starts_at) for p in talks] == [("oral", "2025-06-21T14:10:00-05:00"),
                                                      ("poster", "2025-06-22T12:30:00-05:00")]
    assert talks[1].title == "Early Feasibility of an Implanted Glucose Sensor in Adults"
    assert (talks[0].location, talks[1].location) == ("Innovation Hub", None)


def test_a_titled_workshop_is_a_talk():
    text = ("Qubitron Leaders to Speak at the Imaginary Quantum Congress 2024\n\n"
            "TYSONS, Sept. 3, 2024 -- Qubitron Inc. (NYSE: QBTR) will take part in the Imaginary Quantum Congress "
            "2024. Jane Roe, Qubitron's policy lead, will contribute to a dynamic workshop, titled “Quantum and "
            "Energy,” which is scheduled to begin at 12:45 p.m. on Sept. 9.\n")
    (talk,) = extract_text(text).presentations
    assert (talk.title, talk.kind, talk.starts_at) == ("Quantum and Energy", "oral", "2024-09-09")


def test_sentences_naming_one_drug_under_two_names_are_one_talk():
    text = ("Orvane to Present Data at the 2025 Imaginary Breast Cancer Symposium\n\n"
            "AUSTIN, Nov. 3, 2025 -- Orvane Inc. (OTCQB: ORVN) announced that data on ORV-3 and on everolimus "
            "have been accepted for presentation at the 2025 Imaginary Breast Cancer Symposium. "
            "The abstracts on everolimus will be presented at the 2025 Imaginary Breast Cancer Symposium.\n")
    assert len(extract_text(text).presentations) == 1


def test_titles_set_beside_the_talks_noun():
    text = ("Nine scientists honored at the Imaginary Brain Conference 2025\n\n"
            "DALLAS, Feb. 3, 2025 -- Nine scientists will be recognized during the Imaginary Brain Conference 2025.\n\n"
            "Roe’s lecture, “Thirty Years of Imaginary Neurology,” will be presented at 11:22 a.m. PT, Wednesday, Feb. 5.\n\n"
            "Lee’s award-winning presentation, Abstract 15, “Imaginary Targets for Stroke Repair,” will be presented "
            "at 7:30 a.m. PT, Thursday, Feb. 6.\n")
    talks = extract_text(text).presentations
    assert [(p.title, p.abstract, p.starts_at) for p in talks] == [
        ("Thirty Years of Imaginary Neurology", None, "2025-02-05T11:22:00-08:00"),
        ("Imaginary Targets for Stroke Repair", "15", "2025-02-06T07:30:00-08:00")]


def test_a_labelled_talk_and_talks_told_in_prose_are_all_read():
    text = ("Velora Reports Second Quarter 2025 Results\n\n"
            "AUSTIN, July 28, 2025 -- Velora Bio, Inc. (Nasdaq: VLRA) reported results.\n\n"
            "* Presented data at the Imaginary Immunology Society 2025 Annual Meeting. The presentation, titled "
            "“Immune Responses to VB-12 in Transplant Patients” (Abstract Number: 9352), highlighted early data.\n"
            "* Presented data at the 25th Annual Imaginary Vaccine Congress. The presentation, titled “Phase 2b "
            "Results for VB-12 Against an Approved Vaccine,” was given by Don J. Diamond, Ph.D. on April 24, 2025.\n")
    talks = extract_text(text).presentations
    assert [(p.abstract, p.kind, p.starts_at) for p in talks] == [("9352", None, None), (None, "oral", "2025-04-24")]
    assert talks[1].meeting == "25th Annual Imaginary Vaccine Congress"


def test_a_meeting_known_by_its_whole_name_after_at():
    text = ("Acme Comms at JPM Week\n\n"
            "CHICAGO, January 5, 2025 -- Acme Comms supports its clients.\n\n"
            "* Zentara Bio CEO Jane Roe will present at Biotech Showcase on January 14, 2025, at 10:30 am PST.\n")
    (talk,) = extract_text(text).presentations
    assert (talk.meeting, talk.kind, talk.starts_at) == ("Biotech Showcase", "oral", "2025-01-14T10:30:00-08:00")


def test_a_societys_meeting_written_in_lower_case():
    text = ("Kestrel Reports Interim Data\n\n"
            "AUSTIN, Oct. 20, 2025 -- Kestrel Bio (Nasdaq: KSTL) reported interim data for KB-7. Presented at the "
            "European Society for Medical Oncology meeting in Berlin, the study showed clinical benefit.\n")
    (talk,) = extract_text(text).presentations
    assert talk.meeting == "European Society for Medical Oncology meeting"
    text = ("Kestrel Data Shown\n\n"
            "AUSTIN, June 24, 2025 -- Kestrel Bio (Nasdaq: KSTL) said results were presented at the 84th scientific "
            "conference of the American Diabetes Association (ADA), in a late-breaking session.\n")
    (talk,) = extract_text(text).presentations
    assert talk.meeting == "84th scientific conference of the American Diabetes Association (ADA)"


def test_a_shareholders_meeting_of_a_society_is_none():
    text = ("Kestrel Holds Annual Meeting\n\n"
            "AUSTIN, June 24, 2025 -- Kestrel Bio (Nasdaq: KSTL) presented its plans at the annual meeting of "
            "shareholders, and the CEO will speak at the company's annual meeting of stockholders.\n")
    assert extract_text(text).presentations == []


def test_a_release_with_one_drug_presents_data_on_it():
    text = ("Gene Editing Lowered Lipids in First Patients\n\n"
            "DALLAS, Nov. 8, 2025 -- A one-time gene-editing therapy lowered lipids, according to late-breaking "
            "science presented at the Imaginary Heart Society Scientific Sessions 2025.\n\n"
            "The study tested ZX-310, an investigational editing therapy, in 15 adults.\n")
    (talk,) = extract_text(text).presentations
    assert talk.compounds == ["ZX-310"]


def test_a_companys_panel_is_not_about_its_one_drug():
    text = ("Quillon to Join a Panel at the 3rd Annual Imaginary Opportunities Conference\n\n"
            "NEW YORK, Oct. 1, 2024 -- Quillon Bio (Nasdaq: QLLN) announced that its CEO, Jane Roe, will "
            "participate in a panel discussion at the 3rd Annual Imaginary Opportunities Conference on "
            "October 9, 2024. Quillon develops QB-12 for solid tumors.\n")
    (talk,) = extract_text(text).presentations
    assert (talk.kind, talk.compounds) == ("oral", [])


def test_a_physician_named_with_a_degree_who_presented_gave_a_talk():
    text = ("Velora Builds Awareness of VB-9\n\n"
            "AUSTIN, May 6, 2025 -- Velora Bio, Inc. (Nasdaq: VLRA) reviewed its data. In 2023, Ann Lee, M.D., "
            "clinical chief, Division of Imaginary Medicine at Example University, presented the results of a "
            "cohort study at the Imaginary Infectious Disease Week 2023.\n")
    (talk,) = extract_text(text).presentations
    assert talk.kind == "oral"


def test_a_panels_title_set_beside_it_with_its_time():
    text = ("Qubitron Leaders at the Imaginary Quantum Congress 2024\n\n"
            "TYSONS, Sept. 3, 2024 -- Qubitron Inc. (NYSE: QBTR) will take part in the Imaginary Quantum Congress "
            "2024. Dr. Ann Lee will also participate in a second panel, “Quantum Advantage: Paths and Timelines,” "
            "1:30 p.m. on Sept. 11.\n")
    (talk,) = extract_text(text).presentations
    assert (talk.title, talk.kind, talk.starts_at) == ("Quantum Advantage: Paths and Timelines", "oral", "2024-09-11")


def test_a_titled_talk_and_another_meetings_data_told_in_prose():
    text = ("Velora Reports Second Quarter 2025 Results\n\n"
            "AUSTIN, July 28, 2025 -- Velora Bio, Inc. (Nasdaq: VLRA) reported results.\n\n"
            "* Positive data for VB-12 presented at the Imaginary Hematology Association 2025 Congress.\n"
            "* At the 25th Annual Imaginary Vaccine Congress, the presentation, titled “Phase 2b Results for "
            "VB-12 Against an Approved Vaccine,” was given by Don J. Diamond, Ph.D. on April 24, 2025.\n")
    talks = extract_text(text).presentations
    assert sorted(p.meeting for p in talks) == ["25th Annual Imaginary Vaccine Congress",
                                                "Imaginary Hematology Association 2025 Congress"]


def test_these_results_are_the_drug_of_the_sentence_before():
    text = ("Nuvora Report Highlights NV-900 and an NV-800 Update\n\n"
            "AUSTIN, Oct. 20, 2025 -- Nuvora Pharma (Nasdaq: NVRA) welcomed a new report.\n\n"
            "According to the report, NV-900 showed strong synergy in resistant cells. These results, presented "
            "at the Imaginary Targets Symposium, add momentum to the pipeline.\n")
    (talk,) = extract_text(text).presentations
    assert talk.compounds == ["NV-900"]


def test_a_prose_talks_room():
    text = ("Three Innovators Recognized\n\n"
            "DALLAS, Nov. 3, 2025 -- The winners will take the stage in the Health Innovation Pavilion at the "
            "Imaginary Heart Society Scientific Sessions 2025 to showcase their prototypes before a panel of "
            "judges. Their presentations "
            "will take place on Sunday, November 9, at 3:15 p.m. CT.\n")
    (talk,) = extract_text(text).presentations
    assert (talk.location, talk.starts_at) == ("Health Innovation Pavilion", "2025-11-09T15:15:00-06:00")


def test_a_note_naming_a_format_number_and_session_without_a_hash():
    text = LEAD + ("Kidney function held steady in the treated group, the study found.\n\n"
                   "Note: Moderated Poster Presentation MP47 in Session MPS09 Advances in Renal Care is "
                   "Saturday, December 8, 2024 at 10:15 a.m. ET.\n")
    talks = extract_text(text).presentations
    assert [(p.abstract, p.kind, p.session, p.starts_at) for p in talks] == [
        ("MP47", "poster", "MPS09", "2024-12-08T10:15:00-05:00")]


def test_a_format_word_before_a_year_is_no_number():
    text = LEAD + "The Oral Presentation 2024 award went to Dr. Jane Roe for her work on ZB-101.\n"
    assert all(p.abstract is None for p in extract_text(text).presentations)


def test_a_counted_number_of_untitled_posters_gives_one_entry_each():
    text = LEAD + "Zentara will present three posters at the 40th Imaginary Hematology Society (IHS) Annual Meeting.\n"
    talks = extract_text(text).presentations
    assert [(p.kind, p.title) for p in talks] == [("poster", None)] * 3


def test_counted_presentations_of_others_are_not_ours():
    text = LEAD + ("The data are part of six presentations from Zentara at the 40th Imaginary Hematology "
                   "Society (IHS) Annual Meeting.\n")
    assert len(extract_text(text).presentations) <= 1


def test_unquoted_titles_set_off_by_titled_and_a_verb():
    text = LEAD + ("Zentara presented two posters at the 40th Imaginary Hematology Society (IHS) Annual Meeting. "
                   "The posters, titled Durable Remissions With ZB-101 in Older Patients, and Marrow Recovery "
                   "After ZB-101 Consolidation, were presented by Drs. Jane Roe and John Poe, respectively.\n")
    talks = extract_text(text).presentations
    assert [p.title for p in talks] == ["Durable Remissions With ZB-101 in Older Patients",
                                        "Marrow Recovery After ZB-101 Consolidation"]


def test_an_unquoted_title_needs_the_verb_that_ends_it():
    text = LEAD + "The study, titled Outcomes in the Real World and elsewhere in Europe.\n"
    assert all(p.title is None for p in extract_text(text).presentations)


def test_a_count_in_the_sentence_after_the_meeting_and_two_societies_apart():
    text = ("Zentara Reviews Its Year\n\nBOSTON, Jan. 4, 2025 /PRNewswire/ -- Zentara Bio, Inc. (NASDAQ: ZNTB), "
            "a clinical-stage company, reviewed its year.\n\n"
            "In June, the company presented key findings at the Imaginary Diabetes Association (IDA) conference. "
            "Two poster presentations highlighted the device's accuracy.\n\n"
            "In August, it gave a poster presentation at the Association of Diabetes Imaginary Educators (ADIE) "
            "conference.\n")
    talks = extract_text(text).presentations
    assert [p.meeting for p in talks].count("Imaginary Diabetes Association (IDA) conference") == 2
    assert all(p.kind == "poster" for p in talks)


def test_one_on_one_meetings_at_a_conference_are_no_talk():
    text = ("Zentara to Participate in the 5th Annual Imaginary Healthcare Opportunities Conference\n\n"
            "BOSTON, Oct. 7, 2025 /PRNewswire/ -- Zentara Bio, Inc. (NASDAQ: ZNTB), a clinical-stage company, "
            "today announced that its CEO, Jane Roe, will participate in the 5th Annual Imaginary Healthcare "
            "Opportunities Conference on October 9, 2025 in New York. Ms. Roe will be available throughout the "
            "day to meet with investors in 1-on-1 meetings.\n")
    assert extract_text(text).presentations == []


def test_a_fireside_chat_beside_one_on_ones_is_a_talk():
    text = ("Zentara to Participate in the 5th Annual Imaginary Healthcare Opportunities Conference\n\n"
            "BOSTON, Oct. 7, 2025 /PRNewswire/ -- Zentara Bio, Inc. (NASDAQ: ZNTB), a clinical-stage company, "
            "today announced that its CEO, Jane Roe, will participate in a fireside chat at the 5th Annual "
            "Imaginary Healthcare Opportunities Conference on October 9, 2025 at 9:00 a.m. ET, and will host "
            "1-on-1 meetings.\n")
    assert len(extract_text(text).presentations) == 1
