"""The file kinds IR Desk reads, by extension (a light module: the window's file dialog
and folder scans need the list without loading the readers)."""

EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text", ".rst": "text",
    ".htm": "html", ".html": "html", ".xhtml": "html", ".shtml": "html", ".php": "html",
    ".pdf": "pdf",
    ".eml": "email", ".mht": "email", ".mhtml": "email", ".msg": "email",
}
