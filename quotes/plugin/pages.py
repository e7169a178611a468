"""The plugin's pages: a cluster, a speaker, an article. Each obeys Datasette's permissions."""

from __future__ import annotations

from typing import Any

from datasette import NotFound, Response
from datasette.utils import tilde_decode

from quotes.plugin.cluster import cluster_context
from quotes.plugin.links import article_url, page_url, query_url
from quotes.plugin.people import article_context, speaker_context


async def cluster_page(datasette: Any, request: Any) -> Response:
    """The canonical text, first appearance, each distinct wording with its changes, the spread."""
    return await _page(datasette, request, "clusters", "quotes_cluster.html", cluster_context)


async def speaker_page(datasette: Any, request: Any) -> Response:
    """A speaker's quotations by cluster and the outlets that quote them."""
    return await _page(datasette, request, "speakers", "quotes_speaker.html", speaker_context)


async def article_page(datasette: Any, request: Any) -> Response:
    """An article's text with its quotations marked, each linked to its cluster and speaker."""
    return await _page(datasette, request, "articles", "quotes_article.html", article_context)


async def _page(datasette: Any, request: Any, table: str, template: str, context_of: Any) -> Any:
    database = tilde_decode(request.url_vars["database"])
    key = tilde_decode(request.url_vars["key"])
    try:
        db = datasette.get_database(database)
    except KeyError:
        raise NotFound(f"Database not found: {database}") from None
    await datasette.ensure_permissions(
        request.actor,
        [("view-table", (database, table)), ("view-database", database), "view-instance"],
    )
    try:
        page = int(request.args.get("page") or 1)
    except ValueError:
        page = 1
    context = await context_of(db, key, page)
    if context is None:
        raise NotFound(f"Not found in {table}: {key}")
    context.update(
        database=database,
        table_url=datasette.urls.table(database, table),
        quotes_url=datasette.urls.table(database, "quotes"),
        metadata=datasette.metadata(),  # the footer's licence and source
        page_url=lambda kind, key, quote=None: (
            article_url(datasette, database, key, quote)
            if kind == "article"
            else page_url(datasette, database, kind, key)
        ),
        query_url=lambda name, **params: query_url(datasette, database, name, **params),
    )
    html = await datasette.render_template(template, context, request=request)
    return Response.html(html)
