"""The poverty checks' reading of the words around a figure, and the Vietnamese of their messages."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import regex

from extractor.parsers.poverty_words import bound
from extractor.text import Alternatives
from extractor.vocab.admin_units import level_of
from extractor.vocab.checks_poverty import (
    APPROXIMATE,
    COMPARED_WITH,
    HOUSEHOLD_TOTAL,
    HOUSEHOLD_TOTAL_FORMS,
    NAMED_AREA,
    OVER_ALL_HOUSEHOLDS,
    PERIOD,
    POOR_ONLY,
    SHARE_OF_COUNT,
    STANDARD,
    SUBGROUP,
    WHOLE_AREA,
    YEAR_NAMED,
    YEAR_RIGHT_AFTER,
)
from extractor.vocab.comparators import AFTER_PATTERN, BEFORE_PATTERN

_I = regex.IGNORECASE

SUBGROUP_RE = regex.compile(rf"(?<!\p{{L}})(?:{SUBGROUP})", _I)
APPROXIMATE_RE = regex.compile(rf"(?<!\p{{L}}){APPROXIMATE}", _I)
OVER_ALL_RE = regex.compile(OVER_ALL_HOUSEHOLDS, _I)
SHARE_RE = regex.compile(SHARE_OF_COUNT, _I)
COMPARED_RE = regex.compile(COMPARED_WITH, _I)
YEAR_NAMED_RE = regex.compile(YEAR_NAMED, _I)
TOTAL_RE = regex.compile(HOUSEHOLD_TOTAL, _I)
TOTALS = Alternatives(HOUSEHOLD_TOTAL_FORMS, _I)  # TOTAL_RE's matches over a whole text, found faster
# Every form ends with the last one, the words without a year before them (a test checks it): a text without
# a match of the last form holds none of any form, which one search tells where TOTALS searches every form.
_TOTAL_WORDS_RE = TOTALS.patterns[-1]
POOR_ONLY_RE = regex.compile(POOR_ONLY, _I)
STANDARD_RE = regex.compile(STANDARD, _I)
_PERIOD_RE = regex.compile(PERIOD, _I)
_YEAR_RIGHT_AFTER_RE = regex.compile(YEAR_RIGHT_AFTER, _I)
_WHOLE_AREA_RE = regex.compile(WHOLE_AREA, _I)
_NAMED_AREA_RE = regex.compile(NAMED_AREA, _I)
_BOUND_BEFORE_RE = regex.compile(rf"(?<!\p{{L}})({BEFORE_PATTERN})\s*$", _I)
_BOUND_AFTER_RE = regex.compile(rf"\s*(?:(?:hộ\s+)?(?:cận\s+)?nghèo\s+)?({AFTER_PATTERN})(?!\p{{L}})", _I)
_RANK = {"xa": 0, "huyen": 1, "tinh": 2}


def totals(text: str) -> Iterator[regex.Match]:
    """The matches of HOUSEHOLD_TOTAL over ``text`` (TOTALS' matches)."""
    if _TOTAL_WORDS_RE.search(text) is None:
        return iter(())
    return TOTALS.finditer(text)


def is_subgroup(phrase: str) -> bool:
    """True when ``phrase`` speaks of a subgroup or a yearly average ('hộ nghèo DTTS', 'bình quân')."""
    return bool(SUBGROUP_RE.search(phrase))


def is_other_area(phrase: str, level: str | None) -> bool:
    """True when ``phrase`` puts its figure in another area than a plan issued at ``level`` covers."""
    for match in _WHOLE_AREA_RE.finditer(phrase):
        if match["level"] is None or (level is not None and level_of(match["level"]) != level):
            return True
    if level is None:
        return False
    return any(_RANK[level_of(m["level"]) or level] < _RANK[level] for m in _NAMED_AREA_RE.finditer(phrase))


def names_period(phrase: str) -> bool:
    """True when ``phrase`` names a period of several years ('giai đoạn 2021-2025'), not a standard."""
    return bool(_PERIOD_RE.search(phrase))


def is_approximate(before: str) -> bool:
    """True when the words just before a number make it approximate ('còn khoảng ')."""
    return bool(APPROXIMATE_RE.search(before))


def is_over_all_households(after: str) -> bool:
    """True when the words just after a rate make it a share of all households ('/tổng số hộ tự nhiên')."""
    return bool(OVER_ALL_RE.match(after))


def own_bound(before: str, after: str) -> str | None:
    """The comparator written right at a number: 'dưới ' before it, ' hộ nghèo trở lên' after it."""
    first = _BOUND_BEFORE_RE.search(before)
    last = _BOUND_AFTER_RE.match(after)
    return bound(first.group(1) if first else None, last.group(1) if last else None)


def compared_year(match: regex.Match) -> int:
    """The year a COMPARED_WITH match measures from ('so với đầu năm 2024' -> 2023)."""
    return int(match["year"]) - (1 if match["start"] and match["start"].lower().startswith("đ") else 0)


def year_written(before: str, after: str = "") -> tuple[int, bool] | None:
    """(year, written 'đầu năm') a figure is written with: right after it, else the last named before it."""
    match = _YEAR_RIGHT_AFTER_RE.match(after)
    if match is None:
        named = list(YEAR_NAMED_RE.finditer(before))
        match = named[-1] if named else None
    return None if match is None else (int(match["year"]), bool(match["lead"]))


def standard_of(match: regex.Match) -> str:
    """'2022' for 'chuẩn nghèo giai đoạn 2022-2025', 'cũ' for 'chuẩn cũ'."""
    return match["first"] or match["word"].lower()


def total_year(match: regex.Match) -> int | None:
    """The year of a HOUSEHOLD_TOTAL match, written before or after the words."""
    year = match.groupdict().get("year1") or match["year2"]  # TOTALS' forms without a year first have no year1
    return int(year) if year else None


def share_category(phrase: str) -> str:
    """'hộ cận nghèo' / 'hộ cận' -> near_poor, 'hộ nghèo' -> poor."""
    return "near_poor" if "cận" in phrase.lower() else "poor"


# --- messages -------------------------------------------------------------------------------------

CATEGORY_WORDS = {"poor": "hộ nghèo", "near_poor": "hộ cận nghèo", "multidimensional": "hộ nghèo và cận nghèo"}
RATE_WORDS = {"poor": "Tỷ lệ hộ nghèo", "near_poor": "Tỷ lệ hộ cận nghèo", "multidimensional": "Tỷ lệ nghèo đa chiều"}
BOUND_WORDS = {"below": "dưới ", "at_most": "tối đa ", "above": "trên ", "at_least": "ít nhất "}


def describe(year: int | None, planned: bool, village: str | None, standard: str | None = None) -> str:
    """'năm 2024, kế hoạch, Thôn Tô': when and where a figure holds (and by which standard, if several)."""
    parts = [f"năm {year}" if year is not None else None, "kế hoạch" if planned else None, village]
    if standard:
        parts.append(f"chuẩn nghèo từ năm {standard}" if standard.isdigit() else f"chuẩn {standard}")
    return ", ".join(p for p in parts if p) or "cùng đoạn văn"


def rate_words(category: str, measure: str) -> str:
    """'Tỷ lệ hộ nghèo', 'Mức giảm tỷ lệ hộ nghèo', 'Số hộ nghèo giảm (tính trên tổng số hộ)'."""
    base = RATE_WORDS[category]
    if measure == "reduction_share":
        return f"Số {CATEGORY_WORDS[category]} giảm (tính trên tổng số hộ)"
    verb = {"reduction": "Mức giảm ", "increase": "Mức tăng "}.get(measure)
    return verb + base[0].lower() + base[1:] if verb else base


def count_words(category: str, measure: str) -> str:
    """'Số hộ nghèo', 'Số hộ cận nghèo giảm'."""
    return f"Số {CATEGORY_WORDS[category]}" + {"reduction": " giảm", "increase": " tăng"}.get(measure, "")


def percent(value: Decimal, like: Decimal | None = None) -> str:
    """'18,34%': a stated rate as printed, or a computed one to the places of ``like`` (two for whole numbers)."""
    if like is not None:
        exponent = like.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 2
        value = value.quantize(Decimal(1).scaleb(-places), rounding="ROUND_HALF_UP")
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    return sign + f"{int(whole):,}".replace(",", ".") + ("," + fraction if fraction else "") + "%"


def households(value: Decimal | int) -> str:
    """'1.728 hộ'."""
    return f"{int(value):,}".replace(",", ".") + " hộ"
