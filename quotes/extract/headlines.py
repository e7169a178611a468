"""Who a headline quotes, where title case hides the verb: "Doe Calls Smith ‘A Disgrace’"."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from quotes.extract import lexicon as lx
from quotes.extract import windows
from quotes.extract.cues import SPEECH_VERBS
from quotes.extract.marks import Span
from quotes.extract.names import SEQUENCE, classify
from quotes.extract.phrases import speaker_of
from quotes.extract.roster import Roster
from quotes.model import Speaker

# "Politifact: Trump Is Right, ‘…’": a headline opening with a name and a colon quotes that name.
_LABEL = regex.compile(rf"(?P<np>{lx.CAPITALISED}(?:[ \t]+{lx.CAPITALISED}){{0,3}}):[ \t]")
_SPEAKS = regex.compile(  # the verb looked ahead at: "Marlow Palace Says" tries "Palace"
    rf"(?<![\p{{L}}'’])(?P<name>{lx.NAME_END})(?=[ \t]+(?P<verb>\p{{Lu}}\p{{Ll}}+)\b)"
)
_NEXT_WORD = regex.compile(r"[ \t]+(?P<word>\p{Lu}\p{Ll}+)\b")
_NAMED = ("person", "organization")
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
    for at, end, speaker in _persons_named(read, lo - shift, hi - shift, names, firsts):
        verb = _NEXT_WORD.match(read, end)
        at, end = at + shift, end + shift
        if verb and verb["word"].casefold() in SPEECH_VERBS:
            speaking.append((at, end, speaker))
        (before if at < span.open else after).append((at, end, speaker))
    for m in _SPEAKS.finditer(read, lo - shift, hi - shift):  # "Obama Says …": a lone surname
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
            if m.start < span.open and not m.possessive and m.speaker.kind in _NAMED
        ),
        None,
    )
    for found in (speaking, [(named.start, named.end, named.speaker)] if named else [], before):
        if found:
            at, end, speaker = min(found, key=lambda f: f[0])
            return speaker, at, end
    if after:
        at, end, speaker = min(after, key=lambda f: f[0])
        return speaker, at, end
    return None


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
