"""A speaker is a person's or organisation's name, an outlet, a group or an unnamed source's
description; anything else a rule produced ("Legal", "PM", "well", "London reports") is mended
into the name inside it or dropped, so the next-best attribution can be tried."""

from __future__ import annotations

from functools import lru_cache
from weakref import WeakKeyDictionary

import regex

from quotes.extract import coref, descriptions
from quotes.extract import lexicon as lx
from quotes.extract.bodies import is_group, lone_kind
from quotes.extract.names import classify, is_acronym
from quotes.extract.roster import Roster
from quotes.model import Speaker

_MAX_WORDS = 8  # longer than this a description is a clause: "allowing protesters to block …"
_NAME_TOKEN = regex.compile(rf"(?:\p{{Lu}}\.)+|{lx.CAPITALISED}")
_PARTICLES = frozenset(lx.NAME_PARTICLES)
_NOT_TEXT = regex.compile(r"[\d%$€£@#/\\|<>=+*]|^\W")
# Heads that name no one on their own: "Bureau said" is half of a name.
_HALVES = frozenset(
    lx.wordlist(
        "bureau department agency office service commission committee association company group "
        "institute foundation center centre fund trust network team project initiative board "
        "council union party authority corporation society league alliance coalition federation"
    )
)
_NEVER_ALONE = (lx.NOT_NAMES | lx.TIMES | lx.SECTION_LABELS) - frozenset(
    lx.wordlist(
        "north south east west northeast northwest southeast southwest los las san santa fort "
        "mount lake port saint st. white black"
    )
)
# A time after a phrase: "this summer", "on Monday", "last week".
_WHEN = regex.compile(
    r"(?i)\s+(?:(?:this|last|next|that|on|in|earlier|later)\s+)?(?:past\s+)?(?:"
    + lx.either(
        lx.wordlist("summer winter spring fall autumn week month year morning afternoon evening")
        + lx.wordlist("night weekend")
        + lx.WEEKDAYS
        + [m for m in lx.MONTHS if m != "may"]  # "may", a verb as often
    )
    + r")$"
)
# Words for a share of people: "Forty-one percent of respondents", "a majority of voters".
_QUANTITIES = frozenset(
    lx.wordlist("percent per cent majority minority half third quarter share plurality most")
)
_COLLECTIVE = frozenset(lx.wordlist("family crew"))  # nouns for several people as one
_LINKS = frozenset(lx.FUNCTION_WORDS | {"of", "for", "to", "and", "or", "with"})
_ADVERBS = frozenset(
    lx.wordlist("further also then later again once still too meanwhile however finally earlier")
)
_LEADS = lx.DETERMINERS | lx.FUNCTION_WORDS
_POSSESSIVE = regex.compile(r"['’]s?$")
# "Serbian", "Swedish", "Chinese", "Frenchman": of a nation, not a name
_NATION = regex.compile(r"\p{Lu}\p{Ll}+(?:ian|ish|ese|ean|can)")
_DEMONYM = regex.compile(rf"{_NATION.pattern}|\p{{Lu}}\p{{Ll}}{{3,}}(?:man|woman)")
_PEOPLE = regex.compile(r"\p{Lu}\p{Ll}+(?:ans|ists|ites|ese|ers|ics)")
_CLAUSE = regex.compile(
    rf"(?i)^(?-i:\p{{Ll}}+ing)\b|\b(?:{lx.either(lx.AUXILIARIES)}|to)\s+\p{{Ll}}+\b"
    r"|(?-i:\p{Lu}\p{Ll}+\s+\p{Ll}+(?:s|ed)\s+(?:in|to|on|at|for|with|the|a|an|that)\b)"
)  # "allowing protesters to …", "Lima arrives in Oslo": a clause, not someone


def named(s: Speaker, pos: int, roster: Roster) -> Speaker | None:
    """The speaker as a name a reader would recognise, or None when it is no one."""
    if s.kind == "outlet":
        return s
    if s.kind == "person":
        return _person(s, pos, roster)
    if s.kind == "organization":
        return _organisation(s, pos, roster)
    if s.kind == "document":
        return None  # a document nobody in the article wrote or issued speaks for no one
    if s.kind == "anonymous":
        return _description(s, pos, roster)
    if s.kind == "group":
        words = s.name.split()
        return None if len(words) > _MAX_WORDS or _CLAUSE.search(s.name) else s
    return s


def _person(s: Speaker, pos: int, roster: Roster) -> Speaker | None:
    if is_group(s.name, roster):
        return Speaker(s.name, "group")  # "the Obamas", "New Zealanders"
    tokens = _name_part(s.name)
    if tokens is None:
        return None
    if len(tokens) == 1 and _not_a_person(tokens[0], pos, roster):
        return None
    if len(tokens) > 2 and tokens[0].casefold() not in lx.GIVEN_NAMES:
        known = roster.persons.get(" ".join(tokens[1:]))  # "Acme Mara Lindqvist"
        if known:
            return known
    if len(tokens) == 1 == len(s.name.split()):
        found = roster.person(s.name, pos)  # "Ray" for Ray Marsh, named in full before
        if " " in found.name:
            return _untitled(found, roster)
        body = coref.ending_with(_POSSESSIVE.sub("", s.name), pos, roster)  # "Ashford"
        kind = None if body else lone_kind(s.name, roster)  # "Facebook said its", "China"
        return body or (Speaker(s.name, kind) if kind else s)
    if len(tokens) == len(s.name.split()):
        return s
    name = " ".join(tokens)
    if len(tokens) == 1:
        found = coref.own_surname(name, roster.person(name, pos), roster)
        whole = _name_part(found.name)
        if whole is None:
            return None  # "Open" for "Australian Open"
        if len(whole) < len(found.name.split()):
            found = Speaker(name, "person", s.description)  # not "Frenchman Lindqvist"
        return found if " " in found.name or roster.used_as_name(name) else None
    return roster.persons.get(name) or Speaker(name, "person", s.description)


def _untitled(s: Speaker, roster: Roster) -> Speaker:
    """The person a title's run of capitals opens with: "Ruiz Meets Harbor" is Ana Ruiz when the
    article names her (a name of three words or more opening with another one's surname)."""
    words = s.name.split()
    if len(words) < 3 or words[0].casefold() in lx.GIVEN_NAMES:
        return s
    ending = " " + words[0]
    known = [p for p in roster.persons if p.endswith(ending)]
    return roster.persons[known[0]] if len(known) == 1 else s


@lru_cache(maxsize=16384)
def _name_part(name: str) -> tuple[str, ...] | None:
    """The words of a person's name that are the name, or None when it is no name at all:
    words stuck to its front ("disappointed Roe", "Frenchman Lindqvist", "Academy Awards. Vane")
    are a description or another name; an event ("Australian Open") or a lone adjective or
    time ("American", "PM") is no one. Read once per name."""
    tokens = name.split()
    if _NOT_TEXT.search(name) or (len(tokens) > 1 and tokens[-1].casefold() in lx.EVENT_HEADS):
        return None  # "Australian Open": an event
    first = next(
        (i for i, t in enumerate(tokens) if t[0].isupper() and t.casefold() not in _LEADS),
        len(tokens),
    )  # "Both Joe Biden"
    for i, t in enumerate(tokens[:-1]):
        low = t.casefold()
        stuck = low in lx.EVENT_HEADS or low in lx.ORG_HEADS or _DEMONYM.fullmatch(t)
        if i >= first and stuck and low not in lx.GIVEN_NAMES:
            first = i + 1
    tokens = tokens[first:]
    if not tokens or any(not _is_name_token(t) for t in tokens):
        return None
    if len(tokens) > 1 and tokens[-1].casefold() in lx.EVENT_HEADS:
        return None
    if all(t.casefold() in _NEVER_ALONE for t in tokens):
        return None  # but "West", "White" are surnames
    return tuple(tokens)


def _not_a_person(word: str, pos: int, roster: Roster) -> bool:
    """A lone word the article gives no person for: a demonym ("Serbian"), a word for someone
    written in a title's capitals ("Sam Lee Prosecutor Promises": the prosecutor is unnamed), or
    a given name written after a model number ("737 Max")."""
    if word.casefold() in descriptions.PERSON_HEADS or word.casefold() in lx.PERSON_NOUNS:
        return " " not in roster.person(word, pos).name
    if word.casefold() in lx.GIVEN_NAMES:
        return _after_number(word, roster)
    return bool(_NATION.fullmatch(word)) and " " not in roster.person(word, pos).name


_PRODUCTS: WeakKeyDictionary[Roster, frozenset[str]] = WeakKeyDictionary()
_MODEL = regex.compile(r"(?<![\d,.:/-])\d{2,4}[\s-]+(\p{Lu}[\p{L}-]*)")  # not a date's "30"


def _after_number(word: str, roster: Roster) -> bool:
    """Whether the article writes the word after a model number ("737 Max"); the article is
    read for such words once."""
    found = _PRODUCTS.get(roster)
    if found is None:
        found = _PRODUCTS[roster] = frozenset(_MODEL.findall(roster.masked))
    return word in found


def _is_name_token(token: str) -> bool:
    return bool(_NAME_TOKEN.fullmatch(token)) or token.casefold() in _PARTICLES


def _organisation(s: Speaker, pos: int, roster: Roster) -> Speaker | None:
    name = s.name
    tokens = name.split()
    if not tokens or _NOT_TEXT.search(name):
        return None
    low = [t.casefold() for t in tokens]
    if low[-1] in lx.EVENT_HEADS:
        return None  # "Open Championship": an event does not speak
    if is_group(name, roster):
        return Speaker(name, "group")  # "the Obamas", "New Zealanders"
    if len(tokens) == 1:
        if low[0] in _NEVER_ALONE:
            return None  # "PM", "American", "STORY"
        if name.isupper() and len(name) > 3 and " " in roster.person(name.title(), pos).name:
            return roster.person(name.title(), pos)  # "LINDQVIST:" in a transcript or a title
        if name[0].islower():
            return _owner(low[0], pos, roster) if low[0] in lx.ORG_NOUNS else None
        if is_acronym(name):
            return None if _after_number(name, roster) else s  # not the "737 MAX"
        outlets = {m.speaker.name for m in roster.mentions if m.speaker.kind == "outlet"}
        ending = [o for o in outlets if o.split()[-1] == name]  # "The Post": The Washington Post
        if len(ending) == 1:
            return Speaker(ending[0], "outlet")
        # "Bureau": half of a name, the whole one named before
        whole = [o for o in roster.orgs if name in o.split() and o != name]
        if whole:
            return Speaker(max(whole, key=len), "organization")
        return None if low[0] in _HALVES else s
    left, _, right = name.partition(" and ")
    one = classify(right) if right and classify(left).kind == "role" else None
    if one and one.kind == "person":  # "State Councilor and Foreign Minister Wang Yi": one man
        return roster.persons.get(one.name) or Speaker(one.name, "person", one.description)
    if coref.pair_of(name):
        return Speaker(name, "group")  # "Duke and Duchess of Ashford": two people, one voice
    if right and classify(left).kind == "person" and left.split()[0].casefold() in lx.GIVEN_NAMES:
        return roster.persons.get(left) or Speaker(left, "person")  # "Ana Lima and Members …"
    if classify(name).kind is None:
        person = _person_ending(tokens, roster)  # "Team Canada Jane Roe"
        if person:
            return person
        if any(not _is_name_token(t) and t.casefold() not in lx.CONNECTORS for t in tokens):
            return None
    return s


def _person_ending(tokens: list[str], roster: Roster) -> Speaker | None:
    """A person's name ending a run of capitals: a known given name and a surname, or a surname
    the article uses on its own ("… Ranking Democrat Dianne Feinstein", then "Feinstein said")."""
    for k in (3, 2):
        n = classify(" ".join(tokens[-k:]))
        if len(tokens) <= k or n.kind != "person":
            continue
        if tokens[-k].casefold() in lx.GIVEN_NAMES or (k == 2 and roster.used_as_name(tokens[-1])):
            return roster.persons.get(n.name) or Speaker(n.name, "person", n.description)
    return None


def _description(s: Speaker, pos: int, roster: Roster) -> Speaker | None:
    """An unnamed source's description stays when its head is a noun for someone; a phrase that
    is no description gives the name inside it ("Lynch said she", "a disappointed Roe")."""
    when = _WHEN.search(s.name)
    if when and when.start():  # "Milwaukee Journal Sentinel this summer": a name, then a time
        return _named_before_time(s.name[: when.start()].split(), pos, roster)
    words = s.name.split()
    while len(words) > 1 and words[-1].casefold() in _ADVERBS:  # "Oscar winner further"
        words.pop()
    if len(words) < len(s.name.split()):
        phrase = "the " + " ".join(words)
        s = descriptions.descriptor(
            phrase, pos, roster, lambda x: named(x, pos, roster)
        ) or Speaker(" ".join(words), "anonymous")
        if s.kind != "anonymous":
            return s
    if not words or _NOT_TEXT.search(s.name) or _CLAUSE.search(s.name):
        return _name_inside(words, pos, roster)
    at = _head_at(words)
    if at >= _MAX_WORDS or len(words) > 2 * _MAX_WORDS:
        return _name_inside(words, pos, roster)
    if words[at].casefold() in _QUANTITIES and at + 2 < len(words) and words[at + 1] == "of":
        return Speaker(s.name, "group")  # "Forty-one percent of respondents": people in numbers
    if at + 1 < len(words) and words[at + 1].islower() and words[at + 1].endswith("ing"):
        s = Speaker(" ".join(words[: at + 1]), "anonymous")  # "prosecutor overseeing his case"
    head = words[at].casefold().strip(",.")
    plural = head.endswith("s") and not head.endswith("ss")
    if plural:
        head = head[:-1]  # "crews", "organisers"
    if head in lx.OUTLET_NOUNS:
        return coref.outlet(pos, roster)
    if head in lx.PAIR_NOUNS:
        return coref.pair(pos, roster)
    if head in _COLLECTIVE:
        return Speaker(s.name, "group")  # "Djokovic's family": several people, one voice
    if head in lx.ORG_NOUNS or head in lx.DOC_NOUNS:
        owner = None
        if at > 0 and _POSSESSIVE.search(words[0]) and words[0][0].isupper():
            owner = _name_inside([_POSSESSIVE.sub("", words[0])], pos, roster)  # "Sanders’ email"
        return owner or _owner(head, pos, roster)
    someone = head in lx.PERSON_NOUNS or head in lx.ROLES or head in lx.GENDERED_NOUNS
    if someone or (len(head) > 3 and head.endswith(lx.PERSON_ENDINGS)):
        if plural:
            return Speaker(s.name, "group")  # "strangers", "organisers": several people
        return _described_as(words[: at + 1], roster) or s
    return _name_inside(words, pos, roster)


def _named_before_time(words: list[str], pos: int, roster: Roster) -> Speaker | None:
    """The name a time follows ("the Milwaukee Journal Sentinel this summer"), when the words
    before the time are all a name's."""
    run = _capitals(words)
    if not run or len(run) < len(words):
        return None
    found = _name_inside(run, pos, roster)
    if found is None and len(run) > 1 and classify(" ".join(run)).kind is None:
        found = named(roster.org(" ".join(run)), pos, roster)  # a body's name we do not know
    return found


def _described_as(words: list[str], roster: Roster) -> Speaker | None:
    """The one person the article describes as someone's relation or role, for a description
    naming the same owner and noun: "George Lind's brother" is Paul Lind when the article says
    "Paul Lind, George's younger brother," (or "Ada Ruiz, Lind's lawyer,")."""
    owner = next((i for i, w in enumerate(words[:-1]) if _POSSESSIVE.search(w)), None)
    if owner is None or not words[owner][:1].isupper():
        return None
    head = words[-1].casefold()
    names = {w.casefold() for w in words[: owner + 1] if w[:1].isupper()}
    owned = {f"{_POSSESSIVE.sub('', n)}'s" for n in names}
    fits = []
    for name in roster.persons:
        said = {w.replace("’", "'") for w in coref.described_words(name, roster)}
        if head in said and said & owned and not names & set(name.casefold().split()[:1]):
            fits.append(roster.persons[name])
    return fits[0] if len(fits) == 1 else None


def _owner(noun: str, pos: int, roster: Roster) -> Speaker | None:
    """Who speaks as a body or through a document, when that is a name."""
    found = coref.owner(noun, pos, roster)
    return named(found, pos, roster) if found else None


def _name_inside(words: list[str], pos: int, roster: Roster) -> Speaker | None:
    """The run of capitalised words opening a phrase ("Lynch said she"), or closing a short one
    ("a disappointed Roe"), when it names someone the article knows."""
    runs = [_capitals(words)]
    last = _capitals(words[::-1])[::-1]
    before = words[-len(last) - 1].casefold() if 0 < len(last) < len(words) else ""
    if len(words) <= 3 or (len(words) <= 5 and before and before not in _LINKS):
        runs.append(last)  # "a visibly emotional Ms Okonkwo", not "adviser to Scott Walker"
    for run in runs:
        if not run or (len(run) == 1 and run[0].casefold() in _NEVER_ALONE):
            continue
        name = " ".join(run)
        n = classify(name)
        if n.kind == "outlet":
            return Speaker(n.name, "outlet")
        if n.kind == "organization":
            return roster.org(n.name)
        if len(run) == 1:
            found = roster.person(name, pos)  # "Lynch said she", but not "London reports"
            if " " in found.name:
                return found
            if _PEOPLE.fullmatch(name):
                return Speaker(name, "group")  # "Mexicans often say"
        elif n.kind == "person":
            return _known(n.name, n.description, pos, roster)
        else:
            person = _person_ending(run, roster)
            if person:
                return person
    return None


def _known(name: str, description: str | None, pos: int, roster: Roster) -> Speaker:
    """The article's full name for a name ("Ms Okonkwo" → "Ada Okonkwo"), else the name."""
    known = roster.persons.get(name) or (roster.person(name, pos) if " " not in name else None)
    return known if known and " " in known.name else Speaker(name, "person", description)


def _capitals(words: list[str]) -> list[str]:
    out = []
    for w in words:
        if not _NAME_TOKEN.fullmatch(w) or is_acronym(w) or w.endswith(("'s", "’s")):
            break  # "Scott's family" is not Scott
        out.append(w)
    return out


def _head_at(words: list[str]) -> int:
    """Where the noun a description is about stands: "spokeswoman" in "spokeswoman for X"."""
    for i, w in enumerate(words):
        low = w.casefold()
        if i and (low in lx.AFTER_HEAD or low.endswith("ing")):  # "a man calling himself …"
            return i - 1
    return len(words) - 1


def is_credit(s: Speaker | None, verb: str) -> bool:
    """An outlet, or a body that "reported" or is cited ("according to the Herald"), credits the
    story rather than speaking in it when someone in the sentence speaks."""
    if s is None:
        return False
    credits = verb.startswith("report") or verb == "according to"
    return s.kind == "outlet" or (credits and s.kind != "person")
