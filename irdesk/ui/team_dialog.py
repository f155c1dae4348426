"""File → Connect to a team store…: a PostgreSQL server, or a connection string or service
name; a password for this connection only. Connecting runs off the GUI thread; a failure is
said in the dialog, which stays open to be corrected."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QTabWidget,
                               QVBoxLayout, QWidget)

from .screen import fit
from .stores import Opened, opening, team_location
from .tasks import Task

TLS_MODES = [("prefer", "prefer — TLS when the server offers it"),
             ("require", "require — always TLS"),
             ("verify-ca", "verify-ca — TLS, the server's certificate checked"),
             ("verify-full", "verify-full — TLS, certificate and server name checked"),
             ("allow", "allow — TLS only when the server insists"),
             ("disable", "disable — never TLS")]
SERVER_KEYS = ("host", "port", "dbname", "user", "sslmode")
CONNECT_TIMEOUT_S = "10"  # libpq's own default is to wait as long as the network does
PASSWORD_NOTE = ("Used for this connection only, never stored. IR Desk finds passwords itself, as every "
                 "PostgreSQL program does: in ~/.pgpass, a service file (pg_service.conf) or PGPASSWORD.")


def with_password(conninfo: str, password: str) -> str:
    from psycopg.conninfo import make_conninfo

    return team_location(make_conninfo(conninfo, password=password), keep_password=True) if password else conninfo


class TeamStoreDialog(QDialog):
    """Emits ``connected(store)`` with the opened ``Store`` and accepts; ``location()`` is
    what may be remembered (no password)."""

    connected = Signal(object)

    def __init__(self, remembered: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Connect to a team store")
        self.task: Task | None = None
        layout = QVBoxLayout(self)
        intro = QLabel("A team store is a PostgreSQL database the whole team opens: everyone sees the same "
                       "releases, and what one person changes shows at once on the others' screens.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._server_tab(), "&Server")
        self.tabs.addTab(self._string_tab(), "Connection s&tring")
        layout.addWidget(self.tabs)
        login = QFormLayout()
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("only if the server asks for one")
        login.addRow("&Password:", self.password)
        note = QLabel(PASSWORD_NOTE)
        note.setWordWrap(True)
        note.setEnabled(False)  # the palette's quiet text: a note, not a field
        login.addRow("", note)
        layout.addLayout(login)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.connect_button = self.buttons.addButton("&Connect", QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setDefault(True)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if remembered:
            self.fill(remembered)
        fit(self, 560, self.sizeHint().height(), parent)

    def _server_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.host = QLineEdit(placeholderText="localhost")
        self.host.setToolTip("The server's name or address, or the folder of its local socket")
        self.port = QLineEdit(placeholderText="5432")
        self.port.setValidator(QIntValidator(1, 65535, self.port))
        self.port.setMaximumWidth(self.port.fontMetrics().horizontalAdvance("000000") + 16)
        self.database = QLineEdit(placeholderText="irdesk")
        self.user = QLineEdit(placeholderText="your login name")
        self.tls = QComboBox()
        for value, text in TLS_MODES:
            self.tls.addItem(text, value)
        form.addRow("&Host:", self.host)
        form.addRow("P&ort:", self.port)
        form.addRow("&Database:", self.database)
        form.addRow("&User:", self.user)
        form.addRow("T&LS:", self.tls)
        return page

    def _string_tab(self) -> QWidget:
        page = QWidget()
        form = QVBoxLayout(page)
        self.string = QLineEdit(placeholderText="postgresql://me@db.example.com/irdesk?sslmode=verify-full")
        label = QLabel("A libpq &connection string (a URL or key=value words), or the name of a service "
                       "in your pg_service.conf:")
        label.setWordWrap(True)
        label.setBuddy(self.string)
        form.addWidget(label)
        form.addWidget(self.string)
        form.addStretch()
        return page

    def fill(self, location: str) -> None:
        """Show a remembered store: in the server fields when it names only those, else as a string."""
        from psycopg.conninfo import conninfo_to_dict

        try:
            parts = conninfo_to_dict(location)
        except Exception:  # noqa: BLE001 - a remembered string libpq cannot read: show it to be fixed
            parts = {"unreadable": location}
        if parts.get("connect_timeout") == CONNECT_TIMEOUT_S:
            del parts["connect_timeout"]  # IR Desk's own, added again when connecting
        if set(parts) <= set(SERVER_KEYS):
            self.host.setText(parts.get("host", ""))
            self.port.setText(parts.get("port", ""))
            self.database.setText(parts.get("dbname", ""))
            self.user.setText(parts.get("user", ""))
            at = self.tls.findData(parts.get("sslmode", "prefer"))
            self.tls.setCurrentIndex(max(at, 0))
            self.tabs.setCurrentIndex(0)
        else:
            self.string.setText(location)
            self.tabs.setCurrentIndex(1)

    def conninfo(self) -> str:
        """What the fields say, as a connection string without the password; ValueError says what is missing."""
        from psycopg.conninfo import conninfo_to_dict, make_conninfo

        if self.tabs.currentIndex() == 1:
            text = self.string.text().strip()
            if not text:
                raise ValueError("Type a connection string or the name of a service.")
            if "=" not in text and "://" not in text:
                text = make_conninfo(service=text)  # a bare word names a service
            found = team_location(text)
        else:
            if not self.database.text().strip():
                raise ValueError("Name the database the team's store is in.")
            values = {"dbname": self.database.text().strip(), "host": self.host.text().strip(),
                      "port": self.port.text().strip(), "user": self.user.text().strip(),
                      "sslmode": self.tls.currentData()}
            found = team_location(make_conninfo(**{k: v for k, v in values.items() if v}))
        if "connect_timeout" not in conninfo_to_dict(found):
            found = team_location(make_conninfo(found, connect_timeout=CONNECT_TIMEOUT_S))
        return found

    def location(self) -> str:
        return self.conninfo()

    def start(self) -> None:
        """Connect off the GUI thread; the dialog stays open, and says why if it fails."""
        if self.task is not None:
            return
        try:
            conninfo = self.conninfo()
        except ValueError as exc:
            self.say(str(exc))
            return
        from ..store.postgres.connection import describe

        self.say(f"Connecting to {describe(conninfo)}…", error=False)
        self._busy(True)
        self.task = opening(with_password(conninfo, self.password.text()))
        self.task.signals.finished.connect(self._opened)
        self.task.signals.failed.connect(lambda error: self._failed(error.strip().splitlines()[-1]))
        self.task.start()

    def _opened(self, opened: Opened) -> None:
        self.task = None
        if not self.isVisible():  # cancelled while connecting: let it go
            if opened.store is not None:
                opened.store.close()
            return
        if opened.error is not None:
            self._failed(opened.error)
            return
        self._busy(False)
        self.connected.emit(opened.take())
        self.accept()

    def _failed(self, sentence: str) -> None:
        self.task = None
        self._busy(False)
        self.say(sentence)

    def _busy(self, busy: bool) -> None:
        for widget in (self.tabs, self.password, self.connect_button):
            widget.setEnabled(not busy)

    def say(self, text: str, error: bool = True) -> None:
        self.message.setText(("⚠ " if error else "") + text)
        self.message.show()
