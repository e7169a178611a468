"""Group the same quotation across articles and trace how it travelled.

Stages, one module each: normalise (words that compare equal across typography and case) →
wordings (identical quotes compared once) → candidates (a trigram index; never all pairs) →
verify (word alignment; a word cut in two where a page stopped stands for the whole word, cuts) →
union (clusters grown longest wording first over sets, in two levels:
statements of twelve words or more joined by joins, guarded against chains; shorter wordings
placed against their clusters, fragments of one to seven words looked up by fragments; pieces
of one statement joined by pieces; splices) → provenance (canonical wording, speaker, first
appearance) → alterations (word-level changes against the canonical) → edges (who copied whom).
The grouping reads counts of the whole corpus (counts): given them, a component of the corpus
(components: wordings joined by pairs that could link) groups as the whole corpus groups it,
which is how the Spark build clusters component by component.

A cluster is one quotation as the gold guideline counts it: its wordings and every piece of it
(a fragment is the same quotation as the longer span that holds it, and spans that some article
quotes together are one), so a statement quoted in pieces by several outlets is one cluster.
How near each quote's words are to the canonical wording is in its alterations
(truncated_start/truncated_end for a piece), not in a second level of grouping. Statements a
splice joined keep a canonical wording each, for their quotes' alterations and copy edges only.

What the database keeps of it (quotes/db.py), for SQL and views:
  clusters(id, canonical_text, canonical_quote_id, speaker_id, first_quote_id,
           first_article_id, first_published, first_tied, quote_count, article_count)
      id is a hash of the canonical wording's normalised words (and speaker, for a quotation
      of fewer than four words), stable across builds;
      first_* is the earliest dated article (undated ones never count); first_tied is 1 when
      articles of that same day tie; every quote has a cluster, most a cluster of one.
  alterations(quote_id, op, canonical, variant, canonical_start, canonical_end,
              variant_start, variant_end)
      one row per word-level change of a quote against its cluster's canonical wording; op is
      one of case, typography, truncated_start, truncated_end, elision, bracket, substitution,
      insertion, splice (see alterations.py); positions count words. case and typography are
      the minor ops: a quote with only those says the same words.
  provenance(quote_id, source_quote_id, evidence, confidence, kind)
      kind 'copy': the earlier quote of the same cluster this one most likely came from, so a
      cluster's copies form a tree rooted at its first appearance (one tree per part of a
      cluster that splices joined); kind 'splice': the quote of the other part whose sentences
      this one prints in the same span (it also has a 'splice' alteration). evidence says why
      in words; confidence is between 0 and 1.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from operator import attrgetter
from typing import NamedTuple

from sqlite_utils.utils import hash_record

from quotes.cluster.alterations import Side, alterations
from quotes.cluster.components import group_part
from quotes.cluster.counts import CorpusCounts
from quotes.cluster.edges import copy_edges, splice_edges
from quotes.cluster.normalise import Tokens, tokenise
from quotes.cluster.provenance import (
    Member,
    canonical_quote,
    canonical_wording,
    first_appearance,
    first_printing,
    majority_speaker,
    members_of,
)
from quotes.cluster.reuse import NOTHING_STORED, Stored, kept_edges, standing, trace, written
from quotes.cluster.splices import Splice
from quotes.cluster.union import Grouping, group
from quotes.cluster.wordings import Wording, distinct_wordings
from quotes.model import Alteration, Article, Citation, Cluster, Edge, Quote
from quotes.outlets import outlet_name

__all__ = ["Computed", "Kept", "Standing", "Stored", "cluster_changed", "cluster_quotes"]

# A cluster not computed again: its fingerprint and its id.
Kept = tuple[str, str]


class Standing(NamedTuple):
    """Which of a computed cluster's quotes the database holds as they are (reuse.py): their
    rows and alterations (`rows`), and their edges too (`edges`, of those)."""

    rows: frozenset[str] = frozenset()
    edges: frozenset[str] = frozenset()


# A cluster computed: its fingerprint, the cluster, its trace (reuse.py) and what stands of it.
Computed = tuple[str, Cluster, str, Standing]


def cluster_quotes(
    quotes: Sequence[Quote],
    articles: Mapping[str, Article],
    citations: Iterable[Citation] = (),
    counts: CorpusCounts | None = None,
) -> list[Cluster]:
    """One Cluster per distinct quotation, with canonical text, first appearance and provenance.

    Every quote belongs to exactly one cluster (most to a cluster of one). `citations` are the
    outlets articles credit, used as evidence of who copied whom. With `counts` (counts.survey's,
    of a larger corpus), the quotes are a component of that corpus (components.py: the Spark
    build clusters each on its own) and get the clusters clustering the whole corpus gives them.
    """
    ctx = _context(quotes, articles, citations, counts)
    clusters = (_cluster(members, ctx)[0] for members in ctx.grouping.groups)
    return sorted(clusters, key=lambda c: c.id)


def cluster_changed(
    quotes: Sequence[Quote],
    articles: Mapping[str, Article],
    citations: Iterable[Citation],
    known: Mapping[str, str],
    stored: Stored | None = None,
    tokenised: dict[str, Tokens] | None = None,
) -> tuple[list[Computed], list[Kept]]:
    """cluster_quotes for a corpus whose clusters are mostly stored already: each cluster is
    computed only when the fingerprint of all it is computed from (its wordings, their quotes,
    the quotes' articles and credits, its splices) is not in `known` (fingerprint → cluster id).

    Gives the computed clusters with their fingerprints and traces (reuse.py: what their edges
    were computed from, so that the next build may keep them; `stored` gives this build the
    stored ones), and (fingerprint, cluster id) for the others: the same clusters
    cluster_quotes gives, as the fingerprint covers every input of one cluster's computation.
    `tokenised`: texts' tokens known already (stored_tokens.py), by text; the others' are added.
    """
    ctx = _context(quotes, articles, citations, tokenised=tokenised)
    computed: list[Computed] = []
    kept: list[Kept] = []
    places: dict[str, str] = {}
    speakers: dict[int, str] = {}  # by the speaker's id()
    bodies: dict[tuple[str | None, ...], str] = {}
    for members in ctx.grouping.groups:
        print_ = _fingerprint(members, ctx, places, speakers, bodies)
        cluster_id = known.get(print_)
        if cluster_id is None:
            computed.append((print_, *_cluster(members, ctx, stored or NOTHING_STORED)))
        else:
            kept.append((print_, cluster_id))
    return computed, kept


def _context(
    quotes: Sequence[Quote],
    articles: Mapping[str, Article],
    citations: Iterable[Citation],
    counts: CorpusCounts | None = None,
    tokenised: dict[str, Tokens] | None = None,
) -> _Context:
    """Wordings, their grouping into clusters, and what building each cluster reads
    (`tokenised`: tokens by text, known already or added here)."""
    ordered = sorted(quotes, key=attrgetter("article_id", "start", "end"))
    if tokenised is None:  # a text reprinted by many articles is read once
        tokenised = {}
    tokens = [
        tokenised.get(q.text) or tokenised.setdefault(q.text, tokenise(q.text)) for q in ordered
    ]
    wordings, wording_of = distinct_wordings(ordered, tokens, articles)
    # One machine groups the corpus whole: by parts (components.group_parts, or each component
    # over links with group_part, as the Spark build does) the clusters are the same, but
    # finding the links costs more than it saves.
    grouping = group(wordings) if counts is None else group_part(wordings, counts)
    credits: dict[str, set[str]] = defaultdict(set)
    for c in citations:
        credits[c.article_id].add(outlet_name(c.outlet))
    by_wording: dict[int, list[tuple[Quote, str, int]]] = defaultdict(list)
    for q, w in zip(ordered, wording_of, strict=True):
        by_wording[w].append((q, q.id, w))
    return _Context(
        wordings,
        tokens=tokenised,
        articles=articles,
        credits={a: frozenset(o) for a, o in credits.items()},
        grouping=grouping,
        by_wording=by_wording,
    )


class _Context:
    """What building one Cluster needs from the whole corpus."""

    def __init__(
        self,
        wordings: list[Wording],
        tokens: dict[str, Tokens],
        articles: Mapping[str, Article],
        credits: dict[str, frozenset[str]],
        grouping: Grouping,
        by_wording: dict[int, list[tuple[Quote, str, int]]],
    ) -> None:
        self.wordings = wordings
        self.tokens = tokens  # by text
        self.articles = articles
        self.credits = credits
        self.grouping = grouping
        self.by_wording = by_wording
        self.codes = [w.code for w in wordings]


def _cluster(
    wording_ids: list[int], ctx: _Context, stored: Stored | None = None
) -> tuple[Cluster, str, Standing]:
    """One cluster; with `stored`, its trace too (reuse.py), the edges `stored` holds for it
    kept where they stand, and which of its quotes' stored rows stand.

    A cluster that splices joined is told part by part (union.Grouping.part): each quote's
    alterations are against its part's canonical wording and its copy edges within its part, as
    one part's quotes never copied another's words but through the splice; the cluster's
    canonical wording is its head's part's. Nothing of it is kept from the database."""
    members = members_of([qw for w in wording_ids for qw in ctx.by_wording[w]], ctx.articles)
    firsts, first_day = first_appearance(members)
    parts = _parts(wording_ids, members, ctx.grouping.part)
    changes: dict[str, list[Alteration]] = {}
    splices: dict[int, Splice] = {}
    canonical_w, canonical = [_canonical(*part, ctx, changes, splices) for part in parts][0]
    cluster_id = _cluster_id(ctx.wordings[canonical_w].key or canonical.id)
    partners, spans = _splice_partners(members, splices, changes, ctx)
    known: dict[str, Edge | None] = {}
    stand: frozenset[str] = frozenset()
    kept = stored is not None and len(parts) == 1
    if stored is not None and kept:
        splicing = {i: (partners[i].id, *spans[i]) for i in partners}
        frame, prints = trace(members, canonical, firsts, first_day, changes, ctx.credits, splicing)
        before = stored.trace(cluster_id)
        known = kept_edges(before, members, frame, prints, stored, ctx.credits)
        stand = standing(before, frame, prints)
    edges = []
    for _, part in parts:
        part_firsts = firsts if len(parts) == 1 else first_appearance(part)[0]
        edges += copy_edges(part, part_firsts, ctx.codes, changes, ctx.credits, known)
    edges += splice_edges(members, partners, spans)
    cluster = Cluster(
        id=cluster_id,
        quote_ids=[m.id for m in members],
        canonical_text=canonical.quote.text,
        canonical_quote_id=canonical.id,
        speaker=majority_speaker(members, canonical),
        first_quote_ids=[m.id for m in firsts],
        first_published=first_day,
        alterations=[a for m in members for a in changes[m.id]],
        edges=edges,
    )
    if not kept:  # a cluster of parts writes a trace that matches none
        return cluster, "", Standing()
    return cluster, written(frame, prints), Standing(stand, frozenset(known))


def _parts(
    wording_ids: list[int], members: list[Member], part: Mapping[int, int]
) -> list[tuple[list[int], list[Member]]]:
    """The cluster's parts, as wordings and members (oldest first), the head's part first."""
    of = {w: part.get(w, wording_ids[0]) for w in wording_ids}
    heads = list(dict.fromkeys(of.values()))
    if len(heads) == 1:  # most clusters: no splice joined them
        return [(wording_ids, members)]
    return [
        ([w for w in wording_ids if of[w] == head], [m for m in members if of[m.wording] == head])
        for head in heads
    ]


def _canonical(
    wording_ids: list[int],
    members: list[Member],
    ctx: _Context,
    changes: dict[str, list[Alteration]],
    splices: dict[int, Splice],
) -> tuple[int, Member]:
    """The canonical wording of one part and its quote; each of its quotes' alterations against
    it go into `changes`, and its splices into `splices`."""
    wordings = ctx.wordings
    first_seen: dict[int, str] = {}
    for m in members:  # oldest first
        if m.published:
            first_seen.setdefault(m.wording, m.published)
    own = {w: s for w in wording_ids if (s := ctx.grouping.splices.get(w)) is not None}
    if own and (first := first_printing(wording_ids, wordings, first_seen)) is not None:
        own.pop(first, None)  # the first printing took no words from another quotation
    splices.update(own)
    canonical_w = canonical_wording(wording_ids, wordings, set(own), first_seen)
    canonical = canonical_quote(members, canonical_w)
    canonical_side = Side(ctx.tokens[canonical.quote.text], wordings[canonical_w].code)
    compared: dict[tuple[str, int], list[Alteration]] = {}  # identical copies compared once
    for m in members:
        splice = own.get(m.wording)
        if (m.quote.text, m.wording) not in compared:
            side = Side(ctx.tokens[m.quote.text], wordings[m.wording].code)
            span = (splice.start, splice.end) if splice else None
            compared[(m.quote.text, m.wording)] = alterations(m.id, canonical_side, side, span)
        found = compared[(m.quote.text, m.wording)]
        changes[m.id] = [a if a.quote_id == m.id else replace(a, quote_id=m.id) for a in found]
    return canonical_w, canonical


def _splice_partners(
    members: Sequence[Member],
    splices: Mapping[int, Splice],
    changes: Mapping[str, Sequence[Alteration]],
    ctx: _Context,
) -> tuple[dict[str, Member], dict[str, tuple[int, int]]]:
    """For each quote labelled a splice, the earliest quote using the wording it took words
    from."""
    partners: dict[str, Member] = {}
    spans: dict[str, tuple[int, int]] = {}
    for m in members:
        splice = splices.get(m.wording)
        if splice is None or not any(a.op == "splice" for a in changes[m.id]):
            continue
        partner = members_of(ctx.by_wording[splice.partner], ctx.articles)[0]
        partners[m.id] = partner
        spans[m.id] = (splice.start, splice.end)
    return partners, spans


def _fingerprint(
    wording_ids: list[int],
    ctx: _Context,
    places: dict[str, str],
    speakers: dict[int, str],
    bodies: dict[tuple[str | None, ...], str],
) -> str:
    """A digest of everything _cluster reads for these wordings: equal digests, equal clusters.

    Wordings by their words (their codes differ between builds only in which character stands
    for a word, which no comparison reads), weight, first date and speakers; each quote's every
    field with its article's date and outlet and the outlets that article credits; each splice
    with its partner's wording and earliest quote; in a cluster splices joined, the head of each
    wording's part. Each article's part (`places`), each
    speaker's (`speakers`, by id()) and each quote's text, kind, cue, credit and rule
    (`bodies`: a text reprinted by many articles has them alike) is written once for the whole
    corpus, and each wording's quotes are hashed in one piece: strings are written as repr
    gives them, so no two inputs read alike.
    """
    digest = hashlib.sha256()
    for w in wording_ids:
        wording = ctx.wordings[w]
        splice = ctx.grouping.splices.get(w)
        partner = None
        if splice is not None:
            first = members_of(ctx.by_wording[splice.partner], ctx.articles)[0]
            partner = (ctx.wordings[splice.partner].key, splice.start, splice.end, first)
        part = ctx.grouping.part.get(w)
        head = (
            wording.key,
            wording.weight,
            wording.first_seen,
            sorted(wording.speakers),
            partner,
            ctx.wordings[part].key if part is not None else None,
        )
        rows = [repr(head)]
        for q, _, _ in ctx.by_wording[w]:
            place = places.get(q.article_id)
            if place is None:
                place = places[q.article_id] = _place(q.article_id, ctx)
            who = speakers.get(id(q.speaker))  # the quotes hold their speakers: ids stay theirs
            if who is None:
                who = speakers[id(q.speaker)] = repr(q.speaker)
            fields = _body(q)
            body = bodies.get(fields)
            if body is None:
                body = bodies[fields] = repr(fields)
            rows.append(f"{place} {q.start} {q.end} {who} {body}")
        rows.append("")  # each wording ends in a line's end
        digest.update("\n".join(rows).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


# What a quote's fingerprint writes of it besides its article, offsets and speaker.
_body = attrgetter("text", "kind", "cue", "credit", "rule")


def _place(article_id: str, ctx: _Context) -> str:
    """What a quote's fingerprint holds of its article: id, date, outlet, the outlets it credits."""
    article = ctx.articles.get(article_id)
    seen = (article.published, article.outlet) if article else None
    return repr((article_id, seen, sorted(ctx.credits.get(article_id, ()))))


def _cluster_id(canonical_key: str) -> str:
    """Stable across builds: the same canonical wording always gives the same id."""
    return hash_record({"canonical": canonical_key})[:16]
