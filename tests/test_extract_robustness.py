"""No input makes extraction raise, and it stays fast on long articles."""

from __future__ import annotations

import random
import time

import pytest

from quotes.extract import extract_quotes
from tests.conftest import article

ODD = [
    "",
    " ",
    "\n\n\n",
    '"',
    "“",
    "”",
    "‘’",
    '""""""',
    "“”“”“”",
    "'''''",
    "``''``",
    "«»",
    "“unclosed at the end",
    "closed with no opener”",
    '"a" "b" "c',
    "“\n\n”\n\n“",
    "He said: “",
    ", said",
    "said said said",
    "“x,” said.",
    "“x,” — ",
    "according to",
    "“Yes,” she said. “No,” he said. “Maybe,” they said. “Why?” it said.",
    "The letter says “nothing” at all, the letter says.",
    "\x00\x00“quote”\x00",
    "Mr. “ Dr. ” Sen. ‘ Rep. ’",
    "“" * 500,
    "word " * 2000,
]


@pytest.mark.parametrize("text", ODD)
def test_odd_input_never_raises(text: str) -> None:
    for q in extract_quotes(article(text)):
        assert text[q.start : q.end] == q.text


def test_huge_article_is_extracted_quickly() -> None:
    paragraph = (
        "Senator Ana Ruiz met voters in Salem on Monday.\n\n"
        "“We will fix the roads,” Ruiz said. “And we will do it this year.”\n\n"
        "Critics called the plan “a fantasy” and the union said it would sue.\n\n"
    )
    text = paragraph * 400
    start = time.process_time()  # CPU: other work on the machine must not count
    quotes = extract_quotes(article(text))
    assert time.process_time() - start < 5
    assert len(quotes) == 1200
    assert all(q.speaker for q in quotes[:3])


def test_random_mixtures_of_marks_and_cues_never_raise() -> None:
    pieces = list("“”‘’\"'`«»,.:;!?-—\n") + [
        "said", "Smith", "Mr.", "the letter", "he", "they", "according to", "Q: ", "A: ",
        "PENCE: ", "(ICE)", "Customs and Border", "''", "``", "told reporters", "Sen.", " ",
    ]  # fmt: skip
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        for q in extract_quotes(article(text)):
            assert text[q.start : q.end] == q.text
