"""Faster ways to find the same matches: each against the one pattern it stands for, on plans and edge cases.

``Alternatives`` (an alternation searched one alternative at a time), ``Anchored`` (a pattern tried only
where it can start), ``squash`` without the regex, ``TabLines`` without the regex: any difference in a
match's span or groups would change what the parsers read.
"""


import pytest
import regex
from conftest import CORPUS
from plan_texts import corpus_and_generated

from extractor.checks import breakdowns, sanity_dates, words
from extractor.parsers import budgets, dates, so_hieu, targets
from extractor.parsers.numbers import NUMBER_START_RE
from extractor.readers.txt import text_source
from extractor.structure import _TAB_LINE_RE, TabLines, sentence_spans
from extractor.text import _SPACE_RUN, Alternatives, Anchored, squash
from extractor.vocab import checks_poverty, checks_totals

_I = regex.IGNORECASE

EDGE_CASES = [
    "",
    "x",
    "ngày 29 tháng 12 năm 2023, ngày 05/01/2024 và ngày …/…/2024; 31/12/2023",
    "ngày .../3/2024 ngày   tháng   năm 2024 1.2.2023 20-3-2024 32/13/2023",
    "Tổng số hộ toàn xã năm 2023 là 2.515 hộ. Năm 2024, toàn xã có 910 hộ, 3.640 khẩu",
    "tính đến cuối năm 2023 tổng số hộ là 1.250 hộ gia đình; tính đến năm 2022, toàn xã có 889 hộ",
    "Đến hết năm 2023, tổng số hộ dân cư: 700 hộ. Vào cuối năm 2021 toàn huyện có 5.000 hộ.",
    "năm 2023 năm 2024 tổng số hộ là 12 hộ; hết năm 2020, cuối năm 2021 tổng số hộ 3 hộ",
    "Toàn xã có" + " " * 300 + "2.515 hộ.",
    (
        "thực hiện thắng lợi các mục tiêu, nhiệm vụ năm 2023; hoàn thành chỉ tiêu năm 2024. "
        "Kết quả thực hiện mục tiêu năm 2023; chỉ tiêu và nhiệm vụ chủ yếu năm 2025"
    ),
    "Số: 51/KH-UBND; 24/2021/QH15, 47-NQ/TU, 56- CTr/TU, 1.2/KH-UBND, a12/QĐ-TTg, 14/2012/QĐ-TTg",
    "Kinh phí 1.080 triệu đồng, 2,5 tỷ đồng; 150 triệu. 2 triệu người, 12.345.678 đồng, 1.2.3 đồng",
    "Giảm 1,5% hộ nghèo; 80% số hộ có nhà; 8/10 thôn; 2021-2025; 3 hộ, 20 km đường, 06 lớp",
    "1.080,5\n2\t3,4\n\t\n12.000.000 đ) 5 đ",
    "\t\n\t\t\na\tb\n",
]


def _texts() -> tuple[str, ...]:
    """The corpus plans, a few generated plans (as .txt is read), and the edge cases."""
    return corpus_and_generated(7, 12) + tuple(EDGE_CASES)


def _found(matches) -> list[tuple]:
    """Span, the groups that took part, and every capture of the date parts (a split form lacks the others' groups)."""
    return [
        (
            m.span(),
            {name: value for name, value in m.groupdict().items() if value is not None},
            [m.captures(name) if name in m.groupdict() else [] for name in ("day", "month", "year")],
        )
        for m in matches
    ]


FAST_FINDERS = [
    ("dates", regex.compile(dates.DATE, _I), dates.DATES),
    ("household totals", words.TOTAL_RE, words.TOTALS),
    ("goal years", regex.compile(checks_totals.GOAL_YEAR, _I), sanity_dates._GOAL_YEARS),
    ("money", budgets._MONEY_RE, budgets._AMOUNTS),
    ("quantities", targets._QUANTITY_RE, targets._QUANTITIES),
    ("document numbers", so_hieu._SO_HIEU_RE, so_hieu._SO_HIEUS),
    ("numbers", breakdowns._NUMBER_RE, breakdowns._NUMBERS),
]


@pytest.mark.parametrize(("name", "pattern", "finder"), FAST_FINDERS, ids=[name for name, _, _ in FAST_FINDERS])
def test_fast_finders_find_what_their_pattern_finds(name, pattern, finder):
    found_any = False
    for text in _texts():
        expected = _found(pattern.finditer(text))
        found_any = found_any or bool(expected)
        assert _found(finder.finditer(text)) == expected, f"{name}: {text[:80]!r}"
        for start, end in ((1, len(text) // 2), (len(text) // 3, len(text)), (5, 5)):
            assert _found(finder.finditer(text, start, end)) == _found(pattern.finditer(text, start, end)), name
    assert found_any, f"{name}: no text has a match, so the comparison proves nothing"


def test_the_split_forms_join_back_into_the_patterns():
    assert checks_totals.GOAL_YEAR == "".join(
        [checks_totals._GOAL_NOT_AFTER, f"(?:{'|'.join(checks_totals._GOAL_WORDS)})", checks_totals._GOAL_REST]
    )
    assert dates.DATE == f"(?:{'|'.join(dates.DATE_FORMS)})"
    assert len(checks_poverty.HOUSEHOLD_TOTAL_FORMS) == len(checks_poverty._WHEN_LEADS) + 1


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("ab", [(0, 2)]),  # both match at 0: the first listed wins, as in 'ab|a'
        ("xa ab", [(1, 2), (3, 5)]),  # the leftmost wins whichever is listed first
        ("aab", [(0, 1), (1, 3)]),
    ],
)
def test_alternatives_take_the_leftmost_then_the_first_listed(text, spans):
    assert [m.span() for m in Alternatives(["ab", "a"]).finditer(text)] == spans
    assert [m.span() for m in regex.finditer("ab|a", text)] == spans


def test_anchored_reads_the_text_before_each_start():
    pattern = regex.compile(r"(?<![0-9.,])[0-9]+")
    finder = Anchored(pattern, NUMBER_START_RE)
    text = "1.5 ab 12,3 x7 9"
    expected = ["1", "12", "7", "9"]
    assert [m.group() for m in finder.finditer(text)] == [m.group() for m in pattern.finditer(text)] == expected
    # from an offset inside a number, the look-behind still sees the digit before it
    assert [m.group() for m in finder.finditer(text, 8)] == [m.group() for m in pattern.finditer(text, 8)] == ["7", "9"]


@pytest.mark.parametrize(
    "text", ["", " ", "a  b", " \x1ca\x1f b\x1d ", "x\x1e\ny", "a\u2028b\u3000 c\x85d", "\u00a0a\u200bb", "\t\n\r\x0b\x0c"]
)
def test_squash_is_the_regex_squash(text):
    assert squash(text) == _SPACE_RUN.sub(" ", text).strip()


def test_squash_is_the_regex_squash_on_every_line_of_the_plans():
    lines = [line for text in _texts() for line in text.split("\n")] + list(_texts())
    assert all(squash(line) == _SPACE_RUN.sub(" ", line).strip() for line in lines)


def test_tab_lines_are_the_lines_the_pattern_finds():
    for text in _texts():
        assert TabLines(text)._spans == [match.span() for match in _TAB_LINE_RE.finditer(text)]


def test_sentence_spans_are_read_once_and_handed_out_as_copies():
    source = text_source((CORPUS / "000_2753d8804e160cef.txt").read_text(encoding="utf-8"))
    first = sentence_spans(source, [])
    first.append((0, 0))
    assert sentence_spans(source, []) == first[:-1]
    assert sentence_spans(source, []) is not sentence_spans(source, [])
