"""Turn alteration rows and copy edges into what a cluster page shows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from quotes.cluster.normalise import tokenise
from quotes.views import COSMETIC_OPS

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

    kind: str  # same, deleted (canonical words the variant lacks), inserted, cosmetic, gap
    text: str
    op: str | None = None
    was: str | None = None  # the canonical words a cosmetic change replaced


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
    if op in COSMETIC_OPS:  # shown lightly, with the canonical form on hover
        # A mark that vanished (a dropped comma) leaves no word to underline: show a caret.
        return [Segment("cosmetic" if changed else "gap", changed or "‸", op, canonical)]
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


def wording_tree(
    wordings: Sequence[Mapping[str, Any]], edges: Iterable[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """The copy tree between distinct wordings, flattened depth first for display.

    `wordings` carry "text", "number" and "first_date", in display order; `edges` are copy
    edges between wordings ("text", "source_text", "count", "confidence", "evidence"). Each
    wording hangs under the wording most of its copies came from, sure edges first, never under
    one first printed later; an edge that would close a cycle is dropped, so every wording
    appears once. Identical copies of one wording are
    counted on its row, never drawn as a staircase of their own.
    """
    number = {w["text"]: w["number"] for w in wordings}
    began = {w["number"]: w.get("first_date") or "~" for w in wordings}  # undated sort last
    self_copies: dict[int, int] = {}
    self_evidence: dict[int, str] = {}
    best: dict[int, Mapping[str, Any]] = {}
    for e in edges:
        child, source = number.get(e["text"]), number.get(e["source_text"])
        if child is None or source is None:
            continue
        if child == source:
            self_copies[child] = self_copies.get(child, 0) + e["count"]
            self_evidence[child] = e["evidence"]
        elif began[source] > began[child]:
            continue  # a wording first printed later cannot be where this one began
        elif child not in best or _strength(e) > _strength(best[child]):
            best[child] = e
    parent: dict[int, int] = {}
    for child in sorted(best):
        source = number[best[child]["source_text"]]
        at: int | None = source
        while at is not None and at != child:
            at = parent.get(at)
        if at is None:  # no cycle: the source does not descend from the child
            parent[child] = source
    children: dict[int | None, list[int]] = {}
    for w in wordings:
        children.setdefault(parent.get(w["number"]), []).append(w["number"])
    by_number = {w["number"]: w for w in wordings}
    rows: list[dict[str, Any]] = []
    stack = [(n, 0) for n in reversed(children.get(None, []))]
    while stack:
        n, depth = stack.pop()
        edge = best.get(n) if n in parent else None
        confidence = edge["confidence"] if edge else None
        rows.append(
            {
                "wording": by_number[n],
                "depth": min(depth, MAX_DEPTH),
                "deeper": depth > MAX_DEPTH,
                "source": parent.get(n),
                "edge_count": edge["count"] if edge else 0,
                "evidence": edge["evidence"] if edge else None,
                "confidence": confidence,
                "copied": confidence is not None and confidence >= COPY_CONFIDENCE,
                "self_copies": self_copies.get(n, 0),
                "self_evidence": self_evidence.get(n),
            }
        )
        stack.extend((c, depth + 1) for c in reversed(children.get(n, [])))
    return rows


# Below this confidence an edge names the earliest known earlier wording, not a proven copy.
COPY_CONFIDENCE = 0.5

# Deeper wordings are drawn at this depth, each naming its source, so the tree never staircases.
MAX_DEPTH = 6


def _strength(edge: Mapping[str, Any]) -> tuple[bool, int, float]:
    confidence = edge["confidence"] or 0
    return (confidence >= COPY_CONFIDENCE, edge["count"], confidence)
