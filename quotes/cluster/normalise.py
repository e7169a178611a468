"""Turn a quotation into word tokens that compare equal across typography, case and punctuation.

The tokens keep what normalising throws away (the words as written, the punctuation between
them, brackets and elision marks) so the alterations stage can still report those differences.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import regex

# A word: letters and digits, with apostrophes inside ("don't", "City’s"), or an abbreviation
# with dots ("U.S.", which compares equal to "US"). Hyphens and dashes separate words, so
# "un-American" and "un American" tokenise alike.
_WORD = regex.compile(r"(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’ʼ‘`´][\p{L}\p{N}]+)*")
_APOSTROPHES = regex.compile(r"['’ʼ‘`´.]")
# "...", "…", ". . .", "[…]", "[...]", "(...)": the marks writers use for words left out.
_ELISION = regex.compile(r"[\[(]\s*(?:\.\s*){3}\s*[\])]|[\[(]\s*…\s*[\])]|(?:\.\s*){3}|…")
_SPACES = regex.compile(r"\s+")


@dataclass(frozen=True)
class Tokens:
    """A quotation as normalised words, plus what normalising dropped, position by position."""

    words: tuple[str, ...]  # casefolded, apostrophes removed: what matching compares
    surface: tuple[str, ...]  # the same words as written
    seps: tuple[str, ...]  # len(words) + 1 separators: before the first word, between, after
    bracketed: frozenset[int]  # words inside square brackets (editorial insertions)
    elided: frozenset[int]  # i: an elision mark stands just before word i

    @property
    def key(self) -> str:
        """The exact-match key: quotations with equal keys differ at most in typography and case."""
        return " ".join(self.words)

    def __len__(self) -> int:
        return len(self.words)


def normal_word(surface: str) -> str:
    """The comparable form of a word: compatibility-normalised, casefolded, no apostrophes."""
    if surface.isascii():
        return surface.replace("'", "").replace("`", "").replace(".", "").casefold()
    return _APOSTROPHES.sub("", unicodedata.normalize("NFKC", surface)).casefold()


def typographic_form(surface: str) -> str:
    """A word with typographic variants unified but case kept, to tell typography from case."""
    text = unicodedata.normalize("NFKC", surface)
    return _APOSTROPHES.sub("'", text)


def tokenise(text: str) -> Tokens:
    """Split a quotation into words, recording brackets and elision marks between them."""
    surface: list[str] = []
    seps: list[str] = []
    bracketed: set[int] = set()
    elided: set[int] = set()
    depth = 0
    last = 0
    for m in _WORD.finditer(text):
        sep = text[last : m.start()]
        seps.append(sep)
        depth = _bracket_depth(_ELISION.sub(" ", sep), depth)
        if _ELISION.search(sep):
            elided.add(len(surface))
        if depth > 0:
            bracketed.add(len(surface))
        surface.append(m[0])
        last = m.end()
    tail = text[last:]
    seps.append(tail)
    if _ELISION.search(tail) and surface:
        elided.add(len(surface))
    return Tokens(
        words=tuple(normal_word(w) for w in surface),
        surface=tuple(surface),
        seps=tuple(seps),
        bracketed=frozenset(bracketed),
        elided=frozenset(elided),
    )


def elision_mark(sep: str) -> str:
    """The elision mark in a separator ("…", "[...]"), without punctuation written beside it."""
    found = _ELISION.search(sep)
    return _SPACES.sub(" ", found[0]).strip() if found else ""


@functools.lru_cache(maxsize=4096)
def plain_sep(sep: str) -> str:
    """A separator with spacing collapsed, so only visible punctuation differences count."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", sep)).strip()


def _bracket_depth(sep: str, depth: int) -> int:
    for ch in sep:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
    return depth


class Vocabulary:
    """Encode word sequences as strings, one character per word, for fast alignment and shingles."""

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}

    def encode(self, words: Iterable[str]) -> str:
        """The words as a string of code points; equal words get equal characters."""
        out = []
        for w in words:
            code = self._codes.get(w)
            if code is None:
                code = self._codes[w] = _char(len(self._codes))
            out.append(code)
        return "".join(out)


def _char(index: int) -> str:
    # Skip the surrogate block, which a Python string may hold but rapidfuzz would reject.
    point = 0x100 + index
    if point >= 0xD800:
        point += 0x800
    return chr(point)
