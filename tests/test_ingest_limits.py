"""Inputs too big, too deep, cut short or oddly encoded: each a problem, and the build goes on."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from quotes.cli import cli
from quotes.ingest import read_articles
from quotes.model import Article, Problem
from quotes.pipeline import build
from tests.test_ingest_warc import archive, page

SAID = "“We will be back,” the mayor said."


def lines(*records: object) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


def split(items: list[Article | Problem]) -> tuple[list[Article], list[Problem]]:
    return [a for a in items if isinstance(a, Article)], [
        p for p in items if isinstance(p, Problem)
    ]


def test_a_file_over_the_size_cap_is_a_problem_and_is_never_read_whole(tmp_path: Path) -> None:
    (tmp_path / "quotes.txt").write_bytes(b'"' * 5000)
    (tmp_path / "fine.txt").write_text(SAID, encoding="utf-8")
    articles, problems = split(list(read_articles([tmp_path], max_bytes=1000)))
    assert [a.text for a in articles] == [SAID]
    assert [p.source for p in problems] == [str(tmp_path / "quotes.txt")]
    assert "larger than 1,000 bytes" in problems[0].message


def test_a_huge_line_in_a_gzipped_crawl_is_a_problem_and_the_lines_after_it_still_read(
    tmp_path: Path,
) -> None:
    bomb = tmp_path / "crawl.jsonl.gz"
    bomb.write_bytes(
        gzip.compress(lines({"text": SAID}, {"text": '"' * 50_000}, {"text": "“Yes,” she said."}))
    )
    articles, problems = split(list(read_articles([bomb], max_bytes=1000)))
    assert [a.source for a in articles] == [f"{bomb}#1", f"{bomb}#3"]
    assert [(p.source, "larger than" in p.message) for p in problems] == [(f"{bomb}#2", True)]


def test_a_line_exactly_at_the_cap_is_read(tmp_path: Path) -> None:
    record = json.dumps({"text": SAID}).encode()
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_bytes(record + b"\n" + record)
    articles, problems = split(list(read_articles([crawl], max_bytes=len(record))))
    assert len(articles) == 2 and problems == []


def test_json_nested_too_deep_spoils_only_its_own_line(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    deep = b"[" * 100_000 + b"]" * 100_000
    crawl.write_bytes(lines({"text": SAID}) + deep + b"\n" + lines({"text": "“Yes,” she said."}))
    articles, problems = split(list(read_articles([crawl])))
    assert [a.source for a in articles] == [f"{crawl}#1", f"{crawl}#3"]
    assert [(p.source, p.message) for p in problems] == [
        (f"{crawl}#2", "JSON nested too deeply to be an article")
    ]


def test_a_gzip_cut_before_its_trailer_keeps_every_line_and_says_so(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl.gz"
    crawl.write_bytes(gzip.compress(lines({"text": SAID}, {"text": "“Yes,” she said."}))[:-8])
    articles, problems = split(list(read_articles([crawl])))
    assert len(articles) == 2
    assert [p.source for p in problems] == [f"{crawl}#3"]


def test_a_gzipped_archive_cut_short_keeps_its_whole_records(tmp_path: Path) -> None:
    whole = archive(
        True, ("https://news.example/a", page("First")), ("https://news.example/b", page("Second"))
    )
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[:-60])
    articles, problems = split(list(read_articles([cut])))
    assert [a.title for a in articles] == ["First"]
    assert len(problems) == 1


def test_a_web_page_over_the_cap_in_an_archive_is_a_problem_and_the_next_page_reads(
    tmp_path: Path,
) -> None:
    big = page("Big", meta="<!-- " + "x" * 5000 + " -->")
    path = tmp_path / "crawl.warc"
    path.write_bytes(
        archive(
            False, ("https://news.example/big", big), ("https://news.example/b", page("Second"))
        )
    )
    articles, problems = split(list(read_articles([path], max_bytes=len(page("Second")) + 10)))
    assert [a.title for a in articles] == ["Second"]
    assert len(problems) == 1 and "page larger than" in problems[0].message


def test_utf16_without_a_byte_order_mark_is_decoded(tmp_path: Path) -> None:
    for encoding in ("utf-16-le", "utf-16-be"):
        (tmp_path / f"{encoding}.txt").write_bytes(f"Ferry returns\n\n{SAID}\n".encode(encoding))
    articles, problems = split(list(read_articles([tmp_path])))
    assert problems == [] and [a.text for a in articles] == [f"Ferry returns\n\n{SAID}"] * 2


def test_a_missing_path_on_the_command_line_is_a_problem_and_the_rest_is_built(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text(SAID, encoding="utf-8")
    db_path = tmp_path / "q.db"
    result = CliRunner().invoke(
        cli, ["build", str(tmp_path / "a.txt"), str(tmp_path / "gone"), "--db", str(db_path)]
    )
    assert result.exit_code == 0, result.output
    assert f"skipped {tmp_path / 'gone'}: no such file or folder" in result.output
    db = Database(db_path)
    assert db["articles"].count == 1
    assert [r["source"] for r in db["problems"].rows] == [str(tmp_path / "gone")]


def test_a_build_that_reads_nothing_at_all_exits_with_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["build", str(tmp_path / "gone"), "--db", str(tmp_path / "q.db")]
    )
    assert result.exit_code == 1
    assert "no article could be read" in result.output


def test_problems_carry_the_build_that_found_them_and_go_when_their_file_is_fixed(
    tmp_path: Path, db_path: Path
) -> None:
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_bytes(lines({"text": SAID}) + b"{oops\n")
    other = tmp_path / "other.jsonl"
    other.write_bytes(b"{bad\n")
    first = build([crawl, other], db_path)
    rows = {r["source"]: r["build"] for r in Database(db_path)["problems"].rows}
    assert rows == {f"{crawl}#2": first.build, f"{other}#1": first.build}
    crawl.write_bytes(lines({"text": SAID}))  # the bad line fixed, not moved
    build([crawl], db_path)
    rows = {r["source"]: r["build"] for r in Database(db_path)["problems"].rows}
    assert rows == {f"{other}#1": first.build}  # not read again: its problem stays as found


def test_a_missing_folders_problem_goes_once_it_exists_and_is_read(
    tmp_path: Path, db_path: Path
) -> None:
    folder = tmp_path / "later"
    build([folder], db_path)
    assert [r["source"] for r in Database(db_path)["problems"].rows] == [str(folder)]
    folder.mkdir()
    (folder / "a.txt").write_text(SAID, encoding="utf-8")
    build([folder], db_path)
    assert Database(db_path)["problems"].count == 0


def test_a_path_that_cannot_be_looked_at_is_a_problem_and_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(SAID, encoding="utf-8")
    hidden = tmp_path / "locked" / "b.txt"
    real_stat = Path.stat

    def stat(self: Path, **kwargs: bool) -> os.stat_result:
        if self == hidden:
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    articles, problems = split(list(read_articles([hidden, tmp_path / "a.txt"])))
    assert [a.text for a in articles] == [SAID]
    assert problems == [Problem(str(hidden), "cannot read: Permission denied")]
