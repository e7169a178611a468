"""Find quotations in an article and attribute each to its speaker."""

from __future__ import annotations

from quotes.extract.citations import extract_citations
from quotes.model import Article, Quote

__all__ = ["extract_citations", "extract_quotes"]


def extract_quotes(article: Article) -> list[Quote]:
    """Every quotation in the article, in text order, with its speaker resolved when possible."""
    return []
