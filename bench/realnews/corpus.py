"""Pages, working annotations and committed gold of the real-news corpus, and how one makes another.

Working annotations (outside git) hold each quote's text; the committed gold holds its offsets and
a hash instead, so that no page text enters the repository. Rebuilding a quote from the gold
checks the page's and the quote's hashes: a missing or changed page skips its article.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_DIR = "/work/realnews"
GOLD_DIR = Path(__file__).resolve().parent.parent / "gold"
KINDS = ("direct", "partial", "headline", "not_speech")
SPEECH = ("direct", "partial", "headline")
QUOTE_FIELDS = ("kind", "speaker", "accept", "cluster", "truncated", "note")
COMMITTED_FIELDS = QUOTE_FIELDS[:-1]  # annotators' notes may quote the page: they stay outside git


class AnnotationError(ValueError):
    """A working annotation that does not follow FORMAT.md; the message says where."""


@dataclass
class GoldQuote:
    """One annotated span of one article, with its text rebuilt from the page."""

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    accept: list[str]
    cluster: str | None
    truncated: bool = False
    note: str = ""


@dataclass
class GoldArticle:
    """One page of a story and every span between its quotation marks."""

    id: str
    story: str
    file: str
    text: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    quotes: list[GoldQuote] = field(default_factory=list)


def corpus_dir(given: str | None = None) -> Path:
    """Where the pages and working annotations are: --realnews, $REALNEWS_DIR or the default."""
    return Path(given or os.environ.get("REALNEWS_DIR") or DEFAULT_DIR)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_page(folder: Path, file: str) -> str | None:
    """A page's text exactly as saved (no newline translation), or None when it is missing."""
    path = folder / file
    if not path.is_file():
        return None
    with path.open(encoding="utf-8", newline="") as f:
        return f.read()


def sources(folder: Path) -> dict[str, dict[str, Any]]:
    """The folder's sources.json entries by file name."""
    side = folder / "sources.json"
    if not side.is_file():
        return {}
    return {e["file"]: e for e in json.loads(side.read_text("utf-8"))}


def locate(text: str, quotes: list[dict[str, Any]], where: str) -> list[tuple[int, int]]:
    """Offsets of each annotated quote: its explicit start, else the first occurrence at or
    after the previous quote's start + 1 (quotes are listed in the order of the article)."""
    spans: list[tuple[int, int]] = []
    after = 0
    for n, quote in enumerate(quotes):
        body = quote.get("text")
        if not isinstance(body, str) or not body:
            raise AnnotationError(f"{where} quote {n}: no text")
        start = quote.get("start")
        if start is None:
            start = text.find(body, after)
            if start < 0:
                start = text.find(body)  # listed out of order: take the first occurrence
        if start < 0 or text[start : start + len(body)] != body:
            raise AnnotationError(f"{where} quote {n}: text not found in the page: {body[:60]!r}")
        spans.append((start, start + len(body)))
        after = start + 1
    return spans


def check_quote(quote: dict[str, Any], where: str, clusters: dict[str, Any]) -> None:
    """Raise AnnotationError unless a working quote's fields follow the guidelines."""
    if quote.get("kind") not in KINDS:
        raise AnnotationError(f"{where}: kind {quote.get('kind')!r} is not one of {KINDS}")
    speaker, accept = quote.get("speaker"), quote.get("accept", [])
    if not isinstance(accept, list) or not all(isinstance(a, str) for a in accept):
        raise AnnotationError(f"{where}: accept must be a list of names")
    if speaker is not None and speaker not in accept:
        raise AnnotationError(f"{where}: accept must include the speaker {speaker!r}")
    if quote.get("cluster") is not None and quote["cluster"] not in clusters:
        raise AnnotationError(f"{where}: cluster {quote['cluster']!r} missing from 'clusters'")


def read_working(path: Path, pages: Path) -> tuple[str, list[GoldArticle], dict[str, str]]:
    """A working annotation file checked against its story's pages: (story, articles, clusters)."""
    data = json.loads(path.read_text("utf-8"))
    story = data.get("story") or path.stem
    folder = pages / story
    meta = sources(folder)
    clusters = data.get("clusters", {})
    missing = sorted(f[:-4] for f in meta if f[:-4] not in data.get("articles", {}))
    if missing:
        raise AnnotationError(f"{story}: articles of sources.json not annotated: {missing}")
    articles = []
    for article_id, quotes in data.get("articles", {}).items():
        file = f"{article_id}.txt"
        text = read_page(folder, file)
        if text is None:
            raise AnnotationError(f"{story}/{article_id}: no page {folder / file}")
        spans = locate(text, quotes, f"{story}/{article_id}")
        article = GoldArticle(article_id, story, file, text, **_meta(meta.get(file, {})))
        for n, (quote, (start, end)) in enumerate(zip(quotes, spans, strict=True)):
            check_quote(quote, f"{story}/{article_id} quote {n}", clusters)
            fields = {k: quote.get(k) for k in QUOTE_FIELDS}
            fields["accept"] = fields["accept"] or []
            fields["truncated"] = bool(fields["truncated"])
            fields["note"] = fields["note"] or ""
            article.quotes.append(GoldQuote(start, end, text[start:end], **fields))
        articles.append(article)
    return story, articles, clusters


def _meta(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: entry.get(k) for k in ("url", "outlet", "published")}


def cluster_warnings(articles: list[GoldArticle]) -> list[str]:
    """Clusters seen in one article only (the guidelines want null there)."""
    seen: dict[str, set[str]] = {}
    for a in articles:
        for q in a.quotes:
            if q.cluster:
                seen.setdefault(q.cluster, set()).add(a.id)
    return [f"cluster {c} occurs in one article only" for c, ids in seen.items() if len(ids) < 2]


def queries(folder: Path) -> list[str]:
    """The search queries that found a story's pages (queries.txt), to gather them again."""
    path = folder / "queries.txt"
    return [q for q in path.read_text("utf-8").splitlines() if q.strip()] if path.is_file() else []


def to_gold(
    story: str, articles: list[GoldArticle], clusters: dict[str, str], asked: list[str]
) -> dict[str, Any]:
    """The committed form: urls, hashes, offsets and labels, never the page text (nor notes and
    cluster descriptions, which may quote it: clusters go by their slugs)."""
    return {
        "story": story,
        "queries": asked,
        "clusters": sorted(clusters),
        "articles": [
            {
                "id": a.id,
                "file": a.file,
                "url": a.url,
                "outlet": a.outlet,
                "published": a.published,
                "sha256": sha256(a.text),
                "quotes": [
                    {"start": q.start, "end": q.end, "sha1": sha1(q.text)}
                    | {k: getattr(q, k) for k in COMMITTED_FIELDS}
                    for q in a.quotes
                ],
            }
            for a in articles
        ],
    }


def read_gold(path: Path, pages: Path) -> tuple[list[GoldArticle], list[str]]:
    """Committed gold with each quote's text rebuilt from its page; messages for skipped ones."""
    data = json.loads(path.read_text("utf-8"))
    story = data["story"]
    articles, messages = [], []
    for entry in data["articles"]:
        where = f"{story}/{entry['id']}"
        text = read_page(pages / story, entry["file"])
        if text is None:
            messages.append(f"{where}: page missing, article skipped")
            continue
        if sha256(text) != entry["sha256"]:
            messages.append(f"{where}: page changed since it was annotated, article skipped")
            continue
        article = GoldArticle(entry["id"], story, entry["file"], text, **_meta(entry))
        for q in entry["quotes"]:
            body = text[q["start"] : q["end"]]
            if sha1(body) != q["sha1"]:  # cannot happen with an unchanged page, but be sure
                messages.append(f"{where}: quote at {q['start']} does not match its hash")
                continue
            fields = {k: q.get(k) for k in COMMITTED_FIELDS}
            article.quotes.append(GoldQuote(q["start"], q["end"], body, **fields))
        articles.append(article)
    return articles, messages


def gold_files(gold_dir: Path = GOLD_DIR) -> list[Path]:
    return sorted(gold_dir.glob("*.json"))
