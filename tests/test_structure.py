"""Text structure: paragraphs of wrapped PDFs, clauses for amounts and targets, sentences for statistics."""

import pytest

from extractor.parsers.tables import parse_tables
from extractor.structure import LIST_MARKER_RE, Paragraphs, paragraph_ends, sentence_spans
from extractor.text import SourceText
from helpers import as_pdf, source

# --- paragraphs ----------------------------------------------------------------------------------


def test_each_line_is_a_paragraph_in_text_and_word():
    text = "Dòng một\nDòng hai.\n\nDòng ba."
    assert paragraph_ends(source(text)) == [8, 18, 19]


def test_a_paragraph_cut_by_a_page_break_goes_on():
    text = "Phấn đấu năm 2024 toàn xã\n\nkhông có hộ tái nghèo.\nb) Mục tiêu"
    assert paragraph_ends(source(text)) == [text.index("\nb)")]


def test_wrapped_pdf_lines_join_until_a_short_line_or_a_heading():
    long_line = "Thực hiện có hiệu quả các chính sách hỗ trợ giảm nghèo trên địa bàn toàn xã, đảm bảo"
    text = f"{long_line}\nđúng đối tượng, đúng quy định.\nNgắn\n- Gạch đầu dòng\n2. Mục tiêu\nCHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA\nGIẢM NGHÈO"
    src = SourceText(text, page_starts=(0,))
    ends = paragraph_ends(src)
    assert text.index("\nđúng") not in ends
    assert text.index("\nNgắn") in ends and text.index("\n- Gạch") in ends and text.index("\n2. Mục") in ends
    assert text.index("\nGIẢM") not in ends


def test_paragraph_at_an_offset():
    text = "Dòng một\nDòng hai.\n\nDòng ba."
    paragraphs = Paragraphs(source(text))
    assert [paragraphs.at(text.index(word)) for word in ("một", "hai", "ba")] == [(0, 8), (9, 18), (20, 28)]


# --- clauses: a ';' ends one ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "at", "clause"),
    [
        ("Năm 2023 số kinh phí phân bổ là 1.080 triệu đồng cho 2 dự án. Các dự án đã triển khai.", "1.080", "Năm 2023 số kinh phí phân bổ là 1.080 triệu đồng cho 2 dự án."),
        ("đ) Nguồn vốn thực hiện: Dự kiến 530 triệu đồng.\ne) Đơn vị", "530", "Nguồn vốn thực hiện: Dự kiến 530 triệu đồng."),
        ("- Giảm 0,5%. Phấn đấu giảm 206 hộ, tỷ lệ giảm 0,52%; hộ cận nghèo giảm 249 hộ.", "206", "Phấn đấu giảm 206 hộ, tỷ lệ giảm 0,52%;"),
        ("Thời gian: năm 2024.\nđ) Nguồn vốn", "2024", "Thời gian: năm 2024."),
    ],
)
def test_clause_at(text, at, clause):
    src = source(text)
    start, end = Paragraphs(src).clause_at(text.index(at))
    assert src.text[start:end] == clause


def test_a_clause_runs_over_pdf_line_wraps():
    text = "2. Kinh phí\nNguồn vốn thực hiện năm 2024 của xã Hòa Bình: dự kiến 530 triệu đồng; nguồn khác 20 triệu đồng."
    src = as_pdf(text, width=40)
    start, end = Paragraphs(src).clause_at(src.text.index("530"))
    assert " ".join(src.text[start:end].split()) == "Nguồn vốn thực hiện năm 2024 của xã Hòa Bình: dự kiến 530 triệu đồng;"


# --- sentences: a ';' does not end one -----------------------------------------------------------


def spans_of(text: str) -> list[str]:
    src = source(text)
    return [src.text[start:end] for start, end in sentence_spans(src, parse_tables(src))]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Toàn xã có 245 hộ nghèo, chiếm 12,5%; 180 hộ cận nghèo. Năm 2024 giảm 20 hộ.",
            ["Toàn xã có 245 hộ nghèo, chiếm 12,5%; 180 hộ cận nghèo.", "Năm 2024 giảm 20 hộ."],
        ),
        ("Tỷ lệ 8,90%. giảm 9,44% so với năm 2022.", ["Tỷ lệ 8,90%. giảm 9,44% so với năm 2022."]),
        (
            "Các thôn gồm\n- thôn Tô: 3 hộ;\n+ thôn Chợ: 2 hộ\na) mục tiêu\n2) nhiệm vụ\n2.1 giải pháp",
            ["Các thôn gồm", "- thôn Tô: 3 hộ;", "+ thôn Chợ: 2 hộ", "a) mục tiêu", "2) nhiệm vụ", "2.1 giải pháp"],
        ),
        ("Phấn đấu năm 2024 toàn\nxã không có hộ tái nghèo.", ["Phấn đấu năm 2024 toàn\nxã không có hộ tái nghèo."]),
        ("Đoạn một\n\nĐoạn hai\n\nvẫn đoạn hai", ["Đoạn một", "Đoạn hai\n\nvẫn đoạn hai"]),
    ],
)
def test_sentence_spans(text, sentences):
    assert spans_of(text) == sentences


def test_table_rows_are_left_out_of_sentences():
    text = "Biểu tổng hợp.\nTT\tThôn\tSố hộ nghèo\n1\tTô\t8\nGhi chú: số liệu năm 2023."
    assert spans_of(text) == ["Biểu tổng hợp.", "Ghi chú: số liệu năm 2023."]


# --- list markers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "stripped"),
    [("- Kinh phí", "Kinh phí"), ("II. KINH PHÍ", "KINH PHÍ"), ("2.3. Nguồn vốn", "Nguồn vốn"), ("đ) + Vốn", "Vốn"),
     ("● Vốn", "Vốn"), ("2024 trên địa bàn", "2024 trên địa bàn")],
)
def test_list_markers_are_stripped_from_labels(label, stripped):
    assert LIST_MARKER_RE.sub("", label) == stripped


# --- long runs of white space (found by the scanner of quadratic patterns) -------------------------
# Each took from one to several seconds at 8,000 characters before its fix; the results are asserted.


def test_paragraph_ends_over_thousands_of_blank_lines():
    src = source("Mục tiêu." + "\n" * 8000 + "Giảm nghèo.")
    assert paragraph_ends(src) == list(range(9, 8009))
    # a sentence cut by blank lines goes on when the next line opens in lower case, in every format
    cut = "Giảm nghèo bền vững" + "\n" * 8000 + "đến năm 2025."
    assert paragraph_ends(source(cut)) == []
    assert paragraph_ends(SourceText(cut, page_starts=(0,))) == []


def test_sentences_over_long_runs_of_spaces_and_blank_lines():
    assert spans_of("a." + " " * 8000 + "b") == ["a." + " " * 8000 + "b"]  # a lower-case word goes on
    assert spans_of("a" + " " * 4000 + "\n\n" + " " * 4000 + "B") == ["a", "B"]
    assert spans_of("a" + "\n" * 8000 + "B") == ["a", "B"]
    assert spans_of("\t" * 8000) == []


def test_clauses_of_a_long_paragraph_of_amounts():
    src = source("Kinh phí: " + "1 triệu đồng; " * 3000)
    paragraphs = Paragraphs(src)
    at = src.text.index("1", 10 + 14 * 1500)
    assert src.text[slice(*paragraphs.clause_at(at))] == "1 triệu đồng;"
    assert src.text[slice(*paragraphs.clause_at(3))] == "Kinh phí: 1 triệu đồng;"
