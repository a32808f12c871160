"""Rounding: how far a computed value may be from a stated one before it is a contradiction."""

from __future__ import annotations

from decimal import Decimal


def half_unit(value: Decimal) -> Decimal:
    """Half a unit in the last place the number was written with: 18.34 -> 0.005, 12 -> 0.5.

    A count written '06' or '1.080' is exact: callers pass counts as exact (see ``exact``).
    """
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        return Decimal(0)
    return Decimal(5).scaleb(exponent - 1)


def exact(_value: Decimal) -> Decimal:
    """Counts of households and whole đồng carry no rounding."""
    return Decimal(0)


def ratio_tolerance(count: Decimal, count_error: Decimal, base: Decimal, base_error: Decimal) -> Decimal:
    """Bound on the error of 100·count/base, in percentage points, from errors of its inputs."""
    if base <= base_error:
        return Decimal("Infinity")
    high = (count + count_error) / (base - base_error)
    low = max(Decimal(0), count - count_error) / (base + base_error)
    nominal = count / base
    return 100 * max(high - nominal, nominal - low)


def within(stated: Decimal, expected: Decimal, tolerance: Decimal) -> bool:
    """True when the stated value is the expected one up to the tolerance (plus a hair for Decimal noise)."""
    return abs(stated - expected) <= tolerance + Decimal("1e-9")


def rounding_tolerance(precisions: list[Decimal]) -> Decimal:
    """Half a printed unit for every number printed coarser than the finest one ('2 tỷ' among 'triệu')."""
    finest = min(precisions, default=Decimal(0))
    return sum((precision / 2 for precision in precisions if precision > finest), Decimal(0))
