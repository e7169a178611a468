"""Datasette plugin: a page per cluster showing its variants side by side, changes marked."""

from __future__ import annotations

from typing import Any

import markupsafe
from datasette import NotFound, Response, hookimpl
from datasette.utils import tilde_decode, tilde_encode

from quotes.db import VIEWS
from quotes.plugin.marks import describe, mark_alterations, provenance_tree

CLUSTER_ROUTE = r"^/-/quotes/(?P<database>[^/]+)/cluster/(?P<cluster_id>[^/]+)$"


def cluster_url(datasette: Any, database: str, cluster_id: str) -> str:
    """Where the side-by-side page of one cluster lives."""
    return datasette.urls.path(
        f"/-/quotes/{tilde_encode(database)}/cluster/{tilde_encode(str(cluster_id))}"
    )


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(CLUSTER_ROUTE, cluster_page)]


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Any:
    """Link a cluster's canonical text, and cluster ids in our views and in queries, to its page."""
    if value is None or isinstance(value, dict):  # a dict is a foreign key Datasette links itself
        return None
    if table == "clusters" and column == "canonical_text":
        cluster_id = row["id"]
    elif column == "cluster_id" and (table is None or table in VIEWS):
        cluster_id = value
    else:
        return None
    # Markup.format escapes both arguments: quote text is untrusted web content.
    return markupsafe.Markup('<a href="{}">{}</a>').format(
        cluster_url(datasette, database, cluster_id), value
    )


async def cluster_page(datasette: Any, request: Any) -> Response:
    """The canonical text, first appearance, every variant with its changes, and who copied whom."""
    database = tilde_decode(request.url_vars["database"])
    cluster_id = tilde_decode(request.url_vars["cluster_id"])
    try:
        db = datasette.get_database(database)
    except KeyError:
        raise NotFound(f"Database not found: {database}") from None
    await datasette.ensure_permissions(
        request.actor,
        [("view-table", (database, "clusters")), ("view-database", database), "view-instance"],
    )
    context = await cluster_context(db, cluster_id)
    if context is None:
        raise NotFound(f"Cluster not found: {cluster_id}")
    context.update(database=database, clusters_url=datasette.urls.table(database, "clusters"))
    for q in context["variants"]:
        q["row_url"] = datasette.urls.row(database, "quotes", tilde_encode(q["id"]))
        for splice in q["spliced_from"]:
            if splice["source_cluster_id"]:
                splice["url"] = cluster_url(datasette, database, splice["source_cluster_id"])
    html = await datasette.render_template("quotes_cluster.html", context, request=request)
    return Response.html(html)


async def cluster_context(db: Any, cluster_id: str) -> dict[str, Any] | None:
    """Everything the cluster page shows, read from the database; None for an unknown cluster."""
    cluster = await _one(db, CLUSTER_SQL, {"id": cluster_id})
    if cluster is None:
        return None
    cluster["first_url"] = web_url(cluster["first_url"])
    quotes = [dict(r) for r in await db.execute(VARIANTS_SQL, {"id": cluster_id})]
    changes: dict[str, list[dict[str, Any]]] = {q["id"]: [] for q in quotes}
    for row in await db.execute(ALTERATIONS_SQL, {"id": cluster_id}):
        changes[row["quote_id"]].append(dict(row))
    for q in quotes:
        q["url"] = web_url(q["url"])
        q["first"] = _is_first(q, cluster)
        q["canonical"] = q["id"] == cluster["canonical_quote_id"]
        q["segments"] = mark_alterations(q["text"], changes[q["id"]])
        q["changes"] = [describe(a) for a in changes[q["id"]]]
    edges = [dict(r) for r in await db.execute(EDGES_SQL, {"id": cluster_id})]
    for q in quotes:
        q["spliced_from"] = [
            e for e in edges if e["quote_id"] == q["id"] and e["source_cluster_id"] != cluster_id
        ]
    return {"cluster": cluster, "variants": quotes, "tree": provenance_tree(quotes, edges)}


def web_url(url: str | None) -> str | None:
    """The URL if it is a web address: article URLs come from the input and may be hostile."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _is_first(quote: dict[str, Any], cluster: dict[str, Any]) -> bool:
    if cluster["first_published"] is None:
        return quote["id"] == cluster["first_quote_id"]
    return quote["published"] == cluster["first_published"]


async def _one(db: Any, sql: str, params: dict[str, Any]) -> dict[str, Any] | None:
    rows = (await db.execute(sql, params)).rows
    return dict(rows[0]) if rows else None


CLUSTER_SQL = """
select clusters.*, speakers.name as speaker, articles.outlet as first_outlet,
       articles.url as first_url, articles.title as first_title
from clusters
left join speakers on speakers.id = clusters.speaker_id
left join articles on articles.id = clusters.first_article_id
where clusters.id = :id
"""

VARIANTS_SQL = """
select quotes.id, quotes.text, quotes.kind, quotes.credit, quotes.article_id,
       speakers.name as speaker, speakers.kind as speaker_kind,
       articles.outlet, articles.published, articles.url, articles.title
from quotes
join articles on articles.id = quotes.article_id
left join speakers on speakers.id = quotes.speaker_id
where quotes.cluster_id = :id
order by articles.published is null, articles.published, articles.id, quotes.start
"""

ALTERATIONS_SQL = """
select alterations.* from alterations
join quotes on quotes.id = alterations.quote_id
where quotes.cluster_id = :id
order by alterations.quote_id, alterations.variant_start, alterations.canonical_start
"""

EDGES_SQL = """
select provenance.*, sources.cluster_id as source_cluster_id, sources.text as source_text,
       source_articles.outlet as source_outlet, source_articles.published as source_published
from provenance
join quotes on quotes.id = provenance.quote_id
join quotes as sources on sources.id = provenance.source_quote_id
join articles as source_articles on source_articles.id = sources.article_id
where quotes.cluster_id = :id
"""
