"""Clustering part by part: statements in components over their links, each grouped with the
corpus's counts; and parts that group alone whole, over what settling reads and then what
splices read of the settled clusters."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence

from quotes.cluster.components import (
    Linked,
    components,
    group_part,
    group_parts,
    settle_linked,
    settled_roots,
    splice_links,
    staged_parts,
    statement_linked,
)
from quotes.cluster.counts import survey
from quotes.cluster.normalise import tokenise
from quotes.cluster.union import Grouping, group
from quotes.cluster.wordings import Wording, distinct_wordings
from quotes.model import Article, Quote
from tests.conftest import ROOT
from tests.test_cluster_union import news

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402

INSURER = "The insurer acted as the ringleader of a scheme that cost every family on the quay."
NEVER = "He was never the ringleader, whatever the harbour board may claim this week."
FERRY = (
    "At the end of the day the ferry timetable is a promise we made to every island family "
    "and we will keep it through the winter storms."
)
SCHOOL = (
    "At the end of the day the new school roof has to be finished before the autumn term "
    "starts for the children of the valley."
)


def wordings_of(quotes: Sequence[Quote], articles: dict[str, Article]) -> list[Wording]:
    ordered = sorted(quotes, key=lambda q: (q.article_id, q.start, q.end))
    found, _ = distinct_wordings(ordered, [tokenise(q.text) for q in ordered], articles)
    return found


def wordings_in(*items: tuple[Article, list[Quote]]) -> list[Wording]:
    return wordings_of([q for _, qs in items for q in qs], {a.id: a for a, _ in items})


def parts_by_text(wordings: list[Wording], link: Linked = statement_linked) -> list[list[str]]:
    parts = components(wordings, survey(wordings), link)
    return sorted(sorted(wordings[i].tokens.key for i in part) for part in parts)


def staged_by_text(wordings: list[Wording]) -> list[list[str]]:
    parts = staged_parts(wordings, survey(wordings))
    return sorted(sorted(wordings[i].tokens.key for i in part) for part in parts)


def as_sets(grouping: Grouping, ids: Sequence[int]) -> set[frozenset[int]]:
    return {frozenset(ids[i] for i in members) for members in grouping.groups}


def test_grouping_each_component_with_the_corpus_counts_equals_grouping_the_whole_corpus() -> None:
    corpus = generate(200, seed=2)
    wordings = wordings_of(corpus.quotes, {a.id: a for a in corpus.articles})
    assert len(components(wordings, survey(wordings), statement_linked)) > 30
    whole, parts = group(wordings), group_parts(wordings)
    everyone = range(len(wordings))
    assert as_sets(parts, everyone) == as_sets(whole, everyone)
    assert parts.splices == whole.splices


def test_grouping_each_staged_part_alone_equals_grouping_the_whole_corpus() -> None:
    corpus = generate(300, seed=2)
    wordings = wordings_of(corpus.quotes, {a.id: a for a in corpus.articles})
    found = survey(wordings)
    groups: set[tuple[int, frozenset[int]]] = set()
    splices: dict[int, tuple[int, int, int]] = {}
    heads: dict[int, int] = {}
    for part in staged_parts(wordings, found):  # as the Spark build clusters them
        alone = group_part([wordings[k] for k in part], found.counts)
        groups |= {(part[m[0]], frozenset(part[i] for i in m)) for m in alone.groups}
        splices |= {part[i]: (part[s.partner], s.start, s.end) for i, s in alone.splices.items()}
        heads |= {part[i]: part[h] for i, h in alone.part.items()}
    whole = group(wordings)
    assert whole.splices, "the corpus has splices to find"
    assert groups == {(m[0], frozenset(m)) for m in whole.groups}
    assert splices == {i: (s.partner, s.start, s.end) for i, s in whole.splices.items()}
    assert heads == whole.part


def test_settling_in_rounds_of_small_tasks_gives_the_whole_corpus_clusters() -> None:
    from rounds import Settling, parts_of, settle_in_tasks, spliced  # bench/rounds.py

    corpus = generate(200, seed=2)
    wordings = wordings_of(corpus.quotes, {a.id: a for a in corpus.articles})
    found = survey(wordings)
    roots, rounds = settle_in_tasks(Settling(wordings, found))
    assert rounds[0] > 1, "a decision read one made in the same round"
    assert roots == settled_roots(wordings, [list(range(len(wordings)))], found.counts)
    whole = group(wordings, found.counts)
    alone = spliced(wordings, found, parts_of(wordings, found, roots), roots)
    assert sorted(alone.groups) == sorted(whole.groups)
    assert (alone.splices, alone.part) == (whole.splices, whole.part)


def test_a_fragment_found_in_two_statements_keeps_them_apart_and_joins_neither() -> None:
    wordings = wordings_in(
        news("a", f'"{INSURER}" Holt said.', speaker="Mara Holt"),
        news("b", f'"{NEVER}" Holt said.', speaker="Mara Holt"),
        news("c", 'Holt called him the "ringleader" again.', speaker="Mara Holt"),
    )
    assert len(parts_by_text(wordings)) == 3, "a short wording never links statements"
    assert len(parts_by_text(wordings, settle_linked)) == 1, "placing it needs both"
    assert len(group(wordings).groups) == len(group_parts(wordings).groups) == 3


def test_statements_of_unrelated_stories_sharing_a_stock_phrase_are_separate_components() -> None:
    # Other speakers say "at the end of the day" often enough for it to be a stock phrase.
    others = [
        news(f"o{k}", f'"At the end of the day vel{k}a dor{k}i mun{k}o." Kim said.', speaker=None)
        for k in range(22)
    ]
    wordings = wordings_in(
        news("a", f'"{FERRY}" Holt said.', speaker="Mara Holt"),
        news("b", f'The mayor said "{FERRY.lower()}" on Monday.', speaker="Mara Holt"),
        news("c", f'"{SCHOOL}" Park said.', speaker="Ivo Park"),
        news("d", f'"{SCHOOL.upper()}" said Park.', speaker="Ivo Park"),
        *others,
    )
    found = survey(wordings)
    ferry, school = 0, next(i for i, w in enumerate(wordings) if "school" in w.tokens.key)
    assert school in found.index.candidates(ferry), "the stock phrase makes them candidates"
    assert not settle_linked(ferry, school, wordings, found.index)
    parts = parts_by_text(wordings)
    assert len([p for p in parts if any("ferry" in k or "school" in k for k in p)]) == 2


def test_a_spliced_quote_is_placed_against_the_statements_it_takes_from() -> None:
    spliced = f"{FERRY[:70]} {SCHOOL[60:]}"
    wordings = wordings_in(
        news("a", f'"{FERRY}" Holt said.', speaker="Mara Holt"),
        news("b", f'"{SCHOOL}" Park said.', speaker="Ivo Park"),
        news("c", f'"{spliced}" the paper quoted.', speaker=None),
    )
    assert len(parts_by_text(wordings)) == 2, "it is the ferry's, no link to the school's"
    assert len(parts_by_text(wordings, settle_linked)) == 2, "settled, it is the ferry's"
    assert len(staged_by_text(wordings)) == 1, "its splice joins the school's"
    whole, by_parts = group(wordings), group_parts(wordings)
    assert as_sets(by_parts, range(3)) == as_sets(whole, range(3))
    assert by_parts.splices == whole.splices


def test_clustering_gives_the_same_clusters_under_any_hash_seed() -> None:
    script = (
        "import hashlib, sys; sys.path.insert(0, 'bench')\n"
        "from generate import generate\n"
        "from quotes.cluster import cluster_quotes\n"
        "c = generate(150, 3)\n"
        "found = cluster_quotes(c.quotes, {a.id: a for a in c.articles}, c.citations)\n"
        "rows = sorted(repr((x.id, sorted(x.quote_ids), x.edges)) for x in found)\n"
        "print(hashlib.sha256('\\n'.join(rows).encode()).hexdigest())\n"
    )
    runs = [  # side by side
        subprocess.Popen(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            stdout=subprocess.PIPE,
            text=True,
        )
        for seed in ("1", "2")
    ]
    digests = {run.communicate()[0] for run in runs}
    assert all(run.returncode == 0 for run in runs)
    assert len(digests) == 1


def test_pieces_of_one_statement_in_one_settled_cluster_give_no_splice_links() -> None:
    wordings = wordings_in(
        news("a", f'"{FERRY}" Holt said.', speaker="Mara Holt"),
        news("b", f'"{FERRY[:70]}" Holt said.', speaker="Mara Holt"),
        news("c", f'"{FERRY[40:]}" the paper quoted.', speaker=None),
    )
    found = survey(wordings)
    settled = components(wordings, found, settle_linked)
    roots = settled_roots(wordings, settled, found.counts)
    assert len(set(roots)) == 1, "the pieces settle into the statement's cluster"
    assert list(splice_links(wordings, found.index, roots)) == []
