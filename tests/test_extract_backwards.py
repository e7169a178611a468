"""Patterns anchored at the end of what they read are matched backwards from it: they find what
the same pattern read forwards (or searched for backwards) finds, without trying it at every
character before."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.extract import cast, kinds, nominals
from quotes.extract import lexicon as lx
from quotes.extract.clauses import without_trailing_aux
from quotes.extract.cues import AUX_WORDS

_SPACES = [" ", "  ", "\n", "\t", "\u00a0", "\x1c", ""]
_AUX_FORWARD = regex.compile(rf"(?:\s+(?:{AUX_WORDS}))*\s*$")
_SUBJECT_WORDS = "Lee he has also not never then now know snow early family quickly was wasn't , ."
_GROUP_FORWARD = regex.compile(nominals._GROUP.pattern.replace("(?r)", "", 1))
_GROUP_WORDS = "the The these some Many local anti-war US NAACP X it's Ruiz' ’s - ' tax and , Tom"


def test_the_auxiliaries_and_adverbs_ending_a_subject_are_stripped() -> None:
    assert without_trailing_aux("Mayor Ana Ruiz has also repeatedly ") == "Mayor Ana Ruiz"


def test_a_word_ending_in_an_auxiliary_is_kept_whole() -> None:
    assert without_trailing_aux("they know") == "they know"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SPACES), st.sampled_from(_SUBJECT_WORDS.split()))))
def test_stripping_auxiliaries_from_the_end_strips_what_the_forward_pattern_does(
    pieces: list[tuple[str, str]],
) -> None:
    words = "".join(space + word for space, word in pieces)
    assert without_trailing_aux(words) == _AUX_FORWARD.sub("", words)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_GROUP_WORDS.split()), st.sampled_from(_SPACES))),
    st.sampled_from(sorted(lx.GROUP_NOUNS)),
)
def test_a_group_read_back_from_its_noun_is_the_group_read_forwards(
    pieces: list[tuple[str, str]], noun: str
) -> None:
    text = "".join(word + space for word, space in pieces) + noun
    lo = max(0, len(text) - 40)
    back, forward = nominals._GROUP.match(text, lo), _GROUP_FORWARD.search(text, lo)
    assert (back and back.span()) == (forward and forward.span())


_BEFORE_WORDS = "the a his her firm company book film titled known as called named , : word - Lee"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SPACES), st.sampled_from(_BEFORE_WORDS.split()))))
def test_a_title_or_body_word_before_a_name_is_found_where_it_must_end(
    pieces: list[tuple[str, str]],
) -> None:
    text = "".join(space + word for space, word in pieces) + " "
    lo = max(0, len(text) - 40)
    for pattern in (kinds._TITLE_BEFORE, cast._BODY_BEFORE):
        assert bool(pattern.match(text, lo)) == bool(pattern.search(text, lo))
