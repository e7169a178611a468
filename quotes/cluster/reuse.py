"""Copy edges a touched cluster keeps from the database: a day's news mostly adds later copies to
a cluster, which leave the edges of its stored quotes as they were.

A computed cluster's `trace` says what its edges were computed from: a digest of its canonical
quote and first appearance, then one digest per quote of all copy_edges reads of it (its id,
article, text, offsets, credit, date, outlet, its article's credits, its alterations). When a
cluster is computed again with the same canonical quote and first appearance, and every stored
quote's digest is among its quotes' (none left, none changed), the stored quotes' edges stand
but for those a new quote could reach (edges.unchanged_by); the others are computed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping, Sequence
from typing import Protocol

from quotes.cluster.edges import unchanged_by
from quotes.cluster.provenance import Member
from quotes.model import Alteration, Edge

__all__ = ["NOTHING_STORED", "Stored", "kept_edges", "standing", "trace", "written"]


class Stored(Protocol):
    """What the database holds of the clusters a build computes again."""

    def trace(self, cluster_id: str) -> str | None:
        """The trace stored with the cluster of this id, if this version of the code wrote it."""

    def edges(self, quote_ids: Collection[str]) -> dict[str, Edge]:
        """The stored copy edges of these quotes (those that have one)."""


class _Nothing:
    """A database that holds no cluster yet."""

    def trace(self, cluster_id: str) -> str | None:
        return None

    def edges(self, quote_ids: Collection[str]) -> dict[str, Edge]:
        return {}


NOTHING_STORED: Stored = _Nothing()


def trace(
    members: Sequence[Member],
    canonical: Member,
    firsts: Sequence[Member],
    first_day: str | None,
    changes: Mapping[str, Sequence[Alteration]],
    credits: Mapping[str, frozenset[str]],
    spliced: Mapping[str, tuple[str, int, int]],
) -> tuple[str, dict[str, str]]:
    """The frame's digest and each quote's, by quote id (`spliced`: a splicing quote's partner
    and span, which its splice edge is made of)."""
    frame = (canonical.id, canonical.quote.text, sorted(m.id for m in firsts), first_day)
    return _digest(repr(frame)), {
        m.id: _digest(f"{_read(m, changes, credits)} {spliced.get(m.id)!r}") for m in members
    }


def written(frame: str, prints: Mapping[str, str]) -> str:
    """A trace as the database keeps it: the frame's digest, then the quotes' sorted."""
    return " ".join([frame, *sorted(prints.values())])


def _read(
    m: Member, changes: Mapping[str, Sequence[Alteration]], credits: Mapping[str, frozenset[str]]
) -> str:
    """All copy_edges reads of one quote, and the rest of its row, strings as repr gives them
    (so no two read alike)."""
    q = m.quote
    cited = sorted(credits.get(q.article_id, ()))
    altered = [tuple(vars(a).values()) for a in changes.get(m.id, ())]
    said = (q.speaker.name, q.speaker.kind) if q.speaker else None
    return (
        f"{m.id!r} {q.article_id!r} {q.text!r} {q.start} {q.end} {q.credit!r} {m.published!r}"
        f" {m.outlet!r} {cited!r} {altered!r} {said!r} {q.kind!r} {q.cue!r} {q.rule!r}"
    )


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def standing(before: str | None, frame: str, prints: Mapping[str, str]) -> frozenset[str]:
    """The quotes whose stored row and alterations stand as they are, given the cluster's
    stored trace `before` and its frame and quotes' digests now: those whose digest (all of
    their row but the cluster, which is this one, and the speaker's number, which saving
    renumbers, and their alterations) it holds, when the frame is the same (the canonical
    quote, which the alterations are made against, and the first appearance)."""
    if before is None:
        return frozenset()
    old_frame, *old_prints = before.split(" ")
    if old_frame != frame:
        return frozenset()
    stayed = set(old_prints)
    return frozenset(i for i, p in prints.items() if p in stayed)


def kept_edges(
    before: str | None,
    members: Sequence[Member],
    frame: str,
    prints: Mapping[str, str],
    stored: Stored,
    credits: Mapping[str, frozenset[str]],
) -> dict[str, Edge | None]:
    """The quotes whose stored edge (None for none) stands, given the cluster's stored trace
    `before` and its frame and quotes' digests now."""
    if before is None:
        return {}
    old_frame, *old_prints = before.split(" ")
    stayed = set(old_prints)
    if old_frame != frame or not stayed <= set(prints.values()):
        return {}  # a stored quote left or changed, or the canonical or first appearance did
    old = [m for m in members if prints[m.id] in stayed]
    new = [m for m in members if prints[m.id] not in stayed]
    keep = [m.id for m in unchanged_by(old, new, credits)]
    edges = stored.edges(keep) if keep else {}
    return {i: edges.get(i) for i in keep}
