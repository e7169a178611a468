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

`linked` is every kind of link in one level (a short wording and its holders, a splice's run
and the quotation it takes most from too): components over it are closed under all of grouping,
so the Spark build clusters each of them with union.group whole. Those chain statements through
the phrases short wordings share and through splices (a third of the corpus in one component);
the statements' components hold 0.2 % at most (bench/components.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import partial

from quotes.cluster.candidates import ShingleIndex
from quotes.cluster.counts import CorpusCounts, Survey, survey
from quotes.cluster.fragments import content_of
from quotes.cluster.joins import AMBIGUOUS_WORDS, may_join
from quotes.cluster.pieces import PIECE_WORDS, one_statement
from quotes.cluster.sets import UnionFind
from quotes.cluster.splices import may_splice
from quotes.cluster.union import Grouping, Run, finish, group, start, statements
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


def linked(i: int, j: int, wordings: Sequence[Wording], index: ShingleIndex) -> bool:
    """Whether grouping could ever relate wordings i and j (`index` says which trigrams are
    stock phrases), at any level: a necessary condition of every link."""
    a, b = len(wordings[i].code), len(wordings[j].code)
    if (a <= b and may_join(i, j, wordings)) or (b <= a and may_join(j, i, wordings)):
        return True
    pieces = a >= PIECE_WORDS and b >= PIECE_WORDS  # statements, or a short piece of one
    if pieces and (one_statement(i, j, wordings, index) or one_statement(j, i, wordings, index)):
        return True
    return may_splice(i, j, wordings, index) or may_splice(j, i, wordings, index)


def components(
    wordings: Sequence[Wording], found: Survey, link: Linked = linked
) -> list[list[int]]:
    """Wordings in components over `link` pairs (each in index order), in the order of their
    first: over `linked`, each groups alone as the corpus does (group_part); over
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
    """A component over `linked` grouped with the corpus's counts (one wording is its own
    cluster): what the Spark build runs per component."""
    return Grouping([[0]]) if len(wordings) == 1 else group(wordings, counts)
