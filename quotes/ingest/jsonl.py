"""JSON Lines corpora, one article per line, from our own format or a crawler's; also .json files.

Field names, first present wins (case-insensitive):

==========  ==============================================================================
ours        crawler spellings accepted
==========  ==============================================================================
id          id, _id, uuid, guid, article_id, doc_id
text        text, maintext (news-please), content, body, article, article_text, full_text
            (a list of paragraphs, or one paragraph per line, gets blank lines between)
html        html, raw_html, content_html: a page, run through the HTML reader (so is a text
            field that holds markup)
url         url, link, canonical_url, source_url, uri, article_url
outlet      outlet, publisher, sitename, site_name, source_name, source, media, newspaper;
            or the domain in source_domain (news-please), domain, hostname, site
published   published, date_publish (news-please), published_at, publish_date, pubdate,
            date_published, datepublished, pub_date, date, created_at
title       title, headline
==========  ==============================================================================

Download and modification dates (news-please's date_download, date_modify) are never taken for the
publication date. A value that is an object with a "name" (schema.org publisher) gives its name.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import regex

from quotes.ingest.files import MAX_ARTICLE_BYTES, TooLarge, capped_lines, read_capped
from quotes.ingest.html import NoArticle, extract_page
from quotes.ingest.metadata import make_article
from quotes.ingest.text import decode, normalise, paragraphs_apart
from quotes.model import Article, Problem
from quotes.outlets import domain_of

FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "_id", "uuid", "guid", "article_id", "doc_id"),
    "text": ("text", "maintext", "content", "body", "article", "article_text", "full_text"),
    "html": ("html", "raw_html", "content_html"),
    "url": ("url", "link", "canonical_url", "source_url", "uri", "article_url"),
    "outlet": (
        "outlet", "publisher", "sitename", "site_name", "source_name", "source", "media",
        "newspaper",
    ),
    "domain": ("source_domain", "domain", "hostname", "site"),
    "published": (
        "published", "date_publish", "published_at", "publish_date", "pubdate", "date_published",
        "datepublished", "pub_date", "date", "created_at",
    ),
    "title": ("title", "headline"),
}  # fmt: skip

# Text fields that hold a page's markup rather than its words ("content": "<p>...</p>").
_MARKUP = regex.compile(r"</(?:p|div|article|span)>|<(?:p|br|div)\b[^>]*>", regex.I)
_TAG = regex.compile(r"</?[A-Za-z][^<>]{0,200}>")


def read_jsonl(path: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Article | Problem]:
    """One Article per good line; one Problem per bad line, and the lines after it still read.

    Lines are read (and gzip inflated) in bounded pieces: a line over `max_bytes` is a Problem,
    never held in memory whole. A file cut short keeps what was read and says where it broke.
    """
    source = str(path)
    n = records = 0
    try:
        with _open(path) as f:
            for n, raw in enumerate(capped_lines(f, max_bytes), 1):
                if isinstance(raw, TooLarge):
                    records += 1
                    yield Problem(f"{source}#{n}", str(raw))
                elif raw.strip():
                    records += 1
                    yield _record(raw, f"{source}#{n}")
    except (OSError, EOFError, zlib.error) as exc:
        yield Problem(f"{source}#{n + 1}", f"cannot read past line {n}: {exc}")
        return
    if not records:
        yield Problem(source, "empty file")


def _open(path: Path) -> BinaryIO:
    with path.open("rb") as f:
        gzipped = f.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rb") if gzipped else path.open("rb")  # type: ignore[return-value]


def read_json(path: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Article | Problem]:
    """A .json file: one article (news-please writes one file per article) or a list of them.

    The whole file is parsed at once, so it is held to the article size cap; a larger corpus
    belongs in JSON Lines.
    """
    source = str(path)
    raw = read_capped(path, max_bytes)
    if not raw.strip():
        yield Problem(source, "empty file")
        return
    try:
        data = _loads(raw)
    except ValueError as exc:
        yield Problem(source, str(exc))
        return
    if not isinstance(data, list):
        yield _article(data, source)
        return
    for n, rec in enumerate(data, 1):
        yield _article(rec, f"{source}#{n}")


def _record(raw: bytes, where: str) -> Article | Problem:
    try:
        rec = _loads(raw)
    except ValueError as exc:
        return Problem(where, str(exc))
    return _article(rec, where)


def _loads(raw: bytes) -> Any:
    """Parsed JSON, or ValueError saying why not (undecodable, malformed, nested too deep)."""
    try:
        return json.loads(decode(raw).strip())
    except json.JSONDecodeError as exc:
        raise ValueError(
            f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from exc
    except RecursionError as exc:
        raise ValueError("JSON nested too deeply to be an article") from exc


def _article(rec: Any, where: str) -> Article | Problem:
    """The article in one JSON record, whichever field names it uses."""
    if not isinstance(rec, dict):
        return Problem(where, f"expected a JSON object, found {type(rec).__name__}")
    fields = map_fields(rec)
    text = paragraphs_apart(normalise(str(fields.get("text") or "")))
    given = {k: fields[k] for k in ("url", "outlet", "published", "title") if fields.get(k)}
    markup = (text if _MARKUP.search(text[:2000]) else None) if text else fields.get("html")
    if markup:
        try:
            text, page = extract_page(str(markup), fields.get("url"))
        except NoArticle as exc:
            if markup is not text:
                return Problem(where, str(exc))
            # text with a stray tag of page clutter ("<span>Photograph: …</span>") is still text
            text, page = _TAG.sub("", text), {}
        given = page | given
    if not text.strip():
        names = ", ".join(FIELD_NAMES["text"])
        return Problem(where, f"record has no article text (looked for: {names})")
    if not given.get("outlet") and fields.get("domain"):
        given["outlet"] = domain_of(str(fields["domain"])) or fields["domain"]
    return make_article(text, where, given, id=fields.get("id"))


def map_fields(rec: dict[str, Any]) -> dict[str, Any]:
    """Our field names filled from whichever spelling the record uses."""
    lower = {str(k).lower(): v for k, v in rec.items()}
    out: dict[str, Any] = {}
    for ours, names in FIELD_NAMES.items():
        for name in names:
            value = lower.get(name)
            if ours == "text" and isinstance(value, list):  # a list of paragraphs
                value = "\n\n".join(str(v) for v in value if v)
            if isinstance(value, dict):
                value = value.get("name") or value.get("@id")
            if isinstance(value, list):
                value = value[0] if value and isinstance(value[0], str | int | float) else None
            if value not in (None, ""):
                out[ours] = value
                break
    return out
