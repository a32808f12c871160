"""Building a Finding from the located values it involves."""

from __future__ import annotations

from decimal import Decimal

from extractor.checks.rules import RULES
from schemas import Evidence, Finding, Value


def finding(
    rule: str,
    severity: str,
    message: str,
    *,
    stated: Decimal | int | None = None,
    expected: Decimal | int | None = None,
    tolerance: Decimal | int | None = None,
    evidence: list[Evidence | Value | None] = (),
) -> Finding:
    """A Finding; ``evidence`` may mix spans and located values (the stated value first), None skipped."""
    if rule not in RULES:
        raise ValueError(f"unknown rule id {rule!r}: add it to extractor/checks/rules.py and the README")
    spans = [item.evidence if isinstance(item, Value) else item for item in evidence if item is not None]
    return Finding(
        rule=rule,
        severity=severity,
        message=message,
        stated=None if stated is None else Decimal(stated),
        expected=None if expected is None else Decimal(expected),
        tolerance=None if tolerance is None else Decimal(tolerance),
        evidence=spans,
    )


def vn(number: Decimal | int) -> str:
    """A number written the Vietnamese way for messages: 1.728, 18,34."""
    value = Decimal(number)
    if value == value.to_integral_value():
        return f"{int(value):,}".replace(",", ".")
    text = f"{value.normalize():f}"
    whole, _, fraction = text.partition(".")
    return f"{int(whole):,}".replace(",", ".") + "," + fraction


def money_text(vnd: Decimal | int) -> str:
    """An amount for a message: '1.728 triệu đồng', '1.250,5 triệu đồng', '500.000 đồng'."""
    vnd = Decimal(vnd)
    if abs(vnd) >= 1_000_000:
        return f"{vn(vnd / 1_000_000)} triệu đồng"
    return f"{vn(vnd)} đồng"
