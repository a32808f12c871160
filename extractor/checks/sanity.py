"""Sanity: parts above their whole, shares above 100%, dates after the plan, years against the plan year."""

from __future__ import annotations

from extractor.checks.sanity_counts import count_findings
from extractor.checks.sanity_dates import date_findings
from extractor.checks.totals import source_of
from extractor.sections import segment
from schemas import Finding, PlanDocument


def check_sanity(document: PlanDocument) -> list[Finding]:
    """Parts larger than their whole, percentages above 100, dates after the plan, years against the plan's."""
    source = source_of(document)
    sections = segment(source)
    return _deduplicated([*count_findings(document, source), *date_findings(document, source, sections)])


def _deduplicated(findings: list[Finding]) -> list[Finding]:
    """One finding per set of numbers: the same fact read twice raises one finding."""
    seen, kept = set(), []
    for found in findings:
        key = frozenset(span.start for span in found.evidence)
        if key not in seen:
            seen.add(key)
            kept.append(found)
    return kept
