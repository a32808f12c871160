"""The poverty vocabulary compiled: categories, measure verbs, comparators, fillers, planned/actual markers."""

from __future__ import annotations

from functools import lru_cache

import regex

from extractor.text import squash
from extractor.vocab.comparators import COMPARATORS_AFTER, COMPARATORS_BEFORE
from extractor.vocab.poverty import (
    ACTUAL_WORDS,
    CATEGORY_MENTIONS,
    FILLERS,
    MEASURE_VERBS,
    PLANNED_WORDS,
)

_I = regex.IGNORECASE
# A filler starts on a word: one may open with optional white space ('\s*cuối năm'), and tried at
# every space of a long run it scanned the rest of the run each time. Matched from the word on, the
# same characters are blanked out by ``unfilled_tail``.
_FILLER_RE = regex.compile(r"(?<!\p{L})(?=\S)(?:" + "|".join(FILLERS) + r")(?!\p{L})", _I)
_PLANNED_RE = regex.compile(rf"(?<!\p{{L}})(?:{PLANNED_WORDS})(?!\p{{L}})", _I)
_ACTUAL_RE = regex.compile(rf"(?<!\p{{L}})(?:{ACTUAL_WORDS})(?!\p{{L}})", _I)
# Households leaving poverty are a category of their own; leaving near-poverty reduces the near-poor.
_KIND_CATEGORY = {"escaped": "escaped", "left_near": "near_poor"}


def category_of(family: str, kind: str) -> str:
    """The category a mention of ``family`` and ``kind`` (a CATEGORY_MENTIONS entry) states."""
    return _KIND_CATEGORY.get(kind, family)


def mention_category(phrase: str) -> str | None:
    """The category a phrase names ('hộ thoát nghèo' -> 'escaped'), or None."""
    for pattern, family, kind in CATEGORY_MENTIONS:
        if regex.fullmatch(pattern, squash(phrase), _I):
            return category_of(family, kind)
    return None


def verb_measure(phrase: str) -> str | None:
    """What a verb makes the next number measure ('giảm' -> 'reduction', 'còn' -> 'level')."""
    for pattern, measure in MEASURE_VERBS:
        if regex.fullmatch(pattern, squash(phrase), _I):
            return measure
    return None


def comparator_of(word: str) -> str | None:
    """'dưới' -> 'below', 'trở lên' -> 'at_least'; None for words that do not bound a figure."""
    return bound(word, word)


def bound(before: str | None, after: str | None) -> str | None:
    """The comparator of a figure from the word before it ('dưới 12%'), else the word after it ('23 hộ trở lên')."""
    return _comparator(before, COMPARATORS_BEFORE) or _comparator(after, COMPARATORS_AFTER)


def _comparator(text: str | None, table: list[tuple[str, str]]) -> str | None:
    if not text:
        return None
    return dict(table).get(squash(text).lower())


def is_filler(gap: str) -> bool:
    """True when the words between a category and a number leave the number describing the category."""
    return unfilled_tail(gap) == gap


_LAST_WORD_RE = regex.compile(r"[\p{L}0-9][^\p{L}0-9]*+$")


@lru_cache(maxsize=4096)  # the gaps between tokens repeat: ' có ', ', chiếm tỷ lệ ', '- Đối với '
def unfilled_tail(gap: str) -> str:
    """The end of ``gap`` after its last word that is not a filler; all of it when it is all fillers."""
    rest = _FILLER_RE.sub(lambda m: " " * len(m.group()), gap)
    last = _LAST_WORD_RE.search(rest)
    return gap if last is None else gap[last.start() + 1 :]


def is_planned(before: str, default: bool = False) -> bool:
    """True when the nearest planned/actual marker in ``before`` plans ('phấn đấu', 'kế hoạch')."""
    planned = [m.end() for m in _PLANNED_RE.finditer(before)]
    actual = [m.end() for m in _ACTUAL_RE.finditer(before)]
    if planned or actual:
        return max(planned, default=-1) > max(actual, default=-1)
    return default


def names_plan(text: str) -> bool:
    """True when ``text`` has a planned marker anywhere ('Chỉ tiêu giao giảm nghèo năm 2024')."""
    return bool(_PLANNED_RE.search(text))
