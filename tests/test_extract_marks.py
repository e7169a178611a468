"""Quotation marks as news prints them: curly, straight, odd, missing, doubled and nested."""

from __future__ import annotations

from quotes.extract import extract_quotes
from quotes.extract.marks import find_spans
from tests.conftest import article


def texts(text: str) -> list[str]:
    return [q.text for q in extract_quotes(article(text))]


def test_straight_double_quotes() -> None:
    assert texts('"We are ready," Lee said.') == ["We are ready,"]


def test_curly_quotes() -> None:
    assert texts("“We are ready,” Lee said.") == ["We are ready,"]


def test_wrong_direction_opening_mark() -> None:
    assert texts("”We are ready,” Lee said.") == ["We are ready,"]


def test_missing_space_after_closing_mark() -> None:
    assert texts("“We are ready,”said Lee Park.") == ["We are ready,"]


def test_doubled_backticks_and_apostrophes() -> None:
    assert texts("``We are ready,'' Lee said.") == ["We are ready,"]


def test_guillemets() -> None:
    assert texts("« We are ready », Lee said.") == ["We are ready"]


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "Jones’ dog and the feds' cars don’t count, Lee said of the ’90s and rock 'n' roll."
    assert find_spans(text) == []


def test_single_quoted_headline_quote() -> None:
    assert texts("Mayor Lee: ‘We Are Ready For The Storm’\n\nThe storm came.") == [
        "We Are Ready For The Storm"
    ]


def test_missing_closer_runs_to_the_end_of_the_paragraph() -> None:
    text = "Lee said, “We are ready for whatever comes.\n\nThe storm arrived Monday."
    assert texts(text) == ["We are ready for whatever comes."]


def test_paragraph_left_open_and_reopened_is_one_quote_in_two_pieces() -> None:
    text = "“We are ready. We have sandbags.\n\n“We have boats too,” Lee said."
    spans = find_spans(text)
    assert [s.continues for s in spans] == [True, False]
    assert [s.continued for s in spans] == [False, True]


def test_nested_single_quotes_inside_double_quotes() -> None:
    spans = find_spans("“He told me, ‘Stay inside tonight,’ and left,” Lee said.")
    assert [s.outer for s in spans] == [None, 0]


def test_offsets_point_at_the_words_inside_the_marks() -> None:
    text = "Intro.\n\n“  Spaced out words  ,” Lee said."
    (q,) = extract_quotes(article(text))
    assert text[q.start : q.end] == q.text == "Spaced out words  ,"


def test_three_straight_marks_after_a_word_close_the_nested_then_the_outer_quote() -> None:
    text = "''Voters will not settle for 'We will fix it,''' said Sen. Bob Lee of Ohio."
    (outer, inner) = extract_quotes(article(text))
    assert outer.text == "Voters will not settle for 'We will fix it,'"
    assert outer.speaker is not None and outer.speaker.name == "Bob Lee"
    assert inner.text == "We will fix it,"
