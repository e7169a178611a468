"""Quotes introduced by the words before them: "In a statement, the company said:" then the quote
on its own paragraph (and, by the carry that follows, the quote paragraphs after it), or a
reported-speech sentence ("She said there was no scandal.") then a quote with no cue."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import regex

from quotes.extract import coref, validate, windows
from quotes.extract import lexicon as lx
from quotes.extract.attribution import Found, introducer, reporter
from quotes.extract.cues import verb_cues
from quotes.extract.marks import Span
from quotes.extract.names import classify
from quotes.extract.roster import Roster
from quotes.model import Quote, Speaker

_LABEL = regex.compile(r"\s*(\p{L}+)\s*:")
_SELF_NAMED = regex.compile(
    r"(?:(?:Hello|Hi|Good\s+(?:morning|afternoon|evening))[,.!]?\s+)?(?:I\s+am|I['’]m|My\s+name\s+is)"
    r"\s+(?P<name>(?:\p{Lu}[\p{L}.'’-]*\s+){1,5}\p{Lu}[\p{L}'’-]+)"
)


def introduced(
    quotes: list[Quote],
    spans: list[Span],
    found_for: dict[int, Found | None],
    paras: list[tuple[int, int]],
    roster: Roster,
) -> list[Quote]:
    """Quotes with no speaker that open a paragraph after one ending in a colon get the speaker
    that paragraph's last sentence introduces."""
    text = roster.text

    def pick(i: int, span: Span) -> tuple[Speaker, str | None] | None:
        if span.para == 0 or not _opens(text, paras[span.para][0], span.open):
            return None
        start, colon = _last_sentence(text, paras[span.para - 1], roster)
        if not text[start:colon].endswith(":"):
            return None
        found = introducer(start, colon, roster)
        if not found or not found.speaker:
            return None
        found_for[i] = found
        return found.speaker, found.cue

    return _fill(quotes, spans, pick)


def reported(
    quotes: list[Quote],
    spans: list[Span],
    found_for: dict[int, Found | None],
    paras: list[tuple[int, int]],
    roster: Roster,
) -> list[Quote]:
    """Direct quotes with no cue at all get the speaker of the last verb of speech before them in
    their paragraph or the last sentence of the one before: "She said there was no scandal.
    “I am human.”" """
    masked = roster.masked

    def pick(i: int, span: Span) -> tuple[Speaker, str | None] | None:
        me = _SELF_NAMED.match(quotes[i].text.lstrip("\"“‘'"))  # "Hello, I am Rick Larsen, …"
        if me and classify(me["name"]).kind == "person":
            n = classify(me["name"])
            return roster.persons.get(n.name) or Speaker(n.name, "person", n.description), None
        if quotes[i].kind != "direct" or found_for.get(i) is not None:
            return None
        lo = max(paras[span.para][0], span.open - windows.HEAD)
        if span.para > 0 and lo == paras[span.para][0]:
            start, end = _last_sentence(masked, paras[span.para - 1], roster)
            lo = start if "\x00" not in masked[start:end] else lo
        cues = verb_cues(masked, lo, span.open)
        if not cues:
            who = _introduced_by_subject(span, paras, roster)
            return (who, None) if who else None
        start = roster.sentences.bounds(cues[-1].start())[0]
        found = reporter(max(lo, start), cues[-1].end(), roster)
        if found and found.speaker and found.speaker.kind in ("person", "organization"):
            return found.speaker, found.cue
        return None

    return _fill(quotes, spans, pick)


def _fill(
    quotes: list[Quote],
    spans: list[Span],
    pick: Callable[[int, Span], tuple[Speaker, str | None] | None],
) -> list[Quote]:
    """The quotes, each one with no speaker given the speaker and cue `pick` finds for it."""
    out = list(quotes)
    for i, (q, span) in enumerate(zip(quotes, spans, strict=True)):
        found = None if q.speaker else pick(i, span)
        if found:
            out[i] = replace(q, speaker=found[0], cue=found[1] or q.cue)
    return out


def _introduced_by_subject(
    span: Span, paras: list[tuple[int, int]], roster: Roster
) -> Speaker | None:
    """ "Civil rights attorney Ben Crump applauded the verdict." then a paragraph that is only a
    quote: the quote is the subject's, named at the start of the paragraph's last sentence."""
    text = roster.text
    lo, hi = paras[span.para]
    if span.para == 0 or not _opens(text, lo, span.open) or hi - span.close > windows.HEAD:
        return None
    if len(text[span.close : hi].strip()) > 2:
        return None
    start, end = _last_sentence(text, paras[span.para - 1], roster)
    label = _LABEL.match(text, start, end)
    if label and label[1].casefold() in lx.SECTION_LABELS:
        return None  # "PHOTO: NZME": a picture's credit line introduces no one
    hi = min(end, start + windows.SUBJECT)
    who = coref.subject(start, hi, roster, lambda s: validate.named(s, start, roster))
    return who if who and who.kind in ("person", "organization", "group") else None


def _opens(text: str, lo: int, at: int) -> bool:
    """Whether only spaces stand between a paragraph's start and a quotation, read back from the
    quotation no further than windows.HEAD."""
    return at - lo <= windows.HEAD and not text[lo:at].strip()


def _last_sentence(text: str, para: tuple[int, int], roster: Roster) -> tuple[int, int]:
    """Where a paragraph's last sentence starts and ends (trailing spaces left out), read back
    from the paragraph's end no further than windows.HEAD."""
    lo = max(para[0], para[1] - windows.HEAD)
    end = lo + len(text[lo : para[1]].rstrip())
    return (max(lo, roster.sentences.bounds(end - 1)[0]), end) if end > lo else (end, end)
