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

import regex

from extractor.checks.finding import finding, vn
from extractor.checks.list_claim import CATEGORY_WORDS, Claim, Key
from extractor.checks.list_compare import (
    EXPECTED_ORDER,
    buckets,
    compare,
    ordered,
    separable,
    subject,
)
from extractor.checks.list_duplicates import duplicate_findings
from extractor.checks.list_keys import Keys
from extractor.checks.list_segments import Lists, Segment, read_lists
from extractor.text import squash
from schemas import Finding, PlanDocument, PovertyStat

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


def check_lists(document: PlanDocument) -> list[Finding]:
    """Lists against the counts over them and in the village table; households listed twice."""
    lists = read_lists(document)
    claims, findings = _claims(document, lists)
    plan_year = document.header.plan_year.value if document.header.plan_year else None
    for key, group in claims.items():
        for bucket in buckets(group, key[3], plan_year):
            for claims_about_one_thing in separable(bucket):
                findings.extend(compare(key, claims_about_one_thing))
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
        key = _key(stat, lists.keys)
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
            if not _explained(segment, village, claims, lists.keys):
                findings.append(_ambiguous_heading(segment, village))
        elif heading.village is None or village is None:
            # only the list against its own heading: the commune's, or a village's not told apart from the next
            name = heading.village if village else None
            own = Claim("heading", heading.households.value, _bound(heading), None, name or "", (heading.households.evidence,))
            findings.extend(compare(_key(heading, lists.keys), [own, _list_claim(segment, heading, name)]))
        else:
            claims[_key(heading, lists.keys)].append(_list_claim(segment, heading, heading.village))
    return claims, findings


def _key(stat: PovertyStat, keys: Keys) -> Key:
    return (keys.village(stat.village), stat.category, stat.measure, stat.planned)


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


def _explained(segment: Segment, village: str | None, claims: dict[Key, list[Claim]], keys: Keys) -> bool:
    """True when the table or the text gives the village the number of households the list names."""
    listed, wanted = len(segment.households), (keys.village(village), segment.category)
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
            by_village[lists.keys.village(household.village or segment.village)].append(household)
        for village, households in by_village.items():
            if not village:
                continue
            known = [c for key, group in claims.items() if key[:2] == (village, segment.category) for c in group]
            reductions = [c for key, group in claims.items() if key[:3] == (village, segment.category, "reduction")
                          for c in group if c.kind != "list"]
            if not reductions or any(c.value == len(households) for c in known):
                continue
            stated = ordered(reductions, EXPECTED_ORDER)[0]
            key = (village, segment.category, "reduction", True)
            findings.append(
                finding(
                    "village_list_count_mismatch",
                    "warning",
                    f"{subject(key, [stated])}: {stated.describe('reduction')} nhưng danh sách kể tên "
                    f"{vn(len(households))} hộ",
                    stated=stated.value,
                    expected=len(households),
                    tolerance=0,
                    evidence=[*stated.spans, *(household.name for household in households)],
                )
            )
    return findings
