from quotes.cluster.stems import holds_stems, stem
from tests.test_cluster_union import cluster, groups, news

VISIT = (
    "You are truly one of Taiwan's most devoted friends, and we are grateful that you came "
    "to show the Congress stands with the island."
)
HARBOUR = "The toll is harming children on the quay and weakening every family we represent here."


def test_inflections_of_one_word_share_a_stem() -> None:
    assert stem("friends") == stem("friend")
    assert stem("harming") == stem("harms") == stem("harm")
    assert stem("devoted") == stem("devote")
    assert stem("carries") == stem("carried") == stem("carry")
    assert stem("stopped") == stem("stop")


def test_a_stem_keeps_words_that_only_look_inflected() -> None:
    assert stem("crisis") == "crisis" and stem("status") == "status" and stem("press") == "press"
    assert stem("government") != stem("govern")  # a derivation is another word


def test_a_run_of_words_is_held_by_stems_in_order_only() -> None:
    assert holds_stems(("harms", "children"), ("is", "harming", "children", "here"))
    assert not holds_stems(("children", "harms"), ("is", "harming", "children", "here"))


def test_a_fragment_inflected_by_the_reporter_joins_the_quotation_it_comes_from() -> None:
    clusters, by_id = cluster(
        news("a", f'"{VISIT}" Tsai said.', speaker="Tsai Ing-wen"),
        news("b", f'"{VISIT}" Tsai told her.', outlet="Island Post", speaker="Tsai Ing-wen"),
        news("c", 'Tsai called Pelosi a "devoted friend" of the island.', speaker="Tsai Ing-wen"),
        news("d", 'She said the toll "harms children" most.', speaker="Ana Chen"),
        news("e", f'"{HARBOUR}" Chen said.', outlet="Quay Post", speaker="Ana Chen"),
    )
    assert groups(clusters, by_id) == [["a", "b", "c"], ["d", "e"]]


def test_one_word_in_another_form_is_the_reporters_own_and_joins_nothing() -> None:
    clusters, by_id = cluster(
        news("a", f'"{VISIT}" Tsai said.', speaker="Tsai Ing-wen"),
        news("b", 'Tsai "devotes" herself to it, the paper said.', speaker="Tsai Ing-wen"),
    )
    assert groups(clusters, by_id) == [["a"], ["b"]]
