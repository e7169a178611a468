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
    quotation; quotes without words each stand alone.

    A reprinted text's quotes share their tokens and speakers (by id()), so a key is made once
    per pair of them, and each pair's quotes are counted together at the end."""
    index: dict[str, int] = {}
    first: list[Tokens] = []  # each key's tokens, as its first quote has them
    places: list[str | None] = []  # the one article of each key's quotes, None for several
    seen: list[str | None] = []
    slots: dict[tuple[int, int], int] = {}  # (id() of tokens, of speaker) → its slot
    slot_wording: list[int] = []
    slot_speaker: list[str | None] = []
    slot_quotes: list[int] = []
    wording_of: list[int] = []
    named: dict[int, str | None] = {}  # speaker_key by the speaker's id(): quotes share speakers
    last_article, published = None, None  # quotes come article by article: day() of its date
    for q, t in zip(quotes, tokens, strict=True):
        pair = (id(t), id(q.speaker))
        j = slots.get(pair) if t.words else None
        if j is None:
            j = len(slot_wording)
            if t.words:  # quotes without words each stand alone
                slots[pair] = j
            speaker = named.get(pair[1], "")
            if speaker == "":
                speaker = named[pair[1]] = speaker_key(q.speaker)
            key = t.key if t.words else f"\0{q.id}"
            if speaker and len(t.words) < MIN_FRAGMENT_WORDS:
                # The same few words from two named speakers may be two quotations ("a
                # mistake"); they join when the speakers may be one (joins.fragment_home).
                key += f"\0{speaker}"
            i = index.setdefault(key, len(first))
            if i == len(first):
                first.append(t)
                seen.append(None)
                places.append(q.article_id)
            slot_wording.append(i)
            slot_speaker.append(speaker)
            slot_quotes.append(0)
        slot_quotes[j] += 1
        i = slot_wording[j]
        article_id = q.article_id
        if article_id != last_article:
            article = articles.get(article_id)
            last_article, published = article_id, day(article.published) if article else None
        if published and (seen[i] is None or published < (seen[i] or "")):
            seen[i] = published
        if places[i] != article_id:
            places[i] = None
        wording_of.append(i)
    weight = [0] * len(first)
    speakers: list[dict[str, int]] = [{} for _ in first]
    for i, speaker, n in zip(slot_wording, slot_speaker, slot_quotes, strict=True):
        weight[i] += n
        if speaker:
            speakers[i][speaker] = speakers[i].get(speaker, 0) + n
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
