"""Candidate keys for the distributed build: a superset of the pairs the single-machine
clustering can look at, so every pair it could link lies within one connected component.

This module follows quotes/cluster: the shingles of candidates.ShingleIndex (word trigrams, a
posting read up to its first MAX_POSTING wordings in clustering order, pairs sharing at least
MIN_SHARED of them) and the word postings of fragments.WordIndex (a short wording's holders
share one of its content words, overall or under a speaker's surname, in a posting of at most
fragments.MAX_POSTING). When those modules change what they look up, change it here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from quotes.cluster import candidates, fragments
from quotes.cluster.normalise import tokenise
from quotes.cluster.verify import MIN_FRAGMENT_WORDS, SHORT_FRAGMENT_WORDS

SHINGLE_CAP = candidates.MAX_POSTING  # wordings of one shingle's posting paired with the rest
WORD_CAP = fragments.MAX_POSTING  # larger word postings give a fragment no holders


def shingles(words: Sequence[str]) -> list[str]:
    """The distinct word trigrams of a wording (the whole wording if shorter), as strings."""
    n = candidates.SHINGLE
    if len(words) <= n:
        return ["\x00".join(words)] if words else []
    return sorted({"\x00".join(words[k : k + n]) for k in range(len(words) - n + 1)})


def least_shared(words: Sequence[str]) -> int:
    """Shingles a candidate must share with this wording (ShingleIndex.candidates)."""
    return 1 if len(shingles(words)) <= 3 else candidates.MIN_SHARED


def postings(words: Sequence[str], speakers: Sequence[str]) -> Iterator[str]:
    """The word postings a wording is filed under: each word, and each word under each of its
    speakers' surnames (fragments.WordIndex)."""
    surnames = sorted({fragments.surname(s) for s in speakers})
    for word in sorted(set(words)):
        yield f"w\x00{word}"
        for s in surnames:
            yield f"s\x00{s}\x00{word}"


def probes(words: Sequence[str], speakers: Sequence[str]) -> Iterator[str]:
    """The word postings a short wording looks its holders up in: those of its content words.
    The single-machine build reads only the shortest of them; reading all is a superset."""
    if len(words) >= SHORT_FRAGMENT_WORDS:
        return
    content = [w for w in words if w not in fragments.FUNCTION_WORDS]
    surnames = sorted({fragments.surname(s) for s in speakers})
    for word in sorted(set(content)):
        yield f"w\x00{word}"
        for s in surnames:
            yield f"s\x00{s}\x00{word}"


def wording_key(text: str, quote_id: str, speaker: str | None) -> tuple[str, tuple[str, ...]]:
    """The key quotes of one wording share in cluster_quotes (its normalised words, and the
    speaker for a short one; a quote without words stands alone), and those words."""
    words = tokenise(text).words
    key = " ".join(words) if words else f"\x00{quote_id}"
    if speaker and len(words) < MIN_FRAGMENT_WORDS:
        key += f"\x00{speaker}"
    return key, words
