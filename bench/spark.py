"""The Spark build in local[N] beside the single-machine build, on one generated corpus.

Prints both builds' wall time and MB/s of article text, whether their tables are equal, and the
bytes each Spark stage shuffled per article (from Spark's own stage metrics), the figures the
100-million-article estimate in bench/README.md is scaled from.

    python bench/spark.py --articles 20000 --master 'local[2]'
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from generate import generate  # noqa: E402

from quotes.pipeline import build  # noqa: E402
from quotes.spark.build import spark_build  # noqa: E402
from quotes.spark.load import load_parquet  # noqa: E402
from quotes.spark.session import make_session  # noqa: E402

TABLES = ["articles", "speakers", "quotes", "clusters", "alterations", "provenance", "citations"]


def write_corpus(path: Path, n: int, seed: int) -> int:
    """A generated corpus as JSON Lines; returns its article text in bytes."""
    size = 0
    with path.open("w", encoding="utf-8") as out:
        for a in generate(n, seed).articles:
            out.write(json.dumps({k: v for k, v in a.as_dict().items() if k != "source"}) + "\n")
            size += len(a.text.encode())
    return size


def differing(a: Path, b: Path) -> list[str]:
    """The tables whose rows differ between two databases."""

    def rows(db: Path, table: str) -> list[tuple]:
        with sqlite3.connect(db) as c:
            return sorted(tuple(r) for r in c.execute(f"select * from [{table}]"))

    return [t for t in TABLES if rows(a, t) != rows(b, t)]


def shuffled(ui: str, app: str) -> dict[str, int]:
    """Bytes written to shuffle per stage name (the call site that ran it), summed."""
    with urllib.request.urlopen(f"{ui}/api/v1/applications/{app}/stages") as r:
        stages = json.load(r)
    out: dict[str, int] = defaultdict(int)
    for s in stages:
        if s.get("shuffleWriteBytes"):
            out[s["name"].split(" at ")[0] + " @ " + s["name"].rsplit(":", 1)[-1]] += int(
                s["shuffleWriteBytes"]
            )
    return dict(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        size = write_corpus(corpus, args.articles, args.seed)
        mb = size / 1e6
        started = time.perf_counter()
        build([corpus], Path(tmp) / "single.db")
        single = time.perf_counter() - started
        spark = make_session(
            args.master, **{"spark.ui.enabled": "true", "spark.sql.shuffle.partitions": "8"}
        )
        started = time.perf_counter()
        report = spark_build(spark, [str(corpus)], str(Path(tmp) / "tables"))
        distributed = time.perf_counter() - started
        ui, app = spark.sparkContext.uiWebUrl, spark.sparkContext.applicationId
        stages = shuffled(ui, app) if ui else {}
        spark.stop()
        load_parquet(Path(tmp) / "tables", Path(tmp) / "spark.db")
        unequal = differing(Path(tmp) / "single.db", Path(tmp) / "spark.db")
    print(f"{args.articles} articles, {mb:.1f} MB of text, Spark {args.master}")
    print(f"single machine: {single:7.1f} s  {mb / single:.3f} MB/s")
    print(f"spark:          {distributed:7.1f} s  {mb / distributed:.3f} MB/s (no session start)")
    print(f"ratio spark/single: {distributed / single:.2f}; tables differing: {unequal or 'none'}")
    print(
        f"largest component (clustered by one task): {report.largest_component:,} of"
        f" {report.quotes:,} quotes ({report.largest_component / max(1, report.quotes):.1%})"
    )
    print("shuffle written per article, by stage:")
    for name, total in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {total / args.articles:10.0f} B  {name}")
    print(f"  {sum(stages.values()) / args.articles:10.0f} B  in all")


if __name__ == "__main__":
    main()
