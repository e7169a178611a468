"""Word stems, so a fragment finds the quotation it was lifted from when an outlet inflected it.

A reporter who lifts two words from a quotation often bends them to fit the sentence ("called
him a “devoted friend”" from "one of Taiwan's most devoted friends"; "“harms children”" from
"harming children"). Stems strip the English inflections that do so (plural and third-person
-s, -ed, -ing, a final -e, a doubled consonant, -y/-ies) and nothing else: no derivations, so
"government" and "govern" stay apart. Each word costs a few suffix checks, and a wording's stems
are worked out once.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

_VOWELS = frozenset("aeiouy")
_KEPT_DOUBLES = frozenset("lsz")  # "fall", "pass", "buzz": the doubled letter is the word's own
_KEPT_S = ("ss", "us", "is")  # "press", "status", "crisis": not plurals


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The word with its inflection stripped ("friends" → "friend", "harming" → "harm",
    "devoted" → "devot", "carries" → "carri"); words of three letters or fewer as they are."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(_KEPT_S):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        rest = word[: -len(suffix)]
        if word.endswith(suffix) and len(rest) >= 3 and _VOWELS.intersection(rest):
            word = rest
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in _VOWELS | _KEPT_DOUBLES:
                word = word[:-1]  # "stopped" → "stop"
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word.endswith("y"):
        word = word[:-1] + "i"
    return word


@functools.lru_cache(maxsize=1 << 14)
def stems(words: tuple[str, ...]) -> str:
    """A wording's words as stems, each between spaces (" harm children "), so that a run of
    stems is found in another wording's by a substring search."""
    return " " + " ".join(stem(w) for w in words) + " "


def holds_stems(short: Sequence[str], long: Sequence[str]) -> bool:
    """Whether `long` has `short`'s words as one run, each word compared by its stem."""
    return stems(tuple(short)) in stems(tuple(long))
