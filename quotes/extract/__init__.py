"""Find quotations in an article and attribute each to its speaker."""

from __future__ import annotations

import bisect
import logging
from dataclasses import replace
from itertools import islice

import regex

from quotes.extract import windows
from quotes.extract.attribution import attribute, gender_of_speaker
from quotes.extract.citations import extract_citations
from quotes.extract.engine import Found
from quotes.extract.introduced import introduced, reopened, reported
from quotes.extract.kinds import is_title_case, kind_of
from quotes.extract.marks import Span, find_spans, mark_after, paragraphs
from quotes.extract.nested import nested_quotes
from quotes.extract.qa import transcript_quotes
from quotes.extract.roster import Mention, Roster
from quotes.extract.sentences import Sentences, mask
from quotes.model import Article, Citation, Problem, Quote
from quotes.outlets import canonical_outlet

_log = logging.getLogger(__name__)
_SENTENCE_END = regex.compile(r"[.!?]\s")
_WORD = regex.compile(r"[^\s\x1c-\x1f]+")  # a word as str.split() finds it
_SPACES = regex.compile(r"[\s\x1c-\x1f]*")  # what str.strip() strips

__all__ = ["extract_citations", "extract_quotes"]

_TRANSCRIPT = regex.compile(r"(?m)^[ \t]*(?:Q|Question|\p{Lu}[\p{Lu} .'’-]{1,30}\p{Lu})\s*:\s")


def extract_quotes(
    article: Article,
    citations: list[Citation] | None = None,
    problems: list[Problem] | None = None,
    max_quotes: int = windows.MAX_QUOTES,
) -> list[Quote]:
    """Every quotation in the article, in text order, with its speaker resolved when possible.

    Pass the article's `citations` when they are already found, so they are not looked for again;
    otherwise they are read near the attributions only. No article yields more than `max_quotes`
    quotations, nor is read past its `windows.MAX_MARKS`th quotation mark: past either the text
    is not read for quotes, and a Problem saying where reading stopped is appended to
    `problems` (or logged as a warning when no list is given)."""
    whole = article
    text = article.text or ""
    stopped = mark_after(text, windows.MAX_MARKS)
    paras = paragraphs(text)
    spans = find_spans(text, max_quotes, stopped, paras)
    if len(spans) > max_quotes:
        stopped = spans[max_quotes].open
    if stopped is not None:  # the rest is not read at all: for quotes, names or sentences
        article = replace(article, text=text[:stopped])
        text = article.text
        paras = paragraphs(text)
        spans = find_spans(text, paras=paras)[:max_quotes]
    transcript = bool(_TRANSCRIPT.search(text))
    if not spans and not transcript:
        if stopped is not None:  # marks past the cap, none of those read a quotation
            _report_cap(whole, max_quotes, stopped, problems)
        return []
    masked = mask(text, spans)
    sentences = Sentences(text, masked, paras, spans)
    roster = Roster(text, masked, sentences)
    title_end = _title_end(article, paras)
    top = [s for s in spans if s.outer is None]
    quotes: list[Quote] = []
    found_for: dict[int, Found | None] = {}
    stretches: list[tuple[int, int]] = []  # around the attributions, where credits are read
    previous: Span | None = None
    for span in top:
        bounds = sentences.bounds(span.open)
        follows = previous is not None and previous.para == span.para
        kind = kind_of(text, masked, span, bounds, title_end, follows)
        if kind is None:
            continue
        found = attribute(span, kind, bounds, roster)
        if found and found.speaker:
            roster.add(_mention(found, roster))
        found_for[len(quotes)] = found
        speaker, cue, rule = (found.speaker, found.cue, found.rule) if found else (None,) * 3
        quoted = text[span.start : span.end]
        quote = Quote(article.id, quoted, span.start, span.end, kind, speaker, cue, rule=rule)
        if found:
            near = (
                max(min(bounds[0], found.start), found.start - windows.CREDIT),
                min(max(bounds[1], found.end), found.end + windows.CREDIT) + windows.CREDIT_AFTER,
            )
            stretches.append(near)
        quotes.append(quote)
        previous = span
    quotes = _with_credits(article, quotes, found_for, stretches, citations)
    starts = {q.start for q in quotes}
    kept = [s for s in top if s.start in starts]
    quotes = introduced(quotes, kept, found_for, paras, roster)
    quotes = reopened(quotes, kept, found_for, paras, roster)
    quotes = _carry(quotes, kept, found_for, text, paras)
    quotes = _carry(reported(quotes, kept, found_for, paras, roster), kept, found_for, text, paras)
    quotes.extend(nested_quotes(article, text, spans, quotes, roster))
    if transcript:
        quotes.extend(transcript_quotes(article, roster, max_quotes + 1))
    quotes.sort(key=lambda q: (q.start, q.end))
    if len(quotes) > max_quotes:
        stopped = min(quotes[max_quotes].start, stopped if stopped is not None else len(text))
        quotes = quotes[:max_quotes]
    if stopped is not None:
        _report_cap(whole, max_quotes, stopped, problems)
    return quotes


def _report_cap(article: Article, cap: int, stopped: int, problems: list[Problem] | None) -> None:
    """Say that an article held more quotations than are read, and where reading stopped."""
    message = (
        f"more than {cap:,} quotations or {windows.MAX_MARKS:,} quotation marks: quotes after "
        f"character {stopped:,} of "
        f"{len(article.text):,} were not extracted"
    )
    if problems is None:
        _log.warning("%s: %s", article.source or article.id, message)
    else:
        problems.append(Problem(article.source or article.id, message))


def _mention(found: Found, roster: Roster) -> Mention:
    s = found.speaker
    assert s is not None
    number = {"person": "sg", "anonymous": "sg", "group": "pl"}.get(s.kind, "it")
    gender = gender_of_speaker(s) or roster.genders.get(s.name)
    return Mention(found.start, found.end, s, gender, number)


def _with_credits(
    article: Article,
    quotes: list[Quote],
    found_for: dict[int, Found | None],
    windows: list[tuple[int, int]],
    citations: list[Citation] | None,
) -> list[Quote]:
    """Quotes with the outlet credited in their attribution."""
    own = canonical_outlet(article.outlet or "")
    if citations is None:
        citations = extract_citations(article, _merged(windows)) if windows else []
    ends = [c.end for c in citations]
    out = list(quotes)
    for i, found in found_for.items():
        credit = _credit(found, citations, ends, own, article.text) if found else None
        if credit is not None:  # most quotes credit no outlet: they keep the quote they have
            out[i] = replace(out[i], credit=credit)
    return out


def _merged(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping stretches of text joined, so no cue is read twice."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(windows):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _credit(
    found: Found, citations: list[Citation], ends: list[int], own: str | None, text: str
) -> str | None:
    """The outlet credited in the attribution ("WWeek reported Monday"), if any."""
    if found.speaker and found.speaker.kind == "outlet" and found.speaker.name != own:
        return found.speaker.name
    i = bisect.bisect_right(ends, found.start)  # credits never overlap: their ends are sorted
    while i < len(citations) and citations[i].start <= found.end + windows.CREDIT_AFTER:
        c = citations[i]
        if not _SENTENCE_END.search(text[found.end : c.start]):
            return c.outlet
        i += 1
    return None


def _title_end(article: Article, paras: list[tuple[int, int]]) -> int:
    """Where the title line ends when the text opens with the title (given, or in title case)."""
    if not paras:
        return 0
    lo, hi = paras[0]
    if article.title and article.text.startswith(article.title.strip()):
        return min(hi, len(article.title.strip()))  # a page of one paragraph is no title
    short = sum(1 for _ in islice(_WORD.finditer(article.text, lo, hi), 26)) <= 25
    if short and is_title_case(article.text[lo:hi].rstrip(".")):
        return hi
    return 0


def _carry(
    quotes: list[Quote],
    spans: list[Span],
    found_for: dict[int, Found | None],
    text: str,
    paras: list[tuple[int, int]],
) -> list[Quote]:
    """Give quotes with no cue of their own the speaker of the quote they follow or precede."""
    out = list(quotes)
    for i in range(len(out)):  # forwards: continuations and later paragraphs of one quote
        if out[i].speaker or found_for.get(i) or i == 0:
            continue
        prev, s = out[i - 1], spans[i]
        same_para = spans[i - 1].para == s.para
        if prev.speaker and (same_para or s.continued):
            out[i] = replace(out[i], speaker=prev.speaker, rule="continued")
        elif prev.speaker and _alone(text, s, paras) and spans[i - 1].para == s.para - 1:
            out[i] = replace(out[i], speaker=prev.speaker, kind="floating", rule="paragraph-run")
    for i in range(len(out) - 2, -1, -1):  # backwards: a quote whose attribution comes later
        if out[i].speaker or found_for.get(i) or not out[i + 1].speaker:
            continue
        s, nxt = spans[i], spans[i + 1]
        between = text[s.close : nxt.open].strip()
        if s.continues or (s.para == nxt.para and not between):
            out[i] = replace(out[i], speaker=out[i + 1].speaker, rule="continued-back")
        elif _alone(text, s, paras) and nxt.para == s.para + 1:
            who = out[i + 1].speaker
            out[i] = replace(out[i], speaker=who, kind="floating", rule="paragraph-run-back")
    return out


def _alone(text: str, span: Span, paras: list[tuple[int, int]]) -> bool:
    """True when the quotation is its paragraph's only content (two characters may follow it),
    read without copying the paragraph: only the spaces around the quote are looked at."""
    lo, hi = paras[span.para]
    if _SPACES.match(text, lo, span.open).end() < span.open:
        return False
    first = _SPACES.match(text, span.close, hi).end()  # the first character after the quote
    return first + 2 >= hi or _SPACES.match(text, first + 2, hi).end() == hi
