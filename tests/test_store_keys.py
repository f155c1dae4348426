"""The keys and fingerprint a reader works out and the writer takes on trust: the same as
working them out again, and worked out again when the release has changed since."""

from __future__ import annotations

import copy
import pickle
import random

from samples import release_text

from irdesk.extract import extract_text
from irdesk.extract.model import ParsedRelease
from irdesk.store.identity import (_digest, fingerprint, fingerprint_of, fold, keys_of, release_keys,
                                   remember_identity)

# Pieces that fold differently: marks, accents (composed and combining), a Greek sigma that
# is final only before a space, ligatures and full-width forms NFKD opens, every kind of space.
PIECES = ["Σ", "ΑΣ", "σ", "ς", "é", "e\u0301", "\u0301", "İ", "ﬁ", "Ａ", "ß", "“", "”", "—", "®", "½",
          "x", "Word", "NWT-204", "_", "'", ".", "١٢", "中文", "\u00a0", "\u2009", "\u202f", "\u3000", "\u2028",
          "\x1c", "\t", "\n", " ", "  "]


def test_the_text_folded_in_two_at_a_space_is_the_whole_text_folded():
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 40)))
        spaces = [n for n in range(len(text) + 1) if text[n - 1:n].isspace() or text[n:n + 1].isspace()]
        for at in spaces[:6]:
            assert f"{fold(text[:at])} {fold(text[at:])}".strip() == fold(text), (text, at)
        if spaces:
            # so the fingerprint can be the digest of the body the keys fold (no second fold)
            assert release_keys(text, "2024-03-02", None, None, spaces[0])[0] == "text:" + _digest(fold(text))


def test_remembered_keys_are_the_keys_and_travel_with_the_release():
    parsed = extract_text(release_text())
    expected = release_keys(parsed.text, parsed.release.date, parsed.release.headline, parsed.release.company,
                            min(s.span[0] for s in [*parsed.about, parsed.forward_looking] if s))
    remember_identity(parsed)
    back = pickle.loads(pickle.dumps(parsed))
    assert keys_of(back) == expected
    assert fingerprint_of(back) == fingerprint(parsed.text)
    assert back == parsed  # the remembered keys are no field of the release


def test_a_corrected_copy_has_keys_of_its_own():
    parsed = extract_text(release_text())
    remember_identity(parsed)
    corrected = copy.copy(parsed)
    corrected.release = copy.copy(parsed.release)
    corrected.release.headline = "Northwind Announces Something Else Entirely"
    assert keys_of(corrected) != keys_of(parsed)
    assert keys_of(corrected) == keys_of(ParsedRelease(corrected.text, release=corrected.release,
                                                       about=corrected.about,
                                                       forward_looking=corrected.forward_looking))
    corrected.text = corrected.text + " More words."
    assert fingerprint_of(corrected) == fingerprint(corrected.text)
