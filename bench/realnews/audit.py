"""List places where the real-news gold's clusters may break the guidelines, for a person to judge.

The cluster rules of /work/shared/gold-guidelines.md are about words that recur: a quote seen in
several articles shares one slug, a fragment joins the cluster of the longer quote it stands in,
sentences of one statement are one cluster only when some article quotes them as one span. So
two gold quotes of one speaker are *linked* when one's words stand inside the other's (whole, in
order), when they share a run of RUN words, or when most of their content words are shared (a
reworded copy); the audit prints linked quotes whose clusters differ, clusters whose members fall
apart into unlinked groups, and clusters seen in one article only. It reads the committed gold
and the pages and decides nothing: `python -m bench.realnews audit bench/gold/*.json`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.realnews.corpus import SPEECH, GoldArticle, GoldQuote, cluster_warnings, read_gold
from bench.realnews.words import words

RUN = 4  # shared words in a row that link two quotes (fewer: one must lie inside the other)
SIMILAR = 0.4  # Dice overlap of content words that marks two quotes as perhaps one, reworded
STOP = frozenset(  # words too common to mark two quotes as one
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have",
        "he", "her", "his", "i", "in", "is", "it", "it's", "its", "me", "my", "no", "not", "of",
        "on", "or", "our", "she", "so", "that", "the", "their", "them", "they", "this", "to",
        "was", "we", "were", "what", "when", "will", "with", "you", "your",
    }
)  # fmt: skip
SHOWN = 90  # characters of a quote shown


@dataclass(frozen=True)
class Entry:
    """One speech quote of a story, with where it is and its words."""

    article: str
    index: int
    quote: GoldQuote
    words: tuple[str, ...]

    def label(self) -> str:
        q = self.quote
        text = q.text if len(q.text) <= SHOWN else q.text[:SHOWN] + "…"
        return f"{self.article}#{self.index} [{q.kind}, {q.speaker}, {q.cluster}] {text!r}"


def entries(articles: list[GoldArticle]) -> list[Entry]:
    """The story's speech quotes (direct, partial, headline) with their words."""
    return [
        Entry(a.id, n, q, tuple(words(q.text)))
        for a in articles
        for n, q in enumerate(a.quotes)
        if q.kind in SPEECH and words(q.text)
    ]


def inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether `short` stands, whole and in order, inside `long`."""
    n = len(short)
    return n <= len(long) and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def runs(ws: tuple[str, ...]) -> set[tuple[str, ...]]:
    return {ws[i : i + RUN] for i in range(len(ws) - RUN + 1)}


def content(ws: tuple[str, ...]) -> set[str]:
    return {w for w in ws if w not in STOP}


def linked(a: Entry, b: Entry) -> str | None:
    """How two quotes share words ('inside', 'run', 'similar'), or None."""
    short, long = sorted((a.words, b.words), key=len)
    if inside(short, long):
        return "inside"
    if runs(a.words) & runs(b.words):
        return "run"
    ca, cb = content(a.words), content(b.words)
    if len(ca) > 1 and len(cb) > 1 and 2 * len(ca & cb) >= SIMILAR * (len(ca) + len(cb)):
        return "similar"
    return None


def title(q: GoldQuote) -> bool:
    return q.kind == "headline" and q.speaker is None


def same_speaker(a: GoldQuote, b: GoldQuote) -> bool:
    """Whether two quotes may be one speaker's: a name accepted for both, or one unknown. A
    title (a headline without speaker) goes only with another title: words of a title inside
    someone's speech are no piece of that speech."""
    if title(a) or title(b):
        return title(a) and title(b)
    if a.speaker is None or b.speaker is None:
        return True
    return bool({n.lower() for n in a.accept} & {n.lower() for n in b.accept})


def differing_links(items: list[Entry]) -> Iterator[tuple[str, Entry, Entry]]:
    """Linked pairs of one speaker with different clusters (null counts as its own): across
    articles, or within one article when one of the two has a cluster. The same words from
    another speaker are another quotation, so those pairs are left out."""
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            same_article = a.article == b.article
            if a.quote.cluster is not None and a.quote.cluster == b.quote.cluster:
                continue
            if same_article and a.quote.cluster is None and b.quote.cluster is None:
                continue
            if not same_speaker(a.quote, b.quote):
                continue
            how = linked(a, b)
            if how:
                yield how, a, b


def falling_apart(items: list[Entry]) -> Iterator[tuple[str, list[list[Entry]]]]:
    """Clusters whose members make several groups with no link between them."""
    by_cluster: dict[str, list[Entry]] = {}
    for e in items:
        if e.quote.cluster:
            by_cluster.setdefault(e.quote.cluster, []).append(e)
    for cluster, members in sorted(by_cluster.items()):
        groups: list[list[Entry]] = []
        for e in members:
            touching = [g for g in groups if any(linked(e, o) for o in g)]
            merged = [e] + [o for g in touching for o in g]
            groups = [g for g in groups if g not in touching] + [merged]
        if len(groups) > 1:
            yield cluster, groups


def audit(story: str, articles: list[GoldArticle]) -> list[str]:
    """The lines of one story's audit."""
    items = entries(articles)
    lines = [f"== {story}: {len(items)} speech quotes"]
    for how, a, b in differing_links(items):
        lines += [f"[{how}] {a.label()}", f"    ~ {b.label()}"]
    for cluster, groups in falling_apart(items):
        lines.append(f"[apart] {cluster}: {len(groups)} groups")
        for n, group in enumerate(groups):
            lines += [f"    {n}: {e.label()}" for e in group]
    lines += [f"[single] {w}" for w in cluster_warnings(articles)]
    return lines


def run(gold: list[Path], pages: Path) -> None:
    """Print the audit of every given gold file."""
    for path in gold:
        articles, messages = read_gold(path, pages)
        for line in messages + audit(path.stem, articles):
            print(line)
