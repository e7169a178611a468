"""Where the plugin's pages live, and which links in the data are safe to follow."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from datasette.utils import tilde_encode


def page_url(datasette: Any, database: str, kind: str, key: Any) -> str:
    """The plugin page of one cluster, speaker or article."""
    return datasette.urls.path(
        f"/-/quotes/{tilde_encode(database)}/{kind}/{tilde_encode(str(key))}"
    )


def cluster_url(datasette: Any, database: str, cluster_id: Any) -> str:
    """Where the side-by-side page of one cluster lives."""
    return page_url(datasette, database, "cluster", cluster_id)


def speaker_url(datasette: Any, database: str, speaker_id: Any) -> str:
    """A speaker's page: their quotations by cluster and the outlets quoting them."""
    return page_url(datasette, database, "speaker", speaker_id)


def article_url(datasette: Any, database: str, article_id: Any, quote_id: Any = None) -> str:
    """An article's text with its quotations marked, at one quotation when given."""
    url = page_url(datasette, database, "article", article_id)
    return f"{url}#quote-{tilde_encode(str(quote_id))}" if quote_id else url


def query_url(datasette: Any, database: str, query: str, **params: str) -> str:
    """A canned query with its parameters filled in."""
    return datasette.urls.query(database, query) + ("?" + urlencode(params) if params else "")


def web_url(url: str | None) -> str | None:
    """The URL if it is a web address: article URLs come from the input and may be hostile."""
    return url if url and url.lower().startswith(("http://", "https://")) else None
