"""How much a wording reads of the trigram index as the corpus grows (issue 11: clustering
should grow linearly with the quotes).

    python bench/candidates.py --quotes 50000,200000

For generated corpora of about N quotes, per wording: its trigrams, the share of its trigram
postings read to the cap (candidates.MAX_POSTING), the posting entries read, the distinct
wordings they name (what candidates() counts), the candidates kept (sharing enough trigrams);
and for the corpus, the trigrams that count as stock phrases and the fragment look-up words
whose posting is past fragments.MAX_POSTING. Entries read and candidates kept are bounded per
wording by the caps; what grows short of those bounds is work per wording.
"""

from __future__ import annotations

import argparse
import sys
from itertools import chain
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from generate import generate  # noqa: E402

from quotes.cluster.candidates import MAX_POSTING, STOCK_PHRASE, shingles  # noqa: E402
from quotes.cluster.counts import clustering_order, indexes  # noqa: E402
from quotes.cluster.fragments import MAX_POSTING as FRAGMENT_POSTING  # noqa: E402
from quotes.cluster.normalise import tokenise  # noqa: E402
from quotes.cluster.wordings import distinct_wordings  # noqa: E402


def reads(n_quotes: int, seed: int) -> str:
    """One line of figures for a generated corpus of about n_quotes quotes."""
    corpus = generate(max(1, round(n_quotes / 2.35)), seed)
    ordered = sorted(corpus.quotes, key=lambda q: (q.article_id, q.start, q.end))
    wordings, _ = distinct_wordings(
        ordered, [tokenise(q.text) for q in ordered], {a.id: a for a in corpus.articles}
    )
    index, words = indexes(wordings, clustering_order(wordings))
    trigrams = capped = read = met = kept = 0
    for i, w in enumerate(wordings):
        lists = [index.postings[s][:MAX_POSTING] for s in set(shingles(w.code))]
        trigrams += len(lists)
        capped += sum(len(p) == MAX_POSTING for p in lists)
        read += sum(map(len, lists))
        met += len(set(chain.from_iterable(lists))) - 1  # less the wording itself
        kept += len(index.candidates(i))
    n = len(wordings)
    stock = sum(len(p) > STOCK_PHRASE for p in index.postings.values())
    past = sum(len(p) > FRAGMENT_POSTING for p in words.overall.values())
    return (
        f"{len(corpus.quotes):,} quotes, {n:,} wordings; per wording: {trigrams / n:.1f} trigrams"
        f" ({capped / max(trigrams, 1):.1%} read to the cap), {read / n:.1f} entries read,"
        f" {met / n:.1f} wordings met, {kept / n:.2f} candidates; stock trigrams {stock:,};"
        f" fragment words past the cap {past:,} of {len(words.overall):,}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", default="50000,200000", help="corpus sizes, comma-separated")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for size in (int(s) for s in args.quotes.split(",") if s):
        print(reads(size, args.seed), flush=True)


if __name__ == "__main__":
    main()
