"""IR Desk: press releases turned into records (releases, compounds, presentations, contacts).

Layers, one direction: ``extract`` (pure Python) -> ``store`` (SQLite) -> ``ui`` (PySide6).
"""

__version__ = "0.1.0"
APP_ID = "io.irdesk.IRDesk"
