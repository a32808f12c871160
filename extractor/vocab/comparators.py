"""Comparator words shared by targets and poverty statements: 'dưới 12%', '23 hộ trở lên'."""

from __future__ import annotations

import regex

# Words standing just before the number, longest first ('không dưới' before 'dưới').
COMPARATORS_BEFORE: list[tuple[str, str]] = [
    ("không thấp hơn", "at_least"),
    ("không ít hơn", "at_least"),
    ("không dưới", "at_least"),
    ("không vượt quá", "at_most"),
    ("không vượt", "at_most"),
    ("không quá", "at_most"),
    ("không trên", "at_most"),
    ("ít nhất", "at_least"),
    ("tối thiểu", "at_least"),
    ("thấp nhất", "at_least"),
    ("tối đa", "at_most"),
    ("cao nhất", "at_most"),
    ("cao hơn", "above"),
    ("nhiều hơn", "above"),
    ("thấp hơn", "below"),
    ("ít hơn", "below"),
    ("dưới", "below"),
    ("trên", "above"),
    ("hơn", "above"),
]
# Words after the number (and its unit): '23 hộ nghèo trở lên'.
COMPARATORS_AFTER: list[tuple[str, str]] = [
    ("trở lên", "at_least"),
    ("trở xuống", "at_most"),
]


def _alternatives(table: list[tuple[str, str]]) -> str:
    # A PDF line wrap may fall between the words of a phrase.
    return "|".join(regex.escape(word).replace(r"\ ", r"\s+") for word, _ in table)


BEFORE_PATTERN = _alternatives(COMPARATORS_BEFORE)
AFTER_PATTERN = _alternatives(COMPARATORS_AFTER)

# Each example: (words, comparator or None); a test runs every one.
COMPARATOR_EXAMPLES: list[tuple[str, str | None]] = [
    ("dưới", "below"),
    ("trên", "above"),
    ("ít nhất", "at_least"),
    ("trở lên", "at_least"),
    ("không quá", "at_most"),
    ("không dưới", "at_least"),
    ("không\nvượt quá", "at_most"),
    ("khoảng", None),
]
