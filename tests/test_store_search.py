"""The team store's search (tsvector, GIN) answers as the file store's (FTS5) does, for the
queries the window makes: words as typed in the filter box, the last one a prefix."""

from __future__ import annotations

import re

import pytest

from irdesk.importer import import_paths
from irdesk.store import Store

KEYS = {"releases": ("date", "company", "headline"), "compounds": ("name",), "contacts": ("name", "email")}


def queries(store: Store) -> list[str]:
    """What people type: a word, two, a name, and each cut short as it is being typed."""
    out: set[str] = set()
    for kind, columns in (("releases", ("headline", "company")), ("compounds", ("name", "company", "target")),
                          ("contacts", ("name", "organization", "email"))):
        for row in store.page(kind, limit=40):
            for column in columns:
                words = re.findall(r"\w+", row.get(column) or "")
                for n in (1, 2, 3):
                    if len(words) >= n:
                        out.add(" ".join(words[:n]))
                if words:
                    out.add(words[0][:3])
                    out.add(" ".join(words[:2])[:-1] if len(words) > 1 else words[0][:-1] or words[0])
    return sorted(q for q in out if q.strip())


def answers(store: Store, query: str) -> dict[str, set]:
    return {kind: {tuple(row[c] for c in columns) for row in store.all_rows(kind, query)}
            for kind, columns in KEYS.items()}


@pytest.mark.slow
def test_search_answers_alike_on_both_back_ends(corpus, tmp_path, pg_url):
    with Store(tmp_path / "s.db") as lite, Store(pg_url) as team:
        for store in (lite, team):
            import_paths(store, [corpus / "releases"], workers=1)
        asked = queries(lite) + ["Zürich", "Zurich", "Genève", "Geneve", "o'neil", "phase 3", "AND OR NOT", '"*']
        assert len(asked) > 200
        differ = [q for q in asked if answers(lite, q) != answers(team, q)]
        assert differ == [], differ[:10]
        assert lite.count("releases") == team.count("releases") == 110
