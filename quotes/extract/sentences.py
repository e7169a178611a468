"""Sentence boundaries outside quotations, and a masked copy of the text hiding quoted words."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

from quotes.extract import lexicon as lx
from quotes.extract import windows
from quotes.extract.cues import VERB_PHRASE
from quotes.extract.marks import Span

FILL = "\x00"  # stands in for quoted words, so name and cue patterns never reach inside a quote
_ABBREV = lx.either(lx.ABBREVIATIONS) + r"|\p{Lu}"  # and initials: "J. Smith"
_BOUNDARY = regex.compile(
    rf"(?<!\b(?:{_ABBREV}))[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[{FILL}]*[\p{{Lu}}\p{{N}}{FILL}])"
)

_NEXT_SENTENCE = regex.compile(r"\s+(?=[\p{Lu}“\"‘])|(?=\p{Lu})")  # or glued: “…”He said
# “… missing.” Trump said. — a period where the comma belongs; the attribution still follows.
_NAME_VERB = (
    r"\s+(?!(?:But|And|The|A|An|In|On|At|It|This|That|If|When|While|As|So|Yet|Or|Then)\b)"
    rf"(?:{lx.CAPITALISED},?\s+){{1,5}}(?:[\p{{L}}.-]+,?\s+){{0,2}}?{VERB_PHRASE}\b"
)
_NAME_SAID = regex.compile(_NAME_VERB + r"(?:\s+\p{Ll}+ly)?[.,]")
# After “…?” or “…!” the mark stays and a capital follows anyway: “Why?” Trump asked the crowd.
_NAME_ASKED = regex.compile(_NAME_VERB)


def mask(text: str, spans: Sequence[Span]) -> str:
    """The text with every top-level quotation (marks included) replaced by FILL characters."""
    parts, pos = [], 0
    for s in spans:
        if s.outer is not None or s.open < pos:
            continue
        parts.append(text[pos : s.open])
        parts.append(FILL * (s.close - s.open))
        pos = s.close
    parts.append(text[pos:])
    return "".join(parts)


class Sentences:
    """Sentence start offsets over the whole article, for "which sentence is this in?" lookups."""

    def __init__(
        self, text: str, masked: str, paras: Sequence[tuple[int, int]], spans: Sequence[Span]
    ):
        starts: set[int] = set()
        for lo, hi in paras:
            starts.add(lo)
            for m in _BOUNDARY.finditer(masked, lo, hi):
                starts.add(_next_word(masked, m.end(), hi))
        for s in spans:  # “We won.” Then ... : a quote ending a sentence
            if s.outer is None and s.closed and text[s.end - 1 : s.end] in ".!?":
                after = _NEXT_SENTENCE.match(text, s.close, s.close + 3)
                said = _NAME_SAID if text[s.end - 1] == "." else _NAME_ASKED
                if after and not said.match(text, s.close, s.close + windows.SAID_AFTER):
                    starts.add(after.end())
        self.starts = sorted(starts)
        self.ends = {lo: hi for lo, hi in paras}
        self.para_starts = sorted(lo for lo, _ in paras)

    def index(self, pos: int) -> int:
        """The number of the sentence holding `pos`."""
        return max(bisect.bisect_right(self.starts, pos) - 1, 0)

    def paragraph_start(self, pos: int) -> int:
        """Where the paragraph holding `pos` starts."""
        p = bisect.bisect_right(self.para_starts, pos) - 1
        return self.para_starts[p] if p >= 0 else 0

    def bounds(self, pos: int) -> tuple[int, int]:
        """Start and end offsets of the sentence holding `pos` (never past its paragraph)."""
        i = self.index(pos)
        start = self.starts[i] if self.starts else 0
        p = bisect.bisect_right(self.para_starts, pos) - 1
        para_end = self.ends[self.para_starts[p]] if p >= 0 else start
        end = self.starts[i + 1] if i + 1 < len(self.starts) else para_end
        return start, min(end, para_end) if para_end > start else end


def _next_word(masked: str, pos: int, hi: int) -> int:
    while pos < hi and masked[pos].isspace():
        pos += 1
    return pos
