"""PLACEHOLDER: being written."""

from schemas import Finding, PlanDocument


def check_differences(document: PlanDocument) -> list[Finding]:
    return []
