"""Properties of builds on generated news: order never matters, and rebuilding changes nothing."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.cluster import cluster_quotes
from quotes.model import Article
from quotes.pipeline import analyse, build

SAYINGS = [
    "We will not build the bridge this year",
    "The budget is tight and the council knows it",
    "Our children read in hallways and that has to end",
    "Nobody told the ferry crews until the morning of the vote",
    "This was a mistake and we will fix it",
]
SPEAKERS = ["Mayor Alma Reyes", "council member Tom Birch", "harbor director Lena Ortiz"]
OUTLETS = ["Riverton Ledger", "Kell Valley Courier", "Willamette Week", None]
# How a reprint may change a quotation: as written, lower-cased opening, first word dropped,
# a word swapped.
CHANGES = ["same", "lower", "cut", "swap"]


def reworded(saying: str, change: str) -> str:
    words = saying.split()
    if change == "lower":
        return saying[0].lower() + saying[1:]
    if change == "cut":
        return " ".join(words[1:])
    if change == "swap":
        return " ".join([*words[:-1], "soon"])
    return saying


@st.composite
def corpora(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A few short articles reprinting a few quotations, as JSON Lines records."""
    records = []
    for n in range(draw(st.integers(1, 6))):
        quoted = draw(
            st.lists(
                st.tuples(
                    st.sampled_from(SAYINGS), st.sampled_from(SPEAKERS), st.sampled_from(CHANGES)
                ),
                min_size=1,
                max_size=3,
            )
        )
        paragraphs = [f"Council story number {n}", "The council met on Tuesday night."]
        for saying, speaker, change in quoted:
            paragraphs.append(f"“{reworded(saying, change)},” {speaker} said.")
        record: dict[str, Any] = {"text": "\n\n".join(paragraphs)}
        outlet = draw(st.sampled_from(OUTLETS))
        if outlet:
            record["outlet"] = outlet
        if draw(st.booleans()):
            record["published"] = f"2021-03-{draw(st.integers(1, 9)):02d}"
        if draw(st.booleans()):
            record["url"] = f"https://news.example/story-{n}"
        records.append(record)
    return records


def write(folder: Path, records: list[dict[str, Any]], files: int) -> list[Path]:
    """The records spread over `files` JSON Lines files, in the order given."""
    folder.mkdir(parents=True, exist_ok=True)
    files = min(files, len(records))
    paths = [folder / f"part{i}.jsonl" for i in range(files)]
    for i, path in enumerate(paths):
        path.write_text("".join(json.dumps(r) + "\n" for r in records[i::files]), "utf-8")
    return paths


def dump(db_path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the build stamp and the read position of articles."""
    conn = sqlite3.connect(db_path)
    try:
        tables = [
            r[0]
            for r in conn.execute("select name from sqlite_master where type = 'table'")
            if not r[0].startswith(("sqlite_", "quotes_fts", "articles_fts"))
        ]
        out = {}
        for table in tables:
            columns = [
                r[1] for r in conn.execute(f"pragma table_info([{table}])") if r[1] != "build"
            ]
            if table in ("articles", "problems"):
                columns = [c for c in columns if c != "source"]  # where it was read differs
            rows = conn.execute(f"select {', '.join(f'[{c}]' for c in columns)} from [{table}]")
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


def clusters_as_sets(db_path: Path) -> set[frozenset[str]]:
    conn = sqlite3.connect(db_path)
    try:
        members: dict[str, set[str]] = {}
        for quote_id, cluster_id in conn.execute("select id, cluster_id from quotes"):
            members.setdefault(cluster_id, set()).add(quote_id)
        return {frozenset(m) for m in members.values()}
    finally:
        conn.close()


SETTINGS = settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(records=corpora(), seed=st.integers(0, 2**16), files=st.integers(1, 3))
def test_clusters_do_not_depend_on_the_order_articles_are_read_in(
    tmp_path_factory: Any, records: list[dict[str, Any]], seed: int, files: int
) -> None:
    tmp = tmp_path_factory.mktemp("order")
    shuffled = records[:]
    random.Random(seed).shuffle(shuffled)
    first = write(tmp / "one", records, 1)
    second = write(tmp / "two", shuffled, files)
    build(first, tmp / "one.db")
    build(list(reversed(second)), tmp / "two.db")
    assert clusters_as_sets(tmp / "one.db") == clusters_as_sets(tmp / "two.db")
    assert dump(tmp / "one.db") == dump(tmp / "two.db")


@SETTINGS
@given(records=corpora())
def test_a_rebuild_of_the_same_inputs_gives_the_same_database(
    tmp_path_factory: Any, records: list[dict[str, Any]]
) -> None:
    tmp = tmp_path_factory.mktemp("rebuild")
    inputs = write(tmp / "in", records, 2)
    build(inputs, tmp / "q.db")
    before = dump(tmp / "q.db")
    build(inputs, tmp / "q.db")
    assert dump(tmp / "q.db") == before


@settings(max_examples=30, deadline=None)
@given(records=corpora(), seed=st.integers(0, 2**16))
def test_clustering_the_same_quotes_in_any_order_gives_the_same_clusters(
    records: list[dict[str, Any]], seed: int
) -> None:
    articles = [
        Article(f"a{n}", r["text"], r.get("url"), r.get("outlet"), r.get("published"))
        for n, r in enumerate(records)
    ]
    quotes, citations, _ = analyse(articles)
    by_id = {a.id: a for a in articles}
    shuffled = quotes[:]
    random.Random(seed).shuffle(shuffled)

    def as_sets(clusters: list) -> set[frozenset[str]]:
        return {frozenset(c.quote_ids) for c in clusters}

    assert as_sets(cluster_quotes(quotes, by_id, citations)) == as_sets(
        cluster_quotes(shuffled, by_id, citations[::-1])
    )
