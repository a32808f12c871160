"""Sanity of dates and years: cited documents and past events after the plan, years against the plan year."""

from __future__ import annotations

import regex

from extractor.checks.finding import finding
from extractor.parsers.dates import DATES, date_from_match
from extractor.sections import Sections
from extractor.structure import paragraphs as cached_paragraphs
from extractor.text import Alternatives, SourceText, squash
from extractor.vocab import checks_totals as vocab
from schemas import Evidence, Finding, PartialDate, PlanDocument, Value

_I = regex.IGNORECASE
_GOAL_YEARS = Alternatives(vocab.GOAL_YEAR_FORMS, _I)  # GOAL_YEAR's matches over the whole text, found fast
_HEADING_YEAR_RE = regex.compile(vocab.PLAN_HEADING_YEAR, _I)
_CLOSING_YEAR_RE = regex.compile(vocab.CLOSING_YEAR, _I)
_PAST_EVENT_RE = regex.compile(vocab.PAST_EVENT, _I)
# A number starts where its digits do: tried inside a long run of digits it re-read the run each time.
_CITATION_RE = regex.compile(r"(?<![0-9])[0-9]++\s*+/\s*+(?:[0-9]{4}\s*+/\s*+)?\p{Lu}|(?i:số)\s++[0-9]")


def date_findings(document: PlanDocument, source: SourceText, sections: Sections) -> list[Finding]:
    """Dates after the plan or impossible, then headings, closing and goals naming another year."""
    return [*_dates(document, source), *_years(document, source, sections)]


def is_after(date: PartialDate, other: PartialDate) -> bool:
    """True when ``date`` is certainly after ``other``, comparing only the parts both know."""
    for mine, theirs in ((date.year, other.year), (date.month, other.month), (date.day, other.day)):
        if mine is None or theirs is None:
            return False
        if mine != theirs:
            return mine > theirs
    return False


def _dates(document: PlanDocument, source: SourceText) -> list[Finding]:
    header = document.header
    plan_date = header.issue_date.value if header.issue_date and header.issue_date.value.year else None
    plan_year = header.plan_year.value if header.plan_year else None
    findings = []
    known = [header.issue_date.evidence] if header.issue_date else []
    for reference in document.references:
        if reference.issue_date is None:
            continue
        known.append(reference.issue_date.evidence)
        if header.so_hieu is not None and reference.so_hieu.value == header.so_hieu.value:
            continue  # the plan citing itself
        found = _reference_after_plan(reference.so_hieu.value, reference.issue_date, header.issue_date, plan_year)
        if found is not None:
            findings.append(found)
    findings.extend(_text_dates(document, source, known, plan_date, plan_year))
    return findings


def _reference_after_plan(
    so_hieu: str, cited: Value[PartialDate], plan: Value[PartialDate] | None, plan_year: int | None
) -> Finding | None:
    if plan is not None and plan.value.year is not None:
        if not is_after(cited.value, plan.value):
            return None
        return finding(
            "cited_document_after_plan",
            "error",
            f"Văn bản {so_hieu} được dẫn với ngày {cited.evidence.raw}, sau ngày ban hành kế hoạch ({plan.evidence.raw})",
            evidence=[cited, plan],
        )
    if plan_year is None or cited.value.year is None or cited.value.year <= plan_year:
        return None
    return finding(
        "cited_document_after_plan",
        "warning",
        f"Văn bản {so_hieu} được dẫn với ngày {cited.evidence.raw}, sau năm của kế hoạch ({plan_year})",
        stated=cited.value.year,
        expected=plan_year,
        evidence=[cited],
    )


def _text_dates(
    document: PlanDocument, source: SourceText, known: list[Evidence], plan_date: PartialDate | None, plan_year: int | None
) -> list[Finding]:
    """Impossible dates, past events dated after the plan, and dates far beyond the plan's year."""
    text = document.text
    paragraphs = cached_paragraphs(source)
    findings = []
    for match in DATES.finditer(text):
        if any(span.start < match.end() and match.start() < span.end for span in known):
            continue
        span = source.evidence(match.start(), match.end())
        date = date_from_match(match)
        if date is None:
            findings.append(finding("impossible_date", "warning", f"Ngày {span.raw} không có thật", evidence=[span]))
            continue
        before = squash(text[max(0, match.start() - 14) : match.start()]).lower()
        deadline = any(before.endswith(word) or f"{word} ngày" in before for word in vocab.DEADLINE_WORDS)
        start, end = paragraphs.clause_at(match.start())
        if plan_date is not None and is_after(date, plan_date) and not deadline and _PAST_EVENT_RE.search(text, start, end):
            findings.append(
                finding(
                    "date_after_issue",
                    "warning",
                    f"Việc đã làm ghi ngày {span.raw}, sau ngày ban hành kế hoạch",
                    evidence=[span, document.header.issue_date],
                )
            )
        elif plan_year is not None and date.year is not None and date.year > plan_year + 1:
            findings.append(
                finding(
                    "date_outside_period",
                    "warning",
                    f"Ngày {span.raw} nằm ngoài thời gian của kế hoạch năm {plan_year}",
                    stated=date.year,
                    expected=plan_year,
                    evidence=[span, document.header.plan_year],
                )
            )
    return findings


# --- years ------------------------------------------------------------------------------------


def _years(document: PlanDocument, source: SourceText, sections: Sections) -> list[Finding]:
    """A heading, the closing sentence or a goal of the plan naming another year than the plan's."""
    plan_year = document.header.plan_year
    if plan_year is None:
        return []
    text = document.text
    findings = []
    spans: list[tuple[int, int, str]] = []
    for heading in sections.headings:
        match = _HEADING_YEAR_RE.match(heading.title)
        if not match or sections.tense_at(heading.start) == "past":
            continue
        year = regex.compile(rf"năm\s+(?P<year>{match['year']})", _I).search(text, heading.start, heading.end)
        if year:
            spans.append((year.start("year"), year.end("year"), "heading"))
    for match in _CLOSING_YEAR_RE.finditer(text):
        if not _CITATION_RE.search(match.group()):
            spans.append((match.start("year"), match.end("year"), "closing"))
    paragraphs = cached_paragraphs(source)
    for match in _GOAL_YEARS.finditer(text):
        start, end = paragraphs.clause_at(match.start())
        if sections.tense_at(match.start()) == "past" or _CITATION_RE.search(text, start, end):
            continue
        if int(match["year"]) < plan_year.value:  # a later year may be the next plan's: only leftovers count
            spans.append((match.start("year"), match.end("year"), "goal"))
    where = {"heading": "Tiêu đề mục", "closing": "Câu kết", "goal": "Mục tiêu, nhiệm vụ"}
    for start, end, kind in spans:
        year = int(text[start:end])
        if year == plan_year.value:
            continue
        findings.append(
            finding(
                "year_contradicts_plan",
                "warning",
                f"{where[kind]} ghi năm {year} nhưng kế hoạch là của năm {plan_year.value}",
                stated=year,
                expected=plan_year.value,
                evidence=[source.evidence(start, end), plan_year],
            )
        )
    return findings
