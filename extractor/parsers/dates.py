"""Dates as plans write them, with blank parts kept unknown: 'ngày tháng 5 năm 2024' is 2024-05."""

from __future__ import annotations

import regex

from extractor.text import Alternatives
from schemas import PartialDate

# A blank part: nothing, dots, ellipses, underscores or spaces between the words. Possessive, as are
# the spaces around a part: a word follows, so giving back never helps, and a long run of blanks
# before a missing 'tháng' would otherwise be retried split every way (cubic time).
_BLANK = r"[\s.…_/-]*+"
_DAY = r"[0-9]{1,2}"
_MONTH = r"[0-9]{1,2}"
_YEAR = r"(?:19|20)[0-9]{2}"

# 'ngày 29 tháng 12 năm 2023', 'ngày.... tháng 02 năm 2024', 'ngày   tháng   năm 2024'.
LONG_DATE = (
    rf"ngày\s*+(?:(?P<day>{_DAY})|{_BLANK})\s*+tháng\s*+(?:(?P<month>{_MONTH})|{_BLANK})"
    rf"\s*+năm\s*+(?P<year>{_YEAR})(?![0-9])"
)
# '29/12/2023', '08 /01/2024', '20-3-2024', '16.3.2022'; the separator is the same twice.
SHORT_DATE = (
    rf"(?<![0-9/.-])(?P<day>{_DAY})\s*+(?P<sep>[/.-])\s*+(?P<month>{_MONTH})\s*+(?P=sep)\s*+(?P<year>{_YEAR})(?![0-9])"
)
# A template's short date with a part left blank: 'ngày …/…/2024', 'ngày .../3/2024', 'ngày   /  /2024'.
# Only after 'ngày' (a bare '…/…/2024' could be anything) and only with a blank part: a date with
# both parts written is SHORT_DATE's, without the word.
_BLANK_PART = r"[.…_]*+"
BLANK_SHORT_DATE = (
    rf"ngày\s*+(?![0-9]{{1,2}}\s*+/\s*+[0-9]{{1,2}}\s*+/)(?:(?P<day>{_DAY})|{_BLANK_PART})\s*+/\s*+"
    rf"(?:(?P<month>{_MONTH})|{_BLANK_PART})\s*+/\s*+(?P<year>{_YEAR})(?![0-9])"
)
DATE_FORMS = [LONG_DATE, SHORT_DATE, BLANK_SHORT_DATE]
DATE = rf"(?:{'|'.join(DATE_FORMS)})"

_DATE_RE = regex.compile(DATE, regex.IGNORECASE)
# DATE's matches over a whole text: the forms searched one by one are many times faster than the alternation.
# A match holds only its own form's groups (a long date's has no 'sep'); spans and captures are DATE's.
DATES = Alternatives(DATE_FORMS, regex.IGNORECASE)


def date_from_match(match: regex.Match) -> PartialDate | None:
    """The PartialDate a DATE match states; None when a part is impossible (32/13)."""
    day = match.captures("day")
    month = match.captures("month")
    year = match.captures("year")
    parts = {
        "year": int(year[-1]) if year else None,
        "month": int(month[-1]) if month else None,
        "day": int(day[-1]) if day else None,
    }
    if parts["month"] is not None and not 1 <= parts["month"] <= 12:
        return None
    if parts["day"] is not None and not 1 <= parts["day"] <= _days_in(parts["month"], parts["year"]):
        return None
    if parts["day"] is not None and parts["month"] is None:
        return None  # a day without its month says nothing usable
    return PartialDate(**parts)


def _days_in(month: int | None, year: int | None) -> int:
    if month is None:
        return 31
    if month == 2:
        leap = year is not None and (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
        return 29 if leap or year is None else 28
    return 30 if month in (4, 6, 9, 11) else 31


def parse_date(text: str) -> PartialDate | None:
    """The date ``text`` is, or None; blank parts stay None, never today's date."""
    match = _DATE_RE.fullmatch(text.strip())
    return date_from_match(match) if match else None


def find_dates(text: str) -> list[tuple[regex.Match, PartialDate]]:
    """Every readable date in ``text`` with its match."""
    found = []
    for match in _DATE_RE.finditer(text):
        date = date_from_match(match)
        if date is not None:
            found.append((match, date))
    return found
