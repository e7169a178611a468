"""Save the search tool's answers as pages of a story: the gathering step of bench/README.md.

The pages corpus is a stored copy that changes: a page may now come back under its url with
tracking parameters, with blank lines after it, or grown longer than when it was annotated. A
saved page must hash as the gold says, so the text kept is the answer itself or the one of those
readings whose SHA-256 is the gold's, never an edited one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.realnews.corpus import sha256


def readings(excerpt: str) -> Iterator[str]:
    """The excerpt, then without trailing blank lines or space, then each shorter prefix."""
    yield excerpt
    yield excerpt.rstrip("\n")
    yield excerpt.rstrip()
    for n in range(len(excerpt) - 1, 0, -1):
        yield excerpt[:n]


def _plain(url: str) -> str:
    return url.split("?", 1)[0]


def save(gold_path: Path, answers: list[dict[str, Any]], pages: Path) -> list[str]:
    """Write each answered page of the gold's story whose text hashes right; lines to print."""
    gold = json.loads(gold_path.read_text("utf-8"))
    folder = pages / gold["story"]
    folder.mkdir(parents=True, exist_ok=True)
    by_url = {_plain(a["url"]): a for a in gold["articles"]}
    side = folder / "sources.json"
    entries = json.loads(side.read_text("utf-8")) if side.is_file() else []
    listed = {e["file"] for e in entries}
    lines = []
    for result in (r for answer in answers for r in answer.get("results", [])):
        article = by_url.get(_plain(result["url"]))
        if article is None:
            continue
        text = next(
            (t for t in readings(result["excerpt"]) if sha256(t) == article["sha256"]), None
        )
        if text is None:
            lines.append(f"{article['file']}: no reading of the answer hashes as the gold's page")
            continue
        with (folder / article["file"]).open("w", encoding="utf-8", newline="") as f:
            f.write(text)
        if article["file"] not in listed:
            keys = ("file", "url", "outlet", "published")
            entries.append({k: article.get(k) for k in keys})
            listed.add(article["file"])
        lines.append(f"{article['file']}: saved")
    side.write_text(json.dumps(entries, indent=1, ensure_ascii=False) + "\n", "utf-8")
    (folder / "queries.txt").write_text("\n".join(gold["queries"]) + "\n", "utf-8")
    missing = [a["file"] for a in gold["articles"] if not (folder / a["file"]).is_file()]
    lines.append(
        f"{gold['story']}: {len(gold['articles']) - len(missing)} of "
        f"{len(gold['articles'])} pages; missing: {', '.join(missing) or 'none'}"
    )
    return lines
