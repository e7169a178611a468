"""quotes: a quote provenance tracker. The pipeline's public functions, usable without the CLI.

They are imported when first asked for (PEP 562), so a command that only extracts, or a module
imported on its own (quotes.extract), does not pay for clustering and the database."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quotes.cluster import cluster_quotes
    from quotes.extract import extract_citations, extract_quotes
    from quotes.ingest import read_articles
    from quotes.model import Alteration, Article, Citation, Cluster, Edge, Problem, Quote, Speaker
    from quotes.pipeline import analyse, build

_HOMES = {
    "Alteration": "quotes.model",
    "Article": "quotes.model",
    "Citation": "quotes.model",
    "Cluster": "quotes.model",
    "Edge": "quotes.model",
    "Problem": "quotes.model",
    "Quote": "quotes.model",
    "Speaker": "quotes.model",
    "analyse": "quotes.pipeline",
    "build": "quotes.pipeline",
    "cluster_quotes": "quotes.cluster",
    "extract_citations": "quotes.extract",
    "extract_quotes": "quotes.extract",
    "read_articles": "quotes.ingest",
}

__all__ = [
    "Alteration",
    "Article",
    "Citation",
    "Cluster",
    "Edge",
    "Problem",
    "Quote",
    "Speaker",
    "analyse",
    "build",
    "cluster_quotes",
    "extract_citations",
    "extract_quotes",
    "read_articles",
]


def __getattr__(name: str) -> Any:
    """A public function or type, imported from its module on first use."""
    if name not in _HOMES:
        raise AttributeError(f"module 'quotes' has no attribute {name!r}")
    value = getattr(import_module(_HOMES[name]), name)
    globals()[name] = value
    return value
