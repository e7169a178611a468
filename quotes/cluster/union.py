"""Group distinct wordings into clusters from verified links, without letting weak links chain.

Wordings are taken longest first, so each cluster is founded by its most complete wording (its
head), and each shorter wording joins the one cluster that holds it (joins). Then pieces of one
statement come together (pieces), the wordings two clusters held are tried again (those clusters
may now be one), and splices are found (splices): a wording made of runs from two clusters joins
the one it takes most words from and remembers the other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from quotes.cluster.counts import CorpusCounts, clustering_order, indexes, local
from quotes.cluster.fragments import AMBIGUOUS
from quotes.cluster.joins import best_cluster, fragment_home
from quotes.cluster.pieces import join_pieces
from quotes.cluster.sets import UnionFind
from quotes.cluster.splices import Splice, merge_spliced_heads, splice_of
from quotes.cluster.verify import MIN_FRAGMENT_WORDS, SHORT_FRAGMENT_WORDS
from quotes.cluster.wordings import Wording


@dataclass
class Grouping:
    """Clusters as lists of wording indices (head first), and the splices found."""

    groups: list[list[int]]
    splices: dict[int, Splice] = field(default_factory=dict)


def group(wordings: Sequence[Wording], counts: CorpusCounts | None = None) -> Grouping:
    """Cluster wordings: containment links checked against members and head, then splices.

    With `counts` (counts.survey of a corpus holding these wordings), gives for them what
    grouping that whole corpus gives, when they hold every wording theirs may be related to
    (a component, see components.py); without, the wordings are the corpus."""
    order = clustering_order(wordings)
    index, words = indexes(wordings, order, local(counts, wordings) if counts is not None else None)
    rank = {i: r for r, i in enumerate(order)}
    uf = UnionFind(len(wordings))

    def home_of(i: int) -> int | None:
        if len(wordings[i].code) < SHORT_FRAGMENT_WORDS:
            home = fragment_home(i, wordings, words, rank, uf)
            if home is not None or len(wordings[i].code) < MIN_FRAGMENT_WORDS:
                return home
        earlier = [j for j in index.candidates(i) if rank[j] < rank[i]]
        return best_cluster(i, earlier, wordings, uf)

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
    splices = merge_spliced_heads(wordings, index, uf, rank)
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
            splice = splices.get(i) or splice_of(i, members[0], wordings, index, uf)
            if splice is not None:
                result.splices[i] = splice
    return result
