"""Tables: tab/pipe blocks, header and total rows, unit lines, titles, cells with evidence."""

from decimal import Decimal

import pytest

from extractor.parsers.tables import is_title_line, is_total_row, parse_tables, unit_of
from extractor.readers import read
from extractor.text import SourceText, normalise
from extractor.vocab.tables import TITLE_EXAMPLES, TOTAL_EXAMPLES, UNIT_EXAMPLES
from conftest import CORPUS, values_only
from helpers import ANNEX_004_HEADER, corpus


def tables_of(text: str):
    return parse_tables(SourceText(normalise(text)))


def assert_spans(source: SourceText, tables) -> None:
    for table in tables:
        assert source.text[table.evidence.start : table.evidence.end] == table.evidence.raw
        for row in table.rows:
            assert source.text[row.evidence.start : row.evidence.end] == row.evidence.raw
            for cell in row.cells:
                if cell.text:
                    assert cell.evidence.raw == cell.text or " ".join(cell.evidence.raw.split()) == cell.text
                else:
                    assert cell.evidence is None


# --- vocabulary examples -------------------------------------------------------------------------


@pytest.mark.parametrize(("label", "expected"), TOTAL_EXAMPLES)
def test_total_examples(label, expected):
    assert is_total_row(["", label, "12"]) is expected


@pytest.mark.parametrize(("line", "expected"), UNIT_EXAMPLES)
def test_unit_examples(line, expected):
    assert unit_of(line) == expected


@pytest.mark.parametrize(("line", "expected"), TITLE_EXAMPLES)
def test_title_examples(line, expected):
    assert is_title_line(line) is expected


# --- what is a table -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("a\tb\nc\td", 1),
        ("a\tb", 0),  # one row is not a table
        ("Số: 12/KH-UBND\tCao Lâu, ngày 5 tháng 3 năm 2024\nKẾ HOẠCH", 0),  # the docx header block
        ("\tCăn cứ Quyết định số 1/QĐ-UBND;\n\tCăn cứ Nghị quyết số 2/NQ-HĐND;", 0),  # tab-indented prose
        ("| a | b |\n|---|---|\n| 1 | 2 |", 1),
        ("| a | b |\n| :--- | ---: |\n| 1 | 2 |\n| 3 | 4 |", 1),
        ("a\tb\n1\t2\n\nvăn bản\n\nc\td\n3\t4", 2),
        ("a\tb\n\n1\t2", 1),  # a blank line inside a table does not split it
        ("Giá | 1 người\nkhông phải bảng", 0),  # one pipe in prose
    ],
)
def test_what_is_a_table(text, count):
    assert len(tables_of(text)) == count


def test_pipe_table_cells_and_separator_row_skipped():
    (table,) = tables_of("| TT | Nội dung |\n|---|---|\n| 1 | Dự án 1 |\n| 2 | Dự án 3 |")
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["TT", "Nội dung"],
        ["1", "Dự án 1"],
        ["2", "Dự án 3"],
    ]
    assert table.header == ["TT", "Nội dung"]


# --- header, totals, numbers, money ------------------------------------------------------------


MONEY_TABLE = """BIỂU TỔNG HỢP KINH PHÍ NĂM 2025
ĐVT: triệu đồng
TT\tNội dung\tKinh phí\tSố hộ
1\tDự án 1\t1.080\t40
2\tDự án 3\t380,5\t12
\tTổng cộng\t1.460,5\t52
"""


def test_unit_line_above_makes_money_but_not_counts_or_row_numbers():
    (table,) = tables_of(MONEY_TABLE)
    assert table.unit == "triệu đồng"
    assert table.title == "BIỂU TỔNG HỢP KINH PHÍ NĂM 2025"
    first = table.rows[1].cells
    assert first[2].number == Decimal("1080") and first[2].amount_vnd == 1_080_000_000
    assert first[0].amount_vnd is None  # TT column
    assert first[3].number == Decimal("40") and first[3].amount_vnd is None  # 'Số hộ' counts
    assert table.rows[2].cells[2].amount_vnd == 380_500_000
    total = table.rows[3]
    assert total.is_total and not total.is_header
    assert total.cells[2].amount_vnd == 1_460_500_000


def test_column_unit_in_header_and_column_numbering_row():
    text = "TT\tNội dung\tKinh phí (triệu đồng)\tTỷ lệ (%)\n(1)\t(2)\t(3)\t(4)\n1\tTiểu dự án 1\t200\t50\n2\tTiểu dự án 2\t2,5\t50"
    (table,) = tables_of(text)
    assert [row.is_header for row in table.rows] == [True, True, False, False]
    assert table.header == ["TT", "Nội dung", "Kinh phí (triệu đồng)", "Tỷ lệ (%)"]
    assert table.rows[2].cells[2].amount_vnd == 200_000_000
    assert table.rows[3].cells[2].amount_vnd == 2_500_000
    assert table.rows[2].cells[3].amount_vnd is None
    assert table.unit is None


@pytest.mark.parametrize(
    ("unit_line", "amount"),
    [
        ("Đơn vị tính: đồng", 150),
        ("(Đơn vị tính: 1.000 đồng)", 150_000),
        ("ĐVT: Tỷ đồng", 150_000_000_000),
        ("ĐVT : nghìn đồng", 150_000),
        ("ĐVT: hộ", None),  # not money
    ],
)
def test_unit_lines(unit_line, amount):
    (table,) = tables_of(f"{unit_line}\nTT\tNội dung\tSố tiền\n1\tHỗ trợ giống\t150\n2\tTập huấn\t20")
    assert table.rows[1].cells[2].amount_vnd == amount


def test_unit_in_a_header_cell():
    (table,) = tables_of("Nội dung\tĐVT: triệu đồng\nHỗ trợ\t45\nTập huấn\t5")
    assert table.unit == "triệu đồng"
    assert table.rows[1].cells[1].amount_vnd == 45_000_000


def test_no_unit_no_money():
    (table,) = tables_of("Nội dung\tKinh phí\nHỗ trợ\t45\nTập huấn\t5")
    assert table.rows[1].cells[1].number == Decimal("45")
    assert table.rows[1].cells[1].amount_vnd is None


def test_words_only_table_has_one_header_row():
    (table,) = tables_of("TT\tNhiệm vụ\tĐơn vị chủ trì\n1\tTuyên truyền\tCông chức VH-XH\n2\tRà soát\tBan chỉ đạo")
    assert [row.is_header for row in table.rows] == [True, False, False]


def test_cells_are_squashed_and_empty_cells_have_no_evidence():
    source = SourceText(normalise("Số  hộ   nghèo\tGhi chú\n 12 \t\n13\tmới"))
    (table,) = parse_tables(source)
    assert table.header == ["Số hộ nghèo", "Ghi chú"]
    cell, empty = table.rows[1].cells
    assert cell.text == "12" and cell.evidence.raw == "12" and cell.number == Decimal("12")
    assert empty.text == "" and empty.evidence is None
    assert_spans(source, [table])


def test_percent_cell_is_a_number():
    (table,) = tables_of("Thôn\tTỷ lệ\nThôn Tô\t2,66%\nThôn Chợ\t5%")
    assert table.rows[1].cells[1].number == Decimal("2.66")


def test_title_skips_parenthetical_line_and_stops_at_body_text():
    text = (
        "Trên đây là kế hoạch của xã.\n\nPHỤ LỤC\nDANH SÁCH HỘ NGHÈO\n(Kèm theo Kế hoạch số 12/KH-UBND)\n"
        "TT\tHọ và tên\n1\tNguyễn Văn An\n2\tLò Thị Bình"
    )
    (table,) = tables_of(text)
    assert table.title == "PHỤ LỤC DANH SÁCH HỘ NGHÈO"


def test_title_wrapped_over_lines():
    text = "Trên đây là kế hoạch.\nBiểu 01: Chỉ tiêu giảm nghèo\ncủa từng thôn\nTT\tThôn\n1\tThôn Tô"
    assert tables_of(text)[0].title == "Biểu 01: Chỉ tiêu giảm nghèo của từng thôn"
    assert tables_of("Trên đây là kế hoạch của xã.\nTT\tThôn\n1\tThôn Tô")[0].title is None
    upper = "CHỈ TIÊU GIẢM NGHÈO\nCỦA TỪNG THÔN NĂM 2024\n(kèm theo kế hoạch\nsố 16/KH-UBND)\nTT\tThôn\n1\tThôn Tô"
    assert tables_of(upper)[0].title == "CHỈ TIÊU GIẢM NGHÈO CỦA TỪNG THÔN NĂM 2024"


# --- the corpus ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def annex():
    source = read(CORPUS / "004_c0fdcc1763c22669.txt")
    return source, parse_tables(source)


def test_004_has_one_table_the_village_annex(annex):
    source, tables = annex
    assert len(tables) == 1
    table = tables[0]
    assert table.title == (
        "CHỈ TIÊU GIẢM NGHÈO CỤ THỂ CỦA TỪNG THÔN NĂM 2024 VÀ PHÂN CÔNG CÁN BỘ CỦA BAN CHỈ ĐẠO PHỤ TRÁCH"
    )
    assert table.header == ANNEX_004_HEADER
    assert len(table.rows) == 13
    assert [row.is_header for row in table.rows].count(True) == 1
    assert [row.index for row in table.rows if row.is_total] == [12]
    assert_spans(source, tables)


def test_004_annex_values(annex):
    table = annex[1][0]
    total = table.rows[12]
    assert [cell.number for cell in total.cells[2:6]] == [67, 23, 57, 35]
    assert total.cells[1].text == "Tổng"
    to = next(row for row in table.rows if row.cells[1].text == "Thôn Tô")
    assert [cell.number for cell in to.cells[2:6]] == [8, 3, 9, 6]
    assert to.cells[6].text == "Ông: Đỗ Thị Nga"
    binh_hoa_3 = table.rows[2]
    assert binh_hoa_3.cells[1].text == "Thôn Bình Hòa 3"
    assert binh_hoa_3.cells[3].text == "" and binh_hoa_3.cells[3].evidence is None
    # the village rows add up to the total row, column by column
    for column in range(2, 6):
        assert sum(row.cells[column].number or 0 for row in table.rows[1:12]) == total.cells[column].number
    assert all(cell.amount_vnd is None for row in table.rows for cell in row.cells)  # no money unit


@pytest.mark.parametrize("stem", ["000_2753d8804e160cef", "001_392ebb208e9b84ed", "002_42669df7d5de7ac5", "003_f7ad3d8867b8a9a5"])
def test_other_samples_have_no_table(stem):
    assert parse_tables(read(CORPUS / f"{stem}.txt")) == []


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
@pytest.mark.parametrize("stem", ["000_2753d8804e160cef", "001_392ebb208e9b84ed", "004_c0fdcc1763c22669"])
def test_same_tables_in_every_format(stem, suffix):
    expected = values_only([table.model_dump() for table in parse_tables(read(CORPUS / f"{stem}.txt"))])
    source = corpus(stem, suffix.lstrip("."))
    tables = parse_tables(source)
    assert values_only([table.model_dump() for table in tables]) == expected
    assert_spans(source, tables)
