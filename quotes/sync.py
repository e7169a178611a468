"""Write a build's derived rows by difference: rows that did not change are left alone.

A build recomputes every derived row, but after a day's news most are what the database already
holds; rewriting them all (and their full-text index) would cost as much as the first build. The
new rows are laid out in a scratch in-memory database by the same functions a first build uses,
then compared with the stored ones table by table: rows gone or changed are deleted, rows new or
changed are inserted. Tables without a key are compared per quote or per article. The result is
row for row what a full rebuild writes (tests/test_incremental.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database
from tqdm import tqdm

from quotes import db as store
from quotes.model import Citation, Cluster, Quote

# Tables without a key, compared by the rows of each value of this column.
GROUPED_BY = {"alterations": "quote_id", "citations": "article_id"}
BATCH = 500  # values bound in one statement

Row = tuple[Any, ...]


def save_changes(
    db: Database,
    quotes: Sequence[Quote],
    clusters: Sequence[Cluster],
    citations: Sequence[Citation],
    progress: bool = False,
) -> None:
    """Make the derived tables hold this build's rows, writing only the differences."""
    if not _same_shape(db):  # a first build, or a database from an older version
        store.save_all(db, quotes, clusters, citations, progress)
        return
    scratch = Database(memory=True)
    store.save_quotes(scratch, quotes, clusters)
    store.save_citations(scratch, citations)
    tables = [t for t in store.TABLES if t not in store.RECOMPUTED]
    for table in tqdm(tables, desc="saving", unit=" tables", disable=not progress):
        _sync(db, scratch, table)
    scratch.close()
    for table in store.RECOMPUTED:
        db.execute(f"delete from [{table}]")
    store.ensure_db_shape(db)


def _same_shape(db: Database) -> bool:
    """Whether every derived table exists with exactly the columns this version writes."""
    names = set(db.table_names())
    return all(
        table in names and list(db[table].columns_dict) == list(columns)
        for table, (columns, _) in store.TABLES.items()
    )


def _sync(db: Database, scratch: Database, table: str) -> None:
    columns, pk = store.TABLES[table]
    names = list(columns)
    key_columns = [GROUPED_BY[table]] if pk is None else [pk] if isinstance(pk, str) else list(pk)
    keys = [names.index(k) for k in key_columns]
    fresh = _grouped(scratch, table, names, keys)
    stored = _stored_digests(db, table, names, key_columns)
    changed = [k for k in stored.keys() | fresh.keys() if stored.get(k) != _digest(fresh.get(k))]
    changed.sort(key=repr)
    gone = [k for k in changed if k in stored]
    where = " and ".join(f"[{c}] = ?" for c in key_columns)
    for lo in range(0, len(gone), BATCH):
        db.conn.executemany(f"delete from [{table}] where {where}", gone[lo : lo + BATCH])
    rows = (dict(zip(names, row, strict=True)) for k in changed for row in fresh.get(k, []))
    db.table(table).insert_all(rows, batch_size=BATCH)


def _digest(rows: list[Row] | None) -> int | None:
    """A key's rows as one number, so the stored side is never held in full."""
    return None if rows is None else hash(tuple(rows))


def _stored_digests(
    db: Database, table: str, names: list[str], key_columns: list[str]
) -> dict[Row, int]:
    """Each key's stored rows as one number, read in key order so only one key's rows are held."""
    keys = [names.index(k) for k in key_columns]
    sql = f"select {', '.join(f'[{n}]' for n in names)} from [{table}]"
    out: dict[Row, int] = {}
    current: Row | None = None
    rows: list[Row] = []
    for row in db.execute(f"{sql} order by {', '.join(f'[{k}]' for k in key_columns)}"):
        key = tuple(row[i] for i in keys)
        if key != current and current is not None:
            out[current] = hash(tuple(sorted(rows, key=repr)))
            rows = []
        current = key
        rows.append(row)
    if current is not None:
        out[current] = hash(tuple(sorted(rows, key=repr)))
    return out


def _grouped(db: Database, table: str, names: list[str], keys: list[int]) -> dict[Row, list[Row]]:
    """A table's rows by key, each key's rows sorted."""
    out: dict[Row, list[Row]] = defaultdict(list)
    sql = f"select {', '.join(f'[{n}]' for n in names)} from [{table}]"
    for row in db.execute(sql):
        out[tuple(row[i] for i in keys)].append(row)
    for rows in out.values():
        rows.sort(key=repr)
    return out
