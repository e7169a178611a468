import re

from quotes.cluster import cluster_quotes
from quotes.cluster.sets import UnionFind
from quotes.model import Article, Citation, Cluster, Quote, Speaker


def news(
    id: str,
    text: str,
    published: str | None = "2024-03-01",
    outlet: str = "Daily Beacon",
    speaker: str | None = "Ana Chen",
    credit: str | None = None,
) -> tuple[Article, list[Quote]]:
    """A short article and every "quoted" passage in it, attributed to `speaker`."""
    article = Article(id, text, outlet=outlet, published=published)
    quotes = [
        Quote(
            id,
            m[1],
            m.start(1),
            m.end(1),
            speaker=Speaker(speaker) if speaker else None,
            credit=credit,
        )
        for m in re.finditer(r'"([^"]+)"', text)
    ]
    return article, quotes


def cluster(
    *items: tuple[Article, list[Quote]], citations: tuple[Citation, ...] = ()
) -> tuple[list[Cluster], dict[str, Quote]]:
    quotes = [q for _, qs in items for q in qs]
    clusters = cluster_quotes(quotes, {a.id: a for a, _ in items}, citations)
    return clusters, {q.id: q for q in quotes}


def groups(clusters: list[Cluster], by_id: dict[str, Quote]) -> list[list[str]]:
    """Each cluster as the sorted ids of the articles of its quotes."""
    return sorted(sorted(by_id[q].article_id for q in c.quote_ids) for c in clusters)


LETTER = (
    "We understand that you have a difference of opinion with the mayor, but your policy has "
    "created a zone of terror and lawlessness for our members and their families."
)


def test_a_short_fragment_joins_the_longer_quotes_cluster() -> None:
    clusters, by_id = cluster(
        news("a", f'"{LETTER}" the union wrote.'),
        news("b", 'The union said the policy created "a zone of terror and lawlessness" downtown.'),
    )
    assert groups(clusters, by_id) == [["a", "b"]]


def test_typography_case_truncation_elision_and_brackets_stay_one_quotation() -> None:
    clusters, by_id = cluster(
        news("a", f'"{LETTER}" the union wrote.'),
        news("b", '"we understand that you have a difference of opinion with the Mayor," it said.'),
        news("c", '"We understand … your policy has created a zone of terror," it said.'),
        news(
            "d",
            '"[The city] has created a zone of terror and lawlessness for our members," it said.',
        ),
    )
    assert groups(clusters, by_id) == [["a", "b", "c", "d"]]


def test_different_quotes_sharing_a_stock_phrase_stay_apart() -> None:
    clusters, by_id = cluster(
        news(
            "a", '"At the end of the day, the bridge has to be rebuilt before winter," Chen said.'
        ),
        news(
            "b", '"At the end of the day, voters will judge the council on the budget," Ito said.'
        ),
        news("c", '"We will keep the libraries open at the end of the day," Sato said.'),
    )
    assert groups(clusters, by_id) == [["a"], ["b"], ["c"]]


def test_a_fragment_of_two_quotations_joins_one_and_never_bridges_them() -> None:
    first = "We will never stop fighting for the workers of this city, and the mayor knows it."
    second = (
        "The council voted against us, "
        "but we will never stop fighting for the workers of this city."
    )
    clusters, by_id = cluster(
        news("a", f'"{first}" Chen said.'),
        news("b", f'"{second}" Ito said.', speaker="Kenji Ito"),
        news("c", 'She vowed to "never stop fighting for the workers of this city" again.'),
    )
    found = groups(clusters, by_id)
    assert ["a"] in found or ["b"] in found
    assert not any({"a", "b"} <= set(g) for g in found)


FIRST = (
    "Our officers were trapped inside the building for six hours while protesters blocked "
    "every exit. The police refused to come."
)
SECOND = (
    "Crews deserve better pay. He has a beef with the president, and city employees are paying "
    "the price of his politics every single day."
)
TRAPPED = (
    "Our officers were trapped inside the building for six hours while protesters blocked "
    "every exit"
)


def crane(third: str, *more: tuple[Article, list[Quote]]) -> tuple[list[Cluster], list[tuple]]:
    """FIRST and SECOND printed by two outlets, `third` a day later by a third, then `more`;
    the clusters, and each cluster's (article, op) alterations and (article, source, kind) edges
    as one list each."""
    clusters, by_id = cluster(
        news("a", f'"{FIRST}" Crane said.'),
        news("b", f'"{SECOND}" Crane said.'),
        news("c", f'"{third}" Crane said.', published="2024-03-02"),
        *more,
    )
    of = {q: by_id[q].article_id for q in by_id}
    ops = sorted((of[a.quote_id], a.op) for c in clusters for a in c.alterations)
    edges = sorted(
        (of[e.quote_id], of[e.source_quote_id], e.kind) for c in clusters for e in c.edges
    )
    return clusters, [groups(clusters, by_id), ops, edges]


def test_a_span_quoting_sentences_of_two_quotations_joins_them_as_one_statement() -> None:
    _, (found, ops, edges) = crane(f"{TRAPPED}. He has a beef with the president.")
    assert found == [["a", "b", "c"]]
    # Each part's own wording is its canonical, unaltered; the splice cut the first short.
    assert ops == [("c", "splice"), ("c", "truncated_end")]
    assert ("c", "b", "splice") in edges
    assert not [e for e in edges if e[:2] == ("b", "a")]  # b copied nothing from a


def test_a_short_sentence_of_another_quotation_makes_a_splice() -> None:
    _, (found, ops, _) = crane(f"{TRAPPED}. Crews deserve better pay,")
    assert found == [["a", "b", "c"]]
    assert ("c", "splice") in ops


def test_pieces_of_a_spliced_statement_are_truncations_of_their_own_part() -> None:
    piece = news("d", '"city employees are paying the price," Crane said.', "2024-03-03")
    _, (found, ops, _) = crane(f"{TRAPPED}. Our employees are paying the price.", piece)
    assert found == [["a", "b", "c", "d"]]
    # Against its own part's wording (SECOND), not substitutions of the first statement's words.
    assert [op for article, op in ops if article == "d"] == ["truncated_end", "truncated_start"]


def test_words_of_two_quotations_run_together_inside_a_sentence_are_no_splice() -> None:
    _, (found, _, edges) = crane(f"{TRAPPED}, and city employees are paying the price.")
    assert found == [["a", "c"], ["b"]]
    assert not [e for e in edges if e[2] == "splice"]


def test_cluster_ids_do_not_depend_on_input_order_or_unrelated_articles() -> None:
    items = [
        news("a", f'"{LETTER}" the union wrote.'),
        news("b", '"a zone of terror and lawlessness," it said.'),
    ]
    before = {c.canonical_text: c.id for c in cluster(*items)[0]}
    extra = news("z", '"The ferry will run again in May," Sato said.')
    after = {c.canonical_text: c.id for c in cluster(extra, *reversed(items))[0]}
    assert before.items() <= after.items()


def test_union_find_keeps_the_first_root() -> None:
    uf = UnionFind(4)
    uf.union(2, 0)
    uf.union(2, 3)
    assert {uf.find(i) for i in (0, 2, 3)} == {2}
    assert uf.find(1) == 1


def test_union_find_says_which_label_all_members_of_a_set_share() -> None:
    labels = ["a", "a", "b", "a"]
    uf = UnionFind(4)
    uf.union(0, 1)
    assert uf.common(1, labels.__getitem__) == "a"
    uf.union(3, 0)
    uf.lead(1)
    assert (uf.common(0, labels.__getitem__), uf.common(2, labels.__getitem__)) == ("a", "b")
    uf.union(2, 1)
    assert uf.common(3, labels.__getitem__) is None


def test_a_chain_of_small_changes_cannot_drift_into_another_quotation() -> None:
    sentence = (
        "The council will vote on the transit budget next week after months of delays, "
        "hearings and protests from riders who depend on the night buses"
    )
    replacements = "ferry crews pension audit harbor lights zoning rules park benches fire trucks"
    others = iter(replacements.split() + ["school", "meals", "parking"])
    chain = [sentence.split()]
    for k in range(3):
        # Each link drops the last word and changes five more: 75% like the one before it.
        changed = list(chain[-1][:-1])
        for at in range(5 * k, 5 * k + 5):
            changed[at] = next(others)
        chain.append(changed)
    items = [news(f"q{k}", '"' + " ".join(w) + '" she said.') for k, w in enumerate(chain)]
    clusters, by_id = cluster(*items)
    found = groups(clusters, by_id)
    assert ["q0", "q1", "q2"] in found
    assert ["q3"] in found


def test_a_quote_reprinted_with_hundreds_of_variants_stays_one_cluster() -> None:
    words = LETTER.split()
    items = []
    for k in range(240):
        variant = list(words)
        variant[k % len(words)] = f"word{k}"  # every reprint changes a different word
        cut = variant[k % 4 :] if k % 3 else variant[: len(variant) - k % 5]
        items.append(news(f"a{k:03d}", '"' + " ".join(cut) + '" it said.'))
    clusters, _ = cluster(*items)
    assert len(clusters) == 1


def test_a_stock_phrase_and_a_word_beside_it_are_not_a_splice() -> None:
    subjects = ["the mayor", "our union", "the council", "every voter", "the governor"]
    verbs = ["decide", "pay", "answer", "vote", "choose"]
    stock = [
        news(f"s{k}", f'"At the end of the day {s} must {v} for schools number {k}," Ito said.')
        for k, (s, v) in enumerate((s, v) for s in subjects for v in verbs)
    ]
    other = "Nobody on the board believes a levy at the end of the day could pass in the spring."
    mine = (
        "The bridge reopens in May, and the tolls at the end of the day could rise for every "
        "driver who crosses it."
    )
    cut = "The bridge reopens in May, and the tolls … rise for every driver who crosses it."
    clusters, by_id = cluster(
        *stock,
        news("b", f'"{other}" Sato said.'),
        news("a", f'"{mine}" Chen said.'),
        news("c", f'"{cut}" Chen said.', published="2024-03-02"),
    )
    home = next(c for c in clusters if len(c.quote_ids) == 2)
    assert sorted(by_id[q].article_id for q in home.quote_ids) == ["a", "c"]
    assert not [e for c in clusters for e in c.edges if e.kind == "splice"]
