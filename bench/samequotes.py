"""Every quotation extraction finds, every field of it, one line each: for checking that a change
meant to make extraction faster finds exactly what it found before.

    python -m bench.samequotes before.txt            # with the code before the change
    python -m bench.samequotes after.txt             # with it
    cmp before.txt after.txt

Reads PolNeAR's texts of every split (read as bench.accuracy reads them), the seeds, and the
real-news pages when present (read as a build reads them, with their credits). The output quotes
the texts: keep it outside the repository.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from bench.polnear import PolnearMissing, polnear_dir
from bench.realnews.corpus import corpus_dir
from quotes.extract import extract_citations, extract_quotes
from quotes.ingest import read_articles
from quotes.model import Article

ROOT = Path(__file__).resolve().parent.parent


def lines(polnear: Path | None, inputs: list[Path]) -> Iterator[str]:
    """One line per quote (and per credit of the pages read as a build reads them)."""
    if polnear is not None:
        for folder in sorted(p for p in polnear.glob("*/text") if p.is_dir()):
            for f in sorted(folder.glob("*.txt")):
                article = Article(id=f"{folder.parent.name}/{f.stem}", text=f.read_text("utf-8"))
                yield from map(repr, extract_quotes(article))
    for item in read_articles(tuple(inputs)):
        if not isinstance(item, Article):
            yield f"problem {item!r}"
            continue
        yield f"article {item.source} {item.id}"
        yield from map(repr, extract_quotes(item))
        yield from (f"credit {c!r}" for c in extract_citations(item))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="file to write (outside the repository)")
    parser.add_argument("--polnear", help="PolNeAR copy (default: $POLNEAR_DIR or /work/polnear)")
    parser.add_argument("--realnews", help="real-news folder (default: /work/realnews)")
    args = parser.parse_args(argv)
    try:
        polnear: Path | None = polnear_dir(args.polnear)
    except PolnearMissing as error:
        print(f"{error}: PolNeAR skipped", file=sys.stderr)
        polnear = None
    pages = corpus_dir(args.realnews) / "pages"
    inputs = [ROOT / "seeds"] + ([pages] if pages.is_dir() else [])
    with open(args.out, "w", encoding="utf-8") as out:
        for line in lines(polnear, inputs):
            out.write(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
