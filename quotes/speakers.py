"""Give one speaker one name across articles, so "Danielle Outlaw" in two outlets is one row."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from quotes.extract.lexicon import CONNECTORS
from quotes.extract.names import is_acronym
from quotes.model import Quote, Speaker


def unify_speakers(quotes: Sequence[Quote]) -> list[Quote]:
    """Map a bare surname to the one full name in the corpus that ends with it, and an
    organisation written with an acronym ("National ICE Council") to its spelled-out name."""
    people = {q.speaker.name for q in quotes if q.speaker and q.speaker.kind == "person"}
    by_surname: dict[str, set[str]] = defaultdict(set)
    for name in people:
        parts = name.split()
        if len(parts) > 1:
            by_surname[parts[-1].casefold()].add(name)
    orgs = {q.speaker.name for q in quotes if q.speaker and q.speaker.kind == "organization"}
    spelled = _spelled_out(orgs)
    out = []
    for q in quotes:
        s = q.speaker
        if s and s.kind == "person" and " " not in s.name:
            full = by_surname.get(s.name.casefold(), set())
            if len(full) == 1:
                q = replace(q, speaker=replace(s, name=next(iter(full))))
        elif s and s.kind == "organization" and s.name in spelled:
            q = replace(q, speaker=Speaker(spelled[s.name], s.kind, s.description))
        out.append(q)
    return out


def _initials(name: str) -> str:
    """Letters standing for the name: "National ICE Council" and "National Immigration and
    Customs Enforcement Council" both give NICEC."""
    words = [w for w in name.split() if w.casefold() not in CONNECTORS and w != "&"]
    return "".join(w if is_acronym(w) else w[0] for w in words).upper()


def _spelled_out(orgs: set[str]) -> dict[str, str]:
    """Names with an acronym → the one spelled-out name in the corpus with the same initials."""
    full: dict[str, set[str]] = defaultdict(set)
    for name in orgs:
        if not any(is_acronym(w) for w in name.split()):
            full[_initials(name)].add(name)
    out = {}
    for name in orgs:
        if any(is_acronym(w) for w in name.split()) and len(name.split()) > 1:
            candidates = full.get(_initials(name), set())
            if len(candidates) == 1:
                out[name] = next(iter(candidates))
    return out
