"""Unit names with a dash ('tỉnh Bà Rịa - Vũng Tàu') read whole, and dashes that part other things left alone."""

import pytest

from extractor.pipeline import extract_text

from extractor import places
from extractor.parsers.bodies import find_local_bodies
from test_header import header_of, values
from test_references import references_of


def bodies(text):
    found = find_local_bodies(text)
    for body in found:
        if body.name:
            # The evidence covers the name as written; the stored name is that text squashed (capitals titled).
            written = " ".join(text[body.name_start:body.name_end].split())
            assert body.name == (written if not written.isupper() else body.name)
            assert body.name.lower() == written.lower()
    return [(body.issuer, body.level, text[body.name_start:body.name_end]) for body in found if body.name]


@pytest.mark.parametrize(
    ("text", "issuer", "level", "raw"),
    [
        ("UBND tỉnh Bà Rịa - Vũng Tàu ban hành kế hoạch", "UBND tỉnh Bà Rịa - Vũng Tàu", "tinh", "Bà Rịa - Vũng Tàu"),
        ("UBND tỉnh Bà Rịa – Vũng Tàu.", "UBND tỉnh Bà Rịa – Vũng Tàu", "tinh", "Bà Rịa – Vũng Tàu"),
        ("UBND tỉnh Bà Rịa—Vũng Tàu;", "UBND tỉnh Bà Rịa—Vũng Tàu", "tinh", "Bà Rịa—Vũng Tàu"),
        ("UBND tỉnh Bà Rịa –Vũng Tàu,", "UBND tỉnh Bà Rịa –Vũng Tàu", "tinh", "Bà Rịa –Vũng Tàu"),
        ("UBND tỉnh Bà Rịa-Vũng Tàu và", "UBND tỉnh Bà Rịa-Vũng Tàu", "tinh", "Bà Rịa-Vũng Tàu"),
        ("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "UBND tỉnh Bà Rịa - Vũng Tàu", "tinh", "BÀ RỊA - VŨNG TÀU"),
        ("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA-VŨNG TÀU", "UBND tỉnh Bà Rịa-Vũng Tàu", "tinh", "BÀ RỊA-VŨNG TÀU"),
        ("Tỉnh ủy Bà Rịa - Vũng Tàu chỉ đạo", "Tỉnh ủy Bà Rịa - Vũng Tàu", "tinh", "Bà Rịa - Vũng Tàu"),
        ("trên địa bàn thành phố Phan Rang - Tháp Chàm, tỉnh Ninh Thuận", "thành phố Phan Rang - Tháp Chàm",
         "huyen", "Phan Rang - Tháp Chàm"),
        ("HĐND TP. Phan Rang–Tháp Chàm", "HĐND thành phố Phan Rang–Tháp Chàm", "huyen", "Phan Rang–Tháp Chàm"),
        # names of the July 2025 layout
        ("UBND phường Văn Miếu - Quốc Tử Giám", "UBND phường Văn Miếu - Quốc Tử Giám", "xa",
         "Văn Miếu - Quốc Tử Giám"),
        ("UBND xã Chân Mây – Lăng Cô", "UBND xã Chân Mây – Lăng Cô", "xa", "Chân Mây – Lăng Cô"),
    ],
)
def test_a_dashed_unit_name_is_read_whole(text, issuer, level, raw):
    assert bodies(text)[0] == (issuer, level, raw)


@pytest.mark.parametrize(
    ("text", "name", "raw"),
    [
        ("UBND tỉnh Bà Rịa -\nVũng Tàu", "Bà Rịa - Vũng Tàu", "Bà Rịa -\nVũng Tàu"),
        ("UBND tỉnh Bà Rịa\n- Vũng Tàu", "Bà Rịa - Vũng Tàu", "Bà Rịa\n- Vũng Tàu"),
        ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ PHAN RANG –\nTHÁP CHÀM\nSố: 1/KH-UBND", "Phan Rang – Tháp Chàm",
         "PHAN RANG –\nTHÁP CHÀM"),
    ],
)
def test_a_dashed_name_wrapped_at_the_dash(text, name, raw):
    body = find_local_bodies(text)[0]
    assert (body.name, text[body.name_start:body.name_end]) == (name, raw)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the motto beside the issuer in a merged header
        ("ỦY BAN NHÂN DÂN XÃ CAO LÂU - Độc lập - Tự do - Hạnh phúc", [("UBND xã Cao Lâu", "xa", "CAO LÂU")]),
        ("UBND TỈNH BÀ RỊA - VŨNG TÀU Độc lập - Tự do - Hạnh phúc",
         [("UBND tỉnh Bà Rịa - Vũng Tàu", "tinh", "BÀ RỊA - VŨNG TÀU")]),
        ("UBND Tỉnh Bà Rịa - Vũng Tàu - Độc lập - Tự do - Hạnh phúc",
         [("UBND tỉnh Bà Rịa - Vũng Tàu", "tinh", "Bà Rịa - Vũng Tàu")]),
        # a unit and its parent
        ("UBND xã Cao Lâu - huyện Cao Lộc", [("UBND xã Cao Lâu", "xa", "Cao Lâu")]),
        ("UBND XÃ CAO LÂU - HUYỆN CAO LỘC", [("UBND xã Cao Lâu", "xa", "CAO LÂU")]),
        ("UBND xã Long Sơn - Vũng Tàu", [("UBND xã Long Sơn", "xa", "Long Sơn")]),
        ("UBND phường Thắng Nhất - Bà Rịa - Vũng Tàu", [("UBND phường Thắng Nhất", "xa", "Thắng Nhất")]),
        # a title after the name
        ("UBND xã Tân Lập - Kế hoạch giảm nghèo", [("UBND xã Tân Lập", "xa", "Tân Lập")]),
        ("UBND xã Tân Lập - Kế Hoạch Giảm Nghèo", [("UBND xã Tân Lập", "xa", "Tân Lập")]),
        # a body's name with a dash that names no unit
        ("UBND HUYỆN CAO LỘC\nPHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", [("UBND huyện Cao Lộc", "huyen", "CAO LỘC")]),
        ("UBND HUYỆN LAO ĐỘNG - THƯƠNG BINH", [("UBND huyện Lao Động", "huyen", "LAO ĐỘNG")]),
        # a dashed name of another level: Phan Rang - Tháp Chàm is a city, not a province or a commune
        ("UBND tỉnh Phan Rang - Tháp Chàm", [("UBND tỉnh Phan Rang", "tinh", "Phan Rang")]),
        ("UBND xã Bà Rịa - Vũng Tàu", [("UBND xã Bà Rịa", "xa", "Bà Rịa")]),
        # only the official name's words join: what follows them stays out
        ("UBND tỉnh Bà Rịa - Vũng Tàu Côn Đảo", [("UBND tỉnh Bà Rịa - Vũng Tàu", "tinh", "Bà Rịa - Vũng Tàu")]),
    ],
)
def test_dashes_that_part_other_things_are_left_alone(text, found):
    assert bodies(text) == found


def test_the_dashed_names_come_from_the_official_list():
    assert places.is_dashed_unit("BÀ RỊA–VŨNG TÀU", "tinh")
    assert places.is_dashed_unit("Phan Rang - Tháp Chàm", "huyen")
    assert places.is_dashed_unit("Phan Rang-Tháp Chàm", None)
    assert not places.is_dashed_unit("Phan Rang - Tháp Chàm", "tinh")
    assert not places.is_dashed_unit("Bà Rịa", "tinh")  # no dash, not a dashed name
    assert not places.is_dashed_unit("Lao động - Thương binh", None)
    # every official unit whose name has a dash is read whole after its level word
    for level, word in (("tinh", "tỉnh"), ("huyen", "thành phố"), ("xa", "phường")):
        for key in places._dashed_names()[level]:
            name = " ".join(part.capitalize() for part in key.split())
            assert bodies(f"UBND {word} {name} ban hành")[0][2] == name, name


HEADER = (
    "UBND TỈNH BÀ RỊA – VŨNG TÀU CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "ỦY BAN NHÂN DÂN XÃ LONG SƠN Độc lập - Tự do - Hạnh phúc\n"
    "Số: 12/KH-UBND Long Sơn, ngày 05 tháng 01 năm 2025\n"
    "KẾ HOẠCH\nGiảm nghèo năm 2025\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
)


def test_header_with_a_dashed_province_and_the_motto_on_the_issuers_line():
    header = header_of(HEADER)
    assert values(header, ("issuer", "commune", "district", "province")) == dict(
        issuer="UBND xã Long Sơn", commune="Long Sơn", district=None, province="Bà Rịa – Vũng Tàu",
    )
    assert header.province.evidence.raw == "BÀ RỊA – VŨNG TÀU"


def test_header_of_a_dashed_city_wrapped_at_the_dash():
    header = header_of("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ PHAN RANG -\nTHÁP CHÀM\nSố: 12/KH-UBND\nKẾ HOẠCH\nGiảm nghèo\n")
    assert (header.issuer.value, header.issuer_level, header.district.value) == (
        "UBND thành phố Phan Rang - Tháp Chàm", "huyen", "Phan Rang - Tháp Chàm",
    )


@pytest.mark.parametrize(
    ("cited_by", "issuer"),
    [
        ("UBND tỉnh Bà Rịa - Vũng Tàu", "UBND tỉnh Bà Rịa - Vũng Tàu"),
        ("Ủy ban nhân dân tỉnh Bà Rịa – Vũng Tàu", "UBND tỉnh Bà Rịa – Vũng Tàu"),
        ("UBND thành phố Phan Rang - Tháp Chàm", "UBND thành phố Phan Rang - Tháp Chàm"),
        ("Phòng Lao động - Thương binh và Xã hội huyện Cao Lộc", "Phòng Lao động - Thương binh và Xã hội huyện Cao Lộc"),
    ],
)
def test_reference_issuer_with_a_dash(cited_by, issuer):
    text = f"Căn cứ Quyết định số 1/QĐ-UBND ngày 7/3/2023 của {cited_by} về giảm nghèo;\n"
    assert references_of(text)[0].issuer.value == issuer


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Bà Rịa - Vũng Tàu, ngày 05 tháng 01 năm 2025", "Bà Rịa - Vũng Tàu"),
        ("Bà Rịa-Vũng Tàu, ngày 05 tháng 01 năm 2025", "Bà Rịa-Vũng Tàu"),
        ("Thành phố Phan Rang – Tháp Chàm, ngày 05 tháng 01 năm 2025", "Thành phố Phan Rang – Tháp Chàm"),
        ("\tPhan Rang - Tháp Chàm, ngày 05 tháng 01 năm 2025", "Phan Rang - Tháp Chàm"),
        # Not one official name: the place is what follows the dash, as before.
        ("Hạnh phúc - Cao Lâu, ngày 05 tháng 01 năm 2025", "Cao Lâu"),
        ("Long Sơn - Vũng Tàu, ngày 05 tháng 01 năm 2025", "Vũng Tàu"),
    ],
)
def test_the_place_before_the_date_keeps_its_dashed_name(line, place):
    header = extract_text(f"UBND XÃ A\nSố: 12/KH-UBND\n{line}\nKẾ HOẠCH\nthực hiện giảm nghèo\n").header
    assert header.issue_place.value == place
    assert header.issue_place.evidence.raw == place.strip()
    assert header.issue_date.value.iso == "2025-01-05"
