"""``python main.py extract FILE... --json`` as EXTRACTION.md fixes it."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

RELEASE = ("Acme Bio Announces Data at the 10th Annual Meeting of Imaginary Oncology\n\n"
           "SPRINGFIELD, Ill.--(BUSINESS WIRE)-- Acme Bio, Inc. (NASDAQ: ACMB) today announced data.\n")
KEYS = {"release": {"date", "headline", "company", "tickers", "city", "wire"},
        "presentations": {"title", "abstract", "kind", "starts_at", "location", "session", "meeting", "compounds"},
        "compounds": {"name", "aliases", "company", "target"},
        "contacts": {"name", "organization", "title", "phones", "emails", "audience"}}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_one_line_per_file_in_order_and_errors_as_lines(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(RELEASE + "\nMedia Contact:\nJohn Smith, 555-201-3344\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    image = tmp_path / "photo.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    done = run("extract", str(good), str(empty), str(tmp_path / "missing.txt"), str(image), "--json")
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["source"] for line in lines] == [str(good), str(empty), str(tmp_path / "missing.txt"), str(image)]
    assert done.returncode == 1
    assert lines[0]["release"]["company"] == "Acme Bio, Inc."
    assert set(lines[0]["release"]) == KEYS["release"]
    for area in ("presentations", "compounds", "contacts"):
        assert all(set(item) == KEYS[area] for item in lines[0][area])
    assert [line["error"] for line in lines[1:]] == [
        "the file is empty", "no such file", "an image (PNG), not a release"]
    assert done.stderr == ""


def test_exit_status_zero_when_every_file_was_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(RELEASE, encoding="utf-8")
    done = run("extract", str(good), "--json", "--spans")
    assert done.returncode == 0
    out = json.loads(done.stdout)
    start, end = out["release"]["spans"]["company"]
    assert good.read_text()[start:end] == "Acme Bio, Inc."


def test_a_file_that_takes_too_long_gets_its_line(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text((RELEASE + "Contact: Jane Doe 555-123-4567\n") * 4000, encoding="utf-8")
    done = run("extract", str(big), "--json", "--timeout", "0.001")
    assert json.loads(done.stdout)["error"] == "reading it took longer than 0.001 s"
    assert done.returncode == 1


def test_version_and_python_dash_m():
    import subprocess
    import sys

    from conftest import ROOT

    from irdesk import __version__

    for command in ([sys.executable, "main.py", "--version"], [sys.executable, "-m", "irdesk", "--version"]):
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert done.stdout.strip() == f"IR Desk {__version__}"
