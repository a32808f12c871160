"""Sanity of counts: parts above their whole, falls above the households there were, shares above 100%."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import regex

from extractor.checks.breakdowns import find_breakdowns
from extractor.checks.finding import finding, vn
from extractor.parsers.numbers import NUMBER, parse_number
from extractor.text import SourceText, squash
from extractor.vocab import checks_totals as vocab
from schemas import Evidence, Finding, PlanDocument, PovertyStat, Value

# Atomic: the words end in white space and a number follows, so giving some back never helps; without
# it 'tỷ lệ' before a long run of spaces split the run every way (quadratic, 1.5 s for 8,000 spaces).
_SHARE_RATE_RE = regex.compile(rf"(?>{vocab.SHARE_RATE_BEFORE})(?P<rate>{NUMBER})\s*%", regex.IGNORECASE)
_HUNDRED = Decimal(100)


def count_findings(document: PlanDocument, source: SourceText) -> list[Finding]:
    """Workers above members, households above their base or their fall, parts above wholes, shares above 100%."""
    return [
        *_workers_over_members(document),
        *_households_over_base(document),
        *_reduction_over_level(document),
        *_parts_over_whole(source),
        *_shares_over_hundred(document, source),
    ]


def _workers_over_members(document: PlanDocument) -> list[Finding]:
    findings = []
    for household in document.households:
        members, workers = household.members, household.workers
        if members is None or workers is None or workers.value <= members.value:
            continue
        who = " ".join(part for part in (household.honorific, household.name.value) if part)
        message = f"Hộ {who} có {workers.value} lao động nhưng chỉ có {members.value} khẩu"
        findings.append(_exceeds("workers_exceed_members", message, workers, members))
    return findings


def _households_over_base(document: PlanDocument) -> list[Finding]:
    """'170 hộ nghèo/150 hộ' without a rate (a stated rate is the rates family's to check)."""
    findings = []
    for stat in document.poverty_stats:
        count, base = stat.households, stat.total_households
        if count is None or base is None or stat.rate_percent is not None or count.value <= base.value:
            continue
        message = f"Số hộ {_category(stat)} ghi {vn(count.value)} hộ, nhiều hơn tổng số {vn(base.value)} hộ"
        findings.append(_exceeds("households_exceed_total", message, count, base))
    return findings


def _exceeds(rule: str, message: str, part: Value, whole: Value) -> Finding:
    """A located count above the located count it is part of."""
    return finding(rule, "error", message, stated=part.value, expected=whole.value, tolerance=0, evidence=[part, whole])


def _category(stat: PovertyStat) -> str:
    name = {"poor": "nghèo", "near_poor": "cận nghèo", "escaped": "thoát nghèo"}.get(stat.category, "nghèo đa chiều")
    return name + (f" của {stat.village}" if stat.village else "")


def _reduction_over_level(document: PlanDocument) -> list[Finding]:
    """A planned or stated fall larger than the households there were: 'có 8 hộ nghèo' then 'giảm 10 hộ'."""
    findings = []
    stats = [stat for stat in document.poverty_stats if stat.households is not None and stat.category in ("poor", "near_poor")]
    # The actual counts, by category and by area, in reading order: each fall reads only its own.
    actual: dict[str, list[PovertyStat]] = defaultdict(list)
    exact_by_area: dict[tuple[str, str | None], list[PovertyStat]] = defaultdict(list)
    for stat in stats:
        if stat.measure == "level" and not stat.planned:
            actual[stat.category].append(stat)
            if stat.comparator is None:
                exact_by_area[(stat.category, stat.village)].append(stat)
    for fall in stats:
        if fall.measure != "reduction" or fall.comparator not in (None, "exactly", "at_least", "above"):
            continue
        levels = [stat for stat in exact_by_area.get((fall.category, fall.village), []) if _before(stat, fall)]
        if not levels or not _nearest_level_agrees(actual.get(fall.category, []), fall):
            continue
        level = max(levels, key=lambda stat: stat.households.value)
        if fall.households.value <= level.households.value:
            continue
        findings.append(
            finding(
                "reduction_exceeds_level",
                "error",
                f"Kế hoạch giảm {vn(fall.households.value)} hộ {_category(fall)} nhưng chỉ có"
                f" {vn(level.households.value)} hộ {_category(level)}",
                stated=fall.households.value,
                expected=level.households.value,
                tolerance=0,
                evidence=[fall.households, *(stat.households for stat in levels)],
            )
        )
    return findings


def _nearest_level_agrees(actual: list[PovertyStat], fall: PovertyStat) -> bool:
    """The count stated last before the fall is of the fall's village: else the fall's village is in doubt.

    ``actual``: the actual counts ('level', not planned) of the fall's category, in reading order.
    """
    earlier = [stat for stat in actual if stat.households.evidence.end <= fall.households.evidence.start]
    return not earlier or max(earlier, key=lambda stat: stat.households.evidence.end).village == fall.village


def _before(level: PovertyStat, fall: PovertyStat) -> bool:
    """An actual count of the fall's category and area (``level``) comes before the fall ('còn 81 hộ' after
    'giảm 82 hộ' is not one): by year, else by place in the text."""
    if level.year is not None and fall.year is not None:
        return level.year < fall.year
    return level.households.evidence.end <= fall.households.evidence.start  # stated before it


def _parts_over_whole(source: SourceText) -> list[Finding]:
    """'14 hộ nghèo và 5 hộ cận nghèo; trong đó ... là 39 hộ': one part of a subset list above the whole."""
    findings = []
    text = source.text
    for breakdown in find_breakdowns(source):
        if not (breakdown.subset or breakdown.attribute):
            continue  # a list that adds up to its whole is the totals family's
        whole = breakdown.whole_value
        larger = sorted((part for part in breakdown.parts if part.value > whole), key=lambda part: -part.value)
        if not larger:
            continue
        whole_text = " và ".join(text[count.start : count.end] for count in breakdown.whole)
        parts_text = ", ".join(text[part.start : part.end] for part in larger)
        findings.append(
            finding(
                "part_exceeds_whole",
                "error",
                f"Phần ghi {parts_text} lớn hơn tổng mà nó thuộc về: {whole_text}"
                + (f" (cộng lại {vn(whole)} {breakdown.whole[-1].unit})" if len(breakdown.whole) > 1 else ""),
                stated=larger[0].value,
                expected=whole,
                tolerance=0,
                evidence=[
                    *(source.evidence(part.start, part.end) for part in larger),
                    *(source.evidence(count.start, count.end) for count in breakdown.whole),
                ],
            )
        )
    return findings


# --- percentages ------------------------------------------------------------------------------


def _shares_over_hundred(document: PlanDocument, source: SourceText) -> list[Finding]:
    """A share of households or people above 100%: poverty rates, target shares, 'chiếm 120%'."""
    rates: list[Value] = [
        stat.rate_percent
        for stat in document.poverty_stats
        if stat.rate_percent is not None and stat.measure != "increase"  # 'tăng 150%' can be true
    ]
    for target in document.targets:
        indicator = target.indicator.lower()
        if target.unit == "%" and is_share(indicator):
            rates.append(target.value)
    for match in _SHARE_RATE_RE.finditer(document.text):
        clause = document.text[max(0, match.start() - 60) : match.start()].lower()
        value = parse_number(match["rate"])
        if value is not None and not any(word in clause for word in vocab.GROWTH_WORDS):
            start, end = match.start("rate"), match.end("rate")
            raw = document.text[start:end]
            rates.append(Value(value=value, evidence=Evidence(start=start, end=end, page=source.page_at(start), raw=raw)))
    findings, seen = [], set()
    for rate in rates:
        if rate.value <= _HUNDRED or rate.evidence.start in seen:
            continue
        seen.add(rate.evidence.start)
        findings.append(
            finding(
                "percent_over_100",
                "error",
                f"Tỷ lệ ghi {vn(rate.value)}%, lớn hơn 100%",
                stated=rate.value,
                expected=_HUNDRED,
                tolerance=0,
                evidence=[rate],
            )
        )
    return findings


def is_share(indicator: str) -> bool:
    """True when a target's indicator names a share of households or people (not a growth rate)."""
    words = f" {squash(indicator)} "
    has_noun = any(f" {noun} " in words for noun in vocab.SHARE_NOUNS)
    return has_noun and not any(word in words for word in vocab.GROWTH_WORDS)
