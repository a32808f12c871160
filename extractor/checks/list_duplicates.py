"""A household named twice: twice in one list, or in both the poor and the near-poor list of its village."""

from __future__ import annotations

from collections import defaultdict

from extractor.checks.finding import finding
from extractor.checks.list_segments import Lists
from schemas import Finding, Household, PlanDocument

CATEGORY_LISTS = {"poor": "danh sách hộ nghèo", "near_poor": "danh sách hộ cận nghèo"}


def duplicate_findings(document: PlanDocument, lists: Lists) -> list[Finding]:
    """Households with the same name and village listed more than once.

    Twice in one list is an error when the two entries give the same members (the list's count is one too
    many), a warning when they differ or give none (two heads of household can share a name). In both the
    poor and the near-poor list is always a warning: a household is in one category only, but namesakes exist.
    The same name in two different lists of one category (a text list and an annex table, or two support
    programmes) is not a finding: plans repeat households on purpose.
    """
    groups: dict[tuple[str, str], list[Household]] = defaultdict(list)
    for household in document.households:
        groups[(lists.keys.village(household.village), lists.keys.person(household.name.value))].append(household)
    findings = []
    for group in groups.values():
        if len(group) < 2:
            continue
        by_list: dict[tuple, list[Household]] = defaultdict(list)
        for household in group:
            by_list[(lists.list_of(household), household.category)].append(household)
        for (_, category), entries in by_list.items():
            if len(entries) > 1:
                findings.append(_listed_twice(entries, category))
        # a village read from a heading the next village's unrecognised heading should have ended is unknown
        known = [household for household in group if not lists.stale(household.evidence.start, household.village)]
        if len({household.category for household in known} - {None}) > 1:
            findings.append(_two_categories(known))
    return findings


def _listed_twice(entries: list[Household], category: str | None) -> Finding:
    same = _same_details(entries)
    where = f" ({entries[0].village})" if entries[0].village else ""
    in_list = f" trong {CATEGORY_LISTS[category]}" if category in CATEGORY_LISTS else " trong cùng một danh sách"
    details = _details(entries[0]) if same else "với số khẩu, lao động khác nhau hoặc không ghi: có thể là hai hộ trùng tên"
    return finding(
        "household_listed_twice",
        "error" if same else "warning",
        f"Hộ {entries[0].name.value}{where} được kể tên {len(entries)} lần{in_list} ({details})",
        stated=len(entries),
        expected=1,
        tolerance=0,
        evidence=[entry.name for entry in entries],
    )


def _two_categories(group: list[Household]) -> Finding:
    first = group[0]
    where = f" ({first.village})" if first.village else ""
    same = " (" + _details(first) + ")" if _same_details(group) else ""
    return finding(
        "household_in_two_categories",
        "warning",
        f"Hộ {first.name.value}{where} có tên trong cả danh sách hộ nghèo và danh sách hộ cận nghèo{same}; "
        "một hộ chỉ thuộc một diện: kiểm tra lại, hoặc ghi rõ nếu là hai hộ trùng tên",
        evidence=[household.name for household in group],
    )


def _same_details(entries: list[Household]) -> bool:
    """The entries give the same members, and the same workers or none: one household written twice."""
    members = {entry.members.value if entry.members else None for entry in entries}
    workers = {entry.workers.value if entry.workers else None for entry in entries}
    return len(members) == 1 and None not in members and len(workers) == 1


def _details(household: Household) -> str:
    parts = [f"{household.members.value} khẩu"] if household.members else []
    if household.workers:
        parts.append(f"{household.workers.value} lao động")
    return "cùng " + ", ".join(parts) if parts else "không ghi số khẩu"
