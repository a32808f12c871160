"""kehoach serve: Datasette metadata in Vietnamese, canned queries that run, a read-only server on 127.0.0.1."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from extractor import store
from extractor.batch import extract_into
from extractor.datasette_metadata import (
    FACETS,
    QUERIES,
    TABLE_DESCRIPTIONS,
    build_metadata,
    query_sql,
)
from extractor.serve import MISSING, metadata_for, schema

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
# 000 is xã Cao Lâu (huyện Cao Lộc); 001 is thành phố Lai Châu.
SAMPLES = ["000_2753d8804e160cef.txt", "001_392ebb208e9b84ed.txt"]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "plans.db"
    extract_into(path, [CORPUS / name for name in SAMPLES])
    return path


def test_every_table_view_and_column_is_described_in_vietnamese(db_path: Path) -> None:
    tables = schema(db_path)
    assert "documents_fts" not in tables and "documents_fts_data" not in tables
    assert {"documents", "document_places", "v_compare_places", "v_budget_by_component_year"} <= set(tables)
    meta = metadata_for(db_path)["databases"]["plans"]
    for name, columns in tables.items():
        entry = meta["tables"][name]
        assert name in TABLE_DESCRIPTIONS and entry["description"], name
        assert set(entry["columns"]) == set(columns), name
        undescribed = [c for c, text in entry["columns"].items() if text == c]
        assert not undescribed, (name, undescribed)
    assert meta["tables"]["v_compare_places"]["columns"]["planned_vnd_per_poor_household"] == (
        "Kinh phí kế hoạch / hộ nghèo (đồng)"
    )
    assert meta["tables"]["document_places"]["columns"]["name"] == "Tên địa bàn như văn bản ghi"


def test_facets_name_columns_the_tables_have(db_path: Path) -> None:
    tables = schema(db_path)
    for name, facets in FACETS.items():
        assert set(facets) <= set(tables[name]), name
    meta = metadata_for(db_path)["databases"]["plans"]["tables"]
    assert meta["documents"]["facets"][:4] == ["issuer_level", "province", "district", "commune"]
    assert "text" not in meta["documents"]["facets"]
    assert meta["v_budget_by_component"]["facets"] == ["component", "place", "plan_year"]


@pytest.mark.parametrize("name", list(QUERIES))
def test_canned_query_runs_on_the_database(db_path: Path, name: str) -> None:
    db = store.open_db(db_path)  # registers kh_fold, as serve does on Datasette's connections
    params = {"place": "XÃ CAO  LÂU"} if ":place" in query_sql(name) else {}
    rows = db.conn.execute(query_sql(name), params).fetchall()
    assert rows, name


@pytest.mark.parametrize("place, expected", [
    ("Cao Lâu", {"Cao Lâu"}), ("xã cao lâu", {"Cao Lâu"}), ("Thành phố Lai Châu", {"Lai Châu"}),
    ("Cao Lộc", {"Cao Lâu"}),  # the district finds the commune's plan
    ("Cao Lau", set()),  # tones are not ignored
])
def test_place_query_matches_any_spelling(db_path: Path, place: str, expected: set[str]) -> None:
    db = store.open_db(db_path)
    rows = db.conn.execute(query_sql("kinh_phi_cua_dia_ban"), {"place": place}).fetchall()
    assert {row[0] for row in rows} == expected


def test_metadata_is_json_with_vietnamese_title() -> None:
    meta = json.loads(json.dumps(build_metadata("x", {"documents": ["id", "text"]}), ensure_ascii=False))
    assert meta["title"] == "Kế hoạch của địa phương (kehoach)"
    assert meta["databases"]["x"]["tables"]["documents"]["fts_table"] == "documents_fts"
    assert set(meta["databases"]["x"]["queries"]) == set(QUERIES)


def test_missing_datasette_is_a_clear_error(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from extractor.cli import main

    monkeypatch.setitem(sys.modules, "datasette", None)  # import datasette now raises ImportError
    result = CliRunner().invoke(main, ["serve", "--db", str(db_path), "--port", "1"])
    assert result.exit_code == 1
    assert MISSING in result.output


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> object:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.load(response)


def test_serve_read_only_on_localhost(db_path: Path) -> None:
    pytest.importorskip("datasette")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-c", "from extractor.cli import main; main()", "serve", "--db", str(db_path),
               "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                databases = _get(f"{base}/-/databases.json")
                break
            except (urllib.error.URLError, ConnectionError):
                assert process.poll() is None, process.stdout.read().decode()
                assert time.monotonic() < deadline, "datasette did not answer within 20 s"
                time.sleep(0.2)
        assert [(d["name"], d["is_mutable"]) for d in databases] == [("plans", False)]
        before = db_path.read_bytes()  # after serve folded the write-ahead log in: now nothing may change
        meta = _get(f"{base}/-/metadata.json")
        assert meta["title"] == "Kế hoạch của địa phương (kehoach)"
        assert meta["databases"]["plans"]["tables"]["budget_items"]["columns"]["amount_vnd"] == "Số tiền (đồng)"
        compare = _get(f"{base}/plans/v_compare_places.json?_shape=array")
        assert {row["place"] for row in compare} == {"Cao Lâu", "Lai Châu"}
        query = urllib.parse.urlencode({"place": "thành phố lai châu", "_shape": "array"})
        rows = _get(f"{base}/plans/kinh_phi_cua_dia_ban.json?{query}")
        assert rows and {row["Địa bàn"] for row in rows} == {"Lai Châu"}
        assert sum(row["Kinh phí kế hoạch (đồng)"] or 0 for row in rows) == 1_728_000_000
        facets = _get(f"{base}/plans/v_budget_by_component.json")["facet_results"]
        assert {"component", "place", "plan_year"} <= set(facets)
        with pytest.raises(urllib.error.HTTPError) as refused:
            _get(f"{base}/plans.json?sql=" + urllib.parse.quote("delete from findings"))
        assert refused.value.code == 400
    finally:
        process.send_signal(signal.SIGINT)  # as Ctrl-C
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    assert process.returncode in (0, -signal.SIGINT, 130)
    assert db_path.read_bytes() == before
    assert store.open_db(db_path).execute("select count(*) from findings").fetchone()[0] > 0
