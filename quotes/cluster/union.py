"""Group distinct wordings into clusters from verified links, without letting weak links chain.

Wordings are taken longest first, so each cluster is founded by its most complete wording (its
head). A shorter wording joins the cluster whose members contain it best, and only if the head
contains it too, loosely: a chain of small changes cannot drift into a different quotation, and a
fragment joins one cluster, never bridging two. A second pass finds splices: a wording made of
runs from two clusters joins the one it takes most words from and remembers the other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice

from quotes.cluster.candidates import SHINGLE, ShingleIndex, common_words
from quotes.cluster.fragments import (
    AMBIGUOUS,
    WordIndex,
    content_of,
    holds,
    sought_codes,
    speakers_conflict,
)
from quotes.cluster.normalise import Tokens
from quotes.cluster.pieces import OVERLAP_WORDS, join_pieces
from quotes.cluster.verify import (
    MIN_FRAGMENT_WORDS,
    SHORT_FRAGMENT_WORDS,
    Alignment,
    align,
    contains,
    share_contained,
)

JOIN_COVERAGE = 0.7  # share of a wording's words a cluster member must contain
REWORDED_COVERAGE = 0.5  # the same, when both name the same speaker
HEAD_COVERAGE = 0.5  # share the cluster's head must contain: the guard against chains
AMBIGUOUS_WORDS = 12  # shorter wordings contained as well in two clusters join neither
MEMBERS_TRIED = 3  # members of one cluster aligned per candidate, most promising first
SPLICE_MIN_WORDS = 5  # a run taken from another quotation must be this long to be a splice
SPLICE_DENSITY = 0.8  # and that run must be this dense in matched words
SPLICE_OWN_WORDS = 2  # and hold this many matched words outside stock phrases
SPLICE_SEAM = 2  # words the two runs of a splice may share where they meet
SPLICE_TRIED = 60  # candidates aligned when checking whether a head is a splice


@dataclass(frozen=True)
class Wording:
    """One distinct normalised wording and how many quotes use it."""

    tokens: Tokens
    code: str  # encoded words, one character each
    weight: int  # quotes using it
    first_seen: str | None = None  # the earliest date it was published, if any article is dated
    speakers: frozenset[str] = frozenset()  # speaker keys of its quotes (fragments.speaker_key)
    key: str = ""  # what its quotes share: normalised words (and speaker, when short)
    votes: tuple[tuple[str, int], ...] = ()  # quotes naming each of its speakers


@dataclass(frozen=True)
class Splice:
    """Words of a wording taken from a quotation of another cluster."""

    partner: int  # the other cluster's wording
    start: int  # word positions in the splicing wording
    end: int


@dataclass
class Grouping:
    """Clusters as lists of wording indices (head first), and the splices found."""

    groups: list[list[int]]
    splices: dict[int, Splice] = field(default_factory=dict)


class UnionFind:
    """Disjoint sets over 0..n-1; `union(keep, other)` keeps `keep`'s root as the root."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, keep: int, other: int) -> None:
        a, b = self.find(keep), self.find(other)
        if a != b:
            self.parent[b] = a

    def lead(self, x: int) -> None:
        """Make x the root of its set."""
        root = self.find(x)
        self.parent[root] = self.parent[x] = x


def group(wordings: Sequence[Wording]) -> Grouping:
    """Cluster wordings: containment links checked against members and head, then splices."""
    order = sorted(
        range(len(wordings)),
        key=lambda i: (-len(wordings[i].code), -wordings[i].weight, wordings[i].tokens.key),
    )
    index = ShingleIndex([w.code for w in wordings], order)
    words = WordIndex(wordings, order, sought_codes(wordings, SHORT_FRAGMENT_WORDS))
    rank = {i: r for r, i in enumerate(order)}
    uf = UnionFind(len(wordings))

    def home_of(i: int) -> int | None:
        if len(wordings[i].code) < SHORT_FRAGMENT_WORDS:
            home = _fragment_home(i, wordings, words, rank, uf)
            if home is not None or len(wordings[i].code) < MIN_FRAGMENT_WORDS:
                return home
        earlier = [j for j in index.candidates(i) if rank[j] < rank[i]]
        return _best_cluster(i, earlier, wordings, uf)

    ambiguous = []
    for i in order:
        home = home_of(i)
        if home == AMBIGUOUS:
            ambiguous.append(i)
        elif home is not None:
            uf.union(home, i)
    join_pieces(wordings, index, uf, rank)
    for i in ambiguous:  # the clusters holding it may have proved one statement
        home = home_of(i)
        if home is not None and home != AMBIGUOUS:
            uf.union(home, i)
    splices = _merge_spliced_heads(wordings, index, uf, rank)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in order:
        root = uf.find(i)
        groups[root].append(i)
    # The root founded the cluster (or absorbed a splice), so it leads its group.
    result = Grouping(
        [[root] + [i for i in members if i != root] for root, members in groups.items()]
    )
    for members in result.groups:
        for i in members[1:]:
            splice = splices.get(i) or _splice_of(i, members[0], wordings, index, uf)
            if splice is not None:
                result.splices[i] = splice
    return result


def _fragment_home(
    i: int, wordings: Sequence[Wording], words: WordIndex, rank: dict[int, int], uf: UnionFind
) -> int | None:
    """The root of the one cluster whose wordings hold short wording i, AMBIGUOUS when they
    lie in two clusters, None when none holds it. Holders quoting the same speaker decide when
    there are any; otherwise any holder whose speaker does not conflict. Holders that have its
    words as they are outrank those that change one of them."""
    w = wordings[i]
    content = content_of(w.code, w.tokens.words)
    if not content:
        return None
    for by_speaker in (True, False) if w.speakers else (False,):
        exact: set[int] = set()
        loose: set[int] = set()
        for j in words.holders(i, content, lambda j: rank[j] < rank[i], by_speaker):
            root = uf.find(j)
            if root in exact or speakers_conflict(w.speakers, wordings[j].speakers):
                continue
            if w.code in wordings[j].code:
                exact.add(root)
                if len(exact) > 1:
                    return AMBIGUOUS
            elif not exact and len(loose) < 2 and root not in loose and _holds(i, j, wordings):
                loose.add(root)
        roots = exact or loose
        if len(roots) > 1:
            return AMBIGUOUS
        if roots:
            return roots.pop()
    return None


def _holds(i: int, j: int, wordings: Sequence[Wording]) -> bool:
    """Whether wording j holds short wording i: as one run below MIN_FRAGMENT_WORDS, else
    with at most one word changed."""
    if len(wordings[i].code) < MIN_FRAGMENT_WORDS:
        return holds(wordings[i].code, wordings[j].code, wordings[i].tokens.bracketed)
    return _coverage(i, j, wordings, JOIN_COVERAGE) > 0


def _best_cluster(
    i: int,
    found: Sequence[int],
    wordings: Sequence[Wording],
    uf: UnionFind,
) -> int | None:
    """The root of the cluster that contains wording i best, if any contains it well enough;
    AMBIGUOUS when two contain it about as well."""
    by_root: dict[int, list[int]] = defaultdict(list)
    for j in found:
        by_root[uf.find(j)].append(j)
    n = len(wordings[i].code)
    own = wordings[i].speakers if n >= SHORT_FRAGMENT_WORDS else frozenset()
    passing: list[tuple[float, float, int]] = []
    for root, members in by_root.items():
        tried = members[:MEMBERS_TRIED]
        if n < SHORT_FRAGMENT_WORDS:
            # Too short to tell a quotation from a phrase by wording alone: the speaker must fit.
            mine = wordings[i].speakers
            fit = (j for j in members if not speakers_conflict(mine, wordings[j].speakers))
            tried = list(islice(fit, MEMBERS_TRIED))
        score = max((_coverage(i, j, wordings, JOIN_COVERAGE, own) for j in tried), default=0)
        if not score:
            continue
        head = _coverage(i, root, wordings, HEAD_COVERAGE)
        if head >= HEAD_COVERAGE:
            passing.append((score, head, -root))
    if not passing:
        return None
    passing.sort(reverse=True)
    # A short wording found as well in two quotations is a phrase they share, not a fragment.
    if n < AMBIGUOUS_WORDS and len(passing) > 1 and passing[1][0] >= passing[0][0] - 0.05:
        return AMBIGUOUS
    return -passing[0][2]


def _coverage(
    i: int,
    j: int,
    wordings: Sequence[Wording],
    threshold: float,
    speakers: frozenset[str] = frozenset(),
) -> float:
    """Share of wording i contained in wording j, or 0 when below `threshold`.

    An outlet or a machine rewording a quotation ("The fines in this matter reflect" → "The
    penalties on this matter mirror") keeps about every other word: REWORDED_COVERAGE is
    enough when wording i, of `speakers`, and wording j name the same speaker."""
    free = wordings[i].tokens.bracketed
    n = len(wordings[i].code)
    common = common_words(wordings[i].code, wordings[j].code) + len(free)
    reworded = False  # joining at REWORDED_COVERAGE, on the speakers' word
    if common < threshold * n:
        if not speakers or common < REWORDED_COVERAGE * n or not _same(speakers, j, wordings):
            return 0.0
        threshold, reworded = REWORDED_COVERAGE, True
    alignment = align(wordings[i].code, wordings[j].code)
    share = share_contained(alignment, free)
    if share < threshold and speakers and share >= REWORDED_COVERAGE:
        if not _same(speakers, j, wordings):
            return 0.0
        threshold, reworded = REWORDED_COVERAGE, True
    # Kept words of a reworded quotation lie all along it, and a piece of a statement shares a
    # sentence: one short run is a phrase the two share.
    one_run = OVERLAP_WORDS > alignment.longest_run > alignment.matched / 2
    if reworded and share < JOIN_COVERAGE and one_run:
        return 0.0
    return share if contains(share, n, threshold) else 0.0


def _same(speakers: frozenset[str], j: int, wordings: Sequence[Wording]) -> bool:
    """Whether wording j names a speaker that may be one of `speakers`."""
    theirs = wordings[j].speakers
    return bool(theirs) and not speakers_conflict(speakers, theirs)


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
        if _is_run(alignment, wordings[i].code, index):
            runs.append((j, alignment))
    return runs


def _is_run(alignment: Alignment, code: str, index: ShingleIndex) -> bool:
    """A dense run of enough words, not made only of stock phrases, from a quotation that has
    words of its own (not a mere fragment of this one). Enough of the words both share must lie
    outside stock phrases: a stock phrase and a word matched beside it are no run."""
    start, end = alignment.span_a()
    dense = alignment.matched >= SPLICE_DENSITY * (end - start)
    own_words = alignment.coverage_b < JOIN_COVERAGE
    return (
        alignment.matched >= SPLICE_MIN_WORDS
        and dense
        and own_words
        and alignment.matched - len(_in_stock_phrases(alignment, code, index)) >= SPLICE_OWN_WORDS
    )


def _in_stock_phrases(alignment: Alignment, code: str, index: ShingleIndex) -> set[int]:
    """Positions of matched words that belong to a stock phrase both quotations share."""
    return {
        a + k + d
        for a, _, n in alignment.blocks
        for k in range(n - SHINGLE + 1)
        if index.stock(code[a + k : a + k + SHINGLE])
        for d in range(SHINGLE)
    }


def _matched_positions(alignment: Alignment) -> set[int]:
    return {a + k for a, _, size in alignment.blocks for k in range(size)}


def _merge_spliced_heads(
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
        if len(wordings[head].code) < 2 * SPLICE_MIN_WORDS or uf.find(head) != head:
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


def _splice_parts(
    head: int, wordings: Sequence[Wording], index: ShingleIndex, uf: UnionFind
) -> tuple[int, int, int, int] | None:
    """(major, minor, start, end) when the head is words of `major` then, at start..end, a
    run of `minor` from another cluster, which `major` lacks; the largest such pair."""
    code = wordings[head].code
    n = len(code)
    tried = index.candidates(head)[:SPLICE_TRIED]
    shared = {j: common_words(code, wordings[j].code) for j in tried}
    aligned: dict[int, Alignment] = {}

    def alignment(j: int) -> Alignment:
        if j not in aligned:
            aligned[j] = align(code, wordings[j].code)
        return aligned[j]

    # Words in common bound what any alignment matches, so most pairs never need aligning:
    # the major must hold half the head, and with the minor most of it.
    majors = [j for j in tried if shared[j] >= n / 2]
    if not majors:
        return None
    least = max(SPLICE_MIN_WORDS, JOIN_COVERAGE * n - max(shared[j] for j in majors))
    minors = [
        (j, alignment(j))
        for j in tried
        if shared[j] >= least
        and uf.find(j) != head
        and not _later(j, head, wordings)
        and _is_run(alignment(j), code, index)
    ]
    if not minors:
        return None
    found_by = {j: _matched_positions(alignment(j)) for j in majors}
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
            if outside + b.matched >= JOIN_COVERAGE * n and (best is None or key > best[0]):
                best = (key, (major, minor, b0, b1))
    return best[1] if best else None


def _later(a: int, b: int, wordings: Sequence[Wording]) -> bool:
    """Whether wording a was first published after wording b (both dated): then b cannot have
    taken words from a."""
    first_a, first_b = wordings[a].first_seen, wordings[b].first_seen
    return bool(first_a and first_b and first_a > first_b)


def _splice_of(
    i: int, head: int, wordings: Sequence[Wording], index: ShingleIndex, uf: UnionFind
) -> Splice | None:
    """Words of wording i that its head lacks but another cluster has, as one run, if any."""
    n = len(wordings[i].code)
    own = align(wordings[i].code, wordings[head].code)
    if n - own.matched < SPLICE_MIN_WORDS:
        return None
    covered = {a + k for a, _, size in own.blocks for k in range(size)}
    best: Splice | None = None
    best_new = 0
    for j, alignment in _runs_from_others(i, wordings, index, uf):
        new = sorted(_matched_positions(alignment) - covered)
        if len(new) >= SPLICE_MIN_WORDS and len(new) > best_new and not _later(j, i, wordings):
            best, best_new = Splice(j, new[0], new[-1] + 1), len(new)
    return best
