"""Plain data passed between the pipeline's stages: articles → quotes → clusters → database."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from functools import cached_property
from json.encoder import encode_basestring_ascii as _json_string  # json.dumps of a str
from typing import Any


@dataclass(frozen=True)
class Article:
    """One news article as read from disk, before any analysis."""

    id: str  # from its canonical URL, else the id its record gives, else its words (identity.py)
    text: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None when unknown
    title: str | None = None
    source: str | None = None  # where it was read from: a path, or path#line / path#record

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Problem:
    """An input that could not be read; recorded so a bad file never goes unnoticed."""

    source: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Speaker:
    """Who a quotation is attributed to, by the name a reader would use."""

    name: str
    kind: str = "person"  # person, organization, outlet, document, anonymous, group
    description: str | None = None  # role or title: "Portland Deputy Police Chief"


@dataclass(frozen=True)
class Quote:
    """A quotation found in an article; `start`/`end` are offsets of `text` in `Article.text`."""

    article_id: str
    text: str
    start: int
    end: int
    kind: str = "direct"  # direct, partial, headline, floating, block
    speaker: Speaker | None = None
    cue: str | None = None  # the reporting verb or phrase: "said", "according to", "tells WW"
    credit: str | None = None  # outlet the article credits for this quote ("WWeek reported")
    rule: str | None = None  # the attribution rule that gave the speaker (quotes/extract/rules.py)

    @cached_property
    def id(self) -> str:
        """Stable across builds: quote_id of its article and offsets."""
        return quote_id(self.article_id, self.start, self.end)

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["id"] = self.id
        return d


def quote_id(article_id: str, start: int, end: int) -> str:
    """record_hash({"a": article_id, "s": start, "e": end})[:16], the JSON it hashes written out
    directly (a build computes hundreds of thousands)."""
    record = f'{{"a":{_json_string(article_id)},"e":{end:d},"s":{start:d}}}'
    return hashlib.sha1(record.encode("utf8")).hexdigest()[:16]


@dataclass(frozen=True)
class Citation:
    """An article crediting another outlet as its source ("WWeek reported Monday")."""

    article_id: str
    outlet: str  # canonical outlet name, unified across spellings
    text: str  # the words as written: "WWeek reported"
    start: int
    end: int


@dataclass(frozen=True)
class Alteration:
    """One word-level difference between a variant and its cluster's canonical text."""

    quote_id: str
    # case, typography, truncated_start, truncated_end, elision, bracket, substitution,
    # insertion, splice
    op: str
    canonical: str  # the canonical words affected ('' for an insertion)
    variant: str  # the variant's words ('' for a deletion or truncation)
    canonical_start: int  # word positions in the canonical text
    canonical_end: int
    variant_start: int  # word positions in the variant
    variant_end: int


@dataclass(frozen=True)
class Edge:
    """Who copied whom: a quote and the earlier quote it most likely came from."""

    quote_id: str
    source_quote_id: str
    evidence: str  # human-readable reasons: "credits Willamette Week; same truncation"
    confidence: float
    # copy: an earlier quote of its part of the cluster; splice: the quote of the other part
    # (another cluster before the splice joined them) whose words this one prints with its own
    kind: str = "copy"


@dataclass
class Cluster:
    """One quotation as it travelled between articles."""

    id: str
    quote_ids: list[str]
    canonical_text: str
    canonical_quote_id: str
    speaker: Speaker | None
    first_quote_ids: list[str]  # earliest dated appearance(s); more than one means a tie
    first_published: str | None
    alterations: list[Alteration] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)


def record_hash(record: dict[str, str]) -> str:
    """sqlite_utils.utils.hash_record(record), written out: importing sqlite_utils costs more
    than reading a folder of articles, and `quotes extract` needs none of it."""
    key = json.dumps(record, separators=(",", ":"), sort_keys=True, default=repr)
    return hashlib.sha1(key.encode("utf8")).hexdigest()
