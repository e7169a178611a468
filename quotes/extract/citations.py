"""Find the outlets an article credits as its source ("WWeek reported", "according to Oregon Live").

A credit is a cue and a name. The cue either follows the name ("WWeek reported Monday", "Oregon
Live first reported", "Dailycaller.com reports:", "WWeek's story") or comes before it ("according
to", "told", "in an interview with", "first reported by", "citing"). The name must be a known outlet
(quotes.outlets) or unmistakably one by its shape: a web domain, or a name ending like a newspaper's
("the Tribune", "Tampa Bay Times"). So "Smith reported" and "told Congress" are not credits.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache

import regex

from quotes.extract import lexicon as lx
from quotes.extract import windows
from quotes.extract.scan import Scanner
from quotes.model import Article, Citation
from quotes.outlets import KNOWN_OUTLETS, canonical_outlet, outlet_from_url, outlet_name

# One word of a name: capitalised ("Oregon", "WWeek", "L.A.", "Oregonian/OregonLive"), a number
# after one ("KOIN 6"), or a lower-case web domain ("dailycaller.com").
_WORD = r"(?:[\p{Lu}\d][\p{L}\d&'’./-]*|[\p{Ll}\d-]+(?:\.[\p{Ll}\d-]+)*\.(?:com|org|net|news|tv)\b)"
_RUN = _WORD + r"(?:[^\S\n]+(?:(?:of|&|and)[^\S\n]+)?" + _WORD + r"){0,7}"
_NAME_WORD = regex.compile(_WORD)
_DOMAIN = regex.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|news|tv)")
_PART = regex.compile(r"[-/]")
_THE_BEFORE = regex.compile(r"\bthe[^\S\n]+$")
_TOKEN = regex.compile(r"\S+")
_TOKEN_BACK = regex.compile(r"(?r)\S+")  # the same words, read from the last: most runs stop soon
_CONNECTORS = ("of", "&", "and")
_A = lx.either(lx.ARTICLES)
_RUN_AFTER = regex.compile(r"(?:[Tt]he[^\S\n]+)?" + _RUN)

_ADVERB_WORDS = (
    "has had have was were first earlier previously originally initially also recently exclusively "
    "later then"
)
_ADVERB = r"(?:(?:" + _ADVERB_WORDS.replace(" ", "|") + r")\s+){0,2}"
# Cues that follow the outlet's name: "WWeek reported", "the Oregonian/OregonLive first reported".
_VERB_AFTER = (
    r"(?:reported|reports|wrote|writes|revealed|reveals|published|publishes"
    r"|broke\s+the\s+(?:news|story)|(?:the\s+)?first\s+to\s+report"
    r"|said|says|noted|notes|found|learned|confirmed|obtained"
    r"|contributed\s+to\s+this\s+(?:report|story|article))\b"
)
_POSSESSIVE = (
    r"['’]s\s+(?:own\s+)?(?:report|reporting|story|article|investigation|coverage|interview"
    r"|analysis)\b"
)
_VERBS_AFTER = (  # the words _VERB_AFTER's cues start with, but "the first to report"
    "reported reports wrote writes revealed reveals published publishes broke said says noted "
    "notes found learned confirmed obtained contributed"
)
CUES_AFTER = Scanner(
    regex.compile(r"(?:,\s+which\s+)?\b" + _ADVERB + _VERB_AFTER + "|" + _POSSESSIVE),
    "first " + _VERBS_AFTER,
    {
        "the": r"first\b",
        # Proposed only before a verb: "has", "was", "also" are common, "has reported" is not.
        " ".join(w for w in _ADVERB_WORDS.split() if w != "first"): (
            rf"(?:(?:{'|'.join(_ADVERB_WORDS.split())})\s+)?"
            rf"(?:the|first|{'|'.join(_VERBS_AFTER.split())})"
        ),
    },
    openings=r",\s+which\b|['’]s(?=\s+(?:own\s+)?(?:report|story|article|investigation|coverage|"
    r"interview|analysis))",
)
# Cues that come before it: "according to Oregon Live", "told WW", "first reported by the Tribune".
_CUES_BEFORE = regex.compile(
    rf"\b(?:according\s+to(?:\s+(?:{_A})\s+(?:[\p{{Ll}}-]+\s+){{0,2}}?"
    r"(?:report|story|article|investigation|analysis|interview|piece|account)\s+(?:by|in|from|on))?"
    rf"|citing(?:\s+(?:{_A})\s+(?:[\p{{Ll}}-]+\s+){{0,2}}?(?:report|story|article)\s+(?:by|in|from))?"
    r"|(?:first\s+|originally\s+|as\s+|previously\s+)?reported\s+(?:\w+\s+){0,2}?by"
    r"|(?:first\s+|originally\s+)?published\s+(?:first\s+)?(?:in|by)"
    rf"|(?:{_A})\s+(?:[\p{{Ll}}-]+\s+)?(?:report|story|article|investigation|piece)\s+(?:by|in|from)"
    r"|told|tells|telling|(?:said|says|spoke|speaking|talked|talking)\s+(?:to|with)"
    r"|confirmed\s+to|in\s+(?:a\s+)?(?:statement|comments|remarks|an?\s+email)\s+to"
    r"|in\s+an?\s+(?:[\p{Ll}-]+\s+)?interview\s+with|interviewed\s+by|obtained\s+by|via"
    r"|(?<=[,”\"]\s*)(?:reported|reports|wrote|writes))"
    r"\s+(?=\S)",
    regex.I,
)  # fmt: skip
CUES_BEFORE = Scanner(
    _CUES_BEFORE,
    "according citing first originally previously reported published told tells telling said says "
    "spoke speaking talked talking confirmed interviewed obtained via reports wrote writes",
    {
        "a an the": r"(?:[\w-]+\s+)?(?:report|story|article|investigation|piece)",
        "in": r"(?:an?\s+)?(?:[\w-]+\s+)?(?:statement|comments|remarks|email|interview)",
        "as": "reported",
        "said says spoke speaking talked talking": "(?:to|with)",  # "said to": "said" is common
        "first originally previously": "(?:reported|published)",
    },
    cased=True,
)
# The outlet's name used as a modifier: "a Willamette Week investigation", "the Oregonian report".
_MODIFIED_NOUNS = lx.wordlist(
    "report story article investigation analysis review survey poll interview exclusive reporter "
    "editorial"
)
MODIFIED = regex.compile(
    rf"\b(?:{lx.either(lx.ARTICLES, capital=True)})[^\S\n]+(?P<name>"
    + _RUN
    + rf")[^\S\n]+(?:{'|'.join(_MODIFIED_NOUNS)})\b"
)


# Last words that make an unknown capitalised name a news outlet: "the Tribune", "Tampa Bay Times".
NEWS_WORDS = frozenset(
    lx.wordlist(
        """
times post tribune journal herald news gazette chronicle courier sun star record review register
examiner inquirer observer guardian independent telegraph mirror express bulletin dispatch standard
monitor week weekly magazine radio television tv press reporter enterprise ledger sentinel beacon
advocate leader statesman globe mercury caller wire newswire digest beast intelligencer argus
pioneer dealer citizen voice banner transcript clarion mail picayune bee blade network broadcasting
newspaper daily
"""
    )
)
# Words that open a sentence or a phrase, not an outlet's name: "Monday The Tribune reported".
_NOT_FIRST = frozenset(
    lx.wordlist(
        """
in on at by but and as if so for from with meanwhile however yesterday today earlier later also
then when while after before since last this that these those local national monday tuesday
wednesday thursday friday saturday sunday january february march april may june july august
september october november december
"""
    )
)


# A one-word name must be written as the table writes it: "WWeek" or "Reuters", but not "Hill".
_ONE_WORD_NAMES = frozenset(
    n.casefold() for c, others in KNOWN_OUTLETS.items() for n in [c, *others] if " " not in n
)


def extract_citations(
    article: Article, within: Sequence[tuple[int, int]] | None = None
) -> list[Citation]:
    """Every mention of an outlet credited as a source, in text order, but the article's own;
    only those whose cue lies within the given stretches of text when there are some."""
    text, own = article.text, _own_outlet(article)
    found = [
        Citation(article.id, outlet, text[start:end], start, end)
        for lo, hi in (within if within is not None else [(0, len(text))])
        for finder in (_named_before_cue, _named_after_cue, _named_as_modifier)
        for outlet, start, end in finder(text, lo, hi)
        if outlet != own
    ]
    return _without_overlaps(found)


def _named_before_cue(text: str, lo: int, hi: int) -> Iterator[tuple[str, int, int]]:
    """Credits whose name comes first: "WWeek reported", "WWeek's story"."""
    for cue in CUES_AFTER.finditer(text, lo, hi):
        run_start = _run_before(text, cue.start())
        named = _name_ending_at(text, run_start, cue.start()) if run_start is not None else None
        if named:
            yield named[0], named[1], cue.end()


def _named_after_cue(text: str, lo: int, hi: int) -> Iterator[tuple[str, int, int]]:
    """Credits whose cue comes first: "according to Oregon Live", "told WW"."""
    for cue in CUES_BEFORE.finditer(text, lo, hi):
        run = _RUN_AFTER.match(text, cue.end(), min(len(text), cue.end() + windows.OUTLET_NAME))
        named = _name_starting_at(text, run.start(), run.end()) if run else None
        if named:
            yield named[0], cue.start(), named[1]


def _named_as_modifier(text: str, lo: int, hi: int) -> Iterator[tuple[str, int, int]]:
    """Credits with the name as a modifier: "a Willamette Week investigation"."""
    if not any(text.find(noun, lo, hi) >= 0 for noun in _MODIFIED_NOUNS):
        return  # most stretches name no report or story: the slow pattern is not read
    for m in MODIFIED.finditer(text, lo, hi):
        outlet = outlet_in(m["name"]) or outlet_in("the " + m["name"])
        if outlet:
            yield outlet, m.start(), m.end()


@lru_cache(maxsize=4096)  # the same names are read beside several cues
def outlet_in(name: str) -> str | None:
    """The outlet a name as written stands for, when it is one: known, or shaped like an outlet."""
    name = name.strip().rstrip(".,;:")
    words = name.split()
    known = canonical_outlet(name)
    if known and (len(words) > 1 or "." in name or name.casefold() in _ONE_WORD_NAMES):
        return known
    if len(words) == 1 and _DOMAIN.fullmatch(name):
        return outlet_name(name.lower())
    if len(words) < 2 or words[0].casefold() in _NOT_FIRST or not _one_phrase(words):
        return None
    last = _PART.split(words[-1])[-1].casefold()
    if last not in NEWS_WORDS and words[0].casefold() != "daily" and words[1:2] != ["Daily"]:
        return None
    return outlet_name(name)


def _run_before(text: str, end: int) -> int | None:
    """Where the run of name words ending at `end` starts: "the Daily Caller News Foundation"."""
    back = max(0, end - windows.OUTLET_NAME)
    line_start = text.rfind("\n", back, end) + 1 or back
    start = None
    words = 0
    for token in _TOKEN_BACK.finditer(text, line_start, end):
        word = token[0]
        if word in ("the", "The"):
            return token.start() if start is not None else None
        if word in _CONNECTORS and start is not None:
            continue
        if words == 8 or not _NAME_WORD.fullmatch(word):
            break
        start, words = token.start(), words + 1
    return start


def _name_ending_at(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The longest outlet name that ends where the cue begins, and where that name starts."""
    while end > start and text[end - 1].isspace():
        end -= 1
    words = list(_TOKEN.finditer(text[start:end]))
    for i, word in enumerate(words):
        if i and not _breaks_name(words[i - 1][0]):
            continue  # "Michael Bloomberg said" is a person, not Bloomberg
        outlet = outlet_in(text[start + word.start() : end])
        if outlet:
            return outlet, _with_article(text, start + word.start())
    return None


def _name_starting_at(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The longest outlet name that starts right after the cue, and where that name ends."""
    ends = [start + m.end() for m in _TOKEN.finditer(text[start:end])]
    for stop in reversed(ends):
        while stop > start and text[stop - 1] in ".,;:'’":  # "according to WWeek." ends the name
            stop -= 1
        outlet = outlet_in(text[start:stop])
        if outlet:
            return outlet, stop
    return None


def _with_article(text: str, start: int) -> int:
    """Take a lower-case "the" before a name into the credit: "the Oregonian/OregonLive said"."""
    before = _THE_BEFORE.search(text, max(0, start - 5), start)
    return start - (len(before[0]) if before else 0)


def _breaks_name(word: str) -> bool:
    """Whether a word before an outlet's name ends a phrase, rather than being part of a name."""
    return word.casefold() in _NOT_FIRST or word.endswith((".", ",", ":", ";")) or word.isdigit()


def _one_phrase(words: list[str]) -> bool:
    """No sentence break inside ("Monday. The Tribune") and "The" only at the start."""
    for word in words[:-1]:
        if word.endswith(".") and len(word) > 3 and word.count(".") == 1:
            return False
    return all(w not in ("The", "the") for w in words[1:])


def _own_outlet(article: Article) -> str | None:
    """The article's own outlet, which it does not credit when it names itself ("tells WW")."""
    if article.outlet:
        return outlet_name(article.outlet)
    return outlet_from_url(article.url) if article.url else None


def _without_overlaps(citations: list[Citation]) -> list[Citation]:
    """One credit per stretch of text: the longest where two cues read the same words."""
    kept: list[Citation] = []
    for c in sorted(citations, key=lambda c: (c.start, -(c.end - c.start))):
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    return kept
