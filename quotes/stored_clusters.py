"""What the database holds of the clusters a build wrote, so the next keeps those unchanged.

Table `cluster_inputs`: each cluster's fingerprint (cluster.cluster_changed: a hash of all it is
computed from), its id, its trace (cluster/reuse.py: what its edges were computed from) and the
clusterer's version (incremental.clusterer_version); rows of another version are never read.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlite_utils import Database

from quotes.incremental import BATCH, _made, clusterer_version
from quotes.model import Edge
from quotes.views import where_in

CLUSTERS = "cluster_inputs"  # each cluster's fingerprint (cluster_changed), id and trace
CLUSTER_COLUMNS = {"fingerprint": str, "cluster_id": str, "trace": str, "version": str}
EDGE_FIELDS = list(Edge.__dataclass_fields__)  # the provenance columns, in order


def known_clusters(db: Database) -> dict[str, str]:
    """The clusters whose rows the database holds, by the fingerprint of their inputs (none
    when this version of the clustering did not write them)."""
    if not _current_shape(db):
        return {}
    rows = db.execute(
        f"select fingerprint, cluster_id from [{CLUSTERS}] where version = ?",
        [clusterer_version()],
    )
    return dict(rows.fetchall())


def _current_shape(db: Database) -> bool:
    """Whether the clusters' inputs are stored, with the columns this version writes."""
    names = db.table_names()
    return CLUSTERS in names and list(db[CLUSTERS].columns_dict) == list(CLUSTER_COLUMNS)


class StoredClusters:
    """What the database holds of the clusters this version wrote: their traces and edges
    (quotes.cluster.reuse.Stored)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.current = _current_shape(db)
        self.version = clusterer_version()

    def trace(self, cluster_id: str) -> str | None:
        """The trace stored with this cluster by this version, if any."""
        if not self.current:
            return None
        row = self.db.execute(
            f"select trace from [{CLUSTERS}] where cluster_id = ? and version = ?",
            [cluster_id, self.version],
        ).fetchone()
        return None if row is None else str(row[0])

    def edges(self, quote_ids: Collection[str]) -> dict[str, Edge]:
        """The stored copy edges of these quotes."""
        out: dict[str, Edge] = {}
        for where, chunk in where_in("quote_id", quote_ids):
            rows = self.db.execute(
                f"select {', '.join(EDGE_FIELDS)} from provenance where kind = 'copy' and {where}",
                chunk,
            )
            out.update(
                (row[0], _made(Edge, dict(zip(EDGE_FIELDS, row, strict=True)))) for row in rows
            )
        return out


def save_cluster_inputs(
    db: Database, computed: Sequence[tuple[str, str, str]], kept: Sequence[tuple[str, str]]
) -> None:
    """Record this build's clusters, (fingerprint, cluster id, trace) for those it computed and
    (fingerprint, cluster id) for those it kept, writing only the changes."""
    if CLUSTERS in db.table_names() and not _current_shape(db):
        db[CLUSTERS].drop()  # written by an older version: none of its rows is of use
    table = db.table(CLUSTERS)
    table.create(CLUSTER_COLUMNS, pk="fingerprint", if_not_exists=True)
    table.create_index(["cluster_id"], if_not_exists=True)
    version = clusterer_version()
    wanted = {p: cluster_id for p, cluster_id, _ in computed} | dict(kept)
    traces = {p: t for p, _, t in computed}
    stored = {
        row[0]: row[1:]
        for row in db.execute(f"select fingerprint, cluster_id, version from [{CLUSTERS}]")
    }
    gone = [p for p, row in stored.items() if row != (wanted.get(p), version)]
    for lo in range(0, len(gone), BATCH):
        chunk = gone[lo : lo + BATCH]
        db.execute(
            f"delete from [{CLUSTERS}] where fingerprint in ({', '.join('?' * len(chunk))})", chunk
        )
    new = (p for p, cluster_id in wanted.items() if stored.get(p) != (cluster_id, version))
    table.insert_all(
        (
            {"fingerprint": p, "cluster_id": wanted[p], "trace": traces.get(p), "version": version}
            for p in new
        ),
        batch_size=BATCH,
    )
