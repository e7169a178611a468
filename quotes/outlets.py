"""Recognise news outlets and give each one name across spellings ("WWeek" → "Willamette Week").

Two layers: a data table of known outlets (canonical name → other spellings, abbreviations and web
domains), and general rules that make a spelling match its table entry: case, a leading "The", a
possessive "'s", spaces and punctuation, a web address or ".com" ending, and "A/B" double names.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

import regex

# Canonical name → other ways articles write it. Data, not rules: extend it as outlets turn up.
# Names whose key is already its domain's ("OregonLive" ~ oregonlive.com) need no domain entry.
KNOWN_OUTLETS: dict[str, list[str]] = {
    "Willamette Week": ["WWeek", "WW", "Williamette Week", "Willamette Weekly"],
    "Oregon Live": ["OregonLive", "The Oregonian", "The Oregonian/OregonLive"],
    "The Daily Caller": ["Daily Caller News Foundation", "DCNF"],
    "The Columbian": [],
    "Portland Tribune": ["pamplinmedia.com"],
    "Portland Mercury": ["portlandmercury.com"],
    "Oregon Public Broadcasting": ["OPB"],
    "KGW": ["KGW8", "KGW News"],
    "KOIN": ["KOIN 6", "KOIN6", "koin.com"],
    "Law Enforcement Today": [],
    "The People's Voice": [],
    "Eagle Rising": [],
    "Associated Press": ["AP", "apnews.com", "AP News"],
    "Reuters": [],
    "Agence France-Presse": ["AFP"],
    "The New York Times": ["NYT", "NY Times", "nytimes.com"],
    "The Washington Post": ["WaPo", "washingtonpost.com"],
    "The Wall Street Journal": ["WSJ"],
    "Los Angeles Times": ["LA Times", "L.A. Times", "latimes.com"],
    "USA Today": [],
    "The Boston Globe": ["bostonglobe.com"],
    "Chicago Tribune": ["chicagotribune.com"],
    "The Seattle Times": ["seattletimes.com"],
    "CNN": [],
    "Fox News": ["Fox News Channel", "foxnews.com"],
    "NBC News": ["NBC"],
    "CBS News": ["CBS"],
    "ABC News": ["ABC", "abcnews.go.com"],
    "MSNBC": [],
    "NPR": ["National Public Radio"],
    "PBS NewsHour": ["PBS"],
    "Politico": [],
    "Axios": [],
    "The Hill": ["thehill.com"],
    "Bloomberg": ["Bloomberg News"],
    "BuzzFeed News": ["BuzzFeed"],
    "HuffPost": ["Huffington Post", "The Huffington Post"],
    "Breitbart News": ["Breitbart"],
    "The Federalist": [],
    "The Intercept": [],
    "ProPublica": [],
    "Vox": [],
    "Newsweek": [],
    "Time": ["time.com"],
    "The Atlantic": [],
    "BBC News": ["BBC", "bbc.co.uk", "bbc.com"],
    "The Guardian": ["theguardian.com", "guardian.co.uk"],
    "The Times": ["thetimes.co.uk", "The Times of London"],
    "The Daily Telegraph": ["The Telegraph", "telegraph.co.uk"],
    "The Independent": ["independent.co.uk"],
    "Daily Mail": ["Mail Online", "MailOnline", "dailymail.co.uk"],
    "Financial Times": ["FT", "ft.com"],
    "The Economist": [],
    "Al Jazeera": ["aljazeera.com"],
}

_TLD = r"com|org|net|news|tv|info|co|us|uk|ca|au|io|fm|media|press|online|co\.uk|com\.au|org\.uk"
_DOMAIN = regex.compile(r"(?:[a-z0-9-]+\.)+(?:" + _TLD + r"|[a-z]{2})", regex.I)
_MULTIPART_SUFFIX = {"co", "com", "org", "net", "gov", "ac", "go"}  # bbc.co.uk, abcnews.go.com


_WWW = regex.compile(r"^www\d?\.", regex.I)
_POSSESSIVE = regex.compile(r"['’]s$")
_THE = regex.compile(r"^the\s+", regex.I)
_TLD_END = regex.compile(r"\.(?:" + _TLD + r")$", regex.I)
_NOT_WORD = regex.compile(r"[\W_]+")
_SPACES = regex.compile(r"\s+")
_ONE_WORD = regex.compile(r"[\p{L}'’]+")


@lru_cache(maxsize=8192)  # a corpus names the same few outlets again and again
def _key(name: str) -> str:
    """A spelling-blind key: "The Williamette Week's" and "williametteweek.com" alike."""
    name = name.strip()
    if "//" in name or name.lower().startswith("www."):
        name = urlsplit(name if "//" in name else "//" + name).hostname or name
    if name[:3].lower() == "www":  # cheap tests first: most names have none of these parts
        name = _WWW.sub("", name)
    if name.endswith(("'s", "’s")):
        name = _POSSESSIVE.sub("", name)
    if name[:3].lower() == "the":
        name = _THE.sub("", name)
    if "." in name:
        name = _TLD_END.sub("", name)
    return _NOT_WORD.sub("", name).casefold()


# Outlets whose bare name is a common word or surname: known only with "The" ("The Hill said").
_NEEDS_THE = frozenset(
    {"hill", "times", "guardian", "independent", "atlantic", "economist", "intercept", "federalist",
     "telegraph"}
)  # fmt: skip

_ALIASES: dict[str, str] = {}
for _canonical, _others in KNOWN_OUTLETS.items():
    for _alias in [_canonical, *_others]:
        _ALIASES.setdefault(_key(_alias), _canonical)


def canonical_outlet(name: str) -> str | None:
    """The canonical name of a known outlet, or None when `name` is not one we know."""
    if not name or not name.strip():
        return None
    key = _key(name)
    if key in _NEEDS_THE and _ONE_WORD.fullmatch(name.strip()):
        return None  # "Hill said" is a person; "The Hill" is the outlet
    if key in _ALIASES:
        return _ALIASES[key]
    if key.startswith("the") and _DOMAIN.fullmatch(name.strip()):  # thepeoplesvoice.tv
        return _ALIASES.get(key[3:])
    if "/" not in name:
        return None
    parts = {_ALIASES.get(_key(p)) for p in name.split("/") if p.strip()}
    if len(parts) == 1:  # "The Oregonian/OregonLive": both halves, one outlet
        return parts.pop()
    return None


def outlet_name(name: str) -> str:
    """A known outlet's canonical name, or else the name tidied, one spelling for each outlet."""
    known = canonical_outlet(name)
    if known:
        return known
    tidy = _SPACES.sub(" ", name.strip()).strip(" .,;:")
    if "//" in tidy or _DOMAIN.fullmatch(tidy):
        return domain_of(tidy) or tidy
    tidy = _POSSESSIVE.sub("", tidy)
    bare = _THE.sub("", tidy)
    # One name with or without its "The": "the Kell Valley Courier" → Kell Valley Courier, but
    # a one-word name keeps it, as a bare "Tribune" is not a name: "the Tribune" → The Tribune.
    return bare if len(bare.split()) > 1 or bare == tidy else "The " + bare


def outlet_from_url(url: str) -> str | None:
    """The outlet behind a web address: a known outlet's name, otherwise its tidy domain name."""
    domain = domain_of(url)
    if not domain:
        return None
    return canonical_outlet(domain) or canonical_outlet(_host(url) or "") or domain


def domain_of(url: str) -> str | None:
    """The registered domain of a web address, lower case: "https://www.wweek.com/x" → wweek.com."""
    host = _host(url)
    if not host or "." not in host:
        return None
    labels = host.split(".")
    keep = 3 if len(labels) > 2 and len(labels[-1]) == 2 and labels[-2] in _MULTIPART_SUFFIX else 2
    return ".".join(labels[-keep:])


def _host(url: str) -> str | None:
    url = url.strip()
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    return host.lower().rstrip(".") if host else None
