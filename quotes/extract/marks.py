"""Find quoted spans by their marks, however the typography went wrong (odd, straight, missing)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

import regex

_ALNUM = regex.compile(r"[\p{L}\p{N}]")

# Doubled `` and '' (plain-text typesetting) are one mark; listed first to win over single marks.
# After a word, three straight marks close a nested quote and then its outer one: ' then ''.
_MARK = regex.compile(r"``|(?<=\S)'(?='')|''|[“”„‟\"«»〝〞＂]|[‘’‚‛'‹›`]")
_MARK_CHARS = "\"'`«»‘’‚‛“”„‟‹›〝〞＂"  # every character _MARK matches
# A first look at a paragraph (the standard engine skips to these characters): none, no marks.
_ANY_MARK = re.compile(f"[{re.escape(_MARK_CHARS)}]")
_ANY_SINGLE = re.compile("[‘’‚‛'‹›`]")  # the characters of single marks (_SINGLE)
_ANY_DOUBLE = re.compile("[“”„‟\"«»〝〞＂]|``|''")  # what double marks are written with
_OPEN_GLYPHS = frozenset("“„‟«〝‘‚‛‹`") | {"``"}
_CLOSE_GLYPHS = frozenset("”»〞’›") | {"''"}
_SINGLE = frozenset("‘’‚‛'‹›`")
# Words that start with an apostrophe: 'em, 'til, rock 'n' roll, '90s.
_ELISION = regex.compile(r"(?i)(?:em|til|cause|cos|cuz|tis|twas|bout|round|n|s)\b|\d")
_PARA_BREAK = regex.compile(r"\n[ \t\u00a0]*\n\s*")
_LINE_BREAK = regex.compile(r"\n\s*")
_BLANK_LINE = regex.compile(r"\n[ \t]+\n")


@dataclass(slots=True)
class Span:
    """One quoted stretch: `start`/`end` frame the words, `open`/`close` the marks around them."""

    start: int
    end: int
    open: int  # offset of the opening mark
    close: int  # offset just after the closing mark, or `end` when the quote never closes
    para: int  # index of the paragraph
    closed: bool = True
    single: bool = False  # single marks (‘...’), used for nested and headline quotes
    continues: bool = False  # paragraph ends inside the quote and the next paragraph reopens it
    continued: bool = False  # this piece reopens a quote left open by the previous paragraph
    outer: int | None = None  # index of the enclosing span for a nested quote


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph (start, end) offsets: blank-line separated when the text uses blank lines."""
    splitter = _PARA_BREAK if "\n\n" in text or _BLANK_LINE.search(text) else _LINE_BREAK
    out, pos = [], 0
    for m in splitter.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def mark_after(text: str, count: int) -> int | None:
    """Where the mark after the first `count` quotation marks and apostrophes starts; None when
    the text has no more. Their characters are counted first, far cheaper than reading them: every
    mark is one or two of them, so no more characters means no more marks (and a text no longer
    than `count` holds no more characters than that)."""
    if len(text) <= count or sum(text.count(ch) for ch in _MARK_CHARS) <= count:
        return None
    last = next(islice(_MARK.finditer(text), count, None), None)
    return last.start() if last else None


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _opens(left: str, right: str) -> bool:
    """A mark opens when space or opening punctuation is before it and a word or mark after it."""
    return (
        (_is_space(left) or left in "([{—–-/:;") and not _is_space(right) and right not in ",.;:!?)"
    )


def _closes(left: str, right: str) -> bool:
    """A mark closes when a word or punctuation is before it and space or punctuation after it."""
    return (
        not _is_space(left) and left not in "([{" and (_is_space(right) or right in ",.;:!?)]}—–-")
    )


def _double_spans(text: str, lo: int, hi: int, para: int) -> Iterator[Span]:
    """Pair the double marks of one paragraph into spans, deciding each mark's role from context;
    the marks are read as they are found, never held in a list."""
    opened: int | None = None
    opened_len = 0
    for m in _MARK.finditer(text, lo, hi):
        glyph = m[0]
        if glyph in _SINGLE:
            continue
        start, end = m.span()
        left = text[start - 1] if start > lo else ""
        right = text[end] if end < hi else ""
        ctx_open, ctx_close = _opens(left, right), _closes(left, right)
        if opened is None:
            if (
                ctx_open
                or (glyph in _OPEN_GLYPHS and not ctx_close)
                or (glyph not in _CLOSE_GLYPHS and not ctx_close and not _is_space(right))
            ):
                opened, opened_len = start, len(glyph)
            continue
        if not ctx_open:
            span = _trim(text, Span(opened + opened_len, start, opened, end, para))
            opened = None
        else:  # a clear opener while a quote is open: the previous quote lost its closer
            span = _trim(text, Span(opened + opened_len, start, opened, start, para, closed=False))
            opened, opened_len = start, len(glyph)
        if span:
            yield span
    if opened is not None:
        span = _trim(text, Span(opened + opened_len, hi, opened, hi, para, closed=False))
        if span:
            yield span


def _single_spans(text: str, lo: int, hi: int, para: int, doubles: list[Span]) -> Iterator[Span]:
    """Pair single marks into spans, leaving apostrophes (don’t, Jones’, ’90s) alone: marks inside
    a double-quoted span pair among themselves (nested quotes), the others among themselves."""
    outside: int | None = None  # the opening mark waiting for its closer outside double quotes
    inside: int | None = None  # the same inside the current double-quoted span
    j = -1  # the double-quoted span the last mark was in, or the one before it
    for m in _MARK.finditer(text, lo, hi):
        if m[0] not in _SINGLE:
            continue
        pos = m.start()
        k = j if j >= 0 else 0
        while k < len(doubles) and _upper(doubles[k]) <= pos:
            k += 1
        within = k < len(doubles) and doubles[k].open < pos
        if within and k != j:
            inside, j = None, k  # a new double-quoted span: nothing is open in it yet
        a, b = (doubles[k].start, doubles[k].end) if within else (lo, hi)
        left = text[pos - 1] if pos > a else ""
        right = text[pos + 1] if pos + 1 < b else ""
        if left.isalnum() and right.isalnum():
            continue  # don’t, PPB’s, D’Souza
        opened = inside if within else outside
        if opened is None:
            if _opens(left, right) and not _ELISION.match(text, pos + 1):
                opened = pos
        elif _closes(left, right):
            span = _trim(text, Span(opened + 1, pos, opened, pos + 1, para, single=True))
            if span:
                span.outer = k if within else None
                yield span
            opened = None
        if within:
            inside = opened
        else:
            outside = opened


def _upper(span: Span) -> int:
    """The first offset after those a mark can be inside the span at."""
    return span.close if span.closed else span.end + 1


def _trim(text: str, span: Span) -> Span | None:
    """Drop the spaces inside the marks; None when nothing but spaces and marks is left."""
    inner = text[span.start : span.end]
    stripped = inner.strip()
    if not stripped or not _ALNUM.search(stripped):
        return None
    span.start += len(inner) - len(inner.lstrip())
    span.end = span.start + len(stripped)
    if not span.closed:
        span.close = span.end
    return span


def find_spans(
    text: str,
    limit: int | None = None,
    end: int | None = None,
    paras: list[tuple[int, int]] | None = None,
) -> list[Span]:
    """Every quoted span in the text, in order: double-mark quotes, single-mark quotes outside them,
    plus single-mark quotes nested inside double ones (with `outer` set). With a `limit`, reading
    stops once more than `limit` spans are found (one more, so a caller sees the cap was hit);
    with an `end`, no mark from there on is read. Pass the text's `paras` when they are known."""
    out: list[Span] = []
    paras = paragraphs(text) if paras is None else paras
    for p, (lo, hi) in enumerate(paras):
        if end is not None and lo >= end:
            break
        hi = hi if end is None else min(hi, end)
        if not _ANY_MARK.search(text, lo, hi):
            continue  # most paragraphs quote nobody
        room = None if limit is None else limit + 1 - len(out)
        doubles = (  # most paragraphs with a mark have apostrophes only
            list(islice(_double_spans(text, lo, hi, p), room))
            if _ANY_DOUBLE.search(text, lo, hi)
            else []
        )
        stop = doubles[-1].close if room is not None and len(doubles) == room else hi
        singles = (
            list(islice(_single_spans(text, lo, stop, p, doubles), room))
            if _ANY_SINGLE.search(text, lo, stop)
            else []
        )
        out.extend(sorted(doubles + singles, key=lambda s: s.open)[:room])
        if limit is not None and len(out) > limit:
            break
    _link_paragraphs(text, out, paras)
    return out


def _link_paragraphs(text: str, spans: list[Span], paras: list[tuple[int, int]]) -> None:
    """Mark an unclosed quote whose next paragraph opens with a mark as one quote."""
    first_in_para: dict[int, Span] = {}
    for s in spans:
        if s.outer is None and not s.single:
            first_in_para.setdefault(s.para, s)
    for s in spans:
        if s.closed or s.single or s.outer is not None:
            continue
        nxt = first_in_para.get(s.para + 1)
        if nxt is not None and nxt.open == paras[s.para + 1][0]:
            s.continues = True
            nxt.continued = True
