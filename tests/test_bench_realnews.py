"""The real-news benchmark: annotation files, gold without page text, scoring and floors, on a
tiny story written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import eval as floors_check
from bench.realnews.__main__ import main as realnews_main
from bench.realnews.corpus import AnnotationError, read_gold, read_working, sha256, to_gold
from bench.realnews.gather import save
from bench.realnews.kinds import judge
from bench.realnews.prefill import quoted_spans
from bench.realnews.scoring import Predicted, dice, matches, score_story, speaker_right
from bench.realnews.speakers import junk
from bench.realnews.words import words

STORY = "ferry-strike"
PAGES = {
    "harbour-gazette": (
        "Ferry crews walk out\n\n"
        "Union leader Mara Quinn said the strike was “the last resort.”\n\n"
        "“We asked for talks for a year. Nobody answered,” Quinn said. "
        "The operator called the walkout “regrettable.”\n"
    ),
    "coast-wire": (
        "“We asked for talks for a year,” union leader Mara Quinn told reporters on the quay.\n\n"
        "Passengers faced a “very long Monday” as the boats stayed in port.\n"
    ),
}


def ann(text: str, kind: str, speaker: str | None, cluster: str | None = None) -> dict:
    accept = [speaker, speaker.split()[-1]] if speaker else []
    return {"text": text, "kind": kind, "speaker": speaker, "accept": accept, "cluster": cluster}


WORKING = {
    "story": STORY,
    "articles": {
        "harbour-gazette": [
            ann("the last resort.", "partial", "Mara Quinn"),
            ann("We asked for talks for a year. Nobody answered,", "direct", "Mara Quinn", "talks"),
            ann("regrettable.", "partial", "operator"),
        ],
        "coast-wire": [
            ann("We asked for talks for a year,", "direct", "Mara Quinn", "talks"),
            ann("very long Monday", "not_speech", None),
        ],
    },
    "clusters": {"talks": "Quinn: we asked for talks for a year"},
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus folder with the story's pages, sidecar and working annotation."""
    folder = tmp_path / "pages" / STORY
    folder.mkdir(parents=True)
    for name, text in PAGES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    sources = [{"file": f"{n}.txt", "url": f"https://example.org/{n}", "outlet": n} for n in PAGES]
    (folder / "sources.json").write_text(json.dumps(sources))
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / f"{STORY}.json").write_text(json.dumps(WORKING))
    return tmp_path


def test_working_annotation_locates_each_quote_in_its_page(corpus):
    story, articles, clusters = read_working(
        corpus / "annotations" / f"{STORY}.json", corpus / "pages"
    )
    gazette = next(a for a in articles if a.id == "harbour-gazette")
    assert story == STORY and clusters == WORKING["clusters"]
    assert [gazette.text[q.start : q.end] for q in gazette.quotes] == [
        q["text"] for q in WORKING["articles"]["harbour-gazette"]
    ]


def test_a_quote_that_is_not_in_the_page_is_an_error(corpus):
    bad = json.loads(json.dumps(WORKING))
    bad["articles"]["coast-wire"][0]["text"] = "We asked politely"
    path = corpus / "bad.json"
    path.write_text(json.dumps(bad))
    with pytest.raises(AnnotationError, match="not found"):
        read_working(path, corpus / "pages")


def test_a_speaker_missing_from_its_accept_list_is_an_error(corpus):
    bad = json.loads(json.dumps(WORKING))
    bad["articles"]["coast-wire"][0]["accept"] = ["Quinn"]
    path = corpus / "bad.json"
    path.write_text(json.dumps(bad))
    with pytest.raises(AnnotationError, match="accept"):
        read_working(path, corpus / "pages")


def test_committed_gold_holds_no_page_text_and_rebuilds_the_quotes(corpus, tmp_path):
    story, articles, clusters = read_working(
        corpus / "annotations" / f"{STORY}.json", corpus / "pages"
    )
    gold = to_gold(story, articles, clusters, ["ferry strike quay"])
    dumped = json.dumps(gold)
    assert "talks for a year" not in dumped and "Nobody answered" not in dumped
    path = tmp_path / "gold.json"
    path.write_text(dumped)
    rebuilt, messages = read_gold(path, corpus / "pages")
    assert messages == []
    assert [q.text for a in rebuilt for q in a.quotes] == [
        q.text for a in articles for q in a.quotes
    ]


def test_a_changed_page_skips_its_article_with_a_message(corpus, tmp_path):
    story, articles, clusters = read_working(
        corpus / "annotations" / f"{STORY}.json", corpus / "pages"
    )
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(to_gold(story, articles, clusters, ["ferry strike quay"])))
    (corpus / "pages" / STORY / "coast-wire.txt").write_text("Something else entirely.")
    rebuilt, messages = read_gold(path, corpus / "pages")
    assert [a.id for a in rebuilt] == ["harbour-gazette"]
    assert "coast-wire" in messages[0] and "changed" in messages[0]


def test_words_ignore_case_and_apostrophe_style():
    assert words("Didn’t WE try?") == words("didn't we try")


def test_short_quotes_match_only_when_equal_and_long_ones_by_dice():
    assert dice(["last", "resort"], ["the", "last", "resort"]) == 0.0
    assert dice(["a", "b", "c", "d"], ["a", "b", "c", "x", "y", "z"]) == 0.6
    assert matches([["a", "b", "c"], ["x", "y", "z"]], [["x", "y", "z"], ["a", "b", "c", "q"]]) == [
        (1, 0),
        (0, 1),
    ]


def test_a_speaker_is_right_by_an_accepted_name_or_a_longer_form_of_one():
    accept = ["Mara Quinn", "Quinn"]
    assert speaker_right("the mara quinn", accept)
    assert speaker_right("Union leader Mara Quinn", accept)
    assert not speaker_right("Ms Quinn", accept)  # one-word names must be equal
    assert not speaker_right(None, accept)


def test_a_story_scores_quotes_speakers_and_clusters(corpus):
    _, articles, _ = read_working(corpus / "annotations" / f"{STORY}.json", corpus / "pages")
    predicted = {
        "harbour-gazette": [
            Predicted(
                "harbour-gazette",
                "We asked for talks for a year. Nobody answered,",
                "Mara Quinn",
                "c1",
            ),
            Predicted("harbour-gazette", "regrettable.", None, None),
        ],
        "coast-wire": [
            Predicted("coast-wire", "We asked for talks for a year,", "reporters", "c1"),
            Predicted("coast-wire", "very long Monday", None, None),
        ],
    }
    result = score_story(STORY, articles, predicted)
    q = result.quotes
    assert (q.gold, q.predicted, q.matched) == (4, 4, 3)  # the scare quote is a false positive
    assert result.not_speech_hits == 1
    assert (q.speaker_judged, q.speaker_right) == (3, 1)
    assert result.bcubed == (1.0, 1.0, 1.0)
    assert [m[1].text for m in result.misses] == ["the last resort."]


def test_junk_speaker_rows_are_neither_names_nor_descriptions():
    rows = [("Mara Quinn", "person"), ("a union spokeswoman", "anonymous"),
            ("Port of Leith Authority", "organization"), ("Brazilian forward", "anonymous"),
            ("31-year-old went to on", "anonymous"), ("PM", "person")]  # fmt: skip
    assert [n for n, _ in junk(rows)] == ["Brazilian forward", "31-year-old went to on", "PM"]


def test_a_description_needs_no_determiner_and_may_have_an_owner_a_complement_or_a_count():
    names = [
        "chief harbour inspector",
        "Mara Quinn's sister",
        "spokesman for the ferry line",
        "Port Authority freshman",
        "Sixty percent of passengers",
        "Coast Wire this winter",
        "Sixty percent of the market",
    ]
    rows = [(n, "anonymous") for n in names]
    assert [n for n, _ in junk(rows)] == ["Coast Wire this winter", "Sixty percent of the market"]


def test_speaker_kinds_are_judged_by_the_table_then_by_the_names_the_gold_accepts(corpus):
    articles, _ = read_gold_of(corpus)
    kinds = {"mara quinn": "person", "operator": "organization", "quinns": "group"}
    rows = [("Mara Quinn", "person"), ("Quinn", "organization"), ("Quinns", "person"),
            ("Harbour Gazette", "outlet")]  # fmt: skip
    judged, wrong = judge(rows, kinds, articles)
    assert judged == 3
    assert wrong == [("Quinn", "organization", "person"), ("Quinns", "person", "group")]


def read_gold_of(corpus: Path) -> tuple[list, list[str]]:
    story, articles, clusters = read_working(
        corpus / "annotations" / f"{STORY}.json", corpus / "pages"
    )
    path = corpus / "gold.json"
    path.write_text(json.dumps(to_gold(story, articles, clusters, [])))
    return read_gold(path, corpus / "pages")


def test_quoted_spans_follow_paragraphs_left_open():
    text = "He said: “One.\n\n“Two.”\n\nShe called it ‘fine’ and it’s done."
    found = [text[s:e] for (s, e), _ in quoted_spans(text)]
    assert found == ["One.", "Two.", "fine"]


def test_benchmark_scores_a_story_built_with_quotes(corpus, tmp_path, capsys, monkeypatch):
    story, articles, clusters = read_working(
        corpus / "annotations" / f"{STORY}.json", corpus / "pages"
    )
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / f"{STORY}.json").write_text(
        json.dumps(to_gold(story, articles, clusters, ["ferry strike quay"]))
    )
    monkeypatch.setattr("bench.realnews.report.GOLD_DIR", gold_dir)
    from bench.realnews import report

    monkeypatch.setattr(report, "gold_files", lambda *_: sorted(gold_dir.glob("*.json")))
    (gold_dir / "speaker-kinds.tsv").write_text(
        f"# story\tname\tkind\n{STORY}\tMara Quinn\tperson\n"
    )
    assert realnews_main(["--realnews", str(corpus), "--gold", str(gold_dir)]) == 0
    out = capsys.readouterr().out
    assert "1 stories, 2 articles, 4 gold quotes" in out
    assert "speaker kinds right: 1.000 (1 of 1 rows" in out
    assert STORY in out and "overall" in out


def test_benchmark_skips_when_the_pages_are_absent(tmp_path, capsys):
    assert realnews_main(["--realnews", str(tmp_path / "nowhere")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_eval_fails_below_a_floor_and_skips_absent_corpora(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(
        floors_check, "measure_polnear", lambda _: ({"polnear/dev": {"quote_f1": 0.9}}, [])
    )
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"polnear/dev": {"quote_f1": 0.95}, "realnews/overall": {}}))
    args = ["--floors", str(floors), "--realnews", str(tmp_path / "nowhere")]
    assert floors_check.main(args) == 1
    out = capsys.readouterr().out
    assert "real news skipped" in out and "BELOW" in out
    floors.write_text(json.dumps({"polnear/dev": {"quote_f1": 0.85}}))
    assert floors_check.main(args) == 0


def test_pinning_sets_floors_just_below_todays_figures():
    pinned = floors_check.pinned({"polnear/dev": {"quote_f1": 0.9444}}, {"old/corpus": {"x": 1.0}})
    assert pinned == {"old/corpus": {"x": 1.0}, "polnear/dev": {"quote_f1": 0.934}}


def audited(corpus: Path, *changes: tuple[str, int, dict]) -> list[str]:
    """The audit's lines for the test story with some quotes' fields changed."""
    from bench.realnews.audit import audit

    articles = {a: [dict(q) for q in qs] for a, qs in WORKING["articles"].items()}
    for article, index, fields in changes:
        articles[article][index].update(fields)
    working = dict(WORKING, articles=articles, clusters={"talks": "", "asked": ""})
    path = corpus / "annotations" / f"{STORY}.json"
    path.write_text(json.dumps(working))
    return audit(STORY, read_working(path, corpus / "pages")[1])


def test_audit_lists_a_piece_of_a_quote_clustered_apart_from_it(corpus):
    lines = audited(corpus, ("coast-wire", 0, {"cluster": "asked"}))
    assert any(line.startswith("[inside] harbour-gazette#1") for line in lines)
    assert any("coast-wire#0 [direct, Mara Quinn, asked]" in line for line in lines)


def test_audit_leaves_out_the_same_words_from_another_speaker(corpus):
    other = {"cluster": "asked", "speaker": "Ferry Operator", "accept": ["Ferry Operator"]}
    lines = audited(corpus, ("coast-wire", 0, other))
    assert not any(line.startswith("[inside]") for line in lines)


def test_audit_lists_a_cluster_whose_members_share_no_words(corpus):
    lines = audited(
        corpus,
        ("harbour-gazette", 0, {"cluster": "talks"}),
        ("harbour-gazette", 1, {"cluster": None}),
    )
    assert "[apart] talks: 2 groups" in lines


def test_gathering_keeps_the_reading_of_an_answer_that_hashes_as_the_gold(tmp_path):
    page = "Mayor Ana Ruiz said the bridge “will open in May”."
    gold = tmp_path / "bridge.json"
    articles = [
        {"file": "a.txt", "url": "https://a.example/bridge", "sha256": sha256(page)},
        {"file": "b.txt", "url": "https://b.example/bridge", "sha256": sha256(page + "!")},
    ]
    gold.write_text(json.dumps({"story": "bridge", "queries": ["bridge"], "articles": articles}))
    answer = {
        "results": [  # the store's copy grew since, and comes back with a tracking parameter
            {"url": "https://a.example/bridge?utm_source=rss", "excerpt": page + " More text\n\n"},
            {"url": "https://b.example/bridge", "excerpt": "An unrelated page."},
            {"url": "https://c.example/other", "excerpt": page},
        ]
    }
    lines = save(gold, [answer], tmp_path / "pages")
    assert (tmp_path / "pages" / "bridge" / "a.txt").read_text() == page
    assert not (tmp_path / "pages" / "bridge" / "b.txt").exists()
    assert "b.txt: no reading of the answer hashes as the gold's page" in lines
    assert lines[-1] == "bridge: 1 of 2 pages; missing: b.txt"
