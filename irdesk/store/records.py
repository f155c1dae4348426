"""What a person may change by hand: these rows carry a version, so that a change made on
a row someone else changed since it was shown is noticed, not written over."""

from __future__ import annotations

EDITABLE = {
    "releases": ("date", "headline", "company", "city", "wire", "tickers"),
    "compounds": ("name", "company", "target"),
    "contacts": ("name", "organization", "title", "phone", "email", "audience"),
    "presentations": ("title", "abstract", "kind", "starts_at", "location", "session"),
}

# Every table of a store, on both back ends.
TABLES = ("companies", "releases", "sources", "sections", "spans", "release_keys", "compounds", "compound_names",
          "release_compounds", "meetings", "presentations", "presentation_compounds", "contacts", "appearances",
          "corrections")
