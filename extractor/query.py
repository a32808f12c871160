"""Budgets and place comparisons read from the database's views, as rows; and their text forms."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

from extractor import store
from extractor.vocab.columns import COLUMN_LABELS, is_vnd

BY_CHOICES = ("place", "component", "year")
LEVELS = ("xa", "huyen", "tinh")
_KIND_COLUMNS = ["planned_vnd", "allocated_vnd", "spent_vnd", "prior_result_vnd", "other_vnd"]
_KIND_SUMS = ", ".join(f"sum(case when l.kind = '{c[:-4]}' then l.amount_vnd end) as {c}" for c in _KIND_COLUMNS)
# A place name matches the commune, district or province whatever the case or spacing: the keys of the
# names a plan states are in document_places, so no name is folded per budget row.
_PLACE_FILTER = "(d.id in (select document_id from document_places where stated = 1 and place_key = kh_fold(?)))"
COMPARE_COLUMNS = [
    "place", "issuer_level", "plan_year", "planned_vnd", "base_year", "poor_households_base_year",
    "planned_vnd_per_poor_household", "poor_rate_percent", "near_poor_rate_percent",
    "planned_poor_reduction_points", "planned_poor_reduction_households", "errors", "warnings", "path",
]


def budgets(db, by: str = "place", year: int | None = None, place: str | None = None) -> list[dict[str, Any]]:
    """Budget totals (whole đồng, stated totals never added to their parts) by place, component or year."""
    if by not in BY_CHOICES:
        raise ValueError(f"by must be one of {', '.join(BY_CHOICES)}, not {by!r}")
    where, params = [], []
    if by == "place":
        if year is not None:
            where.append("d.plan_year = ?")
            params.append(year)
        if place is not None:
            where.append(_PLACE_FILTER)
            params.append(place)
        sql = (
            "select v.place, v.issuer_level, v.plan_year, " + ", ".join(f"v.{c}" for c in _KIND_COLUMNS)
            + ", v.items, v.path from v_budget_by_document v join documents d on d.id = v.document_id"
            + " where v.items > 0" + "".join(f" and {w}" for w in where)
            + " order by v.place, v.plan_year, v.path"
        )
        return store.query(db, sql, params)
    if year is not None:
        where.append("l.year = ?")
        params.append(year)
    if place is not None:
        where.append(_PLACE_FILTER)
        params.append(place)
    key = "l.component" if by == "component" else "l.year"
    sql = (
        f"select {key} as {key[2:]}, {_KIND_SUMS}, count(distinct l.document_id) as documents, count(*) as items"
        " from v_budget_lines l join documents d on d.id = l.document_id"
        + (" where " + " and ".join(where) if where else "")
        + f" group by {key} order by {key} is null, {key}"
    )
    return store.query(db, sql, params)


def compare(db, level: str | None = None, year: int | None = None) -> list[dict[str, Any]]:
    """One row per place and plan year: budget, budget per poor household, rates, reduction, findings."""
    if level is not None and level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    where, params = [], []
    if level is not None:
        where.append("issuer_level = ?")
        params.append(level)
    if year is not None:
        where.append("plan_year = ?")
        params.append(year)
    sql = (
        f"select {', '.join(COMPARE_COLUMNS)} from v_compare_places"
        + (" where " + " and ".join(where) if where else "")
        + " order by planned_vnd_per_poor_household desc nulls last, place, plan_year, path"
    )
    return store.query(db, sql, params)


def to_json(rows: list[dict[str, Any]]) -> str:
    """Rows as a JSON list (money as integer đồng)."""
    return json.dumps(rows, ensure_ascii=False, indent=2)


def to_csv(rows: list[dict[str, Any]]) -> str:
    """Rows as CSV with the column names as header (money as integer đồng)."""
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue()


def to_table(rows: list[dict[str, Any]]) -> str:
    """Rows as an aligned text table with Vietnamese headers; đồng as 1.728.000.000, rates as 8,9."""
    if not rows:
        return "(không có dòng nào)"
    columns = list(rows[0])
    cells = [[format_cell(column, row[column]) for column in columns] for row in rows]
    headers = [COLUMN_LABELS.get(column, column) for column in columns]
    widths = [max(len(headers[i]), *(len(line[i]) for line in cells)) for i in range(len(columns))]
    numeric = [all(isinstance(row[c], (int, float)) or row[c] is None for row in rows) for c in columns]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if n else v.ljust(w) for v, w, n in zip(values, widths, numeric)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, cells)])


def format_cell(column: str, value: Any) -> str:
    """One value as a Vietnamese reader writes it: '.' between thousands, ',' before decimals."""
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool) and (is_vnd(column) or abs(value) >= 10_000):
        return f"{value:,}".replace(",", ".")
    if isinstance(value, float):
        return _decimal_comma(value)
    return str(value)


def _decimal_comma(value: float) -> str:
    """8.9 -> '8,9', 100.0 -> '100', 1e-05 -> '0,00001': the shortest digits that give the float back."""
    shortest = repr(value)
    if "e" not in shortest and "n" not in shortest:  # neither an exponent nor inf/nan: '8.9', '100.0'
        return shortest.removesuffix(".0").replace(".", ",")
    return format(Decimal(shortest).normalize(), "f").replace(".", ",")
