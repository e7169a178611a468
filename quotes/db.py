"""Write the pipeline's results to SQLite; the table and column names are a public interface."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence, Set
from dataclasses import asdict
from typing import Any

from sqlite_utils import Database
from tqdm import tqdm

from quotes.ingest import file_of, fill_missing
from quotes.model import Article, Citation, Cluster, Problem, Quote, Speaker
from quotes.outlets import outlet_name
from quotes.views import (
    CHUNK,
    NON_PERSONAL_SPEAKERS,
    VIEWS,
    create_tables,
    save_view_rows,
    sql_list,
    where_in,
)
from quotes.views import TABLES as VIEW_TABLES

# Every place an outlet is named, so each spelling can be mapped to one name.
OUTLET_NAMES_SQL = """
select outlet from articles union select outlet from citations union select credit from quotes
union select name from speakers where kind = 'outlet'
"""

# The derived tables: columns and primary key. Their meaning is in quotes/metadata.yml.
TABLES: dict[str, tuple[dict[str, type], str | tuple[str, ...] | None]] = {
    "speakers": ({"id": int, "name": str, "kind": str, "description": str}, "id"),
    "clusters": (
        {
            "id": str, "canonical_text": str, "speaker_id": int, "canonical_quote_id": str,
            "first_quote_id": str, "first_article_id": str, "first_published": str,
            "first_tied": int, "quote_count": int, "article_count": int,
        },
        "id",
    ),
    "quotes": (
        {
            "id": str, "article_id": str, "speaker_id": int, "text": str, "start": int,
            "end": int, "kind": str, "cue": str, "credit": str, "rule": str, "cluster_id": str,
        },
        "id",
    ),
    "alterations": (
        {
            "quote_id": str, "op": str, "canonical": str, "variant": str, "canonical_start": int,
            "canonical_end": int, "variant_start": int, "variant_end": int,
        },
        None,
    ),
    "provenance": (
        {
            "quote_id": str, "source_quote_id": str, "evidence": str, "confidence": float,
            "kind": str,
        },
        ("quote_id", "source_quote_id"),
    ),
    "citations": (
        {"article_id": str, "outlet": str, "text": str, "start": int, "end": int},
        None,
    ),
    "outlets": ({"name": str, "canonical": str}, "name"),
    # Each cluster's personal speakers, in how many of its articles, and one of them: what
    # possible_misattributions compares a quote with (see save_cluster_speakers).
    "cluster_speakers": (
        {"cluster_id": str, "speaker_id": int, "name": str, "articles": int, "article_id": str},
        ("cluster_id", "speaker_id"),
    ),
    # How many outlets printed each cluster, so the widest spread is read from an index.
    "cluster_outlets": (
        {"cluster_id": str, "outlet_count": int, "outlet_names": str, "quote_count": int},
        "cluster_id",
    ),
    **VIEW_TABLES,
}  # fmt: skip


# Tables rebuilt from the articles on every build: they are derived, never edited by hand.
DERIVED_TABLES = list(TABLES)

FTS_CONFIG = {
    "quotes": ["text"],
    "articles": ["title", "text"],
}

# Indexes the views, canned queries and Datasette's table pages read (in order, or for
# their facets), so none of them scans the articles' text or sorts every quote.
INDEXES = {
    "idx_articles_by_date": "articles ((published is null), published, id, outlet)",
    "idx_articles_published": "articles (published)",
    "idx_articles_outlet": "articles (id, outlet, published)",  # covers look-ups by id
    "idx_articles_by_outlet": "articles (outlet)",  # counts and facets of outlets
    "idx_quotes_kind": "quotes (kind)",
    "idx_quotes_by_speaker": "quotes (speaker_id, cluster_id, article_id)",
    "idx_cluster_outlets_spread": (
        "cluster_outlets (outlet_count desc, quote_count desc, cluster_id)"
    ),
}

FOREIGN_KEYS = [
    ("quotes", "article_id", "articles", "id"),
    ("quotes", "speaker_id", "speakers", "id"),
    ("quotes", "cluster_id", "clusters", "id"),
    ("clusters", "speaker_id", "speakers", "id"),
    ("clusters", "canonical_quote_id", "quotes", "id"),
    ("clusters", "first_quote_id", "quotes", "id"),
    ("clusters", "first_article_id", "articles", "id"),
    ("alterations", "quote_id", "quotes", "id"),
    ("provenance", "quote_id", "quotes", "id"),
    ("provenance", "source_quote_id", "quotes", "id"),
    ("citations", "article_id", "articles", "id"),
]


def save_articles(
    db: Database, articles: Iterable[Article], files_read: Set[str] = frozenset()
) -> set[str]:
    """Insert or update articles by id; drop those their re-read file no longer holds. Gives
    the ids of the articles added, changed or dropped (an unchanged one is not written again).

    A copy already stored gives the new one any metadata the new one lacks. An article whose
    source is a file read again in this build, and not found in it, was deleted or edited away.
    """
    columns = {name: str for name in Article.__dataclass_fields__}
    table = db.table("articles")
    table.create(columns, pk="id", if_not_exists=True)
    merged = {a.id: a for a in articles}
    ids = list(merged)
    read = set(ids)
    for chunk in range(0, len(ids), CHUNK):
        some = ids[chunk : chunk + CHUNK]
        for row in table.rows_where(f"id in ({', '.join('?' * len(some))})", some):
            stored = _article(row)
            merged[stored.id] = fill_missing(merged[stored.id], stored)
            if merged[stored.id] == stored:
                del merged[stored.id]
    stale = [
        row[0]
        for row in db.execute("select id, source from articles").fetchall()
        if row[0] not in read and row[1] is not None and file_of(row[1]) in files_read
    ]
    for chunk in range(0, len(stale), CHUNK):
        ids = stale[chunk : chunk + CHUNK]
        table.delete_where(f"id in ({', '.join('?' * len(ids))})", ids)
    table.insert_all((a.as_dict() for a in merged.values()), pk="id", replace=True)
    return set(merged) | set(stale)


def save_problems(
    db: Database,
    problems: Iterable[Problem],
    files_read: Set[str] = frozenset(),
    build: str | None = None,
) -> None:
    """Record this build's problems, stamped with it, replacing those of inputs it read again.

    Every stored article is analysed again by each build, so their old problems go too: a file
    or article that now reads fine leaves no problem behind.
    """
    table = db.table("problems")
    table.create({"source": str, "message": str, "build": str}, pk="source", if_not_exists=True)
    if "build" not in table.columns_dict:  # a database from before problems were stamped
        table.add_column("build", str)
    analysed = {row[0] for row in db.execute("select source from articles").fetchall()}
    stale = [
        row[0]
        for row in db.execute("select source from problems").fetchall()
        if file_of(row[0]) in files_read or row[0] in analysed
    ]
    for chunk in range(0, len(stale), CHUNK):
        sources = stale[chunk : chunk + CHUNK]
        table.delete_where(f"source in ({', '.join('?' * len(sources))})", sources)
    table.insert_all(({**p.as_dict(), "build": build} for p in problems), pk="source", replace=True)


def load_articles(db: Database) -> list[Article]:
    """Every article stored so far, the corpus the derived tables are computed from, each with
    an empty text: clustering reads only their metadata, extraction the texts it needs
    (article_texts), so a day's build does not read the whole archive's text."""
    if "articles" not in db.table_names():
        return []
    columns = [c for c in db["articles"].columns_dict if c != "text"]
    listed = ", ".join(f"[{c}]" for c in columns)
    rows = db.execute(f"select {listed} from articles")
    return [_article({"text": "", **dict(zip(columns, row, strict=True))}) for row in rows]


def article_texts(db: Database, ids: Collection[str]) -> dict[str, str]:
    """The stored texts of these articles, by id."""
    out: dict[str, str] = {}
    for where, chunk in where_in("id", ids):
        out.update(db.execute(f"select id, text from articles where {where}", chunk).fetchall())
    return out


def _article(row: dict[str, Any]) -> Article:
    """An Article from its row, ignoring any column a later version added."""
    return Article(**{k: v for k, v in row.items() if k in Article.__dataclass_fields__})


def clear_derived(db: Database) -> None:
    """Drop the derived tables and views so a build recomputes them from all articles."""
    for view in VIEWS:
        db.execute(f"drop view if exists [{view}]")
    for table in DERIVED_TABLES:
        if table in db.table_names():
            if db.table(table).detect_fts():
                db.table(table).disable_fts()
            db[table].drop()


def save_all(
    db: Database,
    quotes: Sequence[Quote],
    clusters: Sequence[Cluster],
    citations: Sequence[Citation],
    progress: bool = False,
) -> None:
    """Replace every derived table with this build's results, then indexes, search and views."""
    steps = [
        lambda: clear_derived(db),
        lambda: save_quotes(db, quotes, clusters),
        lambda: save_citations(db, citations),
        lambda: ensure_db_shape(db),
    ]
    for step in tqdm(steps, desc="saving", unit=" steps", disable=not progress):
        step()


def cluster_row(c: Cluster, by_id: Mapping[str, Quote]) -> dict[str, Any]:
    """A cluster's columns but its speaker's id, from its members (`by_id` holds them)."""
    first = c.first_quote_ids[0] if c.first_quote_ids else None
    return {
        "id": c.id,
        "canonical_text": c.canonical_text,
        "canonical_quote_id": c.canonical_quote_id,
        "first_quote_id": first,
        "first_article_id": by_id[first].article_id if first else None,
        "first_published": c.first_published,
        "first_tied": int(len(c.first_quote_ids) > 1),
        "quote_count": len(c.quote_ids),
        "article_count": len({by_id[i].article_id for i in c.quote_ids}),
    }


def save_quotes(db: Database, quotes: Sequence[Quote], clusters: Sequence[Cluster]) -> None:
    """Write speakers, quotes, clusters and their provenance."""
    create_derived_tables(db)
    speaker_ids = save_speakers(db, [q.speaker for q in quotes] + [c.speaker for c in clusters])

    def speaker_id(speaker: Speaker | None) -> int | None:
        return speaker_ids[(speaker.name, speaker.kind)] if speaker else None

    cluster_of = {qid: c.id for c in clusters for qid in c.quote_ids}
    db.table("quotes").insert_all(
        (quote_row(q, speaker_id(q.speaker), cluster_of.get(q.id)) for q in quotes),
        pk="id",
        replace=True,
    )
    by_id = {q.id: q for q in quotes}
    db.table("clusters").insert_all(
        (cluster_row(c, by_id) | {"speaker_id": speaker_id(c.speaker)} for c in clusters),
        pk="id",
        replace=True,
    )
    db.table("alterations").insert_all(asdict(a) for c in clusters for a in c.alterations)
    db.table("provenance").insert_all(
        (asdict(e) for c in clusters for e in c.edges),
        pk=("quote_id", "source_quote_id"),
        replace=True,
    )


def quote_row(q: Quote, speaker_id: int | None, cluster_id: str | None) -> dict[str, Any]:
    """A quote's row."""
    return {
        "id": q.id,
        "article_id": q.article_id,
        "speaker_id": speaker_id,
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "kind": q.kind,
        "cue": q.cue,
        "credit": q.credit,
        "rule": q.rule,
        "cluster_id": cluster_id,
    }


def save_speakers(db: Database, speakers: Iterable[Speaker | None]) -> dict[tuple[str, str], int]:
    """One row per (name, kind), numbered in name order so ids are stable between builds."""
    rows = speaker_rows(speakers)
    db.table("speakers").insert_all(rows, pk="id", replace=True)
    return {(row["name"], row["kind"]): row["id"] for row in rows}


def speaker_rows(speakers: Iterable[Speaker | None]) -> list[dict[str, Any]]:
    """The speakers table's rows: one per (name, kind) in name order, described by the first
    speaker with a description."""
    described: dict[tuple[str, str], str | None] = {}
    for s in speakers:
        if s is not None and not described.get((s.name, s.kind)):
            described[(s.name, s.kind)] = s.description
    return [
        {"id": n, "name": name, "kind": kind, "description": described[(name, kind)]}
        for n, (name, kind) in enumerate(sorted(described), 1)
    ]


def save_citations(db: Database, citations: Iterable[Citation]) -> None:
    """Record the outlets each article credits."""
    create_derived_tables(db)
    db.table("citations").insert_all(asdict(c) for c in citations)


def create_derived_tables(db: Database) -> None:
    """Create the derived tables with their columns even when a build finds nothing for them."""
    for name, (columns, pk) in TABLES.items():
        if name not in VIEW_TABLES:
            db.table(name).create(columns, pk=pk, if_not_exists=True)
    create_tables(db)


def save_outlet_names(db: Database) -> None:
    """Map every outlet name in the database to its canonical name, for views comparing outlets."""
    create_derived_tables(db)
    outlets = db.table("outlets")
    names = [row[0] for row in db.execute(OUTLET_NAMES_SQL).fetchall() if row[0]]
    outlets.insert_all(({"name": n, "canonical": outlet_name(n)} for n in names), replace=True)


def save_cluster_speakers(db: Database, only: Collection[str] | None = None) -> None:
    """Sum up each cluster's personal speakers once, so views never compare quotes pairwise
    (only those of the clusters `only` names, when given)."""
    create_derived_tables(db)
    for where, ids in where_in("quotes.cluster_id", only):
        db.execute(f"delete from cluster_speakers where {where.replace('quotes.', '')}", ids)
        db.execute(
            f"""insert into cluster_speakers
            select quotes.cluster_id, quotes.speaker_id, speakers.name,
                   count(distinct quotes.article_id), min(quotes.article_id)
            from quotes join speakers on speakers.id = quotes.speaker_id
            where quotes.cluster_id is not null and {where}
              and speakers.kind not in {sql_list(NON_PERSONAL_SPEAKERS)}
            group by quotes.cluster_id, quotes.speaker_id""",
            ids,
        )


def save_cluster_outlets(db: Database, only: Collection[str] | None = None) -> None:
    """Count each cluster's outlets once, for the canned query on the widest spread (names in
    alphabetical order, so every build writes the same row); only the clusters `only` names,
    when given."""
    create_derived_tables(db)
    for where, ids in where_in("cluster_id", only):
        db.execute(f"delete from cluster_outlets where {where}", ids)
        db.execute(
            f"""insert into cluster_outlets
            select clusters.id, coalesce(named.outlet_count, 0), named.outlet_names,
                   clusters.quote_count
            from clusters left join (
              select cluster_id, count(*) as outlet_count,
                     group_concat(outlet, ', ') as outlet_names
              from (
                select distinct quotes.cluster_id as cluster_id, articles.outlet as outlet
                from quotes join articles on articles.id = quotes.article_id
                where quotes.cluster_id is not null and articles.outlet is not null
                  and {where.replace("cluster_id", "quotes.cluster_id")}
                order by quotes.cluster_id, articles.outlet
              )
              group by cluster_id
            ) as named on named.cluster_id = clusters.id
            where {where.replace("cluster_id", "clusters.id")}""",
            ids + ids,  # the condition is read twice
        )


def ensure_db_shape(
    db: Database, clusters: Collection[str] | None = None, articles: Collection[str] | None = None
) -> None:
    """Add outlet names, foreign keys, indexes, full-text search and views; safe on any build.
    `clusters`: the only clusters whose summaries may have changed (every one when None);
    `articles`: the only articles whose row or quotes may have changed (every one when None)."""
    save_outlet_names(db)
    save_cluster_speakers(db, clusters)
    save_cluster_outlets(db, clusters)
    existing = {(fk.table, fk.column) for t in db.tables for fk in t.foreign_keys}
    missing = [fk for fk in FOREIGN_KEYS if (fk[0], fk[1]) not in existing]
    if missing:
        db.add_foreign_keys(missing)
    db.index_foreign_keys()
    for name, target in INDEXES.items():
        db.execute(f"create index if not exists [{name}] on {target}")
    for table, columns in FTS_CONFIG.items():
        if not db.table(table).detect_fts():
            db.table(table).enable_fts(columns, create_triggers=True)
    save_view_rows(db, articles, clusters)
    # Row counts per index, read from a sample, so SQLite's planner knows that an article's id
    # names one row of any index starting with it (and reads the covering one).
    db.execute("pragma analysis_limit = 1000")
    db.execute("analyze")
