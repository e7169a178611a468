"""Marking a variant's alterations in place, describing them, and the copy tree between wordings."""

from __future__ import annotations

from quotes.plugin.marks import MAX_DEPTH, Segment, describe, mark_alterations, wording_tree


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


def test_mark_alterations_leaves_a_visible_caret_where_only_a_mark_was_dropped() -> None:
    marked = mark_alterations("we will not sign", [alteration("typography", ",", "", 2, 2, 2, 2)])
    assert marked is not None
    gap = [s for s in marked if s.kind == "gap"]
    assert len(gap) == 1 and gap[0].text == "‸" and gap[0].was == ","


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


def wording(number: int, text: str) -> dict:
    return {"number": number, "text": text}


def edge(text: str, source: str, count: int = 1, confidence: float = 0.9) -> dict:
    return {
        "text": text,
        "source_text": source,
        "count": count,
        "confidence": confidence,
        "evidence": f"{text} from {source}",
    }


def test_wording_tree_hangs_a_wording_under_the_source_most_of_its_copies_came_from() -> None:
    wordings = [wording(1, "a"), wording(2, "b"), wording(3, "c")]
    edges = [edge("c", "a", count=1), edge("c", "b", count=5), edge("b", "a")]
    rows = wording_tree(wordings, edges)
    assert [(r["wording"]["number"], r["depth"], r["source"]) for r in rows] == [
        (1, 0, None),
        (2, 1, 1),
        (3, 2, 2),
    ]
    assert rows[2]["edge_count"] == 5 and rows[2]["copied"]


def test_wording_tree_counts_identical_copies_on_one_row_instead_of_a_staircase() -> None:
    rows = wording_tree([wording(1, "a")], [edge("a", "a", count=1799)])
    assert len(rows) == 1 and rows[0]["self_copies"] == 1799 and rows[0]["depth"] == 0


def test_wording_tree_calls_a_weak_edge_the_earliest_known_source_not_a_copy() -> None:
    rows = wording_tree([wording(1, "a"), wording(2, "b")], [edge("b", "a", confidence=0.1)])
    assert rows[1]["source"] == 1 and not rows[1]["copied"]


def test_wording_tree_never_hangs_a_wording_under_one_first_printed_later() -> None:
    wordings = [
        {"number": 1, "text": "a", "first_date": "2024-03-01"},
        {"number": 2, "text": "b", "first_date": "2024-05-12"},
    ]
    rows = wording_tree(wordings, [edge("a", "b", count=5), edge("b", "a", count=1)])
    assert [(r["wording"]["number"], r["source"]) for r in rows] == [(1, None), (2, 1)]


def test_wording_tree_breaks_cycles_so_every_wording_appears_once() -> None:
    rows = wording_tree([wording(1, "a"), wording(2, "b")], [edge("a", "b"), edge("b", "a")])
    assert sorted(r["wording"]["number"] for r in rows) == [1, 2]


def test_wording_tree_stops_indenting_a_long_chain_of_wordings() -> None:
    texts = [str(n) for n in range(1, 301)]
    edges = [edge(texts[i], texts[i - 1]) for i in range(1, len(texts))]
    rows = wording_tree([wording(n, t) for n, t in enumerate(texts, 1)], edges)
    assert len(rows) == 300 and max(r["depth"] for r in rows) == MAX_DEPTH
    assert rows[-1]["deeper"] and rows[-1]["source"] == 299
