"""Read the PolNeAR corpus (articles and their hand-annotated attributions) from a local copy.

PolNeAR has no licence to redistribute, so it is never part of this repository: point the
benchmark at a copy with --polnear or the POLNEAR_DIR environment variable.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DIR = "/work/polnear"
SPLITS = ("train", "dev", "test")

Span = tuple[int, int]  # character offsets [start, end) in the article text


class PolnearMissing(Exception):
    """The corpus is not where the benchmark was told to look."""


@dataclass(frozen=True)
class Attribution:
    """One annotated attribution: who (source) says (cue) what (content), as text spans."""

    id: str
    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]


@dataclass(frozen=True)
class Document:
    """One PolNeAR article with the attributions of one annotator."""

    id: str
    text: str
    attributions: tuple[Attribution, ...]


def polnear_dir(option: str | None = None) -> Path:
    """The corpus' data folder, from the option, then $POLNEAR_DIR, then the default."""
    given = option or os.environ.get("POLNEAR_DIR") or DEFAULT_DIR
    root = Path(given).expanduser()
    for candidate in (root / "data", root):
        if (candidate / "dev" / "attributions").is_dir():
            return candidate
    raise PolnearMissing(
        f"PolNeAR not found at {root}: expected {root}/data/<split>/text and .../attributions.\n"
        "Export a copy of the networkdynamics/PolNeAR repository outside this repository, then\n"
        "pass --polnear DIR or set POLNEAR_DIR=DIR."
    )


def read_split(data_dir: Path, split: str, limit: int | None = None) -> list[Document]:
    """The split's articles in file-name order, each with its first annotator's attributions."""
    texts = sorted((data_dir / split / "text").glob("*.txt"))
    if not texts:
        raise PolnearMissing(f"no articles in {data_dir / split / 'text'}")
    documents = []
    for path in texts[:limit]:
        annotations = sorted((data_dir / split / "attributions").glob(f"{path.stem}_*.ann"))
        if not annotations:
            raise PolnearMissing(f"no annotation file for {path.name}")
        text = path.read_text(encoding="utf-8")
        attributions = parse_ann(annotations[0].read_text(encoding="utf-8"))
        documents.append(Document(id=path.stem, text=text, attributions=attributions))
    return documents


def parse_ann(ann: str) -> tuple[Attribution, ...]:
    """Attributions from a brat standoff file: T lines are spans, E lines tie them together."""
    spans: dict[str, tuple[Span, ...]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        if fields[0].startswith("T"):
            _, _, offsets = fields[1].partition(" ")
            spans[fields[0]] = tuple(_span(part) for part in offsets.split(";"))
        elif fields[0].startswith("E"):
            roles = [tuple(arg.split(":", 1)) for arg in fields[1].split()]
            events.append((fields[0], [(r[0], r[1]) for r in roles if len(r) == 2]))
    return tuple(_attribution(id, roles, spans) for id, roles in events)


def _span(offsets: str) -> Span:
    start, end = offsets.split()
    return int(start), int(end)


def _attribution(
    id: str, roles: list[tuple[str, str]], spans: dict[str, tuple[Span, ...]]
) -> Attribution:
    """Gather an event's spans by role; an attribution may have several content parts."""

    def role(name: str) -> tuple[Span, ...]:
        found = [span for r, t in roles if r == name for span in spans.get(t, ())]
        return tuple(sorted(found))

    return Attribution(id=id, source=role("Source"), cue=role("Cue"), content=role("Content"))
