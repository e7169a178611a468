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
from pathlib import Path
from typing import Any

from quotes.ingest.files import (
    MAX_ARTICLE_BYTES,
    SIDECAR,
    TooLarge,
    kind_of,
    load_sidecar,
    read_capped,
    walk,
)
from quotes.ingest.html import NoArticle, extract_page, looks_like_html
from quotes.ingest.identity import fill_missing, merge_copies
from quotes.ingest.jsonl import read_json, read_jsonl
from quotes.ingest.metadata import make_article
from quotes.ingest.text import DecodeError, decode, normalise
from quotes.ingest.warc import read_warc
from quotes.model import Article, Problem

__all__ = [
    "MAX_ARTICLE_BYTES",
    "SIDECAR",
    "file_of",
    "fill_missing",
    "merge_copies",
    "read_articles",
    "read_file",
]


def read_articles(
    paths: Iterable[str | Path],
    files_read: set[str] | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Iterator[Article | Problem]:
    """Every article found under `paths` (files or folders), and a Problem for each bad input.

    The paths given and the files opened are added to `files_read`, so a build knows whose old
    problems and articles are stale.
    """
    paths = [Path(p) for p in paths]
    if files_read is not None:  # a path once missing, now a folder, has its problem replaced
        files_read.update(str(p) for p in paths)
    sidecars: dict[Path, dict[str, dict[str, Any]]] = {}
    for file in walk(paths):
        if isinstance(file, Problem):
            yield file
            continue
        if files_read is not None:
            files_read.add(str(file))
        if file.parent not in sidecars:
            sidecars[file.parent], trouble = load_sidecar(file.parent)
            if trouble:
                yield Problem(str(file.parent / SIDECAR), trouble)
        yield from read_file(file, sidecars[file.parent].get(file.name), max_bytes)


def file_of(source: str) -> str:
    """The file an article or problem came from: its source without a `#line` or `#offset`."""
    head, mark, tail = source.rpartition("#")
    return head if mark and tail.isdigit() else source


def read_file(
    file: Path, sidecar: dict[str, Any] | None = None, max_bytes: int = MAX_ARTICLE_BYTES
) -> Iterator[Article | Problem]:
    """The articles in one file, whatever its kind; a Problem instead of any error."""
    source = str(file)
    try:
        if not file.is_file():  # a pipe or a device would block the read forever
            yield Problem(source, "not a regular file" if file.exists() else "no such file")
            return
        kind = kind_of(file)
        if kind == "jsonl":
            yield from read_jsonl(file, max_bytes)
        elif kind == "json":
            yield from read_json(file, max_bytes)
        elif kind == "warc":
            yield from read_warc(file, max_bytes)
        else:
            yield _read_document(file, kind, sidecar, max_bytes)
    except TooLarge as exc:
        yield Problem(source, str(exc))
    except OSError as exc:
        yield Problem(source, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - one odd file must not stop the corpus
        yield Problem(source, f"unexpected error while reading: {exc!r}")


def _read_document(
    file: Path, kind: str | None, sidecar: dict[str, Any] | None, max_bytes: int
) -> Article | Problem:
    """A file holding one article: plain text, or a web page."""
    source = str(file)
    raw = read_capped(file, max_bytes)
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
    return make_article(text, source, given, sidecar)
