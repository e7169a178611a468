"""Quotes introduced by the words before them: "In a statement, the company said:" then the quote
on its own paragraph (and, by the carry that follows, the quote paragraphs after it), or a
reported-speech sentence ("She said there was no scandal.") then a quote with no cue."""

from __future__ import annotations

from dataclasses import replace

from quotes.extract import coref, validate
from quotes.extract.attribution import Found, introducer, reporter
from quotes.extract.cues import verb_cues
from quotes.extract.marks import Span
from quotes.extract.roster import Roster
from quotes.model import Quote, Speaker

_SUBJECT_REACH = 60  # characters from a sentence's start within which its subject is named


def introduced(
    quotes: list[Quote],
    spans: list[Span],
    found_for: dict[int, Found | None],
    paras: list[tuple[int, int]],
    roster: Roster,
) -> list[Quote]:
    """Quotes with no speaker that open a paragraph after one ending in a colon get the speaker
    that paragraph's last sentence introduces."""
    out = list(quotes)
    text = roster.text
    for i, (q, span) in enumerate(zip(quotes, spans, strict=True)):
        if q.speaker or span.para == 0 or text[paras[span.para][0] : span.open].strip():
            continue
        lo, hi = paras[span.para - 1]
        if not text[lo:hi].rstrip().endswith(":"):
            continue
        colon = lo + len(text[lo:hi].rstrip())
        start = roster.sentences.bounds(colon - 1)[0]
        found = introducer(max(lo, start), colon, roster)
        if found and found.speaker:
            out[i] = replace(q, speaker=found.speaker, cue=found.cue or q.cue)
            found_for[i] = found
    return out


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
    out = list(quotes)
    masked = roster.masked
    for i, (q, span) in enumerate(zip(quotes, spans, strict=True)):
        if q.speaker or q.kind != "direct" or found_for.get(i) is not None:
            continue
        lo = paras[span.para][0]
        if span.para > 0 and "\x00" not in masked[paras[span.para - 1][0] : lo]:
            end = paras[span.para - 1][0] + len(masked[paras[span.para - 1][0] : lo].rstrip())
            lo = max(paras[span.para - 1][0], roster.sentences.bounds(end - 1)[0])
        cues = verb_cues(masked, lo, span.open)
        if not cues:
            who = _introduced_by_subject(span, paras, roster)
            out[i] = replace(q, speaker=who) if who else q
            continue
        cue = cues[-1]
        start = roster.sentences.bounds(cue.start())[0]
        found = reporter(max(lo, start), cue.end(), roster)
        if found and found.speaker and found.speaker.kind in ("person", "organization"):
            out[i] = replace(q, speaker=found.speaker, cue=found.cue)
    return out


def _introduced_by_subject(
    span: Span, paras: list[tuple[int, int]], roster: Roster
) -> Speaker | None:
    """ "Civil rights attorney Ben Crump applauded the verdict." then a paragraph that is only a
    quote: the quote is the subject's, named at the start of the paragraph's last sentence."""
    text = roster.text
    lo, hi = paras[span.para]
    if span.para == 0 or text[lo : span.open].strip() or len(text[span.close : hi].strip()) > 2:
        return None
    plo, phi = paras[span.para - 1]
    end = plo + len(text[plo:phi].rstrip())
    start = max(plo, roster.sentences.bounds(end - 1)[0])
    hi = min(end, start + _SUBJECT_REACH)
    who = coref.subject(start, hi, roster, lambda s: validate.named(s, start, roster))
    return who if who and who.kind in ("person", "organization", "group") else None
