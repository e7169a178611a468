"""Pieces of one statement come together: a quotation holding quotations of two clusters joins
them, and so do two that overlap where one's start is the other's end.

Outlets quote a statement in pieces: one prints sentences 1–3, another sentence 2, another
sentences 2–3, another "Hi all," and sentence 1. Taken longest first, each piece joins the
longest quotation that holds it; this pass then joins the clusters that some quotation shows to
be one statement: it holds (nearly every word of) a sentence-long member of each, or it runs on
from one where another begins. Only statements (union.py's first level) join clusters so; a
short wording is a piece of the one cluster that holds it, and of neither when two do. Only
direct evidence counts, never a chain of likenesses: the piece must be held almost whole, or the
overlap be a long dense run at opposite ends, and the speakers the two clusters are mostly
quoted from must not conflict (words shared by two speakers are a phrase, or one quoting the
other). A speaker named by only a few of a cluster's quotes does not count: extraction
misattributes a piece now and then (to the person addressed, to an organisation named nearby),
and one such name must not keep a statement's pieces apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from quotes.cluster.candidates import ShingleIndex, common_words
from quotes.cluster.fragments import same_speaker
from quotes.cluster.sets import UnionFind
from quotes.cluster.verify import Alignment, align
from quotes.cluster.wordings import Wording

HELD = 0.9  # share of a piece's words the holding quotation must have
PIECE_WORDS = 8  # a short wording held as a piece is at least this long: about a sentence
OVERLAP_WORDS = 8  # words two offset pieces must share, as one dense run
OVERLAP_DENSITY = 0.8  # share of the overlapping stretch that matches
OVERLAP_OWN_WORDS = 4  # matched words outside stock phrases
EDGE = 3  # words a piece may run past the overlap at the end that meets the other (a lead-in)
SHARED_SHINGLES = 3  # trigrams a pair must share to be looked at
PIECES_TRIED = 3  # members of one other cluster aligned per quotation


def join_pieces(
    wordings: Sequence[Wording],
    index: ShingleIndex,
    uf: UnionFind,
    rank: dict[int, int],
    statements: Sequence[int],
) -> None:
    """Join clusters that a quotation shows to be pieces of one statement (both of
    `statements`, union.py's first level)."""
    votes, quotes = _tally(wordings, uf)
    pieces = set(statements)
    for i in sorted(pieces, key=rank.__getitem__):
        candidates = index.candidates(i)
        shared = index.shared[i]
        by_root: dict[int, list[int]] = defaultdict(list)
        for j in candidates:
            # Each pair is looked at once, from its longer side.
            if j in pieces and rank[j] > rank[i] and shared[j] >= SHARED_SHINGLES:
                by_root[uf.find(j)].append(j)
        for members in by_root.values():
            home, other = uf.find(i), uf.find(members[0])
            if home == other or _leads_conflict(votes, quotes, home, other):
                continue
            if any(one_statement(i, j, wordings, index) for j in members[:PIECES_TRIED]):
                keep, gone = sorted((home, other), key=rank.__getitem__)
                uf.union(keep, gone)
                votes[keep] += votes.pop(gone, Counter())
                quotes[keep] += quotes.pop(gone, 0)


def join_short_pieces(
    wordings: Sequence[Wording],
    index: ShingleIndex,
    uf: UnionFind,
    rank: dict[int, int],
    short: Sequence[int],
) -> None:
    """A short wording of PIECE_WORDS or more (of `short`, union.py's second level) that
    leads its own cluster joins the one other cluster holding it as a piece of one statement;
    held so by two, it is a passage they share and joins neither, so it never relates them."""
    votes, quotes = _tally(wordings, uf)
    for i in sorted(short, key=rank.__getitem__):
        if len(wordings[i].code) < PIECE_WORDS or uf.find(i) != i:
            continue
        candidates = index.candidates(i)
        shared = index.shared[i]
        by_root: dict[int, list[int]] = defaultdict(list)
        for j in candidates:
            if rank[j] < rank[i] and shared[j] >= SHARED_SHINGLES and uf.find(j) != i:
                by_root[uf.find(j)].append(j)
        homes = [
            root
            for root, members in by_root.items()
            if not _leads_conflict(votes, quotes, root, i)
            and any(one_statement(j, i, wordings, index) for j in members[:PIECES_TRIED])
        ]
        if len(homes) == 1:
            uf.union(homes[0], i)
            votes[homes[0]] += votes.pop(i, Counter())
            quotes[homes[0]] += quotes.pop(i, 0)


def _tally(
    wordings: Sequence[Wording], uf: UnionFind
) -> tuple[dict[int, Counter[str]], Counter[int]]:
    """Per cluster root: the quotes naming each speaker, and all its quotes."""
    votes: dict[int, Counter[str]] = defaultdict(Counter)
    quotes: Counter[int] = Counter()
    for i, w in enumerate(wordings):
        root = uf.find(i)
        quotes[root] += w.weight
        if w.votes:
            votes[root].update(dict(w.votes))
    return votes, quotes


def _lead(votes: Counter[str], quotes: int) -> str | None:
    """The speaker a cluster's quotes mostly name, if most of them name one: one article's
    wrong attribution among many right or unnamed ones says nothing."""
    if not votes:
        return None
    (name, n), *_ = votes.most_common(1)
    return name if 2 * n > quotes else None


def _leads_conflict(votes: dict[int, Counter[str]], quotes: Counter[int], a: int, b: int) -> bool:
    """Whether two clusters are each mostly quoted from a named speaker, and not the same."""
    lead_a, lead_b = _lead(votes[a], quotes[a]), _lead(votes[b], quotes[b])
    return lead_a is not None and lead_b is not None and not same_speaker(lead_a, lead_b)


def one_statement(i: int, j: int, wordings: Sequence[Wording], index: ShingleIndex) -> bool:
    """Whether one of wordings i and j holds the other almost whole, or they overlap as pieces
    of one statement cut at different places."""
    a, b = wordings[i].code, wordings[j].code
    if common_words(a, b) < min(OVERLAP_WORDS, HELD * min(len(a), len(b))):
        return False
    alignment = align(a, b)
    if alignment.coverage_a >= HELD or alignment.coverage_b >= HELD:
        return True
    return _offset(alignment) and _own_words(alignment, a, index) >= OVERLAP_OWN_WORDS


def _offset(alignment: Alignment) -> bool:
    """A long dense run of shared words at the start of one and the end of the other, each
    going on past it at its other end, by however few words (a short lead-in is enough)."""
    (a0, a1), (b0, b1) = alignment.span_a(), alignment.span_b()
    n_a, n_b = alignment.len_a, alignment.len_b
    if alignment.matched < OVERLAP_WORDS or alignment.matched < OVERLAP_DENSITY * (a1 - a0):
        return False
    a_then_b = a1 >= n_a - EDGE and b0 <= EDGE and a0 > 0 and b1 < n_b
    b_then_a = b1 >= n_b - EDGE and a0 <= EDGE and b0 > 0 and a1 < n_a
    return a_then_b or b_then_a


def _own_words(alignment: Alignment, code: str, index: ShingleIndex) -> int:
    """Matched words of `code` outside the stock phrases the two share."""
    return alignment.matched - len(index.stock_positions(code, alignment.blocks))
