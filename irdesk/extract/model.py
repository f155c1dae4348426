"""What a release means as data (see ../shared/EXTRACTION.md), with provenance.

Every entity keeps ``spans``: for each field it found, the ``(start, end)`` offsets in
``ParsedRelease.text`` it came from, so the app can show where a value was read.
List fields are keyed ``"field[i]"``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

Span = tuple[int, int]


@dataclass
class Release:
    date: str | None = None
    headline: str | None = None
    company: str | None = None
    tickers: list[str] = field(default_factory=list)
    city: str | None = None
    wire: str | None = None
    spans: dict[str, Span] = field(default_factory=dict)


@dataclass
class Presentation:
    title: str | None = None
    abstract: str | None = None
    kind: str | None = None
    starts_at: str | None = None
    location: str | None = None
    session: str | None = None
    meeting: str | None = None
    compounds: list[str] = field(default_factory=list)
    spans: dict[str, Span] = field(default_factory=dict)


@dataclass
class Compound:
    name: str
    aliases: list[str] = field(default_factory=list)
    company: str | None = None
    target: str | None = None
    spans: dict[str, Span] = field(default_factory=dict)

    def all_names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class Contact:
    name: str | None = None
    organization: str | None = None
    title: str | None = None
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    audience: str | None = None
    spans: dict[str, Span] = field(default_factory=dict)


@dataclass
class Section:
    """A block of the release kept for the app: an "About ..." section, the safe harbour."""

    heading: str
    text: str
    span: Span


@dataclass
class ParsedRelease:
    text: str
    source: str | None = None
    release: Release = field(default_factory=Release)
    presentations: list[Presentation] = field(default_factory=list)
    compounds: list[Compound] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    about: list[Section] = field(default_factory=list)
    forward_looking: Section | None = None
    warnings: list[str] = field(default_factory=list)

    def to_json(self, spans: bool = False) -> dict:
        """The contract's object; with ``spans`` each entity also carries its provenance."""

        def entity(obj) -> dict:
            data = asdict(obj)
            found = data.pop("spans")
            if spans:
                data["spans"] = {k: list(v) for k, v in found.items()}
            return data

        out = {
            "source": self.source,
            "release": entity(self.release),
            "presentations": [entity(p) for p in self.presentations],
            "compounds": [entity(c) for c in self.compounds],
            "contacts": [entity(c) for c in self.contacts],
        }
        if self.warnings:
            out["warnings"] = list(self.warnings)
        if spans:
            out["about"] = [asdict(s) for s in self.about]
            out["forward_looking"] = asdict(self.forward_looking) if self.forward_looking else None
        return out
