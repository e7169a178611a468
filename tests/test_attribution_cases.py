"""Speaker attribution, one behaviour per row of tests/cases/attribution.tsv."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.extract import extract_quotes
from tests.conftest import article

CASES = Path(__file__).resolve().parent / "cases" / "attribution.tsv"


def rows() -> list[tuple[str, str, str, str, str, str | None]]:
    """The case file's rows; a row without a rule column does not check the rule."""
    out = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        name, text, quote, speaker, kind = (fields + ["", ""])[:5]
        rule = fields[5] if len(fields) > 5 else None
        out.append((name, text.replace("\\n", "\n"), quote, speaker, kind, rule))
    return out


@pytest.mark.parametrize(
    ("name", "text", "quote", "speaker", "kind", "rule"), rows(), ids=[r[0] for r in rows()]
)
def test_case(name: str, text: str, quote: str, speaker: str, kind: str, rule: str | None) -> None:
    found = [q for q in extract_quotes(article(text)) if q.text.lstrip("\"“‘'").startswith(quote)]
    assert found, f"{name}: no quotation starting {quote!r}"
    got = found[0].speaker
    assert ((got.name, got.kind) if got else ("", "")) == (speaker, kind), name
    if rule is not None:
        assert (found[0].rule or "") == rule, name
