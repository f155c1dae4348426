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
