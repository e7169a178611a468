"""Quotes introduced by the words before them: "In a statement, the company said:" then the quote
on its own paragraph (and, by the carry that follows, the quote paragraphs after it), or a
reported-speech sentence ("She said there was no scandal.") then a quote with no cue."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import regex

from quotes.extract import coref, validate, windows
from quotes.extract import lexicon as lx
from quotes.extract.attribution import introducer, reporter
from quotes.extract.cues import verb_cues
from quotes.extract.engine import Found
from quotes.extract.marks import Span
from quotes.extract.names import classify
from quotes.extract.phrases import speaker_of
from quotes.extract.roster import Roster, subject_pronoun
from quotes.extract.scan import trie
from quotes.model import Quote, Speaker

_DOC = trie(lx.DOC_NOUNS)
# A document introduced by the sentence before its text: "His full statement reads:".
_INTRODUCING = regex.compile(
    r"(?i)(?<![\p{L}’'-])(?P<phrase>(?:(?P<owner>his|her|their|its)\s+)?(?:[\p{L}’'.-]+\s+){0,3}?"
    rf"(?P<noun>{_DOC})(?:\s+(?:from|by|of)\s+(?P<author>[^,:;\x00\n]{{2,80}}?))?)"
    r"(?=\s+(?:is|was|reads?|says?|said|goes|went|runs?|ran|in\s+full|as\s+follows|follows|"
    r"below)\b|\s*:)"
)
# A sentence that reports someone's words without a verb of speech: "According to Ruiz, the costs
# are not high." (mid-sentence, "according to reports" credits a source of facts, not a speaker).
_ACCORDING_OPENS = regex.compile(rf"(?<![^\s])According\s+to\s+(?P<np>{lx.NAME}),")
_MARKS_BACK = regex.compile(r"(?r)[“”\"‘’']")  # read from the end of a paragraph back
_FRONTED = regex.compile(lx.FRONTED_PARTICIPLE + r"\s*")
_CAPITAL_WORD = regex.compile(r"\p{Lu}[\p{L}'’-]+")
_LABEL = regex.compile(r"\s*(\p{L}+)\s*:")
_SELF_NAMED = regex.compile(
    r"(?:(?:Hello|Hi|Good\s+(?:morning|afternoon|evening))[,.!]?\s+)?(?:I\s+am|I['’]m|My\s+name\s+is)"
    rf"\s+(?P<name>(?:{lx.CAPITALISED}\s+){{1,5}}{lx.NAME_END})"
)


def introduced(
    quotes: list[Quote],
    spans: list[Span],
    found_for: dict[int, Found | None],
    paras: list[tuple[int, int]],
    roster: Roster,
) -> list[Quote]:
    """Quotes with no speaker that open a paragraph after one ending in a colon get the speaker
    that paragraph's last sentence introduces."""
    text = roster.text

    def pick(i: int, span: Span) -> tuple[Speaker, str | None, str] | None:
        if span.para == 0 or not _opens(text, paras[span.para][0], span.open):
            return None
        start, colon = _last_sentence(text, paras[span.para - 1], roster)
        if not text[start:colon].endswith(":"):
            return None
        who = _document_author(start, colon, roster)  # before the sentence's subject: "His…"
        found = Found(who, ":", start, colon) if who else introducer(start, colon, roster)
        if not found or not found.speaker:
            return None
        found_for[i] = found
        return found.speaker, found.cue, "colon-paragraph"

    return _fill(quotes, spans, pick)


def reopened(
    quotes: list[Quote],
    spans: list[Span],
    found_for: dict[int, Found | None],
    paras: list[tuple[int, int]],
    roster: Roster,
) -> list[Quote]:
    """A quote opening a paragraph after paragraphs that open a quotation and never close it (one
    quotation over several paragraphs: each reopens it, only the last closes it) is the speaker's
    who began it: "She said: ‘We are ready. ¶ ‘We trained all year.’", or the speaker of the quote
    closing the paragraph before the open ones."""
    text = roster.text
    speakers = {spans[i].para: q for i, q in enumerate(quotes) if q.speaker}

    def pick(i: int, span: Span) -> tuple[Speaker, str | None, str] | None:
        if span.para == 0 or not _opens(text, paras[span.para][0], span.open):
            return None
        k = span.para - 1
        for _ in range(windows.OPEN_PARAGRAPHS):
            lo, hi = paras[k]
            mark = _left_open(text, lo, hi)
            if mark is None:
                break
            if text[lo:mark].strip():  # "But a spokeswoman said: ‘Talks are at an early stage."
                start = roster.sentences.bounds(mark)[0]
                intro = text[start:mark].rstrip().endswith((":", ","))  # not "PHOTO: NZME ‘…"
                found = introducer(start, mark, roster) if intro else None
                if found is None or found.speaker is None:
                    return None
                found_for[i] = found
                return found.speaker, found.cue, "open-paragraphs"
            if k == 0:
                return None
            k -= 1
        else:
            return None
        before = speakers.get(k)
        if k == span.para - 1 or before is None or before.speaker is None:
            return None
        return before.speaker, before.cue, "open-paragraphs"

    return _fill(quotes, spans, pick)


def _left_open(text: str, lo: int, hi: int) -> int | None:
    """Where the quotation a paragraph leaves open starts: its last quotation mark when that mark
    opens (a space or a colon before it, a word after it); None when the paragraph closes its
    quotes. Read back from the paragraph's end no further than windows.HEAD."""
    for m in _MARKS_BACK.finditer(text, max(lo, hi - windows.HEAD), hi):
        at = m.start()
        before = text[at - 1] if at > lo else " "
        after = text[at + 1] if at + 1 < hi else " "
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe: don’t, Jones’s
        opens = (before.isspace() or before in ":—–-(") and after.isalnum()
        return at if opens else None
    return None


def _document_author(lo: int, hi: int, roster: Roster) -> Speaker | None:
    """Who wrote the document a sentence introduces: "The full statement from the Duke and
    Duchess of Ashford is as follows:", "His statement reads in full:" (his: the last man named)."""
    m = _INTRODUCING.search(roster.masked, lo, hi)
    if m is None:
        return None
    owner = m["owner"].casefold() if m["owner"] else None
    if owner and not m["author"]:
        number = lx.PRONOUNS[owner]
        who = roster.antecedent(number, m.start()) or coref.pronoun(
            number, m.start(), roster, lambda s: validate.named(s, m.start(), roster)
        )
    else:
        who = speaker_of(m["phrase"], m.start(), roster, forward=True)
    return who if who and who.kind in ("person", "organization", "group") else None


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
    masked = roster.masked

    def pick(i: int, span: Span) -> tuple[Speaker, str | None, str] | None:
        me = _SELF_NAMED.match(quotes[i].text.lstrip("\"“‘'"))  # "Hello, I am Rick Larsen, …"
        if me and classify(me["name"]).kind == "person":
            n = classify(me["name"])
            person = roster.persons.get(n.name) or Speaker(n.name, "person", n.description)
            return person, None, "self-named"
        if quotes[i].kind != "direct" or found_for.get(i) is not None:
            return None
        lo = max(paras[span.para][0], span.open - windows.HEAD)
        if span.para > 0 and lo == paras[span.para][0]:
            start, end = _last_sentence(masked, paras[span.para - 1], roster)
            lo = start if "\x00" not in masked[start:end] else lo
        cues = verb_cues(masked, lo, span.open)
        according = _according(lo, span.open, cues, roster)
        if according:
            return according, "according to", "reported-speech"
        if not cues:
            who = _introduced_by_subject(span, paras, roster)
            return (who, None, "subject-paragraph") if who else None
        start = max(lo, roster.sentences.bounds(cues[-1].start())[0])
        for cue in (c for c in cues if c.start() >= start):  # "Lee says there are questions
            found = reporter(start, cue.end(), roster)  # to be answered": says, not answered
            if found and found.speaker and found.speaker.kind in ("person", "organization"):
                return found.speaker, found.cue, "reported-speech"
        who = _introduced_by_subject(span, paras, roster)  # "Hale echoed that call for …"
        return (who, None, "subject-paragraph") if who else None

    return _fill(quotes, spans, pick)


def _according(lo: int, hi: int, cues: list[regex.Match[str]], roster: Roster) -> Speaker | None:
    """The person or organisation of the last "According to Ruiz, …" sentence before a quote
    with no cue, when no verb of speech follows it."""
    last = None
    for m in _ACCORDING_OPENS.finditer(roster.masked, lo, hi):
        last = m
    if last is None or (cues and cues[-1].start() > last.start()):
        return None
    who = speaker_of(last["np"], last.start("np"), roster, forward=True)
    return who if who and who.kind in ("person", "organization") else None


def _fill(
    quotes: list[Quote],
    spans: list[Span],
    pick: Callable[[int, Span], tuple[Speaker, str | None, str] | None],
) -> list[Quote]:
    """The quotes, each one with no speaker given the speaker and cue `pick` finds for it."""
    out = list(quotes)
    for i, (q, span) in enumerate(zip(quotes, spans, strict=True)):
        found = None if q.speaker else pick(i, span)
        if found:
            out[i] = replace(q, speaker=found[0], cue=found[1] or q.cue, rule=found[2])
    return out


def _introduced_by_subject(
    span: Span, paras: list[tuple[int, int]], roster: Roster
) -> Speaker | None:
    """ "Civil rights attorney Ben Crump applauded the verdict." then a paragraph that is only a
    quote: the quote is the subject's, named at the start of the paragraph's last sentence."""
    text = roster.text
    lo, hi = paras[span.para]
    if span.para == 0 or not _opens(text, lo, span.open) or hi - span.close > windows.HEAD:
        return None
    if len(text[span.close : hi].strip()) > 2:
        return None
    start, end = _last_sentence(text, paras[span.para - 1], roster)
    fronted = _FRONTED.match(roster.masked, start, end)  # "Citing the studies, Vale criticized"
    start = fronted.end() if fronted and fronted.end() < end else start
    label = _LABEL.match(text, start, end)
    if label and label[1].casefold() in lx.SECTION_LABELS:
        return None  # "PHOTO: NZME": a picture's credit line introduces no one
    number = subject_pronoun(roster.masked, start)  # "She will also marry Tom Reyes."
    if number in ("m", "f", "pl"):
        who = roster.antecedent(number, start)
        who = who and validate.named(who, start, roster)
    else:
        hi = min(end, start + windows.SUBJECT)
        who = coref.subject(start, hi, roster, lambda s: validate.named(s, start, roster))
    if who is None or who.kind not in ("person", "organization", "group"):
        return None
    return None if _addressed(who, text[span.open : span.close]) else who


def _addressed(who: Speaker, quoted: str) -> bool:
    """Whether a quotation names the one it is guessed to be by ("And to Clarke, let's get
    married" is not Clarke's): people speak of themselves as "I", not by name."""
    names = {w for w in who.name.split() if len(w) > 2 and w[0].isupper()}
    return any(m[0] in names for m in _CAPITAL_WORD.finditer(quoted))


def _opens(text: str, lo: int, at: int) -> bool:
    """Whether only spaces stand between a paragraph's start and a quotation, read back from the
    quotation no further than windows.HEAD."""
    return at - lo <= windows.HEAD and not text[lo:at].strip()


def _last_sentence(text: str, para: tuple[int, int], roster: Roster) -> tuple[int, int]:
    """Where a paragraph's last sentence starts and ends (trailing spaces left out), read back
    from the paragraph's end no further than windows.HEAD."""
    lo = max(para[0], para[1] - windows.HEAD)
    end = lo + len(text[lo : para[1]].rstrip())
    return (max(lo, roster.sentences.bounds(end - 1)[0]), end) if end > lo else (end, end)
