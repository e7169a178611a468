"""Time quote extraction on hostile article shapes of growing size: work must grow linearly.

Each (shape, size) runs in a child process, so a hopeless case is stopped by a timeout and its
peak memory is its own. Prints, per shape, the seconds and the extra peak memory (resident set
above what the process held before extracting) at each size, and the growth of time from one
size to the next (1.0 per doubling of work would be 4.0 per ×4 of size).

    python bench/adversarial.py                          # every shape at 0.25, 1, 4 and 16 MB
    python bench/adversarial.py --sizes 0.25 1 --shapes news quote-comma --timeout 30
    python bench/adversarial.py --python /other/venv/bin/python   # another checkout's code
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1 << 20


def _repeat(unit: str, size: int) -> str:
    """`unit` repeated to `size` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def _seeds() -> str:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    return "\n\n".join(p.read_text(encoding="utf-8") for p in seeds)


def _words(size: int, make: Callable[[int], str]) -> str:
    """Numbered pieces joined up to `size` characters, so no two pieces are the same text."""
    out, n, i = [], 0, 0
    while n < size:
        piece = make(i)
        out.append(piece)
        n += len(piece)
        i += 1
    return "".join(out)[:size]


def _word(i: int) -> str:
    """A distinct capitalised word for every i: "Baba", "Kiba", … "Bakiro"."""
    syllables = ["ba", "ki", "ro", "me", "tu", "sa", "lo", "ne", "di", "va", "po", "ze"]
    out = []
    while i or len(out) < 2:
        i, r = divmod(i, len(syllables))
        out.append(syllables[r])
    return "".join(out).capitalize()


def _name(i: int) -> str:
    """A distinct capitalised two-word name for every i: "Kiba Tuba"."""
    return f"{_word(i)} {_word(i // 7 + 3)}"


def _acronym(i: int) -> str:
    """ "Bal Kiro Ment Council (BKM) said “…”", with a different acronym for most i."""
    words = [_word(i), _word(i // 12), _word(i // 144)]
    acronym = "".join(w[0] for w in words)
    return f"{' '.join(words)} Council ({acronym}) said “it is fine {i}.” "


SHAPES: dict[str, Callable[[int], str]] = {
    # Real news: the seed articles over and over, as one long article.
    "news": lambda size: _repeat(_seeds() + "\n\n", size),
    # One paragraph of quotation marks each opening a one-word quote: `"a, "a, "a, …`.
    "quote-comma": lambda size: _repeat('"a, ', size),
    # Verbs of speech, with a quotation now and then: said said … “…” said said …
    "said": lambda size: _words(size, lambda i: "said " * 200 + f"“we said {i}” "),
    # Quotes in single marks nested in one long double-quoted paragraph: “… 'a b c' 'd e f' …
    "nested-single": lambda size: "“" + _words(size - 1, lambda i: f"he said 'w{i} x y' "),
    # A run of straight double marks.
    "dquote-run": lambda size: '"' * size,
    # Many distinct people, each quoted: the roster grows with the text.
    "names": lambda size: _words(size, lambda i: f'{_name(i)} said "we will win {i}." '),
    # A lone capitalised word opening each sentence, asked about as a name each time.
    "surnames": lambda size: _words(size, lambda i: f'{_word(i)} said "we win {i}." '),
    # One title-case opening paragraph full of names and quotes, each read as a headline's.
    "headline": lambda size: _words(size, lambda i: f"{_name(i)} Says: ‘We Will Win {i}’ And "),
    # Organisations defining acronyms: every phrase is tried against every acronym.
    "acronyms": lambda size: _words(size, _acronym),
    # Labels and colons: "Name: “…”" again and again in one paragraph.
    "colons": lambda size: _words(size, lambda i: f"{_name(i)}: “fine {i}” and then: "),
    # One sentence with no full stop, its quotes introduced by cue words.
    "no-stop": lambda size: _words(size, lambda i: f'and the mayor told them "yes {i}," then '),
    # Paragraphs that each open a quote that never closes.
    "unclosed-paras": lambda size: _words(size, lambda i: f"“Paragraph {i} opens a quote\n\n"),
    # Transcript labels: "SMITH: …" lines.
    "transcript": lambda size: _words(size, lambda i: f"{_name(i % 50).upper()}: words here {i}\n"),
    # "according to" with no full stop, before and after quotes.
    "according": lambda size: _repeat("according to “him” according to ", size),
    # Apostrophes and single marks that never pair: Jones' dog, 'em, don't.
    "apostrophes": lambda size: _repeat("Jones' dog ate 'em, don't 'x ", size),
}


def _child(shape: str, size: int, capped: bool) -> None:
    """Extract one generated article and print seconds, quotes and memory as JSON."""
    from quotes.extract import extract_quotes
    from quotes.model import Article

    text = SHAPES[shape](size)
    article = Article(id=shape, text=text)
    options = {}
    if not capped:  # the work itself, not the safety net, is measured
        from quotes.extract import windows

        windows.MAX_MARKS = windows.MAX_QUOTES = options["max_quotes"] = 1 << 40
    before = _resident_kb("VmRSS")
    _reset_peak()  # so building the text does not count as extraction's peak
    started = time.perf_counter()
    quotes = extract_quotes(article, **options)
    seconds = time.perf_counter() - started
    peak = _resident_kb("VmHWM")
    print(json.dumps({"seconds": seconds, "quotes": len(quotes), "extra_kb": peak - before}))


def _resident_kb(field: str) -> int:
    """The process's resident set (VmRSS) or its peak (VmHWM) in KB, from Linux's /proc; the
    peak since the process started where /proc is missing."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _reset_peak() -> None:
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")  # Linux: the peak restarts from now


def measure(python: str, shape: str, size: int, timeout: float, capped: bool) -> dict | None:
    """One run in a child process; None when it outlives the timeout."""
    cmd = [python, str(Path(__file__).resolve()), "--child", shape, str(size), str(int(capped))]
    env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT))}
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "?"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=float, default=[0.25, 1, 4, 16], help="MB")
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    parser.add_argument("--timeout", type=float, default=120, help="seconds per run")
    parser.add_argument("--python", default=sys.executable, help="interpreter to extract with")
    parser.add_argument(
        "--no-cap", action="store_true", help="lift the per-article caps on quotes and marks"
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child[0], int(args.child[1]), args.child[2] == "1")
        return
    sizes = [int(s * MB) for s in args.sizes]
    print(f"{'shape':15} {'MB':>6} {'seconds':>9} {'growth':>7} {'quotes':>8} {'extra MB':>9}")
    for shape in args.shapes:
        previous: float | None = None
        for size in sizes:
            r = measure(args.python, shape, size, args.timeout, not args.no_cap)
            mb = f"{size / MB:6.2f}"
            if r is None:
                print(f"{shape:15} {mb} {'> ' + format(args.timeout, 'g'):>9}", flush=True)
                break  # larger sizes would only take longer
            if "error" in r:
                print(f"{shape:15} {mb} error: {r['error']}", flush=True)
                break
            growth = f"{r['seconds'] / previous:7.1f}" if previous else f"{'':7}"
            print(
                f"{shape:15} {mb} {r['seconds']:9.2f} {growth} {r['quotes']:8} "
                f"{r['extra_kb'] / 1024:9.0f}",
                flush=True,
            )
            previous = max(r["seconds"], 1e-3)


if __name__ == "__main__":
    main()
