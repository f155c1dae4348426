"""HTML as saved from a newswire, an IR site or EDGAR: the release body as plain text.

The standard library's tokenizing ``HTMLParser`` never recurses, so pathological nesting
costs nothing; we keep only counters and a small stack of skipped elements.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from .document import Document, ReadError
from .text import decode

BLOCKS = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "section",
    "article", "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "center", "header",
    "footer", "hr", "main", "figure", "figcaption", "address", "caption", "tbody", "thead",
}
SKIP = {"script", "style", "noscript", "nav", "aside", "form", "button", "svg", "iframe",
        "template", "select", "head", "object", "video", "audio", "canvas", "map"}
# Page chrome that sites mark by class or id rather than by element.
CHROME = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|share|sharing|social|breadcrumbs?|cookie|"
                    r"sidebar|subscribe|newsletter|related|comments?|skip-link|toolbar)(?:$|[\s_-])",
                    re.I)
EDGAR_META = {"type", "sequence", "filename", "description"}
VOID = {"br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed", "source",
        "track", "wbr", "param"}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []  # open elements whose content is dropped
        self.article_depth = 0
        self.pre_depth = 0
        self.drop_next_text = False
        self.cells_in_row = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag not in VOID:
                self.skipping.append(tag)
            return
        if tag in EDGAR_META:
            self.drop_next_text = True
            return
        classes = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        chrome = tag in SKIP or (tag in ("header", "footer") and not self.article_depth)
        if (chrome or (classes and CHROME.search(classes))) and tag not in VOID:
            self.skipping.append(tag)
            return
        if tag == "article":
            self.article_depth += 1
        elif tag == "pre":
            self.pre_depth += 1
        elif tag == "tr":
            self.cells_in_row = 0
        elif tag in ("td", "th"):
            if self.cells_in_row:
                self.parts.append("\t")
            self.cells_in_row += 1
        elif tag == "li":
            self.parts.append("\n* ")
            return
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag in self.skipping:
                while self.skipping and self.skipping.pop() != tag:
                    pass
            return
        if tag == "article":
            self.article_depth = max(0, self.article_depth - 1)
        elif tag == "pre":
            self.pre_depth = max(0, self.pre_depth - 1)
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.drop_next_text:
            self.drop_next_text = False
            data = data.split("\n", 1)[1] if "\n" in data else ""
        if not self.pre_depth:
            data = re.sub(r"[ \t\r\n\f]+", " ", data)
        self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _TextCollector()
    parser.feed(markup)
    parser.close()
    lines = (re.sub(r" {2,}", " ", line).strip(" ") for line in "".join(parser.parts).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def declared_charset(data: bytes) -> str | None:
    found = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", data[:4096], re.I)
    return found.group(1).decode("ascii", "ignore") if found else None


_TITLE = re.compile(r"<title[^>]{0,200}>([^<]{1,500})</title>", re.I)


def page_title(markup: str, text: str) -> str | None:
    """The page's <title> when the body never shows it: a page whose headline is only there.

    A title's parts around " | " or " - " are the headline and the site's name; if the body holds
    the longest part, the body has its headline already."""
    found = _TITLE.search(markup[:20000])
    if not found:
        return None
    title = re.sub(r"\s+", " ", unescape(found.group(1))).strip()
    longest = max(re.split(r"\s+[|–—-]\s+", title), key=len)
    if len(longest) < 20 or longest.lower() in text[:5000].lower():
        return None
    return title


def read_html(data: bytes) -> Document:
    markup = decode(data, declared_charset(data))
    text = html_to_text(markup)
    if not text.strip():
        raise ReadError("the HTML page holds no text")
    title = page_title(markup, text)
    if title:
        text = title + "\n\n" + text
    return Document(text=text, kind="html")
