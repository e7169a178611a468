"""Web pages to article text and metadata, with trafilatura doing the boilerplate removal."""

from __future__ import annotations

import logging
from typing import Any

import regex

# trafilatura logs every page it finds too short at ERROR level; those pages become Problems here.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

MIN_WORDS = 10  # fewer is a menu, a login wall or an error page, even if trafilatura kept it
# htmldate: look beyond the obvious meta tags, and prefer the original date to the last update.
DATE_PARAMS = {"extensive_search": True, "original_date": True}


class NoArticle(ValueError):
    """The page holds no article text (a menu, a login wall, an error page)."""


def extract_page(html: bytes | str, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """A page's main text, one paragraph per block, and its url, outlet, published and title."""
    import trafilatura  # imported with the first page: reading text files never needs it
    from trafilatura.settings import Document

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=DATE_PARAMS,
        )
    except Exception as exc:  # noqa: BLE001 - lxml and htmldate raise many kinds on odd markup
        raise NoArticle(f"page could not be parsed: {exc!r}") from exc
    text = (doc.text or "").strip() if isinstance(doc, Document) else ""
    if not isinstance(doc, Document) or not text:
        raise NoArticle("no article text found in the page")
    if len(text.split()) < MIN_WORDS:
        raise NoArticle(f"no article text found in the page, only {text[:60]!r}")
    # trafilatura puts one block per line; quote extraction wants paragraphs apart by a blank line.
    text = regex.sub(r"[ \t]*\n\s*", "\n\n", text)
    if doc.title and not text.startswith(doc.title):  # the headline is part of the story
        text = f"{doc.title}\n\n{text}"
    meta = {
        "url": doc.url or url,
        "outlet": doc.sitename,
        "published": doc.date,
        "title": doc.title,
    }
    return text, {k: v for k, v in meta.items() if v}


def looks_like_html(text: str) -> bool:
    """Whether text of unknown type is markup, judged by its opening."""
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head
