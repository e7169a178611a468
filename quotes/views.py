"""The views users query, each backed by a table of its rows written at build time.

Finding a misattribution or an uncredited copy compares each quote with its cluster, its
sources and its article's citations: about ten look-ups a quote, seconds per hundred thousand
quotes; listing every quote by date sorts them all. Datasette does that work again for each
page, its count and each facet. Done once per build into a table holding the rows in the view's
order, a page, a count and a facet read that table (and an index on the faceted column).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

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
# the rest (quote texts, urls) the view looks up for the rows it shows.
TABLES: dict[str, tuple[dict[str, type], str | tuple[str, ...]]] = {
    "who_said_what_rows": (
        {"quote_id": str, "article_id": str, "speaker": str, "outlet": str, "published": str},
        "quote_id",
    ),
    "possible_misattributions_rows": (
        {
            "quote_id": str, "cluster_id": str, "article_id": str, "speaker": str,
            "outlet": str, "published": str, "other_speakers": str,
        },
        "quote_id",
    ),
    "uncredited_reuse_rows": (
        {
            "quote_id": str, "source_quote_id": str, "cluster_id": str, "article_id": str,
            "outlet": str, "published": str, "source_outlet": str, "evidence": str,
        },
        ("quote_id", "source_quote_id"),
    ),
    "substantively_altered_clusters_rows": (
        {
            "cluster_id": str, "substantive_alterations": int, "altered_quotes": int,
            "operations": str,
        },
        "cluster_id",
    ),
}  # fmt: skip

# For the views' facets and for filtering a view on one cluster.
INDEXES = {
    "idx_who_said_what_rows_speaker": "who_said_what_rows (speaker)",
    "idx_who_said_what_rows_outlet": "who_said_what_rows (outlet)",
    "idx_uncredited_reuse_rows_outlet": "uncredited_reuse_rows (outlet)",
    "idx_uncredited_reuse_rows_source_outlet": "uncredited_reuse_rows (source_outlet)",
    "idx_uncredited_reuse_rows_cluster": "uncredited_reuse_rows (cluster_id)",
}

# Each table's rows, in its view's order, from the tables the build wrote (cluster_speakers
# included). Rows are inserted in that order, so their rowids are the view's order.
ROWS = {
    # Every quotation with its speaker, outlet and date, earliest first.
    "who_said_what_rows": """
select quotes.id, quotes.article_id, speakers.name, articles.outlet, articles.published
from articles
cross join quotes on quotes.article_id = articles.id
left join speakers on speakers.id = quotes.speaker_id
order by articles.published is null, articles.published, articles.id, quotes.start, quotes.id
""",
    # A quote whose cluster names someone else in another article: one of them may be wrong.
    # A quote is compared with its cluster's distinct speakers (cluster_speakers), not with
    # every other quote of the cluster.
    "possible_misattributions_rows": f"""
with compared as materialized (
  select quotes.id, quotes.cluster_id, quotes.article_id, speakers.name, articles.outlet,
         articles.published as published,
         (select group_concat(others.name, ', ') from cluster_speakers as others
          where others.cluster_id = quotes.cluster_id and others.speaker_id != quotes.speaker_id
            and (others.articles > 1 or others.article_id != quotes.article_id)) as others
  from quotes
  join speakers on speakers.id = quotes.speaker_id
  join articles indexed by idx_articles_outlet on articles.id = quotes.article_id
  where quotes.cluster_id is not null and speakers.kind not in {sql_list(NON_PERSONAL_SPEAKERS)}
)
select * from compared
where others is not null
order by cluster_id, published is null, published, article_id, id
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
            else coalesce(provenance.evidence, 'provenance edge') end
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
where source_articles.outlet is not null
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
order by quotes.cluster_id, articles.published is null, articles.published, quotes.article_id,
         quotes.id, sources.id
""",
    # Clusters whose variants changed words, not only case or punctuation (the kinds of
    # change in alphabetical order, read so from the sorted subquery, so every build agrees).
    "substantively_altered_clusters_rows": f"""
select * from (
  select cluster_id, count(*) as changes, count(distinct quote_id),
         replace(group_concat(distinct op), ',', ', ')
  from (
    select quotes.cluster_id, alterations.quote_id, alterations.op
    from alterations join quotes on quotes.id = alterations.quote_id
    where alterations.op not in {sql_list(COSMETIC_OPS)} and quotes.cluster_id is not null
    order by quotes.cluster_id, alterations.op
  )
  group by cluster_id
)
order by changes desc, cluster_id
""",
}

# The views read their tables in rowid order, with no `order by` of their own: SQLite then
# counts a view, or groups it for a facet, from the table alone (an index on the faceted
# column), without a join or a sort. Texts and urls are looked up by scalar subqueries, which
# SQLite evaluates only for the rows a page shows.
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


def save_view_rows(db: Database) -> None:
    """Recompute each view's table from the others, and index it in the view's order."""
    for table, (columns, pk) in TABLES.items():
        db.table(table).create(columns, pk=pk, if_not_exists=True)
        db.execute(f"delete from [{table}]")
        db.execute(f"insert into [{table}] {ROWS[table]}")  # in order: rowid is the order
    for name, target in INDEXES.items():
        db.execute(f"create index if not exists [{name}] on {target}")
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)
