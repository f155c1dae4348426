"""Vocabularies kept built between runs: read back while the list and its builder are
unchanged, built anew when either changes, and never a failure of their own."""

from __future__ import annotations

import os

from irdesk.extract.vocab.kept import kept


def test_a_kept_vocabulary_is_read_back_until_its_list_changes(tmp_path):
    source = tmp_path / "names.txt"
    source.write_text("Ada\nGrace\n", encoding="utf-8")
    builds = []

    def build():
        builds.append(1)
        return frozenset(source.read_text(encoding="utf-8").split())

    cache = tmp_path / "cache"
    assert kept("names", build, source, folder=cache) == {"Ada", "Grace"}
    assert kept("names", build, source, folder=cache) == {"Ada", "Grace"} and len(builds) == 1
    source.write_text("Ada\nGrace\nKatherine\n", encoding="utf-8")
    os.utime(source, ns=(1, 1))  # a changed list, even within the same clock tick
    assert kept("names", build, source, folder=cache) == {"Ada", "Grace", "Katherine"} and len(builds) == 2
    assert len(list(cache.glob("names-*.marshal"))) == 1  # the one built from the old list is gone


def test_a_broken_or_unwritable_cache_costs_only_the_time(tmp_path):
    source = tmp_path / "names.txt"
    source.write_text("Ada\n", encoding="utf-8")
    cache = tmp_path / "cache"
    kept("names", lambda: ("Ada",), source, folder=cache)
    for path in cache.glob("*.marshal"):
        path.write_bytes(b"\x00garbage")
    assert kept("names", lambda: ("Ada",), source, folder=cache) == ("Ada",)
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    assert kept("names", lambda: ("Ada",), source, folder=blocked) == ("Ada",)
    assert kept("names", lambda: ("Ada",), tmp_path / "missing.txt", folder=cache) == ("Ada",)
