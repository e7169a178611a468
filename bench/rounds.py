"""Settling in small tasks: how small the Spark build's tasks could be, checked on one machine.

The Spark build clusters per task the parts components.staged_parts gives: components over
settle_linked, each settled alone, joined where a splice may join their clusters. On real news
those components chain a fifth of the quotes through short wordings that several statements
hold (bench/components.py). This script settles the corpus in small tasks instead, as keyed
passes could, and checks that it gives the whole corpus's settled clusters:

- statements: each component over statement_linked grouped alone (as group_parts does);
- short wordings placed (union.settle's first loop), short pieces joined, ambiguous ones tried
  again: each step in rounds. A wording's decision reads only what comes before it in clustering
  order (its earlier candidates and holders, and their clusters as the wordings before it left
  them), so the step's decisions are the one fixpoint of "each wording decided from the
  decisions before it". A round decides every wording at once, each in a task of its own (the
  wording, what it reads and those clusters, as the previous round left them for the wordings
  before it); a round that changes no decision has reached the fixpoint, however many it took;
- pieces: each statement component alone, with the quotes its clusters hold (they never meet).

The parts are then the settled clusters joined by components.splice_links, and each part's
splices found alone from its settled clusters (union.splice) give the whole corpus's clusters,
splices and parts (checked with --check). Prints the rounds each step took, the largest task
of any round (wordings and quotes) and the largest part.

    python bench/rounds.py --generated 3000 --seed 1 --check
    python bench/rounds.py /work/polnear/data/train/text /work/polnear/data/dev/text ...
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from components import describe, load  # noqa: E402

from quotes.cluster.components import (  # noqa: E402
    components,
    settled_roots,
    spliced_parts,
    statement_linked,
)
from quotes.cluster.counts import Survey, survey  # noqa: E402
from quotes.cluster.fragments import AMBIGUOUS, content_of  # noqa: E402
from quotes.cluster.joins import AMBIGUOUS_WORDS  # noqa: E402
from quotes.cluster.pieces import PIECE_WORDS, join_pieces, join_short_pieces  # noqa: E402
from quotes.cluster.sets import UnionFind  # noqa: E402
from quotes.cluster.splices import Splice  # noqa: E402
from quotes.cluster.union import Grouping, Run, group, home_of, splice, start, statements  # noqa: E402
from quotes.cluster.verify import SHORT_FRAGMENT_WORDS  # noqa: E402
from quotes.cluster.wordings import Wording  # noqa: E402


class State:
    """Each wording's cluster root, and each root's wordings, while clusters join."""

    def __init__(self, roots: list[int]) -> None:
        self.roots = list(roots)
        self.members: dict[int, list[int]] = defaultdict(list)
        for i, root in enumerate(roots):
            self.members[root].append(i)

    def join(self, i: int, home: int | None) -> None:
        """Wording i's cluster joins `home`'s (none when home is None or AMBIGUOUS)."""
        if home is None or home == AMBIGUOUS or self.roots[home] == self.roots[i]:
            return
        gone, keep = self.roots[i], self.roots[home]
        for j in self.members.pop(gone):
            self.roots[j] = keep
            self.members[keep].append(j)


Decide = Callable[[int, State], int | None]  # a wording and the clusters before it: its home


class Settling:
    """One corpus settled in tasks: its wordings, survey, and the largest task so far."""

    def __init__(self, wordings: Sequence[Wording], found: Survey) -> None:
        self.wordings, self.found = wordings, found
        self.rank = {i: r for r, i in enumerate(found.order)}
        self.largest = (0, 0)  # wordings, quotes

    def task(self, wanted: set[int], state: State) -> tuple[Run, list[int]]:
        """A run over `wanted` and every wording of their clusters, clustered as in `state`,
        on the corpus's counts, and its wordings' indices in the corpus."""
        clusters = {state.roots[j] for j in wanted}
        sub = sorted((i for r in clusters for i in state.members[r]), key=self.rank.__getitem__)
        weight = sum(self.wordings[i].weight for i in sub)
        self.largest = max(self.largest, (len(sub), weight))
        local = {g: k for k, g in enumerate(sub)}
        run = start([self.wordings[g] for g in sub], self.found.counts)
        for k, g in enumerate(sub):
            run.uf.union(local[state.roots[g]], k)
        return run, sub

    def reads(self, i: int) -> set[int]:
        """Wording i and the earlier wordings placing it reads: candidates and holders."""
        w, rank = self.wordings[i], self.rank
        found = set(self.earlier(i))
        content = content_of(w.tokens.words) if len(w.code) < SHORT_FRAGMENT_WORDS else []
        for by_speaker in ((True, False) if w.speakers else (False,)) if content else ():
            found.update(
                self.found.words.holders(i, content, lambda j: rank[j] < rank[i], by_speaker)
            )
        return found | {i}

    def earlier(self, i: int) -> list[int]:
        return [j for j in self.found.index.candidates(i) if self.rank[j] < self.rank[i]]

    def home(self, i: int, state: State) -> int | None:
        """Where wording i joins (union.home_of), in a task of what it reads."""
        run, sub = self.task(self.reads(i), state)
        found = home_of(run, sub.index(i))
        return found if found is None or found == AMBIGUOUS else sub[found]

    def piece_home(self, i: int, state: State) -> int | None:
        """The cluster a short piece leading its own joins (pieces.join_short_pieces)."""
        if state.roots[i] != i:
            return None
        run, sub = self.task({i, *self.earlier(i)}, state)
        k = sub.index(i)
        join_short_pieces(run.wordings, run.index, run.uf, run.rank, [k])
        return None if run.uf.find(k) == k else sub[run.uf.find(k)]

    def in_rounds(
        self, items: list[int], roots: list[int], decide: Decide
    ) -> tuple[list[int], dict[int, int | None], int]:
        """The roots once every item's decision is applied, the decisions (the fixpoint of
        rounds, each item decided from `roots` and the previous round's decisions of the
        items before it), and the rounds taken."""
        decided: dict[int, int | None] = {}
        rounds = 0
        while True:
            rounds += 1
            state, new = State(roots), {}
            for i in items:  # in clustering order: the state holds the decisions before i
                new[i] = decide(i, state)
                if i in decided:
                    state.join(i, decided[i])
            if new == decided:
                return state.roots, decided, rounds
            decided = new


def settle_in_tasks(s: Settling) -> tuple[list[int], list[int]]:
    """Each wording's settled root, and the rounds each stepwise step took."""
    wordings, found = s.wordings, s.found
    roots = list(range(len(wordings)))
    statement_parts = [p for p in components(wordings, found, statement_linked) if len(p) > 1]
    for part in statement_parts:
        run = start([wordings[k] for k in part], found.counts)
        statements(run)
        for k, g in enumerate(part):
            roots[g] = part[run.uf.find(k)]
    short = [i for i in found.order if len(wordings[i].code) < AMBIGUOUS_WORDS]
    roots, placed, placing = s.in_rounds(short, roots, s.home)
    after = list(roots)
    for part in statement_parts:
        run, sub = s.task(set(part), State(roots))
        join_pieces(run.wordings, run.index, run.uf, run.rank, [sub.index(g) for g in part])
        for k, g in enumerate(sub):
            after[g] = sub[run.uf.find(k)]
    pieces = [i for i in short if len(wordings[i].code) >= PIECE_WORDS]
    roots, _, joining = s.in_rounds(pieces, after, s.piece_home)
    again = [i for i in short if placed[i] == AMBIGUOUS]
    roots, _, retrying = s.in_rounds(again, roots, s.home)
    return roots, [placing, joining, retrying]


def parts_of(wordings: Sequence[Wording], found: Survey, roots: list[int]) -> list[list[int]]:
    """Settled clusters joined where splice_links says a splice may read or join them."""
    uf = UnionFind(len(wordings))
    for i, root in enumerate(roots):
        uf.union(root, i)
    return spliced_parts(wordings, found.index, uf, roots)


def spliced(
    wordings: Sequence[Wording], found: Survey, parts: list[list[int]], roots: list[int]
) -> Grouping:
    """Each part's splices found alone from its settled clusters, in the corpus's indices."""
    result = Grouping([])
    for part in parts:
        local = {g: k for k, g in enumerate(part)}
        run = start([wordings[g] for g in part], found.counts)
        for k, g in enumerate(part):
            run.uf.union(local[roots[g]], k)
        got = splice(run)
        result.groups += [[part[k] for k in members] for members in got.groups]
        result.splices.update(
            (part[k], Splice(part[s.partner], s.start, s.end)) for k, s in got.splices.items()
        )
        result.part.update((part[k], part[v]) for k, v in got.part.items())
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", help="files or folders of articles")
    parser.add_argument("--generated", type=int, help="a generated corpus of N articles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--check", action="store_true", help="compare with the whole corpus")
    args = parser.parse_args()
    wordings = load(args.inputs, args.generated, args.seed)
    found = survey(wordings)
    s = Settling(wordings, found)
    roots, rounds = settle_in_tasks(s)
    total = sum(w.weight for w in wordings)
    tasks, quotes = s.largest
    print(
        f"rounds: placing {rounds[0]}, short pieces {rounds[1]}, trying again {rounds[2]}; "
        f"largest task {tasks:,} wordings, {quotes:,} quotes ({quotes / total:.1%})"
    )
    parts = parts_of(wordings, found, roots)
    print(describe("parts", parts, wordings))
    if args.check:
        same = roots == settled_roots(wordings, [list(range(len(wordings)))], found.counts)
        whole, alone = group(wordings, found.counts), spliced(wordings, found, parts, roots)
        print(
            f"settled clusters as the whole corpus's: {same}; clusters, splices and parts as "
            "grouping the whole corpus: "
            f"{sorted(whole.groups) == sorted(alone.groups)}, {whole.splices == alone.splices}, "
            f"{whole.part == alone.part}"
        )


if __name__ == "__main__":
    main()
