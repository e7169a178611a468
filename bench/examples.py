"""Examples of misses, false positives and wrong speakers, shown in context for error analysis."""

from __future__ import annotations

import random
import re

from bench.polnear import Document, Span
from bench.score import Scored, speaker_matches

CONTEXT = 60  # characters shown on each side of a quotation
LONGEST = 160  # longer quotations are shown by their beginning and end


class Examples:
    """Collects every error of a run and picks a fixed-seed sample of each kind to print."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.kinds: dict[str, list[str]] = {"miss": [], "false positive": [], "wrong speaker": []}

    def collect(self, doc: Document, scored: Scored) -> None:
        """File one scored document's errors under their kind."""
        if not self.n:
            return
        golds, predictions, pairs = scored.golds, scored.predictions, scored.pairs
        matched_gold = {i for i, _ in pairs}
        matched_pred = {j for _, j in pairs}
        for i, gold in enumerate(golds):
            if i not in matched_gold:
                near = _overlapping(gold.span, [p.span for p in predictions])
                lines = [f"gold: {in_context(doc.text, gold.span)}  [source: {gold.source!r}]"]
                lines += [f"  predicted nearby: {shown(doc.text, span)}" for span in near]
                self.kinds["miss"].append(_entry(doc.id, lines))
        for j, prediction in enumerate(predictions):
            if j not in matched_pred:
                near = _overlapping(prediction.span, [g.span for g in golds])
                lines = [f"predicted: {in_context(doc.text, prediction.span)}"]
                lines[0] += f"  [speaker: {prediction.speaker!r}]"
                lines += [f"  gold nearby: {shown(doc.text, span)}" for span in near]
                self.kinds["false positive"].append(_entry(doc.id, lines))
        for i, j in pairs:
            gold, prediction = golds[i], predictions[j]
            if gold.surname and not speaker_matches(gold.surname, prediction.speaker):
                lines = [
                    f"quote: {in_context(doc.text, gold.span)}",
                    f"  gold source: {gold.source!r}  predicted speaker: {prediction.speaker!r}",
                ]
                self.kinds["wrong speaker"].append(_entry(doc.id, lines))

    def chosen(self) -> list[str]:
        """Up to n examples of each kind, the same ones from run to run."""
        out: list[str] = []
        if not self.n:
            return out
        for kind, entries in self.kinds.items():
            picked = random.Random(0).sample(entries, min(self.n, len(entries)))
            out.append(f"-- {kind}: {len(picked)} of {len(entries)}")
            out += picked
        return out


def _entry(doc_id: str, lines: list[str]) -> str:
    return f"[{doc_id}]\n  " + "\n  ".join(lines)


def _overlapping(span: Span, others: list[Span]) -> list[Span]:
    return [o for o in others if o[0] < span[1] and span[0] < o[1]]


def shown(text: str, span: Span) -> str:
    """A span's text on one line, long ones cut in the middle."""
    words = _one_line(text[span[0] : span[1]])
    if len(words) > LONGEST:
        words = words[: LONGEST * 2 // 3] + " … " + words[-LONGEST // 3 :]
    return f"⟦{words}⟧"


def in_context(text: str, span: Span) -> str:
    """A span in brackets with a little of the text around it."""
    before = _one_line(text[max(0, span[0] - CONTEXT) : span[0]])
    after = _one_line(text[span[1] : span[1] + CONTEXT])
    return f"…{before}{shown(text, span)}{after}…"


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)
