"""The `spark-build` and `load-parquet` commands; pyspark and pyarrow are imported only when
they run, so `quotes` works without the spark extra."""

from __future__ import annotations

from pathlib import Path

import click

from quotes.dbfile import WAIT_SECONDS, BuildLocked, UnsafePath
from quotes.ingest import MAX_ARTICLE_BYTES


@click.command("spark-build")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, help="Folder (any path Spark writes) for the Parquet tables.")
@click.option("--master", default=None, help="Spark master when not run by spark-submit: local[2].")
@click.option(
    "--partitions", default=None, type=click.IntRange(min=1), help="Partitions for the articles."
)
@click.option(
    "--max-article-size", "max_bytes", default=MAX_ARTICLE_BYTES, show_default=True,
    type=click.IntRange(min=1), help="Largest record read, in bytes; larger ones are problems.",
)  # fmt: skip
def spark_build(
    inputs: tuple[str, ...], out: str, master: str | None, partitions: int | None, max_bytes: int
) -> None:
    """Build the tables on Apache Spark from JSON Lines, Parquet and WARC under INPUTS (any path
    Spark reads: local, hdfs://, s3a://), written as Parquet under --out.

    Example: spark-submit --master local[2] $(which quotes) spark-build crawl/ --out tables/
    """
    try:
        from quotes.spark.build import spark_build as run
        from quotes.spark.session import make_session
    except ImportError as exc:
        raise click.ClickException("pyspark is missing: pip install 'quotes[spark]'") from exc
    spark = make_session(master)
    try:
        report = run(spark, inputs, out, max_bytes, partitions)
    finally:
        spark.stop()
    tables = ", ".join(report.tables)
    click.echo(
        f"{out}: wrote {tables} ({report.label_rounds} label rounds; the largest component"
        f" holds {report.largest_component:,} of {report.quotes:,} quotes)",
        err=True,
    )


@click.command("load-parquet")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--db", "db_path", default="data/quotes.db", show_default=True,
    type=click.Path(dir_okay=False, path_type=Path), help="Database to create or update.",
)  # fmt: skip
@click.option("--outlet", "outlets", multiple=True, help="Load only these outlets' articles.")
@click.option("--since", default=None, help="Load only articles published on or after (ISO).")
@click.option("--until", default=None, help="Load only articles published on or before (ISO).")
@click.option("--wait", default=WAIT_SECONDS, show_default=True, type=click.FloatRange(min=0))
def load_parquet(
    folder: Path,
    db_path: Path,
    outlets: tuple[str, ...],
    since: str | None,
    until: str | None,
    wait: float,
) -> None:
    """Load the Parquet tables of `spark-build` into a database for Datasette.

    Example: quotes load-parquet tables/ --db data/quotes.db --outlet Reuters --since 2024-01-01
    """
    try:
        import pyarrow  # noqa: F401

        from quotes.spark.load import Filters
        from quotes.spark.load import load_parquet as run
    except ImportError as exc:
        raise click.ClickException("pyarrow is missing: pip install 'quotes[spark]'") from exc
    filters = Filters(set(outlets) if outlets else None, since, until)
    try:
        report = run(folder, db_path, filters, wait)
    except (BuildLocked, UnsafePath) as exc:
        raise click.ClickException(str(exc)) from exc
    counts = ", ".join(f"{n} {name}" for name, n in report.tables.items())
    click.echo(f"{db_path}: {counts}", err=True)
