"""Code names ("IMGN901", "BT-062", "ALKS 2680", "4D-150") and the role each mention gives one:
a drug's, a trial's, a target's, or an abstract's number."""

from __future__ import annotations

import functools
import re
from collections import Counter

from . import textfind
from .inn import looks_like_inn
from .textfind import squash, squash_all
from .vocab import load_lines, load_rows, vocab_path
from .vocab.kept import kept

# "IMGN901", "ALKS 2680", "4D-150". Written to open with one character class (the
# look-behinds after it say what "(?<![\w-])" before it would): `re` then skips ahead by that
# class instead of trying the whole pattern at every position of the text. After a capital, a
# possessive look-ahead asks first for the figure within 13 letters and hyphens that both shapes
# need (implied by them, so it changes no match): a capitalised word fails there at once.
CODE = re.compile(r"[A-Z\d](?<![\w‐‑-].)(?:(?<=[A-Z])(?=[A-Za-z‐‑-]{0,13}+ ?\d)(?:[A-Za-z]{0,5}(?:[‐‑-][A-Z]{1,6})?[‐‑-]?\d{1,6}[A-Z0-9]*(?:[‐‑-][A-Z1-9](?![\w‐‑-]))?|[A-Z]{2,4} \d{3,4})"
                  r"|(?<=\d)[A-Z]{1,3}[‐‑-]\d{2,5})(?![\w‐‑-]|\.\d)")
NOT_CODES = re.compile(r"^(?:ACR|PASI|EASI|DAS|SLEDAI|CDAI|MADRS|HAMD|ADAS|EDSS|NIHSS|MMSE|PHQ|GAD|BPI|"
                       r"COVID|SARS|MERS|NCT|CD|PD|IL|HER|GLP|GIP|PCSK|FDA|CFR|USC|SEC|IRS|NDA|BLA|IND|ANDA|PMA|RMAT|HLA|CYP|Q|FY|H|ISO|GMP|AAV\d?|XBB|B|A|S|BA|N|T|G|E|ISIN|WKN|"
                       r"EGFR|KRAS|BRCA|TNF|VEGF|FGFR?|TP|IgG|Ig|IFN|TGF|JAK|BTK|PI|MDM|IDH|FLT|TLR|STING|LAG|TIM|TIGIT|"
                       r"CTLA|KIT|MET|ALK|ROS|RET|NTRK|DLL|GPC|B7|DE|US|EU|UK|WO|EP|PCT|M|DSM|ICD|CPT|HbA|FEV|LBA|LB|"
                       r"Anti|Form|Phase|Part|Rule|Section|Item|Note|Level|Grade|Stage|Type|Class|Tower|Suite|Room|Hall|Gen|Top|Rm|Ex)$", re.I)
OWN_TRIAL = re.compile(r"(?i)\b(?:its|our|their)\s+$")
TRIAL_COMMA = re.compile(r"(?i)\b(?:trials?|study|studies|protocols?),\s$")
TRIAL_BEFORE = re.compile(r"(?i)\b(?:trials?|study|studies|protocols?|cohorts?)\b[^.()\n]{0,80}\($")


def abbreviates(head: str, word: str) -> bool:
    """ "geo" of "geovax", "aro" of "arrowhead": the head's letters in order, from the word's first."""
    if not word.startswith(head[0]):
        return False
    at = 0
    for ch in head:
        at = word.find(ch, at) + 1
        if not at:
            return False
    return True


# is_code runs for every code-shaped mention: its shapes are compiled once here.
MEETING_YEAR = re.compile(r"[A-Z]{2,6}(?:19|2\d)")
LETTERS = re.compile(r"[A-Za-z]+")
YEAR = re.compile(r"(?:19|20)\d\d")
WORD_NUMBER = re.compile(r"[A-Z][a-z]+\d+|[A-Z]{1,2}\d{1,2}")
PROTEIN_NUMBER = re.compile(r"[A-Z][a-z]{3,}[-‐‑]\d{1,2}")
YEAR_END = re.compile(r"(?:19|20)\d\d$")
JOINER = re.compile(r"[-‐‑ ]")
NOT_DIGIT = re.compile(r"\D")


def is_code(name: str, text: str = "") -> bool:
    if MEETING_YEAR.fullmatch(name) and re.search(rf"\b{name[:-2]}\b(?!\d)", text):
        return False  # "AHA24" beside "AHA": a meeting and its year
    if name[0].isdigit():
        return True  # "4D-150": the CODE shape that starts with a digit is narrow already
    letters = LETTERS.match(name).group(0)
    if NOT_CODES.match(letters) or YEAR.fullmatch(name[-4:]) and " " in name:
        return False
    if WORD_NUMBER.fullmatch(name):
        return False  # "Gen3", "Q1", "B1": words with a number, not code names
    if PROTEIN_NUMBER.fullmatch(name):
        return False  # "Nectin-4", "Alpha-1": a protein's or a model's name
    if YEAR_END.search(name) and not JOINER.search(name) and len(letters) >= 5:
        return False  # "IMMUNOLOGY2025": a meeting and its year
    digits = NOT_DIGIT.sub("", name)
    return 2 <= len(digits) <= 5 or "-" in name and len(digits) <= 5


# "the SHASTA-2 study" names a trial; "the ACM-101 phase 2 study" a drug's study: no phase between.
AS_TRIAL_AFTER = re.compile(r"(?i)(?:\s+(?:clinical|pivotal|registrational|global|open-label|randomized|"
                            r"extension|long-term|confirmatory|observational))*\s+(?:trials?|stud(?:y|ies)|registry)\b")
# A trial's own acronym may stand before its phase: "its EMBRACE Phase 3 study", "the MELODY-3 Phase 3 trial".
AS_TRIAL_AFTER_PHASE = re.compile(r"(?i)(?:\s+(?:phase\s+\S+|clinical|pivotal|registrational|global|open-label|randomized|"
                            r"extension|long-term|confirmatory|observational))*\s+(?:trials?|stud(?:y|ies)|registry)\b")
AS_TARGET_AFTER = re.compile(r"(?i)[- ](?:targeting|targeted|directed|positive|negative|expressing|mutant|mutations?|"
                             r"mutated|inhibitors?|inhibition|agonists?|antagonists?|receptors?|pathway|signaling|"
                             r"expression|protein|gene|levels?|activity|mediated|driven|dependent|deficiency|"
                             r"knockdown|blockade|degraders?|ligands?|antibod(?:y|ies)|pathology|proteinopathy|"
                             r"aggregat\w*|axis|overexpression|isoforms?|variants?|genes|deficient|knockout|"
                             r"upregulation|downregulation|binding|biomarkers?|cytoplasmic|nuclear|transgenic|mislocali[sz]ation|"
                             r"inclusions?|deposits?|deposition|misfolding|(?:hyper)?phosphorylat\w+)\b")
AS_TARGET_BEFORE = re.compile(r"(?i)(?:\banti-|\btargeting\s(?:of\s)?|\btargets\s|\binhibit(?:s|ed|ing)?\s|\binhibit(?:ion|ors?)\sof\s|\bagainst\s|\bbinds?\s(?:to\s)?)$")
# "associated with X", "patients with X", "diagnosed with X": a protein or a disease follows, not a drug.
AS_DRUG_BEFORE = re.compile(r"(?i)\b(?:(?<!associated )(?<!patients )(?<!diagnosed )(?<!people )with|receiving|received|dose[sd]?\s+(?:of|with)|administered|treated\s+with|"
                            r"candidates?|compounds?|drugs?|products?|therap(?:y|ies)|our|its|evaluat\w+|plus|"
                            r"(?:trials?|stud(?:y|ies)|cycles?|doses?|administration|efficacy|safety) of)\s+$")
AS_DRUG_AFTER = re.compile(r"(?i)\s*(?:,\s+(?:a|an|our|the)\s)|\s+(?:is|was)\s+(?:a|an|our|the|being)\b|"
                           r"\s+\d+(?:\.\d+)?\s*(?:mg|µg|mcg|ug)|\s+(?:monotherapy|treatment|therapy|dosing|plus|in combination)\b")
NEXT = re.compile(r"\s+([a-z]+)")
NOT_CODE_CONTEXT = re.compile(r"\s?(?:nm|mm|µm|um|cm|kDa|Da|kg|°C|%|percent|cells?\b|cell line)")
FILING_BEFORE = re.compile(r"\b(?:Form|Schedule|Rule|Item|Section|Exhibit|Regulation|Article)\s+$")
AS_NUMBER_BEFORE = re.compile(r"(?i)(?:abstract|poster|presentation|board|publication|session|e-poster|ID)"
                              r"(?:\s+(?:number|no\.?|id|#))?\s*[:#]?\s*#?\s*$")


def names_in_brackets(after: str) -> bool:
    """ "X (zanolitamab vedotin)", "X (ZV-9)", "X (CD20xCD3)": a bracket naming the drug or its targets."""
    m = re.match(r"\s?\(([^()]{2,60})\)", after)
    if not m:
        return False
    first = re.split(r"[,;/]", m.group(1))[0].strip()
    return looks_like_inn(first) or bool(CODE.fullmatch(first)) or bool(re.fullmatch(r"[A-Z0-9]{2,8}x[A-Z0-9]{2,8}", first))


def form_follows(after: str) -> bool:
    """ "X tablets", "X injection": a dosage form right after a name."""
    word = NEXT.match(after)
    return bool(word) and word.group(1) in forms()


@functools.lru_cache(maxsize=None)
def forms() -> frozenset[str]:
    return frozenset(row[0] for row in load_rows("dosage_forms.tsv") if "ordinary" not in row[-1])


@functools.lru_cache(maxsize=None)
def gene_symbols() -> frozenset[str]:
    """Human gene symbols and synonyms shaped like code names, compared as ``squash`` does."""
    return kept("gene-symbols", lambda: frozenset(squash_all(load_lines("gene_symbols.txt"))),
                vocab_path("gene_symbols.txt"), __file__, textfind.__file__)


@functools.lru_cache(maxsize=None)
def exchange_names() -> frozenset[str]:
    """Exchanges' names and abbreviations of one word ("TWSE", "KOSDAQ"), upper case."""
    return frozenset(row[0].upper() for row in load_rows("exchanges.tsv") if " " not in row[0])


def is_listing(name: str) -> bool:
    """ "(TWSE-6919)", "(KOSDAQ 196170)": an exchange's abbreviation joined to a stock code of four
    digits or more, not a drug's code ("SGX942" and "NEO100" are drugs')."""
    parts = JOINER.split(name, 1)
    return len(parts) == 2 and parts[0].upper() in exchange_names() and len(NOT_DIGIT.sub("", parts[1])) >= 4


# "the MELODY-2 and MELODY-3 Phase 3 trials": a code joined to others before trial words.
AS_TRIAL_LIST = re.compile(r"(?i)(?:\s*(?:,|and|&|or)\s+(?-i:[A-Z][A-Za-z]{1,14}[-‐‑ ]?\d{1,4}[A-Za-z]?))+"
                           + AS_TRIAL_AFTER_PHASE.pattern[len("(?i)"):])
# "LDOS007 is a new Phase Ib/Randomized Phase II, open label study": a trial said to be one.
# The words between describe the trial only: none names a drug or links to another noun ("is a pill in a trial").
IS_A_TRIAL = re.compile(r"\s+(?:is|was)\s+an?\s+(?:(?!(?:drug|candidate|therap|inhibitor|antibod|compound|molecule|agent|"
                        r"vaccine|medicine|treatment)|(?:in|of|for|with|to|being|from|by|at)(?![a-z]))"
                        r"[\w/,-]+\s+){0,8}(?:clinical\s+)?(?:trial|study)\b", re.I)
# "one medical device (ABV-1701/...)", "our intravitreal vector, R100,": a code that names a thing not a drug.
THING_BEFORE = re.compile(r"(?i)\b(?:devices?|platforms?|technolog(?:y|ies)|assays?|tests?|software|vectors?|capsids?|"
                          r"diagnostics?|instruments?|systems?|services?)\s*(?:,\s*|\(\s*)$")
# "ENVAIR4000, a predictive diagnostic system": a code said to name a thing that is not a drug.
AS_THING_AFTER = re.compile(r"(?i),\s+(?:a|an|the|our|its)\s+(?:[\w-]+\s+){0,3}(?:systems?|devices?|platforms?|"
                            r"technolog(?:y|ies)|software|instruments?|tools?|apps?|assays?|tests?|sensors?|monitors?|"
                            r"implants?|algorithms?|satellites?|vehicles?|aircraft|engines?)\b")  # not "vector": a gene therapy is one
# "the human astrovirus (HAstV-1)": a pathogen's strain, not a drug.
PATHOGEN_BEFORE = re.compile(r"(?i)(?:virus|viruses|bacteri(?:um|a)|phages?|strains?|pathogens?|fung(?:us|i)|parasites?)\s\($")
# "dipeptidyl peptidase-4 (DPP-4) inhibitor": a protein's abbreviation.
PROTEIN_BEFORE = re.compile(r"(?i)(?:ase|receptor|protein|channel|factor|kinase)s?(?:[-‐‑ ]\d{1,2}[a-z]?)?\s\($")
# "P0385", "T0123": one letter before a number that starts with 0 numbers an item (a poster), not a drug.
NUMBERED_ITEM = re.compile(r"[A-Z]0\d{2,4}")


def code_roles(text: str, codes: list[re.Match]) -> tuple[set[str], set[str], set[str]]:
    """Codes that only ever name a trial ("the REACH-1 study", "a trial (AdPNP-203)") or a target
    ("TREM-1 inhibitors", "anti-FOO-2"), or only stand where an abstract's number stands."""
    roles: dict[str, Counter] = {}
    for m in codes:
        key = squash(m.group(0))
        before = text[max(0, m.start() - 40):m.start()]
        after = text[m.end():m.end() + 60]
        role = roles.setdefault(key, Counter())
        opens = before.rstrip()[-1:] in (",", "(")  # an apposition or a bracket: THING_BEFORE's shapes
        role["all"] += 1
        if AS_NUMBER_BEFORE.search(before) or NUMBERED_ITEM.fullmatch(m.group(0)) \
                or before.endswith("(") and is_listing(m.group(0)):
            role["number"] += 1
        elif IS_A_TRIAL.match(after) or AS_TRIAL_LIST.match(after) \
                or before.endswith(", ") and after[:1] == "," and TRIAL_COMMA.search(before):
            role["trial"] += 1  # "a Phase 2 trial, ACM-203, will enroll": the trial's own name
        elif AS_THING_AFTER.match(after):
            role["thing"] += 1
        elif opens and (after[:1] in (",", ")", "/") and THING_BEFORE.search(before)
                        or before.endswith("(") and PATHOGEN_BEFORE.search(before)):
            role["thing"] += 1
        elif OWN_TRIAL.search(before) and AS_TRIAL_AFTER.match(after):
            role["trial"] += 1  # "its FOO12 TRIAL study": "its" owns the trial, not a drug
        elif AS_DRUG_BEFORE.search(before) or AS_DRUG_AFTER.match(after) or form_follows(after) \
                or names_in_brackets(after):
            role["drug"] += 1
        elif (AS_TRIAL_AFTER_PHASE if len(NOT_DIGIT.sub("", m.group(0))) <= 2 else AS_TRIAL_AFTER).match(after) \
                or before.endswith("(") and TRIAL_BEFORE.search(
                text, max(0, m.start() - 100), m.start()):
            role["trial"] += 1
        elif AS_TARGET_AFTER.match(after) or AS_TARGET_BEFORE.search(before) \
                or before.endswith("(") and PROTEIN_BEFORE.search(before):
            role["target"] += 1
    not_drugs, numbers = set(), set()
    drugs = {key for key, role in roles.items() if role["drug"]}
    for key, role in roles.items():
        if re.fullmatch(r"[a-z]{1,2}\d{1,2}", key) and not role["drug"]:
            not_drugs.add(key)  # "K-12", "PC-3": so short a code needs a drug's role somewhere
            continue
        if role["number"] == role["all"]:
            numbers.add(key)
        elif not role["drug"] and (role["thing"] or key in gene_symbols()):
            not_drugs.add(key)  # a device's or a vector's code, a protein's symbol
        elif not role["drug"] and (role["trial"] or role["target"] * 2 >= role["all"]):
            not_drugs.add(key)
    return not_drugs, numbers, drugs
