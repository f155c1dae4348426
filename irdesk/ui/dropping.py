"""What a drop brings: local files and folders, text or HTML dragged from a browser or a
mail client, and web addresses we refuse (the app makes no network requests). A plain
function of the MIME data, so it is tested without dragging anything."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData


@dataclass
class Dropped:
    paths: list[str] = field(default_factory=list)
    texts: list[tuple[str, bytes]] = field(default_factory=list)  # (name for its kind, content)
    refused: list[str] = field(default_factory=list)  # sentences for the user

    def __bool__(self) -> bool:
        return bool(self.paths or self.texts)


def _refuse_web(address: str) -> str:
    return f"{address}: IR Desk does not download pages; save the page and drop the file."


def paths_from_mime(mime: QMimeData) -> Dropped:
    dropped = Dropped()
    if mime.hasUrls():
        for url in mime.urls():
            if url.isLocalFile():
                dropped.paths.append(url.toLocalFile())
            elif url.scheme() in ("http", "https"):
                dropped.refused.append(_refuse_web(url.toString()))
            else:
                dropped.refused.append(f"{url.toString()}: not a file on this computer.")
        if dropped.paths or dropped.refused:
            return dropped
    if mime.hasHtml() and mime.html().strip():
        dropped.texts.append(("dropped.html", mime.html().encode("utf-8")))
    elif mime.hasText() and mime.text().strip():
        text = mime.text().strip()
        if text.startswith(("http://", "https://")) and len(text.split()) == 1:
            dropped.refused.append(_refuse_web(text))
        else:
            dropped.texts.append(("dropped.txt", text.encode("utf-8")))
    return dropped


def accepts(mime: QMimeData) -> bool:
    return mime.hasUrls() or mime.hasHtml() or mime.hasText()
