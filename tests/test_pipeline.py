import gc
from pathlib import Path

import pytest
from sqlite_utils import Database

from quotes.pipeline import build
from tests.conftest import SEEDS


def test_build_creates_every_public_table(db_path: Path) -> None:
    build([SEEDS], db_path)
    db = Database(db_path)
    assert {"articles", "speakers", "quotes", "clusters", "citations", "problems"} <= set(
        db.table_names()
    )
    assert "who_said_what" in db.view_names()
    assert db["articles"].count == 5


def test_build_twice_updates_rather_than_duplicates(db_path: Path, tmp_path: Path) -> None:
    build([SEEDS], db_path)
    extra = tmp_path / "extra.txt"
    extra.write_text('"We will be back," the mayor said.\n', encoding="utf-8")
    build([extra], db_path)
    db = Database(db_path)
    assert db["articles"].count == 6
    build([SEEDS], db_path)
    assert Database(db_path)["articles"].count == 6


def test_unreadable_inputs_are_recorded_and_the_rest_is_built(
    db_path: Path, tmp_path: Path
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text('"Fine," she said.\n', encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "in" / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    report = build([tmp_path / "in"], db_path)
    db = Database(db_path)
    assert db["articles"].count == 1
    assert len(report.problems) == 2
    assert db["problems"].count == 2


def test_a_problem_is_forgotten_once_the_file_reads_fine(db_path: Path, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("", encoding="utf-8")
    build([story], db_path)
    assert Database(db_path)["problems"].count == 1
    story.write_text('"It works now," the engineer said.\n', encoding="utf-8")
    build([story], db_path)
    assert Database(db_path)["problems"].count == 0


def test_a_build_leaves_the_garbage_collector_as_it_found_it(db_path: Path) -> None:
    before = gc.get_threshold()
    build([SEEDS], db_path)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_a_failed_build_leaves_the_garbage_collector_as_it_found_it(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr("quotes.pipeline.save_changes", broken)
    before = gc.get_threshold()
    with pytest.raises(RuntimeError):
        build([SEEDS], db_path)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_a_build_reports_each_stages_cpu_time_beside_its_wall_time(db_path: Path) -> None:
    report = build([SEEDS], db_path)
    assert (
        list(report.cpu)
        == list(report.seconds)
        == ["reading", "extracting", "clustering", "saving"]
    )
    assert all(seconds >= 0 for seconds in report.cpu.values())
    assert sum(report.cpu.values()) > 0
