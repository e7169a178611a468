"""Which speaker rows are neither a name nor an anonymous description: a rough report for
issue 8's "no junk speaker rows" target, to read, not to trust blindly."""

from __future__ import annotations

import re

CONNECTORS = {
    "of", "for", "the", "and", "&", "de", "del", "der", "van", "von", "bin", "al", "la", "le",
    "du", "da", "di", "on", "in", "at", "y", "el", "den", "ten", "ter", "'t", "’t",
}  # fmt: skip
NOT_NAMES = {
    "i", "he", "she", "it", "we", "they", "you", "this", "that", "there", "here", "well", "am",
    "pm", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "statement", "letter", "story", "update", "legal",
}  # fmt: skip
ANONYMOUS_START = {"a", "an", "one", "two", "three", "several", "some", "many", "another"}
ROLES = {
    "spokesman", "spokeswoman", "spokesperson", "official", "officials", "source", "sources",
    "officer", "officers", "aide", "aides", "adviser", "advisers", "lawyer", "lawyers",
    "attorney", "analyst", "witness", "resident", "residents", "representative", "executive",
    "insider", "person", "people", "employee", "employees", "member", "members", "staffer",
    "protesters", "critics", "supporters", "family", "fans", "team", "government",
    "prosecutors", "authorities", "police", "investigators", "researchers", "experts",
    "analysts", "scientists", "doctors", "leaders", "lawmakers", "senators", "negotiators",
    "office", "ministry", "department", "committee", "agency", "council", "embassy",
    "candidate", "nominee", "freshman", "narrator", "strangers", "crew", "staff", "friend",
    "friends", "relative", "relatives", "colleague", "colleagues", "judge", "counsel", "chief",
    "student", "agent", "consultant", "assistant", "immigrant", "participant", "respondent",
    "group", "groups", "crowd", "thousands", "hundreds", "dozens", "millions",
}  # fmt: skip
# Nouns of kinship: "George Floyd's brother", "her mother".
KIN = {
    "son", "daughter", "brother", "sister", "mother", "father", "wife", "husband", "widow",
    "uncle", "aunt", "cousin", "niece", "nephew", "grandmother", "grandfather", "grandson",
    "granddaughter", "child", "children", "parents", "partner", "fiancee", "fiancé", "fiancée",
}  # fmt: skip
# Endings of nouns for people: "prosecutor", "lobbyist", "bartender", "spokeswoman".
PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "person", "ee")
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
# Shares of people: "Forty-one percent of respondents" is described by its people.
QUANTITIES = {"percent", "majority", "minority", "half", "third", "quarter", "share", "most"}
# Words after a description's head noun: "spokesman for Disney", "a supporter at a rally".
AFTER_HEAD = {"for", "of", "at", "with", "from", "in", "on", "to", "close", "who", "familiar"}
TOKEN = re.compile(r"[\w.'’&-]+")


def is_name(name: str) -> bool:
    """A run of capitalised words (connectors and initials allowed), not a lone common word."""
    tokens = TOKEN.findall(name)
    if not tokens or len(tokens) > 8 or not _capitalised(tokens[0]) or not _capitalised(tokens[-1]):
        return False
    if len(tokens) == 1 and tokens[0].lower().strip(".") in NOT_NAMES:
        return False
    return all(_capitalised(t) or t.lower() in CONNECTORS for t in tokens)


def _capitalised(token: str) -> bool:
    return token[:1].isupper() and not token[:1].isdigit()


def is_description(name: str) -> bool:
    """An anonymous description or a body described: "a spokeswoman", "local immigration
    officer", "Pelosi's office", "chief government prosecutor", "George Floyd's brother",
    "spokesman for Disney" (no digits, at most 8 words, a lower-case noun for someone or a body
    as its head)."""
    tokens = TOKEN.findall(name)
    if not tokens or len(tokens) > 8 or any(c.isdigit() for c in name):
        return False
    if tokens[0].lower() in ANONYMOUS_START:
        return True
    at = next((i for i, t in enumerate(tokens) if i and t in AFTER_HEAD), len(tokens))
    if tokens[at - 1].lower() in QUANTITIES and at + 1 < len(tokens) and tokens[at] == "of":
        at = len(tokens)  # the people counted are the head
    head = tokens[at - 1]
    if not head.islower() or any(t.lower() in DETERMINERS for t in tokens[1:at]):
        return False  # "Milwaukee Journal Sentinel this summer": a name and a time
    low = head.lower()
    singular = low[:-1] if low.endswith("s") and not low.endswith("ss") else low
    return (
        low in ROLES
        or low in KIN
        or singular in ROLES
        or singular in KIN
        or (len(singular) > 4 and singular.endswith(PERSON_ENDINGS))
    )


def junk(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (name, kind) rows that look like neither a name nor an anonymous description."""
    return [(n, k) for n, k in names if not is_name(n) and not is_description(n)]
