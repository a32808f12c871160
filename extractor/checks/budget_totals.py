"""Budget totals: a stated total, and 'cho N dự án', against the amounts of the components under it."""

from __future__ import annotations

from decimal import Decimal

import regex

from extractor.checks.finding import finding, money_text
from extractor.checks.precision import rounding_tolerance, within
from extractor.parsers.numbers import MONEY, parse_number, unit_multiplier
from extractor.sections import Heading, Sections
from extractor.vocab import checks_totals as vocab
from schemas import BudgetItem, Evidence, Finding, PlanDocument

_I = regex.IGNORECASE
_MONEY_RE = regex.compile(MONEY, _I)
_PROJECT_COUNT_RE = regex.compile(vocab.PROJECT_COUNT, _I)
_COMPONENT_RE = regex.compile(r"^(?:Dự án (?P<project>[0-9]+))?(?: / )?(?:Tiểu dự án (?P<sub>[0-9]+))?$")
_PER_UNIT_RE = regex.compile(r"\s*/")
_MAX_SUMS = 256
_FAMILY = {"prior_result": "prior", "spent": "spent"}  # planned, allocated and other amounts go together


def budget_findings(document: PlanDocument, sections: Sections) -> tuple[list[Finding], set[int]]:
    """Plan-wide and project totals against the components under them; also the offsets checked."""
    text = document.text
    items = [item for item in document.budget_items if not _per_unit(text, item)]
    findings: list[Finding] = []
    checked: set[int] = set()
    groups: dict[tuple, list[tuple[BudgetItem, list[BudgetItem]]]] = {}
    for total in (item for item in items if item.is_total):
        total_key = _component_key(total.component)
        if total_key is not None and (total_key[0] is None or total_key[1] is not None):
            continue  # a sub-project's total breaks down by funding source, not by components
        candidates = [
            item
            for item in items
            if item is not total
            and item.component is not None
            and _same_budget(item, total)
            and (total_key is None or _under_project(item, total_key[0]))
        ]
        parts, span = _scope(sections, total, candidates, len(text))
        if parts:
            groups.setdefault((_family(total), total.year, total.period, total_key, span), []).append((total, parts))
    for entries in groups.values():
        results = [(total, parts, _evaluate(sections, total, parts)) for total, parts in entries]
        checked.update(total.amount_vnd.evidence.start for total, _, _ in results)
        # several totals over the same parts: one that adds up leaves the others only suspicious
        several = any(result["match"] for _, _, result in results) or len({t.amount_vnd.value for t, _, _ in results}) > 1
        seen: set[int] = set()
        for total, parts, result in results:
            findings.append(_count_findings(total, parts, result))
            if result["match"] or total.amount_vnd.value in seen:
                continue
            seen.add(total.amount_vnd.value)
            findings.append(_budget_mismatch(total, parts, result, several))
    return [found for found in findings if found is not None], checked


def _per_unit(text: str, item: BudgetItem) -> bool:
    """'5 triệu đồng/hộ' is a rate, never a part of a total."""
    return bool(_PER_UNIT_RE.match(text[item.amount_vnd.evidence.end : item.amount_vnd.evidence.end + 3]))


def _family(item: BudgetItem) -> str:
    return _FAMILY.get(item.kind, "plan")


def _same_budget(item: BudgetItem, total: BudgetItem) -> bool:
    return _family(item) == _family(total) and item.year == total.year and item.period == total.period


def _component_key(component: str | None) -> tuple[int | str | None, int | None] | None:
    """('Dự án 3 / Tiểu dự án 2') -> (3, 2); 'Tiểu dự án 1' -> (None, 1); another heading -> (name, None)."""
    if component is None:
        return None
    match = _COMPONENT_RE.match(component)
    if not match or not (match["project"] or match["sub"]):
        return (component, None)
    return (int(match["project"]) if match["project"] else None, int(match["sub"]) if match["sub"] else None)


def _under_project(item: BudgetItem, project: int | str | None) -> bool:
    key = _component_key(item.component)
    return key is not None and key[0] == project and key[1] is not None


def _scope(
    sections: Sections, total: BudgetItem, candidates: list[BudgetItem], length: int
) -> tuple[list[BudgetItem], tuple[int, int]]:
    """The parts a total covers: those of the innermost section around it that has any, else the whole plan."""
    offset = total.amount_vnd.evidence.start
    for heading in reversed(sections.chain_at(offset)):
        start, end = _section_span(sections, heading, length)
        inside = [item for item in candidates if start <= item.amount_vnd.evidence.start < end]
        if inside:
            return inside, (start, end)
    return candidates, (0, length)


def _section_span(sections: Sections, heading: Heading, length: int) -> tuple[int, int]:
    later = [other.start for other in sections.headings if other.start > heading.start and other.level <= heading.level]
    return heading.start, min(later, default=length)


def _evaluate(sections: Sections, total: BudgetItem, parts: list[BudgetItem]) -> dict:
    """Every sum the parts can make (a project's own amount, or its sub-projects added up), and the verdict."""
    projects: dict[object, dict[object, list[BudgetItem]]] = {}
    for item in parts:
        project, sub = _component_key(item.component)
        projects.setdefault(project, {}).setdefault(sub, []).append(item)
    options, primary = [], Decimal(0)
    for groups in projects.values():
        own = groups.get(None, [])
        subs = [group for key, group in groups.items() if key is not None]
        choices, first = _project_choices(own, subs)
        options.append(choices)
        primary += first
    stated = Decimal(total.amount_vnd.value)
    tolerance = rounding_tolerance([_printed_precision(item) for item in [total, *parts]])
    sums = _sums(options)
    return {
        "match": any(within(stated, value, tolerance) for value in sums),
        "unique": all(len(choices) == 1 for choices in options),
        "expected": primary,
        "tolerance": tolerance,
        "projects": sorted(projects, key=str),
        "unpriced": _unpriced_components(sections, parts),
    }


def _project_choices(own: list[BudgetItem], subs: list[list[BudgetItem]]) -> tuple[set[Decimal], Decimal]:
    """A project's possible amounts and the likeliest one.

    Its own amount covers its sub-projects only when it is at least their sum; else it is one more part.
    """
    if not subs:
        return _choices(own), max(_amount(item) for item in own)
    sub_choices = _sums([_choices(group) for group in subs])
    sub_first = sum((max(_amount(item) for item in group) for group in subs), Decimal(0))
    if not own:
        return sub_choices, sub_first
    own_first = max(_amount(item) for item in own)
    separate = {own_first + value for value in sub_choices}
    if own_first >= sub_first:
        return {own_first} | separate, own_first
    return separate, own_first + sub_first


def _choices(items: list[BudgetItem]) -> set[Decimal]:
    """A component's possible amounts: its largest (the others inside it), or its several amounts added up."""
    amounts = [_amount(item) for item in items]
    choices = {max(amounts)}
    separate = [_amount(item) for item in items if not item.is_total]
    if len(separate) >= 2:
        choices.add(sum(separate, Decimal(0)))
    return choices


def _sums(options: list[set[Decimal]]) -> set[Decimal]:
    sums = {Decimal(0)}
    for choices in options:
        sums = {a + b for a in sums for b in choices}
        if len(sums) > _MAX_SUMS:
            sums = set(sorted(sums)[:_MAX_SUMS])
    return sums


def _amount(item: BudgetItem) -> Decimal:
    return Decimal(item.amount_vnd.value)


def _printed_precision(item: BudgetItem) -> Decimal:
    """One unit in the last printed place of the amount, in đồng: '1.728 triệu' -> 1.000.000."""
    match = _MONEY_RE.fullmatch(item.amount_vnd.evidence.raw)
    number = parse_number(match["amount"]) if match else None
    multiplier = unit_multiplier(match["unit"]) if match else None
    if number is None or multiplier is None:
        return Decimal(1)
    exponent = number.as_tuple().exponent
    return Decimal(1).scaleb(exponent) * multiplier if isinstance(exponent, int) else Decimal(1)


def _unpriced_components(sections: Sections, parts: list[BudgetItem]) -> bool:
    """True when a component heading near the total has no amount: the total may cover it."""
    keys = {_component_key(item.component) for item in parts}
    for heading in sections.headings:
        if heading.project is None and heading.subproject is None:
            continue
        if not any(
            (heading.project is None or key[0] == heading.project)
            and (heading.subproject is None or key[1] == heading.subproject)
            for key in keys
        ):
            return True
    return False


def _budget_mismatch(total: BudgetItem, parts: list[BudgetItem], result: dict, several: bool) -> Finding:
    stated = Decimal(total.amount_vnd.value)
    expected = result["expected"]
    certain = result["unique"] and not several and (
        expected > stated or (len(result["projects"]) >= 2 and not result["unpriced"])
    )
    names = ", ".join(f"{item.component}: {money_text(item.amount_vnd.value)}" for item in parts)
    return finding(
        "budget_total_mismatch",
        "error" if certain else "warning",
        f"Tổng kinh phí ghi {money_text(stated)} nhưng các dự án cộng lại là {money_text(expected)} ({names})",
        stated=stated,
        expected=expected,
        tolerance=result["tolerance"],
        evidence=[total.amount_vnd, *(item.amount_vnd for item in parts)],
    )


def _count_findings(total: BudgetItem, parts: list[BudgetItem], result: dict) -> Finding | None:
    """'1.080 triệu đồng cho 2 dự án': the number of projects against the projects with amounts under it."""
    stated_count = _PROJECT_COUNT_RE.search(total.evidence.raw)
    if not stated_count:
        return None
    word = stated_count["count"].lower()
    count = vocab.NUMBER_WORDS.get(word) or int(word)
    keys = {_component_key(item.component) for item in parts}
    listed = {key[1] for key in keys} if stated_count["sub"] else {key[0] for key in keys}
    if len(listed) == count:
        return None
    certain = len(listed) > count or (result["match"] and result["unique"])
    kind = "tiểu dự án" if stated_count["sub"] else "dự án"
    start = total.evidence.start + stated_count.start()
    span = Evidence(start=start, end=start + len(stated_count.group()), page=total.evidence.page, raw=stated_count.group())
    return finding(
        "budget_project_count_mismatch",
        "error" if certain else "warning",
        f"Kinh phí {money_text(total.amount_vnd.value)} ghi cho {count} {kind} nhưng các khoản kinh phí nêu bên dưới"
        f" thuộc {len(listed)} {kind}",
        stated=count,
        expected=len(listed),
        tolerance=0,
        evidence=[span, total.amount_vnd, *(item.amount_vnd for item in parts)],
    )
