from tests.test_cluster_union import cluster, news

QUOTE = (
    "The contract must be consistent with the city's values and with federal, state and local laws."
)


def test_first_appearance_is_the_earliest_dated_article() -> None:
    clusters, by_id = cluster(
        news("late", f'"{QUOTE}" she said.', published="2024-03-05"),
        news("early", f'"{QUOTE}" she said.', published="2024-03-02"),
    )
    [found] = clusters
    assert [by_id[q].article_id for q in found.first_quote_ids] == ["early"]
    assert found.first_published == "2024-03-02"


def test_undated_articles_never_claim_first_over_dated_ones() -> None:
    clusters, by_id = cluster(
        news("undated", f'"{QUOTE}" she said.', published=None),
        news("dated", f'"{QUOTE}" she said.', published="2024-03-09"),
    )
    assert [by_id[q].article_id for q in clusters[0].first_quote_ids] == ["dated"]


def test_a_cluster_of_undated_articles_has_no_first_appearance() -> None:
    clusters, _ = cluster(
        news("a", f'"{QUOTE}" she said.', published=None),
        news("b", f'"{QUOTE}" she said.', published=None),
    )
    assert clusters[0].first_quote_ids == [] and clusters[0].first_published is None


def test_articles_on_the_same_first_day_tie_explicitly() -> None:
    clusters, by_id = cluster(
        news("a", f'"{QUOTE}" she said.', published="2024-03-02"),
        news("b", f'"{QUOTE}" she said.', published="2024-03-02T18:00:00"),
        news("c", f'"{QUOTE}" she said.', published="2024-03-03"),
    )
    assert sorted(by_id[q].article_id for q in clusters[0].first_quote_ids) == ["a", "b"]


def test_canonical_text_is_the_most_complete_wording() -> None:
    clusters, _ = cluster(
        news("a", '"consistent with the city\'s values," she said.', published="2024-03-01"),
        news("b", f'"{QUOTE}" she said.', published="2024-03-03"),
        news("c", '"The contract must be consistent with the city\'s values," she said.'),
    )
    assert clusters[0].canonical_text == QUOTE


def test_a_copy_with_an_added_word_does_not_become_canonical() -> None:
    added = QUOTE.replace("must be", "must clearly be")
    clusters, _ = cluster(
        news("a", f'"{QUOTE}" she said.', published="2024-03-01"),
        news("b", f'"{added}" she said.', published="2024-03-02"),
    )
    assert clusters[0].canonical_text == QUOTE


def test_speaker_is_the_one_most_articles_name() -> None:
    clusters, _ = cluster(
        news("a", f'"{QUOTE}" Outlaw said.', speaker="Danielle Outlaw"),
        news("b", f'"{QUOTE}" Outlaw said.', speaker="Danielle Outlaw"),
        news("c", f'"{QUOTE}" Resch said.', speaker="Jami Resch"),
    )
    speaker = clusters[0].speaker
    assert speaker is not None and speaker.name == "Danielle Outlaw"


def test_a_first_printing_sharing_a_phrase_with_another_quotation_is_no_splice() -> None:
    other = (
        "Our budget for the harbour was never about the tourists, and at the end of the day "
        "the council voted for the families who live here all year."
    )
    first = (
        "The new footbridge across the harbour will open in May, because at the end of the day "
        "the council wants it."
    )
    cut = "The new footbridge across the harbour will open in May, because at the"
    clusters, by_id = cluster(
        news("other", f'"{other}" she said.', published="2024-03-01", speaker="Ruth Okafor"),
        news("first", f'"{first}" he said.', published="2024-03-02", speaker="Tom Lind"),
        news("copy", f'"{cut}" he said.', published="2024-03-04", speaker="Tom Lind"),
        news("copy2", f'"{cut}" he said.', published="2024-03-05", speaker="Tom Lind"),
    )
    [bridge] = [c for c in clusters if len(c.quote_ids) == 3]
    assert bridge.canonical_text == first
    assert {(by_id[a.quote_id].article_id, a.op) for a in bridge.alterations} == {
        ("copy", "truncated_end"),
        ("copy2", "truncated_end"),
    }
    assert [e.kind for e in bridge.edges] == ["copy", "copy"]


def test_a_splice_whose_source_is_undated_stays_a_splice() -> None:
    source = (
        "The ferry timetable will change in spring. The new boats will carry bicycles free "
        "of charge for every passenger."
    )
    other = (
        "We cannot promise anything about the school roof before the winter storms arrive in "
        "the valley."
    )
    spliced = (
        "The ferry timetable will change in spring. The new boats will carry bicycles. "
        "The school roof before the winter storms arrive"
    )
    clusters, by_id = cluster(
        news("source", f'"{source}" he said.', published=None, speaker="Tom Lind"),
        news("other", f'"{other}" she said.', published="2024-03-01", speaker="Ruth Okafor"),
        news("splice", f'"{spliced}" he said.', published="2024-03-03", speaker="Tom Lind"),
    )
    [ferry] = clusters  # the splice quotes both in one span: one statement
    assert ferry.canonical_text == source
    assert "splice" in {a.op for a in ferry.alterations}
