"""Clustering the five seed articles, from quotations written by hand rather than extracted."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from quotes.cluster import cluster_quotes
from quotes.extract import extract_citations
from quotes.model import Article, Citation, Cluster, Quote, Speaker
from tests.conftest import FIXTURES, SEEDS


def seed_corpus() -> tuple[list[Quote], dict[str, Article], list[Citation], dict[str, str]]:
    """The seed articles, their hand-written quotes and citations, and each quote's true cluster."""
    facts = {s["file"]: s for s in json.loads((SEEDS / "sources.json").read_text("utf-8"))}
    expected = json.loads((FIXTURES / "cluster.seeds.json").read_text("utf-8"))
    quotes, articles, truth = [], {}, {}
    for name, rows in expected.items():
        if name.startswith("_"):
            continue
        text = (SEEDS / name).read_text("utf-8")
        fact = facts[name]
        article = Article(
            name.removesuffix(".txt"), text, fact["url"], fact["outlet"], fact["published"]
        )
        articles[article.id] = article
        for row in rows:
            start = text.find(row["text"])
            if start < 0:
                raise ValueError(f"{name}: quote not found: {row['text'][:40]}")
            speaker = Speaker(row["speaker"], row.get("kind", "person"))
            quote = Quote(
                article.id,
                row["text"],
                start,
                start + len(row["text"]),
                kind=row.get("quote_kind", "direct"),
                speaker=speaker,
                credit=row.get("credit"),
            )
            quotes.append(quote)
            truth[quote.id] = row["cluster"]
    citations = [c for a in articles.values() for c in extract_citations(a)]
    return quotes, articles, citations, truth


@pytest.fixture(scope="module")
def seeds() -> tuple[list[Quote], list[Cluster], dict[str, str]]:
    quotes, articles, citations, truth = seed_corpus()
    return quotes, cluster_quotes(quotes, articles, citations), truth


def _cluster_with(clusters: list[Cluster], quotes: list[Quote], words: str) -> Cluster:
    ids = {q.id for q in quotes if words in q.text}
    return next(c for c in clusters if ids & set(c.quote_ids))


def test_seed_clusters_are_exactly_the_shared_quotations(seeds) -> None:
    quotes, clusters, truth = seeds
    found = sorted(sorted(truth[i] for i in c.quote_ids) for c in clusters)
    expected = defaultdict(list)
    for q in quotes:
        expected[truth[q.id]].append(truth[q.id])
    assert found == sorted(sorted(v) for v in expected.values())


def test_current_policy_is_one_cluster_across_three_articles(seeds) -> None:
    quotes, clusters, _ = seeds
    cluster = _cluster_with(clusters, quotes, "Your current policy")
    by_id = {q.id: q for q in quotes}
    assert sorted(by_id[i].article_id[:3] for i in cluster.quote_ids) == ["002", "003", "004"]


def test_willamette_week_is_first_appearance_of_what_it_shares_with_undated_articles(seeds) -> None:
    quotes, clusters, _ = seeds
    by_id = {q.id: q for q in quotes}
    for words in ["Your current policy", "Every person", "No one could", "We ask that"]:
        cluster = _cluster_with(clusters, quotes, words)
        assert [by_id[i].article_id[:3] for i in cluster.first_quote_ids] == ["003"]
        assert cluster.first_published == "2018-07-30"


def test_than_for_as_is_a_substitution(seeds) -> None:
    quotes, clusters, _ = seeds
    cluster = _cluster_with(clusters, quotes, "Every person")
    ops = [(a.op, a.canonical, a.variant) for a in cluster.alterations]
    assert ops == [("substitution", "as", "than")]


def test_mayor_capitalised_is_a_case_change(seeds) -> None:
    quotes, clusters, _ = seeds
    cluster = _cluster_with(clusters, quotes, "No one could")
    assert [(a.op, a.canonical, a.variant) for a in cluster.alterations] == [
        ("case", "mayor", "Mayor")
    ]


def test_curly_apostrophe_is_typography_only(seeds) -> None:
    quotes, clusters, _ = seeds
    cluster = _cluster_with(clusters, quotes, "Your current policy")
    assert {a.op for a in cluster.alterations} == {"typography"}


def test_undated_articles_crediting_willamette_week_copy_from_it(seeds) -> None:
    quotes, clusters, _ = seeds
    by_id = {q.id: q for q in quotes}
    cluster = _cluster_with(clusters, quotes, "Your current policy")
    edges = {
        by_id[e.quote_id].article_id[:3]: by_id[e.source_quote_id].article_id[:3]
        for e in cluster.edges
    }
    assert edges == {"002": "003", "004": "003"}
    assert all("Willamette Week" in e.evidence for e in cluster.edges)
