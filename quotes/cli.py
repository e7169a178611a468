"""The `quotes` command: a thin layer over the pipeline's functions."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from quotes.extract import extract_quotes
from quotes.ingest import read_articles
from quotes.model import Problem
from quotes.pipeline import build as build_db


@click.group()
@click.version_option()
def cli() -> None:
    """Track quotations through the news: who said what, where it first appeared, how it changed."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--db",
    "db_path",
    default="data/quotes.db",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Database to create or update.",
)
def build(inputs: tuple[Path, ...], db_path: Path) -> None:
    """Build or update a quotes database from article files and folders.

    Example: quotes build seeds/ crawl.jsonl --db data/quotes.db
    """
    try:
        report = build_db(inputs, db_path, progress=sys.stderr.isatty())
    except Exception as exc:  # the last good database is left in place
        raise click.ClickException(f"build failed, {db_path} unchanged: {exc}") from exc
    for p in report.problems:
        click.echo(f"skipped {p.source}: {p.message}", err=True)
    click.echo(
        f"{db_path}: {report.articles_read} articles read ({report.articles_total} in all), "
        f"{report.quotes} quotes, {report.clusters} clusters, {len(report.problems)} problems",
        err=True,
    )


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
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
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "speaker": q.speaker.name if q.speaker else None,
                "speaker_kind": q.speaker.kind if q.speaker else None,
                "speaker_description": q.speaker.description if q.speaker else None,
                "kind": q.kind,
                "cue": q.cue,
                "credit": q.credit,
            }
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
