"""Differences: before − reduction = after, in households and percentage points; reductions as shares of the count."""

from decimal import Decimal

import pytest
from helpers import as_pdf, assert_caught_only_on_site, sample

from extractor.checks.differences import check_differences
from extractor.checks.facts import Key, poverty_facts
from extractor.pipeline import extract_source, extract_text

D = Decimal
HEAD = "ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH\nSố: 12/KH-UBND\nHòa Bình, ngày 05 tháng 01 năm 2024\n\nKẾ HOẠCH\nGiảm nghèo năm 2024\n\n"
POOR_2022 = "- Tổng số hộ nghèo năm 2022 là 163 hộ/ 889 hộ, chiếm tỷ lệ 18,34%. "
NEAR_2022 = "- Tổng số hộ cận nghèo năm 2022 là 209 hộ/889 hộ, tỷ lệ 23,51%. "
HAS_67 = "I. TÌNH HÌNH\nQua kết quả rà soát năm 2023 toàn xã còn 67 hộ nghèo.\nII. MỤC TIÊU\n"
HAS_2023 = "I. KẾT QUẢ\nNăm 2023 toàn xã có 81 hộ nghèo, chiếm 8,90%; 122 hộ cận nghèo, chiếm 13,41%.\nII. MỤC TIÊU\n"


def rules(body: str) -> list[tuple[str, list[str]]]:
    """(rule, raw text of each evidence span) of every difference finding on a small plan."""
    return [(f.rule, [e.raw for e in f.evidence]) for f in check_differences(extract_text(HEAD + body))]


CONSISTENT = [
    # 163 − 82 = 81 hộ; 18,34 − 9,44 = 8,90 points
    "I. KẾT QUẢ\n" + POOR_2022 + "Số hộ nghèo năm 2023 giảm 82 hộ, còn 81 hộ/910 hộ, tỷ lệ 8,90%. giảm 9,44% so với năm 2022.\n",
    # 23,51 − 13,41 = 10,10, stated 10,1: within the printed precisions
    "I. KẾT QUẢ\n" + NEAR_2022 + "Số hộ cận nghèo năm 2023 giảm 87 hộ, còn 122 hộ/910 hộ, tỷ lệ 13,41%. "
    "giảm 10,1% so với năm 2022.\n",
    HAS_67 + "Năm 2024 phấn đấu giảm 23 hộ nghèo, còn 44 hộ nghèo.\n",
    # 'trở lên' / 'dưới': bounds, not equalities
    HAS_67 + "Năm 2024 phấn đấu giảm 23 hộ nghèo trở lên, còn dưới 40 hộ nghèo.\n",
    # a planned reduction is not compared with the actual level
    ("I. KẾT QUẢ\nNăm 2022 toàn xã có 160 hộ nghèo. Kế hoạch năm 2023 giảm 30 hộ nghèo. "
    "Kết quả năm 2023 giảm 25 hộ nghèo, còn 135 hộ nghèo.\n"),
    # new poor households added back
    "I. KẾT QUẢ\nNăm 2022 toàn xã có 160 hộ nghèo. Năm 2023 giảm 50 hộ nghèo, phát sinh 10 hộ nghèo mới, còn 120 hộ nghèo.\n",
    # measured from the year the plan names, not the year before
    ("I. KẾT QUẢ\nTỷ lệ hộ nghèo năm 2021 là 12,5%. Tỷ lệ hộ nghèo năm 2022 là 10,8%. "
    "Năm 2023 tỷ lệ hộ nghèo là 9,0%, giảm 3,5% so với năm 2021.\n"),
    # 'giảm 20%' of a 10% rate: relative, not points
    "I. KẾT QUẢ\nTỷ lệ hộ nghèo năm 2022 là 10%. Năm 2023 tỷ lệ hộ nghèo giảm 20%, còn 8%.\n",
    # 23 / 67 = 34,33%
    HAS_67 + "Năm 2024, toàn xã giảm 23 hộ nghèo trở lên, tương ứng giảm 34,3% số hộ nghèo.\n",
    # the multidimensional level of 2023 is poor + near-poor: 22,31 − 3,8 = 18,51
    HAS_2023 + "Phấn đấu năm 2024 tỷ lệ hộ nghèo, hộ cận nghèo giảm xuống còn 18,5%, giảm 3,8% so với năm 2023.\n",
    HAS_2023 + "Phấn đấu năm 2024 tỷ lệ hộ nghèo, hộ cận nghèo giảm xuống dưới 12%, tương ứng giảm trên 10% "
    "so với năm 2023.\n",
    # 'đầu năm 2024' is the end of 2023: 5,2 − 0,7 = 4,5
    "I. KẾT QUẢ\nTỷ lệ hộ nghèo đầu năm 2024 là 5,2%, phấn đấu cuối năm 2024 giảm còn 4,5% (giảm 0,7%).\n",
    # the parser gives these figures the wrong years ('10%, năm 2023'): left out rather than misjudged
    "I. KẾT QUẢ\nTỷ lệ hộ nghèo năm 2022 là 10%, năm 2023 giảm 2% so với năm 2022, còn 8%.\n",
    ("II. MỤC TIÊU\nTỷ lệ hộ nghèo năm 2024 giảm 1% so với năm 2023; tỷ lệ hộ nghèo năm 2023 là 4,5%; "
    "đến cuối năm 2024 còn 3,5%.\n"),
    # a change over a period is not the last year's change
    ("I. KẾT QUẢ\nNăm 2024 toàn xã còn 80 hộ nghèo.\nII. MỤC TIÊU\n- Giai đoạn 2021-2025 giảm 50 hộ nghèo, "
    "đến năm 2025 còn 60 hộ nghèo.\n"),
    # a subgroup's reduction
    ("I. KẾT QUẢ\nTỷ lệ hộ nghèo năm 2022 là 10,2%. Năm 2023 tỷ lệ hộ nghèo còn 8,2%, trong đó tỷ lệ hộ nghèo "
    "đồng bào dân tộc thiểu số giảm 3%.\n"),
]


@pytest.mark.parametrize("body", CONSISTENT)
def test_consistent_differences_raise_nothing(body):
    assert rules(body) == []


INCONSISTENT = [
    (
        "I. KẾT QUẢ\n" + POOR_2022 + "Số hộ nghèo năm 2023 giảm 82 hộ, còn 80 hộ/910 hộ, tỷ lệ 8,79%. "
        "giảm 9,44% so với năm 2022.\n",
        [
            ("poverty_count_difference_mismatch", ["80 hộ", "163 hộ", "82 hộ"]),
            ("poverty_rate_difference_mismatch", ["8,79%", "18,34%", "9,44%"]),
        ],
    ),
    (
        "I. KẾT QUẢ\n" + POOR_2022 + "Số hộ nghèo năm 2023 giảm 82 hộ, còn 81 hộ/910 hộ, tỷ lệ 8,90%. "
        "giảm 9,54% so với năm 2022.\n",
        [("poverty_rate_difference_mismatch", ["8,90%", "18,34%", "9,54%"])],
    ),
    (
        # 23,51 − 10,2 = 13,31: 0,1 from 13,41, more than 0,005 + 0,005 + 0,05
        "I. KẾT QUẢ\n" + NEAR_2022 + "Số hộ cận nghèo năm 2023 giảm 87 hộ, còn 122 hộ/910 hộ, tỷ lệ 13,41%. "
        "giảm 10,2% so với năm 2022.\n",
        [("poverty_rate_difference_mismatch", ["13,41%", "23,51%", "10,2%"])],
    ),
    (
        HAS_67 + "Năm 2024 phấn đấu giảm 23 hộ nghèo, còn 46 hộ nghèo.\n",
        [("poverty_count_difference_mismatch", ["46 hộ nghèo", "67 hộ nghèo", "23 hộ nghèo"])],
    ),
    (
        # at least 23 fewer than 67 is at most 44
        HAS_67 + "Năm 2024 phấn đấu giảm 23 hộ nghèo trở lên; phấn đấu năm 2024 còn 46 hộ nghèo.\n",
        [("poverty_count_difference_mismatch", ["46 hộ nghèo", "67 hộ nghèo", "23 hộ nghèo"])],
    ),
    (
        ("I. KẾT QUẢ\nNăm 2022 toàn xã có 160 hộ nghèo. Năm 2023 giảm 50 hộ nghèo, phát sinh 10 hộ nghèo mới, "
        "còn 125 hộ nghèo.\n"),
        [("poverty_count_difference_mismatch", ["125 hộ nghèo", "160 hộ nghèo", "50 hộ nghèo", "10 hộ nghèo"])],
    ),
    (
        ("I. KẾT QUẢ\nTỷ lệ hộ nghèo năm 2021 là 12,5%. Tỷ lệ hộ nghèo năm 2022 là 10,8%. "
        "Năm 2023 tỷ lệ hộ nghèo là 9,0%, giảm 2,5% so với năm 2021.\n"),
        [("poverty_rate_difference_mismatch", ["9,0%", "12,5%", "2,5%"])],
    ),
    (
        HAS_67 + "Năm 2024, toàn xã giảm 23 hộ nghèo trở lên, tương ứng giảm 36,3% số hộ nghèo.\n",
        [("poverty_reduction_share_mismatch", ["36,3", "23 hộ nghèo", "67 hộ nghèo"])],
    ),
    (
        ("I. KẾT QUẢ\nNăm 2024 toàn xã còn 80 hộ nghèo.\nII. MỤC TIÊU\n- Năm 2025 giảm 50 hộ nghèo, "
        "đến năm 2025 còn 60 hộ nghèo.\n"),
        [("poverty_count_difference_mismatch", ["60 hộ nghèo", "80 hộ nghèo", "50 hộ nghèo"])],
    ),
    (
        "I. KẾT QUẢ\nNăm 2023 toàn xã có 67 hộ nghèo. Tổng số hộ nghèo năm 2023 là 69 hộ.\n",
        [("poverty_count_conflict", ["69 hộ", "67 hộ nghèo"])],
    ),
    (
        HAS_2023 + "Phấn đấu năm 2024 tỷ lệ hộ nghèo, hộ cận nghèo giảm xuống còn 18,5%, giảm 4,8% so với năm 2023.\n",
        [("poverty_rate_difference_mismatch", ["18,5%", "8,90%", "13,41%", "4,8%"])],
    ),
    (
        "I. KẾT QUẢ\nTỷ lệ hộ nghèo đầu năm 2024 là 5,2%, phấn đấu cuối năm 2024 giảm còn 4,5% (giảm 0,9%).\n",
        [("poverty_rate_difference_mismatch", ["4,5%", "5,2%", "0,9%"])],
    ),
]


@pytest.mark.parametrize(("body", "expected"), INCONSISTENT)
def test_inconsistent_differences_are_found_with_every_number(body, expected):
    assert rules(body) == expected


def test_difference_finding_gives_stated_expected_tolerance_and_message():
    body = (
        "I. KẾT QUẢ\n" + NEAR_2022 + "Số hộ cận nghèo năm 2023 giảm 87 hộ, còn 122 hộ/910 hộ, tỷ lệ 13,41%. "
        "giảm 10,2% so với năm 2022.\n"
    )
    [found] = check_differences(extract_text(HEAD + body))
    assert (found.severity, found.stated, found.expected) == ("error", D("13.41"), D("13.31"))
    assert found.tolerance == D("0.005") + D("0.005") + D("0.05")
    assert found.message == (
        "Tỷ lệ hộ cận nghèo (năm 2023) ghi 13,41% nhưng 23,51% (năm 2022) − 10,2% giảm = 13,31%"
    )


def test_same_findings_when_a_pdf_wraps_the_lines():
    body = HAS_67 + "Năm 2024 phấn đấu giảm 23 hộ nghèo trở lên, tương ứng giảm 36,3% số hộ nghèo; còn 46 hộ nghèo.\n"
    flat = rules(body)
    assert [rule for rule, _ in flat] == ["poverty_count_difference_mismatch", "poverty_reduction_share_mismatch"]
    for width in (25, 40, 60):
        wrapped = extract_source(as_pdf(HEAD + body, width), document_id="x", path="x.pdf", fmt="pdf")
        found = [(f.rule, [" ".join(e.raw.split()) for e in f.evidence]) for f in check_differences(wrapped)]
        assert found == flat


# --- the samples ----------------------------------------------------------------------------------


@pytest.mark.parametrize("stem", ["000", "001", "002", "003"])
def test_consistent_samples_have_no_difference_findings(stem):
    assert check_differences(sample(stem)) == []


def test_sample_000_steps_are_read():
    """163 − 82 = 81 and 209 − 87 = 122 households; 9,44 and 10,1 points, measured from 2022."""
    facts = poverty_facts(sample("000"))
    for category, before, reduction, after, fall in (("poor", 163, 82, 81, "9.44"), ("near_poor", 209, 87, 122, "10.1")):
        key = Key(category, "level", 2023, None, False)
        assert [f.value for f in facts.get(key.but(year=2022)).counts] == [before]
        assert [f.value for f in facts.get(key).counts] == [after]
        change = facts.get(key.but(measure="reduction"))
        assert [f.value for f in change.counts] == [reduction]
        assert {f.value for f in change.rates} == {D(fall)} and change.compared_with == {2022}


def test_sample_004_poor_households_after_the_reduction_disagree():
    """IV.1 plans 46 poor households for 2024, but II.2, IV.1 itself and the annex reduce the 67 of 2023 by 23 (44)."""
    document = sample("004")
    text = document.text
    [found] = check_differences(document)
    assert (found.rule, found.severity, found.stated, found.expected) == (
        "poverty_count_difference_mismatch", "error", 46, 44,
    )
    assert [(e.start, e.raw) for e in found.evidence] == [
        (text.index("còn 46 hộ") + 4, "46 hộ"),
        (text.index("còn 67 hộ nghèo") + 4, "67 hộ nghèo"),
        (text.index("giảm 23 hộ nghèo; 35") + 5, "23 hộ nghèo"),
    ]


def test_sample_004_reduction_shares_of_the_count_are_read():
    """'giảm 34,3% số hộ nghèo' = 23 / 67; 'giảm 61,4% số hộ cận nghèo' = 35 / 57."""
    shares = sorted((s.key.category, s.count.value, s.share.value) for s in poverty_facts(sample("004")).shares)
    assert shares == [("near_poor", 35, D("61.4")), ("poor", 23, D("34.3"))]


def test_sample_004_same_difference_findings_in_docx():
    found = [(f.rule, [e.raw for e in f.evidence]) for f in check_differences(sample("004", "docx"))]
    assert found == [(f.rule, [e.raw for e in f.evidence]) for f in check_differences(sample("004"))]


# --- mutations of the samples ---------------------------------------------------------------------


DIFFERENCE_MUTATIONS = [
    ("000", "giảm 82 hộ, còn 81", "82", "72", "poverty_count_difference_mismatch"),
    ("000", "giảm 87 hộ, còn 122", "87", "97", "poverty_count_difference_mismatch"),
    ("000", "Tổng số hộ nghèo năm 2022 là 163", "163", "168", "poverty_count_difference_mismatch"),
    ("000", "giảm 10,1% so với", "10,1", "11,1", "poverty_rate_difference_mismatch"),
    ("000", "tỷ lệ 13,41%", "13,41", "13,81", "poverty_rate_difference_mismatch"),
    ("004", "tương ứng giảm 34,3% số hộ nghèo", "34,3", "38,3", "poverty_reduction_share_mismatch"),
    ("004", "hộ cận nghèo giảm xuống còn 22 hộ", "22", "25", "poverty_count_difference_mismatch"),
    ("004", "\tTổng\t67\t23", "67", "69", "poverty_count_conflict"),
]


@pytest.mark.parametrize(("stem", "context", "old", "new", "rule"), DIFFERENCE_MUTATIONS)
def test_mutated_number_is_found_on_its_span_and_nowhere_else(stem, context, old, new, rule):
    assert_caught_only_on_site(stem, context, old, new, rule)
