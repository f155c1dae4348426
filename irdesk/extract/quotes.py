"""Quoted text, each opening mark closed by its own partner: a title in “…” may hold an
apostrophe (“… GeoVax’s …”) and a title in "…" may hold ‘single’ quotes."""

from __future__ import annotations

# (open, close) pairs as typesetters and keyboards write them.
PAIRS = (("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("‘", "’"), ("'", "'"))


def quoted(lo: int, hi: int, tail: str = "[,.]?") -> str:
    """A pattern for text between paired quotes, ``lo`` to ``hi`` characters long, on one
    line; the text is the group that matched (one named group per pair: q0, q1, ...)."""
    parts = []
    for n, (a, b) in enumerate(PAIRS):
        inner = f"[^{b}\\n]" if a == b else f"[^{a}{b}\\n]"
        if b == "’":  # an apostrophe closes nothing while a letter follows it
            inner = f"(?:[^{a}{b}\\n]|’(?=[a-z]))"
        parts.append(f"{a}(?P<q{n}>{inner}{{{lo},{hi}}}?){tail}{b}")
    return "(?:" + "|".join(parts) + ")"


def inner(m) -> str | None:
    """The quoted text of a match of ``quoted``."""
    return next((m.group(f"q{n}") for n in range(len(PAIRS)) if m.group(f"q{n}") is not None), None)
