"""PLACEHOLDER: being written."""

from schemas import Finding, PlanDocument


def check_sanity(document: PlanDocument) -> list[Finding]:
    return []
