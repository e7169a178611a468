"""Draft a story's working annotation: every span between quotation marks, with what `quotes`
says of it and suggested clusters. A draft is where annotation starts, never the gold itself.

    python -m bench.realnews prefill STORY > draft.json
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.realnews.corpus import read_page, sources
from bench.realnews.words import words

DOUBLE_OPEN, DOUBLE_CLOSE = "“«", "”»"
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
Span = tuple[int, int]


def quoted_spans(text: str) -> list[tuple[Span, bool]]:
    """Spans inside double marks, then spans inside single marks (nested ones included), each
    with whether it runs to the end of the text unclosed. A paragraph left open ends its span."""
    spans = list(_double(text)) + list(_single(text))
    return sorted(spans)


def _double(text: str) -> Iterator[tuple[Span, bool]]:
    for para_start, para in _paragraphs(text):
        open_at: int | None = None
        for m in re.finditer(r"[“”«»\"]", para):
            mark, i = m.group(), m.start()
            opening = mark in DOUBLE_OPEN or (mark == '"' and open_at is None)
            if (
                mark in DOUBLE_CLOSE
                and open_at is None
                and i + 1 < len(para)
                and para[i + 1].isalpha()
            ):
                opening = True  # a closing mark used as an opener: ”People are ...
            if open_at is None and opening:
                open_at = i + 1
            elif open_at is not None and mark not in DOUBLE_OPEN:
                yield (para_start + open_at, para_start + i), False
                open_at = None
        if open_at is not None and para[open_at:].strip():
            end = para_start + len(para.rstrip())
            yield (para_start + open_at, end), end >= len(text.rstrip())


def _single(text: str) -> Iterator[tuple[Span, bool]]:
    pattern = re.compile(r"(?<![\w’'])[‘'](?=[\w\[])(.+?)(?<=[\w.,!?…\]])[’'](?![\w])")
    for para_start, para in _paragraphs(text):
        for m in pattern.finditer(para):
            yield (para_start + m.start(1), para_start + m.end(1)), False
        tail = re.search(r"(?:^|(?<=\s))‘(?=\w)([^’]*)$", para)
        if tail and para.lstrip().startswith("‘"):  # a paragraph of a multi-paragraph quote
            end = para_start + len(para.rstrip())
            yield (para_start + tail.start(1), end), end >= len(text.rstrip())


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    at = 0
    for line in text.split("\n"):
        yield at, line
        at += len(line) + 1


def draft(story: str, pages: Path) -> dict[str, Any]:
    """A working annotation for a story's pages, pre-filled from marks and from `quotes`."""
    from quotes.model import Article
    from quotes.pipeline import analyse

    folder = pages / story
    meta = sources(folder)
    texts = {f[:-4]: read_page(folder, f) or "" for f in sorted(meta)}
    found, _, _ = analyse(Article(id=i, text=t) for i, t in texts.items())
    articles: dict[str, list[dict[str, Any]]] = {}
    for article_id, text in texts.items():
        predicted = [q for q in found if q.article_id == article_id]
        entries = []
        for (start, end), truncated in quoted_spans(text):
            body = text[start:end]
            if not body.strip():
                continue
            near = [q for q in predicted if q.start < end and start < q.end]
            q = near[0] if near else None
            speaker = q.speaker.name if q and q.speaker else None
            kind = {"floating": "direct", "block": "direct"}.get(q.kind, q.kind) if q else "?"
            entries.append(
                {
                    "text": body,
                    "start": start,
                    "kind": kind,
                    "speaker": speaker,
                    "accept": [speaker] if speaker else [],
                    "cluster": None,
                    "truncated": truncated,
                    "note": "",
                }  # fmt: skip
            )
        articles[article_id] = entries
    suggest_clusters(articles, story)
    clusters = {q["cluster"]: "" for quotes in articles.values() for q in quotes if q["cluster"]}
    return {"story": story, "articles": articles, "clusters": clusters}


def suggest_clusters(articles: dict[str, list[dict[str, Any]]], story: str) -> None:
    """Join quotes of different articles when one's words lie in order inside the other's."""
    items = [(a, q) for a, quotes in articles.items() for q in quotes]
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    tokens = [words(q["text"]) for _, q in items]
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            short, long_ = sorted((tokens[i], tokens[j]), key=len)
            if short and (len(short) >= 3 or short == long_) and _inside(short, long_):
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(find(i), []).append(i)
    tag = story.split("-")[0]
    for members in groups.values():
        if len({items[i][0] for i in members}) < 2:
            continue
        longest = max(members, key=lambda i: len(tokens[i]))
        slug = f"{tag}-" + "-".join(tokens[longest][:4])
        for i in members:
            items[i][1]["cluster"] = slug


def _inside(short: list[str], long_: list[str]) -> bool:
    """All but a tenth of the shorter's words appear, in order, in the longer."""
    at, hits = 0, 0
    for w in short:
        try:
            at = long_.index(w, at) + 1
            hits += 1
        except ValueError:
            continue
    return hits >= 0.9 * len(short)
