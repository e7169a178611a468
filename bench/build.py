"""Time a whole build (read, extract, cluster, write) on generated corpora of growing size.

Prints articles, characters, quotes and clusters, wall time, articles per second and peak memory,
so a change that makes the build slower or hungrier shows up.

    python bench/build.py                    # 1,000 and 10,000 articles
    python bench/build.py --sizes 50000
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from generate import generate  # noqa: E402

from quotes.pipeline import build  # noqa: E402


def time_build(n_articles: int, seed: int) -> str:
    """One row of the table: build a fresh database from a generated JSON Lines corpus."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        articles = generate(n_articles, seed).articles
        with corpus.open("w", encoding="utf-8") as out:
            for a in articles:
                out.write(json.dumps({k: v for k, v in a.as_dict().items() if k != "source"}))
                out.write("\n")
        chars = sum(len(a.text) for a in articles)
        started = time.perf_counter()
        report = build([corpus], Path(tmp) / "quotes.db")
        seconds = time.perf_counter() - started
    return (
        f"{report.articles_total:>9,} {chars:>12,} {report.quotes:>8,} {report.clusters:>8,} "
        f"{seconds:>8.1f} {report.articles_total / seconds:>10,.0f} {chars / seconds:>11,.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="article counts, comma-separated")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(
        f"{'articles':>9} {'chars':>12} {'quotes':>8} {'clusters':>8} {'seconds':>8} "
        f"{'articles/s':>10} {'chars/s':>11}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        print(time_build(size, args.seed), flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
