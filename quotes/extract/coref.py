"""Who a description or a document stands for: "the Brazilian forward", "the statement" → the
person or organisation the article named earlier, found by index over its roster, not by rescans."""

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
_YEAR_OLD = regex.compile(r"(?P<age>\d{1,3})-year-old")
_NUMBERED = regex.compile(r"\d|-time\b|\bnumber\b|\bno\.\s")
_AND = regex.compile(rf"\s+and\s+(?:{lx.SPOUSE}\s+)?")  # "Prince Edmund and his wife Clara Wynn"
_THE = regex.compile(r"^(?:[Tt]he)\s+")
_OWNER_AT = regex.compile(r"\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,3}['’]s?(?=\s)")  # "Mendes's"
_GENERIC = frozenset(lx.DETERMINERS | {"former", "current", "new", "old", "world", "top"})


class _Index:
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
            words |= _content(description or "")
            after = masked[end : end + _APPOSITIVE_WINDOW]
            d = _DESCRIPTION.match(after)
            if d:
                words |= _content(d["desc"])
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


_INDEXES: WeakKeyDictionary[Roster, _Index] = WeakKeyDictionary()


def _index(roster: Roster) -> _Index:
    found = _INDEXES.get(roster)
    if found is None:
        found = _INDEXES[roster] = _Index(roster)
    return found


def described_words(name: str, roster: Roster) -> set[str]:
    """The words the article describes a person with ("the company’s CEO, Ana Ruiz": ceo)."""
    return _index(roster).described(name)[0]


def _capitalised(name: str) -> bool:
    return bool(name) and name[0].isupper()


def _content(text: str) -> set[str]:
    return {w.strip(".,'’").casefold() for w in text.split()} - _GENERIC - {""}


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
    index = _index(roster)
    gender = next((lx.GENDERED_NOUNS[w] for w in _content(phrase) if w in lx.GENDERED_NOUNS), None)
    # nearest first; not a name inside the description ("the 20-time Grand Slam champion")
    placed = [(p, s) for p, s in index.before("person", pos) if s.name not in phrase]
    placed = [(p, s) for p, s in placed if gender is None or _gender(roster, s) in (None, gender)]
    people = [s for _, s in placed]
    age = _YEAR_OLD.search(phrase)
    words = words[: _head_end(words)]  # "the creator of Facebook": the creator
    wanted = _content(" ".join(words[1:]))
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
    placed: list[tuple[int, Speaker]], head: str, index: _Index, pos: int
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


def _gender(roster: Roster, speaker: Speaker) -> str | None:
    return _index(roster).genders.get(speaker.name)


def own_surname(name: str, found: Speaker, roster: Roster) -> Speaker:
    """A bare surname is the one whose whole surname it is: "Vane" is Will Vane, not Rosa
    Pinkett Smith (whose surname is "Pinkett Smith"), when the article names both."""
    words = found.name.split()
    if len(words) < 2 or words[-1] != name or words[-2].casefold() in lx.GIVEN_NAMES:
        return found
    if words[-2].endswith(".") or not words[-2][0].isupper():
        return found  # "John F. Kennedy", "Ludwig van Beethoven"
    plain = _index(roster).plain(name)
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
    for _, s in _index(roster).before("person", pos)[:_PRONOUN_REACH]:
        if _gender(roster, s) in (None, number) and named(s):
            return s
    return None


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


def owner(noun: str, pos: int, roster: Roster) -> Speaker | None:
    """Who speaks as a body ("the firm said"): the organisation named last, one whose name ends
    with the noun first; or through a document ("the statement said"): the organisation or
    person named last (a letter's writer)."""
    index = _index(roster)
    orgs = index.before("org", pos)
    if noun in lx.ORG_NOUNS or noun in lx.ORG_HEADS:
        fits = [s for _, s in orgs if s.name.split()[-1].casefold() == noun]
        return fits[0] if fits else (orgs[0][1] if orgs else None)
    nearest = orgs[:1] + index.before("person", pos)[:1]
    return max(nearest, key=lambda x: x[0])[1] if nearest else None


def outlet(pos: int, roster: Roster) -> Speaker | None:
    """The outlet meant by "the newspaper reported": the one named last."""
    found = _index(roster).before("outlet", pos)
    return found[0][1] if found else None


def pair(pos: int, roster: Roster) -> Speaker | None:
    """The two people "the couple" or "they" stands for: the last pair named, nearby."""
    found = _index(roster).before("pair", pos)
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
    index = _index(roster)
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
    index = _index(roster)
    pairs = index.before("pair", pos)[:BACK_MENTIONS]
    orgs = index.before("org", pos)[:BACK_MENTIONS]
    fits = [(at, s) for at, s in pairs if s.name.split()[-2:] == ["of", word]]
    fits += [(at, s) for at, s in orgs if s.name.split()[-1] == word and s.name != word]
    return max(fits, key=lambda f: f[0])[1] if fits else None
