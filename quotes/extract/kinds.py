"""Decide what a quoted span is: speech (direct, partial, headline) or not (scare quotes)."""

from __future__ import annotations

from functools import lru_cache

import regex

from quotes.extract import lexicon as lx
from quotes.extract import windows
from quotes.extract.cues import CUE, NAMING, verb_cues
from quotes.extract.lexicon import wordlist
from quotes.extract.marks import Span

_ALNUM = regex.compile(r"[\p{L}\p{N}]")
_INTRO_PUNCT = regex.compile(r"[,:]$")
_LAST_TWO = regex.compile(r"(\p{L}+)\s+(\p{L}+)\s*[,:]?\s*$")
_HEADLINE_LEAD = regex.compile(r"(?i)(?:reports?|reported|headline[sd]?|story|article|[:,])\s*$")
_NAME_BEFORE = regex.compile(r"\p{Lu}[\p{L}'’-]*[ \t]+$")
_NAME_AFTER = regex.compile(r"\s+\p{Lu}\p{Ll}")

_WORDS = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*")
# Anchored at the end and asked only whether they match: read backwards with (?r) and matched, so
# the one place a match can end is tried (a search tried every place before it as well).
_TITLE_BEFORE = regex.compile(
    r"(?r)(?i)\b(?:book|books|novel|memoir|film|movie|documentary|song|album|show|series|episode|podcast|"
    r"play|poem|musical|hashtag|slogan|titled|entitled|headlined|nicknamed|dubbed|so-called|"
    rf"known\s+as|named|(?:{lx.either(lx.ARTICLES)})\s+(?:\w+\s+){{1,2}}called|click|clicking|tap|press|select|button|"
    r"tab|menu|option|label|labeled|marked|sign\s+reading|signs\s+reading|reads?|word|words|term|phrase)"
    r"\s*[,:]?\s*$"
)
# "His full statement reads: “…”": a document's words, not a sign's or a label's.
_DOCUMENT_READS = regex.compile(r"(?P<noun>\p{L}[\p{L}-]*)\s+reads?(?:\s+in\s+full)?\s*[,:]?\s*$")
_TITLE_CONTEXT = regex.compile(r"(?i)(?:['’]s|\bon|\bin|\bwatching|\bread|\bsee|\bfrom|\bat)\s*$")
_LETTERS = regex.compile(r"\p{L}{2}(?<![@#]\p{L}*)")
_SMALL = frozenset(wordlist("a an the and or of for to in on at by with from as but nor is"))


@lru_cache(maxsize=1024)  # one quotation is read by several tests in turn
def words(text: str) -> tuple[str, ...]:
    """The words of a quotation."""
    return tuple(_WORDS.findall(text))


def is_title_case(text: str) -> bool:
    """True for headline-style capitals: "Portland Police Refused to Respond…"."""
    ws = words(text)
    if len(ws) < 4:
        return False
    content = lower = 0
    for w in ws:
        if w.casefold() in _SMALL:
            continue
        content += 1
        if not (w[0].isupper() or w[0].isdigit()):
            lower += 1
            if lower * 5 > len(ws):  # more than a fifth of all words: not a headline's capitals
                return False
    if content < 3:
        return False
    return content - lower >= 0.8 * content and not text.isupper()


def kind_of(
    text: str,
    masked: str,
    span: Span,
    sentence: tuple[int, int],
    title_end: int,
    follows_quote: bool = False,
) -> str | None:
    """direct, partial or headline for speech; None for scare quotes, titles, nicknames, labels."""
    quoted = text[span.start : span.end]
    n = len(words(quoted))
    before = masked[max(sentence[0], span.open - windows.SENTENCE) : span.open]
    after = masked[span.close : min(sentence[1], span.close + windows.CUE_AFTER)]
    lead = before.rstrip()
    if (
        _TITLE_BEFORE.match(before, _near_end(before))
        and not _speech_naming(before)
        and not _document_reads(before)
    ):
        return None
    if lead.endswith("=") or not _LETTERS.search(quoted):
        return None  # <tweet id="672425547201294336">: markup, numbers and handles
    if span.open < title_end or (
        is_title_case(quoted) and (not span.closed or _headline_cue(lead))
    ):
        return "headline"
    if _nickname(text, span) or _programme(quoted, before):
        return None
    starts_sentence = not _ALNUM.search(before) or lead.endswith((":", "\x00"))
    introduced = bool(_INTRO_PUNCT.search(lead)) and bool(
        CUE.search(before[-windows.INTRODUCTION :])
    )
    if starts_sentence or introduced or (not lead and span.continued):
        if n <= 2 and not (follows_quote or _has_cue(before, after)) and quoted[-1:] not in "?!":
            return None  # “Stuff” happens. A label, not a quotation.
        return "direct"
    if _is_title(quoted) and span.closed:
        return None  # Scribner will publish “Trump Revealed,” a biography
    if n <= 3 and not _has_cue(before, after):
        return None  # scare quotes: ‘activists’, click “see first”
    return "partial"


def _near_end(text: str) -> int:
    """Where to start looking for words that must end the text: patterns anchored at the end
    are tried from every position, so a long sentence is read from its last characters only."""
    return max(0, len(text) - windows.END_PATTERN)


def _is_title(quoted: str) -> bool:
    """Every word capitalised, as in the name of a book, a show or a slogan."""
    ws = words(quoted)
    content = [w for w in ws if w.casefold() not in _SMALL]
    return len(ws) >= 2 and bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def _has_cue(before: str, after: str) -> bool:
    """A verb of speech in the sentence, outside the quotation itself."""
    near = after[: windows.CUE_AFTER]
    return bool(verb_cues(before) or verb_cues(near) or "according to" in after[:60])


def _speech_naming(before: str) -> bool:
    """ "which he called" names in someone's voice; "a group called" merely names."""
    m = _LAST_TWO.search(before, _near_end(before))
    return (
        bool(m)
        and m[2].casefold() in NAMING
        and (m[1].casefold() in lx.PRONOUNS or m[1].casefold() == "which")
    )


def _document_reads(before: str) -> bool:
    """ "The statement reads:" introduces what a document says; "a sign that reads" a label."""
    m = _DOCUMENT_READS.search(before, _near_end(before))
    return bool(m) and m["noun"].casefold() in lx.DOC_NOUNS


def _programme(quoted: str, before: str) -> bool:
    """CNN's “State of the Union”, on “Face the Nation”: a capitalised name of a show or work."""
    ws = words(quoted)
    capital = all(w[0].isupper() or w.casefold() in _SMALL for w in ws) and ws[0][0].isupper()
    return capital and len(ws) <= 6 and bool(_TITLE_CONTEXT.search(before, _near_end(before)))


def _headline_cue(lead: str) -> bool:
    return bool(_HEADLINE_LEAD.search(lead, _near_end(lead)))


def _nickname(text: str, span: Span) -> bool:
    """John “Jack” Smith: a quoted word between two parts of a name."""
    before = text[max(0, span.open - windows.NICKNAME) : span.open]
    after = text[span.close : span.close + windows.NICKNAME]
    return bool(
        _NAME_BEFORE.search(before)
        and _NAME_AFTER.match(after)
        and len(words(text[span.start : span.end])) <= 3
    )
