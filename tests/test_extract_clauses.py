"""Reading a subject's words: the auxiliaries and adverbs ending it are stripped from the end."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.extract.clauses import without_trailing_aux
from quotes.extract.cues import AUX_WORDS

# What the backwards pattern stands for: the same pattern read forwards, tried at every character.
_FORWARD = regex.compile(rf"(?:\s+(?:{AUX_WORDS}))*\s*$")
_WORDS = "Lee he has also not never then now know snow early family quickly was wasn't , . \x00"
_SPACES = [" ", "  ", "\n", "\t", "\u00a0", "\x1c", ""]


def test_the_auxiliaries_and_adverbs_ending_a_subject_are_stripped() -> None:
    assert without_trailing_aux("Mayor Ana Ruiz has also repeatedly ") == "Mayor Ana Ruiz"


def test_a_word_ending_in_an_auxiliary_is_kept_whole() -> None:
    assert without_trailing_aux("they know") == "they know"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SPACES), st.sampled_from(_WORDS.split())), max_size=8))
def test_stripping_from_the_end_strips_what_the_forward_pattern_does(
    pieces: list[tuple[str, str]],
) -> None:
    words = "".join(space + word for space, word in pieces)
    assert without_trailing_aux(words) == _FORWARD.sub("", words)
