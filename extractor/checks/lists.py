"""Rule family 4, lists against counts: a heading's count against the households listed under it, village
counts in the text against the village table, and a household listed twice.

Every count a plan gives for one village, household category and measure (level / reduction / increase)
is a claim: the category line over a list ('Kế hoạch giảm 3 hộ'), a sentence ('thôn Tô: 3 hộ nghèo'), a
cell of the village table, and the number of households the list names. Claims about the same thing are
compared once: the value most claims give (the list, then the table, on a tie) is the reference, and each
other value is one finding carrying the spans of every claim on both sides.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import regex

from extractor.checks.finding import finding, vn
from extractor.checks.list_duplicates import duplicate_findings
from extractor.checks.list_keys import village_key
from extractor.checks.list_segments import Lists, Segment, read_lists
from extractor.text import squash
from schemas import Evidence, Finding, PlanDocument, PovertyStat

CATEGORY_WORDS = {
    "poor": "hộ nghèo",
    "near_poor": "hộ cận nghèo",
    "multidimensional": "hộ nghèo đa chiều",
    "escaped": "hộ thoát nghèo",
}
MEASURE_WORDS = {"level": "có", "reduction": "giảm", "increase": "tăng"}
SOURCE_WORDS = {"heading": "đầu mục", "text": "phần thuyết minh", "table": "bảng"}
# A sentence about the whole commune inside a village's part of the plan ('góp phần cùng toàn xã giảm 23 hộ'):
# its count is not the village's.
AREA_WORDS = regex.compile(
    r"(?<!\p{L})(?:toàn|cả|trên\s+địa\s+bàn)\s+(?:xã|phường|thị\s+trấn|huyện|tỉnh)(?!\p{L})", regex.IGNORECASE
)
AREA_WORD_EXAMPLES: list[tuple[str, bool]] = [
    ("góp phần cùng toàn xã giảm 23 hộ nghèo", True),
    ("trên địa bàn phường có 40 hộ", True),
    ("thôn Tô: 3 hộ nghèo", False),
]
_CLAUSE_END = regex.compile(r"[.;:!?]")
# On a tie, the value of the kind listed first is the reference: what the list names, then the table.
_PRIORITY = {"list": 0, "table": 1, "heading": 2, "text": 3}
# The order of claims in a finding: the stated side opens with the heading, the other side with the list,
# so that the message reads 'đầu mục ghi giảm 2 hộ nhưng danh sách kể tên 6 hộ'.
_STATED_ORDER = {"heading": 0, "text": 1, "table": 2, "list": 3}
_EXPECTED_ORDER = _PRIORITY


@dataclass(frozen=True)
class Claim:
    """One count about a village: stated by a heading, a sentence or a table cell, or counted in a list."""

    kind: str  # 'heading', 'text', 'table' or 'list'
    value: int
    bound: str | None  # 'at_least' ... when the claim is a bound, None when exact
    year: int | None
    village: str
    spans: tuple[Evidence, ...]
    segment: int | None = None  # the list segment of a heading or a list

    def describe(self, measure: str) -> str:
        """'bảng ghi giảm 6 hộ (năm 2024)', 'danh sách kể tên 6 hộ'."""
        if self.kind == "list":
            return f"danh sách kể tên {'ít nhất ' if self.bound else ''}{vn(self.value)} hộ"
        year = f" (năm {self.year})" if self.kind == "table" and self.year else ""
        return f"{SOURCE_WORDS[self.kind]} ghi {MEASURE_WORDS[measure]} {vn(self.value)} hộ{year}"


Key = tuple[str, str, str, bool]  # village key, category, measure, planned


def check_lists(document: PlanDocument) -> list[Finding]:
    """Lists against the counts over them and in the village table; households listed twice."""
    lists = read_lists(document)
    claims, findings = _claims(document, lists)
    plan_year = document.header.plan_year.value if document.header.plan_year else None
    for key, group in claims.items():
        for bucket in _buckets(group, key[3], plan_year):
            for claims_about_one_thing in _separable(bucket):
                findings.extend(_compare(key, claims_about_one_thing))
    findings.extend(_unheaded_lists(lists, claims))
    findings.extend(duplicate_findings(document, lists))
    return findings


# --- claims ----------------------------------------------------------------------------------------------


def _claims(document: PlanDocument, lists: Lists) -> tuple[dict[Key, list[Claim]], list[Finding]]:
    """Claims grouped by what they count; lists whose heading is about the whole commune are checked here."""
    headings = {id(stat): segment.index for segment in lists.segments for stat in segment.headings}
    claims: dict[Key, list[Claim]] = defaultdict(list)
    seen: set[tuple] = set()
    for stat in document.poverty_stats:
        if stat.village is None or stat.households is None:
            continue
        if stat.origin == "text" and (
            lists.stale(stat.evidence.start, stat.village)
            or (id(stat) not in headings and _about_area(document.text, stat))
        ):
            continue
        span = stat.households.evidence
        key = _key(stat)
        if (key, span.start, span.end) in seen:
            continue
        seen.add((key, span.start, span.end))
        kind = "heading" if id(stat) in headings else stat.origin
        claims[key].append(
            Claim(kind, stat.households.value, _bound(stat), stat.year, stat.village, (span,), headings.get(id(stat)))
        )
    findings = []
    for segment in lists.segments:
        if not segment.headings:
            continue
        heading = _heading_for(segment)
        village = None if lists.stale(segment.start, segment.village) else segment.village
        if heading is None:
            if not _explained(segment, village, claims):
                findings.append(_ambiguous_heading(segment, village))
        elif heading.village is None or village is None:
            # only the list against its own heading: the commune's, or a village's not told apart from the next
            name = heading.village if village else None
            own = Claim("heading", heading.households.value, _bound(heading), None, name or "", (heading.households.evidence,))
            findings.extend(_compare(_key(heading), [own, _list_claim(segment, heading, name)]))
        else:
            claims[_key(heading)].append(_list_claim(segment, heading, heading.village))
    return claims, findings


def _key(stat: PovertyStat) -> Key:
    return (village_key(stat.village), stat.category, stat.measure, stat.planned)


def _bound(stat: PovertyStat) -> str | None:
    return None if stat.comparator in (None, "exactly") else stat.comparator


def _about_area(text: str, stat: PovertyStat) -> bool:
    """True when the words just before the statement, in its own clause, speak of the whole commune."""
    before = squash(text[max(0, stat.evidence.start - 120) : stat.evidence.start])
    clause = _CLAUSE_END.split(before)[-1][-60:]
    return bool(AREA_WORDS.search(clause))


def _heading_for(segment: Segment) -> PovertyStat | None:
    """The count the list answers: the only one in its heading, or the one the list matches."""
    if len(segment.headings) == 1:
        return segment.headings[0]
    matching = [stat for stat in segment.headings if stat.households.value == len(segment.households)]
    return matching[0] if matching else None


def _explained(segment: Segment, village: str | None, claims: dict[Key, list[Claim]]) -> bool:
    """True when the table or the text gives the village the number of households the list names."""
    listed, wanted = len(segment.households), (village_key(village), segment.category)
    return bool(village) and any(
        claim.value == listed and claim.kind in ("table", "text")
        for key, group in claims.items()
        if key[:2] == wanted
        for claim in group
    )


def _list_claim(segment: Segment, heading: PovertyStat, village: str | None) -> Claim:
    """The households named under ``heading``: at least that many when some items could not be read."""
    bound = "at_least" if segment.unread else None
    spans = tuple(household.name.evidence for household in segment.households)
    return Claim("list", len(segment.households), bound, heading.year, village or "", spans, segment.index)


def _ambiguous_heading(segment: Segment, village: str | None) -> Finding:
    """A heading with several counts, none of which the list matches: which one it answers is unclear."""
    stated = segment.headings[-1].households
    where = f"{village}, " if village else ""
    return finding(
        "household_list_count_mismatch",
        "warning",
        f"{where}{CATEGORY_WORDS[segment.category]}: đầu mục ghi "
        + ", ".join(f"{vn(stat.households.value)} hộ" for stat in segment.headings)
        + f" nhưng danh sách kể tên {vn(len(segment.households))} hộ",
        stated=stated.value,
        expected=len(segment.households),
        tolerance=0,
        evidence=[stated, *(stat.households for stat in segment.headings[:-1]), *(h.name for h in segment.households)],
    )


# --- comparing the claims about one thing ------------------------------------------------------------------


def _buckets(group: list[Claim], planned: bool, plan_year: int | None) -> list[list[Claim]]:
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


def _separable(bucket: list[Claim]) -> list[list[Claim]]:
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


def _compare(key: Key, bucket: list[Claim]) -> list[Finding]:
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
    stated, expected = _ordered(stated, _STATED_ORDER), _ordered(expected, _EXPECTED_ORDER)
    return finding(
        rule,
        severity,
        f"{_subject(key, stated + expected)}: {_describe(stated, key)} nhưng {_describe(expected, key)}",
        stated=stated[0].value,
        expected=expected[0].value,
        tolerance=0,
        evidence=[span for claim in stated + expected for span in claim.spans],
    )


def _bound_mismatch(key: Key, claim: Claim, reference: list[Claim]) -> Finding:
    """A bound the reference value breaks: certain for a list read in part ('ít nhất 2 hộ' against 1), a
    warning for the document's own 'trở lên', 'dưới' and the like."""
    certain = claim.kind == "list"
    reference = _ordered(reference, _STATED_ORDER if certain else _EXPECTED_ORDER)
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
        f"{_subject(key, first + second)}: {parts[0]} nhưng {parts[1]}",
        stated=first[0].value,
        expected=second[0].value,
        tolerance=0,
        evidence=[span for c in first + second for span in c.spans],
    )


def _ordered(claims: list[Claim], order: dict[str, int]) -> list[Claim]:
    return sorted(claims, key=lambda claim: (order[claim.kind], claim.spans[0].start))


def _subject(key: Key, claims: list[Claim]) -> str:
    village = next((c.village for c in claims if c.kind == "table"), claims[0].village)
    category = CATEGORY_WORDS.get(key[1], key[1])
    return f"{village}, {category}" if village else category[:1].upper() + category[1:]


def _describe(claims: list[Claim], key: Key) -> str:
    return "; ".join(claim.describe(key[2]) for claim in claims)


# --- lists without a count over them -------------------------------------------------------------------


def _unheaded_lists(lists: Lists, claims: dict[Key, list[Claim]]) -> list[Finding]:
    """A list under a bare category line against the village's planned reduction: a warning, as the list
    may name every poor household rather than those planned to leave poverty."""
    findings = []
    for segment in lists.segments:
        if segment.headings or segment.unread or lists.stale(segment.start, segment.village):
            continue
        by_village: dict[str, list] = defaultdict(list)
        for household in segment.households:
            by_village[village_key(household.village or segment.village)].append(household)
        for village, households in by_village.items():
            if not village:
                continue
            known = [c for key, group in claims.items() if key[:2] == (village, segment.category) for c in group]
            reductions = [c for key, group in claims.items() if key[:3] == (village, segment.category, "reduction")
                          for c in group if c.kind != "list"]
            if not reductions or any(c.value == len(households) for c in known):
                continue
            stated = _ordered(reductions, _EXPECTED_ORDER)[0]
            key = (village, segment.category, "reduction", True)
            findings.append(
                finding(
                    "village_list_count_mismatch",
                    "warning",
                    f"{_subject(key, [stated])}: {stated.describe('reduction')} nhưng danh sách kể tên "
                    f"{vn(len(households))} hộ",
                    stated=stated.value,
                    expected=len(households),
                    tolerance=0,
                    evidence=[*stated.spans, *(household.name for household in households)],
                )
            )
    return findings
