"""The many ways news writes a date, as ISO YYYY-MM-DD, so articles sort by first appearance."""

from __future__ import annotations

from datetime import UTC, date, datetime

import regex

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
# Each pattern names year, month and day; the text may carry a weekday before and a time after.
DATE_PATTERNS = [
    regex.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
    regex.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r"\s*,?\s*(?P<year>\d{4})\b", regex.I),
    regex.compile(_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})\b", regex.I),
    regex.compile(r"(?<![\d/])(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])"),
]  # fmt: skip


EARLIEST_YEAR = 1800
_DIGIT = regex.compile(r"\d")
_YEAR = regex.compile(r"\d{4}")


def iso_date(value: object) -> str | None:
    """The calendar date of `value` (ISO text, prose date, datetime, epoch seconds), or None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    text = str(value).strip()
    if regex.fullmatch(r"\d{10}(?:\d{3})?(?:\.\d+)?", text):
        return _from_epoch(float(text))
    found = find_date(text)
    return found[0] if found else None


_URL_DATE = regex.compile(
    r"/(?P<year>(?:19|20)\d{2})[/-](?P<month>\d{1,2}|[a-z]{3})[/-](?P<day>\d{1,2})(?:/|-|$)"
    r"|/(?P<year>(?:19|20)\d{2})(?P<month>\d{2})(?P<day>\d{2})/",
    regex.I,
)


def date_from_url(url: str) -> str | None:
    """The date many sites put in their article paths: /2018/07/30/, /2019/sep/25/, /20210304/."""
    m = _URL_DATE.search(url)
    if not m or (not m["month"].isdigit() and m["month"][:3].lower() not in MONTHS):
        return None
    return _valid(m["year"], m["month"], m["day"])


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first valid date written in `text`, with where it starts and ends."""
    best: tuple[str, int, int] | None = None
    if not _DIGIT.search(text):
        return None
    year = bool(_YEAR.search(text))  # what each pattern needs, looked for before reading it
    needs = (year and "-" in text, year, year, "/" in text)
    for pattern, needed in zip(DATE_PATTERNS, needs, strict=True):
        if not needed:
            continue
        for m in pattern.finditer(text):
            iso = _valid(m["year"], m["month"], m["day"])
            if iso and (best is None or m.start() < best[1]):
                best = (iso, m.start(), m.end())
                break
    return best


def _valid(year: str, month: str, day: str) -> str | None:
    y = int(year) + (2000 if len(year) == 2 and int(year) < 70 else 1900 if len(year) == 2 else 0)
    m = int(month) if month.isdigit() else MONTHS[month[:3].lower()]
    if not EARLIEST_YEAR <= y <= date.today().year + 1:  # a typo or a placeholder, not a news date
        return None
    try:
        return date(y, m, int(day)).isoformat()
    except ValueError:
        return None


def _from_epoch(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds, as JavaScript writes them
        seconds /= 1000
    try:
        day = datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return _valid(str(day.year), str(day.month), str(day.day))
