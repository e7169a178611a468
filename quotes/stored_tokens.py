"""Keep each distinct quoted text's tokens in the database, so a build tokenises only new texts.

Tokenising is a function of the text alone (cluster/normalise.py), and tokenising every
distinct quoted text of a corpus again was a second of a +1 % build's CPU at 20,000 articles.
Table `quote_tokens`: one row per distinct text of the stored quotes, its Tokens as JSON and
the clusterer's version (incremental.clusterer_version, which covers normalise.py): rows of
another version are never read, and each build writes only the difference.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping

from sqlite_utils import Database

from quotes.cluster.normalise import Tokens
from quotes.incremental import BATCH, _made, clusterer_version
from quotes.views import where_in

TABLE = "quote_tokens"
COLUMNS = {"text": str, "tokens": str, "version": str}


def load_tokens(db: Database) -> dict[str, Tokens]:
    """The stored tokens of every text this version tokenised, by text."""
    if TABLE not in db.table_names():
        return {}
    version = clusterer_version()
    rows = db.execute(f"select text, tokens from [{TABLE}] where version = ?", [version])
    return {text: _decoded(tokens) for text, tokens in rows}


def save_tokens(
    db: Database, texts: Collection[str], tokens: Mapping[str, Tokens], stored: Collection[str]
) -> None:
    """Make the table hold the tokens of exactly these texts (`tokens` has each of them,
    `stored` are the texts load_tokens gave), writing only the difference."""
    table = db.table(TABLE)
    table.create(COLUMNS, pk="text", if_not_exists=True)
    version = clusterer_version()
    db.execute(f"delete from [{TABLE}] where version != ?", [version])
    gone = [t for t in stored if t not in texts]
    for where, chunk in where_in("text", gone):
        db.execute(f"delete from [{TABLE}] where {where}", chunk)
    table.insert_all(
        (
            {"text": t, "tokens": _encoded(tokens[t]), "version": version}
            for t in texts
            if t not in stored
        ),
        pk="text",
        replace=True,
        batch_size=BATCH,
    )


def _encoded(t: Tokens) -> str:
    return json.dumps(
        [t.words, t.surface, t.seps, sorted(t.bracketed), sorted(t.elided)], ensure_ascii=False
    )


def _decoded(stored: str) -> Tokens:
    """Tokens as tokenise made them (tuples and frozensets), without the frozen __init__."""
    words, surface, seps, bracketed, elided = json.loads(stored)
    return _made(
        Tokens,
        {
            "words": tuple(words),
            "surface": tuple(surface),
            "seps": tuple(seps),
            "bracketed": frozenset(bracketed),
            "elided": frozenset(elided),
        },
    )
