"""A build is one transaction on the database: crashes roll back, readers see whole builds only,
and a second build on the same file waits or stops, never losing either build's work."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import time
from multiprocessing.process import BaseProcess
from pathlib import Path

import pytest
from click.testing import CliRunner
from datasette.app import Datasette
from sqlite_utils import Database

from quotes import db as store
from quotes import pipeline
from quotes.cli import cli
from quotes.dbfile import BuildLocked, UnsafePath, open_for_build
from quotes.pipeline import build
from tests.conftest import SEEDS


def _paused(inputs: Path, db_path: Path, flag: Path, pause: float) -> None:
    """Build, stopping mid-way (articles saved, nothing derived yet) until released or timed out."""
    real = pipeline.cluster_changed

    def paused(*args, **kwargs):  # type: ignore[no-untyped-def]
        flag.touch()
        release, deadline = flag.with_name(flag.name + ".go"), time.monotonic() + pause
        while not release.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        return real(*args, **kwargs)

    pipeline.cluster_changed = paused
    # Ctrl-C as in a terminal: a runner started in the background (`cmd &`) ignores SIGINT,
    # and a forked child would inherit that and finish its build instead of stopping.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    pipeline.build([inputs], db_path)


def paused_build(inputs: Path, db_path: Path, flag: Path, pause: float) -> BaseProcess:
    """A build in another process (forked: no second start-up), to kill or to build beside."""
    proc = multiprocessing.get_context("fork").Process(
        target=_paused, args=(inputs, db_path, flag, pause)
    )
    proc.start()
    return proc


def story(folder: Path, name: str, said: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"The council met on Tuesday.\n\n“{said},” Mayor Alma Reyes said.\n")
    return path


def count(path: Path, table: str = "articles") -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"select count(*) from [{table}]").fetchone()[0])
    finally:
        conn.close()


def files_beside(db_path: Path) -> set[str]:
    return {p.name for p in db_path.parent.iterdir() if p.is_file()}


def wait_for(flag: Path, proc: BaseProcess, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not flag.exists():
        assert proc.is_alive(), f"the build ended early, exit code {proc.exitcode}"
        assert time.monotonic() < deadline, "the build never reached clustering"
        time.sleep(0.02)


def finished(proc: BaseProcess) -> int | None:
    proc.join(timeout=60)
    return proc.exitcode


def test_a_build_that_raises_mid_way_leaves_the_last_build_whole(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build([SEEDS], db_path)
    before = {t: count(db_path, t) for t in ("articles", "quotes", "clusters")}

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(pipeline, "cluster_changed", explode)
    with pytest.raises(RuntimeError):
        build([story(tmp_path / "new", "extra.txt", "We will be back")], db_path)
    assert {t: count(db_path, t) for t in before} == before
    assert files_beside(db_path) == {"quotes.db"}  # no leftovers


def test_a_build_that_fails_while_saving_leaves_every_table_and_view_as_it_was(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build([SEEDS], db_path)
    before = {t: count(db_path, t) for t in ("articles", "quotes", "clusters", "quotes_fts")}

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "ensure_db_shape", explode)  # after the derived tables are dropped
    with pytest.raises(RuntimeError):
        build([story(tmp_path / "new", "extra.txt", "We will be back")], db_path)
    assert {t: count(db_path, t) for t in before} == before
    assert count(db_path, "who_said_what") == before["quotes"]


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_a_build_killed_mid_way_changes_nothing_and_the_next_build_runs(
    db_path: Path, tmp_path: Path, sig: signal.Signals
) -> None:
    build([story(tmp_path / "old", "old.txt", "We stay")], db_path)
    flag = tmp_path / "mid-build"
    proc = paused_build(story(tmp_path / "new", "new.txt", "We go"), db_path, flag, 60)
    wait_for(flag, proc)
    assert proc.pid is not None
    os.kill(proc.pid, sig)
    code = finished(proc)
    assert code is not None and code != 0  # stopped by the signal, not still running
    assert count(db_path) == 1 and count(db_path, "quotes") == 1
    build([tmp_path / "new"], db_path)  # the lock died with the process
    assert count(db_path) == 2


def test_a_reader_open_before_the_build_sees_the_old_rows_during_it_and_the_new_after(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build([story(tmp_path / "old", "old.txt", "We stay")], db_path)
    inode = db_path.stat().st_ino
    reader = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)  # as Datasette opens it
    seen_during: list[int] = []
    real = pipeline.cluster_changed

    def look(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen_during.append(reader.execute("select count(*) from articles").fetchone()[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "cluster_changed", look)
    build([story(tmp_path / "new", "new.txt", "We go")], db_path)
    assert seen_during == [1]  # the new article was saved, but not yet committed
    assert reader.execute("select count(*) from articles").fetchone()[0] == 2
    assert reader.execute("select count(*) from quotes").fetchone()[0] == 2
    assert db_path.stat().st_ino == inode  # the same file, never swapped for another


def test_a_second_build_stops_with_a_clear_message_while_another_one_writes(
    db_path: Path, tmp_path: Path
) -> None:
    build([story(tmp_path / "old", "old.txt", "We stay")], db_path)
    flag = tmp_path / "mid-build"
    first = paused_build(story(tmp_path / "a", "a.txt", "First in"), db_path, flag, 60)
    wait_for(flag, first)
    second = CliRunner().invoke(
        cli, ["build", str(story(tmp_path / "b", "b.txt", "Second")), "--db", str(db_path),
              "--wait", "0.2"],
    )  # fmt: skip
    assert second.exit_code == 1
    assert "another build is writing to" in second.output
    assert "nothing was changed" in second.output
    flag.with_name(flag.name + ".go").touch()
    assert finished(first) == 0
    assert count(db_path) == 2  # the first build's work, whole


def test_a_second_build_that_waits_lands_after_the_first_and_both_are_kept(
    db_path: Path, tmp_path: Path
) -> None:
    build([story(tmp_path / "old", "old.txt", "We stay")], db_path)
    flag = tmp_path / "mid-build"
    first = paused_build(story(tmp_path / "a", "a.txt", "First in"), db_path, flag, 1)
    wait_for(flag, first)
    started = time.monotonic()
    second = build([story(tmp_path / "b", "b.txt", "Then")], db_path, wait=60)  # this process
    assert time.monotonic() - started > 0.5  # it waited for the first to commit
    assert second.articles_total == 3
    assert finished(first) == 0
    assert count(db_path) == 3 and count(db_path, "quotes") == 3


def test_the_lock_is_sqlites_own_and_is_released_by_commit(db_path: Path) -> None:
    db = open_for_build(db_path)
    with pytest.raises(BuildLocked):
        open_for_build(db_path, wait=0)
    db.commit()
    db.close()
    open_for_build(db_path, wait=0).close()


@pytest.mark.parametrize("side", ["", "-wal", "-shm", "-journal"])
def test_a_symbolic_link_planted_at_the_database_or_beside_it_is_never_followed(
    tmp_path: Path, side: str
) -> None:
    db_path = tmp_path / "quotes.db"
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    (tmp_path / f"quotes.db{side}").symlink_to(victim)
    with pytest.raises(UnsafePath, match="symbolic link"):
        build([story(tmp_path / "in", "a.txt", "Hello")], db_path)
    assert victim.read_bytes() == b"precious"


def test_the_build_leaves_no_file_but_the_database_and_sqlites_own(
    db_path: Path, tmp_path: Path
) -> None:
    build([SEEDS], db_path)
    assert files_beside(db_path) == {"quotes.db"}
    assert Database(db_path).journal_mode == "wal"


@pytest.mark.asyncio
async def test_a_running_datasette_serves_the_new_build_once_it_commits(
    db_path: Path, tmp_path: Path
) -> None:
    build([story(tmp_path / "old", "old.txt", "We stay")], db_path)
    datasette = Datasette([str(db_path)])
    await datasette.invoke_startup()
    sql = "/quotes.json?sql=select+count(*)+as+n+from+quotes&_shape=array"
    assert (await datasette.client.get(sql)).json() == [{"n": 1}]
    build([story(tmp_path / "new", "new.txt", "We go")], db_path)
    assert (await datasette.client.get(sql)).json() == [{"n": 2}]
