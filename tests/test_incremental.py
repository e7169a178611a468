"""A build that adds, changes and deletes articles gives the database a full rebuild gives."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Collection
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database
from sqlite_utils.utils import hash_record

from quotes import db as store
from quotes import parallel
from quotes.cluster import cluster_changed
from quotes.db import TABLES
from quotes.incremental import (
    TABLE,
    extract_reprints_once,
    extract_stored,
    extractor_version,
    with_texts,
)
from quotes.model import Article, Quote, Speaker
from quotes.pipeline import build
from quotes.stored_clusters import CLUSTERS
from quotes.stored_tokens import TABLE as TOKENS
from quotes.views import VIEWS
from tests.conftest import ROOT, SEEDS

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402

COMPARED = ["articles", TABLE, CLUSTERS, TOKENS, *TABLES]


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the compared tables, sorted, with the file an article came from left out, and
    every view's rows in its order."""
    db = Database(path)
    out = {}
    for table in COMPARED:
        columns = [c for c in db[table].columns_dict if c != "source"]
        rows = db.execute(f"select {', '.join(f'[{c}]' for c in columns)} from [{table}]")
        out[table] = sorted(rows.fetchall(), key=repr)
    for view in VIEWS:  # the views' rows in the order the views give them
        out[view] = db.execute(f"select * from [{view}]").fetchall()
    return out


def count_extractions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the articles extracted from now on."""
    seen: list[str] = []
    real = parallel.extract_one

    def counted(article: Article) -> parallel.Extracted:
        seen.append(article.id)
        return real(article)

    monkeypatch.setattr(parallel, "extract_one", counted)
    return seen


def seeds_then_a_story(tmp_path: Path) -> Path:
    """The seeds built into tmp_path/quotes.db, and a new article's file to add to them."""
    build([SEEDS], tmp_path / "quotes.db")
    story = tmp_path / "story.txt"
    story.write_text('The council met on Monday.\n\n"We will look at the budget again."\n')
    return story


def test_seeds_added_edited_and_deleted_build_the_same_database_as_a_full_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    news = tmp_path / "news"
    shutil.copytree(SEEDS, news)
    later = {
        name: (news / name).read_text(encoding="utf-8") for name in ("003_b6047d1f9e8a733a.txt",)
    }
    for name in later:
        (news / name).unlink()
    build([news], tmp_path / "growing.db")
    for name, text in later.items():  # a new article
        (news / name).write_text(text, encoding="utf-8")
    edited = news / "001_719522608f77206d.txt"  # a changed article
    edited.write_text(
        edited.read_text(encoding="utf-8") + '\n\n"We are not done yet," the chief said.\n',
        encoding="utf-8",
    )
    (news / "002_af323c7408b160eb.txt").unlink()  # a deleted article
    extracted = count_extractions(monkeypatch)
    build([news], tmp_path / "growing.db")
    assert len(extracted) == 2
    monkeypatch.undo()
    build([news], tmp_path / "full.db")
    assert dump(tmp_path / "growing.db") == dump(tmp_path / "full.db")
    assert Database(tmp_path / "full.db")["articles"].count == 4


def _write_jsonl(path: Path, articles: list[Article]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for a in articles:
            row = {k: v for k, v in a.as_dict().items() if k != "source"}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def test_a_generated_corpus_grown_edited_and_pruned_builds_the_same_database_as_a_full_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = generate(240, seed=3).articles
    first, second, third = articles[:150], articles[150:200], articles[200:]
    _write_jsonl(tmp_path / "a.jsonl", first)
    _write_jsonl(tmp_path / "b.jsonl", second)
    build([tmp_path / "a.jsonl", tmp_path / "b.jsonl"], tmp_path / "growing.db")
    changed = [
        Article(**{**a.as_dict(), "text": a.text + '\n\n"That is all for now," she said.\n'})
        for a in second[:5]
    ]
    kept = changed + second[5:40]  # ten of b's articles deleted from it, five edited
    _write_jsonl(tmp_path / "b.jsonl", kept)
    _write_jsonl(tmp_path / "c.jsonl", third)
    extracted = count_extractions(monkeypatch)
    build([tmp_path / "b.jsonl", tmp_path / "c.jsonl"], tmp_path / "growing.db")
    assert len(extracted) == len(changed) + len(third)
    monkeypatch.undo()
    build([tmp_path / n for n in ("a.jsonl", "b.jsonl", "c.jsonl")], tmp_path / "full.db")
    assert dump(tmp_path / "growing.db") == dump(tmp_path / "full.db")
    assert Database(tmp_path / "full.db")["articles"].count == 150 + 40 + 40


def test_a_new_extractor_extracts_every_article_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build([SEEDS], tmp_path / "quotes.db")
    extracted = count_extractions(monkeypatch)
    build([SEEDS], tmp_path / "quotes.db")
    assert extracted == []
    monkeypatch.setattr("quotes.incremental.extractor_version", lambda: "another version")
    build([SEEDS], tmp_path / "quotes.db")
    assert len(extracted) == 5


def test_a_new_extractor_extracts_again_the_stored_articles_a_build_did_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = seeds_then_a_story(tmp_path)
    extracted = count_extractions(monkeypatch)
    build([story], tmp_path / "quotes.db")
    assert len(extracted) == 1
    monkeypatch.setattr("quotes.incremental.extractor_version", lambda: "another version")
    build([story], tmp_path / "quotes.db")
    assert len(extracted) == 1 + 6


def test_a_days_build_reads_the_text_of_only_the_articles_it_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = seeds_then_a_story(tmp_path)
    asked: list[str] = []
    real = store.article_texts

    def counted(db: Database, ids: Collection[str]) -> dict[str, str]:
        asked.extend(ids)
        return real(db, ids)

    monkeypatch.setattr(store, "article_texts", counted)
    build([story], tmp_path / "quotes.db")
    assert len(asked) == 1
    assert Database(tmp_path / "quotes.db")["articles"].count == 6


def test_extractions_stored_before_rows_held_a_version_are_kept_and_given_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build([SEEDS], tmp_path / "quotes.db")
    Database(tmp_path / "quotes.db").execute(f"alter table [{TABLE}] drop column version")
    extracted = count_extractions(monkeypatch)
    build([SEEDS], tmp_path / "quotes.db")
    assert extracted == []
    versions = Database(tmp_path / "quotes.db").execute(f"select version from [{TABLE}]")
    assert {v for (v,) in versions} == {extractor_version()}


def test_extractions_stored_before_rows_held_their_quotes_ids_load_the_same_quotes(
    tmp_path: Path,
) -> None:
    build([SEEDS], tmp_path / "quotes.db")
    db = Database(tmp_path / "quotes.db")
    articles = store.load_articles(db)
    with_ids = list(extract_stored(db, articles, read=set()))
    db.execute(f"alter table [{TABLE}] drop column ids")
    without = list(extract_stored(db, articles, read=set()))
    assert [[q.id for q in found] for found, _, _ in without] == [
        [q.id for q in found] for found, _, _ in with_ids
    ]
    assert without == with_ids


def test_adding_an_article_leaves_the_rows_it_does_not_touch_alone(tmp_path: Path) -> None:
    story = seeds_then_a_story(tmp_path)

    def rowids() -> dict[str, int]:
        rows = Database(tmp_path / "quotes.db").execute("select id, rowid from quotes")
        return dict(rows.fetchall())

    before = rowids()
    build([story], tmp_path / "quotes.db")
    after = rowids()
    assert len(after) == len(before) + 1
    assert {q: after[q] for q in before} == before


def test_a_reprint_under_another_id_is_extracted_once_and_keeps_its_own_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = 'The port reopened on Friday.\n\n"Ships are moving again," the harbour master said.\n'
    wire = Article(id="w1", text=text, outlet="Wire", url="https://wire.example/1")
    reprint = Article(id="p1", text=text, outlet="Wire", url="https://paper.example/port")
    edited = Article(id="p2", text=text + "\nMore soon.\n", outlet="Wire")
    extracted = count_extractions(monkeypatch)
    found = extract_reprints_once([wire, reprint, edited])
    assert extracted == ["w1", "p2"]
    assert [q.article_id for q in found[1][0]] == ["p1"]
    assert found[1][0][0].text == found[0][0][0].text == "Ships are moving again,"
    assert found[2][0][0].id != found[1][0][0].id != found[0][0][0].id


def test_a_later_builds_reprint_of_a_stored_article_takes_its_extraction_without_extracting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = 'The port reopened on Friday.\n\n"Ships are moving again," the harbour master said.\n'
    wire = _story("w1", "2024-03-01", "Wire", "Ships are moving again")
    wire = replace(wire, text=text)
    reprint = replace(wire, id="p1", url="https://paper.example/port", published="2024-03-02")
    retitled = replace(wire, id="p2", url="https://paper.example/t", title="Port reopens")
    _write_jsonl(tmp_path / "day1.jsonl", [wire])
    build([tmp_path / "day1.jsonl"], tmp_path / "growing.db")
    _write_jsonl(tmp_path / "day2.jsonl", [reprint, retitled])
    extracted = count_extractions(monkeypatch)
    build([tmp_path / "day2.jsonl"], tmp_path / "growing.db")
    assert len(extracted) == 1  # the retitled one: another title may hold another quote
    monkeypatch.undo()
    build([tmp_path / "day1.jsonl", tmp_path / "day2.jsonl"], tmp_path / "full.db")
    assert dump(tmp_path / "growing.db") == dump(tmp_path / "full.db")
    quotes = Database(tmp_path / "growing.db").execute("select distinct article_id from quotes")
    assert len(quotes.fetchall()) == 3


def _grown_and_full(tmp_path: Path, before: list[Article], after: list[Article]) -> Database:
    """Build `before`, then the same file holding `after` into that database, and assert it
    equals a fresh build of `after`; the grown database."""
    news = tmp_path / "news.jsonl"
    _write_jsonl(news, before)
    build([news], tmp_path / "growing.db")
    _write_jsonl(news, after)
    build([news], tmp_path / "growing.db")
    build([news], tmp_path / "full.db")
    assert dump(tmp_path / "growing.db") == dump(tmp_path / "full.db")
    return Database(tmp_path / "growing.db")


def _story(id: str, day: str, outlet: str, said: str, who: str = "Mayor Alma Reyes") -> Article:
    text = f"The council met again this week.\n\n“{said},” {who} said on {day}.\n"
    return Article(id=id, text=text, outlet=outlet, published=day, url=f"https://{id}.example/")


BRIDGE = "We will rebuild the old bridge before the winter comes, whatever it costs the city"


def first_of(db: Database, quote: str) -> str:
    """The outlet of the first appearance of the cluster of a quote starting so."""
    row = db.execute(
        "select articles.outlet from quotes join clusters on clusters.id = quotes.cluster_id"
        " join articles on articles.id = clusters.first_article_id where quotes.text like ?",
        [f"{quote}%"],
    ).fetchone()
    return str(row[0])


def test_an_earlier_reprint_added_later_becomes_the_clusters_first_appearance(
    tmp_path: Path,
) -> None:
    old = [
        _story("daily", "2024-03-05", "Daily", BRIDGE),
        _story("herald", "2024-03-06", "Herald", BRIDGE),
    ]
    db = _grown_and_full(tmp_path, old, [*old, _story("wire", "2024-03-01", "Wire", BRIDGE)])
    assert first_of(db, "We will rebuild") == "Wire"


def test_an_article_redated_moves_its_quotes_in_the_views_as_a_full_build_places_them(
    tmp_path: Path,
) -> None:
    ferry = "The ferry will run every hour until the new bridge opens next spring"
    old = [
        _story("daily", "2024-03-05", "Daily", BRIDGE),
        _story("herald", "2024-03-06", "Herald", BRIDGE),
        _story("post", "2024-03-07", "Post", ferry, "Councillor Ben Ode"),
    ]
    redated = replace(old[0], published="2024-03-08")
    db = _grown_and_full(tmp_path, old, [redated, *old[1:]])
    assert [row["outlet"] for row in db["who_said_what"].rows] == ["Herald", "Post", "Daily"]


def test_a_surname_named_in_full_by_a_new_article_renames_the_stored_quotes_speaker(
    tmp_path: Path,
) -> None:
    old = [_story("daily", "2024-03-05", "Daily", BRIDGE, "Reyes")]
    ferry = "The ferry will run every hour until the new bridge opens next spring"
    db = _grown_and_full(tmp_path, old, [*old, _story("herald", "2024-03-06", "Herald", ferry)])
    assert [row["speaker"] for row in db["who_said_what"].rows] == ["Alma Reyes", "Alma Reyes"]


def test_a_quotation_holding_two_clusters_quotes_brings_them_into_one(tmp_path: Path) -> None:
    budget = "The budget is balanced for the first time in a decade and every library stays open"
    taxes = "Nobody on this council will raise the property tax while I am the mayor of this city"
    old = [
        _story("daily", "2024-03-05", "Daily", budget),
        _story("herald", "2024-03-06", "Herald", taxes),
    ]
    whole = _story("wire", "2024-03-07", "Wire", f"{budget}. {taxes}")
    db = _grown_and_full(tmp_path, old, [*old, whole])
    clusters = db.execute("select count(distinct cluster_id) from quotes").fetchone()[0]
    assert clusters == 1


def test_deleting_the_article_that_founded_a_cluster_gives_it_a_new_head(tmp_path: Path) -> None:
    old = [
        _story("wire", "2024-03-01", "Wire", BRIDGE),
        _story("daily", "2024-03-05", "Daily", "We will rebuild the old bridge before the winter"),
        _story(
            "herald", "2024-03-06", "Herald", "We will rebuild the old bridge before the winter"
        ),
    ]
    db = _grown_and_full(tmp_path, old, old[1:])
    assert first_of(db, "We will rebuild") == "Daily"
    assert db.execute("select canonical_text from clusters").fetchone()[0].startswith("We will")


def test_a_speaker_whose_name_comes_first_renumbers_the_speakers_of_stored_clusters(
    tmp_path: Path,
) -> None:
    old = [
        _story("daily", "2024-03-05", "Daily", BRIDGE),
        _story("herald", "2024-03-06", "Herald", "The ferry will run every hour until it opens"),
    ]
    aaron = _story("wire", "2024-03-07", "Wire", "Traffic will be slow for months", "Aaron Abel")
    db = _grown_and_full(tmp_path, old, [*old, aaron])
    assert db.execute("select name from speakers where id = 1").fetchone()[0] == "Aaron Abel"


def test_renumbered_speakers_of_one_stored_cluster_keep_their_rows_apart(tmp_path: Path) -> None:
    old = [
        _story("daily", "2024-03-05", "Daily", BRIDGE),
        _story("herald", "2024-03-06", "Herald", BRIDGE, "Councillor Ben Ode"),
    ]
    aaron = _story("wire", "2024-03-07", "Wire", "Traffic will be slow for months", "Aaron Abel")
    db = _grown_and_full(tmp_path, old, [*old, aaron])
    speakers = db.execute("select speaker_id, name from cluster_speakers order by speaker_id")
    assert [tuple(r) for r in speakers] == [(1, "Aaron Abel"), (2, "Alma Reyes"), (3, "Ben Ode")]


def test_a_new_article_computes_only_the_clusters_its_quotes_touch(tmp_path: Path) -> None:
    story = seeds_then_a_story(tmp_path)
    first = Database(tmp_path / "quotes.db")["clusters"].count
    added = build([story], tmp_path / "quotes.db")
    assert added.clusters == first + 1
    assert added.clusters_computed == 1


@pytest.mark.parametrize("article_id", ["a1", "ünï “quoted” \\ id", "tab\there", "😀"])
def test_a_quotes_id_is_the_hash_of_its_article_and_offsets(article_id: str) -> None:
    quote = Quote(article_id, "Words.", 12, 3456)
    assert quote.id == hash_record({"a": article_id, "s": 12, "e": 3456})[:16]


def test_a_clusters_fingerprint_changes_with_every_field_of_its_quotes() -> None:
    article = Article(id="a1", text="x" * 80, outlet="Daily", published="2024-03-05")
    quote = Quote("a1", "We will rebuild the old bridge", 10, 40, speaker=Speaker("Alma Reyes"))

    def printed(q: Quote) -> str:
        computed, _ = cluster_changed([q], {"a1": article, "a2": article}, [], {})
        return computed[0][0]

    others = {str: lambda v: f"{v}2", int: lambda v: v + 1, type(None): lambda v: "Wire"}
    for name in (f.name for f in fields(Quote)):
        value = getattr(quote, name)
        other = Speaker("Jo Bloggs") if name == "speaker" else others[type(value)](value)
        assert printed(replace(quote, **{name: other})) != printed(quote), name


def test_stored_extractions_load_as_the_quotes_and_citations_extraction_gave(
    tmp_path: Path,
) -> None:
    build([SEEDS], tmp_path / "quotes.db")
    db = Database(tmp_path / "quotes.db")
    articles = with_texts(db, store.load_articles(db), range(db["articles"].count))
    loaded = list(extract_stored(db, articles, read=set()))
    extracted = [parallel.extract_one(a) for a in articles]
    assert loaded == extracted
    assert [[(q.id, hash(q)) for q in found] for found, _, _ in loaded] == [
        [(q.id, hash(q)) for q in found] for found, _, _ in extracted
    ]
