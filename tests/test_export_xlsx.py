"""`kehoach export`: one sheet per table and view, Vietnamese headers, numbers as numbers."""

import openpyxl
import pytest
from click.testing import CliRunner

from extractor import store, views
from extractor.cli import main
from extractor.vocab.columns import SHEET_NAMES
from tests.test_views import build_db


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    folder = tmp_path_factory.mktemp("xlsx")
    build_db(folder / "plans.db").close()
    result = CliRunner().invoke(main, ["export", "--db", str(folder / "plans.db"), "--xlsx", str(folder / "out.xlsx")])
    assert result.exit_code == 0, result.output
    assert "tables and views, a sheet each" in result.output
    return openpyxl.load_workbook(folder / "out.xlsx")


def header(sheet):
    return [cell.value for cell in sheet[1]]


def test_one_sheet_per_table_and_view(workbook):
    expected = [SHEET_NAMES[name] for name in [*store.TABLES, *views.VIEWS]]
    assert workbook.sheetnames == expected
    assert all(len(name) <= 31 for name in workbook.sheetnames)


def test_vietnamese_headers_bold_and_frozen(workbook):
    sheet = workbook["Văn bản"]
    assert "Năm kế hoạch" in header(sheet) and "Xã" in header(sheet)
    assert "Nội dung" not in header(sheet)  # documents.text is left out: too long for a cell
    assert sheet["A1"].font.b and sheet.freeze_panes == "A2"
    assert 6 <= sheet.column_dimensions["A"].width <= 60


def test_amounts_are_numbers_with_thousands_format(workbook):
    sheet = workbook["Khoản kinh phí"]
    column = header(sheet).index("Số tiền (đồng)")
    amounts = [row[column] for row in sheet.iter_rows(min_row=2)]
    assert 530_000_000 in [cell.value for cell in amounts]
    assert all(isinstance(cell.value, int) and cell.number_format == "#,##0" for cell in amounts)


def test_view_sheet_holds_document_001_total(workbook):
    sheet = workbook["KP theo văn bản"]
    names = header(sheet)
    rows = [dict(zip(names, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]
    [row] = [r for r in rows if r["Tệp"].endswith("001_392ebb208e9b84ed.txt")]
    assert row["Kinh phí kế hoạch (đồng)"] == 1_728_000_000
    assert row["Năm kế hoạch"] == 2024


def test_rates_are_numbers(workbook):
    sheet = workbook["So sánh địa bàn"]
    column = header(sheet).index("Tỷ lệ hộ nghèo (%)")
    rates = [row[column].value for row in sheet.iter_rows(min_row=2) if row[column].value is not None]
    assert 8.9 in rates and all(isinstance(rate, (int, float)) for rate in rates)


def test_a_table_longer_than_a_sheet_goes_on_in_numbered_sheets(tmp_path, monkeypatch):
    from extractor import export_xlsx

    db = build_db(tmp_path / "plans.db")
    rows = store.query(db, "select count(*) as n from table_rows")[0]["n"]
    monkeypatch.setattr(export_xlsx, "MAX_ROWS", 5)
    written = export_xlsx.export_xlsx(db, tmp_path / "out.xlsx")
    book = openpyxl.load_workbook(tmp_path / "out.xlsx", read_only=True)
    title = SHEET_NAMES["table_rows"]
    parts = [book[title]] + [book[f"{title[:25]} ({n})"] for n in range(2, (rows + 4) // 5 + 1)]
    assert rows > 10 and written["table_rows"] == rows
    assert [len(list(sheet.iter_rows())) - 1 for sheet in parts] == [5] * (rows // 5) + ([rows % 5] if rows % 5 else [])
    assert all([c.value for c in next(sheet.iter_rows())] == [c.value for c in next(parts[0].iter_rows())] for sheet in parts)
