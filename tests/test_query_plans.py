"""Canned queries, views and pages read indexes and the views' tables, never every quote, so
they answer as fast on a hundred thousand articles as on the seeds (bench/queries.py times them
on a large database; here the plans and the rows are checked on the seeds)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator

import pytest
from datasette.utils import escape_fts

from quotes.pipeline import build
from quotes.plugin import cluster, people
from quotes.plugin.home import SPREAD_SQL
from quotes.plugin.metadata import database_metadata
from quotes.views import VIEWS
from tests.conftest import SEEDS

QUERIES = database_metadata()["queries"]
TABLES = database_metadata()["tables"]

# A plan step reading a whole table (or a whole index of it) of quotes or articles.
FULL_SCAN = re.compile(r"\bSCAN (quotes|articles|clusters|alterations|provenance)\b")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    path = tmp_path_factory.mktemp("plans") / "seeds.db"
    build([SEEDS], path)
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    conn.create_function("escape_fts", 1, escape_fts)
    yield conn
    conn.close()


def plan(conn: sqlite3.Connection, sql: str, params: dict[str, object] | None = None) -> str:
    rows = conn.execute(f"explain query plan {sql}", params or {}).fetchall()
    return "\n".join(row["detail"] for row in rows)


def a_speaker_and_cluster(conn: sqlite3.Connection) -> dict[str, object]:
    """The most quoted speaker and the largest cluster: the pages that cost the most."""
    speaker = conn.execute(
        "select speaker_id from quotes where speaker_id is not null"
        " group by speaker_id order by count(*) desc limit 1"
    ).fetchone()[0]
    cluster_id = conn.execute("select id from clusters order by quote_count desc").fetchone()[0]
    return {"id": speaker, "cluster": cluster_id}


@pytest.mark.parametrize("name", ["search_quotes", "first_appearance"])
def test_word_searches_start_from_the_full_text_index(seeds: sqlite3.Connection, name: str) -> None:
    found = plan(seeds, QUERIES[name]["sql"], {"words": "budget"})
    assert not FULL_SCAN.search(found), found


@pytest.mark.parametrize("name", ["speaker_quotes", "substantive_alterations", "widest_spread"])
def test_long_listings_come_in_index_order_without_sorting_every_row(
    seeds: sqlite3.Connection, name: str
) -> None:
    found = plan(seeds, QUERIES[name]["sql"], {"speaker": "Outlaw"})
    assert "TEMP B-TREE FOR ORDER BY" not in found, found  # a sort of the right part is fine


def test_speaker_quotes_lists_the_same_rows_as_a_join_of_speakers_quotes_and_articles(
    seeds: sqlite3.Connection,
) -> None:
    plain = """
    select speakers.name as speaker, quotes.text as quote, quotes.kind, articles.outlet,
           articles.published, quotes.article_id, quotes.cluster_id
    from quotes
    join speakers on speakers.id = quotes.speaker_id
    join articles on articles.id = quotes.article_id
    where speakers.name like '%' || :speaker || '%'
    order by articles.published is null, articles.published, articles.id, quotes.start, quotes.id
    """
    for speaker in ["Outlaw", "a", "nobody at all"]:
        expected = [tuple(r) for r in seeds.execute(plain, {"speaker": speaker})]
        found = [
            tuple(r) for r in seeds.execute(QUERIES["speaker_quotes"]["sql"], {"speaker": speaker})
        ]
        assert found == expected


def test_substantive_alterations_lists_the_same_rows_as_a_join_of_alterations_and_quotes(
    seeds: sqlite3.Connection,
) -> None:
    plain = """
    select quotes.cluster_id, alterations.op, alterations.canonical, alterations.variant,
           quotes.text as quote, articles.outlet, articles.published, quotes.article_id
    from alterations
    join quotes on quotes.id = alterations.quote_id
    join articles on articles.id = quotes.article_id
    where alterations.op not in ('case', 'typography')
    """
    expected = sorted((tuple(r) for r in seeds.execute(plain)), key=repr)
    found = [tuple(r) for r in seeds.execute(QUERIES["substantive_alterations"]["sql"])]
    assert expected and sorted(found, key=repr) == expected
    dates = [(r[0], r[6] is None, r[6] or "") for r in found]
    assert dates == sorted(dates)


@pytest.mark.parametrize("view", list(VIEWS))
def test_a_view_is_counted_and_faceted_from_its_own_table(
    seeds: sqlite3.Connection, view: str
) -> None:
    statements = [f"select count(*) from [{view}]"] + [
        f"select [{c}], count(*) from (select * from [{view}]) group by [{c}]"
        for c in TABLES[view].get("facets", [])
    ]
    for sql in statements:
        found = plan(seeds, sql)
        assert not re.search(r"\b(quotes|articles|clusters|speakers)\b", found), (sql, found)


@pytest.mark.parametrize(
    "sql",
    [
        people.SPEAKER_TOTALS_SQL,
        people.SPEAKER_OUTLETS_SQL,
        people.SPEAKER_CLUSTERS_SQL,
        cluster.WORDINGS_SQL,
        cluster.OUTLETS_SQL,
        cluster.APPEARANCES_SQL,
        cluster.TIMELINE_SQL,
        SPREAD_SQL,
    ],
)
def test_speaker_cluster_and_home_pages_read_indexes_only(
    seeds: sqlite3.Connection, sql: str
) -> None:
    params = a_speaker_and_cluster(seeds)
    params = {"id": params["cluster"] if "cluster_id = :id" in sql else params["id"]}
    found = plan(seeds, sql, {**params, "limit": 5, "offset": 0})
    assert not FULL_SCAN.search(found), found


def test_the_home_pages_spread_is_each_clusters_count_of_outlets(seeds: sqlite3.Connection) -> None:
    plain = """
    select clusters.id, count(distinct articles.outlet) from clusters
    join quotes on quotes.cluster_id = clusters.id
    join articles on articles.id = quotes.article_id
    where clusters.article_count > 1 group by clusters.id
    """
    counts = dict(seeds.execute(plain).fetchall())
    shown = seeds.execute(SPREAD_SQL, {"limit": 10}).fetchall()
    assert shown and all(counts[r["id"]] == r["outlets"] for r in shown)
    assert [r["outlets"] for r in shown] == sorted(counts.values(), reverse=True)[: len(shown)]


@pytest.mark.parametrize("view", list(VIEWS))
def test_a_views_page_reads_its_table_in_key_order_without_sorting(
    seeds: sqlite3.Connection, view: str
) -> None:
    found = plan(seeds, f"select * from [{view}] limit 101 offset 5")
    assert found.splitlines()[0] == "SCAN found", found  # the table itself, in its key's order
    assert "TEMP B-TREE" not in found, found


def test_who_said_what_lists_its_rows_in_the_order_of_dates_articles_and_positions(
    seeds: sqlite3.Connection,
) -> None:
    plain = """
    select speakers.name, quotes.text, articles.outlet, articles.published, articles.url
    from quotes join articles on articles.id = quotes.article_id
    left join speakers on speakers.id = quotes.speaker_id
    order by articles.published is null, articles.published, articles.id, quotes.start, quotes.id
    """
    expected = [tuple(r) for r in seeds.execute(plain)]
    assert expected and [tuple(r) for r in seeds.execute("select * from who_said_what")] == expected
