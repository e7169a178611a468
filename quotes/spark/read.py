"""Read articles on the cluster with the single-machine readers, and merge copies by id."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from quotes.ingest import MAX_ARTICLE_BYTES, merge_copies, read_file
from quotes.ingest.jsonl import _article as record_article
from quotes.model import Article, Problem

# (article or problem, where it came in the input: file, record number)
Item = tuple[Article | Problem, tuple[str, int]]
Read = tuple[Article, tuple[str, int]]


def local_name(uri: str) -> str:
    """A path as the single-machine build names it: file URIs without their scheme."""
    return uri.removeprefix("file://") if uri.startswith("file:///") else uri.removeprefix("file:")


def read_bytes(uri: str, content: bytes, max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Item]:
    """The articles of one file given as bytes (JSON Lines, gzipped or not, JSON, WARC, a page),
    read by quotes.ingest.read_file from a private copy; sources name the original file."""
    name = local_name(uri)
    if name.lower().endswith(".parquet"):
        yield from _parquet(name, content)
        return
    with tempfile.TemporaryDirectory(prefix="quotes-spark-") as tmp:
        copy = Path(tmp) / Path(name).name
        copy.write_bytes(content)
        for item in read_file(copy, None, max_bytes):
            source = name + (item.source or "").removeprefix(str(copy))
            yield replace(item, source=source), (name, _record_number(source))


def _parquet(name: str, content: bytes) -> Iterator[Item]:
    """The articles of a Parquet file whose columns have the JSON Lines field names (jsonl.py),
    one per row, each row read as a JSON Lines record is."""
    import pyarrow.parquet as pq

    try:
        rows: Iterable[dict[str, Any]] = pq.read_table(io.BytesIO(content)).to_pylist()
    except Exception as exc:  # noqa: BLE001 - a bad file is a problem, never a failed build
        yield Problem(name, f"cannot read Parquet: {exc}"), (name, 0)
        return
    for n, row in enumerate(rows, 1):
        values = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in row.items()}
        yield record_article(values, f"{name}#{n}"), (name, n)


def _record_number(source: str) -> int:
    _, mark, tail = source.rpartition("#")
    return int(tail) if mark and tail.isdigit() else 0


def articles_of(item: Item) -> list[Read]:
    """The item as a one-article list, or none when it is a problem."""
    thing, order = item
    return [(thing, order)] if isinstance(thing, Article) else []


def problems_of(item: Item) -> list[Problem]:
    """The item as a one-problem list, or none when it is an article."""
    return [item[0]] if isinstance(item[0], Problem) else []


def merge(a: Read, b: Read) -> Read:
    """Two copies of one article as one (merge_copies), at the place of the first read."""
    return merge_copies(a[0], b[0]), min(a[1], b[1])
