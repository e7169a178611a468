"""The build: read articles, extract quotes, cluster them, in one transaction on the database."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterable, Iterator, Set
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database
from tqdm import tqdm

from quotes import db as store
from quotes.cluster import Standing, cluster_changed
from quotes.dbfile import WAIT_SECONDS, writing
from quotes.incremental import extract_stored, vanished_files
from quotes.ingest import MAX_ARTICLE_BYTES, merge_copies, read_articles
from quotes.model import Article, Citation, Problem, Quote
from quotes.parallel import extract_each
from quotes.speakers import unify_speakers
from quotes.stored_clusters import StoredClusters, known_clusters, save_cluster_inputs
from quotes.stored_tokens import load_tokens, save_tokens
from quotes.sync import same_shape, save_changes

# SQLite's page cache for a build, in KiB (its default is 2 MiB): a build rewrites rows spread
# over the whole file (one cluster's quotes, their views' rows and indexes), and with a small
# cache each write reads its pages again, several times over in a large transaction.
CACHE_KIB = 256 * 1024
# Allocations between two collections of the youngest generation during a build (Python's
# default is 700): a build holds millions of objects for its whole run (articles, quotes,
# tokens, rows) and few cycles, and each collection of the oldest generation traverses them all.
GC_ALLOCATIONS = 50_000


@dataclass
class BuildReport:
    """What a build did, for the CLI to print and tests to check."""

    build: str = ""  # when it started (UTC, ISO): the stamp on the problems it found
    articles_read: int = 0
    articles_total: int = 0
    quotes: int = 0
    clusters: int = 0
    clusters_computed: int = 0  # clusters whose inputs changed: the others kept their rows
    problems: list[Problem] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # per stage, in the order run
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds per stage, workers' too


@contextmanager
def _stage(report: BuildReport, name: str) -> Iterator[None]:
    """Time one stage of the build into the report: wall clock, and CPU time, which other work
    on a shared machine does not inflate."""
    start, cpu = time.perf_counter(), _cpu_seconds()
    yield
    report.seconds[name] = time.perf_counter() - start
    report.cpu[name] = _cpu_seconds() - cpu
    gc.freeze()  # what a stage leaves mostly lives to the end: no collection traverses it again


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the extraction pool's workers)."""
    spent = os.times()
    return spent.user + spent.system + spent.children_user + spent.children_system


@contextmanager
def long_lived() -> Iterator[None]:
    """Collect garbage rarely during a build, as its objects live to its end (see _stage)."""
    threshold = gc.get_threshold()
    gc.set_threshold(GC_ALLOCATIONS, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def analyse(
    articles: Iterable[Article],
    progress: bool = False,
    db: Database | None = None,
    read: Set[str] | None = None,
) -> tuple[list[Quote], list[Citation], list[Problem]]:
    """Extract quotes and citations (on all cores for a large batch; with `db`, only for the
    articles it has not stored, looking for changes among those `read` when given); one
    article's failure never stops the rest."""
    quotes: list[Quote] = []
    citations: list[Citation] = []
    problems: list[Problem] = []
    batch = list(articles)
    results = (
        extract_stored(db, batch, progress, read)
        if db is not None
        else extract_each(batch, progress)
    )
    for found, cited, problem in results:
        if problem is not None:
            problems.append(problem)
        quotes.extend(found)
        citations.extend(cited)
    return unify_speakers(quotes), citations, problems


def build(
    inputs: Iterable[str | Path],
    db_path: str | Path,
    progress: bool = False,
    max_bytes: int = MAX_ARTICLE_BYTES,
    wait: float = WAIT_SECONDS,
) -> BuildReport:
    """Add the articles under `inputs` to the database and recompute everything derived.

    All of it is one transaction on the database (quotes/dbfile.py): readers see the last
    committed build until this one commits, and a failed or killed build changes nothing.
    """
    report = BuildReport(build=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    with long_lived(), writing(Path(db_path), wait) as db:
        db.execute(f"pragma cache_size = -{CACHE_KIB}")
        _build(db, inputs, report, progress, max_bytes)
    return report


def _build(
    db: Database,
    inputs: Iterable[str | Path],
    report: BuildReport,
    progress: bool,
    max_bytes: int,
) -> None:
    inputs = list(inputs)
    with _stage(report, "reading"):
        files_read = vanished_files(db, inputs)
        read: dict[str, Article] = {}
        items = read_articles(inputs, files_read, max_bytes)
        for item in tqdm(items, desc="reading", unit=" items", disable=not progress):
            if isinstance(item, Problem):
                report.problems.append(item)
            else:  # the same article from several inputs is stored once
                read[item.id] = merge_copies(read.get(item.id), item)
        report.articles_read = len(read)
        changed = store.save_articles(db, read.values(), files_read)
        articles = store.load_articles(db)  # without their texts, read when extracted
        report.articles_total = len(articles)
    with _stage(report, "extracting"):
        quotes, citations, problems = analyse(articles, progress, db, read.keys())
        report.problems.extend(problems)
    with (
        _stage(report, "clustering"),
        tqdm(total=1, desc="clustering", unit=" corpus", disable=not progress) as bar,
    ):
        stored = StoredClusters(db) if same_shape(db) else None
        known = known_clusters(db) if stored else {}
        tokens = load_tokens(db)
        tokenised = set(tokens)
        computed, kept = cluster_changed(
            quotes, {a.id: a for a in articles}, citations, known, stored, tokens
        )
        bar.update()
    with _stage(report, "saving"):
        clusters = [c for _, c, _, _ in computed]
        stand = Standing(
            frozenset().union(*(s.rows for *_, s in computed)),
            frozenset().union(*(s.edges for *_, s in computed)),
        )
        save_changes(db, quotes, clusters, kept, citations, changed, progress, stand)
        save_cluster_inputs(db, [(p, c.id, t) for p, c, t, _ in computed], kept)
        save_tokens(db, {q.text for q in quotes}, tokens, tokenised)
        store.save_problems(db, report.problems, files_read, report.build)
    report.quotes = len(quotes)
    report.clusters = len(computed) + len(kept)
    report.clusters_computed = len(computed)
