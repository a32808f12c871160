"""Poverty statistics: counts, bases and rates of poor / near-poor / multidimensional poverty."""

from decimal import Decimal

import pytest

from extractor.parsers.households import parse_households
from extractor.parsers.poverty import parse_poverty
from extractor.parsers.poverty_tables import table_column
from extractor.parsers.poverty_words import comparator_of, is_filler, is_planned, mention_category, verb_measure
from extractor.parsers.tables import parse_tables
from extractor.readers import read
from extractor.vocab.comparators import COMPARATOR_EXAMPLES
from extractor.vocab.poverty_breakdowns import BREAKDOWN_EXAMPLES
from extractor.text import SourceText, normalise
from extractor.vocab.poverty import (
    CATEGORY_EXAMPLES,
    FILLER_EXAMPLES,
    MEASURE_EXAMPLES,
    NOT_STATISTICS_EXAMPLES,
    PLANNED_EXAMPLES,
    TABLE_COLUMN_EXAMPLES,
)
from conftest import CORPUS, values_only
from helpers import as_pdf, corpus, source


def row(stat) -> tuple:
    """(category, measure, year, village, households, total, rate, planned, comparator)."""
    return (
        stat.category,
        stat.measure,
        stat.year,
        stat.village,
        stat.households.value if stat.households else None,
        stat.total_households.value if stat.total_households else None,
        stat.rate_percent.value if stat.rate_percent else None,
        stat.planned,
        stat.comparator,
    )


def poverty_of(source: SourceText):
    return parse_poverty(source, parse_tables(source))


def rows_of(text: str) -> list[tuple]:
    source = SourceText(normalise(text))
    stats = poverty_of(source)
    for stat in stats:
        for located in (stat.households, stat.total_households, stat.rate_percent):
            if located is not None:
                assert source.text[located.evidence.start : located.evidence.end] == located.evidence.raw
        assert source.text[stat.evidence.start : stat.evidence.end] == stat.evidence.raw
    return [row(stat) for stat in stats]


D = Decimal

# --- vocabulary examples -------------------------------------------------------------------------


@pytest.mark.parametrize(("phrase", "expected"), CATEGORY_EXAMPLES)
def test_category_examples(phrase, expected):
    assert mention_category(phrase) == expected


@pytest.mark.parametrize(("phrase", "expected"), MEASURE_EXAMPLES)
def test_measure_examples(phrase, expected):
    assert verb_measure(phrase) == expected


@pytest.mark.parametrize(("word", "expected"), COMPARATOR_EXAMPLES)
def test_comparator_examples(word, expected):
    assert comparator_of(word) == expected


@pytest.mark.parametrize(("gap", "expected"), FILLER_EXAMPLES)
def test_filler_examples(gap, expected):
    assert is_filler(gap) is expected


@pytest.mark.parametrize(("text", "expected"), PLANNED_EXAMPLES)
def test_planned_examples(text, expected):
    assert is_planned(text) is expected


@pytest.mark.parametrize(("header", "expected"), TABLE_COLUMN_EXAMPLES)
def test_table_column_examples(header, expected):
    column = table_column(header)
    assert (column and (column.category, column.measure, column.field, column.year)) == expected


# --- statements ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- Tổng số hộ nghèo năm 2022 là 163 hộ/ 889 hộ, chiếm tỷ lệ 18,34%.",
            [("poor", "level", 2022, None, 163, 889, D("18.34"), False, None)],
        ),
        (  # one sentence, two statements; '. giảm' goes on the same sentence
            "Số hộ nghèo năm 2023 (sau điều tra) giảm 82 hộ, còn 81 hộ/910 hộ (số hộ theo cục thống kê), "
            "tỷ lệ 8,90%. giảm 9,44% so với năm 2022.",
            [
                ("poor", "reduction", 2023, None, 82, None, D("9.44"), False, None),
                ("poor", "level", 2023, None, 81, 910, D("8.90"), False, None),
            ],
        ),
        (
            "Toàn xã có 245 hộ nghèo, chiếm 12,5%; 180 hộ cận nghèo, chiếm 9,2%.",
            [
                ("poor", "level", None, None, 245, None, D("12.5"), False, None),
                ("near_poor", "level", None, None, 180, None, D("9.2"), False, None),
            ],
        ),
        (
            "Năm 2023, toàn huyện có 1.250 hộ nghèo trên tổng số 25.000 hộ, chiếm 5%.",
            [("poor", "level", 2023, None, 1250, 25000, D("5"), False, None)],
        ),
        (
            "Tỷ lệ hộ nghèo cuối năm 2023 là 5,2% (120 hộ).",
            [("poor", "level", 2023, None, 120, None, D("5.2"), False, None)],
        ),
        (
            "Tính đến 31/12/2023, xã Tà Xùa còn 312 hộ nghèo, chiếm 28,6%.",
            [("poor", "level", 2023, None, 312, None, D("28.6"), False, None)],
        ),
        (
            "Qua rà soát, toàn xã còn 35 hộ nghèo (chiếm 2,1%) và 60 hộ cận nghèo (chiếm 3,6%).",
            [
                ("poor", "level", None, None, 35, None, D("2.1"), False, None),
                ("near_poor", "level", None, None, 60, None, D("3.6"), False, None),
            ],
        ),
        (
            "Số hộ nghèo năm 2024: 56 hộ, tỷ lệ 3,12%.",
            [("poor", "level", 2024, None, 56, None, D("3.12"), False, None)],
        ),
        (
            "Kết quả còn 67 hộ nghèo tương ứng với tỷ lệ 2,66%, 57 hộ cận nghèo tương ứng với tỷ lệ 2,27%. "
            "Tỷ lệ nghèo đa chiều là 4,93%.",
            [
                ("poor", "level", None, None, 67, None, D("2.66"), False, None),
                ("near_poor", "level", None, None, 57, None, D("2.27"), False, None),
                ("multidimensional", "level", None, None, None, None, D("4.93"), False, None),
            ],
        ),
        (
            "- Bản Nà Lằng có 25 hộ nghèo, chiếm 15,2%.",
            [("poor", "level", None, "Bản Nà Lằng", 25, None, D("15.2"), False, None)],
        ),
        (
            "Số hộ nghèo phát sinh mới năm 2023 là 5 hộ.",
            [("poor", "increase", 2023, None, 5, None, None, False, None)],
        ),
        (
            "Số hộ thoát nghèo năm 2023 là 45 hộ.",
            [("escaped", "level", 2023, None, 45, None, None, False, None)],
        ),
        (
            "Tỷ lệ hộ nghèo đa chiều giảm còn 3,2%.",
            [("multidimensional", "level", None, None, None, None, D("3.2"), False, None)],
        ),
        (
            "Tỷ lệ hộ nghèo giảm bình quân 1,5%/năm.",
            [("poor", "reduction", None, None, None, None, D("1.5"), False, None)],
        ),
        (  # 'trong đó' after a count of all households: that count is the base of the figures
            "Toàn xã có 2.520 hộ, trong đó: hộ nghèo 120 hộ, chiếm 4,76%; hộ cận nghèo 200 hộ, chiếm 7,94%.",
            [
                ("poor", "level", None, None, 120, 2520, D("4.76"), False, None),
                ("near_poor", "level", None, None, 200, 2520, D("7.94"), False, None),
            ],
        ),
        (  # 'trong đó' after a poverty figure: a breakdown of the poor, not more figures
            "Hiện tại thôn Tô có 08 hộ nghèo trong đó số hộ nghèo thuộc đối tượng BTXH là 3 hộ, chiếm 37,5%.",
            [("poor", "level", None, "Thôn Tô", 8, None, None, False, None)],
        ),
        (  # the old level first, with its own year
            "Tỷ lệ hộ nghèo từ 15,2% đầu năm 2022 giảm xuống còn 10,5% cuối năm 2023.",
            [
                ("poor", "level", 2022, None, None, None, D("15.2"), False, None),
                ("poor", "level", 2023, None, None, None, D("10.5"), False, None),
            ],
        ),
        (
            "Số hộ nghèo giảm từ 245 hộ (chiếm 12,5%) xuống còn 180 hộ (chiếm 9,1%).",
            [
                ("poor", "level", None, None, 245, None, D("12.5"), False, None),
                ("poor", "level", None, None, 180, None, D("9.1"), False, None),
            ],
        ),
        (
            "Năm 2022: hộ nghèo 120 hộ (5,2%), hộ cận nghèo 200 hộ (8,6%).",
            [
                ("poor", "level", 2022, None, 120, None, D("5.2"), False, None),
                ("near_poor", "level", 2022, None, 200, None, D("8.6"), False, None),
            ],
        ),
        (
            "Tỷ lệ hộ cận nghèo tăng từ 5% lên 7%.",
            [
                ("near_poor", "level", None, None, None, None, D("5"), False, None),
                ("near_poor", "level", None, None, None, None, D("7"), False, None),
            ],
        ),
        (  # a line wrap may fall anywhere in a PDF
            "Tổng số hộ cận\nnghèo năm 2022 là 209\nhộ/889 hộ, tỷ\nlệ 23,51%.",
            [("near_poor", "level", 2022, None, 209, 889, D("23.51"), False, None)],
        ),
        (
            "TỔNG SỐ HỘ NGHÈO NĂM 2021 LÀ 1.032 HỘ, CHIẾM 10,2%.",
            [("poor", "level", 2021, None, 1032, None, D("10.2"), False, None)],
        ),
    ],
)
def test_actual_statements(text, expected):
    assert rows_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Phấn đấu giảm tỷ lệ hộ nghèo năm 2024 còn 46 hộ bằng 1,82% giảm 0,91%; "
            "hộ cận nghèo giảm xuống còn 22 hộ bằng 0,87%.",
            [
                ("poor", "level", 2024, None, 46, None, D("1.82"), True, None),
                ("poor", "reduction", 2024, None, None, None, D("0.91"), True, None),
                ("near_poor", "level", 2024, None, 22, None, D("0.87"), True, None),
            ],
        ),
        (
            "- Tỷ lệ hộ nghèo, hộ cận nghèo trên địa bàn xã giảm xuống dưới 12% (giảm 101 hộ) vào cuối năm 2024 "
            "(tương ứng giảm trên 11% so với năm 2023).",
            [
                ("multidimensional", "level", 2024, None, None, None, D("12"), False, "below"),
                ("multidimensional", "reduction", 2024, None, 101, None, D("11"), False, "above"),
            ],
        ),
        (
            "Năm 2024, toàn xã giảm 23 hộ nghèo trở lên, tương ứng giảm 34,3% số hộ nghèo theo chuẩn nghèo "
            "giai đoạn 2022 - 2025, bằng 0,91%/tổng số hộ tự nhiên.",
            [("poor", "reduction", 2024, None, 23, None, D("0.91"), False, "at_least")],
        ),
        (
            "- Giảm hộ nghèo, hộ cận nghèo 0,5% trở lên so với cuối năm 2023. Phấn đấu hộ nghèo giảm 206 hộ, "
            "tỷ lệ giảm 0,52%; hộ cận nghèo giảm 249 hộ, tỷ lệ giảm 0,63%.",
            [
                ("multidimensional", "reduction", None, None, None, None, D("0.5"), False, "at_least"),
                ("poor", "reduction", None, None, 206, None, D("0.52"), True, None),
                ("near_poor", "reduction", None, None, 249, None, D("0.63"), True, None),
            ],
        ),
        (
            "- Phấn đấu giảm tỷ lệ nghèo đa chiều (bao gồm tỷ lệ hộ nghèo và hộ cận nghèo) trên 0,2%, trong đó "
            "tỷ lệ nghèo đa chiều là đồng bào dân tộc thiểu số giảm trên 0,2%.",
            [("multidimensional", "reduction", None, None, None, None, D("0.2"), True, "above")],
        ),
        (  # the old level is actual and has no year of its own; the new one is the target
            "Phấn đấu giảm tỷ lệ hộ nghèo từ 3,5% xuống còn 2,8% vào cuối năm 2025.",
            [
                ("poor", "level", None, None, None, None, D("3.5"), False, None),
                ("poor", "level", 2025, None, None, None, D("2.8"), True, None),
            ],
        ),
        (
            "Theo kế hoạch huyện giao toàn xã có 23 hộ thoát nghèo; và 35 hộ thoát cận năm 2024, "
            "giảm từ 2,66% năm 2023 xuống 1,74% năm 2024.",
            [
                ("escaped", "level", 2024, None, 23, None, None, True, None),
                ("near_poor", "reduction", 2024, None, 35, None, None, True, None),
                ("poor", "level", 2023, None, None, None, D("2.66"), False, None),
                ("poor", "level", 2024, None, None, None, D("1.74"), True, None),
            ],
        ),
        (  # a bound on the count and one on the rate: the statement keeps the rate's
            "Phấn đấu giảm ít nhất 25 hộ nghèo, tỷ lệ giảm trên 0,9%.",
            [("poor", "reduction", None, None, 25, None, D("0.9"), True, "above")],
        ),
        (
            "Giảm 1,5% hộ nghèo, hộ cận nghèo so với đầu năm.",
            [("multidimensional", "reduction", None, None, None, None, D("1.5"), False, None)],
        ),
    ],
)
def test_target_statements(text, expected):
    assert rows_of(text) == expected


def test_planned_from_the_section_heading():
    text = "2.2. Mục tiêu cụ thể\n- Tỷ lệ hộ nghèo giảm xuống dưới 3% vào cuối năm 2025.\n4. Kết quả rà soát\n- Tỷ lệ hộ nghèo là 4,1%."
    assert [(r[6], r[7]) for r in rows_of(text)] == [(D("3"), True), (D("4.1"), False)]


def test_village_list_after_a_lead():
    text = (
        "Theo dự kiến số hộ nghèo có khả năng giảm năm 2025 tại các bản: bản Nà Lằng: 3 hộ nghèo; 06 hộ cận, "
        "Phiêng Luông: 2 hộ nghèo, 01 cận nghèo; Bản Mới: 4 hộ cận nghèo."
    )
    assert [(r[0], r[1], r[2], r[3], r[4], r[7]) for r in rows_of(text)] == [
        ("poor", "reduction", 2025, "Bản Nà Lằng", 3, True),
        ("near_poor", "reduction", 2025, "Bản Nà Lằng", 6, True),
        ("poor", "reduction", 2025, "Bản Phiêng Luông", 2, True),
        ("near_poor", "reduction", 2025, "Bản Phiêng Luông", 1, True),
        ("near_poor", "reduction", 2025, "Bản Mới", 4, True),
    ]


def test_village_from_the_heading_above():
    text = "• Thôn Vinh:\nHiện tại thôn có 1 hộ nghèo, 6 hộ cận nghèo trong đó số hộ có người đủ 15 tuổi là 7 hộ;\n- Đối với hộ cận nghèo: Kế hoạch giảm 04 hộ; cụ thể:"
    assert rows_of(text) == [
        ("poor", "level", None, "Thôn Vinh", 1, None, None, False, None),
        ("near_poor", "level", None, "Thôn Vinh", 6, None, None, False, None),
        ("near_poor", "reduction", None, "Thôn Vinh", 4, None, None, True, None),
    ]


@pytest.mark.parametrize(("sentence", "expected"), BREAKDOWN_EXAMPLES)
def test_breakdown_examples(sentence, expected):
    poor = [(r[4], r[5]) for r in rows_of(sentence) if r[:2] == ("poor", "level")]
    assert poor == ([expected] if expected else [])


# The parts of a count of all households are its figures, however the breakdown is written.
_BASE_AND_PARTS = [
    ("Theo kết quả rà soát cuối năm 2024, toàn xã có 2.878 hộ, trong đó 167 hộ nghèo, chiếm tỷ lệ 5,80%; "
     "130 hộ cận nghèo, chiếm tỷ lệ 4,52%."),
    "Toàn xã có 2.878 hộ, trong đó: 167 hộ nghèo, chiếm tỷ lệ 5,80%; 130 hộ cận nghèo, chiếm tỷ lệ 4,52%.",
    "Toàn xã có 2.878 hộ, trong đó - 167 hộ nghèo, chiếm tỷ lệ 5,80%; - 130 hộ cận nghèo, chiếm tỷ lệ 4,52%.",
    "Toàn xã có 2.878 hộ – trong đó 167 hộ nghèo (5,80%), 130 hộ cận nghèo (4,52%).",
    "Toàn phường có 2.878 hộ, gồm 167 hộ nghèo, chiếm 5,80% và 130 hộ cận nghèo, chiếm 4,52%.",
    "Toàn xã có 2.878 hộ, bao gồm: 167 hộ nghèo, tỷ lệ 5,80%; 130 hộ cận nghèo, tỷ lệ 4,52%.",
    "Toàn xã có 2.878 hộ, gồm có 167 hộ nghèo (5,80%) và 130 hộ cận nghèo (4,52%).",
    "Tổng số hộ toàn xã là 2.878 hộ; trong đó 167 hộ nghèo, chiếm tỷ lệ 5,80%; 130 hộ cận nghèo, chiếm tỷ lệ 4,52%.",
    "Tổng số hộ: 2.878 hộ, trong đó 167 hộ nghèo, chiếm tỷ lệ 5,80%; 130 hộ cận nghèo, chiếm tỷ lệ 4,52%.",
    "TOÀN XÃ CÓ 2.878 HỘ, TRONG ĐÓ 167 HỘ NGHÈO, CHIẾM TỶ LỆ 5,80%; 130 HỘ CẬN NGHÈO, CHIẾM TỶ LỆ 4,52%.",
    "Toàn xã có 2.878 hộ, trong\nđó 167 hộ\nnghèo, chiếm tỷ lệ 5,80%; 130 hộ cận nghèo, chiếm tỷ\nlệ 4,52%.",
    "Toàn xã có 2.878  hộ,  trong  đó  167  hộ  nghèo, chiếm tỷ lệ 5,80%; 130 hộ cận nghèo, chiếm tỷ lệ 4,52%.",
    "Toàn xã có 2.878 hộ, trong đó hộ nghèo là 167 hộ, chiếm tỷ lệ 5,80%; hộ cận nghèo là 130 hộ, chiếm 4,52%.",
    "Toàn xã có 2.878 hộ, trong đó có 167 hộ nghèo, chiếm tỷ lệ 5,80%; 130 hộ cận nghèo, chiếm tỷ lệ 4,52%.",
]


@pytest.mark.parametrize("text", _BASE_AND_PARTS)
def test_the_parts_of_a_count_of_all_households(text):
    levels = [(r[0], r[4], r[5], r[6], r[7]) for r in rows_of(text) if r[1] == "level"]
    assert levels == [("poor", 167, 2878, D("5.80"), False), ("near_poor", 130, 2878, D("4.52"), False)]


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2024 hỗ trợ 30 hộ, trong đó 10 hộ nghèo và 20 hộ cận nghèo.",  # households served
        "Năm 2024 hỗ trợ 30 hộ, gồm 10 hộ nghèo, 20 hộ cận nghèo.",
    ],
)
def test_the_parts_of_households_served_are_not_statistics(text):
    assert rows_of(text) == []


@pytest.mark.parametrize("text", NOT_STATISTICS_EXAMPLES)
def test_not_poverty_statistics(text):
    assert rows_of(text) == []


def test_statistics_table_gives_one_statement_per_village_and_category():
    text = (
        "BIỂU TỔNG HỢP KẾT QUẢ RÀ SOÁT NĂM 2023\n"
        "TT\tThôn\tTổng số hộ\tSố hộ nghèo\tTỷ lệ hộ nghèo (%)\tSố hộ cận nghèo\n"
        "1\tNà Lằng\t250\t20\t8,0\t31\n"
        "2\tBản Mới\t300\t15\t5,0\t\n"
        "\tToàn xã\t550\t35\t6,36\t31\n"
    )
    assert [r[:7] for r in rows_of(text)] == [
        ("poor", "level", 2023, "Thôn Nà Lằng", 20, 250, D("8.0")),  # the column says which level
        ("near_poor", "level", 2023, "Thôn Nà Lằng", 31, 250, None),
        ("poor", "level", 2023, "Bản Mới", 15, 300, D("5.0")),
        ("poor", "level", 2023, None, 35, 550, D("6.36")),
        ("near_poor", "level", 2023, None, 31, 550, None),
    ]


# --- the corpus ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_rows():
    return {
        stem: [row(s) for s in poverty_of(read(CORPUS / f"{stem}.txt"))]
        for stem in ("000_2753d8804e160cef", "001_392ebb208e9b84ed", "002_42669df7d5de7ac5", "003_f7ad3d8867b8a9a5")
    }


def test_000_section_4_results_and_targets(corpus_rows):
    assert corpus_rows["000_2753d8804e160cef"] == [
        ("poor", "level", 2022, None, 163, 889, D("18.34"), False, None),
        ("poor", "reduction", 2023, None, 82, None, D("9.44"), False, None),
        ("poor", "level", 2023, None, 81, 910, D("8.90"), False, None),
        ("near_poor", "level", 2022, None, 209, 889, D("23.51"), False, None),
        ("near_poor", "reduction", 2023, None, 87, None, D("10.1"), False, None),
        ("near_poor", "level", 2023, None, 122, 910, D("13.41"), False, None),
        ("poor", "reduction", 2023, None, None, None, D("9.44"), False, None),  # '... giảm so với năm 2022 là 9,44% %'
        ("poor", "reduction", 2023, None, None, None, D("5"), True, "above"),  # the 2023 target
        ("poor", "reduction", 2023, None, None, None, D("9.44"), False, None),  # '... vượt chỉ tiêu giao 4,44%'
        ("multidimensional", "level", 2024, None, None, None, D("12"), True, "below"),
        ("multidimensional", "reduction", 2024, None, 101, None, D("11"), True, "above"),
    ]


def test_001_states_no_statistic(corpus_rows):
    assert corpus_rows["001_392ebb208e9b84ed"] == []


def test_002_and_003_targets(corpus_rows):
    assert corpus_rows["002_42669df7d5de7ac5"] == [
        ("multidimensional", "reduction", None, None, None, None, D("0.5"), True, "at_least"),
        ("poor", "reduction", None, None, 206, None, D("0.52"), True, None),
        ("near_poor", "reduction", None, None, 249, None, D("0.63"), True, None),
    ]
    assert corpus_rows["003_f7ad3d8867b8a9a5"] == [
        ("multidimensional", "reduction", None, None, None, None, D("0.2"), True, "above"),
    ]


@pytest.fixture(scope="module")
def sample_004():
    return poverty_of(read(CORPUS / "004_c0fdcc1763c22669.txt"))


def test_004_commune_statements(sample_004):
    commune = [row(s) for s in sample_004 if s.origin == "text" and s.village is None]
    assert commune == [
        ("poor", "reduction", 2024, None, 23, None, D("0.91"), True, "at_least"),
        ("near_poor", "reduction", 2024, None, 35, None, D("1.39"), True, "at_least"),
        ("poor", "level", 2023, None, 67, None, D("2.66"), False, None),
        ("near_poor", "level", 2023, None, 57, None, D("2.27"), False, None),
        ("multidimensional", "level", 2023, None, None, None, D("4.93"), False, None),
        ("poor", "level", 2024, None, 46, None, D("1.82"), True, None),
        ("poor", "reduction", 2024, None, None, None, D("0.91"), True, None),
        ("near_poor", "level", 2024, None, 22, None, D("0.87"), True, None),
        ("poor", "reduction", 2024, None, 23, None, None, True, None),
        ("near_poor", "reduction", 2024, None, 35, None, None, True, None),
        ("poor", "reduction", None, None, 23, None, None, True, None),
        ("near_poor", "reduction", None, None, 35, None, None, True, "at_least"),
        ("escaped", "level", 2024, None, 23, None, None, True, None),
        ("near_poor", "reduction", 2024, None, 35, None, None, True, None),
        ("poor", "level", 2023, None, None, None, D("2.66"), False, None),
        ("poor", "level", 2024, None, None, None, D("1.74"), True, None),
        ("near_poor", "level", None, None, None, None, D("2.27"), False, None),
        ("near_poor", "level", 2024, None, None, None, D("0.87"), True, None),
    ]


def test_004_village_statements(sample_004):
    to = [row(s)[:8] for s in sample_004 if s.origin == "text" and s.village == "Thôn Tô"]
    assert to == [
        ("poor", "reduction", 2024, "Thôn Tô", 3, None, None, True),  # 'thôn Tô: 3 hộ nghèo; 06 hộ cận'
        ("near_poor", "reduction", 2024, "Thôn Tô", 6, None, None, True),
        ("poor", "level", None, "Thôn Tô", 8, None, None, False),  # 'Hiện tại thôn Tô có 08 hộ nghèo'
        ("near_poor", "level", None, "Thôn Tô", 9, None, None, False),
        ("poor", "reduction", None, "Thôn Tô", 3, None, None, True),  # '- Đối với hộ nghèo: Kế hoạch giảm 3 hộ'
        ("near_poor", "reduction", None, "Thôn Tô", 6, None, None, True),
    ]
    villages = {s.village for s in sample_004 if s.village}
    assert len(villages) == 11 and "Thôn Sẻ" in villages and "Thôn Bình Hòa 1" in villages


def test_004_deprivation_and_relative_shares_are_not_rates(sample_004):
    rates = {s.rate_percent.value for s in sample_004 if s.rate_percent}
    assert not rates & {D("95.5"), D("78.9"), D("32.83"), D("85.1"), D("34.3"), D("61.4"), D("25.8")}


def test_004_annex_table_statements_agree_with_the_text(sample_004):
    table = [s for s in sample_004 if s.origin == "table"]
    assert len(table) == 43  # 11 villages x 4 columns, 5 cells blank, plus the total row's 4
    total = [row(s) for s in table if s.village is None]
    assert total == [
        ("poor", "level", 2023, None, 67, None, None, False, None),
        ("poor", "reduction", 2024, None, 23, None, None, True, None),
        ("near_poor", "level", 2023, None, 57, None, None, False, None),
        ("near_poor", "reduction", 2024, None, 35, None, None, True, None),
    ]
    cho = [row(s)[:5] for s in table if s.village == "Thôn Chợ"]
    assert cho == [
        ("poor", "level", 2023, "Thôn Chợ", 14),
        ("poor", "reduction", 2024, "Thôn Chợ", 7),
        ("near_poor", "level", 2023, "Thôn Chợ", 5),
        ("near_poor", "reduction", 2024, "Thôn Chợ", 3),
    ]
    assert all(s.evidence.raw.count("\t") == 6 for s in table)  # evidence is the table row


def test_table_statistics_come_from_the_tables_given(sample_004):
    source = read(CORPUS / "004_c0fdcc1763c22669.txt")
    assert parse_poverty(source, []) == [s for s in sample_004 if s.origin == "text"]


# --- the same values however the text is laid out ------------------------------------------------


def _everything(source: SourceText):
    return values_only(
        [s.model_dump() for s in poverty_of(source)]
        + [h.model_dump() for h in parse_households(source, parse_tables(source))]
        + [t.model_dump() for t in parse_tables(source)]
    )


@pytest.mark.parametrize("width", [38, 71])
@pytest.mark.parametrize("stem", ["000_2753d8804e160cef", "004_c0fdcc1763c22669"])
def test_wrapped_lines_give_the_same_values(stem, width):
    source = read(CORPUS / f"{stem}.txt")
    assert _everything(as_pdf(source.text, width)) == _everything(source)


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
@pytest.mark.parametrize("stem", ["000_2753d8804e160cef", "002_42669df7d5de7ac5", "004_c0fdcc1763c22669"])
def test_same_statements_in_every_format(stem, suffix):
    expected = values_only([s.model_dump() for s in poverty_of(corpus(stem))])
    source = corpus(stem, suffix.lstrip("."))
    assert values_only([s.model_dump() for s in poverty_of(source)]) == expected


@pytest.mark.parametrize("separator", [", ", "; "])
def test_a_year_opening_a_clause_governs_its_figures(separator):
    text = f"Năm 2022 xã có 60 hộ nghèo{separator}năm 2024 còn 30 hộ nghèo."
    assert [(stat.year, stat.households.value) for stat in parse_poverty(source(text), [])] == [(2022, 60), (2024, 30)]


def test_a_year_inside_a_purpose_clause_does_not_govern_the_figures():
    text = "Qua kết quả rà soát hộ nghèo năm 2023 để thực hiện chính sách cho\nnăm 2024 trên địa bàn toàn xã còn 67 hộ nghèo."
    assert [(stat.year, stat.households.value) for stat in parse_poverty(source(text), [])] == [(2023, 67)]


# --- long runs of white space (found by the scanner of quadratic patterns) -------------------------


def test_fillers_over_long_runs_of_white_space():
    # A filler may open with white space ('\s*cuối năm'): tried at every space of a run it took seconds.
    assert is_filler(" " * 4000 + "cuối năm" + "\n" * 4000)
    assert not is_filler(" " * 8000 + "được hỗ trợ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Toàn xã có" + " " * 8000 + "12 hộ nghèo, chiếm 1,5%.", [("poor", "level", None, None, 12, None, D("1.5"), False, None)]),
        ("Số hộ nghèo" + " \n" * 4000 + "là 12 hộ.", [("poor", "level", None, None, 12, None, None, False, None)]),
    ],
)
def test_statistics_across_long_runs_of_white_space(text, expected):
    assert rows_of(text) == expected


@pytest.mark.parametrize("heading", [
    "2.2. Mục tiêu cụ thể",
    "2.2. Mục\ntiêu cụ thể",
    "2.2. Mục tiêu\ncụ thể",
    "3. Chỉ\ntiêu giảm nghèo\nnăm 2025",
])
def test_a_wrapped_heading_still_marks_its_figures_planned(heading):
    from extractor.pipeline import extract_text

    text = f"{heading}\n\n- Tỷ lệ hộ nghèo trên địa bàn xã giảm xuống dưới 12% (giảm 101 hộ) vào cuối năm 2025.\n"
    stats = extract_text(text).poverty_stats
    assert stats and all(stat.planned for stat in stats)
