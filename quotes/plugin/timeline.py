"""Lay out a timeline of appearances as SVG shapes, rendered server-side by a Jinja template.

Rows are outlets (a cluster's page) or quotations (the home page); each dot is the
appearances of one row on one date, its area growing with their number, its colour the kind of
wording carried. Undated appearances get a column of their own after the dated ones.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

WIDTH = 760
LABEL_WIDTH = 190
ROW_HEIGHT = 22
TOP = 34
BOTTOM = 16
UNDATED_GAP = 60
MAX_ROWS = 24
TICKS = 6

# Colour classes, worst first: a dot carrying several kinds of wording shows the most altered.
KINDS = ("changed", "cosmetic", "canonical")


def layout(
    rows: Sequence[Mapping[str, Any]],
    points: Iterable[Mapping[str, Any]],
    firsts: Iterable[tuple[Any, str | None]] = (),
) -> dict[str, Any] | None:
    """Shapes for the template, or None when there is nothing to draw.

    `rows` are {"key", "label", "url"} in display order; `points` are {"row" (a row key),
    "date" (YYYY-MM-DD or None), "kind" (one of KINDS), "n", "note"}; `firsts` marks
    (row key, date) as a first appearance.
    """
    shown = rows[:MAX_ROWS]
    index = {r["key"]: i for i, r in enumerate(shown)}
    other = len(rows) > MAX_ROWS
    if other:
        shown = [*shown, {"key": None, "label": f"{len(rows) - MAX_ROWS:,} more", "url": None}]
    cells: dict[tuple[int, str | None], dict[str, Any]] = {}
    for p in points:
        i = index.get(p["row"], len(shown) - 1 if other else None)
        if i is None:
            continue
        cell = cells.setdefault((i, p["date"]), {"n": 0, "kinds": {}, "notes": []})
        cell["n"] += p["n"]
        cell["kinds"][p["kind"]] = cell["kinds"].get(p["kind"], 0) + p["n"]
        if p.get("note") and len(cell["notes"]) < 4:
            cell["notes"].append(p["note"])
    if not cells:
        return None
    dated = {_day(d) for _, d in cells}
    days = sorted(d for d in dated if d is not None)
    undated = None in dated
    x_of = _x_scale(days, undated)
    height = TOP + ROW_HEIGHT * len(shown) + BOTTOM
    biggest = max(c["n"] for c in cells.values())
    dots = []
    for (i, d), cell in sorted(cells.items(), key=lambda kv: (kv[0][0], kv[0][1] or "~")):
        kind = next(k for k in KINDS if k in cell["kinds"])
        counts = ", ".join(f"{n:,} {k}" for k, n in cell["kinds"].items())
        dots.append(
            {
                "x": x_of(_day(d)),
                "y": _row_y(i),
                "r": round(3 + 6 * math.sqrt(cell["n"] / biggest), 1),
                "kind": kind,
                "title": f"{shown[i]['label']}, {d or 'undated'}: {counts}"
                + ("; " + "; ".join(cell["notes"]) if cell["notes"] else ""),
            }
        )
    marks = [
        {"x": x_of(_day(d)), "y": _row_y(index[key])}
        for key, d in firsts
        if key in index and (index[key], d) in cells
    ]
    return {
        "width": WIDTH,
        "height": height,
        "label_width": LABEL_WIDTH,
        "rows": [{**r, "y": _row_y(i)} for i, r in enumerate(shown)],
        "dots": dots,
        "firsts": marks,
        "ticks": _ticks(days, x_of),
        "undated_x": x_of(None) if undated else None,
        "axis_y": TOP - 16,
        "bottom": height - BOTTOM,
    }


def _row_y(i: int) -> int:
    return TOP + ROW_HEIGHT * i + ROW_HEIGHT // 2


def _day(value: str | None) -> int | None:
    """Days since the epoch of a YYYY-MM-DD date; None for undated or unreadable dates."""
    try:
        return date.fromisoformat(value[:10]).toordinal() if value else None
    except ValueError:
        return None


def _x_scale(days: list[int], undated: bool) -> Any:
    left, right = LABEL_WIDTH + 14, WIDTH - 14 - (UNDATED_GAP if undated else 0)
    span = (days[-1] - days[0]) if days else 0

    def x_of(day: int | None) -> float:
        if day is None:
            return WIDTH - 24
        if span == 0:
            return (left + right) / 2
        return round(left + (right - left) * (day - days[0]) / span, 1)

    return x_of


def _ticks(days: list[int], x_of: Any) -> list[dict[str, Any]]:
    """A few date labels along the top: the first and last day and evenly spaced ones between."""
    if not days:
        return []
    first, last = days[0], days[-1]
    count = min(TICKS, last - first + 1)
    steps = {first + round(k * (last - first) / max(count - 1, 1)) for k in range(count)}
    return [{"x": x_of(d), "label": date.fromordinal(d).isoformat()} for d in sorted(steps)]
