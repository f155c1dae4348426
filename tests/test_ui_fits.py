"""No window or dialog larger than the screen: a 1600×1000 screen, at 100 % and at 200 %
(where it is 800×500), through the offscreen platform's screen configuration, in a
process of its own (the scale is read once, at start)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("scale", ["1", "2"])
def test_every_dialog_fits_a_1600_by_1000_screen(tmp_path, scale):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "S", "x": 0, "y": 0, "width": 1600, "height": 1000,
                                               "logicalDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": scale,
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "shots.py"), str(tmp_path / "shots")], env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    lines = [line for line in run.stdout.splitlines() if ": " in line]
    assert [line.split("-")[0] for line in lines] == ["window", "sheet", "print", "report", "review"]
    screen = "800x500" if scale == "2" else "1600x1000"
    assert all(line.endswith(f"on {screen}: fits") for line in lines), run.stdout
    assert len(list((tmp_path / "shots").glob("*.png"))) == 5
