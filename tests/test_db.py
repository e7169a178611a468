"""The database's shape: foreign keys, full-text search, and the views users query."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from quotes import db as store
from quotes.model import Article, Citation, Cluster, Edge, Quote, Speaker
from quotes.views import VIEWS
from tests.newsroom import PLEDGES, build_newsroom


@pytest.fixture
def newsroom(db_path: Path) -> Database:
    return build_newsroom(db_path)


def rows(db: Database, view: str, *columns: str) -> list[tuple]:
    return [tuple(r[c] for c in columns) for r in db[view].rows]


def test_foreign_keys_are_declared_so_datasette_links_rows(newsroom: Database) -> None:
    declared = {
        (fk.table, fk.column, fk.other_table, fk.other_column)
        for table in newsroom.tables
        for fk in table.foreign_keys
    }
    assert set(store.FOREIGN_KEYS) <= declared


def test_ensure_db_shape_can_run_twice(newsroom: Database) -> None:
    store.ensure_db_shape(newsroom)
    assert newsroom["quotes"].count == 8
    assert set(VIEWS) <= set(newsroom.view_names())


def test_quote_text_is_searchable(newsroom: Database) -> None:
    found = [r["text"] for r in newsroom["quotes"].search("budget")]
    assert sorted(found) == ["The budget is balanced.", "the budget is balanced."]


def test_who_said_what_lists_dated_articles_first(newsroom: Database) -> None:
    said = rows(newsroom, "who_said_what", "speaker", "outlet", "published")
    assert said[0] == ("Ana Ruiz", "Harbor Gazette", "2024-03-04")
    assert said[-1] == ("Tom Bell", "Daily Ledger", None)


def test_possible_misattributions_lists_each_side_of_a_disagreement(newsroom: Database) -> None:
    assert rows(newsroom, "possible_misattributions", "outlet", "speaker", "other_speakers") == [
        ("Harbor Gazette", "Ana Ruiz", "Tom Bell"),
        ("River Times", "Ana Ruiz", "Tom Bell"),
        ("Plain Post", "Ana Ruiz", "Tom Bell"),
        ("Daily Ledger", "Tom Bell", "Ana Ruiz"),
    ]


def test_an_outlet_credited_as_speaker_is_no_misattribution(newsroom: Database) -> None:
    # The Plain Post gives the ferry quote to "the Harbor Gazette reported", not to Sam Osei.
    assert "ferry" not in {r["cluster_id"] for r in newsroom["possible_misattributions"].rows}


def test_uncredited_reuse_names_the_outlet_each_copy_came_from(newsroom: Database) -> None:
    assert rows(newsroom, "uncredited_reuse", "outlet", "source_outlet", "evidence") == [
        ("Plain Post", "River Times", "same changed word; same truncation"),
        ("Daily Ledger", "Harbor Gazette", "closest wording"),
    ]


def test_a_citation_or_an_outlet_speaker_counts_as_credit(newsroom: Database) -> None:
    # The River Times cites the Gazette; the Plain Post's ferry quote names it as speaker.
    credited = {(r["outlet"], r["cluster_id"]) for r in newsroom["uncredited_reuse"].rows}
    assert ("River Times", "pledge") not in credited
    assert ("River Times", "budget") not in credited
    assert ("Plain Post", "ferry") not in credited


def small_cluster(
    db: Database, second: Article, edges: list[Edge], credit: str | None = None
) -> None:
    """Save one quote published by the Gazette and again in `second`."""
    first = Article(
        "first", '"Rates will rise," she said.', outlet="Harbor Gazette", published="2024-05-01"
    )
    speaker = Speaker("Ana Ruiz")
    quotes = [
        Quote("first", "Rates will rise,", 1, 17, speaker=speaker),
        Quote(second.id, "Rates will rise,", 1, 17, speaker=speaker, credit=credit),
    ]
    edges = [Edge(quotes[1].id, quotes[0].id, e.evidence, e.confidence) for e in edges]
    cluster = Cluster(
        "rates",
        [q.id for q in quotes],
        quotes[0].text,
        quotes[0].id,
        speaker,
        [quotes[0].id],
        "2024-05-01",
        edges=edges,
    )
    store.save_articles(db, [first, second])
    store.save_quotes(db, quotes, [cluster])
    store.save_citations(db, [])
    store.ensure_db_shape(db)


def test_a_later_copy_without_provenance_is_measured_against_the_first_appearance(
    fresh_db: Database,
) -> None:
    later = Article(
        "later", '"Rates will rise," she said.', outlet="Bay News", published="2024-05-03"
    )
    small_cluster(fresh_db, later, [])
    assert rows(fresh_db, "uncredited_reuse", "outlet", "source_outlet", "evidence") == [
        ("Bay News", "Harbor Gazette", "later than the first appearance")
    ]


@pytest.mark.parametrize("published", ["2024-05-01", None])
def test_same_day_and_undated_copies_need_provenance_to_be_called_copies(
    fresh_db: Database, published: str | None
) -> None:
    copy = Article("copy", '"Rates will rise," she said.', outlet="Bay News", published=published)
    small_cluster(fresh_db, copy, [])
    assert fresh_db["uncredited_reuse"].count == 0


def test_the_quotes_own_credit_counts_as_credit(fresh_db: Database) -> None:
    later = Article(
        "later", '"Rates will rise," she said.', outlet="Bay News", published="2024-05-03"
    )
    small_cluster(fresh_db, later, [Edge("", "", "credits the Gazette", 0.9)], "Harbor Gazette")
    assert fresh_db["uncredited_reuse"].count == 0


def test_credit_counts_whatever_spelling_names_the_outlet(fresh_db: Database) -> None:
    later = Article(
        "later", '"Rates will rise," she said.', outlet="Bay News", published="2024-05-03"
    )
    small_cluster(fresh_db, later, [], credit="Harbor Gazette")
    fresh_db["articles"].update("first", {"outlet": "WWeek"})
    fresh_db["quotes"].update(Quote("later", "", 1, 17).id, {"credit": "Willamette Week"})
    store.ensure_db_shape(fresh_db)
    assert fresh_db["uncredited_reuse"].count == 0
    fresh_db["quotes"].update(Quote("later", "", 1, 17).id, {"credit": "Oregon Live"})
    store.ensure_db_shape(fresh_db)
    assert rows(fresh_db, "uncredited_reuse", "outlet", "source_outlet") == [("Bay News", "WWeek")]


def test_an_outlet_reusing_its_own_quote_needs_no_credit(fresh_db: Database) -> None:
    own = Article(
        "own", '"Rates will rise," she said.', outlet="harbor gazette", published="2024-05-09"
    )
    small_cluster(fresh_db, own, [])
    store.save_citations(fresh_db, [Citation("own", "Bay News", "Bay News reported", 0, 17)])
    assert fresh_db["uncredited_reuse"].count == 0


def test_substantively_altered_clusters_ignore_case_and_typography(newsroom: Database) -> None:
    assert [dict(r) for r in newsroom["substantively_altered_clusters"].rows] == [
        {
            "cluster_id": "pledge",
            "canonical_text": PLEDGES[0].text,
            "speaker": "Ana Ruiz",
            "substantive_alterations": 4,
            "altered_quotes": 2,
            "operations": "substitution, truncated_end",
            "quote_count": 4,
            "article_count": 4,
        }
    ]
