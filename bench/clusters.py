"""Score clustering on generated corpora with known truth and on the hand-labelled seeds.

Prints B-cubed precision, recall and F1 of clusters, alteration-label accuracy, how often the
copied-from quote is found, splices joined to (and linked to) the statement they take sentences
from, and throughput.

    python bench/clusters.py                      # 200 and 2,000 articles, then the seeds
    python bench/clusters.py --sizes 200,20000    # other corpus sizes
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from generate import Corpus, generate  # noqa: E402

from bench.score import bcubed  # noqa: E402
from quotes.cluster import cluster_quotes  # noqa: E402
from quotes.model import Cluster  # noqa: E402
from tests.test_cluster_seeds import seed_corpus  # noqa: E402

TARGET_F1 = 0.98


def membership(clusters: Sequence[Cluster]) -> dict[str, str]:
    return {q: c.id for c in clusters for q in c.quote_ids}


def label_scores(
    clusters: Sequence[Cluster], corpus: Corpus
) -> tuple[float, dict[str, tuple[float, float, int]]]:
    """Share of copies whose set of alteration kinds is exactly right, and per-kind P/R/support."""
    predicted: dict[str, set[str]] = defaultdict(set)
    for c in clusters:
        for a in c.alterations:
            predicted[a.quote_id].add(a.op)
    copies = list(corpus.truth.source)
    exact = sum(predicted[q] == set(corpus.truth.labels[q]) for q in copies)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for q in copies:
        real, mine = set(corpus.truth.labels[q]), predicted[q]
        tp.update(real & mine)
        fp.update(mine - real)
        fn.update(real - mine)
    per = {
        op: (tp[op] / ((tp[op] + fp[op]) or 1), tp[op] / ((tp[op] + fn[op]) or 1), tp[op] + fn[op])
        for op in sorted(set(tp) | set(fp) | set(fn))
    }
    return exact / (len(copies) or 1), per


def edge_scores(clusters: Sequence[Cluster], corpus: Corpus) -> tuple[float, float, float, float]:
    """Of copies with a known source: share given an edge, and share whose edge is right; of
    splices: the share in one cluster with the statement they took words from (the gold
    guideline: quoted as one span, the two are one), and the share linked to one of its quotes."""
    source = {e.quote_id: e.source_quote_id for c in clusters for e in c.edges if e.kind == "copy"}
    spliced = {
        e.quote_id: e.source_quote_id for c in clusters for e in c.edges if e.kind == "splice"
    }
    truth = corpus.truth
    copies = list(truth.source)
    with_edge = sum(q in source for q in copies)
    right = sum(source.get(q) == truth.source[q] for q in copies)
    splices = list(truth.splice_partner)
    found = membership(clusters)
    statements: dict[str, set[str]] = defaultdict(set)  # statement label -> found clusters
    for q, label in truth.statement.items():
        statements[label].add(found[q])
    joined = sum(found[q] in statements[truth.splice_partner[q]] for q in splices)
    linked = sum(
        truth.statement.get(spliced.get(q, ""), None) == truth.splice_partner[q] for q in splices
    )
    n, s = len(copies) or 1, len(splices) or 1
    return with_edge / n, right / n, joined / s, linked / s


def run_generated(n_articles: int, seed: int) -> float:
    corpus = generate(n_articles, seed)
    articles = {a.id: a for a in corpus.articles}
    began = time.perf_counter()
    clusters = cluster_quotes(corpus.quotes, articles, corpus.citations)
    seconds = time.perf_counter() - began
    p, r, f1 = bcubed(membership(clusters), corpus.truth.cluster)
    exact, per = label_scores(clusters, corpus)
    with_edge, right, joined, linked = edge_scores(clusters, corpus)
    n = len(corpus.quotes)
    print(
        f"\n== generated: {n_articles} articles, {n} quotes, "
        f"{len(set(corpus.truth.cluster.values()))} true clusters, "
        f"{len(clusters)} found (seed {seed})"
    )
    print(
        f"B-cubed precision {p:.4f}  recall {r:.4f}  F1 {f1:.4f}  "
        f"{'ok' if f1 >= TARGET_F1 else 'BELOW TARGET'} (target {TARGET_F1})"
    )
    shapes: dict[str, list[str]] = defaultdict(list)
    for q, shape in corpus.truth.shape.items():
        shapes[shape].append(q)
    for shape, items in sorted(shapes.items()):
        sp, sr, sf = bcubed(membership(clusters), corpus.truth.cluster, items)
        print(
            f"  pieces reported afresh, {shape:16} ({len(items)}): "
            f"precision {sp:.4f}  recall {sr:.4f}  F1 {sf:.4f}"
        )
    print(f"alteration labels exactly right on {exact:.3f} of {len(corpus.truth.source)} copies")
    for op, (lp, lr, support) in per.items():
        print(f"  {op:16} precision {lp:.3f}  recall {lr:.3f}  ({support} true)")
    print(
        f"copied-from edges: {with_edge:.3f} of copies have one, {right:.3f} name the true source"
    )
    print(
        f"splices ({len(corpus.truth.splice_partner)}): {joined:.3f} in one cluster with the"
        f" statement they took sentences from, {linked:.3f} linked to a quote of it"
    )
    print(f"throughput: {n / seconds:,.0f} quotes/s ({seconds:.2f} s)")
    return f1


def run_seeds() -> float:
    quotes, articles, citations, truth = seed_corpus()
    clusters = cluster_quotes(quotes, articles, citations)
    p, r, f1 = bcubed(membership(clusters), truth)
    print(
        f"\n== seeds: {len(quotes)} hand-labelled quotes, {len(set(truth.values()))} true clusters,"
        f" {len(clusters)} found"
    )
    print(
        f"B-cubed precision {p:.4f}  recall {r:.4f}  F1 {f1:.4f}  "
        f"{'exact' if f1 == 1 else 'NOT EXACT'}"
    )
    return f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,2000", help="article counts, comma-separated")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        run_generated(size, args.seed)
    run_seeds()


if __name__ == "__main__":
    main()
