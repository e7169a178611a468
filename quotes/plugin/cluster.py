"""What a cluster page shows: one row per distinct wording, the copy tree between wordings and
a timeline, each bounded so a quotation carried by thousands of articles still reads."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from quotes.cluster.normalise import tokenise
from quotes.plugin.links import web_url
from quotes.plugin.marks import describe, mark_alterations, wording_tree
from quotes.plugin.timeline import layout
from quotes.views import NON_PERSONAL_SPEAKERS

PAGE_SIZE = 50  # wordings per page
APPEARANCES_SHOWN = 5  # appearances listed under each wording; the quotes table has them all
OUTLETS_SHOWN = 6  # outlets named (or credited) in a wording's row
TREE_NODES = 100  # wordings in the copy tree


async def cluster_context(db: Any, cluster_id: str, page: int = 1) -> dict[str, Any] | None:
    """Everything the cluster page shows, read from the database; None for an unknown cluster."""
    params = {"id": cluster_id}
    cluster = await _one(db, CLUSTER_SQL, params)
    if cluster is None:
        return None
    cluster["first_url"] = web_url(cluster["first_url"])
    wordings = [dict(r) for r in await db.execute(WORDINGS_SQL, params)]
    for number, w in enumerate(wordings, 1):
        w["number"] = number
        w["canonical"] = w["text"] == cluster["canonical_text"]
        w["first"] = w["text"] == cluster["first_text"]
    pages = max(1, -(-len(wordings) // PAGE_SIZE))
    page = min(max(page, 1), pages)
    shown = wordings[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    changes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in await db.execute(ALTERATIONS_SQL, params):
        changes[row["quote_id"]].append(dict(row))
    for w in wordings:
        w["alterations"] = changes[w["sample_id"]]
        w["changes"] = [describe(a) for a in w["alterations"]]
    await _add_details(db, cluster, shown, params)
    tree = wording_tree(wordings, [dict(r) for r in await db.execute(EDGES_SQL, params)])
    return {
        "cluster": cluster,
        "wordings": shown,
        "wording_count": len(wordings),
        "page": page,
        "pages": pages,
        "page_of": {w["number"]: 1 + (w["number"] - 1) // PAGE_SIZE for w in wordings},
        "tree": tree[:TREE_NODES],
        "tree_hidden": max(0, len(tree) - TREE_NODES),
        "timeline": await cluster_timeline(
            db, cluster, params, {w["text"]: w["number"] for w in wordings}
        ),
    }


async def _add_details(
    db: Any, cluster: dict[str, Any], wordings: list[dict[str, Any]], params: dict[str, Any]
) -> None:
    """Marks, outlets, speakers, credits, splices and a few appearances of each shown wording."""
    by_text = {w["text"]: w for w in wordings}
    for w in wordings:
        w.update(outlets=[], speakers=[], credits=[], appearances=[], spliced_from=[])
        w["segments"] = mark_alterations(w["text"], w["alterations"])
    for row in await db.execute(OUTLETS_SQL, params):
        if row["text"] in by_text:
            by_text[row["text"]]["outlets"].append(dict(row))
    for row in await db.execute(SPEAKERS_SQL, params):
        if row["text"] in by_text:
            by_text[row["text"]]["speakers"].append(dict(row))
    for row in await db.execute(CREDITS_SQL, params):
        if row["text"] in by_text:
            by_text[row["text"]]["credits"].append(dict(row))
    for row in await db.execute(APPEARANCES_SQL, {**params, "limit": APPEARANCES_SHOWN}):
        if row["text"] in by_text:
            by_text[row["text"]]["appearances"].append({**dict(row), "url": web_url(row["url"])})
    for row in await db.execute(SPLICES_SQL, params):
        if row["text"] in by_text:
            by_text[row["text"]]["spliced_from"].append(dict(row))
    for w in wordings:
        w["outlets_hidden"] = max(0, len(w["outlets"]) - OUTLETS_SHOWN)
        w["outlets"] = w["outlets"][:OUTLETS_SHOWN]
        w["credits_hidden"] = max(0, len(w["credits"]) - OUTLETS_SHOWN)
        w["credits"] = w["credits"][:OUTLETS_SHOWN]
        w["other_speaker"] = any(
            s["speaker_id"] != cluster["speaker_id"]
            and s["speaker_kind"] not in NON_PERSONAL_SPEAKERS
            for s in w["speakers"]
        )


async def cluster_timeline(
    db: Any, cluster: dict[str, Any], params: dict[str, Any], numbers: dict[str, int]
) -> dict[str, Any] | None:
    """Outlets by date, each dot coloured by how its wording differs from the first appearance's."""
    points = [dict(r) for r in await db.execute(TIMELINE_SQL, params)]
    first = cluster["first_text"] or cluster["canonical_text"]
    first_words = tokenise(first).words
    kinds: dict[str, str] = {first: "same"}
    order: list[str] = []
    for p in points:
        p["row"] = p["outlet"] or "unknown outlet"
        if p["row"] not in order:
            order.append(p["row"])
        p["note"] = f"#{numbers.get(p['text'], '?')}"
        if p["text"] not in kinds:  # same words in other case or punctuation, or other words
            same = tokenise(p["text"]).words == first_words
            kinds[p["text"]] = "cosmetic" if same else "changed"
        p["kind"] = kinds[p["text"]]
    rows = [{"key": o, "label": o, "url": None} for o in order]
    first = [(cluster["first_outlet"] or "unknown outlet", cluster["first_published"])]
    return layout(rows, points, first if cluster["first_quote_id"] else [])


async def _one(db: Any, sql: str, params: dict[str, Any]) -> dict[str, Any] | None:
    rows = (await db.execute(sql, params)).rows
    return dict(rows[0]) if rows else None


CLUSTER_SQL = """
select clusters.*, speakers.name as speaker, articles.outlet as first_outlet,
       articles.url as first_url, articles.title as first_title,
       (select text from quotes where quotes.id = clusters.first_quote_id) as first_text
from clusters
left join speakers on speakers.id = clusters.speaker_id
left join articles on articles.id = clusters.first_article_id
where clusters.id = :id
"""

# Dated wordings in order of first appearance, undated ones last.
WORDINGS_SQL = """
select quotes.text, count(*) as count, min(quotes.id) as sample_id,
       min(articles.published) as first_date, max(articles.published) as last_date,
       sum(articles.published is null) as undated,
       count(distinct articles.outlet) as outlet_count
from quotes
join articles on articles.id = quotes.article_id
where quotes.cluster_id = :id
group by quotes.text
order by min(articles.published) is null, min(articles.published), count(*) desc, quotes.text
"""

ALTERATIONS_SQL = """
select alterations.* from alterations
join quotes on quotes.id = alterations.quote_id
where quotes.cluster_id = :id and quotes.id in (
  select min(id) from quotes where cluster_id = :id group by text
)
order by alterations.quote_id, alterations.variant_start, alterations.canonical_start
"""

OUTLETS_SQL = """
select quotes.text, coalesce(articles.outlet, 'unknown outlet') as outlet, count(*) as count
from quotes join articles on articles.id = quotes.article_id
where quotes.cluster_id = :id
group by quotes.text, articles.outlet
order by quotes.text, count(*) desc, articles.outlet
"""

SPEAKERS_SQL = """
select quotes.text, quotes.speaker_id, speakers.name, speakers.kind as speaker_kind,
       count(*) as count
from quotes join speakers on speakers.id = quotes.speaker_id
where quotes.cluster_id = :id
group by quotes.text, quotes.speaker_id
order by quotes.text, count(*) desc
"""

# The outlets the articles carrying a wording credit, by the quote's credit or a citation.
CREDITS_SQL = """
select text, outlet, count(distinct quote_id) as count from (
  select quotes.text, quotes.credit as outlet, quotes.id as quote_id from quotes
  where quotes.cluster_id = :id and quotes.credit is not null
  union all
  select quotes.text, citations.outlet, quotes.id from quotes
  join citations on citations.article_id = quotes.article_id
  where quotes.cluster_id = :id
)
group by text, outlet
order by text, count(*) desc, outlet
"""

APPEARANCES_SQL = """
select * from (
  select quotes.text, quotes.id, quotes.article_id, quotes.kind, quotes.credit,
         articles.outlet, articles.published, articles.url, articles.title,
         quotes.speaker_id, speakers.name as speaker,
         row_number() over (
           partition by quotes.text
           order by articles.published is null, articles.published, articles.id
         ) as n
  from quotes
  join articles on articles.id = quotes.article_id
  left join speakers on speakers.id = quotes.speaker_id
  where quotes.cluster_id = :id
)
where n <= :limit
order by text, n
"""

# Quotations whose words a wording splices in: of another cluster, or of this one when the
# splice joined the two (a statement some article quotes as one span).
SPLICES_SQL = """
select distinct quotes.text, sources.cluster_id as source_cluster_id, sources.text as source_text,
       source_articles.outlet as source_outlet, source_articles.published as source_published,
       sources.cluster_id is :id as same_cluster
from provenance
join quotes on quotes.id = provenance.quote_id
join quotes as sources on sources.id = provenance.source_quote_id
join articles as source_articles on source_articles.id = sources.article_id
where quotes.cluster_id = :id and (provenance.kind = 'splice' or sources.cluster_id is not :id)
"""

# Copy edges between the cluster's wordings: how many, the surest and its evidence.
EDGES_SQL = """
select quotes.text, sources.text as source_text, count(*) as count,
       max(provenance.confidence) as confidence, provenance.evidence
from provenance
join quotes on quotes.id = provenance.quote_id
join quotes as sources on sources.id = provenance.source_quote_id
where quotes.cluster_id = :id and sources.cluster_id = :id and provenance.kind = 'copy'
group by quotes.text, sources.text
"""

TIMELINE_SQL = """
select articles.outlet, articles.published as date, quotes.text, count(*) as n
from quotes
join articles on articles.id = quotes.article_id
where quotes.cluster_id = :id
group by articles.outlet, articles.published, quotes.text
order by min(articles.published) is null, min(articles.published), articles.outlet
"""
