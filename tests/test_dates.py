"""Dates with blank parts: kept unknown, never guessed."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.parsers.dates import find_dates, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("ngày 29 tháng 12 năm 2023", "2023-12-29"),
        ("Ngày 29 tháng 12 năm 2023", "2023-12-29"),
        ("ngày 16 tháng 01 năm 2024", "2024-01-16"),
        ("ngày tháng 5 năm 2024", "2024-05"),  # blank day in a draft
        ("ngày.... tháng 02 năm 2024", "2024-02"),
        ("ngày … tháng … năm 2024", "2024"),
        ("ngày   tháng   năm 2024", "2024"),
        ("ngày 5 tháng\n3 năm 2024", "2024-03-05"),  # a PDF line wrap
        ("29/12/2023", "2023-12-29"),
        ("20/3/2024", "2024-03-20"),
        ("08 /01/2024", "2024-01-08"),
        ("16.3.2022", "2022-03-16"),
        ("16-3-2022", "2022-03-16"),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text).iso == iso


@pytest.mark.parametrize("text", ["31/02/2024", "12/13/2024", "ngày 32 tháng 1 năm 2024", "8/10", "2021-2025", "16/3-2022"])
def test_impossible_or_partial_numbers_are_not_dates(text):
    assert parse_date(text) is None


def test_find_dates_in_a_citation_list():
    text = "Kế hoạch số 599/KH-UBND ngày 16/3/2022, số 989/KH-UBND ngày 05/5/2022"
    assert [date.iso for _, date in find_dates(text)] == ["2022-03-16", "2022-05-05"]


def test_blank_date_is_never_today():
    date = parse_date("ngày tháng năm 2024")
    assert (date.month, date.day) == (None, None)


@given(st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2099, 12, 31)), st.booleans(), st.booleans())
def test_any_real_date_round_trips(date, long_form, zero_pad):
    day, month = (f"{date.day:02d}", f"{date.month:02d}") if zero_pad else (str(date.day), str(date.month))
    text = f"ngày {day} tháng {month} năm {date.year}" if long_form else f"{day}/{month}/{date.year}"
    assert parse_date(text).iso == date.isoformat()


# --- found by tests/test_fuzz.py -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [("ngày …/…/2024", "2024"), ("ngày .../.../2024", "2024"), ("ngày   /  /2024", "2024"),
     ("ngày …/3/2024", "2024-03"), ("Ngày ..../05/2023", "2023-05")],
)
def test_blank_short_date_of_a_template_keeps_its_year(text, iso):
    assert parse_date(text).iso == iso


def test_a_written_short_date_is_found_without_the_word_before_it():
    assert [match.group() for match, _ in find_dates("ngày 12/3/2024")] == ["12/3/2024"]


@pytest.mark.parametrize("text", ["١٢/٣/٢٠٢٤", "ngày ٥ tháng ٣ năm ٢٠٢٤", "12/3/２０２４", "ngày …/…/٢٠٢٤"])
def test_digits_of_other_scripts_are_not_read(text):
    """The parsers read ASCII digits only; normalise() maps other scripts' digits before them."""
    assert find_dates(text) == []


def test_long_runs_of_blanks_between_the_words():
    # Both took seconds to fail or match before the blanks were matched possessively.
    assert find_dates("ngày" + " " * 8000 + "x") == []
    assert [date.iso for _, date in find_dates("ngày" + " …" * 4000 + " tháng 5 năm 2024")] == ["2024-05"]
