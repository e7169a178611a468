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
        return heapq.merge(*(self._slice(run, lo, hi) for run in self._runs), key=_start)

    def before(self, pos: int) -> Iterator[T]:
        """The items starting before `pos`, nearest first."""
        return heapq.merge(
            *(self._backwards(run, pos) for run in self._runs), key=_start, reverse=True
        )

    @staticmethod
    def _slice(run: tuple[list[int], list[T]], lo: int, hi: int) -> Iterator[T]:
        starts, items = run
        for i in range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)):
            yield items[i]

    @staticmethod
    def _backwards(run: tuple[list[int], list[T]], pos: int) -> Iterator[T]:
        starts, items = run
        for i in range(bisect.bisect_left(starts, pos) - 1, -1, -1):
            yield items[i]


def _start(item: Placed) -> int:
    return item.start
