"""Open the database for one build: SQLite's own transaction is the lock and the atomic swap.

The build runs inside one `BEGIN IMMEDIATE` transaction on the database itself, in WAL mode:
- a crash (an exception, Ctrl-C, SIGKILL, a power cut) rolls back to the last committed build;
- readers (a running Datasette) keep seeing the last committed data while a build runs, and see
  the new data as soon as it commits; the file is never replaced, so their open handle stays valid;
- a second build on the same file cannot take the write lock: it waits `wait` seconds (SQLite's
  busy timeout) and then stops with BuildLocked before doing any work, so nothing is lost.
No temporary file of ours is ever created; SQLite's own `-wal`/`-shm`/`-journal` files and the
database itself must not be symbolic links (a link planted there could redirect our writes); they
are checked just before SQLite opens them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a build opens the file: `quotes extract` never needs it
    from sqlite_utils import Database

SIDE_FILES = ("", "-wal", "-shm", "-journal")
WAIT_SECONDS = 5.0  # how long a second build waits for the first before giving up


class BuildLocked(RuntimeError):
    """Another build holds the database's write lock; this one changed nothing."""


class UnsafePath(RuntimeError):
    """The database or a file of SQLite's beside it is a symbolic link: we never follow one."""


def open_for_build(path: Path, wait: float = WAIT_SECONDS) -> Database:
    """The database at `path` in WAL mode with a write transaction open; the caller commits."""
    path.parent.mkdir(parents=True, exist_ok=True)
    refuse_links(path)
    from sqlite_utils import Database

    db = Database(sqlite3.connect(str(path), timeout=wait))
    try:
        if db.journal_mode != "wal":
            db.enable_wal()
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        db.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise BuildLocked(
                f"another build is writing to {path}; nothing was changed. "
                "Run this build again when that one has finished."
            ) from exc
        raise
    return db


@contextmanager
def writing(path: Path, wait: float = WAIT_SECONDS) -> Iterator[Database]:
    """The database opened for one build: committed when the block ends, rolled back on any
    error or interruption, closed either way."""
    db = open_for_build(path, wait)
    try:
        yield db
        db.commit()
    except BaseException:
        db.rollback()
        raise
    finally:
        db.close()


def refuse_links(path: Path) -> None:
    """Stop before SQLite opens anything when the database or a file beside it is a link."""
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.is_symlink():
            raise UnsafePath(f"{side} is a symbolic link; refusing to write through it")
