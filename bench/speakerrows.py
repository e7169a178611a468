"""The speaker rows `quotes` gives on a PolNeAR split that look like neither a name nor a
description (issue 8's "no junk speaker rows"), and its one-word rows with their kinds to read:
PolNeAR has no kinds, so these are listed, not scored.

python -m bench.speakerrows [--split test] [--polnear DIR]
"""

from __future__ import annotations

import argparse
import sys

from bench.polnear import SPLITS, Document, PolnearMissing, polnear_dir, read_split
from bench.realnews.speakers import junk


def speaker_rows(docs: list[Document]) -> list[tuple[str, str]]:
    """The (name, kind) rows a database built from the articles would hold, in name order."""
    from quotes.extract import extract_quotes
    from quotes.model import Article
    from quotes.speakers import unify_speakers

    quotes = [q for d in docs for q in extract_quotes(Article(id=d.id, text=d.text))]
    rows = {(q.speaker.name, q.speaker.kind) for q in unify_speakers(quotes) if q.speaker}
    return sorted(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", help="PolNeAR copy (default: $POLNEAR_DIR or /work/polnear)")
    parser.add_argument("--split", choices=SPLITS, default="test")
    args = parser.parse_args(argv)
    try:
        docs = read_split(polnear_dir(args.polnear), args.split)
    except PolnearMissing as error:
        print(f"{str(error).splitlines()[0]}: skipped")
        return 0
    rows = speaker_rows(docs)
    kinds: dict[str, int] = {}
    for _, kind in rows:
        kinds[kind] = kinds.get(kind, 0) + 1
    shown = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    print(f"PolNeAR {args.split}: {len(rows)} speaker rows ({shown})")
    bad = junk(rows)
    print(f"\nspeaker rows that look like neither a name nor a description: {len(bad)}")
    for name, kind in bad:
        print(f"  {name!r} ({kind})")
    lone = [(n, k) for n, k in rows if " " not in n and (n, k) not in bad]
    print(f"\none-word speaker rows and their kinds: {len(lone)}")
    for name, kind in lone:
        print(f"  {name} ({kind})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
