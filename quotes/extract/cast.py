"""Who and what an article names, learnt once from its capitalised phrases: persons (with their
genders and roles), organisations (with the nouns they are called by), acronyms, unplaced names."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

import regex

from quotes.extract import lexicon as lx
from quotes.extract import windows
from quotes.extract.cues import SPEECH_VERBS
from quotes.extract.names import (
    SEQUENCE,
    Name,
    classify,
    clean_token,
    initials,
    is_abbreviation,
    is_acronym,
)
from quotes.extract.scan import trie
from quotes.model import Speaker

_ARTICLE = regex.compile(rf"^(?:{lx.either(lx.ARTICLES)})\s+")
_WORD = r"[\p{Ll}][\p{Ll}-]*"
_A = lx.either(lx.ARTICLES)
_ORG_NOUN = trie(lx.ORG_NOUNS)
_DEFINED_AS = regex.compile(
    rf"\b(?:{_A})\s+(?:{_WORD}\s+){{0,2}}?(?P<noun>{_ORG_NOUN})\s*,?\s+"
    r"(?:called|named|known\s+as)\s+(?P<name>" + SEQUENCE.pattern + ")"
)
# What _DEFINED_AS needs, looked for before the slow whole pattern: a naming verb and a capital.
_NAMING_CAPITAL = regex.compile(r"(?:called|named|known\s+as)\s+\p{Lu}")
# Read just after a capitalised phrase: "X, a union", "X, the city treasurer,", "X (ICE)".
_DEFINED_BY = regex.compile(
    rf",\s+(?:{_A})\s+(?:{_WORD}\s+){{0,3}}?(?P<noun>{_ORG_NOUN})"
    r"(?=\s*[,.;)]|\s+(?:that|which|whose|behind|based)\b)"
)  # "X, the company that owns it": a body; "X, a union leader" is no union
_APPOSITIVE = regex.compile(
    rf",\s+(?!(?:who|which|whose|that)\b)(?P<desc>(?:(?:{_A})\s+)?\p{{Ll}}[\p{{L}}\s'’-]{{2,60}}?)"
    r"(?=,|\.)"
)
# "Tomo Kaiun said it is cooperating", "… said its ship": a name that speaks of itself as "it"
# is a body's ("X said it was time" is no such case: that "it" stands for nothing).
_SAYS_IT = regex.compile(r" (?P<verb>\p{Ll}+) (?:it (?:is|was) \p{Ll}+ing|its \p{Ll}+)\b")
_LONGEST_VERB = max(len(v) for v in SPEECH_VERBS)
_SOMEONE_WORDS = lx.ROLES | lx.PERSON_NOUNS  # built once: read at every appositive
_PAREN = regex.compile(r"\s*\((?P<acr>\p{Lu}{2,6})\)")
# The phrases' words that are acronyms (names.is_acronym), found in one pass over them all.
_ACRONYM_WORD = regex.compile(r"(?<!\S)\p{Lu}{2,6}s?(?!\S)")
_PAREN_NEXT = re.compile(r"\s*\(")  # the standard engine's \s is wider: a fast, safe first test
_SPLIT_POSSESSIVE = regex.compile(r"(?<=\p{L}['’]s?)(?=\s)")
# What tells a lone capitalised word for a body's name (_body_words):
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


class Cast:
    """The persons, organisations and acronyms one article names, learnt before any mention is
    placed (a surname needs the full name, "the union" its organisation)."""

    def __init__(self, masked: str):
        self.masked = masked
        self.persons: dict[str, Speaker] = {}
        self.genders: dict[str, str | None] = {}
        self.orgs: dict[str, set[str]] = {}  # organisation → the nouns it is called by
        self.acronyms: dict[str, str] = {}
        self.unknown: list[tuple[int, str]] = []  # capitalised names of nothing we know: groups?
        self.by_part: dict[str, list[str]] = defaultdict(list)  # "Lee", "Ruiz" → "Lee Ruiz"
        self.phrases = self._phrases()
        self._learn_acronyms(self.phrases)
        self._learn(self.phrases)
        self._learn_org_types(self.phrases)
        self._learn_bodies(self.phrases)

    def _phrases(self) -> list[tuple[int, int, str]]:
        """The capitalised phrases in text order, possessives and pairs of people split."""
        out = []
        for m in SEQUENCE.finditer(self.masked):
            pos, found = m.start(), m[0]
            if "'" not in found and "’" not in found and " and " not in found and ". " not in found:
                out.append((pos, m.end(), found))  # one name
                continue
            owned = "'" in found or "’" in found  # else no possessive to split at
            pieces = _SPLIT_POSSESSIVE.split(found) if owned else [found]
            for piece in _split_people(_sentences(pieces)):
                stripped = piece.strip()
                if stripped:
                    start = self.masked.index(stripped, pos)
                    out.append((start, start + len(stripped), stripped))
                    pos = start + len(stripped)
        return out

    def _learn_acronyms(self, phrases: list[tuple[int, int, str]]) -> None:
        for _, end, phrase in phrases if "(" in self.masked else ():  # "Name (ACR)" needs one
            after = self.masked[end : end + 1]
            maybe = after == "(" or (after.isspace() and _PAREN_NEXT.match(self.masked, end))
            m = _PAREN.match(self.masked, end) if maybe else None
            words = [clean_token(w) for w in phrase.split()] if m else []
            for k in range(len(words)):
                if m and initials(words[k:]) == m["acr"]:
                    self.acronyms[m["acr"]] = " ".join(words[k:])
                    break
        unique = dict.fromkeys(p for _, _, p in phrases)
        wanted = set(_ACRONYM_WORD.findall(" ".join(unique))) - set(self.acronyms)
        if not wanted:
            return
        lengths = sorted({len(acr) for acr in wanted})
        for p in unique:
            if len(p.split()) < lengths[0]:
                continue  # fewer words than initials: the spelling need not be read
            words, content, letters = _spelling(p)
            if len(letters) < lengths[0]:
                continue  # too few initials to spell any of them
            for at in range(len(letters)):  # "Immigration and Customs Enforcement" spells ICE
                for n in lengths:
                    acr = letters[at : at + n]
                    if len(acr) < n or acr not in wanted:
                        continue
                    window = words[content[at] : content[at + n - 1] + 1]
                    if window[0][0].isupper() and window[0].casefold() not in lx.NOT_NAMES:
                        self.acronyms.setdefault(acr, " ".join(window))

    def expand(self, name: str) -> str:
        """Spell out acronyms the article defines: "National ICE Council" → "National Immi…"."""
        words = name.split()
        out = [self.acronyms.get(w, w) if is_acronym(w) else w for w in words]
        return " ".join(out)

    def _learn(self, phrases: list[tuple[int, int, str]]) -> None:
        for start, _, phrase in phrases:
            n = classify(phrase)
            if (
                n.kind is None
                and len(n.name.split()) >= 2
                and n.name.split()[-1].casefold() not in lx.PLACE_HEADS
            ):
                self.unknown.append((start, n.name))
            if n.kind == "person" and " " in n.name:
                known = self.persons.get(n.name)
                if known is None or (known.description is None and n.description):
                    self.persons[n.name] = Speaker(n.name, "person", n.description)
                if n.gender or n.name not in self.genders:
                    self.genders[n.name] = n.gender
            elif n.kind == "organization":
                self.orgs.setdefault(self.expand(n.name), set()).add(n.name.split()[-1].casefold())
        for _, end, phrase in phrases:
            if not self.masked.startswith(",", end):
                continue
            n = classify(phrase)
            person = self.persons.get(n.name)
            if person is None:
                continue
            m = _APPOSITIVE.match(self.masked, end)  # read for persons only: it is slow
            if m is None:
                continue
            role = set(m["desc"].casefold().split()) & _SOMEONE_WORDS  # "an official"
            if person and not person.description and role and len(m["desc"].split()) <= 8:
                desc = _ARTICLE.sub("", m["desc"])
                self.persons[n.name] = Speaker(n.name, "person", desc)
        for full in self.persons:  # "Lee" and "Ruiz" find "Lee Ruiz"
            for part in dict.fromkeys((full.split()[0], full.split()[-1])):
                self.by_part[part].append(full)
        for phrase in dict.fromkeys(p for _, _, p in phrases):  # "Ms Okonkwo": a woman
            n = classify(phrase)
            fits = self.by_part.get(n.name, []) if n.gender and " " not in n.name else []
            if len(fits) == 1 and self.genders.get(fits[0]) is None:
                self.genders[fits[0]] = n.gender
        org_words = {w for o in self.orgs for w in o.split()}
        for acr, full in self.acronyms.items():
            if acr in self.orgs or acr in org_words:
                self.orgs.setdefault(full, set())
                org_words.update(full.split())

    def _learn_org_types(self, phrases: list[tuple[int, int, str]]) -> None:
        found = []
        named = any(w in self.masked for w in ("called", "named", "known"))
        if named and _NAMING_CAPITAL.search(self.masked):  # else skip a slow scan
            found = [(m["name"], m["noun"]) for m in _DEFINED_AS.finditer(self.masked)]
        for _, end, phrase in phrases:
            m = _DEFINED_BY.match(self.masked, end) if self.masked.startswith(",", end) else None
            if m:
                found.append((phrase, m["noun"]))
            elif _verb_follows(self.masked, end) and _SAYS_IT.match(self.masked, end):
                found.append((phrase, ""))  # "Tomo Kaiun said it is cooperating": a body
            elif self.masked.startswith(", which ", end):
                found.append((phrase, ""))  # "Deepline Expeditions, which ran the dive,": a body
        for name, noun in found:
            n = classify(name)
            if n.kind in ("organization", None) and n.name:
                self.orgs.setdefault(self.expand(n.name), set()).add(noun.casefold())
            elif n.kind == "person" and " " in n.name and not self._surnamed(n):
                types = self.orgs.setdefault(n.name, set())  # "Deepline Expeditions, the firm"
                types.update([noun.casefold()] if noun else [])

    def _learn_bodies(self, phrases: list[tuple[int, int, str]]) -> None:
        """Lone words the article writes as bodies' names ("his firm, Teneo", "China warned"):
        organisations, unless they are part of a person's name the article gives."""
        spots = [
            (start, end, n.name)
            for start, end, p in phrases
            if " " not in p and (n := classify(p)).kind == "surname" and n.name not in self.by_part
        ]
        legal = {  # "Acme Inc." names the body "Acme" stands for later
            o.split()[0]
            for o in self.orgs
            if len(o.split()) == 2 and o.split()[1].casefold().rstrip(".") in lx.LEGAL_FORMS
        }
        for word in _body_words(self.masked, spots) | (legal & {w for _, _, w in spots}):
            self.orgs.setdefault(word, set())

    def _surnamed(self, n: Name) -> bool:
        """Whether a name reads as a person's: a given name we know, or its last word alone."""
        last = n.name.split()[-1]
        return bool(n.gender) or self.masked.count(last) > self.masked.count(n.name)


def _verb_follows(text: str, end: int) -> bool:
    """Whether a space and a verb of speech follow `end`: read before _SAYS_IT, which tried
    after every phrase cost more than all the phrases' other tests."""
    if not text.startswith(" ", end):
        return False
    space = text.find(" ", end + 1, end + 2 + _LONGEST_VERB)
    return text[end + 1 : space] in SPEECH_VERBS if space > 0 else False


def _body_words(masked: str, spots: list[tuple[int, int, str]]) -> set[str]:
    """The lone capitalised words (each with where it starts and ends) the article writes as
    bodies' names: with a legal form, "it" or "its" after them, a body's noun before or after
    them, a body's officer after them, or what only a body has after their possessive; read
    forwards and a few words back from each place. (Countries are not among them: "the group
    said" never stands for a country.)"""
    found: set[str] = set()
    for start, end, word in spots:
        if word in found or word.casefold() in _NOT_BODIES:
            continue
        if _BODY_AFTER.match(masked, end) or _BODY_BEFORE.match(
            masked, max(0, start - windows.BODY_NOUN), start
        ):
            found.add(word)
    return found


_NOT_BODIES = lx.GIVEN_NAMES | lx.NOT_NAMES | lx.TIMES
_BODY_AFTER = regex.compile(
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
_BODY_BEFORE = regex.compile(
    rf"(?r)(?:\b(?:{_BODY_NOUNS})|\b(?:{lx.either(lx.POSSESSIVE_DETERMINERS)})\s+(?:{_BODY_NOUNS}),)"
    r"\s+$"
)


@lru_cache(maxsize=16384)
def _spelling(phrase: str) -> tuple[list[str], list[int], str]:
    """A phrase's words but acronyms, where its content words are, and their initials."""
    words = [clean_token(w) for w in phrase.split() if not is_acronym(w)]
    content = [i for i, w in enumerate(words) if w.casefold() not in lx.CONNECTORS]
    return words, content, "".join(words[i][0] for i in content)


def _sentences(pieces: list[str]) -> list[str]:
    """ "Capitol Hill. Facebook" is two names: a period after a word that is no abbreviation
    ends a sentence (and "Said" opening the next one is its verb: "Friday. Said Haddad")."""
    out = []
    for piece in pieces:
        words = piece.split(" ")
        start = 0
        for i, w in enumerate(words[:-1]):
            if w.endswith(".") and not is_abbreviation(w):
                out.append(" ".join(words[start : i + 1]).rstrip("."))
                start = i + 1
                if words[start] in lx.INVERTED_CUES and start < len(words) - 1:
                    start += 1
        out.append(" ".join(words[start:]))
    return out


def _split_people(pieces: list[str]) -> list[str]:
    """ "Sen. Tim Kaine and Gov. Mike Pence" is two people, where "Customs and Border" is one."""
    out = []
    for piece in pieces:
        left, _, right = piece.partition(" and ")
        if right and classify(left).kind == "person" and classify(right).kind == "person":
            out.extend([left, right])
        else:
            out.append(piece)
    return out
