"""Write a build's derived rows by difference: rows that did not change are left alone.

After a day's news most derived rows are what the database already holds; rewriting them all
(and their full-text index) would cost as much as the first build. Each table's new rows are
made here as the first build makes them (quotes/db.py) and compared with the stored ones key by
key (a quote's alterations and edges, an article's citations): keys gone or changed are
deleted, keys new or changed are inserted. Clusters that were not computed again (their inputs
unchanged, see cluster_changed) keep their stored rows, alterations and edges; only a change of
speaker numbering reaches them. The per-cluster summaries and the views' tables are rewritten
for the clusters computed again or left by a quote (who_said_what's for the articles whose row,
quotes or speakers changed). The result is row for row what a full rebuild writes
(tests/test_incremental.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from sqlite_utils import Database

from quotes import db as store
from quotes.cluster import Kept, Standing
from quotes.model import Citation, Cluster, Quote, Speaker

BATCH = 500  # values bound in one statement
# The column a table's rows are compared by: all the rows of one value at once.
KEYS = {
    "speakers": "id",
    "quotes": "id",
    "clusters": "id",
    "alterations": "quote_id",
    "provenance": "quote_id",
    "citations": "article_id",
}

Row = tuple[Any, ...]


def save_changes(
    db: Database,
    quotes: Sequence[Quote],
    computed: Sequence[Cluster],
    kept: Sequence[Kept],
    citations: Sequence[Citation],
    articles: Collection[str],
    progress: bool = False,
    stand: Standing | None = None,
) -> None:
    """Make the derived tables hold this build's rows, writing only the differences. `kept`
    clusters (id and quote ids) are the stored ones, unchanged but for their speaker's id;
    `articles` are those whose row this build added, changed or dropped; `stand`: quotes of the
    computed clusters whose stored rows and alterations (and edges) are theirs, so not compared."""
    if not same_shape(db):  # a first build, or a database from an older version
        if kept:
            raise ValueError("clusters kept from a database whose tables are another version's")
        store.save_all(db, quotes, computed, citations, progress)
        return
    stand = stand or Standing()
    speaker_ids, renumbered, names = _save_speakers(db, quotes)
    if renumbered:
        _renumber(db, renumbered)
    # A kept cluster's quotes are the same quotes in the same cluster: only the computed
    # clusters' quotes, and those gone, are compared.
    cluster_of = {i: c.id for c in computed for i in c.quote_ids}
    by_id = {q.id: q for q in quotes}
    # The ids alone, read from their index: the quotes' rows hold their texts.
    gone = [i for (i,) in db.execute("select id from quotes") if i not in by_id]
    quote_rows = {
        (i,): [_row("quotes", store.quote_row(by_id[i], _id(by_id[i].speaker, speaker_ids), c))]
        for i, c in cluster_of.items()
        if i not in stand.rows
    }
    moved = _write_difference(db, "quotes", quote_rows, quote_rows.keys() | {(i,) for i in gone})
    cluster_rows = {
        (c.id,): [
            _row(
                "clusters",
                store.cluster_row(c, by_id) | {"speaker_id": _id(c.speaker, speaker_ids)},
            )
        ]
        for c in computed
    }
    live = {c.id for c in computed} | {cluster_id for _, cluster_id in kept}
    dropped = [(i,) for (i,) in db.execute("select id from clusters").fetchall() if i not in live]
    _write_difference(db, "clusters", cluster_rows, cluster_rows.keys() | set(dropped))
    members = [i for c in computed for i in c.quote_ids] + gone
    for table, found, standing in (
        ("alterations", [a for c in computed for a in c.alterations], stand.rows),
        ("provenance", [e for c in computed for e in c.edges], stand.edges),
    ):
        fresh = _grouped(table, (vars(r) for r in found if r.quote_id not in standing))
        _write_difference(db, table, fresh, {(i,) for i in members if i not in standing})
    _write_difference(db, "citations", _grouped("citations", map(vars, citations)), None)
    touched = live - {cluster_id for _, cluster_id in kept}
    columns = list(store.TABLES["quotes"][0])
    at = columns.index("cluster_id"), columns.index("article_id")
    before = {
        k[0]: (rows[0][at[0]], rows[0][at[1]]) if rows else (None, None)
        for k, rows in moved.items()
    }
    touched |= {c for i, (old, _) in before.items() for c in (old, cluster_of.get(i)) if c}
    touched |= {i[0] for i in dropped}
    db.execute("delete from outlets")
    # The articles changed, those whose quotes' rows changed, were added or went, and those
    # whose quote's row is the same but its speaker's id now names another (a surname that a
    # new article gives in full, numbered as the full name is now).
    said = set(articles)
    for i, (_, article_id) in before.items():
        said.update(a for a in (article_id, by_id[i].article_id if i in by_id else None) if a)
    # A row holding id n held it before, or was renumbered to it; when the speaker that held n
    # is gone (a spelling unified away) and another took n, either may be, so both are read.
    was = {new: old for old, new in renumbered.items()}
    reused = {n for n in was if names.get(n) not in speaker_ids}
    for i in cluster_of:
        speaker = by_id[i].speaker
        n = _id(speaker, speaker_ids)
        if speaker is None or n is None:
            continue
        now = (speaker.name, speaker.kind)
        if names.get(was.get(n, n)) != now or (n in reused and names.get(n) != now):
            said.add(by_id[i].article_id)
    store.ensure_db_shape(db, touched, said)


def same_shape(db: Database) -> bool:
    """Whether every derived table exists with exactly the columns this version writes."""
    names = set(db.table_names())
    return all(
        table in names and list(db[table].columns_dict) == list(columns)
        for table, (columns, _) in store.TABLES.items()
    )


def _save_speakers(
    db: Database, quotes: Sequence[Quote]
) -> tuple[dict[tuple[str, str], int], dict[int, int], dict[int, tuple[str, str]]]:
    """The speakers table made this build's (its clusters' speakers are among its quotes'); the
    new ids by (name, kind), old id → new id for every stored speaker whose id changed, and the
    stored (name, kind) by id."""
    rows = store.speaker_rows(q.speaker for q in quotes)
    ids = {(r["name"], r["kind"]): r["id"] for r in rows}
    stored = db.execute("select id, name, kind from speakers").fetchall()
    renumbered = {
        old: ids[(name, kind)] for old, name, kind in stored if ids.get((name, kind), old) != old
    }
    _write_difference(db, "speakers", {(r["id"],): [_row("speakers", r)] for r in rows}, None)
    return ids, renumbered, {i: (name, kind) for i, name, kind in stored}


def _renumber(db: Database, renumbered: Mapping[int, int]) -> None:
    """Give the stored quotes, clusters and clusters' speakers their speakers' new ids."""
    db.execute("create temp table renumbered (old integer primary key, new integer)")
    db.conn.executemany("insert into renumbered values (?, ?)", renumbered.items())
    # cluster_speakers is keyed by speaker: its ids go through their negatives, so no row
    # takes an id another row still holds.
    for table, sign in (("quotes", ""), ("clusters", ""), ("cluster_speakers", "-")):
        db.execute(
            f"update [{table}] set speaker_id = {sign}(select new from renumbered"
            " where old = speaker_id) where speaker_id in (select old from renumbered)"
        )
    db.execute("update cluster_speakers set speaker_id = -speaker_id where speaker_id < 0")
    db.execute("drop table temp.renumbered")


def _id(speaker: Speaker | None, speaker_ids: Mapping[tuple[str, str], int]) -> int | None:
    return speaker_ids[(speaker.name, speaker.kind)] if speaker else None


def _row(table: str, values: Mapping[str, Any]) -> Row:
    """A row as a tuple in the table's column order, as SQLite gives it back."""
    return tuple(values[c] for c in store.TABLES[table][0])


def _grouped(table: str, rows: Iterable[Mapping[str, Any]]) -> dict[Row, list[Row]]:
    """Rows by the value they are compared by."""
    key = KEYS[table]
    out: dict[Row, list[Row]] = defaultdict(list)
    for values in rows:
        out[(values[key],)].append(_row(table, values))
    return out


def _write_difference(
    db: Database, table: str, fresh: Mapping[Row, list[Row]], keys: Collection[Row] | None
) -> dict[Row, list[Row]]:
    """Make the stored rows of `keys` (every key, when None) those in `fresh`; the keys whose
    rows changed, with the rows stored before."""
    columns = list(store.TABLES[table][0])
    key = KEYS[table]
    stored = _stored(db, table, columns, key, keys)
    wanted = fresh.keys() | stored.keys() if keys is None else keys
    changed = sorted(k for k in wanted if _differ(stored.get(k, []), fresh.get(k, [])))
    gone = [k[0] for k in changed if k in stored]
    for lo in range(0, len(gone), BATCH):
        chunk = gone[lo : lo + BATCH]
        db.execute(f"delete from [{table}] where [{key}] in ({', '.join('?' * len(chunk))})", chunk)
    rows = (dict(zip(columns, row, strict=True)) for k in changed for row in fresh.get(k, ()))
    db.table(table).insert_all(rows, batch_size=BATCH)
    return {k: stored.get(k, []) for k in changed}


def _differ(stored: list[Row], fresh: list[Row]) -> bool:
    """Whether two lists of rows differ in more than their order."""
    if stored == fresh:
        return False
    return len(stored) != len(fresh) or sorted(stored, key=repr) != sorted(fresh, key=repr)


def _stored(
    db: Database, table: str, columns: list[str], key: str, keys: Collection[Row] | None
) -> dict[Row, list[Row]]:
    """The stored rows of `keys` (of every key, when None), by key."""
    select = f"select {', '.join(f'[{c}]' for c in columns)} from [{table}]"
    at = columns.index(key)
    out: dict[Row, list[Row]] = defaultdict(list)
    if keys is None:
        for row in db.execute(select):
            out[(row[at],)].append(row)
        return out
    values = sorted(k[0] for k in keys)
    for lo in range(0, len(values), BATCH):
        chunk = values[lo : lo + BATCH]
        for row in db.execute(f"{select} where [{key}] in ({', '.join('?' * len(chunk))})", chunk):
            out[(row[at],)].append(row)
    return out
