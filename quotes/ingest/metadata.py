"""Build Articles, filling in the date, outlet and title when the source did not give them.

Order of trust, field by field: the folder's sources.json (an explicit null there means "known to be
unknown" and is kept), then what the format itself carries (JSON fields, HTML metadata), then what
the text says, then a date in the article's web address, then last-resort hints such as a WARC
capture date.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import regex

from quotes.ingest.dates import date_from_url, find_date, iso_date
from quotes.ingest.identity import article_id
from quotes.model import Article
from quotes.outlets import outlet_from_url, outlet_name

FIELDS = ("url", "outlet", "published", "title")

# "Published: September 25, 2019, 9:12pm", "Posted on 2019-09-25", "First published Sept. 25, 2019".
_LABELLED = regex.compile(
    r"^\W*(?:(?:first|originally)\s+)?(?:published|posted|dated?|released|filed)(?:\s+on)?\s*[:\-–—|]?\s*",
    regex.I,
)
# Changes after publication are not the publication date: "UPDATE 7/31/18", "Last updated ...".
_UPDATED = regex.compile(
    r"^\W*(?:last\s+)?(?:updated?|modified|revised|corrected|edited)\b", regex.I
)
# A dateline opens the story: "WASHINGTON, Sept. 25, 2019 —", "Sept. 25, 2019 (AP) —".
_DATELINE_TAIL = regex.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?[—–-]")
_DATELINE_HEAD = regex.compile(r"^(?:[A-Z][A-Za-z.'’ ]{1,40},\s*(?:[A-Z][A-Za-z. ]{1,20},\s*)?)?$")
_WORDY = regex.compile(r"\p{L}{4,}")  # a word, where only a time ("9:12 PM PDT") may stand
_BYLINE = regex.compile(r"^\s*(?:By|From)\s+[A-Z]")
DATELINE_REACH = 100  # a dateline's date comes within this many characters of the line's start
HEAD_LINES = 40  # dates and bylines sit near the top; the body below is full of other dates
HEAD_CHARS = 50_000  # ... and within this many characters, however long the article's lines
MAX_TITLE = 200


def make_article(
    text: str,
    source: str,
    given: Mapping[str, Any] | None = None,
    sidecar: Mapping[str, Any] | None = None,
    fallback: Mapping[str, Any] | None = None,
    id: object = None,
) -> Article:
    """An Article whose metadata comes from the most trusted place that has it.

    `id` is an id the record itself gives; the article's id comes from quotes/ingest/identity.py.
    """
    given, sidecar, fallback = given or {}, sidecar or {}, fallback or {}
    meta: dict[str, Any] = {}
    for name in FIELDS:
        if name in sidecar:
            meta[name] = sidecar[name]
        elif given.get(name):
            meta[name] = given[name]
    url = _clean(meta.get("url"))
    published = iso_date(meta.get("published"))
    if published is None and "published" not in sidecar:  # none given, or none readable
        published = (
            infer_published(text)
            or (date_from_url(url) if url else None)
            or iso_date(fallback.get("published"))
        )
    if "title" not in meta:
        meta["title"] = infer_title(text)
    outlet = _clean(meta.get("outlet"))
    if "outlet" not in sidecar and not outlet and url:
        outlet = outlet_from_url(url)
    given_id = sidecar.get("id") or id
    return Article(
        id=article_id(url, str(given_id) if given_id else None, text),
        text=text,
        url=url,
        outlet=outlet_name(outlet) if outlet else None,
        published=published,
        title=_clean(meta.get("title")),
        source=source,
    )


def infer_published(text: str) -> str | None:
    """The publication date the text states: a "Published:" label, a dateline, or a dated byline."""
    lines = _head(text)
    for line in lines:
        label = _LABELLED.match(line)
        after = line[label.end() :] if label and not _UPDATED.match(line) else ""
        found = find_date(after) if after else None
        if found and not _WORDY.search(after[: found[1]]):  # at most a time before the date
            return found[0]
    for line in lines:
        found = find_date(line[:DATELINE_REACH])
        if (
            found
            and not _UPDATED.match(line)
            and _DATELINE_HEAD.match(line[: found[1]])
            and _DATELINE_TAIL.match(line[found[2] :])
        ):
            return found[0]
    for i, line in enumerate(lines):
        if _BYLINE.match(line):
            found = find_date(line)  # "By Dana Whitfield | March 4, 2021"
            if found and _time_only(line[found[2] :]):
                return found[0]
            for near in lines[max(0, i - 2) : i + 3]:
                if (found := find_date(near)) and _only_date(near, found):
                    return found[0]
    return None


def infer_title(text: str) -> str | None:
    """The first line when it reads like a headline: short, no closing full stop, not a date."""
    first = next((line.strip() for line in _head(text) if line.strip()), "")
    if len(first) > MAX_TITLE:
        return None
    words = first.split()
    if not 3 <= len(words) <= 30:
        return None
    if first.endswith((".", ",", ":", ";")) and not first.endswith("..."):
        return None
    if find_date(first):
        return None
    if _BYLINE.match(first) or first.isupper() and len(words) > 12:
        return None
    return first


def _head(text: str) -> list[str]:
    """The opening lines, where a title, dateline or byline can be; never a copy of the whole."""
    return text[:HEAD_CHARS].lstrip("\ufeff").splitlines()[:HEAD_LINES]


def _only_date(line: str, found: tuple[str, int, int]) -> bool:
    """Whether a line holds a date and nothing else of substance (a time or weekday at most)."""
    return _time_only(line[: found[1]] + " " + line[found[2] :])


def _time_only(rest: str) -> bool:
    """Whether what is left beside a date is at most a time and a time zone: "9:12 pm PDT"."""
    rest = regex.sub(r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?|\b[ap]\.?m\.?\b|\b[A-Z]{2,4}\b", "", rest)
    return not regex.search(r"\p{L}{3,}", rest)


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    return " ".join(str(value).split()) or None
