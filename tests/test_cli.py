"""The command line: summary, exit status, show; every command documented in the README."""

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_and_is_in_the_readme(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and len(result.output) > 80
    assert f"kehoach {command}" in README


def test_readme_opens_with_exactly_two_setup_commands():
    block = README.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    assert "kehoach extract corpus/" in commands[0] and "pytest" in commands[1]


def test_extract_summarises_and_exits_one_on_partial_success(small_plan, tmp_path):
    (small_plan.parent / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    db_path = tmp_path / "out.db"
    result = CliRunner().invoke(main, ["extract", str(small_plan.parent), "--db", str(db_path), "--quiet"])
    assert result.exit_code == 1
    assert "2 files: 1 read" in result.output and "1 failed" in result.output
    assert "broken.docx" in result.output
    conn = sqlite3.connect(db_path)
    assert conn.execute("select count(*) from documents").fetchone()[0] == 1


def test_extract_exits_zero_when_every_file_is_read(small_plan, tmp_path):
    result = CliRunner().invoke(main, ["extract", str(small_plan), "--db", str(tmp_path / "out.db"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "1 read" in result.output and "0 failed" in result.output


def test_show_json_is_the_model(small_plan):
    result = CliRunner().invoke(main, ["show", str(small_plan), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["path"] == str(small_plan) and data["status"] in {"ok", "not_a_plan"}


def test_show_names_the_file_when_it_cannot_be_read(tmp_path):
    bad = tmp_path / "cu.doc"
    bad.write_bytes(b"old word")
    result = CliRunner().invoke(main, ["show", str(bad)])
    assert result.exit_code == 1
    assert "cu.doc" in result.output and ".docx" in result.output


def test_every_rule_the_checker_can_raise_is_documented():
    from extractor.checks.rules import RULES

    missing = sorted(rule for rule in RULES if f"`{rule}`" not in README)
    assert not missing


def test_every_rule_id_written_in_the_checker_is_registered():
    import regex

    from extractor.checks.rules import RULES

    checks = Path(__file__).resolve().parent.parent / "extractor" / "checks"
    sources = "".join(path.read_text(encoding="utf-8") for path in checks.glob("*.py") if path.name != "rules.py")
    looks_like_rule = regex.compile(r'"([a-z]+(?:_[a-z0-9]+){2,}|[a-z]+_(?:date|total|level|whole|twice))"')
    written = set(looks_like_rule.findall(sources)) - {"reduction_share"}
    assert written <= set(RULES), sorted(written - set(RULES))
