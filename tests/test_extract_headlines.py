"""Headline quotes: title case hides the verb, so the speaker is found among the body's people."""

from __future__ import annotations

from quotes.extract import extract_quotes
from tests.conftest import article


def headline_speaker(text: str) -> str | None:
    q = extract_quotes(article(text))[0]
    assert q.kind == "headline"
    return q.speaker.name if q.speaker else None


def test_name_before_a_capitalised_verb_speaks_in_a_headline() -> None:
    text = (
        "Jane Doe Calls Bob Smith ‘A Disgrace’ Over Tax Comments.\n\n"
        "Gov. Jane Doe said on Monday that the senator was wrong about taxes."
    )
    assert headline_speaker(text) == "Jane Doe"


def test_name_saying_at_the_end_of_a_headline_beats_the_name_before_the_quote() -> None:
    text = (
        "Bob Smith ‘The Dealmaker’ Could Fix the Roads, Lindsey Graham Says.\n\n"
        "Sen. Lindsey Graham said Bob Smith would be a fine partner on roads."
    )
    assert headline_speaker(text) == "Lindsey Graham"


def test_surname_in_a_headline_finds_the_person_the_body_names_in_full() -> None:
    text = (
        "Smith on Tax Reform: The Numbers Are ‘Terrifying’.\n\n"
        "President Bob Smith spoke about tax reform on Monday in Ohio."
    )
    assert headline_speaker(text) == "Bob Smith"


def test_name_opening_a_headline_as_a_label_is_quoted() -> None:
    text = (
        "Ana Ruiz: City ‘Will Never Pay’ For the Bridge.\n\n"
        "Mayor Ana Ruiz spoke on Monday about the cost of the bridge."
    )
    assert headline_speaker(text) == "Ana Ruiz"


def test_surname_before_a_capitalised_verb_speaks_though_the_body_never_names_it_in_full() -> None:
    text = (
        "Lee Hails Deal, Ruiz Says Museum Will Tell of ‘Suffering and Delight.’\n\n"
        "Mayor Ruiz, opening the museum on Saturday, said it would tell a story. Lee agreed."
    )
    assert headline_speaker(text) == "Ruiz"
