from quotes.cluster.alterations import Side, alterations, is_substantive, readable_diff
from quotes.cluster.normalise import Vocabulary, tokenise

CANONICAL = (
    "We will respond to calls for assistance if your officers are assaulted "
    "and need us to facilitate a safe exit from the conflict."
)
vocab = Vocabulary()


def side(text: str) -> Side:
    tokens = tokenise(text)
    return Side(tokens, vocab.encode(tokens.words))


def changes(variant: str, splice: tuple[int, int] | None = None) -> list[tuple[str, str, str]]:
    found = alterations("q", side(CANONICAL), side(variant), splice)
    return [(a.op, a.canonical, a.variant) for a in found]


def test_identical_wording_has_no_alterations() -> None:
    assert changes(CANONICAL) == []


def test_capitals_alone_are_a_case_change() -> None:
    assert changes(CANONICAL.replace("officers", "Officers")) == [("case", "officers", "Officers")]


def test_punctuation_between_words_is_typography() -> None:
    assert changes(CANONICAL.replace("assaulted and", "assaulted, and")) == [
        ("typography", "assaulted and", "assaulted, and")
    ]


def test_cuts_at_either_end_are_truncations() -> None:
    variant = "respond to calls for assistance if your officers are assaulted"
    assert changes(variant) == [
        ("truncated_start", "We will", ""),
        ("truncated_end", "and need us to facilitate a safe exit from the conflict", ""),
    ]


def test_a_marked_cut_inside_is_an_elision_with_its_mark() -> None:
    variant = (
        "We will respond to calls for assistance … to facilitate a safe exit from the conflict."
    )
    assert changes(variant) == [("elision", "if your officers are assaulted and need us", "…")]


def test_an_unmarked_cut_inside_is_an_elision_without_a_mark() -> None:
    variant = (
        "We will respond to calls for assistance "
        "and need us to facilitate a safe exit from the conflict."
    )
    assert changes(variant) == [("elision", "if your officers are assaulted", "")]


def test_bracketed_words_are_editorial_insertions() -> None:
    variant = CANONICAL.replace("calls", "[calls]")
    assert changes(variant) == [("bracket", "calls", "[calls]")]
    replaced = CANONICAL.replace("your officers", "[federal officers]")
    assert changes(replaced) == [("bracket", "your officers", "[federal officers]")]


def test_a_changed_word_is_a_substitution_with_both_sides() -> None:
    assert changes(CANONICAL.replace("safe exit", "quick exit")) == [
        ("substitution", "safe", "quick")
    ]


def test_an_added_word_is_an_insertion() -> None:
    assert changes(CANONICAL.replace("safe exit", "safe and orderly exit")) == [
        ("insertion", "", "and orderly")
    ]


def test_words_from_another_quotation_are_a_splice() -> None:
    variant = (
        "We will respond to calls for assistance if your officers are assaulted, "
        "but the mayor has a beef with the president."
    )
    n = len(tokenise(variant).words)
    found = changes(variant, splice=(11, n))
    assert ("splice", "", "but the mayor has a beef with the president") in found
    assert found[-1][0] == "truncated_end"


def test_repeated_words_are_read_as_one_simple_cut() -> None:
    canonical = side("It is what it is, and we will move on.")
    found = alterations("q", canonical, side("it is, and we will move on."))
    assert [(a.op, a.canonical) for a in found] == [("truncated_start", "It is what")]


def test_case_and_typography_are_not_substantive() -> None:
    found = alterations("q", side(CANONICAL), side(CANONICAL.replace("officers", "Officers")))
    assert not any(is_substantive(a) for a in found)


def test_readable_diff_marks_each_change_in_braces() -> None:
    variant = "will respond to [calls] for help if your Officers are assaulted"
    assert readable_diff(CANONICAL, variant) == (
        "{−We} will respond to {calls → [calls]} for {assistance → help} if your "
        "{officers → Officers} are assaulted "
        "{−and need us to facilitate a safe exit from the conflict}"
    )


def test_a_changed_word_where_the_copy_stops_is_a_substitution_then_a_cut() -> None:
    variant = "We will respond to calls for assistance if your deputies"
    assert changes(variant) == [
        ("substitution", "officers", "deputies"),
        (
            "truncated_end",
            "are assaulted and need us to facilitate a safe exit from the conflict",
            "",
        ),
    ]


def test_a_changed_word_where_the_copy_starts_is_a_cut_then_a_substitution() -> None:
    variant = "Any officers are assaulted and need us to facilitate a safe exit from the conflict."
    assert changes(variant) == [
        ("truncated_start", "We will respond to calls for assistance if", ""),
        ("substitution", "your", "Any"),
    ]


def test_a_word_repeated_earlier_in_the_quote_still_matches_where_the_copy_starts() -> None:
    canonical = "We always said housing is a right. The state wants housing built faster than ever."
    found = alterations("q", side(canonical), side("housing built faster than"))
    assert [(a.op, a.canonical) for a in found] == [
        ("truncated_start", "We always said housing is a right. The state wants"),
        ("truncated_end", "ever"),
    ]


def test_a_first_word_that_recurs_later_is_not_taken_for_the_quote_start() -> None:
    canonical = "Going slow matters to us. The state is going to build more homes every year."
    found = alterations("q", side(canonical), side("going to build more homes every"))
    assert [(a.op, a.canonical) for a in found] == [
        ("truncated_start", "Going slow matters to us. The state is"),
        ("truncated_end", "year"),
    ]


def test_the_same_last_word_after_a_bracket_is_kept_not_changed() -> None:
    canonical = "Work stops at noon. Contract talks will need the board to sign, need."
    variant = "Work stops at noon. Contract talks … the [council] to sign, need."
    found = alterations("q", side(canonical), side(variant))
    assert [(a.op, a.canonical, a.variant) for a in found] == [
        ("elision", "will need", "…"),
        ("bracket", "board", "[council]"),
    ]


def test_words_after_an_elision_mark_stand_for_the_last_words_cut() -> None:
    variant = (
        "We will respond to calls for assistance … when they need us to facilitate a safe exit"
    )
    assert changes(variant)[:2] == [
        ("elision", "if your officers are", "…"),
        ("substitution", "assaulted and", "when they"),
    ]


def test_an_elision_mark_is_reported_without_the_punctuation_beside_it() -> None:
    variant = (
        "We will respond to calls for assistance, … [to] facilitate a safe exit from the conflict."
    )
    assert changes(variant)[0] == (
        "elision",
        "if your officers are assaulted and need us",
        "…",
    )


def test_a_word_replaced_by_two_is_a_substitution_and_an_insertion() -> None:
    assert changes(CANONICAL.replace("to facilitate", "to help with")) == [
        ("substitution", "facilitate", "help"),
        ("insertion", "", "with"),
    ]


def test_words_before_an_elision_mark_stand_for_the_first_words_cut() -> None:
    tail = "are assaulted and need us to facilitate a safe exit from the conflict."
    assert changes(f"We will respond to calls for help … {tail}") == [
        ("substitution", "assistance", "help"),
        ("elision", "if your officers", "…"),
    ]
    assert changes(f"We will respond to calls for [aid] … {tail}") == [
        ("bracket", "assistance", "[aid]"),
        ("elision", "if your officers", "…"),
    ]


def test_a_bracket_among_words_replaced_one_for_one_stands_for_the_word_in_its_place() -> None:
    variant = CANONICAL.replace("assistance if your", "help [when] our")
    assert changes(variant) == [
        ("substitution", "assistance", "help"),
        ("bracket", "if", "[when]"),
        ("substitution", "your", "our"),
    ]


def test_a_run_from_another_quotation_that_the_canonical_mostly_has_is_no_splice() -> None:
    variant = CANONICAL.replace("safe exit", "quick exit")
    n = len(tokenise(variant).words)
    assert changes(variant, splice=(n - 6, n)) == [("substitution", "safe", "quick")]


def test_a_bracket_beside_an_added_word_stands_for_the_word_replaced() -> None:
    assert changes(CANONICAL.replace("your officers", "clearly [their] officers")) == [
        ("insertion", "", "clearly"),
        ("bracket", "your", "[their]"),
    ]


def test_a_word_kept_from_inside_the_cut_end_makes_the_cut_before_it_an_elision() -> None:
    assert changes("We will respond to calls for assistance exit") == [
        ("elision", "if your officers are assaulted and need us to facilitate a safe", ""),
        ("truncated_end", "from the conflict", ""),
    ]
    assert changes("calls … a safe exit from the conflict.") == [
        ("truncated_start", "We will respond to", ""),
        (
            "elision",
            "for assistance if your officers are assaulted and need us to facilitate",
            "…",
        ),
    ]


def test_a_fragment_printed_whole_inside_the_quotation_is_cut_at_both_ends() -> None:
    canonical = side("There is but one plan on the table, and the council has backed the plan.")
    found = alterations("q", canonical, side("one plan"))
    assert [(a.op, a.canonical) for a in found] == [
        ("truncated_start", "There is but"),
        ("truncated_end", "on the table, and the council has backed the plan"),
    ]
