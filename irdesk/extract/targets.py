"""A compound's molecular target, where the text says it beside the compound's name.

Shapes read: "a CD56-targeting antibody", "anti-BCMA", "a JAK1/JAK2 inhibitor", "inhibitor of
KRAS G12C", "targets PCSK9", "IL-23 receptor antagonist", "N-myristoyltransferase (NMT)
inhibitor", "angiopoietin-like protein 3 (ANGPTL3)", "pyruvate kinase activator". Of the
targets in the sentences that name the compound, the one nearest a mention wins, and only
when no other compound's name stands between them.
"""

from __future__ import annotations

import bisect
import functools
import re

from .model import Span
from .textfind import find_all
from .textutil import lower

# A gene or protein symbol: "CD56", "PD-1", "IL-4Rα", "BCR-ABL", "KRAS G12C", "BCMAxCD3".
# "CDK4/6", "JAK1/2": a family's members by their numbers. Also a protein named by a word and its number ("Nectin-4", "Claudin-18.2") and a microRNA ("miR-10b").
SYM = (r"(?:(?!(?:Phase|Part|Cohort|Study|Trial|Day|Week|Month|Year|Arm|Stage|Grade|Type|Level|Class|Group|Step|Cycle|"
        r"Dose|Covid|Tier|Section|Item|Figure|Table|Model|Version|Visit|Module|Series|Round|Block)[-‐])"
        r"[A-Z][a-z]{2,9}[-‐]\d{1,2}(?:\.\d)?(?![\w-])|(?:microRNA|miRNA|miR)-\d{1,4}[a-z]?(?![\w-])|[A-Z][A-Za-z0-9]{0,9}[A-Z0-9](?:(?<=[a-z][A-Z]) ?\d\.\d{1,2}|(?<=[a-z]\d)\.\d{1,2}|(?<=\d)/\d{1,2}(?![\w/]))?(?:[-‐][A-Z0-9][A-Za-z0-9]{0,5})*(?:[-‐]?(?:Rα|Rβ|α|β)\d?)?(?: [GQV]\d{2,3}[A-Z])?)")
COMBO = rf"{SYM}(?:\s?/\s?{SYM}){{0,2}}"
COMBO_AND = rf"{SYM}(?:(?:\s?/\s?|,?\s(?:and|&)\s(?:the\s)?){SYM}){{0,2}}"  # "targeting IL-4Rα and ST2"
ROLE = r"(?i:inhibitors?|modulators?|antagonists?|agonists?|activators?|degraders?|blockers?|antibod(?:y|ies)|" \
       r"bispecifics?|engagers?|silencers?|siRNAs?|antisense|gene therapy)"
# Words that may stand between a target and its role: "a CD38 monoclonal antibody", "an ITK/JAK3 small
# molecule covalent inhibitor", "a PD-1 blocking antibody".
MODIFIER = r"(?:(?i:small[- ]molecule|small|molecule|covalent|reversible|irreversible|allosteric|selective|oral|" \
           r"monoclonal|humanized|humanised|fully human|human|bispecific|blocking|neutrali[sz]ing|peptide|" \
           r"competitive|potent|dual|pan|investigational|novel)\s){0,3}"
# A lower-case protein name that ends like one: "-ase", "kinase", "receptor", "channel", "proteasome".
PROTEIN = r"(?:[A-Za-z0-9][\w-]*\s){0,2}(?:[\w-]*ase(?:s\b|\s\d{1,2}\b|\s(?:I{1,3}|IV)\b)?|proteasomes?|receptors?(?: (?:sub)?type \d)?|channels?|protein(?:s\b|\s\d+)?)"

# "inhibiting ALK fusion-positive cells", "targeting HER2+ tumours": a marker of the cells, not the target.
NOT_CELLS = r"(?![-‐ ](?:fusion[-‐ ])?(?:positive|negative|expressing|amplified|rearranged|high|low)\b|\+)"

_SHAPES = (
    ("targeting|targeted|directed|specific",
     rf"(?:(?P<a0>{SYM})\)?\s(?=\S{{2,16}}[-‐ ](?:targeting|targeted|directed) (?:bispecific|T[- ]cell)))?"
     rf"(?P<a>{COMBO})[-‐ ](?:targeting|targeted|directed|specific)\b(?: (?P<a2>{SYM})(?= (?:T[- ]cell|bispecific)))?"),
    ("x", r"\((?P<k>[A-Z0-9]{2,8}x[A-Z0-9]{2,8})\)"),  # "REGN5458 (BCMAxCD3)": a bispecific's two targets
    ("anti-", rf"\banti-(?P<b>{COMBO})\b(?![-‐ ]based)"),
    ("direct|target|inhibit|bind|block|silenc|degrad|production|expression|level|against",
     rf"\b(?i:directed against|(?:antibod(?:y|ies)|nanobod(?:y|ies)) (?:raised )?against|target(?:s|ing)?|inhibit(?:s|ing)?|inhibitors? of|binds?(?: to)?|binding to|"
     rf"block(?:s|ing)?|silenc(?:es|ing)|degrad(?:es|ing)|(?:reduc|lower)(?:es|ing|e)? (?:the )?(?:production|expression|"
     rf"levels?) of)\s+(?:(?:the|both|not only|native|wild-type|mutant|mutated)\s+){{0,3}}(?:(?P<i>{PROTEIN}) \((?P<i2>{SYM})\)|(?P<c>{COMBO_AND})(?P<lig>[-‐ ]ligand)?\b{NOT_CELLS}|(?P<j>{PROTEIN})\b)"),
    ("inhibit|modulat|antagon|agonist|activat|degrad|block|antibod|bispecific|engager|silenc|sirna|antisense|gene therapy",
     rf"\b(?P<d>{COMBO}(?: (?i:receptor|ligand))?)(?: \((?P<d2>{SYM})\))? {MODIFIER}{ROLE}"),
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
# Compiled on first use (~13 ms, the costliest patterns of the extractor's import; only releases
# that name a compound ask): the fork server's prime() builds them before readers fork.
@functools.lru_cache(maxsize=1)
def _shapes() -> tuple[tuple[tuple[str, ...], re.Pattern], ...]:
    return tuple((tuple(cue.split("|")), re.compile(shape)) for cue, shape in _SHAPES)


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
# "after two prior anti-HER2 regimens", "resistant to ALK inhibitors": targets of earlier treatments.
PRIOR_BEFORE = re.compile(r"\b(?:prior|previous|failed|refractory to|resistant to)\s+(?:[\w-]+\s+){0,2}(?:anti-)?$")
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


NOT_PROTEIN_ENDS = {"phase", "disease", "increase", "decrease", "case", "release", "database", "purchase", "base"}
# A class of enzymes or molecules, not one target: "a kinase inhibitor", "tyrosine kinase inhibitors".
GENERIC = {"receptor", "protein", "channel", "kinase", "tyrosine kinase", "protein kinase", "receptor tyrosine kinase",
           "serine/threonine kinase", "protease", "polymerase", "phosphatase", "transferase", "ligase", "esterase",
           "nuclease", "enzyme", "ion channel", "cell surface receptor", "cell surface protein", "membrane protein",
           "fusion protein", "recombinant protein", "target protein", "transmembrane protein"}
# Words before a protein's name that are no part of it: "in developing N-myristoyltransferase".
LEADING_VERB = re.compile(r"^(?:(?!binding\b)[a-z]{3,}ing|targeted|engineered|designed|validated|selected|"
                          r"undruggable|druggable|enzymes?|[a-z]+ly)\s+(?=\S)")
PLURAL = re.compile(r"(?<=ase|ome|tor|nel|ein)s$")


def _protein_name(name: str) -> str:
    """A protein's name as a match found it, without the words before it and a plural's "s"."""
    for _ in range(3):
        name = NOT_PROTEIN_WORDS.sub("", name)
        name = LEADING_VERB.sub("", name)
    return PLURAL.sub("", name)


SYMBOL_PROTEIN = re.compile(r"(?<=[A-Z0-9]) protein$")


# "a series of MEK inhibitors", "synergy with ALK inhibitors": a role in the plural names a class of
# drugs, seldom the one compound's target.
PLURAL_ROLE = re.compile(r"(?i)(?:inhibitors|modulators|antagonists|agonists|activators|degraders|blockers|antibodies|"
                         r"bispecifics|engagers|silencers|siRNAs)$")


def _value(m: re.Match) -> tuple[str, int] | None:
    """The target a match names, and where it starts."""
    if (_group(m, "d") or _group(m, "g")) and PLURAL_ROLE.search(m.group(0)):
        return None
    for full, abbr in (("g", "g2"), ("h", "h2"), ("i", "i2"), ("j", None)):
        if _group(m, full):
            name = _protein_name(m.group(full))
            name = re.sub(r"^(?:(?:type|class)\s)?(?:I{1,3}|IV|V)\s", "", name)  # "type II RAF kinase"
            if any(w in NOT_PROTEIN_ENDS for w in name.lower().split()):
                return None  # "Phase 2 (AMPLIFY-7P)": a trial's name after a phase
            if abbr and m.group(abbr) and (re.search(r"[\d-]", name) or len(name.split()) >= 3):
                return m.group(abbr), m.start(abbr)  # "angiopoietin-like protein 3 (ANGPTL3)"
            if not name or name.lower() in GENERIC or name.lower() in ("base", "release", "increase",
                                            "decrease", "disease", "phase", "case", "database", "purchase"):
                return None
            if not re.search(r"ase(?: \d{1,2}| I{1,3}| IV)?$|some$|receptor(?: (?:sub)?type \d)?$|channel$|protein", name) or name.split()[-1].lower() in (
                    "phase", "disease", "increase", "decrease", "case", "release", "database", "purchase", "base"):
                return None
            at = m.start(full) + m.group(full).index(name)
            return SYMBOL_PROTEIN.sub("", name), at  # "the Bcl-2 protein"
    if _group(m, "f"):
        return m.group("f") + " receptor", m.start("f")
    if _group(m, "a0"):
        return f"{m.group('a0')}/{m.group('a')}", m.start("a0")  # "BCMA CD3-targeted bispecific"
    if _group(m, "a2"):
        return f"{m.group('a')}/{m.group('a2')}", m.start("a")  # "CD19-directed CD3 T cell engager"
    if _group(m, "k"):
        return m.group("k"), m.start("k")
    for g in ("a", "b", "c", "d", "e"):
        if _group(m, g):
            if g == "d" and _group(m, "d2") and not re.search(r"\d", m.group("d")):
                return m.group("d2"), m.start("d2")
            value = re.sub(r"\s?/\s?|,?\s(?:and|&)\s(?:the\s)?", "/", m.group(g))
            return value + (" ligand" if g == "c" and _group(m, "lig") else ""), m.start(g)  # "CD40-ligand"
    return None


def _defined_as_other(text: str, value: str) -> bool:
    at = text.find(f"({value})")
    return at > 0 and bool(DEFINED_AS_NOT_TARGET.search(text, max(0, at - 40), at))


def _matches(sentence: str, low: str, lo: int, hi: int):
    """Target shapes in ``sentence[lo:hi]``, each tried only where its cue words appear."""
    window = low[lo:hi]
    for cues, shape in _shapes():
        if any(c in window for c in cues):
            yield from shape.finditer(sentence, lo, hi)


# "N-myristoyltransferase inhibitors (NMTis)", "PARP inhibitor (PARPi)": an inhibitor's abbreviation
# the text defines; "zelenirstat is a potent NMTi" then names the target.
INHIBITOR_ABBR = re.compile(r"\(([A-Z][A-Za-z0-9-]{1,8}i)s?\)")


@functools.lru_cache(maxsize=1)
def _inhibitor_before() -> re.Pattern:
    """ "PARP inhibitor" before "(PARPi)": compiled on first use, as _shapes()."""
    return re.compile(rf"(?:\b(?P<p>{PROTEIN})|(?<![\w-])(?P<s>{COMBO}))\s(?i:inhibitors?)\s$")


def _inhibitor_abbreviations(text: str) -> dict[str, str]:
    """{abbreviation: target} of every inhibitor's abbreviation the text defines."""
    found: dict[str, str] = {}
    for m in INHIBITOR_ABBR.finditer(text):
        before = _inhibitor_before().search(text, max(0, m.start() - 80), m.start())
        if not before:
            continue
        target = _protein_name(before.group("p")) if before.group("p") else before.group("s")
        if target and target.lower() not in GENERIC:
            found[m.group(1)] = target
    return found


def target_sentences(text: str, names: set[str]) -> list[tuple[int, str, list[tuple[str, int]]]]:
    """The sentences that name one of ``names`` and a target: (start, lower-cased sentence,
    [(target, offset)])."""
    out = []
    low_names = sorted({n.lower() for n in names if len(n) > 2}, key=len, reverse=True)
    if not low_names:
        return out
    lowered = lower(text)
    if len(lowered) != len(text):
        lowered = "".join(c.lower()[0] for c in text)  # keep offsets where lower() grows a letter
    hits = sorted({at for n in low_names for at in find_all(lowered, n)})
    abbrs = _inhibitor_abbreviations(text) if "i)" in text or "is)" in text else {}
    abbr_shape = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, abbrs)) + r")s?(?![\w-])") if abbrs else None
    for s_start, s_end in _sentences_at(text, hits):
        i = bisect.bisect_left(hits, s_start)
        sentence = text[s_start:s_end]
        low = lowered[s_start:s_end]
        named = [(abbrs[m.group(1)], m.start()) for m in abbr_shape.finditer(sentence)] if abbr_shape else []
        if not named and not TRIGGER.search(low):
            continue
        j = bisect.bisect_left(hits, s_end) - 1
        # find_target looks farther than NEAR only after a compound that opens its sentence.
        reach = WIDE if hits[i] - s_start < 40 else NEAR
        lo, hi = max(0, hits[i] - s_start - NEAR - 60), min(len(sentence), hits[j] - s_start + reach + 60)
        found = []
        for t in _matches(sentence, low, lo, hi):
            value = _value(t)
            if not value:
                continue
            name, at = value
            if name.upper() in NOT_TARGETS or VECTOR.fullmatch(name) or name.upper() in LAB_WORDS or len(name) < 2 \
                    or PATHOGENS.match(name) or _defined_as_other(text, name) \
                    or PARTNER_BEFORE.search(low, max(0, at - 30), at) or PRIOR_BEFORE.search(low, max(0, at - 40), at) or TRANSGENE_BEFORE.search(low, max(0, at - 50), at):
                continue
            found.append((name, at))
        found += named
        if found:
            out.append((s_start, low, found))
    return out


def _sentences_at(text: str, hits: list[int]) -> list[tuple[int, int]]:
    """(start, end) of the SENTENCE matches that hold one of ``hits`` (sorted), in order. A
    SENTENCE match ends after a line break, or after a full stop followed by a space or the
    end of the text: found from each hit both ways, instead of cutting the whole text. Each
    look stops at the sentence before, so a long text costs one pass at most."""
    out: list[tuple[int, int]] = []
    for at in hits:
        floor = out[-1][1] if out else 0
        if at < floor:
            continue  # in the sentence already found
        end = SENTENCE_END.search(text, at)
        out.append((_sentence_start(text, floor, at), end.end() if end else len(text)))
    return out


SENTENCE_END = re.compile(r"\n|\.(?!\S)")  # where a SENTENCE match ends ("\.(?=\S)" goes on otherwise)


def _sentence_start(text: str, floor: int, at: int) -> int:
    """Past the last sentence end before ``at`` (``floor`` is one)."""
    line = text.rfind("\n", floor, at)
    dot = text.rfind(".", max(floor, line + 1), at)
    while dot >= 0 and not (dot + 1 == len(text) or text[dot + 1].isspace()):
        dot = text.rfind(".", max(floor, line + 1), dot)
    return max(floor, line + 1, dot + 1)


# A gene a therapy carries is no target: "a vector encoding purine nucleoside phosphorylase (PNP)",
# "a high-activity variant of human factor IX gene".
TRANSGENE_BEFORE = re.compile(r"\b(?:encod(?:es|ing)|express(?:es|ing)|deliver(?:s|ing)|carr(?:ies|ying)|variants? of|"
                              r"cop(?:y|ies) of|gene for)\s+(?:[^\s()]+\s+){0,3}\(?$")
# A mention after "with", "plus", "and": a partner named after the drug a target before it belongs to
# ("Talzenna, a PARP inhibitor, in combination with Xtandi").
PARTNER_MENTION = re.compile(r"\b(?:with|plus|and|versus|vs\.?|like|such as|including|after|following|than)\s+"
                             r"(?:an?\s+|the\s+)?$")
# A sentence about one compound alone ("CTX310 ... switches off a gene called ... (ANGPTL3)") may
# name its target farther from it than NEAR, when the compound opens the sentence.
WIDE = 260
# ... unless what stands between speaks of another subject: "... has an approved drug that also targets X".
OTHER_SUBJECT = re.compile(r"\b(?:that|which|whose|drugs?|compan(?:y|ies)|therapies|candidates?|products?)\b")


def _parts(value: str) -> frozenset[str]:
    return frozenset(value.lower().split("/"))


def find_target(sentences: list[tuple[int, str, list[tuple[str, int]]]], names: set[str],
                others: set[str]) -> tuple[str, Span] | None:
    """The target nearest a mention of ``names`` in the sentences that name them; a target that
    holds it and more ("ITK/JAK3" beside "ITK") wins over it."""
    low_names = [n.lower() for n in names if len(n) > 2]
    if not low_names:
        return None
    low_others = [n.lower() for n in others if len(n) > 2]
    kept: list[tuple[int, str, Span]] = []
    for start, low, found in sentences:
        if not any(n in low for n in low_names):
            continue
        mentions = [at for n in low_names for at in find_all(low, n)]
        other_at = [at for n in low_others for at in find_all(low, n)]
        alone = not other_at and min(mentions) < 40
        for value, at in found:
            if value.lower() in low_names:
                continue
            gap, near = min((abs(at - p), p) for p in mentions)
            if gap > NEAR and (not alone or at < near or gap > WIDE or OTHER_SUBJECT.search(low, near, at)) \
                    or any(min(at, near) < o < max(at, near) for o in other_at):
                continue
            if at < near and PARTNER_MENTION.search(low, max(0, near - 30), near):
                continue
            kept.append((gap, value, (start + at, start + at + len(value))))
    if not kept:
        return None
    best = min(kept, key=lambda k: k[0])
    wider = [k for k in kept if _parts(k[1]) > _parts(best[1]) and k[0] <= NEAR]
    if wider:
        best = min(wider, key=lambda k: k[0])
    return best[1], best[2]
