"""scripts/install puts each file where the desktop looks for it, in a temporary HOME; and
--uninstall takes back exactly that (the user's store stays)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess

import pytest

from conftest import ROOT
from irdesk import APP_ID

SIZES = (16, 24, 32, 48, 64, 128, 256)


def install(home, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"}
    env["HOME"] = str(home)
    return subprocess.run([str(ROOT / "scripts" / "install"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def bundle(tmp_path):
    """A stand-in for dist/irdesk: what the script copies, not what PyInstaller makes."""
    folder = tmp_path / "dist" / "irdesk"
    (folder / "_internal").mkdir(parents=True)
    (folder / "_internal" / "libpython3.11.so.1.0").write_bytes(b"stand-in")
    exe = folder / "irdesk"
    exe.write_text("#!/bin/sh\necho \"IR Desk stand-in $*\"\n")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return folder


def test_every_file_goes_where_the_desktop_looks(tmp_path, bundle):
    home = tmp_path / "home"
    home.mkdir()
    done = install(home, "--bundle", str(bundle))
    assert done.returncode == 0, done.stdout + done.stderr
    share = home / ".local" / "share"
    app = share / "irdesk"
    assert (app / "irdesk").is_file() and (app / "_internal" / "libpython3.11.so.1.0").is_file()
    launcher = home / ".local" / "bin" / "irdesk"
    assert launcher.is_symlink() and launcher.resolve() == (app / "irdesk").resolve()
    assert subprocess.run([str(launcher), "--version"], capture_output=True, text=True).stdout.startswith(
        "IR Desk stand-in --version")

    entry = share / "applications" / f"{APP_ID}.desktop"
    lines = entry.read_text(encoding="utf-8").splitlines()
    assert f"Exec={launcher} %F" in lines and f"Icon={APP_ID}" in lines
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").read_bytes() == \
        (ROOT / "packaging" / f"{APP_ID}.metainfo.xml").read_bytes()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in SIZES:
        png = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", png
        assert int.from_bytes(png.read_bytes()[16:20], "big") == size  # the IHDR width
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr


def test_uninstall_takes_back_what_install_put_and_keeps_the_store(tmp_path, bundle):
    home = tmp_path / "home"
    home.mkdir()
    store = home / ".local" / "share" / "IR Desk" / "irdesk.db"
    store.parent.mkdir(parents=True)
    store.write_bytes(b"the user's data")
    assert install(home, "--bundle", str(bundle)).returncode == 0
    assert install(home, "--bundle", str(bundle)).returncode == 0  # again: replaces, no error
    done = install(home, "--uninstall")
    assert done.returncode == 0, done.stdout + done.stderr
    left = sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file() or p.is_symlink())
    assert [p for p in left if not p.endswith("mimeinfo.cache")] == [".local/share/IR Desk/irdesk.db"]
    assert store.read_bytes() == b"the user's data"


def test_without_a_bundle_it_says_to_build_one(tmp_path):
    done = install(tmp_path, "--bundle", str(tmp_path / "nothing"))
    assert done.returncode == 1 and "scripts/bundle" in done.stderr
