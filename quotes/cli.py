"""The `quotes` command: a thin layer over the pipeline's functions."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from quotes.dbfile import WAIT_SECONDS, BuildLocked, UnsafePath
from quotes.extract import extract_quotes
from quotes.ingest import MAX_ARTICLE_BYTES, read_articles
from quotes.model import Problem
from quotes.spark.commands import load_parquet, spark_build


@click.group()
@click.version_option()
def cli() -> None:
    """Track quotations through the news: who said what, where it first appeared, how it changed."""


cli.add_command(spark_build)  # pyspark imported only when run
cli.add_command(load_parquet)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--db",
    "db_path",
    default="data/quotes.db",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Database to create or update.",
)
@click.option(
    "--max-article-size",
    "max_bytes",
    default=MAX_ARTICLE_BYTES,
    show_default=True,
    type=click.IntRange(min=1),
    help="Largest record read, in bytes (a file, a JSON line, a WARC page); larger ones are "
    "recorded as problems.",
)
@click.option(
    "--wait",
    default=WAIT_SECONDS,
    show_default=True,
    type=click.FloatRange(min=0),
    help="Seconds to wait for another build on the same database before giving up.",
)
@click.option("--verbose", "-v", is_flag=True, help="Also print each stage's time.")
def build(
    inputs: tuple[Path, ...], db_path: Path, max_bytes: int, wait: float, verbose: bool
) -> None:
    """Build or update a quotes database from article files and folders.

    Example: quotes build seeds/ crawl.jsonl --db data/quotes.db
    """
    from quotes.pipeline import build as build_db  # here: `quotes extract` starts faster

    try:
        report = build_db(inputs, db_path, sys.stderr.isatty(), max_bytes, wait)
    except (BuildLocked, UnsafePath) as exc:
        raise click.ClickException(str(exc)) from exc
    except Exception as exc:  # the transaction is rolled back: the last good data stays
        raise click.ClickException(f"build failed, {db_path} unchanged: {exc}") from exc
    for p in report.problems:
        click.echo(f"skipped {p.source}: {p.message}", err=True)
    click.echo(
        f"{db_path}: {report.articles_read} articles read ({report.articles_total} in all), "
        f"{report.quotes} quotes, {report.clusters} clusters, {len(report.problems)} problems",
        err=True,
    )
    if verbose:
        stages = ", ".join(
            f"{name} {secs:.2f} s (CPU {report.cpu[name]:.2f} s)"
            for name, secs in report.seconds.items()
        )
        computed = f"{report.clusters_computed} of {report.clusters} clusters computed"
        click.echo(f"time: {stages}; {computed} (the others kept)", err=True)
    if report.problems and not report.articles_read:
        raise click.ClickException("no article could be read from the inputs")


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
def extract(inputs: tuple[Path, ...]) -> None:
    """Print every quotation in the inputs as JSON, one object per line.

    Example: quotes extract seeds/003_b6047d1f9e8a733a.txt
    """
    for item in read_articles(inputs):
        if isinstance(item, Problem):
            click.echo(f"skipped {item.source}: {item.message}", err=True)
            continue
        for q in extract_quotes(item):
            row = {
                "article": q.article_id,
                "source": item.source,
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "speaker": q.speaker.name if q.speaker else None,
                "speaker_kind": q.speaker.kind if q.speaker else None,
                "speaker_description": q.speaker.description if q.speaker else None,
                "kind": q.kind,
                "cue": q.cue,
                "credit": q.credit,
                "rule": q.rule,
            }
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
