"""A throw-away PostgreSQL server for the tests: ``initdb`` into a temporary folder, started
with ``pg_ctl`` listening only on a Unix socket in that folder, stopped and removed at the
end. Debian's ``postgresql`` package provides the binaries (``scripts/setup`` installs it).

initdb and the server refuse to run as root, so as root they run as the ``postgres`` system
user that the package creates (the folder is handed to it); as anyone else they run as that
user."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import socket
import subprocess
import tempfile
import weakref
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit

if TYPE_CHECKING:
    import psycopg

SUPERUSER = "irdesk"
# Durability buys nothing in a server that lives as long as a test run.
SETTINGS = {
    "listen_addresses": "''",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
}
# The package's own system user, which owns the folder when we are root.
SYSTEM_USER = "postgres"


class PgServerError(RuntimeError):
    """The server binaries are missing, or initdb or the start failed (the message says why)."""


def find_bindir() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl``: pg_config's, else the newest of Debian's
    /usr/lib/postgresql/<version>/bin, else the one on PATH."""
    candidates: list[Path] = []
    if pg_config := shutil.which("pg_config"):
        done = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        if done.returncode == 0:
            candidates.append(Path(done.stdout.strip()))
    # pg_config comes with libpq-dev, which may be of another version than the server.
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"),
                      key=lambda p: [int(n) for n in re.findall(r"\d+", p.parent.name)], reverse=True)
    candidates += versions
    if initdb := shutil.which("initdb"):
        candidates.append(Path(initdb).resolve().parent)
    for bindir in candidates:
        if (bindir / "initdb").is_file() and (bindir / "pg_ctl").is_file():
            return bindir
    raise PgServerError("the PostgreSQL server binaries (initdb, pg_ctl) are not installed: "
                        "run scripts/setup (it installs Debian's postgresql package)")


def _parent_folder() -> Path:
    """Where the server's folder goes: /dev/shm when it is a roomy tmpfs, else the temporary
    folder. A CREATE DATABASE makes some 300 files, and on a disk's ext4 that has seen many
    files come and go the inode allocator makes that cost 100-300 ms where tmpfs takes about
    20 ms (bench/pgserver.py); memory is no object for test databases."""
    shm = Path("/dev/shm")
    try:
        if os.statvfs(shm).f_bavail * os.statvfs(shm).f_frsize >= 1 << 30 and os.access(shm, os.W_OK):
            return shm
    except OSError:
        pass
    return Path(tempfile.gettempdir())


def _free_port() -> int:
    """A port no one listens on now. The server opens no TCP socket; the number only names
    its Unix socket (.s.PGSQL.<port>), and a free one lets a test show nothing listens there."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(argv: list[str], cwd: Path) -> str:
    """Run a server program as the user that may run it; its output, or PgServerError."""
    if os.geteuid() == 0:
        argv = ["runuser", "-u", SYSTEM_USER, "--", *argv]
    # PGDATA, PGPORT, ... from the caller's environment must not steer our server.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    done = subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if done.returncode != 0:
        raise PgServerError(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return done.stdout


def _stop(pg_ctl: Path, data: Path, folder: Path, admin: list, owner: int) -> None:
    """Close our own connection, stop the server (if it runs) and remove its folder; safe to
    call twice. Only in the process that started it: a forked child that exits runs the
    finalizers it inherited, and must not stop its parent's server."""
    if os.getpid() != owner:
        return
    while admin:
        admin.pop().close()
    if (data / "postmaster.pid").exists():
        try:
            _run([str(pg_ctl), "stop", "-D", str(data), "-m", "fast", "-w"], folder)
        except PgServerError:
            _run([str(pg_ctl), "stop", "-D", str(data), "-m", "immediate", "-w"], folder)
    shutil.rmtree(folder, ignore_errors=True)


class PgServer:
    """A private PostgreSQL server. ``start()`` (or ``with PgServer() as pg``) creates and starts
    it; ``stop()`` stops it and removes its folder, and so does the end of the interpreter if
    no one did."""

    def __init__(self, bindir: Path | None = None, parent: Path | None = None) -> None:
        self.bindir = bindir or find_bindir()
        self.parent = parent or _parent_folder()
        self.folder: Path | None = None
        self.port = 0
        self._names = itertools.count(1)
        # Our connection to the maintenance database, made on first use; a list that the
        # finalizer holds too, so that it closes the connection when no one called stop().
        self._admin: list[psycopg.Connection] = []
        self._finalizer: weakref.finalize | None = None

    # --- life ---

    def start(self) -> PgServer:
        if os.geteuid() == 0 and not _system_user_exists():
            raise PgServerError(f"running as root, the server needs the '{SYSTEM_USER}' system user "
                                "(Debian's postgresql package creates it): run scripts/setup")
        # Short on purpose: a Unix socket's path may not pass 107 bytes.
        self.folder = Path(tempfile.mkdtemp(prefix="irdesk-pg-", dir=self.parent))
        data = self.folder / "data"
        self._finalizer = weakref.finalize(self, _stop, self.bindir / "pg_ctl", data, self.folder, self._admin,
                                           os.getpid())
        if os.geteuid() == 0:
            shutil.chown(self.folder, SYSTEM_USER, SYSTEM_USER)
        try:
            _run([str(self.bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
                  "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], self.folder)
            self.port = _free_port()
            with open(data / "postgresql.conf", "a", encoding="utf-8") as conf:
                settings = {**SETTINGS, "port": str(self.port), "unix_socket_directories": f"'{self.folder}'"}
                conf.write("".join(f"{k} = {v}\n" for k, v in settings.items()))
            _run([str(self.bindir / "pg_ctl"), "start", "-D", str(data), "-w", "-t", "60",
                  "-l", str(self.folder / "server.log")], self.folder)
        except PgServerError as error:
            log = self.log()
            self.stop()
            raise PgServerError(f"{error}\n{log}") from None
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self._finalizer is not None:
            self._finalizer()

    def __enter__(self) -> PgServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self.folder is not None and (self.folder / "data" / "postmaster.pid").exists()

    def log(self) -> str:
        """The server's log so far (what to show when something went wrong)."""
        try:
            return (self.folder / "server.log").read_text(encoding="utf-8", errors="replace")
        except (OSError, TypeError):
            return ""

    # --- databases ---

    def url(self, dbname: str = "postgres") -> str:
        """A libpq URL (psycopg 3 takes it as is) for ``dbname`` on this server's socket."""
        if self.folder is None:
            raise PgServerError("the server is not started")
        return f"postgresql://{SUPERUSER}@/{quote(dbname)}?host={quote(str(self.folder))}&port={self.port}"

    def create_database(self, name: str | None = None, template: str = "template0") -> str:
        """A fresh database (named ``name``, else a new unique name), a copy of ``template``
        (empty by default; a database holding a schema copies faster than the schema is made);
        its URL."""
        name = name or f"test_{next(self._names)}"
        # Copying the template's files (FILE_COPY) is a little faster here than the default
        # since PostgreSQL 15, WAL_LOG, which writes every page to the WAL: least 8.5 against
        # 11 ms (bench/pgserver.py). template0 rather than template1: nothing can be added to it.
        strategy = " STRATEGY FILE_COPY" if self._admin_connection().info.server_version >= 150000 else ""
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"{strategy}')
        return self.url(name)

    def drop_database(self, name_or_url: str) -> None:
        """Drop a database, closing whatever connections are still open to it."""
        name = unquote(urlsplit(name_or_url).path[1:]) if "://" in name_or_url else name_or_url
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _admin_connection(self) -> psycopg.Connection:
        import psycopg  # only the tests that use a server need the driver

        if not self._admin or self._admin[0].closed:
            self._admin[:] = [psycopg.connect(self.url("postgres"), autocommit=True)]
        return self._admin[0]

    def _execute(self, sql: str) -> None:
        self._admin_connection().execute(sql)


def _system_user_exists() -> bool:
    import pwd

    try:
        pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        return False
    return True
