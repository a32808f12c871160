"""Cited documents: one record per numbered document, with its type, date and issuer where stated."""

import pytest

from extractor.parsers.references import normalise_issuer, parse_references
from extractor.readers import read
from extractor.text import SourceText, normalise
from extractor.vocab.documents import ISSUER_EXAMPLES
from conftest import CORPUS


def references_of(text: str):
    source = SourceText(normalise(text))
    references = parse_references(source)
    for reference in references:
        for evidence in [reference.evidence] + [
            field.evidence for field in (reference.so_hieu, reference.doc_type, reference.issue_date, reference.issuer) if field
        ]:
            assert source.text[evidence.start:evidence.end] == evidence.raw
    return references


def row(reference):
    return (
        reference.doc_type.value if reference.doc_type else None,
        reference.so_hieu.value,
        reference.issue_date.value.iso if reference.issue_date else None,
        reference.issuer.value if reference.issuer else None,
    )


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (
            "Căn cứ Kế hoạch số 599/KH-UBND ngày 16/3/2022, số 989/KH-UBND ngày 05/5/2022, số 1177/KH-UBND "
            "ngày 11/5/2023 của UBND thành phố Lai Châu về việc thực hiện;",
            [
                ("Kế hoạch", "599/KH-UBND", "2022-03-16", "UBND thành phố Lai Châu"),
                ("Kế hoạch", "989/KH-UBND", "2022-05-05", "UBND thành phố Lai Châu"),
                ("Kế hoạch", "1177/KH-UBND", "2023-05-11", "UBND thành phố Lai Châu"),
            ],
        ),
        (
            "Nghị quyết số 47-NQ/TU, ngày 09/9/2021 của Ban chấp hành Đảng bộ tỉnh; tiếp theo",
            [("Nghị quyết", "47-NQ/TU", "2021-09-09", "Ban chấp hành Đảng bộ tỉnh")],
        ),
        (
            "Quyết định số 2068/QĐ-UBND ngày 12/12/2023 của UBND tỉnh; Nghị quyết số 48/NQ-HĐND ngày 08/12/2023 của HĐND tỉnh đảm bảo",
            [("Quyết định", "2068/QĐ-UBND", "2023-12-12", "UBND tỉnh"), ("Nghị quyết", "48/NQ-HĐND", "2023-12-08", "HĐND tỉnh")],
        ),
        (
            "Căn cứ Công văn số 5114/UBND-TH ngày 28/12/2023 của UBND tỉnh Lai Châu về việc thông báo",
            [("Công văn", "5114/UBND-TH", "2023-12-28", "UBND tỉnh Lai Châu")],
        ),
        (
            "được Thủ tướng Chính phủ phê duyệt tại Quyết định số 90/QĐ-TTg ngày 18/01/2022 vào điều kiện",
            [("Quyết định", "90/QĐ-TTg", "2022-01-18", None)],
        ),
        (
            "theo Nghị quyết số 24/2021/QH15 của Quốc hội và Nghị quyết số 47-NQ/TU, ngày 09/9/2021 của Ban Chấp hành Đảng bộ tỉnh.",
            [("Nghị quyết", "24/2021/QH15", None, "Quốc hội"), ("Nghị quyết", "47-NQ/TU", "2021-09-09", "Ban Chấp hành Đảng bộ tỉnh")],
        ),
        (
            "theo Quyết định số 14/2012/QĐ-TTg ngày 01/3/2012 của Thủ tướng Chính phủ đảm bảo đầy đủ",
            [("Quyết định", "14/2012/QĐ-TTg", "2012-03-01", "Thủ tướng Chính phủ")],
        ),
        (
            "tuyên truyền Nghị quyết 42-NQ/TW của BCH Trung ương Đảng (Khóa XIII) về tiếp tục",
            [("Nghị quyết", "42-NQ/TW", None, "BCH Trung ương Đảng")],
        ),
        (
            "đã được phê duyệt quyết định số 3202/QĐ-UBND ngày 31 tháng 10 năm 2023 về việc Phê duyệt",
            [("Quyết định", "3202/QĐ-UBND", "2023-10-31", None)],
        ),
        (
            "Thực hiện Quyết định số 65 /QĐ-UBND ngày 08 /01/2024 của UBND huyện về việc ban hành. "
            "Kế hoạch số 16/KH – UBND ngày 16 tháng 01 năm 2024 của UBND huyện Cẩm Thủy về Thực hiện",
            [("Quyết định", "65/QĐ-UBND", "2024-01-08", "UBND huyện"), ("Kế hoạch", "16/KH-UBND", "2024-01-16", "UBND huyện Cẩm Thủy")],
        ),
        (
            "Chương trình hành động số 56- CTr/TU ngày 10 tháng 01 năm 2024 của Tỉnh ủy Thanh Hóa về thực hiện",
            [("Chương trình", "56-CTr/TU", "2024-01-10", "Tỉnh ủy Thanh Hóa")],
        ),
        # A PDF text layer wraps a citation anywhere.
        (
            "Căn cứ Kế hoạch số\n599/KH-UBND ngày\n16/3/2022 của Ủy ban nhân dân\nthành phố Lai Châu về việc",
            [("Kế hoạch", "599/KH-UBND", "2022-03-16", "UBND thành phố Lai Châu")],
        ),
        (
            "Công văn số 87/LĐTBXH-VPQGGN ngày 10/01/2024 của Bộ Lao động - Thương binh và Xã hội về việc hướng dẫn",
            [("Công văn", "87/LĐTBXH-VPQGGN", "2024-01-10", "Bộ Lao động - Thương binh và Xã hội")],
        ),
        (
            "Căn cứ Thông tư số 46/2022/TT-BTC ngày 28/7/2022 của Bộ Tài chính quy định quản lý; "
            "Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ;",
            [("Thông tư", "46/2022/TT-BTC", "2022-07-28", "Bộ Tài chính"), ("Nghị định", "27/2022/NĐ-CP", "2022-04-19", "Chính phủ")],
        ),
        (
            "theo Văn bản số 123/UBND-VX ngày 02/02/2024 của Uỷ ban nhân dân Huyện Mường Tè.",
            [("Công văn", "123/UBND-VX", "2024-02-02", "UBND huyện Mường Tè")],
        ),
        # No type word: the symbol names it.
        ("vay vốn hỗ trợ làm nhà ở theo 33/2015/QĐ-TTg, vay hỗ trợ", [("Quyết định", "33/2015/QĐ-TTg", None, None)]),
        (
            "căn cứ Thông báo số 45/TB-UBND ngày 3/3/2024 của UBND huyện, Tờ trình số 7/TTr-LĐTBXH ngày 4/3/2024 "
            "của Phòng Lao động - Thương binh và Xã hội",
            [
                ("Thông báo", "45/TB-UBND", "2024-03-03", "UBND huyện"),
                ("Tờ trình", "7/TTr-LĐTBXH", "2024-03-04", "Phòng Lao động - Thương binh và Xã hội"),
            ],
        ),
        # ';' ends a citation: the issuer after the last two is not the first one's.
        (
            "Nghị quyết số 97/2022/NQ-HĐND ngày 08/7/2022; Nghị quyết số 143/2022/NQ-HĐND ngày 09/12/2022 và "
            "Nghị quyết số 249/2023/NQ-HĐND ngày 08/12/2023 của Hội đồng nhân dân tỉnh Lâm Đồng sửa đổi",
            [
                ("Nghị quyết", "97/2022/NQ-HĐND", "2022-07-08", None),
                ("Nghị quyết", "143/2022/NQ-HĐND", "2022-12-09", "HĐND tỉnh Lâm Đồng"),
                ("Nghị quyết", "249/2023/NQ-HĐND", "2023-12-08", "HĐND tỉnh Lâm Đồng"),
            ],
        ),
    ],
)
def test_citations(text, rows):
    assert [row(reference) for reference in references_of(text)] == rows


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        ("Quyết định số 1/QĐ-UBND ngày 7/3/2023 của UBND xã Cao Lâu\nBan chỉ đạo xã họp", "UBND xã Cao Lâu"),
        ("Quyết định số 1/QĐ-UBND của UBND tỉnh Lâm Đồng Về việc ban hành", "UBND tỉnh Lâm Đồng"),
        ("Nghị quyết số 1/NQ-TW của Ban Chấp hành\nTrung ương Đảng\nCăn cứ Luật Ngân sách", "Ban Chấp hành Trung ương Đảng"),
        ("Quyết định số 1/QĐ-BTC của Bộ Tài chính\n- Lưu: VT.", "Bộ Tài chính"),
        ("Quyết định số 1/QĐ-BKHĐT của Bộ Kế hoạch và Đầu tư về", "Bộ Kế hoạch và Đầu tư"),
        ("Quyết định số 1/QĐ-UBND của Ủy ban nhân dân huyện\nCao Lộc\nBan hành kèm theo", "UBND huyện Cao Lộc"),
    ],
)
def test_issuer_ends_where_the_next_sentence_or_item_begins(text, issuer):
    assert references_of(text)[0].issuer.value == issuer


@pytest.mark.parametrize(
    "text",
    [
        "đạt 8/10 thôn; 163 hộ/ 889 hộ, chiếm 18,34%; giai đoạn 2021-2025; ngày 16/3/2022",
        "Lưu: VT, P.LĐ-TBXH. (B/c)",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Nghị quyết về công tác giảm nghèo của Đảng ủy xã;",
        "mã 12/UBND ghi trên hồ sơ",  # neither a type word nor 'số'
        "theo Phụ lục số 01/PL-UBND kèm theo; Biểu số 02/BTXH; Mẫu 03/HN-LĐTBXH",
    ],
)
def test_not_citations(text):
    assert references_of(text) == []


def test_the_plans_own_number_is_not_a_citation():
    text = "Số: 12/KH-UBND\nHòa Bình, ngày 5 tháng 1 năm 2025\nKẾ HOẠCH\nGiảm nghèo\nCăn cứ Quyết định số 1/QĐ-UBND ngày 2/1/2025;\n"
    assert [row(reference)[1] for reference in references_of(text)] == ["1/QĐ-UBND"]


def test_the_issuing_statement_of_a_plan_without_header_is_not_a_citation():
    text = "Ngày 27/3/2023, UBND huyện đã ban hành Kế hoạch số 47/KH- UBND về giảm nghèo\nKẾ HOẠCH\nGiảm nghèo\nNghị quyết số 21/NQ-HĐND ngày 30/12/2022 của Hội đồng nhân dân huyện về\n"
    assert [row(reference) for reference in references_of(text)] == [("Nghị quyết", "21/NQ-HĐND", "2022-12-30", "HĐND huyện")]


@pytest.mark.parametrize("number_line", ["Số: 12/KH-UBND", "Số: /KH-UBND"])
def test_the_annex_line_of_the_same_plan_is_not_a_citation(number_line):
    text = (f"{number_line}\nKẾ HOẠCH\nGiảm nghèo\nTM. ỦY BAN NHÂN DÂN\n\nPHỤ LỤC\n"
            "(kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND xã Hòa Bình)\n"
            "Danh sách kèm theo Quyết định số 7/QĐ-UBND ngày 2/1/2025\n")
    assert [row(reference)[1] for reference in references_of(text)] == ["7/QĐ-UBND"]


def test_a_repeated_citation_is_one_record_filled_from_later_mentions():
    text = ("Quyết định số 12/QĐ-UBND ngày 1/2/2024 về việc thành lập. "
            "Sau đó thực hiện Quyết định số 12/QĐ-UBND ngày 1/2/2024 của UBND xã An Phú được")
    [reference] = references_of(text)
    assert row(reference) == ("Quyết định", "12/QĐ-UBND", "2024-02-01", "UBND xã An Phú")
    assert reference.evidence.start == 0  # the first mention's evidence


def test_same_number_with_two_dates_is_two_documents():
    text = "Quyết định số 12/QĐ-UBND ngày 1/2/2024 của UBND xã; Quyết định số 12/QĐ-UBND ngày 5/6/2023 của UBND huyện"
    assert [row(reference)[2:] for reference in references_of(text)] == [("2024-02-01", "UBND xã"), ("2023-06-05", "UBND huyện")]


def test_reference_number_and_symbol():
    [reference] = references_of("Căn cứ Quyết định số 14/2012/QĐ-TTg ngày 01/3/2012;")
    assert (reference.number, reference.symbol, reference.evidence.raw) == ("14", "QĐ-TTg", "Quyết định số 14/2012/QĐ-TTg ngày 01/3/2012")


@pytest.mark.parametrize(("after", "issuer"), ISSUER_EXAMPLES)
def test_issuer_examples(after, issuer):
    [reference] = references_of(f"Quyết định số 1/QĐ-UBND ngày 2/1/2024 {after}")
    assert reference.issuer.value == issuer


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("Ủy ban nhân dân huyện Cao Lộc", "UBND huyện Cao Lộc"),
        ("ỦY BAN NHÂN DÂN Tỉnh Lai Châu", "UBND tỉnh Lai Châu"),
        ("Hội đồng nhân dân\nthành phố Lai Châu", "HĐND thành phố Lai Châu"),
        ("UBND các xã", "UBND các xã"),
        ("Thủ tướng  Chính phủ", "Thủ tướng Chính phủ"),
    ],
)
def test_normalise_issuer(written, stored):
    assert normalise_issuer(written) == stored


# Counted by reading each sample: every distinct numbered document it cites, the plan's own number excluded.
CORPUS_COUNTS = {
    "000_2753d8804e160cef": 15,
    "001_392ebb208e9b84ed": 6,
    "002_42669df7d5de7ac5": 2,
    "003_f7ad3d8867b8a9a5": 7,
    "004_c0fdcc1763c22669": 6,
}
CORPUS_ROWS = {
    "000_2753d8804e160cef": [
        ("Kế hoạch", "122/KH-UBND", "2024-03-20", "UBND huyện Cao Lộc"),
        ("Kế hoạch", "331/KH-UBND", "2022-03-25", None),
        ("Nghị quyết", "47-NQ/TU", "2021-09-09", "Ban chấp hành Đảng bộ tỉnh"),
        ("Nghị quyết", "24/2021/QH15", None, "Quốc hội"),
    ],
    "001_392ebb208e9b84ed": [
        ("Công văn", "5114/UBND-TH", "2023-12-28", "UBND tỉnh Lai Châu"),
        ("Kế hoạch", "989/KH-UBND", "2022-05-05", "UBND thành phố Lai Châu"),
        ("Quyết định", "284/QĐ-UBND", "2022-04-06", "UBND thành phố"),
    ],
    "002_42669df7d5de7ac5": [
        ("Nghị quyết", "21/NQ-HĐND", "2022-12-30", "HĐND huyện"),
        ("Quyết định", "33/2015/QĐ-TTg", None, None),
    ],
    "003_f7ad3d8867b8a9a5": [
        ("Kế hoạch", "70/KH-UBND", "2025-04-25", "UBND huyện"),
        ("Nghị quyết", "143/2022/NQ-HĐND", "2022-12-09", "HĐND tỉnh Lâm Đồng"),
    ],
    "004_c0fdcc1763c22669": [
        ("Kế hoạch", "16/KH-UBND", "2024-01-16", "UBND huyện Cẩm Thủy"),
        ("Nghị quyết", "42-NQ/TW", None, "BCH Trung ương Đảng"),
        ("Nghị quyết", "121/NQ-HĐND", "2021-10-11", "HĐND tỉnh"),
    ],
}


@pytest.mark.parametrize("stem", sorted(CORPUS_COUNTS))
def test_corpus_references(stem):
    references = parse_references(read(CORPUS / f"{stem}.txt"))
    rows = [row(reference) for reference in references]
    assert len(rows) == CORPUS_COUNTS[stem]
    assert len({r[1] for r in rows}) == len(rows)
    for expected in CORPUS_ROWS[stem]:
        assert expected in rows


@pytest.mark.parametrize("stem", sorted(CORPUS_COUNTS))
def test_same_references_from_docx(stem):
    from_docx = [row(reference) for reference in parse_references(read(CORPUS / f"{stem}.docx"))]
    assert from_docx == [row(reference) for reference in parse_references(read(CORPUS / f"{stem}.txt"))]


# --- found by tests/test_fuzz.py -------------------------------------------------------------------


def test_a_blank_template_date_keeps_the_issuer_after_it():
    text = "Căn cứ Kế hoạch số 12/KH-UBND ngày …/…/2024 của UBND xã Cao Lâu;"
    assert [row(reference) for reference in references_of(text)] == [
        ("Kế hoạch", "12/KH-UBND", "2024", "UBND xã Cao Lâu")
    ]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # Each took from seconds to a minute before the white space was matched possessively.
        (
            "Căn cứ Quyết định số 12/QĐ-UBND" + " " * 8000 + "ngày 5/3/2024 của UBND xã Cao Lâu;",
            [("Quyết định", "12/QĐ-UBND", "2024-03-05", "UBND xã Cao Lâu")],
        ),
        (
            "Căn cứ Kế hoạch số 599/KH-UBND" + " " * 8000 + "và số 989/KH-UBND của UBND huyện Đức Trọng;",
            [("Kế hoạch", "599/KH-UBND", None, "UBND huyện Đức Trọng"),
             ("Kế hoạch", "989/KH-UBND", None, "UBND huyện Đức Trọng")],
        ),
        (
            "Căn cứ Quyết định số 12/QĐ-UBND của Bộ Tài" + " " * 4000 + "\n" + " " * 4000 + "chính;",
            [("Quyết định", "12/QĐ-UBND", None, "Bộ Tài chính")],
        ),
    ],
)
def test_long_runs_of_white_space_inside_a_citation(text, rows):
    assert [row(reference) for reference in references_of(text)] == rows
