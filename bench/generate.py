#!/usr/bin/env python3
"""Write any number of realistic, fictional press releases (the corpus's shapes, invented
companies, compounds, meetings, dates and contacts).

    .venv/bin/python bench/generate.py COUNT FOLDER [--seed N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Iterator
from pathlib import Path

PREFIXES = ["Nor", "Vel", "Ast", "Cor", "Lum", "Ver", "Hel", "Ori", "Zen", "Kai", "Sol", "Aer", "Bry", "Cal",
            "Dex", "Eno", "Fal", "Gal", "Ith", "Jun", "Kor", "Lyr", "Mav", "Nex", "Oby", "Pyr", "Qua", "Rho"]
SUFFIXES = ["wind", "ara", "ion", "ova", "exa", "igen", "tera", "cyte", "gen", "mune", "vance", "thera"]
KINDS = ["Therapeutics", "Biosciences", "Pharmaceuticals", "Bio", "Oncology", "Medicines", "Biotherapeutics"]
CITIES = [("BOSTON", "Mass."), ("CAMBRIDGE", "Mass."), ("SAN DIEGO", "Calif."), ("SOUTH SAN FRANCISCO", "Calif."),
          ("WALTHAM", "Mass."), ("PRINCETON", "N.J."), ("SEATTLE", "Wash."), ("NEW YORK", "N.Y."),
          ("ATLANTA", "GA"), ("DURHAM", "N.C.")]
MEETINGS = ["Annual Meeting of the Imaginary Society of Oncology", "European Congress of Invented Hematology",
            "World Conjugate Summit", "International Symposium on Fictional Immunology",
            "Annual Conference on Made-Up Gene Therapy", "Global Healthcare Investor Conference"]
TARGETS = ["HER3", "TROP2", "CD38", "BCMA", "CLDN18", "FGFR2", "KRAS", "PD-L1", "B7-H3", "CD70"]
STEMS = ["tamab", "lizumab", "tinib", "parib", "ciclib"]
FIRST = ["Ada", "Grace", "Alan", "Barbara", "Carol", "David", "Emma", "Frank", "Helen", "Ivan", "Julia", "Karl",
         "Laura", "Maria", "Nina", "Oscar", "Paula", "Quinn", "Rosa", "Sam"]
LAST = ["Hopper", "Lovelace", "Turing", "Liskov", "Shaw", "Meyer", "Okafor", "Novak", "Silva", "Berg", "Costa",
        "Duarte", "Evans", "Fischer", "Garcia", "Hansen", "Ito", "Jensen", "Kowalski", "Larsen"]


def company(rng: random.Random) -> tuple[str, str, str]:
    stem = rng.choice(PREFIXES) + rng.choice(SUFFIXES)
    ticker = (stem[:3] + rng.choice("XQZVB")).upper()
    return f"{stem} {rng.choice(KINDS)}, Inc.", stem, ticker


def dateline(rng: random.Random, day: dt.date) -> str:
    city, state = rng.choice(CITIES)
    when = day.strftime("%B %-d, %Y")
    return rng.choice([
        f"{city}, {state}--(BUSINESS WIRE)--",
        f"{city}, {state}, {when} (GLOBE NEWSWIRE) --",
        f"{city}, {state}, {day.strftime('%b. %-d, %Y')} /PRNewswire/ --",
        f"{city}, {state} - {when} (NEWMEDIAWIRE) -",
    ])


def release(rng: random.Random, number: int) -> str:
    name, stem, ticker = company(rng)
    day = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(5000))
    code = f"{stem[:3].upper()}-{rng.randrange(100, 999)}"
    # One INN per code name, as in the world: the same compound is called the same in every release.
    naming = random.Random(code)
    inn = stem.lower()[:3] + "".join(naming.choice("aeiou") + naming.choice("lmnrtvz") for _ in range(3)) \
        + naming.choice(STEMS)
    meeting = f"{rng.randrange(2, 60)}th {rng.choice(MEETINGS)}"
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    talk = ""
    if rng.random() < 0.6:
        kind = rng.choice(["Oral", "Poster"])
        talk = (f"{code} {kind} Presentation\n\nTitle: \"Results of a Phase {rng.choice(['1', '2', '1/2'])} Study of "
                f"{code} in Patients with Solid Tumors, Cohort {number}\" (Abstract #{rng.randrange(100, 9999)})\n"
                f"Date/Time: {(day + dt.timedelta(days=rng.randrange(3, 60))).strftime('%B %-d, %Y')}, "
                f"{rng.randrange(1, 12)}:{rng.choice(['00', '15', '30', '45'])} p.m. ET, Hall {rng.choice('ABCDE')}\n\n")
    return f"""{name.split(',')[0]} Announces New Data for {code} at the {meeting} (Release {number})

{dateline(rng, day)} {name} (Nasdaq: {ticker}), a clinical-stage biotechnology company, today announced
that data for {code} ({inn}), its {rng.choice(TARGETS)}-targeting candidate, will be presented at the {meeting}.
Release number {number} describes progress across the program and the company's plans for {day.year + 1}.

{talk}"We are encouraged by these results," said {rng.choice(FIRST)} {rng.choice(LAST)}, Chief Executive Officer.
The study enrolled {rng.randrange(20, 400)} patients across {rng.randrange(5, 80)} sites.

About {code}
{code} is an investigational antibody-drug conjugate developed by {name.split(',')[0]}.

About {name.split(',')[0]}
{name} develops medicines for patients with cancer. For more information visit www.{stem.lower()}.example.

Forward-Looking Statements
This press release contains forward-looking statements within the meaning of the Private Securities
Litigation Reform Act of 1995, which involve risks and uncertainties.

Investor Contact:
{person}, 617-555-{rng.randrange(1000, 9999)}
ir@{stem.lower()}.example
"""


def generate(count: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    rng = random.Random(seed)
    for number in range(count):
        yield f"release-{number:06d}.txt", release(rng, number)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    for name, text in generate(args.count, args.seed):
        (args.folder / name).write_text(text, encoding="utf-8")
    print(f"wrote {args.count} releases to {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
