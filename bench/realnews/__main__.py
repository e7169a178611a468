"""Real-news corpus: score `quotes` on it, or check, convert and pre-fill annotations.

python -m bench.realnews [--errors N] [--story S]      # score every story with committed gold
python -m bench.realnews check FILE...                 # check working annotations
python -m bench.realnews convert FILE...               # working annotations -> bench/gold/
python -m bench.realnews prefill STORY                 # a draft annotation on stdout
python -m bench.realnews audit bench/gold/*.json       # cluster labels to check by hand
python -m bench.realnews gather GOLD ANSWERS.json...    # save pasted search answers as pages
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.realnews.corpus import (
    GOLD_DIR,
    AnnotationError,
    cluster_warnings,
    corpus_dir,
    queries,
    read_working,
    to_gold,
)


def check(paths: list[str], pages: Path, write: bool) -> int:
    """Check (and with write, convert) working annotation files; 1 when any is wrong."""
    failed = 0
    for name in paths:
        try:
            story, articles, clusters = read_working(Path(name), pages)
        except (AnnotationError, ValueError, OSError) as error:
            print(f"{name}: {error}", file=sys.stderr)
            failed = 1
            continue
        for warning in cluster_warnings(articles):
            print(f"{name}: warning: {warning}", file=sys.stderr)
        quotes = [q for a in articles for q in a.quotes]
        print(f"{story}: {len(articles)} articles, {len(quotes)} quotes ok")
        if write:
            out = GOLD_DIR / f"{story}.json"
            out.write_text(
                json.dumps(to_gold(story, articles, clusters, queries(pages / story)), indent=1)
                + "\n"
            )
            print(f"  wrote {out}")
    return failed


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("check", "convert", "prefill", "audit", "gather"):
        parser = argparse.ArgumentParser(prog=f"bench.realnews {argv[0]}")
        parser.add_argument("targets", nargs="+")
        parser.add_argument(
            "--realnews", help="corpus folder (default $REALNEWS_DIR or /work/realnews)"
        )
        args = parser.parse_args(argv[1:])
        pages = corpus_dir(args.realnews) / "pages"
        if argv[0] == "prefill":
            from bench.realnews.prefill import draft

            for story in args.targets:
                print(json.dumps(draft(story, pages), indent=1, ensure_ascii=False))
            return 0
        if argv[0] == "gather":
            from bench.realnews.gather import save

            gold, *answers = args.targets
            pasted = [json.loads(Path(a).read_text("utf-8")) for a in answers]
            flat = [x for p in pasted for x in (p if isinstance(p, list) else [p])]
            print("\n".join(save(Path(gold), flat, pages)))
            return 0
        if argv[0] == "audit":
            from bench.realnews.audit import run as audit

            audit([Path(t) for t in args.targets], pages)
            return 0
        return check(args.targets, pages, write=argv[0] == "convert")
    from bench.realnews.report import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
