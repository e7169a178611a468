"""Tie one quotation to its cue and speaker by reading the words around it in its sentence."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from quotes.extract import lexicon as lx
from quotes.extract import windows
from quotes.extract.cues import ACCORDING, AUX, AUX_WORDS, VERB_PHRASE, verb_cues
from quotes.extract.headlines import headline_speaker
from quotes.extract.marks import Span
from quotes.extract.phrases import speaker_of
from quotes.extract.roster import Roster
from quotes.extract.validate import is_credit, named
from quotes.model import Speaker

_STOP = regex.compile(r"[.!?](?:\s|$)")
_AFTER_STOP = regex.compile(r"(?<=[.!?])\s+")
_ABBREVIATION = regex.compile(
    r"\b(?:\p{Lu}\.){1,3}|\b(?:\p{Lu}\p{Ll}{0,3}\.)(?=\s+\p{Lu})|\b(?:Ltd|Inc|Corp|Co|Plc|Jr|Sr)\."
)
_SPACES = regex.compile(r"\s+")
# Stops that end no sentence before a speaker: titles, dotted acronyms before a lower-case word
# or after ", the" ("Mrs. Pelosi, the highest-ranking U.S. official", "Williams, the U.S.
# Attorney"); not an initial ("Paul D. Ryan") nor "from the U.S. Foreign Minister Rowe", which
# may end a sentence.
_TITLE_DOTS = regex.compile(
    r"\b(?:\p{Lu}\.){2,3}(?=\s+\p{Ll})|(?<=,\s+the\s+)(?:\p{Lu}\.){2,3}"
    r"|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev)\."
)

_LEADING = regex.compile(r"^[\s,;]*")
_DASH = regex.compile(r"^[\s.,]*(?:—|–|―|--|-)\s*(?P<np>\p{Lu}[^\x00\n]{1,80}?)\s*\.?\s*$")
_ACCORDING_AFTER = regex.compile(
    rf"^[\s,;]*(?:{AUX})*according\s+to\s+(?P<np>[^.;\x00\n]+)", regex.I
)
_CUE_FIRST = regex.compile(rf"^[\s,;]*(?:{AUX})*(?P<cue>{VERB_PHRASE})\b(?P<np>[^\x00\n]*)")
_PARTICIPLE = regex.compile(r"^\p{L}+ing$")  # "adding", but not "is quoted as saying"
# A past-tense verb with its object: "seized upon the …" ("retired Air Force general" is a role).
_PAST_VERB = regex.compile(
    r"(?<![\p{L}-])\p{Ll}{3,}ed\s+(?:upon|the|a|an|to|with|by|on|in|that|it|him|her|them|his|its)\b"
)
_SAID_FIRST = regex.compile(
    r"(?:^|[.!?]\s+)(?:Said|Says|Added|Asked)\s+(?P<np>[^,\x00\n]{2,60}?),?\s*$"
)
_CLAUSE = regex.compile(
    r"(?i).*(?:[;:]|\b(?:what|which|who|whom|that|because|when|while|if|after|before|as|where|but)\b)"
)
_TRAILING_AUX = regex.compile(rf"(?:\s+(?:{AUX_WORDS}))*\s*$")
_ACCORDING_BEFORE = regex.compile(r"(?i)according\s+to\s+(?P<np>[^\x00\n]+?),?\s*$")
_INTRODUCED = regex.compile(
    r"^(?:[\s,]+(?:[^,:\x00\n]|(?<=\d),(?=\d)){0,50}?){0,2}\s*[,:]\s*$|^\s+that\s*$|^\s*$"
)
_PAST = (
    "took made gave went came got had was were is are said told wrote spoke put set ran met sent "
    "led held kept left brought thought felt saw knew became began stood won lost"
)
# The subject ends where its verb starts: an auxiliary, an -ed/-s/-ly word or a common past form.
_SUBJECT = regex.compile(
    r"(?P<np>(?:(?:[\p{L}\p{N}][\p{L}\p{N}.'’-]*|\([^()\n]{1,12}\))\s+){0,7}?[\p{L}][\p{L}.'’-]*?)['’]?"
    rf"\s+(?=(?:{AUX_WORDS}|{_PAST.replace(' ', '|')}|\p{{Ll}}{{2,}}(?:ed|s))\b)"
)
# A subordinate clause's opener: its verb says nothing about who spoke ("hours after X testified").
_SUBORDINATE = regex.compile(
    r"(?i)\b(?:after|before|when|while|because|although|though|since|until|whereas|if)\b"
)
# What may follow a closing attribution: where, when, through what ("in a statement, according
# to the Daily"), each phrase read once to the next comma.
_ADJUNCTS = regex.compile(
    r"(?:[\s,]*+(?:in|on|at|to|during|after|before|via|from|through|according\s+to|late|early|"
    r"last|this|earlier|later)\b[^,;:\x00]*+)*+[\s.]*$"
)
# Where a subject may start: after a comma, a dateline's dash ("LOS ANGELES (AP) — Lee said"),
# a date ("2022-03-29 Lee said") or a line break (a byline's line before the sentence).
_CLAUSE_START = regex.compile(r",\s+|\s(?:—|–|―|--)\s+|(?<=\d)\s+(?=\p{Lu})|\n\s*")
_PREPOSITION_START = regex.compile(
    r"(?i)(?:in|on|at|after|before|during|when|while|as|if|since|speaking|asked|following|for|"
    r"with|from|to|by|although|though|because|but|and|so|then|\p{L}+ing)\b"
)
_NAME = r"(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}'’-]+"
# "Minnesota Attorney General Keith Ellison: “…”", "Jo Lee, the mayor's aide: “…”", "Biden on
# the verdict: “…”" (a line's label, as embedded posts quote people)
_LABEL = regex.compile(
    r"(?:^|[-—–―:.,]\s+|\n)(?P<np>(?:\p{Lu}[\p{L}.'’-]*\s+){0,5}\p{Lu}[\p{L}'’-]+"
    r"(?:,\s+[^,:\x00\n]{1,40}|\s+on\s+[^,:\x00\n]{1,40})?):\s*$"
)
_OWNED = regex.compile(
    rf"(?P<np>{_NAME})['’]s?\s+(?:[\p{{Ll}}-]+\s+){{0,2}}?(?P<noun>claims?|statements?|remarks?|comments?|"
    r"assertions?|suggestions?|promises?|pledges?|vows?|warnings?|accusations?|charges?|insistence|"
    r"arguments?|descriptions?|characterizations?|words|calls?|tweets?|boasts?|response|answer|"
    r"reply|message|view|verdict|position)\s+(?:that\s+)?"
    r"(?:[^\x00\n]{0,80})$"
)
_NAME_VERB = regex.compile(
    rf"(?P<np>{_NAME}|\b(?:he|she|they|He|She|They))\s+(?P<verb>\p{{Ll}}{{3,}}ed)\s*[,:]\s*$"
)
_THAT_END = regex.compile(r"\s+(?:that|which)\s*$")
_RELATIVE_INSIDE = regex.compile(r"[\s\x00]+(?:who|whom|whose)\s+(?!(?:he|she|they|it|we|i)\b)")
_RELATIVE_PART = regex.compile(
    r"[\s\x00\"”’']*(?:who|whom|whose|which)\s+(?!(?:he|she|they|it|we|i)\b)"
)
_NAME_SAID = regex.compile(
    rf"^\s*(?:{_NAME}|he|she|they)\s+(?:{AUX})*(?:said|says|added|adds|wrote|writes)\s*[,.;]"
)
_COMMA_CUE = regex.compile(
    rf",\s+(?=(?:{AUX})*{VERB_PHRASE}\b|(?:\p{{Lu}}\S*\s+){{1,4}}{VERB_PHRASE}\b)"
)
# "…, the ministry said", "…, the Foreign Ministry said": closing a sentence of fragments
_COMMA_THE_CUE = regex.compile(
    r",\s+(?=the\s+(?:\p{Lu}\S*\s+){0,4}(?:\p{Ll}+\s+)?(?:said|says|added|told|wrote|stated)\b)"
)
_NAME_VERB_AFTER = regex.compile(
    rf"[\s,]*(?P<np>{_NAME}|he|she|they)\s+(?P<verb>\p{{Ll}}{{3,}}ed)(?:\s+\p{{Ll}}+ly)?(?:\s*[.,]|\s+and\b)"
)  # "Paul Smith, who …, said": appositive parts are read one by one
# "…, with Mayor Ruiz calling it “…”": a name right before a participle is its subject.
_ABSOLUTE = regex.compile(rf"(?:^\s*|\b(?:with|and|while)\s+)(?P<np>{_NAME})\s*$")
_RELATIVE_HEAD = regex.compile(r"[\s,]*(?:who|whom|whose)\b")
_LAST_NAME = regex.compile(rf",\s+(?P<np>{_NAME}|he|she|they)\s*$")
_NAME_COLON = regex.compile(
    r"(?<!\b(?:told|tells|telling|to|with|for|in|on|at|of)\s+|\p{Lu}[\p{L}.'’-]*\s+|[\p{L}'’])"
    rf"(?P<np>{_NAME}):\s*$"
)  # the whole name, and not a hearer's: "told Fox News:"
_POSSESSOR = regex.compile(r"\p{L}['’]s?\s+$")
_SPACES_BEFORE = regex.compile(r"(?r)\s*")  # matched backwards from where it is asked
_COORDINATED = regex.compile(r"(?i)\b(?:and|but|then|before|after)\s*$")
_DETERMINER_END = regex.compile(r"(?i)\b(?:the|a|an|his|her|their|its|our|my|your|this|that)\s*$")


@dataclass(frozen=True)
class Found:
    """A cue and the speaker it names (either may be missing), with where the attribution lies."""

    speaker: Speaker | None
    cue: str | None
    start: int
    end: int


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
    if found is None or cited or is_credit(found.speaker, found.cue or ""):
        # "Haugen alleged that … “profits over people,” according to CNN": Haugen, CNN credited;
        # "She said, “…”, according to reports from the AP": she, the reports credited
        before = _before(masked, head_start, span.open, roster, anchored=kind != "partial")
        credited = (
            found
            and before
            and before.speaker
            and before.speaker.kind == "person"
            and (not cited or before.cue != "according to")
        )
        found = before if found is None or credited else found
    if found is None and kind == "partial" and tail_end < sentence[1]:
        found = _sentence_final(masked, span.close, sentence[1], roster)
    if kind == "headline" and span.para == 0 and (found is None or found.speaker is None):
        # "Obama Sees ‘Personal Insult’": a title's quote is usually its first-named person's
        headline = headline_speaker(span, roster)
        who = named(headline[0], headline[1], roster) if headline else None  # not "737 Max"
        return Found(who, None, headline[1], headline[2]) if headline and who else found
    colon = kind == "direct" and masked[head_start : span.open].rstrip().endswith(":")
    if colon and (found is None or found.speaker is None):
        found = _named_before_colon(masked, head_start, span.open, roster) or found
    if (found is None or found.speaker is None) and (kind == "partial" or colon):
        found = _subject(masked, head_start, span.open, roster) or found
    return found


def _sentence_final(masked: str, lo: int, hi: int, roster: Roster) -> Found | None:
    """The attribution closing a sentence that quotes several fragments: "… “a” into “b” in the
    US, says Hillmann." covers "a" too."""
    cues = [*_COMMA_CUE.finditer(masked, lo, hi), *_COMMA_THE_CUE.finditer(masked, lo, hi)]
    last = max(cues, key=lambda m: m.start(), default=None)
    if last is None or "\x00" not in masked[lo : last.start()]:
        return None
    found = _after(masked, last.start(), hi, roster, True)
    return found if found and found.speaker and _ADJUNCTS.match(masked, found.end, hi) else None


def reporter(lo: int, hi: int, roster: Roster) -> Found | None:
    """Who speaks in a sentence ending at its verb of speech: "Ardern said" (she was leaving)."""
    return _before(roster.masked, lo, hi, roster, anchored=True)


def introducer(lo: int, hi: int, roster: Roster) -> Found | None:
    """Who a sentence ending in a colon introduces: "In a statement, the company said:"."""
    masked = roster.masked
    found = reporter(lo, hi, roster)
    if found is None or found.speaker is None:
        found = _named_before_colon(masked, lo, hi, roster) or _subject(masked, lo, hi, roster)
    if found is None or found.speaker is None:  # "The minister, Helen Ward, gave this statement:"
        first = roster.first_named(lo, hi)
        found = Found(first.speaker, ":", first.start, hi) if first else found
    return found


def _after(masked: str, lo: int, hi: int, roster: Roster, adjacent: bool) -> Found | None:
    """Attribution after the closing mark: "…,” Lee said", "…,” said Lee", "… — Lee"."""
    tail = masked[lo:hi]
    m = _DASH.match(tail)
    if m and hi - lo < 100:
        who = speaker_of(m["np"], lo + m.start("np"), roster, forward=True)
        if who:
            return Found(who, "—", lo, hi)
    m = _ACCORDING_AFTER.match(tail)
    if m:
        who = speaker_of(m["np"], lo + m.start("np"), roster, forward=True)
        return Found(who, "according to", lo + m.start(), lo + m.end())
    lead = _LEADING.match(tail).end()
    if not adjacent and "," not in tail[:lead] and not _NAME_SAID.match(tail):
        # "curb “activist” investors and others": the words after are not about the quote, unless
        # a comma soon hands over to the attribution: "“the end” for the EU, said Geert Wilders",
        # or a name and its verb end the clause: "were a “bouquet of humanity” Ellison said,"
        comma = _COMMA_CUE.search(tail, 0, 80)
        return _after(masked, lo + comma.start(), hi, roster, True) if comma else None
    m = _CUE_FIRST.match(tail)
    if m and m["cue"][0].islower() and not _PARTICIPLE.search(m["cue"]) and m["np"].strip():
        who = speaker_of(m["np"], lo + m.start("np"), roster, forward=True)
        if who:
            return Found(who, _cue_text(m["cue"]), lo + m.start("cue"), lo + m.end())
    cue = next(iter(verb_cues(tail, lead, min(len(tail), lead + 150))), None)
    if cue is None:
        m = _NAME_VERB_AFTER.match(tail)  # "…,” Oliver barked."
        who = speaker_of(m["np"], lo + m.start("np"), roster) if m else None
        return Found(who, m["verb"], lo + m.start("np"), lo + m.end()) if m and who else None
    if _PARTICIPLE.search(cue.group()):
        return None
    np = _TRAILING_AUX.sub("", tail[lead : cue.start()])
    first = np.split()[0] if np.split() else ""
    if (
        np.rstrip().endswith(",")
        and first.islower()
        and first not in lx.DETERMINERS | lx.PRONOUNS.keys()
    ):
        # "…,” in sharp contrast to X, says Dante Scala": the speaker follows the verb
        who = speaker_of(tail[cue.end() :], lo + cue.end(), roster, forward=True)
        return Found(who, _cue_text(cue.group()), lo + cue.start(), hi) if who else None
    if not np.strip() or _STOP.search(_abbrev_free(np)):
        return None
    if _too_long(np):  # "…” by the shooting that had drawn attention and scrutiny, Nefzi said."
        m = _LAST_NAME.search(np)
        who = speaker_of(m["np"], lo + lead + m.start("np"), roster) if m else None
        ok = m and who and who.kind == "person"
        return (
            Found(who, _cue_text(cue.group()), lo + lead + m.start("np"), lo + cue.end())
            if ok
            else None
        )
    if _SUBORDINATE.search(np.rsplit(",", 1)[-1]):
        return None  # "…,” hours after the whistleblower testified": not who said it
    np = _clause_tail(np)  # "Warren, who has not endorsed a candidate, told reporters"
    if _DETERMINER_END.search(np) or _PAST_VERB.search(np):
        return None  # "Clinton seized upon the reference, repeating …": a clause, not a speaker
    who = speaker_of(np, lo + lead, roster)
    return Found(who, _cue_text(cue.group()), lo + lead, lo + cue.end())


def _before(masked: str, lo: int, hi: int, roster: Roster, anchored: bool) -> Found | None:
    """Attribution before the opening mark: "Lee told reporters: “", "She called it “…”"."""
    head = masked[lo:hi]
    m = _ACCORDING_BEFORE.search(head)
    if m:
        who = speaker_of(m["np"], lo + m.start("np"), roster, forward=True)
        return Found(who, "according to", lo + m.start(), hi)
    m = _SAID_FIRST.search(head)  # "Said Comey, “…”"
    if m:
        who = speaker_of(m["np"], lo + m.start("np"), roster, forward=True)
        return Found(who, "said", lo + m.start("np"), hi) if who else None
    m = _LABEL.search(head)  # "Pollsters agree - Carl Bialik: “…”", transcripts
    if m:
        who = speaker_of(m["np"], lo + m.start("np"), roster)
        if who and who.kind in ("person", "organization", "outlet"):
            return Found(who, ":", lo + m.start("np"), hi)
    # "Trump’s comments were “…”": a cue word after a possessive is a noun
    cues = [c for c in verb_cues(head) if not _after_possessive(head, c.start())]
    m = _OWNED.search(head)  # "Trump’s claim that Obama “founded ISIS”"
    if m and not anchored and not cues:  # but "Lee told them Trump’s remarks were “…”" is Lee’s
        who = speaker_of(m["np"], lo + m.start("np"), roster)
        if who:
            return Found(who, m["noun"], lo + m.start("np"), lo + m.end())
    acc = list(ACCORDING.finditer(head))
    if not cues or (acc and acc[-1].start() > cues[-1].start()):
        return _unknown_verb(head, lo, roster) if anchored else None
    cue = cues[-1]
    if anchored and not _INTRODUCED.match(head[cue.end() :]):
        return _unknown_verb(head, lo, roster)
    infinitive = head[max(0, cue.start() - 3) : cue.start()] == "to "
    if cue.group().endswith("ing") and not infinitive:
        m = _ABSOLUTE.search(_TRAILING_AUX.sub("", head[: cue.start()]))
        who = speaker_of(m["np"], lo + m.start("np"), roster) if m else None
        if who and who.kind in ("person", "organization"):
            return Found(who, _cue_text(cue.group()), lo + m.start("np"), lo + cue.end())
    if cue.group().endswith("ing") or infinitive:  # "…, saying: “…”", "going on to say “…”"
        finite = [
            c
            for c in cues
            if not c.group().endswith("ing") and head[max(0, c.start() - 3) : c.start()] != "to "
        ]
        if not finite:
            found = _subject(masked, lo, hi, roster)
            return (
                Found(found.speaker, _cue_text(cue.group()), found.start, found.end)
                if found
                else None
            )
        cue = finite[0]
    np = _TRAILING_AUX.sub("", head[: cue.start()])
    if not np.strip() or _DETERMINER_END.search(np):
        return None
    if _COORDINATED.search(np):  # "Carson took the stage and called it “rotten”": the subject
        found = _subject(masked, lo, hi, roster)
        return (
            Found(found.speaker, _cue_text(cue.group()), found.start, found.end) if found else None
        )
    np = _last_sentence_of(np)
    # "Trump released a video that said, “…”": the video, for its maker
    np = _THAT_END.sub("", np) if _THAT_END.search(np) else _clause_tail(np)
    at = lo + head.rfind(np, 0, cue.start())
    who = speaker_of(np, lo + cue.start(), roster)  # a pronoun looks back from the verb
    prior = [c for c in cues if c.end() < cue.start()]
    if prior and is_credit(who, cue.group()):  # "Lee said, the Journal reported: “…”": Lee
        earlier = _before(masked, lo, lo + prior[-1].end(), roster, anchored=False)
        if earlier and earlier.speaker:
            return earlier
    return Found(who, _cue_text(cue.group()), at, lo + cue.end())


def _after_possessive(head: str, end: int) -> bool:
    """Whether a possessive and spaces end at `end` ("Trump’s "), read back from there only."""
    spaces = _SPACES_BEFORE.match(head, 0, end).start()
    return bool(_POSSESSOR.search(head, max(0, spaces - 3), end))


def _named_before_colon(masked: str, lo: int, hi: int, roster: Roster) -> Found | None:
    """ "… does not surprise Republican pollster Dan Shaw: “…”": a full name before the colon."""
    m = _NAME_COLON.search(masked, lo, hi)
    who = speaker_of(m["np"], m.start("np"), roster) if m else None
    if m and who and who.kind == "person" and (" " in who.name or who.name in roster.persons):
        return Found(who, ":", m.start("np"), m.end())
    return None


def _unknown_verb(head: str, lo: int, roster: Roster) -> Found | None:
    """ "Hillary Clinton cracked, “…”": a name and a past-tense verb introduce a quote too."""
    m = _NAME_VERB.search(head)
    if not m:
        return None
    who = speaker_of(m["np"], lo + m.start("np"), roster)
    return Found(who, m["verb"], lo + m.start("np"), lo + m.end("verb")) if who else None


def _subject(masked: str, lo: int, hi: int, roster: Roster) -> Found | None:
    """The sentence's subject, for a quote with no verb of speech of its own ("The group seeks an
    “end”", "When asked, Ms. Sherry smiled and said, “…”"): tried at its start and after commas."""
    starts = [lo] + [m.end() for m in _CLAUSE_START.finditer(masked, lo, hi)]
    for start in starts[:6]:
        m = _SUBJECT.match(masked, start, hi)
        if not m or _PREPOSITION_START.match(m["np"]):
            continue
        who = speaker_of(m["np"], m.start("np"), roster)
        if who is None or who.kind in ("document", "anonymous"):
            continue
        if who.kind == "organization" and who.name not in roster.orgs:
            continue  # a capitalised phrase we cannot place: "In Just the Way You Are"
        return Found(who, None, m.start(), m.end())
    return None


def _too_long(np: str) -> bool:
    """A speaker phrase is short, unless a short name opens a long appositive ("Leonard Burman,
    director of … University,")."""
    words = np.split()
    first = np.split(",")[0].split()
    return len(words) > 15 and (len(first) > 5 or len(words) > 40)


def _clause_tail(np: str) -> str:
    """The subject words before a verb: after the last clause opener ("what federal officials"
    → "federal officials"), leaving appositive relative clauses ("Steele, who was …,") to parts."""
    pieces = np.rstrip(" ,").split(",")
    while len(pieces) > 1 and _RELATIVE_PART.match(pieces[-1]):
        pieces.pop()  # "Steele, who was governor when Perez was on the council,"
    last = pieces[-1]
    rel = _RELATIVE_INSIDE.search(last)
    if rel and last[: rel.start()].strip(" \x00"):  # "host of “The Boss” who went on to …"
        last = pieces[-1] = last[: rel.start()]
    m = _CLAUSE.match(last)
    if m and last[m.end() :].strip():
        pieces[-1] = last[m.end() :]
    return ",".join(pieces)


def _last_sentence_of(np: str) -> str:
    """The words after the phrase's last full stop, abbreviations ("Mrs.", "U.S.") being none."""
    stops = list(_AFTER_STOP.finditer(_TITLE_DOTS.sub(lambda m: "_" * len(m[0]), np)))
    return np[stops[-1].end() :] if stops else np


def _abbrev_free(np: str) -> str:
    """The phrase with abbreviation periods removed, so "Sen. Ruiz" is not two sentences."""
    return _ABBREVIATION.sub("", np)


def _cue_text(cue: str) -> str:
    return _SPACES.sub(" ", cue.strip())


def gender_of_speaker(speaker: Speaker) -> str | None:
    """'m' or 'f' for an unnamed speaker described by a gendered noun ("a spokeswoman")."""
    for word in speaker.name.casefold().split():
        if word in lx.GENDERED_NOUNS:
            return lx.GENDERED_NOUNS[word]
    return None
