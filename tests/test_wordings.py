"""Distinct wordings count every quote, however many share one text's tokens and one speaker."""

from __future__ import annotations

from quotes.cluster.normalise import tokenise
from quotes.cluster.wordings import distinct_wordings
from quotes.model import Article, Quote, Speaker


def test_reprints_sharing_tokens_and_speaker_count_each_quote_date_and_article() -> None:
    said = "Ada Okonkwo"
    ada, tokens = Speaker(said), tokenise("we will rebuild the bridge")
    articles = {
        a: Article(a, "", published=d) for a, d in (("a", "2024-05-02"), ("b", "2024-05-01"))
    }
    quotes = [Quote(a, "We will rebuild the bridge", 0, 26, speaker=ada) for a in ("a", "b")]
    quotes.append(Quote("a", "We will rebuild the bridge", 40, 66, speaker=Speaker("Bo Lind")))
    wordings, of = distinct_wordings(quotes, [tokens] * 3, articles)
    assert of == [0, 0, 0]
    (w,) = wordings
    assert (w.weight, w.first_seen, w.article) == (3, "2024-05-01", None)
    assert w.votes == (("ada okonkwo", 2), ("bo lind", 1))


def test_a_short_wording_is_one_per_speaker_and_quotes_without_words_stand_alone() -> None:
    ada, bo, short = Speaker("Ada Okonkwo"), Speaker("Bo Lind"), tokenise("a mistake")
    quotes = [Quote("a", "a mistake", 0, 9, speaker=s) for s in (ada, bo, ada)]
    quotes += [Quote("a", "…", 20, 21), Quote("a", "…", 30, 31)]
    wordings, of = distinct_wordings(quotes, [short] * 3 + [tokenise("…")] * 2, {})
    assert of == [0, 1, 0, 2, 3]
    assert [w.weight for w in wordings] == [2, 1, 1, 1]
    assert [w.article for w in wordings] == ["a"] * 4
