import json
from pathlib import Path

import pytest

from quotes.ingest import read_articles
from quotes.ingest.html import extract_page
from quotes.ingest.identity import article_id
from quotes.model import Article, Problem
from tests.conftest import FIXTURES

PAGE = FIXTURES / "ingest.riverton-bridge.html"


def test_a_web_page_becomes_an_article_with_its_metadata() -> None:
    [article] = read_articles([PAGE])
    assert isinstance(article, Article)
    assert (article.id, article.url, article.outlet, article.published, article.title) == (
        article_id(article.url, None, ""),
        "https://www.rivertonledger.example/news/2021/03/04/council-rejects-bridge",
        "Riverton Ledger",
        "2021-03-04",
        "Council rejects river bridge plan",
    )


def test_page_text_keeps_paragraphs_apart_and_drops_the_page_furniture() -> None:
    [article] = read_articles([PAGE])
    assert isinstance(article, Article)
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "Council rejects river bridge plan"
    assert paragraphs[2].startswith("“We will not build it,” Mayor Alma Reyes said")
    assert "Subscribe today" not in article.text and "Most read" not in article.text


def test_the_page_declared_legacy_encoding_is_honoured() -> None:
    [article] = read_articles([PAGE])
    assert isinstance(article, Article)
    assert "a café on the east bank" in article.text and "“a mistake" in article.text


def test_sidecar_metadata_wins_over_the_page(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes(PAGE.read_bytes())
    (tmp_path / "sources.json").write_text(
        json.dumps([{"file": "page.html", "outlet": "Kell Valley Courier", "published": None}])
    )
    [article] = read_articles([tmp_path])
    assert isinstance(article, Article)
    assert (article.outlet, article.published) == ("Kell Valley Courier", None)


def test_a_page_without_article_text_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    [problem] = read_articles([tmp_path / "menu.html"])
    assert isinstance(problem, Problem) and problem.source == str(tmp_path / "menu.html")
    assert problem.message.startswith("no article text found in the page")


def test_extract_page_takes_the_url_it_is_given_when_the_page_has_none() -> None:
    html = "<html><body><article><p>" + "The council met on Tuesday night. " * 4 + "</p></article>"
    text, meta = extract_page(html, "https://www.wweek.com/news/x")
    assert text.startswith("The council met")
    assert meta["url"] == "https://www.wweek.com/news/x"


def test_a_parser_failure_is_a_problem_for_that_page_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise ValueError("lxml gave up")

    monkeypatch.setattr("trafilatura.bare_extraction", explode)  # imported with the first page
    (tmp_path / "a.html").write_text("<html><p>Broken</p></html>", encoding="utf-8")
    (tmp_path / "b.txt").write_text("“Fine,” she said.", encoding="utf-8")
    items = list(read_articles([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Problem", "Article"]
    assert isinstance(items[0], Problem) and "page could not be parsed" in items[0].message


def test_the_headline_opens_the_text_even_when_the_page_body_lacks_it() -> None:
    body = "<p>" + "The council met on Tuesday night to vote on the plan. " * 4 + "</p>"
    html = f"<html><head><title>“Not this year,” mayor says | Ledger</title></head><body>{body}"
    text, meta = extract_page(html)
    assert text.startswith("“Not this year,” mayor says\n\nThe council met")
    assert meta["title"] == "“Not this year,” mayor says"
