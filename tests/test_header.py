"""The header parser on the corpus and on header blocks written the ways other offices write them."""

import pytest

from extractor.parsers.bodies import find_local_bodies
from extractor.parsers.dates import parse_date
from extractor.parsers.header import parse_header
from extractor.readers import read
from extractor.text import SourceText, normalise
from extractor.vocab.admin_units import LEVEL_EXAMPLES
from extractor.vocab.documents import DOC_TYPE_ALIASES, DOC_TYPES, SIGNATURE_MARKS, SIGNER_TITLES
from extractor.vocab.place_names import NAME_END_EXAMPLES, OPENING_PHRASES
from conftest import CORPUS

NUMBERS = ("doc_type", "number", "symbol", "so_hieu", "issue_place", "plan_year")
UNITS = ("issuer", "province", "district", "commune", "signer", "signer_capacity")


def header_of(text: str):
    source = SourceText(normalise(text))
    header = parse_header(source)
    for name, field in header:
        if hasattr(field, "evidence"):
            assert source.text[field.evidence.start:field.evidence.end] == field.evidence.raw, name
    return header


def values(header, names):
    return {name: getattr(header, name).value if getattr(header, name) else None for name in names}


# Read from the documents by hand: 000 and 004 are drafts with blank numbers and days;
# 001's plan for 2024 was issued in December 2023; 002 has no header block, its number and
# date are in the sentence before the heading; 003 has neither number nor date line.
CORPUS_HEADERS = {
    "000_2753d8804e160cef": dict(
        doc_type="Kế hoạch", number=None, symbol="KH-UBND", so_hieu=None, issue_place="Cao Lâu", plan_year=2024,
        issuer="UBND xã Cao Lâu", province=None, district="Cao Lộc", commune="Cao Lâu",
        signer="Hoàng Văn Điều", signer_capacity="TM. ỦY BAN NHÂN DÂN - CHỦ TỊCH",
        level="xa", blank=True, date="2024-05",
        title="Thực hiện Chương trình Mục tiêu quốc gia giảm nghèo bền vững năm 2024 trên địa bàn xã Cao Lâu",
    ),
    "001_392ebb208e9b84ed": dict(
        doc_type="Kế hoạch", number="4159", symbol="KH-UBND", so_hieu="4159/KH-UBND",
        issue_place="Thành phố Lai Châu", plan_year=2024,
        issuer="UBND thành phố Lai Châu", province="Lai Châu", district="Lai Châu", commune=None,
        signer="Trần Đình Tiến", signer_capacity="TM. ỦY BAN NHÂN DÂN - KT. CHỦ TỊCH - PHÓ CHỦ TỊCH",
        level="huyen", blank=False, date="2023-12-29",
        title="Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững trên địa bàn thành phố năm 2024",
    ),
    "002_42669df7d5de7ac5": dict(
        doc_type="Kế hoạch", number="47", symbol="KH-UBND", so_hieu="47/KH-UBND", issue_place=None, plan_year=2023,
        issuer="UBND huyện", province=None, district=None, commune=None, signer=None, signer_capacity=None,
        level="huyen", blank=False, date="2023-03-27", title="Thực hiện công tác giảm nghèo năm 2023",
    ),
    "003_f7ad3d8867b8a9a5": dict(
        doc_type="Kế hoạch", number=None, symbol=None, so_hieu=None, issue_place=None, plan_year=2025,
        issuer="UBND xã Đa Quyn", province="Lâm Đồng", district="Đức Trọng", commune="Đa Quyn",
        signer="Nguyễn Văn Dương", signer_capacity="TM. ỦY BAN NHÂN DÂN - CHỦ TỊCH",
        level="xa", blank=False, date=None,
        title="Triển khai thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững trên địa bàn "
        "trên địa bàn xã Đa Quyn năm 2025",
    ),
    "004_c0fdcc1763c22669": dict(
        doc_type="Kế hoạch", number=None, symbol="KH-UBND", so_hieu=None, issue_place="Cẩm Bình", plan_year=2024,
        issuer="UBND xã Cẩm Bình", province="Thanh Hóa", district="Cẩm Thủy", commune="Cẩm Bình",
        signer="Đỗ Văn Liên", signer_capacity="CHỦ TỊCH", level="xa", blank=True, date="2024-02",
        title="Thực hiện Chương trình MTQG giảm nghèo bền vững năm 2024",
    ),
}


@pytest.mark.parametrize("stem", sorted(CORPUS_HEADERS))
def test_corpus_header(stem):
    expected = CORPUS_HEADERS[stem]
    source = read(CORPUS / f"{stem}.txt")
    header = parse_header(source)
    assert values(header, NUMBERS + UNITS) == {name: expected[name] for name in NUMBERS + UNITS}
    assert header.issuer_level == expected["level"]
    assert header.number_blank is expected["blank"]
    assert (header.issue_date.value.iso if header.issue_date else None) == expected["date"]
    assert header.title.value == expected["title"]
    for name, field in header:
        if hasattr(field, "evidence"):
            assert source.text[field.evidence.start:field.evidence.end] == field.evidence.raw, name


# .pdf agrees too (checked by tests/test_corpus.py); reading the PDFs would take this file past 5 s.
@pytest.mark.parametrize("stem", sorted(CORPUS_HEADERS))
def test_same_header_from_docx(stem):
    header = parse_header(read(CORPUS / f"{stem}.docx"))
    text_header = parse_header(read(CORPUS / f"{stem}.txt"))
    assert values(header, NUMBERS + UNITS + ("title", "issue_date")) == values(
        text_header, NUMBERS + UNITS + ("title", "issue_date")
    )


WORD_HEADER = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ HÒA BÌNH\tĐộc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND\tHòa Bình, ngày 05 tháng 01 năm 2025
KẾ HOẠCH
THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG
NĂM 2025
Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;
I. MỤC TIÊU
"""

# The same kind of header as a PDF text layer gives it: the two columns merged line by line.
PDF_HEADER = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN ĐỨC TRỌNG Độc lập - Tự do - Hạnh phúc
Số: 70/KH – UBND Đức Trọng, ngày 25 tháng 4
năm 2025
KẾ HOẠCH
Triển khai công tác giảm nghèo trên địa bàn huyện giai
đoạn 2021-2025
Căn cứ Nghị quyết số 01/NQ-HĐND ngày 1/1/2025 của HĐND tỉnh Lâm Đồng;
I. MỤC ĐÍCH
3. Thời gian thực hiện: Năm 2025.
Nơi nhận: TM. ỦY BAN NHÂN DÂN
- Như trên; KT. CHỦ TỊCH
- Lưu: VT. PHÓ CHỦ TỊCH

Nguyễn Thị Hoa
"""

PIPE_HEADER = """UBND HUYỆN CẨM THỦY | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
ỦY BAN NHÂN DÂN XÃ CẨM BÌNH | Độc lập - Tự do - Hạnh phúc
Số: …/KH-UBND | Cẩm Bình, ngày … tháng … năm 2024

KẾ HOẠCH
Giảm nghèo năm 2024 và định hướng đến năm 2030

Thực hiện Kế hoạch số 3/KH-UBND của UBND huyện;
Nơi nhận:\tT/M UBND XÃ
- Như trên;\tCHỦ TỊCH
- Lưu: VT.\t(Đã ký)
\tLò Văn Pấng
"""


def test_word_header_table_rows_joined_by_tabs():
    header = header_of(WORD_HEADER)
    assert values(header, NUMBERS + ("issuer", "commune", "title")) == dict(
        doc_type="Kế hoạch", number="12", symbol="KH-UBND", so_hieu="12/KH-UBND", issue_place="Hòa Bình",
        plan_year=2025, issuer="UBND xã Hòa Bình", commune="Hòa Bình",
        title="THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG NĂM 2025",
    )
    assert header.issuer_level == "xa"
    assert header.issue_date.value.iso == "2025-01-05"


def test_pdf_header_with_merged_columns_and_wrapped_lines():
    header = header_of(PDF_HEADER)
    assert values(header, NUMBERS + UNITS) == dict(
        doc_type="Kế hoạch", number="70", symbol="KH-UBND", so_hieu="70/KH-UBND", issue_place="Đức Trọng",
        plan_year=2025, issuer="UBND huyện Đức Trọng", province="Lâm Đồng", district="Đức Trọng", commune=None,
        signer="Nguyễn Thị Hoa", signer_capacity="TM. ỦY BAN NHÂN DÂN - KT. CHỦ TỊCH - PHÓ CHỦ TỊCH",
    )
    assert header.issue_date.value.iso == "2025-04-25"
    assert header.title.value == "Triển khai công tác giảm nghèo trên địa bàn huyện giai đoạn 2021-2025"


def test_parent_body_above_the_issuer_and_signature_beside_the_recipients():
    header = header_of(PIPE_HEADER)
    assert values(header, ("issuer", "district", "commune", "signer", "signer_capacity", "plan_year")) == dict(
        issuer="UBND xã Cẩm Bình", district="Cẩm Thủy", commune="Cẩm Bình", signer="Lò Văn Pấng",
        signer_capacity="TM. UBND XÃ - CHỦ TỊCH", plan_year=2024,
    )
    assert header.number_blank is True
    assert header.issue_date.value.iso == "2024"  # 'ngày … tháng … năm 2024': only the year is known


@pytest.mark.parametrize(
    ("number_line", "number", "symbol", "so_hieu", "blank"),
    [
        ("Số: 4159 /KH-UBND", "4159", "KH-UBND", "4159/KH-UBND", False),
        ("Số: 16/KH – UBND", "16", "KH-UBND", "16/KH-UBND", False),
        ("Số: /KH-UBND", None, "KH-UBND", None, True),
        ("Số: .../KH-UBND", None, "KH-UBND", None, True),
        ("Số:      /KH-UBND", None, "KH-UBND", None, True),
        ("Số: …/KH-UBND", None, "KH-UBND", None, True),
        ("Số 45-KH/HU", "45", "KH/HU", "45-KH/HU", False),
        ("Số: .../KH-UBND Cẩm Bình, ngày.... tháng 02 năm 2024", None, "KH-UBND", None, True),
    ],
)
def test_number_line(number_line, number, symbol, so_hieu, blank):
    header = header_of(f"{number_line}\nKẾ HOẠCH\nGiảm nghèo năm 2024\n")
    assert values(header, ("number", "symbol", "so_hieu")) == dict(number=number, symbol=symbol, so_hieu=so_hieu)
    assert header.number_blank is blank


@pytest.mark.parametrize(
    ("line", "place", "iso"),
    [
        ("Thành phố Lai Châu, ngày 29 tháng 12 năm 2023", "Thành phố Lai Châu", "2023-12-29"),
        ("Cao Lâu, ngày tháng 5 năm 2024", "Cao Lâu", "2024-05"),
        ("Cẩm Bình, ngày.... tháng 02 năm 2024", "Cẩm Bình", "2024-02"),
        ("TP. Hồ Chí Minh, ngày 3 tháng 4 năm 2024", "TP. Hồ Chí Minh", "2024-04-03"),
        ("Buôn Ma Thuột, ngày   tháng   năm 2025", "Buôn Ma Thuột", "2025"),
        ("Số: 7/KH-UBND\tĐắk Mil, ngày 9 tháng 9 năm 2022", "Đắk Mil", "2022-09-09"),
        ("Số: /KH-UBND Ea H'leo, ngày 1 tháng\n2 năm 2021", "Ea H'leo", "2021-02-01"),
    ],
)
def test_place_and_date_line(line, place, iso):
    header = header_of(f"{line}\nKẾ HOẠCH\nGiảm nghèo\n")
    assert header.issue_place.value == place
    assert header.issue_date.value.iso == iso


def test_no_place_date_line_gives_no_date_never_today():
    header = header_of("KẾ HOẠCH\nGiảm nghèo năm 2024\nCăn cứ Quyết định số 1/QĐ-UBND ngày 2/1/2024;\n")
    assert (header.issue_date, header.issue_place, header.number, header.number_blank) == (None, None, None, False)


def test_number_and_date_from_the_issuing_statement_before_the_heading():
    text = "Ngày 05/01/2025, UBND xã đã ban hành Kế hoạch số 12/KH- UBND về giảm nghèo\nKẾ HOẠCH\nGiảm nghèo năm 2025\n"
    header = header_of(text)
    assert values(header, ("number", "so_hieu", "issuer")) == dict(number="12", so_hieu="12/KH-UBND", issuer="UBND xã")
    assert header.issue_date.value == parse_date("05/01/2025")


def test_issuing_statement_with_the_date_after_the_number():
    text = "UBND huyện Mường Tè ban hành Kế hoạch số 3/KH-UBND ngày 4 tháng 1 năm 2024 như sau\nKẾ HOẠCH\nGiảm nghèo\n"
    header = header_of(text)
    assert (header.so_hieu.value, header.issue_date.value.iso) == ("3/KH-UBND", "2024-01-04")


def test_a_plan_cited_in_the_body_is_not_the_plans_own_number():
    text = "KẾ HOẠCH\nGiảm nghèo năm 2025\nI. MỤC TIÊU\nUBND huyện đã ban hành Kế hoạch số 5/KH-UBND ngày 3/3/2025 về\n"
    header = header_of(text)
    assert (header.number, header.so_hieu, header.issue_date) == (None, None, None)


@pytest.mark.parametrize(
    ("title_lines", "title", "year"),
    [
        ("Thực hiện Chương trình giảm nghèo năm 2024 trên địa\nbàn xã Cao Lâu", "Thực hiện Chương trình giảm nghèo năm 2024 trên địa bàn xã Cao Lâu", 2024),
        ("GIẢM NGHÈO BỀN VỮNG\nNĂM 2023", "GIẢM NGHÈO BỀN VỮNG NĂM 2023", 2023),
        ("Giảm nghèo năm 2024 và định hướng đến năm 2030", "Giảm nghèo năm 2024 và định hướng đến năm 2030", 2024),
        ("Giảm nghèo giai đoạn 2021 - 2025, tầm nhìn đến năm 2030", "Giảm nghèo giai đoạn 2021 - 2025, tầm nhìn đến năm 2030", None),
        ("Thực hiện Kế hoạch số 70/KH-UBND của UBND huyện năm 2025", "Thực hiện Kế hoạch số 70/KH-UBND của UBND huyện năm 2025", 2025),
    ],
)
def test_title_and_plan_year(title_lines, title, year):
    text = f"Số: 1/KH-UBND\nAn Phú, ngày 20 tháng 12 năm 2023\nKẾ HOẠCH\n{title_lines}\nThực hiện Quyết định số 2/QĐ-UBND;\nI. MỤC TIÊU\n"
    header = header_of(text)
    assert header.title.value == title
    assert (header.plan_year.value if header.plan_year else None) == year  # never 2023, the issue year


def test_a_title_wrapped_after_every_word_is_read_whole():
    # Found by tests/test_properties.py: a PDF may wrap a title on every word; its length bounds it, not its lines.
    title = "Thực hiện Chương trình Mục tiêu quốc gia giảm nghèo bền vững năm 2024 trên địa bàn xã Cao Lâu"
    wrapped = "Thực hiện Chương trình Mục\ntiêu\nquốc\ngia\ngiảm\nnghèo\nbền\nvững\nnăm 2024 trên địa bàn xã Cao Lâu"
    assert wrapped.replace("\n", " ") == title
    header = header_of(f"Số: 1/KH-UBND\nKẾ HOẠCH\n{wrapped}\nThực hiện Kế hoạch số 2/KH-UBND;\nI. MỤC TIÊU\n")
    assert (header.title.value, header.plan_year.value) == (title, 2024)


def test_plan_year_from_the_implementation_period_when_the_title_has_none():
    header = header_of("KẾ HOẠCH\nGiảm nghèo bền vững\nCăn cứ ...;\nIII. Thời gian thực hiện: Năm 2024.\n")
    assert header.plan_year.value == 2024


def test_a_plan_without_a_title_has_none():
    header = header_of("KẾ HOẠCH\nCăn cứ Quyết định số 2/QĐ-UBND ngày 1/1/2024;\nI. MỤC TIÊU\n")
    assert header.title is None


@pytest.mark.parametrize("line", ["1", "- 2 -", "٠", "-----", "* * *"])
def test_a_page_number_or_a_rule_under_the_heading_is_not_a_title(line):
    # Found by the fuzzing: '1' under 'KẾ HOẠCH' was the title (and read as a number when its digit was Arabic).
    header = header_of(f"KẾ HOẠCH\n{line}\nCăn cứ Quyết định số 2/QĐ-UBND ngày 1/1/2024;\n")
    assert header.title is None


def test_issuer_from_the_closing_sentence_when_nothing_else_names_it():
    text = "KẾ HOẠCH\nGiảm nghèo\nI. MỤC TIÊU\n...\nTrên đây là Kế hoạch giảm nghèo năm 2024 của Ủy ban nhân dân phường Tân Phong./.\n"
    header = header_of(text)
    assert (header.issuer.value, header.issuer_level, header.commune.value) == ("UBND phường Tân Phong", "xa", "Tân Phong")


def test_a_named_issuer_is_preferred_to_the_same_body_unnamed():
    text = ("KẾ HOẠCH\nGiảm nghèo\nUBND thị xã xây dựng Kế hoạch như sau:\nI. MỤC TIÊU\n"
            "Trên đây là Kế hoạch của UBND thị xã Sơn Tây./.\n")
    header = header_of(text)
    assert (header.issuer.value, header.issuer_level, header.district.value) == ("UBND thị xã Sơn Tây", "huyen", "Sơn Tây")


def test_past_plans_in_the_body_do_not_name_the_issuer():
    text = "KẾ HOẠCH\nGiảm nghèo\nI. KẾT QUẢ\nUBND huyện Bảo Lâm đã xây dựng kế hoạch năm trước.\n"
    assert header_of(text).issuer is None


def test_a_central_city_is_a_province():
    header = header_of("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố:      /KH-UBND\nKẾ HOẠCH\nGiảm nghèo\n")
    assert (header.issuer.value, header.issuer_level, header.province.value) == ("UBND thành phố Hà Nội", "tinh", "Hà Nội")
    assert header.district is None


def test_party_committee_header():
    text = "ĐẢNG BỘ TỈNH THANH HÓA\tĐẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY CẨM THỦY\nSố 45-KH/HU\tCẩm Thủy, ngày 10 tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện Nghị quyết 42-NQ/TW\n"
    header = header_of(text)
    assert values(header, ("issuer", "so_hieu", "province", "district")) == dict(
        issuer="Huyện ủy Cẩm Thủy", so_hieu="45-KH/HU", province="Thanh Hóa", district="Cẩm Thủy"
    )


@pytest.mark.parametrize(
    ("ending", "signer", "capacity"),
    [
        ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nHoàng Văn Điều", "Hoàng Văn Điều", "TM. ỦY BAN NHÂN DÂN - CHỦ TỊCH"),
        ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n(Đã ký)\n\nTrần Đình Tiến", "Trần Đình Tiến", "TM. ỦY BAN NHÂN DÂN - KT. CHỦ TỊCH - PHÓ CHỦ TỊCH"),
        ("CHỦ TỊCH\n\nĐỗ Văn Liên\n\nPHỤ LỤC\nTT\tĐơn vị\tSố hộ\n1\tThôn Tô\t8", "Đỗ Văn Liên", "CHỦ TỊCH"),
        ("K/T CHỦ TỊCH\nPHÓ CHỦ TỊCH\nY Ngông Niê Kdăm", "Y Ngông Niê Kdăm", "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH"),
        ("Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- Như trên;\tCHỦ TỊCH\n- Lưu: VT. Lò Văn Pấng", "Lò Văn Pấng", "TM. ỦY BAN NHÂN DÂN - CHỦ TỊCH"),
    ],
)
def test_signature_block(ending, signer, capacity):
    header = header_of(f"KẾ HOẠCH\nGiảm nghèo\nTrên đây là Kế hoạch giảm nghèo./.\n{ending}\n")
    assert (header.signer.value, header.signer_capacity.value) == (signer, capacity)


def test_capacity_without_a_name_gives_no_signer():
    header = header_of("KẾ HOẠCH\nGiảm nghèo\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nPHỤ LỤC\nTT\tĐơn vị\tSố hộ\tGhi chú\n")
    assert (header.signer, header.signer_capacity) == (None, None)


def test_a_capacity_word_inside_a_heading_is_not_a_signature():
    header = header_of("KẾ HOẠCH\nGiảm nghèo\n1. Trách nhiệm của CHỦ TỊCH\nNguyễn Văn An phụ trách.\n")
    assert header.signer is None


@pytest.mark.parametrize(("written", "level"), LEVEL_EXAMPLES)
def test_level_words(written, level):
    [body] = find_local_bodies(f"UBND {written} xây dựng")
    assert body.level == level


@pytest.mark.parametrize(
    ("text", "issuer", "name"),
    [
        ("Ủy ban nhân dân huyện Cao Lộc về", "UBND huyện Cao Lộc", "Cao Lộc"),
        ("Uỷ ban nhân dân Huyện Cao Lộc về", "UBND huyện Cao Lộc", "Cao Lộc"),
        ("UBND thành phố\nLai Châu;", "UBND thành phố Lai Châu", "Lai Châu"),
        ("UBND xã Cao Lâu\nBan hành kế hoạch số", "UBND xã Cao Lâu", "Cao Lâu"),
        ("UBND phường 3 thực hiện", "UBND phường 3", "3"),
        ("HĐND tỉnh quyết nghị", "HĐND tỉnh", None),
        ("ỦY BAN NHÂN DÂN\nXÃ ĐA QUYN", "UBND xã Đa Quyn", "Đa Quyn"),
    ],
)
def test_local_body_names(text, issuer, name):
    [body] = find_local_bodies(text)
    assert (body.issuer, body.name) == (issuer, name)


# --- names holding a syllable that is also a common word: 'Linh Thông', 'Thành Công', 'Năm Căn' --------------
# A name is 1-4 capitalised syllables after its level word; what ends it is the text's structure.


@pytest.mark.parametrize(("text", "name"), NAME_END_EXAMPLES)
def test_name_end_examples(text, name):
    assert find_local_bodies(text)[0].name == name


def test_no_official_unit_name_holds_an_opening_phrase_or_a_signer_title():
    # Both end a name (or say there is none), so neither may be part of one: checked against every unit.
    from extractor.places import official_units

    phrases = [phrase.lower().split() for phrase in OPENING_PHRASES + SIGNER_TITLES]
    names = {name for unit in official_units() for name in (unit.province, unit.district, unit.ward) if name}
    held = []
    for name in names:
        syllables = name.lower().replace(" - ", " ").split()  # with its level word: 'Xã Linh Thông'
        for phrase in phrases:
            width = len(phrase)
            if any(syllables[i:i + width] == phrase for i in range(len(syllables) - width + 1)):
                held.append((name, " ".join(phrase)))
    assert len(names) > 5000 and held == []


@pytest.mark.parametrize(
    ("text", "issuer", "name"),
    [
        ("UBND xã Thành Công tổ chức thực hiện", "UBND xã Thành Công", "Thành Công"),
        ("Ủy ban nhân dân xã Vũ Hội, huyện Vũ Thư", "UBND xã Vũ Hội", "Vũ Hội"),
        ("UBND HUYỆN BẠCH THÔNG", "UBND huyện Bạch Thông", "Bạch Thông"),
        ("UBND  huyện   Năm Căn chỉ đạo", "UBND huyện Năm Căn", "Năm Căn"),
        ("của UBND huyện Thanh Chương V/v triển khai", "UBND huyện Thanh Chương", "Thanh Chương"),
        ("của UBND tỉnh Lâm Đồng Quy định mức hỗ trợ", "UBND tỉnh Lâm Đồng", "Lâm Đồng"),
        ("UBND xã Tân Xã tổ chức", "UBND xã Tân Xã", "Tân Xã"),  # a level word that names nothing
        ("UBND HUYỆN MƯỜNG LA ỦY BAN NHÂN DÂN XÃ CHIỀNG CÔNG", "UBND huyện Mường La", "Mường La"),
        ("UBND tỉnh Lạng Sơn Huyện Cao Lộc", "UBND tỉnh Lạng Sơn", "Lạng Sơn"),
        ("UBND HUYỆN ĐỨC TRỌNG Độc lập - Tự do - Hạnh phúc", "UBND huyện Đức Trọng", "Đức Trọng"),
        ("UBND HUYỆN CẨM THỦY CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "UBND huyện Cẩm Thủy", "Cẩm Thủy"),
        ("UBND XÃ CHÍ CÔNG\tĐộc lập", "UBND xã Chí Công", "Chí Công"),
        ("UBND XÃ CHÍ CÔNG      CỘNG HÒA", "UBND xã Chí Công", "Chí Công"),
        ("UBND HUYỆN CHÂU THÀNH\nỦY BAN NHÂN DÂN XÃ PHÚ HỰU", "UBND huyện Châu Thành", "Châu Thành"),
        # a wrap inside a name; after a wrap a sentence may start, so a name's syllable that opens sentences
        # continues it only when nothing but punctuation or the line's end follows
        ("UBND xã Cao\nLâu xây dựng kế hoạch", "UBND xã Cao Lâu", "Cao Lâu"),
        ("UBND xã Phước\nChỉ, huyện Trảng Bàng", "UBND xã Phước Chỉ", "Phước Chỉ"),
        ("TM. UBND XÃ\nCHỦ TỊCH", "UBND xã", None),
        ("UBND xã Linh Thông\nThực hiện Kế hoạch số 3/KH-UBND", "UBND xã Linh Thông", "Linh Thông"),
        ("TRÊN ĐỊA BÀN XÃ ĐÔNG CÁC GIAI ĐOẠN 2021-2025", "xã Đông Các", "Đông Các"),
    ],
)
def test_place_names_end_where_the_text_says(text, issuer, name):
    body = find_local_bodies(text)[0]
    assert (body.issuer, body.name) == (issuer, name)


@pytest.mark.parametrize(
    ("block", "issuer", "level", "units"),
    [
        ("ỦY BAN NHÂN DÂN\nXÃ LINH THÔNG\nSố: 12/KH-UBND\nLinh Thông, ngày 05 tháng 01 năm 2025\n",
         "UBND xã Linh Thông", "xa", {"commune": "Linh Thông"}),
        (("UBND HUYỆN BẠCH THÔNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "ỦY BAN NHÂN DÂN XÃ VŨ HỘI\tĐộc lập - Tự do - Hạnh phúc\n"
          "Số: 12/KH-UBND\tVũ Hội, ngày 05 tháng 01 năm 2025\n"),
         "UBND xã Vũ Hội", "xa", {"commune": "Vũ Hội", "district": "Bạch Thông"}),
        # a PDF text layer: the columns merged line by line, the commune's name wrapped in its cell
        (("UBND HUYỆN NĂM CĂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "ỦY BAN NHÂN DÂN XÃ ĐÔNG Độc lập - Tự do - Hạnh phúc\nCÁC Đông Các, ngày 05 tháng 01 năm 2025\n"
          "Số: 12/KH-UBND\n"),
         "UBND xã Đông Các", "xa", {"commune": "Đông Các", "district": "Năm Căn"}),
        # columns aligned with spaces
        (("UBND HUYỆN GÒ CÔNG TÂY           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "  ỦY BAN NHÂN DÂN XÃ THÀNH CÔNG      Độc lập - Tự do - Hạnh phúc\n"
          " Số: 12/KH-UBND               Thành Công, ngày 05 tháng 01 năm 2025\n"),
         "UBND xã Thành Công", "xa", {"commune": "Thành Công", "district": "Gò Công Tây"}),
        ("ỦY BAN NHÂN DÂN\nHUYỆN THANH CHƯƠNG\nSố: 12/KH-UBND\n", "UBND huyện Thanh Chương", "huyen",
         {"district": "Thanh Chương"}),
        ("ĐẢNG BỘ TỈNH NGHỆ AN\nHUYỆN ỦY THANH CHƯƠNG\nSố 45-KH/HU\n", "Huyện ủy Thanh Chương", "huyen",
         {"district": "Thanh Chương", "province": "Nghệ An"}),
    ],
)
def test_header_blocks_naming_units_with_common_words(block, issuer, level, units):
    header = header_of(block + "KẾ HOẠCH\nGiảm nghèo năm 2025\nCăn cứ Luật Tổ chức chính quyền địa phương;\n")
    assert (header.issuer.value, header.issuer_level) == (issuer, level)
    assert values(header, ("commune", "district", "province")) == {"commune": None, "district": None,
                                                                     "province": None} | units


@pytest.mark.parametrize(
    ("body", "issuer"),
    [
        ("UBND xã Chí Công xây dựng Kế hoạch như sau:\nI. MỤC TIÊU\n", "UBND xã Chí Công"),
        ("I. MỤC TIÊU\n...\nTrên đây là Kế hoạch giảm nghèo của UBND phường Tân Hội./.\n", "UBND phường Tân Hội"),
        ("I. MỤC TIÊU\n...\nTrên đây là Kế hoạch giảm nghèo của Ủy ban nhân dân huyện Ngã Năm./.\n",
         "UBND huyện Ngã Năm"),
    ],
)
def test_issuer_named_in_a_sentence_with_a_common_word_in_its_name(body, issuer):
    assert header_of("KẾ HOẠCH\nGiảm nghèo\n" + body).issuer.value == issuer


@pytest.mark.parametrize("name", [name for name in DOC_TYPES if name not in DOC_TYPE_ALIASES])
def test_every_type_heading(name):
    header = header_of(f"Số: 3/XX-UBND\n{name.upper()}\nVề việc giảm nghèo\n")
    assert header.doc_type.value == name


@pytest.mark.parametrize(("mark", "stored"), sorted(SIGNATURE_MARKS.items()))
def test_every_signature_mark(mark, stored):
    header = header_of(f"KẾ HOẠCH\nGiảm nghèo\n{mark} CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Văn Tám\n")
    assert header.signer_capacity.value == f"{stored} CHỦ TỊCH - PHÓ CHỦ TỊCH"


@pytest.mark.parametrize("title", SIGNER_TITLES)
def test_every_signer_title(title):
    header = header_of(f"KẾ HOẠCH\nGiảm nghèo\n{title}\nLê Thị Hồng Gấm\n")
    assert (header.signer_capacity.value, header.signer.value) == (title, "Lê Thị Hồng Gấm")


@pytest.mark.parametrize(
    "block",
    [
        # columns aligned with spaces, as in old plain-text copies
        "ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "  XÃ TÂN LẬP                      Độc lập - Tự do - Hạnh phúc\n"
        " Số: 25/KH-UBND                  Tân Lập, ngày 15 tháng 3 năm 2022\n",
        # the two columns one after the other
        "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ TÂN LẬP\nĐộc lập - Tự do - Hạnh phúc\n"
        "----------\nSố:25/KH-UBND\nTân Lập, ngày 15 tháng 3 năm 2022\n",
    ],
)
def test_header_block_layouts_of_plain_text_copies(block):
    header = header_of(block + "\n KẾ HOẠCH\nGiảm nghèo năm 2022\n")
    assert values(header, ("issuer", "commune", "so_hieu", "issue_place", "plan_year")) == dict(
        issuer="UBND xã Tân Lập", commune="Tân Lập", so_hieu="25/KH-UBND", issue_place="Tân Lập", plan_year=2022
    )
    assert header.issue_date.value.iso == "2022-03-15"


# --- long runs of white space (found by the scanner of quadratic patterns) -------------------------
# Each took about a second or more at 8,000 characters before its fix; the results are asserted.


@pytest.mark.parametrize(
    ("number_line", "number", "symbol", "blank"),
    [
        ("Số:" + " " * 8000 + "/KH-UBND", None, "KH-UBND", True),
        ("\t" * 8000 + "Số: 12/KH-UBND", "12", "KH-UBND", False),
        ("Số: " + " " * 8000 + "x", None, None, False),
        ("Số: " + "\t" * 8000 + "x", None, None, False),
    ],
)
def test_number_line_after_long_runs_of_blanks(number_line, number, symbol, blank):
    header = header_of(f"{number_line}\nKẾ HOẠCH\nGiảm nghèo năm 2024\n")
    assert values(header, ("number", "symbol")) == {"number": number, "symbol": symbol}
    assert header.number_blank is blank


def test_issuing_statement_with_a_long_gap_before_its_date():
    header = header_of(
        "UBND huyện đã ban hành Kế hoạch số 47/KH-UBND" + " " * 8000 + "ngày 27/3/2023.\nKẾ HOẠCH\nGiảm nghèo năm 2024\n"
    )
    assert header.so_hieu.value == "47/KH-UBND"
    assert header.issue_date.value.iso == "2023-03-27"
