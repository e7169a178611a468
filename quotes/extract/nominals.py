"""Nominal mentions, found in the text alone: "the union", "the ICE union" (an organisation's
noun, which the roster resolves) and "many residents who rent" (a group's), each found head noun
first and read back from it, far faster than trying every start."""

from __future__ import annotations

import re

import regex

from quotes.extract import lexicon as lx
from quotes.extract import windows
from quotes.extract.scan import Scanner, trie
from quotes.model import Speaker

_WORD = r"[\p{Ll}][\p{Ll}-]*"
ONE = lx.either(("the", "this", "that", "its", "their", "a", "an"), capital=True)  # the group
_SOME = lx.either(("the", "these", "those", "some", "many", "several"), capital=True)  # groups
_ORG_NOUN = trie(lx.ORG_NOUNS)  # one alternation, shared prefixes written once: read faster
_ORG_HEAD = Scanner(regex.compile(rf"\b{_ORG_NOUN}\b(?!\s+(?:of|to)\b)"), lx.ORG_NOUNS)
_NOMINAL = regex.compile(
    rf"\b(?:{ONE})\s+(?:(?:{_WORD}|\p{{Lu}}{{2,6}})\s+){{0,2}}?"
    rf"(?P<noun>{_ORG_NOUN})$"
)
_GROUP_NOUN = trie(lx.GROUP_NOUNS)
_GROUP_HEAD = Scanner(regex.compile(rf"\b{_GROUP_NOUN}\b"), lx.GROUP_NOUNS)
# Read backwards from the head noun (?r) and matched there, the one place it can end: the same
# match as a forward search, which tried every character of the window before the noun
# (tests/test_extract_backwards.py).
_GROUP = regex.compile(
    rf"(?r)(?<![\p{{L}}’'-])(?:(?:{_SOME})\s+)?"
    rf"(?:(?:{_WORD}|\p{{Lu}}{{2,6}})\s+){{0,2}}(?P<noun>{_GROUP_NOUN})$"
)
# Both kinds of head in one pass: each is a whole word, so the pass finds what each of the two
# scanners' own would, and each head is sent to its scanner by the word.
_HEADS = re.compile(rf"\b{trie(lx.ORG_NOUNS | lx.GROUP_NOUNS)}\b")
_WHO = regex.compile(
    r"\s+who\s+[^,.;:\x00\n]{1,60}?(?=\s+(?:\p{L}+ed|said|says|have|has|are|were|will)\b)"
)


def nominals(masked: str) -> tuple[list[regex.Match[str]], list[tuple[int, int, str]]]:
    """The text's nominal mentions of organisations ("the ICE union", with its `noun`) and of
    groups (where each starts and ends, and its phrase with any "who" clause), in text order."""
    heads, groups = _heads(masked)
    orgs = []
    for head in _ORG_HEAD.at(masked, heads, len(masked)):
        m = _NOMINAL.search(masked, max(0, head.start() - windows.NOMINAL), head.end())
        if m:
            orgs.append(m)
    found = []
    for head in _GROUP_HEAD.at(masked, groups, len(masked)):
        m = _GROUP.match(masked, max(0, head.start() - windows.NOMINAL), head.end())
        if m:
            rel = _WHO.match(masked, m.end())
            found.append((m.start(), m.end(), m[0] + (rel[0] if rel else "")))
    return orgs, found


def _heads(text: str) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """The words that head organisations' and groups' nominal mentions, as their scanners'
    candidates."""
    orgs: list[re.Match[str]] = []
    groups: list[re.Match[str]] = []
    for m in _HEADS.finditer(text):
        (orgs if m[0] in lx.ORG_NOUNS else groups).append(m)
    return orgs, groups


def group(phrase: str) -> Speaker:
    """A plural speaker as a reader would name it: "The groups who…" → "groups who…"."""
    words = phrase.split()
    if words and words[0].casefold() in lx.DETERMINERS:
        words = words[1:]
    return Speaker(" ".join(words), "group")
