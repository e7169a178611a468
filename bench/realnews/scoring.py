"""Score predicted quotes against the real-news gold, as /work/shared/gold-guidelines.md says.

Quotes match within an article when the Dice overlap of their word lists is at least a half
(quotes of one or two words must be equal), greedily, best overlap first, one to one. Speakers
are right when the predicted name equals an accepted one (case and a leading article aside) or
ends with an accepted name of two words or more. Clusters are scored with B-cubed over the
matched gold quotes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from bench.realnews.corpus import SPEECH, GoldArticle, GoldQuote
from bench.realnews.words import words
from bench.score import Scores, bcubed, greedy_pairs

MIN_DICE = 0.5
SHORT = 2  # quotes of this many words or fewer match only when equal
ARTICLE = re.compile(r"^(?:the|a|an)\s+")


@dataclass(frozen=True)
class Predicted:
    """One quote found by `quotes` in an article of the corpus."""

    article_id: str
    text: str
    speaker: str | None
    cluster: str | None


@dataclass
class StoryScores:
    """One story's (or the whole corpus's) counts, cluster labels and errors."""

    name: str
    articles: int = 0
    quotes: Scores = field(default_factory=Scores)
    not_speech_hits: int = 0  # predictions matched to a not_speech gold span
    truth: dict[str, str] = field(default_factory=dict)  # matched gold quote -> gold cluster
    found: dict[str, str] = field(default_factory=dict)  # matched gold quote -> system cluster
    misses: list[tuple[str, GoldQuote]] = field(default_factory=list)
    false_positives: list[tuple[str, Predicted, GoldQuote | None]] = field(default_factory=list)
    wrong_speakers: list[tuple[str, GoldQuote, Predicted]] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # matched gold quote -> its text

    @property
    def bcubed(self) -> tuple[float, float, float]:
        return bcubed(self.found, self.truth) if self.truth else (0.0, 0.0, 0.0)

    def add(self, other: StoryScores) -> None:
        """Fold another story's counts into this one (cluster keys are story-qualified)."""
        self.articles += other.articles
        for name in ("predicted", "gold", "matched", "speaker_judged", "speaker_right"):
            setattr(self.quotes, name, getattr(self.quotes, name) + getattr(other.quotes, name))
        self.not_speech_hits += other.not_speech_hits
        for attr in ("truth", "found", "texts"):
            getattr(self, attr).update(getattr(other, attr))
        self.misses += other.misses
        self.false_positives += other.false_positives
        self.wrong_speakers += other.wrong_speakers


def matches(golds: list[list[str]], predictions: list[list[str]]) -> list[tuple[int, int]]:
    """Pairs (gold index, prediction index), one to one, best Dice overlap first."""
    candidates: list[tuple[float, int, int]] = []
    for i, g in enumerate(golds):
        for j, p in enumerate(predictions):
            overlap = dice(g, p)
            if overlap >= MIN_DICE:
                candidates.append((-overlap, i, j))
    return greedy_pairs(candidates)


def dice(a: list[str], b: list[str]) -> float:
    """Dice overlap of two word lists; 1.0 or 0.0 when either is short."""
    if not a or not b:
        return 0.0
    if min(len(a), len(b)) <= SHORT:
        return float(a == b)
    shared = sum((Counter(a) & Counter(b)).values())
    return 2 * shared / (len(a) + len(b))


def _plain(name: str) -> str:
    name = " ".join(name.replace("’", "'").lower().split())
    return ARTICLE.sub("", name)


def speaker_right(predicted: str | None, accept: list[str]) -> bool:
    """Whether a predicted speaker is one of the accepted names, or ends with a long one."""
    if not predicted:
        return False
    mine = _plain(predicted)
    for name in map(_plain, accept):
        if mine == name or (" " in name and mine.endswith(" " + name)):
            return True
    return False


def score_story(
    story: str, articles: list[GoldArticle], predicted: dict[str, list[Predicted]]
) -> StoryScores:
    """Counts of one story; cluster labels are qualified by the story so stories never mix."""
    result = StoryScores(story, articles=len(articles))
    for article in articles:
        _score_article(story, article, predicted.get(article.id, []), result)
    return result


def _score_article(
    story: str, article: GoldArticle, preds: list[Predicted], result: StoryScores
) -> None:
    golds = article.quotes
    pairs = matches([words(g.text) for g in golds], [words(p.text) for p in preds])
    speech = [g.kind in SPEECH for g in golds]
    result.quotes.gold += sum(speech)
    result.quotes.predicted += len(preds)
    matched_gold = dict(pairs)
    for i, gold in enumerate(golds):
        if not speech[i]:
            continue
        if i not in matched_gold:
            result.misses.append((article.id, gold))
            continue
        pred = preds[matched_gold[i]]
        result.quotes.matched += 1
        key = f"{story}/{article.id}/{i}"
        result.truth[key] = f"{story}/{gold.cluster}" if gold.cluster else key
        result.found[key] = f"{story}/{pred.cluster}" if pred.cluster else f"{key}/alone"
        result.texts[key] = gold.text
        if gold.speaker:
            result.quotes.speaker_judged += 1
            if speaker_right(pred.speaker, gold.accept):
                result.quotes.speaker_right += 1
            else:
                result.wrong_speakers.append((article.id, gold, pred))
    by_pred = {j: i for i, j in pairs}
    for j, pred in enumerate(preds):
        hit = by_pred.get(j)
        if hit is None or not speech[hit]:
            result.not_speech_hits += hit is not None
            result.false_positives.append((article.id, pred, None if hit is None else golds[hit]))
