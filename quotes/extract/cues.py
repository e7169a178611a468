"""Reporting verbs and phrases ("said", "tells WW", "according to") that tie quotes to speakers."""

from __future__ import annotations

import regex

from quotes.extract import lexicon as lx
from quotes.extract.lexicon import wordlist
from quotes.extract.scan import Scanner, trie

# Irregular verbs of speech: every form written out.
_IRREGULAR = [
    "say says said saying",
    "tell tells told telling",
    "write writes wrote written writing",
    "speak speaks spoke spoken speaking",
    "sing sings sang sung singing",
    "read reads",  # "…,” the statement read
    "posted stated texted emailed messaged questioned offered charged",  # nouns in other forms
]
# Regular verbs: base form; -s, -ed and -ing are derived.
_REGULAR = wordlist(
    """add allege argue assert acknowledge admit announce answer ask boast caution claim comment
complain concede conclude confirm contend continue counter declare demand deny describe
emphasize emphasise estimate exclaim explain insist joke lament maintain mention muse note
observe offer plead pledge predict promise protest recall recount remark repeat reply report
respond retort scoff shout stress suggest testify tweet urge vow warn wonder yell quip deem
defend remember gloat opine beam gripe tout recommend accuse call characterize characterise dub
label term chant whisper cry blast slam agree disagree concur grumble huff snap sigh laugh fume
gush rave reiterate acknowledge assure advise inform proclaim"""
)
# Verbs that name or describe rather than report a whole sentence; cue partial quotes only.
NAMING = frozenset(
    wordlist(
        "call calls called calling characterize characterizes characterized characterizing "
        "characterise characterises characterised describe describes described describing dub dubs "
        "dubbed label labels labeled labelled term terms termed"
    )
)

_DOUBLED = frozenset(wordlist("admit quip concur snap slam dub"))  # admitted, quipped


def _forms(base: str) -> list[str]:
    """The -s, -ed and -ing forms of a regular verb."""
    if base.endswith("y") and base[-2] not in "aeiou":
        return [base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    if base.endswith("ee"):
        return [base, base + "s", base + "d", base + "ing"]
    if base.endswith("e"):
        return [base, base + "s", base + "d", base[:-1] + "ing"]
    s = base + ("es" if base.endswith(("sh", "ch", "ss", "x", "z")) else "s")
    stem = base + base[-1] if base in _DOUBLED else base
    return [base, s, stem + "ed", stem + "ing"]


def _all_forms() -> list[str]:
    forms = {f for line in _IRREGULAR for f in line.split()}
    for base in _REGULAR:
        forms.update(_forms(base))
    forms.update({"pled", "labelled", "labelling"})
    return sorted(forms, key=len, reverse=True)


_FORMS = _all_forms()
SPEECH_VERBS = frozenset(_FORMS)
# One trie rather than a flat alternation: `regex` then reads each verb once, not each form in turn,
# which made every pattern holding a verb of speech three times slower to match and to compile.
# The same matches: a flat alternation longest first and a trie's greedy tails both try the forms
# that fit a place from the longest down.
_VERB = trie(_FORMS)
# Objects kept with the verb because they say who heard it: "tells WW", "told reporters".
_HEARER = (
    r"(?:reporters|journalists|the\s+press|me|us|him|her|them|you|members|supporters|"
    r"(?:the\s+)?(?:[\p{Lu}][\p{L}.&’'-]*)(?:\s+[\p{Lu}][\p{L}.&’'-]*){0,3})"
)
VERB_PHRASE = (
    rf"(?:(?:went|goes|go)\s+on(?:\s+to\s+say)?|pointed\s+out|points\s+out|point\s+out|"
    r"(?:is|was|are|were)\s+quoted\s+as\s+saying|"
    r"(?:shot|shoots|fired|fires|hit|hits|pushed|pushes)\s+back|(?:chimed|chimes|weighed|weighs)\s+in|"
    rf"(?:tell|tells|told|telling)(?:\s+{_HEARER})?|put\s+it|"
    rf"(?:{_VERB}))"
)
# Lower case only: a capitalised "Said" or "Tell" mid-sentence is a name.
CUE = Scanner(
    regex.compile(rf"(?<![\p{{L}}-])(?=\p{{Ll}}){VERB_PHRASE}\b"),
    _FORMS,
    {  # the first words of the other verb phrases: "went on", "is quoted as saying", "shot back"
        "went goes go": r"on\b",
        "point points pointed": r"out\b",
        "is was are were": r"quoted\b",
        "shot shoots fired fires hit hits pushed pushes": r"back\b",
        "put": r"it\b",
        "chimed chimes weighed weighs": r"in\b",
    },
)
ACCORDING = regex.compile(r"\baccording\s+to\b", regex.I)
# Adverbs and auxiliaries between a speaker and the verb: "reportedly said", "has said".
AUX_WORDS = (
    r"(?!(?:family|assembly|italy|rally|ally|supply|anomaly|bully|july|reply)\b)\p{Ll}{3,}ly|also|then|"
    rf"later|now|once|twice|again|{lx.either(lx.AUXILIARIES)}|could|did|does|not|never|just|first|"
    r"still|previously|recently|earlier|separately|repeatedly"
)
AUX = rf"(?:(?:{AUX_WORDS})\s+)"


_BEFORE_NOUN = lx.ARTICLES + lx.POSSESSIVE_DETERMINERS + ("this", "these", "those", "whose")
_NOUN_BEFORE = regex.compile(rf"(?i)\b(?:{lx.either(_BEFORE_NOUN)})\s+$")


def verb_cues(text: str, start: int = 0, end: int | None = None) -> list[regex.Match[str]]:
    """Verbs of speech in `text`, leaving out the same words used as nouns ("their demands")."""
    end = len(text) if end is None else end
    return [
        m
        for m in CUE.finditer(text, start, end)
        if m[0][0].islower() and not _NOUN_BEFORE.search(text[max(0, m.start() - 8) : m.start()])
    ]
