"""The views users query, each backed by a table of its rows written at build time.

Finding a misattribution or an uncredited copy compares each quote with its cluster, its
sources and its article's citations: about ten look-ups a quote, seconds per hundred thousand
quotes; listing every quote by date sorts them all. Datasette does that work again for each
page, its count and each facet. Done once per build into a table holding the rows in the view's
order, a page, a count and a facet read that table (and an index on the faceted column). A build
that adds a day's news rewrites only the rows of the quotes and clusters it changed.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence

from sqlite_utils import Database

CHUNK = 500  # values bound in one statement, well under SQLite's limit

# Alteration operations that change how a quote looks but not what it says.
COSMETIC_OPS = ("case", "typography")

# Speaker kinds that credit a source or hide one, so they never dispute who spoke.
NON_PERSONAL_SPEAKERS = ("outlet", "anonymous")


def sql_list(values: Sequence[str]) -> str:
    """A constant list for SQL `in`, from names defined here (never from user input)."""
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def _canonical(outlet: str) -> str:
    """SQL for an outlet name's canonical form, lower-cased, via the `outlets` table."""
    return (
        f"lower(coalesce((select outlets.canonical from outlets where outlets.name = {outlet}),"
        f" {outlet}))"
    )


# Each view's rows, one table per view named after it: columns and primary key (the meaning
# is in quotes/metadata.yml). The columns are what the view's facets, filters and order need;
# the rest (quote texts, urls) the view looks up for the rows it shows. The primary key is the
# view's order: the tables are WITHOUT ROWID, stored (and so read) in that order, so a build
# can rewrite one cluster's rows and the rest stay in place. `date_order` sorts as the views
# do by date, dated rows first: '0' and the date, or '1' when undated (a key holds no null);
# `place` is a row's rank among its article's (or cluster's) rows, always written together. A short
# key keeps the indexes on faceted columns small (each entry holds the key), and a facet or a
# count reads one of them whole.
TABLES: dict[str, tuple[dict[str, type], tuple[str, ...]]] = {
    "who_said_what_rows": (
        {
            "quote_id": str, "article_id": str, "speaker": str, "outlet": str, "published": str,
            "date_order": str, "place": int,
        },
        ("date_order", "article_id", "place"),
    ),
    "possible_misattributions_rows": (
        {
            "quote_id": str, "cluster_id": str, "article_id": str, "speaker": str,
            "outlet": str, "published": str, "other_speakers": str, "place": int,
        },
        ("cluster_id", "place"),
    ),
    "uncredited_reuse_rows": (
        {
            "quote_id": str, "source_quote_id": str, "cluster_id": str, "article_id": str,
            "outlet": str, "published": str, "source_outlet": str, "evidence": str,
            "place": int,
        },
        ("cluster_id", "place"),
    ),
    "substantively_altered_clusters_rows": (
        {
            "cluster_id": str, "substantive_alterations": int, "altered_quotes": int,
            "operations": str,
        },
        ("substantive_alterations desc", "cluster_id"),
    ),
}  # fmt: skip

# For the views' facets, and for rewriting one cluster's rows.
INDEXES = {
    "idx_who_said_what_rows_speaker": "who_said_what_rows (speaker)",
    "idx_who_said_what_rows_outlet": "who_said_what_rows (outlet)",
    "idx_who_said_what_rows_article": "who_said_what_rows (article_id)",
    "idx_uncredited_reuse_rows_outlet": "uncredited_reuse_rows (outlet)",
    "idx_uncredited_reuse_rows_source_outlet": "uncredited_reuse_rows (source_outlet)",
    "idx_substantively_altered_clusters_rows_cluster": (
        "substantively_altered_clusters_rows (cluster_id)"
    ),
}

# The column each table's rows are rewritten by: articles, or clusters.
KEYS = {
    "who_said_what_rows": "quotes.article_id",
    "possible_misattributions_rows": "quotes.cluster_id",
    "uncredited_reuse_rows": "quotes.cluster_id",
    "substantively_altered_clusters_rows": "quotes.cluster_id",
}

# SQL for a date's place in the views' order (see TABLES).
_DATE_ORDER = "case when {0} is null then '1' else '0' || {0} end"

# Each table's rows, from the tables the build wrote (cluster_speakers included), for the
# articles or clusters `{where}` selects (a condition on the column of KEYS). A row of
# who_said_what depends on its quote's row, article and speaker's name only; a row of the others
# on its cluster's quotes, their articles and speakers, and what the cluster's quotes point at,
# all of it in the cluster's fingerprint (quotes/cluster/__init__.py). So a build rewrites the
# rows of the articles whose row or quotes changed, and of the clusters it computed again.
ROWS = {
    # Every quotation with its speaker, outlet and date, earliest first.
    "who_said_what_rows": f"""
select quotes.id, quotes.article_id, speakers.name, articles.outlet, articles.published,
       {_DATE_ORDER.format("articles.published")},
       row_number() over (partition by quotes.article_id order by quotes.start, quotes.id)
from quotes
join articles indexed by idx_articles_outlet on articles.id = quotes.article_id
left join speakers on speakers.id = quotes.speaker_id
where {{where}}
""",
    # A quote whose cluster names someone else in another article: one of them may be wrong.
    # A quote is compared with its cluster's distinct speakers (cluster_speakers), not with
    # every other quote of the cluster.
    "possible_misattributions_rows": f"""
select id, cluster_id, article_id, name, outlet, published, others,
       row_number() over (
         partition by cluster_id order by undated, published, article_id, id
       )
from (
  select quotes.id, quotes.cluster_id, quotes.article_id, speakers.name, articles.outlet,
         articles.published,
         (select group_concat(others.name, ', ') from cluster_speakers as others
          where others.cluster_id = quotes.cluster_id and others.speaker_id != quotes.speaker_id
            and (others.articles > 1 or others.article_id != quotes.article_id)) as others,
         articles.published is null as undated
  from quotes
  join speakers on speakers.id = quotes.speaker_id
  join articles indexed by idx_articles_outlet on articles.id = quotes.article_id
  where quotes.cluster_id is not null and {{where}}
    and speakers.kind not in {sql_list(NON_PERSONAL_SPEAKERS)}
)
where others is not null
""",
    # A reused quote whose article credits neither the outlet it came from nor the first one.
    # The source is the provenance edge when there is one, else the cluster's first appearance
    # for quotes published strictly later (undated articles are copies only on evidence).
    # Articles are read from the index holding their outlet and date (quotes/db.py INDEXES),
    # never from their rows, which hold the text.
    "uncredited_reuse_rows": f"""
select quotes.id, sources.id, quotes.cluster_id, quotes.article_id, articles.outlet,
       articles.published, source_articles.outlet,
       case when provenance.quote_id is null then 'later than the first appearance'
            else coalesce(provenance.evidence, 'provenance edge') end,
       row_number() over (
         partition by quotes.cluster_id
         order by articles.published is null, articles.published, quotes.article_id, quotes.id,
                  sources.id
       )
from quotes
join articles indexed by idx_articles_outlet on articles.id = quotes.article_id
join clusters on clusters.id = quotes.cluster_id
left join provenance on provenance.quote_id = quotes.id
join quotes as sources on sources.id = (
  case when provenance.quote_id is not null then provenance.source_quote_id
       when articles.published > clusters.first_published then clusters.first_quote_id end)
join articles as source_articles on source_articles.id = sources.article_id
left join articles as first_articles indexed by idx_articles_outlet
  on first_articles.id = clusters.first_article_id
left join speakers on speakers.id = quotes.speaker_id
where {{where}}
  and source_articles.outlet is not null
  and sources.article_id != quotes.article_id
  and {_canonical("source_articles.outlet")} is not {_canonical("articles.outlet")}
  and not exists (
    select 1 from (
      select citations.outlet as credited from citations
      where citations.article_id = quotes.article_id
      union all select quotes.credit
      union all select speakers.name where speakers.kind = 'outlet'
    )
    where {_canonical("credited")} in (
      {_canonical("source_articles.outlet")}, {_canonical("first_articles.outlet")}
    )
  )
""",
    # Clusters whose variants changed words, not only case or punctuation (the kinds of
    # change in alphabetical order, read so from the sorted subquery, so every build agrees).
    "substantively_altered_clusters_rows": f"""
select cluster_id, count(*), count(distinct quote_id),
       replace(group_concat(distinct op), ',', ', ')
from (
  select quotes.cluster_id, alterations.quote_id, alterations.op
  from quotes join alterations on alterations.quote_id = quotes.id
  where alterations.op not in {sql_list(COSMETIC_OPS)} and quotes.cluster_id is not null
    and {{where}}
  order by quotes.cluster_id, alterations.op
)
group by cluster_id
""",
}

# The views read their tables in key order (the views' order, see TABLES) with no `order by`
# of their own: SQLite then counts a view, or groups it for a facet, from the table alone (an
# index on the faceted column), without a join, a sort or a look-up per row (a view ending in
# `order by` is counted by computing each of its rows). Texts and urls are looked up by scalar
# subqueries, which SQLite evaluates only for the rows a page shows.
VIEWS = {
    "who_said_what": """
select found.speaker as speaker,
       (select text from quotes where quotes.id = found.quote_id) as quote,
       found.outlet as outlet, found.published as published,
       (select url from articles where articles.id = found.article_id) as url
from who_said_what_rows as found
""",
    "possible_misattributions": """
select found.cluster_id as cluster_id,
       (select canonical_text from clusters where clusters.id = found.cluster_id)
         as canonical_text,
       found.speaker as speaker,
       (select text from quotes where quotes.id = found.quote_id) as quote,
       found.outlet as outlet, found.published as published,
       (select url from articles where articles.id = found.article_id) as url,
       found.quote_id as quote_id, found.other_speakers as other_speakers
from possible_misattributions_rows as found
""",
    "uncredited_reuse": """
select found.cluster_id as cluster_id,
       (select text from quotes where quotes.id = found.quote_id) as quote,
       found.outlet as outlet, found.published as published,
       (select url from articles where articles.id = found.article_id) as url,
       found.source_outlet as source_outlet,
       (select articles.published from quotes join articles on articles.id = quotes.article_id
        where quotes.id = found.source_quote_id) as source_published,
       (select articles.url from quotes join articles on articles.id = quotes.article_id
        where quotes.id = found.source_quote_id) as source_url,
       found.evidence as evidence, found.quote_id as quote_id,
       found.source_quote_id as source_quote_id
from uncredited_reuse_rows as found
""",
    "substantively_altered_clusters": """
select found.cluster_id as cluster_id,
       (select canonical_text from clusters where clusters.id = found.cluster_id)
         as canonical_text,
       (select speakers.name from clusters join speakers on speakers.id = clusters.speaker_id
        where clusters.id = found.cluster_id) as speaker,
       found.substantive_alterations as substantive_alterations,
       found.altered_quotes as altered_quotes, found.operations as operations,
       (select quote_count from clusters where clusters.id = found.cluster_id) as quote_count,
       (select article_count from clusters where clusters.id = found.cluster_id)
         as article_count
from substantively_altered_clusters_rows as found
""",
}


def create_tables(db: Database) -> None:
    """Create the views' tables, each stored in its view's order (see TABLES)."""
    types = {str: "TEXT", int: "INTEGER"}
    for table, (columns, key) in TABLES.items():
        defined = ", ".join(f"[{c}] {types[t]}" for c, t in columns.items())
        db.execute(
            f"create table if not exists [{table}] ({defined}, primary key ({', '.join(key)}))"
            " without rowid"
        )


def save_view_rows(
    db: Database, articles: Collection[str] | None = None, clusters: Collection[str] | None = None
) -> None:
    """Recompute the views' rows of `articles` and `clusters` (every row when None), then their
    indexes and the views."""
    create_tables(db)
    for name, target in INDEXES.items():
        db.execute(f"create index if not exists [{name}] on {target}")
    for table, (columns, _) in TABLES.items():
        key = KEYS[table]
        chunks = list(where_in(key, clusters if key == "quotes.cluster_id" else articles))
        for where, ids in chunks:  # every old row first: a quote may have changed cluster
            db.execute(f"delete from [{table}] where {where.replace('quotes.', '')}", ids)
        listed = ", ".join(f"[{c}]" for c in columns)
        for where, ids in chunks:
            db.execute(f"insert into [{table}] ({listed}) {ROWS[table].format(where=where)}", ids)
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)


def where_in(column: str, only: Collection[str] | None) -> Iterator[tuple[str, list[str]]]:
    """A condition on `column` with its values, per chunk of `only`: every row when None."""
    if only is None:
        yield "1", []
        return
    ids = sorted(only)
    for lo in range(0, len(ids), CHUNK):
        chunk = ids[lo : lo + CHUNK]
        yield f"{column} in ({', '.join('?' * len(chunk))})", chunk
