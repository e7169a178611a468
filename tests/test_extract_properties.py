"""Properties of extraction on any text: it never raises, its offsets point at its words, and an
article's quotes do not depend on which articles were read before it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.extract import extract_quotes
from quotes.model import Article, Quote

# Pieces of news and of its broken typography, so random texts hold quotes, cues and names.
PIECES = [
    '"',
    "“",
    "”",
    "'",
    "‘",
    "’",
    "``",
    "''",
    "«",
    "»",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ",",
    ".",
    ":",
    "?",
    "—",
    "(",
    ")",
    "said",
    "says",
    "told reporters",
    "according to",
    "added",
    "asked",
    "Lee",
    "Ana Ruiz",
    "Mayor",
    "Sen.",
    "the mayor",
    "the union",
    "the group",
    "officials",
    "he",
    "she",
    "they",
    "We",
    "will",
    "win",
    "don't",
    "Jones'",
    "'em",
    "Q:",
    "A:",
    "LEE:",
    "a letter",
    "wrote",
    "The",
    "Portland Police Bureau",
    "(PPB)",
    "that",
    "called it",
    "\x00",
]
news_like = st.lists(st.sampled_from(PIECES), max_size=80).map(" ".join) | st.lists(
    st.sampled_from(PIECES), max_size=80
).map("".join)
any_text = news_like | st.text(max_size=300)


def _rows(quotes: list[Quote]) -> list[tuple]:
    return [(q.text, q.start, q.end, q.kind, q.speaker, q.cue, q.credit) for q in quotes]


@settings(max_examples=200, deadline=None)
@given(any_text, st.sampled_from([None, "Ana Ruiz Wins", "Portland Tribune"]))
def test_no_text_makes_extraction_raise_and_every_quote_is_its_articles_own_words(
    text: str, title: str | None
) -> None:
    article = Article(id="a", text=text, title=title, outlet="Portland Tribune")
    for q in extract_quotes(article):
        assert q.text == text[q.start : q.end]
        assert q.article_id == "a"


@settings(max_examples=60, deadline=None)
@given(st.lists(news_like, min_size=2, max_size=4), st.randoms(use_true_random=False))
def test_an_articles_quotes_are_the_same_alone_and_after_any_other_articles(
    texts: list[str], random
) -> None:
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    alone = {a.id: _rows(extract_quotes(a)) for a in articles}
    order = articles[:]
    random.shuffle(order)
    for a in order + order[::-1]:
        assert _rows(extract_quotes(a)) == alone[a.id]
