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
}  # fmt: skip
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
    officer", "Pelosi's office" (no digits)."""
    tokens = [t.lower() for t in TOKEN.findall(name)]
    if not tokens or any(c.isdigit() for c in name):
        return False
    return tokens[0] in ANONYMOUS_START or tokens[-1].rstrip("'’s") in ROLES or tokens[-1] in ROLES


def junk(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (name, kind) rows that look like neither a name nor an anonymous description."""
    return [(n, k) for n, k in names if not is_name(n) and not is_description(n)]
