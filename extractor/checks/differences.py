"""Differences: the level before, minus the reduction, is the level after; in households and in points."""

from __future__ import annotations

from decimal import Decimal

from extractor.checks.facts import Fact, Key, PovertyFacts, poverty_facts
from extractor.checks.finding import finding
from extractor.checks.intervals import (
    COUNTS,
    PERCENTS,
    ZERO,
    Candidate,
    Figure,
    Interval,
    candidates,
    conflicts,
    nearest,
    quoted,
)
from extractor.checks.precision import half_unit
from extractor.checks.words import households, percent
from schemas import Finding, PlanDocument

_DOMAIN = {"counts": COUNTS, "rates": PERCENTS}


def check_differences(document: PlanDocument, facts: PovertyFacts | None = None) -> list[Finding]:
    """Before − reduction (+ increase) = after, a reduction as a share of the count, the area's counts stated once.

    ``facts``: the document's poverty facts, when already read (``check`` reads them once for both families).
    """
    facts = poverty_facts(document) if facts is None else facts
    return _count_conflicts(facts) + _steps(facts, "counts") + _steps(facts, "rates") + _shares(facts)


# --- one count stated twice -----------------------------------------------------------------------


def _count_conflicts(facts: PovertyFacts) -> list[Finding]:
    """The area's count of one category, measure and year stated twice differently (villages: the lists family)."""
    found = []
    for key, fact in facts.facts.items():
        if key.year is None or key.village is not None:
            continue
        for stated, other in conflicts(fact.counts):
            found.append(
                finding(
                    "poverty_count_conflict",
                    "error",
                    f"{key.count_label()} ghi {households(stated.value)} ở đây nhưng ghi {households(other.value)} "
                    "ở chỗ khác",
                    stated=stated.value,
                    expected=other.value,
                    tolerance=0,
                    evidence=[stated.evidence, other.evidence],
                )
            )
    return found


# --- before − reduction = after -------------------------------------------------------------------


def _steps(facts: PovertyFacts, kind: str) -> list[Finding]:
    found = []
    for key, after in facts.facts.items():
        if key.measure != "level" or key.year is None or not after.figures(kind):
            continue
        reduction = _figures(facts.get(key.but(measure="reduction")), kind)
        increase = _figures(facts.get(key.but(measure="increase")), kind)
        year = _year_before(facts, key)
        if not (reduction or increase) or year is None:
            continue
        before = _before(facts, key, year, kind, after.maybe_poor_only)
        result = _step(key, kind, after.figures(kind), before, year, reduction, increase) if before else None
        if result is not None:
            found.append(result)
    return found


def _figures(fact: Fact | None, kind: str) -> list[Figure]:
    return [] if fact is None else fact.figures(kind)


def _year_before(facts: PovertyFacts, key: Key) -> int | None:
    """The year a change is measured from: the one the plan names ('so với năm 2022'), else the year before."""
    named: set[int] = set()
    for measure in ("reduction", "increase"):
        fact = facts.get(key.but(measure=measure))
        named |= fact.compared_with if fact is not None else set()
    if len(named) > 1:
        return None
    return next(iter(named)) if named else key.year - 1


def _before(facts: PovertyFacts, key: Key, year: int, kind: str, poor_only: bool) -> list[Candidate]:
    """The level a change starts from; for a multidimensional level the plan does not state, poor + near-poor
    (and the poor alone when 'tỷ lệ hộ nghèo đa chiều' may mean the poor rate)."""
    fact = facts.level_before(key, year)
    if fact is not None and fact.figures(kind):
        return candidates(fact.figures(kind))
    if key.category != "multidimensional":
        return []
    poor = facts.level_before(key.but(category="poor"), year)
    near = facts.level_before(key.but(category="near_poor"), year)
    alone = candidates(poor.figures(kind)) if poor is not None and poor_only else []
    if poor is None or near is None:
        return alone
    return alone + [
        Candidate(p.interval + n.interval, p.figures + n.figures, derived=p.value + n.value)
        for p in candidates(poor.figures(kind))
        for n in candidates(near.figures(kind))
    ]


def _step(
    key: Key, kind: str, after: list[Figure], before: list[Candidate], year: int,
    reduction: list[Figure], increase: list[Figure],
) -> Finding | None:
    """A finding when no value stated for the level after is the level before minus the change.

    When the level after is itself stated twice differently and one value agrees, the rates / counts
    conflict already reports the other: one contradiction, one finding.
    """
    reductions, increases = candidates(reduction) or [ZERO], candidates(increase) or [ZERO]
    if reduction and increase:
        increases.append(ZERO)  # 'giảm 50 hộ (thoát nghèo 60, phát sinh 10)': the reduction may be net
    changes = [
        (b, r, i, (b.interval - r.interval + i.interval).meet(_DOMAIN[kind]))
        for b in before for r in reductions for i in increases
    ]
    # 'giảm 20%' may be relative to the old rate rather than percentage points
    relative = [_relative(b, r) for b in before for r in reductions] if kind == "rates" and not increase else []
    stated_values = candidates(after)
    for stated in stated_values:
        if any(stated.interval.meet(c[3]) for c in changes if c[3] is not None):
            return None
        if any(stated.interval.meet(result) for result in relative if result is not None):
            return None
    stated = min(stated_values, key=lambda c: c.figure.evidence.start)
    b, r, i, result = min(changes, key=lambda c: stated.interval.gap(c[3]))
    others = [c.figure for c in stated_values if c is not stated]  # every value stated for the level disagrees
    return _step_finding(key, kind, stated, (b, r, i), result, year, others)


def _relative(before: Candidate, reduction: Candidate) -> Interval | None:
    """The new rate when the reduction is a share of the old rate ('giảm 20%' of 10% leaves 8%)."""
    b, r = before.interval, reduction.interval.meet(PERCENTS)
    if not b.bounded or r is None:
        return None
    return Interval(b.lo * (1 - min(r.hi, Decimal(100)) / 100), b.hi * (1 - r.lo / 100))


def _step_finding(
    key: Key, kind: str, stated: Candidate, parts: tuple[Candidate, Candidate, Candidate],
    result: Interval | None, year: int, others: list[Figure],
) -> Finding:
    b, r, i = parts
    write = households if kind == "counts" else percent
    shown = stated.figure
    value = b.value - r.value + i.value
    terms = [f"{write(b.value)} (năm {year})"]
    terms += [f"− {write(r.value)} giảm"] if r.figures else []
    terms += [f"+ {write(i.value)} tăng"] if i.figures else []
    exact = all(c.interval.bounded for c in parts)
    label = key.count_label() if kind == "counts" else key.rate_label()
    return finding(
        "poverty_count_difference_mismatch" if kind == "counts" else "poverty_rate_difference_mismatch",
        "error",
        f"{label} ghi {_bounded(shown, write)} nhưng {' '.join(terms)} = "
        f"{write(value) if exact else _range_words(result, write)}",
        stated=shown.value,
        expected=value,
        tolerance=sum((c.interval.radius for c in (stated, *parts)), Decimal(0)),
        evidence=[shown.evidence]
        + [f.evidence for c in parts for f in quoted(c, shown.evidence.start)]
        + [f.evidence for f in others],
    )


def _bounded(figure: Figure, write) -> str:
    words = {"below": "dưới ", "at_most": "tối đa ", "above": "trên ", "at_least": "ít nhất "}
    return words.get(figure.comparator or "", "") + write(figure.value)


def _range_words(result: Interval | None, write) -> str:
    if result is None:
        return "một số âm"
    if result.hi < Decimal("Infinity") and (result.lo <= 0 or not result.bounded):
        return f"tối đa {write(result.hi)}"
    if result.hi == Decimal("Infinity"):
        return f"ít nhất {write(result.lo)}"
    return f"từ {write(result.lo)} đến {write(result.hi)}"


# --- 'giảm 34,3% số hộ nghèo' = reduction / the count before --------------------------------------


def _shares(facts: PovertyFacts) -> list[Finding]:
    found = []
    for share in facts.shares:
        year = _year_before(facts, share.key.but(measure="level")) if share.key.year is not None else None
        before = facts.level_before(share.key, year) if year is not None else None
        counts = [f for f in before.counts if f.interval.bounded and f.value > 0] if before is not None else []
        if not counts or any(_share_fits(share.count.value, f.value, share.share) for f in counts):
            continue
        base = min(counts, key=lambda f: abs(100 * share.count.value / f.value - share.share.value))
        value = 100 * share.count.value / base.value
        category = "hộ cận nghèo" if share.key.category == "near_poor" else "hộ nghèo"
        found.append(
            finding(
                "poverty_reduction_share_mismatch",
                "error",
                f"Mức giảm ghi {percent(share.share.value)} số {category} ({share.key.describe()}) nhưng "
                f"{households(share.count.value)} giảm / {households(base.value)} (năm {year}) = "
                f"{percent(value, like=share.share.value)}",
                stated=share.share.value,
                expected=value.quantize(Decimal("0.0001")),
                tolerance=half_unit(share.share.value),
                evidence=[share.share.evidence, share.count.evidence, nearest(
                    [f for f in counts if f.value == base.value], share.share.evidence.start).evidence],
            )
        )
    return found


def _share_fits(count: Decimal, base: Decimal, share: Figure) -> bool:
    value = 100 * count / base
    return share.interval.meet(Interval(value, value)) is not None
