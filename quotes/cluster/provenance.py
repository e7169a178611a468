"""A cluster's canonical wording, its speaker and its first appearance."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from quotes.cluster.verify import align
from quotes.cluster.wordings import Wording, day
from quotes.model import Article, Quote, Speaker

CANONICAL_CANDIDATES = 8  # longest wordings considered for canonical
CANONICAL_PEERS = 64  # most used wordings each candidate is compared with
CANONICAL_SLACK = 1  # words fewer than the most complete that still allow an earlier wording
CANONICAL_MIN_LENGTH = 0.8  # a candidate has at least this share of the longest wording's words


@dataclass(frozen=True)
class Member:
    """A quote in a cluster, with what provenance needs to know about it."""

    quote: Quote
    id: str  # the quote's id, computed once
    wording: int
    published: str | None  # ISO date (YYYY-MM-DD) of its article, None when undated
    outlet: str | None


def first_printing(
    wording_ids: Sequence[int], wordings: Sequence[Wording], first_seen: Mapping[int, str]
) -> int | None:
    """The wording printed on a day before every other dated wording of the cluster and holding
    every word of each undated one (which may be cut from it, but came first if it has words
    of its own), if one is.

    It can be no splice: a splice copies most of its words from a quotation printed before it,
    so a run it shares with another cluster (a stock phrase, often) is its own wording.
    """
    dated = sorted((first_seen[w], w) for w in wording_ids if w in first_seen)
    if not dated or (len(dated) > 1 and dated[1][0] == dated[0][0]):
        return None
    first = dated[0][1]
    code = wordings[first].code
    undated = (w for w in wording_ids if w not in first_seen)
    return first if all(align(wordings[w].code, code).coverage_a == 1 for w in undated) else None


def canonical_wording(
    wording_ids: Sequence[int],
    wordings: Sequence[Wording],
    spliced: set[int],
    first_seen: Mapping[int, str],
) -> int:
    """The most complete wording: long, and sharing the most words with the cluster's quotes.

    Among the longest wordings, the one whose words the cluster's quotes (itself included, as
    often as it is used) contain most. Words inside it that no other wording has count against
    it, so a copy with an inserted or changed word does not outrank, on a tie, the wording it
    was copied from; words only it has at either end count for it, as they make it complete.
    Bracketed words never count: they are the editor's, not the speaker's.
    Ties go to the earliest published (`first_seen` maps a wording to its first date).
    """
    pool = [i for i in wording_ids if i not in spliced] or list(wording_ids)
    longest = max(len(wordings[i].code) for i in pool)
    candidates = sorted(
        (i for i in pool if len(wordings[i].code) >= CANONICAL_MIN_LENGTH * longest),
        key=lambda i: (-len(wordings[i].code), -wordings[i].weight, wordings[i].tokens.key),
    )[:CANONICAL_CANDIDATES]
    if len(candidates) == 1:
        return candidates[0]
    peers = sorted(pool, key=lambda i: (-wordings[i].weight, wordings[i].tokens.key))
    peers = [p for p in peers[:CANONICAL_PEERS] if p not in candidates] + candidates

    def support(c: int) -> tuple[int, int, bool, str, int]:
        # Words an editor put in brackets are not the speaker's: they never count for a wording.
        editorial = wordings[c].tokens.bracketed
        shared = wordings[c].weight * (len(wordings[c].code) - len(editorial))
        attested: set[int] = set()
        for p in peers:
            if p != c:
                blocks = align(wordings[c].code, wordings[p].code).blocks
                found = {a + k for a, _, n in blocks for k in range(n)} - editorial
                shared += wordings[p].weight * len(found)
                attested |= found
        ends = (min(attested), max(attested)) if attested else (0, -1)
        unattested = sum(1 for k in range(ends[0], ends[1] + 1) if k not in attested)
        seen = first_seen.get(c)
        complete = len(wordings[c].code) - len(editorial) - unattested
        return (complete, -len(editorial), seen is not None, _negated(seen or ""), shared)

    scores = {c: support(c) for c in candidates}
    most = max(score[0] for score in scores.values())
    # A word more is no reason to pass over the earlier wording: it may be a copy's insertion.
    return max(candidates, key=lambda c: (scores[c][0] >= most - CANONICAL_SLACK, *scores[c][1:]))


def _negated(text: str) -> str:
    """A string that sorts in reverse, so max() can prefer the earliest date."""
    return "".join(chr(0x10FFFF - ord(ch)) for ch in text)


def canonical_quote(members: Sequence[Member], wording: int) -> Member:
    """The earliest quote using the canonical wording: dated before undated, then by article."""
    using = [m for m in members if m.wording == wording]
    return min(using, key=_chronological)


def _chronological(m: Member) -> tuple[bool, str, str, int]:
    return (m.published is None, day(m.published) or "", m.quote.article_id, m.quote.start)


def majority_speaker(members: Sequence[Member], canonical: Member) -> Speaker | None:
    """The speaker most quotes name; ties go to the canonical quote's, then the earliest quote's."""
    named = [m for m in members if m.quote.speaker is not None]
    if not named:
        return None
    counts = Counter(m.quote.speaker.name for m in named if m.quote.speaker)
    top = max(counts.values())
    tied = {name for name, n in counts.items() if n == top}
    if canonical.quote.speaker and canonical.quote.speaker.name in tied:
        return canonical.quote.speaker
    return min(
        (m for m in named if m.quote.speaker and m.quote.speaker.name in tied), key=_chronological
    ).quote.speaker


def first_appearance(members: Sequence[Member]) -> tuple[list[Member], str | None]:
    """The first quote of each article published on the earliest date; undated articles never count.

    More than one means articles tied on that day. With no dated article the first appearance is
    unknown and the list is empty.
    """
    dated = [m for m in members if m.published]
    if not dated:
        return [], None
    first_day = min(day(m.published) or "" for m in dated)
    by_article: dict[str, Member] = {}
    for m in sorted(dated, key=_chronological):
        if day(m.published) == first_day:
            by_article.setdefault(m.quote.article_id, m)
    return [by_article[a] for a in sorted(by_article)], first_day


def members_of(
    quotes: Sequence[tuple[Quote, str, int]], articles: Mapping[str, Article]
) -> list[Member]:
    """Quotes (with id and wording) and their article's date and outlet, oldest first."""
    out = []
    for quote, quote_id, wording in quotes:
        article = articles.get(quote.article_id)
        out.append(
            Member(
                quote,
                quote_id,
                wording,
                day(article.published) if article else None,
                article.outlet if article else None,
            )
        )
    return sorted(out, key=_chronological)
