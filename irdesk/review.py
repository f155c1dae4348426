"""What a user changes in the review before an import: release fields corrected, entities
left out. Qt-free: the review dialog keeps a ``Review`` per item and the importer stores
the corrected release with a ``Correction`` for each change (its provenance)."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from .extract.model import ParsedRelease

# The release fields the review lets a user correct, with their labels.
FIELDS = {"date": "Date", "headline": "Headline", "company": "Issuer", "city": "Dateline", "wire": "Wire"}
ENTITIES = ("presentations", "compounds", "contacts")


class Correction(NamedTuple):
    """One change the user made: a field's value (``was`` → ``now``), or an entity left out
    (``field`` is "presentation", "compound" or "contact"; ``now`` is None)."""

    field: str
    was: str | None
    now: str | None


@dataclass
class Review:
    fields: dict[str, str | None] = field(default_factory=dict)  # corrected release fields
    dropped: set[tuple[str, int]] = field(default_factory=set)  # ("contacts", 2): left out

    def __bool__(self) -> bool:
        return bool(self.fields or self.dropped)

    def set_field(self, parsed: ParsedRelease, name: str, value: str | None) -> None:
        """A field as the user typed it; typing back what was read undoes the correction.
        A date that is no day (``2025-02-30``, half typed) raises ValueError with a sentence."""
        if name not in FIELDS:
            raise ValueError(f"{name} cannot be corrected")
        value = (value or "").strip() or None
        if name == "date" and value is not None:
            try:
                value = dt.date.fromisoformat(value).isoformat()
            except ValueError:
                shape = len(value) == 10 and value[4] == value[7] == "-"
                raise ValueError("there is no such day" if shape else "a date is written YYYY-MM-DD, as 2025-03-14") \
                    from None
        if value == getattr(parsed.release, name):
            self.fields.pop(name, None)
        else:
            self.fields[name] = value

    def keep(self, kind: str, index: int, kept: bool) -> None:
        if kind not in ENTITIES:
            raise ValueError(kind)
        (self.dropped.discard if kept else self.dropped.add)((kind, index))

    def apply(self, parsed: ParsedRelease) -> tuple[ParsedRelease, list[Correction]]:
        """A corrected copy (the read stays as it was, so a change can be taken back) and
        what was changed. A corrected field loses its span: it was not read from the text."""
        if not self:
            return parsed, []
        out = copy.copy(parsed)
        out.release = copy.copy(parsed.release)
        out.release.spans = dict(parsed.release.spans)
        corrections = []
        for name, value in self.fields.items():
            corrections.append(Correction(name, getattr(parsed.release, name), value))
            setattr(out.release, name, value)
            out.release.spans.pop(name, None)
        for kind in ENTITIES:
            kept = []
            for n, entity in enumerate(getattr(parsed, kind)):
                if (kind, n) in self.dropped:
                    corrections.append(Correction(kind[:-1], label(kind, entity), None))
                else:
                    kept.append(entity)
            setattr(out, kind, kept)
        gone = {name for c in parsed.compounds for name in c.all_names()} - \
            {name for c in out.compounds for name in c.all_names()}
        if gone:  # a compound left out is no longer what a presentation is about
            out.presentations = [_without_compounds(p, gone) for p in out.presentations]
        return out, corrections


def _without_compounds(presentation, names: set[str]):
    if not names.intersection(presentation.compounds):
        return presentation
    p = copy.copy(presentation)
    p.compounds = [c for c in presentation.compounds if c not in names]
    p.spans = {k: v for k, v in presentation.spans.items() if not k.startswith("compounds[")}
    return p


def label(kind: str, entity) -> str:
    """How an entity is named in the review's list and in its provenance."""
    if kind == "presentations":
        return entity.title or entity.meeting or "Presentation"
    return entity.name or "(no name)"
