"""Extraction's work grows linearly with an article's size, whatever its shape, and is capped."""

from __future__ import annotations

import logging
import time

import pytest

from bench.adversarial import SHAPES
from quotes.extract import extract_quotes
from quotes.model import Problem
from tests.conftest import article

SMALL, LARGE = 8 * 1024, 32 * 1024  # the benchmark measures 1 MB → 4 MB; the suite stays fast
# The seeds are 21 KB together: news shorter than a few copies is some seeds, not all repeated.
SIZES = {"news": (64 * 1024, 256 * 1024)}


def _seconds(text: str) -> float:
    """Processor time, the best of five runs: other work on a busy machine is not growth."""
    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        extract_quotes(article(text), max_quotes=10**9)  # no cap: the growth itself is measured
        best = min(best, time.process_time() - started)
    return max(best, 1e-3)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_four_times_the_text_takes_less_than_six_times_as_long(shape: str) -> None:
    make = SHAPES[shape]
    small, large = SIZES.get(shape, (SMALL, LARGE))
    ratios = []
    for _ in range(3):  # a busy machine can double one ratio; quadratic work fails all three
        ratios.append(_seconds(make(large)) / _seconds(make(small)))
        if ratios[-1] < 6:
            break
    assert min(ratios) < 6, f"{shape}: ×{min(ratios):.1f} for ×4 the text"


def test_a_sentence_without_a_full_stop_is_read_near_each_quote_only() -> None:
    text = "and the mayor told them " * 2000 + "and Lee said “we are ready,” then left"
    (quote,) = extract_quotes(article(text))
    assert quote.speaker is not None and quote.speaker.name == "Lee"


PARAGRAPH = "“We will fix the roads,” Mayor Ana Ruiz said.\n\n"


def test_quotations_past_the_cap_are_left_out_and_reported() -> None:
    problems: list[Problem] = []
    quotes = extract_quotes(article(PARAGRAPH * 10, id="long"), problems=problems, max_quotes=3)
    assert [q.start for q in quotes] == [
        PARAGRAPH.index("We") + i * len(PARAGRAPH) for i in range(3)
    ]
    assert all(q.speaker is not None and q.speaker.name == "Ana Ruiz" for q in quotes)
    (problem,) = problems
    assert problem.source == "long"
    assert "more than 3 quotations" in problem.message
    assert f"after character {3 * len(PARAGRAPH)}" in problem.message


def test_a_cap_with_no_problem_list_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        extract_quotes(article(PARAGRAPH * 4, id="long"), max_quotes=2)
    assert "long: more than 2 quotations" in caplog.text


def test_an_article_within_the_cap_reports_nothing() -> None:
    problems: list[Problem] = []
    assert len(extract_quotes(article(PARAGRAPH * 3), problems=problems, max_quotes=3)) == 3
    assert problems == []


def test_a_run_of_sixteen_thousand_marks_keeps_no_mark_in_memory() -> None:
    import tracemalloc

    tracemalloc.start()
    extract_quotes(article('"' * 16384))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 10 * 16384


def test_marks_past_the_cap_are_not_read_and_the_stop_is_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quotes.extract import windows

    monkeypatch.setattr(windows, "MAX_MARKS", 4)  # two quotes' marks, and the third's opener
    problems: list[Problem] = []
    quotes = extract_quotes(article(PARAGRAPH * 3), problems=problems)
    assert len(quotes) == 2
    (problem,) = problems
    assert f"after character {2 * len(PARAGRAPH)}" in problem.message


def test_a_run_of_marks_past_the_cap_is_reported_even_when_it_holds_no_quote(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quotes.extract import windows

    monkeypatch.setattr(windows, "MAX_MARKS", 10)
    problems: list[Problem] = []
    assert extract_quotes(article('"' * 50), problems=problems) == []
    (problem,) = problems
    assert "after character 10 of 50" in problem.message
