"""What grouping reads of the whole corpus, counted once, so any part of it groups as a whole.

Grouping reads counts that a run over part of the corpus would get wrong: which trigrams are
stock phrases (in more than candidates.STOCK_PHRASE wordings), which wordings a trigram's
posting holds within its first candidates.MAX_POSTING in clustering order, which content stem a
fragment looks its holders up by (and whether that posting is too long to tell), and how far a
splice check reads a wording's candidates. corpus_counts takes them once over the whole corpus,
per wording, keyed by what every run calls that wording (Wording.key, trigrams as words), and
local() turns them into one run's terms, so that grouping a part that holds every wording its
wordings could be related to gives exactly what grouping the whole corpus gives for that part.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from quotes.cluster.candidates import (
    MAX_POSTING,
    STOCK_PHRASE,
    CandidateKey,
    OrderKey,
    ShingleIndex,
    shingles,
    word_shingles,
)
from quotes.cluster.fragments import Lookup, WordIndex, content_of, sought_stems
from quotes.cluster.splices import SPLICE_MIN_WORDS, SPLICE_TRIED
from quotes.cluster.verify import SHORT_FRAGMENT_WORDS
from quotes.cluster.wordings import Wording


@dataclass(frozen=True)
class Counted:
    """What the whole corpus says of one wording."""

    stock: frozenset[str] = frozenset()  # its trigrams (word_shingles) that are stock phrases
    unread: frozenset[str] = frozenset()  # its trigrams whose posting reads it past MAX_POSTING
    lookup: Lookup | None = None  # a fragment's look-up stems
    cutoff: CandidateKey | None = None  # its last candidate a splice check reads, if it has more


NOTHING = Counted()


@dataclass(frozen=True)
class CorpusCounts:
    """Counted facts per wording, by Wording.key."""

    of: Mapping[str, Counted] = field(default_factory=dict)

    def get(self, key: str) -> Counted:
        return self.of.get(key, NOTHING)


@dataclass
class Local:
    """CorpusCounts in one run's terms (its wording indices and word codes)."""

    stock: frozenset[str]
    unread: dict[int, frozenset[str]]
    cutoffs: dict[int, CandidateKey]
    lookups: dict[int, Lookup]


@dataclass
class Survey:
    """The whole corpus indexed once: clustering order, both indexes and the counts."""

    order: list[int]
    index: ShingleIndex
    words: WordIndex
    counts: CorpusCounts


def order_key(w: Wording) -> OrderKey:
    """Where a wording stands in clustering order: longest, then most quoted, then by words."""
    return (-len(w.code), -w.weight, w.tokens.key)


def clustering_order(wordings: Sequence[Wording]) -> list[int]:
    """Wordings longest first (ties in index order, which is their first quote's order)."""
    keys = [order_key(w) for w in wordings]
    return sorted(range(len(wordings)), key=keys.__getitem__)


def indexes(
    wordings: Sequence[Wording], order: Sequence[int], local: Local | None = None
) -> tuple[ShingleIndex, WordIndex]:
    """The trigram and word indexes of a run, on the corpus's counts when `local` is given."""
    codes = [w.code for w in wordings]
    keys = [order_key(w) for w in wordings]
    sought = sought_stems(wordings, SHORT_FRAGMENT_WORDS)
    if local is None:
        return ShingleIndex(codes, order, keys=keys), WordIndex(wordings, order, sought)
    index = ShingleIndex(codes, order, local.stock, local.unread, local.cutoffs, keys)
    return index, WordIndex(wordings, order, sought, local.lookups)


def survey(wordings: Sequence[Wording]) -> Survey:
    """Index the whole corpus and count what its parts need of it."""
    order = clustering_order(wordings)
    index, words = indexes(wordings, order)
    stock: dict[int, set[str]] = defaultdict(set)
    unread: dict[int, set[str]] = defaultdict(set)
    for s, posting in index.postings.items():
        if len(posting) > STOCK_PHRASE:
            for i in posting:
                stock[i].add(s)
        for i in posting[MAX_POSTING:]:
            unread[i].add(s)
    of: dict[str, Counted] = {}
    for i, w in enumerate(wordings):
        cutoff = None
        if len(w.code) >= 2 * SPLICE_MIN_WORDS:
            found = index.candidates(i)
            if len(found) > SPLICE_TRIED:
                cutoff = index.candidate_key(i, found[SPLICE_TRIED - 1])
        lookup = _lookup(i, w, words)
        if i in stock or i in unread or cutoff is not None or lookup is not None:
            named = dict(zip(shingles(w.code), word_shingles(w.tokens.words), strict=True))
            of[w.key] = Counted(
                frozenset(named[s] for s in stock.get(i, ())),
                frozenset(named[s] for s in unread.get(i, ())),
                lookup,
                cutoff,
            )
    return Survey(order, index, words, CorpusCounts(of))


def _lookup(i: int, w: Wording, words: WordIndex) -> Lookup | None:
    """A fragment's look-up stems, by its speakers and overall."""
    if len(w.code) >= SHORT_FRAGMENT_WORDS:
        return None
    content = content_of(w.tokens.words)
    if not content:
        return None
    by_speaker = words.rarest(i, content, True) if w.speakers else None
    return (by_speaker, words.rarest(i, content, False))


def local(counts: CorpusCounts, wordings: Sequence[Wording]) -> Local:
    """The corpus's counts for these wordings, in their codes and indices."""
    stock: set[str] = set()
    unread: dict[int, frozenset[str]] = {}
    cutoffs: dict[int, CandidateKey] = {}
    lookups: dict[int, Lookup] = {}
    for i, w in enumerate(wordings):
        c = counts.get(w.key)
        if c is NOTHING:
            continue
        if c.stock or c.unread:
            coded = dict(zip(word_shingles(w.tokens.words), shingles(w.code), strict=True))
            stock.update(coded[s] for s in c.stock)
            if c.unread:
                unread[i] = frozenset(coded[s] for s in c.unread)
        if c.cutoff is not None:
            cutoffs[i] = c.cutoff
        if c.lookup is not None:
            lookups[i] = c.lookup
    return Local(frozenset(stock), unread, cutoffs, lookups)
