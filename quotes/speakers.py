"""Give one speaker one name across articles, so "Danielle Outlaw" in two outlets is one row."""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import replace
from typing import Any

from rapidfuzz.distance import OSA

from quotes.extract.lexicon import CONNECTORS, GIVEN_NAMES, LEGAL_FORMS
from quotes.extract.names import is_acronym
from quotes.model import Quote, Speaker

_MISSPELT_RATIO = 1.5  # across articles, a spelling this much rarer than a near twin is a typo
_SHORTEST_WORD = 4  # a one-letter difference in a shorter word is another name: "Jon", "Joan"


def unify_speakers(quotes: Sequence[Quote]) -> list[Quote]:
    """Map a bare surname (or one a letter off) to the one full name in the corpus that ends with
    it, an organisation
    written with an acronym ("National ICE Council", "FDA") to its spelled-out name, and a
    one-letter misspelling of a name ("Jhon Smith") to the name it misspells; a one-word name
    some article knows as an organisation is one everywhere ("Facebook").

    Everything it decides reads counts per speaker (quotes and articles naming each), taken in
    one pass: the quotes share their speakers, so the rest runs once per speaker, not per quote."""
    heard = _heard(quotes)
    one_word_bodies = {
        s.name for s, _, _ in heard.values() if s.kind == "organization" and " " not in s.name
    }
    # A lone word is a person's name only by default, an organisation's on the article's own
    # evidence ("Acme Inc.", "Acme knows its …"): a one-word name some article gives as an
    # organisation is one in the articles that gave it as a person too.
    bodied = {key: (_as_body(s, one_word_bodies), n, named) for key, (s, n, named) in heard.items()}
    typos = _misspellings(bodied.values())
    people = {typos.get(s.name, s.name) for s, _, _ in bodied.values() if s.kind == "person"}
    by_surname: dict[str, set[str]] = defaultdict(set)
    for name in people:
        parts = name.split()
        if len(parts) > 1:
            by_surname[parts[-1].casefold()].add(name)
    by_initial: dict[str, list[str]] = defaultdict(list)
    for surname in by_surname:
        by_initial[surname[:1]].append(surname)
    orgs = {s.name for s, _, _ in bodied.values() if s.kind == "organization"}
    spelled = _spelled_out(orgs)
    near: dict[str, str] = {}
    bodies = _one_spelling(bodied.values())

    def unified(s: Speaker) -> Speaker:
        if (s.kind, s.name) in bodies:
            s = replace(s, name=bodies[s.kind, s.name])
        if s.kind == "person" and s.name in typos:
            return replace(s, name=typos[s.name])
        if s.kind == "person" and " " not in s.name:
            surname = s.name.casefold()
            if surname not in near:  # a name reprinted by many articles is looked up once
                near[surname] = _near(surname, by_initial)
            full = by_surname.get(surname) or by_surname.get(near[surname], set())
            # "Okonko" beside "Ada Okonkwo"
            return replace(s, name=next(iter(full))) if len(full) == 1 else s
        if s.kind == "organization" and s.name in spelled:
            return Speaker(spelled[s.name], s.kind, s.description)
        return s

    return _respoken(quotes, {key: unified(s) for key, (s, _, _) in bodied.items()})


def _as_body(s: Speaker, bodies: Set[str]) -> Speaker:
    """The speaker as an organisation when its one-word name is one's somewhere."""
    return replace(s, kind="organization") if s.kind == "person" and s.name in bodies else s


# Each distinct speaker object of the quotes, by id(): the speaker, how many quotes name it and,
# for a person's full name (the only ones _misspellings reads them of), the articles naming it.
Heard = dict[int, tuple[Speaker, int, set[str] | None]]


def _heard(quotes: Sequence[Quote]) -> Heard:
    """The quotes' speakers counted in one pass, in the order the quotes first name them."""
    counts: dict[int, list[Any]] = {}
    for q in quotes:
        s = q.speaker
        if s is None:
            continue
        seen = counts.get(id(s))
        if seen is None:
            full = s.kind == "person" and " " in s.name
            seen = counts[id(s)] = [s, 0, set() if full else None]
        seen[1] += 1
        if seen[2] is not None:
            seen[2].add(q.article_id)
    return {key: (s, n, named) for key, (s, n, named) in counts.items()}


def _respoken(quotes: Sequence[Quote], speakers: Mapping[int, Speaker]) -> list[Quote]:
    """The quotes, each with its speaker's unified one (`speakers`, by the id() of the speaker it
    has: the quotes hold them alive), a quote made anew only when its speaker changed."""
    out = []
    for q in quotes:
        s = q.speaker
        if s is not None:
            new = speakers[id(s)]
            if new is not s:
                q = _said_by(q, new)
        out.append(q)
    return out


def _said_by(q: Quote, speaker: Speaker) -> Quote:
    """The quote given another speaker, keeping the id it has computed or loaded (a hash of its
    article and offsets, which stay)."""
    out = replace(q, speaker=speaker)
    if "id" in vars(q):
        vars(out)["id"] = vars(q)["id"]
    return out


def _one_spelling(
    heard: Iterable[tuple[Speaker, int, set[str] | None]],
) -> dict[tuple[str, str], str]:
    """Organisations and groups written several ways → one way: case, apostrophes and a legal
    form aside ("Chinese foreign ministry", "Tomo Kaiun Kaisha Ltd" → "Chinese Foreign
    Ministry", "Tomo Kaiun"), or one letter off ("Motion Pictures" for "Motion Picture"). The
    spelling kept is capitalised, then the most quoted, then the shortest."""
    counts: Counter[tuple[str, str]] = Counter()
    for s, n, _ in heard:
        if s.kind in ("organization", "group"):
            counts[s.kind, s.name] += n
    variants: dict[tuple[str, str], list[str]] = defaultdict(list)
    for kind, name in counts:
        variants[kind, _body_key(name)].append(name)
    for kind in ("organization", "group"):  # "Motion Pictures" beside "Motion Picture"
        keys = sorted(k for k in variants if k[0] == kind)
        buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for _, key in keys:
            buckets[_key(key)].append(key)
        for _, key in keys:
            initials, length = _key(key)
            twins = [b for b in buckets.get((initials, length + 1), ()) if _one_letter_off(key, b)]
            if len(twins) == 1 and (kind, key) in variants:
                variants[kind, twins[0]] += variants.pop((kind, key))

    def rank(kind: str, name: str) -> tuple[bool, int, int]:
        capitals = kind == "organization" and all(
            w[:1].isupper() or w in CONNECTORS for w in name.split()
        )
        return capitals, counts[kind, name], -len(name)

    out: dict[tuple[str, str], str] = {}
    for (kind, _), names in variants.items():
        best = max(names, key=lambda n: rank(kind, n))
        out.update({(kind, n): best for n in names if n != best})
    return out


def _body_key(name: str) -> str:
    """A body's name without case, accents, apostrophe style or a legal form at its end."""
    words = _fold(name).casefold().replace("’", "'").split()
    while len(words) > 1 and words[-1].rstrip(".,") in LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def _initials(name: str) -> str:
    """Letters standing for the name: "National ICE Council" and "National Immigration and
    Customs Enforcement Council" both give NICEC."""
    words = [w for w in name.split() if w.casefold() not in CONNECTORS and w != "&"]
    return "".join(w if is_acronym(w) else w[0] for w in words).upper()


def _qualifier(word: str) -> bool:
    """A country's abbreviation written before a body's name: "U.S.", "UK", "EU"."""
    return "." in word or (is_acronym(word) and len(word) <= 3)


def _spelled_out(orgs: set[str]) -> dict[str, str]:
    """Names with an acronym → the one spelled-out name in the corpus with the same initials,
    read with and without a country in front ("FDA" → "U.S. Food and Drug Administration"), and
    a name → the same name with its country in front."""
    full: dict[str, set[str]] = defaultdict(set)
    short = []
    for name in orgs:
        words = name.split()
        country = len(words) > 2 and _qualifier(words[0])
        if any(is_acronym(w) for w in words[country:]):
            short.append(name)
            continue
        full[_initials(name)].add(name)
        if country:
            full[_initials(" ".join(words[1:]))].add(name)
    out = {}
    for name in orgs:  # "Food and Drug Administration" → "U.S. Food and Drug Administration"
        words = name.split()
        if len(words) > 2 and _qualifier(words[0]) and " ".join(words[1:]) in orgs:
            out[" ".join(words[1:])] = name
    for name in short:
        candidates = {out.get(c, c) for c in full.get(_initials(name), ())}
        if len(candidates) == 1:
            out[name] = next(iter(candidates))
    return out


def _misspellings(heard: Iterable[tuple[Speaker, int, set[str] | None]]) -> dict[str, str]:
    """Person names one letter off a name (a letter changed, added, dropped or two swapped) that
    the same article also gives, or that the corpus gives far more often → that name.

    A name is compared only with names of its initials and of about its length, so the work
    stays near linear in the number of names."""
    counts: Counter[str] = Counter()
    articles: dict[str, set[str]] = defaultdict(set)
    for s, n, named in heard:
        if named is not None:  # a person's full name (_heard)
            counts[s.name] += n
            articles[s.name] |= named
    buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
    for name in counts:
        buckets[_key(name)].append(name)

    def rank(name: str) -> tuple[int, bool]:  # quoted more often, else a given name we know
        return counts[name], name.split()[0].casefold() in GIVEN_NAMES

    out: dict[str, str] = {}
    for a in counts:
        initials, length = _key(a)
        for size in (length - 1, length, length + 1):
            for b in buckets.get((initials, size), ()):
                if rank(b) <= rank(a) or not _one_letter_off(a, b):
                    continue
                near = articles[a] & articles[b] or counts[b] >= _MISSPELT_RATIO * counts[a]
                if near and (a not in out or rank(b) > rank(out[a])):
                    out[a] = b
    return out


def _key(name: str) -> tuple[str, int]:
    return "".join(_fold(w[0]) for w in name.split()), len(name)


def _fold(text: str) -> str:
    """Letters without accents, lower case: "Vučić" and "Vucic" are one spelling."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _near(surname: str, by_initial: dict[str, list[str]]) -> str:
    """The one known surname with the same initial a letter off this one ("okonko" → "okonkwo"),
    else ""."""
    near = [k for k in by_initial.get(surname[:1], ()) if _one_letter_off(surname, k)]
    return near[0] if len(near) == 1 else ""


def _one_letter_off(a: str, b: str) -> bool:
    """Whether two names differ by one letter in one long enough word."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or abs(len(a) - len(b)) > 1:
        return False
    differ = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if len(differ) != 1:
        return False
    x, y = _fold(differ[0][0]), _fold(differ[0][1])
    return min(len(x), len(y)) >= _SHORTEST_WORD and OSA.distance(x, y) <= 1
