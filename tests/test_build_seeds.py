"""The seeds, built end to end: the questions users ask of the database, answered right."""

from pathlib import Path

import pytest
from sqlite_utils import Database

from quotes.pipeline import build
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    path: Path = tmp_path_factory.mktemp("seeds") / "quotes.db"
    build([SEEDS], path)
    return Database(path)


def speakers_of(db: Database, fragment: str) -> set[str]:
    rows = db.execute(
        "select distinct speaker from who_said_what where quote like ?", [f"%{fragment}%"]
    ).fetchall()
    return {r[0] for r in rows}


def test_one_speaker_row_per_person_across_articles(seeds_db: Database) -> None:
    names = [r["name"] for r in seeds_db["speakers"].rows]
    assert names.count("Danielle Outlaw") == 1
    assert not [n for n in names if n != "Danielle Outlaw" and n.endswith("Outlaw")]


def test_who_said_what_names_speakers_as_a_reader_would(seeds_db: Database) -> None:
    assert speakers_of(seeds_db, "A mistake was made") == {"Danielle Outlaw"}
    assert speakers_of(seeds_db, "as unpredictable") == {"Chris Crane"}
    assert speakers_of(seeds_db, "denying your request") == {"Bob Day"}
    assert speakers_of(seeds_db, "zone of terror") == {"Sean Riddell"}


def test_shared_quotation_is_one_cluster_across_three_articles(seeds_db: Database) -> None:
    rows = seeds_db.execute(
        "select distinct cluster_id from quotes where text like 'Your current policy forbidding%'"
    ).fetchall()
    assert len(rows) == 1
    cluster = seeds_db["clusters"].get(rows[0][0])
    assert cluster["article_count"] == 3


def test_willamette_week_is_first_appearance_of_what_it_shares(seeds_db: Database) -> None:
    rows = seeds_db.execute(
        """select articles.outlet from clusters
        join articles on articles.id = clusters.first_article_id
        where clusters.canonical_text like '%unpredictable%'"""
    ).fetchall()
    assert [r[0] for r in rows] == ["Willamette Week"]


def test_quote_text_is_searchable(seeds_db: Database) -> None:
    hits = list(seeds_db["quotes"].search("lawlessness"))
    assert hits and all("lawlessness" in h["text"] for h in hits)
