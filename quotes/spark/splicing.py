"""Where splices may join settled clusters, on Spark: the parts the distributed build clusters
task by task are the components over settle_linked pairs, joined by these links (the single
machine's are components.staged_parts and splice_links, and each step here calls theirs).

Each component over settle_linked is settled alone (union.settle, the same function): which
wording heads each wording's cluster, and whether a member has words its head lacks. A head
then reads its first candidates (splices.SPLICE_TRIED of them, as its splice check does) with
their settled heads, and splices.splice_partners says which of them a splice could take; a
member with words its head lacks (or any member of a cluster such a splice touches) reads its
trigram candidates of other clusters, and splices.gives_run says which could give it a run.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pyspark.sql import DataFrame
from pyspark.sql import functions as F
from pyspark.sql.window import Window

from quotes.cluster.components import settled_roots
from quotes.cluster.normalise import Vocabulary, tokenise
from quotes.cluster.sets import UnionFind
from quotes.cluster.splices import SPLICE_HEAD_WORDS, SPLICE_TRIED, open_to_splice, splice_partners
from quotes.cluster.union import start
from quotes.cluster.wordings import distinct_wordings
from quotes.spark import keys
from quotes.spark.clusters import inputs_of, records

SETTLED_SCHEMA = "wording_key string, root_key string, first_seen string, open boolean"


def settle_rows(rows: list[dict[str, Any]]) -> Iterator[tuple[str, str, str | None, bool]]:
    """For each wording of a component's quote rows: its key, its settled head's key, its first
    date, and whether it has words enough its head lacks to hold a splice's run."""
    quotes, articles, _ = inputs_of(rows)
    ordered = sorted(quotes, key=lambda q: (q.article_id, q.start, q.end))
    wordings, _ = distinct_wordings(ordered, [tokenise(q.text) for q in ordered], articles)
    roots = settled_roots(wordings, [list(range(len(wordings)))], keys.counts_of(rows))
    for i, w in enumerate(wordings):
        root = roots[i]
        yield (
            w.key,
            wordings[root].key,
            w.first_seen,
            root != i and open_to_splice(i, root, wordings),
        )


def settle_component(pdf: Any) -> Any:
    """applyInPandas: one component's quotes in, its wordings' settled heads out."""
    import pandas as pd

    columns = ["wording_key", "root_key", "first_seen", "open"]
    return pd.DataFrame(list(settle_rows(records(pdf))), columns=columns)


def partner_rows(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(head, wording) for each wording a head's splice check could take (splice_partners),
    from the head's row (first) and its first candidates' rows, each with its settled head."""
    vocab = Vocabulary()
    wordings = [keys.wording_of(r, vocab) for r in rows]
    run = start(wordings, keys.counts_of(rows))
    uf = UnionFind(len(rows))
    first: dict[str, int] = {}
    for k, r in enumerate(rows):  # the head's cluster keeps the head as its root
        uf.union(first.setdefault(r["root"], k), k)
    partners = splice_partners(0, wordings, run.index, uf)
    return [(rows[0]["wording"], rows[k]["wording"]) for k in partners]


def partner_component(pdf: Any) -> Any:
    """applyInPandas: a head's row and its first candidates' in, (head, partner) pairs out."""
    import pandas as pd

    rows = records(pdf)
    rows.sort(key=lambda r: r["candidate"])  # the head first, then its candidates in order
    return pd.DataFrame(partner_rows(rows), columns=["a", "b"])


def wording_id(key: str) -> Any:
    """The build's id of a wording, from its key (as build.py names quotes' wordings)."""
    return F.substring(F.sha2(key, 256), 1, 16)


def settled(per_quote: DataFrame) -> DataFrame:
    """(wording, root, first_seen, open) for every wording: its settled head, from settling
    each component (the `component` column) of quote rows alone."""
    found = per_quote.groupBy("component").applyInPandas(settle_component, SETTLED_SCHEMA)
    return found.select(
        wording_id("wording_key").alias("wording"),
        wording_id("root_key").alias("root"),
        "first_seen",
        "open",
    )


def splice_links(
    wordings: DataFrame, candidates: DataFrame, facts: DataFrame, settled: DataFrame
) -> DataFrame:
    """Pairs (a, b) whose settled clusters a splice could read or join (splice_links)."""
    side = (
        wordings.select("wording", "key", "text", "weight", "n", "joined")
        .join(facts, "wording")
        .join(settled, "wording")
        .withColumn("wording_key", F.col("key"))
    )
    heads = side.filter((F.col("wording") == F.col("root")) & (F.col("n") >= SPLICE_HEAD_WORDS))
    b = side.select(
        F.col("wording").alias("b"), F.col("n").alias("n_b"), F.col("weight").alias("w_b"),
        F.col("joined").alias("k_b"),
    )  # fmt: skip
    order = Window.partitionBy("a").orderBy(
        F.col("shared").desc(), F.col("n_b").desc(), F.col("w_b").desc(), "k_b"
    )
    # rank, not row_number: a candidate tied with the last one read is read too (first_candidates)
    tried = (
        candidates.join(heads.select(F.col("wording").alias("a")), "a")
        .join(b, "b")
        .withColumn("candidate", F.rank().over(order))
        .filter(F.col("candidate") <= SPLICE_TRIED)
        .select("a", F.col("b").alias("wording"), "candidate")
    )
    rows = tried.union(heads.select(F.col("wording").alias("a"), "wording", F.lit(0))).join(
        side, "wording"
    )
    partners = rows.groupBy("a").applyInPandas(partner_component, "a string, b string")
    partners = partners.persist()
    touched = (
        partners.select(F.col("a").alias("wording"))
        .union(partners.select(F.col("b").alias("wording")))
        .join(settled, "wording")
        .select(F.col("root").alias("touched"))
        .distinct()
    )
    members = settled.join(touched, F.col("root") == F.col("touched"), "left").filter(
        (F.col("wording") != F.col("root")) & (F.col("open") | F.col("touched").isNotNull())
    )
    cols = ["key", "text", "weight", "first_seen", "stock", "root"]
    a_side = side.select([F.col(c).alias(f"a_{c}") for c in ["wording", *cols]])
    b_side = side.select([F.col(c).alias(f"b_{c}") for c in ["wording", *cols]])
    both = (
        candidates.join(members.select(F.col("wording").alias("a")), "a")
        .join(a_side, F.col("a") == F.col("a_wording"))
        .join(b_side, F.col("b") == F.col("b_wording"))
        .filter(F.col("a_root") != F.col("b_root"))
    )
    runs = both.rdd.filter(
        lambda r: keys.pair_gives_run(
            {c: r[f"a_{c}"] for c in cols}, {c: r[f"b_{c}"] for c in cols}
        )
    ).map(lambda r: (r.a, r.b))
    return partners.union(wordings.sparkSession.createDataFrame(runs, "a string, b string"))
