"""Vietnamese numbers and money: case tables and properties."""

from decimal import Decimal

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from extractor.parsers.numbers import MONEY, NUMBER, parse_count, parse_money, parse_number
from extractor.vocab.money import MONEY_EXAMPLES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.080", Decimal("1080")),  # '.' groups thousands
        ("1.728", Decimal("1728")),
        ("18,34", Decimal("18.34")),  # ',' is the decimal mark
        ("06", Decimal("6")),  # leading zeros are common in counts
        ("1.250,5", Decimal("1250.5")),
        ("1.500.000", Decimal("1500000")),
        ("1,250.5", Decimal("1250.5")),  # an English-formatted copy
        ("1,500,000", Decimal("1500000")),
        ("0,91", Decimal("0.91")),
        ("0.5", Decimal("0.5")),  # not thousands: a group cannot start with 0
        ("100", Decimal("100")),
        ("1. 080", Decimal("1080")),  # a stray space after the separator
        ("1.2.3", None),
        ("12.34.567", None),
        ("1.250,5,3", None),
        ("abc", None),
        ("", None),
        ("5,", None),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(("text", "expected"), [("06", 6), ("1.080", 1080), ("2,5", None), ("x", None)])
def test_parse_count(text, expected):
    assert parse_count(text) == expected


@pytest.mark.parametrize(("text", "expected"), MONEY_EXAMPLES)
def test_money_examples_from_vocabulary(text, expected):
    assert parse_money(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.080 triệu\nđồng", 1_080_000_000),  # a PDF line wrap between the words of the unit
        ("1.080  TRIỆU ĐỒNG", 1_080_000_000),
        ("0,5 triệu đồng", 500_000),
        ("1,2345 đồng", None),  # not a whole number of đồng: absent, never rounded
        ("5 đợt", None),  # 'đ' must not match inside a word
        ("12 hộ", None),
    ],
)
def test_parse_money_edge_cases(text, expected):
    assert parse_money(text) == expected


def test_number_pattern_keeps_ranges_and_ratios_apart():
    text = "giai đoạn 2021-2025, 8/10 thôn, 163 hộ/ 889 hộ, tỷ lệ 18,34%. Dự kiến 1.728 triệu."
    assert [m.group() for m in regex.finditer(NUMBER, text)] == [
        "2021", "2025", "8", "10", "163", "889", "18,34", "1.728",
    ]


def test_money_pattern_finds_amount_and_unit():
    match = regex.search(MONEY, "Nguồn vốn thực hiện: Dự kiến 530 triệu đồng.")
    assert (match["amount"], match["unit"]) == ("530", "triệu đồng")


def _vietnamese(value: int, decimals: str = "") -> str:
    grouped = f"{value:,}".replace(",", ".")
    return grouped + ("," + decimals if decimals else "")


@given(st.integers(min_value=0, max_value=10**12), st.text("0123456789", max_size=3))
def test_vietnamese_formatting_round_trips(value, decimals):
    expected = Decimal(f"{value}.{decimals}") if decimals else Decimal(value)
    assert parse_number(_vietnamese(value, decimals)) == expected


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["triệu đồng", "tỷ đồng", "nghìn đồng", "đồng"]))
def test_money_is_whole_dong(value, unit):
    multiplier = {"triệu đồng": 10**6, "tỷ đồng": 10**9, "nghìn đồng": 10**3, "đồng": 1}[unit]
    assert parse_money(f"{_vietnamese(value)} {unit}") == value * multiplier


@given(st.text(max_size=30))
def test_parse_number_never_raises_and_is_non_negative(text):
    result = parse_number(text)
    assert result is None or result >= 0


# --- found by tests/test_fuzz.py -------------------------------------------------------------------


@pytest.mark.parametrize("text", ["١٢٣", "1.٢٣٤", "１２", "۳,5"])
def test_digits_of_other_scripts_are_not_a_number(text):
    """The parsers read ASCII digits only; normalise() maps other scripts' digits before them."""
    assert parse_number(text) is None
    assert all(match.group().isascii() for match in regex.finditer(NUMBER, text))


def test_money_in_digits_of_other_scripts_is_not_read():
    assert parse_money("٥ triệu đồng") is None
