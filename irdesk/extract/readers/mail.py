"""An e-mail saved from a mail client (.eml): its text or HTML part, decoded."""

from __future__ import annotations

import email
from email import policy
from email.utils import parsedate_to_datetime

from .document import Document, ReadError
from .html import html_to_text
from .text import decode


def _part_text(part) -> str:
    payload = part.get_payload(decode=True) or b""
    return decode(payload, part.get_content_charset())


def read_email(data: bytes) -> Document:
    message = email.message_from_bytes(data, policy=policy.default)
    plain = html = None
    for part in message.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        kind = part.get_content_type()
        if kind == "text/plain" and plain is None:
            plain = _part_text(part)
        elif kind == "text/html" and html is None:
            html = _part_text(part)
    # The HTML part is usually the one the sender wrote; the plain part is often a stub.
    text = html_to_text(html) if html and (not plain or len(plain.strip()) < 200) else plain
    if not text or not text.strip():
        raise ReadError("the e-mail has no readable text part")
    subject = str(message.get("Subject") or "").strip()
    for prefix in ("fwd:", "fw:", "re:"):
        if subject.lower().startswith(prefix):
            subject = subject[len(prefix):].strip()
    if subject and subject.lower() not in text[:2000].lower():
        text = subject + "\n\n" + text
    try:
        sent = parsedate_to_datetime(str(message["Date"])) if message["Date"] else None
    except (TypeError, ValueError):
        sent = None
    return Document(text=text, kind="email", date_hint=sent.date().isoformat() if sent else None)
