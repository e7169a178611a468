"""make eval: real-news and PolNeAR figures against the floors pinned in bench/eval_floors.json.

Fails (exit 1) when a figure falls below its floor; a corpus that is absent is skipped with a
message, never a failure. `--pin` rewrites the floors as today's figures minus a small margin.

    python -m bench.eval [--pin] [--realnews DIR] [--polnear DIR]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from bench.accuracy import evaluate as polnear_evaluate
from bench.polnear import PolnearMissing, polnear_dir, read_split
from bench.realnews.corpus import corpus_dir
from bench.realnews.report import evaluate as realnews_evaluate
from bench.realnews.report import figures, total

FLOORS = Path(__file__).resolve().parent / "eval_floors.json"
MARGIN = 0.01
POLNEAR_SPLITS = ("dev", "test")

Figures = dict[str, dict[str, float]]


def measure_realnews(given: str | None) -> tuple[Figures, list[str]]:
    """Figures per story and overall; overall only when every story was measured whole."""
    pages = corpus_dir(given) / "pages"
    if not pages.is_dir():
        return {}, [f"real-news pages not found at {pages}: real news skipped"]
    results, _, messages = realnews_evaluate(pages)
    measured = {f"realnews/{r.name}": figures(r) for r in results}
    if results and not messages:
        measured["realnews/overall"] = figures(total(results))
    elif results:
        messages.append("some real-news pages are missing: the overall floor is not checked")
    return measured, messages


def measure_polnear(given: str | None) -> tuple[Figures, list[str]]:
    """Quote P/R/F1 and named-speaker accuracy of quotes on PolNeAR's dev and test splits."""
    try:
        data_dir = polnear_dir(given)
        splits = {split: read_split(data_dir, split) for split in POLNEAR_SPLITS}
    except PolnearMissing as error:
        return {}, [f"{str(error).splitlines()[0]}: PolNeAR skipped"]
    measured = {}
    for split, docs in splits.items():
        s = polnear_evaluate("quotes", docs, 0).scores
        measured[f"polnear/{split}"] = {
            "quote_p": s.precision, "quote_r": s.recall, "quote_f1": s.f1,
            "speaker_accuracy": s.speaker_accuracy,
        }  # fmt: skip
    return measured, []


def compare(measured: Figures, floors: Figures) -> tuple[list[str], int]:
    """Table lines and the number of figures below their floor."""
    lines = [f"{'corpus':<40} {'figure':<17} {'value':>6} {'floor':>6}"]
    below = 0
    for corpus in sorted(set(measured) | set(floors)):
        if corpus not in measured:
            lines.append(f"{corpus:<40} skipped (not measured)")
            continue
        for name, value in measured[corpus].items():
            floor = floors.get(corpus, {}).get(name)
            status = "no floor" if floor is None else ("ok" if value >= floor else "BELOW")
            below += status == "BELOW"
            shown = "-" if floor is None else f"{floor:.3f}"
            lines.append(f"{corpus:<40} {name:<17} {value:>6.3f} {shown:>6} {status}")
    return lines, below


def pinned(measured: Figures, floors: Figures) -> Figures:
    """Floors at today's figures minus the margin, rounded down; unmeasured corpora kept."""
    out = dict(floors)
    for corpus, values in measured.items():
        out[corpus] = {
            name: max(0.0, math.floor((value - MARGIN) * 1000) / 1000)
            for name, value in values.items()
        }
    return dict(sorted(out.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pin", action="store_true", help="rewrite the floors from this run")
    parser.add_argument(
        "--realnews", help="real-news folder (default $REALNEWS_DIR or /work/realnews)"
    )
    parser.add_argument("--polnear", help="PolNeAR copy (default $POLNEAR_DIR or /work/polnear)")
    parser.add_argument("--floors", default=str(FLOORS), help="floors file")
    args = parser.parse_args(argv)
    floors_path = Path(args.floors)
    floors = json.loads(floors_path.read_text()) if floors_path.exists() else {}
    measured, messages = measure_realnews(args.realnews)
    more, notes = measure_polnear(args.polnear)
    measured |= more
    for message in messages + notes:
        print(message)
    if args.pin:
        floors_path.write_text(json.dumps(pinned(measured, floors), indent=1) + "\n")
        print(f"floors pinned in {floors_path} at today's figures minus {MARGIN}")
        floors = json.loads(floors_path.read_text())
    lines, below = compare(measured, floors)
    print("\n".join(lines))
    if below:
        print(f"{below} figure(s) below their floor", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
