"""Datasette plugin: metadata for any quotes database, cell links, and pages per cluster,
speaker and article, with a home page that explains what the data is."""

from __future__ import annotations

from typing import Any

import markupsafe
from datasette import hookimpl
from datasette.utils import tilde_encode

from quotes.db import FOREIGN_KEYS, VIEWS
from quotes.plugin.facets import OutletFacet
from quotes.plugin.home import home_context
from quotes.plugin.links import article_url, cluster_url, speaker_url
from quotes.plugin.metadata import is_quotes_database, metadata_for
from quotes.plugin.pages import article_page, cluster_page, speaker_page

ROUTE = r"^/-/quotes/(?P<database>[^/]+)/{}/(?P<key>[^/]+)$"

PAGES = {"cluster": cluster_url, "speaker": speaker_url, "article": article_url}

# The table each foreign key column points at, for links Datasette does not make itself.
REFERENCES = {(table, column): other for table, column, other, _ in FOREIGN_KEYS}

# Article text shown in a table cell: enough to recognise it; the article page has the rest.
EXCERPT_CHARS = 240


@hookimpl
def get_metadata(datasette: Any, key: str, database: str | None, table: str | None) -> Any:
    """The project's descriptions, facets and canned queries, under each quotes database's name."""
    return metadata_for(datasette)


@hookimpl
def register_facet_classes() -> list[type]:
    return [OutletFacet]


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [
        (ROUTE.format("cluster"), cluster_page),
        (ROUTE.format("speaker"), speaker_page),
        (ROUTE.format("article"), article_page),
    ]


@hookimpl
def extra_css_urls(database: str | None, datasette: Any) -> list[str]:
    return [datasette.urls.static_plugins("quotes", "quotes.css")]


@hookimpl
def extra_template_vars(
    template: str, database: str | None, view_name: str, request: Any, datasette: Any
) -> Any:
    """The home page's introduction, on the instance index and on a quotes database's page."""
    if view_name not in ("index", "database"):
        return None

    async def inner() -> dict[str, Any]:
        names = [database] if database else list(datasette.databases)
        for name in names:
            db = datasette.databases.get(name)
            if db is not None and is_quotes_database(name, db):
                return {"quotes_home": await home_context(datasette, name)}
        return {}

    return inner


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Any:
    """Link quotations, speakers and articles to their pages, wherever a table shows their ids."""
    db = datasette.databases.get(database)
    if value is None or db is None or not is_quotes_database(database, db):
        return None
    target = _link_target(row, value, column, table)
    if target is None:
        return None
    kind, key, text = target
    if kind == "excerpt":
        more = len(value) - EXCERPT_CHARS
        return markupsafe.Markup('{}&hellip; <a href="{}">{:,} more characters</a>').format(
            value[:EXCERPT_CHARS], article_url(datasette, database, key), more
        )
    if kind == "row":
        url = datasette.urls.row(database, key[0], tilde_encode(str(key[1])))
    else:
        url = PAGES[kind](datasette, database, key)
    # Markup.format escapes both arguments: quote text is untrusted web content.
    return markupsafe.Markup('<a href="{}">{}</a>').format(url, text)


def _link_target(
    row: Any, value: Any, column: str, table: str | None
) -> tuple[str, Any, Any] | None:
    """(page kind, key, link text) for a cell that names a cluster, speaker or article."""
    ours = table is None or table in VIEWS  # a query or a view: plain values, no foreign keys
    if isinstance(value, dict):  # a foreign key Datasette expanded: {"value": id, "label": ...}
        key, label = value["value"], value["label"]
        kinds = {"cluster_id": "cluster", "speaker_id": "speaker", "article_id": "article"}
        kinds["first_article_id"] = "article"
        if column in kinds:
            return kinds[column], key, key if column == "cluster_id" else (label or key)
        other = REFERENCES.get((table or "", column))
        return ("row", (other, key), label or key) if other else None
    if table == "clusters" and column == "canonical_text":
        return "cluster", row["id"], value
    if column == "id" and table in ("clusters", "speakers", "articles"):  # only row pages show it
        return table[:-1], value, value
    if table == "articles" and column == "text" and len(value) > EXCERPT_CHARS * 1.2:
        return "excerpt", row["id"], value
    if ours and column == "cluster_id":
        return "cluster", value, value
    if ours and column in ("article_id", "first_article_id"):
        return "article", value, value
    other = REFERENCES.get((table or "", column))
    return ("row", (other, value), value) if other else None
