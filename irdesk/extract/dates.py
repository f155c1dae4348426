"""Dates, times and the time zones releases name ("Dec. 10 at 4:45 pm ET")."""

from __future__ import annotations

import datetime as dt
import re

from dateutil import tz

from .vocab import load_rows

MONTH = (r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
         r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)"

# The look-ahead names the first letters of every weekday and month, and the digits: most
# positions fail there, before the case-blind alternatives are tried.
DATE = re.compile(
    rf"(?=[adfjmnostw\d])\b(?:{WEEKDAY})?(?:{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?"
    rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH.replace('month', 'month2')}"
    rf"(?:,?\s+(?P<year2>(?:19|20)\d\d))?)\b",
    re.I)

# A zone abbreviation names a region (IANA tz database); its offset on a date is the region's.
ZONES = {abbr.upper(): zone for abbr, zone, *_ in load_rows("time_zones.tsv")}
_ABBRS = sorted((a for a in ZONES if len(a) <= 5), key=len, reverse=True)
_WORDS = sorted((a for a in ZONES if len(a) > 5), key=len, reverse=True)
# Upper-case abbreviations only ("et al." is no zone); a capital may follow when a lost line
# break glued the next label on ("2:45pm CESTFormat:").
_SPELLED = "|".join(w.replace(" ", r"\s+") for w in _WORDS)
ZONE = (r"(?P<zone>(?:" + "|".join(_ABBRS) + r")(?![a-z])(?![A-Z](?![a-z]))"
        r"|(?i:" + _SPELLED + r")(?:\s+(?:Standard|Daylight))?(?:\s+Time)?\b)")

TIME = re.compile(
    r"\b(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<ampm>[ap])\.?\s?m\.?(?![a-z])"
    r"|\b(?P<hour24>[01]?\d|2[0-3])[:.](?P<minute24>[0-5]\d)(?!\s*[ap]\.?m)(?=\s*(?:h\b|hrs\b|"
    + "|".join(_ABBRS) + r"|local|[–-]|to\b|(?i:" + _SPELLED + r")\b))",
    re.I)
TIME_ZONE = re.compile(r"\s*(?:\(?\s*" + ZONE + r"\)?|(?P<local>(?i:local time)))")


def month_number(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def date_from_match(m: re.Match, default_year: int | None = None) -> dt.date | None:
    month = m.group("month") or m.group("month2")
    day = m.group("day") or m.group("day2")
    year = m.group("year") or m.group("year2")
    year = int(year) if year else default_year
    if not year:
        return None
    try:
        return dt.date(year, month_number(month), int(day))
    except ValueError:
        return None


def time_from_match(m: re.Match) -> dt.time | None:
    if m.group("hour24"):
        hour = int(m.group("hour24"))
        # "6:00-8:00 pm": the range's end says which half of the day both are in.
        ranged = re.match(r"\s*(?:[-–]|to)\s*\d{1,2}(?:[:.]\d{2})?\s*([ap])\.?\s?m", m.string[m.end():m.end() + 20], re.I)
        if ranged and hour < 12 and ranged.group(1).lower() == "p":
            hour += 12
        return dt.time(hour, int(m.group("minute24")))
    hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    if m.group("ampm").lower() == "p" and hour != 12:
        hour += 12
    elif m.group("ampm").lower() == "a" and hour == 12:
        hour = 0
    return dt.time(hour, minute)


def zone_after(text: str, pos: int) -> str | None:
    """The zone named right after a time (or after the end of its range), if any."""
    return zone_and_end(text, pos)[0]


def zone_and_end(text: str, pos: int) -> tuple[str | None, int]:
    """The zone after a time, and where the words about the time end (zone included)."""
    rest = text[pos:pos + 40]
    skipped = 1 if rest.startswith(".") else 0  # "p.m" cut at a sentence's end: "p.m. CT"
    rest = rest[skipped:]
    span = re.match(r"\s*(?:[-–]|to)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?", rest, re.I)
    if span:
        rest, skipped = rest[span.end():], skipped + span.end()
    m = TIME_ZONE.match(rest)
    if not m:
        return None, pos
    if m.group("local"):
        return "local", pos + skipped + m.end()
    return _zone_key(m.group("zone")), pos + skipped + m.end()


def _zone_key(written: str) -> str:
    """The vocabulary key of a zone as written: the whole spelled-out name when it is one
    ("Central European Summer Time"), else its first word ("Eastern Daylight Time" -> EASTERN)."""
    name = " ".join(written.upper().split())
    if name in ZONES:
        return name
    trimmed = re.sub(r"\s+(?:STANDARD|DAYLIGHT)?\s*TIME$", "", name)
    return trimmed if trimmed in ZONES else name.split()[0]


def localize(day: dt.date, time: dt.time | None, zone: str | None) -> str:
    """ISO 8601: the date alone without a time; with the offset of the named zone."""
    if time is None:
        return day.isoformat()
    moment = dt.datetime.combine(day, time)
    name = ZONES.get(zone or "")
    if name:
        moment = moment.replace(tzinfo=tz.gettz(name))
    return moment.isoformat()


def find_when(text: str, start: int, end: int, year: int | None,
              reach: int = 60, floor: int | None = None) -> tuple[str, tuple[int, int]] | None:
    """The first date in text[start:end] as ISO 8601, with the time written next to it (before
    or after, within ``reach`` characters) when a zone is named; and where those words lie."""
    d = DATE.search(text, start, end)
    if not d:
        return None
    day = date_from_match(d, year)
    if day is None:
        return None
    t = TIME.search(text, d.end(), min(end, d.end() + reach))
    if t is None:  # "at 2:30 p.m. ET on Saturday, December 7"
        low = start if floor is None else floor
        t = next((m for m in TIME.finditer(text, max(low, d.start() - reach), d.start())), None)
    if t is None:
        return day.isoformat(), d.span()
    zone, zone_end = zone_and_end(text, t.end())
    moment = time_from_match(t)
    if zone in (None, "local") or moment is None:
        # without a zone we cannot say which instant; the day is still right
        return day.isoformat(), d.span()
    return localize(day, moment, zone), (min(d.start(), t.start()), max(d.end(), zone_end))


_RANGE_AFTER = re.compile(r"\s*(?:[-–]|through|to|until)\s*(?:[A-Z][a-z]+\.?\s+)?\d")
# a dash ends a range only after a day ("Sept. 28 – Oct. 3"); "Title – Sunday, June 22" is a separator
_RANGE_BEFORE = re.compile(r"(?:\b(?:from|between|through|to|until)|(?:\b\d{1,2}(?:st|nd|rd|th)?|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+"
                           r"(?:19|20)\d\d),?\s*[-–])\s*(?:\w+day,?\s+)?$")


def is_range(text: str, m: re.Match) -> bool:
    """Whether a date is one end of a range ("December 7-10", "Sept. 28 to Oct. 3"): a
    meeting's dates, not a talk's."""
    return bool(re.search(r"\d\s*[-–]\s*\d", m.group(0)) or _RANGE_AFTER.match(text, m.end(), m.end() + 25)
                or _RANGE_BEFORE.search(text[max(0, m.start() - 30):m.start()]))


def add_time(day_iso: str, text: str, start: int, end: int) -> str | None:
    """A date given on its own ("Date: June 5, 2025") completed by a time given on its own
    ("Time: 10:00 a.m. ET"), when the time names its zone."""
    t = TIME.search(text, start, end)
    if t is None or len(day_iso) != 10:
        return None
    zone, _ = zone_and_end(text, t.end())
    moment = time_from_match(t)
    if zone in (None, "local") or moment is None:
        return None
    return localize(dt.date.fromisoformat(day_iso), moment, zone)
