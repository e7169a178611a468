"""A day's build keeps the stored copy edges its new quotes cannot change and weighs the rest,
and the database is the one a full rebuild gives either way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from quotes import sync
from quotes.cluster import edges
from quotes.model import Article
from quotes.pipeline import build
from quotes.stored_clusters import CLUSTERS
from tests.test_incremental import BRIDGE, _story, _write_jsonl, dump, generate


def weighing(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The outlets of the quotes whose possible sources are weighed from now on (the quotes
    whose edge is computed)."""
    weighed: list[str] = []
    pool = edges._pool

    def spy(q: edges.Member, *args: object) -> object:
        weighed.append(q.outlet or "")
        return pool(q, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(edges, "_pool", spy)
    return weighed


def grown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, before: list[Article], after: list[Article]
) -> tuple[Database, list[str]]:
    """Build `before`, then `after` into that database, and assert it equals a fresh build of
    `after`; the grown database and the outlets whose quotes' sources the second build
    weighed."""
    news = tmp_path / "news.jsonl"
    _write_jsonl(news, before)
    build([news], tmp_path / "growing.db")
    _write_jsonl(news, after)
    weighed = weighing(monkeypatch)
    build([news], tmp_path / "growing.db")
    monkeypatch.undo()
    build([news], tmp_path / "full.db")
    assert dump(tmp_path / "growing.db") == dump(tmp_path / "full.db")
    return Database(tmp_path / "growing.db"), sorted(weighed)


def source_of(db: Database, outlet: str) -> str | None:
    """The outlet of the source of the copy edge of an outlet's quote, if it has one."""
    row = db.execute(
        "select source_article.outlet from provenance"
        " join quotes on quotes.id = provenance.quote_id"
        " join articles on articles.id = quotes.article_id"
        " join quotes as source on source.id = provenance.source_quote_id"
        " join articles as source_article on source_article.id = source.article_id"
        " where provenance.kind = 'copy' and articles.outlet = ?",
        [outlet],
    ).fetchone()
    return None if row is None else str(row[0])


OLD = [
    _story("wire", "2024-03-01", "Wire", BRIDGE),
    _story("daily", "2024-03-05", "Daily", BRIDGE),
    _story("herald", "2024-03-08", "Herald", BRIDGE),
]


def test_a_later_copy_weighs_only_its_own_sources_and_keeps_the_stored_edges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = _story("post", "2024-03-09", "Post", BRIDGE)
    db, weighed = grown(tmp_path, monkeypatch, OLD, [*OLD, post])
    assert weighed == ["Post"]
    assert source_of(db, "Post") is not None
    assert source_of(db, "Daily") == "Wire"


def comparing(monkeypatch: pytest.MonkeyPatch) -> dict[str, set[str]]:
    """The quotes whose stored rows saving compares from now on, by table."""
    compared: dict[str, set[str]] = {}
    stored = sync._stored

    def spy(db: Database, table: str, *args: Any) -> Any:
        keys = args[-1]
        if keys is not None:
            compared.setdefault(table, set()).update(k[0] for k in keys)
        return stored(db, table, *args)

    monkeypatch.setattr(sync, "_stored", spy)
    return compared


def test_a_later_copy_compares_only_its_own_row_alterations_and_edges_with_the_stored_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = _story("post", "2024-03-09", "Post", BRIDGE)
    compared = comparing(monkeypatch)
    db, _ = grown(tmp_path, monkeypatch, OLD, [*OLD, post])
    posted = db.execute(
        "select quotes.id from quotes join articles on articles.id = quotes.article_id"
        " where articles.outlet = 'Post'"
    )
    new = {row[0] for row in posted}
    assert compared["quotes"] == compared["alterations"] == compared["provenance"] == new


def test_a_copy_dated_before_a_stored_one_weighs_the_sources_of_those_after_it_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = _story("post", "2024-03-04", "Post", BRIDGE)
    db, weighed = grown(tmp_path, monkeypatch, OLD, [*OLD, post])
    assert weighed == ["Daily", "Herald", "Post"]
    assert source_of(db, "Daily") == "Post"


def test_a_longer_wording_that_becomes_canonical_weighs_every_source_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    short = "We will rebuild the old bridge before the winter comes"
    old = [_story(a.id, a.published or "", a.outlet or "", short) for a in OLD]
    post = _story("post", "2024-03-09", "Post", BRIDGE)
    db, weighed = grown(tmp_path, monkeypatch, old, [*old, post])
    assert weighed == ["Daily", "Herald", "Post"]
    canonical = db.execute("select canonical_text from clusters").fetchall()
    assert [row[0] for row in canonical] == [f"{BRIDGE},"]


def test_a_stored_undated_quote_crediting_a_new_articles_outlet_takes_it_as_its_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    credits = Article(
        id="blog",
        text=f"The council met again this week, the Riverton Tribune reported.\n\n“{BRIDGE},”"
        " Mayor Alma Reyes said.\n",
        outlet="Blog",
        url="https://blog.example/",
    )
    tribune = _story("tribune", "2024-03-09", "Riverton Tribune", BRIDGE)
    before = [*OLD, credits]
    db, weighed = grown(tmp_path, monkeypatch, before, [*before, tribune])
    assert weighed == ["Blog", "Riverton Tribune"]
    assert source_of(db, "Blog") == "Riverton Tribune"


def test_a_generated_corpus_grown_by_its_next_days_weighs_fewer_sources_than_a_full_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = generate(240, seed=5).articles  # day by day, some undated, some crediting others
    _, weighed = grown(tmp_path, monkeypatch, articles[:200], articles)
    everything = weighing(monkeypatch)
    build([tmp_path / "news.jsonl"], tmp_path / "again.db")
    assert 0 < len(weighed) < len(everything) / 2


def test_a_database_whose_cluster_inputs_hold_no_traces_is_built_again_whole(
    tmp_path: Path,
) -> None:
    news = tmp_path / "news.jsonl"
    _write_jsonl(news, OLD)
    build([news], tmp_path / "old.db")
    db = Database(tmp_path / "old.db")
    db.execute(f"alter table {CLUSTERS} drop column trace")  # as an older version wrote it
    db.conn.commit()
    added = build([news], tmp_path / "old.db")
    assert added.clusters_computed == added.clusters
    assert "trace" in Database(tmp_path / "old.db")[CLUSTERS].columns_dict
