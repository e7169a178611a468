"""Find quoted spans by their marks, however the typography went wrong (odd, straight, missing)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

_ALNUM = regex.compile(r"[\p{L}\p{N}]")

# Doubled `` and '' (plain-text typesetting) are one mark; listed first to win over single marks.
# After a word, three straight marks close a nested quote and then its outer one: ' then ''.
_MARK = regex.compile(r"``|(?<=\S)'(?='')|''|[“”„‟\"«»〝〞＂]|[‘’‚‛'‹›`]")
_OPEN_GLYPHS = frozenset("“„‟«〝‘‚‛‹`") | {"``"}
_CLOSE_GLYPHS = frozenset("”»〞’›") | {"''"}
_SINGLE = frozenset("‘’‚‛'‹›`")
# Words that start with an apostrophe: 'em, 'til, rock 'n' roll, '90s.
_ELISION = regex.compile(r"(?i)(?:em|til|cause|cos|cuz|tis|twas|bout|round|n|s)\b|\d")
_PARA_BREAK = regex.compile(r"\n[ \t\u00a0]*\n\s*")
_LINE_BREAK = regex.compile(r"\n\s*")
_BLANK_LINE = regex.compile(r"\n[ \t]+\n")


@dataclass
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


def _double_spans(text: str, lo: int, hi: int, para: int, marks: list[regex.Match]) -> list[Span]:
    """Pair the double marks of one paragraph into spans, deciding each mark's role from context."""
    spans: list[Span] = []
    opened: int | None = None
    opened_len = 0
    for m in marks:
        glyph = m[0]
        left = text[m.start() - 1] if m.start() > lo else ""
        right = text[m.end()] if m.end() < hi else ""
        ctx_open, ctx_close = _opens(left, right), _closes(left, right)
        if opened is None:
            if (
                ctx_open
                or (glyph in _OPEN_GLYPHS and not ctx_close)
                or (glyph not in _CLOSE_GLYPHS and not ctx_close and not _is_space(right))
            ):
                opened, opened_len = m.start(), len(glyph)
            continue
        if not ctx_open:
            spans.append(Span(opened + opened_len, m.start(), opened, m.end(), para))
            opened = None
        else:  # a clear opener while a quote is open: the previous quote lost its closer
            spans.append(
                Span(opened + opened_len, m.start(), opened, m.start(), para, closed=False)
            )
            opened, opened_len = m.start(), len(glyph)
    if opened is not None:
        spans.append(Span(opened + opened_len, hi, opened, hi, para, closed=False))
    return spans


def _single_spans(text: str, lo: int, hi: int, para: int, marks: list[regex.Match]) -> list[Span]:
    """Pair single marks into spans, leaving apostrophes (don’t, Jones’, ’90s) alone."""
    spans: list[Span] = []
    opened: int | None = None
    for m in marks:
        left = text[m.start() - 1] if m.start() > lo else ""
        right = text[m.end()] if m.end() < hi else ""
        if left.isalnum() and right.isalnum():
            continue  # don’t, PPB’s, D’Souza
        if opened is None:
            if _opens(left, right) and not _ELISION.match(text, m.end()):
                opened = m.start()
            continue
        if _closes(left, right):
            spans.append(Span(opened + 1, m.start(), opened, m.end(), para, single=True))
            opened = None
    return spans


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


def _inside(spans: list[Span], pos: int) -> int | None:
    for i, s in enumerate(spans):
        if s.open < pos < s.close or (not s.closed and s.open < pos <= s.end):
            return i
    return None


def find_spans(text: str) -> list[Span]:
    """Every quoted span in the text, in order: double-mark quotes, single-mark quotes outside them,
    plus single-mark quotes nested inside double ones (with `outer` set)."""
    out: list[Span] = []
    paras = paragraphs(text)
    for p, (lo, hi) in enumerate(paras):
        marks = list(_MARK.finditer(text, lo, hi))
        if not marks:
            continue
        doubles = [m for m in marks if m[0] not in _SINGLE]
        spans = [s for s in _double_spans(text, lo, hi, p, doubles) if _trim(text, s)]
        singles = [m for m in marks if m[0] in _SINGLE]
        groups: dict[int | None, list[regex.Match]] = {}
        for m in singles:
            groups.setdefault(_inside(spans, m.start()), []).append(m)
        nested: list[Span] = []
        for outer, ms in groups.items():
            a, b = (lo, hi) if outer is None else (spans[outer].start, spans[outer].end)
            for s in _single_spans(text, a, b, p, ms):
                if _trim(text, s):
                    s.outer = outer
                    nested.append(s)
        out.extend(sorted(spans + nested, key=lambda s: s.open))
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
