"""Rates: count / base against the stated rate, one base for a year's rates, one value per rate, sums."""

from __future__ import annotations

from decimal import Decimal

from extractor.checks.facts import Key, Pair, PovertyFacts, poverty_facts
from extractor.checks.finding import finding, vn
from extractor.checks.intervals import (
    PERCENTS,
    Figure,
    Interval,
    candidates,
    conflicts,
    quoted,
)
from extractor.checks.precision import half_unit
from extractor.checks.words import BOUND_WORDS, households, percent, rate_words
from schemas import Finding, PlanDocument


def check_rates(document: PlanDocument, facts: PovertyFacts | None = None) -> list[Finding]:
    """Rates against their counts and bases, a year's rates against one base, each rate stated once,
    and the multidimensional rate against poor + near-poor. ``facts``: the document's, when already read."""
    facts = poverty_facts(document) if facts is None else facts
    return _against_totals(facts) + _one_base(facts) + _rate_conflicts(facts) + _multidimensional(facts)


# --- count / total = rate -------------------------------------------------------------------------


def _against_totals(facts: PovertyFacts) -> list[Finding]:
    found = []
    for pair in facts.pairs:
        totals = _totals_for(facts, pair)
        if not totals or any(_fits(pair, total) for total in totals):
            continue
        total = min(totals, key=lambda t: abs(_rate(pair, t) - pair.rate.value))
        elsewhere = "" if pair.total is not None else " (tổng số hộ ghi ở chỗ khác)"
        found.append(
            finding(
                "poverty_rate_mismatch",
                "error",
                f"{pair.key.rate_label()} ghi {percent(pair.rate.value)} nhưng {households(pair.count.value)} / "
                f"{households(total.value)}{elsewhere} = {percent(_rate(pair, total), like=pair.rate.value)}",
                stated=pair.rate.value,
                expected=_q(_rate(pair, total)),
                tolerance=half_unit(pair.rate.value),
                evidence=[pair.rate.evidence, pair.count.evidence, total.evidence],
            )
        )
    return found


def _rate(pair: Pair, total: Figure) -> Decimal:
    return 100 * pair.count.value / total.value


def _fits(pair: Pair, total: Figure) -> bool:
    value = _rate(pair, total)
    return total.value > 0 and pair.rate.interval.meet(Interval(value, value)) is not None


def _totals_for(facts: PovertyFacts, pair: Pair) -> list[Figure]:
    """The households the pair's rate may be over: its own base, else the area's stated for its year
    (for a reduction, for the year before or the year itself)."""
    if pair.total is not None:
        return [pair.total] if pair.total.value > 0 else []
    years = [pair.key.year] if pair.key.measure == "level" else [pair.key.year - 1, pair.key.year]
    return [t for year in years for t in facts.totals.get((year, pair.key.village), []) if t.value > 0]


# --- the rates of one year over one base ----------------------------------------------------------


def _one_base(facts: PovertyFacts) -> list[Finding]:
    """Each (count, rate) allows an interval of bases; those of one year, area and plan must share one."""
    found = []
    open_pairs = [p for p in facts.pairs if not _totals_for(facts, p)]
    levels = [p for p in open_pairs if p.key.measure == "level"]
    alone = []
    # '23 hộ ..., bằng 0,91%/tổng số hộ': over the households of the year before or of the year itself
    for share in (p for p in open_pairs if p.key.measure == "reduction_share"):
        years = (share.key.year - 1, share.key.year)
        related = [p for p in levels if p.key.year in years and p.key.village == share.key.village]
        if not related:
            alone.append(share)
        elif not any(_fits_year(share, [p for p in related if p.key.year == year]) for year in years):
            other = min(related, key=lambda p: abs(p.rate.evidence.start - share.rate.evidence.start))
            found.append(_base_conflict(share, other))
    for group in (levels, alone):
        by_base: dict[tuple, list[Pair]] = {}
        for pair in group:
            by_base.setdefault((pair.key.year, pair.key.village, pair.key.planned), []).append(pair)
        for pairs in by_base.values():
            for i, first in enumerate(pairs):
                found += [_base_conflict(second, first) for second in pairs[i + 1 :] if not _share_base(first, second)]
    return found


def _fits_year(share: Pair, pairs: list[Pair]) -> bool:
    """True when the share's bases meet those all of a year's statements allow, or those of one of them."""
    if not pairs:
        return False
    common: Interval | None = share.bases()
    for pair in pairs:
        common = common.meet(pair.bases()) if common is not None else None
    return (common is not None and common.has_integer()) or any(_share_base(share, p) for p in pairs)


def _share_base(first: Pair, second: Pair) -> bool:
    common = first.bases().meet(second.bases())
    return common is not None and common.has_integer()


def _base_conflict(stated: Pair, other: Pair) -> Finding:
    base = other.bases()
    expected = 100 * stated.count.value / base.middle
    spread = abs(100 * stated.count.value / base.lo - expected) if base.bounded else Decimal(0)
    return finding(
        "poverty_rate_base_conflict",
        "error",
        f"{households(stated.count.value)} = {percent(stated.rate.value)} ({stated.key.describe()}) và "
        f"{households(other.count.value)} = {percent(other.rate.value)} ({other.key.describe()}) không thể cùng tính "
        f"trên một tổng số hộ: {_base_words(stated.bases())} so với {_base_words(base)}",
        stated=stated.rate.value,
        expected=_q(expected),
        tolerance=_q(half_unit(stated.rate.value) + spread),
        evidence=[stated.rate.evidence, stated.count.evidence, other.rate.evidence, other.count.evidence],
    )


def _base_words(bases: Interval) -> str:
    lo = bases.lo.to_integral_value(rounding="ROUND_CEILING")
    if not bases.bounded:
        return f"từ {households(lo)} trở lên"
    hi = bases.hi.to_integral_value(rounding="ROUND_FLOOR")
    if lo < hi:
        return f"{vn(lo)}–{households(hi)}"
    return households(lo) if lo == hi else f"khoảng {households(bases.middle.quantize(Decimal(1)))}"


# --- one rate stated twice ------------------------------------------------------------------------


def _rate_conflicts(facts: PovertyFacts) -> list[Finding]:
    found = []
    for key, fact in facts.facts.items():
        if key.year is None:
            continue
        for stated, other in conflicts(fact.rates):
            found.append(
                finding(
                    "poverty_rate_conflict",
                    "error",
                    f"{key.rate_label()} ghi {_bounded(stated)} ở đây nhưng ghi {_bounded(other)} ở chỗ khác",
                    stated=stated.value,
                    expected=other.value,
                    tolerance=half_unit(stated.value) + half_unit(other.value),
                    evidence=[stated.evidence, other.evidence],
                )
            )
    return found


def _bounded(figure: Figure) -> str:
    return BOUND_WORDS.get(figure.comparator or "", "") + percent(figure.value)


# --- multidimensional = poor + near-poor ----------------------------------------------------------


def _multidimensional(facts: PovertyFacts) -> list[Finding]:
    found = []
    for key, fact in facts.facts.items():
        if key.category != "multidimensional":
            continue
        poor, near = facts.get(key.but(category="poor")), facts.get(key.but(category="near_poor"))
        if poor is None or near is None:
            continue
        for kind in ("rates", "counts"):
            whole, parts = fact.figures(kind), (poor.figures(kind), near.figures(kind))
            if not (whole and all(parts)) or (fact.maybe_poor_only and _agree(whole, parts[0])):
                continue
            result = _sum_check(key, kind, whole, *parts)
            if result is not None:
                found.append(result)
    return found


def _agree(first: list[Figure], second: list[Figure]) -> bool:
    return any(a.interval.meet(b.interval) for a in candidates(first) for b in candidates(second))


def _sum_check(key: Key, kind: str, whole: list[Figure], poor: list[Figure], near: list[Figure]) -> Finding | None:
    domain = PERCENTS if kind == "rates" else Interval(Decimal(0), Decimal("Infinity"))
    sums = [(p, n, (p.interval + n.interval).meet(domain)) for p in candidates(poor) for n in candidates(near)]
    stated = next((w for w in candidates(whole) if not any(s and w.interval.meet(s) for _, _, s in sums)), None)
    if stated is None:
        return None
    p, n, total = min(sums, key=lambda item: stated.interval.gap(item[2]))
    figure, first, second = stated.figure, p.figure, n.figure
    value = first.value + second.value
    if kind == "rates":
        message = (
            f"{key.rate_label()} ghi {_bounded(figure)} nhưng {_lower(rate_words('poor', key.measure))} "
            f"{percent(first.value)} + {_lower(rate_words('near_poor', key.measure))} {percent(second.value)} = "
            f"{percent(value)}"
        )
    else:
        message = (
            f"{key.count_label()} ghi {households(figure.value)} nhưng {households(first.value)} nghèo + "
            f"{households(second.value)} cận nghèo = {households(value)}"
        )
    return finding(
        "multidimensional_sum_mismatch",
        "error",
        message,
        stated=figure.value,
        expected=value,
        tolerance=stated.interval.radius + (total.radius if total else Decimal(0)),
        evidence=[figure.evidence]
        + [f.evidence for candidate in (p, n) for f in quoted(candidate, figure.evidence.start)],
    )


def _lower(words: str) -> str:
    return words[0].lower() + words[1:]


def _q(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.0001"))
