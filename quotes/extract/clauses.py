"""Where a speaker's phrase starts and ends inside a clause: shared by the attribution rules."""

from __future__ import annotations

from functools import lru_cache

import regex

from quotes.extract import lexicon as lx
from quotes.extract.bodies import is_country
from quotes.extract.cues import AUX_WORDS
from quotes.extract.engine import Found
from quotes.extract.phrases import speaker_of
from quotes.extract.roster import Roster
from quotes.model import Speaker

_SPACES = regex.compile(r"\s+")
_CLAUSE = regex.compile(
    r"(?i).*(?:[;:]|\b(?:what|which|who|whom|that|because|when|while|if|after|before|as|where|but)\b)"
)
# Auxiliaries and adverbs ending a subject ("Lee has also"), matched backwards from the end: a
# forward pattern anchored at the end is tried at every character of a head hundreds long.
_TRAILING_AUX = regex.compile(rf"(?r)(?:\s+(?:{AUX_WORDS}))*\s*$")
# The subject ends where its verb starts: an auxiliary, an -ed/-s/-ly word or a common past form.
_SUBJECT = regex.compile(
    r"(?P<np>(?:(?:[\p{L}\p{N}][\p{L}\p{N}.'’-]*|\([^()\n]{1,12}\))\s+){0,7}?[\p{L}][\p{L}.'’-]*?)['’]?"
    rf"\s+(?=(?:{AUX_WORDS}|{lx.either(lx.COMMON_PAST)}|\p{{Ll}}{{2,}}(?:ed|(?<!s)s))\b)"
)
# Where a subject may start: after a comma, a dateline's dash ("LOS ANGELES (AP) — Lee said"),
# a date ("2022-03-29 Lee said") or a line break (a byline's line before the sentence); and
# after a dateline's colon opening the sentence ("New Delhi: Lee said").
# A name, then one or two inserts between commas before its verb: "Ruiz, who is running again,
# praised", "Chairman Ana Ruiz, D-Ohio, pressed", "Ruiz, the city's former treasurer, attacked".
_APPOSED = regex.compile(
    rf"(?P<np>{lx.NAME})(?:\s+\([^()\x00\n]{{1,12}}\))?(?:,\s+[^,;:\x00\n]{{1,80}}?){{1,2}},\s+"
    rf"(?=(?:{AUX_WORDS}|{lx.either(lx.COMMON_PAST)}|\p{{Ll}}{{2,}}(?:ed|(?<!s)s))\b)"
)
_CLAUSE_START = regex.compile(r",\s+|\s(?:—|–|―|--)\s+|(?<=\d)\s+(?=\p{Lu})|\n\s*")
_DATELINE = regex.compile(r"\p{Lu}[\p{L} .'’-]{1,30}:\s+(?=\p{Lu})")
_PREPOSITION_START = regex.compile(
    r"(?i)(?:in|on|at|after|before|during|when|while|as|if|since|speaking|asked|following|for|"
    r"with|from|to|by|although|though|because|but|and|so|then|\p{L}+ing)\b"
)
_CONJUNCTION = regex.compile(r"(?:(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o)\s+)?")  # opening a sentence
_THING_OWNED = regex.compile(
    r"\p{L}['’]s?\s+(?:\p{Ll}[\p{Ll}-]*\s+){0,2}?(?P<noun>\p{Ll}[\p{Ll}-]*)$"
)
_NOUNS_FOR_SOMEONE = (  # built once: read for every subject
    lx.PERSON_NOUNS
    | lx.ROLES
    | lx.ORG_NOUNS
    | lx.DOC_NOUNS
    | lx.GROUP_NOUNS
    | lx.GENDERED_NOUNS.keys()
)
_NO_SUBJECT = rf"(?!(?:{lx.either(lx.SUBJECT_PRONOUNS)})\b)"  # "who he …" is not "who said"
_RELATIVE_INSIDE = regex.compile(rf"[\s\x00]+(?:who|whom|whose)\s+{_NO_SUBJECT}")
_RELATIVE_PART = regex.compile(rf"[\s\x00\"”’']*(?:who|whom|whose|which)\s+{_NO_SUBJECT}")
_NAME_COLON = regex.compile(
    rf"(?<!\b(?:told|tells|telling|to|with|for|in|on|at|of)\s+|{lx.CAPITALISED}\s+|[\p{{L}}'’])"
    rf"(?P<np>{lx.NAME}):\s*$"
)  # the whole name, and not a hearer's: "told Fox News:"
# A subject pronoun ending a clause's words after others that are no conjunction's: the subject.
_HE_SHE_THEY = lx.either(p for p in lx.SUBJECT_PRONOUNS if p not in ("i", "it"))
_LAST_PRONOUN = regex.compile(rf"(?<!\b(?:and|or|nor|than|as)\s+)(?<=\s)(?:{_HE_SHE_THEY})\s*$")
DETERMINER_END = regex.compile(
    rf"(?i)\b(?:{lx.either(lx.ARTICLES + lx.POSSESSIVE_DETERMINERS + ('this', 'that'))})\s*$"
)


def subject(masked: str, lo: int, hi: int, roster: Roster) -> Found | None:
    """The sentence's subject, for a quote with no verb of speech of its own ("The group seeks an
    “end”", "When asked, Ms. Sherry smiled and said, “…”"): tried at its start and after commas."""
    dateline = _DATELINE.match(masked, lo, hi)
    starts = [lo] + ([dateline.end()] if dateline else [])
    starts += [m.end() for m in _CLAUSE_START.finditer(masked, lo, hi)]
    for start in starts[:6]:
        conjunction = _CONJUNCTION.match(masked, start, hi)  # "But he hinted"
        start = conjunction.end() if conjunction else start
        found = _apposed(masked, start, hi, roster)
        if found:
            return found
        m = _SUBJECT.match(masked, start, hi)
        if not m or _PREPOSITION_START.match(m["np"]) or _thing_owned(m["np"]):
            continue  # "Lee-Hart's conviction is a “warning”": the conviction is no one
        who = speaker_of(m["np"], m.start("np"), roster)
        if who is None or who.kind in ("document", "anonymous"):
            continue
        if who.kind == "organization" and who.name not in roster.orgs and not is_country(who.name):
            continue  # a capitalised phrase we cannot place: "In Just the Way You Are"
        return Found(who, None, m.start(), m.end(), "subject")
    return None


def _apposed(masked: str, start: int, hi: int, roster: Roster) -> Found | None:
    """A named subject set off from its verb by an appositive or a relative clause: "Pence, who
    is running again, praised Cruz for “…”" (the words between the commas name no one)."""
    m = _APPOSED.match(masked, start, hi)
    who = speaker_of(m["np"], m.start("np"), roster) if m else None
    if m and who and who.kind in ("person", "organization") and _placed(who, roster):
        return Found(who, None, m.start(), m.end(), "subject")
    return None


def _placed(who: Speaker, roster: Roster) -> bool:
    """Whether the article knows a speaker by name (not "In Just the Way You Are")."""
    return who.name in roster.persons or who.name in roster.orgs


def _thing_owned(np: str) -> bool:
    """Whether a subject is something someone has ("Lee's conviction"), not someone ("Lee's
    spokesman", "Lee's campaign")."""
    m = _THING_OWNED.search(np)
    if m is None:
        return False
    noun = m["noun"].removesuffix("s")
    return m["noun"] not in _NOUNS_FOR_SOMEONE and noun not in _NOUNS_FOR_SOMEONE


def named_before_colon(masked: str, lo: int, hi: int, roster: Roster) -> Found | None:
    """ "… does not surprise Republican pollster Dan Shaw: “…”": a full name before the colon."""
    m = _NAME_COLON.search(masked, lo, hi)
    who = speaker_of(m["np"], m.start("np"), roster) if m else None
    if m and who and who.kind == "person" and (" " in who.name or who.name in roster.persons):
        return Found(who, ":", m.start("np"), m.end(), "name-colon")
    return None


def without_trailing_aux(words: str) -> str:
    """The words without the auxiliaries, adverbs and spaces ending them: "Lee has also" → "Lee"."""
    m = _TRAILING_AUX.search(words)
    assert m is not None  # it matches the empty string at the end
    return words[: m.start()]


@lru_cache(maxsize=4096)  # the rules read one subject several times over
def clause_tail(np: str) -> str:
    """The subject words before a verb: after the last clause opener ("what federal officials"
    → "federal officials"), leaving appositive relative clauses ("Steele, who was …,") to parts."""
    pieces = np.rstrip(" ,").split(",")
    while len(pieces) > 1 and _RELATIVE_PART.match(pieces[-1]):
        pieces.pop()  # "Steele, who was governor when Perez was on the council,"
    last = pieces[-1]
    rel = _RELATIVE_INSIDE.search(last)
    if rel and last[: rel.start()].strip(" \x00"):  # "host of “The Boss” who went on to …"
        last = pieces[-1] = last[: rel.start()]
    m = _CLAUSE.match(last)
    if m and last[m.end() :].strip():
        pieces[-1] = last = last[m.end() :]
    pronoun = _LAST_PRONOUN.search(last)  # "Speaking about her family she": she
    if pronoun and pronoun.start() > 0:
        pieces[-1] = pronoun[0]
    return ",".join(pieces)


def cue_text(cue: str) -> str:
    """A cue as printed: its words separated by single spaces."""
    return _SPACES.sub(" ", cue.strip())
