"""Who a definite description stands for: "the Brazilian forward", "the 31-year-old", "the
actor" → the person the article named and described so, found through coref's index."""

from __future__ import annotations

from collections.abc import Callable

import regex

from quotes.extract import coref
from quotes.extract import lexicon as lx
from quotes.extract.roster import Roster
from quotes.model import Speaker

_YEAR_OLD = regex.compile(r"(?P<age>\d{1,3})-year-old")
_NUMBERED = regex.compile(r"\d|-time\b|\bnumber\b|\bno\.\s")
_OWNER_AT = regex.compile(r"\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,3}['’]s?(?=\s)")  # "Mendes's"


def descriptor(
    phrase: str, pos: int, roster: Roster, named: Callable[[Speaker], Speaker | None]
) -> Speaker | None:
    """The named person a definite description stands for: one the article described with the
    same words (an appositive, a role before the name, an age), else, for an epithet ("the
    Brazilian forward", "the 31-year-old", "the four-time champion"), the last person named;
    only persons passing `named` (not "the 737 Max")."""
    words = phrase.split()
    if not words or words[0].casefold() != "the" or len(words) > 7:
        return None
    index = coref.index_of(roster)
    gender = next(
        (lx.GENDERED_NOUNS[w] for w in coref.content_words(phrase) if w in lx.GENDERED_NOUNS), None
    )
    # nearest first; not a name inside the description ("the 20-time Grand Slam champion")
    placed = [(p, s) for p, s in index.before("person", pos) if s.name not in phrase]
    placed = [
        (p, s) for p, s in placed if gender is None or index.genders.get(s.name) in (None, gender)
    ]
    people = [s for _, s in placed]
    age = _YEAR_OLD.search(phrase)
    words = words[: _head_end(words)]  # "the creator of Facebook": the creator
    wanted = coref.content_words(" ".join(words[1:]))
    head = words[-1].casefold().removeprefix("ex-")  # "the ex-chancellor": the chancellor then
    ranked: list[tuple[int, int, Speaker]] = []  # (-score, distance, person)
    for distance, s in enumerate(people):
        known, years = index.described(s.name)
        if age and years == age["age"]:
            ranked.append((-99, distance, s))
        elif head in known:
            ranked.append((-len(wanted & known), distance, s))
    if _epithet(words[1:]):
        ranked += [(0, rank, s) for rank, s in _salient(placed, head, index, pos)]
    for _, _, s in sorted(ranked, key=lambda r: (r[0], r[1])):
        if named(s):
            return s
    return None


def _salient(
    placed: list[tuple[int, Speaker]], head: str, index: coref.Index, pos: int
) -> list[tuple[int, Speaker]]:
    """The persons an epithet may stand for, ranked: the nearest sentence naming one first, and
    in a sentence the first named (its subject: "Lee beat Ruiz. The 31-year-old said" is Lee);
    one the article describes with another trade last ("comedian Ray Marsh" for "the actor")."""
    here = index.sentence_of(pos)

    def rank(item: tuple[int, Speaker]) -> tuple[bool, int, bool, int]:
        start, s = item
        known, _ = index.described(s.name)
        other = _other_trade(head, known)
        # "Mendes's teammate Jordi Alva praised him. … the Spaniard said": Alva, not the owner
        owner = _OWNER_AT.match(index.masked, start) is not None
        return other, here - index.sentence_of(start), owner, start

    return list(enumerate(s for _, s in sorted(placed, key=rank)))


def _head_end(words: list[str]) -> int:
    """Where a description's head noun ends: before "of Facebook", "overseeing his case"."""
    for i, w in enumerate(words[2:], 2):
        if w in lx.AFTER_HEAD or (w.islower() and w.endswith("ing")):
            return i
    return len(words)


def _epithet(words: list[str]) -> bool:
    """A description that stands for someone already named, not a new unnamed source: it counts
    ("the 31-year-old", "the world number three", "the four-time champion") or is a sports
    position, a celebrity's trade or the like ("the Brazilian forward", "the actor")."""
    if not words:
        return False
    head = words[-1].casefold()
    if head in _ANONYMOUS_HEADS:
        return False
    phrase = " ".join(words)
    if _NUMBERED.search(phrase.casefold()) or _YEAR_OLD.search(phrase):
        return True
    if _DEMONYM.fullmatch(phrase):
        return True
    return head in _EPITHET_HEADS  # not "the Vermont senator": politics has many senators


# A nationality as a noun: "the American", "the South African", "the Spaniard", "the Frenchman"
# (a party or a faith is no nationality: "the Republican", "the Christian").
_DEMONYM = regex.compile(
    r"(?:(?:North|South|East|West|New)\s+)?(?!(?:Republican|Christian|Guardian|Anglican)\b)"
    r"(?:\p{Lu}\p{Ll}+(?:ian|ean|can|ese|shman|shwoman)|Frenchman|Scotsman|Argentine|Spaniard|Briton|Dane"
    r"|Swede|Scot|Kiwi|Swiss|Thai|Pole|Czech|Serb|Croat|Israeli|Iraqi|Pakistani|Saudi|Filipino|"
    r"German|Kenyan|Greek|Turk|Finn|Dutchman)"
)


def demonym(phrase: str) -> bool:
    """Whether a phrase is "the" and a nationality: "the American", "the South African"."""
    words = phrase.split()
    return (
        len(words) > 1
        and words[0].casefold() == "the"
        and bool(_DEMONYM.fullmatch(" ".join(words[1:])))
    )


# Unnamed sources stay unnamed: "the official said" is not the last person named.
_ANONYMOUS_HEADS = frozenset(
    lx.wordlist(
        "official officials source sources spokesman spokeswoman spokesperson aide person man "
        "woman witness resident officer lawyer attorney analyst expert insider employee worker"
    )
)
# Epithets by trade: "the champion" may be "tennis star Luka Petrovic", not "Immigration
# Minister Alan Crewe"; "the actor" not "comedian Ray Marsh". A role outside every family (a
# minister, a senator) rules out each of them.
_FAMILIES = [
    frozenset(lx.wordlist(words))
    for words in (
        "striker forward midfielder defender goalkeeper keeper winger captain skipper champion "
        "quarterback pitcher star international veteran youngster teenager rookie player athlete "
        "winner",
        "actor actress star winner",
        "singer rapper star winner",
        "comedian star",
        "billionaire entrepreneur tycoon ceo founder co-founder cofounder creator inventor boss "
        "executive chairman",
        "monarch royal duke duchess prince princess king queen",
        "whistleblower activist campaigner",
    )
]
# The heads of a description that stands for someone already named ("the striker"); the
# chairman, the executive, the king and the queen may be someone the article never named.
_EPITHET_HEADS = frozenset().union(*_FAMILIES) - frozenset(
    ("executive", "chairman", "king", "queen")
)
# Every head noun a description of one person may have: "the striker", "a spokeswoman".
PERSON_HEADS = _EPITHET_HEADS | _ANONYMOUS_HEADS | frozenset(("executive", "chairman"))
# Words of a description that say no trade: titles ("Mr"), ranks in time ("former", "acting").
_NO_TRADE = frozenset(
    {
        t
        for w, k in lx.ABBREVIATIONS.items()
        if k == "title"
        for t in (w.casefold(), f"{w}.".casefold())
    }
    | set(lx.wordlist("miss former senior first acting interim u.s. state"))
)
_TRADES = (_EPITHET_HEADS | lx.ROLES) - _NO_TRADE


def _other_trade(head: str, known: set[str]) -> bool:
    """Whether a person described with these words is of another trade than the epithet."""
    families = [f for f in _FAMILIES if head in f]
    if not families or head in known or not known & _TRADES:
        return False
    return not any(known & f for f in families)
