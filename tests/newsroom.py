"""A small hand-made news world saved with the real `quotes.db` functions, for the publishing tests.

Four outlets cover a ferry vote. The Harbor Gazette publishes first; the River Times credits it
and changes a word; the undated Daily Ledger copies without credit and names the wrong speaker;
the Plain Post copies the River Times without credit.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

from sqlite_utils import Database

from quotes import db as store
from quotes.model import Alteration, Article, Citation, Cluster, Edge, Quote, Speaker

RUIZ = Speaker("Ana Ruiz", "person", "Mayor")
BELL = Speaker("Tom Bell", "person")
PARK = Speaker("Lee Park", "person", "Treasurer")
OSEI = Speaker("Sam Osei", "person")
GAZETTE_AS_SPEAKER = Speaker("Harbor Gazette", "outlet")

PLEDGE = "We will not sign a contract that leaves the ferry unfunded for a decade,"
PLEDGE_CHANGED = "We will not sign a deal that leaves the ferry unfunded"
PLEDGE_RECASED = "we will not sign a contract that leaves the ferry unfunded, for a decade"

ARTICLES = [
    Article(
        "gazette",
        f'Mayor Ana Ruiz said: "{PLEDGE}" The treasurer, Lee Park, added: "The budget '
        'is balanced." "Ferry service will resume in May," said Sam Osei.',
        url="https://harbor-gazette.example/ferry-vote",
        outlet="Harbor Gazette",
        published="2024-03-04",
        title="Council delays the ferry vote",
    ),
    Article(
        "times",
        f'As the Harbor Gazette reported, Ruiz said "{PLEDGE_CHANGED}." Park said "the '
        'budget is balanced."',
        url="https://river-times.example/ferry",
        outlet="River Times",
        published="2024-03-05",
        title="Mayor: no deal",
    ),
    Article(
        "ledger",
        f'"{PLEDGE_RECASED}" said Tom Bell.',
        url="https://daily-ledger.example/ferry",
        outlet="Daily Ledger",
        title="Ferry pledge",
    ),
    Article(
        "post",
        f'The mayor said "{PLEDGE_CHANGED}." "Ferry service will resume in May," the '
        "Harbor Gazette reported.",
        url="https://plain-post.example/ferry",
        outlet="Plain Post",
        published="2024-03-06",
        title="Ferry news",
    ),
]


def quote(article_id: str, text: str, speaker: Speaker, kind: str = "direct") -> Quote:
    """The quote of `text` in the named article, with its real offsets."""
    body = next(a.text for a in ARTICLES if a.id == article_id)
    start = body.index(text)
    return Quote(article_id, text, start, start + len(text), kind, speaker, "said")


PLEDGES = [
    quote("gazette", PLEDGE, RUIZ),
    quote("times", PLEDGE_CHANGED, RUIZ),
    quote("ledger", PLEDGE_RECASED, BELL),
    quote("post", PLEDGE_CHANGED, RUIZ),
]
BUDGET = [
    quote("gazette", "The budget is balanced.", PARK),
    quote("times", "the budget is balanced.", PARK),
]
FERRY = [
    quote("gazette", "Ferry service will resume in May,", OSEI),
    quote("post", "Ferry service will resume in May,", GAZETTE_AS_SPEAKER),
]


def changed_word_and_truncation(quote_id: str) -> list[Alteration]:
    """How the River Times wording differs from the pledge: one word, and the end cut off."""
    return [
        Alteration(quote_id, "substitution", "contract", "deal", 5, 6, 5, 6),
        Alteration(quote_id, "truncated_end", "for a decade", "", 11, 14, 11, 11),
    ]


CLUSTERS = [
    Cluster(
        "pledge",
        [q.id for q in PLEDGES],
        PLEDGE,
        PLEDGES[0].id,
        RUIZ,
        [PLEDGES[0].id],
        "2024-03-04",
        alterations=[
            *changed_word_and_truncation(PLEDGES[1].id),
            Alteration(PLEDGES[2].id, "case", "We", "we", 0, 1, 0, 1),
            Alteration(
                PLEDGES[2].id, "typography", "unfunded for", "unfunded, for", 10, 12, 10, 12
            ),
            *changed_word_and_truncation(PLEDGES[3].id),
        ],
        edges=[
            Edge(PLEDGES[1].id, PLEDGES[0].id, "credits Harbor Gazette", 0.9),
            Edge(PLEDGES[2].id, PLEDGES[0].id, "closest wording", 0.6),
            Edge(PLEDGES[3].id, PLEDGES[1].id, "same changed word; same truncation", 0.8),
        ],
    ),
    Cluster(
        "budget",
        [q.id for q in BUDGET],
        BUDGET[0].text,
        BUDGET[0].id,
        PARK,
        [BUDGET[0].id],
        "2024-03-04",
        alterations=[Alteration(BUDGET[1].id, "case", "The", "the", 0, 1, 0, 1)],
    ),
    Cluster(
        "ferry",
        [q.id for q in FERRY],
        FERRY[0].text,
        FERRY[0].id,
        OSEI,
        [FERRY[0].id],
        "2024-03-04",
    ),
]

CREDIT = "the Harbor Gazette reported"
CITATIONS = [
    Citation(
        "times",
        "Harbor Gazette",
        CREDIT,
        ARTICLES[1].text.index(CREDIT),
        ARTICLES[1].text.index(CREDIT) + len(CREDIT),
    ),
]


def build_newsroom(path: Path) -> Database:
    """The small world in a database at `path`, shaped as a real build shapes it."""
    path.write_bytes(_newsroom_bytes())
    return Database(path)


@functools.cache
def _newsroom_bytes() -> bytes:
    """Build once per test run: adding foreign keys rewrites tables, which is slow on disk."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "quotes.db"
        db = Database(path)
        store.save_articles(db, ARTICLES)
        store.save_quotes(db, [*PLEDGES, *BUDGET, *FERRY], CLUSTERS)
        store.save_citations(db, CITATIONS)
        store.save_problems(db, [])
        store.ensure_db_shape(db)
        db.close()
        return path.read_bytes()
