"""Group the same quotation across articles and trace how it travelled."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from quotes.model import Article, Cluster, Quote


def cluster_quotes(quotes: Sequence[Quote], articles: Mapping[str, Article]) -> list[Cluster]:
    """One Cluster per distinct quotation, with canonical text, first appearance and provenance."""
    return []
