"""Word-level alignment of two quotations: how much of one the other contains, and where.

Every candidate pair is checked here before it may join a cluster. Alignment is the longest
common subsequence of words (rapidfuzz's Indel), keeping only anchored matches: runs of two or
more words, and single words wedged between such runs. A lone "the" or "we" matched far from
anything else is chance, not shared wording, and would let unrelated quotes look alike.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz.distance import Indel

Block = tuple[int, int, int]  # (start in a, start in b, length)

# A single matched word counts only if an anchored run lies this close in both quotations.
_WEDGE_GAP = 3
# Below this many words a quotation joins others only when its normalised words are identical.
MIN_FRAGMENT_WORDS = 4
# Below this many words a fragment may differ from the longer quotation by one word at most.
SHORT_FRAGMENT_WORDS = 8
# Up to this many words, a quotation whose aligned words were scattered is aligned run by run.
RESCUED_WORDS = 12


@dataclass(frozen=True)
class Alignment:
    """The anchored matching blocks between sequences a and b, in order."""

    blocks: tuple[Block, ...]
    len_a: int
    len_b: int

    @property
    def matched(self) -> int:
        return sum(n for _, _, n in self.blocks)

    @property
    def coverage_a(self) -> float:
        """Share of a's words found, in order, in b."""
        return self.matched / self.len_a if self.len_a else 0.0

    @property
    def coverage_b(self) -> float:
        """Share of b's words found, in order, in a."""
        return self.matched / self.len_b if self.len_b else 0.0

    @property
    def longest_run(self) -> int:
        return max((n for _, _, n in self.blocks), default=0)

    def span_a(self) -> tuple[int, int]:
        """The stretch of a between the first and last matched word."""
        if not self.blocks:
            return (0, 0)
        return (self.blocks[0][0], self.blocks[-1][0] + self.blocks[-1][2])

    def span_b(self) -> tuple[int, int]:
        """The stretch of b between the first and last matched word."""
        if not self.blocks:
            return (0, 0)
        return (self.blocks[0][1], self.blocks[-1][1] + self.blocks[-1][2])


@functools.lru_cache(maxsize=8)  # components.linked asks each stage of one pair in turn
def align(a: str, b: str) -> Alignment:
    """Align two encoded word sequences (one character per word, see normalise.Vocabulary)."""
    raw = [(m.a, m.b, m.size) for m in Indel.opcodes(a, b).as_matching_blocks() if m.size > 0]
    if len(a) == 1 or len(b) == 1:
        return Alignment(tuple(raw), len(a), len(b))
    anchored = _anchored(raw)
    if len(a) > RESCUED_WORDS or len(anchored) == len(raw):
        return Alignment(anchored, len(a), len(b))
    found = sum(n for _, _, n in anchored)
    if sum(n for _, _, n in raw) >= len(a) / 2:
        # One longest common subsequence may scatter words a run shares ("i am a work in
        # progress" matched "i" and "a" far off): runs found longest first keep them together.
        runs = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
        other = _anchored([(m.a, m.b, m.size) for m in runs if m.size > 0])
        if sum(n for _, _, n in other) > found:
            anchored = other
    return Alignment(anchored, len(a), len(b))


def _anchored(blocks: list[Block]) -> tuple[Block, ...]:
    kept = []
    for i, block in enumerate(blocks):
        if block[2] >= 2:
            kept.append(block)
            continue
        neighbours = [blocks[j] for j in (i - 1, i + 1) if 0 <= j < len(blocks)]
        if any(n[2] >= 2 and _close(block, n) for n in neighbours):
            kept.append(block)
    return tuple(kept)


def _close(x: Block, y: Block) -> bool:
    first, second = (x, y) if x[0] < y[0] else (y, x)
    gap_a = second[0] - (first[0] + first[2])
    gap_b = second[1] - (first[1] + first[2])
    return gap_a <= _WEDGE_GAP and gap_b <= _WEDGE_GAP


def share_contained(alignment: Alignment, free: frozenset[int] = frozenset()) -> float:
    """Share of a's words found in b, counting the words at positions `free` as found.

    Words an editor put in brackets are free: they stand in for the speaker's words.
    """
    if not free:
        return alignment.coverage_a
    matched = {a + k for a, _, size in alignment.blocks for k in range(size)}
    return (len(matched) + len(free - matched)) / alignment.len_a if alignment.len_a else 0.0


def contains(share: float, n: int, min_coverage: float) -> bool:
    """Whether a quotation of n words, `share` of them found in a longer one, is part of it."""
    if n < MIN_FRAGMENT_WORDS:
        return False
    needed = max(min_coverage, (n - 1) / n) if n < SHORT_FRAGMENT_WORDS else min_coverage
    return share >= needed - 1e-9
