"""Short fragments ("called it a “ringleader”") join the one quotation whose words hold them.

A fragment of one to seven words is too short for trigram candidates and too short for an
alignment score to mean much, so it is looked up by its rarest word instead: an inverted index
of words of longer wordings, filed by stem (stems.py: an outlet may inflect the words it lifts),
keyed by the speaker where one is known, read only up to
MAX_POSTING entries, so each fragment costs at most that many look-ups. A fragment joins when
every longer wording that holds it lies in one cluster, those of its own speaker when any holds
it, else those whose speaker does not conflict; held in two clusters it is a phrase they share
and joins neither, unless one of them was reprinted far more (joins.fragment_home).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol

import regex
from rapidfuzz.distance import Levenshtein

from quotes.cluster.candidates import common_words
from quotes.cluster.cuts import may_be_stub
from quotes.cluster.normalise import Tokens
from quotes.cluster.stems import holds_stems, stem
from quotes.cluster.verify import MIN_FRAGMENT_WORDS, align, share_contained
from quotes.extract import lexicon as lx
from quotes.model import Speaker

FUNCTION_EDITS = 2  # function words a fragment of four words or more may differ in
MAX_POSTING = 80  # entries read for a fragment's rarest word; a commoner word tells nothing
STEMMED_WORDS = 2  # a fragment this long may be inflected ("harms children"); one word alone is
# the reporter's own more often than the speaker's ("Palace understands")
# Words that carry no meaning alone: a fragment needs at least one word that is not one of them.
# Contractions of pronouns and auxiliaries are as empty as their full forms ("I'd" for "I
# would"), but for those that are words of their own too ("we'll", "she'd", "I'll").
FUNCTION_WORDS = frozenset(lx.FUNCTION_WORDS) | frozenset(
    """is are was were be been being am have has had do does did will would can could should
    shall may might must not dont its im weve theyre thats isnt wont cant a an id youd theyd
    hes shes ive youve theyve youre youll theyll itll whats theres heres doesnt didnt arent
    wasnt werent hasnt havent hadnt couldnt wouldnt shouldnt""".split()  # noqa: SIM905
)
_NAME_TAIL = regex.compile(r"[\p{L}'’-]*")
_NAMED = frozenset({"person", "organization"})
_TITLES = frozenset(
    """mr mrs ms dr sir dame lord lady president pres vice prime minister pm secretary senator
    sen rep representative gov governor mayor chief judge justice attorney general prince
    princess king queen duke duchess pope rev sheriff commissioner chancellor ceo""".split()  # noqa: SIM905
)

AMBIGUOUS = -1  # fragment_home's answer when the fragment lies in two clusters


class Fragmentable(Protocol):
    """What the index needs of a wording."""

    @property
    def code(self) -> str: ...

    @property
    def speakers(self) -> frozenset[str]: ...

    @property
    def tokens(self) -> Tokens: ...


@functools.lru_cache(maxsize=1 << 12)
def speaker_key(speaker: Speaker | None) -> str | None:
    """A speaker's name as compared here ("ada okonkwo"), or None unless it reads as a
    person's or organisation's full name: extraction also names speakers "UK", "ruling" or
    "20-time Grand Slam champion", which must not keep a fragment from its quotation."""
    if speaker is None or speaker.kind not in _NAMED:
        return None
    words = [w.strip(".,'’") for w in speaker.name.split()]
    words = [w for w in words if w]
    while len(words) > 2 and words[0].casefold() in _TITLES:
        words = words[1:]
    named = [w for w in words if w.casefold() not in FUNCTION_WORDS]
    if len(named) < 2 or not all(w[0].isupper() and _NAME_TAIL.fullmatch(w[1:]) for w in named):
        return None
    if any(w.isupper() and len(w) > 1 for w in named):
        return None
    return " ".join(w.casefold() for w in words)


def surname(key: str) -> str:
    """The last word of a speaker key: what the index files a speaker under."""
    return key.rsplit(" ", 1)[-1]


def same_speaker(a: str, b: str) -> bool:
    """Whether two speaker keys may name one speaker: equal, or one ends with the other
    ("okonkwo" and "ada okonkwo")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return long.endswith(" " + short)


@functools.lru_cache(maxsize=1 << 16)
def speakers_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both known, and no name of one may be a name of the other."""
    if not a or not b or not a.isdisjoint(b):
        return False
    return not any(same_speaker(x, y) for x in a for y in b)


# A fragment's look-up stems, by its speakers and overall (None: too common to tell).
Lookup = tuple[str | None, str | None]


class WordIndex:
    """Postings of the stem of each word of each wording, by speaker surname and overall, in
    clustering order (longest wordings first).

    Which stem a fragment looks up, and whether its posting is too long, are counts of the
    whole corpus: an index over part of it takes them from `lookups` (wording → its look-up
    stems, see rarest), so it finds the corpus's holders that lie in that part."""

    def __init__(
        self,
        wordings: Sequence[Fragmentable],
        order: Iterable[int],
        sought: frozenset[str],
        lookups: Mapping[int, Lookup] | None = None,
    ) -> None:
        self.wordings = wordings
        self.lookups = lookups
        self.by_speaker: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        self.overall: dict[str, list[int]] = defaultdict(list)
        self.surnames: dict[int, frozenset[str]] = {}
        for i in order:
            w = wordings[i]
            # Only the stems a fragment may be looked up by need postings.
            found = sought.intersection(map(stem, w.tokens.words))
            for ch in found:
                self.overall[ch].append(i)
            self.surnames[i] = frozenset(surname(s) for s in w.speakers)
            for s in self.surnames[i]:
                postings = self.by_speaker[s]
                for ch in found:
                    postings[ch].append(i)

    def holders(
        self, i: int, content: Sequence[str], before: Callable[[int], bool], by_speaker: bool
    ) -> list[int]:
        """Earlier wordings that may hold wording i's `content` stems: those sharing its rarest
        such stem (and, `by_speaker`, a speaker's surname); none when that stem is too common
        to tell."""
        if self.lookups is not None:
            ch = self.lookups.get(i, (None, None))[0 if by_speaker else 1]
        else:
            ch = self.rarest(i, content, by_speaker)
        if ch is None:
            return []
        return [j for j in self.posting(i, ch, by_speaker) if j != i and before(j)]

    def rarest(self, i: int, content: Sequence[str], by_speaker: bool) -> str | None:
        """The content stem of wording i with the fewest postings (under its speakers'
        surnames, `by_speaker`), passing over a stub's (stub_stems) that no other wording has,
        or None when even that posting is longer than MAX_POSTING."""
        surnames = self.surnames[i]
        own = len(surnames) if by_speaker else 1  # wording i's own entries in its postings
        stubs = stub_stems(self.wordings[i].tokens)

        def size(ch: str) -> int:
            if not by_speaker:
                return len(self.overall.get(ch, []))
            lists = (self.by_speaker[s] for s in surnames if s in self.by_speaker)
            return sum(len(p.get(ch, [])) for p in lists)

        ch = rarest_of(content, size, own, stubs)
        if ch is None or len(self.posting(i, ch, by_speaker)) > MAX_POSTING:
            return None
        return ch

    def posting(self, i: int, ch: str, by_speaker: bool) -> list[int]:
        """The wordings filed under stem `ch` (and, `by_speaker`, under one of wording i's
        speakers' surnames), in clustering order for one surname, else in index order."""
        if not by_speaker:
            return self.overall.get(ch, [])
        surnames = self.surnames[i]
        lists = [self.by_speaker[s].get(ch, []) for s in surnames if s in self.by_speaker]
        if len(surnames) == 1:
            return lists[0] if lists else []
        return sorted({j for p in lists for j in p})


def rarest_of(
    content: Sequence[str], size: Callable[[str], int], own: int, stubs: frozenset[str]
) -> str | None:
    """Of a fragment's content stems, the first in text order with the fewest postings: the
    one it looks its holders up by (ties break the same every run). A stub's stem with no more
    postings than the fragment's `own` entries is passed over: a word cut short is in no other
    wording, while the fragment's other words find the quotation it was cut from."""
    return min((ch for ch in content if ch not in stubs or size(ch) > own), key=size, default=None)


def stub_stems(tokens: Tokens) -> frozenset[str]:
    """The stems of a wording's edge words that may be stubs of words cut short (cuts.py)."""
    n = len(tokens.words)
    return frozenset(stem(tokens.words[k]) for k in {0, n - 1} if may_be_stub(tokens, k))


def content_of(words: Sequence[str]) -> list[str]:
    """The stems of a wording's words that are not function words, each once, in text order."""
    return list(dict.fromkeys(stem(w) for w in words if w not in FUNCTION_WORDS))


def sought_stems(wordings: Iterable[Fragmentable], shorter_than: int) -> frozenset[str]:
    """The content stems of wordings shorter than `shorter_than`: all that fragments are
    looked up by."""
    found: set[str] = set()
    for w in wordings:
        if len(w.code) < shorter_than:
            found.update(content_of(w.tokens.words))
    return frozenset(found)


def holds(short: str, long: str, free: frozenset[int]) -> bool:
    """Whether `long` has `short`'s words as one run, a word at a `free` position (an editor's
    bracketed word) standing for any one word."""
    if not free:
        return short in long
    n = len(short)
    for start in range(len(long) - n + 1):
        if all(k in free or long[start + k] == short[k] for k in range(n)):
            return True
    return False


def near_holds(short: Fragmentable, long: Fragmentable) -> bool:
    """Whether `long` holds `short` (holds), or holds it with words inflected otherwise ("harms
    children" in "harming children"), or but for one word changed, added or left out, for
    function words only ("she seems [like a] very happy"), or for words left out between runs
    of it (an elision, marked or not); below
    MIN_FRAGMENT_WORDS, but for one function word added or left out inside it ("tearing [our]
    societies apart")."""
    if holds(short.code, long.code, short.tokens.bracketed):
        return True
    if len(short.code) >= STEMMED_WORDS and holds_stems(short.tokens.words, long.tokens.words):
        return True
    if len(short.code) < MIN_FRAGMENT_WORDS:
        return _function_words_apart(short, long, 1, edges=False)
    tokens = short.tokens
    if common_words(short.code, long.code) + len(tokens.bracketed) + FUNCTION_EDITS < len(tokens):
        return False  # more words missing than any of these allows
    if _one_edit(short.code, long.code):
        return True
    if _function_words_apart(short, long, FUNCTION_EDITS, edges=True):
        return True
    # Every word found, in runs with words left out between them.
    return share_contained(align(short.code, long.code), tokens.bracketed) >= 1.0


def _one_edit(short: str, long: str) -> bool:
    """Whether `long` has `short` with one word changed, added or left out. One edit leaves
    one half of `short` whole: each place a half stands, the other half is compared beside it."""
    half = len(short) // 2
    left, right = short[:half], short[half:]
    at = long.find(left)
    while at >= 0:
        after = at + half
        if any(_near(right, long[after : after + len(right) + k]) for k in (-1, 0, 1)):
            return True
        at = long.find(left, at + 1)
    at = long.find(right)
    while at >= 0:
        if any(_near(left, long[max(0, at - half - k) : at]) for k in (-1, 0, 1)):
            return True
        at = long.find(right, at + 1)
    return False


def _near(a: str, b: str) -> bool:
    return Levenshtein.distance(a, b, score_cutoff=1) <= 1


def _function_words_apart(
    short: Fragmentable, long: Fragmentable, budget: int, edges: bool
) -> bool:
    """Whether `long` has `short`'s content words as a run of its content words, the function
    words around and between them differing by at most `budget` words added, left out or
    changed (`edges`: also adding some before the first content word and after the last)."""
    mine = _content_places(short.tokens.words)
    if not mine:
        return False
    code, other = short.code, long.code
    theirs = _content_places(long.tokens.words)
    content = "".join(code[k] for k in mine)
    run = "".join(other[k] for k in theirs)
    at = run.find(content)
    while at >= 0:
        places = theirs[at : at + len(mine)]
        cost = sum(
            Levenshtein.distance(code[a + 1 : b], other[c + 1 : d])
            for a, b, c, d in zip(mine, mine[1:], places, places[1:], strict=False)
        )
        end = theirs[at + len(mine)] if at + len(mine) < len(theirs) else len(other)
        lead = _edge(code[: mine[0]], other[theirs[at - 1] + 1 if at else 0 : places[0]])
        tail = _edge(code[mine[-1] + 1 :][::-1], other[places[-1] + 1 : end][::-1])
        if (edges or not lead + tail) and cost + lead + tail <= budget:
            return True
        at = run.find(content, at + 1)
    return False


def _edge(mine: str, theirs: str) -> int:
    """Words `theirs` adds among `mine` when `mine` is a subsequence of its end, else more
    than any budget: at its ends a fragment may skip function words, not change its own."""
    at = len(theirs)
    for ch in reversed(mine):
        at = theirs.rfind(ch, 0, at)
        if at < 0:
            return len(theirs) + len(mine) + FUNCTION_EDITS + 1
    return len(theirs) - at - len(mine)


def _content_places(words: Sequence[str]) -> list[int]:
    """Positions of the words of a wording that are not function words."""
    return [k for k, word in enumerate(words) if word not in FUNCTION_WORDS]
