"""Write news corpora with known truth, to measure how well quotations are clustered and traced.

Outlets publish articles day by day. Some articles report new statements; others copy quotes
from earlier articles, and copies get copied in turn. A copy may be truncated at either end,
elided (marked "...", "…", "[…]" or not marked), re-cased, given another word, an inserted
word or a bracketed editorial word, spliced with part of another quotation, or set in the
copying outlet's own apostrophes; it credits its source or not. A splice runs a quotation's
first sentences on into sentences of another in one span, so by the gold guideline the two
statements are one true cluster. Other articles report an earlier statement afresh, in a piece,
as real coverage does: a fragment of one to five words ("called it a “ringleader”"), some of its
sentences (starting, now and then, a few words into the sentence before), or all of it without
the lead-in ("Hi all,") its first printing kept; by the gold guideline each piece belongs to the
statement's cluster. Unrelated quotations share
stock phrases ("at the end of the day"). Every quote records its true cluster, the quote it was
copied from and the alterations it carries, so the clusterer can be scored. No external data:
the words are drawn from lists below and from pseudo-words built of syllables.

    python bench/generate.py 200 --seed 1 > corpus.jsonl   # articles, one JSON object a line
"""

from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import accumulate

from words import (
    BRACKET_WORDS,
    CONTENT_WORDS,
    CONTRACTIONS,
    ELISION_MARKS,
    FIRST_NAMES,
    FUNCTION_WORDS,
    INSERTED_WORDS,
    LAST_NAMES,
    LEAD_INS,
    OUTLET_WORDS,
    STOCK_PHRASES,
    SYLLABLES_CO,
    SYLLABLES_NU,
    SYLLABLES_ON,
)

from quotes.model import Article, Citation, Quote, Speaker

FUNCTION_SET = frozenset(w.casefold() for w in FUNCTION_WORDS + CONTRACTIONS)

# How often a copy makes each change (a copy may make several).
OPS = {
    "fragment": 0.08,
    "truncated_start": 0.15,
    "truncated_end": 0.2,
    "elision": 0.15,
    "case": 0.1,
    "substitution": 0.15,
    "insertion": 0.05,
    "bracket": 0.07,
    "splice": 0.04,
}
REPORT = 0.25  # chance an article also reports an earlier statement afresh, in a piece
LEAD_IN = 0.2  # chance a statement opens with a lead-in ("Hi all,") that reports may drop
SHAPES = ("fragment", "sentences", "lead-in dropped")  # pieces reported afresh


@dataclass(frozen=True)
class Tok:
    """One word of a generated quotation, remembering where it came from."""

    surface: str  # as printed, with any punctuation attached
    origin: int | None  # position in the original quotation; None for words a copy added
    kind: str = "orig"  # orig, sub, ins, bracket, splice
    mark: str | None = None  # elision mark printed before this word ("" when unmarked)


@dataclass
class Statement:
    """A quotation as someone said it: the root of one true cluster."""

    label: str
    speaker: Speaker
    words: list[str]
    lead: int = 0  # words of its lead-in ("Hi all,"), 0 when it has none


@dataclass
class Printed:
    """A quotation as one article printed it."""

    quote: Quote
    statement: Statement
    toks: list[Tok]
    source: Quote | None = None  # the quote it was copied from
    partner: Statement | None = None  # the statement a splice took words from
    shape: str | None = None  # for a piece reported afresh: which kind (SHAPES)


@dataclass
class Truth:
    """What the clusterer should find."""

    # quote id -> true cluster: its statement's label, or for statements some quote splices
    # together (the gold guideline: quoted as one span, they are one), the first one's
    cluster: dict[str, str] = field(default_factory=dict)
    statement: dict[str, str] = field(default_factory=dict)  # quote id -> statement label
    source: dict[str, str] = field(default_factory=dict)  # quote id -> quote it copied
    labels: dict[str, frozenset[str]] = field(default_factory=dict)  # quote id -> operations
    splice_partner: dict[str, str] = field(default_factory=dict)  # quote id -> statement label
    shape: dict[str, str] = field(default_factory=dict)  # quote id -> piece reported afresh


@dataclass
class Corpus:
    """Articles, their quotes and citations, and the truth about them."""

    articles: list[Article]
    quotes: list[Quote]
    citations: list[Citation]
    truth: Truth


class Writer:
    """Draws words, statements and articles from one seeded random generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.lexicon = self._lexicon(6000)
        # Cumulative, as choices() would add them up on every call (its result is the same).
        self.cum_weights = list(accumulate(1 / (rank + 20) for rank in range(len(self.lexicon))))
        self.names = self._lexicon(400)

    def _lexicon(self, n: int) -> list[str]:
        words: set[str] = set()
        while len(words) < n:
            words.add(
                "".join(
                    self.rng.choice(SYLLABLES_ON)
                    + self.rng.choice(SYLLABLES_NU)
                    + self.rng.choice(SYLLABLES_CO)
                    for _ in range(self.rng.choice([2, 2, 3]))
                )
            )
        return sorted(words)

    def word(self) -> str:
        r = self.rng.random()
        if r < 0.45:
            return self.rng.choice(FUNCTION_WORDS)
        if r < 0.5:
            return self.rng.choice(CONTRACTIONS)
        if r < 0.62:
            return self.rng.choice(CONTENT_WORDS)
        if r < 0.66:
            return self.rng.choice(self.names).capitalize()
        return self.rng.choices(self.lexicon, cum_weights=self.cum_weights)[0]

    def sentence(self) -> list[str]:
        words = [self.word() for _ in range(self.rng.randint(5, 16))]
        if self.rng.random() < 0.35:
            at = self.rng.randint(0, len(words))
            words[at:at] = self.rng.choice(STOCK_PHRASES).split()
        if self.rng.random() < 0.4:
            words[self.rng.randrange(len(words) - 1)] += ","
        words[0] = words[0][0].upper() + words[0][1:]
        words[-1] += self.rng.choice([".", ".", ".", "?"])
        return words

    def statement(self, label: str) -> Statement:
        words = [w for _ in range(self.rng.choice([1, 1, 2, 2, 3])) for w in self.sentence()]
        speaker = Speaker(f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}")
        lead = self.rng.choice(LEAD_INS).split() if self.rng.random() < LEAD_IN else []
        if lead:
            words[0] = words[0][0].lower() + words[0][1:] if words[0] != "I" else words[0]
        return Statement(label, speaker, lead + words, len(lead))

    def piece(self, statement: Statement) -> tuple[list[Tok], str]:
        """Part of a statement as an outlet that heard it itself might print it, and its shape."""
        rng, words = self.rng, statement.words
        starts = [0] + [k for k in range(1, len(words)) if words[k - 1][-1] in ".?"]
        shape = rng.choices(SHAPES, (0.4, 0.4, 0.2))[0]
        if shape == SHAPES[2] and statement.lead:
            return [Tok(x, n) for n, x in enumerate(words) if n >= statement.lead], shape
        if shape == SHAPES[1] and len(starts) > 1:
            a = rng.randrange(len(starts))
            b = rng.randint(a + 1, len(starts))
            if (a, b) != (0, len(starts)):
                begin = starts[a] if a == 0 or rng.random() < 0.7 else starts[a] - rng.randint(1, 3)
                end = starts[b] if b < len(starts) else len(words)
                return [Tok(words[n], n) for n in range(max(begin, 0), end)], shape
        # A fragment: one to five words of one sentence, not opening or closing on a
        # function word, as a reporter lifts them ("called it a “ringleader”").
        for size in (rng.randint(1, 5), 1):
            spans = [
                k
                for k in range(statement.lead, len(words) - size + 1)
                if _meaningful(words[k])
                and _meaningful(words[k + size - 1])
                and not any(words[m][-1] in ".?" for m in range(k, k + size - 1))
            ]
            if spans:
                break
        at = rng.choice(spans) if spans else statement.lead
        return [Tok(words[n], n) for n in range(at, min(at + size, len(words)))], SHAPES[0]


def _meaningful(word: str) -> bool:
    """A word a partial quotation may start or end with: not a function word."""
    return word.rstrip(",.?:").casefold() not in FUNCTION_SET


def render(toks: list[Tok], curly: bool) -> str:
    """A quotation's text: words with elision marks, in the outlet's apostrophes."""
    parts = []
    for t in toks:
        if t.mark:
            parts.append(t.mark)
        parts.append(t.surface.replace("'", "’") if curly else t.surface.replace("’", "'"))
    return " ".join(parts).rstrip(",")


def alter(w: Writer, toks: list[Tok], other: list[Tok] | None) -> tuple[list[Tok], bool]:
    """A copy's changes to its source's words; True when it spliced in words of `other`."""
    rng, out, spliced = w.rng, list(toks), False
    for op, p in OPS.items():
        if rng.random() >= p or len(out) < 8:
            continue
        n = len(out)
        if op == "truncated_start":
            out = out[rng.randint(2, n // 3) :]
        elif op == "truncated_end":
            out = out[: n - rng.randint(2, n // 3)]
        elif op == "fragment":
            size = rng.randint(5, min(8, n - 2))
            at = rng.randint(1, n - size)
            out = out[at : at + size]
        elif op == "elision":
            size = rng.randint(2, max(2, n // 4))
            at = rng.randint(2, n - size - 2)
            if at + size < len(out):
                out = (
                    out[:at]
                    + [replace(out[at + size], mark=rng.choice(ELISION_MARKS))]
                    + out[at + size + 1 :]
                )
        elif op == "case":
            k = rng.randrange(n)
            s = out[k].surface
            flipped = s[0].lower() + s[1:] if s[0].isupper() else s[0].upper() + s[1:]
            out[k] = replace(out[k], surface=flipped)
        elif op == "substitution":
            k = rng.randint(1, n - 2)
            word = w.word()
            while word.casefold() == out[k].surface.rstrip(",.?").casefold():
                word = w.word()
            out[k] = Tok(word + _tail(out[k].surface), None, "sub", out[k].mark)
        elif op == "insertion":
            k = rng.randint(1, n - 2)
            out.insert(k, Tok(rng.choice(INSERTED_WORDS), None, "ins"))
        elif op == "bracket":
            k = rng.randint(1, n - 2)
            out[k] = Tok(
                f"[{rng.choice(BRACKET_WORDS)}]" + _tail(out[k].surface),
                None,
                "bracket",
                out[k].mark,
            )
        elif op == "splice" and other and len(other) >= 12 and n >= 12:
            # The copy keeps its own quotation's first sentences and runs on, in the same marks,
            # into a shorter run of another's sentences (cut short, maybe, by the closing mark).
            ends = [k + 1 for k in range(9, n) if out[k].surface[-1] in ".?"]
            starts = [
                k for k in range(len(other) - 4) if k == 0 or other[k - 1].surface[-1] in ".?"
            ]
            if not ends or not starts:
                continue
            keep = out[: rng.choice(ends)]
            at = rng.choice(starts)
            size = rng.randint(5, max(5, min(10, len(keep) * 2 // 3, len(other) - at)))
            out = keep + [Tok(t.surface, None, "splice") for t in other[at : at + size]]
            spliced = True
    return out, spliced


def _tail(surface: str) -> str:
    return surface[len(surface.rstrip(",.?")) :]


def labels_of(toks: list[Tok], root: list[str]) -> frozenset[str]:
    """The alterations a copy carries against the first printing, from where each word came from.

    `toks` are styled as the copy printed them and `root` as the first article printed them.
    """
    found = {t.kind for t in toks if t.kind in ("splice", "bracket")}
    origins = [t.origin for t in toks if t.origin is not None]
    if origins and origins[0] > 0:
        found.add("truncated_start")
    if origins and origins[-1] < len(root) - 1:
        found.add("truncated_end")
    prev: int | None = None
    between: list[Tok] = []
    for t in toks:
        if t.origin is None:
            between.append(t)
            continue
        added = {b.kind for b in between}
        missing = t.origin - prev - 1 if prev is not None else 0
        # Missing words were cut (elided), unless words put in their place stand for them all;
        # beside a cut the writer marked, a changed or bracketed word stands for one word only.
        marked = any(b.mark for b in [*between, t])
        stand_in = sum(b.kind in ("sub", "bracket") for b in between)
        if missing and (marked or not between) and missing > stand_in:
            found.add("elision")
        if "sub" in added:
            found.add("substitution")
        if "ins" in added and prev is not None:
            found.add("insertion")
        before = root[t.origin]
        if t.surface != before:
            plain = t.surface.replace("’", "'") == before.replace("’", "'")
            found.add("typography" if plain else "case")
        prev, between = t.origin, []
    leading = [
        t.kind for t in toks[: next((k for k, t in enumerate(toks) if t.origin is not None), 0)]
    ]
    ends = ((leading, "truncated_start"), ([b.kind for b in between], "truncated_end"))
    for kinds, cut in ends:
        # A word added where a copy starts or stops after a cut reads as a changed cut word:
        # nothing in the text tells the two apart.
        added = "substitution" if cut in found else "insertion"
        found |= {"substitution" if k == "sub" else added for k in kinds if k in ("sub", "ins")}
    return frozenset(found)


def styled(toks: list[Tok], curly: bool) -> list[Tok]:
    """Words in an outlet's apostrophes, as it would print them."""
    return [replace(t, surface=_style(t.surface, curly)) for t in toks]


def _style(word: str, curly: bool) -> str:
    return word.replace("'", "’") if curly else word.replace("’", "'")


@dataclass
class Draft:
    """A quotation an article is about to print."""

    statement: Statement
    toks: list[Tok]
    source: Printed | None = None
    source_outlet: str | None = None
    partner: Statement | None = None
    shape: str | None = None  # for a piece reported afresh: which kind (SHAPES)


def generate(n_articles: int, seed: int = 0, undated: float = 0.08, per_day: int = 20) -> Corpus:
    """A corpus of `n_articles` articles, about `per_day` a day, some of them undated."""
    w = Writer(seed)
    rng = w.rng
    outlets = {name: rng.random() < 0.5 for name in OUTLET_WORDS}  # name -> curly apostrophes
    corpus = Corpus([], [], [], Truth())
    printed: dict[int, list[tuple[int, Article, Printed]]] = defaultdict(list)  # by day
    whole: dict[str, list[tuple[Article, Printed]]] = defaultdict(list)  # all words, in order
    copies: list[Printed] = []
    for i in range(n_articles):
        day = i // per_day
        outlet = rng.choice(list(outlets))
        published = (
            None if rng.random() < undated else (date(2024, 3, 1) + timedelta(days=day)).isoformat()
        )
        earlier = [p for d in range(day - 7, day) for p in printed.get(d, ())]
        drafts: list[Draft] = []
        if earlier and rng.random() < 0.6:
            source_article = rng.choice(earlier)[1]
            from_source = [p[2] for p in earlier if p[1] is source_article]
            for src in rng.sample(from_source, min(len(from_source), rng.randint(1, 3))):
                other = rng.choice(earlier)[2]
                foreign = other.toks if other.statement is not src.statement else None
                toks, spliced = alter(w, src.toks, foreign)
                drafts.append(
                    Draft(
                        src.statement,
                        toks,
                        src,
                        source_article.outlet,
                        other.statement if spliced else None,
                    )
                )
        if earlier and rng.random() < REPORT:
            for _ in range(rng.randint(1, 2)):
                statement = rng.choice(earlier)[2].statement
                toks, shape = w.piece(statement)
                drafts.append(Draft(statement, toks, shape=shape))
        if not drafts or rng.random() < 0.4:
            for k in range(rng.randint(1, 3)):
                statement = w.statement(f"s{seed}-{i:06d}-{k}")
                drafts.append(Draft(statement, [Tok(x, n) for n, x in enumerate(statement.words)]))
        article_id = f"g{seed}-{i:06d}"
        article, quotes = _write(w, article_id, outlet, published, outlets[outlet], drafts, corpus)
        for p in quotes:
            if [(t.origin, t.kind) for t in p.toks] == [
                (n, "orig") for n in range(len(p.statement.words))
            ]:
                whole[p.statement.label].append((article, p))
            corpus.truth.statement[p.quote.id] = p.statement.label
            corpus.truth.labels[p.quote.id] = frozenset()
            if p.source:
                corpus.truth.source[p.quote.id] = p.source.quote.id
                copies.append(p)
            if p.partner:
                corpus.truth.splice_partner[p.quote.id] = p.partner.label
            if p.shape:
                corpus.truth.shape[p.quote.id] = p.shape
            printed[day].append((day, article, p))
        corpus.articles.append(article)
    for p in copies:
        corpus.truth.labels[p.quote.id] = labels_of(p.toks, _reference(whole[p.statement.label]))
    corpus.truth.cluster = _spliced_together(corpus.truth)
    return corpus


def _spliced_together(truth: Truth) -> dict[str, str]:
    """Each quote's true cluster: its statement, joined with every statement a quote splices
    with it (transitively: each splice is one span holding both), named by the earliest."""
    parent: dict[str, str] = {}

    def find(label: str) -> str:
        while parent.get(label, label) != label:
            label = parent[label]
        return label

    for q, partner in truth.splice_partner.items():
        a, b = sorted((find(truth.statement[q]), find(partner)))
        if a != b:
            parent[b] = a
    return {q: find(label) for q, label in truth.statement.items()}


def _reference(printings: list[tuple[Article, Printed]]) -> list[str]:
    """The words a copy's alterations are told against: as the statement's first printing has
    them, or, when that article is undated, as its first dated printing of all its words has
    them (capitals and apostrophes may differ). Only dates tell which printing came first, so
    an undated first printing cannot be told from a copy (first appearance counts dated
    articles only)."""
    dated = [p for article, p in printings if article.published]
    return [t.surface for t in (dated[0] if dated else printings[0][1]).toks]


def _write(
    w: Writer,
    article_id: str,
    outlet: str,
    published: str | None,
    curly: bool,
    drafts: list[Draft],
    corpus: Corpus,
) -> tuple[Article, list[Printed]]:
    """Lay the drafts out as an article's paragraphs, recording each quote's offsets."""
    rng = w.rng
    title = " ".join(w.sentence()[:7]).rstrip(",.?")
    text = title + "\n\n"
    out: list[Printed] = []
    for d in drafts:
        text += " ".join(w.sentence()) + "\n\n"
        toks = styled(d.toks, curly)
        quoted = render(toks, curly)
        credit = d.source_outlet if d.source_outlet and rng.random() < 0.5 else None
        name = d.statement.speaker.name
        lead = "“" if curly else '"'
        close = "”" if curly else '"'
        if credit:
            cited = f"the {credit} reported"
            text += f"{name} said, {cited}: "
            at = len(text) - len(cited) - 2
            corpus.citations.append(Citation(article_id, credit, cited, at, at + len(cited)))
        start = len(text) + len(lead)
        text += f"{lead}{quoted}{close}"
        text += "\n\n" if credit else f", {name} said.\n\n"
        kind = "partial" if len(toks) < 9 else "direct"
        quote = Quote(
            article_id,
            quoted,
            start,
            start + len(quoted),
            kind,
            d.statement.speaker,
            "said",
            credit,
        )
        corpus.quotes.append(quote)
        out.append(Printed(quote, d.statement, toks, d.source, d.partner, d.shape))
    article = Article(
        article_id, text, f"https://example.com/{article_id}", outlet, published, title
    )
    return article, out


def main() -> None:
    """Print a generated corpus as JSON Lines articles (the format `quotes build` reads)."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 0
    for article in generate(n, seed).articles:
        print(json.dumps({k: v for k, v in article.as_dict().items() if k != "source"}))


if __name__ == "__main__":
    main()
