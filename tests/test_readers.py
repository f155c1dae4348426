"""Readers: every format and encoding a release arrives in, by extension and by content."""

from __future__ import annotations

import email.message
import io

import pytest

from irdesk.extract import ReadError, extract_bytes, extract_file
from irdesk.extract.readers import kind_for, read_bytes

RELEASE = ("Acme Bio Announces Data at the 10th Annual Meeting of Imaginary Oncology\n\n"
           "SPRINGFIELD, Ill.--(BUSINESS WIRE)-- Acme Bio, Inc. (NASDAQ: ACMB) today announced "
           "that data for ACM-101® will be presented. “Great,” said Jane Roe — CEO.\n\n"
           "Media Contact:\nJohn Smith, 555-201-3344\njohn@acme.example\n")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"])
def test_text_in_any_encoding_reads_the_same(encoding):
    parsed = extract_bytes(RELEASE.encode(encoding), "release.txt")
    assert parsed.release.company == "Acme Bio, Inc."
    assert "“Great,”" in parsed.text and "ACM-101®" in parsed.text


def test_latin1_bytes_undefined_in_cp1252_still_read():
    data = RELEASE.replace("“", '"').replace("”", '"').replace("—", "-").encode("latin-1") + b"\x81\x8d"
    assert extract_bytes(data, "x.txt").release.headline.startswith("Acme Bio Announces")


def test_markdown_links_read_as_their_text():
    text = RELEASE.replace("Acme Bio, Inc. (NASDAQ", "[Acme Bio, Inc.](http://acme.example) (NASDAQ")
    parsed = extract_bytes(text.encode(), "x.md")
    assert "http://acme.example" not in parsed.text
    assert parsed.release.company == "Acme Bio, Inc."


HTML = """<!DOCTYPE html><html><head><title>Acme</title><style>p {{color: red}}</style>
<script>var x = "Investor Contact: nobody";</script></head><body>
<nav class="menu"><a href="/">Home</a> <a href="/ir">Investors</a></nav>
<div class="social-share">Share on LinkedIn</div>
<article><h1>Acme Bio Announces Data at the 10th Annual Meeting of Imaginary Oncology</h1>
<p>SPRINGFIELD, Ill.--(BUSINESS WIRE)-- Acme Bio, Inc. (NASDAQ: ACMB) today announced data.</p>
<table><tr><th>Abstract</th><th>Title</th></tr>
<tr><td>101</td><td>A study of ACM-101 in solid tumors</td></tr></table>
<p>Media Contact:<br>John Smith, 555-201-3344<br><a href="mailto:john@acme.example">john@acme.example</a></p>
</article><footer>Copyright Acme {extra}</footer></body></html>"""


def test_html_keeps_the_body_and_drops_the_chrome():
    parsed = extract_bytes(HTML.format(extra="").encode(), "page.html")
    assert parsed.release.headline.startswith("Acme Bio Announces Data")
    for chrome in ("Home", "Share on LinkedIn", "color: red", "nobody", "Copyright"):
        assert chrome not in parsed.text
    assert "101\tA study of ACM-101 in solid tumors" in parsed.text  # a table row stays a row
    assert [c.name for c in parsed.contacts] == ["John Smith"]


def test_html_sniffed_inside_a_txt_file(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text(HTML.format(extra=""), encoding="utf-8")
    assert "<p>" not in extract_file(path).text


def test_html_charset_from_meta():
    page = b'<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 \x93news\x94</p></body></html>'
    assert "Café “news”" in extract_bytes(page, "x.html").text


def test_edgar_exhibit_header_lines_are_not_text():
    page = "<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex99-1.htm\n<TEXT>\n<HTML><BODY>" + HTML.split("<body>")[1]
    text = extract_bytes(page.format(extra="").encode(), "ex99.htm").text
    assert "EX-99.1" not in text and "ex99-1.htm" not in text


def test_html_nested_ten_thousand_deep_reads():
    data = b"<html><body>" + b"<div>" * 10000 + RELEASE.encode() + b"</div>" * 10000
    assert extract_bytes(data, "deep.html").release.company == "Acme Bio, Inc."


def _eml(**parts) -> bytes:
    msg = email.message.EmailMessage()
    msg["From"] = "wire@example.com"
    msg["Subject"] = "Fwd: Acme Bio Announces Data at the 10th Annual Meeting of Imaginary Oncology"
    msg["Date"] = "Tue, 03 Dec 2024 08:00:00 -0500"
    if "plain" in parts:
        msg.set_content(parts["plain"], charset=parts.get("charset", "utf-8"), cte=parts.get("cte"))
    if "html" in parts:
        if "plain" in parts:
            msg.add_alternative(parts["html"], subtype="html")
        else:
            msg.set_content(parts["html"], subtype="html")
    return bytes(msg)


@pytest.mark.parametrize("cte", ["quoted-printable", "base64", "8bit"])
def test_email_text_part_decoded(cte):
    body = RELEASE.split("\n", 2)[2]  # the subject carries the headline
    parsed = extract_bytes(_eml(plain=body, cte=cte, charset="latin-1" if cte == "8bit" else "utf-8")
                           if cte != "8bit" else _eml(plain=body.replace("“", '"').replace("”", '"').replace("—", "-"),
                                                      charset="latin-1", cte=cte), "mail.eml")
    assert parsed.release.headline == "Acme Bio Announces Data at the 10th Annual Meeting of Imaginary Oncology"
    assert parsed.release.company == "Acme Bio, Inc."


def test_email_html_only_and_date_header_is_a_hint():
    parsed = extract_bytes(_eml(html=HTML.format(extra="")), "mail.eml")
    assert parsed.release.company == "Acme Bio, Inc."
    assert parsed.release.date == "2024-12-03"  # no date in the text: the Date: header


def test_email_sniffed_without_extension():
    assert kind_for("message", _eml(plain="hello world, a release")) == "email"


def _pdf(qapp, text: str | None) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15)))
    if text is None:  # a "scan": drawing only, no text layer
        painter = QPainter(writer)
        painter.fillRect(100, 100, 2000, 1000, 0x808080)
        painter.end()
    else:
        doc = QTextDocument()
        doc.setPlainText(text)
        doc.print_(writer)
    buffer.close()
    return bytes(data.data())


def test_pdf_with_text_layer(qapp):
    parsed = extract_bytes(_pdf(qapp, RELEASE), "release.pdf")
    assert parsed.release.company == "Acme Bio, Inc."
    assert parsed.release.tickers == ["NASDAQ:ACMB"]


def test_pdf_without_text_layer(qapp):
    with pytest.raises(ReadError, match=r"no text layer \(a scanned PDF\?\)"):
        extract_bytes(_pdf(qapp, None), "scan.pdf")


def test_pdf_truncated(qapp):
    data = _pdf(qapp, RELEASE)
    with pytest.raises(ReadError, match="damaged or truncated|no text layer"):
        extract_bytes(data[: len(data) // 3], "cut.pdf")


def test_pdf_encrypted_with_a_password(qapp):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf(qapp, RELEASE))))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ReadError, match="encrypted and needs a password"):
        extract_bytes(out.getvalue(), "locked.pdf")


def test_pdf_sniffed_behind_a_wrong_extension(qapp):
    assert extract_bytes(_pdf(qapp, RELEASE), "release.txt").release.company == "Acme Bio, Inc."


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"), (b"   \n\t ", "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "image"), (b"PK\x03\x04" + bytes(100), "ZIP archive"),
    (bytes(range(256)) * 40, "binary data"),
])
def test_bad_bytes_get_a_sentence(data, reason):
    with pytest.raises(ReadError, match=reason):
        read_bytes(data, "x.txt")


def test_a_100_mb_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(ReadError, match=r"too large \(100 MB"):
        extract_file(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        extract_file(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="folder"):
        extract_file(tmp_path)


def test_unreadable_file(tmp_path):
    import os

    path = tmp_path / "secret.txt"
    path.write_text(RELEASE)
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything
        pytest.skip("running as root: permissions do not apply")
    with pytest.raises(ReadError, match="permission denied"):
        extract_file(path)
