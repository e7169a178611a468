"""Extraction on several processes gives what one process gives, in the same order."""

from __future__ import annotations

import sys

import pytest

from quotes import parallel
from quotes.model import Article
from tests.conftest import ROOT, article

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402


def test_a_pool_finds_the_same_quotes_in_the_same_order_as_one_process() -> None:
    articles = generate(150, seed=5).articles
    alone = list(parallel.extract_each(articles, workers=1))
    pooled = list(parallel.extract_each(articles, workers=2, min_chars=0))
    assert pooled == alone
    assert sum(len(q) for q, _, _ in pooled) > 150


def test_an_article_that_breaks_the_extractor_is_a_problem_in_a_pool_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = parallel.extract_quotes

    def fragile(a: Article, cited: object = None, problems: object = None) -> list:  # type: ignore[type-arg]
        if a.id == "bad":
            raise ValueError("boom")
        return real(a, cited, problems)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "extract_quotes", fragile)
    articles = [article(f'"Fine number {n}," the mayor said.', id=f"a{n}") for n in range(100)]
    articles.insert(40, article('"Not fine," she said.', id="bad", source="bad.txt"))
    pooled = list(parallel.extract_each(articles, workers=2, min_chars=0))
    assert [p.source for _, _, p in pooled if p] == ["bad.txt"]
    assert [len(q) for q, _, _ in pooled] == [0 if a.id == "bad" else 1 for a in articles]


def test_a_small_batch_starts_no_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object) -> None:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(parallel, "_in_pool", no_pool)
    found = list(parallel.extract_each([article('"Small," he said.')], workers=2))
    assert len(found[0][0]) == 1
