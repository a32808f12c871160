"""Totals: a stated total against the sum of its parts (budgets, 'cho N dự án', table total rows, counts)."""

from __future__ import annotations

from extractor.checks.breakdown_sums import breakdown_findings
from extractor.checks.budget_totals import budget_findings
from extractor.checks.table_totals import table_findings
from extractor.sections import segment
from extractor.text import SourceText
from schemas import Finding, PlanDocument


def check_totals(document: PlanDocument) -> list[Finding]:
    """Budget totals, 'cho N dự án', table total rows and counts broken into parts, against their parts."""
    source = source_of(document)
    budget, checked = budget_findings(document, segment(source))
    return budget + table_findings(document) + breakdown_findings(source, checked)


def source_of(document: PlanDocument) -> SourceText:
    """The document's text as the parsers saw it, for the section tree and paragraph lookups."""
    return SourceText(document.text, tuple(document.page_starts))

