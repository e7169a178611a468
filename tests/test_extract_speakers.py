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


def test_a_lone_acronym_is_left_alone() -> None:
    out = unify_speakers([q("ICE", "organization"), q("Intercity Express", "organization")])
    assert [x.speaker.name for x in out] == ["ICE", "Intercity Express"]
