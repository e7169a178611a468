"""The attribution rules that read before a quotation's opening mark: "Lee told reporters: “",
"She called it “…”". Each returns a Found when it matches (NOBODY when it matches and names no
one), None when it does not; quotes/extract/rules.py orders them."""

from __future__ import annotations

from collections.abc import Callable

import regex

from quotes.extract import lexicon as lx
from quotes.extract.clauses import (
    DETERMINER_END,
    clause_tail,
    cue_text,
    subject,
    without_trailing_aux,
)
from quotes.extract.cues import ACCORDING, verb_cues
from quotes.extract.engine import NOBODY, Found, Reading
from quotes.extract.phrases import speaker_of
from quotes.extract.roster import Roster
from quotes.extract.validate import is_credit

# A sentence's end before the speaker phrase, but not a title's stop ("an adviser to Mr. Romney's
# campaign") nor a dotted acronym's before a lower-case word ("Mrs. Lima, the highest-ranking
# U.S. official, said") or in an appositive ("Dana Whitfield, the U.S. Attorney for the
# district, said"); one before a capital may end a sentence ("… from the U.S. Minister Rowe").
_TITLES = lx.either(sorted(w for w, kind in lx.ABBREVIATIONS.items() if kind == "title") + ["St"])
_ACRONYM = r"\b(?:\p{Lu}\.){2,3}"
_AFTER_STOP = regex.compile(
    rf"(?<=[.!?])(?<!\b(?:{_TITLES})\.|,\s+the\s+{_ACRONYM})(?!(?<={_ACRONYM})\s+\p{{Ll}})\s+"
)
_ACCORDING = regex.compile(r"(?i)according\s+to\s+(?P<np>[^\x00\n]+?),?\s*$")
_SAID_FIRST = regex.compile(
    rf"(?:^|[.!?]\s+)(?:{lx.either(lx.INVERTED_CUES)})\s+(?P<np>[^,\x00\n]{{2,60}}?),?\s*$"
)
_INTRODUCED = regex.compile(
    r"^(?:[\s,]+(?:[^,:\x00\n]|(?<=\d),(?=\d)){0,50}?){0,2}\s*[,:]\s*$|^\s+that\s*$|^\s*$"
)
# A line's label: "Jane Roe, The Daily Planet: “…”" (the person, then where she writes), "Ohio
# Deputy Attorney General Ruth Okafor: “…”" (up to six capitalised words), "Gov. Ana Lima on the
# verdict: “…”" (the topic is no part of the speaker).
_LABEL = regex.compile(
    rf"(?:^|[-—–―:.,]\s+|\n)(?P<np>(?:{lx.CAPITALISED}\s+){{0,5}}{lx.NAME_END}"
    r"(?:,\s+[\p{L}][\p{L}\s.'’-]{0,60}?)?)(?:\s+on\s+[^,:\x00\n]{1,40}?)?:\s*$"
)
# "Boeing CEO To Congress:": a title-case label ends at its preposition ("Duke Of York" keeps "of").
_TITLE_PREPOSITION = regex.compile(
    rf"\s+(?:{lx.either(sorted(w.title() for w in lx.PREPOSITIONS - {'of'}))})\s+"
)
_OWNED = regex.compile(
    rf"(?P<np>{lx.NAME})['’]s?\s+(?:[\p{{Ll}}-]+\s+){{0,2}}?(?P<noun>claims?|statements?|remarks?|comments?|"
    r"assertions?|suggestions?|promises?|pledges?|vows?|warnings?|accusations?|charges?|insistence|"
    r"arguments?|descriptions?|characterizations?|words|calls?|tweets?|boasts?|response|answer|"
    r"reply|message|view|verdict|position|allegations?|complaints?|denials?|threats?|criticisms?)"
    r"\s+(?:that\s+|of\s+(?:an?\s+)?)?"
    r"(?:[^\x00\n]{0,80})$"
)
_NAME_VERB = regex.compile(
    rf"(?P<np>{lx.NAME}|\b(?:{lx.either(lx.THIRD_PERSON_SUBJECTS, capital=True)}))"
    r"\s+(?P<verb>\p{Ll}{3,}ed)\s*[,:]\s*$"
)
_THAT_END = regex.compile(r"\s+(?:that|which)\s*$")
# "…, with Mayor Ruiz calling it “…”": a name right before a participle is its subject.
_ABSOLUTE = regex.compile(  # "with spokesman Glen Caplin saying": the role is no part of it
    rf"(?:^\s*|\b(?:with|and|while)\s+(?:\p{{Ll}}+\s+){{0,2}}?)(?P<np>{lx.NAME})\s*$"
)
_FOR_TO = regex.compile(rf"\bfor\s+(?P<np>{lx.NAME})\s+to\s+$")
_POSSESSOR = regex.compile(r"\p{L}['’]s?\s+$")
_SPACES_BEFORE = regex.compile(r"(?r)\s*")  # matched backwards from where it is asked
# A subject, a comma and the participle: no finite verb between ("Ana Ruiz, smiling and saying").
_FRAGMENT = regex.compile(rf"\s*(?P<np>{lx.CAPITALISED}[^\x00\n]{{0,120}}?),\s+$")
_PASSIVE_BE = regex.compile(r"(?i)\b(?:is|was|are|were|be|been|being|gets?|got)\s+$")
_BE_REACH = 12  # characters before a verb read for the "was" of a passive
_HEARD = frozenset(("told", "asked", "warned", "reminded", "urged"))  # the hearer as subject
_COORDINATED = regex.compile(r"(?i)\b(?:and|but|then|before|after)\s*$")


class Head(Reading):
    """The words before one opening mark, as the rules read them; `again` attributes from the
    same start to an earlier end (for a credit that follows the speaker's own verb)."""

    def __init__(
        self,
        masked: str,
        lo: int,
        hi: int,
        roster: Roster,
        anchored: bool,
        again: Callable[[int], Found | None],
    ):
        super().__init__(masked, lo, hi, roster, again)
        self.anchored = anchored
        self.head = masked[lo:hi]
        # Read on demand (the first rules need none of them): plain attributes, as they are
        # asked for once per quote and a cached_property costs a lock on every look-up.
        self._cues: list[regex.Match[str]] | None = None
        self._verb: regex.Match[str] | None = None
        self._subject: str | None = None

    @property
    def cues(self) -> list[regex.Match[str]]:
        """Verbs of speech, leaving out cue words after a possessive ("Trump’s comments were")."""
        if self._cues is None:
            head = self.head
            self._cues = [c for c in verb_cues(head) if not _after_possessive(head, c.start())]
        return self._cues

    @property
    def verb(self) -> regex.Match[str]:
        """The verb the speaker's phrase ends at: the last cue, or after a participle or an
        infinitive ("…, saying: “", "going on to say “") the first finite one in the active."""
        if self._verb is None:
            last = self.cues[-1]
            if _nonfinite(self.head, last):  # the first finite one, not a passive's
                finite = [c for c in self.cues if not _nonfinite(self.head, c)]
                active = [c for c in finite if not _passive(self.head, c.start())]
                last = (active or finite)[0]  # "The decision was announced when they said"
            self._verb = last
        return self._verb

    @property
    def subject(self) -> str:
        """The words before the verb, without trailing auxiliaries."""
        if self._subject is None:
            self._subject = without_trailing_aux(self.head[: self.verb.start()])
        return self._subject

    def with_verb(self, found: Found | None) -> Found | None:
        """The sentence subject's Found with this head's verb as its cue."""
        if found is None:
            return NOBODY
        return Found(found.speaker, cue_text(self.cues[-1].group()), found.start, found.end)


def according_to(h: Head) -> Found | None:
    """ "According to Lee, “…”"."""
    m = _ACCORDING.search(h.head)
    if not m:
        return None
    who = speaker_of(m["np"], h.lo + m.start("np"), h.roster, forward=True)
    return Found(who, "according to", h.lo + m.start(), h.hi)


def said_name(h: Head) -> Found | None:
    """ "Said Comey, “…”"."""
    m = _SAID_FIRST.search(h.head)
    if not m:
        return None
    who = speaker_of(m["np"], h.lo + m.start("np"), h.roster, forward=True)
    return Found(who, "said", h.lo + m.start("np"), h.hi) if who else NOBODY


def label(h: Head) -> Found | None:
    """ "Pollsters agree - Carl Bialik: “…”", and transcripts."""
    m = _LABEL.search(h.head)
    if m and not (m["np"].count(",") and next(iter(verb_cues(m["np"])), None)):
        np = _TITLE_PREPOSITION.split(m["np"])[0]  # "Boeing CEO To Congress:": the CEO
        who = speaker_of(np, h.lo + m.start("np"), h.roster)
        if who and who.kind in ("person", "organization", "outlet"):
            return Found(who, ":", h.lo + m.start("np"), h.hi)
    return None


def owned(h: Head) -> Found | None:
    """ "Trump’s claim that Obama “founded ISIS”", but "Lee told them Trump’s remarks were “…”"
    is Lee’s."""
    m = None if h.anchored or h.cues else _last_owned(h.head)  # the slow pattern read last
    if m:
        who = speaker_of(m["np"], h.lo + m.start("np"), h.roster)
        if who:
            return Found(who, m["noun"], h.lo + m.start("np"), h.lo + m.end())
    return None


def name_verb(h: Head) -> Found | None:
    """ "Hillary Clinton cracked, “…”": with no verb of speech introducing the quote, a name and
    a past-tense verb do (a quote inside a sentence has no attribution before it)."""
    acc = list(ACCORDING.finditer(h.head)) if h.cues else []
    no_cue = not h.cues or bool(acc and acc[-1].start() > h.cues[-1].start())
    if not no_cue and not (h.anchored and not _INTRODUCED.match(h.head[h.cues[-1].end() :])):
        return None
    if not h.anchored:
        return NOBODY
    m = _NAME_VERB.search(h.head) if _ends_past_introducing(h.head) else None
    who = speaker_of(m["np"], h.lo + m.start("np"), h.roster) if m else None
    return (
        Found(who, m["verb"], h.lo + m.start("np"), h.lo + m.end("verb")) if m and who else NOBODY
    )


def absolute(h: Head) -> Found | None:
    """ "…, with Mayor Ruiz calling it “…”": the name before a participle is its subject."""
    head, cue = h.head, h.cues[-1]
    if not cue.group().endswith("ing") or _infinitive(head, cue):
        return None
    m = _ABSOLUTE.search(without_trailing_aux(head[: cue.start()]))
    who = speaker_of(m["np"], h.lo + m.start("np"), h.roster) if m else None
    if m and who and who.kind in ("person", "organization"):
        return Found(who, cue_text(cue.group()), h.lo + m.start("np"), h.lo + cue.end())
    return None


def for_to(h: Head) -> Found | None:
    """ "…, only for Trump to tweet that “…”": the subject of an infinitive of speech."""
    head, cue = h.head, h.cues[-1]
    if not _infinitive(head, cue):
        return None
    m = _FOR_TO.search(head, 0, cue.start())
    who = speaker_of(m["np"], h.lo + m.start("np"), h.roster) if m else None
    if m and who:
        return Found(who, cue_text(cue.group()), h.lo + m.start("np"), h.lo + cue.end())
    return None


def participle_subject(h: Head) -> Found | None:
    """ "…, saying: “…”" with no finite verb of speech: the sentence's subject speaks."""
    if not _nonfinite(h.head, h.cues[-1]) or any(not _nonfinite(h.head, c) for c in h.cues):
        return None
    return h.with_verb(subject(h.masked, h.lo, h.hi, h.roster) or _fragment(h))


def _fragment(h: Head) -> Found | None:
    """A caption's subject with no verb but the participle: "The Duke and Duchess of Ashford,
    Prince Tom and Rosa Lind, announcing they will “step back”"."""
    m = _FRAGMENT.match(h.head, 0, h.cues[0].start())
    who = speaker_of(m["np"], h.lo, h.roster, forward=True) if m else None
    if m and who and who.kind in ("person", "organization", "group"):
        return Found(who, None, h.lo + m.start("np"), h.lo + m.end("np"))
    return None


def no_subject(h: Head) -> Found | None:
    """Nothing before the verb, or a determiner with no noun ("the"): no speaker."""
    np = h.subject
    return NOBODY if not np.strip() or DETERMINER_END.search(np) else None


def coordinated(h: Head) -> Found | None:
    """ "Carson took the stage and called it “rotten”": the sentence's subject speaks."""
    if not _COORDINATED.search(h.subject):
        return None
    found = subject(h.masked, h.lo, h.hi, h.roster)
    return (
        Found(found.speaker, cue_text(h.verb.group()), found.start, found.end) if found else NOBODY
    )


def passive_hearer(h: Head) -> Found | None:
    """ "Hale was told the plan is “a bargain”": the subject of a passive verb of speech heard
    it, so no one is named as the speaker (nor is the sentence's subject taken for one)."""
    cue = h.verb
    if cue.group().casefold() in _HEARD and _passive(h.head, cue.start()):
        return Found(None, cue_text(cue.group()), h.lo + cue.start(), h.lo + cue.end())
    return None


def name_said(h: Head) -> Found | None:
    """ "Lee told reporters: “…”"; "Trump released a video that said, “…”" is the video's (for
    its maker); "Lee said, the Journal reported: “…”" is Lee's, not the outlet's."""
    head, cue = h.head, h.verb
    np = _AFTER_STOP.split(h.subject)[-1]
    np = _THAT_END.sub("", np) if _THAT_END.search(np) else clause_tail(np)
    at = h.lo + head.rfind(np, 0, cue.start())
    who = speaker_of(np, h.lo + cue.start(), h.roster)  # a pronoun looks back from the verb
    prior = [c for c in h.cues if c.end() < cue.start()]
    if prior and is_credit(who, cue.group()):
        earlier = h.again(h.lo + prior[-1].end())
        if earlier and earlier.speaker:
            return earlier
    return Found(who, cue_text(cue.group()), at, h.lo + cue.end())


def _ends_past_introducing(head: str) -> bool:
    """Whether the words end as _NAME_VERB's match must ("…ed," or "…ed:"): tested first, as
    searching the pattern, anchored at the end, tried every place in the words."""
    words = head.rstrip()
    return words[-1:] in (",", ":") and words[:-1].rstrip().endswith("ed")


def _passive(head: str, at: int) -> bool:
    """Whether a form of "be" stands right before `at` ("was told"), read back a few words."""
    return bool(_PASSIVE_BE.search(head, max(0, at - _BE_REACH), at))


def _last_owned(head: str) -> regex.Match[str] | None:
    """The owned remark nearest the quote: in "Lee's comments echoed Ruiz's allegations of a “…”"
    the allegations are Ruiz's."""
    m = _OWNED.search(head)
    while m:
        nearer = _OWNED.search(head, m.end("np"))
        if nearer is None:
            return m
        m = nearer
    return None


def _nonfinite(head: str, cue: regex.Match[str]) -> bool:
    """A participle or an infinitive ("saying", "to say")."""
    return cue.group().endswith("ing") or _infinitive(head, cue)


def _infinitive(head: str, cue: regex.Match[str]) -> bool:
    return head[max(0, cue.start() - 3) : cue.start()] == "to "


def _after_possessive(head: str, end: int) -> bool:
    """Whether a possessive and spaces end at `end` ("Trump’s "), read back from there only."""
    m = _SPACES_BEFORE.match(head, 0, end)
    assert m is not None  # it matches the empty string
    return bool(_POSSESSOR.search(head, max(0, m.start() - 3), end))
