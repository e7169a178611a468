import gzip
import json
from pathlib import Path

import pytest

from quotes.ingest import read_articles
from quotes.ingest.identity import article_id
from quotes.ingest.jsonl import map_fields
from quotes.model import Article, Problem
from tests.conftest import FIXTURES

CRAWL = FIXTURES / "ingest.crawl.jsonl"


def by_line(path: Path) -> dict[str, Article | Problem]:
    return {str(item.source).rsplit("#", 1)[1]: item for item in read_articles([path])}


def test_our_own_fields_are_read_as_they_are() -> None:
    article = by_line(CRAWL)["1"]
    assert article == Article(
        id=article_id("https://rivertonledger.example/news/ferry", None, ""),  # the url beats an id
        text="Ferry service to resume\n\n“The boats will run again by May,” harbor director "
        "Lena Ortiz said.\n\nThe ferry stopped in January after a storm damaged the dock.",
        url="https://www.rivertonledger.example/news/ferry",
        outlet="Riverton Ledger",  # one spelling, with or without its "The"
        published="2021-03-05",
        title="Ferry service to resume",
        source=f"{CRAWL}#1",
    )


def test_news_please_fields_are_mapped_and_the_download_date_ignored() -> None:
    article = by_line(CRAWL)["2"]
    assert isinstance(article, Article)
    assert article.text.startswith("Crews finished repairing the Riverton dock")
    assert (article.outlet, article.published, article.title) == (
        "kellvalleycourier.example",
        "2021-04-09",
        "Harbor dock repairs finished early",
    )
    assert len(article.id) == 16  # no id in the record: a stable hash of its url


def test_other_crawler_spellings_are_mapped() -> None:
    article = by_line(CRAWL)["4"]
    assert isinstance(article, Article)
    assert (article.title, article.published, article.outlet, article.id) == (
        "Storm closes river road",
        "2021-03-07",
        "Willamette Week",
        article_id(None, None, article.text),  # no url, no id: the text's, never the line's
    )


def test_a_record_holding_html_is_read_as_a_web_page() -> None:
    article = by_line(CRAWL)["8"]
    assert isinstance(article, Article)
    assert article.title == "Library hours grow"
    assert "\n\n“Families asked for it" in article.text


def test_bad_lines_are_problems_and_the_lines_after_them_still_read() -> None:
    items = by_line(CRAWL)
    problems = {line: p.message for line, p in items.items() if isinstance(p, Problem)}
    assert problems == {
        "3": "malformed JSON: Unterminated string starting at (line 1, column 26)",
        "6": "record has no article text (looked for: text, maintext, content, body, article, "
        "article_text, full_text)",
        "7": "expected a JSON object, found list",
    }
    assert [k for k, i in items.items() if isinstance(i, Article)] == ["1", "2", "4", "8"]


def test_gzipped_json_lines_are_read(tmp_path: Path) -> None:
    packed = tmp_path / "crawl.jsonl.gz"
    packed.write_bytes(gzip.compress(CRAWL.read_bytes()))
    assert [str(i.source).rsplit("#")[1] for i in read_articles([packed])] == [
        "1",
        "2",
        "3",
        "4",
        "6",
        "7",
        "8",
    ]


def test_a_truncated_gzip_keeps_what_was_read_and_reports_the_rest(tmp_path: Path) -> None:
    packed = tmp_path / "crawl.jsonl.gz"
    packed.write_bytes(gzip.compress(CRAWL.read_bytes())[:-40])
    items = list(read_articles([packed]))
    assert isinstance(items[0], Article)
    assert isinstance(items[-1], Problem) and "cannot read past line" in items[-1].message


def test_a_line_in_another_encoding_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "old.jsonl"
    record = {"id": "cafe", "text": "“We reopen Monday,” the café owner said."}
    path.write_bytes(json.dumps(record, ensure_ascii=False).encode("cp1252") + b"\n")
    [article] = read_articles([path])
    assert isinstance(article, Article) and article.text.endswith("the café owner said.")


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"content": ["First paragraph.", "Second."]}, {"text": "First paragraph.\n\nSecond."}),
        ({"Title": "Upper-case keys", "Body": "b"}, {"title": "Upper-case keys", "text": "b"}),
        ({"source": {"id": "cnn", "name": "CNN"}}, {"outlet": "CNN"}),
        ({"date_download": "2024-12-12", "date_modify": "2024-12-13"}, {}),
        ({"text": "", "body": "fallback"}, {"text": "fallback"}),
        ({"text": "Words.", "html": "<p>Page</p>"}, {"text": "Words.", "html": "<p>Page</p>"}),
    ],
)
def test_map_fields_finds_our_fields_under_crawler_names(record: dict, expected: dict) -> None:
    assert map_fields(record) == expected


def test_a_text_field_holding_markup_is_read_as_a_web_page(tmp_path: Path) -> None:
    path = tmp_path / "markup.jsonl"
    body = "<p>The library will open on Sundays, the city said.</p><p>“We listened,” she said.</p>"
    path.write_text(json.dumps({"id": "lib", "content": body * 2}) + "\n", encoding="utf-8")
    [article] = read_articles([path])
    assert isinstance(article, Article)
    assert "<p>" not in article.text and "\n\n“We listened,”" in article.text


def test_a_text_field_with_a_stray_tag_is_read_as_text_when_no_page_is_found(
    tmp_path: Path,
) -> None:
    path = tmp_path / "clutter.jsonl"
    body = (
        "Ferry service resumes\n\n<span>Photograph: Dana Holt</span>\n"
        "The ferry to Kell Island ran again on Monday.\n\n"
        "“We are back,” the harbour master, Ines Ortega, said."
    )
    path.write_text(json.dumps({"id": "ferry", "text": body}) + "\n", encoding="utf-8")
    [article] = read_articles([path])
    assert isinstance(article, Article)
    assert "<span>" not in article.text and "Photograph: Dana Holt" in article.text
    assert "“We are back,”" in article.text


def test_plain_text_wins_over_the_page_it_came_from(tmp_path: Path) -> None:
    path = tmp_path / "both.jsonl"
    record = {"id": "both", "text": "“Fine,” she said.", "html": "<p>" + "Menu " * 30 + "</p>"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = read_articles([path])
    assert isinstance(article, Article) and article.text == "“Fine,” she said."


def test_a_news_please_json_file_is_one_article(tmp_path: Path) -> None:
    record = {
        "title": "Dock reopens",
        "maintext": "The dock reopened on Friday.\n\n“Finally,” a ferry captain said.",
        "date_publish": "2021-04-09 14:02:11",
        "source_domain": "www.kellvalleycourier.example",
    }
    (tmp_path / "dock.json").write_text(json.dumps(record), encoding="utf-8")
    [article] = read_articles([tmp_path / "dock.json"])
    assert isinstance(article, Article)
    assert (article.id, article.title, article.published, article.outlet) == (
        article_id(None, None, record["maintext"]),
        "Dock reopens",
        "2021-04-09",
        "kellvalleycourier.example",
    )


def test_a_json_list_gives_one_article_or_problem_per_item(tmp_path: Path) -> None:
    items = [{"id": "a", "text": "“Yes,” she said."}, {"id": "b"}, "oops"]
    (tmp_path / "list.json").write_text(json.dumps(items), encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"text": "unfinished', encoding="utf-8")
    found = {str(i.source).rsplit("/", 1)[1]: type(i).__name__ for i in read_articles([tmp_path])}
    assert found == {
        "bad.json": "Problem",
        "list.json#1": "Article",
        "list.json#2": "Problem",
        "list.json#3": "Problem",
    }


@pytest.mark.parametrize("name", ["empty.jsonl", "blank.jsonl", "empty.json"])
def test_an_empty_json_file_is_a_problem(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("\n \n" if name.startswith("blank") else "", encoding="utf-8")
    assert list(read_articles([tmp_path / name])) == [Problem(str(tmp_path / name), "empty file")]


def test_one_paragraph_per_line_gets_blank_lines_between() -> None:
    article = by_line(CRAWL)["2"]
    assert isinstance(article, Article)
    assert "closed it twice.\n\n“We got lucky" in article.text


def test_prose_wrapped_at_short_lines_is_left_alone(tmp_path: Path) -> None:
    wrapped = "The council met on Tuesday and\nvoted to delay the bridge\nuntil spring."
    (tmp_path / "w.jsonl").write_text(json.dumps({"id": "w", "text": wrapped}) + "\n")
    [article] = read_articles([tmp_path / "w.jsonl"])
    assert isinstance(article, Article) and article.text == wrapped
