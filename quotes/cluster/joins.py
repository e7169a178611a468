"""Where one wording joins: the cluster whose members contain it best and whose head contains
it too (the guard against chains that drift), found by alignment for wordings of a sentence or
more and by their words for short fragments; AMBIGUOUS when two clusters hold it about as well.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import islice

from quotes.cluster.candidates import common_words
from quotes.cluster.cuts import completed
from quotes.cluster.fragments import (
    AMBIGUOUS,
    FUNCTION_WORDS,
    WordIndex,
    content_of,
    near_holds,
    speakers_conflict,
)
from quotes.cluster.pieces import OVERLAP_WORDS
from quotes.cluster.sets import UnionFind
from quotes.cluster.stems import stem
from quotes.cluster.verify import (
    SHORT_FRAGMENT_WORDS,
    Alignment,
    align,
    contains,
    share_contained,
)
from quotes.cluster.wordings import Wording

JOIN_COVERAGE = 0.7  # share of a wording's words a cluster member must contain
REWORDED_COVERAGE = 0.5  # the same, when both name the same speaker
HEAD_COVERAGE = 0.5  # share the cluster's head must contain: the guard against chains
AMBIGUOUS_WORDS = 12  # shorter wordings contained as well in two clusters join neither
MEMBERS_TRIED = 3  # members of one cluster aligned per candidate, most promising first
REORDERED = 0.8  # share of a wording's content stems a reordered rewording of it keeps
REORDERED_SPAN = 1.5  # how much longer than the wording the stretch holding them may be
REORDERED_CONTENT = 5  # content words a wording needs for their stems to tell
GAP = 1 / 3  # share of a reworded wording that may go unmatched in one stretch
DOMINANT = 3  # a fragment two clusters hold joins one whose holders are this many times as quoted


def fragment_home(
    i: int, wordings: Sequence[Wording], words: WordIndex, rank: dict[int, int], uf: UnionFind
) -> int | None:
    """The root of the one cluster whose wordings hold short wording i, AMBIGUOUS when they
    lie in two clusters (and neither dominates) or when only its own article's quotation holds
    it (to be asked again once pieces have joined), None when none holds it. Holders quoting the
    same speaker decide when there are any; otherwise any holder whose speaker does not
    conflict. Holders that have its words as they are outrank those that change one of them."""
    w = wordings[i]
    content = content_of(w.tokens.words)
    if not content:
        return None
    echoed = False  # held by its own article's quotation only, which may travel yet
    for by_speaker in (True, False) if w.speakers else (False,):
        exact: dict[int, int] = {}  # root: quotes of its wordings holding i word for word
        loose: set[int] = set()
        for j in words.holders(i, content, lambda j: rank[j] < rank[i], by_speaker):
            root = uf.find(j)
            if not _fits(w.speakers, j, uf, wordings):
                continue
            if _echo(i, j, wordings, uf):
                echoed = echoed or _near_holds(w, wordings[j])
                continue
            if w.code in wordings[j].code:
                exact[root] = exact.get(root, 0) + wordings[j].weight
            elif not exact and len(loose) < 2 and root not in loose and _near_holds(w, wordings[j]):
                loose.add(root)
        if exact:
            return _dominant(exact)
        if len(loose) > 1:
            return AMBIGUOUS
        if loose:
            return loose.pop()
    return AMBIGUOUS if echoed else None


def may_join(i: int, j: int, wordings: Sequence[Wording]) -> bool:
    """Whether wording i could join a cluster through wording j, whatever the clusters are:
    j holds it as fragment_home asks, or contains it well enough for best_cluster."""
    n = len(wordings[i].code)
    if n < SHORT_FRAGMENT_WORDS:
        conflict = speakers_conflict(wordings[i].speakers, wordings[j].speakers)
        return not conflict and _near_holds(wordings[i], wordings[j])
    return _coverage(i, j, wordings, JOIN_COVERAGE, wordings[i].speakers) > 0


def _dominant(holding: dict[int, int]) -> int:
    """The cluster a fragment comes from when several hold it word for word: the one whose
    holders are reprinted DOMINANT times as often as any other's (a fragment quoted alone is
    lifted from the quotation everyone printed), else AMBIGUOUS."""
    ranked = sorted(holding.items(), key=lambda rw: (-rw[1], rw[0]))
    if len(ranked) == 1 or ranked[0][1] >= DOMINANT * ranked[1][1]:
        return ranked[0][0]
    return AMBIGUOUS


def best_cluster(
    i: int,
    found: Sequence[int],
    wordings: Sequence[Wording],
    uf: UnionFind,
) -> int | None:
    """The root of the cluster that contains wording i best, if any contains it well enough;
    AMBIGUOUS when two contain it about as well, or when only its own article's quotations
    might (as fragment_home)."""
    by_root: dict[int, list[int]] = defaultdict(list)
    n = len(wordings[i].code)
    echoed = False  # as in fragment_home
    for j in found:
        if n < AMBIGUOUS_WORDS and _echo(i, j, wordings, uf):
            echoed = True
        else:
            by_root[uf.find(j)].append(j)
    own = wordings[i].speakers if n >= SHORT_FRAGMENT_WORDS else frozenset()
    contained = _coverage if n >= SHORT_FRAGMENT_WORDS else _held
    passing: list[tuple[float, float, int]] = []
    fitting: set[int] = set()  # roots with a member tried whose speaker fits wording i's
    for root, members in by_root.items():
        tried = members[:MEMBERS_TRIED]
        if n < SHORT_FRAGMENT_WORDS:
            # Too short to tell a quotation from a phrase by wording alone: the speaker must fit.
            mine = wordings[i].speakers
            fit = (j for j in members if _fits(mine, j, uf, wordings))
            tried = list(islice(fit, MEMBERS_TRIED))
        scores = {j: contained(i, j, wordings, JOIN_COVERAGE, own) for j in tried}
        score = max(scores.values(), default=0)
        if not score:
            continue
        # The head guards against chains; a head that holds the wording itself passes it.
        head = max(_coverage(i, root, wordings, HEAD_COVERAGE), scores.get(root, 0))
        if head >= HEAD_COVERAGE:
            passing.append((score, head, -root))
            if any(_fits(wordings[i].speakers, j, uf, wordings) for j in tried):
                fitting.add(root)
    if not passing:
        return AMBIGUOUS if echoed else None
    if n < AMBIGUOUS_WORDS and fitting and len(fitting) < len(passing):
        # Held by quotations of its speaker and of another: those of its speaker say whose.
        passing = [p for p in passing if -p[2] in fitting]
    passing.sort(reverse=True)
    # A short wording found as well in two quotations is a phrase they share, not a fragment.
    if n < AMBIGUOUS_WORDS and len(passing) > 1 and passing[1][0] >= passing[0][0] - 0.05:
        return AMBIGUOUS
    return -passing[0][2]


def _fits(speakers: frozenset[str], j: int, uf: UnionFind, wordings: Sequence[Wording]) -> bool:
    """Whether a short wording of `speakers` may be a piece of wording j: j names no other
    speaker, nor do all the named quotes of j's cluster. A quote whose speaker extraction missed
    says nothing of whose words these are; the rest of its cluster does."""
    if speakers_conflict(speakers, wordings[j].speakers):
        return False
    if not speakers or wordings[j].speakers:
        return True
    return not speakers_conflict(speakers, uf.gathered(j, lambda k: wordings[k].speakers))


def _echo(i: int, j: int, wordings: Sequence[Wording], uf: UnionFind) -> bool:
    """Whether wording j, and its whole cluster so far, are quoted only in the one article
    wording i is quoted in: an article repeating words of its own quotation (a headline made
    from its body, a question quoting a phrase of the answer) is no evidence that they are one
    quotation; when that quotation travelled to other outlets, its words here are part of it."""
    article = wordings[i].article
    if article is None or wordings[j].article != article:
        return False
    return uf.common(j, lambda k: wordings[k].article) == article


def _held(i: int, j: int, wordings: Sequence[Wording], *_: object) -> float:
    """_coverage for a short fragment: held (fragments.near_holds) or not at all, whatever
    other words of it j has."""
    n = len(wordings[i].code)
    if wordings[i].code in wordings[j].code:
        return 1.0
    return (n - 1) / n if _near_holds(wordings[i], wordings[j]) else 0.0


def _near_holds(short: Wording, long: Wording) -> bool:
    """fragments.near_holds, a word `short` ends or starts with cut from one of `long` standing
    for that word (cuts.py)."""
    return near_holds(completed(short, long), long)


def _coverage(
    i: int,
    j: int,
    wordings: Sequence[Wording],
    threshold: float,
    speakers: frozenset[str] = frozenset(),
) -> float:
    """Share of wording i contained in wording j, or 0 when below `threshold`; when wording i,
    of `speakers`, and wording j name one of them, the share of its content words j has in one
    stretch in another order (_reordered) will do. A word wording i ends or starts with, cut
    from one of j (cuts.py), stands for that word."""
    mine = completed(wordings[i], wordings[j])
    share = _in_order(mine, j, wordings, threshold, speakers)
    if share or speakers.isdisjoint(wordings[j].speakers):
        return share
    return _reordered(mine.tokens.words, wordings[j].tokens.words)


def _in_order(
    mine: Wording,
    j: int,
    wordings: Sequence[Wording],
    threshold: float,
    speakers: frozenset[str],
) -> float:
    """Share of wording `mine` contained in wording j in order, or 0 when below `threshold`.

    An outlet or a machine rewording a quotation ("The fines in this matter reflect" → "The
    penalties on this matter mirror") keeps about every other word: REWORDED_COVERAGE is
    enough when `mine`, of `speakers`, and wording j name the same speaker."""
    free = mine.tokens.bracketed
    n = len(mine.code)
    common = common_words(mine.code, wordings[j].code) + len(free)
    reworded = False  # joining at REWORDED_COVERAGE, on the speakers' word
    if common < threshold * n:
        if not speakers or common < REWORDED_COVERAGE * n or not _same(speakers, j, wordings):
            return 0.0
        threshold, reworded = REWORDED_COVERAGE, True
    alignment = align(mine.code, wordings[j].code)
    share = share_contained(alignment, free)
    if share < threshold and speakers and share >= REWORDED_COVERAGE:
        if not _same(speakers, j, wordings):
            return 0.0
        threshold, reworded = REWORDED_COVERAGE, True
    # Kept words of a reworded quotation lie all along it, and a piece of a statement shares a
    # sentence (a run of OVERLAP_WORDS): short runs with a long stretch of other words beside
    # them are a phrase the two share ("While respecting our one-China policy, our solidarity
    # with Taiwan is more important than ever" is not "America's solidarity with ..."), and so
    # is one short run holding most of what they share.
    longest = alignment.longest_run
    if (
        reworded
        and share < JOIN_COVERAGE
        and longest < OVERLAP_WORDS
        and (longest > alignment.matched / 2 or _longest_gap(alignment) > n * GAP)
    ):
        return 0.0
    return share if contains(share, n, threshold) else 0.0


def _reordered(words: tuple[str, ...], other: tuple[str, ...]) -> float:
    """Share of the content stems of `words` that one stretch of `other`, about as long, has
    in any order, when that is at least REORDERED: a translation or a machine rewrite of a
    sentence moves its clauses about ("Before making any further comments, I'll take some time
    to rest" from "I will now be taking some time to rest, before making any further
    comments"). 0.0 below that, or for a wording too short for its words to tell."""
    if len(words) < SHORT_FRAGMENT_WORDS:
        return 0.0
    content = _content_stems(words)
    if len(content) < REORDERED_CONTENT:
        return 0.0
    theirs = _stems(other)
    if len(content.intersection(theirs)) < REORDERED * len(content):
        return 0.0  # most pairs: too few of them anywhere in it
    width = int(len(words) * REORDERED_SPAN)
    inside: Counter[str] = Counter()
    best = 0
    for k, word in enumerate(theirs):
        if word in content:
            inside[word] += 1
        if k >= width and theirs[k - width] in content:
            gone = theirs[k - width]
            inside[gone] -= 1
            if not inside[gone]:
                del inside[gone]
        best = max(best, len(inside))
    share = best / len(content)
    return share if share >= REORDERED else 0.0


@functools.lru_cache(maxsize=1 << 14)
def _content_stems(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(stem(w) for w in words if w not in FUNCTION_WORDS)


@functools.lru_cache(maxsize=1 << 14)
def _stems(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(stem(w) for w in words)


def _longest_gap(alignment: Alignment) -> int:
    """The most words of the first wording in a row that the alignment leaves unmatched."""
    ends = [0] + [a + size for a, _, size in alignment.blocks]
    starts = [a for a, _, _ in alignment.blocks] + [alignment.len_a]
    return max(start - end for start, end in zip(starts, ends, strict=True))


def _same(speakers: frozenset[str], j: int, wordings: Sequence[Wording]) -> bool:
    """Whether wording j names a speaker that may be one of `speakers`."""
    theirs = wordings[j].speakers
    return bool(theirs) and not speakers_conflict(speakers, theirs)
