import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quotes.ingest import read_articles
from quotes.model import Article, Problem

STORY = (
    "<html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>"
    "<p>The Riverton City Council met on Thursday night to weigh a plan for a new library "
    "branch on the east bank of the Kell River.</p>"
    "<p>“We need the space,” council member Ana Ruiz said. “Our children read in hallways.”</p>"
    "</article></body></html>"
)
DATED = '<meta property="article:published_time" content="2021-03-02T08:00:00Z">'


def page(title: str, meta: str = "") -> bytes:
    return STORY.format(title=title, meta=meta).encode()


def response(
    writer: WARCWriter,
    url: str,
    body: bytes,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=http,
        warc_headers_dict={"WARC-Date": "2024-12-12T08:00:00Z"},
    )  # fmt: skip
    writer.write_record(record)


def archive(gz: bool, *pages: tuple[str, bytes]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, body in pages:
        response(writer, url, body)
    return out.getvalue()


def read(path: Path) -> list[Article | Problem]:
    return list(read_articles([path]))


def test_each_html_response_is_an_article_and_other_records_are_skipped(tmp_path: Path) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
    response(writer, "https://www.wweek.com/news/library", page("Library branch", DATED))
    response(writer, "https://www.wweek.com/logo.png", b"\x89PNG...", content_type="image/png")
    response(writer, "https://www.wweek.com/gone", page("Gone"), status="404 Not Found")
    response(writer, "https://www.wweek.com/old", b"", status="301 Moved Permanently")
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(out.getvalue())
    [article] = read(path)
    assert isinstance(article, Article)
    assert (article.url, article.outlet, article.published, article.title) == (
        "https://www.wweek.com/news/library",
        "Willamette Week",
        "2021-03-02",
        "Library branch",
    )
    assert "\n\n“We need the space,”" in article.text
    assert article.source is not None and article.source.startswith(f"{path}#")


def test_the_capture_date_is_only_a_last_resort(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(archive(False, ("https://news.example/a", page("Undated story"))))
    [article] = read(path)
    assert isinstance(article, Article) and article.published == "2024-12-12"


@pytest.mark.parametrize("gz", [False, True])
def test_a_broken_record_is_a_problem_and_the_records_after_it_are_read(
    tmp_path: Path, gz: bool
) -> None:
    first = archive(gz, ("https://news.example/a", page("First story")))
    last = archive(gz, ("https://news.example/b", page("Last story")))
    junk = (
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03not deflate"
        if gz
        else b"WARC/1.0\r\njunk\r\n\r\n"
    )
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(first + junk + last)
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Article", "Problem", "Article"]
    assert [i.title for i in items if isinstance(i, Article)] == ["First story", "Last story"]
    problem = items[1]
    assert isinstance(problem, Problem)
    assert problem.source == f"{path}#{len(first)}" and "broken WARC record" in problem.message
    assert problem.message.isprintable()


def test_a_truncated_archive_keeps_the_whole_records_and_reports_the_cut(tmp_path: Path) -> None:
    whole = archive(
        False, ("https://news.example/a", page("First")), ("https://news.example/b", page("Second"))
    )
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[:-100])
    items = read(path)
    assert isinstance(items[0], Article)
    assert isinstance(items[-1], Problem) and "truncated" in items[-1].message


def test_an_empty_archive_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "empty.warc").write_bytes(b"")
    assert read(tmp_path / "empty.warc") == [Problem(str(tmp_path / "empty.warc"), "empty file")]


def test_a_captured_page_without_article_text_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(archive(False, ("https://news.example/menu", b"<html><nav>Home</nav></html>")))
    [problem] = read(path)
    assert isinstance(problem, Problem) and problem.source == f"{path}#0"


def test_an_archive_without_pages_says_so(tmp_path: Path) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    response(writer, "https://news.example/logo.png", b"\x89PNG...", content_type="image/png")
    path = tmp_path / "images.warc"
    path.write_bytes(out.getvalue())
    [problem] = read(path)
    assert isinstance(problem, Problem) and problem.message.startswith("no HTML pages")
