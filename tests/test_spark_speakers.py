"""Speakers unified on the driver from (speaker, article) counts name them as one machine does."""

from __future__ import annotations

from collections import Counter

from quotes.model import Quote, Speaker
from quotes.spark.extract import speaker_names
from quotes.speakers import unify_speakers


def quote(article: str, name: str, kind: str = "person") -> Quote:
    return Quote(article, "We will rebuild.", 0, 16, speaker=Speaker(name, kind))


def test_counts_of_speakers_per_article_unify_them_as_the_quotes_themselves_do() -> None:
    quotes = [
        quote("a1", "Ada Okonkwo"),
        quote("a1", "Ada Okonkwo"),
        quote("a2", "Okonkwo"),
        quote("a3", "National ICE Council", "organization"),
        quote("a4", "National Immigration and Customs Enforcement Council", "organization"),
    ]
    said = Counter((q.speaker, q.article_id) for q in quotes if q.speaker)
    names = speaker_names(said.items())
    expected = [q.speaker for q in unify_speakers(quotes)]
    assert [names[q.speaker] for q in quotes if q.speaker] == expected
    assert names[Speaker("Okonkwo")].name == "Ada Okonkwo"
