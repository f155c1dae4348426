"""Vocabularies the extractor reads: what the world names, kept as data, never in rules.

Each file here is plain UTF-8 text: a header of ``#`` lines that names its public source
(and how it was made from it), then one entry a line. A line with tab-separated columns is a
row; ``load_rows`` splits it. Blank lines and ``#`` comments are skipped. A new wire, meeting,
exchange or stem is a line in one of these files, not a change to a rule.
"""

from __future__ import annotations

import functools
from importlib import resources


@functools.lru_cache(maxsize=None)
def load_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``name`` (a file in this folder), each split at tabs and stripped."""
    text = _file(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(tuple(part.strip() for part in line.split("\t")))
    return tuple(rows)


@functools.lru_cache(maxsize=None)
def load_words(name: str) -> frozenset[str]:
    """The first column of ``name``, as a set (case kept as written)."""
    return frozenset(row[0] for row in load_rows(name))


def load_lines(name: str) -> tuple[str, ...]:
    """The entries of a file of one entry a line, stripped (a long list's quick way, for a
    builder that keeps what it makes of them: not cached here; a tab would stay inside an entry)."""
    text = _file(name).read_text(encoding="utf-8")
    return tuple(line for line in map(str.strip, text.splitlines()) if line and line[0] != "#")


def vocab_path(name: str) -> str:
    """Where ``name`` lies (for ``kept``'s key; a packaged file that is no real path raises OSError there)."""
    return str(_file(name))


def _file(name: str):
    return resources.files(__package__).joinpath(name)
