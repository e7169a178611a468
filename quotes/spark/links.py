"""Counts and links of the distributed build, as DataFrame joins (the single machine's are
quotes/cluster/counts.py and components.py; keys.py holds what both share).

Per wording: its trigrams that are stock phrases (in more than STOCK_PHRASE wordings) and
those whose posting reads it past the first MAX_POSTING in clustering order; a long wording's
last candidate a splice check reads, when it has more; a fragment's look-up words. Pairs: trigram
candidates among each posting's first MAX_POSTING (hot keys capped), and a fragment's holders in
its rarest word's posting (at most fragments.MAX_POSTING), each kept only if keys.pair_linked.
"""

from __future__ import annotations

from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F
from pyspark.sql.window import Window

from quotes.cluster.candidates import STOCK_PHRASE
from quotes.cluster.splices import SPLICE_MIN_WORDS, SPLICE_TRIED
from quotes.spark import keys


def _clustering_order() -> list[Column]:
    """counts.clustering_order as a sort: longest, most quoted, by words, first quote first."""
    return [F.col("n").desc(), F.col("weight").desc(), F.col("joined"), F.col("first")]


def wordings_of(quotes: DataFrame) -> DataFrame:
    """One row per distinct wording: its key, words, first quote's text (cluster_quotes reads
    a wording's tokens from its first quote), how many quotes use it, its speakers, and the one
    article all its quotes are in (None when they are in several)."""
    return (
        quotes.groupBy("wording")
        .agg(
            F.first("wording_key").alias("key"),
            F.first("words").alias("words"),
            F.count("*").alias("weight"),
            F.min(F.struct("article_id", "start", "end", "text")).alias("first"),
            F.collect_set("speaker_key").alias("speakers"),
            F.when(F.countDistinct("article_id") == 1, F.min("article_id")).alias("article"),
        )
        .withColumn("text", F.col("first.text"))
        .withColumn("n", F.size("words"))
        .withColumn("joined", F.array_join("words", " "))
    )


def counted(wordings: DataFrame) -> tuple[DataFrame, DataFrame, DataFrame]:
    """(per wording: its counted facts, as keys.counts_of reads them; candidate pairs; the
    trigram candidates as (a, b, shared): b is a candidate of a, sharing `shared` trigrams)."""
    spark = wordings.sparkSession
    shingled = spark.createDataFrame(
        wordings.rdd.flatMap(
            lambda w: [(w.wording, s, keys.least_shared(w.words)) for s in keys.trigrams(w.words)]
        ),
        "wording string, shingle string, least int",
    ).join(wordings.select("wording", *(c for c in ("n", "weight", "joined", "first"))), "wording")
    by_shingle = Window.partitionBy("shingle")
    ranked = shingled.withColumn(
        "rank", F.row_number().over(by_shingle.orderBy(*_clustering_order()))
    )
    ranked = ranked.withColumn("size", F.count("*").over(by_shingle)).persist()
    stock = ranked.filter(F.col("size") > STOCK_PHRASE).groupBy("wording")
    unread = ranked.filter(F.col("rank") > keys.SHINGLE_CAP).groupBy("wording")
    heads = ranked.filter(F.col("rank") <= keys.SHINGLE_CAP).select(
        F.col("wording").alias("b"), "shingle"
    )
    trigram_pairs = (
        ranked.select(F.col("wording").alias("a"), "shingle", "least")
        .join(heads, "shingle")
        .filter(F.col("a") != F.col("b"))
        .groupBy("a", "b", "least")
        .count()
        .filter(F.col("count") >= F.col("least"))
        .select("a", "b", F.col("count").alias("shared"))
    ).localCheckpoint()  # read by the cutoffs, the links and the splice checks
    facts = (
        wordings.select("wording")
        .join(stock.agg(F.collect_list("shingle").alias("stock")), "wording", "left")
        .join(unread.agg(F.collect_list("shingle").alias("unread")), "wording", "left")
        .join(_cutoffs(wordings, trigram_pairs), "wording", "left")
    )
    lookups, fragment_pairs = _lookups(wordings)
    facts = facts.join(lookups, "wording", "left").withColumn(
        "fragment", F.coalesce(F.col("fragment"), F.lit(False))
    )
    pairs = trigram_pairs.select("a", "b").union(fragment_pairs)
    return facts, pairs, trigram_pairs


def _cutoffs(wordings: DataFrame, pairs: DataFrame) -> DataFrame:
    """For a wording long enough to be a splice with more than SPLICE_TRIED candidates, where
    its SPLICE_TRIED-th candidate stands (candidates.CandidateKey, in columns)."""
    b = wordings.select(
        F.col("wording").alias("b"), F.col("n").alias("n_b"), F.col("weight").alias("w_b"),
        F.col("joined").alias("k_b"),
    )  # fmt: skip
    long = wordings.filter(F.col("n") >= 2 * SPLICE_MIN_WORDS).select(F.col("wording").alias("a"))
    ranked = pairs.join(long, "a").join(b, "b")
    order = Window.partitionBy("a").orderBy(
        F.col("shared").desc(), F.col("n_b").desc(), F.col("w_b").desc(), "k_b"
    )
    ranked = ranked.withColumn("pos", F.row_number().over(order)).withColumn(
        "total", F.count("*").over(Window.partitionBy("a"))
    )
    return ranked.filter((F.col("pos") == SPLICE_TRIED) & (F.col("total") > SPLICE_TRIED)).select(
        F.col("a").alias("wording"),
        (-F.col("shared")).alias("cut_shared"),
        (-F.col("n_b")).alias("cut_n"),
        (-F.col("w_b")).alias("cut_weight"),
        F.col("k_b").alias("cut_key"),
    )


def _lookups(wordings: DataFrame) -> tuple[DataFrame, DataFrame]:
    """(per fragment: its look-up words by speaker and overall, None past WORD_CAP; pairs of a
    fragment and each wording in the posting it reads)."""
    spark = wordings.sparkSession
    filed = spark.createDataFrame(
        wordings.rdd.flatMap(
            lambda w: [(w.wording, k) for k in keys.postings(w.words, w.speakers)]
        ),
        "holder string, posting string",
    )
    sizes = filed.groupBy("posting").agg(F.count("*").alias("size"))
    probed = spark.createDataFrame(
        wordings.rdd.flatMap(lambda w: [(w.wording, *p) for p in keys.probes(w.text, w.speakers)]),
        "wording string, by_speaker boolean, position int, word string, posting string,"
        " stub boolean",
    )
    # A word's size under a fragment's speakers is the sum over its surnames (WordIndex.rarest);
    # a stub no other wording has (its size no more than the fragment's own entries) is passed over.
    per_word = (
        probed.join(sizes, "posting", "left")
        .groupBy("wording", "by_speaker", "position", "word", "stub")
        .agg(F.sum(F.coalesce("size", F.lit(0))).alias("size"), F.count("*").alias("own"))
        .filter(~F.col("stub") | (F.col("size") > F.col("own")))
    )
    chosen = (
        per_word.groupBy("wording", "by_speaker")
        .agg(F.min(F.struct("size", "position", "word")).alias("c"))
        .select("wording", "by_speaker", F.col("c.word").alias("word"))
    )
    read = (
        chosen.join(probed, ["wording", "by_speaker", "word"])
        .join(filed, "posting")
        .select(F.col("wording").alias("a"), "by_speaker", "word", F.col("holder").alias("b"))
        .distinct()
    )
    counted_ = read.groupBy("a", "by_speaker").agg(F.count("*").alias("read"))
    kept = chosen.join(
        counted_.withColumnRenamed("a", "wording"), ["wording", "by_speaker"], "left"
    ).withColumn("word", F.when(F.coalesce("read", F.lit(0)) <= keys.WORD_CAP, F.col("word")))
    fragments = wordings.filter(F.col("n") < 8).select("wording", "speakers")
    lookups = (
        kept.groupBy("wording")
        .agg(
            F.max(F.when(F.col("by_speaker"), F.col("word"))).alias("by_speaker"),
            F.max(F.when(~F.col("by_speaker"), F.col("word"))).alias("overall"),
        )
        .join(fragments.select("wording"), "wording")
        .withColumn("fragment", F.lit(True))
    )
    pairs = (
        read.join(
            kept.filter(F.col("word").isNotNull()).select(
                F.col("wording").alias("a"), "by_speaker", "word"
            ),
            ["a", "by_speaker", "word"],
        )
        .filter(F.col("a") != F.col("b"))
        .select("a", "b")
    )
    return lookups, pairs


def links(wordings: DataFrame, pairs: DataFrame, facts: DataFrame) -> DataFrame:
    """The candidate pairs that could link before splices (components.settle_linked, in a
    Python UDF), as (a, b)."""
    side = wordings.select("wording", "key", "text", "weight", "speakers", "article").join(
        facts.select("wording", "stock"), "wording"
    )
    a_side = side.select([F.col(c).alias(f"a_{c}") for c in side.columns])
    b_side = side.select([F.col(c).alias(f"b_{c}") for c in side.columns])
    both = (
        pairs.select(F.least("a", "b").alias("a"), F.greatest("a", "b").alias("b"))
        .distinct()
        .join(a_side, F.col("a") == F.col("a_wording"))
        .join(b_side, F.col("b") == F.col("b_wording"))
    )
    cols = ["key", "text", "weight", "speakers", "article", "stock"]
    kept = both.rdd.filter(
        lambda r: keys.pair_linked({c: r[f"a_{c}"] for c in cols}, {c: r[f"b_{c}"] for c in cols})
    ).map(lambda r: (r.a, r.b))
    return wordings.sparkSession.createDataFrame(kept, "a string, b string")
