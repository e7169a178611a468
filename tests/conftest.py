"""Shared fixtures: small databases and article builders."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from quotes.model import Article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def fresh_db() -> Database:
    return Database(memory=True)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "quotes.db"


def article(text: str, id: str = "a1", **meta: str | None) -> Article:
    """An article from a few lines of text, for tests that read like the news they check."""
    return Article(id=id, text=text, **meta)
