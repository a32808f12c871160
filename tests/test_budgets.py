"""Budget amounts: đồng, label, component, kind, total, year and period, the same in every format."""

import pytest

from extractor.parsers.budgets import parse_budgets
from extractor.vocab import budgets as vocab
from extractor.vocab.money import MONEY_EXAMPLES
from helpers import as_pdf, corpus, source

PLAN_HEAD = "KẾ HOẠCH\nThực hiện Chương trình giảm nghèo năm 2025\nII. KINH PHÍ THỰC HIỆN\n"
PAST_HEAD = "KẾ HOẠCH\nThực hiện Chương trình giảm nghèo năm 2025\nI. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2024\n"


def budgets(text: str):
    return parse_budgets(source(text))


def values(items):
    """What must agree across formats: everything but the spans."""
    return [
        (item.label, item.component, item.kind, item.is_total, item.year, item.period, item.amount_vnd.value)
        for item in items
    ]


# --- amounts -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "vnd"), MONEY_EXAMPLES)
def test_every_money_unit_is_read_in_a_sentence(text, vnd):
    items = budgets(PLAN_HEAD + f"Kinh phí hỗ trợ: {text}.")
    assert [item.amount_vnd.value for item in items] == [vnd]
    assert items[0].amount_vnd.evidence.raw == text


@pytest.mark.parametrize(
    ("text", "vnd"),
    [
        ("Kinh phí dự kiến 530 triệu\nđồng.", 530_000_000),
        ("Tổng vốn 1.250,5   Triệu đồng.", 1_250_500_000),
        ("Kinh phí 2,5 TỶ ĐỒNG.", 2_500_000_000),
        ("Kinh phí thực hiện 0,5 tỉ đồng.", 500_000_000),
        ("Hỗ trợ 45 trđ cho mỗi mô hình.", 45_000_000),
        ("Kinh phí 150 triệu.", 150_000_000),
    ],
)
def test_amounts_with_wraps_spaces_and_capitals(text, vnd):
    assert [item.amount_vnd.value for item in budgets(PLAN_HEAD + text)] == [vnd]


@pytest.mark.parametrize(
    "text",
    [
        "Thu thập thông tin người lao động (dự kiến thu thập 6000 phiếu).",
        "Hỗ trợ 2 triệu người dân tiếp cận thông tin.",
        "Tuyên truyền tới 5 nghìn lượt người.",
        "Thời gian thực hiện: năm 2024\nđ) Nguồn vốn thực hiện: theo quy định.",
        "Thời gian thực hiện: Năm 2024.\nđ) Nguồn vốn thực hiện: theo quy định.",
        "Hoàn thành trong năm 2024 đ) Đơn vị thực hiện.",
        "1\tThôn Tô\t150 triệu đồng\t20",
        "Kinh phí 0,0005 đồng.",
    ],
)
def test_not_money(text):
    assert budgets(PLAN_HEAD + text) == []


@pytest.mark.parametrize(("text", "is_money"), vocab.BARE_UNIT_EXAMPLES)
def test_bare_multiplier_examples(text, is_money):
    assert bool(budgets(PLAN_HEAD + text)) is is_money


# --- labels, kinds, totals ----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "label"), vocab.LABEL_EXAMPLES)
def test_label_examples(text, label):
    assert budgets(PLAN_HEAD + text)[0].label == label


@pytest.mark.parametrize(("text", "kind"), vocab.KIND_EXAMPLES)
def test_kind_examples_in_a_plan(text, kind):
    assert budgets(PLAN_HEAD + text)[-1].kind == kind


@pytest.mark.parametrize(("text", "kind"), vocab.KIND_EXAMPLES)
def test_everything_in_an_evaluation_is_a_prior_result(text, kind):
    items = budgets(PAST_HEAD + text)
    assert {item.kind for item in items} == {"prior_result"}
    if "năm" not in text:
        assert {item.year for item in items} == {2024}


@pytest.mark.parametrize(("text", "is_total"), vocab.TOTAL_EXAMPLES)
def test_total_examples(text, is_total):
    assert budgets(PLAN_HEAD + text)[0].is_total is is_total


def test_each_amount_takes_the_kind_word_nearest_before_it():
    text = PLAN_HEAD + "Số vốn được phân bổ là 700 triệu đồng, đã giải ngân 650 triệu đồng."
    assert [item.kind for item in budgets(text)] == ["allocated", "spent"]


def test_a_rate_per_household_is_other_and_not_a_total():
    item = budgets(PLAN_HEAD + "Tổng mức hỗ trợ 5 triệu đồng/hộ.")[0]
    assert (item.kind, item.is_total, item.amount_vnd.value) == ("other", False, 5_000_000)


def test_an_amount_outside_the_plan_year_and_sections_is_other():
    text = "KẾ HOẠCH\nThực hiện giảm nghèo năm 2025\nIII. TỔ CHỨC THỰC HIỆN\nNăm 2020 xã nhận 50 triệu đồng từ nhà hảo tâm."
    item = budgets(text)[0]
    assert (item.kind, item.year) == ("other", 2020)


def test_several_amounts_of_one_sentence_get_their_own_labels():
    text = PLAN_HEAD + (
        "Tổng kinh phí thực hiện năm 2025 là 1.500 triệu đồng, trong đó: vốn ngân sách Trung ương "
        "1.000 triệu đồng; vốn ngân sách tỉnh 300 triệu đồng, vốn huy động 200 triệu đồng."
    )
    assert [(item.label, item.is_total, item.kind, item.amount_vnd.value) for item in budgets(text)] == [
        ("Tổng kinh phí thực hiện năm 2025", True, "planned", 1_500_000_000),
        ("Vốn ngân sách Trung ương", False, "planned", 1_000_000_000),
        ("Vốn ngân sách tỉnh", False, "planned", 300_000_000),
        ("Vốn huy động", False, "planned", 200_000_000),
    ]


def test_an_amount_wrapped_onto_its_own_line_keeps_the_sentence_before_it():
    text = PLAN_HEAD + "1. Tổng kinh phí từ nguồn ngân sách Trung ương năm 2025 (vốn sự nghiệp): Dự kiến\n\n1.728 triệu đồng.\n"
    item = budgets(text)[0]
    assert (item.label, item.is_total, item.kind, item.year) == (
        "Tổng kinh phí từ nguồn ngân sách Trung ương",
        True,
        "planned",
        2025,
    )
    assert item.evidence.raw.startswith("Tổng kinh phí") and item.evidence.raw.endswith("1.728 triệu đồng.")


# --- component, year, period -------------------------------------------------------------------


def test_component_from_heading_sentence_or_the_paragraph_before():
    text = PAST_HEAD + (
        "3.1. Dự án 1 hỗ trợ nước sinh hoạt: Đã hỗ trợ 40 hộ. Số vốn được phân bổ là 700 triệu đồng.\n"
        "3.2. Dự án thuộc chương trình giảm nghèo bền vững\n"
        "Năm 2024 thực hiện mô hình nuôi lợn (Tiểu dự án 1, dự án 3 thuộc Chương trình).\n"
        "Nguồn vốn: Vốn sự nghiệp Trung ương 380 triệu đồng.\n"
        "Ngoài ra, Tiểu dự án 2 thuộc Dự án 4 được cấp 90 triệu đồng.\n"
    )
    assert [(item.component, item.amount_vnd.value) for item in budgets(text)] == [
        ("Dự án 1", 700_000_000),
        ("Dự án 3 / Tiểu dự án 1", 380_000_000),
        ("Dự án 4 / Tiểu dự án 2", 90_000_000),
    ]


def test_a_subproject_in_the_sentence_takes_the_project_of_the_heading():
    text = PLAN_HEAD + "2. Dự án 3: Hỗ trợ sản xuất\nKinh phí cho Tiểu dự án 2 là 120 triệu đồng.\n"
    assert budgets(text)[0].component == "Dự án 3 / Tiểu dự án 2"


def test_a_bullet_does_not_inherit_the_component_of_the_bullet_before():
    text = PLAN_HEAD + "- Dự án 2: kinh phí 2,5 tỷ đồng.\n- Chi phí quản lý 100 triệu đồng.\n"
    assert [item.component for item in budgets(text)] == ["Dự án 2", None]


@pytest.mark.parametrize(
    ("text", "year", "period"),
    [
        ("Năm 2023 số kinh phí phân bổ là 1.080 triệu đồng cho 2 dự án.", 2023, None),
        ("Kinh phí được phân bổ 300 triệu đồng (Quyết định số 12/QĐ-UBND ngày 14 tháng 9 năm 2022).", 2025, None),
        ("Kinh phí thực hiện giai đoạn 2021 – 2025 là 12 tỷ đồng.", None, "2021-2025"),
        ("Kinh phí năm 2026 dự kiến 40 triệu đồng, giai đoạn 2026-2030.", 2026, "2026-2030"),
        ("Kinh phí dự kiến 40 triệu đồng.", 2025, None),
    ],
)
def test_year_and_period(text, year, period):
    item = budgets(PLAN_HEAD + text)[0]
    assert (item.year, item.period) == (year, period)


def test_the_same_extraction_when_wrapped_like_a_pdf():
    text = PLAN_HEAD + (
        "1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo trên địa bàn các xã đặc biệt khó khăn\n"
        "a) Mục tiêu: Hỗ trợ mô hình giảm nghèo, nhằm tạo việc làm, sinh kế bền vững, có thu nhập ổn định.\n"
        "đ) Nguồn vốn thực hiện: Dự kiến 530 triệu đồng từ nguồn ngân sách Trung ương (vốn sự nghiệp) giai đoạn 2021-2025.\n"
        "2. Tổng kinh phí từ nguồn ngân sách Trung ương thực hiện Chương trình mục tiêu quốc gia giảm nghèo năm 2025: Dự kiến\n"
        "1.728 triệu đồng.\n"
    )
    expected = values(budgets(text))
    assert len(expected) == 2
    for width in (60, 75, 90):
        assert values(parse_budgets(as_pdf(text, width))) == expected


# --- the corpus -----------------------------------------------------------------------------


def test_corpus_000_prior_year_amounts():
    assert values(parse_budgets(corpus("000"))) == [
        ("Số kinh phí phân bổ", None, "prior_result", True, 2023, None, 1_080_000_000),
        ("Số vốn được phân bổ", "Dự án 1", "prior_result", False, 2023, None, 700_000_000),
        ("Tổng nguồn vốn", "Dự án 1", "prior_result", True, 2023, None, 400_000_000),
        ("Vốn sự nghiệp Trung ương", "Dự án 3 / Tiểu dự án 1", "prior_result", False, 2023, None, 380_000_000),
    ]


def test_corpus_001_parts_per_component_add_up_to_the_total():
    items = parse_budgets(corpus("001"))
    parts = [item for item in items if not item.is_total]
    totals = [item for item in items if item.is_total]
    assert [(item.component, item.amount_vnd.value // 1_000_000) for item in parts] == [
        ("Dự án 2", 530),
        ("Dự án 3 / Tiểu dự án 2", 342),
        ("Dự án 4 / Tiểu dự án 1", 685),
        ("Dự án 4 / Tiểu dự án 3", 81),
        ("Dự án 6 / Tiểu dự án 2", 17),
        ("Dự án 7 / Tiểu dự án 1", 51),
        ("Dự án 7 / Tiểu dự án 2", 22),
    ]
    assert {(item.label, item.kind, item.year) for item in parts} == {("Nguồn vốn thực hiện", "planned", 2024)}
    assert [(item.label, item.component, item.amount_vnd.value) for item in totals] == [
        ("Tổng kinh phí từ nguồn ngân sách Trung ương", None, 1_728_000_000)
    ]
    assert sum(item.amount_vnd.value for item in parts) == totals[0].amount_vnd.value


@pytest.mark.parametrize("stem", ["002", "003", "004"])
def test_corpus_plans_without_amounts_in_the_text(stem):
    assert parse_budgets(corpus(stem)) == []


@pytest.mark.parametrize("stem", ["000", "001"])
def test_corpus_spans_point_at_the_amounts(stem):
    src = corpus(stem)
    for item in parse_budgets(src):
        for evidence in (item.evidence, item.amount_vnd.evidence):
            assert src.text[evidence.start : evidence.end] == evidence.raw
        assert item.amount_vnd.evidence.raw in item.evidence.raw


@pytest.mark.parametrize(("stem", "fmt"), [("000", "docx"), ("001", "docx"), ("001", "pdf")])
def test_corpus_same_values_in_word_and_pdf(stem, fmt):
    assert values(parse_budgets(corpus(stem, fmt))) == values(parse_budgets(corpus(stem)))


# --- long inputs (found by the scanner of quadratic patterns) --------------------------------------
# Seconds at 8,000 characters before the fix: every amount re-read its paragraph's clauses.


def test_a_long_paragraph_of_amounts():
    items = budgets(PLAN_HEAD + "Kinh phí: " + "1 triệu đồng; " * 2000)
    assert len(items) == 2000
    assert {item.amount_vnd.value for item in items} == {1_000_000}
    assert items[-1].evidence.raw == "1 triệu đồng;"


def test_a_long_run_of_spaces_between_the_label_and_the_amount():
    assert values(budgets(PLAN_HEAD + "Kinh phí:" + " " * 8000 + "120 triệu đồng.")) == [
        ("Kinh phí", None, "planned", False, 2025, None, 120_000_000)
    ]
