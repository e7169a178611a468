"""Whether a name the article gives no person for ("Facebook", "China", "the Obamas", "New
Zealanders") is a body or a group of people, from the article's own use of it: a legal form
("Acme Inc."), "it"/"its" ("Acme knows its …"), a body's noun ("the firm Acme", "Acme, a
retailer"), a body's possessions ("Acme's shares"); a country, which speaks through its
government, is an organisation; a plural family name and a nation's people are a group."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from quotes.extract import lexicon as lx
from quotes.extract import windows

if TYPE_CHECKING:  # the roster learns bodies from here: imported for its type only
    from quotes.extract.roster import Roster

_S = r"['’]s"
_SPEAKS = lx.either(("said", "says", "added", "announced", "confirmed"))
# What only a body has, after its name and "'s": "Acme's shares", "Acme's chief executive".
_POSSESSIONS = r"chief\s+executive|" + lx.either(
    lx.wordlist(
        "shares stock shareholders investors employees workforce headquarters ceo subsidiary "
        "platform platforms products users customers subscribers founder co-founder"
    )
)
_BODY_NOUNS = lx.either(
    sorted(
        (lx.ORG_NOUNS - {"party", "campaign", "office", "chapter", "court"})
        | frozenset(lx.wordlist("giant conglomerate startup start-up maker consultancy"))
    )
)
_OFFICERS = r"chief\s+executive|" + lx.either(lx.wordlist("founder co-founder ceo cfo"))
_BODIES = lx.either(
    sorted({n[:-1] + "ies" if n.endswith("y") else n + "s" for n in lx.ORG_NOUNS} | {"giants"})
)
# A nation's people: the place with an ending ("London-er", "Australia-n", "Canad-ian").
_DEMONYM_ENDINGS = ("ers", "ians", "ans", "ns", "is")
_PLACE_TAILS = ("", "a", "y", "o", "ia", "as")
_MIN_PLACE = 4  # letters of a place's name at least: "Pet-ers" names no place


def lone_kind(name: str, roster: Roster) -> str | None:
    """ "organization" or "group" when the article's use of a name says so, else None (a
    surname, say, as before). Read for names the roster knows no person by."""
    if is_group(name, roster):
        return "group"
    return "organization" if name in roster.orgs or is_country(name) else None


def is_country(name: str) -> bool:
    """A country's name ("China said": its government), never a given name ("Georgia")."""
    low = name.casefold()
    return low in lx.COUNTRIES and low not in lx.GIVEN_NAMES


def is_group(name: str, roster: Roster) -> bool:
    """A plural family name ("the Obamas", for a Barack Obama the article names) or a nation's
    people ("New Zealanders", "Australians")."""
    words = name.split()
    if not words or not words[-1][:1].isupper() or len(words) > 3 or not name.endswith("s"):
        return False
    return (len(words) == 1 and _family(name, roster)) or _people_of_a_place(name, roster)


def _family(word: str, roster: Roster) -> bool:
    """A surname made plural: "the Obamas", "the Joneses", for persons the article names."""
    if word in roster.persons or len(word) < 4 or not word.endswith("s"):
        return False
    if any(full.split()[-1] == word for full in roster.persons):
        return False  # "Williams" is someone's surname
    singular = (word[:-2], word[:-1]) if word.endswith("es") else (word[:-1],)
    return any(full.split()[-1] in singular for full in roster.persons if " " in full)


def _people_of_a_place(name: str, roster: Roster) -> bool:
    """A plural demonym of a country or of a place the article names in capitals."""
    for ending in _DEMONYM_ENDINGS:
        if not name.endswith(ending):
            continue
        stem = name[: -len(ending)]
        tails = ("",) if ending == "ers" else _PLACE_TAILS  # "Sand-ers" would be far too bold
        for tail in tails:
            place = stem + tail
            if len(place) < _MIN_PLACE or place.casefold() in lx.GIVEN_NAMES:
                continue
            if place.casefold() in lx.COUNTRIES or _written(place, roster):
                return True
    return False


def _written(place: str, roster: Roster) -> bool:
    """Whether the article writes the place's name as a capitalised phrase of its own."""
    if roster.capitalised is None:  # every capitalised word and pair of words, read once
        runs = regex.findall(r"\p{Lu}\p{L}+(?:[ \t]\p{Lu}\p{L}+)?", roster.masked)
        roster.capitalised = frozenset(w for r in runs for w in (r, r.split()[0]))
    return place in roster.capitalised


def body_words(masked: str, spots: list[tuple[int, int, str]]) -> set[str]:
    """The lone capitalised words (each with where it starts and ends) the article writes as
    bodies' names: with a legal form, "it" or "its" after them, a body's noun before or after
    them, a body's officer after them, or what only a body has after their possessive; read
    forwards and a few words back from each place. (Countries are not among them: "the group
    said" never stands for a country.)"""
    found: set[str] = set()
    for start, end, word in spots:
        if word in found or word.casefold() in _NOT_BODIES:
            continue
        if _AFTER.match(masked, end) or _BEFORE.match(
            masked, max(0, start - windows.BODY_NOUN), start
        ):
            found.add(word)
    return found


_NOT_BODIES = lx.GIVEN_NAMES | lx.NOT_NAMES | lx.TIMES
_AFTER = regex.compile(
    rf"(?:{_S})?\s+(?:{lx.either(sorted(lx.LEGAL_FORMS), capital=True)})(?![\p{{L}}-])"  # Acme Inc.
    rf"|\s+(?:{_SPEAKS})\s+it\s+(?:is|was)\s+\p{{Ll}}+ing\b"  # Acme said it is working
    rf"|\s+(?:{_SPEAKS}|(?!(?:is|was|has|does)\b)\p{{Ll}}+(?:s|ed))\s+its\s+\p{{Ll}}"
    # Acme knows its (not "Lagarde is its president")
    rf"|,\s+(?:{lx.either(lx.ARTICLES)})\s+(?:[\p{{Ll}}-]+\s+){{0,3}}?(?:{_BODY_NOUNS})"
    r"(?=\s*[,.;)]|\s+(?:that|which|based|founded|in|with)\b)"  # Acme, a retailer, … (not
    # "Lee, a former agency official")
    rf"|(?:{_S})?\s+(?:{_POSSESSIONS})\b"  # Acme's shares (read after the "'s" or before it)
    rf"|(?:{_S})?\s+(?:{_OFFICERS})\s+\p{{Lu}}"  # Acme founder Ana Ruiz
    rf"|,\s+one\s+of\s+(?:the\s+)?(?:[\p{{L}}'’-]+\s+){{0,4}}?(?:{_BODIES})\b"  # one of the
    # world's largest retailers
)
# "the firm Acme", "his firm, Acme" (not "the government, Lee said"), read back from the name and
# matched there, where it must end, rather than searched
_BEFORE = regex.compile(
    rf"(?r)(?:\b(?:{_BODY_NOUNS})|\b(?:{lx.either(lx.POSSESSIVE_DETERMINERS)})\s+(?:{_BODY_NOUNS}),)"
    r"\s+$"
)
