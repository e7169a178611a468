from quotes.cluster.candidates import ShingleIndex
from quotes.cluster.normalise import Vocabulary, tokenise
from quotes.cluster.verify import align, contains

vocab = Vocabulary()


def code(text: str) -> str:
    return vocab.encode(tokenise(text).words)


FULL = (
    "We understand the concerns of residents, "
    "but your policy has created a zone of terror and lawlessness."
)


def test_a_short_fragment_is_contained_in_the_longer_quote() -> None:
    alignment = align(code("a zone of terror and lawlessness"), code(FULL))
    assert alignment.coverage_a == 1
    assert contains(alignment.coverage_a, 6, 0.7)


def test_a_shared_stock_phrase_is_not_containment() -> None:
    other = "At the end of the day, your policy has failed every family on the east side of town."
    alignment = align(code(other), code(FULL))
    assert not contains(alignment.coverage_a, alignment.len_a, 0.7)


def test_common_words_scattered_far_apart_are_not_counted() -> None:
    alignment = align(
        code("the mayor of the city"),
        code("the budget is due and we of course all hope that the state will pay"),
    )
    assert alignment.matched == 0


def test_three_word_quotes_never_join_by_containment() -> None:
    assert not contains(1.0, 3, 0.7)


def test_index_proposes_wordings_sharing_rare_trigrams_only() -> None:
    codes = [
        code(FULL),
        code("a zone of terror and lawlessness"),
        code("We will build a new bridge next year."),
    ]
    index = ShingleIndex(codes)
    assert set(index.candidates(1)) == {0}
    assert set(index.candidates(2)) == set()


def test_a_run_both_share_is_aligned_whole_not_scattered_over_common_words() -> None:
    # Indel may pair "i", "am" and "a" with words of the first sentence, leaving the run cut.
    signed = code("I am a work in progress. Sincerely, Mara.")
    statement = code(
        "I am sorry, and I am ashamed of a night that hurt all of us. I am a work in progress."
    )
    alignment = align(signed, statement)
    assert alignment.matched == 6
