"""`kehoach budgets` and `kehoach compare`: library rows, text forms, exit codes, parameterised filters."""

import csv
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from click.testing import CliRunner

from extractor import query, store
from extractor.cli import main
from tests.test_views import build_db


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "plans.db"
    build_db(path).close()
    return path


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("column", "value", "shown"),
    [
        ("planned_vnd", 1_728_000_000, "1.728.000.000"),
        ("amount_vnd", 530_000_000, "530.000.000"),
        ("planned_vnd", 0, "0"),
        ("plan_year", 2024, "2024"),
        ("poor_rate_percent", 8.9, "8,9"),
        ("poor_rate_percent", 18.34, "18,34"),
        ("households", 12_345, "12.345"),
        ("place", None, ""),
    ],
)
def test_format_cell_vietnamese_style(column, value, shown):
    assert query.format_cell(column, value) == shown


def test_budgets_by_component_library(db_path):
    rows = query.budgets(store.open_db(db_path), by="component", place="Lai Châu")
    assert len(rows) == 7 and sum(r["planned_vnd"] for r in rows) == 1_728_000_000


def test_budgets_table_aligned_with_dot_separators(db_path):
    code, out = run("budgets", "--db", db_path, "--place", "lai châu")
    assert code == 0
    lines = out.splitlines()
    assert "1.728.000.000" in out and "Kinh phí kế hoạch (đồng)" in lines[0]
    label = "Kinh phí kế hoạch (đồng)"
    # amounts are right-aligned under their header
    assert lines[2].index("1.728.000.000") + len("1.728.000.000") == lines[0].index(label) + len(label)


def test_budgets_by_year_json_integer_dong(db_path):
    code, out = run("budgets", "--db", db_path, "--by", "year", "--format", "json")
    rows = {r["year"]: r for r in json.loads(out)}
    assert code == 0
    assert rows[2023]["prior_result_vnd"] == 1_080_000_000
    assert rows[2025]["planned_vnd"] == 400_000_000 + 250_000_000


def test_budgets_csv_filtered_by_year(db_path):
    code, out = run("budgets", "--db", db_path, "--by", "place", "--year", "2025", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert sorted((r["place"], r["planned_vnd"]) for r in rows) == [("Hòa Bình", "400000000"), ("Tân Lập", "250000000")]


@pytest.mark.parametrize("place", ["x'; drop table documents; --", 'Hòa "Bình"', "%", "Lai Châu' or '1'='1"])
def test_place_with_quotes_or_semicolons_is_a_value(db_path, place):
    code, out = run("budgets", "--db", db_path, "--place", place, "--format", "json")
    assert (code, json.loads(out)) == (0, [])
    assert store.query(store.open_db(db_path), "select count(*) as n from documents")[0]["n"] == 7


def test_compare_one_row_per_place(db_path):
    code, out = run("compare", "--db", db_path, "--level", "xa", "--year", "2025", "--format", "json")
    rows = json.loads(out)
    assert code == 0
    assert [(r["place"], r["planned_vnd_per_poor_household"]) for r in rows] == [
        ("Hòa Bình", 10_000_000), ("Tân Lập", 5_000_000), ("Đa Quyn", None)  # 003: no budget read
    ]
    assert rows[0]["poor_rate_percent"] == 4.0 and rows[0]["near_poor_rate_percent"] == 6.0


def test_compare_table_shows_errors_per_plan(db_path):
    code, out = run("compare", "--db", db_path, "--year", "2024")
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith("Cẩm Bình"))
    assert "2,66" in line  # poor rate of 2023, Vietnamese decimal comma
    assert {r["place"] for r in query.compare(store.open_db(db_path), year=2024)} == {"Cao Lâu", "Cẩm Bình", "Lai Châu"}


@pytest.mark.parametrize(
    "args",
    [
        ["budgets", "--db", "missing.db"],
        ["budgets", "--by", "village"],
        ["compare", "--level", "thon"],
        ["compare", "--year", "năm"],
        ["export"],  # --xlsx missing
    ],
)
def test_usage_errors_exit_2(db_path, args):
    if "--db" not in args:
        args = [*args, "--db", db_path]
    assert run(*args)[0] == 2


def test_library_rejects_unknown_choices(db_path):
    with pytest.raises(ValueError):
        query.budgets(store.open_db(db_path), by="village")
    with pytest.raises(ValueError):
        query.compare(store.open_db(db_path), level="thon")


def test_commands_have_help():
    for command in ("budgets", "compare", "export"):
        code, out = run(command, "--help")
        assert code == 0 and "--db" in out


@pytest.mark.parametrize("spelling", ["Cao Lâu", "xã CAO LÂU", "  cao   lâu ", "X. Cao Lâu"])
def test_place_filter_matches_any_spelling_of_the_place(tmp_path, spelling):
    from conftest import CORPUS

    from extractor import store
    from extractor.batch import extract_into
    from extractor.query import budgets

    db_path = tmp_path / "places.db"
    extract_into(db_path, [CORPUS / "000_2753d8804e160cef.txt", CORPUS / "001_392ebb208e9b84ed.txt"])
    db = store.open_db(db_path)
    rows = budgets(db, by="place", year=None, place=spelling)
    assert [row["place"] for row in rows] == ["Cao Lâu"]


@settings(max_examples=2000, deadline=None)
@given(st.floats(allow_nan=True, allow_infinity=True) | st.floats(min_value=-1e6, max_value=1e6).map(lambda x: round(x, 2)))
def test_a_float_is_shown_as_decimal_normalises_it(value):
    # The fast path for plain floats gives what Decimal's normalised fixed-point form gives.
    from decimal import Decimal

    assert query.format_cell("rate", value) == format(Decimal(repr(value)).normalize(), "f").replace(".", ",")
