"""Turn the words naming a speaker ("their attorney, Sean Riddell") into a Speaker."""

from __future__ import annotations

from functools import lru_cache

import regex

from quotes.extract import authors, coref, descriptions, validate, windows
from quotes.extract import lexicon as lx
from quotes.extract.cues import CUE
from quotes.extract.names import SEQUENCE, classify, is_acronym
from quotes.extract.nominals import group
from quotes.extract.roster import Mention, Roster
from quotes.model import Speaker

_PARENTHESES = regex.compile(r"\s*\([^()]*\)")
# Commas and dashes set appositives apart: "The Duke of Ashford - Prince Tom - said" (a spaced
# hyphen is a dash)
_THE_START = regex.compile(r"[Tt]he\s")
_APPOSITION = regex.compile(r"\s*,\s*|\s+(?:[—–―-]|--)\s+")
# A dateline opening the words: "UNITED NATIONS — …", "LOS ANGELES (AP) — …": a place.
_DATELINE = regex.compile(
    r"^\s*\p{Lu}[\p{Lu}\s.,'’-]{1,40}?(?:\s*\([^()]{1,12}\))?\s+(?:[—–―]|--)\s+"
)
_SPOUSE = regex.compile(rf"(?<=\s)and\s+{lx.SPOUSE}\s+(?=\p{{Lu}})")  # one of a pair, by name
_WORDY = regex.compile(r"\p{L}{3}")
_OWNER = regex.compile(r"\p{L}['’]s?$")

_LEDE = 2  # sentences of an article's start where an unnamed subject is named just after
_PAIR_WORD = regex.compile(rf"(?i)\b(?:{lx.either(sorted(lx.PAIR_NOUNS))})\b")
_SOMEONE = frozenset(lx.wordlist("someone somebody anyone anybody nobody everyone everybody"))
_ADJUNCT = regex.compile(
    r"(?i)^(?:in|on|at|during|after|before|while|via|through|when|to|from|with|without|last|this|"
    r"earlier|later|late|early|on\s+\w+day|"
    rf"{lx.either(lx.WEEKDAYS)}|"
    r"yesterday|today|tonight|who|which|whose|where|whom|that|adding|noting|saying|citing|as|but|and)\b"
)
_NOT_I = lx.either(p for p in lx.SUBJECT_PRONOUNS if p != "i")
_LEAD = regex.compile(
    r"(?i)^(?:(?:and|but|so|then|also|which|who|whom|that|what|as|while|because)\s+)+"
    rf"|^\p{{L}}\p{{Ll}}+ly,?\s+(?=(?:{_NOT_I})\b)"  # "Recently she"
    # "In a statement Petrovic": where it was said, before who said it
    rf"|^(?:in|on|at|during|through)\s+(?:{lx.THE_OR_HIS})\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?:statement|interview|post|tweet|letter|video|speech|message|conference|briefing|"
    r"hearing|address)\s+(?=\p{Lu})"
)
_POSSESSOR = regex.compile(r"(?P<name>(?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.-]*)['’]s?\s")
_DOC_PHRASE = regex.compile(
    rf"(?i)^(?:\S+\s+){{0,4}}?(?P<noun>{authors.DOC})(?:\s+(?:from|by|of|{authors.AUTHOR_BY}\s+by)\s+(?P<author>.+))?$"
)
_CLAUSE_WORDS = regex.compile(
    rf"\b(?:{lx.either(lx.AUXILIARIES + lx.MODALS)})\b"
    r"|\b\p{Ll}{3,}ed\s+(?:up|out|about|for|to|the|a|an|their|his|her|its|on|in|with)\b"
)
_OPEN_END = frozenset({"who", "whom", "which", "that", "and", "or", "of", "to", "the", "a"})
_RELATIVE = regex.compile(r"\s+(?:who|whom|whose|which|that)\s.*$")
# "said Trump as he dined …": a clause of its own after the speaker
_SUBORDINATE = regex.compile(rf"\s+(?:{lx.either(lx.SUBORDINATORS)})\s.*$")
_PARTY = regex.compile(
    r"\(?[DRI]-[\p{L}.]+\)?|[DRI]\.?"
)  # "R-Ky.", the party and state after a name
_RELATIVE_CLAUSE = regex.compile(
    rf"(?i)(?:{lx.either(lx.RELATIVES)})\s+(?!(?:{lx.either(lx.SUBJECT_PRONOUNS)})\b)"
)
# A sentence whose subject is a definite description of someone: "The prime minister told …",
# "But the Harbor Board CEO went on …" (the role, then its verb).
_DESCRIBED_SUBJECT = regex.compile(
    r"[\s\x00\"“”‘’']*(?:(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o)\s+)?[Tt]he\s+(?P<words>(?:[\p{L}-]+\s+){2,5})"
)
# Or a body's, its owner first: "Vale’s Harbor-based family issued …" (for "they")
_OWNED_SUBJECT = regex.compile(
    r"[\s\x00\"“”‘’']*(?:(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o)\s+)?(?P<words>(?:[\p{L}’'-]+\s+){2,5})"
)
_COLLECTIVE = lx.GROUP_NOUNS | lx.ORG_NOUNS | lx.PERSON_NOUNS  # the heads "they" may stand for
# A fronted participle clause: "Calling Leo Vance later, he said" (its object is not "he").
_PARTICIPLE = regex.compile(lx.FRONTED_PARTICIPLE)
_NAMING = regex.compile(r"(?i)^(?:called|named|known\s+as|dubbed)\s+(?P<name>.+)$")
_MEMBERS = regex.compile(
    r"(?i)^(?:the\s+|some\s+|several\s+)?(?:members|leaders|representatives|supporters|staff)\s+of\s+(?P<org>.+)$"
)


@lru_cache(maxsize=4096)  # the rules read one noun phrase several times over
def parts(np: str) -> tuple[str, ...]:
    """Appositive parts of a noun phrase: "their attorney, Sean Riddell" → two parts."""
    np = _SPOUSE.sub("and ", _PARENTHESES.sub("", _DATELINE.sub("", np)))  # "Tom and Rosa Lind"
    out = []
    for part in _APPOSITION.split(np):
        part = part.strip(' \t.;:\x00"“”—–―-')
        if _RELATIVE_CLAUSE.match(part):
            continue  # "which is currently airing": says what, not who
        part = _SUBORDINATE.sub("", _RELATIVE.sub("", _LEAD.sub("", part)))
        if part and not _PARTY.fullmatch(part):
            out.append(part)
    return tuple(out)


def speaker_of(
    np: str, pos: int, roster: Roster, forward: bool = False, depth: int = 0
) -> Speaker | None:
    """The speaker a noun phrase names; parts are read from the one nearest the cue outwards."""
    items = list(parts(np))
    role: str | None = None
    if len(items) > 1 and any(classify(p).kind == "person" for p in items):
        # "Tom Okafor, the 31-year-old, said", "Ana Ruiz, the Republican mayor of Miami, said":
        # a definite description beside the name describes that person, no one named before
        described = [p for p in items if _description_of_named(p)]
        items = [p for p in items if p not in described]
        role = _bare(described[0]) if described else None
    if not forward:
        items.reverse()
    named: Speaker | None = None
    nominal: Speaker | None = None
    indefinite = False
    for i, part in enumerate(items):
        if i > 0 and (_ADJUNCT.match(part) or CUE.search(part) or _PARTICIPLE.match(part)):
            break  # "Calling Leo Vance later, he said": the participle's object is not him
        if i == 0 and _ADJUNCT.match(part) and not forward and len(items) == 1:
            return None
        if i == 0 and part.split()[0].casefold() in _SOMEONE:
            return None  # "in Reno, Nevada, after someone near the stage shouted": no one named
        s, desc = _part(part, pos, roster, depth)
        s = validate.named(s, pos, roster) if s else None
        if s is None:
            continue
        if s.kind in ("person", "organization", "outlet", "group"):
            if named is None or _rank(s) > _rank(named):
                named = s
        elif nominal is None:
            nominal, role = s, desc
            indefinite = part.split()[0].casefold() in ("a", "an")
        if named and _rank(named) == 3 and role:
            break
    if named is not None:
        if named.kind == "person" and not named.description and role:
            return Speaker(named.name, "person", role)
        return named
    if indefinite and nominal and nominal.kind == "anonymous":  # "A whistleblower has accused"
        return _named_next(pos, roster) or nominal
    return nominal


def _description_of_named(part: str) -> bool:
    """A definite description, neither a name nor a body: "the Republican mayor of Miami", "the
    31-year-old" (but "The Hill", "the Associated Press" name someone)."""
    return bool(_THE_START.match(part)) and classify(part).kind in (None, "role")


def _rank(s: Speaker) -> int:
    """Full names beat lone surnames ("Michael Seaman, …, Sacramento"), which beat the rest."""
    if s.kind == "person":
        return 3 if " " in s.name else 1
    return 2 if s.kind in ("organization", "outlet") else 0


def _part(part: str, pos: int, roster: Roster, depth: int) -> tuple[Speaker | None, str | None]:
    """One appositive part as a speaker, with the role words it carries (for a description)."""
    low = part.casefold()
    words = part.split()
    if low in lx.PRONOUNS:
        number = lx.PRONOUNS[low]
        if number in ("i", "you"):
            return None, None
        lo = roster.sentences.bounds(pos)[0]
        if number == "pl" and _PAIR_WORD.search(roster.masked, max(lo, pos - windows.HEAD), pos):
            found = coref.pair(pos, roster)  # "The couple's decision came when they said"
            if found:
                return found, None
        at = lo if _PARTICIPLE.match(roster.masked, lo, pos) else pos  # "Calling Vance, he"
        found = roster.antecedent(number, at)
        described = _described_subject(number, lo, at, roster)
        if described and not (found and described.name.casefold() in found.name.casefold()):
            found = described  # the subject before, unless the antecedent names it in full
        if found is None or validate.named(found, pos, roster) is None:  # not "the 737 Max"
            found = coref.pronoun(number, pos, roster, lambda s: validate.named(s, pos, roster))
        return found, None
    m = _NAMING.match(part)
    if m:
        return _part(m["name"], pos, roster, depth)
    m = _MEMBERS.match(part)
    if m:
        org, _ = _part(m["org"], pos, roster, depth)
        if org and org.kind in ("organization", "group"):
            return org, None
    if words and words[0].casefold() in ("their", "its") and len(words) == 2:
        owner = roster.antecedent("pl", pos)
        if owner and words[1].casefold() in lx.GROUP_NOUNS | {"statement", "statements"}:
            return owner, None
    if len(words) == 1 and low in lx.GROUP_NOUNS:
        return group(part), None  # "Critics called it …"
    head, _, _ = _split_head(words)
    capital = _capital_head(" ".join(head))
    if capital and is_acronym(capital) and len(head) > 1 and _for_someone(head[-2]):
        capital = None  # "operations manager EMEA": a region or desk, the manager unnamed
    if capital is not None and descriptions.demonym(part) and capital not in roster.orgs:
        referent = descriptions.descriptor(
            part, pos, roster, lambda s: validate.named(s, pos, roster)
        )
        if referent:  # "the South African said": the person named last, not a body
            return referent, None
    if capital is not None and low.split()[0] not in ("a", "an"):  # "a pro-Clinton super PAC"
        return _named(capital, head, pos, roster)
    m = _DOC_PHRASE.match(part)
    if m and m["noun"].casefold() in [w.casefold() for w in head]:
        owner = _POSSESSOR.match(part)  # "Sanders’ fundraising email"
        author = m["author"] or (owner["name"] if owner else None)
        return authors.document(m["noun"], author, pos, roster, depth, speaker_of), None
    noun = head[-1].casefold() if head else ""
    if noun in lx.ORG_NOUNS:
        found = roster.org_nominal(noun, " ".join(head), pos)
        return found or Speaker(_bare(part), "organization"), None
    if noun in lx.GROUP_NOUNS:
        return group(part), None
    if not head or len(words) > 10 or not _WORDY.search(part) or _CLAUSE_WORDS.search(part):
        return None, None  # "Democrats have pointed out": a clause, not someone
    role = _bare(part)
    if words[0].casefold() == "the" and any(w.casefold() in lx.ROLES for w in head):
        person = _role_holder(head, pos, roster)
        if person:
            return person, None
    words = role.split()
    if not words or words[0].casefold() in lx.FUNCTION_WORDS or words[-1].casefold() in _OPEN_END:
        return None, None  # "when", "though she", "saying anybody who": not someone
    if words[0].endswith("ing") and words[0].islower():  # "adding", not "King"
        return None, None
    # "the Brazilian forward": someone named earlier
    referent = descriptions.descriptor(part, pos, roster, lambda s: validate.named(s, pos, roster))
    if referent:
        return referent, None
    return Speaker(role, "anonymous"), role


def _named_next(pos: int, roster: Roster) -> Speaker | None:
    """Who a lede's "a Facebook whistleblower" turns out to be: the person named in full opening
    the next sentence or the one after ("Mara Lindqvist, a former product manager, …"), when the
    description is in the article's first sentences."""
    sentences = roster.sentences
    here = sentences.index(pos)
    if here > _LEDE:
        return None
    for m in roster.following(pos, windows.NAME_WORDS):
        if sentences.index(m.start) > here + 2:
            break
        opens = not roster.masked[sentences.bounds(m.start)[0] : m.start].strip()
        if opens and m.speaker.kind == "person" and " " in m.speaker.name:
            return m.speaker
    return None


def _for_someone(word: str) -> bool:
    """A lower-case noun for a person: "manager", "spokeswoman", "director"."""
    low = word.casefold()
    return word.islower() and (
        low in lx.ROLES
        or low in lx.PERSON_NOUNS
        or (len(low) > 3 and low.endswith(lx.PERSON_ENDINGS))
    )


def _split_head(words: list[str]) -> tuple[list[str], str, list[str]]:
    """Words before the first preposition that is not inside a capitalised name, and the rest."""
    for i, w in enumerate(words):
        if (
            w.casefold() in lx.PREPOSITIONS
            and w.islower()
            and not (
                w == "of"
                and i > 0
                and words[i - 1][0].isupper()
                and i + 1 < len(words)
                and words[i + 1][0].isupper()
            )
        ):
            return words[:i], w, words[i + 1 :]
    return words, "", []


@lru_cache(maxsize=4096)  # the rules read one noun phrase several times over
def _capital_head(text: str) -> str | None:
    """The capitalised phrase ending the head: "Hillary Clinton" in "candidate Hillary Clinton",
    "Marlow Palace" in "UK's Marlow Palace" (an owner before a name only places it)."""
    last = None
    for m in SEQUENCE.finditer(text):
        last = m
    if last is None or text[last.end() :].strip():
        return None
    words = last[0].split()
    owner = next((i for i, w in enumerate(words[:-1]) if _OWNER.search(w)), -1)
    if any(w.casefold() in lx.CONNECTORS for w in words[:owner]):
        owner = -1  # "Sandalow of Columbia University's Center": the owner is inside the name
    return " ".join(words[owner + 1 :])


def _named(
    capital: str, head: list[str], pos: int, roster: Roster
) -> tuple[Speaker | None, str | None]:
    n = classify(capital)
    prefix = " ".join(head)[: -len(capital)].strip()
    desc = _bare(" ".join(x for x in (prefix, n.description or "") if x)) or None
    if n.kind == "outlet":
        return Speaker(n.name, "outlet"), None
    if n.kind == "organization":
        return roster.org(n.name), None
    if n.kind == "person" and n.name in roster.orgs:  # "Tomo Kaiun said it …"
        return roster.org(n.name), None
    if n.kind == "person":
        known = roster.persons.get(n.name)
        if known:
            return known, desc
        if " " not in n.name:
            found = roster.person(n.name, pos, n.gender)
            return (found if found.description else Speaker(found.name, "person", desc)), desc
        return Speaker(n.name, "person", desc), desc
    if n.kind == "surname":
        if prefix.casefold() == "the" or capital.startswith("The "):
            return roster.body(n.name), None  # "the Academy": no person's name takes "the"
        found = coref.own_surname(n.name, roster.person(n.name, pos, n.gender), roster)
        if found.name == n.name and not roster.used_as_name(n.name):
            return None, None  # "Yet", "Earlier": a capitalised word opening a sentence
        return found, desc
    if n.kind == "role":
        holder = _role_holder(n.name.split(), pos, roster)
        holder = holder or descriptions.descriptor(  # "the Boeing CEO"
            f"the {n.name}", pos, roster, lambda s: validate.named(s, pos, roster)
        )
        return holder or Speaker(_bare(n.name), "anonymous"), None
    words = n.name.split()
    if prefix and _for_someone(prefix.split()[-1]) and 2 <= len(words) <= 3:
        return Speaker(n.name, "person", desc), desc  # "spokesperson Hua Chunying"
    if len(words) == 1 and n.name not in roster.orgs:
        person = roster.person(n.name, pos)  # "Lane said" after "caddie Joe Lane": a surname
        if " " in person.name:
            return person, desc
    if n.name:
        return roster.org(n.name), None
    return None, None


def _role_holder(head: list[str], pos: int, roster: Roster) -> Speaker | None:
    """The named person whose role this is: "the mayor" → Mayor Ted Wheeler, the last named
    before (else the first after) among the nearest mentions."""
    words = {w.casefold().rstrip(".") for w in head}
    if head and head[-1].islower():  # "the King Richard actor": the role is the head noun's
        words = {head[-1].casefold()}
    roles = words & {r.rstrip(".") for r in lx.ROLES}
    roles -= {"former", "u.s", "state", "federal", "senior", "first", "acting", "deputy", "vice"}
    if not roles:
        return None

    def holds(m: Mention) -> bool:
        desc = (m.speaker.description or "").casefold()
        return m.speaker.kind == "person" and bool(roles & set(desc.replace(".", "").split()))

    before = [m.speaker for m in roster.recent(pos, windows.ROLE_HOLDERS) if holds(m)]
    if before:
        return before[-1]
    return next((m.speaker for m in roster.following(pos, windows.ROLE_HOLDERS) if holds(m)), None)


def _described_subject(number: str, lo: int, pos: int, roster: Roster) -> Speaker | None:
    """Who "he" or "she" is when the sentence before has a described subject: "The prime minister
    told a station that Leo Vance was refused. “…,” he said." is the prime minister's (a subject
    before an object), unless someone is named in the pronoun's own sentence first."""
    if number not in ("m", "f", "pl"):
        return None
    here = roster.sentences.index(lo)
    if here == 0:
        return None
    start = roster.sentences.starts[here - 1]
    heads = lx.ROLES if number != "pl" else _COLLECTIVE  # "The family issued …, “…,” they said"
    m = (_DESCRIBED_SUBJECT if number != "pl" else _OWNED_SUBJECT).match(roster.masked, start, lo)
    words = m["words"].split() if m else []
    ends = [  # the role's last word, then its verb: "prime minister told"
        j
        for j in range(len(words) - 1)
        if words[j].casefold() in heads
        and words[j + 1][0].islower()
        and words[j + 1].casefold() not in heads
    ]
    if m is None or not ends or roster.first_named(lo, pos):
        return None
    phrase = " ".join(words[: ends[0] + 1])
    who = speaker_of("the " + phrase if number != "pl" else phrase, m.start("words"), roster)
    if number == "pl":
        return who if who and who.kind in ("group", "organization", "anonymous") else None
    if who is None or who.kind != "person":
        return None
    return who if roster.genders.get(who.name) in (None, number) else None


def _bare(words: str) -> str:
    """Words without leading determiners or possessives: "their attorney" → "attorney"."""
    out = words.split()
    while out and (out[0].casefold() in lx.DETERMINERS or out[0].casefold() in lx.PRONOUNS):
        out.pop(0)
    return " ".join(out).strip(" ,")
