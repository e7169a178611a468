"""An article's id: from its canonical web address, else an id its record gives, else its text.

Never from a file name or a line number, so the same article read from a page, a crawl and an
archive, in one build or many, is one row, and two different files of one name are two.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from quotes.model import Article, record_hash

# Query parameters that say who sent a reader, not which page it is.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
        "ocid", "mc_cid", "mc_eid", "igshid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok",
        "cmpid", "icid", "ncid", "smid", "soc_src", "soc_trk", "ito", "s_cid", "ref_src",
        "ref_url", "sr_share", "wt_mc", "at_medium", "at_campaign", "at_custom1", "guccounter",
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")
METADATA_FIELDS = ("url", "outlet", "published", "title")


def canonical_url(url: str) -> str | None:
    """One spelling per page: https, no `www.`, no default port, fragment or tracking parameters."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in ("http", "https") or not host:
        return None
    host = host.removeprefix("www.")
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/") or ""
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(TRACKING_PREFIXES)
    ]
    return urlunsplit(("https", host, path, urlencode(sorted(query)), ""))


def article_id(url: str | None, given: str | None, text: str) -> str:
    """The canonical URL's hash; else the id the record gives; else the hash of the words."""
    canonical = canonical_url(url) if url else None
    if canonical:
        return record_hash({"url": canonical})[:16]
    if given:
        return given
    words = " ".join(unicodedata.normalize("NFC", text).split())
    return record_hash({"text": words})[:16]


def _rank(article: Article) -> tuple[int, int, str, str]:
    """Which of two copies to keep: more metadata, then more text; the rest only breaks ties."""
    known = sum(getattr(article, name) is not None for name in METADATA_FIELDS)
    return known, len(article.text), article.text, article.source or ""


def merge_copies(seen: Article | None, new: Article) -> Article:
    """One article from two copies of it: the richer copy, its missing fields filled from the other.

    The choice does not depend on which copy came first, so input order never changes a build.
    """
    if seen is None:
        return new
    base, other = sorted((seen, new), key=_rank, reverse=True)
    return fill_missing(base, other)


def fill_missing(base: Article, other: Article) -> Article:
    """`base` with the metadata it lacks taken from `other`, a copy of the same article."""
    missing = {
        name: getattr(other, name)
        for name in METADATA_FIELDS
        if getattr(base, name) is None and getattr(other, name) is not None
    }
    return replace(base, **missing) if missing else base
