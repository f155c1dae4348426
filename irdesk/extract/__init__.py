"""The extractor: pure Python, no Qt, no database. A file in, a ``ParsedRelease`` out.

Names are loaded on first use, so importing ``irdesk.extract.model`` (or the window,
which only needs the list of formats) does not compile every pattern of the extractor.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "extract_file": "engine", "extract_bytes": "engine", "extract_text": "engine",
    "ParsedRelease": "model", "Release": "model", "Presentation": "model", "Compound": "model",
    "Contact": "model", "Section": "model", "ReadError": "readers.document", "EXTENSIONS": "formats",
}
__all__ = list(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(name)
    return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
