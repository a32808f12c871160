"""The command line: summary, exit status, show; every command documented in the README."""

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor import batch
from extractor.batch import RunSummary
from extractor.cli import main
from extractor.limits import DEFAULT_LIMITS, Limits

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


# --- extract: limits, jobs, exit status -----------------------------------------------------------


@pytest.fixture
def captured(monkeypatch):
    """extract_into replaced by a recorder: what the command passes it."""
    calls = []

    def record(db_path, files, on_file=None, **kwargs):
        calls.append({"db_path": db_path, "files": files, **kwargs})
        return RunSummary()

    monkeypatch.setattr(batch, "extract_into", record)  # the command imports it when it runs
    return calls


def test_extract_passes_the_default_limits_and_one_job(small_plan, tmp_path, captured):
    result = CliRunner().invoke(main, ["extract", str(small_plan), "--db", str(tmp_path / "x.db"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert captured == [{"db_path": tmp_path / "x.db", "files": [small_plan], "limits": DEFAULT_LIMITS, "jobs": 1}]


def test_extract_builds_limits_from_its_options(small_plan, tmp_path, captured):
    args = ["extract", str(small_plan), "--db", str(tmp_path / "x.db"), "--quiet", "-j", "3", "--timeout", "2.5",
            "--max-file-mb", "0.5", "--max-unpacked-mb", "7", "--max-pdf-pages", "12", "--max-text-chars", "999"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    expected = Limits(max_file_mb=0.5, max_unpacked_mb=7, max_pdf_pages=12, max_text_chars=999, timeout_s=2.5)
    assert captured[0]["limits"] == expected and captured[0]["jobs"] == 3
    assert CliRunner().invoke(main, [*args[:4], "--jobs", "2"]).exit_code == 0
    assert captured[1]["jobs"] == 2


@pytest.mark.parametrize(("option", "value"), [
    ("--jobs", "0"), ("-j", "-1"), ("--jobs", "65"), ("--jobs", "two"),
    ("--timeout", "0"), ("--timeout", "-5"), ("--timeout", "soon"),
    ("--max-file-mb", "0"), ("--max-file-mb", "-1"), ("--max-unpacked-mb", "0"), ("--max-unpacked-mb", "big"),
    ("--max-pdf-pages", "0"), ("--max-pdf-pages", "1.5"), ("--max-text-chars", "0"), ("--max-text-chars", "-3"),
])
def test_extract_refuses_a_bad_limit_before_reading_anything(small_plan, tmp_path, captured, option, value):
    result = CliRunner().invoke(main, ["extract", str(small_plan), "--db", str(tmp_path / "x.db"), option, value])
    assert result.exit_code == 2
    assert option.lstrip("-") in result.output.replace("'-j' / ", "").replace("-j", "jobs")
    assert captured == [] and not (tmp_path / "x.db").exists()


def test_extract_help_documents_exit_status_and_the_defaults_of_the_limits():
    text = " ".join(CliRunner().invoke(main, ["extract", "--help"]).output.split())
    assert "0 every file was read" in text and "2 usage error" in text
    assert "1 some files failed" in text and "named in the summary" in text and "'failures' table" in text
    for option, default in [("--max-file-mb", DEFAULT_LIMITS.max_file_mb), ("--timeout", DEFAULT_LIMITS.timeout_s),
                            ("--max-unpacked-mb", DEFAULT_LIMITS.max_unpacked_mb),
                            ("--max-pdf-pages", DEFAULT_LIMITS.max_pdf_pages),
                            ("--max-text-chars", DEFAULT_LIMITS.max_text_chars), ("--jobs", 1)]:
        after = text.split(option, 1)[1]
        shown = f"{default:g}" if isinstance(default, float) else str(default)
        assert f"[default: {shown};" in after.split("--", 1)[0], option


def test_extract_limits_reach_the_reader(small_plan, tmp_path):
    db_path = tmp_path / "x.db"
    result = CliRunner().invoke(main, ["extract", str(small_plan), "--db", str(db_path), "--quiet",
                                       "--max-text-chars", "100"])
    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if "FAILED" in line]
    assert str(small_plan) in line and "--max-text-chars" in line
    conn = sqlite3.connect(db_path)
    assert conn.execute("select path from failures").fetchall() == [(str(small_plan),)]
    assert conn.execute("select count(*) from documents").fetchone()[0] == 0
    result = CliRunner().invoke(main, ["extract", str(small_plan), "--db", str(db_path), "--quiet",
                                       "--max-file-mb", "0.0001"])
    assert result.exit_code == 1 and "--max-file-mb" in result.output


def test_extract_with_two_jobs_stores_what_one_job_stores(tmp_path):
    from conftest import CORPUS

    files = [str(path) for path in sorted(CORPUS.glob("00[0-2]*.txt"))]
    counts = []
    for jobs in ("1", "2"):
        db_path = tmp_path / f"j{jobs}.db"
        result = CliRunner().invoke(main, ["extract", *files, "--db", str(db_path), "--quiet", "-j", jobs])
        assert result.exit_code == 0, result.output
        conn = sqlite3.connect(db_path)
        counts.append({table: conn.execute(f"select document_id, count(*) from [{table}] group by document_id"
                                           " order by document_id").fetchall()
                       for table in ("budget_items", "targets", "poverty_stats", "findings", "document_fields")})
        conn.close()
    assert counts[0] == counts[1] and len(counts[0]["document_fields"]) == 3


def test_every_failed_file_gets_one_line_naming_it_with_what_to_do(small_plan, tmp_path):
    folder = small_plan.parent
    (folder / "cu.doc").write_bytes(b"\xd0\xcf\x11\xe0 old word")
    (folder / "hong.docx").write_bytes(b"PK\x03\x04 truncated")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 nothing else")
    result = CliRunner().invoke(main, ["extract", str(folder), "--db", str(tmp_path / "x.db"), "--quiet"])
    assert result.exit_code == 1
    failed = [line for line in result.output.splitlines() if "FAILED" in line]
    assert len(failed) == 3 and "3 failed" in result.output
    for name, line in zip(["cu.doc", "hong.docx", "scan.pdf"], failed):
        assert str(folder / name) in line and ";" in line, line  # the file, why; what to do


# --- option values ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def plans_db(tmp_path_factory):
    from conftest import CORPUS

    from extractor.batch import extract_into

    path = tmp_path_factory.mktemp("cli") / "plans.db"
    extract_into(path, [CORPUS / "000_2753d8804e160cef.txt"])
    return path


@pytest.mark.parametrize("args", [
    ["budgets", "--year", "999"], ["budgets", "--year", "10000"], ["compare", "--year", "-2024"],
    ["compare", "--year", "20245"], ["search", "hộ", "--limit", "0"], ["search", "hộ", "--limit", "10001"],
    ["budgets", "--place", ""], ["budgets", "--place", "   "], ["search", " "],
])
def test_out_of_range_or_empty_values_are_usage_errors(plans_db, args):
    result = CliRunner().invoke(main, [*args, "--db", str(plans_db)])
    assert result.exit_code == 2, result.output
    assert "Invalid value" in result.output


@pytest.mark.parametrize("args", [["budgets", "--year", "1000"], ["compare", "--year", "9999"],
                                  ["search", "hộ", "--limit", "10000"]])
def test_values_at_the_edge_of_the_range_are_taken(plans_db, args):
    assert CliRunner().invoke(main, [*args, "--db", str(plans_db)]).exit_code in (0, 1)


@pytest.mark.parametrize("args", [["budgets", "--place", "Cao L\udce2u"], ["search", "h\udcbb nghèo"]])
def test_undecodable_terminal_text_is_refused_with_what_to_do(plans_db, args):
    result = CliRunner().invoke(main, [*args, "--db", str(plans_db)])
    assert result.exit_code == 2 and not isinstance(result.exception, UnicodeError)
    assert "not valid text" in result.output and "UTF-8" in result.output


def test_undecodable_argv_from_a_latin1_terminal_is_a_usage_error(plans_db, tmp_path):
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    command = [sys.executable.encode(), b"-c", b"from extractor.cli import main; main()", b"budgets",
               b"--db", str(plans_db).encode(), b"--place", "Cao Lâu".encode("latin-1")]
    env = {**os.environ, "PYTHONPATH": str(root), "LC_ALL": "C.UTF-8"}
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, timeout=120, check=False)
    assert result.returncode == 2, result.stderr
    assert b"not valid text" in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["budgets"], ["compare"], ["search", "hộ"], ["check"],
                                     ["report", "--out", "{tmp}/r.html"], ["export", "--xlsx", "{tmp}/r.xlsx"]])
def test_a_file_that_is_not_a_database_is_named_and_left_as_it_was(tmp_path, command):
    command = [part.format(tmp=tmp_path) for part in command]
    not_db = tmp_path / "notes.db"
    not_db.write_bytes(b"Ghi chep: day khong phai co so du lieu\n" * 200)
    before = not_db.read_bytes()
    result = CliRunner().invoke(main, [*command, "--db", str(not_db)])
    assert result.exit_code == 1, result.output
    assert str(not_db) in result.output and "kehoach extract" in result.output
    assert "Traceback" not in result.output
    assert not_db.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_extract_into_a_file_that_is_not_a_database_leaves_it_as_it_was(small_plan, tmp_path):
    not_db = tmp_path / "notes.txt.bak"
    not_db.write_bytes(b"plain text, not SQLite\n" * 100)
    before = not_db.read_bytes()
    result = CliRunner().invoke(main, ["extract", str(small_plan), "--db", str(not_db), "--quiet"])
    assert result.exit_code == 1 and str(not_db) in result.output and "Traceback" not in result.output
    assert not_db.read_bytes() == before


@pytest.mark.parametrize(("command", "option", "name"), [
    (["report", "--db", "{db}"], "--out", "plans.db"),
    (["export", "--db", "{db}"], "--xlsx", "plans.db"),
    (["export", "--db", "{db}"], "--xlsx", "report.html"),
    (["show", "{plan}"], "--html", "{plan}"),
])
def test_an_output_named_like_a_database_or_plan_is_refused(plans_db, small_plan, command, option, name):
    fill = {"db": str(plans_db), "plan": str(small_plan)}
    target = Path(name.format(**fill)) if "{" in name else plans_db.parent / name
    before = target.read_bytes() if target.exists() else None
    args = [part.format(**fill) for part in command] + [option, str(target)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and option in result.output, result.output
    assert (target.read_bytes() if target.exists() else None) == before


def test_a_file_name_that_is_not_utf8_is_a_failure_and_the_run_goes_on(small_plan, tmp_path):
    import os

    folder = small_plan.parent
    bad = Path(os.fsdecode(bytes(folder) + b"/k\xe9 ho\xe1ch.txt"))  # Latin-1 bytes, as a copy from an old system
    bad.write_text(small_plan.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    db_path = tmp_path / "x.db"
    result = CliRunner().invoke(main, ["extract", str(folder), "--db", str(db_path), "--quiet"])
    assert result.exit_code == 1 and not isinstance(result.exception, UnicodeError), result.output
    [line] = [line for line in result.output.splitlines() if "FAILED" in line]
    assert "k\\xe9 ho\\xe1ch.txt" in line and "rename" in line
    conn = sqlite3.connect(db_path)
    assert conn.execute("select path from documents").fetchall() == [(str(small_plan),)]
    assert conn.execute("select path from failures").fetchall() == [(str(folder) + "/k\\xe9 ho\\xe1ch.txt",)]


@pytest.mark.parametrize("extra", [[], ["--json"], ["--html", "page.html"]])
def test_show_refuses_a_file_name_that_is_not_utf8_and_writes_nothing(small_plan, tmp_path, extra):
    import os

    bad = Path(os.fsdecode(bytes(small_plan.parent) + b"/k\xe9.txt"))
    bad.write_text(small_plan.read_text(encoding="utf-8"), encoding="utf-8")
    extra = [str(tmp_path / part) if part.endswith(".html") else part for part in extra]
    result = CliRunner().invoke(main, ["show", str(bad), *extra])
    assert result.exit_code == 2 and not isinstance(result.exception, UnicodeError), result.output
    assert "k\\xe9.txt" in result.output and "rename the file" in result.output
    assert not (tmp_path / "page.html").exists()


def test_extract_lists_removed_files_and_prune_deletes_them(small_plan, tmp_path):
    gone = small_plan.parent / "gone.txt"
    gone.write_text(small_plan.read_text(encoding="utf-8").replace("Số: 12/KH", "Số: 17/KH"), encoding="utf-8")
    db_path = tmp_path / "plans.db"
    args = ["extract", str(small_plan.parent), "--db", str(db_path), "--quiet"]
    assert CliRunner().invoke(main, args).exit_code == 0
    gone.unlink()

    kept = CliRunner().invoke(main, args)
    assert kept.exit_code == 0
    assert f"REMOVED {gone}" in kept.output and "--prune" in kept.output
    assert sqlite3.connect(db_path).execute("select count(*) from documents").fetchone()[0] == 2

    pruned = CliRunner().invoke(main, [*args, "--prune"])
    assert pruned.exit_code == 0 and "1 removed files deleted" in pruned.output
    assert sqlite3.connect(db_path).execute("select path from documents").fetchall() == [(str(small_plan),)]
    again = CliRunner().invoke(main, args)
    assert "REMOVED " not in again.output and "no longer exist" not in again.output


def test_a_query_command_starts_without_compiling_the_parsers():
    # Importing the parsers and checks compiles their patterns (about 0.4 s): 'kehoach compare' does not
    # need them. The extraction API is still there when asked for.
    import subprocess
    import sys

    code = ("import sys, extractor.cli; print(sorted(m for m in sys.modules if m.startswith(('extractor.parsers', "
            "'extractor.checks', 'extractor.pipeline')))); from extractor import extract_text; "
            "print(extract_text.__module__)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == ["[]", "extractor.pipeline"]
