"""The coreference stage's rule name for an attribution: when the words a rule matched do not
name the speaker it found, the speaker was reached through the article's roster from a pronoun
("she said"), a document ("the notice warns") or a description ("the Brazilian forward said")."""

from __future__ import annotations

from dataclasses import replace

import regex

from quotes.extract import lexicon as lx
from quotes.extract.engine import Found
from quotes.extract.roster import Roster

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.&-]*")
_NAMED_KINDS = frozenset({"person", "organization", "outlet", "group"})
_PRONOUNS = frozenset(lx.PRONOUNS) - {"i", "me", "my", "you"}
_WHERE = frozenset(lx.wordlist("in on at during through via"))


def coreference(found: Found | None, roster: Roster) -> Found | None:
    """The Found renamed after the coreference rule that reached its speaker, if one did."""
    who = found.speaker if found else None
    if found is None or who is None or who.kind not in _NAMED_KINDS:
        return found
    said = roster.masked[found.start : found.end]
    if who.name.casefold() in said.casefold():
        return found
    words = _WORD.findall(said)
    capitals = {_bare(w) for w in words if w[0].isupper()}
    name = [w for w in _WORD.findall(who.name) if w[0].isupper()]
    initials = "".join(w[0] for w in name).casefold()
    if capitals & {_bare(w) for w in name} or initials in capitals:
        return found  # "Ruiz" for Ana Ruiz, "FBI" for the Federal Bureau of Investigation
    low = [w.casefold() for w in words]
    if _PRONOUNS.intersection(low):
        return replace(found, rule="coref-pronoun")
    if any(
        w in lx.DOC_NOUNS and not _WHERE.intersection(low[max(0, i - 4) : i])
        for i, w in enumerate(low)
    ):
        return replace(found, rule="coref-document")  # "the letter says", not "in a letter, the …"
    return replace(found, rule="coref-descriptor")


def _bare(word: str) -> str:
    """A word as a name is compared: without case, a possessive or a period."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    elif word.endswith(("'", "’", ".")):
        word = word[:-1]
    return word.casefold()
