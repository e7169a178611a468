"""How a corpus falls apart for clustering: components over candidate pairs, over links, and
the statements' components.

Candidate pairs are what the stages look up (trigram candidates, a fragment's holders in its
rarest word's posting); settled are the components over the pairs components.settle_linked
keeps (what grouping relates before splices), and staged the parts components.staged_parts
makes of them where a splice may join their clusters (what the Spark build clusters per task,
each grouped alone as the whole corpus groups it); statements are the components of
wordings of AMBIGUOUS_WORDS or more over components.statement_linked (the first level of
grouping; short wordings and splices are then placed against their clusters one by one); short
are the components of short wordings over the pairs of them that could join (placing a short
wording reads the short ones placed before it). Each line gives the components, the largest
one's quotes and wordings (and its share of the corpus), and how many quotes lie in components
of at most 10, 100 and 1,000 quotes.

    python bench/components.py --generated 3000 --seed 1
    python bench/components.py /work/polnear/data/train/text /work/polnear/data/dev/text ...
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

from quotes.cluster.candidates import ShingleIndex  # noqa: E402
from quotes.cluster.components import (  # noqa: E402
    components,
    settle_linked,
    staged_parts,
    statement_linked,
)
from quotes.cluster.counts import survey  # noqa: E402
from quotes.cluster.fragments import content_of  # noqa: E402
from quotes.cluster.joins import AMBIGUOUS_WORDS, may_join  # noqa: E402
from quotes.cluster.normalise import tokenise  # noqa: E402
from quotes.cluster.sets import UnionFind  # noqa: E402
from quotes.cluster.verify import SHORT_FRAGMENT_WORDS  # noqa: E402
from quotes.cluster.wordings import Wording, distinct_wordings  # noqa: E402
from quotes.ingest import read_articles  # noqa: E402
from quotes.model import Article, Quote  # noqa: E402
from quotes.pipeline import analyse  # noqa: E402


def candidate_parts(wordings: Sequence[Wording]) -> list[list[int]]:
    """Components over every candidate pair, linked or not."""
    found = survey(wordings)
    rank = {i: r for r, i in enumerate(found.order)}
    uf = UnionFind(len(wordings))
    for i, w in enumerate(wordings):
        for j in found.index.candidates(i):
            uf.union(i, j)
        if len(w.code) < SHORT_FRAGMENT_WORDS and (content := content_of(w.tokens.words)):
            for by_speaker in (True, False) if w.speakers else (False,):
                for j in found.words.holders(i, content, lambda j: rank[j] < rank[i], by_speaker):  # noqa: B023
                    uf.union(i, j)
    parts: dict[int, list[int]] = {}
    for i in range(len(wordings)):
        parts.setdefault(uf.find(i), []).append(i)
    return list(parts.values())


def short_linked(i: int, j: int, wordings: Sequence[Wording], _: ShingleIndex) -> bool:
    """Whether two short wordings could join one another."""
    a, b = len(wordings[i].code), len(wordings[j].code)
    if a >= AMBIGUOUS_WORDS or b >= AMBIGUOUS_WORDS:
        return False
    return may_join(i, j, wordings) if a <= b else may_join(j, i, wordings)


def describe(name: str, parts: list[list[int]], wordings: Sequence[Wording]) -> str:
    quotes = sorted(((sum(wordings[i].weight for i in p), len(p)) for p in parts), reverse=True)
    total = sum(q for q, _ in quotes)
    within = {cap: sum(q for q, _ in quotes if q <= cap) for cap in (10, 100, 1000)}
    (big_q, big_w), *_ = quotes
    return (
        f"{name:10} {len(parts):6,} components; largest {big_q:,} quotes ({big_q / total:.1%}), "
        f"{big_w:,} wordings; quotes in components of <=10 / <=100 / <=1000 quotes: "
        + " / ".join(f"{within[c] / total:.1%}" for c in (10, 100, 1000))
    )


def load(inputs: Sequence[str], generated: int | None, seed: int) -> list[Wording]:
    """The distinct wordings of a generated corpus of `generated` articles, or of the quotes
    extracted from the articles in `inputs`; prints how many of each."""
    quotes: list[Quote]
    if generated:
        corpus = generate(generated, seed)
        quotes, articles = corpus.quotes, {a.id: a for a in corpus.articles}
    else:
        articles = {}
        for a in read_articles(list(inputs)):
            if isinstance(a, Article):
                articles.setdefault(a.id, a)
        quotes, _, _ = analyse(list(articles.values()))
    ordered = sorted(quotes, key=lambda q: (q.article_id, q.start, q.end))
    wordings, _ = distinct_wordings(ordered, [tokenise(q.text) for q in ordered], articles)
    print(f"{len(articles):,} articles, {len(quotes):,} quotes, {len(wordings):,} wordings")
    return wordings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", help="files or folders of articles")
    parser.add_argument("--generated", type=int, help="a generated corpus of N articles")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    wordings = load(args.inputs, args.generated, args.seed)
    print(describe("candidates", candidate_parts(wordings), wordings))
    found = survey(wordings)
    began = time.perf_counter()
    staged = staged_parts(wordings, found)
    print(describe("staged", staged, wordings) + f" ({time.perf_counter() - began:.1f} s)")
    for name, link in (
        ("settled", settle_linked),
        ("statements", statement_linked),
        ("short", short_linked),
    ):
        began = time.perf_counter()
        parts = components(wordings, found, link)
        print(describe(name, parts, wordings) + f" ({time.perf_counter() - began:.1f} s)")


if __name__ == "__main__":
    main()
