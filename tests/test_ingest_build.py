import gzip
import shutil
from pathlib import Path

from sqlite_utils import Database

from quotes.pipeline import build
from tests.conftest import FIXTURES


def test_a_mixed_folder_builds_every_readable_article_and_records_the_rest(
    tmp_path: Path, db_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "pages").mkdir(parents=True)
    shutil.copy(FIXTURES / "ingest.riverton-bridge.html", corpus / "pages" / "bridge.html")
    (corpus / "crawl.jsonl.gz").write_bytes(
        gzip.compress((FIXTURES / "ingest.crawl.jsonl").read_bytes())
    )
    (corpus / "note.txt").write_text("“We will be back,” the mayor said.\n", encoding="utf-8")
    (corpus / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    report = build([corpus], db_path)
    db = Database(db_path)
    assert db["articles"].count == 6  # 1 page, 4 good JSON lines, 1 text file
    assert report.articles_read == 6
    problems = {
        row["source"].replace(str(corpus), ""): row["message"] for row in db["problems"].rows
    }
    assert set(problems) == {
        "/crawl.jsonl.gz#3",
        "/crawl.jsonl.gz#6",
        "/crawl.jsonl.gz#7",
        "/photo.txt",
    }
    outlets = {row["outlet"] for row in db["articles"].rows}
    assert outlets == {
        "Riverton Ledger",
        "kellvalleycourier.example",
        "Willamette Week",
        "rivertonledger.example",
        None,
    }


def test_an_article_cut_short_by_the_extraction_cap_keeps_its_first_quotes_and_a_problem(
    tmp_path: Path, db_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr("quotes.extract.windows.MAX_MARKS", 6)
    (tmp_path / "long.txt").write_text(
        "“We will fix the roads,” Mayor Ana Ruiz said.\n\n" * 10, encoding="utf-8"
    )
    build([tmp_path / "long.txt"], db_path)
    db = Database(db_path)
    assert 0 < db["quotes"].count < 10
    (problem,) = db["problems"].rows
    assert problem["source"].endswith("long.txt")
    assert "quotation marks" in problem["message"]
