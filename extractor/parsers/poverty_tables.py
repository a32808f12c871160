"""Poverty statistics in tables: one column per category and year, one row per village."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from extractor.parsers.lists import ListContext, cell_village, household_columns
from extractor.parsers.numbers import parse_count
from extractor.parsers.poverty_words import category_of, names_plan
from extractor.text import SourceText
from extractor.vocab.households import VILLAGE_LEVEL
from extractor.vocab.poverty import (
    CATEGORY_MENTIONS,
    TABLE_CATEGORY_COLUMN,
    TABLE_INCREASE_COLUMN,
    TABLE_LABEL_COLUMN,
    TABLE_OFFICIAL_COLUMN,
    TABLE_RATE_COLUMN,
    TABLE_REDUCTION_COLUMN,
    TABLE_TOTAL_COLUMN,
)
from schemas import PovertyStat, Table, TableCell, TableRow, Value

_I = regex.IGNORECASE
_COLUMN_RES = {
    name: regex.compile(pattern, _I)
    for name, pattern in (
        ("category", TABLE_CATEGORY_COLUMN),
        ("official", TABLE_OFFICIAL_COLUMN),
        ("rate", TABLE_RATE_COLUMN),
        ("reduction", TABLE_REDUCTION_COLUMN),
        ("increase", TABLE_INCREASE_COLUMN),
        ("total", TABLE_TOTAL_COLUMN),
        ("label", rf"(?<!\p{{L}})(?:{VILLAGE_LEVEL}|{TABLE_LABEL_COLUMN})(?!\p{{L}})"),
    )
}
_MENTIONS = [(regex.compile(pattern, _I), family, kind) for pattern, family, kind in CATEGORY_MENTIONS]
_YEAR_IN = regex.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
_ROW_NUMBER = regex.compile(r"[0-9.,%\s]+|[IVXLC]+")


@dataclass(frozen=True)
class TableColumn:
    """What one column of a statistics table holds."""

    category: str
    measure: str
    field: str  # 'households' or 'rate'
    year: int | None
    planned: bool = False


def table_column(header: str, title: str | None = None) -> TableColumn | None:
    """The statistic a column header names ('Số hộ nghèo năm 2023 (hộ)'), or None for other columns."""
    if not _COLUMN_RES["category"].search(header) or _COLUMN_RES["official"].search(header):
        return None
    named = (category_of(family, kind) for pattern, family, kind in _MENTIONS if pattern.search(header))
    category = next(named, "poor")  # 'Chỉ tiêu giao giảm nghèo' names no household category: the poor
    measure = "level"
    if category != "escaped" and _COLUMN_RES["reduction"].search(header):
        measure = "reduction"
    elif category != "escaped" and _COLUMN_RES["increase"].search(header):
        measure = "increase"
    year = _YEAR_IN.search(header) or _YEAR_IN.search(title or "")
    planned = names_plan(header) or bool(title and names_plan(title) and measure != "level")
    field_name = "rate" if _COLUMN_RES["rate"].search(header) else "households"
    return TableColumn(category, measure, field_name, int(year.group(1)) if year else None, planned)


def table_stats(source: SourceText, tables: list[Table], context: ListContext) -> list[PovertyStat]:
    """Per-row statistics of tables whose columns name a category ('Số hộ nghèo năm 2023 (hộ)')."""
    statements = []
    for table in tables:
        columns = {i: c for i, h in enumerate(table.header) if (c := table_column(h, table.title))}
        if not columns or "name" in household_columns(table.header):
            continue  # a list of named households is not a table of statistics
        label = next((i for i, h in enumerate(table.header) if _COLUMN_RES["label"].search(h)), None)
        total = next((i for i, h in enumerate(table.header) if _COLUMN_RES["total"].search(h)), None)
        for row in table.rows:
            if not row.is_header and len(row.cells) == len(table.header):
                village = None if row.is_total else _row_village(row, label, table.header)
                village = village or (None if row.is_total else context.village_at(row.evidence.start))
                statements += _row_stats(source, row, columns, village, total)
    return statements


def _row_village(row: TableRow, label: int | None, header: list[str]) -> str | None:
    cells = [cell.text for cell in row.cells]
    if label is None:
        label = next((i for i, text in enumerate(cells) if text and not _ROW_NUMBER.fullmatch(text)), None)
    if label is None or not cells[label]:
        return None
    return cell_village(cells[label], header[label] if label < len(header) else "")


def _row_stats(
    source: SourceText, row: TableRow, columns: dict[int, TableColumn], village: str | None, total: int | None
) -> list[PovertyStat]:
    """One statement per (category, measure, year) of a row: its count and rate columns together."""
    grouped: dict[TableColumn, dict[str, Value]] = {}
    for index, column in columns.items():
        value = _cell_value(source, row.cells[index], column.field)
        if value is not None:
            grouped.setdefault(_group_of(column), {})[column.field] = value
    total_value = _cell_value(source, row.cells[total], "households") if total is not None else None
    return [
        PovertyStat(
            category=column.category,
            measure=column.measure,
            year=column.year,
            village=village,
            households=values.get("households"),
            total_households=total_value if column.measure == "level" else None,
            rate_percent=values.get("rate"),
            planned=column.planned,
            origin="table",
            evidence=row.evidence,
        )
        for column, values in grouped.items()
    ]


@lru_cache(maxsize=256)
def _group_of(column: TableColumn) -> TableColumn:
    """The column's statement, whichever field it holds: its count and rate columns are one statement."""
    return replace(column, field="")


def _cell_value(source: SourceText, cell: TableCell, field_name: str) -> Value | None:
    if cell.number is None or cell.evidence is None:
        return None
    number = parse_count(cell.text) if field_name == "households" else cell.number
    return None if number is None else source.value(number, cell.evidence.start, cell.evidence.end)
