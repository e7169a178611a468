"""Find which quotations might be the same, without comparing every pair.

Exact normalised keys come first (one entry per distinct wording). Then an inverted index of
word trigrams proposes pairs that share trigrams. Postings are kept in the order wordings are
clustered (longest first), and a trigram shared by very many wordings (a stock phrase such as
"at the end", or a quotation that went viral) is read only up to its first MAX_POSTING
wordings: the longest ones, which are the heads of the clusters a new wording may join. So
each wording reads at most MAX_POSTING entries per trigram and the cost stays linear in the
number of quotations, however popular a phrase is.

Which trigrams are stock phrases, under which trigrams a wording lies past the first
MAX_POSTING, and how far a splice check reads a wording's candidates are facts of the whole
corpus: an index over part of it takes them from the corpus (counts.Local), so it finds, within
that part, exactly the candidates the whole corpus's index finds.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain

from rapidfuzz.distance import LCSseq

SHINGLE = 3  # words per shingle: short enough that a four-word fragment has two
MAX_POSTING = 40  # entries read from one shingle's posting list
STOCK_PHRASE = 20  # a trigram in more wordings than this may be a stock phrase
MIN_SHARED = 2  # shingles a candidate must share, unless the quotation has three or fewer


# Where a wording stands in clustering order, comparable between runs over different parts of a
# corpus: (-words, -weight, normalised words).
OrderKey = tuple[int, int, str]
# Where a candidate stands in a wording's candidate list: (-shingles shared, its OrderKey).
CandidateKey = tuple[int, OrderKey]


class ShingleIndex:
    """Trigram postings over encoded wordings (one character per word), in clustering order.

    `stock` (trigrams that are stock phrases in the corpus), `unread` (per wording, the trigrams
    under which the corpus reads it past MAX_POSTING) and `cutoffs` (per wording, the last
    candidate a capped read takes in the corpus) come from the corpus when the index holds only
    part of it; left out, they are counted from the wordings indexed."""

    def __init__(
        self,
        codes: Sequence[str],
        order: Sequence[int] | None = None,
        stock: frozenset[str] | None = None,
        unread: Mapping[int, frozenset[str]] | None = None,
        cutoffs: Mapping[int, CandidateKey] | None = None,
        keys: Sequence[OrderKey] = (),
    ) -> None:
        self.codes = codes
        self._ranked: dict[int, list[int]] = {}
        # For each wording asked about: shingles shared with each of its candidates.
        self.shared: dict[int, dict[int, int]] = {}
        self.postings: dict[str, list[int]] = defaultdict(list)
        order = range(len(codes)) if order is None else order
        self._rank = {i: r for r, i in enumerate(order)}
        self._stock_starts: dict[str, frozenset[int]] = {}
        self._stock = stock
        self._cutoffs = cutoffs or {}
        self._keys = keys
        unread = unread or {}
        for i in order:
            skipped = unread.get(i, frozenset())
            for s in set(shingles(codes[i])):
                if s not in skipped:
                    self.postings[s].append(i)

    def candidates(self, i: int) -> list[int]:
        """Wordings sharing enough shingles with wording i, those sharing most first (ties in
        clustering order); computed once per wording, as several stages ask."""
        if i not in self._ranked:
            own = set(shingles(self.codes[i]))
            found = Counter(chain.from_iterable(self.postings[s][:MAX_POSTING] for s in own))
            del found[i]
            least = 1 if len(own) <= 3 else MIN_SHARED
            # Only the candidates' counts are kept: a wording shares a trigram or so by chance
            # with hundreds of others in a large corpus.
            shared = self.shared[i] = {j: n for j, n in found.items() if n >= least}
            self._ranked[i] = sorted(shared, key=lambda j: (-shared[j], self._rank[j]))
        return self._ranked[i]

    def proposed(self, i: int, j: int) -> bool:
        """Whether j is among wording i's candidates."""
        self.candidates(i)
        return j in self.shared[i]

    def first_candidates(self, i: int, n: int) -> list[int]:
        """The first n of wording i's candidates in the corpus (those of them indexed here)."""
        found = self.candidates(i)
        cutoff = self._cutoffs.get(i)
        if cutoff is None:
            return found[:n]
        return [j for j in found if self.candidate_key(i, j) <= cutoff]

    def candidate_key(self, i: int, j: int) -> CandidateKey:
        """Where candidate j stands among wording i's candidates, in terms any run can compare."""
        return (-self.shared[i][j], self._keys[j])

    def stock_positions(self, code: str, blocks: Iterable[tuple[int, int, int]]) -> set[int]:
        """Positions in `code` of matched words (blocks of start in code, start in the other,
        length) that lie in a stock phrase: such words say little about shared wording."""
        starts = self._stock_starts.get(code)
        if starts is None:  # where in `code` a stock trigram starts, once per wording
            starts = self._stock_starts[code] = frozenset(
                k for k in range(len(code) - SHINGLE + 1) if self.stock(code[k : k + SHINGLE])
            )
        if not starts:
            return set()
        return {
            a + k + d
            for a, _, n in blocks
            for k in range(n - SHINGLE + 1)
            if a + k in starts
            for d in range(SHINGLE)
        }

    def stock(self, shingle: str) -> bool:
        """Whether a trigram is in so many wordings that it may be a stock phrase."""
        if self._stock is not None:
            return shingle in self._stock
        return len(self.postings.get(shingle, ())) > STOCK_PHRASE


def shingles(code: str) -> list[str]:
    """Overlapping word trigrams of an encoded wording (the whole wording if shorter)."""
    if len(code) <= SHINGLE:
        return [code] if code else []
    return [code[k : k + SHINGLE] for k in range(len(code) - SHINGLE + 1)]


def word_shingles(words: Sequence[str]) -> list[str]:
    """The same trigrams as words joined by spaces: what every run over a corpus calls them."""
    if len(words) <= SHINGLE:
        return [" ".join(words)] if words else []
    return [" ".join(words[k : k + SHINGLE]) for k in range(len(words) - SHINGLE + 1)]


def common_words(a: str, b: str) -> int:
    """Words two encoded wordings have in common, in order (their longest common subsequence):
    an upper bound on any alignment, and cheap enough to rule most pairs out before aligning."""
    return int(LCSseq.similarity(a, b))
