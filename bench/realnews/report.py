"""Run `quotes` on each story's cached pages as one corpus and print the figures.

python -m bench.realnews [--story S] [--errors N] [--json] [--realnews DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.realnews.corpus import GOLD_DIR, corpus_dir, gold_files, read_gold
from bench.realnews.kinds import judge, read_kinds
from bench.realnews.scoring import Predicted, StoryScores, score_story
from bench.realnews.speakers import junk

SHOWN = 150  # characters of a quotation shown in an error example


def build_story(folder: Path) -> tuple[dict[str, list[Predicted]], list[tuple[str, str]]]:
    """Build a fresh database from one story's folder: predictions by file stem, speaker rows."""
    from quotes.ingest import SIDECAR
    from quotes.pipeline import build

    pages = [folder / entry["file"] for entry in json.loads((folder / SIDECAR).read_text())]
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "story.db"
        build(pages, db_path)  # the pages only: queries.txt beside them is no article
        db = sqlite3.connect(db_path)
        rows = db.execute(
            "select articles.source, quotes.text, speakers.name, quotes.cluster_id from quotes "
            "join articles on articles.id = quotes.article_id "
            "left join speakers on speakers.id = quotes.speaker_id order by quotes.start"
        ).fetchall()
        speakers = db.execute("select name, kind from speakers order by name").fetchall()
        db.close()
    predicted: dict[str, list[Predicted]] = {}
    for source, text, speaker, cluster in rows:
        stem = Path(source or "").stem
        predicted.setdefault(stem, []).append(Predicted(stem, text, speaker, cluster))
    return predicted, speakers


@dataclass
class Rows:
    """What the speaker rows of the stories look like: junk (story, name, kind), how many have a
    known kind, and those of a wrong kind (story, name, kind, expected kind)."""

    junk: list[tuple[str, str, str]] = field(default_factory=list)
    judged: int = 0
    wrong_kind: list[tuple[str, str, str, str]] = field(default_factory=list)


def evaluate(
    pages: Path, stories: list[str] | None = None, gold_dir: Path = GOLD_DIR
) -> tuple[list[StoryScores], Rows, list[str]]:
    """Scores per story, what their speaker rows look like and messages about skipped pages."""
    results, rows, messages = [], Rows(), []
    kinds = read_kinds(gold_dir)
    for path in gold_files(gold_dir):
        story = path.stem
        if stories and story not in stories:
            continue
        if not (pages / story).is_dir():
            messages.append(f"{story}: no pages at {pages / story}, story skipped")
            continue
        articles, skipped = read_gold(path, pages)
        messages += skipped
        predicted, speakers = build_story(pages / story)
        results.append(score_story(story, articles, predicted))
        rows.junk += [(story, name, kind) for name, kind in junk(speakers)]
        judged, wrong = judge(speakers, kinds.get(story, {}), articles)
        rows.judged += judged
        rows.wrong_kind += [(story, *w) for w in wrong]
    return results, rows, messages


def total(results: list[StoryScores]) -> StoryScores:
    overall = StoryScores("overall")
    for r in results:
        overall.add(r)
    return overall


def figures(result: StoryScores) -> dict[str, float]:
    """The figures that have floors in bench/eval_floors.json."""
    q = result.quotes
    p, r, f1 = result.bcubed
    return {
        "quote_p": q.precision, "quote_r": q.recall, "quote_f1": q.f1,
        "speaker_accuracy": q.speaker_accuracy, "bcubed_p": p, "bcubed_r": r, "bcubed_f1": f1,
    }  # fmt: skip


def table(results: list[StoryScores]) -> str:
    head = (
        f"{'story':<28} {'art':>3} {'gold':>4} {'pred':>4} {'P':>5} {'R':>5} {'F1':>5} "
        f"{'speaker (n)':>12} {'B3 P':>5} {'B3 R':>5} {'B3 F1':>5}"
    )
    lines = [head]
    for r in [*results, total(results)] if results else []:
        q = r.quotes
        p, rec, f1 = r.bcubed
        lines.append(
            f"{r.name:<28} {r.articles:>3} {q.gold:>4} {q.predicted:>4} {q.precision:>5.3f} "
            f"{q.recall:>5.3f} {q.f1:>5.3f} {f'{q.speaker_accuracy:.3f} ({q.speaker_judged})':>12} "
            f"{p:>5.3f} {rec:>5.3f} {f1:>5.3f}"
        )
    return "\n".join(lines)


def shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN else text[: SHOWN - 40] + " … " + text[-30:]


def errors(result: StoryScores, n: int) -> str:
    """Up to n examples of each kind of error, the same sample on every run."""
    pick = random.Random(0)
    out: list[str] = []

    def sample(title: str, items: list[Any], fmt: Any) -> None:
        chosen = pick.sample(items, min(n, len(items)))
        out.append(f"\n== {title}: {len(items)} ==")
        out.extend(fmt(item) for item in chosen)

    sample(
        "missed",
        result.misses,
        lambda m: f"{m[0]}: ⟦{shown(m[1].text)}⟧ [{m[1].kind}, {m[1].speaker}]",
    )
    sample(
        "false positives",
        result.false_positives,
        lambda f: (
            f"{f[0]}: ⟦{shown(f[1].text)}⟧ [speaker {f[1].speaker!r}]"
            + (" (gold: not speech)" if f[2] else "")
        ),
    )
    sample(
        "wrong speakers",
        result.wrong_speakers,
        lambda w: f"{w[0]}: ⟦{shown(w[1].text)}⟧ gold {w[1].speaker!r}, predicted {w[2].speaker!r}",
    )
    split, merged = cluster_errors(result)
    sample("split gold clusters", split, lambda s: s)
    sample("merged gold clusters", merged, lambda s: s)
    return "\n".join(out)


def cluster_errors(result: StoryScores) -> tuple[list[str], list[str]]:
    """Gold clusters spread over several system clusters, and system clusters holding several."""
    by_gold: dict[str, dict[str, list[str]]] = {}
    by_found: dict[str, dict[str, list[str]]] = {}
    for key, gold in result.truth.items():
        found = result.found[key]
        by_gold.setdefault(gold, {}).setdefault(found, []).append(key)
        by_found.setdefault(found, {}).setdefault(gold, []).append(key)

    def describe(label: str, parts: dict[str, list[str]], what: str) -> str:
        lines = [f"{label} → {len(parts)} {what}:"]
        for members in parts.values():
            lines.append("    " + " | ".join(shown(result.texts[k])[:60] for k in members[:3]))
        return "\n".join(lines)

    split = [describe(g, p, "system clusters") for g, p in by_gold.items() if len(p) > 1]
    merged = [describe(f, p, "gold clusters") for f, p in by_found.items() if len(p) > 1]
    return split, merged


def summary(results: list[StoryScores]) -> str:
    quotes = sum(r.quotes.gold for r in results)
    clusters = {g for r in results for g in r.truth.values()}
    return (
        f"real news: {len(results)} stories, {sum(r.articles for r in results)} articles, "
        f"{quotes} gold quotes (direct, partial, headline); {len(clusters)} gold clusters "
        "among the matched ones"
    )


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.realnews", description=__doc__)
    parser.add_argument(
        "--realnews", help="corpus folder (default $REALNEWS_DIR or /work/realnews)"
    )
    parser.add_argument("--story", action="append", help="only this story (repeatable)")
    parser.add_argument("--errors", type=int, default=0, help="print N examples of each error")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--gold", type=Path, help="gold folder (default bench/gold; bench/gold-heldout: see README)"
    )
    args = parser.parse_args(argv)
    pages = corpus_dir(args.realnews) / "pages"
    if not pages.is_dir():
        print(f"real-news pages not found at {pages}: skipped (see bench/README.md, Real news)")
        return 0
    results, rows, messages = evaluate(pages, args.story, gold_dir=args.gold or GOLD_DIR)
    for message in messages:
        print(message)
    if args.json:
        out = {r.name: figures(r) for r in [*results, total(results)]}
        print(json.dumps(out, indent=1))
        return 0
    print(summary(results))
    print(table(results))
    print(f"\nspeaker rows that look like neither a name nor a description: {len(rows.junk)}")
    for story, name, kind in rows.junk:
        print(f"  {story}: {name!r} ({kind})")
    if rows.judged:
        right = rows.judged - len(rows.wrong_kind)
        print(
            f"\nspeaker kinds right: {right / rows.judged:.3f} ({right} of {rows.judged} rows "
            "whose name has a kind in the gold); wrong:"
        )
        for story, name, kind, want in rows.wrong_kind:
            print(f"  {story}: {name!r} is {kind}, should be {want}")
    if args.errors:
        print(errors(total(results), args.errors))
    return 0
