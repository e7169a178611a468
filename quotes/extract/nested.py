"""Quotations inside quotations: the inner words belong to whoever the outer speaker quotes."""

from __future__ import annotations

import bisect

import regex

from quotes.extract import windows
from quotes.extract.cues import CUE
from quotes.extract.kinds import words
from quotes.extract.marks import Span
from quotes.extract.phrases import speaker_of
from quotes.extract.roster import Roster
from quotes.model import Article, Quote, Speaker

_LETTER = regex.compile(r"\p{L}")
_NP_BEFORE_CUE = regex.compile(r"(?P<np>[\p{L}][\p{L}\s.'’-]{0,60}?)\s+$")


def nested_quotes(
    article: Article, text: str, spans: list[Span], quotes: list[Quote], roster: Roster
) -> list[Quote]:
    """Quotes nested in a kept quotation, attributed from the outer quote's words or to nobody."""
    kept = {(q.start, q.end): q for q in quotes}
    tops = [s for s in spans if s.outer is None]
    starts = [t.start for t in tops]
    out = []
    for s in spans:
        if s.outer is None:
            continue
        outer_span = _outer(tops, starts, s)
        outer = kept.get((outer_span.start, outer_span.end)) if outer_span else None
        if outer_span is None or outer is None or len(words(text[s.start : s.end])) < 3:
            continue
        speaker, cue = _inner_speaker(text, outer_span, s, outer, roster)
        kind = "nested"
        rule = "nested" if speaker else None
        quoted = text[s.start : s.end]
        out.append(Quote(article.id, quoted, s.start, s.end, kind, speaker, cue, rule=rule))
    return out


def _outer(tops: list[Span], starts: list[int], s: Span) -> Span | None:
    """The top-level quote holding a nested one: the last to start before it (tops never nest)."""
    i = bisect.bisect_right(starts, s.open) - 1
    t = tops[i] if i >= 0 else None
    return t if t is not None and s.close <= t.end else None


def _inner_speaker(
    text: str, outer_span: Span, s: Span, outer: Quote, roster: Roster
) -> tuple[Speaker | None, str | None]:
    """ "He told me, ‘No’" inside Smith's quote: "he" is read from the outer words; "I" is Smith."""
    head = text[max(outer_span.start, s.open - windows.NESTED_HEAD) : s.open]
    cues = list(CUE.finditer(head))
    if not cues:
        return None, None
    cue = cues[-1]
    if (
        _LETTER.search(head[cue.end() :].replace("that", ""))
        and len(head) - cue.end() > windows.NESTED_GAP
    ):
        return None, None
    m = _NP_BEFORE_CUE.search(head[: cue.start()] + " ")
    if not m:
        return None, None
    np = m["np"].split(".")[-1].strip()
    if np.casefold() in ("i", "we"):
        return outer.speaker, cue.group()
    who = speaker_of(np, s.open, roster)
    if who == outer.speaker:
        return None, cue.group()
    return who, cue.group()
