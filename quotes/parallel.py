"""Extract articles on every core, in their order, when the batch is large enough to pay for it.

Workers are forked from the build, so they share its articles and its imported extractor
instead of receiving copies: each is sent a range of positions and sends back only what it
found. A small batch (the seeds, a day's news) runs in this process, with no pool to start.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence

from tqdm import tqdm

from quotes.extract import extract_citations, extract_quotes
from quotes.model import Article, Citation, Problem, Quote

MIN_PARALLEL_CHARS = (
    2_000_000  # below this (about 2 s of extraction) a pool costs more than it saves
)
CHUNK_ARTICLES = 64  # articles a worker takes at a time: few messages, even load

Extracted = tuple[list[Quote], list[Citation], Problem | None]

_shared: Sequence[Article] = ()  # the batch, inherited by forked workers


def extract_one(article: Article) -> Extracted:
    """Quotes and citations of one article; a bug on one article is its problem, not the build's.

    An article cut short by extraction's caps keeps the quotes read before the cut, with the
    problem saying where it stopped."""
    try:
        cited = extract_citations(article)
        capped: list[Problem] = []
        found = extract_quotes(article, cited, capped)
        return found, cited, capped[0] if capped else None
    except Exception as exc:  # noqa: BLE001 - one article must not sink the corpus
        return [], [], Problem(article.source or article.id, f"extraction failed: {exc!r}")


def workers_available() -> int:
    """Cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def extract_each(
    articles: Sequence[Article],
    progress: bool = False,
    workers: int | None = None,
    min_chars: int = MIN_PARALLEL_CHARS,
) -> Iterator[Extracted]:
    """What extract_one gives for each article, in the articles' order, on up to `workers`
    processes (all cores by default) once the batch holds `min_chars` characters of text."""
    workers = workers or workers_available()
    bar = tqdm(total=len(articles), desc="extracting", unit=" articles", disable=not progress)
    with bar:
        if workers < 2 or not _can_fork() or sum(len(a.text) for a in articles) < min_chars:
            for article in articles:
                yield extract_one(article)
                bar.update()
            return
        for results in _in_pool(articles, workers):
            yield from results
            bar.update(len(results))


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _in_pool(articles: Sequence[Article], workers: int) -> Iterator[list[Extracted]]:
    """Results chunk by chunk, in order; the pool is closed whatever happens to the caller."""
    global _shared
    ranges = [
        (lo, min(lo + CHUNK_ARTICLES, len(articles)))
        for lo in range(0, len(articles), CHUNK_ARTICLES)
    ]
    _shared = articles
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_extract_range, ranges)
    finally:
        _shared = ()


def _extract_range(bounds: tuple[int, int]) -> list[Extracted]:
    """In a worker: extract the articles at positions lo..hi of the shared batch."""
    lo, hi = bounds
    return [extract_one(a) for a in _shared[lo:hi]]
