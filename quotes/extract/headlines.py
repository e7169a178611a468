"""Who a headline quotes, where title case hides the verb: "Doe Calls Smith ‘A Disgrace’"."""

from __future__ import annotations

import regex

from quotes.extract.cues import SPEECH_VERBS
from quotes.extract.marks import Span
from quotes.extract.phrases import speaker_of
from quotes.extract.roster import Roster
from quotes.model import Speaker

# "Politifact: Trump Is Right, ‘…’": a headline opening with a name and a colon quotes that name.
_LABEL = regex.compile(r"(?P<np>\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){0,3}):[ \t]")
_SPEAKS = regex.compile(r"(?<![\p{L}'’])(?P<name>\p{Lu}[\p{L}'’-]+)[ \t]+(?P<verb>\p{Lu}\p{Ll}+)\b")
_NEXT_WORD = regex.compile(r"[ \t]+(?P<word>\p{Lu}\p{Ll}+)\b")
_LETTER = regex.compile(r"\p{L}")


def headline_speaker(span: Span, roster: Roster) -> tuple[Speaker, int, int] | None:
    """The one a headline quotes: a name before a capitalised verb of speech ("…, Lindsey Graham
    Says"), else a name opening it as a label ("Politifact: …"), else the first person or
    organisation named before the quote, else the first person named after it.

    The body names people in full, so its persons are looked for in the headline by full name or
    surname: a headline's run of capitals ("Jane Doe Calls Bob Smith") is no name of its own."""
    text = roster.text
    lo = roster.sentences.paragraph_start(span.open)
    hi = roster.sentences.ends.get(lo, span.close)
    speaking: list[tuple[int, int, Speaker]] = []
    before: list[tuple[int, int, Speaker]] = []
    after: list[tuple[int, int, Speaker]] = []
    for full, speaker in roster.persons.items():
        for name in dict.fromkeys((full, full.split()[-1])):
            at = text.find(name, lo, hi)
            while at >= 0:
                end = at + len(name)
                if _whole_word(text, at, end):
                    verb = _NEXT_WORD.match(text, end)
                    if verb and verb["word"].casefold() in SPEECH_VERBS:
                        speaking.append((at, end, speaker))
                    (before if at < span.open else after).append((at, end, speaker))
                at = text.find(name, end, hi)
    for m in _SPEAKS.finditer(text, lo, hi):  # "Obama Says …": a surname the body names alone
        if m["verb"].casefold() in SPEECH_VERBS and not speaking:
            person = roster.person(m["name"], m.start())
            if person.name != m["name"] or roster.used_as_name(m["name"]):
                speaking.append((m.start(), m.end("name"), person))
    label = _LABEL.match(text, lo, span.open)
    who = speaker_of(label["np"], lo, roster, forward=True) if label else None
    if label and who and who.kind in ("person", "organization", "outlet") and not speaking:
        return who, lo, label.end("np")
    named = roster.first_named(lo, span.open)
    for found in (speaking, [(named.start, named.end, named.speaker)] if named else [], before):
        if found:
            at, end, speaker = min(found, key=lambda f: f[0])
            return speaker, at, end
    if after:
        at, end, speaker = min(after, key=lambda f: f[0])
        return speaker, at, end
    return None


def _whole_word(text: str, start: int, end: int) -> bool:
    return not _LETTER.match(text[start - 1 : start]) and not _LETTER.match(text[end : end + 1])
