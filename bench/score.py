"""Score predicted quotations against PolNeAR's quoted attribution contents.

Gold: every attribution whose content contains quotation marks contributes the quoted fragments
of that content (the words between an opening mark and its closing mark). A predicted quotation
matches a gold fragment when they share at least half of the words of each, words being found
by their positions in the article, and each side is matched at most once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from bench.polnear import Document, Span

MARK = re.compile(r"''|[\"“”„‟«»]")  # double marks; the New York Times writes ''
OPENING, CLOSING = "“„‟«", "”»"
# Single marks are mostly apostrophes (Jones’ dog, ’90s): a single-marked quotation needs an
# opening mark before a word and a closing mark after a word or its punctuation.
SINGLE_QUOTED = re.compile(r"(?<!\w)[‘'](?=\w)(.+?)(?<=[\w.,!?])[’'](?!\w)", re.DOTALL)
WORD = re.compile(r"\w+(?:['’]\w+)*")
TITLE_OR_PRONOUN = {
    "a", "all", "an", "another", "both", "each", "he", "her", "his", "i", "it", "its", "many",
    "most", "my", "one", "other", "others", "our", "several", "she", "some", "that", "the",
    "their", "these", "they", "this", "those", "we", "which", "who", "you", "your",
}  # fmt: skip
PREPOSITIONS = {"about", "among", "at", "by", "for", "from", "in", "of", "on", "to", "with"}
CONJUNCTIONS = {"and", "&", "or"}  # "Obama and Clinton" is no one speaker
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
PARTICLES = {"al", "bin", "da", "de", "del", "der", "di", "la", "le", "van", "von"}


@dataclass(frozen=True)
class Gold:
    """One quoted fragment of an annotated content, with its source's surname when named."""

    doc_id: str
    span: Span
    source: str  # the source span's words as annotated ("" when the annotation has none)
    surname: str | None  # set only when the source is a proper name


@dataclass(frozen=True)
class Predicted:
    """One quotation found by a tool, reduced to what the benchmark scores."""

    doc_id: str
    span: Span
    speaker: str | None


@dataclass(frozen=True)
class Scored:
    """One article's gold fragments, the predictions scored, and the matched pairs."""

    golds: list[Gold]
    predictions: list[Predicted]
    pairs: list[tuple[int, int]]  # (gold index, prediction index)


@dataclass
class Scores:
    """Counts behind precision, recall, F1 and named-speaker accuracy."""

    predicted: int = 0
    gold: int = 0
    matched: int = 0
    speaker_judged: int = 0
    speaker_right: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_judged if self.speaker_judged else 0.0


def gold_fragments(doc: Document) -> list[Gold]:
    """The quoted fragments of every attribution whose content holds quotation marks."""
    golds = []
    for attribution in doc.attributions:
        fragments = content_fragments(doc.text, attribution.content)
        if not fragments:
            continue
        source = " ".join(doc.text[s:e] for s, e in attribution.source)
        surname = named_surname(doc.text, attribution.source[0]) if attribution.source else None
        golds += [Gold(doc.id, span, source, surname) for span in fragments]
    return golds


def content_fragments(text: str, content: tuple[Span, ...]) -> list[Span]:
    """Fragments by double marks; by single marks only in a content without double marks."""
    if any(MARK.search(text, s, e) for s, e in content):
        return quoted_fragments(text, content)
    quoted = [m.span(1) for s, e in content for m in SINGLE_QUOTED.finditer(text, s, e)]
    return [trimmed for span in quoted if (trimmed := _trim_to_words(text, span))]


def quoted_fragments(text: str, content: tuple[Span, ...]) -> list[Span]:
    """Spans between opening and closing marks inside content, trimmed to their words.

    A mark that opens a paragraph while a quotation is open continues it (a multi-paragraph
    quotation is one fragment); a closing mark with no opener closes a quotation that began
    before the content did; an unclosed quotation runs to the content's end.
    """
    fragments: list[Span] = []
    for start, end in content:
        open_at: int | None = None
        for mark in MARK.finditer(text, start, end):
            opening = _is_opening(text, mark.start(), mark.end())
            if open_at is None and opening:
                open_at = mark.end()
            elif open_at is None:
                if not fragments or fragments[-1][1] < start:
                    fragments.append((start, mark.start()))
            elif not (opening and _starts_paragraph(text, mark.start())):
                fragments.append((open_at, mark.start()))
                open_at = None
        if open_at is not None:
            fragments.append((open_at, end))
    return [trimmed for span in fragments if (trimmed := _trim_to_words(text, span))]


def _is_opening(text: str, start: int, end: int) -> bool:
    """Curly marks say their direction; straight ones open after a space and before a word."""
    mark = text[start:end]
    if mark in OPENING or mark in CLOSING:
        return mark in OPENING
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


def _starts_paragraph(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    return line_start > 0 and not text[line_start:position].strip()


def _trim_to_words(text: str, span: Span) -> Span | None:
    words = list(WORD.finditer(text, span[0], span[1]))
    return (words[0].start(), words[-1].end()) if words else None


def named_surname(text: str, source: Span) -> str | None:
    """The surname when a source span names someone ("Sen. Jane Ruiz (D)"), else None.

    A name is a run of capitalised words ending the source's head (the part before any comma,
    parenthesis, dash or a preposition following a name), not inside a prepositional phrase
    ("a spokesman for Ruiz") nor a list ("Ruiz and Lee") and not a pronoun. One capitalised
    word opening a sentence must also be capitalised mid-sentence somewhere in the article, so
    "Officials" is no name.
    """
    head = re.split(r"[,(;:—–]| -", text[source[0] : source[1]])[0]
    head = re.sub(r"(?:['’]s?|[.\s])+$", "", head).strip()
    tokens = head.split()
    for k, token in enumerate(tokens[1:], 1):  # "Bill Richardson of New Mexico" names Richardson
        if token in PREPOSITIONS and tokens[k - 1][:1].isupper():
            tokens = tokens[:k]
            break
    run: list[str] = []
    for token in reversed(tokens):
        bare = token.strip("\"“”'‘’.")
        if bare.lower() in TITLE_OR_PRONOUN:
            break
        if bare[:1].isupper() or (run and bare.lower() in PARTICLES):
            run.insert(0, token)
        else:
            break
    while run and run[0].lower() in PARTICLES:
        run.pop(0)
    names = [t.strip("\"“”'‘’.") for t in run if t.strip("\"“”'‘’.").lower() not in SUFFIXES]
    if not names:
        return None
    prefix = tokens[: len(tokens) - len(run)]
    if any(t.lower() in PREPOSITIONS | CONJUNCTIONS for t in prefix):
        return None
    sentence_initial = len(run) == 1 and not prefix and _opens_sentence(text, source[0])
    if sentence_initial and not _capitalised_mid_sentence(text, names[-1]):
        return None
    return names[-1]


def _opens_sentence(text: str, position: int) -> bool:
    before = text[:position].rstrip(" \t\"“”'‘’")
    return not before or before[-1] in ".!?:\n"


def _capitalised_mid_sentence(text: str, word: str) -> bool:
    after = re.finditer(rf"(\S)\s+{re.escape(word)}\b", text)
    return any(m.group(1).islower() or m.group(1) in ",;" for m in after)


def speaker_matches(surname: str, speaker: str | None) -> bool:
    """Whether a predicted speaker's name contains the gold surname as a whole word."""
    if not speaker:
        return False
    surname, speaker = surname.replace("’", "'"), speaker.replace("’", "'")
    return bool(re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", speaker, re.IGNORECASE))


def word_positions(text: str, span: Span) -> set[int]:
    """Start offsets of the words inside a span: positions, so equal words elsewhere differ."""
    return {m.start() for m in WORD.finditer(text, span[0], span[1])}


def match(text: str, golds: list[Gold], predictions: list[Predicted]) -> list[tuple[int, int]]:
    """Pairs (gold index, prediction index), one-to-one, largest word overlaps first."""
    gold_words = [word_positions(text, g.span) for g in golds]
    candidates = []
    for j, p in enumerate(predictions):
        words = word_positions(text, p.span)
        for i, g in enumerate(gold_words):
            shared = len(words & g)
            if shared and 2 * shared >= max(len(words), len(g)):
                candidates.append((-shared, i, j))
    return greedy_pairs(candidates)


def greedy_pairs(candidates: Sequence[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs from (sort key, gold index, prediction index), smallest key first."""
    pairs: list[tuple[int, int]] = []
    used_gold, used_pred = set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_gold and j not in used_pred:
            pairs.append((i, j))
            used_gold.add(i)
            used_pred.add(j)
    return pairs


def score_document(doc: Document, predictions: list[Predicted], scores: Scores) -> Scored:
    """Add one document's counts to scores and say what matched what.

    A quotation nested inside another predicted one is left out: PolNeAR annotates the outer.
    """
    golds = gold_fragments(doc)
    predictions = [p for p in predictions if not _nested(p.span, predictions)]
    pairs = match(doc.text, golds, predictions)
    scores.predicted += len(predictions)
    scores.gold += len(golds)
    scores.matched += len(pairs)
    for i, j in pairs:
        surname = golds[i].surname
        if surname:
            scores.speaker_judged += 1
            scores.speaker_right += speaker_matches(surname, predictions[j].speaker)
    return Scored(golds, predictions, pairs)


def _nested(span: Span, predictions: list[Predicted]) -> bool:
    return any(
        p.span != span and p.span[0] <= span[0] and span[1] <= p.span[1] for p in predictions
    )


def bcubed(
    predicted: Mapping[str, str], truth: Mapping[str, str], items: Collection[str] | None = None
) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering, averaged over `items` (all of them
    unless given)."""
    pred_sets: dict[str, set[str]] = defaultdict(set)
    true_sets: dict[str, set[str]] = defaultdict(set)
    for item, label in predicted.items():
        pred_sets[label].add(item)
    for item, label in truth.items():
        true_sets[label].add(item)
    precision = recall = 0.0
    items = truth if items is None else items
    for item in items:
        mine, real = pred_sets[predicted[item]], true_sets[truth[item]]
        both = len(mine & real)
        precision += both / len(mine)
        recall += both / len(real)
    n = len(items) or 1
    p, r = precision / n, recall / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
