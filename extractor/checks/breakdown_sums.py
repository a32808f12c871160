"""Counts broken into parts in the text: the parts against their stated whole."""

from __future__ import annotations

from extractor.checks.breakdowns import Breakdown, find_breakdowns
from extractor.checks.finding import finding, money_text, vn
from extractor.checks.precision import rounding_tolerance, within
from extractor.text import SourceText
from schemas import Finding


def breakdown_findings(source: SourceText, checked: set[int]) -> list[Finding]:
    """Counts and amounts broken into parts in the text, except the budget totals at ``checked`` offsets."""
    findings, seen = [], set()
    for breakdown in find_breakdowns(source):
        if breakdown.attribute or breakdown.start in checked or breakdown.start in seen:
            continue
        seen.add(breakdown.start)
        found = _check_breakdown(source, breakdown)
        if found is not None:
            findings.append(found)
    return findings


def _check_breakdown(source: SourceText, breakdown: Breakdown) -> Finding | None:
    """Parts against their whole; a 'trong đó' list may be partial, and its parts may overlap."""
    last = breakdown.whole[-1].value
    wholes = {count.value for count in breakdown.whole} | {breakdown.whole_value}
    parts = breakdown.parts_value
    tolerance = rounding_tolerance([count.precision for count in (*breakdown.whole, *breakdown.parts)])
    if any(within(parts, whole, tolerance) for whole in wholes):
        return None
    exceeds = parts > max(wholes) + tolerance
    joined = len(breakdown.whole) > 1
    if breakdown.subset:
        if not exceeds or any(count.value > breakdown.whole_value for count in breakdown.parts):
            return None  # a larger single part is a sanity finding (part_exceeds_whole)
        severity = "warning"  # 'trong đó' parts may overlap ('20 hộ nữ, 25 hộ DTTS')
    elif (breakdown.complete and not joined) or exceeds:
        severity = "error"
    elif breakdown.complete:
        severity = "warning"  # '14 hộ nghèo và 5 hộ cận nghèo: ...' may break down either count
    else:
        return None  # an item without its count: the parts may fall short
    stated = breakdown.whole_value if joined else last
    text = source.text
    money = breakdown.whole[-1].unit == "money"
    stated_text = money_text(stated) if money else " và ".join(text[c.start : c.end] for c in breakdown.whole)
    parts_text = money_text(parts) if money else vn(parts)
    pieces = "" if money else " (" + " + ".join(text[c.start : c.end] for c in breakdown.parts) + ")"
    return finding(
        "breakdown_sum_mismatch",
        severity,
        f"Tổng ghi {stated_text} nhưng các phần cộng lại là {parts_text}{pieces}",
        stated=stated,
        expected=parts,
        tolerance=tolerance,
        evidence=[
            *(source.evidence(count.start, count.end) for count in breakdown.whole),
            *(source.evidence(count.start, count.end) for count in breakdown.parts),
        ],
    )
