"""Group distinct wordings into clusters from verified links, without letting weak links chain.

Wordings are taken longest first, so each cluster is founded by its most complete wording (its
head). A shorter wording joins the cluster whose members contain it best, and only if the head
contains it too, loosely: a chain of small changes cannot drift into a different quotation, and a
fragment joins one cluster, never bridging two. A second pass finds splices: a wording made of
runs from two clusters joins the one it takes most words from and remembers the other.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from quotes.cluster.candidates import ShingleIndex, bag_overlap
from quotes.cluster.normalise import Tokens
from quotes.cluster.verify import (
    MIN_FRAGMENT_WORDS,
    Alignment,
    align,
    contains,
    share_contained,
)

JOIN_COVERAGE = 0.7  # share of a wording's words a cluster member must contain
HEAD_COVERAGE = 0.5  # share the cluster's head must contain: the guard against chains
MEMBERS_TRIED = 3  # members of one cluster aligned per candidate, most promising first
SPLICE_MIN_WORDS = 5  # a run taken from another quotation must be this long to be a splice
SPLICE_DENSITY = 0.8  # and that run must be this dense in matched words
SPLICE_SEAM = 2  # words the two runs of a splice may share where they meet


@dataclass(frozen=True)
class Wording:
    """One distinct normalised wording and how many quotes use it."""

    tokens: Tokens
    code: str  # encoded words, one character each
    weight: int

    @property
    def bag(self) -> Counter[str]:
        return Counter(self.code)


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
    index = ShingleIndex([w.code for w in wordings])
    bags = [w.bag for w in wordings]
    order = sorted(
        range(len(wordings)),
        key=lambda i: (-len(wordings[i].code), -wordings[i].weight, wordings[i].tokens.key),
    )
    rank = {i: r for r, i in enumerate(order)}
    uf = UnionFind(len(wordings))
    for i in order:
        if len(wordings[i].code) < MIN_FRAGMENT_WORDS:
            continue
        earlier = Counter({j: n for j, n in index.candidates(i).items() if rank[j] < rank[i]})
        best = _best_cluster(i, earlier, wordings, bags, uf)
        if best is not None:
            uf.union(best, i)
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


def _best_cluster(
    i: int,
    found: Counter[int],
    wordings: Sequence[Wording],
    bags: Sequence[Counter[str]],
    uf: UnionFind,
) -> int | None:
    """The root of the cluster that contains wording i best, if any contains it well enough."""
    by_root: dict[int, list[int]] = defaultdict(list)
    for j, _ in found.most_common():
        by_root[uf.find(j)].append(j)
    need = JOIN_COVERAGE * len(wordings[i].code)
    best: tuple[float, float, int] | None = None
    for root, members in by_root.items():
        score = max(
            (_coverage(i, j, wordings, bags, need) for j in members[:MEMBERS_TRIED]), default=0.0
        )
        if score < JOIN_COVERAGE:
            continue
        head = _coverage(i, root, wordings, bags, HEAD_COVERAGE * len(wordings[i].code))
        if head < HEAD_COVERAGE:
            continue
        if best is None or (score, head, -root) > best:
            best = (score, head, -root)
    return -best[2] if best is not None else None


def _coverage(
    i: int, j: int, wordings: Sequence[Wording], bags: Sequence[Counter[str]], need: float
) -> float:
    """Share of wording i contained in wording j, or 0 when it cannot reach `need` words."""
    free = wordings[i].tokens.bracketed
    if bag_overlap(bags[i], bags[j]) + len(free) < need:
        return 0.0
    share = share_contained(align(wordings[i].code, wordings[j].code), free)
    return share if contains(share, len(wordings[i].code), JOIN_COVERAGE) else 0.0


def _runs_from_others(
    i: int, wordings: Sequence[Wording], index: ShingleIndex, uf: UnionFind, own: bool = False
) -> list[tuple[int, Alignment]]:
    """For each other cluster (and its own, if `own`) sharing words with wording i, the member
    aligning best with i, when that alignment is a dense run of words."""
    home = uf.find(i)
    by_root: dict[int, list[int]] = defaultdict(list)
    for j, _ in index.candidates(i).most_common():
        if own or uf.find(j) != home:
            by_root[uf.find(j)].append(j)
    runs = []
    for members in by_root.values():
        scored = [(align(wordings[i].code, wordings[j].code), j) for j in members[:MEMBERS_TRIED]]
        alignment, j = max(scored, key=lambda s: (s[0].matched, -s[1]))
        if _is_run(alignment):
            runs.append((j, alignment))
    return runs


def _is_run(alignment: Alignment) -> bool:
    start, end = alignment.span_a()
    return alignment.matched >= SPLICE_MIN_WORDS and alignment.matched >= SPLICE_DENSITY * (
        end - start
    )


def _merge_spliced_heads(
    wordings: Sequence[Wording], index: ShingleIndex, uf: UnionFind, rank: dict[int, int]
) -> dict[int, Splice]:
    """A head made of runs from two clusters is a splice: it joins the one it takes most from.

    Taken longest first, a splice may have founded a cluster the quotation it took most from
    then joined; that quotation then leads the cluster instead.
    """
    splices: dict[int, Splice] = {}
    heads = sorted({uf.find(i) for i in range(len(wordings))}, key=rank.__getitem__)
    for head in heads:
        n = len(wordings[head].code)
        if n < 2 * SPLICE_MIN_WORDS or uf.find(head) != head:
            continue
        # The larger run is the quotation spliced into; on a tie, the one the splice opens with.
        # Wordings covering most of the head (its own copies) are not runs of a splice.
        runs = sorted(
            (
                r
                for r in _runs_from_others(head, wordings, index, uf, own=True)
                if r[1].matched < JOIN_COVERAGE * n
            ),
            key=lambda r: (-r[1].matched, r[1].span_a()[0]),
        )
        if len(runs) < 2 or uf.find(runs[1][0]) == head:
            continue
        (major, a), (minor, b) = runs[0], runs[1]
        (a0, a1), (b0, b1) = a.span_a(), b.span_a()
        overlap = max(0, min(a1, b1) - max(a0, b0))  # a shared "and" at the seam is fine
        if overlap <= SPLICE_SEAM and JOIN_COVERAGE * n <= a.matched + b.matched - overlap:
            if uf.find(major) == head:
                uf.lead(major)
            else:
                uf.union(uf.find(major), head)
            splices[head] = Splice(minor, b0, b1)
    return splices


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
        start, end = alignment.span_a()
        new = sum(1 for a, _, size in alignment.blocks for k in range(size) if a + k not in covered)
        if new >= SPLICE_MIN_WORDS and new > best_new:
            best, best_new = Splice(j, start, end), new
    return best
