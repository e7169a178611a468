"""Quotes whose speaker is named elsewhere than at the quote: an epithet, a pronoun, a document,
an introduction before the quote's paragraph. Each article is a few lines written for the test."""

from __future__ import annotations

import regex

from quotes.extract import extract_quotes
from quotes.extract import lexicon as lx
from tests.conftest import article


def speaker_of(text: str, opening: str) -> str | None:
    """The speaker's name of the first quotation starting with `opening`."""
    found = [q for q in extract_quotes(article(text)) if q.text.lstrip("\"“‘'").startswith(opening)]
    assert found, f"no quotation starting {opening!r}"
    return found[0].speaker.name if found[0].speaker else None


def test_an_age_epithet_is_the_subject_of_the_sentence_before_not_its_object() -> None:
    text = (
        "Maria Lopez has apologised for pushing Daniel Okafor during Sunday's final.\n\n"
        "The 29-year-old wrote on social media that she was “ashamed” of herself."
    )
    assert speaker_of(text, "ashamed") == "Maria Lopez"


def test_a_trade_epithet_is_not_a_person_described_by_another_trade() -> None:
    text = (
        "Tom Reyes thanked the jury and singer Paul Hart after the ceremony.\n\n"
        "“I owe them everything,” the actor said."
    )
    assert speaker_of(text, "I owe them") == "Tom Reyes"


def test_a_subject_after_a_dateline_dash_speaks_through_a_participle() -> None:
    text = (
        "DENVER (AP) — Rita Vale has apologised to her teammates, writing in a statement that "
        "she was “out of line.”"
    )
    assert speaker_of(text, "out of line") == "Rita Vale"


def test_a_subject_after_a_date_speaks_through_a_participle() -> None:
    text = "2023-05-02 Rita Vale has apologised, saying her words were “careless.”"
    assert speaker_of(text, "careless") == "Rita Vale"


def test_a_subject_opening_with_an_age_speaks_through_a_participle() -> None:
    text = "The 17-year-old striker Jon Berg thanked the crowd on Monday, shouting, “We did it!”"
    assert speaker_of(text, "We did it") == "Jon Berg"


def test_a_verb_in_a_clause_after_the_quote_does_not_name_its_speaker() -> None:
    text = (
        "Mayor Ann Ortiz spoke after the hearing.\n\n"
        "Ortiz wrote to residents on Friday, “The budget is safe,” hours after the auditor "
        "testified before the council."
    )
    assert speaker_of(text, "The budget") == "Ann Ortiz"


def test_the_statement_speaks_for_who_said_it_in_a_statement() -> None:
    text = (
        "“We will not back down,” the transport ministry said in a statement.\n\n"
        "It blamed the rail union and the port authority for the delays.\n\n"
        "“The strike must end,” the statement added."
    )
    assert speaker_of(text, "The strike must end") == "transport ministry"


def test_a_statement_read_names_its_author() -> None:
    text = (
        "The Harbour Trust closed the pier on Monday after a survey.\n\n"
        "“Safety comes first,” the statement read."
    )
    assert speaker_of(text, "Safety comes first") == "Harbour Trust"


def test_a_closing_attribution_followed_by_where_and_whom_it_credits_covers_each_fragment() -> None:
    text = (
        "The plan was passed “in haste” and breaks the “spirit” of the law, the Harbour Trust "
        "said in a statement, according to the Daily Courier."
    )
    assert speaker_of(text, "in haste") == "Harbour Trust"


def test_a_statement_from_a_couple_as_follows_speaks_for_them_over_its_paragraphs() -> None:
    text = (
        "The couple announced the sale on Friday.\n\n"
        "The full statement from the Duke and Duchess of Avon is as follows:\n\n"
        "“After a long season, we have chosen to sell the boathouse.\n\n"
        "“We thank our members for their patience.”"
    )
    assert speaker_of(text, "After a long season") == "Duke and Duchess of Avon"
    assert speaker_of(text, "We thank our members") == "Duke and Duchess of Avon"


def test_his_statement_below_speaks_for_the_man_named_before() -> None:
    text = (
        "Coach Dan Ruiz resigned on Monday, and Mayor Ann Ortiz thanked him.\n\n"
        "His full statement is below:\n\n"
        "“I gave this team everything I had.”"
    )
    assert speaker_of(text, "I gave this team") == "Dan Ruiz"


def test_a_pronoun_subject_chain_keeps_its_referent_past_a_sentence_naming_another_man() -> None:
    text = (
        "Mayor Tom Ruiz criticised the decision on Monday.\n\n"
        "He said he had spoken to Jon Berg on Sunday.\n\n"
        "“We cannot wait to see him home,” he said."
    )
    assert speaker_of(text, "We cannot wait") == "Tom Ruiz"


def test_an_honorific_tells_the_gender_of_a_name_the_lists_do_not_know() -> None:
    text = (
        "Ms Okonkwo thanked her staff.\n\n"
        "Adaeze Okonkwo is stepping down as chair, with Tom Ruiz set to take over.\n\n"
        "“We spoke about it before Christmas,” he said."
    )
    assert speaker_of(text, "We spoke about it") == "Tom Ruiz"


def test_a_pronoun_takes_the_man_named_after_a_name_of_unknown_gender() -> None:
    text = (
        "Okonkwo is stepping down as chair, said Adaeze Okonkwo's office.\n\n"
        "Adaeze Okonkwo is stepping down as chair, with Tom Ruiz set to take over.\n\n"
        "“We spoke about it before Christmas,” he said."
    )
    assert speaker_of(text, "We spoke about it") == "Tom Ruiz"


def test_a_pronoun_prefers_the_named_person_to_the_owner_of_a_possessive() -> None:
    text = (
        "Ruiz family members filled the room.\n\n"
        "Tom Ruiz's brother, Adaeze Ruiz, was in the courtroom.\n\n"
        "“I was praying,” he said."
    )
    assert speaker_of(text, "I was praying") == "Adaeze Ruiz"


def test_the_with_one_capitalised_word_is_the_body_the_article_names_in_full() -> None:
    text = (
        "The Academy of Rural Arts and Crafts held its awards on Sunday.\n\n"
        "Earlier on Monday, the Academy said it had opened a “formal review” of the evening."
    )
    assert speaker_of(text, "formal review") == "Academy of Rural Arts and Crafts"


def test_the_body_opening_a_sentence_is_no_person_and_it_goes_on_speaking() -> None:
    text = (
        "Jon Berg thanked the jury.\n\n"
        "Hours earlier, The Academy said in a statement it “condemns” the attack.\n\n"
        "“We have started a review,” it said."
    )
    assert speaker_of(text, "We have started") == "Academy"


def test_a_statement_fronted_on_its_own_line_names_its_author_for_later_quotes() -> None:
    text = (
        "The ceremony ended late.\n\n"
        "In a statement posted online, Jon Berg condemned all violence.\n\n"
        "“I was wrong,” the statement continued.\n\n"
        "Hours earlier, the Harbour Trust said in a statement it would review the night."
    )
    assert speaker_of(text, "I was wrong") == "Jon Berg"


def test_a_reported_sentence_introduces_the_next_quote_by_its_first_verb_of_speech() -> None:
    text = (
        "Committee chair Ann Ortiz says there are many questions to be answered.\n\n"
        "“How did the council approve the plan?”"
    )
    assert speaker_of(text, "How did the council") == "Ann Ortiz"


def test_when_words_after_the_named_speaker_are_not_part_of_the_name() -> None:
    text = (
        "Zoran Vukic lost his appeal against the Home Office.\n\n"
        "“I respect the ruling,” said Vukic after the ruling."
    )
    assert speaker_of(text, "I respect the ruling") == "Zoran Vukic"


def test_a_name_inside_an_epithet_is_not_its_referent() -> None:
    text = (
        "Jon Berg lost his appeal on Sunday.\n\n"
        "The 20-time Grand Slam champion said he was “extremely disappointed” in the outcome."
    )
    assert speaker_of(text, "extremely disappointed") == "Jon Berg"


def test_a_headline_body_before_a_title_case_verb_is_the_body_the_text_names() -> None:
    text = (
        "Harbour Trust Says It “Understands” The Anger\n\n"
        "The decision was hard, the Harbour Trust said in a statement."
    )
    assert speaker_of(text, "Understands") == "Harbour Trust"


def test_a_sports_epithet_is_not_the_minister_named_last_but_the_star() -> None:
    text = (
        "Tennis star Zoran Vukic lost his appeal against Sports Minister Alan Reed.\n\n"
        "Mr Reed used his power on Friday to cancel the world number one's visa.\n\n"
        "The 20-time champion said he was “extremely disappointed” with the outcome."
    )
    assert speaker_of(text, "extremely disappointed") == "Zoran Vukic"


def test_a_subject_after_a_byline_line_speaks_through_a_participle() -> None:
    text = (
        "Fans cheered in Denver.\n(AP Photo/Ann Lee)(Ann Lee/Invision/AP)\nBy WKTV - Staff\n"
        "Published: Mar. 28, 2022 at 9:41 PM EDT|Updated: 1 hours ago\n"
        "Rita Vale has apologized to Tom Rowe, writing in a statement that she was “out of line.”"
    )
    assert speaker_of(text, "out of line") == "Rita Vale"


def test_the_head_of_an_epithet_with_of_is_before_it() -> None:
    text = (
        "“We care about safety,” Omar Haddad said in a post.\n\n"
        "“That is just not true,” the creator of Flitter continued."
    )
    assert speaker_of(text, "That is just not true") == "Omar Haddad"


def test_a_speaker_before_the_quote_wins_over_reports_it_is_credited_to() -> None:
    text = (
        "Omar Haddad wrote a long post.\n\n"
        "Rita Vale, in her testimony on Tuesday, said the firm knew.\n\n"
        "She said, “They are aware of the side effects”, according to reports from the Daily."
    )
    assert speaker_of(text, "They are aware") == "Rita Vale"


def test_a_quote_alone_after_a_sentence_opening_with_a_pronoun_is_its_referents() -> None:
    text = (
        "Premier Ana Lima told reporters she was leaving politics.\n\n"
        "She will also marry her partner Tom Rowe this summer.\n\n"
        "“It is time for our family.”"
    )
    assert speaker_of(text, "It is time for our family") == "Ana Lima"


def test_a_quote_naming_the_subject_before_it_is_not_the_subjects() -> None:
    text = (
        "Premier Ana Lima took questions for an hour.\n\n"
        "Her partner Tom Rowe was in the room for the press conference.\n\n"
        "“And to Tom, let us finally get married.”"
    )
    assert speaker_of(text, "And to Tom") != "Tom Rowe"


def test_no_document_noun_opens_or_closes_another() -> None:
    """phrases.py finds a document's author with patterns naming any document noun: where one
    mention of a document starts or ends, only its own noun may fit."""
    for noun in lx.DOC_NOUNS:
        for other in lx.DOC_NOUNS - {noun}:
            assert not regex.fullmatch(rf"(?i){regex.escape(noun)}\b.+", other), (noun, other)
            assert not regex.fullmatch(rf"(?i).+\b{regex.escape(noun)}", other), (noun, other)
