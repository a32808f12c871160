"""Poverty statistics: counts and rates of poor, near-poor and multidimensionally poor households."""

from __future__ import annotations

import bisect

import regex

from extractor.parsers.lists import ListContext, list_context
from extractor.parsers.poverty_sentence import Record, read_sentence
from extractor.parsers.poverty_tables import table_stats
from extractor.parsers.poverty_words import category_of, is_planned
from extractor.structure import LIST_ITEM, NUMBERED_HEADING, sentence_spans
from extractor.text import SourceText
from extractor.vocab.poverty_breakdowns import BREAKDOWN_WORDS
from schemas import PovertyStat, Table, Value

_I = regex.IGNORECASE
_HAS_CATEGORY = regex.compile(r"nghèo|hộ\s+cận", _I)
# A sentence without '12 hộ' or '5%' states nothing.
_HAS_VALUE = regex.compile(r"[0-9]\s*(?:%|hộ(?!\p{L})|/|cận)", _I)
_STARTS_ITEM = regex.compile(LIST_ITEM)
_HAS_BREAKDOWN = regex.compile(rf"(?:{BREAKDOWN_WORDS})(?!\p{{L}})", _I)
_BREAKDOWN_ALONE = regex.compile(rf"(?:{BREAKDOWN_WORDS})[ \t]*+[:,]?", _I)
# A heading with its wrapped lines: a line that opens in lower case goes on from the line before.
_HEADING = regex.compile(rf"(?m)^{NUMBERED_HEADING}[^\n]*+(?:\n[ \t]*+\p{{Ll}}[^\n]*+)*+")
# '23 hộ thoát nghèo' is a level of escaped households; '35 hộ thoát cận' a reduction of the near-poor.
_KIND_MEASURE = {"escaped": "level", "left_near": "reduction"}


def parse_poverty(source: SourceText, tables: list[Table]) -> list[PovertyStat]:
    """Every statement of poor / near-poor / multidimensional poverty in prose and ``tables``, planned or actual."""
    context = list_context(source, tables)
    headings = [(m.start(), is_planned(m.group())) for m in _HEADING.finditer(source.text)]
    found = _prose_stats(source, tables, context, headings) + table_stats(source, tables, context)
    return sorted(found, key=lambda stat: stat.evidence.start)


def _prose_stats(
    source: SourceText, tables: list[Table], context: ListContext, headings: list[tuple[int, bool]]
) -> list[PovertyStat]:
    statements: list[PovertyStat] = []
    heading_starts = [start for start, _ in headings]
    previous_year: int | None = None
    # 'Năm 2023, toàn xã có 2.878 hộ, trong đó:' then '- 167 hộ nghèo, chiếm 5,8%': the count broken down and
    # its year, for the list items after it.
    breakdown: tuple[Value[int], int | None] | None = None
    previous_span: tuple[int, int] | None = None
    for start, end in sentence_spans(source, tables):
        sentence = source.text[start:end]
        before, previous_span = previous_span, (start, end)
        is_item = bool(_STARTS_ITEM.match(sentence))
        if not is_item:
            breakdown = None
        if not _HAS_CATEGORY.search(sentence) or not _HAS_VALUE.search(sentence):
            previous_year = None
            if breakdown is None and _HAS_BREAKDOWN.search(sentence):  # no category in it: 'toàn xã có 910 hộ, gồm:'
                breakdown = _opened_breakdown(source, start, sentence, before)
            continue
        records, year, breakdown_total, _ = read_sentence(source, start, sentence, breakdown[0] if breakdown else None)
        if year is None and breakdown is not None:
            year = breakdown[1]
        if year is None and not is_item:
            year = previous_year
        previous_year = year if records else None
        if breakdown_total is not None:
            breakdown = (breakdown_total, year)
        default_village = context.village_at(start)
        heading = bisect.bisect_right(heading_starts, start) - 1
        heading_planned = headings[heading][1] if heading >= 0 else False
        for record in records:
            statements.append(_stat(source, record, sentence, start, year, default_village, heading_planned))
    return statements


def _opened_breakdown(
    source: SourceText, start: int, sentence: str, before: tuple[int, int] | None
) -> tuple[Value[int], int | None] | None:
    """The count of all households a sentence without figures of its own breaks down for the list after it, and
    its year: 'toàn xã có 910 hộ, gồm:', or 'Trong đó:' alone after 'Toàn xã có 910 hộ.'."""
    reading = read_sentence(source, start, sentence)
    if reading.breakdown_total is not None:
        return reading.breakdown_total, reading.year
    if before is not None and _BREAKDOWN_ALONE.fullmatch(sentence):
        previous = read_sentence(source, before[0], source.text[before[0] : before[1]])
        if previous.open_count is not None:
            return previous.open_count, previous.year
    return None


def _stat(
    source: SourceText, record: Record, sentence: str, base: int, year: int | None, village: str | None, heading: bool
) -> PovertyStat:
    category = category_of(record.mention.family, record.mention.kind)
    measure = _KIND_MEASURE.get(record.mention.kind, record.measure)
    if record.year is None and not record.is_from:
        record.year = record.mention.year or year
    first_value = min(v.evidence.start for v in (record.households, record.rate, record.total) if v is not None)
    return PovertyStat(
        category=category,
        measure=measure,
        year=record.year,
        village=record.village or village,
        households=record.households,
        total_households=record.total,
        rate_percent=record.rate,
        planned=False if record.is_from else is_planned(sentence[: first_value - base], heading),
        # 'giảm 23 hộ nghèo trở lên, ... bằng 0,91%': the rate's bound if it has one, else the count's
        comparator=record.comparators.get("rate") or record.comparators.get("households"),
        origin="text",
        evidence=source.evidence(record.start, record.end),
    )
