"""Vietnamese numbers and money: '1.080' is 1080, '18,34' is 18.34, '06' is 6."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex

from extractor.vocab.money import MONEY_UNITS

# Thousands groups with '.', decimal comma; a bare run of digits; leading zeros allowed ('06 lớp').
# The look-arounds keep '2021-2025' and '8/10' apart and never start inside another number.
NUMBER = r"(?<![0-9.,])(?:[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:[.,][0-9]+)?)(?![0-9]|[.,][0-9])"
# Where a NUMBER can start, found fast: for ``extractor.text.Anchored`` over a pattern opening with a NUMBER.
NUMBER_START_RE = regex.compile(r"(?<![0-9.,])[0-9]")

_UNIT_ALTERNATIVES = "|".join(regex.escape(unit) for unit in sorted(MONEY_UNITS, key=len, reverse=True))
# Units are matched with flexible inner spacing ('triệu  đồng', 'triệu\nđồng' after a line wrap).
MONEY_UNIT = r"(?:" + _UNIT_ALTERNATIVES.replace(r"\ ", r"\s+") + r")(?!\p{L})"
MONEY = rf"(?P<amount>{NUMBER})\s*(?P<unit>{MONEY_UNIT})"

_MONEY_RE = regex.compile(MONEY, regex.IGNORECASE)
_SPACE_RE = regex.compile(r"\s+")
_DIGITS_RE = regex.compile(r"[0-9][0-9.,]*")


def parse_number(text: str) -> Decimal | None:
    """Read a number written the Vietnamese way; None when it is not one number."""
    digits = _SPACE_RE.sub("", text)
    if not digits or not _DIGITS_RE.fullmatch(digits) or digits[-1] in ".,":
        return None
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:
        # Both used: the later one is the decimal mark ('1.250,5' here, '1,250.5' in English copies).
        decimal_mark = "," if digits.rfind(",") > digits.rfind(".") else "."
        group_mark = "." if decimal_mark == "," else ","
        if digits.count(decimal_mark) > 1 or not _grouped(digits.rsplit(decimal_mark, 1)[0], group_mark):
            return None
        digits = digits.replace(group_mark, "").replace(decimal_mark, ".")
    elif dots:
        if _grouped(digits, ".") and not digits.startswith("0"):
            digits = digits.replace(".", "")
        elif dots > 1:
            return None
    elif commas:
        if commas > 1:
            if not _grouped(digits, ","):
                return None
            digits = digits.replace(",", "")
        else:
            digits = digits.replace(",", ".")
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _grouped(digits: str, mark: str) -> bool:
    """True when ``digits`` is thousands groups: 1-3 digits, then groups of exactly 3."""
    head, *groups = digits.split(mark)
    return bool(groups) and 1 <= len(head) <= 3 and all(len(group) == 3 for group in groups)


def parse_count(text: str) -> int | None:
    """A whole count ('06' is 6, '1.080' is 1080); None for fractions."""
    number = parse_number(text)
    if number is None or number != number.to_integral_value():
        return None
    return int(number)


def unit_multiplier(unit: str) -> int | None:
    """đồng per one of ``unit`` ('triệu đồng' gives 1,000,000); None for an unknown unit."""
    key = _SPACE_RE.sub(" ", unit.strip()).lower()
    for spelling, multiplier in MONEY_UNITS.items():
        if spelling.lower() == key:
            return multiplier
    return None


def to_vnd(amount: Decimal, multiplier: int) -> int | None:
    """Whole đồng for ``amount`` units; None when the result is not whole (never rounded)."""
    value = amount * multiplier
    if value != value.to_integral_value() or value < 0:
        return None
    return int(value)


def parse_money(text: str) -> int | None:
    """Whole đồng for a whole money phrase ('1.080 triệu đồng'); None if it is not one."""
    match = _MONEY_RE.fullmatch(text.strip())
    return money_of(match) if match else None


def money_of(match: regex.Match) -> int | None:
    """Whole đồng for a match of MONEY; None when its amount or unit cannot be read."""
    amount = parse_number(match["amount"])
    multiplier = unit_multiplier(match["unit"])
    if amount is None or multiplier is None:
        return None
    return to_vnd(amount, multiplier)
