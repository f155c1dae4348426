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
