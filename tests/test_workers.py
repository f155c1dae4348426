"""Reading in worker processes: results in order, a runaway file reported as taking too
long while the rest of the batch is stored, a worker that dies failing only its file."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT
from samples import release_text

from irdesk.extract import ReadError
from irdesk.importer import Item
from irdesk.workers import read_all


def test_a_runaway_file_is_reported_and_the_rest_is_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(release_text(), encoding="utf-8")
    # HTML nested half a million deep: the reader needs many seconds for it.
    (folder / "b-deep.html").write_bytes(b"<html><body>" + b"<div><span>" * 500_000 + b"x" + b"</span></div>" * 500_000)
    (folder / "c.txt").write_text(release_text(code="NWT-310", headline="Northwind Starts a Phase 2 Trial of NWT-310"),
                                  encoding="utf-8")
    done = subprocess.run([sys.executable, "main.py", "import", str(folder), "--db", str(tmp_path / "s.db"),
                           "--workers", "2", "--timeout", "1"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    lines = done.stdout.splitlines()
    assert any(line.startswith(str(folder / "b-deep.html")) and "took too long" in line for line in lines), lines
    assert lines[-1] == "2 imported, 0 duplicates, 1 failed"


def test_results_come_back_in_order_and_a_failure_is_that_file_s_alone(tmp_path):
    paths = []
    for n in range(6):
        path = tmp_path / f"r{n}.txt"
        path.write_text(release_text(code=f"NWT-{100 + n}", headline=f"Northwind Reports Result Number {n}"),
                        encoding="utf-8")
        paths.append(path)
    items = [Item.file(p) for p in paths]
    items.insert(3, Item.file(tmp_path / "missing.txt"))
    results = list(read_all(items, workers=2))
    assert [n for n, _ in results] == list(range(7))
    assert isinstance(results[3][1], ReadError)
    assert [r.release.headline for n, r in results if n != 3] == [f"Northwind Reports Result Number {n}"
                                                                   for n in range(6)]


def test_a_runaway_file_does_not_take_the_file_handed_out_after_it(tmp_path):
    # One worker: it is given the runaway file and the next one to read after it; killed,
    # the next one goes to the worker that takes its place.
    deep = tmp_path / "a-deep.html"
    deep.write_bytes(b"<html><body>" + b"<div><span>" * 500_000 + b"x" + b"</span></div>" * 500_000)
    good = tmp_path / "b.txt"
    good.write_text(release_text(), encoding="utf-8")
    results = list(read_all([Item.file(deep), Item.file(good), Item.file(good)], workers=1, time_limit=1))
    assert [n for n, _ in results] == [0, 1, 2]
    assert isinstance(results[0][1], ReadError) and "took too long" in str(results[0][1])
    assert not isinstance(results[1][1], ReadError) and not isinstance(results[2][1], ReadError)



def test_the_fork_server_builds_the_vocabularies_once_for_every_reader():
    """The fork server's preload (``irdesk.reading``, ``irdesk.extract.primed``) leaves every
    vocabulary the extractor builds on first use built, so that readers forked from it share
    them, and loads nothing of the writer's."""
    code = ("import functools, inspect, sys\n"
            "import irdesk.reading, irdesk.extract.primed\n"
            "empty = [f'{n}.{v.__name__}' for n, m in list(sys.modules.items()) if n.startswith('irdesk.extract.')"
            " for v in vars(m).values() if isinstance(v, functools._lru_cache_wrapper) and v.__module__ == n"
            " and not inspect.signature(v).parameters and not v.cache_info().currsize]\n"
            "from irdesk.extract import people, codes\n"
            "print(empty, len(people.first_names()) > 10000, len(codes.gene_symbols()) > 10000,\n"
            "      [m for m in ('irdesk.importer', 'irdesk.store.writer', 'logging') if m in sys.modules])\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["[]", "True", "True", "[]"], done.stderr


def test_a_vocabulary_squashed_at_once_is_squashed_as_each_name_alone():
    from irdesk.extract.textfind import squash, squash_all

    names = ["TDP-43", "Anti PD\u20111", "ΟΔΥΣΣΕΑΣ", "ΣΑ", "a_b\tc", "", "ÉCLAT–7"]
    assert squash_all(names) == [squash(n) for n in names]
