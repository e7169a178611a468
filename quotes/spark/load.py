"""Load a distributed build's Parquet tables into the SQLite database Datasette publishes.

Needs pyarrow only (no Spark). Articles go through save_articles as a build's do; the derived
tables are replaced by the Parquet rows (ids as Spark computed them, equal to a single-machine
build's), then indexes, search and views are made by the same function as a build's.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotes import db as store
from quotes.dbfile import WAIT_SECONDS, writing
from quotes.model import Article, Problem
from quotes.stored_clusters import CLUSTERS


@dataclass
class Filters:
    """Which articles to load (None: all); the rest of the tables follow their articles."""

    outlets: Collection[str] | None = None
    since: str | None = None  # first day, ISO
    until: str | None = None  # last day, ISO (inclusive)

    def keeps(self, article: dict[str, Any]) -> bool:
        published = article.get("published") or ""
        if self.outlets is not None and article.get("outlet") not in self.outlets:
            return False
        if self.since and not (published and published[:10] >= self.since):
            return False
        return not (self.until and not (published and published[:10] <= self.until))


@dataclass
class LoadReport:
    tables: dict[str, int] = field(default_factory=dict)  # rows loaded per table


def read_table(folder: Path, name: str) -> list[dict[str, Any]]:
    """Every row of one table (a folder of Parquet files), or none when it was not written."""
    import pyarrow.parquet as pq

    path = folder / name
    if not path.exists():
        return []
    return pq.read_table(path).to_pylist()


def load_parquet(
    folder: Path, db_path: Path, filters: Filters | None = None, wait: float = WAIT_SECONDS
) -> LoadReport:
    """Load the tables under `folder` (all, or the articles `filters` keeps, and what belongs to
    them) into the database, in one transaction."""
    filters = filters or Filters()
    articles = [a for a in read_table(folder, "articles") if filters.keeps(a)]
    kept = {a["id"] for a in articles}
    quotes = [q for q in read_table(folder, "quotes") if q["article_id"] in kept]
    quote_ids = {q["id"] for q in quotes}
    cluster_ids = {q["cluster_id"] for q in quotes}
    clusters = [c for c in read_table(folder, "clusters") if c["id"] in cluster_ids]
    speaker_ids = {r["speaker_id"] for r in quotes + clusters}
    rows = {
        "speakers": [s for s in read_table(folder, "speakers") if s["id"] in speaker_ids],
        "quotes": quotes,
        "clusters": clusters,
        "alterations": [a for a in read_table(folder, "alterations") if a["quote_id"] in quote_ids],
        "provenance": [p for p in read_table(folder, "provenance") if p["quote_id"] in quote_ids],
        "citations": [c for c in read_table(folder, "citations") if c["article_id"] in kept],
    }
    problems = read_table(folder, "problems")
    report = LoadReport({"articles": len(articles)} | {k: len(v) for k, v in rows.items()})
    with writing(Path(db_path), wait) as db:
        store.save_articles(db, (Article(**a) for a in articles))
        store.clear_derived(db)
        db.table(CLUSTERS).drop(ignore=True)  # its fingerprints name rows no longer there
        store.create_derived_tables(db)
        for name, (_, pk) in store.TABLES.items():
            if rows.get(name):
                db.table(name).insert_all(rows[name], pk=pk, replace=pk is not None)
        store.ensure_db_shape(db)
        build = problems[0]["build"] if problems else None
        store.save_problems(
            db, (Problem(p["source"], p["message"]) for p in problems), frozenset(), build
        )
    return report
