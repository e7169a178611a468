"""The project's Datasette metadata, applied to every served database that `quotes build` made."""

from __future__ import annotations

import copy
import os
import sqlite3
from contextlib import closing
from functools import cache
from pathlib import Path
from typing import Any

import yaml

METADATA_PATH = Path(__file__).resolve().parent.parent / "metadata.yml"

# database name -> (file path, modification time, whether it holds a quotes build)
_seen: dict[str, tuple[str, float, bool]] = {}


@cache
def project_metadata() -> dict[str, Any]:
    """metadata.yml as written: instance-wide keys plus `database`, the per-database template."""
    loaded: dict[str, Any] = yaml.safe_load(METADATA_PATH.read_text(encoding="utf-8"))
    return loaded


def database_metadata() -> dict[str, Any]:
    """Descriptions, facets and canned queries of one quotes database."""
    template: dict[str, Any] = project_metadata()["database"]
    return template


def metadata_for(datasette: Any) -> dict[str, Any]:
    """The instance metadata, with the database template under the name of each quotes database.

    A fresh copy every time: Datasette merges the user's metadata into what plugins return.
    """
    instance = {k: v for k, v in project_metadata().items() if k != "database"}
    names = [name for name, db in datasette.databases.items() if is_quotes_database(name, db)]
    return copy.deepcopy({**instance, "databases": {name: database_metadata() for name in names}})


def is_quotes_database(name: str, db: Any) -> bool:
    """True for a database file holding the tables `quotes build` writes, whatever its name.

    Asked on every metadata look-up, so the answer is kept until the file changes.
    """
    path = getattr(db, "path", None)
    if name.startswith("_") or not path:
        return False
    try:
        mtime = os.stat(path).st_mtime
    except OSError:
        return False
    known = _seen.get(name)
    if known and known[:2] == (path, mtime):
        return known[2]
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            found = conn.execute(
                "select count(*) from sqlite_master where type = 'table' and name = 'clusters'"
            ).fetchone()[0]
    except sqlite3.Error:
        found = 0
    _seen[name] = (path, mtime, bool(found))
    return bool(found)
