"""Totals: budget totals and 'cho N dự án', table total rows, counts broken into parts; samples and mutations."""

from decimal import Decimal

import pytest
import regex
from helpers import as_pdf, corpus, extract_unchecked, source, totals_and_sanity_mutation, unchecked_sample

from extractor.checks.breakdowns import find_breakdowns, find_counts
from extractor.checks.precision import rounding_tolerance
from extractor.checks.sanity import check_sanity
from extractor.checks.totals import check_totals
from extractor.vocab import checks_totals as vocab

# --- vocabulary examples ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "connector"), vocab.CONNECTOR_EXAMPLES)
def test_connector_examples(text, connector):
    found = find_breakdowns(source(text))
    assert [b.connector for b in found] == ([connector] if connector else [])


@pytest.mark.parametrize(("whole", "part", "same"), vocab.UNIT_EXAMPLES)
def test_unit_examples(whole, part, same):
    [whole_count] = find_counts(whole, 0, len(whole))
    [part_count] = find_counts(part, 0, len(part))
    assert whole_count.same_unit(part_count) is same


@pytest.mark.parametrize(("label", "attribute"), vocab.ATTRIBUTE_EXAMPLES)
def test_attribute_examples(label, attribute):
    assert bool(regex.match(vocab.ATTRIBUTE_PART, label, regex.IGNORECASE | regex.DOTALL)) is attribute


@pytest.mark.parametrize(("text", "expected"), vocab.PROJECT_COUNT_EXAMPLES)
def test_project_count_examples(text, expected):
    match = regex.search(vocab.PROJECT_COUNT, text, regex.IGNORECASE)
    if expected is None:
        assert match is None
    else:
        word = match["count"].lower()
        assert ((vocab.NUMBER_WORDS.get(word) or int(word)), bool(match["sub"])) == expected


@pytest.mark.parametrize(("cell", "group"), vocab.GROUP_ROW_EXAMPLES)
def test_group_row_examples(cell, group):
    assert bool(regex.match(vocab.GROUP_ROW_NUMBER, cell)) is group


# --- the breakdown parser --------------------------------------------------------------------


def parsed(text):
    return [
        ([c.value for c in b.whole], [c.value for c in b.parts], b.connector, b.subset, b.attribute, b.complete)
        for b in find_breakdowns(source(text))
    ]


D = Decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "40 hộ hỗ trợ chuyển đổi nghề: có 27 hộ mua máy cày, 06 hộ mua máy cắt cỏ, 04 hộ mua Máy sát, "
                "02 hộ mua máy tuốt và 01 hộ mua máy ép cám."
            ),
            [([D(40)], [D(27), D(6), D(4), D(2), D(1)], ":", False, False, True)],
        ),
        # the same with a PDF line wrap between a number and its unit, and extra spaces
        (
            "Có 35 hộ hỗ trợ\nchuyển đổi nghề:  có 20\nhộ mua bò,   15 hộ mua dê.",
            [([D(35)], [D(20), D(15)], ":", False, False, True)],
        ),
        (
            "Có 100 hộ đăng ký nước sinh hoạt (Téc chứa nước 46 hộ, vòi dẫn nước 54 hộ), xong trong năm.",
            [([D(100)], [D(46), D(54)], "(", False, False, True)],
        ),
        # a classifier before the noun; a parenthesis inside an item
        (
            "Đã cấp 40 máy nông cụ cho các hộ dân: có 27 bộ máy cày(Máy xới đất), 06 máy cắt cỏ và 07 máy tuốt.",
            [([D(40)], [D(27), D(6), D(7)], ":", False, False, True)],
        ),
        (
            "Hỗ trợ 30 con bò – gồm có 12 con bò cái; 18 con bò đực.",
            [([D(30)], [D(12), D(18)], "gồm có", False, False, True)],
        ),
        (
            (
                "Thôn Nà Lằng có 12 hộ nghèo và 4 hộ cận nghèo; trong đó số hộ BTXH là 3 hộ, số hộ có người "
                "đủ 15 tuổi là 10 hộ;"
            ),
            [([D(12), D(4)], [D(3), D(10)], "trong đó", True, True, True)],
        ),
        (
            "Hỗ trợ 50 hộ (trong đó 20 hộ nghèo).",
            [([D(50)], [D(20)], "trong đó", True, False, True)],
        ),
        # money: the whole and the parts in đồng, whatever the units
        (
            "Tổng kinh phí 1,5 tỷ đồng, trong đó: ngân sách Trung ương 1.200 triệu đồng, ngân sách huyện 300 triệu đồng.",
            [([D(1_500_000_000)], [D(1_200_000_000), D(300_000_000)], "trong đó", True, False, True)],
        ),
        # items by year are years so far, not every part: the list is open
        (
            "Giai đoạn 2021-2025 hỗ trợ 500 hộ (năm 2021: 100 hộ; 2022: 100 hộ).",
            [([D(500)], [D(100), D(100)], "(", False, False, False)],
        ),
        # an item without its count: the list is open
        (
            "Hỗ trợ 20 hộ, cụ thể: thôn Nà 12 hộ, thôn Pa 5 hộ, thôn Cang.",
            [([D(20)], [D(12), D(5)], "cụ thể", False, False, False)],
        ),
    ],
)
def test_breakdowns_are_read(text, expected):
    assert parsed(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tổng số hộ nghèo năm 2022 là 163 hộ/ 889 hộ, chiếm tỷ lệ 18,34%.",
        "Giảm 82 hộ, còn 81 hộ/910 hộ (số hộ theo cục thống kê), tỷ lệ 8,90%.",
        "Bổ sung vi chất cho trẻ từ 5 tuổi đến 16 tuổi (111 trẻ x 2 đợt).",
        "Thiếu hụt về việc làm: Hộ nghèo 95,5%, hộ cận nghèo 78,9%;",
        "Kinh phí 1.080 triệu đồng cho 2 dự án. Các dự án triển khai cụ thể như sau: Dự án 1 có 40 hộ, Dự án 3 có 20 hộ.",
        "Toàn xã có 40 hộ nghèo, Thôn A: 10 hộ, Thôn B: 30 hộ.",
        "Có 40 hộ tham gia: 20 hộ mua bò và 20 lao động đi làm.",
        "Có 40 hộ tham gia: 20 hộ mua 2 hộ bò, 20 hộ mua dê.",
        "Hiện tại có 25 hộ nghèo: Nguyễn Văn An, Lò Thị Bình.",
        "1\tThôn Tô\t8\t3",
    ],
)
def test_lists_that_are_not_parts_of_a_whole(text):
    assert [b for b in parsed(text) if len(b[1]) >= 2 or b[3]] == []


def test_breakdowns_are_the_same_in_a_wrapped_pdf_text():
    for stem in ("000", "004"):
        txt = parsed_source(corpus(stem))
        assert txt == parsed_source(as_pdf(corpus(stem).text))


def parsed_source(src):
    return [([c.value for c in b.whole], [c.value for c in b.parts], b.attribute) for b in find_breakdowns(src)]


def test_breakdowns_of_the_samples_read_by_hand():
    assert parsed_source(corpus("000")) == [
        ([D(100)], [D(46), D(54)], False),
        ([D(40)], [D(27), D(6), D(4), D(2), D(1)], False),
        ([D(40)], [D(27), D(6), D(4), D(2), D(1)], False),
    ]
    found = parsed_source(corpus("004"))
    assert len(found) == 11 and all(attribute for _, _, attribute in found)  # one per village, 'số hộ ... là N hộ'
    assert ([D(14), D(5)], [D(1), D(18), D(39)], True) in found  # thôn Chợ


@pytest.mark.parametrize(
    ("precisions", "tolerance"),
    [
        ([D(1_000_000)] * 3, D(0)),  # every amount in whole triệu: exact
        ([D(100_000_000), D(1_000_000), D(1_000_000)], D(50_000_000)),  # '1,7 tỷ' among triệu
        ([D("0.1"), D("0.01"), D("0.01")], D("0.05")),
        ([], D(0)),
    ],
)
def test_rounding_tolerance_follows_the_coarsest_printing(precisions, tolerance):
    assert rounding_tolerance(precisions) == tolerance


# --- budget totals ----------------------------------------------------------------------------

PLAN = """ỦY BAN NHÂN DÂN
XÃ HÒA BÌNH
Số: 12/KH-UBND
Hòa Bình, ngày 05 tháng 01 năm 2025

KẾ HOẠCH
Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2025

I. NỘI DUNG THỰC HIỆN
1. Dự án 2: Đa dạng hóa sinh kế
Nguồn vốn thực hiện: Dự kiến {a} triệu đồng.
2. Dự án 3: Hỗ trợ phát triển sản xuất
Tiểu dự án 2: Cải thiện dinh dưỡng
Nguồn vốn thực hiện: Dự kiến {b} triệu đồng.
3. Dự án 4: Phát triển giáo dục nghề nghiệp
3.1. Tiểu dự án 1: Giáo dục nghề nghiệp
Nguồn vốn thực hiện: Dự kiến {c} triệu đồng.
3.2. Tiểu dự án 3: Việc làm bền vững
Nguồn vốn thực hiện: Dự kiến {d} triệu đồng.
II. KINH PHÍ THỰC HIỆN
Tổng kinh phí thực hiện Chương trình năm 2025: {total}.
"""


def totals_of(text):
    return check_totals(extract_unchecked(text))


def brief(findings):
    return [(f.rule, f.severity, f.stated, f.expected, [e.raw for e in f.evidence]) for f in findings]


@pytest.mark.parametrize(
    "total", ["1.000 triệu đồng", "1 tỷ đồng", "1.000.000.000 đồng", "1.000 Triệu\nđồng", "1,0 tỷ đồng"]
)
def test_a_total_equal_to_its_projects_raises_nothing(total):
    assert totals_of(PLAN.format(a=400, b=300, c=200, d=100, total=total)) == []


@pytest.mark.parametrize(
    ("total", "stated"),
    [("1.010 triệu đồng", 1_010_000_000), ("990 triệu đồng", 990_000_000), ("1,1 tỷ đồng", 1_100_000_000)],
)
def test_a_total_off_its_projects_is_an_error_with_every_amount(total, stated):
    [found] = totals_of(PLAN.format(a=400, b=300, c=200, d=100, total=total))
    assert (found.rule, found.severity, found.stated, found.expected) == (
        "budget_total_mismatch", "error", stated, 1_000_000_000,
    )
    assert [e.raw for e in found.evidence] == [total, "400 triệu đồng", "300 triệu đồng", "200 triệu đồng", "100 triệu đồng"]
    assert "1.000 triệu đồng" in found.message


def test_a_rounded_total_is_within_its_printed_precision():
    # 1,7 tỷ is 1.728 triệu rounded to a tenth of a tỷ: no alarm; 1,8 tỷ is too far
    assert totals_of(PLAN.format(a=700, b=528, c=400, d=100, total="1,7 tỷ đồng")) == []
    assert [f.severity for f in totals_of(PLAN.format(a=700, b=528, c=400, d=100, total="1,8 tỷ đồng"))] == ["error"]


def test_of_two_totals_over_the_same_projects_the_one_that_does_not_add_up_is_a_warning():
    text = PLAN + "Tổng kinh phí thực hiện Chương trình năm 2025 dự kiến: {other}.\n"
    assert totals_of(text.format(a=400, b=300, c=200, d=100, total="1.000 triệu đồng", other="1 tỷ đồng")) == []
    found = totals_of(text.format(a=400, b=300, c=200, d=100, total="1.000 triệu đồng", other="1.050 triệu đồng"))
    assert brief(found) == [
        ("budget_total_mismatch", "warning", 1_050_000_000, 1_000_000_000,
         ["1.050 triệu đồng", "400 triệu đồng", "300 triệu đồng", "200 triệu đồng", "100 triệu đồng"]),
    ]


def test_a_project_amount_covering_its_sub_projects_is_not_counted_twice():
    text = PLAN.replace("3. Dự án 4: Phát triển giáo dục nghề nghiệp\n", "3. Dự án 4: Phát triển giáo dục nghề nghiệp\nKinh phí Dự án 4: {p} triệu đồng.\n")
    assert totals_of(text.format(a=400, b=300, c=200, d=100, p=300, total="1.000 triệu đồng")) == []
    # a project amount smaller than its sub-projects is one more part
    assert totals_of(text.format(a=400, b=300, c=200, d=100, p=50, total="1.050 triệu đồng")) == []


def test_a_project_with_no_amount_makes_a_short_sum_a_warning():
    text = PLAN.replace("II. KINH PHÍ", "4. Dự án 6: Truyền thông\nNguồn vốn: theo phân bổ của huyện.\nII. KINH PHÍ")
    [found] = totals_of(text.format(a=400, b=300, c=200, d=100, total="1.100 triệu đồng"))
    assert (found.rule, found.severity) == ("budget_total_mismatch", "warning")
    # parts above the total are an error all the same
    [found] = totals_of(text.format(a=400, b=300, c=200, d=100, total="900 triệu đồng"))
    assert found.severity == "error"


def test_past_results_and_plan_amounts_are_not_mixed():
    text = PLAN.replace(
        "I. NỘI DUNG THỰC HIỆN\n",
        "I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2024\nNăm 2024 số kinh phí phân bổ là 800 triệu đồng cho các dự án.\n"
        "1. Dự án 1: đã giải ngân 800 triệu đồng.\nII. NỘI DUNG THỰC HIỆN\n",
    )
    assert totals_of(text.format(a=400, b=300, c=200, d=100, total="1.000 triệu đồng")) == []


EVALUATION = """KẾ HOẠCH
Thực hiện Chương trình giảm nghèo năm 2024 trên địa bàn xã Yên Sơn
I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2023
3. Kết quả thực hiện các dự án năm 2023
Năm 2023 số kinh phí phân bổ là {total} triệu đồng cho {n} dự án. Các dự án thực hiện cụ thể như sau:
3.1. Dự án 1 hỗ trợ nước sinh hoạt: Số vốn được phân bổ là {a} triệu đồng. Đã cấp 20 téc nước. Với tổng nguồn vốn {sub} triệu đồng.
3.2. Dự án thuộc chương trình giảm nghèo
Trong năm 2023 thực hiện tiểu dự án 1, dự án 3: Mô hình nuôi bò.
Nguồn vốn: Vốn sự nghiệp Trung ương {b} triệu đồng.
II. KẾ HOẠCH NĂM 2024
"""


def test_a_total_for_n_projects_covers_the_projects_of_its_section():
    assert totals_of(EVALUATION.format(total="950", n=2, a=600, sub=250, b=350)) == []
    [found] = totals_of(EVALUATION.format(total="960", n=2, a=600, sub=250, b=350))
    assert (found.rule, found.severity, found.stated, found.expected) == (
        "budget_total_mismatch", "error", 960_000_000, 950_000_000,
    )
    assert [e.raw for e in found.evidence][:1] == ["960 triệu đồng"]


@pytest.mark.parametrize(("n", "severity"), [(3, "error"), (1, "error"), ("hai", None)])
def test_the_number_of_projects_against_the_projects_listed(n, severity):
    found = totals_of(EVALUATION.format(total="950", n=n, a=600, sub=250, b=350))
    if severity is None:
        assert found == []
    else:
        assert [(f.rule, f.severity, f.stated, f.expected) for f in found] == [
            ("budget_project_count_mismatch", severity, n, 2)
        ]
        assert found[0].evidence[0].raw == f"{n} dự án"


def test_a_rate_per_household_is_no_part():
    text = PLAN.replace("Dự kiến {a} triệu đồng.", "Dự kiến {a} triệu đồng (mức hỗ trợ 5 triệu đồng/hộ).")
    assert totals_of(text.format(a=400, b=300, c=200, d=100, total="1.000 triệu đồng")) == []


# --- table total rows -------------------------------------------------------------------------


def table_plan(rows):
    return "KẾ HOẠCH\nGiảm nghèo năm 2024\nBIỂU CHỈ TIÊU GIẢM NGHÈO\n" + "\n".join("\t".join(r) for r in rows) + "\n"


HEADER = ["TT", "Thôn", "Số hộ nghèo (hộ)", "Tỷ lệ (%)", "Kinh phí (triệu đồng)"]


def test_a_total_row_equal_to_its_columns_raises_nothing():
    rows = [HEADER, ["1", "Thôn Nà", "6", "2,5", "100"], ["2", "Thôn Pa", "", "0", "50,5"], ["3", "Bản Cang", "9", "3,1", "-"],
            ["", "Tổng", "15", "5,6", "150,5"]]
    assert totals_of(table_plan(rows)) == []


def test_a_wrong_total_cell_is_an_error_on_that_cell():
    rows = [HEADER, ["1", "Thôn Nà", "6", "2,5", "100"], ["2", "Thôn Pa", "", "0", "50,5"], ["3", "Bản Cang", "9", "3,1", "-"],
            ["", "Tổng", "16", "99", "150,5"]]
    [found] = totals_of(table_plan(rows))
    assert (found.rule, found.severity, found.stated, found.expected) == ("table_total_mismatch", "error", 16, 15)
    assert [e.raw for e in found.evidence] == ["16", "6", "9"]
    assert "Số hộ nghèo (hộ)" in found.message


def test_a_total_row_on_top_adds_up_the_rows_below():
    rows = [HEADER, ["", "Tổng cộng", "15", "", "150"], ["1", "Thôn Nà", "6", "2", "100"], ["2", "Thôn Pa", "9", "1", "50"]]
    assert totals_of(table_plan(rows)) == []
    rows[1][2] = "14"
    assert [f.stated for f in totals_of(table_plan(rows))] == [14]


def test_subtotals_and_a_grand_total():
    rows = [HEADER, ["1", "Thôn Nà", "6", "", "100"], ["2", "Thôn Pa", "9", "", "50"], ["", "Cộng", "15", "", "150"],
            ["3", "Bản Cang", "4", "", "10"], ["", "Cộng", "4", "", "10"], ["", "Tổng cộng", "19", "", "160"]]
    assert totals_of(table_plan(rows)) == []
    rows[-1][2] = "20"
    assert [(f.severity, f.stated) for f in totals_of(table_plan(rows))] == [("warning", 20)]


def test_group_rows_are_not_added_twice():
    rows = [["TT", "Nội dung", "Kinh phí"], ["I", "Dự án 2", "300"], ["1", "Mô hình bò", "200"], ["2", "Mô hình dê", "100"],
            ["II", "Dự án 3", "100"], ["1", "Dinh dưỡng", "100"], ["", "Tổng cộng", "400"]]
    assert totals_of(table_plan(rows)) == []


# --- counts broken into parts -----------------------------------------------------------------

HEAD = "KẾ HOẠCH\nGiảm nghèo năm 2024\nI. KẾT QUẢ\n"


@pytest.mark.parametrize(
    ("text", "severity", "stated", "expected"),
    [
        ("Có 40 hộ chuyển đổi nghề: có 27 hộ mua máy cày, 06 hộ mua máy cắt cỏ và 08 hộ mua máy tuốt.", "error", 40, 41),
        ("Có 100 hộ đăng ký (Téc chứa nước 46 hộ, vòi dẫn nước 50 hộ).", "error", 100, 96),
        # 'trong đó' parts may overlap: more than the whole is a warning, less is nothing
        ("Tổng số 120 lao động, trong đó 70 lao động nữ, 60 lao động dân tộc thiểu số.", "warning", 120, 130),
        ("Tổng số 120 lao động, trong đó 70 lao động nữ, 30 lao động dân tộc thiểu số.", None, None, None),
        # an item without its count: fewer is nothing, more is an error
        ("Hỗ trợ 20 hộ, cụ thể: thôn Nà 12 hộ, thôn Pa 5 hộ, thôn Cang.", None, None, None),
        ("Hỗ trợ 20 hộ, cụ thể: thôn Nà 12 hộ, thôn Pa 9 hộ, thôn Cang.", "error", 20, 21),
        # two joined wholes: the parts may break down either
        ("Có 14 hộ nghèo và 5 hộ cận nghèo gồm: thôn Nà 10 hộ, thôn Pa 9 hộ.", None, None, None),
        ("Có 14 hộ nghèo và 5 hộ cận nghèo gồm: thôn Nà 10 hộ, thôn Pa 4 hộ.", None, None, None),
        ("Có 14 hộ nghèo và 5 hộ cận nghèo gồm: thôn Nà 10 hộ, thôn Pa 7 hộ.", "warning", 19, 17),
        ("Tổng kinh phí 1,5 tỷ đồng gồm: vốn Trung ương 1.200 triệu đồng, vốn huyện 400 triệu đồng.", "error", 1_500_000_000, 1_600_000_000),
        ("Tổng kinh phí 1,5 tỷ đồng gồm: vốn Trung ương 1.200 triệu đồng, vốn huyện 300 triệu đồng.", None, None, None),
    ],
)
def test_counts_broken_into_parts(text, severity, stated, expected):
    found = totals_of(HEAD + text)
    if severity is None:
        assert found == []
    else:
        [finding] = found
        assert (finding.rule, finding.severity, finding.stated, finding.expected) == (
            "breakdown_sum_mismatch", severity, stated, expected,
        )


def test_a_subset_part_larger_than_the_whole_is_left_to_sanity():
    text = HEAD + "Thôn Nà có 8 hộ nghèo; trong đó 3 hộ BTXH, 9 hộ có lao động."
    assert totals_of(text) == []
    assert [f.rule for f in check_sanity(extract_unchecked(text))] == ["part_exceeds_whole"]


# --- the samples ------------------------------------------------------------------------------


@pytest.mark.parametrize("stem", ["000", "001", "002", "003", "004"])
def test_the_samples_add_up(stem):
    assert check_totals(unchecked_sample(stem)) == []


@pytest.mark.parametrize("stem", ["000", "001"])
def test_the_samples_add_up_in_word_too(stem):
    assert check_totals(unchecked_sample(stem, "docx")) == []


# --- mutations: change one number of a sample, the right rule fires on it and nothing else ----

# (sample, pattern whose group 'n' is the number, replacement of the same length, rule)
MUTATIONS = [
    ("000", r"phân bổ là (?P<n>1\.080) triệu", "1.090", "budget_total_mismatch"),
    ("000", r"phân bổ là (?P<n>700) triệu", "710", "budget_total_mismatch"),
    ("000", r"Trung ương (?P<n>380) triệu", "390", "budget_total_mismatch"),
    ("000", r"cho (?P<n>2) dự án", "3", "budget_project_count_mismatch"),
    ("000", r"(?P<n>40) hộ hỗ trợ chuyển đổi nghề", "41", "breakdown_sum_mismatch"),
    ("000", r"có (?P<n>27) hộ mua", "29", "breakdown_sum_mismatch"),
    ("000", r"(?P<n>01) hộ mua", "03", "breakdown_sum_mismatch"),
    ("000", r"(?P<n>100) hộ thuộc đối tượng", "101", "breakdown_sum_mismatch"),
    ("000", r"cấp (?P<n>40) máy", "42", "breakdown_sum_mismatch"),
    ("000", r"(?P<n>02) máy tuốt", "05", "breakdown_sum_mismatch"),
    *[("001", rf"Dự kiến (?P<n>{amount}) triệu", new, "budget_total_mismatch")
      for amount, new in [("530", "531"), ("685", "605"), ("22", "23")]],
    ("001", r"Dự kiến\s+(?P<n>1\.728) triệu", "1.738", "budget_total_mismatch"),
    ("004", r"Tổng\t(?P<n>67)\t", "68", "table_total_mismatch"),
    ("004", r"Thôn Chợ\t(?P<n>14)\t", "15", "table_total_mismatch"),
    ("004", r"Thôn Bình Yên\t6\t2\t(?P<n>8)\t", "9", "table_total_mismatch"),
]


@pytest.mark.parametrize(("stem", "pattern", "new", "rule"), MUTATIONS)
def test_a_changed_number_is_caught_by_its_rule_on_its_span(stem, pattern, new, rule):
    new_findings, on_site = totals_and_sanity_mutation(stem, pattern, new)
    assert [f.rule for f in on_site if f.rule == rule], [f.message for f in new_findings]
    assert on_site[0].severity == "error"
    assert new_findings == on_site, [f.message for f in new_findings]  # nothing fires elsewhere


