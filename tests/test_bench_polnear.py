"""The PolNeAR benchmark's reader and scorer, on a tiny made-up corpus in PolNeAR's layout."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest

from bench.accuracy import Result, main
from bench.examples import Examples
from bench.polnear import Attribution, Document, PolnearMissing, polnear_dir, read_split
from bench.score import (
    Predicted,
    Scores,
    content_fragments,
    gold_fragments,
    named_surname,
    quoted_fragments,
    score_document,
    speaker_matches,
)

PARK = (
    "Council backs new park\n\n"
    "Senator Jane Ruiz said the plan was “a gift to every family” and “long overdue.”\n\n"
    "“We waited ten years for this,” Ruiz said. “Now the children of Eastside will have a place "
    "to play.\n\n"
    "“And their parents will have a place to rest.”\n\n"
    "Officials said the budget was tight.\n"
)


def at(text: str, words: str, after: str = "") -> tuple[int, int]:
    """Offsets of words in text, searching from the end of `after` when it is given."""
    start = text.index(words, text.index(after) + len(after) if after else 0)
    return start, start + len(words)


def span_of(text: str, first: str, last: str) -> tuple[int, int]:
    """From the start of `first` to the end of the next `last`."""
    start = text.index(first)
    return start, text.index(last, start) + len(last)


def park_ann() -> str:
    """Brat standoff for PARK: two quoted attributions, one with a discontinuous content."""
    spans = {
        "T1": ("Source", [at(PARK, "Senator Jane Ruiz")]),
        "T2": ("Cue", [at(PARK, "said", "Ruiz")]),
        "T3": ("Content", [span_of(PARK, "the plan", "overdue.”")]),
        "T4": ("Source", [at(PARK, "Ruiz", "this,”")]),
        "T5": ("Cue", [at(PARK, "said", "this,” Ruiz")]),
        "T6": (
            "Content",
            [span_of(PARK, "“We waited", "this,”"), span_of(PARK, "“Now", "rest.”")],
        ),
        "T7": ("Source", [at(PARK, "Officials")]),
        "T8": ("Cue", [at(PARK, "said", "Officials")]),
        "T9": ("Content", [at(PARK, "the budget was tight")]),
    }
    lines = [
        f"{tid}\t{kind} {';'.join(f'{s} {e}' for s, e in offsets)}\t"
        + " ".join(PARK[s:e] for s, e in offsets)
        for tid, (kind, offsets) in spans.items()
    ]
    lines += [
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
        "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4 ",
        "E3\tAttribution:T8 Content:T9 Cue:T8 Source:T7",
        "#1\tAnnotatorNotes T3\tchecked",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A PolNeAR-shaped folder with one dev article annotated twice, by ab12 and cd34."""
    for folder in ("text", "attributions"):
        (tmp_path / "data" / "dev" / folder).mkdir(parents=True)
    (tmp_path / "data" / "dev" / "text" / "park.txt").write_text(PARK, encoding="utf-8")
    (tmp_path / "data" / "dev" / "attributions" / "park_ab12.ann").write_text(park_ann())
    (tmp_path / "data" / "dev" / "attributions" / "park_cd34.ann").write_text("")
    return tmp_path


@pytest.fixture
def park(corpus: Path) -> Document:
    return read_split(polnear_dir(str(corpus)), "dev")[0]


def fragments_text(doc: Document) -> list[str]:
    return [doc.text[g.span[0] : g.span[1]] for g in gold_fragments(doc)]


def test_reader_takes_the_first_annotator_and_keeps_discontinuous_contents(park: Document):
    assert park.id == "park"
    assert [a.id for a in park.attributions] == ["E1", "E2", "E3"]
    assert len(park.attributions[1].content) == 2


def test_polnear_dir_accepts_the_data_folder_or_the_environment_variable(corpus, monkeypatch):
    assert polnear_dir(str(corpus / "data")) == corpus / "data"
    monkeypatch.setenv("POLNEAR_DIR", str(corpus))
    assert polnear_dir() == corpus / "data"


def test_missing_corpus_says_where_it_looked_and_how_to_point_at_it(tmp_path: Path):
    with pytest.raises(PolnearMissing, match="POLNEAR_DIR"):
        polnear_dir(str(tmp_path / "nowhere"))


def test_gold_is_the_quoted_fragments_of_contents_with_marks(park: Document):
    assert fragments_text(park) == [
        "a gift to every family",
        "long overdue",
        "We waited ten years for this",
        "Now the children of Eastside will have a place to play.\n\n“And their parents will "
        "have a place to rest",
    ]


def test_closing_mark_without_opener_closes_a_quote_begun_before_the_content():
    text = "He said, “we will build it, and we will pay for it,” to cheers."
    content = (text.index("we will build"), text.index(" to cheers"))
    fragment = quoted_fragments(text, (content,))[0]
    assert text[fragment[0] : fragment[1]] == "we will build it, and we will pay for it"


def test_straight_and_doubled_apostrophe_marks_open_and_close_by_position():
    text = "She called it \"a mess\" and ''a scandal,'' then left."
    fragments = quoted_fragments(text, ((0, len(text)),))
    assert [text[s:e] for s, e in fragments] == ["a mess", "a scandal"]


def test_single_marks_quote_only_where_no_double_mark_does_and_apostrophes_never_do():
    headline = "Mayor Calls Budget ‘Bill’s Folly,’ Vows Veto"
    (fragment,) = content_fragments(headline, ((0, len(headline)),))
    assert headline[fragment[0] : fragment[1]] == "Bill’s Folly"
    body = "“It was ‘a mistake’ from the start,” she said of the voters’ plan."
    (fragment,) = content_fragments(body, ((0, len(body)),))
    assert body[fragment[0] : fragment[1]] == "It was ‘a mistake’ from the start"
    assert content_fragments("the voters’ plan and Jones’ dog", ((0, 31),)) == []


@pytest.mark.parametrize(
    ("source", "surname"),
    [
        ("Senator Jane Ruiz (D-Ore.)", "Ruiz"),
        ("Republican pollster Dan Shaw", "Shaw"),
        ("Martin Luther King Jr.", "King"),
        ("Bill Richardson of New Mexico, a Democrat", "Richardson"),
        ("Ruiz’s", "Ruiz"),
        ("a spokeswoman for Senator Ruiz", None),
        ("the Ruiz campaign", None),
        ("Lee and Ruiz", None),
        ("He", None),
    ],
)
def test_named_surname_keeps_names_and_drops_pronouns_and_nominals(source, surname):
    text = f"{source} said it was fine, and Ruiz agreed."
    assert named_surname(text, (0, len(source))) == surname


def test_a_capitalised_word_opening_a_sentence_is_a_name_only_if_capitalised_elsewhere():
    text = "Officials said no. Democrats said yes, and some Democrats said maybe."
    assert named_surname(text, (0, 9)) is None
    assert named_surname(text, (19, 28)) == "Democrats"


def test_speaker_must_contain_the_surname_as_a_whole_word():
    assert speaker_matches("Ruiz", "Sen. Jane Ruiz")
    assert speaker_matches("O'Neil", "Tom O’Neil")
    assert not speaker_matches("Ruiz", "Ruizma")
    assert not speaker_matches("Ruiz", None)


def predicted(doc: Document, words: str, speaker: str | None, after: str = "") -> Predicted:
    return Predicted(doc.id, at(doc.text, words, after), speaker)


def test_a_prediction_matches_when_it_shares_half_the_words_of_each_side(park: Document):
    near = predicted(park, "a gift to every family” and", "Ruiz")  # 6 words, 5 shared
    too_long = predicted(park, "the plan was “a gift", "Jane Ruiz")  # 5 words, 2 of 2 shared
    scores = Scores()
    score_document(park, [near, too_long], scores)
    assert (scores.predicted, scores.gold, scores.matched) == (2, 4, 1)


def test_the_same_words_elsewhere_in_the_article_do_not_match(park: Document):
    echo = Document("echo", park.text + "\nA gift to every family, said one resident.\n", ())
    elsewhere = predicted(echo, "A gift to every family", None)
    scores = Scores()
    score_document(echo, [elsewhere], scores)
    assert scores.matched == 0


def test_a_quotation_nested_in_another_prediction_is_not_scored(park: Document):
    outer = predicted(park, "Now the children of Eastside will have a place to play", "Ruiz")
    inner = predicted(park, "children of Eastside", "Ruiz")
    scores = Scores()
    scored = score_document(park, [outer, inner], scores)
    assert (scores.predicted, scores.matched, scored.predictions) == (1, 1, [outer])


def test_scores_count_speaker_accuracy_on_named_sources_only(park: Document):
    predictions = [
        predicted(park, "a gift to every family", "Senator Jane Ruiz"),
        predicted(park, "long overdue", "Eastside"),
        predicted(park, "We waited ten years for this", "Ruiz"),
        predicted(park, "the budget was tight", "Officials"),
    ]
    scores = Scores()
    score_document(park, predictions, scores)
    assert (scores.matched, scores.speaker_judged, scores.speaker_right) == (3, 3, 2)
    assert (scores.precision, scores.recall) == (0.75, 0.75)
    assert scores.f1 == pytest.approx(0.75)


def test_error_examples_show_misses_false_positives_and_wrong_speakers_in_context(park):
    predictions = [
        predicted(park, "long overdue", "Eastside"),
        predicted(park, "the budget was tight", "Officials"),
    ]
    scores, examples = Scores(), Examples(5)
    examples.collect(park, score_document(park, predictions, scores))
    shown = "\n".join(examples.chosen())
    assert "-- miss: 3 of 3" in shown
    assert "was “⟦a gift to every family⟧” and" in shown
    assert "Officials said ⟦the budget was tight⟧." in shown
    assert "-- false positive: 1 of 1" in shown
    assert "predicted speaker: 'Eastside'" in shown


def test_results_survive_the_trip_through_json_from_the_textacy_environment():
    result = Result("textacy", Scores(3, 4, 2, 1, 1), 100, 0.5, 1, ["-- miss: 0 of 0"])
    assert Result.from_dict(asdict(result)) == result


def test_benchmark_prints_one_table_and_fails_clearly_without_the_corpus(corpus, capsys):
    assert main(["--polnear", str(corpus), "--tool", "quotes"]) == 0
    out = capsys.readouterr().out
    assert "PolNeAR dev: 1 articles" in out and "4 quoted fragments" in out
    assert out.splitlines()[1].split()[:3] == ["tool", "quote", "P"]
    assert main(["--polnear", str(corpus / "missing")]) == 2
    assert "PolNeAR not found" in capsys.readouterr().err


def test_attribution_without_source_gives_fragments_but_no_speaker_judgement():
    text = "The sign read “No parking here.”"
    attribution = Attribution("E1", (), (), ((14, len(text)),))
    (gold,) = gold_fragments(Document("sign", text, (attribution,)))
    assert (text[gold.span[0] : gold.span[1]], gold.surname) == ("No parking here", None)


def test_speaker_rows_of_a_split_are_listed_with_their_kinds_and_junk(corpus, capsys):
    from bench.speakerrows import main as rows_main

    assert rows_main(["--polnear", str(corpus), "--split", "dev"]) == 0
    out = capsys.readouterr().out
    assert "Jane Ruiz (person)" not in out  # two words: not among the one-word rows
    assert "speaker rows that look like neither a name nor a description: 0" in out
    assert "speaker rows (" in out and "person 1" in out
