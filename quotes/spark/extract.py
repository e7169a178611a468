"""Extraction on the cluster: the single-machine functions per article, speakers unified per
corpus from the small table of distinct speakers collected to the driver."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from quotes.cluster.fragments import speaker_key
from quotes.extract import extract_citations, extract_quotes
from quotes.model import Article, Problem, Quote, Speaker
from quotes.spark.keys import wording_key
from quotes.speakers import unify_speakers

Order = tuple[str, int]  # where an article was read: file, record number


def extract(items: Iterable[tuple[Article, Order]]) -> Iterator[tuple[str, Any]]:
    """("quote", (Quote, order)), ("citation", Citation) and ("problem", Problem) for each
    article, as pipeline.analyse finds them; one article's failure never stops the rest."""
    for article, order in items:
        try:
            cited = extract_citations(article)
            found = extract_quotes(article, cited)
        except Exception as exc:  # noqa: BLE001 - a bug on one article must not sink the corpus
            yield "problem", Problem(article.source or article.id, f"extraction failed: {exc!r}")
            continue
        for n, q in enumerate(found):
            yield "quote", (q, (*order, n))
        for c in cited:
            yield "citation", c


def speaker_names(said: Iterable[tuple[tuple[Speaker, str], int]]) -> dict[Speaker, Speaker]:
    """Each distinct speaker → its name across the corpus, from ((speaker, article id), quotes)
    counts: unify_speakers looks at speakers, how often and in which articles they are quoted,
    so stand-in quotes with those speakers, articles and counts give its answer for the corpus."""
    stand_ins = [
        Quote(article_id, "", 0, 0, speaker=speaker)
        for (speaker, article_id), n in sorted(said, key=_said_order)
        for _ in range(n)
    ]
    return {q.speaker: u.speaker for q, u in zip(stand_ins, unify_speakers(stand_ins), strict=True)
            if q.speaker and u.speaker}  # fmt: skip


def _said_order(item: tuple[tuple[Speaker, str], int]) -> tuple[str, str, str, str]:
    (s, article_id), _ = item
    return s.name, s.kind, s.description or "", article_id


def quote_row(quote: Quote, order: tuple[str, int, int], names: Mapping[Speaker, Speaker]) -> dict:
    """A quote with its speaker unified, the wording it belongs to and its place in the corpus."""
    speaker = names.get(quote.speaker, quote.speaker) if quote.speaker else None
    quote = replace(quote, speaker=speaker)
    key, words = wording_key(quote.text, quote.id, speaker_key(speaker))
    return {
        "id": quote.id,
        "article_id": quote.article_id,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "cue": quote.cue,
        "credit": quote.credit,
        "rule": quote.rule,
        "speaker_name": speaker.name if speaker else None,
        "speaker_kind": speaker.kind if speaker else None,
        "speaker_description": speaker.description if speaker else None,
        "speaker_key": speaker_key(speaker),
        "wording_key": key,
        "words": list(words),
        "order_file": order[0],
        "order_record": order[1],
        "order_quote": order[2],
    }
