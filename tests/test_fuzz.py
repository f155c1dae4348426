"""Property-based fuzzing: whatever bytes arrive under whatever name, reading and extracting
either give a release or raise ``ReadError`` with a sentence; nothing else escapes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samples import release_html, release_text

from irdesk.extract import ReadError, extract_bytes

NAMES = st.sampled_from(["r.txt", "r.md", "r.html", "r.htm", "r.eml", "r.pdf", "r", "r.TXT", "r.xlsx"])
SEEDS = [release_text().encode(), release_html().encode(), b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF",
         b"From: a@b.example\nSubject: x\nContent-Type: text/plain\n\n" + release_text().encode()]
# Characters that have broken text readers elsewhere: controls, direction marks, zero widths.
ODD = st.sampled_from(["\x00", "\u202e", "\u200b", "\ufeff", "\r", "\t", "�", "“", "—", "(", ")", "@", ":", "#"])


@st.composite
def mangled(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, max(0, len(data) - 1)))
        action = draw(st.sampled_from(["flip", "cut", "insert", "repeat"]))
        if action == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif action == "cut":
            del data[at:at + draw(st.integers(1, 400))]
        elif action == "insert":
            data[at:at] = draw(ODD).encode("utf-8")
        elif action == "repeat":
            data[at:at] = bytes(data[at:at + 200]) * draw(st.integers(1, 20))
    return bytes(data)


def _read(data: bytes, name: str) -> None:
    try:
        parsed = extract_bytes(data, name)
    except ReadError as exc:
        assert str(exc).strip()
        return
    parsed.to_json(spans=True)
    for group in (parsed.presentations, parsed.compounds, parsed.contacts):
        for item in group:
            assert all(0 <= s <= e <= len(parsed.text) for s, e in item.spans.values())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mangled(), name=NAMES)
def test_mangled_releases_read_or_say_why(data, name):
    _read(data, name)


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=3000), name=NAMES)
def test_random_bytes_read_or_say_why(data, name):
    _read(data, name)


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=3000))
def test_any_text_reads_or_says_why(text):
    _read(text.encode("utf-8"), "r.txt")


@pytest.mark.parametrize("data", [b"<div>" * 200_000, b"a" * 2_000_000, b"\x00" * 10_000])
def test_kept_crashers(data):
    _read(data, "r.html")
