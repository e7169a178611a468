"""Datasette plugin: metadata for any quotes database, cell links, and pages per cluster,
speaker and article, with a home page that explains what the data is."""

from __future__ import annotations

from typing import Any

import markupsafe
from datasette import hookimpl
from datasette.utils import tilde_encode

from quotes.db import FOREIGN_KEYS
from quotes.plugin.facets import OutletFacet
from quotes.plugin.home import home_context
from quotes.plugin.links import article_url, cluster_url, speaker_url
from quotes.plugin.metadata import is_quotes_database, metadata_for
from quotes.plugin.pages import article_page, cluster_page, speaker_page
from quotes.views import VIEWS

ROUTE = r"^/-/quotes/(?P<database>[^/]+)/{}/(?P<key>[^/]+)$"

PAGES = {"cluster": cluster_url, "speaker": speaker_url, "article": article_url}

# Columns naming a cluster, speaker or article, wherever they appear: linked to its page.
PAGE_COLUMNS = {
    "cluster_id": "cluster",
    "speaker_id": "speaker",
    "article_id": "article",
    "first_article_id": "article",
}

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
            " ".join(value[:EXCERPT_CHARS].split()), article_url(datasette, database, key), more
        )
    if kind == "row":
        url = datasette.urls.row(database, key[0], tilde_encode(str(key[1])))
    elif kind == "article" and table == "quotes":  # open the article at this quotation
        url = article_url(datasette, database, key, row["id"])
    else:
        url = PAGES[kind](datasette, database, key)
    if kind in LABELS and text == key and table not in VIEWS and table is not None:
        return _labelled_link(db, url, kind, key)  # a row page: Datasette gave no label
    # Markup.format escapes both arguments: quote text is untrusted web content.
    return markupsafe.Markup('<a href="{}">{}</a>').format(url, text)


# How to name a speaker or an article in a link, when Datasette has not looked it up.
LABELS = {
    "speaker": "select name from speakers where id = :key",
    "article": "select coalesce(title, outlet) from articles where id = :key",
}


async def _labelled_link(db: Any, url: str, kind: str, key: Any) -> markupsafe.Markup:
    rows = (await db.execute(LABELS[kind], {"key": key})).rows
    label = rows[0][0] if rows and rows[0][0] else key
    return markupsafe.Markup('<a href="{}">{}</a>').format(url, label)


def _link_target(
    row: Any, value: Any, column: str, table: str | None
) -> tuple[str, Any, Any] | None:
    """(page kind, key, link text) for a cell that names a cluster, speaker or article."""
    key, label = (value["value"], value["label"]) if isinstance(value, dict) else (value, None)
    if column in PAGE_COLUMNS:  # expanded (a table page), plain (a row page, view or query)
        return PAGE_COLUMNS[column], key, key if column == "cluster_id" else (label or key)
    if isinstance(value, dict):
        other = REFERENCES.get((table or "", column))
        return ("row", (other, key), label or key) if other else None
    if table == "clusters" and column == "canonical_text":
        return "cluster", row["id"], value
    if column == "id" and table in ("clusters", "speakers", "articles"):  # only row pages show it
        return table[:-1], value, value
    if table == "articles" and column == "text" and len(value) > EXCERPT_CHARS * 1.2:
        return "excerpt", row["id"], value
    other = REFERENCES.get((table or "", column))
    return ("row", (other, value), value) if other else None
