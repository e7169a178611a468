"""What the distributed build's joins need of quotes/cluster, as plain functions of rows.

The joins themselves (quotes/spark/links.py) look up what the single-machine clustering looks up
(candidates.ShingleIndex: word trigrams, a posting read up to its first MAX_POSTING wordings in
clustering order, pairs sharing least_shared of them; fragments.WordIndex: a fragment's holders
in the posting of its rarest content stem, overall and under its speakers' surnames, none past
fragments.MAX_POSTING); each candidate pair is kept only when components.settle_linked says
it could link (a splice's, when splices.gives_run says so), with both wordings built here as
cluster_quotes builds them; and each wording's corpus counts reach cluster_quotes as
counts.Counted.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from quotes.cluster import candidates, fragments
from quotes.cluster.candidates import ShingleIndex, shingles, word_shingles
from quotes.cluster.components import settle_linked
from quotes.cluster.counts import CorpusCounts, Counted
from quotes.cluster.normalise import Vocabulary, tokenise
from quotes.cluster.splices import gives_run
from quotes.cluster.stems import stem
from quotes.cluster.verify import MIN_FRAGMENT_WORDS, SHORT_FRAGMENT_WORDS
from quotes.cluster.wordings import Wording

SHINGLE_CAP = candidates.MAX_POSTING  # wordings of one shingle's posting paired with the rest
WORD_CAP = fragments.MAX_POSTING  # larger word postings give a fragment no holders


def trigrams(words: Sequence[str]) -> list[str]:
    """The distinct word trigrams of a wording (the whole wording if shorter)."""
    return sorted(set(word_shingles(words)))


def least_shared(words: Sequence[str]) -> int:
    """Shingles a candidate must share with this wording (ShingleIndex.candidates)."""
    return 1 if len(trigrams(words)) <= 3 else candidates.MIN_SHARED


def postings(words: Sequence[str], speakers: Sequence[str]) -> Iterator[str]:
    """The word postings a wording is filed under: each word's stem, and each stem under each
    of its speakers' surnames (fragments.WordIndex)."""
    surnames = sorted({fragments.surname(s) for s in speakers})
    for word in sorted({stem(w) for w in words}):
        yield f"w\x00{word}"
        for s in surnames:
            yield f"s\x00{s}\x00{word}"


def probes(text: str, speakers: Sequence[str]) -> Iterator[tuple[bool, int, str, str, bool]]:
    """(by speaker, position, stem, posting, stub) for each content stem a fragment (its first
    quote's `text`) may look its holders up by, in text order: overall, and under each of its
    speakers' surnames; stub says whether it is the stem of a word that may be cut short
    (fragments.stub_stems)."""
    tokens = tokenise(text)
    if len(tokens.words) >= SHORT_FRAGMENT_WORDS:
        return
    surnames = sorted({fragments.surname(s) for s in speakers})
    stubs = fragments.stub_stems(tokens)
    for k, word in enumerate(fragments.content_of(tokens.words)):
        yield False, k, word, f"w\x00{word}", word in stubs
        for s in surnames:
            yield True, k, word, f"s\x00{s}\x00{word}", word in stubs


def wording_key(text: str, quote_id: str, speaker: str | None) -> tuple[str, tuple[str, ...]]:
    """The key quotes of one wording share in cluster_quotes (its normalised words, and the
    speaker for a short one; a quote without words stands alone), and those words."""
    words = tokenise(text).words
    key = " ".join(words) if words else f"\x00{quote_id}"
    if speaker and len(words) < MIN_FRAGMENT_WORDS:
        key += f"\x00{speaker}"
    return key, words


def pair_linked(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """components.settle_linked for two rows of wordings (key, text of the first quote, weight,
    speakers, the one article all its quotes are in, stock trigrams), built as cluster_quotes
    builds them."""
    wordings, index = _pair(a, b)
    return settle_linked(0, 1, wordings, index)


def pair_gives_run(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """splices.gives_run for two rows of wordings (as pair_linked's, with first_seen): whether
    b could give a the run of a splice."""
    wordings, index = _pair(a, b)
    return gives_run(0, 1, wordings, index)


def _pair(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple[list[Wording], ShingleIndex]:
    vocab = Vocabulary()
    wordings = [wording_of(row, vocab) for row in (a, b)]
    stock: set[str] = set()
    for row, w in zip((a, b), wordings, strict=True):
        coded = dict(zip(word_shingles(w.tokens.words), shingles(w.code), strict=True))
        stock.update(coded[s] for s in row["stock"] or ())
    return wordings, ShingleIndex([w.code for w in wordings], stock=frozenset(stock))


def wording_of(row: Mapping[str, Any], vocab: Vocabulary) -> Wording:
    """The Wording cluster_quotes builds for a row of wordings, as far as the row tells it."""
    tokens = tokenise(row["text"])
    return Wording(
        tokens,
        vocab.encode(tokens.words),
        int(row["weight"]),
        first_seen=row.get("first_seen"),
        speakers=frozenset(row.get("speakers") or ()),
        key=row["key"],
        article=row.get("article"),
    )


def counts_of(rows: Sequence[Mapping[str, Any]]) -> CorpusCounts:
    """The corpus counts of a component's wordings, from its quote rows (each carries its
    wording's key and counted facts; see links.counted)."""
    of: dict[str, Counted] = {}
    for r in rows:
        if r["wording_key"] in of:
            continue
        cutoff = None
        if r["cut_shared"] is not None:
            cutoff = (int(r["cut_shared"]), (int(r["cut_n"]), int(r["cut_weight"]), r["cut_key"]))
        lookup = None
        if r["fragment"]:
            lookup = (r["by_speaker"], r["overall"])
        of[r["wording_key"]] = Counted(
            frozenset(r["stock"] or ()), frozenset(r["unread"] or ()), lookup, cutoff
        )
    return CorpusCounts(of)
