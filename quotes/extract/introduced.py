"""Quotes introduced by the paragraph before: "In a statement, the company said:" then the quote
on its own paragraph (and, by the carry that follows, the quote paragraphs after it)."""

from __future__ import annotations

from dataclasses import replace

from quotes.extract.attribution import Found, introducer
from quotes.extract.marks import Span
from quotes.extract.roster import Roster
from quotes.model import Quote


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
