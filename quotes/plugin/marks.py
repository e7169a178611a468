"""Turn alteration rows and provenance edges into what a cluster page shows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from quotes.cluster.normalise import tokenise
from quotes.db import COSMETIC_OPS

LABELS = {
    "case": "case only",
    "typography": "typography or punctuation",
    "truncated_start": "truncated start",
    "truncated_end": "truncated end",
    "elision": "elision",
    "bracket": "editorial insertion",
    "substitution": "substitution",
    "insertion": "insertion",
    "splice": "splice",
}


@dataclass(frozen=True)
class Segment:
    """A run of a variant's words and how they differ from the canonical text."""

    kind: str  # same, deleted (canonical words the variant lacks), inserted, cosmetic
    text: str
    op: str | None = None
    was: str | None = None  # the canonical words a cosmetic change replaced


@dataclass
class Node:
    """One quote in the provenance tree, with the quotes copied from it."""

    quote: Mapping[str, Any]
    evidence: str | None = None
    confidence: float | None = None
    children: list[Node] = field(default_factory=list)


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each word is in `text`, as the clustering tokeniser counts alteration positions."""
    tokens = tokenise(text)
    spans = []
    at = 0
    for sep, word in zip(tokens.seps, tokens.surface, strict=False):
        at += len(sep)
        spans.append((at, at + len(word)))
        at += len(word)
    return spans


def label(op: str) -> str:
    """A reader's name for an alteration operation."""
    return LABELS.get(op, op.replace("_", " "))


def mark_alterations(text: str, alterations: Iterable[Mapping[str, Any]]) -> list[Segment] | None:
    """The variant as written with each alteration marked, or None when the positions do not fit.

    Canonical words the variant lacks are struck in place, before the variant word that
    follows the gap, so the variant reads as an edit of the canonical text.
    """
    spans = word_spans(text)
    ordered = sorted(alterations, key=lambda a: (a["variant_start"], a["variant_end"]))
    segments: list[Segment] = []
    at = 0  # character offset rendered so far
    for alt in ordered:
        start, end = alt["variant_start"], alt["variant_end"]
        if not 0 <= start <= end <= len(spans):
            return None
        anchor = spans[start][0] if start < len(spans) else len(text)
        if anchor < at:
            return None
        _add(segments, Segment("same", text[at:anchor]))
        at = anchor
        if end > start:
            at = spans[end - 1][1]
            if _squeeze(text[anchor:at]) != _squeeze(alt["variant"] or ""):
                return None
        for part in _alteration_segments(alt, text[anchor:at], at == len(text)):
            _add(segments, part)
    _add(segments, Segment("same", text[at:]))
    return segments


def _alteration_segments(alt: Mapping[str, Any], changed: str, at_end: bool) -> list[Segment]:
    op, canonical = alt["op"], _squeeze(alt["canonical"] or "")
    if op in COSMETIC_OPS:  # shown quietly, with the canonical form on hover
        return [Segment("cosmetic", changed, op, canonical)]
    parts = []
    if canonical:
        struck = Segment("deleted", canonical, op)
        space = Segment("same", " ")
        parts += [space, struck] if at_end and not changed else [struck, space]
    if changed:
        parts.append(Segment("inserted", changed, op))
    return parts


def _add(segments: list[Segment], segment: Segment) -> None:
    """Append, merging runs of unchanged text."""
    if segment.kind != "same":
        segments.append(segment)
    elif segment.text and segments and segments[-1].kind == "same":
        segments[-1] = Segment("same", segments[-1].text + segment.text)
    elif segment.text:
        segments.append(segment)


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def describe(alt: Mapping[str, Any]) -> str:
    """One line a reader can check: 'substitution: “contract” → “deal”'."""
    canonical, variant = alt["canonical"] or "", alt["variant"] or ""
    if canonical and variant:
        return f"{label(alt['op'])}: “{canonical}” → “{variant}”"
    if canonical:
        return f"{label(alt['op'])}: drops “{canonical}”"
    return f"{label(alt['op'])}: adds “{variant}”"


def provenance_tree(
    quotes: Sequence[Mapping[str, Any]], edges: Iterable[Mapping[str, Any]]
) -> list[Node]:
    """The cluster's spread as trees rooted at quotes with no known source, in `quotes` order.

    A quote with several sources (a splice) hangs under the most confident one; a cycle in
    the edges is broken where it is first met, so every quote appears exactly once.
    """
    ids = {q["id"] for q in quotes}
    best: dict[str, Mapping[str, Any]] = {}
    for edge in edges:
        if edge["source_quote_id"] in ids and edge["quote_id"] in ids:
            current = best.get(edge["quote_id"])
            if current is None or (edge["confidence"] or 0) > (current["confidence"] or 0):
                best[edge["quote_id"]] = edge
    nodes = {
        q["id"]: Node(q, best[q["id"]]["evidence"], best[q["id"]]["confidence"])
        if q["id"] in best
        else Node(q)
        for q in quotes
    }
    roots = [nodes[q["id"]] for q in quotes if q["id"] not in best]
    for q in quotes:
        if q["id"] in best:
            nodes[best[q["id"]]["source_quote_id"]].children.append(nodes[q["id"]])
    placed: set[str] = set()
    _walk(roots, placed)
    for q in quotes:  # quotes caught in a cycle were never reached from a root
        if q["id"] not in placed:
            cut = nodes[q["id"]]
            for node in nodes.values():
                if cut in node.children:
                    node.children.remove(cut)
            roots.append(cut)
            _walk([cut], placed)
    return roots


def _walk(nodes: Iterable[Node], placed: set[str]) -> None:
    for node in nodes:
        placed.add(node.quote["id"])
        _walk(node.children, placed)
