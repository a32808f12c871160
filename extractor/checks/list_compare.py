"""Comparing the claims about one count: the value most claims give is the reference, each other one a finding."""

from __future__ import annotations

from collections import defaultdict

from extractor.checks.finding import finding, vn
from extractor.checks.list_claim import (
    CATEGORY_WORDS,
    MEASURE_WORDS,
    SOURCE_WORDS,
    Claim,
    Key,
)
from schemas import Finding

# On a tie, the value of the kind listed first is the reference: what the list names, then the table.
_PRIORITY = {"list": 0, "table": 1, "heading": 2, "text": 3}
# The order of claims in a finding: the stated side opens with the heading, the other side with the list,
# so that the message reads 'đầu mục ghi giảm 2 hộ nhưng danh sách kể tên 6 hộ'.
STATED_ORDER = {"heading": 0, "text": 1, "table": 2, "list": 3}
EXPECTED_ORDER = _PRIORITY


def buckets(group: list[Claim], planned: bool, plan_year: int | None) -> list[list[Claim]]:
    """Claims about the same year; an undated claim speaks of the plan's own time, so it joins that year only."""
    dated: dict[int, list[Claim]] = defaultdict(list)
    undated = []
    for claim in group:
        (dated[claim.year] if claim.year is not None else undated).append(claim)
    if not dated:
        return [undated]
    # 'Hiện tại thôn có 8 hộ nghèo' in a 2024 plan is the 2023 review or the 2024 start; a target is for 2024.
    now = set() if plan_year is None else {plan_year} if planned else {plan_year - 1, plan_year}
    current = [year for year in dated if year in now]
    if undated and len(current) == 1:
        dated[current[0]].extend(undated)
        undated = []
    return list(dated.values()) + ([undated] if undated else [])


def separable(bucket: list[Claim]) -> list[list[Claim]]:
    """The bucket, or, when it holds two headings or two table cells for one village (its parts of the plan
    were not told apart), only each heading with its own list."""
    for kind in ("heading", "table"):
        if len({claim.spans[0].start for claim in bucket if claim.kind == kind}) > 1:
            by_segment: dict[int, list[Claim]] = defaultdict(list)
            for claim in bucket:
                if claim.segment is not None:
                    by_segment[claim.segment].append(claim)
            return list(by_segment.values())
    return [bucket]


def compare(key: Key, bucket: list[Claim]) -> list[Finding]:
    """One finding for each value that differs from the reference value; bounds checked against it."""
    by_value: dict[int, list[Claim]] = defaultdict(list)
    for claim in bucket:
        if claim.bound is None:
            by_value[claim.value].append(claim)
    if not by_value:
        return []
    reference = max(by_value, key=lambda value: (len(by_value[value]), -min(_PRIORITY[c.kind] for c in by_value[value])))
    findings = [
        _mismatch(key, by_value[value], by_value[reference], bucket) for value in by_value if value != reference
    ]
    for claim in bucket:
        if claim.bound is not None and not _satisfies(reference, claim):
            findings.append(_bound_mismatch(key, claim, by_value[reference]))
    return findings


def _satisfies(value: int, claim: Claim) -> bool:
    bound = claim.value
    return {
        "at_least": value >= bound,
        "above": value > bound,
        "at_most": value <= bound,
        "below": value < bound,
    }.get(claim.bound, value == bound)


def _mismatch(key: Key, differing: list[Claim], reference: list[Claim], bucket: list[Claim]) -> Finding:
    """Two values for one count. A heading against its own list, or two stated counts (text, table) against
    each other, is an error; a list against a count stated elsewhere only is an error when its own heading
    gives yet another count, else a warning: with 'trở lên' over it, a plan may name more households than
    the minimum it was given."""
    kinds_a, kinds_b = {c.kind for c in differing}, {c.kind for c in reference}
    severity = "error"
    if ("heading" in kinds_a and "list" in kinds_b) or ("list" in kinds_a and "heading" in kinds_b):
        rule = "household_list_count_mismatch"
        stated, expected = (differing, reference) if "heading" in kinds_a else (reference, differing)
    elif kinds_a - {"list"} and kinds_b - {"list"}:
        rule = "village_count_mismatch"
        table_first = "table" in kinds_a and "table" not in kinds_b
        stated, expected = (reference, differing) if table_first else (differing, reference)
    else:
        rule = "village_list_count_mismatch"
        stated, expected = (reference, differing) if "list" in kinds_a else (differing, reference)
        listed = next(c for c in expected if c.kind == "list")
        own = [c for c in bucket if c.kind == "heading" and c.segment == listed.segment and c.bound is None]
        severity = "error" if any(c.value != listed.value for c in own) else "warning"
    stated, expected = ordered(stated, STATED_ORDER), ordered(expected, EXPECTED_ORDER)
    return finding(
        rule,
        severity,
        f"{subject(key, stated + expected)}: {_describe(stated, key)} nhưng {_describe(expected, key)}",
        stated=stated[0].value,
        expected=expected[0].value,
        tolerance=0,
        evidence=[span for claim in stated + expected for span in claim.spans],
    )


def _bound_mismatch(key: Key, claim: Claim, reference: list[Claim]) -> Finding:
    """A bound the reference value breaks: certain for a list read in part ('ít nhất 2 hộ' against 1), a
    warning for the document's own 'trở lên', 'dưới' and the like."""
    certain = claim.kind == "list"
    reference = ordered(reference, STATED_ORDER if certain else EXPECTED_ORDER)
    first, second = (reference, [claim]) if certain else ([claim], reference)
    bound_words = {"at_least": "ít nhất", "above": "trên", "at_most": "nhiều nhất", "below": "dưới"}
    described = claim.describe(key[2]) if certain else (
        f"{SOURCE_WORDS[claim.kind]} ghi {MEASURE_WORDS[key[2]]} {bound_words[claim.bound]} {vn(claim.value)} hộ"
    )
    parts = [_describe(first, key), described] if certain else [described, _describe(second, key)]
    kinds = {claim.kind, *(c.kind for c in reference)}
    return finding(
        "household_list_count_mismatch" if {"heading", "list"} <= kinds else "village_count_mismatch",
        "error" if certain else "warning",
        f"{subject(key, first + second)}: {parts[0]} nhưng {parts[1]}",
        stated=first[0].value,
        expected=second[0].value,
        tolerance=0,
        evidence=[span for c in first + second for span in c.spans],
    )


def ordered(claims: list[Claim], order: dict[str, int]) -> list[Claim]:
    """The claims by kind in the given order, then by place in the text."""
    return sorted(claims, key=lambda claim: (order[claim.kind], claim.spans[0].start))


def subject(key: Key, claims: list[Claim]) -> str:
    """What the claims count, for a message: 'Thôn Tô, hộ nghèo'."""
    village = next((c.village for c in claims if c.kind == "table"), claims[0].village)
    category = CATEGORY_WORDS.get(key[1], key[1])
    return f"{village}, {category}" if village else category[:1].upper() + category[1:]


def _describe(claims: list[Claim], key: Key) -> str:
    return "; ".join(claim.describe(key[2]) for claim in claims)
