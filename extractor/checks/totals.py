"""PLACEHOLDER: being written."""

from schemas import Finding, PlanDocument


def check_totals(document: PlanDocument) -> list[Finding]:
    return []
