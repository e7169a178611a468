"""Small news articles written for the tests, each with its expected quotations beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes.extract import extract_quotes
from quotes.model import Article
from tests.conftest import FIXTURES

ARTICLES = sorted(FIXTURES.glob("extract.*.txt"))


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_fixture_article_gives_its_expected_quotes(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    found = []
    for q in extract_quotes(Article(id=path.stem, text=path.read_text(encoding="utf-8"))):
        row = {"text": q.text, "kind": q.kind, "speaker": q.speaker.name if q.speaker else None}
        if q.speaker:
            row["speaker_kind"] = q.speaker.kind
        found.append(row)
    assert found == expected
