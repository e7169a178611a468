"""Disjoint sets of wordings: the cluster each wording is in while clusters grow."""

from __future__ import annotations

from collections.abc import Callable

_MIXED = object()  # the members' labels differ


class UnionFind:
    """Disjoint sets over 0..n-1; `union(keep, other)` keeps `keep`'s root as the root."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self._labels: dict[int, object] | None = None  # by root, once `common` was asked
        self._gathered: dict[int, frozenset[str]] | None = None  # by root, once `gathered` was

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, keep: int, other: int) -> None:
        a, b = self.find(keep), self.find(other)
        if a != b:
            self.parent[b] = a
            if self._labels is not None:
                self._labels[a] = _merged(self._labels[a], self._labels.pop(b))
            if self._gathered is not None:
                self._gathered[a] = self._gathered[a] | self._gathered.pop(b)

    def lead(self, x: int) -> None:
        """Make x the root of its set."""
        root = self.find(x)
        self.parent[root] = self.parent[x] = x
        if self._labels is not None and root != x:
            self._labels[x] = self._labels.pop(root)
        if self._gathered is not None and root != x:
            self._gathered[x] = self._gathered.pop(root)

    def common(self, x: int, label: Callable[[int], str | None]) -> str | None:
        """The label every member of x's set has, None when they differ. The labels are read
        once, at the first call, and kept up to date by union: `label` must never change."""
        if self._labels is None:
            labels: dict[int, object] = {}
            for i in range(len(self.parent)):
                root = self.find(i)
                labels[root] = _merged(labels[root], label(i)) if root in labels else label(i)
            self._labels = labels
        found = self._labels[self.find(x)]
        return None if found is _MIXED else found  # type: ignore[return-value]

    def gathered(self, x: int, labels: Callable[[int], frozenset[str]]) -> frozenset[str]:
        """Every label any member of x's set has. As with `common`, read once at the first call
        and kept up to date by union: `labels` must never change."""
        if self._gathered is None:
            gathered: dict[int, frozenset[str]] = {}
            for i in range(len(self.parent)):
                root = self.find(i)
                gathered[root] = gathered.get(root, frozenset()) | labels(i)
            self._gathered = gathered
        return self._gathered[self.find(x)]


def _merged(a: object, b: object) -> object:
    return a if a == b else _MIXED
