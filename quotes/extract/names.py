"""Tell whether a capitalised phrase names a person (with role), an organisation or an outlet."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from quotes.extract import lexicon as lx
from quotes.outlets import canonical_outlet

_TOKEN = r"(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{N}&-]*(?:['’]\p{L}+)*\.?)"
_CONN = rf"(?:{lx.either(('of', 'and', 'for', 'the', *lx.NAME_PARTICLES))}|&)"
SEQUENCE = regex.compile(rf"(?<![\p{{L}}\p{{N}}'’.-]){_TOKEN}(?:[ \t]+(?:{_CONN}[ \t]+)*{_TOKEN})*")
_ACRONYM = regex.compile(r"\p{Lu}{2,6}s?")
_POSSESSIVE = regex.compile(r"['’]s?$")
_HAS_POSSESSIVE = regex.compile(r"\p{L}['’]s?$")
_INITIALS = regex.compile(r"(?:\p{L}\.)+")
_GLUED = regex.compile(r"(?<=\p{Ll}{2})\p{Lu}\p{Ll}+-\p{Ll}")  # "SorbySixteen-year-old"
_HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "dr"])
_SUFFIXES = frozenset(f"{w.casefold()}." for w in lx.SUFFIXES)
_PARTICLES = frozenset(lx.NAME_PARTICLES)  # "van ’t", "de la"
_NOUNISH = regex.compile(
    r"(?i)(?:ity|ism|tion|sion|ment|ness|ance|ence|ship|ure|ing|ics|ogy|ary|ery)$"
)


# Roles that name an office with "of" after them ("Secretary of State"), unlike "Bank of".
_OFFICES = (
    lx.ROLES
    - lx.ORG_HEADS
    - frozenset(
        lx.wordlist(
            "former acting interim senior first state federal police press u.s. majority minority "
            "democratic republican gop vice deputy assistant associate executive lady lt. "
            "lieutenant king queen prince princess duke duchess earl countess baron baroness "
            "lord dame sir"
        )
    )
)


@dataclass(frozen=True)
class Name:
    """What a capitalised phrase names: person, organization, outlet, role or None (unknown)."""

    kind: str | None
    name: str
    description: str | None = None
    gender: str | None = None
    possessive: bool = False


@lru_cache(maxsize=65536)
def clean_token(token: str) -> str:
    """A token without a sentence-final period or a possessive ending."""
    token = _POSSESSIVE.sub("", token) if _ends_possessive(token) else token
    if token.endswith(".") and not is_abbreviation(token):
        token = token[:-1]
    return token


def _ends_possessive(token: str) -> bool:
    """Whether a token ends in a possessive ("Ruiz's", "Jones’"): looked for only in the few
    tokens with an apostrophe."""
    return ("'" in token or "’" in token) and bool(_HAS_POSSESSIVE.search(token))


def is_abbreviation(token: str) -> bool:
    """True for "Sen.", "U.S.", "J." and the like, whose period does not end a sentence."""
    low = token.casefold()
    return (
        low in lx.ROLES
        or low in lx.NOT_NAMES
        or bool(_INITIALS.fullmatch(token))
        or low in _SUFFIXES  # "st." is among NOT_NAMES
    )


@lru_cache(maxsize=65536)
def is_acronym(token: str) -> bool:
    """True for all-capital short words such as ICE, FBI, PPB."""
    return bool(_ACRONYM.fullmatch(token)) and token not in {"I", "A"}


def _role_span(tokens: list[str]) -> tuple[int, int]:
    """Where the role in front of a name starts and ends: "Portland Deputy Police Chief" in
    "… and Portland Deputy Police Chief Jami Resch"; (0, 0) when there is none."""
    first = last = -1
    for i, t in enumerate(tokens):
        if _is_role(t):
            first = i if first < 0 or last < i - 2 else first
            last = i
        elif last >= 0 and t.casefold() not in lx.CONNECTORS:
            if i + 1 < len(tokens) - 1 and _is_role(tokens[i + 1]):
                continue  # "Vice Foreign Minister Xie Feng": one word between two roles
            break
    if last < 0:
        return 0, 0
    if last > 0 and tokens[last - 1].casefold().rstrip(".") in _HONORIFICS:
        last -= 1  # "Mr. King": after an honorific comes the name, even a role-like one
    while first > 0 and tokens[first - 1].casefold() not in lx.CONNECTORS and first > last - 4:
        first -= 1
    return first, last + 1


@lru_cache(maxsize=65536)  # read for every word of every phrase: the same words recur
def _is_role(token: str) -> bool:
    """A word of a role: "Minister", "Sen.", "Secretary-General"."""
    low = token.casefold()
    if low in lx.ROLES or low.rstrip(".") in lx.ROLES:
        return True
    parts = low.split("-")
    return len(parts) > 1 and all(part in lx.ROLES for part in parts)


def gender_of(first: str, description: str | None = None) -> str | None:
    """'m' or 'f' from a given name, an honorific or a gendered role; None when unknown."""
    low = first.casefold()
    if low in lx.MALE and low not in lx.FEMALE:
        return "m"
    if low in lx.FEMALE and low not in lx.MALE:
        return "f"
    for word in (description or "").casefold().split():
        if word in lx.HONORIFIC_GENDER:
            return lx.HONORIFIC_GENDER[word]
        if word in lx.GENDERED_NOUNS:
            return lx.GENDERED_NOUNS[word]
    return None


def _looks_like_name(tokens: list[str]) -> bool:
    if not 1 <= len(tokens) <= 4:
        return False
    for t in tokens:
        low = t.casefold()
        if low in lx.NOT_NAMES or low in lx.ORG_HEADS or is_acronym(t):
            return False
        if not (t[0].isupper() or low in _PARTICLES):
            return False
    return True


@lru_cache(maxsize=65536)
def classify(phrase: str) -> Name:
    """Classify a capitalised phrase ("Portland Deputy Police Chief Jami Resch", "Oregon Live")."""
    raw = phrase.split()
    possessive = bool(raw) and _ends_possessive(raw[-1])
    tokens = [clean_token(t) for t in raw]
    glued = (  # a hyphen is rare in a name: looked for in the phrase first
        next((i for i, t in enumerate(tokens) if "-" in t and _GLUED.search(t)), None)
        if "-" in phrase
        else None
    )
    if glued is not None:  # "Elin SorbySixteen-year-old": page text run into a name
        tokens = tokens[:glued] + [tokens[glued][: _GLUED.search(tokens[glued]).start()]]
    while tokens and tokens[0].casefold() in lx.FUNCTION_WORDS:
        tokens.pop(0)
    if len(tokens) > 2 and tokens[0].endswith("ing") and tokens[1].casefold() in lx.GIVEN_NAMES:
        tokens.pop(0)  # "Hammering Hillary Clinton": a participle opening the sentence
    if len(tokens) > 2 and tokens[1] == "of" and tokens[0].casefold() in lx.GROUP_NOUNS:
        tokens = tokens[2:]  # "Executives of Pacific Ridge Power" names the company
    if not tokens:
        return Name(None, "")
    text = " ".join(tokens)
    outlet = canonical_outlet(text)
    if outlet:
        return Name("outlet", outlet, possessive=possessive)
    last = tokens[-1].casefold()
    if len(tokens) > 2 and tokens[1] == "of" and tokens[0].casefold() in _OFFICES:
        # "Speaker of the House" is a role, "Speaker of the House Jane Roe" a person with one
        named = tokens[-2].casefold() in lx.GIVEN_NAMES or (
            len(tokens) > 4
            and tokens[-3].casefold() not in lx.CONNECTORS
            and _looks_like_name(tokens[-2:])
            and not _NOUNISH.search(tokens[-1])
        )  # "Secretary of Homeland Security Jeh Johnson"
        if len(tokens) > 4 and named:
            office = " ".join(tokens[:-2])
            return Name("person", " ".join(tokens[-2:]), office, gender_of(tokens[-2]), possessive)
        return Name("role", text, text, None, possessive)
    heads = (  # most phrases have no "of": their words need not be paired
        [t.casefold() for t, nxt in zip(tokens, tokens[1:], strict=False) if nxt == "of"]
        if "of" in tokens
        else []
    )
    if (
        last in lx.ORG_HEADS
        or any(h in lx.ORG_HEADS for h in heads)
        or (len(tokens) == 1 and is_acronym(tokens[0]))
    ):
        return Name("organization", text, possessive=possessive)
    first, end = _role_span(tokens)
    if last in lx.PLACE_HEADS and end == 0 and tokens[0].casefold() not in lx.GIVEN_NAMES:
        return Name(None, text)
    if end == len(tokens) > 1 and tokens[-2].casefold() in lx.GIVEN_NAMES:
        end = (
            len(tokens) - 2
        )  # "Howard Dean", "Bill Bishop": a given name, then a role-like surname
    desc = " ".join(tokens[first:end]) or None
    rest = tokens[end:]
    if "of" in rest[2:]:  # "Bill Richardson of New Mexico", "Mayor Jess Porter of Redding"
        rest = rest[: rest.index("of")]
    if not rest:
        desc = text
        return Name("role", text, desc, gender_of("", desc), possessive)
    if not _looks_like_name(rest):
        return Name(None, text)
    gender = gender_of(rest[0], desc)
    known_first = rest[0].casefold() in lx.GIVEN_NAMES
    capitals = [t for t in rest if t.casefold() not in _PARTICLES]  # "Paul van ’t Hof": two
    if known_first and len(capitals) > 3 and not any(t.endswith(".") for t in rest):
        rest = rest[:2]  # a title's capitals: "Donald Trump Is Right" names Donald Trump
    if desc or known_first or (len(rest) >= 2 and not _NOUNISH.search(rest[-1])):
        return Name("person", " ".join(rest), _tidy_role(desc), gender, possessive)
    if len(rest) > 1:
        return Name(None, text)
    return Name("surname", rest[0], _tidy_role(desc), gender, possessive)


def _tidy_role(desc: str | None) -> str | None:
    """A role without honorifics: "Mr." says nothing a reader needs."""
    if not desc:
        return None
    words = [w for w in desc.split() if w.casefold() not in lx.HONORIFIC_GENDER]
    return " ".join(words) or None


def initials(words: list[str]) -> str:
    """The initials of the content words: "Immigration and Customs Enforcement" → "ICE"."""
    return "".join(w[0] for w in words if w.casefold() not in lx.CONNECTORS)
