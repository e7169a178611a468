from quotes.model import Quote, Speaker
from quotes.speakers import unify_speakers


def q(name: str, kind: str = "person", article: str = "a") -> Quote:
    return Quote(article, "words", 0, 5, speaker=Speaker(name, kind))


def test_bare_surname_takes_the_full_name_from_another_article() -> None:
    out = unify_speakers([q("Danielle Outlaw"), q("Outlaw", article="b")])
    assert [x.speaker.name for x in out] == ["Danielle Outlaw", "Danielle Outlaw"]


def test_acronym_in_an_organisation_name_is_spelled_out_from_another_article() -> None:
    full = "National Immigration and Customs Enforcement Council"
    out = unify_speakers([q(full, "organization"), q("National ICE Council", "organization", "b")])
    assert {x.speaker.name for x in out} == {full}


def test_an_acronym_no_name_in_the_corpus_spells_is_left_alone() -> None:
    out = unify_speakers([q("ICE", "organization"), q("Intercity Express", "organization")])
    assert [x.speaker.name for x in out] == ["ICE", "Intercity Express"]


def test_an_acronym_joins_the_one_spelled_out_name_with_a_country_in_front() -> None:
    full = "U.S. Food and Drug Administration"
    out = unify_speakers([q(full, "organization"), q("FDA", "organization", "b")])
    assert [x.speaker.name for x in out] == [full, full]


def test_an_acronym_matching_two_bodies_is_left_alone() -> None:
    names = ["Federal Drug Administration", "Food and Drug Administration", "FDA"]
    out = unify_speakers([q(n, "organization", str(i)) for i, n in enumerate(names)])
    assert [x.speaker.name for x in out] == names


def test_a_one_letter_misspelling_beside_the_name_in_one_article_joins_it() -> None:
    out = unify_speakers([q("John Smith"), q("Jhon Smith"), q("Smith", article="b")])
    assert [x.speaker.name for x in out] == ["John Smith"] * 3


def test_a_rare_misspelling_elsewhere_in_the_corpus_joins_the_common_name() -> None:
    quotes = [q("Danielle Outlaw", article=a) for a in "abc"] + [q("Danielle Outlow", article="d")]
    assert {x.speaker.name for x in unify_speakers(quotes)} == {"Danielle Outlaw"}


def test_names_a_letter_apart_in_different_articles_stay_two_people() -> None:
    out = unify_speakers([q("Mark Ruiz"), q("Mark Ruis", article="b")])
    assert [x.speaker.name for x in out] == ["Mark Ruiz", "Mark Ruis"]


def test_short_given_names_a_letter_apart_are_different_people() -> None:
    out = unify_speakers([q("Jon Smith"), q("Joan Smith")])
    assert [x.speaker.name for x in out] == ["Jon Smith", "Joan Smith"]


def test_a_body_named_with_and_without_its_country_is_one_speaker() -> None:
    names = ["U.S. Food and Drug Administration", "Food and Drug Administration", "FDA"]
    out = unify_speakers([q(n, "organization", str(i)) for i, n in enumerate(names)])
    assert {x.speaker.name for x in out} == {names[0]}


def test_a_misspelt_bare_surname_takes_the_one_full_name_a_letter_off() -> None:
    out = unify_speakers([q("Ada Okonkwo"), q("Okonko", article="b")])
    assert [x.speaker.name for x in out] == ["Ada Okonkwo", "Ada Okonkwo"]


def test_a_name_written_without_its_accents_is_the_same_name() -> None:
    quotes = [q("Aleksandar Vučić", article=a) for a in "ab"] + [q("Aleksandar Vucic", article="c")]
    assert {x.speaker.name for x in unify_speakers(quotes)} == {"Aleksandar Vučić"}


def test_an_organisation_written_in_lower_case_joins_its_capitalised_name() -> None:
    low, capitalised = "Valerian foreign ministry", "Valerian Foreign Ministry"
    out = unify_speakers(
        [q(low, "organization"), q(low, "organization"), q(capitalised, "organization", "b")]
    )
    assert {x.speaker.name for x in out} == {capitalised}


def test_a_legal_form_after_a_company_name_is_the_same_company() -> None:
    names = ["Tosa Kisen Kaisha", "Tosa Kisen Kaisha", "Tosa Kisen Kaisha Ltd", "Tosa Kisen"]
    out = unify_speakers([q(n, "organization", str(i)) for i, n in enumerate(names)])
    assert {x.speaker.name for x in out} == {"Tosa Kisen Kaisha"}


def test_an_organisation_one_letter_off_another_is_that_organisation() -> None:
    full = "Guild of Motion Picture Arts"
    out = unify_speakers(
        [q(full, "organization"), q("Guild of Motion Pictures Arts", "organization")]
    )
    assert {x.speaker.name for x in out} == {full}


def test_a_group_written_with_either_apostrophe_is_one_group() -> None:
    out = unify_speakers([q("Vane's lawyers", "group"), q("Vane’s lawyers", "group", "b")])
    assert len({x.speaker.name for x in out}) == 1


def test_a_one_word_name_an_article_knows_as_an_organisation_is_one_everywhere() -> None:
    out = unify_speakers([q("Corvex", "organization"), q("Corvex", article="b"), q("Okafor")])
    assert [(x.speaker.name, x.speaker.kind) for x in out] == [
        ("Corvex", "organization"),
        ("Corvex", "organization"),
        ("Okafor", "person"),
    ]


def test_quotes_sharing_one_speaker_count_each_for_a_misspellings_ratio() -> None:
    often = Speaker("Mark Ruiz")  # a stored corpus's quotes hold one Speaker per name
    quotes = [Quote(a, "words", 0, 5, speaker=often) for a in ("a", "b")]
    out = unify_speakers([*quotes, q("Mark Ruis", article="c")])
    assert [x.speaker.name for x in out] == ["Mark Ruiz"] * 3


def test_quotes_sharing_one_speaker_name_its_articles_for_a_misspelling() -> None:
    shared = Speaker("Mark Ruis")  # in article c too, beside the name it misspells
    quotes = [Quote(a, "words", 0, 5, speaker=shared) for a in ("b", "f", "c")]
    out = unify_speakers([*quotes, *(q("Mark Ruiz", article=a) for a in "cdeg")])
    assert {x.speaker.name for x in out} == {"Mark Ruiz"}
