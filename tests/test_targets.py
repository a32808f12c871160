"""Quantitative targets: comparator, value, unit, indicator and year; only forward-looking statements."""

from decimal import Decimal

import pytest

from extractor.parsers.numbers import parse_number
from extractor.parsers.targets import parse_targets
from extractor.vocab import targets as vocab
from helpers import as_pdf, corpus, source

HEAD = "KẾ HOẠCH\nThực hiện công tác giảm nghèo năm 2025\n"
GOALS = HEAD + "II. MỤC TIÊU\n2. Mục tiêu cụ thể\n"


def targets(text: str):
    return parse_targets(source(text))


def triples(items):
    return [(item.comparator, item.value.value, item.unit) for item in items]


def values(items):
    return [(item.indicator, item.comparator, item.value.value, item.unit, item.year) for item in items]


# --- comparators, units, indicators ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "comparator", "value", "unit"), vocab.COMPARATOR_EXAMPLES)
def test_comparator_examples(text, comparator, value, unit):
    assert triples(targets(GOALS + f"- {text}."))[0] == (comparator, Decimal(value), unit)


@pytest.mark.parametrize(("text", "unit"), vocab.UNIT_EXAMPLES)
def test_unit_examples(text, unit):
    assert [item.unit for item in targets(GOALS + f"- Phấn đấu đạt {text}.")] == [unit]


@pytest.mark.parametrize(("text", "indicator"), vocab.INDICATOR_EXAMPLES)
def test_indicator_examples(text, indicator):
    assert targets(GOALS + text)[0].indicator == indicator


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Giảm tỷ lệ hộ nghèo KHÔNG DƯỚI 1,5 %.", ("at_least", Decimal("1.5"), "%")),
        ("- Tỷ lệ hộ tái nghèo không vượt quá 0,05%.", ("at_most", Decimal("0.05"), "%")),
        ("- Số hộ cận nghèo giảm\n35 hộ trở\nlên.", ("at_least", Decimal("35"), "hộ")),
        ("- Thu nhập bình quân tăng trên 1,2 lần.", ("above", Decimal("1.2"), "lần")),
        ("- Đào tạo nghề cho 1.200 lao động.", ("exactly", Decimal("1200"), "lao động")),
        ("– Hỗ trợ tối thiểu 20 hộ làm nhà ở.", ("at_least", Decimal("20"), "hộ")),
        ("+ 98,5% người dân tham gia bảo hiểm y tế;", ("exactly", Decimal("98.5"), "%")),
    ],
)
def test_variations(text, expected):
    assert triples(targets(GOALS + text)) == [expected]


def test_one_sentence_with_several_targets_shares_its_subject():
    text = GOALS + (
        "- Tỷ lệ hộ nghèo, hộ cận nghèo trên địa bàn xã giảm xuống dưới 12% (giảm 101 hộ) vào cuối năm 2025 "
        "(tương ứng giảm trên 11% so với năm 2024)."
    )
    subject = "Tỷ lệ hộ nghèo, hộ cận nghèo trên địa bàn xã giảm xuống"
    assert values(targets(text)) == [
        (subject, "below", Decimal("12"), "%", 2025),
        (subject, "exactly", Decimal("101"), "hộ", 2025),
        (subject, "above", Decimal("11"), "%", 2025),
    ]


def test_a_parenthesis_before_the_number_is_stepped_over():
    text = GOALS + "- Phấn đấu giảm tỷ lệ nghèo đa chiều (bao gồm hộ nghèo và hộ cận nghèo) trên 0,2%."
    assert values(targets(text)) == [("Giảm tỷ lệ nghèo đa chiều", "above", Decimal("0.2"), "%", 2025)]


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("- Giảm tỷ lệ hộ nghèo bình quân 1-1,5%/năm.", "1", "1.5", "%"),
        ("- Mở từ 5 đến 7 lớp dạy nghề.", "5", "7", "lớp"),
        ("- Hỗ trợ 20 – 25 hộ làm nhà ở.", "20", "25", "hộ"),
    ],
)
def test_a_range_is_at_least_its_first_and_at_most_its_last_number(text, low, high, unit):
    items = targets(GOALS + text)
    assert triples(items) == [("at_least", Decimal(low), unit), ("at_most", Decimal(high), unit)]
    assert items[0].indicator == items[1].indicator
    assert items[0].value.evidence.raw.replace(",", ".") == low


def test_a_rate_per_year_keeps_its_subject():
    assert targets(GOALS + "- Giảm tỷ lệ hộ nghèo bình quân 1,5%/năm.")[0].indicator == "Giảm tỷ lệ hộ nghèo bình quân"


def test_the_words_before_a_colon_name_a_bare_number():
    assert values(targets(GOALS + "- Số hộ thoát nghèo: 50 hộ.")) == [
        ("Số hộ thoát nghèo", "exactly", Decimal("50"), "hộ", 2025)
    ]


def test_a_share_of_a_base_borrows_the_subject_before_it():
    text = GOALS + "Hộ cận nghèo giảm xuống còn 22 hộ bằng 0,87%/tổng số hộ, thu nhập ổn định."
    assert [item.indicator for item in targets(text)] == ["Hộ cận nghèo giảm xuống", "Hộ cận nghèo giảm xuống"]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("- Giảm 20 hộ nghèo vào cuối năm 2026.", 2026),
        ("- Giảm hộ nghèo 0,5% trở lên so với cuối năm 2024.", 2025),
        ("- Năm 2025, toàn xã giảm 23 hộ nghèo trở lên.", 2025),
        ("- Giảm 12 hộ nghèo so với năm 2023 (Quyết định ngày 12 tháng 3 năm 2022).", 2025),
    ],
)
def test_year_from_the_sentence_else_the_plan(text, year):
    assert [item.year for item in targets(GOALS + text)] == [year]


# --- what is not a target ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2024\n- Tỷ lệ hộ nghèo giảm xuống còn 3,5%, phấn đấu đạt 100%.",
        "II. MỤC TIÊU\n- Hiện tại toàn xã có 45 hộ nghèo, chiếm 3,2%.",
        "III. GIẢI PHÁP\n- Đảm bảo 100% hộ nghèo được cấp thẻ bảo hiểm y tế.",
        "II. MỤC TIÊU\n1. Mục tiêu chung\n2. Nội dung hoạt động\n- Thu thập thông tin (dự kiến thu thập 6000 phiếu).",
        "II. MỤC TIÊU\n- 8/10 thôn đạt chuẩn nông thôn mới giai đoạn 2021-2025.",
        "II. MỤC TIÊU\n- Trẻ em dưới 16 tuổi được chăm sóc dinh dưỡng trong 36 tháng.",
        "II. MỤC TIÊU\n1\tThôn Tô\t8 hộ\t3 hộ",
        "III. TỔ CHỨC THỰC HIỆN\n- Phòng Lao động tổng hợp số liệu của 12 xã.",
        "II. MỤC TIÊU\n- Năm 2023, tỷ lệ hộ nghèo là 5,2% (120 hộ).",
        "III. NHIỆM VỤ\n2.1. Dự án 2\n- Nội dung: hỗ trợ 20 hộ nghèo.",
    ],
)
def test_not_targets(text):
    assert targets(HEAD + text) == []


def test_a_phan_dau_sentence_outside_a_target_section_is_a_target():
    text = HEAD + "III. GIẢI PHÁP\n1. Giải pháp chung\nPhấn đấu đến cuối năm 2025 giảm 12 hộ nghèo so với năm 2024."
    assert values(targets(text)) == [("Giảm hộ nghèo", "exactly", Decimal("12"), "hộ", 2025)]


def test_a_target_item_in_a_list_rather_than_a_heading():
    text = HEAD + "III. NHIỆM VỤ\n2.1. Dự án 2: Sinh kế\n- Mục tiêu: Hỗ trợ ít nhất 20 hộ nghèo phát triển sản xuất."
    assert values(targets(text)) == [
        ("Hỗ trợ hộ nghèo phát triển sản xuất", "at_least", Decimal("20"), "hộ", 2025)
    ]


def test_the_same_targets_when_wrapped_like_a_pdf():
    text = GOALS + (
        "- Giảm hộ nghèo, hộ cận nghèo 0,5% trở lên so với cuối năm 2024. Phấn đấu hộ nghèo giảm 206 hộ, "
        "tỷ lệ giảm 0,52%; hộ cận nghèo giảm 249 hộ, tỷ lệ giảm 0,63%.\n"
        "- Chiều thiếu hụt về nước sinh hoạt và vệ sinh: 95% hộ nghèo, hộ cận nghèo sử dụng nước sinh hoạt hợp "
        "vệ sinh; 85% hộ nghèo, hộ cận nghèo sử dụng nhà tiêu hợp vệ sinh.\n"
        "- Năm 2025, toàn xã giảm 23 hộ nghèo trở lên, tương ứng giảm 34,3% số hộ nghèo theo chuẩn nghèo giai đoạn "
        "2022-2025, bằng 0,91%/tổng số hộ tự nhiên.\n"
        "III. GIẢI PHÁP\n- Đảm bảo 100% hộ nghèo được hưởng chính sách.\n"
    )
    expected = values(targets(text))
    assert len(expected) == 10
    for width in (60, 75, 90):
        assert values(parse_targets(as_pdf(text, width))) == expected


# --- the corpus -----------------------------------------------------------------------------------


def test_corpus_000_targets_for_2024():
    assert values(parse_targets(corpus("000"))) == [
        ("Tỷ lệ hộ nghèo, hộ cận nghèo trên địa bàn xã giảm xuống", "below", Decimal("12"), "%", 2024),
        ("Tỷ lệ hộ nghèo, hộ cận nghèo trên địa bàn xã giảm xuống", "exactly", Decimal("101"), "hộ", 2024),
        ("Tỷ lệ hộ nghèo, hộ cận nghèo trên địa bàn xã giảm xuống", "above", Decimal("11"), "%", 2024),
    ]


def test_corpus_001_has_no_quantitative_targets():
    # '6000 phiếu' and '20 trẻ x 2 đợt' are activities under 'Nội dung hoạt động', not targets.
    assert parse_targets(corpus("001")) == []


def test_corpus_002_counts_and_percentages():
    items = parse_targets(corpus("002"))
    hundred = ("exactly", Decimal("100"), "%")
    assert triples(items) == [
        ("at_least", Decimal("10"), "mô hình"),
        ("at_least", Decimal("6"), "lớp"),
        ("at_least", Decimal("0.5"), "%"),
        ("exactly", Decimal("206"), "hộ"),
        ("exactly", Decimal("0.52"), "%"),
        ("exactly", Decimal("249"), "hộ"),
        ("exactly", Decimal("0.63"), "%"),
        hundred,
        hundred,
        hundred,
        hundred,
        ("exactly", Decimal("95"), "%"),
        ("exactly", Decimal("85"), "%"),
        ("exactly", Decimal("95"), "%"),
        hundred,
        hundred,
    ]
    assert {item.year for item in items} == {2023}
    assert items[0].indicator.startswith("Hỗ trợ xây dựng, nhân rộng mô hình, dự án giảm nghèo")
    assert items[3].indicator == items[4].indicator == "Hộ nghèo giảm"
    assert items[10].indicator.startswith("Hộ nghèo có nhà ở đảm bảo an toàn")


def test_corpus_003_percentages():
    items = parse_targets(corpus("003"))
    assert triples(items) == [("above", Decimal("0.2"), "%")] * 2 + [("exactly", Decimal("100"), "%")] * 5
    assert items[0].indicator == "Giảm tỷ lệ nghèo đa chiều"
    assert {item.year for item in items} == {2025}


def test_corpus_004_sections_ii_and_iv():
    items = parse_targets(corpus("004"))
    assert triples(items) == [
        ("at_least", Decimal("23"), "hộ"),
        ("exactly", Decimal("34.3"), "%"),
        ("exactly", Decimal("0.91"), "%"),
        ("at_least", Decimal("35"), "hộ"),
        ("exactly", Decimal("61.4"), "%"),
        ("exactly", Decimal("1.39"), "%"),
        ("exactly", Decimal("46"), "hộ"),
        ("exactly", Decimal("1.82"), "%"),
        ("exactly", Decimal("0.91"), "%"),
        ("exactly", Decimal("22"), "hộ"),
        ("exactly", Decimal("0.87"), "%"),
        ("exactly", Decimal("23"), "hộ"),
        ("exactly", Decimal("35"), "hộ"),
        ("exactly", Decimal("23"), "hộ"),
        ("at_least", Decimal("35"), "hộ"),
        ("exactly", Decimal("100"), "%"),
        ("exactly", Decimal("80"), "%"),
        ("exactly", Decimal("95"), "%"),
        ("exactly", Decimal("100"), "%"),
        ("exactly", Decimal("100"), "%"),
        ("exactly", Decimal("100"), "%"),
        ("exactly", Decimal("100"), "%"),
    ]
    assert {item.year for item in items} == {2024}
    # The per-village 'Kế hoạch giảm 3 hộ' lines sit under '4. Giải pháp': not targets.
    assert all(item.value.evidence.start < corpus("004").text.index("4. Giải pháp") for item in items)


@pytest.mark.parametrize("stem", ["000", "002", "003", "004"])
def test_corpus_value_spans_are_the_numbers(stem):
    src = corpus(stem)
    for item in parse_targets(src):
        assert src.text[item.value.evidence.start : item.value.evidence.end] == item.value.evidence.raw
        assert parse_number(item.value.evidence.raw) == item.value.value
        assert item.value.evidence.raw in item.evidence.raw


@pytest.mark.parametrize(("stem", "fmt"), [(s, "docx") for s in ("000", "002", "003", "004")] + [("002", "pdf")])
def test_corpus_same_values_in_word_and_pdf(stem, fmt):
    assert values(parse_targets(corpus(stem, fmt))) == values(parse_targets(corpus(stem)))


# --- long inputs (found by the scanner of quadratic patterns) --------------------------------------
# Each took seconds at 8,000 characters before its fix (every number re-read its whole paragraph).


def test_a_long_paragraph_of_percentages():
    targets = parse_targets(source(HEAD + "I. MỤC TIÊU\n- Tỷ lệ hộ nghèo giảm " + "1% " * 3000))
    assert len(targets) == 3000
    assert {(t.indicator, t.comparator, t.value.value, t.unit, t.year) for t in targets} == {
        ("Tỷ lệ hộ nghèo giảm", "exactly", Decimal(1), "%", 2025)
    }


def test_a_long_list_of_clauses_in_one_paragraph():
    targets = parse_targets(source(HEAD + "- Mục tiêu: " + "giảm 1 hộ nghèo; " * 2000))
    assert len(targets) == 2000
    assert targets[-1].evidence.raw == "giảm 1 hộ nghèo;"


@pytest.mark.parametrize("run", [" " * 8000, "\t" * 8000 + "\n", "\n" * 8000])
def test_long_runs_of_white_space_before_a_target(run):
    targets = parse_targets(source(HEAD + "I. MỤC TIÊU\n- Tỷ lệ hộ nghèo" + run + "giảm xuống dưới 3%."))
    assert [(t.comparator, t.value.value, t.unit) for t in targets] == [("below", Decimal(3), "%")]
