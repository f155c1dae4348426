"""Issue 14's load test, small: three importing processes and two editing ones at once on one
team store lose no write, store no release twice and meet no unhandled error. The full-size
run, with SQLite beside it and the figures, is ``bench/concurrency.py --pg SERVER_URL``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from concurrency import Load, run  # noqa: E402

pytestmark = pytest.mark.slow


def test_importers_and_editors_at_once_on_a_team_store_lose_nothing(pg_url, tmp_path):
    load = Load(importers=3, files=30, overlap=10, editors=2, edits=10)
    fig = run(pg_url, load, tmp_path)
    assert fig.tracebacks == []  # no process died or logged an unexpected error
    # Every file stored exactly once: a release per distinct text, a source per file.
    assert fig.files == 3 * 40 and fig.distinct == 3 * 30
    assert (fig.outcomes["imported"], fig.outcomes["duplicate"], fig.outcomes["failed"]) == (90, 30, 0)
    assert (fig.stored["releases"], fig.stored["sources"], fig.stored["same text twice"]) == (90, 120, 0)
    # Every edit landed or was refused with a sentence; none was lost (each saw the one before).
    assert fig.landed + fig.failed == 20
    assert all(sentence and "Traceback" not in sentence for sentence in fig.sentences)
    # The links hold and the compounds' counters equal a recount; nothing else was found wrong.
    assert (fig.stored["broken links"], fig.stored["counters off"]) == (0, 0)
    assert fig.problems == []
