"""Shared fixtures: where the shared corpus lies (tests read it there, never copy it); a
PostgreSQL server of the run's own and a fresh database on it per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from pgserver import PgServer, PgServerError

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / "gold").is_dir():
        pytest.skip("the shared corpus (../shared/corpus) is not beside this checkout")
    return CORPUS


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # `-m "not postgres"` leaves out every test that needs the server, however it asks for it.
    for item in items:
        if "pg_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A PostgreSQL server of the test run's own (tests/pgserver.py), started on first use and
    stopped at the end. Without the server binaries the tests that need it fail, naming
    scripts/setup, rather than skip, so that CI cannot pass without running them;
    IRDESK_SKIP_POSTGRES=1 skips them instead."""
    if os.environ.get("IRDESK_SKIP_POSTGRES") == "1":
        pytest.skip("IRDESK_SKIP_POSTGRES=1: the tests that need a PostgreSQL server are skipped")
    try:
        server = PgServer().start()
    except PgServerError as error:
        failed = str(error)  # failed outside the handler, so the report does not show it twice
    else:
        failed = ""
    if failed:
        pytest.fail(f"no PostgreSQL server for the tests: {failed}\n"
                    "(IRDESK_SKIP_POSTGRES=1 skips the tests that need one)", pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server) -> Iterator[str]:
    """The URL of a fresh, empty database of its own (dropped afterwards)."""
    url = pg_server.create_database()
    yield url
    pg_server.drop_database(url)
