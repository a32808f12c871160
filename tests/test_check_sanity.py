"""Sanity: parts above their whole, shares above 100%, dates after the plan, years against the plan year."""


import pytest
import regex
from helpers import extract_unchecked, totals_and_sanity_mutation, unchecked_sample

from extractor.checks.sanity import check_sanity
from extractor.checks.sanity_counts import is_share
from extractor.checks.sanity_dates import is_after
from extractor.vocab import checks_totals as vocab
from schemas import PartialDate


# --- vocabulary examples ---------------------------------------------------------------------


@pytest.mark.parametrize(("indicator", "share"), vocab.SHARE_EXAMPLES)
def test_share_examples(indicator, share):
    assert is_share(indicator.lower()) is share


@pytest.mark.parametrize(("text", "year"), vocab.GOAL_YEAR_EXAMPLES)
def test_goal_year_examples(text, year):
    match = regex.search(vocab.GOAL_YEAR, text, regex.IGNORECASE)
    assert (int(match["year"]) if match else None) == year


@pytest.mark.parametrize(("kind", "text", "year"), vocab.YEAR_EXAMPLES)
def test_heading_and_closing_year_examples(kind, text, year):
    pattern = vocab.PLAN_HEADING_YEAR if kind == "heading" else vocab.CLOSING_YEAR
    match = (regex.match if kind == "heading" else regex.search)(pattern, text, regex.IGNORECASE)
    assert (int(match["year"]) if match else None) == year


@pytest.mark.parametrize(
    ("date", "other", "after"),
    [
        ((2024, 6, 1), (2024, 5, None), True),
        ((2024, 5, 20), (2024, 5, None), False),  # the plan's day is blank: same month is not 'after'
        ((2024, 5, 20), (2024, 5, 19), True),
        ((2025, None, None), (2024, 12, 29), True),
        ((2024, None, None), (2024, 12, 29), False),
        ((2023, 12, 28), (2023, 12, 29), False),
    ],
)
def test_dates_compare_at_their_known_precision(date, other, after):
    def partial(parts):
        return PartialDate(year=parts[0], month=parts[1], day=parts[2])

    assert is_after(partial(date), partial(other)) is after


# --- rules on small plans ---------------------------------------------------------------------

PLAN = """ỦY BAN NHÂN DÂN
XÃ HÒA BÌNH
Số: 12/KH-UBND
Hòa Bình, {date}

KẾ HOẠCH
Thực hiện Chương trình giảm nghèo năm 2025

Căn cứ Quyết định số 90/QĐ-TTg ngày {cited} của Thủ tướng Chính phủ;
{body}
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""


def sanity_of(body, date="ngày 05 tháng 01 năm 2025", cited="18/01/2022"):
    return check_sanity(extract_unchecked(PLAN.format(body=body, date=date, cited=cited)))


def brief(findings):
    return [(f.rule, f.severity, [e.raw for e in f.evidence]) for f in findings]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("+ Đối với hộ Ông: Lò Văn Tâm có 2 khẩu, 3 lao động, nguyên nhân nghèo là thiếu đất.", ["3 lao động", "2 khẩu"]),
        ("+ Đối với hộ Bà: Lò Thị Ên có 1 khẩu, với 02 lao động, nguyên nhân nghèo là ốm đau.", ["02 lao động", "1 khẩu"]),
        ("+ Đối với hộ Ông: Lò Văn Tâm có 3 khẩu, 3 lao động, nguyên nhân nghèo là thiếu đất.", None),
        ("+ Đối với hộ Bà: Hà Thị Quyết có 1 khẩu, 0 lao động chính, nguyên nhân nghèo là già yếu.", None),
    ],
)
def test_workers_above_members(line, expected):
    body = "II. DANH SÁCH HỘ\n- Đối với hộ nghèo: Kế hoạch giảm 1 hộ; cụ thể:\n" + line + "\n"
    found = [f for f in sanity_of(body) if f.rule == "workers_exceed_members"]
    assert brief(found) == ([] if expected is None else [("workers_exceed_members", "error", expected)])


@pytest.mark.parametrize(
    ("sentence", "fires"),
    [
        ("Tổng số hộ nghèo năm 2024 là 170 hộ/150 hộ.", True),
        ("Tổng số hộ nghèo năm 2024 là 70 hộ/150 hộ.", False),
        # with a rate, the rates family checks it
        ("Tổng số hộ nghèo năm 2024 là 170 hộ/150 hộ, chiếm tỷ lệ 13,3%.", False),
    ],
)
def test_households_above_their_base(sentence, fires):
    found = [f for f in sanity_of("I. THỰC TRẠNG\n" + sentence + "\n") if f.rule == "households_exceed_total"]
    assert brief(found) == ([("households_exceed_total", "error", ["170 hộ", "150 hộ"])] if fires else [])


VILLAGE = """II. GIẢI PHÁP CỤ THỂ
- Thôn Nà Lằng:
Hiện tại thôn Nà Lằng có {poor} hộ nghèo và 3 hộ cận nghèo.
- Đối với hộ nghèo: Kế hoạch giảm {fall} hộ; cụ thể:
+ Đối với hộ Ông: Lò Văn Tâm có 4 khẩu, 2 lao động, nguyên nhân nghèo là thiếu đất.
"""


@pytest.mark.parametrize(("poor", "fall", "fires"), [("05", "2", False), ("2", "2", False), ("1", "3", True)])
def test_a_fall_larger_than_the_households_there_were(poor, fall, fires):
    found = [f for f in sanity_of(VILLAGE.format(poor=poor, fall=fall)) if f.rule == "reduction_exceeds_level"]
    assert [(f.stated, f.expected) for f in found] == ([(3, 1)] if fires else [])


def test_a_fall_after_the_count_it_left_is_not_a_fall_from_it():
    # 'giảm 82 hộ, còn 81 hộ': 81 is what is left, not what there was
    body = "I. ĐÁNH GIÁ KẾT QUẢ\nSố hộ nghèo giảm 82 hộ, còn 81 hộ/910 hộ, tỷ lệ 8,90%.\n"
    assert [f for f in sanity_of(body) if f.rule == "reduction_exceeds_level"] == []


@pytest.mark.parametrize(
    ("sentence", "part"),
    [
        ("Thôn Pa có 6 hộ nghèo, 2 hộ cận nghèo trong đó số hộ BTXH là 1 hộ, số hộ có lao động là 9 hộ;", "9 hộ"),
        ("Thôn Pa có 6 hộ nghèo; trong đó 7 hộ thiếu đất.", "7 hộ"),
        ("Thôn Pa có 6 hộ nghèo, 2 hộ cận nghèo trong đó số hộ BTXH là 1 hộ, số hộ có lao động là 8 hộ;", None),
        # a list that adds up to its whole is the totals family's
        ("Thôn Pa có 6 hộ nghèo: 4 hộ thiếu đất, 9 hộ thiếu vốn.", None),
    ],
)
def test_a_part_larger_than_its_whole(sentence, part):
    found = [f for f in sanity_of("I. THỰC TRẠNG\n" + sentence + "\n") if f.rule == "part_exceeds_whole"]
    assert [f.evidence[0].raw for f in found] == ([part] if part else [])


@pytest.mark.parametrize(
    ("body", "rate"),
    [
        ("I. MỤC TIÊU\n- Phấn đấu 120% hộ nghèo có nhà ở an toàn.\n", "120"),
        ("I. THỰC TRẠNG\nSố hộ nghèo là 163 hộ/ 889 hộ, chiếm tỷ lệ 118,34%.\n", "118,34"),
        ("I. THỰC TRẠNG\nHộ thiếu nước sạch chiếm 105%.\n", "105"),
        ("I. MỤC TIÊU\n- Thu nhập bình quân đầu người tăng 130% so với năm 2020.\n", None),
        ("I. MỤC TIÊU\n- Phấn đấu 100% hộ nghèo có nhà ở an toàn.\n", None),
        ("I. KẾT QUẢ\nTỷ lệ giải ngân đạt 105% kế hoạch.\n", None),
    ],
)
def test_shares_above_a_hundred(body, rate):
    found = [f for f in sanity_of(body) if f.rule == "percent_over_100"]
    assert [f.evidence[0].raw.rstrip("%") for f in found] == ([rate] if rate else [])


@pytest.mark.parametrize(
    ("date", "cited", "expected"),
    [
        ("ngày 05 tháng 01 năm 2025", "18/02/2025", ("error", ["18/02/2025", "ngày 05 tháng 01 năm 2025"])),
        ("ngày 05 tháng 01 năm 2025", "18/01/2022", None),
        ("ngày    tháng 01 năm 2025", "18/01/2025", None),  # a blank day: the same month is not later
        ("ngày .... tháng 01 năm 2025", "18/02/2025", ("error", ["18/02/2025", "ngày .... tháng 01 năm 2025"])),
        ("ngày   tháng   năm 2025", "02 / 03 / 2025", None),
        ("ngày   tháng   năm 2025", "02/03/2026", ("error", ["02/03/2026", "ngày   tháng   năm 2025"])),
    ],
)
def test_a_cited_document_dated_after_the_plan(date, cited, expected):
    found = [f for f in sanity_of("I. MỤC TIÊU\n", date=date, cited=cited) if f.rule == "cited_document_after_plan"]
    assert [(f.severity, [e.raw for e in f.evidence]) for f in found] == ([expected] if expected else [])


def test_without_the_plan_date_a_citation_after_the_plan_year_is_a_warning():
    text = PLAN.format(body="I. MỤC TIÊU\n", date="", cited="10/3/2026").replace("Hòa Bình, \n", "")
    found = [f for f in check_sanity(extract_unchecked(text)) if f.rule == "cited_document_after_plan"]
    assert [(f.severity, f.stated, f.expected) for f in found] == [("warning", 2026, 2025)]


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("Ngày 30/02/2025 UBND xã đã họp Ban chỉ đạo.", "impossible_date"),
        ("Ngày 20/3/2025 UBND xã đã tổ chức hội nghị.", "date_after_issue"),
        ("Hoàn thành việc cấp téc nước ngày 30/6/2028.", "date_outside_period"),
        # deadlines after the plan, and a report due early next year, are what plans are for
        ("Các thôn báo cáo kết quả đã thực hiện trước ngày 20/3/2025.", None),
        ("Tổng hợp báo cáo trước ngày 15/01/2026.", None),
        ("Ngày 02/01/2025 UBND xã đã tổ chức hội nghị.", None),
    ],
)
def test_dates_in_the_text(sentence, rule):
    found = [f for f in sanity_of("I. TỔ CHỨC THỰC HIỆN\n" + sentence + "\n") if f.rule != "cited_document_after_plan"]
    assert [f.rule for f in found] == ([rule] if rule else [])
    if rule:
        assert found[0].evidence[0].raw in sentence and found[0].severity == "warning"


@pytest.mark.parametrize(
    ("body", "year"),
    [
        ("I. ĐÁNH GIÁ KẾT QUẢ NĂM 2024\nII. KẾ HOẠCH NĂM 2026\n", "2026"),
        ("I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2024\nII. KẾ HOẠCH NĂM 2025\n", None),
        ("I. MỤC ĐÍCH\n- Tổ chức thực hiện thắng lợi các mục tiêu, nhiệm vụ năm 2024.\n", "2024"),
        ("I. MỤC ĐÍCH\n- Thực hiện thắng lợi các mục tiêu, nhiệm vụ năm 2025.\n", None),
        ("I. ĐÁNH GIÁ KẾT QUẢ\nKết quả thực hiện mục tiêu năm 2024 đạt 100%.\n", None),
        ("I. MỤC ĐÍCH\n- Thực hiện Kế hoạch số 16/KH-UBND về nhiệm vụ năm 2024 của huyện.\n", None),
        ("I. MỤC TIÊU\n- Giảm tỷ lệ hộ nghèo 1% so với năm 2024.\n", None),
        ("Trên đây là Kế hoạch thực hiện Chương trình giảm nghèo năm 2024 của UBND xã.\n", "2024"),
        ("Trên đây là Kế hoạch thực hiện Chương trình giảm nghèo năm 2025 của UBND xã.\n", None),
        ("Trên đây là Kế hoạch giảm nghèo giai đoạn 2021 - 2025 của UBND xã.\n", None),
    ],
)
def test_a_year_against_the_plan_year(body, year):
    found = [f for f in sanity_of(body) if f.rule == "year_contradicts_plan"]
    assert [(f.severity, f.evidence[0].raw) for f in found] == ([("warning", year)] if year else [])


# --- the samples ------------------------------------------------------------------------------


def test_sample_000_002_003_are_sane():
    for stem in ("000", "002", "003"):
        assert check_sanity(unchecked_sample(stem)) == []


def test_sample_001_keeps_last_years_goals():
    # '... tổ chức thực hiện thắng lợi các mục tiêu, nhiệm vụ năm 2023.' in a plan for 2024 (read in I.1)
    [found] = check_sanity(unchecked_sample("001"))
    assert (found.rule, found.severity, found.stated, found.expected) == ("year_contradicts_plan", "warning", 2023, 2024)
    text = unchecked_sample("001").text
    assert text[found.evidence[0].start - 30 : found.evidence[0].end].endswith("các mục tiêu, nhiệm vụ năm 2023")


def test_sample_004_village_cho_counts_more_workers_households_than_households():
    # 'Hiện tại thôn Chợ có 14 hộ nghèo và 5 hộ cận nghèo; trong đó ... số hộ có người còn khả năng lao động
    # là 39 hộ': 39 of 19 households (every other village's figures fit inside its count)
    [found] = check_sanity(unchecked_sample("004"))
    assert (found.rule, found.severity, found.stated, found.expected) == ("part_exceeds_whole", "error", 39, 19)
    assert [e.raw for e in found.evidence] == ["39 hộ", "14 hộ", "5 hộ"]
    text = unchecked_sample("004").text
    assert "thôn Chợ có 14 hộ nghèo" in text[found.evidence[1].start - 30 : found.evidence[1].end + 10]


@pytest.mark.parametrize("stem", ["001"])
def test_the_same_findings_from_word(stem):
    def values(document):
        return [(f.rule, f.severity, f.stated, f.expected, [e.raw for e in f.evidence]) for f in check_sanity(document)]

    assert values(unchecked_sample(stem, "docx")) == values(unchecked_sample(stem))


# --- mutations --------------------------------------------------------------------------------

MUTATIONS = [
    ("000", r"ngày (?P<n>20/3)/2024 của Ủy ban", "20/7", "cited_document_after_plan"),
    ("000", r"II\. KẾ HOẠCH NĂM (?P<n>2024)", "2025", "year_contradicts_plan"),
    ("000", r"163 hộ/ 889 hộ, chiếm tỷ lệ (?P<n>18,34)%", "118,3", "percent_over_100"),
    ("004", r"Phạm Văn Thuyết có (?P<n>4) khẩu", "1", "workers_exceed_members"),
    ("004", r"Thôn Sẻ\t1\t\t3\t(?P<n>2)\t", "5", "reduction_exceeds_level"),
    ("004", r"Bình Hòa 3 có 1 hộ nghèo, 3 hộ cận nghèo trong đó .{0,90}là (?P<n>3) hộ", "7", "part_exceeds_whole"),
]


@pytest.mark.parametrize(("stem", "pattern", "new", "rule"), MUTATIONS)
def test_a_changed_number_is_caught_by_its_rule_on_its_span(stem, pattern, new, rule):
    new_findings, on_site = totals_and_sanity_mutation(stem, pattern, new, regex.DOTALL)
    assert rule in [f.rule for f in on_site], [f.message for f in new_findings]
    assert new_findings == on_site, [f.message for f in new_findings]  # nothing fires elsewhere



def test_a_share_after_a_long_run_of_spaces_is_still_checked():
    from extractor.pipeline import extract_text

    document = extract_text("Tỷ lệ" + " " * 8000 + "120%.")
    assert [f.rule for f in document.findings if f.rule == "percent_over_100"] == ["percent_over_100"]


def test_a_long_run_of_digits_is_no_citation():
    from extractor.checks.sanity_dates import _CITATION_RE

    assert _CITATION_RE.search("1" * 8000) is None
    assert _CITATION_RE.search("1" * 8000 + "/QĐ").span() == (0, 8002)
