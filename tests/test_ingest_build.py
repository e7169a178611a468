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
