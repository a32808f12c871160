"""Hostile input: user values never become SQL, FTS syntax is plain text, Datasette is read-only on
127.0.0.1, and commands write nothing but the paths they are given."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor import query, store
from extractor.batch import extract_into
from extractor.cli import main
from extractor.search import search

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
# 000 is xã Cao Lâu (huyện Cao Lộc); 001 is thành phố Lai Châu.
SAMPLES = ["000_2753d8804e160cef.txt", "001_392ebb208e9b84ed.txt"]
INJECTIONS = [
    "x' OR 1=1 --",
    "'; DROP TABLE documents; --",
    "Cao Lâu' OR '1'='1",
    "Cao Lâu\"; DELETE FROM budget_items; --",
    "') or kh_fold(d.commune) is not null or ('",
    "%",
    "*",
]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("security") / "plans.db"
    summary = extract_into(path, [CORPUS / name for name in SAMPLES])
    assert summary.read == 2
    return path


def _state(db_path: Path) -> tuple:
    """The schema and every table's row count: what an injected statement would change."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        schema = conn.execute("select type, name, sql from sqlite_master order by name").fetchall()
        counts = {name: conn.execute(f"select count(*) from [{name}]").fetchone()[0] for name in store.TABLES}
        return schema, counts
    finally:
        conn.close()


def run(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


# --- every statement built from user input is parameterised ---------------------------------------

SENTINEL_PLACE = "Zq'Sentinel\"Place"
SENTINEL_YEAR = 4321


def _statements(db, call) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []
    with db.tracer(lambda sql, params: seen.append((sql, params))):
        call()
    return seen


@pytest.mark.parametrize("call", [
    lambda db: query.budgets(db, by="place", year=SENTINEL_YEAR, place=SENTINEL_PLACE),
    lambda db: query.budgets(db, by="component", year=SENTINEL_YEAR, place=SENTINEL_PLACE),
    lambda db: query.budgets(db, by="year", year=SENTINEL_YEAR, place=SENTINEL_PLACE),
    lambda db: query.compare(db, level="xa", year=SENTINEL_YEAR),
    lambda db: search(db, f"{SENTINEL_PLACE} hộ", fold=False),
    lambda db: search(db, f"{SENTINEL_PLACE} hộ", fold=True),
], ids=["budgets-place", "budgets-component", "budgets-year", "compare", "search", "search-fold"])
def test_user_values_reach_sqlite_only_as_parameters(db_path: Path, call) -> None:
    db = store.open_db(db_path)
    statements = _statements(db, lambda: call(db))
    assert statements
    for sql, params in statements:
        assert "sentinel" not in sql.lower() and str(SENTINEL_YEAR) not in sql, sql
    bound = json.dumps([params for _, params in statements], ensure_ascii=False, default=str).lower()
    assert "sentinel" in bound or str(SENTINEL_YEAR) in bound


@pytest.mark.parametrize("place", INJECTIONS)
def test_injected_place_matches_nothing_and_changes_nothing(db_path: Path, place: str) -> None:
    before = _state(db_path)
    for by in ("place", "component", "year"):
        code, out = run("budgets", "--db", db_path, "--by", by, "--place", place, "--format", "json")
        assert (code, json.loads(out)) == (0, []), (by, out)
    assert _state(db_path) == before


def test_the_place_filter_returns_only_the_matching_plan(db_path: Path) -> None:
    code, out = run("budgets", "--db", db_path, "--place", "Cao Lâu", "--format", "json")
    assert code == 0 and {row["place"] for row in json.loads(out)} == {"Cao Lâu"}
    code, out = run("budgets", "--db", db_path, "--format", "json")
    assert {row["place"] for row in json.loads(out)} == {"Cao Lâu", "Lai Châu"}


@pytest.mark.parametrize("year", ["2024 OR 1=1", "2024; DROP TABLE documents", "1e3", "0x7e8", ""])
def test_a_year_that_is_not_a_number_is_a_usage_error(db_path: Path, year: str) -> None:
    for command in ("budgets", "compare"):
        code, out = run(command, "--db", db_path, "--year", year)
        assert code == 2 and "--year" in out


@pytest.mark.parametrize("text", ["\"", "AND", "OR", "NOT", "*", "NEAR(", "NEAR(hộ", "hộ AND", "hộ\" OR \"",
                                  "title:", "^", "(", ")", "-", "'; DROP TABLE documents; --", "\"\"\"", "hộ*"])
def test_fts_syntax_is_plain_text_never_a_traceback(db_path: Path, text: str) -> None:
    before = _state(db_path)
    for extra in ([], ["--fold"]):
        result = CliRunner().invoke(main, ["search", text, "--db", str(db_path), *extra])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        assert result.exit_code in (0, 1)
        assert "Traceback" not in result.output and "fts5" not in result.output.lower()
        assert result.output.rstrip().endswith("documents")
    assert _state(db_path) == before


def test_fts_operators_are_words_to_find(db_path: Path) -> None:
    # 'AND' is not an operator here: it is looked for, and no plan holds the word 'and'.
    assert run("search", "hộ AND nghèo", "--db", db_path)[0] == 1
    code, out = run("search", "hộ nghèo", "--db", db_path)
    assert code == 0 and out.rstrip().endswith("2 documents")


# --- Datasette: 127.0.0.1 and immutable unless asked otherwise ------------------------------------

def test_serve_listens_on_localhost_read_only_by_default(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import extractor.serve

    calls = []
    monkeypatch.setattr(extractor.serve, "serve", lambda path, **kwargs: calls.append((path, kwargs)))
    code, out = run("serve", "--db", db_path)
    assert code == 0 and calls == [(db_path, {"host": "127.0.0.1", "port": 8001, "writable": False})]
    assert "read-only" in out and "warning" not in out
    code, out = run("serve", "--db", db_path, "--host", "0.0.0.0", "--writable", "--port", "9000")
    assert calls[-1] == (db_path, {"host": "0.0.0.0", "port": 9000, "writable": True})
    assert "warning: --host 0.0.0.0" in out


def test_serve_passes_the_host_to_the_server(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    uvicorn = pytest.importorskip("uvicorn")
    pytest.importorskip("datasette")
    from extractor.serve import serve

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append(kwargs))
    serve(db_path)
    assert calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 8001


@pytest.mark.parametrize("writable", [False, True])
def test_datasette_opens_the_file_immutable_unless_writable(db_path: Path, writable: bool) -> None:
    pytest.importorskip("datasette")
    from extractor.serve import datasette_app

    ds = datasette_app(db_path, writable=writable)
    database = ds.databases["plans"]
    assert (database.is_mutable, database.path) == (writable, str(db_path))
    assert set(ds.immutables) == (set() if writable else {str(db_path)})


@pytest.mark.parametrize("port", ["0", "65536", "-1", "http"])
def test_serve_refuses_a_port_out_of_range(db_path: Path, port: str) -> None:
    code, out = run("serve", "--db", db_path, "--port", port)
    assert code == 2 and "--port" in out


# --- nothing written outside the paths given ------------------------------------------------------

_RUN_COMMANDS = """
import json, sys
from extractor.cli import main

codes = []
for args in json.loads(sys.argv[1]):
    try:
        main(args, standalone_mode=False)
        codes.append(0)
    except SystemExit as stop:
        codes.append(stop.code)
print(json.dumps(codes))
"""


def _listing(*folders: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                stat = path.stat()
                found[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return found


def test_commands_write_only_the_paths_they_are_given(tmp_path: Path) -> None:
    home, cwd, plans, out = (tmp_path / name for name in ("home", "cwd", "plans", "out"))
    for folder in (home, cwd, plans, out):
        folder.mkdir()
    for name in ["000_2753d8804e160cef.txt", "001_392ebb208e9b84ed.docx", "004_c0fdcc1763c22669.pdf"]:
        shutil.copyfile(CORPUS / name, plans / name)
    db, html, report, xlsx = out / "x.db", out / "show.html", out / "report.html", out / "x.xlsx"
    commands = [
        ["extract", str(plans), "--db", str(db), "--quiet"],
        ["extract", str(plans), "--db", str(db), "--quiet"],  # again: everything unchanged
        ["check", str(plans)],
        ["check", "--db", str(db), "--format", "json"],
        ["show", str(plans / "000_2753d8804e160cef.txt"), "--json"],
        ["show", str(plans / "001_392ebb208e9b84ed.docx"), "--html", str(html)],
        ["report", "--db", str(db), "--out", str(report)],
        ["export", "--db", str(db), "--xlsx", str(xlsx)],
        ["budgets", "--db", str(db), "--place", "Cao Lâu"],
        ["compare", "--db", str(db), "--year", "2024"],
        ["search", "hộ nghèo", "--db", str(db), "--fold"],
    ]
    before = _listing(home, cwd, plans)
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env.update(HOME=str(home), PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", _RUN_COMMANDS, json.dumps(commands)], cwd=cwd, env=env,
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    codes = json.loads(result.stdout.strip().splitlines()[-1])
    assert codes[:2] == [0, 0] and codes[4:] == [0] * 7, (codes, result.stderr)
    assert _listing(home, cwd, plans) == before  # nothing new, nothing changed
    assert sorted(path.name for path in out.iterdir()) == sorted(p.name for p in (db, html, report, xlsx))
