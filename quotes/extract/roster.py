"""Where an article names whom, indexed: "Outlaw", "she", "the ICE union" find their referent."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

import regex

from quotes.extract import lexicon as lx
from quotes.extract import windows
from quotes.extract.capitals import Capitals
from quotes.extract.cast import Cast
from quotes.extract.names import Name, classify
from quotes.extract.nominals import ONE, group, nominals
from quotes.extract.sentences import Sentences
from quotes.extract.timeline import Timeline
from quotes.model import Speaker

_THE = regex.compile(r"^(?:[Tt]he)\s+")
_FIRST_LETTERS = regex.compile(r"\p{L}+")
_ONE_WORD = regex.compile(ONE)
_OWNER_WORD = regex.compile(r"\p{L}['’]s?$")  # "Taiwan's": an owner, not part of a name
_SUBJECT_PRONOUN = regex.compile(
    r"[\s\x00\"“”‘’'(-]*(?:(?:But|And|So|Then|However|Later|Earlier|Still|Yet|Now|Instead)"
    r",?\s+)?(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\b(?!['’])"
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One place the article names someone, and who it is."""

    start: int
    end: int
    speaker: Speaker
    gender: str | None = None
    number: str = "sg"  # sg (a person), pl (a group or organisation), it (organisation, document)
    possessive: bool = False


class Roster:
    """The people, organisations and outlets one article names, with where it names them."""

    def __init__(self, text: str, masked: str, sentences: Sentences):
        self.text, self.masked, self.sentences = text, masked, sentences
        self.mentions: list[Mention] = []
        self._timeline: Timeline[Mention] = Timeline()
        self._org_timeline: Timeline[Mention] = Timeline()  # mentions of known organisations
        self._starts_of: dict[str, list[int]] = defaultdict(list)  # where each name is mentioned
        # Per name, where quote speakers were added since, in the order added, but for those a
        # later addition before them outranks: the latest-added mention before any offset.
        self._added_of: dict[str, list[int]] = defaultdict(list)
        self._org_order: dict[str, int] = {}
        self._names: tuple[dict[str, tuple[int, Speaker]], set[str]] | None = None
        self._orgs_by_end: dict[str, list[tuple[int, int, str]]] | None = None
        self._bodies: dict[str, str] | None = None
        # Who wrote a document named by a noun, found once per article: (noun, depth) → offsets
        # of the authors' names, and the authors (see authors.document).
        self.authors: dict[tuple[str, int], tuple[list[int], list[Speaker]]] = {}
        self.capitals = Capitals(masked)  # how the article capitalises words, read when asked
        self.used_as_name = self.capitals.used_as_name
        self.weak: list[Mention] = []  # persons named once, with no given name we know
        cast = Cast(masked)  # who the article names, learnt first: names are placed by it
        self.persons, self.genders, self.orgs = cast.persons, cast.genders, cast.orgs
        self.acronyms, self.unknown, self._by_part = cast.acronyms, cast.unknown, cast.by_part
        self._unknown_starts = [start for start, _ in cast.unknown]
        self.expand = cast.expand
        self._mention(cast.phrases)

    def _mention(self, phrases: list[tuple[int, int, str]]) -> None:
        found: list[Mention] = []
        # What a phrase names does not depend on where it stands (no mention is indexed yet, so
        # `person` ranks namesakes alike everywhere): each distinct phrase is placed once.
        placed: dict[str, tuple[Speaker | None, Name, bool]] = {}
        for start, end, phrase in phrases:
            if phrase not in placed:
                speaker, n = self._place(phrase)
                weak = bool(speaker and speaker.kind == "person" and self._weak(speaker, n))
                placed[phrase] = speaker, n, weak
            speaker, n, weak = placed[phrase]
            if speaker is None:
                continue
            if weak:
                self.weak.append(Mention(start, end, speaker, n.gender))  # for coref.py
                continue  # "Aral Sea": two capitalised words are not yet a person
            gender = self.genders.get(speaker.name, n.gender)
            number = "sg" if speaker.kind == "person" else "it"
            found.append(Mention(start, end, speaker, gender, number, n.possessive))
        self._org_order = {name: i for i, name in enumerate(self.orgs)}
        self._index(found)  # named mentions first: "the group" is resolved against them
        orgs, groups = nominals(self.masked)
        for m in orgs:
            org = self.org_nominal(m["noun"].casefold(), m[0], m.start())
            if org:
                found.append(Mention(m.start(), m.end(), org, None, "it"))
                self._note(found[-1])
        for start, end, phrase in groups:
            found.append(Mention(start, end, group(phrase), None, "pl"))
        self.mentions = sorted(found, key=lambda x: x.start)
        self._index(self.mentions)

    def _place(self, phrase: str) -> tuple[Speaker | None, Name]:
        """Whom a capitalised phrase names, if anyone, and how the phrase reads."""
        n = classify(phrase)
        if n.kind in ("person", "surname") and n.name in self.orgs:  # "Tomo Kaiun said it"
            return self.org(n.name), n
        if n.kind == "person" or n.kind == "surname":
            speaker = (
                self.person(n.name, 0, n.gender)
                if n.kind == "surname" or " " not in n.name  # "Ms Okonkwo"
                else (self.persons.get(n.name) or Speaker(n.name, "person", n.description))
            )
            if n.kind == "surname" and speaker.name == n.name:
                return None, n  # a lone capitalised word we cannot place
            return speaker, n
        if n.kind == "organization":
            return self.org(n.name), n
        if n.kind == "outlet":
            return Speaker(n.name, "outlet"), n
        return None, n

    def _weak(self, speaker: Speaker, n: Name) -> bool:
        """A two-word name with no known given name, no role and no surname used on its own."""
        words = speaker.name.split()
        if n.description or speaker.description or len(words) < 2:
            return False
        if words[0].casefold() in lx.GIVEN_NAMES or self.genders.get(speaker.name):
            return False
        return not self.capitals.twice(words[-1])

    def _index(self, mentions: list[Mention]) -> None:
        """Index mentions in text order by offset and by name."""
        self._timeline = Timeline(mentions)
        self._org_timeline = Timeline(m for m in mentions if m.speaker.name in self._org_order)
        self._starts_of = defaultdict(list)
        self._added_of = defaultdict(list)
        for m in mentions:
            self._starts_of[m.speaker.name].append(m.start)
        for starts in self._starts_of.values():
            starts.sort()

    def _note(self, mention: Mention) -> None:
        self._timeline.add(mention)
        if mention.speaker.name in self._org_order:
            self._org_timeline.add(mention)
        bisect.insort(self._starts_of[mention.speaker.name], mention.start)

    def add(self, mention: Mention) -> None:
        """Record a mention (quote speakers are added as attribution proceeds)."""
        self.mentions.append(mention)
        self._note(mention)
        added = self._added_of[mention.speaker.name]
        while added and added[-1] >= mention.start:
            added.pop()
        added.append(mention.start)

    def person(self, name: str, pos: int, gender: str | None = None) -> Speaker:
        """The full name behind a surname or first name; the latest-named one when two share it."""
        if name in self.persons:
            return self.persons[name]
        fits = [
            full
            for full in self._by_part.get(name, ())
            if gender is None or self.genders.get(full) in (None, gender)
        ]
        if not fits:
            return Speaker(name, "person")
        if len(fits) > 1:  # "Vane" is Will Vane's whole surname, not Rosa Delmar Vane's
            fits = [f for f in fits if not _double_surname(f, name)] or fits
            fits.sort(key=lambda f: self._last_before(f, pos))
        return self.persons[fits[-1]]

    def person_names(self) -> tuple[dict[str, tuple[int, Speaker]], set[str]]:
        """The persons' full names and surnames, each with its rank (persons in the order learnt,
        a full name before its surname) and the first person it names, and the letters the names
        open with: names are found in a stretch of text by looking its words up, not by trying
        every person."""
        if self._names is None:
            names: dict[str, tuple[int, Speaker]] = {}
            for i, (full, speaker) in enumerate(self.persons.items()):
                for j, name in enumerate(dict.fromkeys((full, full.split()[-1]))):
                    names.setdefault(name, (2 * i + j, speaker))
            firsts = {m[0] for name in names if (m := _FIRST_LETTERS.match(name))}
            self._names = names, firsts
        return self._names

    def org(self, name: str) -> Speaker:
        """One name per organisation: "the Police Bureau" → "Portland Police Bureau"."""
        full = self.expand(_THE.sub("", name))
        words = full.split()
        if len(words) > 1:
            longer = [o for o in self._longest_ending(" ".join(words)) if o != full]
            full = longer[0] if longer else full
        return Speaker(full, "organization")

    def body(self, word: str) -> Speaker:
        """The organisation "the Academy" names: one the article names in full opening or closing
        with the word ("Academy of Motion Picture Arts and Sciences"), else the word itself."""
        if self._bodies is None:  # read once: names' first and last words
            self._bodies = {}
            unknown = (u for _, u in self.unknown if u.split()[-1].casefold() not in lx.EVENT_HEADS)
            for name in [*self.orgs, *unknown]:  # not "the Academy Awards"
                for edge in dict.fromkeys((name.split()[0], name.split()[-1])):
                    self._bodies.setdefault(edge, name)
        return Speaker(self._bodies.get(word, word), "organization")

    def _longest_ending(self, words: str) -> list[str]:
        """The two longest organisation names ending in these words, the first learnt first."""
        if self._orgs_by_end is None:  # the organisations are all learnt before names are read
            self._orgs_by_end = defaultdict(list)
            for order, o in enumerate(self.orgs):
                parts = o.split()
                for k in range(1, len(parts) + 1):
                    best = self._orgs_by_end[" ".join(parts[-k:])]
                    best.append((-len(o), order, o))
                    best.sort()
                    del best[2:]
        return [o for _, _, o in self._orgs_by_end.get(words, [])]

    def org_nominal(self, noun: str, phrase: str, pos: int) -> Speaker | None:
        """The organisation meant by "the group", "the union", "the ICE union"."""
        words = phrase.split()
        first = 1 if words and _ONE_WORD.fullmatch(words[0]) else 0  # "the", not "Taiwan's"
        modifiers = [self.expand(w) for w in words[first:-1] if w[0].isupper()]
        government = noun in lx.GOVERNMENT_HEADS
        best: tuple[str, int] | None = None
        best_score = 0.0
        for name in self._orgs_near(pos):
            types = self.orgs[name]
            last = self._last_mention(name, pos)
            if last is None:
                continue
            score = 1.0
            if noun in types:
                score += 4
            if modifiers and all(mod in name and mod != name for mod in modifiers):
                score += 3
            elif any(_OWNER_WORD.search(mod) for mod in modifiers):
                continue  # "Taiwan's defence ministry" is no "Chinese Foreign Ministry"
            elif modifiers:
                score -= 1
            if (name.split()[-1].casefold() in lx.GOVERNMENT_HEADS) == government:
                score += 1
            score += 0.5 if last < pos else 0
            if score > best_score or (score == best_score and best and last > best[1]):
                best, best_score = (name, last), score
        if best and best_score >= 2:
            return Speaker(best[0], "organization")
        if not government:  # "Portland Tenants United ... the group": a name with no telltale word
            i = bisect.bisect_left(self._unknown_starts, pos)
            return Speaker(self.unknown[i - 1][1], "organization") if i else None
        return None

    def _orgs_near(self, pos: int) -> list[str]:
        """The organisations named within a window of `pos`, in the order they were learnt."""
        lo, hi = pos - windows.ORGANISATIONS, pos + windows.ORGANISATIONS
        near = {m.speaker.name for m in self._org_timeline.between(lo, hi)}
        return sorted(near, key=self._org_order.__getitem__)

    def _last_before(self, name: str, pos: int) -> int:
        """Where the name was mentioned before `pos`, the latest added quote speaker first (it is
        who the article is talking about), else the nearest; -1 when it was not."""
        for starts in (self._added_of.get(name, []), self._starts_of.get(name, [])):
            i = bisect.bisect_left(starts, pos)
            if i:
                return starts[i - 1]
        return -1

    def _last_mention(self, name: str, pos: int) -> int | None:
        """Where the organisation was last named before `pos` (or first named after it)."""
        starts = self._starts_of.get(name)
        if not starts:
            return None
        i = bisect.bisect_left(starts, pos)
        return starts[i - 1] if i else starts[0]

    def first_named(self, lo: int, hi: int) -> Mention | None:
        """The first person or organisation named between two offsets."""
        for m in self._timeline.between(lo, hi):
            if m.speaker.kind in ("person", "organization"):
                return m
        return None

    def recent(self, pos: int, count: int) -> list[Mention]:
        """The last `count` mentions before `pos`, in text order."""
        return list(islice(self._timeline.before(pos), count))[::-1]

    def following(self, pos: int, count: int) -> Iterator[Mention]:
        """The first `count` mentions from `pos` on, in text order."""
        return islice(self._timeline.between(pos, len(self.text) + 1), count)

    def antecedent(self, number: str, pos: int) -> Speaker | None:
        """Who a pronoun refers to: the first fitting mention of the nearest earlier sentence,
        within a window before the pronoun."""
        starts = self.sentences.starts
        here = self.sentences.index(pos)
        floor = pos - windows.ANTECEDENT
        for i in range(here, max(here - 8, -1), -1):
            lo = starts[i] if i > 0 else 0
            hi = starts[i + 1] if i + 1 < len(starts) else pos
            if hi <= floor:
                break
            if i < here and _opens_with_pronoun(self.masked, lo, number):
                continue  # "Lee spoke. He thanked Ruiz. “…,” he said": Lee, through the chain
            found: Mention | None = None
            rank = 0
            for m in self._timeline.between(max(lo, floor), min(hi, pos)):
                if m.end > pos or not _fits(m, number):
                    continue
                # "Lee's aide … he": the owner only when nobody else fits; "Jo Lee and Tom Ruiz
                # … he": one known to be a man before one of unknown gender
                fit = 2 * (not m.possessive) + (m.gender == number)
                if fit > rank or found is None:
                    found, rank = m, fit
                if rank == 3 or (rank == 2 and number not in ("m", "f")):
                    break
            if found:
                return found.speaker
        return None


def _opens_with_pronoun(text: str, lo: int, number: str) -> bool:
    """Whether a sentence's subject is a pronoun of this number ("But he said …"): its names are
    then others than the one the pronoun goes on referring to."""
    return subject_pronoun(text, lo) == number


def subject_pronoun(text: str, lo: int) -> str | None:
    """The number of the pronoun a sentence opens with ("But he said …": "m"), if it does."""
    m = _SUBJECT_PRONOUN.match(text, lo, lo + windows.SUBJECT)
    return lx.PRONOUNS.get(m["pronoun"].casefold()) if m else None


def _fits(m: Mention, number: str) -> bool:
    if number in ("m", "f"):
        return m.speaker.kind in ("person", "anonymous") and m.gender in (None, number)
    if number == "pl":
        return m.speaker.kind in ("group", "organization")
    if number == "it":
        return m.speaker.kind in ("organization", "document", "outlet")
    return False


def _double_surname(full: str, surname: str) -> bool:
    """Whether the surname is the end of a longer one: "Vane" in "Rosa Delmar Vane"."""
    words = full.split()
    return (
        len(words) > 2
        and words[-1] == surname
        and words[-2][:1].isupper()
        and not words[-2].endswith(".")
        and words[-2].casefold() not in lx.GIVEN_NAMES
    )
