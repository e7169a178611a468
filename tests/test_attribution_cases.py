"""Speaker attribution, one behaviour per row of tests/cases/attribution.tsv."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.extract import extract_quotes
from tests.conftest import article

CASES = Path(__file__).resolve().parent / "cases" / "attribution.tsv"


def _rows() -> list[tuple[str, str, str, str, str]]:
    rows = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, text, quote, speaker, kind = (line.split("\t") + ["", ""])[:5]
        rows.append((name, text.replace("\\n", "\n"), quote, speaker, kind))
    return rows


@pytest.mark.parametrize(
    ("name", "text", "quote", "speaker", "kind"), _rows(), ids=[r[0] for r in _rows()]
)
def test_case(name: str, text: str, quote: str, speaker: str, kind: str) -> None:
    found = [q for q in extract_quotes(article(text)) if q.text.lstrip("\"“‘'").startswith(quote)]
    assert found, f"{name}: no quotation starting {quote!r}"
    got = found[0].speaker
    assert ((got.name, got.kind) if got else ("", "")) == (speaker, kind), name
