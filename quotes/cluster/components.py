"""Group a corpus part by part: wordings that could never affect each other's cluster apart.

Candidate pairs (trigram candidates, a fragment's holders in its rarest word's posting) join
nearly everything: stock phrases and common words chain unrelated quotations. Only a pair that
could really link counts here: `linked` checks it against the weakest condition each stage
needs of a pair (a join or a fragment's holder, pieces of one statement, a splice's run or the
quotation a splice takes most from), whatever the clusters are. Components over those links are
closed under everything union.group does: a wording's cluster depends only on wordings linked to
it and on their clusters (a candidate that links to nothing is never aligned with success, and
the corpus counts keep every capped read as the corpus reads it), so grouping each component
with the corpus's counts gives the clusters grouping the whole corpus gives. The Spark build
takes the same links in a UDF and the same per-component grouping.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import partial

from quotes.cluster.candidates import ShingleIndex
from quotes.cluster.counts import CorpusCounts, Survey, survey
from quotes.cluster.fragments import content_of
from quotes.cluster.joins import may_join
from quotes.cluster.pieces import PIECE_WORDS, one_statement
from quotes.cluster.sets import UnionFind
from quotes.cluster.splices import Splice, may_splice
from quotes.cluster.union import Grouping, group
from quotes.cluster.verify import SHORT_FRAGMENT_WORDS
from quotes.cluster.wordings import Wording


def linked(i: int, j: int, wordings: Sequence[Wording], index: ShingleIndex) -> bool:
    """Whether grouping could ever relate wordings i and j (`index` says which trigrams are
    stock phrases): a necessary condition of every link, so pairs failing it never link."""
    a, b = len(wordings[i].code), len(wordings[j].code)
    if (a <= b and may_join(i, j, wordings)) or (b <= a and may_join(j, i, wordings)):
        return True
    pieces = a >= PIECE_WORDS and b >= PIECE_WORDS
    if pieces and (one_statement(i, j, wordings, index) or one_statement(j, i, wordings, index)):
        return True
    return may_splice(i, j, wordings, index) or may_splice(j, i, wordings, index)


def components(wordings: Sequence[Wording], found: Survey) -> list[list[int]]:
    """Wordings in components over links (each in index order), in the order of their first.

    Each candidate pair is looked at once (from the wording later in clustering order, unless
    it is not the other's candidate), and not at all once other links join it."""
    uf = UnionFind(len(wordings))
    rank = {i: r for r, i in enumerate(found.order)}
    index = found.index

    def link(i: int, j: int) -> None:
        if uf.find(i) != uf.find(j) and linked(i, j, wordings, index):
            uf.union(i, j)

    for i in found.order:
        for j in index.candidates(i):
            if rank[j] < rank[i] or not index.proposed(j, i):
                link(i, j)
        w = wordings[i]
        content = content_of(w.code, w.tokens.words) if len(w.code) < SHORT_FRAGMENT_WORDS else ""
        for by_speaker in ((True, False) if w.speakers else (False,)) if content else ():
            for j in found.words.holders(i, content, partial(_before, rank, i), by_speaker):
                link(i, j)
    parts: dict[int, list[int]] = defaultdict(list)
    for i in range(len(wordings)):
        parts[uf.find(i)].append(i)
    return list(parts.values())


def _before(rank: dict[int, int], i: int, j: int) -> bool:
    return rank[j] < rank[i]


def group_parts(wordings: Sequence[Wording]) -> Grouping:
    """union.group over the whole corpus, computed component by component."""
    found = survey(wordings)
    result = Grouping([])
    for part in components(wordings, found):
        merge(result, part, group_part([wordings[k] for k in part], found.counts))
    return result


def group_part(wordings: Sequence[Wording], counts: CorpusCounts) -> Grouping:
    """One component grouped with the corpus's counts (one wording is its own cluster)."""
    return Grouping([[0]]) if len(wordings) == 1 else group(wordings, counts)


def merge(into: Grouping, part: Sequence[int], grouping: Grouping) -> None:
    """Add a component's grouping (indices within `part`) to the corpus's."""
    into.groups.extend([part[i] for i in members] for members in grouping.groups)
    for i, s in grouping.splices.items():
        into.splices[part[i]] = Splice(part[s.partner], s.start, s.end)
