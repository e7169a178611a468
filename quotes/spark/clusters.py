"""Clusters on the cluster: the single-machine cluster_quotes run on each connected component's
quotes, so verification, union, provenance, alterations and edges are the same functions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from quotes.cluster import cluster_quotes
from quotes.db import cluster_row
from quotes.model import Article, Citation, Quote, Speaker
from quotes.spark.keys import counts_of

# What the grouped UDF returns: a table name and one row of it as JSON.
OUTPUT_SCHEMA = "table string, row string"


def quote_of(row: dict[str, Any]) -> Quote:
    """The Quote a row of the quotes DataFrame describes."""
    speaker = (
        Speaker(row["speaker_name"], row["speaker_kind"], row["speaker_description"])
        if row["speaker_name"] is not None
        else None
    )
    return Quote(
        row["article_id"], row["text"], int(row["start"]), int(row["end"]), row["kind"],
        speaker, row["cue"], row["credit"], row["rule"],
    )  # fmt: skip


def inputs_of(
    rows: list[dict[str, Any]],
) -> tuple[list[Quote], dict[str, Article], list[Citation]]:
    """The quotes of a part's rows, their articles (id, outlet and date) and what they credit."""
    articles: dict[str, Article] = {}
    citations: list[Citation] = []
    for r in rows:
        if r["article_id"] not in articles:
            articles[r["article_id"]] = Article(
                r["article_id"], "", outlet=r["outlet"], published=r["published"]
            )
            citations += [Citation(r["article_id"], o, "", 0, 0) for o in r["credits"] or ()]
    return [quote_of(r) for r in rows], articles, citations


def cluster_rows(rows: list[dict[str, Any]]) -> Iterator[tuple[str, str]]:
    """(table, JSON row) for one component's quotes (with their article's published, outlet and
    credited outlets): cluster membership, clusters, alterations and provenance."""
    quotes, articles, citations = inputs_of(rows)
    by_id = {q.id: q for q in quotes}
    counts = counts_of(rows)  # the corpus's, for this component's wordings
    for c in cluster_quotes(quotes, articles, citations, counts):
        for qid in c.quote_ids:
            yield "members", json.dumps({"quote_id": qid, "cluster_id": c.id})
        speaker = {
            "speaker_name": c.speaker.name if c.speaker else None,
            "speaker_kind": c.speaker.kind if c.speaker else None,
            "speaker_description": c.speaker.description if c.speaker else None,
        }
        yield "clusters", json.dumps(cluster_row(c, by_id) | speaker)
        for a in c.alterations:
            yield "alterations", json.dumps(asdict(a))
        for e in c.edges:
            yield "provenance", json.dumps(asdict(e))


def cluster_component(pdf: Any) -> Any:
    """applyInPandas: one part's quotes in, its rows of every clustering table out."""
    import pandas as pd

    out = list(cluster_rows(records(pdf)))
    return pd.DataFrame(out, columns=["table", "row"])


def records(pdf: Any) -> list[dict[str, Any]]:
    """A pandas group's rows as plain Python dicts."""
    return [{k: _plain(v) for k, v in r.items()} for r in pdf.to_dict("records")]


def _plain(value: Any) -> Any:
    """A pandas cell as Python: missing values (None or NaN) as None, arrays as lists."""
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "tolist"):
        return value.tolist()
    return value
