"""Findings as text for a terminal: by document, errors first, every number quoted in its sentence."""

from __future__ import annotations

from decimal import Decimal

from extractor.findings_query import Review
from schemas import Evidence, Finding

CONTEXT = 40  # characters of text shown on each side of a quoted number
SEVERITY_LABELS = {"error": "LỖI", "warning": "CẢNH BÁO"}


def number_text(value: Decimal, grouped: bool = True) -> str:
    """A finding's number the Vietnamese way, with the decimals it has: 6,40; 1.728; 0,005; infinity '∞'.

    ``grouped=False`` leaves thousands unseparated, as years are written (2024, not 2.024).
    """
    if not value.is_finite():
        return "∞"
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    if grouped:
        whole = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{whole},{fraction}" if fraction else f"{sign}{whole}"


def finding_numbers(found: Finding) -> list[str]:
    """'ghi: 6,40', 'các số khác cho: 6,00', 'sai số cho phép: ±0,005', as far as the finding has them."""
    grouped = "year" not in found.rule  # a rule about years compares years: 2023, not 2.023
    numbers = [
        f"{name}: {number_text(value, grouped)}"
        for name, value in (("ghi", found.stated), ("các số khác cho", found.expected))
        if value is not None
    ]
    if found.tolerance is not None:
        numbers.append(f"sai số cho phép: ±{number_text(found.tolerance, grouped)}")
    return numbers


def quote(text: str, span: Evidence, width: int = CONTEXT) -> str:
    """The span's raw text in «», with about ``width`` characters of the document on each side, on one line.

    A side cut short loses its broken word and shows '…'.
    """
    if text[span.start:span.end] != span.raw:
        return f"«{_one_line(span.raw)}»"
    before = text[max(0, span.start - width):span.start]
    after = text[span.end:span.end + width]
    lead = tail = ""
    if span.start > width:
        before, lead = _after_first_space(before), "…"
    if span.end + width < len(text):
        after, tail = _before_last_space(after), "…"
    gap_before = " " if before[-1:].isspace() else ""
    gap_after = " " if after[:1].isspace() else ""
    return f"{lead}{_one_line(before)}{gap_before}«{_one_line(span.raw)}»{gap_after}{_one_line(after)}{tail}"


def _after_first_space(text: str) -> str:
    cut = next((i for i, char in enumerate(text) if char.isspace()), None)
    return text if cut is None else text[cut:]


def _before_last_space(text: str) -> str:
    cut = next((i for i in range(len(text) - 1, -1, -1) if text[i].isspace()), None)
    return text if cut is None else text[:cut + 1]


def _one_line(text: str) -> str:
    # Tabs (table cells) and line wraps become single spaces so that each quote stays on one line.
    return " ".join(text.split())


def format_finding(found: Finding, text: str) -> list[str]:
    """The lines of one finding: severity, rule, message, the numbers, each span quoted."""
    lines = [f"  {SEVERITY_LABELS[found.severity]} [{found.rule}] {found.message}"]
    numbers = finding_numbers(found)
    if numbers:
        lines.append("      " + "; ".join(numbers))
    for index, span in enumerate(found.evidence, start=1):
        where = f"tr. {span.page}, " if span.page else ""
        lines.append(f"      {index}. ({where}ký tự {span.start}) {quote(text, span)}")
    return lines


def format_review(review: Review) -> list[str]:
    """The lines of one document: its path and summary, then its findings (already ordered)."""
    if not review.checked:
        reason = (review.message or "").removeprefix(f"{review.path}: ")
        return [f"{review.path}: KHÔNG KIỂM TRA ĐƯỢC ({review.status}): {reason}"]
    warnings = len(review.findings) - review.errors
    note = f" ({review.status})" if review.status != "ok" else ""
    if not review.findings:
        return [f"{review.path}{note}: không có phát hiện nào"]
    lines = [f"{review.path}{note}: {review.errors} lỗi, {warnings} cảnh báo"]
    for found in review.findings:
        lines += format_finding(found, review.text)
    return lines


def format_reviews(reviews: list[Review]) -> str:
    """The whole report: documents with errors, unreadable ones, with warnings only, the rest; a closing count."""
    def rank(review: Review) -> int:
        if review.errors:
            return 0
        return 1 if not review.checked else 2 if review.findings else 3

    lines: list[str] = []
    for review in sorted(reviews, key=rank):
        # A blank line closes each document that has findings, so that the next path stands out.
        lines += format_review(review) + ([""] if review.findings else [])
    unchecked = sum(not review.checked for review in reviews)
    with_errors = sum(bool(review.errors) for review in reviews)
    errors = sum(review.errors for review in reviews)
    warnings = sum(len(review.findings) for review in reviews) - errors
    lines.append(
        f"{len(reviews)} tài liệu: {with_errors} có lỗi, {unchecked} không kiểm tra được; "
        f"tổng cộng {errors} lỗi, {warnings} cảnh báo"
    )
    return "\n".join(lines)
