"""Whether a name the article gives no person for ("Facebook", "China", "the Obamas", "New
Zealanders") is a body or a group of people, from the article's own use of it: an organisation
the cast learnt (cast.py: a legal form, "it"/"its", a body's noun or possessions); a country,
which speaks through its government, is an organisation; a plural family name and a nation's
people are a group."""

from __future__ import annotations

from quotes.extract import lexicon as lx
from quotes.extract.roster import Roster

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
            if place.casefold() in lx.COUNTRIES or roster.capitals.written(place):
                return True
    return False
