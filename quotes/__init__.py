"""quotes: a quote provenance tracker. The pipeline's public functions, usable without the CLI."""

from quotes.cluster import cluster_quotes
from quotes.extract import extract_citations, extract_quotes
from quotes.ingest import read_articles
from quotes.model import Alteration, Article, Citation, Cluster, Edge, Problem, Quote, Speaker
from quotes.pipeline import analyse, build

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
