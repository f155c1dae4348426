"""Reaching a team's store: a libpq connection string, the schema brought up to date under
the store's write lock, a store newer than this code refused, failures as sentences.

Credentials stay libpq's business: a password may come from ``~/.pgpass``, a service file,
``PGPASSWORD`` or the string itself, and TLS parameters (``sslmode``, ``sslrootcert`` ...)
pass through unchanged. What IR Desk shows or remembers of a store is ``describe()``: never
the password.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

from ..errors import StoreError, StoreFull, StoreLocked, StoreReadOnly, StoreTooNew

# The store's write lock (a transaction-level advisory lock): writers take turns as they do
# on SQLite with BEGIN IMMEDIATE. One number for every IR Desk store ("IRDS").
WRITE_LOCK = 0x49524453
SCHEMES = ("postgresql://", "postgres://")
# libpq's connection keywords (its documentation, "Parameter Key Words"): a string that
# opens with one of them is a keyword string, not a file name.
KEYWORDS = frozenset("""host hostaddr port dbname user password passfile channel_binding connect_timeout
    client_encoding options application_name fallback_application_name keepalives keepalives_idle
    keepalives_interval keepalives_count tcp_user_timeout replication gssencmode sslmode requiressl
    sslcompression sslcert sslkey sslpassword sslcertmode sslrootcert sslcrl sslcrldir sslsni
    requirepeer ssl_min_protocol_version ssl_max_protocol_version krbsrvname gsslib gssdelegation service
    target_session_attrs load_balance_hosts""".split())
_KEYWORD = re.compile(r"\s*(\w+)\s*=")


def is_team_store(location: object) -> bool:
    """A libpq URL or keyword string (``service=irdesk``, ``user=me dbname=irdesk``)."""
    if not isinstance(location, str):
        return False
    if location.strip().startswith(SCHEMES):
        return True
    found = _KEYWORD.match(location)
    return bool(found) and found.group(1) in KEYWORDS


def describe(conninfo: str) -> str:
    """Where the store is, for people: database, server, user; never a password."""
    parts = _parts(conninfo)
    if parts is None:
        return "a team store (its address could not be read)"
    if parts.get("service") and not parts.get("dbname"):
        return f"“{parts['service']}” (a service-file entry)"
    where = parts.get("host") or "localhost"
    if parts.get("port"):
        where += f":{parts['port']}"
    who = f" as {parts['user']}" if parts.get("user") else ""
    return f"“{database_name(conninfo)}” on {where}{who}"


def database_name(conninfo: str) -> str:
    parts = _parts(conninfo) or {}
    return parts.get("dbname") or parts.get("service") or parts.get("user") or "team store"


def _parts(conninfo: str) -> dict | None:
    from psycopg.conninfo import conninfo_to_dict

    try:
        return conninfo_to_dict(conninfo)
    except Exception:  # a string libpq cannot parse: say so without echoing it
        return None


def safe_conninfo(conninfo: str) -> str:
    """The connection string without its password, for remembering it (QSettings)."""
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    parts = conninfo_to_dict(conninfo)
    parts.pop("password", None)
    return make_conninfo(**parts)


def translate(exc: Exception, where: str) -> StoreError | None:
    """psycopg's failures a person can act on, told apart by class (SQLSTATE); None for a bug."""
    import psycopg
    from psycopg import errors as e

    if isinstance(exc, (e.LockNotAvailable, e.QueryCanceled)):
        return StoreLocked(f"The team store {where} is busy (another user's change took too long); try again.")
    if isinstance(exc, e.DiskFull):
        return StoreFull(f"The team store {where} is full (its server has no space left); nothing was half-written.")
    if isinstance(exc, (e.InsufficientPrivilege, e.ReadOnlySqlTransaction)):
        return StoreReadOnly(f"The team store {where} may be read but not changed with this login.")
    if isinstance(exc, (e.InvalidPassword, e.InvalidAuthorizationSpecification)):
        return StoreError(f"The team store {where} refused the login ({_first_line(exc)}). IR Desk uses libpq's "
                          "own ways to find a password: ~/.pgpass, a service file or PGPASSWORD.")
    if isinstance(exc, psycopg.OperationalError):
        return StoreError(f"The team store {where} cannot be reached ({_first_line(exc)}).")
    return None


def _first_line(exc: Exception) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[-1] if lines else type(exc).__name__


@contextlib.contextmanager
def guarded(where: str) -> Iterator[None]:
    import psycopg

    try:
        yield
    except psycopg.Error as exc:
        known = translate(exc, where)
        if known is None:
            raise
        raise known from exc


def connect(conninfo: str, busy_timeout: float, readonly: bool = False):
    """An autocommit connection (transactions are begun by the store, explicitly)."""
    import psycopg

    where = describe(conninfo)
    with guarded(where):
        conn = psycopg.connect(conninfo, autocommit=True, application_name="IR Desk")
        try:
            # How long a writer waits for the write lock, as SQLite's busy timeout does.
            conn.execute("SELECT set_config('lock_timeout', %s, false)", [f"{int(busy_timeout * 1000)}ms"])
            if readonly:
                conn.execute("SET default_transaction_read_only = on")
            bring_up_to_date(conn, where, readonly)
        except BaseException:
            conn.close()
            raise
    return conn


def applied_steps(conn) -> list[str]:
    exists = conn.execute("SELECT to_regclass('irdesk_migrations')").fetchone()[0]
    if exists is None:
        return []
    return [row[0] for row in conn.execute("SELECT name FROM irdesk_migrations ORDER BY applied_at, name")]


def _refuse_newer(applied: list[str], where: str) -> None:
    from .schema import STEPS

    unknown = [name for name in applied if name not in STEPS]
    if unknown:
        raise StoreTooNew(f"The team store {where} was written by a newer version of IR Desk (it has the step "
                          f"“{unknown[-1]}”); this version will not change it. Please update IR Desk.")


def bring_up_to_date(conn, where: str, readonly: bool) -> None:
    from .schema import STEPS

    applied = applied_steps(conn)
    _refuse_newer(applied, where)
    if all(name in applied for name in STEPS):
        return
    if readonly:
        raise StoreReadOnly(f"The team store {where} needs an upgrade to be opened by this version.")
    with conn.transaction():
        # Two programs opening a new store at once take turns: the second finds the steps done.
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
        conn.execute("CREATE TABLE IF NOT EXISTS irdesk_migrations (name text PRIMARY KEY, "
                     "applied_at timestamptz NOT NULL DEFAULT clock_timestamp())")
        applied = applied_steps(conn)
        _refuse_newer(applied, where)
        for name, statements in STEPS.items():
            if name in applied:
                continue
            for statement in statements:
                conn.execute(statement)
            conn.execute("INSERT INTO irdesk_migrations (name) VALUES (%s)", [name])
