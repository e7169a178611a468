"""How a variant differs from its cluster's canonical wording, as word-level operations.

Operations (Alteration.op), positions in words of the canonical and the variant:
  case             same words, different capitals ("Mayor" for "mayor")
  typography       same words, different apostrophes, dashes or punctuation between them
  truncated_start  canonical words missing before the variant's first word
  truncated_end    canonical words missing after the variant's last word (a variant cut
                   inside a word keeps its stub: `variant` holds it, `canonical` the whole
                   word and those after it; truncated_start likewise, cuts.py)
  elision          canonical words missing inside; `variant` holds the mark ("…", "[…]")
                   when the writer marked the cut, and is empty when they did not
  bracket          words the variant puts in square brackets ("[calls]"), alone or in place
                   of canonical words
  substitution     canonical words replaced by others (both sides given)
  insertion        variant words the canonical does not have
  splice           variant words taken from a quotation of another cluster; the provenance
                   table links the quote to that quotation (kind 'splice')
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import regex

from quotes.cluster.cuts import NO_CUT, Cut, cuts, filled
from quotes.cluster.normalise import (
    Tokens,
    Vocabulary,
    elision_mark,
    plain_sep,
    tokenise,
    typographic_form,
)
from quotes.cluster.verify import Block, align
from quotes.model import Alteration

_SPACES = regex.compile(r"\s+")
Emit = Callable[[str, int, int, int, int], None]
MINOR_OPS = frozenset({"case", "typography"})
# When both sides of a gap at either end are this short, it reads as changed words, not a cut.
_SHORT_GAP = 3


@dataclass(frozen=True)
class Side:
    """A wording as tokens plus its encoded words, for alignment."""

    tokens: Tokens
    code: str


def alterations(
    quote_id: str, canonical: Side, variant: Side, splice: tuple[int, int] | None = None
) -> list[Alteration]:
    """Every difference between `variant` and `canonical`, in canonical order. A variant cut
    inside its last or first word (cuts.py) is truncated there, its stub no changed word."""
    found = (
        NO_CUT if splice else cuts(variant.tokens, variant.code, canonical.tokens, canonical.code)
    )
    if found != NO_CUT:
        whole = _whole(variant, canonical, found)
        blocks = _tidy(_blocks(canonical.code, whole.code), canonical.code, whole.code)
        places = [(0, found.start), (len(variant.code) - 1, found.end)]
        stubs = [(k, p) for k, p in places if p is not None]
        if all(_matched(blocks, k, p) for k, p in stubs):
            out = _compared(quote_id, canonical, whole, None)
            for k, p in stubs:
                out = _stub_cut(out, quote_id, canonical.tokens, variant.tokens, k, p)
            return sorted(out, key=lambda a: (a.canonical_start, a.variant_start, a.op))
    return _compared(quote_id, canonical, variant, splice)


def _whole(variant: Side, canonical: Side, found: Cut) -> Side:
    """The variant with each stub replaced by the canonical word it was cut from, as written."""
    return Side(*filled(variant.tokens, variant.code, canonical.tokens, canonical.code, found))


def _matched(blocks: Sequence[Block], k: int, p: int) -> bool:
    """Whether the variant's word k is aligned with the canonical's word p."""
    return any(b <= k < b + n and a + k - b == p for a, b, n in blocks)


def _stub_cut(
    found: list[Alteration], quote_id: str, c: Tokens, v: Tokens, k: int, p: int
) -> list[Alteration]:
    """The alterations of a variant whose word k, a stub of the canonical's word p, was taken
    whole: the truncation at that end begins at word p and keeps the stub as its variant, and
    no change within a run of same words reaches the stub any more."""
    at_end = k > 0
    op = "truncated_end" if at_end else "truncated_start"
    out: list[Alteration] = []
    cut = None
    for a in found:
        if a.op == op:
            cut = a
            continue
        if a.variant_start <= k < a.variant_end:  # a run of case or typography changes
            if a.variant_end - a.variant_start == 1:
                continue
            if at_end:
                a = replace(a, canonical_end=a.canonical_end - 1, variant_end=k)
            else:
                a = replace(a, canonical_start=a.canonical_start + 1, variant_start=k + 1)
            a = replace(
                a,
                canonical=span_text(c, a.canonical_start, a.canonical_end),
                variant=span_text(v, a.variant_start, a.variant_end),
            )
        out.append(a)
    begin, end = (
        (p, cut.canonical_end if cut else p + 1)
        if at_end
        else (cut.canonical_start if cut else p, p + 1)
    )
    out.append(
        Alteration(quote_id, op, span_text(c, begin, end), v.surface[k], begin, end, k, k + 1)
    )
    return out


def _compared(
    quote_id: str, canonical: Side, variant: Side, splice: tuple[int, int] | None
) -> list[Alteration]:
    """Every difference between `variant` and `canonical`, word for word, in canonical order."""
    c, v = canonical.tokens, variant.tokens
    out: list[Alteration] = []

    def emit(op: str, cs: int, ce: int, vs: int, ve: int, variant_text: str | None = None) -> None:
        text = span_text(v, vs, ve) if variant_text is None else variant_text
        if op == "bracket":
            text = f"[{text}]"
        out.append(Alteration(quote_id, op, span_text(c, cs, ce), text, cs, ce, vs, ve))

    def kept_inside(cs: int, ce: int, vs: int, ve: int, where: str) -> bool:
        """A few words where the quote starts or stops that the cut words hold, in a row, were
        kept: the words between them and the rest of the quote were elided ("Even time …
        groustquo" of "Even time Kalher for contract groustquo safety")."""
        run = variant.code[vs:ve]
        at = (canonical.code.find if where == "end" else canonical.code.rfind)(run, cs, ce)
        if at < 0:
            return False
        n = ve - vs
        if where == "end":
            mark = elision_mark(v.seps[vs]) if vs in v.elided else ""
            if at > cs:
                emit("elision", cs, at, vs, vs, mark)
            _same_words(c, v, at, vs, n, emit)
            if at + n < ce:
                emit("truncated_end", at + n, ce, ve, ve)
        else:
            mark = elision_mark(v.seps[ve]) if ve in v.elided else ""
            if at > cs:
                emit("truncated_start", cs, at, vs, vs)
            _same_words(c, v, at, vs, n, emit)
            if at + n < ce:
                emit("elision", at + n, ce, ve, ve, mark)
        return True

    def gap(cs: int, ce: int, vs: int, ve: int, where: str) -> None:
        if splice and splice[0] < ve and vs < splice[1]:
            s0, s1 = max(vs, splice[0]), min(ve, splice[1])
            emit("splice", cs, cs, s0, s1)
            vs, ve = (s1, ve) if s0 == vs else (vs, s0)
        inside = [k for k in range(vs, ve) if k in v.bracketed]
        k = len(inside)
        whole = bool(inside) and k == ve - vs
        if inside and inside[0] in (vs, ve - k) and (not whole or where != "middle"):
            # Bracketed words at one side of the gap stand in for as many canonical words
            # there; canonical words left over at either end of the quote were cut off.
            # Inside the quote they stand for one word at least: an editor's brackets replace.
            take = max(min(1, ce - cs) if where == "middle" else 0, (ce - cs) - (ve - vs - k))
            cut = take - min(take, k) if where != "middle" else 0
            take -= cut
            if inside[0] == vs and not (whole and where == "end"):
                emit("bracket", cs + cut, cs + cut + take, vs, vs + k)
                gap(cs, cs + cut, vs, vs, where)
                gap(cs + cut + take, ce, vs + k, ve, "middle" if where == "start" else where)
            else:
                emit("bracket", ce - cut - take, ce - cut, ve - k, ve)
                gap(cs, ce - cut - take, vs, ve - k, "middle" if where == "end" else where)
                gap(ce - cut, ce, ve, ve, where)
            return
        if inside and ce - cs == ve - vs and inside[-1] - inside[0] == k - 1:
            # Words replaced one for one: bracketed ones inside stand for the words in their place.
            at = inside[0] - vs
            gap(cs, cs + at, vs, vs + at, "start" if where == "start" else "middle")
            emit("bracket", cs + at, cs + at + k, vs + at, vs + at + k)
            gap(cs + at + k, ce, vs + at + k, ve, "end" if where == "end" else "middle")
            return
        has_c, has_v = ce > cs, ve > vs
        if (
            where != "middle"
            and has_c
            and 0 < ve - vs <= _SHORT_GAP
            and kept_inside(cs, ce, vs, ve, where)
        ):
            return
        added = "bracket" if has_v and all(k in v.bracketed for k in range(vs, ve)) else "insertion"
        if not has_c:
            if has_v:
                emit(added, cs, cs, vs, ve)
        elif where == "middle" and (not has_v or vs in v.elided):
            mark = elision_mark(v.seps[vs]) if vs in v.elided else ""
            # Words after the mark, fewer than were cut, stand for the last of the cut words.
            k = ve - vs if added == "insertion" and ve - vs < ce - cs else 0
            emit("elision", cs, ce - k, vs, vs, mark)
            if k:
                emit("substitution", ce - k, ce, vs, ve)
            elif has_v:
                emit(added, ce, ce, vs, ve)
        elif where == "middle" and ve in v.elided and ve - vs < ce - cs:
            # Words before the mark, fewer than were cut, stand for the first of the cut words.
            k = ve - vs
            emit("substitution" if added == "insertion" else added, cs, cs + k, vs, ve)
            emit("elision", cs + k, ce, ve, ve, elision_mark(v.seps[ve]))
        elif where != "middle" and not has_v:
            emit(f"truncated_{where}", cs, ce, vs, vs)
        elif added == "bracket":
            emit("bracket", cs, ce, vs, ve)
        elif where == "middle" or (ce - cs <= _SHORT_GAP and ve - vs <= _SHORT_GAP):
            # More words than were replaced: as many changed, the rest added.
            m = min(ve - vs, ce - cs)
            emit("substitution", cs, ce, vs, vs + m if ve - vs > ce - cs else ve)
            if ve - vs > ce - cs:
                emit("insertion", ce, ce, vs + m, ve)
        elif ve - vs <= _SHORT_GAP:
            # A few words of the variant's own at a cut end replace as many canonical words
            # next to the kept ones; the canonical words beyond them were cut off.
            k = ve - vs
            if where == "start":
                emit("truncated_start", cs, ce - k, vs, vs)
                emit("substitution", ce - k, ce, vs, ve)
            else:
                emit("substitution", cs, cs + k, vs, ve)
                emit("truncated_end", cs + k, ce, ve, ve)
        elif where == "start":
            emit("truncated_start", cs, ce, vs, vs)
            emit("insertion", ce, ce, vs, ve)
        else:
            emit("insertion", cs, cs, vs, ve)
            emit("truncated_end", cs, ce, ve, ve)

    blocks = _tidy(_blocks(canonical.code, variant.code), canonical.code, variant.code)
    if splice and not _mostly_new(splice, blocks):
        splice = None
    prev_c = prev_v = 0
    for n, (a0, b0, size) in enumerate(blocks):
        gap(prev_c, a0, prev_v, b0, "start" if n == 0 else "middle")
        _same_words(c, v, a0, b0, size, emit)
        prev_c, prev_v = a0 + size, b0 + size
    gap(prev_c, len(c), prev_v, len(v), "end" if blocks else "middle")
    return _joined(sorted(out, key=lambda a: (a.canonical_start, a.variant_start, a.op)), c, v)


def _blocks(code: str, other: str) -> tuple[Block, ...]:
    """The words two wordings share, in order; a wording printed whole inside the other is
    one run, where alignment may have matched its words apart ("one China" in "There is but
    one China in the world … the government of China")."""
    blocks = align(code, other).blocks
    at = code.find(other) if other and sum(n for _, _, n in blocks) < len(other) else -1
    return ((at, 0, len(other)),) if at >= 0 else blocks


def _mostly_new(span: tuple[int, int], blocks: Sequence[Block]) -> bool:
    """Whether the canonical lacks most words of a run taken from another quotation: the
    words it has in place are the quote's own ("at the end of any day" for "of the day")."""
    kept = sum(max(0, min(span[1], b + n) - max(span[0], b)) for _, b, n in blocks)
    return 2 * kept < span[1] - span[0]


def _joined(found: list[Alteration], c: Tokens, v: Tokens) -> list[Alteration]:
    """Merge touching alterations of one kind: "[federal]" then "[officers]" is one bracket."""
    out: list[Alteration] = []
    for a in found:
        last = out[-1] if out else None
        if (
            last
            and last.op == a.op
            and a.op not in ("elision", "splice")
            and last.canonical_end == a.canonical_start
            and last.variant_end == a.variant_start
        ):
            variant = span_text(v, last.variant_start, a.variant_end)
            out[-1] = replace(
                last,
                canonical=span_text(c, last.canonical_start, a.canonical_end),
                variant=f"[{variant}]" if a.op == "bracket" else variant,
                canonical_end=a.canonical_end,
                variant_end=a.variant_end,
            )
        else:
            out.append(a)
    return out


def _tidy(blocks: tuple[Block, ...], code: str, other: str) -> list[Block]:
    """Slide matched runs across repeated words so cuts read simply, take in equal words at
    the edges of each gap, then join touching runs.

    "it is what it is any" cut to "it is any" matches the first "it is" and leaves a cut in the
    middle; sliding it onto the second "it is" leaves one cut at the start instead.
    """
    out = list(blocks)
    for i in range(len(out) - 1):
        (a0, b0, n), (a1, b1, _) = out[i], out[i + 1]
        if b0 + n == b1 and a1 > a0 + n and code[a1 - n : a1] == code[a0 : a0 + n]:
            out[i] = (a1 - n, b0, n)
    for i in range(len(out) - 1, 0, -1):
        (a0, b0, n), (a1, b1, m) = out[i - 1], out[i]
        if b0 + n == b1 and a1 > a0 + n and code[a0 + n : a0 + n + m] == code[a1 : a1 + m]:
            out[i] = (a0 + n, b1, m)
    joined: list[Block] = []
    for a, b, n in _edges_taken(out, code, other):
        if joined and joined[-1][0] + joined[-1][2] == a and joined[-1][1] + joined[-1][2] == b:
            joined[-1] = (joined[-1][0], joined[-1][1], joined[-1][2] + n)
        else:
            joined.append((a, b, n))
    return joined


def _edges_taken(blocks: list[Block], a: str, b: str) -> list[Block]:
    """The same word on both sides at the edge of a gap is kept, not changed: an editor who
    cuts or rewords leaves the words around the change alone (alignment may have matched
    a repeated word elsewhere, or dropped it as a lone match). The edge beside kept words is
    taken first, so a cut end stays a cut."""
    out: list[Block] = []
    prev_a = prev_b = 0
    for a0, b0, n in [*blocks, (len(a), len(b), 0)]:
        i, j, x, y = prev_a, prev_b, a0, b0
        for edge in ("end", "start") if not out else ("start", "end"):
            if edge == "start":
                while i < x and j < y and a[i] == b[j]:
                    i, j = i + 1, j + 1
            else:
                while x > i and y > j and a[x - 1] == b[y - 1]:
                    x, y = x - 1, y - 1
        if i > prev_a:
            out.append((prev_a, prev_b, i - prev_a))
        if x < a0:
            out.append((x, y, a0 - x))
        if n:
            out.append((a0, b0, n))
        prev_a, prev_b = a0 + n, b0 + n
    return out


def _same_words(c: Tokens, v: Tokens, a0: int, b0: int, size: int, emit: Emit) -> None:
    """Case, typography and bracket changes within a run of matching words, merged into runs."""
    ops: list[str | None] = [_word_change(c, v, a0 + k, b0 + k) for k in range(size)]
    for k in range(1, size):
        # Punctuation changed between two words: both words show where.
        if _sep(c.seps[a0 + k]) != _sep(v.seps[b0 + k]):
            ops[k - 1] = ops[k - 1] or "typography"
            ops[k] = ops[k] or "typography"
    start = 0
    for k in range(1, size + 1):
        if k == size or ops[k] != ops[start]:
            op = ops[start]
            if op:
                emit(op, a0 + start, a0 + k, b0 + start, b0 + k)
            start = k


def _word_change(c: Tokens, v: Tokens, ca: int, vb: int) -> str | None:
    if vb in v.bracketed and ca not in c.bracketed:
        return "bracket"
    a, b = c.surface[ca], v.surface[vb]
    if a == b:
        return None
    ta, tb = typographic_form(a), typographic_form(b)
    return "case" if ta != tb and ta.casefold() == tb.casefold() else "typography"


def span_text(tokens: Tokens, start: int, end: int) -> str:
    """Words start..end as written, with the punctuation between them."""
    parts = []
    for k in range(start, end):
        if k > start:
            parts.append(_SPACES.sub(" ", tokens.seps[k]))
        parts.append(tokens.surface[k])
    return "".join(parts)


def _sep(sep: str) -> str:
    return plain_sep(sep).replace("[", "").replace("]", "")


def is_substantive(alteration: Alteration) -> bool:
    """Whether a change alters wording, rather than capitals or punctuation alone."""
    return alteration.op not in MINOR_OPS


def readable_diff(canonical: str, variant: str) -> str:
    """The canonical wording with a variant's changes marked in braces, for people to read.

    {old → new} for a changed, re-cased or re-punctuated word, {−words} for words cut
    (elision, truncation), {+words} for words added:
    "few things as dangerous or as unpredictable {as → than} an angry mob".
    """
    vocab = Vocabulary()
    sides = [Side(t, vocab.encode(t.words)) for t in (tokenise(canonical), tokenise(variant))]
    c = sides[0].tokens
    parts: list[str] = []
    at = 0
    for a in alterations("", sides[0], sides[1]):
        if a.canonical_start > at:
            parts.append(span_text(c, at, a.canonical_start))
        if a.op in ("insertion", "splice"):
            parts.append(f"{{+{a.variant}}}")
        elif a.op in ("elision", "truncated_start", "truncated_end"):
            parts.append(f"{{−{a.canonical}}}")
        else:
            parts.append(f"{{{a.canonical} → {a.variant}}}")
        at = max(at, a.canonical_end)
    if at < len(c):
        parts.append(span_text(c, at, len(c)))
    return " ".join(parts)
