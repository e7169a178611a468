"""Who copied whom: for each quote after the first appearance, its most likely earlier source.

Evidence, strongest first: the quote's article credits the source's outlet (for this quote, or
anywhere in the article); both share the same changes to the canonical wording (the same
truncation, the same changed word), which copies inherit; the source holds every word the
quote has; closest wording; nearest earlier date. A source must be published before the quote
(the same day only when credited). Undated quotes take part only when a credit says so, since
without a date nothing else tells which way the copying went.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import regex
from rapidfuzz.distance import Indel

from quotes.cluster.provenance import Member
from quotes.cluster.verify import align
from quotes.model import Alteration, Edge
from quotes.outlets import outlet_name as _outlet_name

outlet_name = functools.lru_cache(maxsize=4096)(_outlet_name)

_APOSTROPHES = regex.compile(r"['’ʼ‘`´]")
W_QUOTE_CREDIT = 3.0
W_ARTICLE_CREDIT = 2.0
W_SHARED_CHANGE = 1.0
W_SHARED_MINOR = 0.25
W_CONTAINS = 2.0
W_SIMILAR = 1.0
W_DAYS = 0.01  # per day between source and copy: nearer sources are likelier, slightly
MAX_SOURCES = 64  # possible sources weighed per quote in a very large cluster
STRONG = 4.0  # a score this high (same wording and a credit, or a shared change) is sure evidence


@dataclass(frozen=True)
class Evidence:
    """What links a quote to one possible source, and how much it weighs."""

    source: Member
    score: float
    reasons: tuple[str, ...]


def copy_edges(
    members: Sequence[Member],
    firsts: Sequence[Member],
    codes: Sequence[str],
    changes: Mapping[str, Sequence[Alteration]],
    credits: Mapping[str, frozenset[str]],
    known: Mapping[str, Edge | None] | None = None,
) -> list[Edge]:
    """One edge per quote whose source the evidence points to.

    `members` are oldest first (provenance.members_of), `codes` maps wording index to encoded
    words, `changes` quote id to its alterations and `credits` article id to the outlets that
    article credits. `known`: quotes whose edge (None
    for none) is already known, as a build stored it (see unchanged_by).
    """
    first_ids = {m.id for m in firsts}
    known = known or {}
    sources = _Sources(members)
    edges = []
    for q in members:
        if q.id in known:
            if (edge := known[q.id]) is not None:
                edges.append(edge)
            continue
        if q.id in first_ids:
            continue
        pool = _pool(q, sources, credits)
        found = [e for s in pool if (e := _evidence(q, s, codes, changes, credits))]
        if not found:
            continue
        found.sort(key=lambda e: (-e.score, _order(e.source)))
        best = found[0]
        # Confidence: how far the best source stands out among the possible ones, times how
        # strong its own evidence is.
        share = 1 / sum(math.exp(e.score - best.score) for e in found)
        confidence = share * min(1.0, max(best.score, 0.0) / STRONG)
        # Reasons are written out for the chosen source only.
        explained = _evidence(q, best.source, codes, changes, credits, explain=True)
        reasons = "; ".join(explained.reasons) if explained else ""
        edges.append(Edge(q.id, best.source.id, reasons, round(confidence, 3)))
    return edges


class _Sources:
    """A large cluster's members (oldest first, as members_of gives them) by date and by
    outlet, so each quote's possible sources are found without reading the whole cluster."""

    def __init__(self, members: Sequence[Member]) -> None:
        self.members = members
        self.dates = [m.published for m in members if m.published]  # the dated ones lead
        self.by_outlet: dict[str, list[int]] = defaultdict(list)
        for k, m in enumerate(members):
            if m.outlet:
                self.by_outlet[outlet_name(m.outlet)].append(k)


def _pool(q: Member, sources: _Sources, credits: Mapping[str, frozenset[str]]) -> Sequence[Member]:
    """The possible sources worth weighing: all of them, or in a very large cluster the first
    MAX_SOURCES quotes of the outlets q credits and the last MAX_SOURCES dated on or before it."""
    if len(sources.members) <= MAX_SOURCES:
        return sources.members
    named = set(credits.get(q.quote.article_id, ()))
    if q.quote.credit:
        named.add(outlet_name(q.quote.credit))
    firsts = (k for o in named for k in sources.by_outlet.get(o, ())[:MAX_SOURCES])
    credited = [sources.members[k] for k in sorted(firsts)[:MAX_SOURCES]]
    end = bisect.bisect_right(sources.dates, q.published) if q.published else 0
    before = sources.members[max(0, end - MAX_SOURCES) : end]
    chosen = {s.id: s for s in [*credited, *before]}
    return list(chosen.values())


def _order(m: Member) -> tuple[bool, str, str, int, int]:
    """Sources of equal score by date, then place: a total order, so the chosen source never
    depends on the order the possible ones were weighed in."""
    return (m.published is None, m.published or "", m.quote.article_id, m.quote.start, m.quote.end)


def unchanged_by(
    old: Sequence[Member], new: Sequence[Member], credits: Mapping[str, frozenset[str]]
) -> list[Member]:
    """The quotes of `old` whose edge adding the quotes `new` to their cluster leaves as it was,
    given that nothing else copy_edges reads changed (their quotes, articles, credits and
    alterations, and the first appearance).

    A new quote can be a possible source of an old one q (its evidence not None) only when it
    is dated on or before q, or q credits its outlet: every other q weighs the same evidence.
    Nor does it change the sources _pool weighs for such a q: it is not among those dated on
    or before q, nor among those q credits, and when the new quotes take a cluster past
    MAX_SOURCES, the sources _pool leaves out are neither credited nor dated on or before q,
    which evidence never counts.
    """
    outlets = {outlet_name(n.outlet) for n in new if n.outlet}
    dated = [n.published for n in new if n.published]
    earliest = min(dated) if dated else None
    out = []
    for q in old:
        if earliest is not None and q.published is not None and earliest <= q.published:
            continue
        named = credits.get(q.quote.article_id, frozenset())
        if outlets & named or (q.quote.credit and outlet_name(q.quote.credit) in outlets):
            continue
        out.append(q)
    return out


def _evidence(
    q: Member,
    s: Member,
    codes: Sequence[str],
    changes: Mapping[str, Sequence[Alteration]],
    credits: Mapping[str, frozenset[str]],
    explain: bool = False,
) -> Evidence | None:
    """What links q to source s and its score; the reasons in words only when `explain`."""
    if s.quote.article_id == q.quote.article_id:
        return None
    source_outlet = outlet_name(s.outlet) if s.outlet else None
    quote_credit = bool(q.quote.credit and source_outlet == outlet_name(q.quote.credit))
    article_credit = bool(source_outlet and source_outlet in credits.get(q.quote.article_id, ()))
    credited = quote_credit or article_credit
    if q.published and s.published:
        if s.published > q.published or (s.published == q.published and not credited):
            return None
    elif not credited:
        return None
    score, reasons = 0.0, []
    if credited:
        score += W_QUOTE_CREDIT if quote_credit else W_ARTICLE_CREDIT
        if explain:
            where = "" if quote_credit else " in the article"
            reasons.append(f"credits {source_outlet}{where}")
    shared = _shared_changes(changes.get(q.id, ()), changes.get(s.id, ()))
    substantive = [a for a in shared if a.op not in ("case", "typography")]
    score += W_SHARED_CHANGE * min(len(substantive), 3) + W_SHARED_MINOR * min(
        len(shared) - len(substantive), 2
    )
    contained, similar = _likeness(codes[q.wording], codes[s.wording])
    score += W_CONTAINS * contained + W_SIMILAR * similar
    if explain:
        reasons.extend(_describe(a) for a in shared[:3])
        reasons.append(
            f"wording {similar:.2f} similar"
            + ("" if contained == 1 else f", {contained:.0%} of its words in the source")
        )
    if q.published and s.published:
        days = _days(q.published, s.published)
        score -= W_DAYS * days
        if explain:
            reasons.append(
                "same day" if days == 0 else f"{days} day{'s' if days > 1 else ''} earlier"
            )
    return Evidence(s, score, tuple(reasons))


@functools.lru_cache(maxsize=1 << 14)
def _days(later: str, earlier: str) -> int:
    """Days between two ISO dates."""
    return (date.fromisoformat(later) - date.fromisoformat(earlier)).days


@functools.lru_cache(maxsize=1 << 16)
def _likeness(quote: str, source: str) -> tuple[float, float]:
    """How much of a wording another holds, and how similar they are: computed once per pair of
    wordings, as a cluster of reprints weighs the same pair for many of its quotes."""
    return align(quote, source).coverage_a, Indel.normalized_similarity(quote, source)


def _shared_changes(mine: Sequence[Alteration], theirs: Sequence[Alteration]) -> list[Alteration]:
    """Changes both quotes make to the canonical wording, at the same place, the same way.

    Apostrophes alone are left out: each outlet sets quotes in its own house style, so two
    outlets printing the same apostrophes says nothing about who copied whom."""
    seen = {(a.op, a.canonical_start, a.canonical_end, a.variant.casefold()) for a in theirs}
    return [
        a
        for a in mine
        if (a.op, a.canonical_start, a.canonical_end, a.variant.casefold()) in seen
        and not _apostrophes_only(a)
    ]


def _apostrophes_only(a: Alteration) -> bool:
    return a.op == "typography" and _APOSTROPHES.sub("'", a.canonical) == _APOSTROPHES.sub(
        "'", a.variant
    )


def _describe(a: Alteration) -> str:
    if a.op.startswith("truncated"):
        return f"same {a.op.replace('_', ' at ')}"
    if a.op == "substitution":
        return f"same change of “{a.canonical}” to “{a.variant}”"
    return f"same {a.op} ({a.variant or a.canonical})"


def splice_edges(
    members: Sequence[Member], partners: Mapping[str, Member], spans: Mapping[str, tuple[int, int]]
) -> list[Edge]:
    """Link each splicing quote to the quotation of another cluster it took words from."""
    edges = []
    for m in members:
        partner = partners.get(m.id)
        if partner is None:
            continue
        start, end = spans[m.id]
        edges.append(
            Edge(
                m.id,
                partner.id,
                f"splice: words {start + 1}–{end} come from this quotation",
                1.0,
                kind="splice",
            )
        )
    return edges
