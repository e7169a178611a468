"""Who speaks for a document the article quotes ("the letter says"): its author, read from the
words around each mention of it ("a letter sent by X", "X wrote in a letter", "X's letter")."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import lru_cache

import regex

from quotes.extract import coref, windows
from quotes.extract import lexicon as lx
from quotes.extract.roster import Roster
from quotes.extract.scan import trie
from quotes.model import Speaker

# Reads a noun phrase as a speaker (phrases.speaker_of, which reads documents with this module).
Reader = Callable[..., "Speaker | None"]

DOC = trie(lx.DOC_NOUNS)
AUTHOR_BY = (
    r"(?:written|sent|filed|issued|signed|released|published|drafted|posted|authored|submitted)"
)
_AUTHOR_VERB = (
    r"(?:sent|wrote|filed|issued|signed|released|published|drafted|posted|authored|submitted|"
    r"penned)"
)
_AUTHORED = regex.compile(rf"\b{_AUTHOR_VERB}\b")  # cheap first look before the slow pattern
# "the foreign ministry said in a statement", "… told reporters on its website": who said it
# wrote it ("the statement added"); read back from the document's noun, then from the verb back
# to a sentence's stop.
_SAID_IN = regex.compile(
    r"\s(?:said|says|added|stated|announced|wrote|writes|warned|told)\s+(?:\p{Ll}+\s+){0,2}?"
    rf"(?:in|on)\s+(?:{lx.THE_OR_HIS})\s+(?:[\w-]+\s+){{0,2}}?$"
)
_SAID_IN_SUBJECT = regex.compile(r"(?:^|(?<=[.!?\x00\n]\s*))\s*(?P<np>[^.;\x00\n]{1,120}?)\s*$")


def document(
    noun: str, author: str | None, pos: int, roster: Roster, depth: int, read: Reader
) -> Speaker:
    """A document as speaker is spoken for by its author when the article names one."""
    if author and depth < 3:
        found = read(author, pos, roster, forward=True, depth=depth + 1)
        if found:
            return found
    if depth < 3:
        found = _author(noun, pos, roster, depth, read)
        if found:
            return found
    return coref.owner(noun.casefold(), pos, roster) or Speaker(noun.casefold(), "document")


def _author(noun: str, pos: int, roster: Roster, depth: int, read: Reader) -> Speaker | None:
    """Who wrote the letter: the last author named before `pos`, else the first named after it.

    Each mention of the document is read with the words around it ("a letter written by X",
    "X sent … a letter", "X's letter")."""
    if (noun, depth) not in roster.authors:
        found = _authors(noun, roster, depth, read)
        roster.authors[noun, depth] = ([f[0] for f in found], [f[1] for f in found])
    starts, authors = roster.authors[noun, depth]
    i = bisect.bisect_left(starts, pos)
    if not i:
        return authors[0] if authors else None
    return authors[bisect.bisect_left(starts, starts[i - 1])]  # the first found of the nearest


def _authors(noun: str, roster: Roster, depth: int, read: Reader) -> list[tuple[int, Speaker]]:
    """Every author the article names for a document, in text order: read once per article."""
    text = roster.masked
    found: list[tuple[int, Speaker]] = []
    for hit in _noun_pattern(noun).finditer(text):
        lo, hi = max(0, hit.start() - windows.AUTHOR), hit.end()
        ahead = hit.start() + windows.AUTHOR
        said_in = _SAID_IN.search(text, max(0, hit.start() - windows.FRONTED), hit.start())
        candidates = [
            (_BY_AFTER.match(text, hit.start(), ahead), True),
            (_VERB_BEFORE.search(text, lo, hi) if _AUTHORED.search(text, lo, hi) else None, False),
            (_SAID_IN_SUBJECT.search(text, lo, said_in.start()) if said_in else None, False),
            (_OWNER_BEFORE.search(text, max(0, hit.start() - windows.OWNER), hi), False),
            (
                _fronted_match(noun, text, _line_start(text, hit.start(), windows.FRONTED), ahead),
                True,
            ),
        ]
        for m, forward in candidates:
            if m:
                who = read(m["np"], m.start("np"), roster, forward=forward, depth=depth + 1)
                if who and who.kind not in ("document", "anonymous"):
                    found.append((m.start(), who))
    return sorted(found, key=lambda f: f[0])  # stable: at one offset, the first found first


def _line_start(text: str, pos: int, reach: int) -> int:
    """Where the paragraph holding `pos` starts, looking back `reach` characters at most."""
    lo = max(0, pos - reach)
    return text.rfind("\n", lo, pos) + 1 or lo


@lru_cache(maxsize=256)
def _noun_pattern(noun: str) -> regex.Pattern[str]:
    return regex.compile(rf"(?i)\b{regex.escape(noun)}\b")


# Patterns anchored on one mention of a document: its by-phrase after it, its author or owner
# before it. They name any document noun, not the mention's own: as no document noun opens or
# closes another (tests/test_extract_referents.py), the noun one matches where a mention starts or
# ends is that mention's, and one compiled pattern serves every noun.
_BY_AFTER = regex.compile(
    rf"(?i)(?:{DOC})\b[^.\x00\n]{{0,80}}?\b{AUTHOR_BY}\s+by\s+(?P<np>[^.,;\x00\n]+)"
)
_VERB_BEFORE = regex.compile(
    rf"(?P<np>[^.;\x00\n]{{1,120}}?)\s+(?:has\s+|have\s+|had\s+)?{_AUTHOR_VERB}\b"
    rf"[^.\x00\n]{{0,60}}?\b(?i:{DOC})$"
)
_OWNER_BEFORE = regex.compile(
    rf"(?P<np>\p{{Lu}}[\p{{L}}.-]*(?:\s+\p{{Lu}}[\p{{L}}.-]*){{0,6}})['’]s?\s+"
    rf"(?:[\w-]+\s+){{0,2}}(?i:{DOC})$"
)


def _fronted_pattern(noun: str) -> str:
    return (
        rf"(?s:.*?\b)?(?i:in)\s+(?:{lx.THE_OR_HIS})\s+(?:[\w-]+\s+){{0,3}}?(?i:{noun})\b"
        r"[^.\x00\n]{0,80}?,\s+(?P<np>[^,.\x00\n]{2,60}?)\s+(?:\p{Ll}+ed|said|says|wrote)\b"
    )


# Any document noun where _fronted names one: a match of a noun's pattern is one of this, so
# where this (compiled once) does not match, the noun's own pattern is neither compiled nor tried.
_FRONTED_ANY = regex.compile(_fronted_pattern(DOC))


@lru_cache(maxsize=256)
def _fronted(noun: str) -> regex.Pattern[str]:
    """ "In a letter sent to the council, the association warned …": the noun is not where the
    pattern is anchored, so the pattern names it."""
    return regex.compile(_fronted_pattern(regex.escape(noun)))


def _fronted_match(noun: str, text: str, lo: int, hi: int) -> regex.Match[str] | None:
    """The noun's fronted pattern matched in text[lo:hi], compiled only when a document noun is
    found fronted there (its compiling cost more than reading every article's documents)."""
    return _fronted(noun).match(text, lo, hi) if _FRONTED_ANY.match(text, lo, hi) else None
