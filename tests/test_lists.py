"""Village and household lists: village headings, category lines, village names, household columns."""

import pytest

from extractor.parsers.lists import (
    category_line,
    cell_village,
    household_columns,
    list_context,
    list_items,
    village_heading,
    village_name,
)
from extractor.parsers.tables import parse_tables
from extractor.text import SourceText, normalise
from extractor.vocab.households import (
    CATEGORY_LINE_EXAMPLES,
    HOUSEHOLD_COLUMN_EXAMPLES,
    VILLAGE_HEADING_EXAMPLES,
)

# --- vocabulary examples -------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "expected"), VILLAGE_HEADING_EXAMPLES)
def test_village_heading_examples(line, expected):
    assert village_heading(line) == expected


@pytest.mark.parametrize(("line", "expected"), CATEGORY_LINE_EXAMPLES)
def test_category_line_examples(line, expected):
    assert category_line(line) == expected


@pytest.mark.parametrize(("header", "expected"), HOUSEHOLD_COLUMN_EXAMPLES)
def test_household_column_examples(header, expected):
    columns = household_columns([header])
    assert (next(iter(columns)) if columns else None) == expected


# --- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "name", "expected"),
    [
        ("thôn", "hạc sơn", "Thôn Hạc Sơn"),
        ("BẢN", "PHIÊNG LUÔNG", "Bản Phiêng Luông"),
        ("Thôn", "II", "Thôn II"),
        ("tổ  dân\nphố", "số 3", "Tổ dân phố Số 3"),
    ],
)
def test_village_name(level, name, expected):
    assert village_name(level, name) == expected


@pytest.mark.parametrize(
    ("cell", "header", "expected"),
    [
        ("Thôn Tô", "Tên thôn", "Thôn Tô"),
        ("Nà Cạn", "Thôn/Bản", "Thôn Nà Cạn"),
        ("Nà Cạn", "Bản", "Bản Nà Cạn"),
        ("Nà Cạn", "Địa chỉ", "Nà Cạn"),
        ("Nà Cạn", "Tên thôn, bản nơi hộ đang sinh sống", "Nà Cạn"),  # a long header names no level
    ],
)
def test_cell_village(cell, header, expected):
    assert cell_village(cell, header) == expected


# --- context -------------------------------------------------------------------------------------


def test_village_and_category_last_until_the_next_heading():
    text = normalise(
        "• Thôn Tô:\n- Đối với hộ nghèo:\n+ Hộ ông A\n- Đối với hộ cận nghèo:\n+ Hộ bà B\n"
        "• Bản Nà Lằng:\n+ Hộ ông C\n3. Tổ chức thực hiện\n+ Hộ ông D"
    )
    context = list_context(SourceText(text), [])
    at = {word: text.index(word) for word in ("ông A", "bà B", "ông C", "ông D")}
    assert [(context.village_at(at[w]), context.category_at(at[w])) for w in at] == [
        ("Thôn Tô", "poor"),
        ("Thôn Tô", "near_poor"),
        ("Bản Nà Lằng", None),
        (None, None),
    ]


def test_a_letter_item_stays_inside_the_village_a_numbered_heading_ends_it():
    text = "• Thôn Tô:\na) Nguyên nhân nghèo: thiếu vốn\n+ Hộ ông A\n2. Giải pháp\n+ Hộ ông B"
    context = list_context(SourceText(text), [])
    assert [context.village_at(text.index(name)) for name in ("ông A", "ông B")] == ["Thôn Tô", None]


def test_table_rows_open_no_village():
    text = "TT\tThôn\tSố hộ\n- Thôn Tô:\t\t\n1\tNà Cạn\t8\n"
    source = SourceText(text)
    assert list_context(source, parse_tables(source)).village_at(len(text) - 1) is None
    assert list_context(source, []).village_at(len(text) - 1) == "Thôn Tô"  # outside a table, a heading line


# --- line wraps: items are keyed on their markers, not on line starts ------------------------------


def _contexts(text: str, names: tuple[str, ...]) -> list[tuple[str | None, str | None]]:
    context = list_context(SourceText(normalise(text)), [])
    text = normalise(text)
    return [(context.village_at(text.index(name)), context.category_at(text.index(name))) for name in names]


@pytest.mark.parametrize(
    "heading",
    [
        "- Đối với hộ\ncận nghèo: Kế hoạch giảm 2 hộ; cụ thể:",
        "– Đối với\nhộ cận nghèo – giảm 02 hộ:",
        "b) Danh sách hộ\ncận nghèo:",
        "+ Đối\nvới các hộ cận\nnghèo: giảm 1 hộ",
        "-\nĐối với hộ cận nghèo:",  # the bullet alone on its line
        "3.\nHộ cận nghèo:",
    ],
)
def test_a_wrapped_category_line_still_opens_its_category(heading):
    text = f"• Bản Nà Lằng:\n- Đối với hộ nghèo:\n+ Hộ ông Lò Văn Sáng\n{heading}\n+ Hộ bà Quàng Thị Mai có 3 khẩu"
    assert _contexts(text, ("ông Lò", "bà Quàng")) == [("Bản Nà Lằng", "poor"), ("Bản Nà Lằng", "near_poor")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Giải pháp: hỗ trợ vốn vay cho từng\nhộ nghèo, cận nghèo để phát triển sản xuất.",
        "* Đối với các hộ còn lại đề nghị thôn theo dõi từng\nhộ nghèo và giúp đỡ.",
        "Ban giảm nghèo phối hợp với\nthôn Xuân Hòa:",  # the wrapped words look like a heading, but go on
        "- Giao chỉ tiêu giảm nghèo cho\nbản Nà Lằng:",
    ],
)
def test_a_wrapped_line_beginning_with_a_list_word_opens_nothing(sentence):
    text = f"• Thôn Xuân Sơn:\n- Đối với hộ cận nghèo:\n+ Hộ ông Lò Văn Sáng\n{sentence}\n+ Hộ bà Quàng Thị Mai có 3 khẩu"
    assert _contexts(text, ("ông Lò", "bà Quàng")) == [("Thôn Xuân Sơn", "near_poor")] * 2


def test_a_marked_item_after_a_finished_line_is_a_new_item_even_in_lower_case():
    text = "• Thôn Tô:\n- Đối với hộ nghèo: giảm 1 hộ.\na) hộ cận nghèo:\n+ Hộ bà Quàng Thị Mai có 3 khẩu"
    assert _contexts(text, ("bà Quàng",)) == [("Thôn Tô", "near_poor")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Đối với\nhộ nghèo:\n\n+ Hộ ông A", [(0, "- Đối với\nhộ nghèo:"), (21, "+ Hộ ông A")]),
        ("xong.\nhộ nghèo", [(0, "xong."), (6, "hộ nghèo")]),  # after final punctuation a line opens an item
        ("cho từng\n+ hộ nghèo", [(0, "cho từng"), (9, "+ hộ nghèo")]),  # a marker opens an item
        ("cho từng\nb) hộ nghèo", [(0, "cho từng"), (9, "b) hộ nghèo")]),
        ("cho từng\nHộ nghèo", [(0, "cho từng"), (9, "Hộ nghèo")]),
        ("TT\tThôn\nthôn Tô\t3", [(0, "TT\tThôn"), (8, "thôn Tô\t3")]),  # table rows are never joined
    ],
)
def test_list_items_join_wrapped_lines(text, expected):
    assert list_items(text) == expected
