"""The shared corpus: the extractor's score, every file read, nothing slow or broken."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import ROOT

# Raise these as the extractor improves; never lower them.
FLOOR_OVERALL = 0.92
FLOOR_AREA = 0.84


@pytest.mark.corpus
def test_score_on_the_corpus_stays_above_its_floor(corpus):
    done = subprocess.run(
        [sys.executable, str(corpus.parent / "tools" / "score_extraction.py"), "--gold", str(corpus / "gold"),
         "--releases", str(corpus / "releases"), "--", sys.executable, "main.py", "extract", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    last = done.stdout.strip().splitlines()[-1]
    overall = float(re.search(r"overall F1 ([\d.]+)", last).group(1))
    areas = dict((k, float(v)) for k, v in re.findall(r"(\w+) ([\d.]+)[,)]", last))
    assert "0 without a result" in done.stdout
    assert overall >= FLOOR_OVERALL, last
    assert min(areas.values()) >= FLOOR_AREA, last


@pytest.mark.corpus
@pytest.mark.slow
def test_every_bulk_release_reads_with_sound_spans(corpus):
    files = sorted(p for p in (corpus / "bulk").iterdir() if p.suffix in (".md", ".txt", ".html"))
    done = subprocess.run([sys.executable, "main.py", "extract", *map(str, files), "--json", "--spans"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) == len(files)
    assert [line for line in lines if "error" in line] == []
    for line in lines:
        for area in ("presentations", "compounds", "contacts"):
            for item in line[area]:
                assert all(0 <= s < e for s, e in item["spans"].values())
