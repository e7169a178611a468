"""Find quotations in an article and attribute each to its speaker."""

from __future__ import annotations

from quotes.model import Article, Citation, Quote


def extract_quotes(article: Article) -> list[Quote]:
    """Every quotation in the article, in text order, with its speaker resolved when possible."""
    return []


def extract_citations(article: Article) -> list[Citation]:
    """Every outlet the article credits as a source."""
    return []
