"""Data flows one way: extract and store never import Qt."""

import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.parametrize("package", ["irdesk.extract", "irdesk.store", "irdesk.importer", "irdesk.reading", "irdesk.review",
                                     "irdesk.cli"])
def test_package_does_not_import_qt(package):
    code = (f"import sys, {package}, importlib, pkgutil\n"
            f"pkg = sys.modules['{package}']\n"
            "for m in pkgutil.walk_packages(getattr(pkg, '__path__', []), pkg.__name__ + '.'):\n"
            "    importlib.import_module(m.name)\n"
            "print(sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
