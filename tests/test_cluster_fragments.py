from quotes.cluster.fragments import same_speaker, speaker_key
from quotes.model import Speaker
from tests.test_cluster_union import cluster, groups, news

SORRY = "We got it wrong on the harbour tolls, and I am sorry for the long nights of doubt."
INSURER = "The insurer acted as the ringleader of a scheme that cost every family on the quay."
REFUND = "We will refund every driver before the spring ferry season begins."


def test_a_statement_quoted_in_pieces_by_four_outlets_is_one_cluster() -> None:
    clusters, by_id = cluster(
        news("a", f'"{SORRY} {INSURER} {REFUND}" Holt said.', speaker="Mara Holt"),
        news("b", f'"{INSURER}" Holt said.', outlet="Quay Post", speaker="Mara Holt"),
        news("c", f'"{INSURER} {REFUND}" she said.', outlet="Ferry Times", speaker="Mara Holt"),
        news("d", f'"Hi all, {SORRY}" Holt wrote.', outlet="Tolls Daily", speaker="Mara Holt"),
    )
    assert groups(clusters, by_id) == [["a", "b", "c", "d"]]


def test_one_to_five_word_fragments_join_the_quotation_holding_them() -> None:
    clusters, by_id = cluster(
        news("a", f'"{SORRY} {INSURER}" Holt said.', speaker="Mara Holt"),
        news("b", 'Holt called the insurer the "ringleader" of it all.', speaker="Mara Holt"),
        news("c", 'She spoke of "long nights of doubt" at the port.', speaker="Mara Holt"),
        news("d", 'Holt said the port had "got it wrong" on tolls.', speaker="Mara Holt"),
        news("e", 'She said the scheme "cost every family on the quay."', speaker="Holt"),
    )
    assert groups(clusters, by_id) == [["a", "b", "c", "d", "e"]]


def test_a_fragment_is_truncated_at_both_ends_not_substituted() -> None:
    clusters, by_id = cluster(
        news("a", f'"{INSURER}" Holt said.', speaker="Mara Holt"),
        news("b", 'Holt called the insurer the "Ringleader" of it all.', speaker="Mara Holt"),
    )
    (home,) = clusters
    fragment = next(q for q in home.quote_ids if by_id[q].article_id == "b")
    ops = sorted(a.op for a in home.alterations if a.quote_id == fragment)
    assert ops == ["case", "truncated_end", "truncated_start"]


def test_a_fragment_found_in_two_statements_joins_neither() -> None:
    other = "He was never the ringleader, whatever the harbour board may claim this week."
    clusters, by_id = cluster(
        news("a", f'"{INSURER}" Holt said.', speaker="Mara Holt"),
        news("b", f'"{other}" Holt said.', speaker="Mara Holt"),
        news("c", 'Holt called him the "ringleader" again.', speaker="Mara Holt"),
    )
    assert groups(clusters, by_id) == [["a"], ["b"], ["c"]]


def test_a_fragment_joins_the_statement_everyone_reprinted_over_one_printed_once() -> None:
    other = "He was never the ringleader, whatever the harbour board may claim this week."
    outlets = ["Quay Post", "Ferry Times", "Tolls Daily"]
    clusters, by_id = cluster(
        *(news(f"a{k}", f'"{INSURER}" Holt said.', outlet=o) for k, o in enumerate(outlets)),
        news("b", f'"{other}" Park said.', outlet="Port Wire", speaker="Ivo Park"),
        news("c", 'The insurer was the "ringleader" of it all, she said.', speaker=None),
    )
    assert groups(clusters, by_id) == [["a0", "a1", "a2", "c"], ["b"]]


def test_a_fragment_of_another_named_speaker_does_not_join() -> None:
    clusters, by_id = cluster(
        news("a", f'"{INSURER}" Holt said.', speaker="Mara Holt"),
        news("b", 'Park called the insurer the "ringleader" of it all.', speaker="Ivo Park"),
    )
    assert groups(clusters, by_id) == [["a"], ["b"]]


def test_a_fragment_whose_speaker_was_not_found_joins_the_one_quotation_holding_it() -> None:
    # Extraction often names no speaker, or a phrase ("UK", "the ruling"), for a partial quote.
    clusters, by_id = cluster(
        news("a", f'"{INSURER}" Holt said.', speaker="Mara Holt"),
        news("b", 'The insurer was called the "ringleader" of it all.', speaker=None),
        news("c", 'Officials in LONDON called it the "ringleader" scheme.', speaker="LONDON"),
    )
    assert groups(clusters, by_id) == [["a", "b", "c"]]


def test_a_phrase_two_statements_share_does_not_chain_them_together() -> None:
    # b shares "every family on the quay" with a: the phrase alone joins neither, and b
    # never reaches a through it.
    shared = "The new tolls will hurt every family on the quay, and the board knows it."
    clusters, by_id = cluster(
        news("a", f'"{INSURER}" Holt said.', speaker="Mara Holt"),
        news("b", f'"{shared}" Holt said.', speaker="Mara Holt"),
        news("c", 'She said it would "hurt every family on the quay" soon.', speaker="Mara Holt"),
        news("d", 'Holt spoke of "every family on the quay" again.', speaker="Mara Holt"),
    )
    assert groups(clusters, by_id) == [["a"], ["b", "c"], ["d"]]


def test_speakers_compare_by_full_name_without_titles() -> None:
    full, titled = speaker_key(Speaker("Ada Okonkwo")), speaker_key(Speaker("PM Ada Okonkwo"))
    assert full and titled and same_speaker(full, titled)
    assert speaker_key(Speaker("Prime Minister Ada Okonkwo")) == "ada okonkwo"
    chen, other = speaker_key(Speaker("Ana Chen")), speaker_key(Speaker("Bo Chen"))
    assert chen and other and not same_speaker(chen, other)


def test_only_full_names_count_as_speakers_that_can_conflict() -> None:
    for name, kind in [("Okonkwo", "person"), ("UK", "organization"), ("the ruling", "document")]:
        assert speaker_key(Speaker(name, kind)) is None
    assert speaker_key(Speaker("20-time Grand Slam champion", "anonymous")) is None


def test_two_pieces_cut_at_different_sentences_are_one_statement() -> None:
    clusters, by_id = cluster(
        news("a", f'"{SORRY} {INSURER}" Holt said.', speaker="Mara Holt"),
        news("b", f'"{INSURER} {REFUND}" Holt said.', speaker="Mara Holt"),
        news("c", f'"{REFUND}" Holt said.', speaker="Mara Holt"),
    )
    assert groups(clusters, by_id) == [["a", "b", "c"]]


def test_a_sentence_two_speeches_share_quoted_alone_joins_neither_and_keeps_them_apart() -> None:
    # Holt gave the same refund pledge in two speeches; one outlet quoted only the pledge.
    clusters, by_id = cluster(
        news("a", f'"{SORRY} {REFUND}" Holt told the council.', speaker="Mara Holt"),
        news("b", f'"{INSURER} {REFUND}" Holt told reporters.', speaker="Mara Holt"),
        news("c", f'"{REFUND}" Holt said.', speaker="Mara Holt"),
    )
    assert groups(clusters, by_id) == [["a"], ["b"], ["c"]]


def test_a_piece_with_a_short_lead_in_before_the_sentence_it_shares_is_one_statement() -> None:
    # a says three words of its own, then the first sentence of b (two words of aside inside).
    lead_in = "Make no mistake: the insurer, in truth, acted as the ringleader of a scheme"
    clusters, by_id = cluster(
        news("a", f'"{lead_in}" the board heard.', speaker=None),
        news("b", f'"{INSURER} {REFUND}" Holt said.', speaker="Mara Holt"),
    )
    assert groups(clusters, by_id) == [["a", "b"]]


def test_pieces_two_named_speakers_share_stay_apart() -> None:
    clusters, by_id = cluster(
        news("a", f'"{SORRY} {INSURER}" Holt said.', speaker="Mara Holt"),
        news("b", f'"{INSURER} {REFUND}" Park said.', speaker="Ivo Park"),
    )
    assert groups(clusters, by_id) == [["a"], ["b"]]


def test_one_outlet_naming_the_wrong_speaker_does_not_keep_pieces_apart() -> None:
    # Most outlets name no speaker for the first piece; one names the man Holt apologised to.
    clusters, by_id = cluster(
        news("a", f'"{SORRY} {INSURER}" the statement said.', speaker=None),
        news("b", f'"{SORRY} {INSURER}" it read.', outlet="Quay Post", speaker=None),
        news("c", f'"{SORRY} {INSURER}" Park was told.', outlet="Ferry Times", speaker="Ivo Park"),
        news("d", f'"{INSURER} {REFUND}" Holt said.', outlet="Tolls Daily", speaker="Mara Holt"),
        news("e", f'"{REFUND}" Holt said.', outlet="Port Wire", speaker="Mara Holt"),
    )
    assert groups(clusters, by_id) == [["a", "b", "c", "d", "e"]]


def test_a_sentence_of_two_pieces_joins_them_once_they_prove_one_statement() -> None:
    # "The insurer acted ... scheme" lies in both pieces: ambiguous until they are joined, and
    # the sign-off keeps it from being held almost whole (which would join the pieces itself).
    clusters, by_id = cluster(
        news("a", f'"{SORRY} {INSURER}" Holt said.', speaker="Mara Holt"),
        news("b", f'"{INSURER} {REFUND}" the board heard.', outlet="Quay Post", speaker=None),
        news("c", '"The insurer acted as the ringleader of a scheme. Yours, Mara" it ended.'),
    )
    assert groups(clusters, by_id) == [["a", "b", "c"]]


def test_a_fragment_joins_the_quotation_holding_it_as_is_over_one_changing_a_word() -> None:
    clusters, by_id = cluster(
        news("a", '"Today the harbour can breathe again, and every family knows it," Holt said.'),
        news("b", '"The harbour will breathe again only when the board listens," Park said.'),
        news("c", 'She said "the harbour can breathe again" at last.', speaker=None),
    )
    assert groups(clusters, by_id) == [["a", "c"], ["b"]]


def test_a_reworded_quotation_of_the_same_speaker_joins_it() -> None:
    first = (
        "The fines in this matter reflect the gravity of the conduct and the harm it caused "
        "to thousands of small investors."
    )
    reworded = (
        "The penalties on this matter mirror the seriousness of the behaviour and the damage it "
        "did to thousands of small investors."
    )
    same, _ = cluster(
        news("a", f'"{first}" Holt said.', speaker="Mara Holt"),
        news("b", f'"{reworded}" Holt said.', speaker="Mara Holt"),
    )
    apart, _ = cluster(
        news("a", f'"{first}" Holt said.', speaker="Mara Holt"),
        news("b", f'"{reworded}" Park said.', speaker="Ivo Park"),
    )
    assert (len(same), len(apart)) == (1, 2)


def test_a_reworded_quotation_joins_though_its_clusters_head_shares_one_phrase_most() -> None:
    # c keeps half of the head's words, most of them in one phrase: the head guard asks only
    # for half, wherever they lie; the spread-out rule is for joining on the speakers' word.
    head = (
        "We accept the council's verdict. But we are extremely unhappy with the ruling. "
        "Ms Holt keeps her seat and will keep fighting the fines against her."
    )
    kept = "We accept the council's verdict. But we are very, very unhappy with the ruling."
    reworded = "We accept the council's choice. However we're very upset with the final ruling,"
    clusters, by_id = cluster(
        news("a", f'"{head}" Holt said.', speaker="Mara Holt"),
        news("b", f'"{kept}" Holt said.', speaker="Mara Holt"),
        news("c", f'"{reworded}" Holt said.', speaker="Mara Holt"),
    )
    assert groups(clusters, by_id) == [["a", "b", "c"]]


def test_a_fragment_differing_only_in_function_words_joins_the_quotation_holding_it() -> None:
    long = "The tolls are tearing our towns apart, and the board is a part of the problem here."
    clusters, by_id = cluster(
        news("a", f'"{long}" Holt said.', speaker="Mara Holt"),
        news("b", 'Holt said the tolls were "tearing towns apart" this year.', speaker="Mara Holt"),
        news("c", 'She said the board "is part of this problem" now.', speaker="Mara Holt"),
    )
    assert groups(clusters, by_id) == [["a", "b", "c"]]


def test_a_fragment_changing_a_word_where_the_quotation_has_two_others_stays_apart() -> None:
    # One word of five changed is a fragment; one changed where the quotation says two other
    # words is another sentence of the same mood, said another day.
    long = "On behalf of the board, we are deeply and truly sorry for the harm to every family."
    clusters, by_id = cluster(
        news("a", f'"{long}" Holt said.', speaker="Mara Holt"),
        news("b", '"We are deeply, deeply sorry," Holt told the council.', speaker="Mara Holt"),
        news("c", '"We are sorry, deeply and truly sorry," Holt said.', speaker="Mara Holt"),
    )
    assert groups(clusters, by_id) == [["a", "c"], ["b"]]


def test_words_an_article_repeats_from_its_own_quotation_join_it_once_it_travels() -> None:
    body = "We got it wrong on harbour tolls, and the board will refund every driver."
    page = (
        f'PORT CHIEF: "We Got It Wrong On Harbour Tolls" The chief spoke at noon. "{body}" '
        'Holt said. Asked about the "refund" later, she left.'
    )
    alone, by_id = cluster(news("a", page, speaker="Mara Holt"))
    assert groups(alone, by_id) == [["a"], ["a"], ["a"]]
    travelled, by_id = cluster(
        news("a", page, speaker="Mara Holt"),
        news("b", f'"{body}" Holt told the council.', outlet="Quay Post", speaker="Mara Holt"),
    )
    assert groups(travelled, by_id) == [["a", "a", "a", "b"]]


def test_a_fragment_does_not_join_through_an_unnamed_quote_of_another_speakers_cluster() -> None:
    # Only the unnamed quote holds "ringleader"; its cluster is Holt's, so Park's word is not.
    clusters, by_id = cluster(
        news("a", f'"{SORRY} {INSURER}"', speaker=None),
        news("b", f'"{SORRY}" Holt said.', outlet="Quay Post", speaker="Mara Holt"),
        news("c", 'Park called the insurer the "ringleader" of it all.', speaker="Ivo Park"),
        news("d", 'Holt called the insurer the "ringleader" again.', speaker="Mara Holt"),
    )
    assert groups(clusters, by_id) == [["a", "b", "d"], ["c"]]


def test_a_sentence_sharing_one_clause_with_another_of_the_same_speaker_stays_apart() -> None:
    # Half its words are the other's, but beside a long clause of its own: another sentence in
    # the same vein, not the same sentence reworded.
    long = (
        "Our talks with the port board will focus on the ferry timetable and the tolls. Our "
        "support for the ferry crews of the island is stronger today than ever, as winter comes."
    )
    other = "While keeping to our harbour charter, our support for the crews is stronger than ever."
    clusters, by_id = cluster(
        news("a", f'"{long}" Holt said.', speaker="Mara Holt"),
        news("b", f'"{other}" Holt said.', outlet="Quay Post", speaker="Mara Holt"),
    )
    assert groups(clusters, by_id) == [["a"], ["b"]]


def test_a_rewrite_that_moves_a_clause_of_the_same_speakers_quotation_joins_it() -> None:
    # Fewer than half its words are in the first's order, but nearly all of them are there.
    first = (
        "I will take some time to rest at home, before making any further comments on the ruling."
    )
    moved = "Before I make any further comment on the ruling, I'll take time to rest at home."
    same, _ = cluster(
        news("a", f'"{first}" Holt said.', speaker="Mara Holt"),
        news("b", f'"{moved}" Holt said.', outlet="Quay Post", speaker="Mara Holt"),
    )
    apart, _ = cluster(
        news("a", f'"{first}" Holt said.', speaker="Mara Holt"),
        news("b", f'"{moved}" Park said.', outlet="Quay Post", speaker="Ivo Park"),
    )
    assert (len(same), len(apart)) == (1, 2)


def test_a_short_quotation_two_statements_hold_joins_the_one_of_its_speaker() -> None:
    ours = "These tolls, like a fire on the quay, are dangerous. Who plays with fire gets burned."
    theirs = "Who plays with fire gets burned, and who cheats the port pays for it in the end."
    clusters, by_id = cluster(
        news("a", f'"{ours}" Holt said.', speaker="Mara Holt"),
        news("b", f'"{ours}" Holt told them.', outlet="Quay Post", speaker="Mara Holt"),
        news("c", f'"{theirs}" Park said.', outlet="Ferry Times", speaker="Ivo Park"),
        news("d", '"Who plays with fire gets burned, and badly," Holt said.', speaker="Mara Holt"),
    )
    assert groups(clusters, by_id) == [["a", "b", "d"], ["c"]]


def test_a_rewrite_that_moves_a_clause_and_contracts_a_pronoun_joins_the_quotation() -> None:
    # "I'd" is "I would": a contraction is no content word the rewrite failed to keep.
    thanks = (
        "It was a long season on the water for all of us. "
        "Finally, I would like to thank the crews, pilots, porters, cooks and drivers of the "
        "island for your patience and your kindness through the winter."
    )
    rewrite = (
        "Finally, I'd like to express my gratitude for your patience and your kindness through "
        "the winter to the crews, pilots, porters, cooks and drivers of the island."
    )
    clusters, by_id = cluster(
        news("a", f'"{thanks}" Holt said.', speaker="Mara Holt"),
        news("b", f'"{rewrite}" Holt said.', outlet="Quay Post", speaker="Mara Holt"),
    )
    assert groups(clusters, by_id) == [["a", "b"]]
