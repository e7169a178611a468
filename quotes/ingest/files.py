"""Which files to read, what kind each is, and the metadata a folder's sources.json gives them."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from quotes.model import Problem

SIDECAR = "sources.json"
# The largest record read: a file, a JSON line, a WARC page. Bigger ones are Problems, never read
# whole, so a build's memory stays a small multiple of this however large or inflated a file is.
MAX_ARTICLE_BYTES = 4_000_000
_CHUNK = 1 << 16


class TooLarge(ValueError):
    """A record over the size cap: skipped, and recorded as a problem."""

    def __init__(self, max_bytes: int, what: str = "article") -> None:
        super().__init__(
            f"{what} larger than {max_bytes:,} bytes, skipped"
            " (quotes build --max-article-size raises the cap)"
        )


KINDS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl",
    ".warc": "warc", ".warc.gz": "warc", ".json": "json",
}  # fmt: skip


def walk(paths: Iterable[str | Path]) -> Iterator[Path | Problem]:
    """Files named, and files under folders named (recursively, sorted, hidden ones left out)."""
    for path in map(Path, paths):
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            yield Problem(str(path), "no such file or folder")
            continue
        except OSError as exc:  # a folder on the way cannot be entered, a link loops
            yield Problem(str(path), f"cannot read: {exc.strerror or exc}")
            continue
        if not stat.S_ISDIR(mode):
            if path.name != SIDECAR:  # `quotes build seeds/*` names the sidecar too
                yield path
            continue
        errors: list[OSError] = []
        for folder, dirs, files in os.walk(path, onerror=errors.append):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and name != SIDECAR:
                    yield Path(folder) / name
        for error in errors:
            yield Problem(str(error.filename or path), f"cannot list folder: {error.strerror}")


def kind_of(path: Path) -> str | None:
    """The reader for a file, by its extension or else its first bytes; None for text or HTML."""
    name = path.name.lower()
    for suffix, kind in KINDS.items():
        if name.endswith(suffix):
            return kind
    with path.open("rb") as f:
        return "warc" if f.read(7) == b"WARC/1." else None


def load_sidecar(folder: Path) -> tuple[dict[str, dict[str, Any]], str | None]:
    """A folder's sources.json entries by file name, and why it is unusable if it is."""
    side = folder / SIDECAR
    if not side.is_file():
        return {}, None
    try:
        entries = json.loads(side.read_text("utf-8-sig"))
    except (OSError, ValueError) as exc:
        return {}, f"unusable {SIDECAR}, its metadata is ignored: {exc}"
    if not isinstance(entries, list):
        return {}, f"unusable {SIDECAR}: expected a list of objects with a 'file' name"
    by_file = {
        e["file"]: e for e in entries if isinstance(e, dict) and isinstance(e.get("file"), str)
    }
    return by_file, None


def read_capped(path: Path, max_bytes: int) -> bytes:
    """A file's bytes, or TooLarge without reading them when there are more than `max_bytes`."""
    with path.open("rb") as f:
        raw = f.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise TooLarge(max_bytes)
    return raw


def capped_lines(f: IO[bytes], max_bytes: int) -> Iterator[bytes | TooLarge]:
    """Lines of a stream, each read into at most `max_bytes`; a longer one is TooLarge, skipped."""
    while True:
        line = f.readline(max_bytes + 1)
        if not line:
            return
        if len(line) <= max_bytes or line.endswith(b"\n") and len(line) == max_bytes + 1:
            yield line
            continue
        while line and not line.endswith(b"\n"):  # pass over the rest, a chunk at a time
            line = f.readline(_CHUNK)
        yield TooLarge(max_bytes, "line")
