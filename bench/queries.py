"""Time every canned query, view and main page of a quotes database, as Datasette runs them.

    python bench/queries.py data/quotes.db                 # SQL and pages, median of 3 runs
    python bench/queries.py big.db --repeat 5 --skip pages
    PYTHONPATH=/other/checkout python bench/queries.py big.db   # that checkout's queries

Prints one line per statement or page: the median seconds of `--repeat` runs (the first run
reads the file into the page cache, so it is left out when there are several) and the rows it
returned. Parameters come from the database's own rows, as the home page picks them: the most
quoted person's surname, the longest word of the most widely spread quotation, that quotation's
cluster and that person's page. Datasette's time limits are lifted so a slow statement shows its
real time instead of being interrupted at 1 s.

- sql: each canned query as Datasette runs it (its first 1,001 rows), and for each view the
  first page (101 rows), its count and each facet the metadata gives it;
- pages: the home page, the tables of quotes (with its facets), clusters and articles, a
  full-text search, a speaker's, a cluster's and an article's page, each canned query and each
  view, fetched through Datasette's own client with the plugin loaded.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # after PYTHONPATH, so another checkout's code can be timed

from datasette.utils import escape_fts, escape_sqlite  # noqa: E402

from quotes.plugin.home import SPREAD_SQL, TOP_SPEAKER_SQL, _search_word  # noqa: E402
from quotes.plugin.metadata import database_metadata  # noqa: E402

ROWS_SHOWN = 1000  # Datasette's max_returned_rows: a canned query reads one more
PAGE_ROWS = 100  # a table or view page
FACET_SIZE = 30  # Datasette's default_facet_size
# Statements Datasette runs beside a view's first page.
FACET_SQL = """select {col} as value, count(*) as count from (select * from {view})
where {col} is not null group by {col} order by count desc, value limit {limit}"""


def parameters(conn: sqlite3.Connection) -> dict[str, str]:
    """What a user would ask about, picked from the database as the home page picks its links."""
    spread = conn.execute(SPREAD_SQL, {"limit": 1}).fetchone()
    top = conn.execute(TOP_SPEAKER_SQL).fetchone()
    article = conn.execute("select article_id from quotes order by id limit 1").fetchone()
    return {
        "speaker": top[1].split()[-1] if top else "",
        "speaker_id": str(top[0]) if top else "",
        "words": (_search_word(spread[1]) or "") if spread else "",
        "cluster_id": spread[0] if spread else "",
        "article_id": article[0] if article else "",
    }


def timed(run: Callable[[], int], repeat: int) -> tuple[float, int]:
    """Median seconds of `repeat` runs after a first one that warms the cache, and the rows."""
    times, rows = [], 0
    for n in range(repeat + (repeat > 1)):
        began = time.perf_counter()
        rows = run()
        if n or repeat == 1:
            times.append(time.perf_counter() - began)
    return statistics.median(times), rows


def views(conn: sqlite3.Connection) -> list[str]:
    """The database's views (read from it, so an older build's are timed as they are)."""
    return [r[0] for r in conn.execute("select name from sqlite_master where type = 'view'")]


def statements(
    params: dict[str, str], names: Sequence[str]
) -> list[tuple[str, str, dict[str, str], int]]:
    """(name, SQL, parameters, rows read) for each canned query, view page, count and facet."""
    meta = database_metadata()
    out = [
        (f"query {name}", q["sql"], params, ROWS_SHOWN + 1) for name, q in meta["queries"].items()
    ]
    for view in names:
        name = escape_sqlite(view)
        out.append((f"view {view}: first page", f"select * from {name}", {}, PAGE_ROWS + 1))
        out.append((f"view {view}: count", f"select count(*) from {name}", {}, 1))
        for col in meta["tables"].get(view, {}).get("facets", []):
            sql = FACET_SQL.format(col=escape_sqlite(col), view=name, limit=FACET_SIZE + 1)
            out.append((f"view {view}: facet {col}", sql, {}, FACET_SIZE + 1))
    return out


def time_sql(db_path: Path, params: dict[str, str], repeat: int) -> None:
    """Each statement on a plain connection, reading as many rows as Datasette would."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.create_function("escape_fts", 1, escape_fts)
    for name, sql, bound, limit in statements(params, views(conn)):

        def run(sql: str = sql, bound: dict[str, str] = bound, limit: int = limit) -> int:
            return len(conn.execute(sql, bound).fetchmany(limit))

        seconds, rows = timed(run, repeat)
        print(f"{seconds:8.3f} s {rows:6,} rows  sql   {name}", flush=True)


def pages(database: str, params: dict[str, str], names: Sequence[str]) -> list[tuple[str, str]]:
    """(name, path) of the pages a user opens first."""
    meta = database_metadata()
    own = "/-/quotes/" + database
    search = urlencode({"_search": params["words"]})
    out = [
        ("home", "/"),
        ("database", f"/{database}"),
        ("table quotes with facets", f"/{database}/quotes"),
        ("table clusters", f"/{database}/clusters"),
        ("table articles", f"/{database}/articles"),
        ("full-text search of quotes", f"/{database}/quotes?{search}"),
        ("speaker page", f"{own}/speaker/{params['speaker_id']}"),
        ("cluster page", f"{own}/cluster/{params['cluster_id']}"),
        ("article page", f"{own}/article/{params['article_id']}"),
    ]
    for name in meta["queries"]:
        sql = meta["queries"][name]["sql"]
        asked = {k: params[k] for k in ("speaker", "words") if f":{k}" in sql}
        out.append((f"query {name}", f"/{database}/{name}?{urlencode(asked)}"))
    out += [(f"view {view}", f"/{database}/{view}") for view in names]
    return out


async def time_pages(db_path: Path, params: dict[str, str], repeat: int, suggest: bool) -> None:
    """Each page through Datasette's client, the plugin loaded, time limits lifted."""
    from datasette.app import Datasette

    settings = {"sql_time_limit_ms": 3_600_000, "facet_time_limit_ms": 3_600_000}
    settings["suggest_facets"] = suggest  # off, as `make serve` serves, unless asked
    datasette = Datasette([str(db_path)], settings=settings)
    await datasette.invoke_startup()
    database = db_path.stem
    names = views(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True))
    for name, path in pages(database, params, names):
        times, status = [], 0
        for n in range(repeat + (repeat > 1)):
            began = time.perf_counter()
            status = (await datasette.client.get(path)).status_code
            if n or repeat == 1:
                times.append(time.perf_counter() - began)
        print(f"{statistics.median(times):8.3f} s {status:>6}       page  {name}", flush=True)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="a database made by `quotes build`")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (median printed)")
    parser.add_argument("--skip", default="", help="parts left out: sql,pages")
    parser.add_argument(
        "--suggest", action="store_true", help="pages with Datasette's suggested facets on"
    )
    args = parser.parse_args(argv)
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    params = parameters(conn)
    sizes = "select (select count(*) from articles), (select count(*) from quotes)"
    articles, quotes = conn.execute(sizes).fetchone()
    conn.close()
    print(
        f"{args.db}: {articles:,} articles, {quotes:,} quotes; speaker {params['speaker']!r}, "
        f"words {params['words']!r}, cluster {params['cluster_id']}; median of {args.repeat}"
    )
    skip = set(args.skip.split(","))
    if "sql" not in skip:
        time_sql(args.db, params, args.repeat)
    if "pages" not in skip:
        asyncio.run(time_pages(args.db, params, args.repeat, args.suggest))


if __name__ == "__main__":
    main()
