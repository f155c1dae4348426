"""The PyInstaller bundle, built by scripts/bundle as a user would build it, then run: its
self-test, `extract` on text, HTML and PDF releases read as the source tree reads them, and
installed into a temporary HOME. Takes a minute or two, so it is left out of the default run
(``-m "not bundle"`` in pyproject.toml); ``scripts/test -m bundle`` runs it, and so does CI."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = [pytest.mark.bundle, pytest.mark.slow]
BUNDLE = ROOT / "dist" / "irdesk"
SAMPLES = ROOT / "resources" / "samples"
LIMIT_MB = 135  # 118 MB, and 11 MB of psycopg-binary's libpq with OpenSSL and Kerberos for the team store


@pytest.fixture(scope="module")
def built():
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run([str(ROOT / "scripts" / "bundle")], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=1200)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    return done.stdout


def test_the_bundle_passes_its_self_test_and_stays_small(built):
    assert "self-test passed" in built and "(bundle," in built
    size = sum(p.stat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    assert size <= LIMIT_MB * 1024 * 1024, f"{size / 2**20:.0f} MB unpacked"


def _extract(python: list[str], files: list[str]) -> list[dict]:
    done = subprocess.run([*python, "extract", *files, "--json"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_the_bundle_extracts_as_the_source_does(built, tmp_path, qapp):
    from test_readers import _pdf

    pdf = tmp_path / "release.pdf"
    pdf.write_bytes(_pdf(qapp, (SAMPLES / "02-ardent-investor-conference.txt").read_text(encoding="utf-8")))
    files = [str(p) for p in sorted(SAMPLES.iterdir())] + [str(pdf)]
    bundled = _extract([str(BUNDLE / "irdesk")], files)
    source = _extract([sys.executable, "main.py"], files)
    assert bundled == source
    assert all(out["release"]["headline"] and out["contacts"] for out in bundled)


def test_installed_it_runs_from_the_launcher(built, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_DATA_HOME", "QT_QPA_PLATFORM")}
    env["HOME"] = str(tmp_path)
    done = subprocess.run([str(ROOT / "scripts" / "install")], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    launcher = tmp_path / ".local" / "bin" / "irdesk"
    version = subprocess.run([str(launcher), "--version"], env=env, capture_output=True, text=True, timeout=60)
    assert version.stdout.startswith("IR Desk ")
    check = subprocess.run([str(launcher), "--self-test"], env=env, capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr
