"""Peak memory of a whole build on hostile inputs: huge files, gzip bombs, the largest article.

Each probe is built in its own process, so its peak resident memory is its own; the first row,
a one-line article, is the baseline every build pays (Python and its libraries).

    python bench/memory.py                  # default probes and the default article cap
    python bench/memory.py --max-bytes 16000000
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from quotes.ingest import MAX_ARTICLE_BYTES  # noqa: E402

MB = 1_000_000
# Plain news-like prose without quotation marks: its extraction is cheap, so the row measures
# holding, reading and storing an article of that size.
PROSE = "The council met on Tuesday and voted to delay the bridge until the spring. "
# The build's own high-water mark (VmHWM starts afresh at exec; ru_maxrss would count the
# parent's memory the child had between fork and exec).
BUILD = (
    "import re, sys; from quotes.pipeline import build; "
    "r = build([sys.argv[1]], sys.argv[2], max_bytes=int(sys.argv[3])); "
    "hwm = re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1); "
    "print(int(hwm) / 1024, r.articles_read, len(r.problems))"
)


def one_line(path: Path) -> Path:
    path = path / "one.txt"
    path.write_text("“We will be back,” the mayor said.\n", encoding="utf-8")
    return path


def quote_marks(path: Path) -> Path:
    path = path / "quotes.txt"
    path.write_bytes(b'"' * 16 * MB)
    return path


def gzip_bomb(path: Path) -> Path:
    path = path / "bomb.jsonl.gz"
    unit = b"\\u201cWe will,\\u201d she said. "  # valid JSON: without the cap it is an article
    record = b'{"text": "' + unit * (100 * MB // len(unit)) + b'"}\n'
    path.write_bytes(gzip.compress(record, 9))
    return path


def largest_accepted(max_bytes: int) -> Callable[[Path], Path]:
    def probe(path: Path) -> Path:
        path = path / "largest.jsonl"
        text = PROSE * ((max_bytes - 100) // len(PROSE))
        path.write_text(json.dumps({"url": "https://news.example/long", "text": text}) + "\n")
        return path

    return probe


def largest_page(max_bytes: int) -> Callable[[Path], Path]:
    def probe(path: Path) -> Path:
        path = path / "largest.html"
        size = len(f"<p>{0:06d} {PROSE * 4}</p>\n")  # numbered: trafilatura drops repeats
        body = "".join(f"<p>{n:06d} {PROSE * 4}</p>\n" for n in range((max_bytes - 200) // size))
        path.write_text(
            f"<html><head><title>Long</title></head><body><article>{body}</article></body></html>"
        )
        return path

    return probe


def peak_rss(inputs: Path, db: Path, max_bytes: int) -> tuple[float, str]:
    """The build's peak resident memory in MiB, and what it read (articles, problems)."""
    done = subprocess.run(
        [sys.executable, "-c", BUILD, str(inputs), str(db), str(max_bytes)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        return float("nan"), f"exit {done.returncode}: {done.stderr.strip()[-200:]}"
    peak, read = done.stdout.split(maxsplit=1)
    return float(peak), read.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-bytes", type=int, default=MAX_ARTICLE_BYTES, help="article cap")
    args = parser.parse_args()
    probes: list[tuple[str, Callable[[Path], Path]]] = [
        ("one-line article (baseline)", one_line),
        ('16 MB of " as .txt', quote_marks),
        ("gzip bomb: one 100 MB JSON line", gzip_bomb),
        ("largest accepted article (prose)", largest_accepted(args.max_bytes)),
        ("largest accepted web page (prose)", largest_page(args.max_bytes)),
    ]
    print(f"article cap: {args.max_bytes:,} bytes")
    print(f"{'probe':<36} {'input':>12} {'peak MiB':>9} {'over base':>9}  articles problems")
    base = None
    for name, make in probes:
        with tempfile.TemporaryDirectory() as tmp:
            inputs = make(Path(tmp))
            size = inputs.stat().st_size
            peak, read = peak_rss(inputs, Path(tmp) / "quotes.db", args.max_bytes)
        base = peak if base is None else base
        print(f"{name:<36} {size:>12,} {peak:>9,.0f} {peak - base:>9,.0f}  {read}", flush=True)


if __name__ == "__main__":
    main()
