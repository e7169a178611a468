"""Find the outlets an article credits as its source ("WWeek reported", "according to Oregon Live")."""

from __future__ import annotations

import regex

from quotes.model import Article, Citation
from quotes.outlets import canonical_outlet

_NAME = r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w.&'’/-]*(?:\s+[A-Z][\w.&'’/-]*){0,5})"
_VERB = r"(?:reported|reports|wrote|writes|first\s+reported)"
_PATTERNS = [
    regex.compile(_NAME + r"\s+" + _VERB + r"\b"),
    regex.compile(r"\baccording\s+to\s+" + _NAME),
]


def extract_citations(article: Article) -> list[Citation]:
    """Every mention of a known outlet credited as a source, in text order."""
    found: dict[tuple[int, int], Citation] = {}
    for pattern in _PATTERNS:
        for m in pattern.finditer(article.text):
            outlet = canonical_outlet(m["name"])
            if outlet and outlet != canonical_outlet(article.outlet or ""):
                found[m.span()] = Citation(article.id, outlet, m[0], m.start(), m.end())
    return [found[k] for k in sorted(found)]
