"""Who a pronoun, a pair, a body's noun or a document stands for: "she", "the couple", "the firm",
"the statement" → the person or organisation the article named earlier, found by an index over
its roster (which descriptions.py reads too), not by rescans."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from weakref import WeakKeyDictionary

import regex

from quotes.extract import lexicon as lx
from quotes.extract.names import SEQUENCE, classify
from quotes.extract.roster import Roster
from quotes.model import Speaker

BACK_SENTENCES = 12  # how far back a description or a document looks for its referent
BACK_MENTIONS = 60  # and how many mentions it looks at, at most, whatever their sentences' size
_PAIR_REACH = 4  # sentences back that "the couple" or "they" looks for two people named together
_PRONOUN_REACH = 3  # persons looked at, nearest first, for a pronoun the roster cannot place
_APPOSITIVE_WINDOW = 80  # characters read after a name for ", the world number three,"
_BEFORE_WINDOW = 40  # characters read before a name for "coach Rita Vale"
_DESCRIPTION = regex.compile(
    rf",\s+(?:(?:{lx.either(lx.ARTICLES)})\s+)?"
    r"(?P<desc>[\p{L}\d][\p{L}\d\s'’-]{0,60}?)\s*(?=[,.;:)]|$)"
)
_AGE = regex.compile(r"(?:,\s+|\s+\()(?P<age>\d{1,3})(?=[,)])")
_AND = regex.compile(rf"\s+and\s+(?:{lx.SPOUSE}\s+)?")  # "Prince Edmund and his wife Clara Wynn"
_THE = regex.compile(r"^(?:[Tt]he)\s+")
_GENERIC = frozenset(lx.DETERMINERS | {"former", "current", "new", "old", "world", "top"})


class Index:
    """The article's named people, organisations and outlets in text order, with what is said
    about each person (roles, appositives, age) as sets of words."""

    def __init__(self, roster: Roster):
        self.kinds: dict[str, list[tuple[int, Speaker]]] = {
            "person": [],
            "org": [],
            "outlet": [],
            "pair": [],
            "subject": [],  # persons and organisations not named as owners ("Biden's deputy")
        }
        self.masked = masked = roster.masked
        self.genders: dict[str, str | None] = {}
        self.sentence_of = roster.sentences.index
        self.places: dict[str, list[tuple[int, int, str | None]]] = {}  # a person's mentions
        self._words: dict[str, tuple[set[str], str | None]] = {}
        self._plain: dict[str, set[str]] | None = None
        spans: list[tuple[int, int, Speaker]] = []  # where each person is named
        for m in sorted(roster.mentions + roster.weak, key=lambda m: m.start):
            s = m.speaker
            kind = {"person": "person", "organization": "org", "outlet": "outlet"}.get(s.kind)
            if kind is None or (kind == "org" and not _capitalised(s.name)):
                continue
            self.kinds[kind].append((m.start, s))
            if kind != "outlet" and not m.possessive:
                self.kinds["subject"].append((m.start, s))
            if kind != "person":
                continue
            self.genders.setdefault(s.name, roster.genders.get(s.name, m.gender))
            spans.append((m.start, m.end, s))
            self.places.setdefault(s.name, []).append((m.start, m.end, s.description))
        # "Prince Edmund and Clara Wynn": two people named together, for "the couple", "they"
        for (a, end, x), (b, _, y) in zip(spans, spans[1:], strict=False):
            if x.name != y.name and _AND.fullmatch(masked, end, b):
                whole = _THE.sub("", masked[a:end] + " and " + _name_at(masked, b))
                self.kinds["pair"].append((a, Speaker(whole, "group")))
        for m in roster.mentions:
            if m.speaker.kind == "organization" and pair_of(m.speaker.name):
                self.kinds["pair"].append((m.start, Speaker(m.speaker.name, "group")))
        for start, name in roster.unknown:  # "The Duke and Duchess of Ashford" is no one name
            if pair_of(name):
                self.kinds["pair"].append((start, Speaker(name, "group")))
        self.kinds["pair"].sort(key=lambda x: x[0])
        self.starts = {k: [p for p, _ in v] for k, v in self.kinds.items()}

    def described(self, name: str) -> tuple[set[str], str | None]:
        """The words the article describes a person with, and their age: read once, on demand,
        around each mention ("Ana Petrova, the world number three,", "coach Rita Vale")."""
        if name in self._words:
            return self._words[name]
        words: set[str] = set()
        age = None
        masked = self.masked
        for start, end, description in self.places.get(name, []):
            words |= content_words(description or "")
            after = masked[end : end + _APPOSITIVE_WINDOW]
            d = _DESCRIPTION.match(after)
            if d:
                words |= content_words(d["desc"])
            a = _AGE.match(after)
            age = a["age"] if a else age
            before = masked[max(0, start - _BEFORE_WINDOW) : start].split()[-3:]
            for w in reversed(before):  # "and coach Rita Vale"
                if not w.islower() or not w.isalpha() or w in lx.FUNCTION_WORDS:
                    break
                words.add(w)
        self._words[name] = (words, age)
        return words, age

    def plain(self, surname: str) -> set[str]:
        """Two-word names of a known given name and this surname: "Will Vane" for "Vane"."""
        if self._plain is None:
            self._plain = {}
            for name in self.places:
                words = name.split()
                if len(words) == 2 and words[0].casefold() in lx.GIVEN_NAMES:
                    self._plain.setdefault(words[1], set()).add(name)
        return self._plain.get(surname, set())

    def before(self, kind: str, pos: int) -> list[tuple[int, Speaker]]:
        """Mentions of a kind before `pos` within BACK_SENTENCES (BACK_MENTIONS at most), nearest
        first."""
        items = self.kinds[kind]
        i = bisect_left(self.starts[kind], pos)
        here = self.sentence_of(pos)
        out: list[tuple[int, Speaker]] = []
        while i > 0 and len(out) < BACK_MENTIONS:
            i -= 1
            if here - self.sentence_of(items[i][0]) > BACK_SENTENCES:
                break
            out.append(items[i])
        return out


_INDEXES: WeakKeyDictionary[Roster, Index] = WeakKeyDictionary()


def index_of(roster: Roster) -> Index:
    found = _INDEXES.get(roster)
    if found is None:
        found = _INDEXES[roster] = Index(roster)
    return found


def described_words(name: str, roster: Roster) -> set[str]:
    """The words the article describes a person with ("the company’s CEO, Ana Ruiz": ceo)."""
    return index_of(roster).described(name)[0]


def _capitalised(name: str) -> bool:
    return bool(name) and name[0].isupper()


def content_words(text: str) -> set[str]:
    return {w.strip(".,'’").casefold() for w in text.split()} - _GENERIC - {""}


def _gender(roster: Roster, speaker: Speaker) -> str | None:
    return index_of(roster).genders.get(speaker.name)


def own_surname(name: str, found: Speaker, roster: Roster) -> Speaker:
    """A bare surname is the one whose whole surname it is: "Vane" is Will Vane, not Rosa
    Pinkett Smith (whose surname is "Pinkett Smith"), when the article names both."""
    words = found.name.split()
    if len(words) < 2 or words[-1] != name or words[-2].casefold() in lx.GIVEN_NAMES:
        return found
    if words[-2].endswith(".") or not words[-2][0].isupper():
        return found  # "John F. Kennedy", "Ludwig van Beethoven"
    plain = index_of(roster).plain(name)
    if len(plain) != 1:
        return found
    best = next(iter(plain))
    return roster.persons.get(best) or Speaker(best, "person")


def pronoun(
    number: str, pos: int, roster: Roster, named: Callable[[Speaker], Speaker | None]
) -> Speaker | None:
    """The person "he" or "she" stands for when the roster's antecedents know no one: the last
    person named, counting names the roster keeps out of its mentions ("Elin Sorby" named
    once, with a given name it does not know) and passing `named` (no "737 Max")."""
    if number == "pl":
        return pair(pos, roster)
    if number not in ("m", "f"):
        return None
    for _, s in index_of(roster).before("person", pos)[:_PRONOUN_REACH]:
        if _gender(roster, s) in (None, number) and named(s):
            return s
    return None


def owner(noun: str, pos: int, roster: Roster) -> Speaker | None:
    """Who speaks as a body ("the firm said"): the organisation named last, one whose name ends
    with the noun first; or through a document ("the statement said"): the organisation or
    person named last (a letter's writer)."""
    index = index_of(roster)
    orgs = index.before("org", pos)
    if noun in lx.ORG_NOUNS or noun in lx.ORG_HEADS:
        fits = [s for _, s in orgs if s.name.split()[-1].casefold() == noun]
        return fits[0] if fits else (orgs[0][1] if orgs else None)
    nearest = orgs[:1] + index.before("person", pos)[:1]
    return max(nearest, key=lambda x: x[0])[1] if nearest else None


def outlet(pos: int, roster: Roster) -> Speaker | None:
    """The outlet meant by "the newspaper reported": the one named last."""
    found = index_of(roster).before("outlet", pos)
    return found[0][1] if found else None


def pair(pos: int, roster: Roster) -> Speaker | None:
    """The two people "the couple" or "they" stands for: the last pair named, nearby."""
    found = index_of(roster).before("pair", pos)
    if found and roster.sentences.index(pos) - roster.sentences.index(found[0][0]) <= _PAIR_REACH:
        return found[0][1]
    return None


def pair_of(name: str) -> bool:
    """Whether a name joins two people or two titles: "Duke and Duchess of Ashford"."""
    left, _, right = name.partition(" and ")
    if not right:
        return False
    kinds = [_person_kind(side) for side in (left, right)]
    return all(kinds) and ("person" in kinds or kinds == ["role", "role"])


def _person_kind(phrase: str) -> str | None:
    """ "person" or "role" when a phrase names someone ("Clara Wynn", "Duchess of Ashford")."""
    kind = classify(phrase).kind
    if kind == "person" or (kind == "surname" and phrase.casefold() not in lx.GROUP_NOUNS):
        return "person"  # "Clara", but not "Members"
    first = phrase.split()[0].casefold() if phrase.split() else ""
    return "role" if kind == "role" or first in lx.ROLES else None


def _name_at(text: str, pos: int) -> str:
    m = SEQUENCE.match(text, pos)
    return m[0] if m else ""


def subject(
    lo: int, hi: int, roster: Roster, named: Callable[[Speaker], Speaker | None]
) -> Speaker | None:
    """The first person or organisation named between two offsets, not as an owner, that
    passes `named` ("Union leader Carla Mendes": not "Union")."""
    index = index_of(roster)
    i = bisect_left(index.starts["subject"], lo)
    for start, s in index.kinds["subject"][i:]:
        if start >= hi:
            break
        found = named(s)
        if found:
            return found
    return None


def ending_with(word: str, pos: int, roster: Roster) -> Speaker | None:
    """The two people whose title ends "of" the word ("the Ashford's statement" is the Duke and
    Duchess of Ashford's, but "Trump" is no "Elin Sorby and President Hale"), or the
    organisation whose name ends with it, named last before `pos`."""
    ending = " of " + word
    if not any(o.rsplit(" ", 1)[-1] == word for o in roster.orgs) and not any(
        n.endswith(ending) for _, n in roster.unknown
    ):
        return None  # read without building the index: most articles name no such body or title
    index = index_of(roster)
    pairs = index.before("pair", pos)[:BACK_MENTIONS]
    orgs = index.before("org", pos)[:BACK_MENTIONS]
    fits = [(at, s) for at, s in pairs if s.name.split()[-2:] == ["of", word]]
    fits += [(at, s) for at, s in orgs if s.name.split()[-1] == word and s.name != word]
    return max(fits, key=lambda f: f[0])[1] if fits else None
