"""The app id is one everywhere: code, desktop entry, AppStream metainfo, icon."""

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT
from irdesk import APP_ID

PACKAGING = ROOT / "packaging"


def test_desktop_entry_and_metainfo_use_the_app_id():
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(PACKAGING / f"{APP_ID}.desktop")
    assert entry["Desktop Entry"]["Icon"] == APP_ID
    assert entry["Desktop Entry"]["Exec"].startswith("irdesk")
    meta = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.find("launchable").text == f"{APP_ID}.desktop"
    assert (PACKAGING / f"{APP_ID}.svg").exists()


@pytest.mark.parametrize("tool, args", [("desktop-file-validate", [f"{APP_ID}.desktop"]),
                                        ("appstreamcli", ["validate", "--no-net", f"{APP_ID}.metainfo.xml"])])
def test_validators_accept_them(tool, args):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")
    done = subprocess.run([tool, *args], cwd=PACKAGING, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_metainfo_names_the_version_the_code_has():
    import xml.etree.ElementTree as ET

    from irdesk import __version__

    root = ET.parse(ROOT / "packaging" / "io.irdesk.IRDesk.metainfo.xml").getroot()
    assert root.find("releases/release").get("version") == __version__


# What "Open with IR Desk" offers it for: the kinds its readers read well, and not text/plain,
# which every text file (source code, logs, CSV) is a kind of.
MIME_KINDS = {"application/pdf": "pdf", "text/html": "html", "application/xhtml+xml": "html",
              "message/rfc822": "email", "application/x-mimearchive": "email"}


def test_the_desktop_entry_offers_only_what_the_readers_read():
    from irdesk.extract.formats import EXTENSIONS

    entry = configparser.ConfigParser(interpolation=None)
    entry.read(PACKAGING / f"{APP_ID}.desktop")
    types = [t for t in entry["Desktop Entry"]["MimeType"].split(";") if t]
    assert "text/plain" not in types
    assert set(types) == set(MIME_KINDS)
    assert set(MIME_KINDS.values()) <= set(EXTENSIONS.values())
    meta = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert [m.text for m in meta.findall("provides/mediatype")] == types


def test_the_metainfo_has_what_a_software_centre_shows():
    meta = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert meta.findtext("developer/name") and meta.findtext("developer_name")
    assert meta.findtext("url[@type='homepage']").startswith("https://")
    assert meta.find("releases/release/description") is not None
    shots = meta.findall("screenshots/screenshot")
    assert len(shots) >= 2 and shots[0].get("type") == "default"
    for shot in shots:
        image = shot.find("image")
        assert shot.findtext("caption")
        png = (PACKAGING / "screenshots" / image.text.rsplit("/", 1)[1]).read_bytes()  # made by screenshots.py
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        size = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        assert size == (int(image.get("width")), int(image.get("height")))
