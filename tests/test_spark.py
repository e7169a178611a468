"""The Spark build (local[2]) equals the single-machine build, table for table."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotes.ingest import read_articles
from quotes.model import Article
from quotes.pipeline import build

from .conftest import ROOT, SEEDS

pytest.importorskip("pyspark", reason="the spark extra is not installed: pip install '.[spark]'")
pytest.importorskip("pyarrow", reason="the spark extra is not installed: pip install '.[spark]'")
if shutil.which("java") is None:
    pytest.skip("Spark needs java on PATH", allow_module_level=True)

from quotes.spark.build import spark_build  # noqa: E402
from quotes.spark.load import Filters, load_parquet  # noqa: E402
from quotes.spark.session import make_session  # noqa: E402

pytestmark = [
    pytest.mark.spark,
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]

TABLES = ["articles", "speakers", "quotes", "clusters", "alterations", "provenance", "citations"]


@pytest.fixture(scope="session")
def spark() -> Iterator[object]:
    conf = {"spark.sql.shuffle.partitions": "4", "spark.driver.memory": "2g"}
    session = make_session("local[2]", **conf)
    yield session
    session.stop()


def rows(db: Path, table: str) -> list[tuple]:
    with sqlite3.connect(db) as c:
        return sorted(tuple(r) for r in c.execute(f"select * from [{table}]"))


def both_builds(spark: object, corpus: Path, tmp: Path) -> tuple[Path, Path]:
    """The single-machine database of `corpus`, and the Spark build's loaded into another."""
    single, distributed = tmp / "single.db", tmp / "spark.db"
    build([corpus], single)
    spark_build(spark, [str(corpus)], str(tmp / "tables"))  # type: ignore[arg-type]
    load_parquet(tmp / "tables", distributed)
    return single, distributed


def seeds_as_jsonl(path: Path) -> Path:
    """The seed articles as one JSON Lines file, with the ids they have as files."""
    with path.open("w") as f:
        for a in read_articles([SEEDS]):
            assert isinstance(a, Article)
            meta = {k: v for k, v in a.as_dict().items() if k != "source"}
            f.write(json.dumps(meta) + "\n")
    return path


@pytest.fixture(scope="module")
def seeds(spark: object, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    tmp = tmp_path_factory.mktemp("spark-seeds")
    return (tmp, *both_builds(spark, seeds_as_jsonl(tmp / "seeds.jsonl"), tmp))


@pytest.mark.parametrize("table", TABLES)
def test_the_spark_build_of_the_seeds_equals_the_single_machine_build(
    seeds: tuple[Path, Path, Path], table: str
) -> None:
    _, single, distributed = seeds
    assert rows(single, table), f"the seeds give no {table}: nothing is compared"
    assert rows(distributed, table) == rows(single, table)


@pytest.mark.parametrize(
    "articles",
    [
        600,
        pytest.param(
            3000,
            marks=pytest.mark.skipif(
                not os.environ.get("QUOTES_SLOW_TESTS"),
                reason="several minutes: .ci/run sets QUOTES_SLOW_TESTS=1",
            ),
        ),
    ],
)
def test_a_generated_corpus_clusters_alike_on_spark_and_on_one_machine(
    spark: object, tmp_path: Path, articles: int
) -> None:
    corpus = tmp_path / "generated.jsonl"
    generated = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), str(articles), "--seed", "1"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    corpus.write_text(generated)
    single, distributed = both_builds(spark, corpus, tmp_path)
    for table in TABLES:
        assert rows(distributed, table) == rows(single, table), table


def test_loading_one_outlet_keeps_its_articles_quotes_and_their_clusters(
    seeds: tuple[Path, Path, Path],
) -> None:
    tmp, single, _ = seeds
    outlet = rows(single, "articles")[0][3]
    one = tmp / "one-outlet.db"
    load_parquet(tmp / "tables", one, Filters(outlets={outlet}))
    with sqlite3.connect(one) as c:
        outlets = {r[0] for r in c.execute("select distinct outlet from articles")}
        stray = c.execute(
            "select count(*) from quotes join articles on articles.id = quotes.article_id"
            " where articles.outlet is not ?", (outlet,)
        ).fetchone()[0]  # fmt: skip
        unclustered = c.execute(
            "select count(*) from quotes where cluster_id not in (select id from clusters)"
        ).fetchone()[0]
    assert outlets == {outlet}
    assert stray == 0 and unclustered == 0
