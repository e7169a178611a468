"""The five seed articles: every quotation found, nothing else, each with its speaker."""

from __future__ import annotations

import json

import pytest

from quotes.extract import extract_quotes
from quotes.model import Article, Quote
from tests.conftest import FIXTURES, SEEDS

EXPECTED = json.loads((FIXTURES / "seeds_expected.json").read_text(encoding="utf-8"))
SOURCES = {d["file"]: d for d in json.loads((SEEDS / "sources.json").read_text(encoding="utf-8"))}


def _extract(name: str) -> list[Quote]:
    meta = SOURCES[name]
    text = (SEEDS / name).read_text(encoding="utf-8")
    return extract_quotes(Article(id=name, text=text, outlet=meta["outlet"], url=meta["url"]))


def _row(q: Quote) -> dict[str, str | None]:
    row: dict[str, str | None] = {"text": q.text, "kind": q.kind, "speaker": None}
    if q.speaker:
        row.update(speaker=q.speaker.name, speaker_kind=q.speaker.kind)
        if q.speaker.description:
            row["description"] = q.speaker.description
    if q.cue:
        row["cue"] = q.cue
    if q.credit:
        row["credit"] = q.credit
    return row


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_quotations_and_speakers_match_the_reading(name: str) -> None:
    assert [_row(q) for q in _extract(name)] == EXPECTED[name]["quotes"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_offsets_point_at_the_quoted_words(name: str) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    for q in _extract(name):
        assert text[q.start : q.end] == q.text


def test_scare_quotes_and_interface_labels_are_not_speech() -> None:
    texts = {q.text.strip(",.") for q in _extract("000_3b4279ba72bf62dd.txt")}
    assert not texts & set(EXPECTED["000_3b4279ba72bf62dd.txt"]["not_speech"])


def test_wrong_direction_opening_mark_is_still_a_quote() -> None:
    (q,) = [q for q in _extract("000_3b4279ba72bf62dd.txt") if q.text.startswith("The use of PPB")]
    assert q.speaker and q.speaker.name == "Danielle Outlaw"
    assert q.speaker.description == "Chief"


def test_one_organisation_has_one_name_across_seeds() -> None:
    letter = "Your current policy forbidding"
    names = {
        q.speaker.name
        for name in (
            "002_af323c7408b160eb.txt",
            "003_b6047d1f9e8a733a.txt",
            "004_6e0aaa9de77e3f83.txt",
        )
        for q in _extract(name)
        if q.text.startswith(letter) and q.speaker
    }
    assert names == {"National Immigration and Customs Enforcement Council"}
