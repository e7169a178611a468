"""Group distinct wordings into clusters from verified links, without letting weak links chain.

Two levels. Statements first: wordings of AMBIGUOUS_WORDS or more, taken longest first, so each
cluster is founded by its most complete wording (its head) and each shorter one joins the one
cluster that holds it (joins). Short wordings next, longest first, each placed against those
clusters (and the short ones placed before it): it joins the one cluster that holds it, or none
when two hold it about as well (a phrase they share), so a short wording never relates two
statements. Then statements' clusters that are pieces of one statement come together, and a
short wording leading its own cluster joins the one cluster holding it as a piece (pieces); the
short wordings two clusters held are tried again (those clusters may now be one), and splices
are found (splices): a wording made of runs from two clusters joins the one it takes most words
from, remembers the other, and then, as it quotes both as one span, joins the two clusters. Each
joined cluster keeps its parts (the clusters the splices joined), each a wording of its own: its
quotes' alterations and copy edges are told against their part's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from quotes.cluster.candidates import ShingleIndex
from quotes.cluster.counts import CorpusCounts, clustering_order, indexes, local
from quotes.cluster.fragments import AMBIGUOUS, WordIndex
from quotes.cluster.joins import AMBIGUOUS_WORDS, best_cluster, fragment_home
from quotes.cluster.pieces import join_pieces, join_short_pieces
from quotes.cluster.sets import UnionFind
from quotes.cluster.splices import Splice, join_spliced, merge_spliced_heads, splice_of
from quotes.cluster.verify import MIN_FRAGMENT_WORDS, SHORT_FRAGMENT_WORDS
from quotes.cluster.wordings import Wording


@dataclass
class Grouping:
    """Clusters as lists of wording indices (head first), the splices found, and for each wording
    of a cluster that splices joined, the head of its part (the cluster it was in before)."""

    groups: list[list[int]]
    splices: dict[int, Splice] = field(default_factory=dict)
    part: dict[int, int] = field(default_factory=dict)


@dataclass
class Run:
    """One grouping under way: the wordings, their indexes and the clusters so far."""

    wordings: Sequence[Wording]
    order: list[int]
    index: ShingleIndex
    words: WordIndex
    rank: dict[int, int]
    uf: UnionFind


def start(wordings: Sequence[Wording], counts: CorpusCounts | None = None) -> Run:
    """Index wordings for grouping, each its own cluster; with `counts` (counts.survey of a
    corpus holding them), on that corpus's counts."""
    order = clustering_order(wordings)
    index, words = indexes(wordings, order, local(counts, wordings) if counts is not None else None)
    rank = {i: r for r, i in enumerate(order)}
    return Run(wordings, order, index, words, rank, UnionFind(len(wordings)))


def group(wordings: Sequence[Wording], counts: CorpusCounts | None = None) -> Grouping:
    """Cluster wordings: statements, then short wordings placed against them, then splices.

    With `counts` (counts.survey of a corpus holding these wordings), gives for them what
    grouping that whole corpus gives, when they hold every wording theirs may be related to
    (see components.py); without, the wordings are the corpus."""
    run = start(wordings, counts)
    statements(run)
    return finish(run)


def statements(run: Run) -> None:
    """Join the statements (wordings of AMBIGUOUS_WORDS or more), longest first."""
    for i in run.order:
        if not _long(run, i):
            break  # shorter ones follow
        home = home_of(run, i)
        if home is not None:  # a wording this long is never AMBIGUOUS
            run.uf.union(home, i)


def finish(run: Run) -> Grouping:
    """Place the short wordings against the statements' clusters, join the pieces, find
    splices, and give the clusters (each headed by its root)."""
    settle(run)
    return splice(run)


def settle(run: Run) -> None:
    """Place the short wordings against the statements' clusters and join the pieces: all of
    grouping but splices, which read these clusters (components.splice_links)."""
    wordings, index, uf = run.wordings, run.index, run.uf
    short = [i for i in run.order if not _long(run, i)]
    ambiguous = []
    for i in short:
        home = home_of(run, i)
        if home == AMBIGUOUS:
            ambiguous.append(i)
        elif home is not None:
            uf.union(home, i)
    long = [i for i in run.order if _long(run, i)]
    join_pieces(wordings, index, uf, run.rank, long)
    join_short_pieces(wordings, index, uf, run.rank, short)
    for i in ambiguous:  # the clusters holding it may have proved one statement
        home = home_of(run, i)
        if home is not None and home != AMBIGUOUS:
            uf.union(home, i)


def splice(run: Run) -> Grouping:
    """Find the splices, join their clusters, and give the clusters (each headed by its root)."""
    wordings, index, uf = run.wordings, run.index, run.uf
    splices = merge_spliced_heads(wordings, index, uf, run.rank)
    part = {i: uf.find(i) for i in run.order}
    for i in run.order:
        # The root founded the cluster (or absorbed a splice): a member's splice is words of
        # another cluster that the root lacks.
        if part[i] != i and i not in splices:
            found = splice_of(i, part[i], wordings, index, uf)
            if found is not None:
                splices[i] = found
    join_spliced(splices, uf, run.rank)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in run.order:
        groups[uf.find(i)].append(i)
    result = Grouping(
        [[root] + [i for i in members if i != root] for root, members in groups.items()],
        splices,
    )
    for members in result.groups:
        if any(part[i] != part[members[0]] for i in members):
            result.part.update((i, part[i]) for i in members)
    return result


def _long(run: Run, i: int) -> bool:
    return len(run.wordings[i].code) >= AMBIGUOUS_WORDS


def home_of(run: Run, i: int) -> int | None:
    """The root of the cluster wording i joins (AMBIGUOUS when two hold it), if any."""
    wordings, rank = run.wordings, run.rank
    if len(wordings[i].code) < SHORT_FRAGMENT_WORDS:
        home = fragment_home(i, wordings, run.words, rank, run.uf)
        if home is not None or len(wordings[i].code) < MIN_FRAGMENT_WORDS:
            return home
    earlier = [j for j in run.index.candidates(i) if rank[j] < rank[i]]
    return best_cluster(i, earlier, wordings, run.uf)
