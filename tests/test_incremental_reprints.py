"""Reprints added by a later build move counts over the whole corpus: a wording's weight, and so
its order among wordings of its length, and how often each spelling of a name is quoted. The
grown database is the one a full build of the same articles writes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlite_utils import Database

from quotes.model import Article
from quotes.pipeline import build
from tests.test_incremental import BRIDGE, _grown_and_full, _story, _write_jsonl


def test_reprints_that_put_a_variant_before_the_wording_it_varies_group_as_a_full_build(
    tmp_path: Path,
) -> None:
    """Wordings of one length are grouped and indexed most quoted first: the reprints move the
    variant ahead of the wording the stored clusters were grown from."""
    variant = BRIDGE.replace("costs the city", "costs our city")
    old = [
        _story("daily", "2024-03-05", "Daily", BRIDGE),
        _story("herald", "2024-03-06", "Herald", BRIDGE),
        _story("post", "2024-03-07", "Post", variant),
    ]
    reprints = [replace(old[2], id=f"post{i}", url=f"https://post{i}.example/") for i in (2, 3)]
    db = _grown_and_full(tmp_path, old, [*old, *reprints])
    assert db.execute("select quote_count from clusters").fetchall() == [(5,)]


def test_reprints_naming_one_spelling_more_often_make_the_rarer_one_its_misspelling(
    tmp_path: Path,
) -> None:
    ferry = "The ferry will run every hour until the new bridge opens next spring"
    old = [
        _story("daily", "2024-03-05", "Daily", BRIDGE, "Mark Ruis"),
        _story("herald", "2024-03-06", "Herald", ferry, "Mark Ruiz"),
    ]
    reprints = [replace(old[1], id=f"herald{i}", url=f"https://h{i}.example/") for i in (2, 3)]
    before = build_alone(tmp_path / "before", old)
    db = _grown_and_full(tmp_path, old, [*old, *reprints])
    assert {row["name"] for row in before["speakers"].rows} == {"Mark Ruis", "Mark Ruiz"}
    assert {row["name"] for row in db["speakers"].rows} == {"Mark Ruiz"}


def build_alone(folder: Path, articles: list[Article]) -> Database:
    """A database built from these articles alone."""
    folder.mkdir()
    _write_jsonl(folder / "news.jsonl", articles)
    build([folder / "news.jsonl"], folder / "quotes.db")
    return Database(folder / "quotes.db")
