"""Shared fixtures: where the shared corpus lies (tests read it there, never copy it)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / "gold").is_dir():
        pytest.skip("the shared corpus (../shared/corpus) is not beside this checkout")
    return CORPUS


@pytest.fixture
def pg_url():  # TEMPORARY: the dev server, until the harness (tests/pgserver.py) is merged
    import uuid

    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    base = "postgresql://irdesk@/{}?host=/tmp/devpg&port=55432"
    with psycopg.connect(base.format("postgres"), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return base.format(name)
