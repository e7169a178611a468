"""Read articles from files and folders: every input yields Articles or a Problem, never an error.

Plain text (.txt, with metadata from the folder's sources.json), web pages (.html, .htm), JSON Lines
(.jsonl, .jsonl.gz), JSON (.json: one article or a list, as news-please writes them) and web
archives (.warc, .warc.gz). Files of other names are read by content.

sources.json is a list of objects: {"file": name in the folder, "url", "outlet", "published",
"title", and optionally "id"}; other keys (a "note") are ignored. Its values win over anything
found in the file, and an explicit null there means "unknown" and stops inference.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlite_utils.utils import hash_record

from quotes.ingest.files import SIDECAR, kind_of, load_sidecar, walk
from quotes.ingest.html import NoArticle, extract_page, looks_like_html
from quotes.ingest.jsonl import read_json, read_jsonl
from quotes.ingest.metadata import make_article
from quotes.ingest.text import DecodeError, decode, normalise
from quotes.ingest.warc import read_warc
from quotes.model import Article, Problem

__all__ = ["SIDECAR", "read_articles", "read_file"]


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | Problem]:
    """Every article found under `paths` (files or folders), and a Problem for each bad input."""
    sidecars: dict[Path, dict[str, dict[str, Any]]] = {}
    texts_by_id: dict[str, str] = {}
    for file in walk(paths):
        if isinstance(file, Problem):
            yield file
            continue
        if file.parent not in sidecars:
            sidecars[file.parent], trouble = load_sidecar(file.parent)
            if trouble:
                yield Problem(str(file.parent / SIDECAR), trouble)
        for item in read_file(file, sidecars[file.parent].get(file.name)):
            if isinstance(item, Article):
                item = _unique(item, texts_by_id)
            yield item


def _unique(article: Article, texts_by_id: dict[str, str]) -> Article:
    """Give a different article that arrives under a taken id (a/story.txt, b/story.txt) its own."""
    seen = texts_by_id.setdefault(article.id, article.text)
    if seen == article.text:
        return article
    own_id = f"{article.id}-{hash_record({'source': article.source})[:8]}"
    texts_by_id.setdefault(own_id, article.text)
    return replace(article, id=own_id)


def read_file(file: Path, sidecar: dict[str, Any] | None = None) -> Iterator[Article | Problem]:
    """The articles in one file, whatever its kind; a Problem instead of any error."""
    source = str(file)
    if file.exists() and not file.is_file():  # a pipe or a device would block the read forever
        yield Problem(source, "not a regular file")
        return
    try:
        kind = kind_of(file)
        if kind == "jsonl":
            yield from read_jsonl(file)
        elif kind == "json":
            yield from read_json(file)
        elif kind == "warc":
            yield from read_warc(file)
        else:
            yield _read_document(file, kind, sidecar)
    except OSError as exc:
        yield Problem(source, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - one odd file must not stop the corpus
        yield Problem(source, f"unexpected error while reading: {exc!r}")


def _read_document(
    file: Path, kind: str | None, sidecar: dict[str, Any] | None
) -> Article | Problem:
    """A file holding one article: plain text, or a web page."""
    source = str(file)
    raw = file.read_bytes()
    if not raw.strip():
        return Problem(source, "empty file")
    try:
        text = decode(raw)
    except DecodeError as exc:
        return Problem(source, str(exc))
    given: dict[str, Any] = {}
    if kind == "html" or looks_like_html(text):  # a page saved as .txt is still a page
        url = (sidecar or {}).get("url")
        try:
            text, given = extract_page(raw, url)
        except NoArticle as exc:
            return Problem(source, str(exc))
    text = normalise(text)
    if not text:
        return Problem(source, "empty file (only blank space)")
    return make_article(file.stem, text, source, given, sidecar)
