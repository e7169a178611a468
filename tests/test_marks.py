"""Marking a variant's alterations in place, describing them, and the provenance tree."""

from __future__ import annotations

import re

from quotes.plugin.marks import Segment, describe, mark_alterations, provenance_tree


def alteration(op: str, canonical: str, variant: str, cs: int, ce: int, vs: int, ve: int) -> dict:
    return {
        "op": op,
        "canonical": canonical,
        "variant": variant,
        "canonical_start": cs,
        "canonical_end": ce,
        "variant_start": vs,
        "variant_end": ve,
    }


def test_mark_alterations_strikes_missing_words_where_the_variant_lacks_them() -> None:
    marked = mark_alterations(
        "The … vote will go [ahead].",
        [
            alteration("elision", "budget", "…", 1, 2, 1, 1),
            alteration("bracket", "", "ahead", 4, 4, 4, 5),
            alteration("truncated_end", "on Monday", "", 4, 6, 5, 5),
        ],
    )
    assert marked == [
        Segment("same", "The … "),
        Segment("deleted", "budget", "elision"),
        Segment("same", " vote will go ["),
        Segment("inserted", "ahead", "bracket"),
        Segment("same", "]. "),
        Segment("deleted", "on Monday", "truncated_end"),
    ]


def test_mark_alterations_puts_a_substitution_beside_the_words_it_replaced() -> None:
    marked = mark_alterations(
        "a deal, they said",
        [
            alteration("substitution", "contract", "deal", 1, 2, 1, 2),
        ],
    )
    assert marked == [
        Segment("same", "a "),
        Segment("deleted", "contract", "substitution"),
        Segment("same", " "),
        Segment("inserted", "deal", "substitution"),
        Segment("same", ", they said"),
    ]


def test_mark_alterations_shows_case_changes_with_the_canonical_form() -> None:
    marked = mark_alterations("the Mayor said", [alteration("case", "mayor", "Mayor", 1, 2, 1, 2)])
    assert marked == [
        Segment("same", "the "),
        Segment("cosmetic", "Mayor", "case", "mayor"),
        Segment("same", " said"),
    ]


def test_mark_alterations_gives_up_when_positions_do_not_fit_the_variant() -> None:
    assert (
        mark_alterations("one two", [alteration("substitution", "a", "three", 0, 1, 0, 1)]) is None
    )
    assert mark_alterations("one two", [alteration("insertion", "", "x y", 2, 2, 1, 3)]) is None


def test_describe_says_what_changed_in_words() -> None:
    assert describe(alteration("substitution", "than", "as", 4, 5, 4, 5)) == (
        "substitution: “than” → “as”"
    )
    assert describe(alteration("truncated_start", "Well,", "", 0, 1, 0, 0)) == (
        "truncated start: drops “Well,”"
    )
    assert describe(alteration("bracket", "", "[calls]", 3, 3, 3, 4)) == (
        "editorial insertion: adds “[calls]”"
    )


def test_provenance_tree_hangs_a_splice_under_its_most_confident_source() -> None:
    quotes = [{"id": i} for i in ("a", "b", "c")]
    edges = [
        {"quote_id": "c", "source_quote_id": "a", "evidence": "date", "confidence": 0.3},
        {"quote_id": "c", "source_quote_id": "b", "evidence": "same cut", "confidence": 0.7},
    ]
    roots = provenance_tree(quotes, edges)
    assert [n.quote["id"] for n in roots] == ["a", "b"]
    assert [(n.quote["id"], n.evidence) for n in roots[1].children] == [("c", "same cut")]


def test_provenance_tree_breaks_cycles_so_every_quote_appears_once() -> None:
    quotes = [{"id": "a"}, {"id": "b"}]
    edges = [
        {"quote_id": "a", "source_quote_id": "b", "evidence": "x", "confidence": 0.5},
        {"quote_id": "b", "source_quote_id": "a", "evidence": "y", "confidence": 0.5},
    ]
    roots = provenance_tree(quotes, edges)
    seen = re.findall(r"'id': '(\w)'", repr(roots))
    assert sorted(seen) == ["a", "b"]
