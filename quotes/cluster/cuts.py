"""Quotations cut inside a word: a page or a feed that truncates its text may stop mid-word ("We
will refund every dri") or, more rarely, start mid-word. Beside a quotation that has the whole
word, the stub stands for that word: the two are one quotation, and the stub's quote is cut
there (alterations' truncated_end or truncated_start), never a changed word.

A stub is recognised against one other wording only: the wording's last word is a strict
prefix (its first word a strict suffix) of the other's word in the same place, where the word
beside it is the same in both and the two words as written together appear nowhere in the
other. Whether the rest of the quotation is held is for the caller's usual test (joins,
pieces, alterations), run on the wording with its stub completed. Each look costs one pass over
the other wording's words, plus at most BACK words compared per place, so it stays linear.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from quotes.cluster.normalise import Tokens

if TYPE_CHECKING:  # wordings.py reads fragments.py, which reads this module
    from quotes.cluster.wordings import Wording

MIN_STUB = 2  # letters a stub keeps: one letter ("a", "I") is a word more often than a stub
BACK = 8  # words compared beside a stub to choose between places that fit
# What may follow a stub at a quotation's end (or come before one at its start): a word that
# ends in a full stop, a comma or a dash is whole.
_AROUND = " \t\n\r\u00a0\"'“”‘’«»"


class Cut(NamedTuple):
    """Stubs of one wording completed against another: the place in the other of the word the
    last (`end`) or first (`start`) word was cut from, None where it was not cut."""

    start: int | None
    end: int | None


NO_CUT = Cut(None, None)


def cuts(short: Tokens, short_code: str, long: Tokens, long_code: str) -> Cut:
    """Where `short`'s edge words were cut from words of `long`, if they were."""
    n = len(short.words)
    end = start = None
    if short_code[-2:] not in long_code and may_be_stub(short, n - 1):
        end = _place(short.words, long.words, short_code[-2], long_code, at_end=True)
    if short_code[:2] not in long_code and may_be_stub(short, 0):
        start = _place(short.words, long.words, short_code[1], long_code, at_end=False)
    if start is not None and end is not None and end <= start:
        return NO_CUT
    return Cut(start, end)


def completed(short: Wording, long: Wording) -> Wording:
    """`short` with its stubs replaced by the words of `long` they were cut from (itself when
    none is), for comparing the two."""
    found = cuts(short.tokens, short.code, long.tokens, long.code)
    if found == NO_CUT:
        return short
    tokens, code = filled(short.tokens, short.code, long.tokens, long.code, found)
    return replace(short, tokens=tokens, code=code)


def filled(
    short: Tokens, short_code: str, long: Tokens, long_code: str, found: Cut
) -> tuple[Tokens, str]:
    """`short`'s tokens and code with each stub `found` replaced by the word of `long` it was
    cut from, as written there too."""
    words, surface, code = list(short.words), list(short.surface), list(short_code)
    for k, p in ((0, found.start), (len(words) - 1, found.end)):
        if p is not None:
            words[k], surface[k], code[k] = long.words[p], long.surface[p], long_code[p]
    return replace(short, words=tuple(words), surface=tuple(surface)), "".join(code)


def may_be_stub(tokens: Tokens, k: int) -> bool:
    """Whether word k, the first or the last of a wording of two words or more, may be a stub:
    long enough, with nothing but spaces and quotation marks beyond it."""
    n = len(tokens.words)
    if n < 2 or k not in (0, n - 1) or len(tokens.words[k]) < MIN_STUB:
        return False
    return not tokens.seps[0 if k == 0 else n].strip(_AROUND)


def _place(
    short: tuple[str, ...], long: tuple[str, ...], beside: str, long_code: str, at_end: bool
) -> int | None:
    """The place in `long` of the word `short`'s last (`at_end`) or first word was cut from:
    the word beside it is `beside` (a code), and of the places that fit, the one agreeing with
    `short` over the most words beside it."""
    stub = short[-1] if at_end else short[0]
    best, best_run = None, -1
    at = long_code.find(beside)
    while at >= 0:
        p = at + 1 if at_end else at - 1
        if 0 <= p < len(long):
            word = long[p]
            fits = word.startswith(stub) if at_end else word.endswith(stub)
            if fits and len(word) > len(stub):
                run = _agreeing(short, long, p, at_end)
                if run > best_run:
                    best, best_run = p, run
        at = long_code.find(beside, at + 1)
    return best


def _agreeing(short: tuple[str, ...], long: tuple[str, ...], p: int, at_end: bool) -> int:
    """Words beside the stub that `short` and `long` (at place p) have alike, up to BACK."""
    run = 0
    for k in range(1, min(BACK, len(short) - 1) + 1):
        mine = short[-1 - k] if at_end else short[k]
        q = p - k if at_end else p + k
        if not 0 <= q < len(long) or long[q] != mine:
            break
        run += 1
    return run
