from quotes.cluster.cuts import NO_CUT, Cut, cuts
from quotes.cluster.normalise import Tokens, Vocabulary, tokenise
from tests.test_cluster_union import cluster, groups, news

APOLOGY = (
    "We are deeply sorry for the long delays at the harbour, and we will refund every driver "
    "before the spring ferry season begins."
)


def _coded(*texts: str) -> list[tuple[Tokens, str]]:
    vocab = Vocabulary()
    return [(t, vocab.encode(t.words)) for t in map(tokenise, texts)]


def _ops(text: str, cut: str) -> list[tuple[str, str, str]]:
    """The alterations of the quote `cut` against `text`, when both are one cluster."""
    clusters, by_id = cluster(
        news("a", f'"{text}" Holt said.', speaker="Mara Holt"),
        news(
            "b",
            f'Holt told the Quay Post: "{cut}"',
            published="2024-03-02",
            outlet="Quay Post",
            speaker="Mara Holt",
        ),
    )
    assert groups(clusters, by_id) == [["a", "b"]]
    (home,) = clusters
    found = [a for a in home.alterations if by_id[a.quote_id].article_id == "b"]
    return [(a.op, a.canonical, a.variant) for a in found]


def test_a_quote_cut_inside_its_last_word_joins_the_quotation_it_was_cut_from() -> None:
    # Without its stub the quote holds the quotation's words but one: a word left out and a
    # word cut are two changes, which a seven-word fragment is not allowed.
    clusters, by_id = cluster(
        news("a", f'"{APOLOGY}" Holt said.', speaker="Mara Holt"),
        news("b", 'She said: "We are sorry for the long dela"', speaker="Mara Holt"),
    )
    assert groups(clusters, by_id) == [["a", "b"]]


def test_a_stub_at_the_end_is_truncated_there_not_substituted() -> None:
    assert _ops(APOLOGY, "We are sorry for the long dela") == [
        ("elision", "deeply", ""),
        (
            "truncated_end",
            "delays at the harbour, and we will refund every driver before the spring ferry "
            "season begins",
            "dela",
        ),
    ]


def test_a_stub_at_the_start_is_truncated_there_not_substituted() -> None:
    assert _ops(APOLOGY, "bour, and we will refund every driver") == [
        ("truncated_start", "We are deeply sorry for the long delays at the harbour", "bour"),
        ("truncated_end", "before the spring ferry season begins", ""),
    ]


def test_a_stub_of_the_quotations_last_word_is_truncated_at_that_word() -> None:
    text = "The ferry board will meet every driver who waited at the harbour"
    assert _ops(text, "The ferry board will meet every driver who waited at the harb") == [
        ("truncated_end", "harbour", "harb")
    ]


def test_a_stub_is_placed_where_the_words_beside_it_agree() -> None:
    (short, s), (long, g) = _coded(
        "the port will pay the fa",
        "the port will pay the fares, and the city will pay the fees of the families",
    )
    assert cuts(short, s, long, g) == Cut(None, 5)


def test_a_word_followed_by_punctuation_or_of_one_letter_is_no_stub() -> None:
    pairs = [
        ("we will pay the fan.", "we will pay the fans and the crews"),
        ("we will pay the fan,", "we will pay the fans and the crews"),
        ("we will pay a", "we will pay all of them"),
        ("we will pay the fans", "we will pay the fans and the crews"),
    ]
    for short_text, long_text in pairs:
        (short, s), (long, g) = _coded(short_text, long_text)
        assert cuts(short, s, long, g) == NO_CUT, short_text


def test_a_word_the_quotation_also_has_whole_beside_the_same_word_is_no_stub() -> None:
    (short, s), (long, g) = _coded("we will win", "we will win, and we will winter here")
    assert cuts(short, s, long, g) == NO_CUT


def test_a_stub_alone_draws_no_quote_to_another_quotation_holding_its_word() -> None:
    other = "Nobody on the council will vote for the new harbour tolls this spring."
    clusters, by_id = cluster(
        news("a", f'"{APOLOGY}" Holt said.', speaker="Mara Holt"),
        news("b", f'"{other}" Park said.', outlet="Quay Post", speaker="Ivo Park"),
        news("c", 'Park said: "Nobody on the council will vote for the harb"', speaker="Ivo Park"),
    )
    assert groups(clusters, by_id) == [["a"], ["b", "c"]]


def test_a_short_fragment_ending_in_a_stub_finds_its_quotation_by_its_other_words() -> None:
    # The stub is the fragment's rarest word, and no other wording has it: looked up by it,
    # the fragment would find no quotation holding it.
    clusters, by_id = cluster(
        news("a", f'"{APOLOGY}" Holt said.', speaker="Mara Holt"),
        news("b", 'Holt blamed "the long dela"', outlet="Quay Post", speaker="Mara Holt"),
    )
    assert groups(clusters, by_id) == [["a", "b"]]
