"""Stated numbers as intervals: what rounding and 'dưới' / 'trở lên' bounds let a figure stand for."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from extractor.checks.precision import half_unit
from schemas import Evidence

INF = Decimal("Infinity")
_HAIR = Decimal("1e-9")  # Decimal noise in divisions


@dataclass(frozen=True)
class Interval:
    """Closed interval; either end may be infinite."""

    lo: Decimal
    hi: Decimal

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def meet(self, other: Interval) -> Interval | None:
        """The common part, or None."""
        lo, hi = max(self.lo, other.lo), min(self.hi, other.hi)
        return Interval(lo, hi) if lo <= hi + _HAIR else None

    @property
    def bounded(self) -> bool:
        return self.lo > -INF and self.hi < INF

    @property
    def middle(self) -> Decimal:
        """The centre, or the finite end of a half-open interval."""
        if self.bounded:
            return (self.lo + self.hi) / 2
        return self.lo if self.lo > -INF else self.hi

    @property
    def radius(self) -> Decimal:
        return (self.hi - self.lo) / 2 if self.bounded else Decimal(0)

    def has_integer(self) -> bool:
        """True when a whole number (of households) lies inside."""
        return not self.bounded or (self.lo - _HAIR).to_integral_value(rounding="ROUND_CEILING") <= self.hi + _HAIR

    def gap(self, other: Interval | None) -> Decimal:
        """How far apart two intervals are (0 when they meet, infinite against None)."""
        if other is None:
            return INF
        return max(self.lo - other.hi, other.lo - self.hi, Decimal(0))


EVERYTHING = Interval(-INF, INF)
COUNTS = Interval(Decimal(0), INF)
PERCENTS = Interval(Decimal(0), Decimal(100))


def interval(value: Decimal, comparator: str | None, *, exact: bool) -> Interval:
    """Half a unit of the last printed place either side (none for counts), opened on one side by a comparator."""
    tolerance = Decimal(0) if exact else half_unit(value)
    lo, hi = value - tolerance, value + tolerance
    if comparator in ("below", "at_most"):
        lo = -INF
    elif comparator in ("above", "at_least"):
        hi = INF
    return Interval(lo, hi)


@dataclass(frozen=True)
class Figure:
    """One stated number: its value, the interval it stands for, and its span."""

    value: Decimal
    interval: Interval
    evidence: Evidence
    comparator: str | None = None

    def as_written(self) -> Figure:
        """The number itself, without its bound ('23 hộ trở lên, tương ứng 34,3%': the share is of 23)."""
        return Figure(self.value, Interval(self.value, self.value), self.evidence)


@dataclass(frozen=True)
class Candidate:
    """One value a fact may have: all its figures when they agree, else each distinct figure."""

    interval: Interval
    figures: tuple[Figure, ...]
    derived: Decimal | None = None  # poor + near-poor, for a multidimensional level the plan does not state

    @property
    def figure(self) -> Figure:
        """The figure to quote: an exact one if any."""
        return next((f for f in self.figures if f.comparator in (None, "exactly")), self.figures[0])

    @property
    def value(self) -> Decimal:
        """The number to quote: the derived sum, else the quoted figure's value (0 for no figure)."""
        if self.derived is not None:
            return self.derived
        return self.figure.value if self.figures else Decimal(0)


ZERO = Candidate(Interval(Decimal(0), Decimal(0)), ())


def candidates(figures: list[Figure]) -> list[Candidate]:
    """The values figures of one fact allow: their common part, or each distinct one when they disagree."""
    if not figures:
        return []
    common: Interval | None = EVERYTHING
    for figure in figures:
        common = common.meet(figure.interval) if common is not None else None
    if common is not None:
        return [Candidate(common, tuple(figures))]
    distinct: dict[Interval, list[Figure]] = {}
    for figure in figures:
        distinct.setdefault(figure.interval, []).append(figure)
    return [Candidate(span, tuple(group)) for span, group in distinct.items()]


def conflicts(figures: list[Figure]) -> list[tuple[Figure, Figure]]:
    """Figures of one fact no rounding reconciles: (the later, the earlier), once per pair of distinct values."""
    groups = candidates(figures)
    found = []
    for i, first in enumerate(groups):
        for second in groups[i + 1 :]:
            if first.interval.meet(second.interval) is None:
                early, late = sorted((first.figure, second.figure), key=lambda f: f.evidence.start)
                found.append((late, early))
    return found


def nearest(figures: tuple[Figure, ...] | list[Figure], offset: int) -> Figure:
    """The figure closest to ``offset`` (the occurrence to quote beside a stated value)."""
    return min(figures, key=lambda f: abs(f.evidence.start - offset))


def quoted(candidate: Candidate, offset: int) -> list[Figure]:
    """One figure per distinct number of a candidate, each the occurrence nearest ``offset``."""
    by_value: dict[Decimal, list[Figure]] = {}
    for figure in candidate.figures:
        by_value.setdefault(figure.value, []).append(figure)
    return [nearest(group, offset) for group in by_value.values()]
