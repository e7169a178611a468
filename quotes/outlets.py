"""Recognise news outlets and give each one name across spellings ("WWeek", "WW" → "Willamette Week")."""

from __future__ import annotations

import regex

# Canonical name → other ways articles write it. Data, not rules: extend it as outlets turn up.
KNOWN_OUTLETS: dict[str, list[str]] = {
    "Willamette Week": ["WWeek", "WW", "Williamette Week", "wweek.com"],
    "The Oregonian": ["Oregon Live", "OregonLive", "the Oregonian/OregonLive", "oregonlive.com"],
    "The Daily Caller": ["Daily Caller", "Dailycaller.com", "Daily Caller News Foundation"],
    "Associated Press": ["AP", "The Associated Press"],
    "Reuters": [],
    "The New York Times": ["New York Times", "NYT", "nytimes.com"],
    "The Washington Post": ["Washington Post", "washingtonpost.com"],
    "The Wall Street Journal": ["Wall Street Journal", "WSJ"],
    "CNN": ["cnn.com"],
    "Fox News": ["foxnews.com"],
    "NBC News": ["NBC"],
    "CBS News": ["CBS"],
    "ABC News": ["ABC"],
    "NPR": ["National Public Radio"],
    "Politico": ["politico.com"],
    "Axios": [],
    "Bloomberg": ["Bloomberg News"],
    "BBC": ["BBC News"],
    "The Guardian": ["Guardian"],
    "USA Today": [],
    "The Hill": [],
}


def _key(name: str) -> str:
    name = regex.sub(r"^the\s+", "", name.strip(), flags=regex.I)
    name = regex.sub(r"\.(com|org|net|tv)$", "", name, flags=regex.I)
    return regex.sub(r"[\W_]+", "", name).casefold()


_ALIASES: dict[str, str] = {}
for _canonical, _others in KNOWN_OUTLETS.items():
    for _alias in [_canonical, *_others]:
        _ALIASES.setdefault(_key(_alias), _canonical)


def canonical_outlet(name: str) -> str | None:
    """The canonical name of a known outlet, or None when `name` is not one we know."""
    return _ALIASES.get(_key(name)) if name.strip() else None


def outlet_name(name: str) -> str:
    """A known outlet's canonical name, or the name itself tidied (for outlets we have not met)."""
    return canonical_outlet(name) or regex.sub(r"\s+", " ", name.strip())
