"""Splices: a wording made of whole sentences of two quotations ("... is money. You are failing
us") joins the one it takes most words from, and remembers the other (its run, and the
quotation it came from) for alterations and edges. Then, as it quotes the two as one span,
their clusters join: by the gold guideline, quotations that some article prints together are
one statement. Splices are all found before any joins, each on its own direct evidence (it
holds a run of each), so no join rests on another. A run that begins or ends inside a sentence
of the splicing wording is no splice: two statements opening alike ("Our delegation's visit
should be seen as" and "Our delegation's visit to Taiwan honors") share a phrase, not a span.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from quotes.cluster.candidates import ShingleIndex, common_words
from quotes.cluster.joins import JOIN_COVERAGE, MEMBERS_TRIED
from quotes.cluster.normalise import Tokens
from quotes.cluster.sets import UnionFind
from quotes.cluster.verify import Alignment, align
from quotes.cluster.wordings import Wording

SPLICE_MIN_WORDS = 4  # a run taken from another quotation must be this long to be a splice
SPLICE_SHORT_RUN = 5  # and a shorter run than this a whole sentence of that quotation too
SPLICE_HEAD_WORDS = 2 * SPLICE_SHORT_RUN  # a head this long may be a splice (two such runs)
SPLICE_DENSITY = 0.8  # and that run must be this dense in matched words
SPLICE_OWN_WORDS = 2  # and hold this many matched words outside stock phrases
SPLICE_SEAM = 2  # words the two runs of a splice may share where they meet
SPLICE_TRIED = 60  # candidates aligned when checking whether a head is a splice
# A sentence's end between two words: a full stop, question or exclamation mark, not an elision.
_SENTENCE_END = regex.compile(r"(?<![.…])[.?!](?![.…])")


@dataclass(frozen=True)
class Splice:
    """Words of a wording taken from a quotation of another cluster."""

    partner: int  # the other cluster's wording
    start: int  # word positions in the splicing wording
    end: int


def merge_spliced_heads(
    wordings: Sequence[Wording],
    index: ShingleIndex,
    uf: UnionFind,
    rank: dict[int, int],
) -> dict[int, Splice]:
    """A head made of runs from two clusters is a splice: it joins the one it takes most from.

    Taken longest first, a splice may have founded a cluster that the quotation it took most
    from then joined; that quotation then leads the cluster instead.
    """
    splices: dict[int, Splice] = {}
    heads = sorted({uf.find(i) for i in range(len(wordings))}, key=rank.__getitem__)
    for head in heads:
        if len(wordings[head].code) < SPLICE_HEAD_WORDS or uf.find(head) != head:
            continue
        parts = _splice_parts(head, wordings, index, uf)
        if parts is None:
            continue
        major, minor, start, end = parts
        if uf.find(major) == head:
            uf.lead(major)
        else:
            uf.union(uf.find(major), head)
        splices[head] = Splice(minor, start, end)
    return splices


def join_spliced(splices: dict[int, Splice], uf: UnionFind, rank: dict[int, int]) -> None:
    """Join each splice's cluster with the cluster of the quotation it took its run from; the
    cluster founded first leads."""
    for i in sorted(splices, key=rank.__getitem__):
        a, b = uf.find(i), uf.find(splices[i].partner)
        keep, gone = sorted((a, b), key=rank.__getitem__)
        uf.union(keep, gone)


def splice_partners(
    head: int, wordings: Sequence[Wording], index: ShingleIndex, uf: UnionFind
) -> list[int]:
    """The wordings a head's splice check reads as a major or a minor, when it finds a splice
    in these clusters; none when it finds none. Clusters only grow as splices join them, and a
    grown cluster only rules pairs out: a head that finds no splice now finds none later, and
    one that does takes its pair from these (components.splice_links)."""
    if _splice_parts(head, wordings, index, uf) is None:
        return []
    majors, minors = _sides(head, wordings, index, uf) or ([], [])
    return majors + [j for j, _ in minors if j not in majors]


def _sides(
    head: int, wordings: Sequence[Wording], index: ShingleIndex, uf: UnionFind
) -> tuple[list[int], list[tuple[int, Alignment]]] | None:
    """The head's candidates that may be a splice's major (holding half of it) and minor (a run
    of another cluster), if there are both."""
    code = wordings[head].code
    n = len(code)
    tried = index.first_candidates(head, SPLICE_TRIED)
    shared = {j: common_words(code, wordings[j].code) for j in tried}
    # Words in common bound what any alignment matches, so most pairs never need aligning:
    # the major must hold half the head, and with the minor most of it.
    majors = [j for j in tried if shared[j] >= n / 2]
    if not majors:
        return None
    least = max(SPLICE_MIN_WORDS, JOIN_COVERAGE * n - max(shared[j] for j in majors))
    minors = [
        (j, b)
        for j in tried
        if shared[j] >= least
        and uf.find(j) != head
        and not _later(j, head, wordings)
        and _is_run(b := align(code, wordings[j].code), code, index, wordings[j].tokens)
    ]
    return (majors, minors) if minors else None


def _splice_parts(
    head: int, wordings: Sequence[Wording], index: ShingleIndex, uf: UnionFind
) -> tuple[int, int, int, int] | None:
    """(major, minor, start, end) when the head is words of `major` then, at start..end, a
    run of `minor` from another cluster, which `major` lacks; the largest such pair."""
    sides = _sides(head, wordings, index, uf)
    if sides is None:
        return None
    majors, minors = sides
    code = wordings[head].code
    n = len(code)
    found_by = {j: _matched_positions(align(code, wordings[j].code)) for j in majors}
    best: tuple[tuple[int, int], tuple[int, int, int, int]] | None = None
    for minor, b in minors:
        b0, b1 = b.span_a()
        for major, found in found_by.items():
            if uf.find(major) == uf.find(minor):
                continue
            inside = sum(1 for p in found if b0 <= p < b1)
            outside = len(found) - inside
            if inside > SPLICE_SEAM or outside < max(b.matched, n / 2) or n <= outside:
                continue
            key = (outside + b.matched, outside)
            enough = outside + b.matched >= JOIN_COVERAGE * n
            sentences = _sentences(wordings[head].tokens, b0, b1)
            if enough and sentences and (best is None or key > best[0]):
                best = (key, (major, minor, b0, b1))
    return best[1] if best else None


def splice_of(
    i: int, head: int, wordings: Sequence[Wording], index: ShingleIndex, uf: UnionFind
) -> Splice | None:
    """Words of wording i that its head lacks but another cluster has, as one run, if any."""
    own = align(wordings[i].code, wordings[head].code)
    if not _own_words(own):
        return None
    covered = {a + k for a, _, size in own.blocks for k in range(size)}
    best: Splice | None = None
    best_new = 0
    for j, alignment in _runs_from_others(i, wordings, index, uf):
        new = sorted(_matched_positions(alignment) - covered)
        if len(new) < SPLICE_MIN_WORDS or len(new) <= best_new or _later(j, i, wordings):
            continue
        if _sentences(wordings[i].tokens, new[0], new[-1] + 1):
            best, best_new = Splice(j, new[0], new[-1] + 1), len(new)
    return best


def _runs_from_others(
    i: int, wordings: Sequence[Wording], index: ShingleIndex, uf: UnionFind
) -> list[tuple[int, Alignment]]:
    """For each other cluster sharing a distinctive run of words with wording i, the member
    aligning best with i."""
    home = uf.find(i)
    by_root: dict[int, list[int]] = defaultdict(list)
    for j in index.candidates(i):
        if uf.find(j) != home:
            by_root[uf.find(j)].append(j)
    runs = []
    for members in by_root.values():
        scored = [(align(wordings[i].code, wordings[j].code), j) for j in members[:MEMBERS_TRIED]]
        alignment, j = max(scored, key=lambda s: (s[0].matched, -s[1]))
        if _is_run(alignment, wordings[i].code, index, wordings[j].tokens):
            runs.append((j, alignment))
    return runs


def open_to_splice(i: int, head: int, wordings: Sequence[Wording]) -> bool:
    """Whether wording i has words enough its head lacks to hold a splice's run (splice_of)."""
    return _own_words(align(wordings[i].code, wordings[head].code))


def _own_words(own: Alignment) -> bool:
    return own.len_a - own.matched >= SPLICE_MIN_WORDS


def gives_run(i: int, j: int, wordings: Sequence[Wording], index: ShingleIndex) -> bool:
    """Whether wording j could give wording i the run of a splice, whatever the clusters are."""
    code = wordings[i].code
    if common_words(code, wordings[j].code) < SPLICE_MIN_WORDS or _later(j, i, wordings):
        return False
    return _is_run(align(code, wordings[j].code), code, index, wordings[j].tokens)


def _is_run(alignment: Alignment, code: str, index: ShingleIndex, theirs: Tokens) -> bool:
    """A dense run of enough words, not made only of stock phrases, from a quotation that has
    words of its own (not a mere fragment of this one), `theirs`. Enough of the words both share
    must lie outside stock phrases: a stock phrase and a word matched beside it are no run. A
    run shorter than SPLICE_SHORT_RUN must be whole sentences of that quotation too: four words
    two quotations share are most often a phrase, but not when each prints them as a sentence
    ("You are failing us.")."""
    start, end = alignment.span_a()
    dense = alignment.matched >= SPLICE_DENSITY * (end - start)
    own_words = alignment.coverage_b < JOIN_COVERAGE
    return (
        alignment.matched >= SPLICE_MIN_WORDS
        and dense
        and own_words
        and alignment.matched - len(index.stock_positions(code, alignment.blocks))
        >= SPLICE_OWN_WORDS
        and (alignment.matched >= SPLICE_SHORT_RUN or _sentences(theirs, *alignment.span_b(), 0))
    )


def _sentences(tokens: Tokens, start: int, end: int, slack: int = SPLICE_SEAM) -> bool:
    """Whether words start..end of a quotation are whole sentences of it: each end is the
    quotation's own, or a sentence's end lies within `slack` words of it (in a splice, the two
    runs may share a word or two where they meet)."""
    return _sentence_edge(tokens, start, slack) and _sentence_edge(tokens, end, slack)


def _sentence_edge(tokens: Tokens, k: int, slack: int) -> bool:
    n = len(tokens)
    if k <= 0 or k >= n:
        return True
    nearby = range(max(1, k - slack), min(n - 1, k + slack) + 1)
    return any(_SENTENCE_END.search(tokens.seps[m]) for m in nearby)


def _matched_positions(alignment: Alignment) -> set[int]:
    return {a + k for a, _, size in alignment.blocks for k in range(size)}


def _later(a: int, b: int, wordings: Sequence[Wording]) -> bool:
    """Whether wording a was first published after wording b (both dated): then b cannot have
    taken words from a."""
    first_a, first_b = wordings[a].first_seen, wordings[b].first_seen
    return bool(first_a and first_b and first_a > first_b)
