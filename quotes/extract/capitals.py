"""How one article capitalises words: which it writes as names mid-sentence (not just opening a
sentence), which it writes capitalised more than once, which places it writes in capitals; each
read once, when first asked, by looking a word's few occurrences up rather than every word."""

from __future__ import annotations

import regex

_CAPITALISED = regex.compile(r"(?<![\p{L}’'-])\p{Lu}[\p{L}’'-]*")
_BEFORE_GAP = regex.compile(r"[\p{L}\p{N},;’'\x00]")
_EDGE = regex.compile(r"\b")
_PLAIN_WORD = regex.compile(r"\w+")
# A capitalised word after a word, comma or quote and a space: a name, not a sentence's start.
_MID_WORD = regex.compile(r"(?<=[\p{L}\p{N},;’'\x00][ \t]+)\p{Lu}\w*")
_PHRASE = regex.compile(r"\p{Lu}\p{L}+(?:[ \t]\p{Lu}\p{L}+)?")


class Capitals:
    """The capitalised words of one article's masked text, read on demand and remembered."""

    def __init__(self, masked: str):
        self.masked = masked
        self._mid_words: set[str] | None = None
        self._used: dict[str, bool] = {}
        self._counts: dict[str, int] = {}  # words written capitalised, counted up to two
        self._phrases: frozenset[str] | None = None

    def used_as_name(self, word: str) -> bool:
        """True when the word is capitalised somewhere other than at a sentence's start."""
        if _PLAIN_WORD.fullmatch(word) and word[:1].isupper():
            if self._mid_words is None:  # read once: asking per word would read the text each time
                self._mid_words = {m[0] for m in _MID_WORD.finditer(self.masked)}
            return word in self._mid_words
        if word not in self._used:
            self._used[word] = _mid_sentence(self.masked, word)
        return self._used[word]

    def twice(self, word: str) -> bool:
        """Whether the word is one of the text's capitalised words at least twice."""
        if word not in self._counts:
            self._counts[word] = _capitalised_count(self.masked, word, 2)
        return self._counts[word] >= 2

    def written(self, place: str) -> bool:
        """Whether the article writes a place's name as a capitalised phrase of its own."""
        if self._phrases is None:  # every capitalised word and pair of words, read once
            runs = _PHRASE.findall(self.masked)
            self._phrases = frozenset(w for r in runs for w in (r, r.split()[0]))
        return place in self._phrases


def _capitalised_count(text: str, word: str, most: int) -> int:
    """How often `word` is one of the text's capitalised words (_CAPITALISED), up to `most`: its
    few occurrences are looked up, far cheaper than reading every capitalised word of the text."""
    count, at = 0, text.find(word)
    while at >= 0 and count < most:
        m = _CAPITALISED.match(text, at)  # a capitalised word starts here, and ends with `word`?
        count += bool(m and m.end() == at + len(word))
        at = text.find(word, at + 1)
    return count


def _mid_sentence(text: str, word: str) -> bool:
    """Whether the word follows a word, comma or quote and a space: one pattern read by hand, as
    compiling one for each name cost more than the whole search."""
    at = text.find(word)
    while at >= 0:
        gap = at
        while gap > 0 and text[gap - 1] in " \t":
            gap -= 1
        if 0 < gap < at and _BEFORE_GAP.match(text, gap - 1) and _EDGE.match(text, at + len(word)):
            return True
        at = text.find(word, at + 1)
    return False
