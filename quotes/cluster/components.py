"""Group a corpus part by part: statements that could never affect each other's cluster apart.

Candidate pairs (trigram candidates, a fragment's holders in its rarest word's posting) join
nearly everything: stock phrases and common words chain unrelated quotations. Only a pair that
could really link counts here, checked against the weakest condition a stage needs of a pair
whatever the clusters are. Grouping has two levels (union.py). Statements (wordings of
AMBIGUOUS_WORDS or more) join one another only by containment and as pieces of one statement,
so components over `statement_linked` pairs of statements hold every statement a statement's
cluster depends on: each component's joins are grouped on their own, with the corpus's counts,
as the whole corpus groups them. The second level (union.finish) places each short wording
against the clusters of the wordings it is linked to, joins the statements' pieces (a pair of
one component, weighed by the speakers of the quotes placed in each), and finds splices
(group_parts, tested equal to union.group).

Parts that group whole, as the Spark build clusters them, come in two stages, as grouping
reads them (staged_parts). Before splices (union.settle) a pair relates only by containment,
as pieces of one statement, or as a short wording quoted in the other's one article:
components over settle_linked settle alone as the whole corpus settles them (1-2 % of the
quotes at most). Splices then read the settled clusters: a head whose splice check finds a
splice in them reads its majors and minors (no other head finds one later, as joining clusters
only rules pairs out), and a member with words its head lacks reads the runs other clusters
give it; splice_links joins those components into parts. Links taken whatever the clusters are
(a run of four words or a half of a long wording shared) would chain a quarter of the corpus
into one part (bench/components.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from functools import partial

from quotes.cluster.candidates import ShingleIndex
from quotes.cluster.counts import CorpusCounts, Survey, survey
from quotes.cluster.fragments import content_of
from quotes.cluster.joins import AMBIGUOUS_WORDS, may_join
from quotes.cluster.pieces import PIECE_WORDS, one_statement
from quotes.cluster.sets import UnionFind
from quotes.cluster.splices import (
    SPLICE_HEAD_WORDS,
    gives_run,
    open_to_splice,
    splice_partners,
)
from quotes.cluster.union import Grouping, Run, finish, group, settle, start, statements
from quotes.cluster.verify import SHORT_FRAGMENT_WORDS
from quotes.cluster.wordings import Wording

Linked = Callable[[int, int, Sequence[Wording], ShingleIndex], bool]


def statement_linked(i: int, j: int, wordings: Sequence[Wording], index: ShingleIndex) -> bool:
    """Whether statements i and j could ever join one cluster as statements: one contains the
    other well enough to join it, or they are pieces of one statement."""
    a, b = len(wordings[i].code), len(wordings[j].code)
    if a < AMBIGUOUS_WORDS or b < AMBIGUOUS_WORDS:
        return False
    if (a <= b and may_join(i, j, wordings)) or (b <= a and may_join(j, i, wordings)):
        return True
    return one_statement(i, j, wordings, index) or one_statement(j, i, wordings, index)


def settle_linked(i: int, j: int, wordings: Sequence[Wording], index: ShingleIndex) -> bool:
    """Whether grouping could relate wordings i and j before splices (union.settle), whatever
    the clusters are: one holds the other well enough to join it, they are pieces of one
    statement, or a short one is quoted in the other's one article (joins._echo reads it)."""
    a, b = len(wordings[i].code), len(wordings[j].code)
    if (a <= b and may_join(i, j, wordings)) or (b <= a and may_join(j, i, wordings)):
        return True
    pieces = a >= PIECE_WORDS and b >= PIECE_WORDS  # statements, or a short piece of one
    if pieces and (one_statement(i, j, wordings, index) or one_statement(j, i, wordings, index)):
        return True
    return _echoes(i, j, wordings) or _echoes(j, i, wordings)


def _echoes(i: int, j: int, wordings: Sequence[Wording]) -> bool:
    article = wordings[i].article
    return (
        len(wordings[i].code) < AMBIGUOUS_WORDS
        and article is not None
        and (wordings[j].article == article)
    )


def settled_roots(
    wordings: Sequence[Wording], parts: Sequence[Sequence[int]], counts: CorpusCounts
) -> list[int]:
    """Each wording's cluster root after union.settle, components over settle_linked each
    settled alone with the corpus's counts: what settling the whole corpus gives."""
    roots = list(range(len(wordings)))
    for part in parts:
        if len(part) > 1:
            run = start([wordings[k] for k in part], counts)
            statements(run)
            settle(run)
            for k, i in enumerate(part):
                roots[i] = part[run.uf.find(k)]
    return roots


def splice_links(
    wordings: Sequence[Wording], index: ShingleIndex, roots: Sequence[int]
) -> Iterator[tuple[int, int]]:
    """Pairs of wordings whose settled clusters (`roots`) a splice could read or join: a head
    and the majors and minors its splice check takes (splices.splice_partners), and a member
    with words its head lacks and each candidate of another cluster that could give it a run.
    A cluster a head's splice may merge or lead anew may change its head: all its members
    count as having such words."""
    uf = UnionFind(len(wordings))
    for i, root in enumerate(roots):
        uf.union(root, i)
    touched: set[int] = set()
    for head in sorted(set(roots)):
        if len(wordings[head].code) >= SPLICE_HEAD_WORDS:
            partners = splice_partners(head, wordings, index, uf)
            if partners:
                touched.update(roots[j] for j in [head, *partners])
            yield from ((head, j) for j in partners)
    for i, root in enumerate(roots):
        if root != i and (root in touched or open_to_splice(i, root, wordings)):
            for j in index.candidates(i):
                if roots[j] != root and gives_run(i, j, wordings, index):
                    yield i, j


def staged_parts(wordings: Sequence[Wording], found: Survey) -> list[list[int]]:
    """Wordings in parts that each group alone as the corpus does (group_part): components
    over settle_linked, joined where splice_links says a splice may read or join their
    clusters. (The Spark build finds them so, stage by stage.)"""
    settled = components(wordings, found, settle_linked)
    uf = UnionFind(len(wordings))
    for part in settled:
        for i in part[1:]:
            uf.union(part[0], i)
    return spliced_parts(wordings, found.index, uf, settled_roots(wordings, settled, found.counts))


def spliced_parts(
    wordings: Sequence[Wording], index: ShingleIndex, uf: UnionFind, roots: Sequence[int]
) -> list[list[int]]:
    """The sets of `uf` (each holding whole settled clusters, `roots`) joined where
    splice_links says a splice may read or join their clusters."""
    for i, j in splice_links(wordings, index, roots):
        uf.union(i, j)
    parts: dict[int, list[int]] = defaultdict(list)
    for i in range(len(wordings)):
        parts[uf.find(i)].append(i)
    return list(parts.values())


def components(
    wordings: Sequence[Wording], found: Survey, link: Linked = settle_linked
) -> list[list[int]]:
    """Wordings in components over `link` pairs (each in index order), in the order of their
    first: over settle_linked, each settles alone as the corpus does (settled_roots); over
    statement_linked, the statements' components (short wordings each alone).

    Each candidate pair is looked at once (from the wording later in clustering order, unless
    it is not the other's candidate), and not at all once other links join it."""
    uf = UnionFind(len(wordings))
    rank = {i: r for r, i in enumerate(found.order)}
    index = found.index

    def join(i: int, j: int) -> None:
        if uf.find(i) != uf.find(j) and link(i, j, wordings, index):
            uf.union(i, j)

    for i in found.order:
        for j in index.candidates(i):
            if rank[j] < rank[i] or not index.proposed(j, i):
                join(i, j)
        if link is statement_linked:
            continue  # a fragment's holders are never two statements
        w = wordings[i]
        content = content_of(w.tokens.words) if len(w.code) < SHORT_FRAGMENT_WORDS else []
        for by_speaker in ((True, False) if w.speakers else (False,)) if content else ():
            for j in found.words.holders(i, content, partial(_before, rank, i), by_speaker):
                join(i, j)
    parts: dict[int, list[int]] = defaultdict(list)
    for i in range(len(wordings)):
        parts[uf.find(i)].append(i)
    return list(parts.values())


def _before(rank: dict[int, int], i: int, j: int) -> bool:
    return rank[j] < rank[i]


def group_parts(wordings: Sequence[Wording]) -> Grouping:
    """union.group over the whole corpus, its statements grouped component by component."""
    found = survey(wordings)
    rank = {i: r for r, i in enumerate(found.order)}
    run = Run(wordings, found.order, found.index, found.words, rank, UnionFind(len(wordings)))
    for part in components(wordings, found, statement_linked):
        if len(part) > 1:  # a statement alone joins nothing
            sub = start([wordings[k] for k in part], found.counts)
            statements(sub)
            for k, i in enumerate(part):
                run.uf.union(part[sub.uf.find(k)], i)
    return finish(run)


def group_part(wordings: Sequence[Wording], counts: CorpusCounts) -> Grouping:
    """A part of staged_parts grouped with the corpus's counts (one wording is its own
    cluster): what the Spark build runs per part."""
    return Grouping([[0]]) if len(wordings) == 1 else group(wordings, counts)
