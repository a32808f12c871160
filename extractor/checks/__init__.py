"""The arithmetic checker: every rule family reads a PlanDocument and returns Findings."""

from __future__ import annotations

from collections.abc import Callable

from extractor.checks.differences import check_differences
from extractor.checks.facts import PovertyFacts, poverty_facts
from extractor.checks.lists import check_lists
from extractor.checks.rates import check_rates
from extractor.checks.sanity import check_sanity
from extractor.checks.totals import check_totals
from schemas import Finding, PlanDocument

RULE_FAMILIES: list[Callable[[PlanDocument], list[Finding]]] = [
    check_totals,
    check_rates,
    check_differences,
    check_lists,
    check_sanity,
]
# Families that read the poverty facts: ``check`` reads them once and hands them to each.
_READ_FACTS: set[Callable[..., list[Finding]]] = {check_rates, check_differences}
_SEVERITY_ORDER = {"error": 0, "warning": 1}


def check(document: PlanDocument) -> list[Finding]:
    """Every finding on one document, errors first, then in reading order."""
    facts: PovertyFacts | None = None
    findings = []
    for family in RULE_FAMILIES:
        if family in _READ_FACTS:
            facts = poverty_facts(document) if facts is None else facts
            findings += family(document, facts)
        else:
            findings += family(document)
    return sorted(findings, key=_order)


def _order(finding: Finding) -> tuple[int, int, str]:
    start = finding.evidence[0].start if finding.evidence else 0
    return (_SEVERITY_ORDER[finding.severity], start, finding.rule)
