"""A generated 3,000-article corpus with one story every outlet ran: the size a site must handle."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "bench") not in sys.path:
    sys.path.append(str(ROOT / "bench"))

from generate import Tok, Writer, alter, generate, render  # noqa: E402

from quotes.model import Article  # noqa: E402


def viral_corpus(n_articles: int = 3000, carriers: int = 1800, seed: int = 3) -> list[Article]:
    """`n_articles` generated articles; `carriers` of them also quote one statement.

    Most carriers copy it word for word, as wire copy is; one in four alters it as a
    generated copy does (truncated, elided, words changed), so it has many wordings.
    """
    articles = generate(n_articles, seed).articles
    w = Writer(seed + 1000)
    statement = w.statement("viral")
    toks = [Tok(x, n) for n, x in enumerate(statement.words)]
    name = statement.speaker.name
    step = n_articles / carriers
    for k in range(carriers):
        i = int(k * step)
        words = alter(w, toks, None)[0] if w.rng.random() < 0.25 else toks
        quoted = render(words, curly=False)
        articles[i] = replace(articles[i], text=f'{articles[i].text}{name} said: "{quoted}"\n\n')
    return articles


def write_jsonl(articles: list[Article], path: Path) -> Path:
    """The articles as JSON Lines, the input `quotes build` reads."""
    with path.open("w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps({k: v for k, v in a.as_dict().items() if k != "source"}) + "\n")
    return path
