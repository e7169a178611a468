import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from quotes.cli import cli
from tests.conftest import ROOT


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_and_appears_in_readme(command: str) -> None:
    assert cli.commands[command].help
    assert f"quotes {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_build_command_reports_counts_and_skipped_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text('"We are ready," Mayor Ana Lopez said.\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    db_path = tmp_path / "q.db"
    result = CliRunner().invoke(cli, ["build", str(tmp_path), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "skipped" in result.output and "b.txt" in result.output
    assert Database(db_path)["articles"].count == 1


def test_extract_command_prints_one_json_object_per_quote(tmp_path: Path) -> None:
    text = 'The council met Tuesday.\n\n"We are ready," Mayor Ana Lopez said.\n'
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "a.txt")])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    for row in rows:
        assert {"article", "text", "start", "end", "speaker", "kind", "cue"} <= set(row)
        assert text[row["start"] : row["end"]] == row["text"]
