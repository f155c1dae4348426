"""Sameness across formats: one release, however it arrives, is one record; two releases
that share an issuer's boilerplate stay two."""

from __future__ import annotations

from samples import release_html, release_text
from test_readers import _pdf

from irdesk.extract import extract_bytes
from irdesk.store import Source, Store

LONG = ("The trial enrolled adults at twenty sites across North America and Europe, and the primary "
        "endpoint was the objective response rate assessed by blinded independent central review. "
        "Secondary endpoints included duration of response, progression-free survival and safety. ")


def add(store, data: bytes, name: str):
    return store.add(extract_bytes(data, name), Source(name, name.rsplit(".", 1)[-1]))


def test_one_release_in_four_formats_is_one_record(tmp_path, qapp):
    text = release_text(extra=LONG * 3)
    mail = ("From: ir@northwind.example\nSubject: Fwd: " + text.split("\n")[0] + "\n"
            "Date: Mon, 11 Mar 2024 09:30:00 -0400\nContent-Type: text/plain; charset=utf-8\n\n" + text)
    with Store(tmp_path / "s.db") as store:
        ids = {add(store, text.encode(), "r.txt").release_id,
               add(store, release_html(extra=LONG * 3).encode(), "r.html").release_id,
               add(store, mail.encode(), "r.eml").release_id,
               # Printed: a page header above it, the headline wrapped by the printer's margins.
               add(store, _pdf(qapp, "Northwind Therapeutics — News\n" + text), "r.pdf").release_id}
        assert len(ids) == 1
        assert store.count("releases") == 1
        assert len(store.release(ids.pop())["sources"]) == 4


def test_two_releases_sharing_boilerplate_stay_two(tmp_path):
    about = ("About Northwind Therapeutics\nNorthwind Therapeutics, Inc. develops antibody-drug conjugates. "
             + "It works with many partners on many programs across many diseases of high unmet need. " * 20)
    first = release_text(extra=LONG).replace("About Northwind Therapeutics\n", about + "\n")
    second = f"""Northwind Therapeutics Appoints a Chief Medical Officer

BOSTON, March 2, 2024 (GLOBE NEWSWIRE) -- Northwind Therapeutics, Inc. (Nasdaq: NWTX) today announced the
appointment of Dr. Mary Somerville as Chief Medical Officer, effective immediately. Dr. Somerville joins from a
large pharmaceutical company where she led late-stage development of several oncology medicines and built
teams in the United States and in Europe. She will lead clinical development and medical affairs.

"Mary brings deep experience of running global trials," said Ada Lovelace, Chief Executive Officer.

{about}

Investor Contact:
Grace Hopper, 617-555-0100
ir@northwind.example
"""
    with Store(tmp_path / "s.db") as store:
        a = add(store, first.encode(), "a.txt")
        b = add(store, second.encode(), "b.txt")
    assert (a.status, b.status) == ("imported", "imported")


def test_a_firm_s_notices_of_one_day_from_one_template_stay_apart(tmp_path):
    template = """{co} Investors: Filing Deadline in Securities Class Action - Contact Marlow & Finch LLP

RADNOR, PA - (NewMediaWire) - December 30, 2024 - The law firm of Marlow & Finch LLP informs investors that a
securities class action lawsuit has been filed against {co} ("{short}") on behalf of those who purchased or
acquired the securities of {short} during the class period. Investors who purchased or otherwise acquired
shares and suffered losses are encouraged to contact the firm to learn more about their rights. The lawsuit
alleges that the defendants made false and misleading statements and failed to disclose material adverse
facts about the business, operations and prospects of the company. Investors may, no later than the
deadline, seek to be appointed as a lead plaintiff representative of the class through the firm or other
counsel, or may choose to do nothing and remain an absent class member. A lead plaintiff is a representative
party who acts on behalf of all class members in directing the litigation. The firm prosecutes class
actions in state and federal courts throughout the country and around the world and has recovered billions
of dollars for the victims of securities fraud. For more information please contact the firm.
"""
    with Store(tmp_path / "s.db") as store:
        a = add(store, template.format(co="Quillon Devices Inc.", short="Quillon").encode(), "a.txt")
        b = add(store, template.format(co="Ardent Dental Corp.", short="Ardent").encode(), "b.txt")
    assert (a.status, b.status) == ("imported", "imported")
