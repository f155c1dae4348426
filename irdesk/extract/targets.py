"""A compound's molecular target, where the text says it beside the compound's name.

Shapes read: "a CD56-targeting antibody", "anti-BCMA", "a JAK1/JAK2 inhibitor", "inhibitor of
KRAS G12C", "targets PCSK9", "IL-23 receptor antagonist", "N-myristoyltransferase (NMT)
inhibitor", "angiopoietin-like protein 3 (ANGPTL3)", "pyruvate kinase activator". Of the
targets in the sentences that name the compound, the one nearest a mention wins, and only
when no other compound's name stands between them.
"""

from __future__ import annotations

import bisect
import re

from .model import Span
from .textfind import find_all

# A gene or protein symbol: "CD56", "PD-1", "IL-4Rα", "BCR-ABL", "KRAS G12C", "BCMAxCD3".
SYM = r"(?:[A-Z][A-Za-z0-9]{0,9}[A-Z0-9](?:[-‐][A-Z0-9][A-Za-z0-9]{0,5})*(?:Rα|Rβ|α|β)?(?: [GQV]\d{2,3}[A-Z])?)"
COMBO = rf"{SYM}(?:\s?/\s?{SYM}){{0,2}}"
COMBO_AND = rf"{SYM}(?:(?:\s?/\s?|,?\s(?:and|&)\s(?:the\s)?){SYM}){{0,2}}"  # "targeting IL-4Rα and ST2"
ROLE = r"(?:inhibitors?|modulators?|antagonists?|agonists?|activators?|degraders?|blockers?|antibod(?:y|ies)|" \
       r"bispecifics?|engagers?|silencers?|siRNAs?|antisense|gene therapy)"
# A lower-case protein name that ends like one: "-ase", "kinase", "receptor", "channel", "proteasome".
PROTEIN = r"(?:[A-Za-z0-9][\w-]*\s){0,2}(?:[\w-]*ase|proteasome|receptor|channel|protein(?:\s\d+)?)"

_SHAPES = (
    ("targeting|targeted|directed|specific",
     rf"(?P<a>{COMBO})[-‐ ](?:targeting|targeted|directed|specific)\b(?: (?P<a2>{SYM})(?= (?:T[- ]cell|bispecific)))?"),
    ("x", r"\((?P<k>[A-Z0-9]{2,8}x[A-Z0-9]{2,8})\)"),  # "REGN5458 (BCMAxCD3)": a bispecific's two targets
    ("anti-", rf"\banti-(?P<b>{COMBO})\b"),
    ("direct|target|inhibit|bind|block|silenc|degrad|production|expression|level",
     rf"\b(?i:directed against|target(?:s|ing)?|inhibit(?:s|ing)?|inhibitors? of|binds?(?: to)?|binding to|"
     rf"block(?:s|ing)?|silenc(?:es|ing)|degrad(?:es|ing)|(?:reduc|lower)(?:es|ing|e)? (?:the )?(?:production|expression|"
     rf"levels?) of)\s+(?:the\s+|both\s+)?(?:(?P<i>{PROTEIN}) \((?P<i2>{SYM})\)|(?P<c>{COMBO_AND})\b)"),
    ("inhibit|modulat|antagon|agonist|activat|degrad|block|antibod|bispecific|engager|silenc|sirna|antisense|gene therapy",
     rf"\b(?P<d>{COMBO}(?: receptor)?)(?: \((?P<d2>{SYM})\))? {ROLE}"),
    ("actor ", rf"\b(?P<e>(?:complement |coagulation )?[Ff]actor (?:[XVI]{{1,4}}a?|[A-H]))\b"),
    # A receptor family named by its transmitter ("an alpha 2-adrenergic agonist", "a dopaminergic
    # antagonist"): the target is that receptor.
    ("adrenergic|cholinergic|dopaminergic|serotonergic|histaminergic|muscarinic|nicotinic|opioid",
     r"\b(?P<f>(?:(?:alpha|beta|mu|kappa|delta)[ -]?\d?-?)?(?:adrenergic|cholinergic|dopaminergic|serotonergic|"
     r"histaminergic|muscarinic|nicotinic|opioid)) (?:receptor )?(?:agonist|antagonist)"),
    ("inhibit|modulat|antagon|agonist|activat|degrad|block|antibod|bispecific|engager|silenc|sirna|antisense|gene therapy",
     rf"\b(?P<g>{PROTEIN})(?: \((?P<g2>{SYM})\))? (?:{ROLE})"),
    ("(", rf"\b(?P<h>{PROTEIN}) \((?P<h2>{SYM})\)"),
)
# Each shape runs only where its cue words stand: one alternation of all shapes scans far slower.
SHAPES = tuple((tuple(cue.split("|")), re.compile(shape)) for cue, shape in _SHAPES)
NOT_TARGETS = {"SARS", "COVID", "FDA", "EMA", "PD", "ADC", "MVA", "DNA", "RNA", "CAR", "AAV", "US",
               "CEO", "NK", "IV", "II", "III", "IND", "NDA", "BLA", "GMP", "ER-", "THE", "AND", "RNAI", "MRNA", "T"}
VECTOR = re.compile(r"(?i)AAV\d{0,2}|rAAV\d{0,2}|AdV?\d{0,2}|LV")  # a viral vector's serotype is no target
NOT_PROTEIN_WORDS = re.compile(r"(?i)^(?:the|a|an|our|its|their|this|these|novel|potent|selective|oral|first|dual|"
                               r"highly|potential|investigational|small|molecule|after|before|with|without|of|for|in|"
                               r"on|and|or|to|by|as|which|that|both|each|new|other|than|from|into|via|is|are|was|"
                               r"were|be|has|have|prior|following|including|such|approved|existing|current)\b\s*")
# "dry eye disease (DED)", "cytomegalovirus (CMV)": an abbreviation the text defines as a disease or agent.
DEFINED_AS_NOT_TARGET = re.compile(r"(?i)(?:disease|syndrome|virus|infection|disorder|cancer|carcinoma|tumou?r|"
                                   r"leukemia|lymphoma|failure|assay|test|score|scale|index|rate|response|survival|"
                                   r"event|fever|injury|reaction)\s*$")
# Pathogens name a disease's agent, not a molecular target.
PATHOGENS = re.compile(r"(?i)^(?:SARS|COVID|MERS|HIV|HBV|HCV|HDV|RSV|CMV|EBV|HPV|HSV|VZV|MPXV|EBOV|H5N1|H1N1)\b")
# "KYPROLIS with an anti-CD38 antibody": a target after "with a(n)" is a partner drug's.
PARTNER_BEFORE = re.compile(r"\b(?:with|plus|versus|vs\.?|and) (?:an? |the )?(?:[\w-]+ )?(?:anti-)?$")
LAB_WORDS = {"CAR-T", "CAR-NK", "LDL-C", "HDL-C", "ELISA", "ELISPOT", "PCR", "QPCR", "NGS", "MRI", "PET", "CT", "ECG", "LDL", "HDL", "HBA1C", "BMI", "GVHD"}
SENTENCE = re.compile(r"[^.\n]*(?:\.(?=\S)[^.\n]*)*[.\n]?")
NEAR = 120
# A sentence that can name a target has one of these; most sentences have none.
TRIGGER = re.compile(r"target|inhibit|anti-|direct|specific|agonist|antagonist|modulat|activat|degrad|block|bind|"
                     r"antibod|bispecific|engager|silenc|sirna|antisense|gene therapy|factor|receptor|reduc|lower|"
                     r"adrenergic|ase\b|protein|channel|proteasome|\([a-z0-9]{2,8}x[a-z0-9]{2,8}\)")


def _group(m: re.Match, name: str) -> str | None:
    return m.groupdict().get(name)


def _value(m: re.Match) -> tuple[str, int] | None:
    """The target a match names, and where it starts."""
    for full, abbr in (("g", "g2"), ("h", "h2"), ("i", "i2")):
        if _group(m, full):
            name = m.group(full)
            for _ in range(3):
                name = NOT_PROTEIN_WORDS.sub("", name)
            name = re.sub(r"^(?:(?:type|class)\s)?(?:I{1,3}|IV|V)\s", "", name)  # "type II RAF kinase"
            if m.group(abbr) and (re.search(r"[\d-]", name) or len(name.split()) >= 3):
                return m.group(abbr), m.start(abbr)  # "angiopoietin-like protein 3 (ANGPTL3)"
            if not name or name.lower() in ("receptor", "protein", "channel", "base", "release", "increase",
                                            "decrease", "disease", "phase", "case", "database", "purchase"):
                return None
            if not re.search(r"ase$|some$|receptor$|channel$|protein", name) or name.split()[-1].lower() in (
                    "phase", "disease", "increase", "decrease", "case", "release", "database", "purchase", "base"):
                return None
            return name, m.start(full) + m.group(full).index(name)
    if _group(m, "f"):
        return m.group("f") + " receptor", m.start("f")
    if _group(m, "a2"):
        return f"{m.group('a')}/{m.group('a2')}", m.start("a")  # "CD19-directed CD3 T cell engager"
    if _group(m, "k"):
        return m.group("k"), m.start("k")
    for g in ("a", "b", "c", "d", "e"):
        if _group(m, g):
            if g == "d" and _group(m, "d2") and not re.search(r"\d", m.group("d")):
                return m.group("d2"), m.start("d2")
            value = re.sub(r"\s?/\s?|,?\s(?:and|&)\s(?:the\s)?", "/", m.group(g))
            return value, m.start(g)
    return None


def _defined_as_other(text: str, value: str) -> bool:
    at = text.find(f"({value})")
    return at > 0 and bool(DEFINED_AS_NOT_TARGET.search(text, max(0, at - 40), at))


def _matches(sentence: str, low: str, lo: int, hi: int):
    """Target shapes in ``sentence[lo:hi]``, each tried only where its cue words appear."""
    window = low[lo:hi]
    for cues, shape in SHAPES:
        if any(c in window for c in cues):
            yield from shape.finditer(sentence, lo, hi)


def target_sentences(text: str, names: set[str]) -> list[tuple[int, str, list[tuple[str, int]]]]:
    """The sentences that name one of ``names`` and a target: (start, lower-cased sentence,
    [(target, offset)])."""
    out = []
    low_names = sorted({n.lower() for n in names if len(n) > 2}, key=len, reverse=True)
    if not low_names:
        return out
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower()[0] for c in text)  # keep offsets where lower() grows a letter
    hits = sorted({at for n in low_names for at in find_all(lowered, n)})
    for s in SENTENCE.finditer(text):
        i = bisect.bisect_left(hits, s.start())
        if i == len(hits) or hits[i] >= s.end():
            continue  # no compound named here
        sentence = s.group(0)
        low = lowered[s.start():s.end()]
        if not TRIGGER.search(low):
            continue
        j = bisect.bisect_left(hits, s.end()) - 1
        lo, hi = max(0, hits[i] - s.start() - NEAR - 60), min(len(sentence), hits[j] - s.start() + NEAR + 60)
        found = []
        for t in _matches(sentence, low, lo, hi):
            value = _value(t)
            if not value:
                continue
            name, at = value
            if name.upper() in NOT_TARGETS or VECTOR.fullmatch(name) or name.upper() in LAB_WORDS or len(name) < 2 \
                    or PATHOGENS.match(name) or _defined_as_other(text, name) \
                    or PARTNER_BEFORE.search(low, max(0, at - 30), at):
                continue
            found.append((name, at))
        if found:
            out.append((s.start(), low, found))
    return out


def find_target(sentences: list[tuple[int, str, list[tuple[str, int]]]], names: set[str],
                others: set[str]) -> tuple[str, Span] | None:
    """The target nearest a mention of ``names`` in the sentences that name them."""
    low_names = [n.lower() for n in names if len(n) > 2]
    if not low_names:
        return None
    low_others = [n.lower() for n in others if len(n) > 2]
    best: tuple[int, str, Span] | None = None
    for start, low, found in sentences:
        if not any(n in low for n in low_names):
            continue
        mentions = [at for n in low_names for at in find_all(low, n)]
        other_at = [at for n in low_others for at in find_all(low, n)]
        for value, at in found:
            if value.lower() in low_names:
                continue
            gap, near = min((abs(at - p), p) for p in mentions)
            if gap > NEAR or any(min(at, near) < o < max(at, near) for o in other_at):
                continue
            if best is None or gap < best[0]:
                best = (gap, value, (start + at, start + at + len(value)))
    return (best[1], best[2]) if best else None
