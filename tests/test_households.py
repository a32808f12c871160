"""Named households: list items under village and category headings, and household tables."""

from collections import Counter

import pytest
from conftest import CORPUS, values_only
from helpers import corpus

from extractor.parsers.households import parse_households
from extractor.parsers.tables import parse_tables
from extractor.readers import read
from extractor.text import SourceText, normalise

SAMPLE_004 = CORPUS / "004_c0fdcc1763c22669.txt"


def households_in(source: SourceText):
    return parse_households(source, parse_tables(source))


def households_of(text: str):
    source = SourceText(normalise(text))
    found = households_in(source)
    for household in found:
        for value in (household.name, household.members, household.workers, household.cause):
            if value is not None:
                assert source.text[value.evidence.start : value.evidence.end] == value.evidence.raw
        assert source.text[household.evidence.start : household.evidence.end] == household.evidence.raw
    return found


def summary(household) -> tuple:
    return (
        household.village,
        household.category,
        household.honorific,
        household.name.value,
        household.members.value if household.members else None,
        household.workers.value if household.workers else None,
        household.cause.value if household.cause else None,
    )


# --- list items ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "+ Đối với hộ bà: Trương Thị Thanh có 1 khẩu, nguyên nhân nghèo là không có lao động, già yếu.",
            (None, None, "Bà", "Trương Thị Thanh", 1, None, "không có lao động, già yếu"),
        ),
        (
            "+ , Đối với hộ ông: Nguyễn Văn Điệp có 1 khẩu 1 lao động nguyên nhân nghèo là do chưa biết cách làm ăn.",
            (None, None, "Ông", "Nguyễn Văn Điệp", 1, 1, "chưa biết cách làm ăn"),
        ),
        (
            "+ Đối với hộ Bà: Đỗ Thị Châu có 5 khẩu, với 02 lao động, nguyên nhân nghèo là do chưa biết cách làm ăn.",
            (None, None, "Bà", "Đỗ Thị Châu", 5, 2, "chưa biết cách làm ăn"),
        ),
        (  # the space before 'có' is missing in the document
            "+ Đối với hộ Bà: Vũ Thị Giaocó 3 khẩu, 1 lao động, nguyên nhân nghèo là do gia đình không có lao động.",
            (None, None, "Bà", "Vũ Thị Giao", 3, 1, "gia đình không có lao động"),
        ),
        (
            "1. Hộ ông Lò Văn Pản, bản Nà Cạn, 4 khẩu, 2 lao động, nguyên nhân nghèo: thiếu vốn sản xuất.",
            ("Bản Nà Cạn", None, "Ông", "Lò Văn Pản", 4, 2, "thiếu vốn sản xuất"),
        ),
        (
            "- Hộ gia đình bà Hoàng Thị Lan có 3 nhân khẩu; nguyên nhân nghèo - ốm đau dài ngày",
            (None, None, "Bà", "Hoàng Thị Lan", 3, None, "ốm đau dài ngày"),
        ),
        (
            "- HỘ ÔNG: Đinh Công Tráng có 6 khẩu, 0 lao động chính, nguyên nhân nghèo là do già yếu.",
            (None, None, "Ông", "Đinh Công Tráng", 6, 0, "già yếu"),
        ),
        (
            "2. Hộ cận nghèo bà Lò Thị Dung (bản Nà Lằng) có 5 khẩu, 3 lao động.",
            ("Bản Nà Lằng", "near_poor", "Bà", "Lò Thị Dung", 5, 3, None),
        ),
        (  # an item without 'hộ' that still gives members and a cause
            "- Bà Hoàng Thị Lan, 3 khẩu, nguyên nhân: ốm đau",
            (None, None, "Bà", "Hoàng Thị Lan", 3, None, "ốm đau"),
        ),
    ],
)
def test_list_items(text, expected):
    (household,) = households_of(text)
    assert summary(household) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Giải pháp UBND xã yêu cầu trưởng thôn là ông Trương Công Định phối hợp cùng hội phụ nữ.",
        "- Ông Nguyễn Văn Bình, cán bộ phụ trách thôn Nà Cạn, 4 khẩu",  # an official, even with a number
        "(qua ông Hoàng Văn Hỷ công chức Văn hóa - Xã hội xã)",
        "- Đối với hộ nghèo: Kế hoạch giảm 3 hộ; cụ thể:",
        "Hộ nghèo có 5 khẩu, nguyên nhân nghèo là thiếu vốn.",  # no name
        "+ Đối với hộ ông: có 3 khẩu.",  # a blank template field
    ],
)
def test_not_households(text):
    assert households_of(text) == []


def test_line_wraps_inside_a_household_give_the_same_values():
    one_line = "+ Đối với hộ Ông: Bùi Văn Bảo có 4 khẩu, với 02 lao động, nguyên nhân nghèo là do gia đình có người có bệnh hiểm nghèo.\nGiải pháp: hỗ trợ."
    wrapped = "+ Đối với hộ Ông: Bùi Văn\nBảo có 4 khẩu, với 02\nlao động, nguyên nhân nghèo là do gia đình có\nngười có bệnh hiểm nghèo.\nGiải pháp: hỗ trợ."
    assert [summary(h) for h in households_of(wrapped)] == [summary(h) for h in households_of(one_line)]
    assert summary(households_of(wrapped)[0])[3] == "Bùi Văn Bảo"


LIST = """4.2 Giải pháp cụ thể:
• Thôn Nà Cạn:
Hiện tại thôn có 3 hộ nghèo.
- Đối với hộ nghèo: Kế hoạch giảm 1 hộ; cụ thể:
+ Đối với hộ ông: Lò Văn Pản có 4 khẩu, 2 lao động, nguyên nhân nghèo là thiếu vốn.
Giải pháp: trưởng bản là ông Lò Văn Hùng hướng dẫn.
- Đối với hộ cận nghèo – kế hoạch giảm 1 hộ:
+ Đối với hộ bà: Lường Thị Xuân có 2 khẩu, nguyên nhân nghèo là ốm đau.
- BẢN PHIÊNG LUÔNG
+ Đối với hộ ông: Vì Văn Tủa có 5 khẩu.
V. TỔ CHỨC THỰC HIỆN
+ Đối với hộ ông: Quàng Văn Ngọc có 3 khẩu.
"""


def test_a_household_naming_its_category_does_not_open_a_category():
    text = "1. Hộ cận nghèo ông Lò Văn Pản có 4 khẩu.\n2. Hộ ông Lò Văn Sáng có 3 khẩu."
    assert [h.category for h in households_of(text)] == ["near_poor", None]


def test_village_and_category_come_from_the_enclosing_headings():
    assert [summary(h)[:4] for h in households_of(LIST)] == [
        ("Thôn Nà Cạn", "poor", "Ông", "Lò Văn Pản"),
        ("Thôn Nà Cạn", "near_poor", "Bà", "Lường Thị Xuân"),
        ("Bản Phiêng Luông", None, "Ông", "Vì Văn Tủa"),  # a new village heading ends the category
        (None, None, "Ông", "Quàng Văn Ngọc"),  # a numbered section heading ends the village
    ]


# --- tables --------------------------------------------------------------------------------------

HOUSEHOLD_TABLE = """DANH SÁCH HỘ CẬN NGHÈO NĂM 2024
STT\tHọ và tên chủ hộ\tThôn\tSố khẩu\tSố lao động\tNguyên nhân
1\tÔng Nguyễn Văn An\tNà Cạn\t4\t2\tThiếu vốn
2\tLò Thị Bình\tThôn Bản Mới\t3\t\tỐm đau
\tCộng\t\t7\t2\t
"""


def test_household_table():
    found = households_of(HOUSEHOLD_TABLE)
    assert [summary(h) for h in found] == [
        ("Thôn Nà Cạn", "near_poor", "Ông", "Nguyễn Văn An", 4, 2, "Thiếu vốn"),
        ("Thôn Bản Mới", "near_poor", None, "Lò Thị Bình", 3, None, "Ốm đau"),
    ]
    assert found[0].name.evidence.raw == "Nguyễn Văn An"
    assert found[0].evidence.raw.startswith("1\tÔng Nguyễn Văn An")


def test_household_table_with_category_column_and_tick_columns():
    text = "TT\tChủ hộ\tPhân loại\n1\tNguyễn Văn An\tCận nghèo\n2\tLò Thị Bình\tHN"
    assert [h.category for h in households_of(text)] == ["near_poor", "poor"]
    ticks = "TT\tHọ tên\tHộ nghèo\tHộ cận nghèo\n1\tNguyễn Văn An\t\tx\n2\tLò Thị Bình\tx\t"
    assert [h.category for h in households_of(ticks)] == ["near_poor", "poor"]


def test_officials_table_is_not_a_household_list():
    text = "TT\tĐơn vị\tSố hộ nghèo\tCán bộ phân công phụ trách\n1\tThôn Tô\t8\tÔng: Hà Văn Hào\n2\tThôn Chợ\t14\tBà: Đỗ Thị Nga"
    assert households_of(text) == []


# --- the corpus ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_004():
    return households_in(read(SAMPLE_004))


def test_004_lists_58_households_by_village_and_category(sample_004):
    assert len(sample_004) == 58
    by_village = Counter((h.village, h.category) for h in sample_004)
    assert by_village == {
        ("Thôn Tô", "poor"): 3,
        ("Thôn Tô", "near_poor"): 6,
        ("Thôn Chợ", "poor"): 7,
        ("Thôn Chợ", "near_poor"): 3,
        ("Thôn Xanh", "poor"): 1,
        ("Thôn Xanh", "near_poor"): 3,
        ("Thôn Sẻ", "near_poor"): 2,
        ("Thôn Bình Sơn", "poor"): 2,
        ("Thôn Bình Sơn", "near_poor"): 6,  # the plan says 'Kế hoạch giảm 2 hộ' but lists six
        ("Thôn Hạc Sơn", "poor"): 3,
        ("Thôn Hạc Sơn", "near_poor"): 4,
        ("Thôn Bình Yên", "poor"): 2,
        ("Thôn Bình Yên", "near_poor"): 5,
        ("Thôn Bình Hòa 5", "poor"): 3,
        ("Thôn Bình Hòa 1", "poor"): 2,
        ("Thôn Bình Hòa 1", "near_poor"): 1,
        ("Thôn Bình Hòa 3", "near_poor"): 1,
        ("Thôn Vinh", "near_poor"): 4,
    }
    assert {h.honorific for h in sample_004} == {"Ông", "Bà"}


def test_004_household_details(sample_004):
    by_name = {h.name.value: summary(h) for h in sample_004}
    assert by_name["Trương Thị Thanh"] == (
        "Thôn Tô", "poor", "Bà", "Trương Thị Thanh", 1, None,
        "không có lao động, già yếu, nhưng có con gái sống gần nhà",
    )
    assert by_name["Nguyễn Văn Điệp"] == ("Thôn Tô", "poor", "Ông", "Nguyễn Văn Điệp", 1, 1, "chưa biết cách làm ăn")
    assert by_name["Đỗ Thị Châu"] == ("Thôn Tô", "near_poor", "Bà", "Đỗ Thị Châu", 5, 2, "chưa biết cách làm ăn")
    assert by_name["Vũ Thị Giao"][:6] == ("Thôn Bình Hòa 5", "poor", "Bà", "Vũ Thị Giao", 3, 1)
    assert by_name["Hà Thị Quyết"][4:6] == (1, 0)
    assert by_name["Quách Thị Nghĩa"][:2] == ("Thôn Vinh", "near_poor")


def test_004_officials_are_not_households(sample_004):
    names = {h.name.value for h in sample_004}
    # heads of village, the annex's assigned officials and the signer
    assert not names & {"Trương Công Định", "Bùi Thị Minh", "Hà Văn Hào", "Bàn Thị Vui", "Đỗ Văn Liên", "Bàn Văn Báo"}


@pytest.mark.parametrize("stem", ["000_2753d8804e160cef", "001_392ebb208e9b84ed", "002_42669df7d5de7ac5", "003_f7ad3d8867b8a9a5"])
def test_other_samples_list_no_household(stem):
    assert households_in(read(CORPUS / f"{stem}.txt")) == []


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_004_same_households_in_every_format(suffix, sample_004):
    source = corpus("004", suffix.lstrip("."))
    found = households_in(source)
    assert values_only([h.model_dump() for h in found]) == values_only([h.model_dump() for h in sample_004])
    assert all(source.text[h.evidence.start : h.evidence.end] == h.evidence.raw for h in found)


# --- line wraps: list items are keyed on their markers ---------------------------------------------

WRAP_LIST = """• Bản Phiêng Luông:
Hiện tại bản có 4 hộ nghèo và 3 hộ cận nghèo, giải pháp là hướng dẫn từng hộ nghèo, cận nghèo làm ăn.
– Đối với hộ nghèo: Kế hoạch giảm 1 hộ; cụ thể:
a) Hộ gia đình ông: Quàng Văn Khiêm có 5 khẩu, 2 lao động, nguyên nhân nghèo là thiếu đất sản xuất.
– Đối với hộ cận nghèo: Kế hoạch giảm 2 hộ; cụ thể:
b) Bà Lường Thị Ngoan, 3 khẩu, nguyên nhân: ốm đau dài ngày.
• Đối với hộ bà: Cầm Thị Đào có 4 khẩu, 1 lao động, nguyên nhân nghèo là do thiếu vốn.
"""


def _wrapped(text: str, *after: str) -> str:
    """``text`` with the space after each of ``after`` (first occurrence) turned into a line wrap."""
    for words in after:
        index = text.index(words + " ") + len(words)
        text = text[:index] + "\n" + text[index + 1 :]
    return text


@pytest.mark.parametrize(
    "after",
    [
        ("– Đối với hộ",),  # '– Đối với hộ\ncận nghèo:' : the category is on the wrapped line
        ("– Đối với",),
        ("hướng dẫn từng",),  # '\nhộ nghèo, cận nghèo làm ăn.' is no category line
        ("giải pháp là hướng dẫn từng", "Kế hoạch giảm 2", "có 4", "nguyên nhân"),
        ("Hộ gia đình ông:", "lao động, nguyên nhân nghèo là thiếu"),
    ],
)
def test_a_line_wrap_changes_no_household(after):
    expected = [summary(h) for h in households_of(WRAP_LIST)]
    assert expected == [
        ("Bản Phiêng Luông", "poor", "Ông", "Quàng Văn Khiêm", 5, 2, "thiếu đất sản xuất"),
        ("Bản Phiêng Luông", "near_poor", "Bà", "Lường Thị Ngoan", 3, None, "ốm đau dài ngày"),
        ("Bản Phiêng Luông", "near_poor", "Bà", "Cầm Thị Đào", 4, 1, "thiếu vốn"),
    ]
    assert [summary(h) for h in households_of(_wrapped(WRAP_LIST, *after))] == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("a) Bà Hoàng Thị Lan, 3 khẩu, nguyên nhân: ốm đau", "Hoàng Thị Lan"),
        ("đ) Ông Vi Văn Thắm có 2 khẩu, nguyên nhân nghèo là thiếu vốn.", "Vi Văn Thắm"),
        ("12) Chị Lò Thị Hoa: 4 khẩu", "Lò Thị Hoa"),
        ("–\nÔng Hà Văn Tỉnh, 6 khẩu, 3 lao động", "Hà Văn Tỉnh"),
    ],
)
def test_an_item_without_ho_is_found_after_any_marker(text, name):
    (household,) = households_of(text)
    assert household.name.value == name
