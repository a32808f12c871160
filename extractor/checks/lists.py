"""PLACEHOLDER: being written."""

from schemas import Finding, PlanDocument


def check_lists(document: PlanDocument) -> list[Finding]:
    return []
