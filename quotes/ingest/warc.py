"""Web archives (WARC, plain or gzipped): every successful HTML response in them is an article.

A broken record gives a Problem and reading resumes at the next record header found in the file
(the next "WARC/1." line, or the next gzip member of a .warc.gz), so one bad record costs one page.
"""

from __future__ import annotations

import mmap
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from quotes.ingest.files import MAX_ARTICLE_BYTES, TooLarge
from quotes.ingest.html import NoArticle, extract_page
from quotes.ingest.metadata import make_article
from quotes.model import Article, Problem

HTML_TYPES = ("text/html", "application/xhtml+xml")
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_HEADER = b"WARC/1."


def read_warc(path: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Article | Problem]:
    """One Article per HTML page in the archive, one Problem per broken record or empty page.

    Each page is read (and inflated) up to `max_bytes`; a larger one is a Problem.
    """
    found = False
    for item in _read_warc(path, max_bytes):
        found = True
        yield item
    if not found:
        yield Problem(str(path), "no HTML pages in this archive (only other kinds of records)")


def _read_warc(path: Path, max_bytes: int) -> Iterator[Article | Problem]:
    source = str(path)
    with path.open("rb") as f:
        if path.stat().st_size == 0:
            yield Problem(source, "empty file")
            return
        with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
            marker = _GZIP_MEMBER if data[:3] == _GZIP_MEMBER else _WARC_HEADER
            start = 0
            while start >= 0:
                f.seek(start)
                failed_at = yield from _records(f, len(data), source, max_bytes)
                if failed_at is None:
                    return
                start = data.find(marker, max(failed_at, start) + 1)


def _records(
    f: IO[bytes], size: int, source: str, max_bytes: int
) -> Generator[Article | Problem, None, int | None]:
    """Read records from the file's position on; return where a broken one began, or None."""
    records = ArchiveIterator(f)  # its offsets are file positions, as it starts from f.tell()
    try:
        for record in records:
            if record.rec_type is None:  # no WARC-Type: warcio would swallow what follows
                raise ValueError("record has no WARC-Type header")
            page = _page(record, max_bytes)  # the body first: asking the offset consumes it
            where = f"{source}#{records.get_record_offset()}"
            if isinstance(page, TooLarge):
                yield Problem(where, str(page))
            elif getattr(record.raw_stream, "limit", 0) > 0:
                yield Problem(where, "truncated WARC record: the file ends inside it")
            elif page is not None:
                yield _article(record, page, where)
    except Exception as exc:  # noqa: BLE001 - warcio, zlib and http parsing each raise their own
        yield Problem(f"{source}#{records.offset}", f"broken WARC record: {_printable(exc)}")
        return int(records.offset)
    if records.offset < size:  # warcio stops quietly at a record header it cannot parse
        yield Problem(f"{source}#{records.offset}", "unreadable data where a WARC record should be")
        return int(records.offset)
    return None


def _page(record: ArcWarcRecord, max_bytes: int) -> bytes | TooLarge | None:
    """The HTML body of a successful page capture, or None for every other kind of record."""
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        content_type = record.http_headers.get_header("Content-Type") or ""
        if not status.startswith("2"):
            return None
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    if not content_type.lower().startswith(HTML_TYPES):
        return None
    body = record.content_stream().read(max_bytes + 1)
    return TooLarge(max_bytes, "page") if len(body) > max_bytes else body


def _article(record: ArcWarcRecord, body: bytes, where: str) -> Article | Problem:
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        text, meta = extract_page(body, url)
    except NoArticle as exc:
        return Problem(where, str(exc))
    captured: dict[str, Any] = {"published": record.rec_headers.get_header("WARC-Date")}
    return make_article(text, where, meta | {"url": url or meta.get("url")}, fallback=captured)


def _printable(exc: Exception, limit: int = 100) -> str:
    """An error message fit for the problems table: no raw bytes, not pages long."""
    text = str(exc) or type(exc).__name__
    cut = next((i for i, c in enumerate(text) if not c.isprintable()), len(text))
    cut = min(cut, limit)
    return text if cut == len(text) else text[:cut].rstrip() + " …"
