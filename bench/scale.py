"""How the build scales: extraction speed against textacy, whole builds, clustering, +1 %.

    python bench/scale.py                                  # 10k-article builds, 10k/100k quotes
    python bench/scale.py --articles 10000,100000          # also the 100k build
    python bench/scale.py --quotes 10000,100000,1000000    # the opt-in 1M clustering run
    python bench/scale.py --skip extraction,clustering --articles 100000 --queries

Prints, in one run (ratios mean something on a shared machine; absolute seconds less so):
- extraction: characters per CPU second of `quotes` and of textacy (run in .venv-bench, make
  bench-env) on the same PolNeAR articles, and their ratio;
- builds: a fresh database from N articles (PolNeAR's texts reprinted under other ids, outlets
  and dates, as wire copy is; generated articles when PolNeAR is missing), its wall time, stage
  times (wall, and CPU in brackets) and peak memory (each build in its own process), then the
  time to add 1 % more articles to it and that time's share of the full build (wall and CPU);
- clustering: cluster_quotes on generated corpora of about N quotes beside a plain datasketch
  MinHashLSH (insert and query every quote) on the same quotes, and the growth of each from one
  size to the next (linear growth is 10x for 10x the quotes).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from accuracy import run_tool  # noqa: E402
from generate import generate  # noqa: E402
from polnear import SPLITS, PolnearMissing, polnear_dir, read_split  # noqa: E402

from quotes.cluster import cluster_quotes  # noqa: E402
from quotes.model import Article, Quote  # noqa: E402
from quotes.pipeline import build, long_lived  # noqa: E402

OUTLETS = ["Daily Ledger", "Evening Courier", "Morning Star", "River Times", "Wire Service"]
PER_DAY = 200  # reprinted articles published a day


def extraction(limit: int) -> None:
    """Characters per CPU second of both extractors on the first `limit` dev articles."""
    try:
        data_dir = polnear_dir()
        docs = read_split(data_dir, "dev", limit)
    except PolnearMissing as error:
        print(f"extraction: not run ({error})")
        return
    args = argparse.Namespace(
        here=False, errors=0, split="dev", limit=limit, data_dir=data_dir, polnear=None
    )
    ours = run_tool("quotes", docs, args)
    theirs = run_tool("textacy", docs, args)
    mb = ours.chars_per_second / 1e6
    line = f"extraction on {len(docs)} PolNeAR dev articles: quotes {mb:.2f} MB/s (CPU)"
    if theirs.note:
        print(f"{line}; textacy {theirs.note}")
    else:
        ratio = ours.chars_per_second / theirs.chars_per_second
        print(f"{line}, textacy {theirs.chars_per_second / 1e6:.4f} MB/s: {ratio:.0f}x textacy")


def reprinted(n: int, seed: int, held: int = 0) -> list[Article]:
    """n articles: PolNeAR's texts in turn under new ids, outlets and dates (generated ones
    when PolNeAR is missing), then `held` more, each a text the first n never print (PolNeAR's
    last `held` texts; a generated corpus's later articles, mostly new stories). Only read
    here, never written into the repository."""
    try:
        data_dir = polnear_dir()
        texts = [d.text for split in SPLITS for d in read_split(data_dir, split)]
    except PolnearMissing:
        return generate(n + held, seed).articles
    base = texts[: len(texts) - held] if held else texts
    chosen = [base[i % len(base)] for i in range(n)] + texts[len(texts) - held :][:held]
    start = date(2016, 1, 1)
    return [
        Article(
            id=f"r{seed}-{i:07d}",
            text=text,
            url=f"https://example.com/{seed}/{i}",
            outlet=OUTLETS[i % len(OUTLETS)],
            published=(start + timedelta(days=i // PER_DAY)).isoformat(),
        )
        for i, text in enumerate(chosen)
    ]


def _write(path: Path, articles: Sequence[Article]) -> int:
    with path.open("w", encoding="utf-8") as out:
        for a in articles:
            row = {k: v for k, v in a.as_dict().items() if k != "source"}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return sum(len(a.text) for a in articles)


def one_build(
    n: int, seed: int, queries: bool = False, plus: str = "reprints"
) -> dict[str, object]:
    """In a process of its own: a full build of n articles, then 1 % more added to it, reprints
    of its texts or (`plus` "new") texts it does not hold (with `queries`, bench/queries.py's
    SQL timings on the full build in between)."""
    extra = max(1, n // 100)
    articles = reprinted(n + extra, seed) if plus == "reprints" else reprinted(n, seed, held=extra)
    with tempfile.TemporaryDirectory() as tmp:
        full, extra = Path(tmp) / "full.jsonl", Path(tmp) / "extra.jsonl"
        chars = _write(full, articles[:n])
        _write(extra, articles[n:])
        del articles
        began = time.perf_counter()
        report = build([full], Path(tmp) / "quotes.db")
        seconds = time.perf_counter() - began
        timings = _query_times(Path(tmp) / "quotes.db") if queries else ""
        began = time.perf_counter()
        added = build([extra], Path(tmp) / "quotes.db")
        incremental = time.perf_counter() - began
    return {
        "articles": n,
        "chars": chars,
        "quotes": report.quotes,
        "clusters": report.clusters,
        "seconds": seconds,
        "stages": report.seconds,
        "cpu": report.cpu,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "incremental": incremental,
        "incremental_stages": added.seconds,
        "incremental_cpu": added.cpu,
        "queries": timings,
        "computed": added.clusters_computed,
        "clusters_after": added.clusters,
    }


def _query_times(db: Path) -> str:
    """bench/queries.py's SQL part on a database: one line per canned query, view and facet."""
    command = [sys.executable, str(ROOT / "bench" / "queries.py"), str(db), "--skip", "pages"]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT).stdout


def builds(sizes: Sequence[int], seed: int, queries: bool = False, plus: str = "reprints") -> None:
    """One row per size, each build run in a child process so its peak memory is its own."""
    for n in sizes:
        command = [sys.executable, __file__, "--one-build", str(n), "--seed", str(seed)]
        command += ["--plus", plus] + (["--queries"] if queries else [])
        run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=os.environ)
        if run.returncode:
            print(f"build of {n:,} articles failed: {run.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(run.stdout)
        stages, added = (
            _stages(r["stages"], r["cpu"]),
            _stages(r["incremental_stages"], r["incremental_cpu"]),
        )
        print(
            f"build {r['articles']:,} articles ({r['chars'] / 1e6:.0f} MB, {r['quotes']:,} quotes,"
            f" {r['clusters']:,} clusters): {r['seconds']:.0f} s = "
            f"{r['chars'] / 1e6 / r['seconds']:.2f} MB/s, peak {r['peak_mib']:,.0f} MiB "
            f"[{stages}]\n  +1 % articles ({plus}): {r['incremental']:.1f} s = "
            f"{r['incremental'] / r['seconds']:.1%} of the full build "
            f"(CPU {sum(r['incremental_cpu'].values()) / sum(r['cpu'].values()):.1%}) [{added}]; "
            f"{r['computed']:,} of {r['clusters_after']:,} clusters computed",
            flush=True,
        )
        if r["queries"]:
            print(f"  queries on the {r['articles']:,}-article database:\n{r['queries']}", end="")


def _stages(seconds: dict[str, float], cpu: dict[str, float]) -> str:
    """Each stage's wall-clock seconds and, in brackets, its CPU seconds (workers' included)."""
    return ", ".join(f"{k} {v:.1f} ({cpu[k]:.1f})" for k, v in seconds.items())


def quotes_of(n_quotes: int, seed: int) -> tuple[list[Quote], dict[str, Article]]:
    """A generated corpus of about n_quotes quotes (2.35 a generated article)."""
    corpus = generate(max(1, round(n_quotes / 2.35)), seed)
    return corpus.quotes, {a.id: a for a in corpus.articles}


def minhash_lsh(quotes: Sequence[Quote]) -> float:
    """Seconds for a plain datasketch MinHashLSH over word trigrams: insert and query each quote."""
    from datasketch import MinHash, MinHashLSH

    began = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=64)
    hashes = []
    for n, q in enumerate(quotes):
        words = q.text.lower().split()
        m = MinHash(num_perm=64)
        m.update_batch(" ".join(words[k : k + 3]).encode() for k in range(max(1, len(words) - 2)))
        lsh.insert(str(n), m)
        hashes.append(m)
    for m in hashes:
        lsh.query(m)
    return time.perf_counter() - began


def clustering(sizes: Sequence[int], seed: int) -> None:
    """cluster_quotes and MinHashLSH on growing corpora, with each one's growth."""
    previous: tuple[int, float, float, float] | None = None
    for n in sizes:
        quotes, articles = quotes_of(n, seed)
        gc.collect()
        gc.freeze()  # as in a build, the corpus is an earlier stage's and no collection walks it
        with long_lived():
            began = time.perf_counter(), time.process_time()
            cluster_quotes(quotes, articles)
            ours = time.perf_counter() - began[0]
            cpu = time.process_time() - began[1]
        gc.unfreeze()
        theirs = minhash_lsh(quotes)
        line = (
            f"clustering {len(quotes):,} quotes: {ours:.1f} s ({cpu:.1f} s CPU);"
            f" MinHashLSH {theirs:.1f} s"
        )
        if previous:
            m, o, c, t = previous
            line += (
                f"; growth for {len(quotes) / m:.1f}x the quotes: ours {ours / o:.1f}x"
                f" ({cpu / c:.1f}x in CPU), MinHashLSH {theirs / t:.1f}x"
            )
        print(line, flush=True)
        previous = (len(quotes), ours, cpu, theirs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default="10000", help="build sizes, comma-separated")
    parser.add_argument("--quotes", default="10000,100000", help="clustering sizes")
    parser.add_argument("--textacy-articles", type=int, default=30, help="dev articles timed")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip", default="", help="parts left out: extraction,builds,clustering")
    parser.add_argument(
        "--queries", action="store_true", help="time canned queries and views on each build"
    )
    parser.add_argument(
        "--plus",
        choices=("reprints", "new"),
        default="reprints",
        help="the +1 %%: reprints of stored texts, or new texts (held out of the full build)",
    )
    parser.add_argument("--one-build", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_build:
        print(json.dumps(one_build(args.one_build, args.seed, args.queries, args.plus)))
        return
    skip = set(args.skip.split(","))
    if "extraction" not in skip:
        extraction(args.textacy_articles)
    if "builds" not in skip:
        sizes = [int(s) for s in args.articles.split(",") if s]
        builds(sizes, args.seed, args.queries, args.plus)
    if "clustering" not in skip:
        clustering([int(s) for s in args.quotes.split(",") if s], args.seed)


if __name__ == "__main__":
    main()
