"""The build: read articles, extract quotes, cluster them, and swap in a new database atomically."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database
from tqdm import tqdm

from quotes import db as store
from quotes.cluster import cluster_quotes
from quotes.extract import extract_citations, extract_quotes
from quotes.ingest import read_articles
from quotes.model import Article, Citation, Problem, Quote
from quotes.speakers import unify_speakers


@dataclass
class BuildReport:
    """What a build did, for the CLI to print and tests to check."""

    articles_read: int = 0
    articles_total: int = 0
    quotes: int = 0
    clusters: int = 0
    problems: list[Problem] = field(default_factory=list)


def analyse(
    articles: Iterable[Article], progress: bool = False
) -> tuple[list[Quote], list[Citation], list[Problem]]:
    """Extract quotes and citations; one article's failure never stops the rest."""
    quotes: list[Quote] = []
    citations: list[Citation] = []
    problems: list[Problem] = []
    for article in tqdm(articles, desc="extracting", unit=" articles", disable=not progress):
        try:
            cited = extract_citations(article)
            found = extract_quotes(article, cited)
        except Exception as exc:  # noqa: BLE001 - a bug on one article must not sink the corpus
            problems.append(Problem(article.source or article.id, f"extraction failed: {exc!r}"))
            continue
        quotes.extend(found)
        citations.extend(cited)
    return unify_speakers(quotes), citations, problems


def build(inputs: Iterable[str | Path], db_path: str | Path, progress: bool = False) -> BuildReport:
    """Add the articles under `inputs` to the database and recompute everything derived.

    The work happens on a copy that replaces the database only when complete, so a failed
    build leaves the last good database in place.
    """
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(db_path.name + ".tmp")
    if db_path.exists():
        shutil.copyfile(db_path, tmp)
    elif tmp.exists():
        tmp.unlink()
    report = BuildReport()
    try:
        db = Database(tmp)
        new_articles: list[Article] = []
        for item in read_articles(inputs):
            if isinstance(item, Problem):
                report.problems.append(item)
            else:
                new_articles.append(item)
        report.articles_read = len(new_articles)
        store.save_articles(db, new_articles)
        articles = store.load_articles(db)
        report.articles_total = len(articles)
        quotes, citations, problems = analyse(articles, progress)
        report.problems.extend(problems)
        clusters = cluster_quotes(quotes, {a.id: a for a in articles}, citations)
        store.clear_derived(db)
        store.save_quotes(db, quotes, clusters)
        store.save_citations(db, citations)
        store.save_problems(db, report.problems, fixed={a.source for a in new_articles})
        store.ensure_db_shape(db)
        db.close()
        os.replace(tmp, db_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    report.quotes = len(quotes)
    report.clusters = len(clusters)
    return report
