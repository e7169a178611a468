"""The distributed build: the single-machine stages on Spark, written as Parquet tables with the
SQLite tables' names and columns (quotes/db.py TABLES, plus articles and problems)."""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

from quotes import db as store
from quotes.ingest import MAX_ARTICLE_BYTES, SIDECAR
from quotes.model import Article
from quotes.spark import links, splicing
from quotes.spark.clusters import OUTPUT_SCHEMA, cluster_component
from quotes.spark.components import components
from quotes.spark.extract import extract, quote_row, speaker_names
from quotes.spark.read import articles_of, merge, problems_of, read_bytes

SPARK_TYPES = {str: T.StringType(), int: T.LongType(), float: T.DoubleType()}
ARTICLE_COLUMNS = {name: str for name in Article.__dataclass_fields__}
PROBLEM_COLUMNS = {"source": str, "message": str, "build": str}


@dataclass
class SparkReport:
    """What a distributed build wrote, for the CLI to print."""

    build: str = ""
    tables: list[str] = field(default_factory=list)  # written, in this order
    label_rounds: int = 0
    largest_component: int = 0  # quotes in the largest part, which one task clusters
    quotes: int = 0


def schema(columns: Mapping[str, type]) -> T.StructType:
    """A Spark schema for columns typed as in quotes/db.py."""
    return T.StructType([T.StructField(k, SPARK_TYPES[t], True) for k, t in columns.items()])


def spark_build(
    spark: SparkSession,
    inputs: Sequence[str],
    out: str,
    max_bytes: int = MAX_ARTICLE_BYTES,
    partitions: int | None = None,
) -> SparkReport:
    """Read, extract, unify speakers, cluster and write every table under `out` as Parquet."""
    report = SparkReport(build=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    sc = spark.sparkContext
    stamp = report.build
    parts = partitions or sc.defaultParallelism
    files = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .load(list(inputs))
        .select("path", "content")
    )
    files = files.filter(~F.col("path").endswith("/" + SIDECAR)).repartition(parts)
    items = files.rdd.flatMap(lambda r: read_bytes(r.path, bytes(r.content), max_bytes))
    read_problems = items.flatMap(problems_of)
    articles = (
        items.flatMap(articles_of)
        .map(lambda it: (it[0].id, it))
        .reduceByKey(merge, parts)
        .values()
        .persist()
    )
    found = articles.mapPartitions(extract).persist()
    names = speaker_names(  # the (speaker, article) counts are collected to the driver
        found.filter(lambda f: f[0] == "quote" and f[1][0].speaker is not None)
        .map(lambda f: ((f[1][0].speaker, f[1][0].article_id), 1))
        .reduceByKey(operator.add)
        .collect()
    )
    named = sc.broadcast(names)
    quotes = spark.createDataFrame(
        found.filter(lambda f: f[0] == "quote").map(
            lambda f: T.Row(**quote_row(f[1][0], f[1][1], named.value))
        ),
        _QUOTE_ROW,
    ).withColumn("wording", F.substring(F.sha2("wording_key", 256), 1, 16))
    quotes = quotes.persist()
    citations = spark.createDataFrame(
        found.filter(lambda f: f[0] == "citation").map(lambda f: T.Row(**asdict(f[1]))),
        schema(store.TABLES["citations"][0]),
    ).persist()
    problems = read_problems.union(
        found.filter(lambda f: f[0] == "problem").map(lambda f: f[1])
    ).map(lambda p: T.Row(**p.as_dict(), build=stamp))
    article_rows = spark.createDataFrame(
        articles.map(lambda it: T.Row(**it[0].as_dict())), schema(ARTICLE_COLUMNS)
    )

    # What later stages read many times is checkpointed, not cached: a cached DataFrame keeps its
    # whole plan, and each join of it repeats that plan, until planning each query (and AQE's
    # replanning after every stage) took longer than running it.
    wordings = links.wordings_of(quotes).localCheckpoint()
    facts, pairs, candidates = links.counted(wordings)
    facts = facts.localCheckpoint()
    edges = links.links(wordings, pairs, facts).persist()
    credits = citations.groupBy("article_id").agg(F.collect_list("outlet").alias("credits"))
    per_quote = (
        quotes.join(facts, "wording", "left")
        .join(article_rows.select(F.col("id").alias("article_id"), "published", "outlet"),
              "article_id", "left")
        .join(credits, "article_id", "left")
    ).localCheckpoint()  # fmt: skip
    # Settle each component over settle_linked alone, then join those a splice may join.
    settled_labels, rounds = components(spark, edges, wordings)
    settled = splicing.settled(per_quote.join(settled_labels, "wording")).localCheckpoint()
    joins = splicing.splice_links(wordings, candidates, facts, settled)
    labels, more = components(spark, edges.union(joins), wordings)
    report.label_rounds = rounds + more
    per_quote = per_quote.join(labels, "wording")
    sizes = per_quote.groupBy("component").count()
    largest = sizes.agg(F.max("count").alias("m"), F.sum("count").alias("n")).first()
    if largest is not None:
        report.largest_component, report.quotes = largest.m or 0, largest.n or 0
    found_rows = per_quote.groupBy("component").applyInPandas(cluster_component, OUTPUT_SCHEMA)
    found_rows = found_rows.persist()

    def table(name: str, columns: dict[str, type]) -> DataFrame:
        rows = found_rows.filter(F.col("table") == name).select(
            F.from_json("row", schema(columns)).alias("r")
        )
        return rows.select("r.*")

    speaker_cols = {"speaker_name": str, "speaker_kind": str, "speaker_description": str}
    cluster_cols = {**store.TABLES["clusters"][0], **speaker_cols}
    clusters = table("clusters", cluster_cols)
    members = table("members", {"quote_id": str, "cluster_id": str})
    speakers = _speakers(spark, quotes, clusters)
    tables: dict[str, DataFrame] = {
        "articles": article_rows,
        "problems": spark.createDataFrame(problems, schema(PROBLEM_COLUMNS)).dropDuplicates(
            ["source"]
        ),
        "speakers": speakers,
        "quotes": _with_speaker_id(quotes, speakers).join(
            members.withColumnRenamed("quote_id", "id"), "id", "left"
        ),
        "clusters": _with_speaker_id(clusters, speakers),
        "alterations": table("alterations", store.TABLES["alterations"][0]),
        "provenance": table("provenance", store.TABLES["provenance"][0]),
        "citations": citations,
    }
    columns = {"articles": ARTICLE_COLUMNS, "problems": PROBLEM_COLUMNS} | {
        name: cols for name, (cols, _) in store.TABLES.items() if name != "outlets"
    }
    for name, df in tables.items():
        df = df.select(*columns[name])
        df.write.mode("overwrite").parquet(f"{out.rstrip('/')}/{name}")
        report.tables.append(name)
    for cached in (articles, found, quotes, citations, found_rows, edges):
        cached.unpersist()
    return report


_QUOTE_ROW = (
    "id string, article_id string, text string, start long, `end` long, kind string, cue string,"
    " credit string, rule string, speaker_name string, speaker_kind string,"
    " speaker_description string,"
    " speaker_key string, wording_key string, words array<string>, order_file string,"
    " order_record long, order_quote long"
)


def _speakers(spark: SparkSession, quotes: DataFrame, clusters: DataFrame) -> DataFrame:
    """The speakers table as save_speakers numbers it: one row per (name, kind) in name order,
    described by the first description in corpus order. The table of distinct speakers is
    small, so it is numbered on the driver."""
    said = quotes.select(
        "speaker_name", "speaker_kind", "speaker_description",
        F.struct(
            F.lit(0).alias("g"), F.col("order_file").alias("f"), F.col("order_record").alias("r"),
            F.col("order_quote").alias("q"), F.lit("").alias("c"),
        ).alias("o"),
    )  # fmt: skip
    led = clusters.select(
        "speaker_name", "speaker_kind", "speaker_description",
        F.struct(
            F.lit(1).alias("g"), F.lit("").alias("f"), F.lit(0).cast("long").alias("r"),
            F.lit(0).cast("long").alias("q"), F.col("id").alias("c"),
        ).alias("o"),
    )  # fmt: skip
    described = F.when(F.col("speaker_description") != "", F.col("o"))
    rows = (
        said.union(led)
        .filter(F.col("speaker_name").isNotNull())
        .groupBy("speaker_name", "speaker_kind")
        .agg(F.min_by("speaker_description", described).alias("description"))
        .collect()
    )
    numbered = sorted((r.speaker_name, r.speaker_kind, r.description) for r in rows)
    return spark.createDataFrame(
        [(n, name, kind, desc) for n, (name, kind, desc) in enumerate(numbered, 1)],
        schema(store.TABLES["speakers"][0]),
    ).localCheckpoint()  # else every task of the joins below ships all its rows in the plan


def _with_speaker_id(df: DataFrame, speakers: DataFrame) -> DataFrame:
    ids = speakers.select(
        F.col("id").alias("speaker_id"),
        F.col("name").alias("speaker_name"),
        F.col("kind").alias("speaker_kind"),
    )
    return df.drop("speaker_id").join(ids, ["speaker_name", "speaker_kind"], "left")
