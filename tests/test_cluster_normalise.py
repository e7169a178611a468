from quotes.cluster.normalise import Vocabulary, tokenise


def test_typography_case_and_punctuation_do_not_change_the_key() -> None:
    a = tokenise("The City’s values — and “local” laws…")
    b = tokenise('the city\'s values -- and "local" laws.')
    assert a.key == b.key == "the citys values and local laws"


def test_surface_keeps_the_words_as_written() -> None:
    assert tokenise("Mayor Wheeler’s plan").surface == ("Mayor", "Wheeler’s", "plan")


def test_hyphenated_words_split_so_spacing_variants_match() -> None:
    assert tokenise("un-American").words == tokenise("un American").words == ("un", "american")


def test_square_brackets_mark_editorial_words() -> None:
    tokens = tokenise("We will respond to [calls] for assistance")
    assert [tokens.words[i] for i in sorted(tokens.bracketed)] == ["calls"]


def test_every_elision_mark_is_recorded_before_the_next_word() -> None:
    for mark in ["...", "…", "[…]", "[...]", ". . ."]:
        tokens = tokenise(f"We will fight {mark} every contract")
        assert tokens.elided == frozenset({3}), mark
        assert not tokens.bracketed


def test_vocabulary_gives_equal_words_equal_characters() -> None:
    vocab = Vocabulary()
    assert vocab.encode(["a", "zone", "a"]) == vocab.encode(["a", "zone", "a"])
    assert len(set(vocab.encode(["a", "zone", "of"]))) == 3


def test_dotted_abbreviations_match_their_plain_spelling() -> None:
    assert tokenise("the U.S. Constitution").key == tokenise("the US Constitution").key
    assert tokenise("the U.S. Constitution").surface[1] == "U.S."
