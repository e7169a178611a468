"""The attribution rules that read after a quotation's closing mark: "…,” Lee said", "…,” said
Lee", "… — Lee". Each returns a Found when it matches (NOBODY when it matches and names no one),
None when it does not; quotes/extract/rules.py orders them."""

from __future__ import annotations

from collections.abc import Callable

import regex

from quotes.extract import lexicon as lx
from quotes.extract import windows
from quotes.extract.clauses import DETERMINER_END, clause_tail, cue_text, without_trailing_aux
from quotes.extract.cues import AUX, VERB_PHRASE, verb_cues
from quotes.extract.engine import NOBODY, Found, Reading
from quotes.extract.phrases import speaker_of
from quotes.extract.roster import Roster

_HE = lx.either(lx.THIRD_PERSON_SUBJECTS)
_STOP = regex.compile(r"[.!?](?:\s|$)")
_LEADING = regex.compile(r"^[\s,;]*")
_DASH = regex.compile(r"^[\s.,]*(?:—|–|―|--|-)\s*(?P<np>\p{Lu}[^\x00\n]{1,80}?)\s*\.?\s*$")
# A line's credit after a colon: "‘We are ready’: Vale" (a name and nothing else, so that
# "‘…’: Harbor Board condemns the visit" is a sentence, not a credit).
_COLON_LABEL = regex.compile(
    rf"^:[ \t]*(?P<np>(?:{lx.CAPITALISED}[ \t]+){{0,4}}{lx.NAME_END})[ \t]*(?:\n|$)"
)
# A title's quote, a colon and a sentence of its own whose named subject did what the quote says:
# "‘We will not back down’: Harbor Workers Union rejects the offer" (a line with no full stop).
_COLON_SUBJECT = regex.compile(
    rf"^:[ \t]+(?P<np>{lx.NAME})[ \t]+(?P<verb>\p{{Ll}}{{3,}}s)\b[^\n.!?\x00]*(?:\n|$)"
)
_MASKED_BACK = regex.compile(r"(?r)\x00*")  # a masked quotation, read back from its end
_ACCORDING = regex.compile(rf"^[\s,;]*(?:{AUX})*according\s+to\s+(?P<np>[^.;\x00\n]+)", regex.I)
_CUE_FIRST = regex.compile(rf"^[\s,;]*(?:{AUX})*(?P<cue>{VERB_PHRASE})\b(?P<np>[^\x00\n]*)")
PARTICIPLE = regex.compile(r"^\p{L}+ing$")  # "adding", but not "is quoted as saying"
# A past-tense verb with its object: "seized upon the …" ("retired Air Force general" is a role).
_PAST_VERB = regex.compile(
    r"(?<![\p{L}-])\p{Ll}{3,}ed\s+(?:upon|the|a|an|to|with|by|on|in|that|it|him|her|them|his|its)\b"
)
_NAME_SAID = regex.compile(
    rf"^\s*(?:{lx.NAME}|{_HE})\s+(?:{AUX})*(?:said|says|added|adds|wrote|writes)\s*[,.;]"
)
COMMA_CUE = regex.compile(
    rf",\s+(?=(?:{AUX})*{VERB_PHRASE}\b|(?:[Tt]he\s+)?(?:\p{{Lu}}\S*\s+){{1,4}}{VERB_PHRASE}\b|"
    rf"(?:[Tt]he|an?)\s+(?:[\p{{L}}-]+\s+){{1,6}}?{VERB_PHRASE}\b)"
)
_SUBORDINATE = regex.compile(rf"(?i)\b(?:{lx.either(w for w in lx.SUBORDINATORS if w != 'as')})\b")
_NAME_VERB = regex.compile(
    rf"[\s,]*(?P<np>{lx.NAME}|{_HE})\s+(?P<verb>\p{{Ll}}{{3,}}ed)(?:\s+\p{{Ll}}+ly)?(?:\s*[.,]|\s+and\b)"
)  # "Paul Smith, who …, said": appositive parts are read one by one
_LAST_NAME = regex.compile(rf",\s+(?P<np>{lx.NAME}|{_HE})\s*$")
_ABBREVIATION = regex.compile(
    rf"\b(?:\p{{Lu}}\.){{1,3}}|\b(?:\p{{Lu}}\p{{Ll}}{{0,3}}\.)(?=\s+\p{{Lu}})|\b(?:{lx.either(lx.SUFFIXES)})\."
)


class Tail(Reading):
    """The words after one closing mark, as the rules read them; `again` attributes from a later
    offset of the same tail (a comma that hands over to the attribution)."""

    def __init__(
        self,
        masked: str,
        lo: int,
        hi: int,
        roster: Roster,
        adjacent: bool,
        again: Callable[[int], Found | None],
    ):
        super().__init__(masked, lo, hi, roster, again)
        self.adjacent = adjacent
        self.tail = tail = masked[lo:hi]
        m = _LEADING.match(tail)
        assert m is not None  # it matches the empty string
        self.lead = m.end()  # where the words start, after the commas and spaces
        # Read on demand (the first rules need none of them): plain attributes, as they are
        # asked for once per quote and a cached_property costs a lock on every look-up.
        self._cue: regex.Match[str] | None | bool = False
        self._subject: str | None = None
        self._phrase: str | None = None

    @property
    def cue(self) -> regex.Match[str] | None:
        """The first verb of speech near the words' start."""
        if self._cue is False:
            lead, tail = self.lead, self.tail
            end = min(len(tail), lead + windows.CUE_REACH)
            self._cue = next(iter(verb_cues(tail, lead, end)), None)
        return self._cue  # type: ignore[return-value]

    @property
    def subject(self) -> str:
        """The words between the start and the verb, without trailing auxiliaries."""
        if self._subject is None:
            assert self.cue is not None
            self._subject = without_trailing_aux(self.tail[self.lead : self.cue.start()])
        return self._subject

    @property
    def phrase(self) -> str:
        """The subject's words after the last clause opener: who is said to speak."""
        if self._phrase is None:
            self._phrase = clause_tail(self.subject)
        return self._phrase

    def verb(self) -> str:
        """The verb of speech as the cue prints it."""
        assert self.cue is not None
        return cue_text(self.cue.group())


def dash(t: Tail) -> Found | None:
    """ "… — Lee": a dash and a name close a short tail; so does a colon and a name ending the
    line ("‘We are ready’: Vale")."""
    m = _DASH.match(t.tail) or _COLON_LABEL.match(t.tail)
    if m and (t.hi - t.lo < windows.DASH_TAIL or m.re is _COLON_LABEL):
        who = speaker_of(m["np"], t.lo + m.start("np"), t.roster, forward=True)
        if who:
            return Found(who, "—" if m.re is _DASH else ":", t.lo, t.hi)
    return None


def colon_subject(t: Tail) -> Found | None:
    """ "‘I never gave up’: Valdez completes comeback": in a title line opened by the quote, the
    subject of the sentence after the colon said it."""
    m = _COLON_SUBJECT.match(t.tail)
    if m is None:
        return None
    back = _MASKED_BACK.match(t.masked, 0, t.lo)
    assert back is not None  # it matches the empty string
    if back.start() > 0 and t.masked[back.start() - 1] != "\n":
        return None
    who = speaker_of(m["np"], t.lo + m.start("np"), t.roster, forward=True)
    if who and who.kind in ("person", "organization"):
        return Found(who, m["verb"], t.lo + m.start("np"), t.lo + m.end("verb"))
    return None


def according_to(t: Tail) -> Found | None:
    """ "…,” according to Lee."""
    m = _ACCORDING.match(t.tail)
    if not m:
        return None
    who = speaker_of(m["np"], t.lo + m.start("np"), t.roster, forward=True)
    return Found(who, "according to", t.lo + m.start(), t.lo + m.end())


def comma_handover(t: Tail) -> Found | None:
    """A quote inside a clause ("curb “activist” investors and others"): the words after are not
    about it, unless a comma soon hands over to the attribution ("“the end” for the EU, said Geert
    Wilders") or a name and its verb end the clause ("a “bouquet of humanity” Okafor said,")."""
    if t.adjacent or "," in t.tail[: t.lead] or _NAME_SAID.match(t.tail):
        return None
    comma = COMMA_CUE.search(t.tail, 0, windows.COMMA_HANDOVER)
    return (t.again(t.lo + comma.start()) or NOBODY) if comma else NOBODY


def said_name(t: Tail) -> Found | None:
    """ "…,” said Lee": the verb first, the speaker after it."""
    m = _CUE_FIRST.match(t.tail)
    if m and m["cue"][0].islower() and not PARTICIPLE.search(m["cue"]) and m["np"].strip():
        who = speaker_of(m["np"], t.lo + m.start("np"), t.roster, forward=True)
        if who:
            return Found(who, cue_text(m["cue"]), t.lo + m.start("cue"), t.lo + m.end())
    return None


def name_verb(t: Tail) -> Found | None:
    """ "…,” Oliver barked.": no verb of speech, but a name and a past-tense verb."""
    if t.cue is not None:
        return None
    m = _NAME_VERB.match(t.tail)
    who = speaker_of(m["np"], t.lo + m.start("np"), t.roster) if m else None
    return Found(who, m["verb"], t.lo + m.start("np"), t.lo + m.end()) if m and who else NOBODY


def participle(t: Tail) -> Found | None:
    """ "…,” adding that …": a participle continues the sentence before; no attribution here."""
    assert t.cue is not None
    return NOBODY if PARTICIPLE.search(t.cue.group()) else None


def said_name_past_adjunct(t: Tail) -> Found | None:
    """ "…,” in sharp contrast to X, says Dante Scala": the speaker follows the verb."""
    np = t.subject
    first = np.split()[0] if np.split() else ""
    if not (
        np.rstrip().endswith(",")
        and first.islower()
        and first not in lx.DETERMINERS | lx.PRONOUNS.keys()
    ):
        return None
    assert t.cue is not None
    who = speaker_of(t.tail[t.cue.end() :], t.lo + t.cue.end(), t.roster, forward=True)
    return Found(who, t.verb(), t.lo + t.cue.start(), t.hi) if who else NOBODY


def sentence_break(t: Tail) -> Found | None:
    """Nothing before the verb, or a sentence ends first ("Sen. Ruiz" ends none): no speaker."""
    np = t.subject
    return NOBODY if not np.strip() or _STOP.search(_ABBREVIATION.sub("", np)) else None


def last_name(t: Tail) -> Found | None:
    """ "…” by the shooting that had drawn attention and scrutiny, Nefzi said.": in a long
    subject only the name before the verb speaks."""
    if not _too_long(t.subject):
        return None
    m = _LAST_NAME.search(t.subject)
    at = t.lo + t.lead + m.start("np") if m else 0
    who = speaker_of(m["np"], at, t.roster) if m else None
    assert t.cue is not None
    if m and who and who.kind == "person":
        return Found(who, t.verb(), at, t.lo + t.cue.end())
    return NOBODY


def clause(t: Tail) -> Found | None:
    """ "Clinton seized upon the reference, repeating …": a clause, not a speaker."""
    if _SUBORDINATE.search(t.subject.rsplit(",", 1)[-1]):
        return NOBODY  # "…,” hours after the whistleblower testified": not who said it
    np = t.phrase
    return NOBODY if DETERMINER_END.search(np) or _PAST_VERB.search(np) else None


def name_said(t: Tail) -> Found | None:
    """ "…,” Lee said." and "…,” Warren, who has not endorsed a candidate, told reporters."."""
    assert t.cue is not None
    who = speaker_of(t.phrase, t.lo + t.lead, t.roster)
    return Found(who, t.verb(), t.lo + t.lead, t.lo + t.cue.end())


def _too_long(np: str) -> bool:
    """A speaker phrase is short, unless a short name opens a long appositive ("Leonard Burman,
    director of … University,")."""
    words = np.split()
    first = np.split(",")[0].split()
    return len(words) > 15 and (len(first) > 5 or len(words) > 40)
