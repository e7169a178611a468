"""Read articles from files and folders; every input yields Articles or a Problem, never an exception."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from quotes.model import Article, Problem

SIDECAR = "sources.json"


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | Problem]:
    """Yield every article found under `paths` (files or folders), and a Problem for each bad input."""
    for path in map(Path, paths):
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.name == SIDECAR:
                continue
            yield from read_file(file, _sidecar(file))


def read_file(file: Path, meta: dict[str, dict]) -> Iterator[Article | Problem]:
    """Dispatch on the file's extension."""
    source = str(file)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        yield Problem(source, f"cannot read: {exc.strerror or exc}")
        return
    if b"\x00" in raw[:4096]:
        yield Problem(source, "binary file, not an article")
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        yield Problem(source, f"not UTF-8 text: {exc.reason} at byte {exc.start}")
        return
    if file.suffix == ".jsonl":
        yield from _read_jsonl(text, source)
        return
    if not text.strip():
        yield Problem(source, "empty file")
        return
    m = meta.get(file.name, {})
    yield Article(
        id=m.get("id") or file.stem,
        text=text,
        url=m.get("url"),
        outlet=m.get("outlet"),
        published=m.get("published"),
        title=m.get("title"),
        source=source,
    )


def _read_jsonl(text: str, source: str) -> Iterator[Article | Problem]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}#{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(where, f"malformed JSON: {exc.msg}")
            continue
        if not isinstance(rec, dict) or not str(rec.get("text") or "").strip():
            yield Problem(where, "record has no text")
            continue
        yield Article(
            id=str(rec.get("id") or f"{Path(source).stem}-{n}"),
            text=str(rec["text"]),
            url=rec.get("url"),
            outlet=rec.get("outlet"),
            published=rec.get("published"),
            title=rec.get("title"),
            source=where,
        )


def _sidecar(file: Path) -> dict[str, dict]:
    """Metadata for the files of a folder, from its sources.json (a list of objects with "file")."""
    side = file.parent / SIDECAR
    if not side.exists():
        return {}
    try:
        return {e["file"]: e for e in json.loads(side.read_text("utf-8")) if "file" in e}
    except (ValueError, TypeError, KeyError):
        return {}
