"""Speaker attribution on short news-like articles: one rule per test."""

from __future__ import annotations

from quotes.extract import extract_quotes
from quotes.extract.names import classify
from quotes.model import Quote
from tests.conftest import article


def quotes(text: str, **meta: str | None) -> list[Quote]:
    return extract_quotes(article(text, **meta))


def who(text: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in quotes(text)]


def test_said_after_name_attributes_to_that_name() -> None:
    text = "Mayor Maria Lopez spoke Monday.\n\n“We will rebuild the bridge,” Lopez said."
    (q,) = quotes(text)
    assert (q.speaker.name, q.speaker.description, q.cue) == ("Maria Lopez", "Mayor", "said")


def test_said_before_name_attributes_to_that_name() -> None:
    (q,) = quotes('"The budget is balanced," said Tom Becker, the city treasurer.')
    assert q.speaker.name == "Tom Becker"
    assert q.speaker.description == "city treasurer"


def test_name_with_appositive_role_before_verb() -> None:
    text = '"Nobody saw it coming," Ann Ortiz, the district\'s superintendent, said Tuesday.'
    (q,) = quotes(text)
    assert q.speaker.name == "Ann Ortiz"


def test_split_quote_gives_both_halves_to_one_speaker() -> None:
    text = "Councilwoman Rita Hale voted no.\n\n“It is too soon,” she said, “and too costly.”"
    assert who(text) == ["Rita Hale", "Rita Hale"]


def test_continuation_in_same_paragraph_inherits_speaker() -> None:
    text = '"We filed the papers," Sam Reyes said. "Now we wait for the judge."'
    assert who(text) == ["Sam Reyes", "Sam Reyes"]


def test_adding_chains_a_second_quote_to_the_same_speaker() -> None:
    text = '"Rates will rise," Dana Kim said, adding: "Nobody should be surprised."'
    assert who(text) == ["Dana Kim", "Dana Kim"]


def test_colon_introduced_quote_after_told_reporters() -> None:
    (q,) = quotes("Commissioner Jo Lee told reporters: “We are not done yet.”")
    assert (q.speaker.name, q.cue) == ("Jo Lee", "told reporters")


def test_dash_attribution_after_quote() -> None:
    (q,) = quotes("“Every vote counts.” — Commissioner Jo Lee")
    assert q.speaker.name == "Jo Lee"


def test_pronoun_in_next_paragraph_resolves_to_last_person() -> None:
    text = (
        "Governor Helen Park signed the bill on Friday.\n\n"
        "“This is a good day for Oregon,” she said."
    )
    assert who(text) == ["Helen Park"]


def test_he_skips_a_woman_mentioned_later() -> None:
    text = "Senator Mark Diaz met Janet Cole on Monday.\n\n“We agreed on nothing,” he said."
    assert who(text) == ["Mark Diaz"]


def test_the_union_resolves_to_the_union_named_earlier() -> None:
    text = (
        "The Amalgamated Transit Union sued the city on Monday.\n\n"
        "“The contract was broken,” the union said in a statement."
    )
    (q,) = quotes(text)
    assert (q.speaker.name, q.speaker.kind) == ("Amalgamated Transit Union", "organization")


def test_the_company_resolves_to_the_company_named_earlier() -> None:
    text = "Acme Widgets Inc. recalled 4,000 toasters.\n\n“Safety comes first,” the company said."
    assert who(text) == ["Acme Widgets Inc."]


def test_letter_speaks_for_its_author() -> None:
    text = (
        "The Harbor Tenants Association sent a letter to the landlord on Monday.\n\n"
        "“The heat has been off for three weeks,” the letter says."
    )
    (q,) = quotes(text)
    assert (q.speaker.name, q.speaker.kind, q.cue) == (
        "Harbor Tenants Association",
        "organization",
        "says",
    )


def test_document_nobody_in_the_article_issued_has_no_speaker() -> None:
    (q,) = quotes("“Costs exceeded estimates by 40 percent,” the report says.")
    assert (q.speaker, q.cue) == (None, "says")


def test_spokeswoman_for_senator_is_the_spokeswoman() -> None:
    (q,) = quotes("“The senator is reviewing the bill,” said a spokeswoman for Senator Ruiz.")
    assert q.speaker.kind == "anonymous"
    assert q.speaker.name.startswith("spokeswoman")


def test_attorney_appositive_gives_the_named_attorney() -> None:
    (q,) = quotes("“We will appeal,” their attorney, Leah Stone, says.")
    assert (q.speaker.name, q.speaker.description) == ("Leah Stone", "attorney")


def test_according_to_statement_from_group() -> None:
    text = (
        "Portland Tenants United held a rally.\n\n"
        "Rents must be capped, according to a statement from the group."
        " “We will not be priced out,” a statement from the group said."
    )
    (q,) = quotes(text)
    assert q.speaker.name == "Portland Tenants United"


def test_outlet_as_speaker_is_canonical_and_credited() -> None:
    (q,) = quotes("“Ridership fell by half,” OregonLive reported.", outlet="KGW")
    assert (q.speaker.name, q.speaker.kind, q.credit) == ("Oregon Live", "outlet", "Oregon Live")


def test_outlet_credit_after_named_speaker() -> None:
    text = "“We were never told,” said Amy Fox, the clinic director, the Associated Press reported."
    (q,) = quotes(text)
    assert (q.speaker.name, q.credit) == ("Amy Fox", "Associated Press")


def test_anonymous_official_who_spoke_to_outlet() -> None:
    (q,) = quotes("“It was chaos,” a senior administration official tells Reuters.")
    assert (q.speaker.kind, q.cue) == ("anonymous", "tells Reuters")


def test_surname_resolves_to_full_name_given_earlier() -> None:
    text = "Police Chief Omar Said spoke first.\n\n“We made arrests,” Said said."
    assert who(text) == ["Omar Said"]


def test_two_people_with_one_surname_are_kept_apart() -> None:
    text = (
        "John Smith chairs the board. His sister, Mary Smith, opposes the plan.\n\n"
        "“It will pass,” Mr. Smith said.\n\n“It will fail,” Ms. Smith said."
    )
    assert who(text) == ["John Smith", "Mary Smith"]


def test_the_mayor_resolves_to_the_named_mayor() -> None:
    text = "Mayor Ted Ruiz vetoed the plan.\n\n“It costs too much,” the mayor said."
    assert who(text) == ["Ted Ruiz"]


def test_floating_quote_paragraph_takes_the_neighbouring_speaker() -> None:
    text = (
        "“We will keep the library open,” Mayor Ana Gil said Tuesday.\n\n"
        "“Our children deserve a place to read.”\n\nThe council votes next week."
    )
    qs = quotes(text)
    assert [q.kind for q in qs] == ["direct", "floating"]
    assert [q.speaker.name for q in qs] == ["Ana Gil", "Ana Gil"]


def test_multi_paragraph_quote_gets_one_speaker() -> None:
    text = (
        "Dr. Neil Shah described the night.\n\n"
        "“We had forty patients and four nurses. Nobody slept.\n\n"
        "“By morning we had run out of beds,” Shah said."
    )
    qs = quotes(text)
    assert len(qs) == 2
    assert [q.speaker.name for q in qs] == ["Neil Shah", "Neil Shah"]


def test_partial_quote_takes_the_subject_who_called_it_that() -> None:
    text = "Senator Lisa Moore called the proposal “a gift to polluters” on Friday."
    (q,) = quotes(text)
    assert (q.kind, q.speaker.name, q.cue) == ("partial", "Lisa Moore", "called")


def test_nested_quote_belongs_to_the_inner_speaker_not_the_outer() -> None:
    text = "“Then the officer told me, ‘You cannot park here after dark,’ and left,” Jo Reed said."
    qs = quotes(text)
    outer = [q for q in qs if q.kind != "nested"]
    inner = [q for q in qs if q.kind == "nested"]
    assert outer[0].speaker.name == "Jo Reed"
    assert inner and inner[0].text.startswith("You cannot park")
    assert inner[0].speaker is None or inner[0].speaker.name != "Jo Reed"


def test_headline_quote_in_title_line() -> None:
    text = "Mayor: ‘We Will Not Back Down’\n\nThe mayor spoke at city hall."
    (q,) = quotes(text, title="Mayor: ‘We Will Not Back Down’")
    assert (q.kind, q.text) == ("headline", "We Will Not Back Down")


def test_a_page_of_one_paragraph_opening_with_its_title_is_body_after_the_title() -> None:
    title = "Rita Vale to leave Harbor after losing her appeal"
    text = (
        f"{title} | 16 Jan 2022 | Sailor Rita Vale has lost her appeal and is set to leave. "
        "Judges rejected it on Sunday. She said she was “extremely disappointed” but respected it."
    )
    (q,) = quotes(text, title=title)
    assert (q.kind, q.speaker and q.speaker.name) == ("partial", "Rita Vale")


def test_a_title_quote_after_a_possessive_is_not_the_owner_s() -> None:
    title = "Harbor Starts Drills In Response To Ruiz’s ‘Farce’ Visit"
    text = f"{title}\n\nHarbor held drills on Wednesday as Speaker Ana Ruiz visited the island."
    (q,) = quotes(text, title=title)
    assert (q.kind, q.speaker) == ("headline", None)


def test_interview_answers_belong_to_the_interviewee() -> None:
    text = (
        "In an interview with Gov. Helen Park on Monday, we asked about the budget.\n\n"
        "Q: Will taxes rise?\n\nA: Not this year, and not next year either.\n\n"
        "Q: What about schools?\n\nA: Schools get every dollar we promised."
    )
    qs = quotes(text)
    assert [q.kind for q in qs] == ["answer", "answer"]
    assert {q.speaker.name for q in qs} == {"Helen Park"}
    assert qs[0].text == "Not this year, and not next year either."


def test_transcript_lines_belong_to_their_labelled_speaker() -> None:
    text = (
        "Sen. Tim Kaine and Gov. Mike Pence met in Virginia.\n\n"
        "PENCE: Well, look, this is serious business.\n\n"
        "KAINE: We agree on that much.\n\n"
        "PENCE: Then let us talk about it."
    )
    assert [q.speaker.name for q in quotes(text)] == ["Mike Pence", "Tim Kaine", "Mike Pence"]


def test_relative_clause_between_name_and_verb_is_skipped() -> None:
    text = (
        "“I don't believe in superdelegates,” Warren, who has not endorsed anyone, told reporters."
    )
    assert who(text) == ["Warren"]


def test_question_mark_then_name_and_verb_still_attributes() -> None:
    text = "Senator Ana Gil spoke in Reno.\n\n“Who pays for this?” Gil asked the crowd on Friday."
    assert who(text) == ["Ana Gil"]


def test_attribution_after_a_comma_follows_a_partial_quote() -> None:
    text = "It marks “the beginning of the end” for the union, said Pieter de Vries, a senator."
    (q,) = quotes(text)
    assert (q.kind, q.speaker.name) == ("partial", "Pieter de Vries")


def test_unknown_verb_after_name_introduces_a_quote() -> None:
    text = "Mayor Ana Gil listened.\n\nAna Gil drawled, “Nobody ever reads the budget.”"
    assert who(text) == ["Ana Gil"]


def test_name_before_a_participle_after_with_is_its_speaker() -> None:
    text = "Lee said he was “very encouraged,” with Mayor Ana Ruiz calling it a “great meeting.”"
    assert who(text) == ["Lee", "Ana Ruiz"]


def test_participle_after_an_interjected_phrase_takes_the_sentence_subject() -> None:
    text = (
        "On Monday, Ana Ruiz attacked Bob Lee, calling him, among other things, “a failed mayor.”"
    )
    assert who(text) == ["Ana Ruiz"]


def test_name_and_unknown_past_verb_before_and_attributes_the_quote() -> None:
    text = "Sen. Bob Lee spoke. “Go back to your office,” Lee barked and a guard led the man out."
    assert who(text) == ["Bob Lee"]


def test_relative_clause_after_an_earlier_quote_keeps_the_subject_before_it() -> None:
    text = (
        "Sam Hill, a host of the show “The Boss,” who went on to work for Lee, said his boss "
        "was “always kind and generous.”"
    )
    q = quotes(text)[-1]
    assert (q.speaker.name, q.speaker.description) == ("Sam Hill", "host of the show")


def test_adverb_before_a_pronoun_is_not_a_speaker() -> None:
    text = "Jane Doe spoke to the council. Recently she announced, “I am running for mayor.”"
    assert who(text) == ["Jane Doe"]


def test_name_said_after_a_long_tail_attributes_the_opening_quote() -> None:
    text = (
        "“We are frustrated and horrified” by the shooting at a club that had drawn attention "
        "from around the world and more scrutiny at home, Nefzi said."
    )
    assert who(text) == ["Nefzi"]


def test_full_name_before_a_colon_speaks_the_quote() -> None:
    text = "The surge does not surprise pollster Dan Shaw: “Lesser-known candidates get a boost.”"
    assert who(text) == ["Dan Shaw"]


def test_hearer_before_a_colon_does_not_speak_the_quote() -> None:
    text = "Mayor Ana Ruiz spoke on Monday. Ruiz told Channel Four News: “The bridge will open.”"
    assert who(text) == ["Ana Ruiz"]


def test_possessed_remarks_in_a_reported_clause_belong_to_the_teller() -> None:
    text = (
        "The novelist Ana Ruiz told an audience on Monday that Lee’s comments were “intolerable.”"
    )
    assert who(text) == ["Ana Ruiz"]


def test_possessed_claim_with_no_verb_of_speech_belongs_to_its_owner() -> None:
    text = "Mayor Ana Ruiz disputed Bob Lee’s claim that the city “never paid a dime.”"
    assert who(text) == ["Bob Lee"]


def test_given_name_before_a_role_word_is_a_person_not_a_role() -> None:
    text = "“Guns are a health crisis,” Howard Dean, the former governor, told the crowd."
    assert who(text) == ["Howard Dean"]


def test_a_participle_opening_a_sentence_is_no_part_of_the_name_after_it() -> None:
    assert classify("Hammering Hillary Vane").name == "Hillary Vane"
