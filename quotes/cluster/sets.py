"""Disjoint sets of wordings: the cluster each wording is in while clusters grow."""

from __future__ import annotations


class UnionFind:
    """Disjoint sets over 0..n-1; `union(keep, other)` keeps `keep`'s root as the root."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

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

    def lead(self, x: int) -> None:
        """Make x the root of its set."""
        root = self.find(x)
        self.parent[root] = self.parent[x] = x
