"""Whether each speaker row's kind is right: person, organization, group, outlet or anonymous,
as bench/gold/speaker-kinds.tsv gives them per story (read from the pages by hand)."""

from __future__ import annotations

from pathlib import Path

from bench.realnews.corpus import GoldArticle
from bench.realnews.scoring import ARTICLE

KINDS_FILE = "speaker-kinds.tsv"


def read_kinds(gold_dir: Path) -> dict[str, dict[str, str]]:
    """story → name → kind; empty when the gold folder has no kinds file."""
    path = gold_dir / KINDS_FILE
    out: dict[str, dict[str, str]] = {}
    if not path.is_file():
        return out
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            story, name, kind = line.split("\t")
            out.setdefault(story, {})[_key(name)] = kind
    return out


def _key(name: str) -> str:
    return ARTICLE.sub("", name.casefold().replace("’", "'"))


def expected(kinds: dict[str, str], articles: list[GoldArticle]) -> dict[str, str]:
    """The kind each name should have: the table's own names first, then every name the gold
    accepts for a speaker, with that speaker's kind."""
    out: dict[str, str] = {}
    for article in articles:
        for q in article.quotes:
            kind = kinds.get(_key(q.speaker or ""))
            for name in q.accept or [] if kind else []:
                out.setdefault(_key(name), kind)
    out.update(kinds)
    return out


def judge(
    rows: list[tuple[str, str]], kinds: dict[str, str], articles: list[GoldArticle]
) -> tuple[int, list[tuple[str, str, str]]]:
    """How many rows have a known name, and those (name, kind, expected kind) of a wrong kind."""
    want = expected(kinds, articles)
    judged, wrong = 0, []
    for name, kind in rows:
        right = want.get(_key(name))
        if right is None:
            continue
        judged += 1
        if kind != right:
            wrong.append((name, kind, right))
    return judged, wrong
