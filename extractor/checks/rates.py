"""PLACEHOLDER: being written."""

from schemas import Finding, PlanDocument


def check_rates(document: PlanDocument) -> list[Finding]:
    return []
