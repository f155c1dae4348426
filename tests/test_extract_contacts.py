"""Contact blocks, one shape a test, on short fictional releases."""

from __future__ import annotations

import time

from irdesk.extract import extract_text
from irdesk.extract.people import first_names, is_person
from irdesk.extract.phones import find_phones

HEAD = ("Acme Bio Reports Data at the Imaginary Congress\n\n"
        "SPRINGFIELD, Ill., March 3, 2025 /PRNewswire/ -- Acme Bio, Inc. (NASDAQ: ACMB) today announced data. "
        "\"We are pleased,\" said Dana Whitfield, Chief Executive Officer of Acme Bio.\n\n"
        "About Acme Bio\n\nAcme Bio develops medicines. Contact us at info@acme.example for more.\n\n"
        "Forward-Looking Statements\n\nThis press release contains forward-looking statements about Acme Bio.\n\n")


def contacts(block: str) -> dict:
    return {c.name: c for c in extract_text(HEAD + block).contacts}


def test_first_names_come_from_the_kept_list():
    names = first_names()
    assert len(names) > 30_000 and {"maria", "jürgen", "aoife", "kenji"} <= names
    assert is_person("Maria Lindqvist") and not is_person("Income Statement Data")
    assert not is_person("Dow Jones Newswires") and not is_person("Reddit Post")


def test_bare_sub_headings_under_an_organization_heading():
    found = contacts("Acme Contacts\nMedia\nRosa Delgado, +1 617 555 0142\nrosa@acme.example\n\n"
                     "Investors\nTomas Berg, Ph.D., +1 617 555 0177\ntberg@acme.example\n")
    rosa, tomas = found["Rosa Delgado"], found["Tomas Berg"]
    assert (rosa.organization, rosa.audience, rosa.phones) == ("Acme", "media", ["+1 617 555 0142"])
    assert (tomas.audience, tomas.emails) == ("investors", ["tberg@acme.example"])


def test_audience_written_after_each_person():
    found = contacts("CONTACT: Acme, SpringfieldLena Moss, 617-555-0101Owen Park, 617-555-0102 (Media)"
                     "Ivy Chen, 617-555-0103 (Investors)\n")
    assert [found[n].audience for n in ("Lena Moss", "Owen Park", "Ivy Chen")] == ["media", "media", "investors"]
    assert found["Ivy Chen"].organization == "Acme"


def test_name_with_title_and_organization_on_one_line():
    found = contacts("Investor Contact:\nGreta Holm | Vice President, Investor Relations | Acme Bio, Inc. | "
                     "greta@acme.example\n\nMedia Contact:\nPaul Grant - Head of Communications\nTel.: 617-555-0190\n")
    assert found["Greta Holm"].title == "Vice President, Investor Relations"
    assert found["Greta Holm"].organization == "Acme Bio, Inc."
    assert (found["Paul Grant"].title, found["Paul Grant"].phones) == ("Head of Communications", ["617-555-0190"])


def test_markdown_headings_and_a_table_of_two_columns():
    found = contacts("**Contacts:**\n\n| Media | Investors |\n| --- | --- |\n| Brightwater PR | Northpeak IR |\n"
                     "| Nora Quinn | Felix Adler |\n| nquinn@bright.example | 617-555-0155 |\n| | felix@north.example |\n")
    assert (found["Nora Quinn"].audience, found["Nora Quinn"].organization) == ("media", "Brightwater PR")
    assert (found["Felix Adler"].audience, found["Felix Adler"].emails) == ("investors", ["felix@north.example"])


def test_a_block_found_by_its_content_without_a_heading():
    found = contacts("Harriet Vance\nAcme Bio\n617-555-0123\nhvance@acme.example\n")
    assert found["Harriet Vance"].phones == ["617-555-0123"]


def test_a_block_with_no_person_is_listed_under_its_department():
    found = contacts("Investor Relations:\nir@acme.example\n")
    assert list(found) == ["Investor Relations"]
    assert found["Investor Relations"].audience == "investors"


def test_department_line_keeps_its_own_phone():
    found = contacts("For Media Inquiries and Expert Perspective:\n\nAcme Communications & Media Relations in "
                     "Springfield: 217-555-0100; media@acme.example\n\nJoan Price: joan.price@acme.example\n")
    assert found["Joan Price"].phones == []
    assert found["Acme Communications & Media Relations"].phones == ["217-555-0100"]


def test_email_glued_to_the_organization_before_it():
    found = contacts("Public Relations:Megan Hale, Brightwatermegan@bright.example\n")
    assert (found["Megan Hale"].emails, found["Megan Hale"].organization) == (["megan@bright.example"], "Brightwater")


def test_table_headings_and_numbers_are_not_contacts_or_phones():
    block = ("Contact:\nWalter Ames, CFO, Acme Bio, Inc. T: 908-555-0133\n\n(Tables to follow)\n\n"
             "Income Statement Data\n2025 2024\n92,545 89,651\nTotal Assets 1,205,334 1,187,220\n")
    found = contacts(block)
    assert list(found) == ["Walter Ames"]
    assert found["Walter Ames"].phones == ["908-555-0133"]


def test_phones_are_validated_and_kept_as_written():
    text = "Tel.: +49 (0)89 4131 3829 Mobile: +41 58 800 1234 Dates 2024 2023 $ 13,227,839 doi 2023.100171"
    found = [text[s:e] for s, e in find_phones(text, 0, len(text))]
    assert found == ["+49 (0)89 4131 3829", "+41 58 800 1234"]


def test_people_quoted_in_the_story_are_not_contacts():
    assert "Dana Whitfield" not in contacts("Media Contact:\nRuth Ingram\nruth@acme.example\n")


def test_long_texts_finish_quickly():
    text = HEAD + "Contact:\n" + ("Jane Roe 617-555-0101 x" * 20_000) + "\n" + ("Media\n" * 20_000)
    started = time.perf_counter()
    extract_text(text[:400_000])
    assert time.perf_counter() - started < 5


def test_blocks_side_by_side_read_across():
    found = contacts("Press Contacts: Investor Contacts:\n\nLena Moss Ivy Chen\nlena@acme.example ivy@acme.example\n"
                     "617-555-0101 617-555-0102\n")
    assert (found["Lena Moss"].audience, found["Lena Moss"].emails) == ("media", ["lena@acme.example"])
    assert (found["Ivy Chen"].audience, found["Ivy Chen"].phones) == ("investors", ["617-555-0102"])


def test_headings_in_words_and_names_in_capitals():
    found = contacts("For media inquiries, please contact:\nJOHN PARK\nAcme Bio\njpark@acme.example\n")
    assert (found["JOHN PARK"].audience, found["JOHN PARK"].organization) == ("media", "Acme Bio")
    found = contacts("For more information, contact Jane Doe at (617) 555-0101 or jane@acme.example.\n")
    assert (found["Jane Doe"].phones, found["Jane Doe"].emails) == (["(617) 555-0101"], ["jane@acme.example"])


def test_organization_lines_head_their_own_people():
    found = contacts("For further information, please contact:\n\nAcme Bio plc              +44 (0)20 7946 0000\n"
                     "Jane Doe, Chief Executive Officer\nJohn Roe, Chief Financial Officer\n\n"
                     "Northbank Securities (Nominated Adviser)     +44 (0)20 7946 0500\nEmma Lark / Fred Colby\n\n"
                     "Brightwater Communications\nMary-Jane Ellery, Sana Virdi\nacme@bright.example\n")
    assert (found["John Roe"].organization, found["John Roe"].phones) == ("Acme Bio plc", ["+44 (0)20 7946 0000"])
    assert (found["Emma Lark"].organization, found["Emma Lark"].phones) == (
        "Northbank Securities (Nominated Adviser)", ["+44 (0)20 7946 0500"])
    assert found["Sana Virdi"].emails == ["acme@bright.example"]
    assert "Acme Bio" not in found


def test_a_firm_named_like_a_heading_under_a_person():
    found = contacts("Contacts:\nInvestors\nJane Doe\nStern Investor Relations\n212-555-0100\njane.doe@stern.example\n")
    assert (found["Jane Doe"].organization, found["Jane Doe"].audience) == ("Stern Investor Relations", "investors")


def test_a_name_the_list_lacks_between_a_firm_and_a_phone():
    found = contacts("Investor Relations Contact\n\nNorthpeak Advisors, LLC\n\nZelvra Onkatu\n\n908-555-0175\n\n"
                     "acme@northpeak.example\n")
    assert (found["Zelvra Onkatu"].organization, found["Zelvra Onkatu"].phones) == (
        "Northpeak Advisors, LLC", ["908-555-0175"])


def test_surname_glued_to_an_address_that_repeats_it():
    found = contacts("Media Contact:\nHelen Castellanhcastellan@acme.example\n")
    assert found["Helen Castellan"].emails == ["hcastellan@acme.example"]


def test_a_heading_word_repeated_thousands_of_times_stays_fast():
    for filler in ("Media\n" * 60_000, "Contact: " + "@" * 300_000, "For Investors:\n" * 30_000):
        started = time.perf_counter()
        extract_text((HEAD + filler)[:400_000])
        assert time.perf_counter() - started < 3


def test_a_department_line_under_a_person_is_her_title():
    for block in ("Investor Contact\n\nJane Doe\nInvestor Relations\nPhone: 305-555-0142\nEmail: jane@acme.example\n",
                  "Investor Contact\n\nJane DoeInvestor RelationsPhone: 305-555-0142Email: jane@acme.example\n"):
        found = contacts(block)
        assert list(found) == ["Jane Doe"], block
        assert found["Jane Doe"].title == "Investor Relations"


def test_heading_after_blanked_link_and_firm_over_an_address():
    found = contacts("[](https://img.example/x.jpg) [](https://vibe.example) Contact Information:\n\n"
                     " Vibe Smiles Orthodontics\n\n12 Elm Street Suite 4  Springfield, IL 62701United States\n\n"
                     " Dr. Ana Lopez +1 (217) 555-0188 https://vibe.example\n")
    assert list(found) == ["Ana Lopez"]
    assert (found["Ana Lopez"].organization, found["Ana Lopez"].phones) == ("Vibe Smiles Orthodontics", ["+1 (217) 555-0188"])


def test_office_line_names_the_organization_of_the_people_below():
    found = contacts("The Zephyr Quill Alliance funds research.\n\nFor Media Inquiries:\n\n"
                     "ZQA Communications & Media Relations in Dallas: 214-555-0173; zqacomms@zqa.example\n\n"
                     "Mira Holt: Mira.Holt@zqa.example\n")
    assert (found["Mira Holt"].organization, found["Mira Holt"].phones) == ("Zephyr Quill Alliance", [])


def test_firm_named_after_its_founder_and_labelled_fields():
    found = contacts("Media Contact: Rosa Delgado\nRosa Delgado Consulting\nEmail: rosa@delgado.example\n")
    assert found["Rosa Delgado"].organization == "Rosa Delgado Consulting"
    found = contacts("Northpeak Contact\n\nName: Ivan Petrov\n\nCompany: Leland Hart\n\nPhone: (217) 555-0199\n")
    assert list(found) == ["Ivan Petrov"] and found["Ivan Petrov"].organization == "Leland Hart"


def test_firm_heading_under_a_bare_contact_heading():
    found = contacts("Contact Details\nNorthpeak Investors\n\nJane Roe\n\n+1 617-555-0110\n\njane@northpeak.example\n")
    assert (found["Jane Roe"].organization, found["Jane Roe"].audience) == ("Northpeak Investors", None)


def test_label_words_inside_a_firm_name_and_profession_titles():
    found = contacts("Contact Information:\n\nCI Web Group, Inc.\n\nJenna Bay\nPhone: 877-555-0122\n")
    assert found["Jenna Bay"].organization == "CI Web Group, Inc."
    found = contacts("Contact Dana Roe, Attorney at Law, at 217.555.0143.\n")
    assert (found["Dana Roe"].title, found["Dana Roe"].organization) == ("Attorney at Law", None)


def test_glued_address_extension_and_unseparated_numbers():
    found = contacts("For more information, please contact:\n\nNorvane Bio Corp.789 Pine Street, Suite 4Vancouver, BC"
                     "Tel: +1 604 555 0187Lena Hart, Chief Executive Officerlena@norvane.example\n")
    assert found["Lena Hart"].organization == "Norvane Bio Corp."
    found = contacts("Investor Relations:\nRoe Advisors, LLC212-555-0120 x304roe@roeadvisors.example\n")
    assert found["Roe Advisors, LLC"].emails == ["roe@roeadvisors.example"]
    found = contacts("Contact Information:\n\n Tide Physical Therapy\n\n12 Elm Street Suite 4  Springfield, IL 62701\n\n"
                     " Ana Lopez 12175550188 https://tide.example\n")
    assert (found["Ana Lopez"].organization, found["Ana Lopez"].phones) == ("Tide Physical Therapy", ["12175550188"])


def test_mailbox_at_a_line_start_is_kept_whole():
    found = contacts("Contact Details\nNorthpeak UK\n\n+44 20 7946 0813\n\nUKEditorial@northpeak.example\n")
    assert found["Northpeak UK"].emails == ["UKEditorial@northpeak.example"]


def test_address_inside_a_line_and_glued_titles_and_mailboxes():
    found = contacts("Contacts:\nMara Voss, CEO Lindqvist Tools, Inc.  145 Birch Way Springfield, IL 62704 "
                     "Email: mvoss@lindqvist.example\n")
    assert (found["Mara Voss"].title, found["Mara Voss"].organization) == ("CEO", "Lindqvist Tools, Inc.")
    found = contacts("For Further Information, Please Contact:\n\nOtto BrandPresident and CEOKestrel Mining Corp."
                     "Tel: (604) 555-0150Email: info@kestrel.example\n")
    assert (found["Otto Brand"].title, found["Otto Brand"].organization) == ("President and CEO", "Kestrel Mining Corp.")
    found = contacts("For more information:\n\nVera Lund, Marketing Manager, PayNorthvlund@northcap.example\n")
    assert found["Vera Lund"].emails == ["vlund@northcap.example"]


def test_company_line_that_starts_like_a_name():
    found = contacts("Contact Details\nYuen Tak Trading Co.,Ltd.\n\nLiang Wei\n\nservice@yuentak.example\n")
    assert list(found) == ["Liang Wei"] and found["Liang Wei"].organization == "Yuen Tak Trading Co.,Ltd."


def test_obfuscated_mailbox_firm_after_comma_and_firm_under_a_bare_heading():
    found = contacts("Media contact: Jane Roe, Northpeak Bio, 617-555-0199, jane.roe(at)northpeak.example\n")
    assert list(found) == ["Jane Roe"]
    assert (found["Jane Roe"].organization, found["Jane Roe"].emails) == ("Northpeak Bio", ["jane.roe(at)northpeak.example"])
    found = contacts("Contacts:\nLena Moss, Tel: +44 (0)20 7946 0123, lena [at] acme.example\n")
    assert found["Lena Moss"].emails == ["lena [at] acme.example"]
    found = contacts("Media Inquiries\nNorthpeak Communications\nAnn Lee, +1 212 555 0101, alee@northpeak.example\n")
    assert found["Ann Lee"].organization == "Northpeak Communications"


def test_web_table_read_as_tab_separated_rows():
    found = contacts("Contacts\n\nInvestors\tMedia\n\nTom Berg\tRosa Delgado\n\n"
                     "Vice President, Investor Relations\tNorthpeak Communications\n\n"
                     "+1 617 555 0177\t+1 212 555 0142\n\ntberg@acme.example\trosa@northpeak.example\n")
    tom, rosa = found["Tom Berg"], found["Rosa Delgado"]
    assert (tom.title, tom.phones, tom.audience) == ("Vice President, Investor Relations", ["+1 617 555 0177"], "investors")
    assert (rosa.organization, rosa.emails, rosa.audience) == ("Northpeak Communications", ["rosa@northpeak.example"], "media")


def test_labels_in_text_whose_breaks_became_spaces():
    found = contacts("We care for smiles.  For more information, please contact: Carla Vin, DDS Bright Dental Care "
                     "10697 N. Frank Hill Wright Blvd. Scottsdale, AZ 85259 Phone: (480) 555-4040 "
                     "Email: info@brightdental.example\n\n---\n\n[Original Release](https://wire.example/x)\n")
    assert list(found) == ["Carla Vin"]
    assert (found["Carla Vin"].organization, found["Carla Vin"].phones) == ("Bright Dental Care", ["(480) 555-4040"])
    found = contacts("Lakeside Sound opens a studio. Opening: May 2025  Media Inquiries & Booking For media requests, interviews, or a tour, please "
                     "contact:  Emily Stavros Partner, Lakeside Sound emily@lakeside.example\n")
    emily = found["Emily Stavros"]
    assert (emily.title, emily.organization, emily.audience) == ("Partner", "Lakeside Sound", "media")


def test_office_lines_second_firm_and_initials_of_a_post():
    found = contacts("Contact Details\nInacta Ventures Press Office\n\nPascal Arnold\n\npascal@inacta.example\n")
    assert (found["Pascal Arnold"].organization, found["Pascal Arnold"].audience) == ("Inacta Ventures", "media")
    found = contacts("Contact Details\nDitto Public Relations\n\nDana Black, AD\n\ndana@ditto.example\n")
    assert (found["Dana Black"].organization, found["Dana Black"].title) == ("Ditto Public Relations", "AD")
    found = contacts("Northpeak Contact\n\nName: Ivan Petrov\n\nCompany: Northpeak\n\nPhone: (217) 555-0199\n\n"
                     "Contact Details\nJulia Brandt\n\n+1 843-555-0194\n\njulia@brandt.example\n")
    assert (found["Ivan Petrov"].organization, found["Julia Brandt"].organization) == ("Northpeak", None)


def test_british_address_and_number_without_its_plus():
    found = contacts("Contact Information:\n\n Roe Video Agency\n\nMontgomery Crescent 29  London, Romford RM3 7UH\n\n"
                     " Alex Nedel 442079460123 https://roe.example\n")
    assert list(found) == ["Alex Nedel"]
    assert (found["Alex Nedel"].organization, found["Alex Nedel"].phones) == ("Roe Video Agency", ["442079460123"])
    found = contacts("Contact Details\nLin Trading Co.,Ltd.\n\nBanni Liang\n\n0800service@lintrading.example\n")
    assert found["Banni Liang"].emails == ["0800service@lintrading.example"]


def test_business_named_after_a_person_over_an_address_and_an_unread_name():
    from irdesk.extract.contact_lines import pieces
    from irdesk.extract.glue import WordCounts
    block = (" Brian Dorsey\n\n210 SW Market St Ste 224  Lee's Summit, Missouri 64063\n\n"
             " Elizabeth B. +1 816-555-0107 https://dorsey.example\n")
    kinds = [(i.kind, i.value) for i in pieces(block, 0, len(block), WordCounts(block))]
    assert kinds == [("org", "Brian Dorsey"), ("phone", "+1 816-555-0107")]


def test_firm_after_a_title_when_written_elsewhere_without_spaces():
    found = contacts("Wren&Hale ranks schools.\n\nMedia Contact: Sat Roe Chief Revenue Officer Wren & Hale (917) 555-4088\n")
    assert (found["Sat Roe"].title, found["Sat Roe"].organization) == ("Chief Revenue Officer", "Wren & Hale")


def test_camel_case_firm_glued_to_its_heading_that_its_domain_spells():
    found = contacts("Contact DetailsFieldBot PR\nMira Solheim\nmira@fieldbotpr.example\n")
    assert found["Mira Solheim"].organization == "FieldBot PR"
    found = contacts("Contact DetailsFieldBot PR for Acme\nMira Solheim\nmira@fieldbotpr.example\n")
    assert found["Mira Solheim"].organization == "FieldBot PR for Acme"


def test_firm_line_over_an_address_and_a_department_with_its_phone():
    found = contacts("Contact Information:\n\n Northwind Dental Care\n\n12 Elm Street  Springfield, IL 62704United States\n\n"
                     " Marketing Team 12175550190 https://northwind.example\n")
    assert found["Marketing Team"].organization == "Northwind Dental Care"


def test_company_heading_block_without_a_person_is_the_issuers():
    found = contacts(" Company Contact:info@acme.example617-555-0100\n\n Investor Relations Contact:ir@acme.example617-555-0111\n")
    issuer = found["Acme Bio, Inc."]
    assert (issuer.organization, issuer.phones) == ("Acme Bio, Inc.", ["617-555-0100"])
    assert found["Investor Relations"].organization is None


def test_company_field_after_the_persons_address():
    found = contacts("Media Contact DetailsContact Name: Lena VossContact Email: lena@voss.example"
                     "Company Name: Voss Ledger Company Ltd.City/Country: Essex, United KingdomWebsite: https://voss.example\n")
    assert found["Lena Voss"].organization == "Voss Ledger Company Ltd."
    found = contacts("Media Contact Information:\n\nOmar Haddad\n\nEmail:omar@quarry.exampleCompany: Quarry Mining LLC"
                     "Website: https://quarry.example\n")
    assert found["Omar Haddad"].organization == "Quarry Mining LLC"


def test_heading_phone_for_the_people_of_every_firm_under_it():
    found = contacts(" For Media Inquiries: 312-555-0170\n\n Acme: Rosa Delgado, rosa@acme.example\n\n"
                     " Northpeak: Tomas Berg, tberg@northpeak.example\n")
    assert found["Rosa Delgado"].phones == found["Tomas Berg"].phones == ["312-555-0170"]
    assert found["Tomas Berg"].organization == "Northpeak"


def test_office_line_whose_name_ends_in_brackets():
    found = contacts(" Media Contact\n\n NWN (NorthwindNewsNetwork)Springfield, Illinois"
                     "www.NorthwindNewsNetwork.example312.555.0199 Desk@NorthwindNewsNetwork.example\n")
    office = found["NWN (NorthwindNewsNetwork)"]
    assert (office.organization, office.phones) == ("NWN (NorthwindNewsNetwork)", ["312.555.0199"])


def test_promoters_mailbox_is_not_given_the_issuers_name_as_organization():
    found = contacts("Contact Details\n\u200e\n\nalerts.desk@mailhost.example\n")
    assert all(c.organization is None for c in found.values())


def test_block_naming_nobody_with_the_issuers_address_is_the_issuers():
    found = contacts("On behalf of the Board,\n\nFor further information, please contact:E: info@acmebio.example"
                     "P: 1 (617) 555-0143\n")
    assert (found["Acme Bio"].organization, found["Acme Bio"].phones) == ("Acme Bio, Inc.", ["(617) 555-0143"])
    found = contacts("On behalf of the Board,\n\nFor further information, please contact:E: desk@promoter.example\n")
    assert not found


def test_person_a_sentence_tells_the_reader_to_call():
    found = contacts("Ordering\n\nFor Northwind parts, call Maria Lindqvist at (312) 555-0188, for Acme parts call "
                     "Tomas Berg, Sales Director, at tberg@acme.example.\n")
    assert found["Maria Lindqvist"].phones == ["(312) 555-0188"]
    assert (found["Tomas Berg"].title, found["Tomas Berg"].emails) == ("Sales Director", ["tberg@acme.example"])
    assert not contacts("Analysts call Acme Bio at its best, as Maria Lindqvist said at the meeting.\n")


def test_author_available_for_interviews_can_be_reached_at():
    found = contacts("Books\n\nMaria Lindqvist is available for media interviews and can be reached using the information "
                     "below or by email at maria.l@mailhost.example. More is online.\n")
    assert (found["Maria Lindqvist"].emails, found["Maria Lindqvist"].audience) == (["maria.l@mailhost.example"], "media")


def test_inquiries_heading_and_an_address_field_inside_one_line():
    found = contacts("Visit the showroom. For inquiries, contact: Acme Bio, Inc. Address: 19 Elm Circle Suite E, Springfield, "
                     "IL 62704 Phone: 217-555-0164 Email: desk@acmebio.example Website: acmebio.example\n")
    issuer = found["Acme Bio, Inc."]
    assert (issuer.organization, issuer.phones, issuer.emails) == ("Acme Bio, Inc.", ["217-555-0164"], ["desk@acmebio.example"])
