"""Tie one quotation to its cue and speaker by reading the words around it in its sentence."""

from __future__ import annotations

from dataclasses import replace

import regex

from quotes.extract import after, before, rules, windows
from quotes.extract import lexicon as lx
from quotes.extract.clauses import named_before_colon, subject
from quotes.extract.engine import Found, decide
from quotes.extract.headlines import described, headline_speaker, labelled, titled
from quotes.extract.marks import Span
from quotes.extract.resolved import coreference
from quotes.extract.roster import Roster
from quotes.extract.validate import is_credit, named
from quotes.model import Speaker

# What may follow a closing attribution: where, when, through what ("in a statement, according
# to the Daily"), each phrase read once to the next comma.
_ADJUNCTS = regex.compile(
    r"(?:[\s,]*+(?:in|on|at|to|during|after|before|via|from|through|according\s+to|late|early|"
    r"last|this|earlier|later)\b[^,;:\x00]*+)*+[\s.]*$"
)
_TITLE_PARAGRAPHS = 6  # paragraphs at the top of a page where title lines are read as titles
_RELATIVE_HEAD = regex.compile(r"[\s,]*(?:who|whom|whose)\b")


def attribute(span: Span, kind: str, sentence: tuple[int, int], roster: Roster) -> Found | None:
    """The cue and speaker for a quotation from its own sentence, or None when it has none."""
    masked = roster.masked
    tail_limit = min(sentence[1], span.close + windows.TAIL)
    tail_end = masked.find("\x00", span.close, tail_limit)
    tail_end = tail_limit if tail_end < 0 else tail_end
    head_limit = max(sentence[0], span.open - windows.HEAD)
    head_start = masked.rfind("\x00", head_limit, span.open)
    head_start = head_limit if head_start < 0 else head_start + 1
    if _RELATIVE_HEAD.match(masked, head_start, span.open):
        head_start = head_limit  # "Hill, host of “The Boss,” who …, said": the subject is before
    adjacent = roster.text[span.end - 1 : span.end] in ",.!?—-" or not span.closed
    found = _after(masked, span.close, tail_end, roster, adjacent or kind != "partial")
    cited = found is not None and found.cue == "according to"  # "…,” according to reports"
    # "Vale demanded of Hale, “Get out!” Hale called it a joke.": after “…!” introduced by a cue
    # the words after begin a sentence of their own
    exclaimed = roster.text[span.end - 1 : span.end] in "!?" and masked[
        max(head_start, span.open - windows.INTRODUCTION) : span.open
    ].rstrip().endswith((",", ":"))
    if found is None or cited or exclaimed or is_credit(found.speaker, found.cue or ""):
        # "Roe alleged that … “profits over people,” according to CNN": Roe, CNN credited;
        # "She said, “…”, according to reports from the AP": she, the reports credited
        ahead = _before(masked, head_start, span.open, roster, anchored=kind != "partial")
        credited = (
            found
            and ahead
            and ahead.speaker
            and ahead.speaker.kind == "person"
            and (not cited or ahead.cue != "according to")
        )
        found = (
            ahead if found is None or credited or (exclaimed and ahead and ahead.speaker) else found
        )
    if found is None and kind == "partial" and tail_end < sentence[1]:
        found = _sentence_final(masked, span.close, sentence[1], roster)
    unfound = found is None or found.speaker is None
    title = kind == "headline" and span.para == 0
    if unfound and (title or span.para < _TITLE_PARAGRAPHS and titled(span, roster)):
        # "Obama Sees ‘Personal Insult’": a title's quote is usually its first-named person's
        headline = headline_speaker(span, roster)
        who = named(headline[0], headline[1], roster) if headline else None  # not "737 Max"
        if headline and who:
            return Found(who, None, headline[1], headline[2], "headline")
        return described(span, roster) or coreference(found, roster)
    colon = kind == "direct" and masked[head_start : span.open].rstrip().endswith(":")
    if colon and (found is None or found.speaker is None):
        found = named_before_colon(masked, head_start, span.open, roster) or found
    if (found is None or found.speaker is None) and span.para < _TITLE_PARAGRAPHS:
        found = labelled(span, roster) or found  # "Marlow Palace: talks ‘at an early stage’"
    heard = found is not None and found.rule == "passive-hearer"  # "Hale was told “…”"
    if (found is None or found.speaker is None) and (kind == "partial" or colon) and not heard:
        found = subject(masked, head_start, span.open, roster) or found
    if (found is None or found.speaker is None) and span.para < _TITLE_PARAGRAPHS:
        found = described(span, roster) or found  # "Boeing CEO to tell lawmakers: ‘…’"
    return coreference(found, roster)


def _sentence_final(masked: str, lo: int, hi: int, roster: Roster) -> Found | None:
    """The attribution closing a sentence that quotes several fragments: "… “a” into “b” in the
    US, says Hillmann." covers "a" too."""
    last = next(iter(reversed(list(after.COMMA_CUE.finditer(masked, lo, hi)))), None)
    if last is None or "\x00" not in masked[lo : last.start()]:
        return None
    found = _after(masked, last.start(), hi, roster, True)
    if found and found.speaker and _ADJUNCTS.match(masked, found.end, hi):
        return replace(found, rule="sentence-final")
    return None


def reporter(lo: int, hi: int, roster: Roster) -> Found | None:
    """Who speaks in a sentence ending at its verb of speech: "Okonkwo said" (she was leaving)."""
    return _before(roster.masked, lo, hi, roster, anchored=True)


def introducer(lo: int, hi: int, roster: Roster) -> Found | None:
    """Who a sentence ending in a colon introduces: "In a statement, the company said:"."""
    masked = roster.masked
    found = reporter(lo, hi, roster)
    if found is None or found.speaker is None:
        found = named_before_colon(masked, lo, hi, roster) or subject(masked, lo, hi, roster)
    if found is None or found.speaker is None:  # "The minister, Helen Ward, gave this statement:"
        first = roster.first_named(lo, hi)
        found = Found(first.speaker, ":", first.start, hi) if first else found
    return found


def _after(masked: str, lo: int, hi: int, roster: Roster, adjacent: bool) -> Found | None:
    """Attribution after the closing mark, by the first rule of rules.AFTER that matches."""

    def again(at: int) -> Found | None:
        return _after(masked, at, hi, roster, True)

    return decide(rules.AFTER, after.Tail(masked, lo, hi, roster, adjacent, again))


def _before(masked: str, lo: int, hi: int, roster: Roster, anchored: bool) -> Found | None:
    """Attribution before the opening mark, by the first rule of rules.BEFORE that matches."""

    def again(end: int) -> Found | None:
        return _before(masked, lo, end, roster, False)

    return decide(rules.BEFORE, before.Head(masked, lo, hi, roster, anchored, again))


def gender_of_speaker(speaker: Speaker) -> str | None:
    """'m' or 'f' for an unnamed speaker described by a gendered noun ("a spokeswoman")."""
    for word in speaker.name.casefold().split():
        if word in lx.GENDERED_NOUNS:
            return lx.GENDERED_NOUNS[word]
    return None
