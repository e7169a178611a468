"""The Spark build's keys and pair check are what the single-machine clustering reads."""

from __future__ import annotations

from quotes.cluster.candidates import shingles as coded_shingles
from quotes.cluster.normalise import Vocabulary, tokenise
from quotes.spark import keys

FERRY = "The ferry timetable is a promise we made to every island family this winter."


def test_a_wording_has_one_trigram_for_each_distinct_trigram_the_clusterer_indexes() -> None:
    words = tokenise("We will not stop, we will not stop until the work is done.").words
    code = Vocabulary().encode(words)
    assert len(keys.trigrams(words)) == len(set(coded_shingles(code)))


def test_a_wording_of_three_words_or_fewer_is_its_own_trigram() -> None:
    assert keys.trigrams(("a", "ringleader")) == ["a ringleader"]


def test_two_quotes_differing_only_in_case_and_quote_marks_share_a_wording() -> None:
    a, _ = keys.wording_key("The plan is dead on arrival.", "q1", None)
    b, _ = keys.wording_key("the plan is ‘dead on arrival’", "q2", None)
    assert a == b


def test_a_short_quote_from_a_named_speaker_is_a_wording_of_its_own() -> None:
    a, _ = keys.wording_key("a mistake", "q1", "maria lopez")
    b, _ = keys.wording_key("a mistake", "q2", "john smith")
    assert a != b


def test_a_fragment_may_look_its_holders_up_under_each_content_word_and_its_speaker() -> None:
    probes = {p[3] for p in keys.probes("called it a ringleader", ["maria lopez"])}
    assert "w\x00ringleader" in probes and "s\x00lopez\x00ringleader" in probes
    assert "w\x00a" not in probes  # a function word tells nothing


def test_a_long_wording_looks_nothing_up_by_word() -> None:
    assert list(keys.probes("one two three four five six seven eight nine", [])) == []


def test_a_fragment_marks_the_edge_words_that_may_be_cut_short() -> None:
    stubs = {p[2] for p in keys.probes("a ringleader of the schem", []) if p[4]}
    assert stubs == {"schem"}  # "a" is a function word, and "schem" may be cut from "scheme"
    assert not any(p[4] for p in keys.probes("a ringleader of the scheme.", []))


def row(text: str, speakers: tuple[str, ...] = ()) -> dict[str, object]:
    key, _ = keys.wording_key(text, "q", None)
    return {"key": key, "text": text, "weight": 1, "speakers": speakers, "stock": ()}


def test_a_truncated_copy_links_to_its_quotation_and_an_unrelated_one_does_not() -> None:
    assert keys.pair_linked(row(FERRY), row(FERRY[:50]))
    unrelated = "The school roof has to be finished before the autumn term starts again."
    assert not keys.pair_linked(row(FERRY), row(unrelated))


def test_a_sentence_another_quotation_prints_whole_gives_a_splice_its_run() -> None:
    school = "The school roof has to be finished before the autumn term starts again."
    spliced = row(f"{FERRY} {school}") | {"first_seen": "2024-05-02"}
    more = " It leaks every winter, and the children of the valley deserve far better than that."
    source = row(school + more) | {"first_seen": "2024-05-01"}
    assert keys.pair_gives_run(spliced, source)
    assert not keys.pair_gives_run(spliced, row("The harbour board met on Tuesday evening."))
