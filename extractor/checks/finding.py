"""Building a Finding from the located values it involves."""

from __future__ import annotations

from decimal import Decimal

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
