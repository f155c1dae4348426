"""Which store the window opens: one's own SQLite file (the default), another file, or a
team's PostgreSQL store. The choice is remembered in QSettings, a team store's without any
password (libpq finds passwords itself: ~/.pgpass, a service file, PGPASSWORD)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..store import Store, StoreError, default_store_path, is_team_store, upgrade_pending
from .settings import settings

if TYPE_CHECKING:  # the window's start needs only the store to open (tasks load with a switch)
    from .tasks import Task

KEY = "store/location"


def team_location(conninfo: str, keep_password: bool = False) -> str:
    """``conninfo`` as a string the store takes for a team store, without its password
    (``safe_conninfo``) unless ``keep_password`` (for connecting now, never for keeping).
    Raises ValueError for a string libpq cannot read or that names no database, server or service."""
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    from ..store.postgres.connection import safe_conninfo

    try:
        parts = conninfo_to_dict(conninfo if keep_password else safe_conninfo(conninfo))
    except Exception as exc:  # psycopg's ProgrammingError: libpq could not read it
        lines = [line for line in str(exc).splitlines() if line.strip()]
        raise ValueError(f"This is not a connection string libpq can read ({lines[-1] if lines else exc}).") from exc
    if not any(parts.get(key) for key in ("service", "dbname", "host")):
        raise ValueError("Name at least a database, a server or a service.")
    return make_conninfo(**parts)


def is_own(location: str | os.PathLike | None) -> bool:
    return location is None or (not is_team_store(str(location)) and Path(location) == default_store_path())


def remembered_location() -> str | None:
    """The store chosen last: a team store's connection string (no password) or a file; None
    for one's own store."""
    value = settings().value(KEY, "", str)
    return value or None


def remember(location: str | os.PathLike | None) -> None:
    """Open ``location`` at the next start (None: one's own store). A password in it is dropped."""
    s = settings()
    if is_own(location):
        s.remove(KEY)
    elif is_team_store(str(location)):
        s.setValue(KEY, team_location(str(location)))
    else:
        s.setValue(KEY, str(Path(location).resolve()))
    s.sync()


def offer_own_store(message: str) -> bool:
    """Asked at start when the store chosen last cannot be opened."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, "IR Desk", message)
    box.setInformativeText("Open your own store for now? IR Desk tries the other one again at the next start.")
    own = box.addButton("Use my own store", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(own)
    box.exec()
    return box.clickedButton() is own


def upgrade_notice():
    """Shown while a store of an earlier version is brought up to date before the window
    opens (a copy, then the new steps: seconds on a large store, with nothing else on screen)."""
    from PySide6.QtWidgets import QApplication, QLabel

    notice = QLabel("IR Desk is bringing your store up to date for this version.\n"
                    "A copy of it is kept beside it first. This happens once.")
    notice.setWindowTitle("IR Desk")
    notice.setMargin(24)
    notice.show()
    QApplication.processEvents()  # painted now: the upgrade holds this thread until it is done
    notice.repaint()
    return notice


def open_at_start(db: str | None = None, ask: Callable[[str], bool] = offer_own_store,
                  upgrading: Callable[[], object] = lambda: None) -> Store:
    """The store to open at start: ``db`` when named (the command line), else the one chosen
    last. If that cannot be opened, ``ask`` (the reason) whether to open one's own instead;
    raises the ``StoreError`` when not. ``upgrading`` is called first when the store will be
    upgraded as it opens."""
    location = db or remembered_location()
    if upgrade_pending(location):
        upgrading()
    if location is None:
        return Store(default_store_path())
    try:
        # A remembered file is not made anew where it is missing (a drive not mounted).
        return Store(location, create=bool(db))
    except StoreError as exc:
        if db or not ask(str(exc)):
            raise
        import logging  # on failure only: not loaded before the first paint
        logging.getLogger(__name__).warning("the store chosen last could not be opened: %s", exc)
        return Store(default_store_path())


class Opened(NamedTuple):  # not a dataclass: the window's start does without that module
    """What an ``opening`` task found: a team store (its connection may move to the GUI
    thread, sqlite3's may not), a file to open on the GUI thread, or why it failed."""
    store: Store | None = None
    path: Path | None = None
    error: str | None = None

    def take(self) -> Store:
        """The Store for the GUI thread; raises ``StoreError`` with the sentence."""
        if self.error is not None:
            raise StoreError(self.error)
        return self.store if self.store is not None else Store(self.path)


def opening(location: str | os.PathLike | None) -> Task:
    """A task that opens ``location`` (None: one's own store) off the GUI thread: reaching a
    server, or upgrading a file, can take seconds. It finishes with an ``Opened``."""
    own = location is None

    def work(_progress) -> Opened:
        try:
            store = Store(default_store_path() if own else location, create=own)
        except StoreError as exc:
            return Opened(error=str(exc))
        if store.team:
            return Opened(store=store)
        path = store.path
        store.close()  # upgraded, if it needed it; opened again on the GUI thread, at once
        return Opened(path=path)

    from .tasks import Task

    return Task(work)


def log_path(store: Store) -> Path:
    """Where unexpected errors are logged: the file ``setup_logging`` chose at start (the
    store may have been switched since), else the store's own log folder."""
    import logging

    from ..logsetup import LOG_NAME

    for handler in logging.getLogger("irdesk").handlers:
        name = getattr(handler, "baseFilename", None)
        if name:
            return Path(name)
    return store.log_folder / LOG_NAME
