"""PDF with a text layer, through pypdf.

pypdf rather than pdfminer.six: pure Python with no dependencies of its own, maintained,
and its plain ``extract_text`` keeps reading order well for the one-column layout of a
release; it also tells an encrypted or damaged file apart, which we turn into sentences.
"""

from __future__ import annotations

import io
import logging

from .document import Document, ReadError

MAX_PAGES = 200

# pypdf logs recoverable oddities of real-world files as warnings; they are not ours.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def read_pdf(data: bytes) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise ReadError("the PDF is encrypted and needs a password")
            except (FileNotDecryptedError, DependencyError, NotImplementedError):
                raise ReadError("the PDF is encrypted and needs a password") from None
        pages = []
        for number, page in enumerate(reader.pages):
            if number >= MAX_PAGES:
                break
            pages.append(page.extract_text() or "")
    except ReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError, OSError, AssertionError, ZeroDivisionError) as exc:
        raise ReadError(f"the PDF is damaged or truncated ({type(exc).__name__})") from None
    # Text layers separate words with tabs as often as spaces; a PDF has no table cells.
    text = "\n\n".join(pages).replace("\t", " ")
    if not text.strip():
        raise ReadError("the PDF has no text layer (a scanned PDF?)")
    warnings = (f"only the first {MAX_PAGES} pages were read",) if len(reader.pages) > MAX_PAGES else ()
    return Document(text=text, kind="pdf", warnings=warnings)
