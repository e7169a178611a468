"""The small engine that runs an ordered table of attribution rules: the first rule that matches
decides, so the table's order is the rules' priority and adding a rule means adding a row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from quotes.model import Speaker

if TYPE_CHECKING:  # the roster's module imports nothing of the rules'
    from quotes.extract.roster import Roster

C = TypeVar("C")


@dataclass(frozen=True)
class Found:
    """A cue and the speaker it names (either may be missing), with where the attribution lies
    and the name of the rule that found it."""

    speaker: Speaker | None
    cue: str | None
    start: int
    end: int
    rule: str | None = None


class Reading:
    """What a rule context reads: the masked text, its stretch [lo, hi) beside one mark, the
    article's roster, and `again`, which attributes from another offset of the same stretch."""

    def __init__(
        self, masked: str, lo: int, hi: int, roster: Roster, again: Callable[[int], Found | None]
    ) -> None:
        self.masked, self.lo, self.hi, self.roster, self.again = masked, lo, hi, roster, again


# What a rule returns when it matches but names nobody: the rules after it are not tried.
NOBODY = Found(None, None, 0, 0, "nobody")


@dataclass(frozen=True)
class Rule(Generic[C]):
    """One named attribution rule: where it reads (`side`), a made-up example (`example`, for
    the docs and tests) and the speaker it gives there (`says`, empty when the rule decides that
    no one speaks), and how it builds its Found from a context, or None when it does not match; a
    rule with no `build` names a stage that runs on its own."""

    name: str
    side: str
    example: str
    says: str
    build: Callable[[C], Found | None] | None = None


def decide(table: Sequence[Rule[C]], context: C) -> Found | None:
    """The Found of the first rule in `table` that matches `context`, named after that rule (a
    Found another table already named keeps its name); None when none matches or it names
    nobody."""
    for rule in table:
        assert rule.build is not None, rule.name
        found = rule.build(context)
        if found is None:
            continue
        if found is NOBODY:
            return None
        return (
            found
            if found.rule
            else Found(found.speaker, found.cue, found.start, found.end, rule.name)
        )
    return None
