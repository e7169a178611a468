"""Where an article names someone, indexed by offset, so a look-up near a place never reads all."""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterable, Iterator
from typing import Generic, Protocol, TypeVar


class Placed(Protocol):
    """Anything with a start offset in the text (a mention)."""

    @property
    def start(self) -> int: ...


T = TypeVar("T", bound=Placed)


class Timeline(Generic[T]):
    """Items in text order: a long run sorted once, and later additions (quote speakers, which
    come in nearly text order) kept sorted apart, so adding one never shifts the long run."""

    def __init__(self, items: Iterable[T] = ()):
        fixed = sorted(items, key=lambda x: x.start)
        self._runs: list[tuple[list[int], list[T]]] = [
            ([x.start for x in fixed], fixed),
            ([], []),
        ]

    def add(self, item: T) -> None:
        """Add one item after those already at its offset."""
        starts, items = self._runs[1]
        i = bisect.bisect_right(starts, item.start)
        starts.insert(i, item.start)
        items.insert(i, item)

    def between(self, lo: int, hi: int) -> Iterator[T]:
        """The items starting in [lo, hi), in text order (the long run's first at one offset)."""
        ranges = [
            range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi))
            for starts, _ in self._runs
        ]
        return self._merged(ranges, False)

    def before(self, pos: int) -> Iterator[T]:
        """The items starting before `pos`, nearest first."""
        ranges = [range(bisect.bisect_left(starts, pos) - 1, -1, -1) for starts, _ in self._runs]
        return self._merged(ranges, True)

    def _merged(self, ranges: list[range], reverse: bool) -> Iterator[T]:
        """The runs' items at those positions, merged by offset; a run with none in its range
        leaves the other's read as it is, without the cost of a merge (the usual case)."""
        (_, fixed), (_, added) = self._runs
        if not ranges[1]:
            return map(fixed.__getitem__, ranges[0])
        if not ranges[0]:
            return map(added.__getitem__, ranges[1])
        return heapq.merge(
            map(fixed.__getitem__, ranges[0]),
            map(added.__getitem__, ranges[1]),
            key=_start,
            reverse=reverse,
        )


def _start(item: Placed) -> int:
    return item.start
