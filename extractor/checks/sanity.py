"""Sanity: parts larger than their whole, shares above 100%, dates after the plan, years against the plan year."""

from __future__ import annotations

from decimal import Decimal

import regex

from extractor.checks.breakdowns import find_breakdowns
from extractor.checks.finding import finding, vn
from extractor.checks.totals import source_of
from extractor.parsers.dates import DATE, date_from_match
from extractor.parsers.numbers import NUMBER, parse_number
from extractor.sections import Sections, segment
from extractor.structure import Paragraphs
from extractor.text import SourceText, squash
from extractor.vocab import checks_totals as vocab
from schemas import Evidence, Finding, PartialDate, PlanDocument, PovertyStat, Value

_I = regex.IGNORECASE
_DATE_RE = regex.compile(DATE, _I)
_SHARE_RATE_RE = regex.compile(vocab.SHARE_RATE_BEFORE + rf"(?P<rate>{NUMBER})\s*%", _I)
_GOAL_YEAR_RE = regex.compile(vocab.GOAL_YEAR, _I)
_HEADING_YEAR_RE = regex.compile(vocab.PLAN_HEADING_YEAR, _I)
_CLOSING_YEAR_RE = regex.compile(vocab.CLOSING_YEAR, _I)
_PAST_EVENT_RE = regex.compile(vocab.PAST_EVENT, _I)
_CITATION_RE = regex.compile(r"\d+\s*/\s*(?:\d{4}\s*/\s*)?\p{Lu}|(?i:số)\s+\d")
_HUNDRED = Decimal(100)


def check_sanity(document: PlanDocument) -> list[Finding]:
    """Parts larger than their whole, percentages above 100, dates after the plan, years against the plan's."""
    source = source_of(document)
    sections = segment(source)
    findings = [
        *_workers_over_members(document),
        *_households_over_base(document),
        *_reduction_over_level(document),
        *_parts_over_whole(source),
        *_shares_over_hundred(document),
        *_dates(document, source),
        *_years(document, source, sections),
    ]
    return _deduplicated(findings)


def _deduplicated(findings: list[Finding]) -> list[Finding]:
    """One finding per set of numbers: the same fact read twice raises one finding."""
    seen, kept = set(), []
    for found in findings:
        key = frozenset(span.start for span in found.evidence)
        if key not in seen:
            seen.add(key)
            kept.append(found)
    return kept


# --- parts larger than their whole ------------------------------------------------------------


def _workers_over_members(document: PlanDocument) -> list[Finding]:
    findings = []
    for household in document.households:
        members, workers = household.members, household.workers
        if members is None or workers is None or workers.value <= members.value:
            continue
        who = " ".join(part for part in (household.honorific, household.name.value) if part)
        findings.append(
            finding(
                "workers_exceed_members",
                "error",
                f"Hộ {who} có {workers.value} lao động nhưng chỉ có {members.value} khẩu",
                stated=workers.value,
                expected=members.value,
                tolerance=0,
                evidence=[workers, members],
            )
        )
    return findings


def _households_over_base(document: PlanDocument) -> list[Finding]:
    """'170 hộ nghèo/150 hộ' without a rate (a stated rate is the rates family's to check)."""
    findings = []
    for stat in document.poverty_stats:
        count, base = stat.households, stat.total_households
        if count is None or base is None or stat.rate_percent is not None or count.value <= base.value:
            continue
        findings.append(
            finding(
                "households_exceed_total",
                "error",
                f"Số hộ {_category(stat)} ghi {vn(count.value)} hộ, nhiều hơn tổng số {vn(base.value)} hộ",
                stated=count.value,
                expected=base.value,
                tolerance=0,
                evidence=[count, base],
            )
        )
    return findings


def _category(stat: PovertyStat) -> str:
    name = {"poor": "nghèo", "near_poor": "cận nghèo", "escaped": "thoát nghèo"}.get(stat.category, "nghèo đa chiều")
    return name + (f" của {stat.village}" if stat.village else "")


def _reduction_over_level(document: PlanDocument) -> list[Finding]:
    """A planned or stated fall larger than the households there were: 'có 8 hộ nghèo' then 'giảm 10 hộ'."""
    findings = []
    stats = [stat for stat in document.poverty_stats if stat.households is not None and stat.category in ("poor", "near_poor")]
    for fall in stats:
        if fall.measure != "reduction" or fall.comparator not in (None, "exactly", "at_least", "above"):
            continue
        levels = [stat for stat in stats if _level_before(stat, fall)]
        if not levels or not _nearest_level_agrees(stats, fall):
            continue
        level = max(levels, key=lambda stat: stat.households.value)
        if fall.households.value <= level.households.value:
            continue
        findings.append(
            finding(
                "reduction_exceeds_level",
                "error",
                f"Kế hoạch giảm {vn(fall.households.value)} hộ {_category(fall)} nhưng chỉ có"
                f" {vn(level.households.value)} hộ {_category(level)}",
                stated=fall.households.value,
                expected=level.households.value,
                tolerance=0,
                evidence=[fall.households, *(stat.households for stat in levels)],
            )
        )
    return findings


def _nearest_level_agrees(stats: list[PovertyStat], fall: PovertyStat) -> bool:
    """The count stated last before the fall is of the fall's village: else the fall's village is in doubt."""
    earlier = [
        stat
        for stat in stats
        if stat.measure == "level" and not stat.planned and stat.category == fall.category
        and stat.households.evidence.end <= fall.households.evidence.start
    ]
    return not earlier or max(earlier, key=lambda stat: stat.households.evidence.end).village == fall.village


def _level_before(stat: PovertyStat, fall: PovertyStat) -> bool:
    """An actual count of the same households before the fall ('còn 81 hộ' after 'giảm 82 hộ' is not one)."""
    if stat.measure != "level" or stat.planned or stat.comparator is not None:
        return False
    if (stat.category, stat.village) != (fall.category, fall.village):
        return False
    if stat.year is not None and fall.year is not None:
        return stat.year < fall.year
    return stat.households.evidence.end <= fall.households.evidence.start  # stated before it


def _parts_over_whole(source: SourceText) -> list[Finding]:
    """'14 hộ nghèo và 5 hộ cận nghèo; trong đó ... là 39 hộ': one part of a subset list above the whole."""
    findings = []
    text = source.text
    for breakdown in find_breakdowns(source):
        if not (breakdown.subset or breakdown.attribute):
            continue  # a list that adds up to its whole is the totals family's
        whole = breakdown.whole_value
        larger = sorted((part for part in breakdown.parts if part.value > whole), key=lambda part: -part.value)
        if not larger:
            continue
        whole_text = " và ".join(text[count.start : count.end] for count in breakdown.whole)
        parts_text = ", ".join(text[part.start : part.end] for part in larger)
        findings.append(
            finding(
                "part_exceeds_whole",
                "error",
                f"Phần ghi {parts_text} lớn hơn tổng mà nó thuộc về: {whole_text}"
                + (f" (cộng lại {vn(whole)} {breakdown.whole[-1].unit})" if len(breakdown.whole) > 1 else ""),
                stated=larger[0].value,
                expected=whole,
                tolerance=0,
                evidence=[
                    *(source.evidence(part.start, part.end) for part in larger),
                    *(source.evidence(count.start, count.end) for count in breakdown.whole),
                ],
            )
        )
    return findings


# --- percentages ------------------------------------------------------------------------------


def _shares_over_hundred(document: PlanDocument) -> list[Finding]:
    """A share of households or people above 100%: poverty rates, target shares, 'chiếm 120%'."""
    rates: list[Value] = [
        stat.rate_percent
        for stat in document.poverty_stats
        if stat.rate_percent is not None and stat.measure != "increase"  # 'tăng 150%' can be true
    ]
    for target in document.targets:
        indicator = target.indicator.lower()
        if target.unit == "%" and _is_share(indicator):
            rates.append(target.value)
    for match in _SHARE_RATE_RE.finditer(document.text):
        clause = document.text[max(0, match.start() - 60) : match.start()].lower()
        value = parse_number(match["rate"])
        if value is not None and not any(word in clause for word in vocab.GROWTH_WORDS):
            start, end = match.start("rate"), match.end("rate")
            raw = document.text[start:end]
            rates.append(Value(value=value, evidence=Evidence(start=start, end=end, page=_page(document, start), raw=raw)))
    findings, seen = [], set()
    for rate in rates:
        if rate.value <= _HUNDRED or rate.evidence.start in seen:
            continue
        seen.add(rate.evidence.start)
        findings.append(
            finding(
                "percent_over_100",
                "error",
                f"Tỷ lệ ghi {vn(rate.value)}%, lớn hơn 100%",
                stated=rate.value,
                expected=_HUNDRED,
                tolerance=0,
                evidence=[rate],
            )
        )
    return findings


def _is_share(indicator: str) -> bool:
    words = f" {squash(indicator)} "
    has_noun = any(f" {noun} " in words for noun in vocab.SHARE_NOUNS)
    return has_noun and not any(word in words for word in vocab.GROWTH_WORDS)


def _page(document: PlanDocument, offset: int) -> int | None:
    return source_of(document).page_at(offset)


# --- dates ------------------------------------------------------------------------------------


def _after(date: PartialDate, other: PartialDate) -> bool:
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
        if not _after(cited.value, plan.value):
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
    paragraphs = Paragraphs(source)
    findings = []
    for match in _DATE_RE.finditer(text):
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
        if plan_date is not None and _after(date, plan_date) and not deadline and _PAST_EVENT_RE.search(text, start, end):
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
    paragraphs = Paragraphs(source)
    for match in _GOAL_YEAR_RE.finditer(text):
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
