"""Connected components of the links between wordings by label propagation over DataFrames."""

from __future__ import annotations

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F


def components(spark: SparkSession, edges: DataFrame, wordings: DataFrame) -> tuple[DataFrame, int]:
    """(wording, component) for every wording, the component named by its least wording id, and
    the rounds it took. Each round every wording takes the least label among itself and its
    neighbours, until no label changes: rounds grow with the graph's diameter, not its size."""
    both = edges.select("a", "b").union(edges.select(F.col("b").alias("a"), F.col("a").alias("b")))
    both = both.distinct().localCheckpoint()
    labels = wordings.select("wording", F.col("wording").alias("component")).localCheckpoint()
    rounds = 0
    while True:
        rounds += 1
        offered = (
            both.join(labels.withColumnRenamed("wording", "a"), "a")
            .groupBy(F.col("b").alias("wording"))
            .agg(F.min("component").alias("offered"))
        )
        updated = (
            labels.join(offered, "wording", "left")
            .select("wording", F.least("component", "offered").alias("component"),
                    (F.col("offered") < F.col("component")).alias("changed"))
        ).localCheckpoint()  # fmt: skip
        changed = updated.filter("changed").count()
        labels = updated.drop("changed")
        if not changed:
            return labels, rounds
