"""Speech versus scare quotes, titles, nicknames and labels; direct versus partial."""

from __future__ import annotations

from quotes.extract import extract_quotes
from tests.conftest import article


def kinds(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.kind) for q in extract_quotes(article(text))]


def test_scare_quote_is_not_speech() -> None:
    assert kinds("The so-called ‘experts’ were wrong again.") == []


def test_one_word_partial_with_a_verb_of_speech_is_speech() -> None:
    assert kinds("She said the delay was a “mistake” by the county.") == [("mistake", "partial")]


def test_interface_labels_are_not_speech() -> None:
    assert kinds("Click “follow” and then “see first” to never miss a story.") == []


def test_book_title_is_not_speech() -> None:
    assert kinds("Her new book, “The Long Road Home,” sold out in a week.") == []


def test_nickname_is_not_speech() -> None:
    assert kinds("Former boxer James “Buster” Douglas spoke at the gym.") == []


def test_long_fragment_inside_a_sentence_is_a_partial_quote() -> None:
    text = "The group wants “an end to all new pipeline permits” in the state."
    assert kinds(text) == [("an end to all new pipeline permits", "partial")]


def test_sentence_opening_quote_is_direct() -> None:
    assert kinds("“We will appeal the ruling,” Lee said.") == [
        ("We will appeal the ruling,", "direct")
    ]


def test_title_case_quote_after_reports_is_a_headline() -> None:
    text = "The Daily Herald reports, “City Council Approves New Stadium Deal After Long Fight."
    assert kinds(text) == [("City Council Approves New Stadium Deal After Long Fight.", "headline")]
