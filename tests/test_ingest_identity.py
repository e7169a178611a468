"""An article is known by its web address, or else by its words: never by a file name or line."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database
from sqlite_utils.utils import hash_record
from warcio.warcwriter import WARCWriter

from quotes.cli import cli
from quotes.ingest.identity import article_id, canonical_url, merge_copies
from quotes.model import Article
from quotes.pipeline import build
from tests.conftest import FIXTURES
from tests.test_ingest_warc import response

BRIDGE = "https://www.rivertonledger.example/news/2021/03/04/council-rejects-bridge"


@pytest.mark.parametrize(
    "spelling",
    [
        "https://rivertonledger.example/news/2021/03/04/council-rejects-bridge",
        "http://www.rivertonledger.example/news/2021/03/04/council-rejects-bridge/",
        "HTTPS://WWW.RivertonLedger.example:443/news/2021/03/04/council-rejects-bridge#comments",
        BRIDGE + "?utm_source=twitter&utm_medium=social&fbclid=abc&gclid=1&ocid=msn",
    ],
)
def test_one_page_spelled_many_ways_has_one_canonical_address(spelling: str) -> None:
    assert canonical_url(spelling) == canonical_url(BRIDGE)
    assert article_id(spelling, None, "any text") == article_id(BRIDGE, "other", "")


def test_parameters_that_choose_the_page_are_kept_in_one_order() -> None:
    a = canonical_url("https://news.example/story?id=7&page=2&utm_campaign=x")
    assert a == canonical_url("https://news.example/story?page=2&id=7")
    assert a != canonical_url("https://news.example/story?id=8&page=2")
    assert canonical_url("https://news.example/Story") != canonical_url(
        "https://news.example/story"
    )


def test_without_an_address_the_id_given_wins_and_else_the_words_decide() -> None:
    assert article_id(None, "reuters-123", "text") == "reuters-123"
    assert article_id("not a web address", None, "“Yes,”  she\nsaid.") == article_id(
        None, None, "“Yes,” she said."
    )
    assert article_id(None, None, "“Yes,” she said.") != article_id(None, None, "“No,” he said.")


def test_ids_are_the_hashes_sqlite_utils_gives_so_databases_of_older_builds_keep_them() -> None:
    url = "https://news.example.org/2024/05/vale-resigns?x=\u00e9"
    assert article_id(url, None, "") == hash_record({"url": canonical_url(url)})[:16]
    text = "Vale said: \u201cI am leaving.\u201d"
    assert article_id(None, None, text) == hash_record({"text": text})[:16]


def test_the_richer_copy_wins_and_the_other_fills_its_gaps_whatever_the_order() -> None:
    poor = Article("x", "Short text.", url=BRIDGE, source="crawl.jsonl#4")
    rich = Article("x", "Longer text here.", url=BRIDGE, outlet="Riverton Ledger", title="Bridge")
    dated = Article("x", "Short text.", url=BRIDGE, published="2021-03-04", source="a.warc#0")
    one = merge_copies(merge_copies(poor, rich), dated)
    other = merge_copies(merge_copies(dated, rich), poor)
    assert one == other
    assert (one.text, one.outlet, one.title, one.published) == (
        "Longer text here.",
        "Riverton Ledger",
        "Bridge",
        "2021-03-04",
    )


def test_one_page_read_as_html_as_a_crawl_line_and_from_an_archive_is_one_article(
    tmp_path: Path, db_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "ingest.riverton-bridge.html", corpus / "bridge.html")
    line = {
        "url": BRIDGE.replace("https://www.", "http://") + "/?utm_source=rss",
        "text": "“We will not build it,” Mayor Alma Reyes said after the vote.",
        "date_publish": "2021-03-04",
    }
    (corpus / "crawl.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    out = io.BytesIO()
    page = (FIXTURES / "ingest.riverton-bridge.html").read_bytes()
    response(WARCWriter(out, gzip=True), BRIDGE + "#top", page)
    (corpus / "crawl.warc.gz").write_bytes(out.getvalue())
    report = build([corpus], db_path)
    assert report.problems == []
    [row] = Database(db_path)["articles"].rows
    assert row["id"] == article_id(BRIDGE, None, "")
    assert (row["outlet"], row["title"], row["published"]) == (
        "Riverton Ledger",
        "Council rejects river bridge plan",
        "2021-03-04",
    )
    build([corpus], db_path)  # and again on the next build
    assert Database(db_path)["articles"].count == 1


def test_two_different_files_of_one_name_in_two_builds_are_two_articles(
    tmp_path: Path, db_path: Path
) -> None:
    for folder, said in (("a", "“Yes,” she said."), ("b", "“No,” he said.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(said, encoding="utf-8")
        build([tmp_path / folder / "story.txt"], db_path)
    rows = list(Database(db_path)["articles"].rows)
    assert sorted(Path(r["source"]).parent.name for r in rows) == ["a", "b"]


def test_a_line_added_to_a_crawl_keeps_every_other_articles_id(
    tmp_path: Path, db_path: Path
) -> None:
    crawl = tmp_path / "crawl.jsonl"
    lines = [json.dumps({"text": f"“Line {n},” the clerk said."}) for n in range(3)]
    crawl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    build([crawl], db_path)
    before = {r["text"]: r["id"] for r in Database(db_path)["articles"].rows}
    crawl.write_text("\n".join([json.dumps({"text": "“New,” she said."}), *lines]) + "\n")
    build([crawl], db_path)
    after = {r["text"]: r["id"] for r in Database(db_path)["articles"].rows}
    assert len(after) == 4 and all(after[text] == id for text, id in before.items())


def test_an_article_its_file_no_longer_holds_is_dropped_when_the_file_is_read_again(
    tmp_path: Path, db_path: Path
) -> None:
    note = tmp_path / "note.txt"
    note.write_text("“We are ready,” the mayor said.", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("“Not yet,” the clerk said.", encoding="utf-8")
    build([tmp_path], db_path)
    note.write_text("“We are ready now,” the mayor said.", encoding="utf-8")  # a typo fixed
    build([note], db_path)
    texts = sorted(r["text"] for r in Database(db_path)["articles"].rows)
    assert texts == ["“Not yet,” the clerk said.", "“We are ready now,” the mayor said."]


def test_extract_prints_the_article_id_and_where_it_was_read(tmp_path: Path) -> None:
    story = tmp_path / "a.txt"
    story.write_text("“We are ready,” Mayor Ana Lopez said.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(story)])
    [row] = [json.loads(line) for line in result.output.splitlines()]
    assert row["article"] == article_id(None, None, story.read_text().strip())
    assert row["source"] == str(story)
