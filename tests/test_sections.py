"""Section tree: heading markers, the component in force, the period and year of each section."""

import pytest

from extractor.sections import find_component, find_headings, plan_year, segment
from extractor.text import SourceText
from extractor.vocab import headings as vocab
from helpers import as_pdf, corpus, source


def heading_rows(src: SourceText):
    sections = segment(src)
    return [(h.kind, h.marker, h.title, sections.component_at(h.start)) for h in sections.headings]


# --- heading markers -----------------------------------------------------------------------


@pytest.mark.parametrize(("line", "kind", "marker", "component"), vocab.HEADING_EXAMPLES)
def test_heading_examples(line, kind, marker, component):
    src = source(line + "\nNội dung.")
    headings = find_headings(src)
    assert len(headings) == 1
    assert src.text[headings[0].start : headings[0].end] == line
    assert (headings[0].kind, headings[0].marker, headings[0].component) == (kind, marker, component)


@pytest.mark.parametrize("line", vocab.NOT_HEADING_EXAMPLES)
def test_lines_that_are_not_headings(line):
    assert segment(source("Đoạn văn.\n" + line + "\n")).headings == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("1. Mục tiêu\n- Giảm nghèo.", "Mục tiêu"),
        ("a) *Mục tiêu:* Hỗ trợ mô hình.", "Mục tiêu"),
        ("3.1. Dự án 1 hỗ trợ nước sinh hoạt: Đã triển khai cho 40 hộ.", "Dự án 1 hỗ trợ nước sinh hoạt"),
        ("1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo", "Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo"),
        ("4.1. Xây dựng kế hoạch giảm nghèo. Trên cơ sở kế hoạch của xã.", "Xây dựng kế hoạch giảm nghèo"),
        ("II.   KẾ HOẠCH   NĂM 2024", "KẾ HOẠCH NĂM 2024"),
        ("2.1.Mục tiêu tổng quát", "Mục tiêu tổng quát"),
    ],
)
def test_heading_title_is_cut_at_colon_or_full_stop(text, title):
    assert segment(source(text)).headings[0].title == title


def test_heading_title_wrapped_after_a_hyphen_in_a_pdf():
    src = SourceText("1. Thực hiện giai đoạn 2022-\n2025 trên địa bàn xã\nNội dung.", page_starts=(0,))
    assert segment(src).headings[0].title == "Thực hiện giai đoạn 2022-2025 trên địa bàn xã"


def test_numbering_with_gaps_and_repeats_keeps_every_heading():
    text = "I. MỤC TIÊU\n1. Chung\n3. Cụ thể\n3. Lặp lại\nV. TỔ CHỨC\n2. Phòng\n"
    assert [h.marker for h in segment(source(text)).headings] == ["I", "1", "3", "3", "V", "2"]


def test_heading_levels_nest_roman_arabic_letters():
    text = "I. NỘI DUNG\n1. Dự án 2: Sinh kế\n1.1. Hoạt động\na) Mục tiêu\nb) Nguồn vốn\nII. KINH PHÍ\n"
    sections = segment(source(text))
    offset = text.index("Nguồn vốn")
    assert [h.marker for h in sections.chain_at(offset)] == ["I", "1", "1.1", "b"]
    assert sections.heading_at(offset) == "Nguồn vốn"
    assert [h.marker for h in sections.chain_at(text.index("KINH"))] == ["II"]


# --- components ----------------------------------------------------------------------------

PLAN = """III. NỘI DUNG, NHIỆM VỤ
1. Dự án 2: Đa dạng hóa sinh kế
a) Mục tiêu: Hỗ trợ mô hình.
đ) Nguồn vốn thực hiện: Dự kiến 530 triệu đồng.
3. Dự án 3: Hỗ trợ phát triển sản xuất
Tiểu dự án 2: Cải thiện dinh dưỡng
a) Mục tiêu: Giảm suy dinh dưỡng.
đ) Nguồn vốn thực hiện: Dự kiến 342 triệu đồng.
4. DỰ ÁN 4: Giáo dục nghề nghiệp
4.1. Tiểu dự án 1: Phát triển giáo dục nghề nghiệp
đ) Nguồn vốn thực hiện: Dự kiến 685 triệu đồng.
4.2. Tiểu dự án 3: Hỗ trợ việc làm bền vững
đ) Nguồn vốn thực hiện: Dự kiến 81 triệu đồng.
7. Dự án 7: Nâng cao năng lực
đ) Nguồn vốn thực hiện: Dự kiến 22 triệu đồng.
IV. KINH PHÍ THỰC HIỆN CHƯƠNG TRÌNH
1. Tổng kinh phí: Dự kiến 1.660 triệu đồng.
"""
PLAN_COMPONENTS = [
    "Dự án 2",
    "Dự án 3 / Tiểu dự án 2",
    "Dự án 4 / Tiểu dự án 1",
    "Dự án 4 / Tiểu dự án 3",
    "Dự án 7",
    None,
]


@pytest.mark.parametrize("make", [source, as_pdf], ids=["lines", "wrapped"])
def test_component_in_force_resets_and_ends(make):
    src = make(PLAN)
    sections = segment(src)
    offsets = [match for match in range(len(src.text)) if src.text.startswith("Dự kiến", match)]
    assert [sections.component_at(offset) for offset in offsets] == PLAN_COMPONENTS


def test_a_new_project_resets_the_subproject():
    text = "1. Dự án 3\nTiểu dự án 2: Dinh dưỡng\nNội dung A.\n2. Dự án 4: Nghề\nNội dung B.\n"
    sections = segment(source(text))
    assert sections.component_at(text.index("Nội dung A")) == "Dự án 3 / Tiểu dự án 2"
    assert sections.component_at(text.index("Nội dung B")) == "Dự án 4"


def test_a_subproject_naming_its_project_does_not_end_it_for_the_next_one():
    text = "2. Dự án 3: Sản xuất\n2.1. Tiểu dự án 1 thuộc Dự án 3: Nông nghiệp\nA.\n2.2. Tiểu dự án 2: Dinh dưỡng\nB.\n"
    sections = segment(source(text))
    assert sections.component_at(text.index("A.")) == "Dự án 3 / Tiểu dự án 1"
    assert sections.component_at(text.index("B.")) == "Dự án 3 / Tiểu dự án 2"


def test_a_sibling_heading_without_component_ends_it():
    text = "3.1. Dự án 1 hỗ trợ nước sinh hoạt: A.\n3.2. Dự án thuộc chương trình giảm nghèo\nB.\n"
    sections = segment(source(text))
    assert sections.component_at(text.index("A.")) == "Dự án 1"
    assert sections.component_at(text.index("B.")) is None


def test_a_lower_case_component_at_a_wrapped_line_start_is_not_a_heading():
    text = "3.2. Dự án giảm nghèo\nMô hình nuôi lợn (Dự án hỗ trợ sản xuất-Tiểu dự án 1,\ndự án 3 thuộc CTMTQG giảm nghèo bền vững năm 2023)\nA."
    sections = segment(SourceText(text, page_starts=(0,)))
    assert [h.marker for h in sections.headings] == ["3.2"]


def test_a_component_name_wrapped_over_two_pdf_lines():
    src = SourceText("II. NỘI DUNG\n2.3. Tiểu dự án 2: Truyền thông (Dự án\n6: Truyền thông và giảm nghèo)\nNội dung.", page_starts=(0,))
    sections = segment(src)
    assert sections.component_at(src.text.index("Nội dung.")) == "Dự án 6 / Tiểu dự án 2"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Trong năm 2023 thực hiện tiểu dự án 1: Mô hình chăn nuôi", (None, 1)),
        ("(Dự án hỗ trợ sản xuất-Tiểu dự án 1, dự án 3 thuộc CTMTQG)", (3, 1)),
        ("Tiểu dự án 2 thuộc Dự án 10: Ứng dụng công nghệ thông tin", (10, 2)),
        ("Dự án 4: Đầu tư cơ sở hạ tầng", (4, None)),
        ("kinh phí cho 2 dự án", None),
        ("Dự án\n7: Chăm sóc sức khỏe", (7, None)),
    ],
)
def test_find_component_in_a_sentence(text, found):
    assert find_component(text) == found


# --- period and target sections ---------------------------------------------------------------


@pytest.mark.parametrize("title", vocab.EVALUATION_TITLE_EXAMPLES)
def test_evaluation_titles_are_past(title):
    text = f"I. {title}\nNội dung."
    assert segment(source(text)).tense_at(text.index("Nội dung")) == "past"


@pytest.mark.parametrize("title", vocab.PLAN_TITLE_EXAMPLES)
def test_plan_titles_are_plan(title):
    text = f"II. {title}\nNội dung."
    assert segment(source(text)).tense_at(text.index("Nội dung")) == "plan"


@pytest.mark.parametrize("title", vocab.TARGET_TITLE_EXAMPLES)
def test_target_titles_open_a_target_section(title):
    text = f"II. {title}\n- Nội dung."
    assert segment(source(text)).in_target_section(text.index("Nội dung"))


@pytest.mark.parametrize("title", vocab.OTHER_TITLE_EXAMPLES)
def test_other_titles_close_a_target_section(title):
    text = f"I. MỤC TIÊU\n1. Cụ thể\n2. {title}\n- Nội dung."
    sections = segment(source(text))
    assert sections.in_target_section(text.index("Cụ thể"))
    assert not sections.in_target_section(text.index("Nội dung"))


def test_an_evaluated_target_is_not_a_target_section():
    text = "I. ĐÁNH GIÁ KẾT QUẢ NĂM 2023\n5. Kết quả thực hiện mục tiêu, chỉ tiêu năm 2023\nA.\n"
    assert not segment(source(text)).in_target_section(text.index("A."))


def test_year_of_a_section_comes_from_its_headings_else_the_plan():
    text = (
        "KẾ HOẠCH\nThực hiện giảm nghèo năm 2024\n"
        "I. ĐÁNH GIÁ KẾT QUẢ NĂM 2023\n1. Kết quả\nA.\nII. KẾ HOẠCH NĂM 2024\nB.\nIII. TỔ CHỨC THỰC HIỆN\nC.\n"
    )
    sections = segment(source(text))
    assert [sections.year_at(text.index(x)) for x in ("A.", "B.", "C.")] == [2023, 2024, 2024]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("KẾ HOẠCH\nThực hiện Chương trình giảm nghèo năm 2025 trên địa bàn xã\nCăn cứ năm 2021;", 2025),
        ("KẾ HOẠCH\n\nThực hiện công tác giảm nghèo NĂM 2023\n", 2023),
        ("KẾ HOẠCH\nThực hiện công tác giảm nghèo\nCăn cứ Kế hoạch năm 2022;", None),
        ("Thực hiện công tác giảm nghèo năm 2023", None),
    ],
)
def test_plan_year(text, year):
    assert plan_year(source(text)) == year


# --- the corpus -----------------------------------------------------------------------------


@pytest.mark.parametrize(("stem", "year"), [("000", 2024), ("001", 2024), ("002", 2023), ("003", 2025), ("004", 2024)])
def test_corpus_plan_year(stem, year):
    assert segment(corpus(stem)).plan_year == year


def test_corpus_001_components_of_each_budget_line():
    src = corpus("001")
    sections = segment(src)
    offsets = [i for i in range(len(src.text)) if src.text.startswith("Nguồn vốn thực hiện", i)]
    assert [sections.component_at(offset) for offset in offsets] == [
        "Dự án 2",
        "Dự án 3 / Tiểu dự án 2",
        "Dự án 4 / Tiểu dự án 1",
        "Dự án 4 / Tiểu dự án 3",
        "Dự án 6 / Tiểu dự án 2",
        "Dự án 7 / Tiểu dự án 1",
        "Dự án 7 / Tiểu dự án 2",
    ]
    assert sections.component_at(src.text.index("1.728")) is None
    assert sections.heading_at(src.text.index("1.728")).startswith("Tổng kinh phí từ nguồn ngân sách Trung ương")


def test_corpus_003_subprojects_name_their_project_in_parentheses():
    src = corpus("003")
    sections = segment(src)
    at = src.text.index
    assert sections.component_at(at("Phát triển sản xuất nông, lâm nghiệp")) == "Dự án 3 / Tiểu dự án 1"
    assert sections.component_at(at("Người học nghề, lao động")) == "Dự án 4 / Tiểu dự án 1"
    assert sections.component_at(at("Người nghèo, người dân tại các địa bàn")) == "Dự án 6 / Tiểu dự án 2"
    assert sections.component_at(at("Xây dựng khung kết quả")) == "Dự án 7 / Tiểu dự án 2"
    assert sections.component_at(at("Hỗ trợ thực hiện Chương trình OCOP")) is None


def test_corpus_000_evaluation_then_plan():
    src = corpus("000")
    sections = segment(src)
    at = src.text.index
    assert (sections.tense_at(at("1.080")), sections.year_at(at("1.080"))) == ("past", 2023)
    assert sections.component_at(at("700 triệu")) == "Dự án 1"
    assert sections.component_at(at("380 triệu")) is None  # named in the text, not a heading
    assert (sections.tense_at(at("dưới 12%")), sections.year_at(at("dưới 12%"))) == ("plan", 2024)
    assert sections.in_target_section(at("dưới 12%"))
    assert not sections.in_target_section(at("trên 5%"))


@pytest.mark.parametrize("stem", ["000", "001", "002", "003", "004"])
def test_corpus_headings_agree_in_word(stem):
    assert heading_rows(corpus(stem, "docx")) == heading_rows(corpus(stem))


@pytest.mark.parametrize("stem", ["001"])
def test_corpus_headings_agree_in_pdf(stem):
    assert heading_rows(corpus(stem, "pdf")) == heading_rows(corpus(stem))


@pytest.mark.parametrize("stem", ["000", "002", "003", "004"])
def test_corpus_headings_agree_when_wrapped(stem):
    assert heading_rows(as_pdf(corpus(stem).text)) == heading_rows(corpus(stem))


def test_headings_across_thousands_of_blank_lines():
    # Quadratic before: every line looked ahead over all the blank lines after it.
    src = source("I. MỤC TIÊU\n" + "\n" * 8000 + "II. NHIỆM VỤ\n" + " " * 8000 + "\n1.1. Dự án 1: Hỗ trợ")
    assert [(heading.marker, heading.title, heading.component) for heading in find_headings(src)] == [
        ("I", "MỤC TIÊU", None), ("II", "NHIỆM VỤ", None), ("1.1", "Dự án 1: Hỗ trợ", "Dự án 1")
    ]
