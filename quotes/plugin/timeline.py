"""Lay out a timeline of appearances as SVG shapes, rendered server-side by a Jinja template.

Rows are outlets (a cluster's page) or quotations (the home page); each dot is the
appearances of one row on one date, its area growing with their number, its colour the kind of
wording carried. Undated appearances get a column of their own after the dated ones. Rows and
columns are capped, so the drawing stays small however many articles carried the quotation.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

WIDTH = 900
LABEL_WIDTH = 270
ROW_HEIGHT = 22
TOP = 34
BOTTOM = 16
UNDATED_GAP = 90
MAX_ROWS = 16  # rows beyond are drawn as one
MAX_COLUMNS = 60  # dates beyond are grouped into columns of several days
NOTES = 3  # wordings named in a dot's tooltip
TICKS = 6

# Colour classes, worst first: a dot carrying several kinds of wording shows the most altered.
KINDS = ("changed", "cosmetic", "same")


def layout(
    rows: Sequence[Mapping[str, Any]],
    points: Iterable[Mapping[str, Any]],
    firsts: Iterable[tuple[Any, str | None]] = (),
) -> dict[str, Any] | None:
    """Shapes for the template, or None when there is nothing to draw.

    `rows` are {"key", "label", "url"} in display order; `points` are {"row" (a row key),
    "date" (YYYY-MM-DD or None), "kind" (one of KINDS: how the wording differs from the
    first appearance's), "n", "note"}; `firsts` marks (row key, date) as a first appearance.
    """
    shown = list(rows[:MAX_ROWS])
    index = {r["key"]: i for i, r in enumerate(shown)}
    other = len(rows) > MAX_ROWS
    if other:
        shown.append({"key": None, "label": f"{len(rows) - MAX_ROWS:,} more", "url": None})
    points = [p for p in points if p["row"] in index or other]
    if not points:
        return None
    known = sorted({d for p in points if (d := _day(p["date"])) is not None})
    # Columns span several days only when there are more dates than columns.
    width = math.ceil((known[-1] - known[0] + 1) / MAX_COLUMNS) if len(known) > MAX_COLUMNS else 1

    def column(value: str | None) -> int | None:
        """The first day of the column a date falls in: a column spans `width` days."""
        day = _day(value)
        return None if day is None else known[0] + (day - known[0]) // width * width

    cells: dict[tuple[int, int | None], dict[str, Any]] = {}
    for p in points:
        key = (index.get(p["row"], len(shown) - 1), column(p["date"]))
        cell = cells.setdefault(key, {"n": 0, "kinds": {}, "notes": set()})
        cell["n"] += p["n"]
        cell["kinds"][p["kind"]] = cell["kinds"].get(p["kind"], 0) + p["n"]
        if p.get("note") and len(cell["notes"]) < NOTES:
            cell["notes"].add(p["note"])
    days = sorted({d for _, d in cells if d is not None})
    undated = any(d is None for _, d in cells)
    x_of = _x_scale(days, undated)
    height = TOP + ROW_HEIGHT * len(shown) + BOTTOM
    biggest = max(c["n"] for c in cells.values())
    dots = []
    for (i, d), cell in sorted(cells.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
        counts = ", ".join(f"{n:,} {k}" for k, n in cell["kinds"].items())
        notes = f" ({', '.join(sorted(cell['notes']))})" if cell["notes"] else ""
        dots.append(
            {
                "x": x_of(d),
                "y": _row_y(i),
                "r": round(3 + 6 * math.sqrt(cell["n"] / biggest), 1),
                "kind": next(k for k in KINDS if k in cell["kinds"]),
                "title": f"{_span(d, width)}: {counts}{notes}",
            }
        )
    marks = []
    for key, first in firsts:
        at = (index[key], column(first)) if key in index else None
        if at is not None and at in cells:
            marks.append({"x": x_of(at[1]), "y": _row_y(at[0])})
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
        "days_per_column": width,
    }


def _span(day: int | None, width: int) -> str:
    """The dates a column covers, as a reader says them."""
    if day is None:
        return "undated"
    first = date.fromordinal(day).isoformat()
    return first if width == 1 else f"{first} to {date.fromordinal(day + width - 1).isoformat()}"


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
        return round(left + (right - left) * (day - days[0]) / span)

    return x_of


def _ticks(days: list[int], x_of: Any) -> list[dict[str, Any]]:
    """A few date labels along the top: the first and last day and evenly spaced ones between."""
    if not days:
        return []
    first, last = days[0], days[-1]
    count = min(TICKS, last - first + 1)
    steps = {first + round(k * (last - first) / max(count - 1, 1)) for k in range(count)}
    return [{"x": x_of(d), "label": date.fromordinal(d).isoformat()} for d in sorted(steps)]
