"""Who a headline quotes, where title case hides the verb: "Doe Calls Smith ‘A Disgrace’"."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from quotes.extract import coref, descriptions, windows
from quotes.extract import lexicon as lx
from quotes.extract.cues import SPEECH_VERBS
from quotes.extract.engine import Found
from quotes.extract.kinds import is_title_case
from quotes.extract.marks import Span
from quotes.extract.names import SEQUENCE, classify
from quotes.extract.phrases import speaker_of
from quotes.extract.roster import Mention, Roster
from quotes.extract.sentences import Sentences
from quotes.model import Speaker

# "Politifact: Trump Is Right, ‘…’": a headline opening with a name and a colon quotes that name.
_LABEL = regex.compile(rf"(?P<np>{lx.CAPITALISED}(?:[ \t]+{lx.CAPITALISED}){{0,3}}):[ \t]")
_SPEAKS = regex.compile(  # the verb looked ahead at: "Marlow Palace Says" tries "Palace"
    rf"(?<![\p{{L}}'’])(?P<name>{lx.NAME_END})(?=[ \t]+(?P<verb>\p{{Lu}}\p{{Ll}}+)\b)"
)
_OWNS_QUOTED = regex.compile(r"['’]s?\s*[‘“'\"]$")  # a possessive right before the quote
_NEXT_WORD = regex.compile(r"[ \t]+(?P<word>\p{Lu}\p{Ll}+)\b")
_NAMED = ("person", "organization")
_WORD = regex.compile(r"\p{L}[\p{L}.-]*")
# Words that describe a person in a title: "Boeing CEO", "Whistleblower", "Ex-employee".
_DESCRIBING = (
    (lx.ROLES | lx.PERSON_NOUNS | descriptions.PERSON_HEADS)
    - lx.FUNCTION_WORDS
    - {
        "former",
        "acting",
    }
)
_PASSIVE = regex.compile(
    r"(?i)^\s*(?:is|was|are|were|being|been|gets?|got)\s+(?:\p{Ll}+ed|told|shown|given|taken)\b"
)
_OTHERS_ACT = regex.compile(  # "…, lawmakers call": a clause of others ("tell lawmakers" is not)
    rf"(?i)(?:[,;:—–]|\band|\bbut)\s+(?:\p{{L}}+\s+)?(?:{lx.either(sorted(lx.GROUP_NOUNS))})\b"
)
_SECTION = regex.compile(  # a page's own label: "News video: ", "WATCH: "
    rf"(?i)(?:\p{{L}}+[ \t]+)?(?P<np>{lx.either(sorted(lx.SECTION_LABELS))}):[ \t]+"
)
_LEDE = 3  # sentences after a title where the person it describes is named
_WORD_START = regex.compile(r"(?<!\p{L})\p{L}+")  # a run of letters: names start and end one


def headline_speaker(span: Span, roster: Roster) -> tuple[Speaker, int, int] | None:
    """The one a headline quotes: a name before a capitalised verb of speech ("…, Lindsey Graham
    Says"), else a name opening it as a label ("Politifact: …"), else the first person or
    organisation named before the quote, else the first person named after it.

    The body names people in full, so its persons are looked for in the headline by full name or
    surname: a headline's run of capitals ("Jane Doe Calls Bob Smith") is no name of its own."""
    text = roster.text
    start = roster.sentences.paragraph_start(span.open)
    para_end = roster.sentences.ends.get(start, span.close)
    lo, hi = max(start, span.open - windows.HEADLINE), min(para_end, span.close + windows.HEADLINE)
    speaking: list[tuple[int, int, Speaker]] = []
    before: list[tuple[int, int, Speaker]] = []
    after: list[tuple[int, int, Speaker]] = []
    names, firsts = roster.person_names()
    # "WILL VANE APOLOGIZES …": read as "Will Vane Apologizes …"
    caps = text[max(lo, span.open - windows.SUBJECT) : span.open].isupper()
    read, shift = (text[lo:hi].title(), lo) if caps else (text, 0)
    owners: set[str] = set()
    for at, end, speaker in _persons_named(read, lo - shift, hi - shift, names, firsts):
        if _OWNS_QUOTED.match(read, end, span.open - shift + 1):
            continue  # "Pelosi's ‘farce’ visit": the owner of what the quote describes
        verb = _NEXT_WORD.match(read, end)
        if verb and verb["word"].casefold() in _DESCRIBING:
            owners.add(speaker.name)
            continue  # "Sam Lee Prosecutor Promises …": Lee's prosecutor, not Lee
        at, end = at + shift, end + shift
        if verb and verb["word"].casefold() in SPEECH_VERBS:
            speaking.append((at, end, speaker))
        (before if at < span.open else after).append((at, end, speaker))
    for m in _SPEAKS.finditer(read, lo - shift, hi - shift):  # "Obama Says …": a lone surname
        if m["name"].casefold() in _DESCRIBING:
            continue  # "Prosecutor Promises …": a description, not a surname (see `described`)
        if m["verb"].casefold() in SPEECH_VERBS and not speaking:
            person = roster.person(m["name"], m.start() + shift)
            body = roster.body(m["name"])  # "Marlow Palace Says": the body the text names
            if body.name in roster.orgs and person.name == m["name"]:
                speaking.append((m.start() + shift, m.end("name") + shift, body))
            elif person.name != m["name"] or roster.used_as_name(m["name"]):
                speaking.append((m.start() + shift, m.end("name") + shift, person))
    if caps:  # a run of capitals in capitals is a name only when it opens with a given name
        first = min(speaking or before or after, key=lambda f: f[0], default=None)
        return (first[2], first[0], first[1]) if first else _given_named(read, shift, span.open)
    label = _LABEL.match(text, start, span.open)
    who = speaker_of(label["np"], start, roster, forward=True) if label else None
    if label and who and who.kind in ("person", "organization", "outlet") and not speaking:
        return who, start, label.end("np")
    named = next(  # "UK's Marlow Palace says": the palace, not its owner
        (
            m
            for m in roster.following(lo, windows.NAME_WORDS)
            if m.start < span.open
            and not m.possessive
            and m.speaker.kind in _NAMED
            and m.speaker.name not in owners
        ),
        None,
    )
    for found in (speaking, [(named.start, named.end, named.speaker)] if named else [], before):
        found = [f for f in found if f[2].name.casefold() not in _DESCRIBING]  # "Prosecutor"
        if found:
            at, end, speaker = min(found, key=lambda f: f[0])
            return speaker, at, end
    if after and not any(
        w.casefold() in _DESCRIBING for w in _WORD.findall(read, start - shift, span.open - shift)
    ):
        at, end, speaker = min(after, key=lambda f: f[0])  # not when it describes the speaker
        return speaker, at, end
    return None


def labelled(span: Span, roster: Roster) -> Found | None:
    """A title line's label names who speaks in it: "Marlow Palace: talks ‘at an early stage’",
    after a page's own label ("News video: Marlow Palace: …")."""
    text = roster.text
    start, end = _line(text, span, roster)
    if not _title_line(text, start, end):
        return None
    at = start
    while (
        m := _LABEL.match(text, at, span.open) or _SECTION.match(text, at, span.open)
    ) is not None:
        if m.re is _LABEL and not _SECTION.fullmatch(m[0]):
            who = speaker_of(m["np"], at, roster, forward=True)
            if who and who.kind in ("person", "organization"):
                return Found(who, ":", m.start("np"), m.end("np"), "title-label")
            return None
        at = m.end()
    return None


def titled(span: Span, roster: Roster) -> bool:
    """Whether a quote stands in a title line written in title case ("‘This Is All Wrong,’ Rita
    Vale Tells Leaders"), wherever the page puts it."""
    text = roster.text
    start, end = _line(text, span, roster)
    return _title_line(text, start, end) and is_title_case(text[start:end])


def _line(text: str, span: Span, roster: Roster) -> tuple[int, int]:
    """The line a quote stands in, in a paragraph of lines."""
    para = roster.sentences.paragraph_start(span.open)
    para_end = roster.sentences.ends.get(para, span.close)
    start = max(para, text.rfind("\n", para, span.open) + 1)
    end = text.find("\n", span.close, para_end)
    return start, end if end >= 0 else para_end


def _title_line(text: str, start: int, end: int) -> bool:
    """A short line that ends in no stop: a title, not a sentence of the body."""
    line = text[start:end]
    return end - start <= windows.TITLE_LINE and not line.rstrip(" \t\n’”'\"").endswith(
        (".", "!", "?")
    )


def described(span: Span, roster: Roster) -> Found | None:
    """Whom a title line describes without naming: "Boeing CEO to tell lawmakers: ‘…’",
    "Whistleblower: Facebook ‘harms children’" is the person the next sentences name, one the
    article describes with the same word first ("the company’s CEO, Ana Ruiz"), else the first
    named opening one of them (a byline's name aside)."""
    text, sentences = roster.text, roster.sentences
    start = sentences.paragraph_start(span.open)
    end = sentences.ends.get(start, span.close)
    if not _title_line(text, start, end):
        return None  # a sentence of the body
    roles = _describing(text, start, span.open) or _describing(text, span.close, end)
    if not roles:
        return None
    here = sentences.index(end)
    first: Mention | None = None
    for m in roster.following(end, windows.NAME_WORDS):
        if sentences.index(m.start) > here + _LEDE:
            break
        if m.speaker.kind != "person" or " " not in m.speaker.name or _byline(text, m, sentences):
            continue
        if roles & coref.described_words(m.speaker.name, roster):
            return Found(m.speaker, None, m.start, m.end, "headline-described")
        opens = not roster.masked[sentences.bounds(m.start)[0] : m.start].strip()
        first = first or (m if opens else None)
    return (
        Found(first.speaker, None, first.start, first.end, "headline-described") if first else None
    )


def _describing(text: str, lo: int, hi: int) -> set[str]:
    """The last word for someone between two offsets, when no one else acts after it ("Boeing
    CEO testifies, lawmakers call …") and it is no passive's ("Boeing CEO is told …")."""
    found = [m for m in _WORD.finditer(text, lo, hi) if _bare(m[0]) in _DESCRIBING]
    if not found:
        return set()
    rest = text[found[-1].end() : hi]
    if _PASSIVE.search(rest) or _OTHERS_ACT.search(rest):
        return set()
    return {_bare(found[-1][0])}


def _bare(word: str) -> str:
    return word.casefold().removeprefix("ex-")


def _byline(text: str, m: Mention, sentences: Sentences) -> bool:
    """Whether a name is a byline's ("By Ana Ruiz", "Ana Ruiz, Harbor News"): a short line
    that is no sentence."""
    start = sentences.paragraph_start(m.start)
    end = sentences.ends.get(start, m.end)
    return end - start < windows.BYLINE and not text[start:end].rstrip().endswith((".", "!", "?"))


def _given_named(read: str, shift: int, end: int) -> tuple[Speaker, int, int] | None:
    """The first person named before `end` in a headline written in capitals and read in title
    case, by a given name we know ("Will Vane Apologizes To …")."""
    for m in SEQUENCE.finditer(read, 0, end - shift):
        words = m[0].split()[:2]
        n = classify(" ".join(words))
        if len(words) == 2 and words[0].casefold() in lx.GIVEN_NAMES and n.kind == "person":
            return Speaker(n.name, "person"), m.start() + shift, m.end() + shift
    return None


def _persons_named(
    text: str, lo: int, hi: int, names: dict[str, tuple[int, Speaker]], firsts: set[str]
) -> Iterator[tuple[int, int, Speaker]]:
    """Where the text between two offsets names a person, as a whole word, in text order: at
    one place, the first-learnt person first. Each word is looked up with the words after it."""
    runs = [m.span() for m in _WORD_START.finditer(text, lo, hi)]
    for i, (at, first_end) in enumerate(runs):
        if text[at:first_end] not in firsts:
            continue
        found = []
        for _, end in runs[i : i + windows.NAME_WORDS]:  # "O’Neil" ends at "O" and at "Neil"
            if end - at > windows.NAME_LENGTH:
                break
            hit = names.get(text[at:end])
            if hit:
                found.append((hit[0], end, hit[1]))
        for _, end, speaker in sorted(found, key=lambda f: f[0]):
            yield at, end, speaker
