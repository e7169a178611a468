"""Find which quotations might be the same, without comparing every pair.

Exact normalised keys come first (one entry per distinct wording). Then an inverted index of
word trigrams proposes pairs that share trigrams. Postings are kept in the order wordings are
clustered (longest first), and a trigram shared by very many wordings (a stock phrase such as
"at the end", or a quotation that went viral) is read only up to its first MAX_POSTING
wordings: the longest ones, which are the heads of the clusters a new wording may join. So
each wording reads at most MAX_POSTING entries per trigram and the cost stays linear in the
number of quotations, however popular a phrase is.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

SHINGLE = 3  # words per shingle: short enough that a four-word fragment has two
MAX_POSTING = 40  # entries read from one shingle's posting list
STOCK_PHRASE = 20  # a trigram in more wordings than this may be a stock phrase
MIN_SHARED = 2  # shingles a candidate must share, unless the quotation has three or fewer


class ShingleIndex:
    """Trigram postings over encoded wordings (one character per word), in clustering order."""

    def __init__(self, codes: Sequence[str], order: Sequence[int] | None = None) -> None:
        self.codes = codes
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i in order if order is not None else range(len(codes)):
            for s in set(shingles(codes[i])):
                self.postings[s].append(i)

    def candidates(self, i: int) -> Counter[int]:
        """Wordings sharing shingles with wording i (enough of them), with how many they share."""
        own = set(shingles(self.codes[i]))
        found: Counter[int] = Counter()
        for s in own:
            found.update(self.postings[s][:MAX_POSTING])
        del found[i]
        least = 1 if len(own) <= 3 else MIN_SHARED
        return Counter({j: n for j, n in found.items() if n >= least})

    def distinctive(self, code: str) -> bool:
        """Whether some trigram of `code` is rare enough not to be a stock phrase."""
        return any(len(self.postings.get(s, ())) <= STOCK_PHRASE for s in shingles(code))


def shingles(code: str) -> list[str]:
    """Overlapping word trigrams of an encoded wording (the whole wording if shorter)."""
    if len(code) <= SHINGLE:
        return [code] if code else []
    return [code[k : k + SHINGLE] for k in range(len(code) - SHINGLE + 1)]


def bag_overlap(a: Counter[str], b: Counter[str]) -> int:
    """Words two wordings share, counted with multiplicity: an upper bound on any alignment."""
    if len(a) > len(b):
        a, b = b, a
    return sum(min(n, b[w]) for w, n in a.items() if w in b)
