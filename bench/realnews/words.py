"""Quotes as the gold guidelines compare them: lowercased word lists after NFKC, marks unified."""

from __future__ import annotations

import unicodedata

from bench.score import WORD


def words(text: str) -> list[str]:
    """The words of a quote: NFKC, lowercased, every apostrophe written '."""
    plain = unicodedata.normalize("NFKC", text).lower().replace("’", "'").replace("‘", "'")
    return WORD.findall(plain)
