"""Distinct wordings: quotes with the same normalised words (and, when short, the same speaker)
are clustered as one, so a text reprinted by a thousand articles is compared once."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from quotes.cluster.fragments import speaker_key
from quotes.cluster.normalise import Tokens, Vocabulary
from quotes.cluster.verify import MIN_FRAGMENT_WORDS
from quotes.model import Article, Quote


def day(published: str | None) -> str | None:
    """The date part of an ISO timestamp: articles are compared by day."""
    return published[:10] if published else None


@dataclass(frozen=True)
class Wording:
    """One distinct normalised wording and how many quotes use it."""

    tokens: Tokens
    code: str  # encoded words, one character each
    weight: int  # quotes using it
    first_seen: str | None = None  # the earliest date it was published, if any article is dated
    speakers: frozenset[str] = frozenset()  # speaker keys of its quotes (fragments.speaker_key)
    key: str = ""  # what its quotes share: normalised words (and speaker, when short)
    votes: tuple[tuple[str, int], ...] = ()  # quotes naming each of its speakers
    article: str | None = None  # the one article all its quotes are in, if they are in one


def distinct_wordings(
    quotes: Sequence[Quote], tokens: Sequence[Tokens], articles: Mapping[str, Article]
) -> tuple[list[Wording], list[int]]:
    """One Wording per distinct key: normalised words, and the speaker's name for a short
    quotation; quotes without words each stand alone."""
    index: dict[str, int] = {}
    first: list[Tokens] = []  # each key's tokens, as its first quote has them
    places: list[str | None] = []  # the one article of each key's quotes, None for several
    weight: list[int] = []
    seen: list[str | None] = []
    speakers: list[dict[str, int]] = []
    wording_of: list[int] = []
    named: dict[int, str | None] = {}  # speaker_key by the speaker's id(): quotes share speakers
    dates: dict[str, str | None] = {}  # day() of each article's date
    joined: dict[int, str] = {}  # Tokens.key by the tokens' id(): a reprinted text's are one
    for q, t in zip(quotes, tokens, strict=True):
        who = id(q.speaker)
        if who in named:
            speaker = named[who]
        else:
            speaker = named[who] = speaker_key(q.speaker)
        if not t.words:
            key = f"\0{q.id}"
        elif id(t) in joined:
            key = joined[id(t)]
        else:
            key = joined[id(t)] = t.key
        if speaker and len(t.words) < MIN_FRAGMENT_WORDS:
            # The same few words from two named speakers may be two quotations ("a mistake");
            # they join when the speakers may be one (joins.fragment_home).
            key += f"\0{speaker}"
        i = index.setdefault(key, len(first))
        if i == len(first):
            first.append(t)
            weight.append(0)
            seen.append(None)
            speakers.append({})
        weight[i] += 1
        if q.article_id in dates:
            published = dates[q.article_id]
        else:
            article = articles.get(q.article_id)
            published = dates[q.article_id] = day(article.published) if article else None
        if published and (seen[i] is None or published < (seen[i] or "")):
            seen[i] = published
        if speaker:
            speakers[i][speaker] = speakers[i].get(speaker, 0) + 1
        wording_of.append(i)
        if i == len(places):
            places.append(q.article_id)
        elif places[i] != q.article_id:
            places[i] = None
    vocab = Vocabulary()
    keys = list(index)
    wordings = [
        Wording(
            t,
            vocab.encode(t.words),
            weight[i],
            seen[i],
            frozenset(speakers[i]),
            keys[i],
            tuple(sorted(speakers[i].items())),
            places[i],
        )
        for i, t in enumerate(first)
    ]
    return wordings, wording_of
