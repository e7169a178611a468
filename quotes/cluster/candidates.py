"""Find which quotations might be the same, without comparing every pair.

Exact normalised keys come first (one entry per distinct wording). Then an inverted index of
word trigrams proposes pairs that share rare trigrams. Trigrams shared by very many distinct
wordings ("at the end", "the american people") are stock phrases: a quotation probes with them
only when it has too few rarer ones, so their long posting lists are rarely read and the cost
stays near linear in the number of quotations.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

SHINGLE = 3  # words per shingle: short enough that a four-word fragment has two
MAX_POSTING = 50  # a shingle in more distinct wordings than this is a stock phrase
MIN_PROBES = 2  # a quotation made only of stock phrases still probes with its two rarest
MIN_SHARED = 2  # shingles a candidate must share, unless the quotation has three or fewer


class ShingleIndex:
    """Trigram postings over encoded wordings (one character per word)."""

    def __init__(self, codes: Sequence[str]) -> None:
        self.codes = codes
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, code in enumerate(codes):
            for s in set(shingles(code)):
                self.postings[s].append(i)

    def candidates(self, i: int) -> Counter[int]:
        """Wordings sharing a probe shingle with wording i, with how many they share."""
        own = sorted(set(shingles(self.codes[i])), key=lambda s: (len(self.postings[s]), s))
        probes = [s for s in own if len(self.postings[s]) <= MAX_POSTING]
        if len(probes) < MIN_PROBES:
            probes = own[:MIN_PROBES]
        found: Counter[int] = Counter()
        for s in probes:
            found.update(self.postings[s])
        del found[i]
        least = 1 if len(probes) <= 3 else MIN_SHARED
        return Counter({j: n for j, n in found.items() if n >= least})


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
