"""Give one speaker one name across articles, so "Danielle Outlaw" in two outlets is one row."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from quotes.model import Quote, Speaker


def unify_speakers(quotes: Sequence[Quote]) -> list[Quote]:
    """Map a bare surname to the one full name in the corpus that ends with it, and merge descriptions."""
    people = Counter(q.speaker.name for q in quotes if q.speaker and q.speaker.kind == "person")
    by_surname: dict[str, set[str]] = defaultdict(set)
    for name in people:
        parts = name.split()
        if len(parts) > 1:
            by_surname[parts[-1].casefold()].add(name)
    out = []
    for q in quotes:
        s = q.speaker
        if s and s.kind == "person" and " " not in s.name:
            full = by_surname.get(s.name.casefold(), set())
            if len(full) == 1:
                q = replace(q, speaker=replace(s, name=next(iter(full))))
        out.append(q)
    return out
