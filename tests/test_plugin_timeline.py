"""The timeline's layout: bounded however many appearances, dates in order, firsts ringed."""

from __future__ import annotations

from datetime import date, timedelta

from quotes.plugin.timeline import MAX_COLUMNS, MAX_ROWS, layout


def point(row: str, day: str | None, kind: str = "same", n: int = 1) -> dict:
    return {"row": row, "date": day, "kind": kind, "n": n, "note": None}


def rows(*names: str) -> list[dict]:
    return [{"key": n, "label": n, "url": None} for n in names]


def test_dots_sit_in_date_order_with_undated_ones_in_a_column_of_their_own() -> None:
    chart = layout(
        rows("Gazette", "Times"),
        [point("Gazette", "2024-03-04"), point("Times", "2024-03-06"), point("Times", None)],
        [("Gazette", "2024-03-04")],
    )
    assert chart is not None
    xs = {(d["y"], d["title"].split(":")[0]): d["x"] for d in chart["dots"]}
    gazette, times = (r["y"] for r in chart["rows"])
    assert xs[(gazette, "2024-03-04")] < xs[(times, "2024-03-06")] < xs[(times, "undated")]
    assert chart["undated_x"] == xs[(times, "undated")]
    assert chart["firsts"] == [{"x": xs[(gazette, "2024-03-04")], "y": gazette}]


def test_a_dot_carrying_changed_words_is_drawn_as_changed() -> None:
    chart = layout(
        rows("Post"), [point("Post", "2024-03-04"), point("Post", "2024-03-04", "changed")]
    )
    assert chart is not None and [d["kind"] for d in chart["dots"]] == ["changed"]


def test_thousands_of_appearances_stay_within_the_row_and_column_caps() -> None:
    outlets = [f"Outlet {i}" for i in range(40)]
    start = date(2024, 1, 1)
    points = [
        point(outlets[i % 40], (start + timedelta(days=i % 300)).isoformat()) for i in range(5000)
    ]
    chart = layout(rows(*outlets), points)
    assert chart is not None
    assert len(chart["rows"]) == MAX_ROWS + 1 and chart["rows"][-1]["label"] == "24 more"
    assert len({d["x"] for d in chart["dots"]}) <= MAX_COLUMNS + 1
    assert chart["days_per_column"] == 5


def test_nothing_to_draw_gives_no_chart() -> None:
    assert layout(rows("Gazette"), []) is None
