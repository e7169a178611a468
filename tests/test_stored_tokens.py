"""A build keeps each quoted text's tokens, so the next tokenises only texts it has not seen."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from quotes.cluster import normalise
from quotes.cluster.normalise import tokenise
from quotes.pipeline import build
from quotes.stored_tokens import TABLE, load_tokens, save_tokens

TEXTS = [
    "We will [not] look at it … again, the U.S. said",
    "Don’t ask (...) me",
    "",
    "“Ça va” — naïve café",
]


def test_stored_tokens_load_as_tokenising_the_text_again_gives_them(tmp_path: Path) -> None:
    db = Database(tmp_path / "t.db")
    made = {t: tokenise(t) for t in TEXTS}
    save_tokens(db, TEXTS, made, ())
    loaded = load_tokens(db)
    assert loaded == made
    assert all(type(loaded[t].bracketed) is frozenset for t in TEXTS)


def test_saving_tokens_drops_the_texts_no_longer_quoted(tmp_path: Path) -> None:
    db = Database(tmp_path / "t.db")
    save_tokens(db, TEXTS, {t: tokenise(t) for t in TEXTS}, ())
    save_tokens(db, TEXTS[:2], load_tokens(db), TEXTS)
    assert set(load_tokens(db)) == set(TEXTS[:2])


def _story(tmp_path: Path, name: str, said: str) -> Path:
    path = tmp_path / "news" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(f'The council met on Monday.\n\n"{said}," the mayor said.\n')
    return path


def test_a_build_tokenises_only_the_texts_no_build_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _story(tmp_path, "a.txt", "We will look at the budget again before the spring")
    build([tmp_path / "news"], tmp_path / "quotes.db")
    _story(tmp_path, "b.txt", "The bridge will be rebuilt by the end of the year")
    seen: list[str] = []
    real = normalise.tokenise

    def counted(text: str) -> normalise.Tokens:
        seen.append(text)
        return real(text)

    monkeypatch.setattr("quotes.cluster.tokenise", counted)
    build([tmp_path / "news"], tmp_path / "quotes.db")
    assert seen == ["The bridge will be rebuilt by the end of the year,"]
    stored = {t for (t,) in Database(tmp_path / "quotes.db").execute(f"select text from {TABLE}")}
    assert stored == {
        "We will look at the budget again before the spring,",
        "The bridge will be rebuilt by the end of the year,",
    }
