"""Screenshots for the AppStream metainfo, made from the real window: a fresh store in a
temporary folder, the sample releases imported, the window drawn offscreen at 1280x800 and
saved as packaging/screenshots/{release,compound,contacts}.png (the metainfo names them).

    .venv/bin/python packaging/screenshots.py

Settings and the log go to the temporary folder too: the user's own are never touched.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # a script beside the package, run from anywhere
SIZE = (1280, 800)


def main() -> None:
    out = HERE / "screenshots"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="irdesk-shots-") as tmp:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["XDG_CONFIG_HOME"] = os.environ["XDG_DATA_HOME"] = tmp
        from PySide6.QtWidgets import QApplication

        from irdesk.importer import import_paths
        from irdesk.selftest import SAMPLES
        from irdesk.store import Store
        from irdesk.ui.app import make_application
        from irdesk.ui.main_window import MainWindow

        os.chdir(tmp)  # the release's "Sources" reads "Press releases/...", not this machine's path
        shutil.copytree(SAMPLES, "Press releases")
        store = Store(Path(tmp) / "irdesk.db")
        outcomes = import_paths(store, ["Press releases"], workers=0)
        assert all(o.status == "imported" for o in outcomes), [o.line() for o in outcomes]
        app = make_application(["irdesk"])
        window = MainWindow(store)
        window.resize(*SIZE)
        window.show()

        def settle() -> None:
            for _ in range(5):
                QApplication.processEvents()  # a script, not the app: paint before grabbing

        def shot(name: str) -> None:
            settle()
            path = out / f"{name}.png"
            if not window.grab().save(str(path)):
                raise SystemExit(f"cannot write {path}")
            print(path.relative_to(ROOT))

        releases = store.all_rows("releases")
        busiest = max(releases, key=lambda r: len(store.presentations_for(release_id=r["id"])))
        window.navigate("release", busiest["id"])
        shot("release")
        compounds = store.all_rows("compounds")  # the one with most to show
        window.navigate("compound", max(compounds, key=lambda c: sum(bool(v) for v in c.values()))["id"])
        shot("compound")
        contacts = store.all_rows("contacts")
        window.navigate("contact", max(contacts, key=lambda c: sum(bool(v) for v in c.values()))["id"])
        shot("contacts")
        window.close()
        store.close()
        del app


if __name__ == "__main__":
    main()
