"""What a plan states: header, cited documents, budgets, targets, statistics, households, tables."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from schemas.base import VND, Evidence, PartialDate, Strict, Value

IssuerLevel = Literal["tinh", "huyen", "xa"]
BudgetKind = Literal["planned", "allocated", "spent", "prior_result", "other"]
Comparator = Literal["below", "above", "at_least", "at_most", "exactly"]
HouseholdCategory = Literal["poor", "near_poor"]
PovertyCategory = Literal["poor", "near_poor", "multidimensional", "escaped"]
PovertyMeasure = Literal["level", "reduction", "increase"]


class Header(Strict):
    """The identifying block of a document; any field the document leaves blank is None."""

    doc_type: Value[str] | None = None
    number: Value[str] | None = None
    symbol: Value[str] | None = None
    so_hieu: Value[str] | None = None
    number_blank: bool = Field(default=False, description="'Số: /KH-UBND': a template left blank")
    issuer: Value[str] | None = None
    issuer_level: IssuerLevel | None = None
    issue_place: Value[str] | None = None
    issue_date: Value[PartialDate] | None = None
    title: Value[str] | None = None
    plan_year: Value[int] | None = None
    signer: Value[str] | None = None
    signer_capacity: Value[str] | None = None
    province: Value[str] | None = None
    district: Value[str] | None = None
    commune: Value[str] | None = None


class Reference(Strict):
    """One numbered document cited by the plan."""

    doc_type: Value[str] | None = None
    so_hieu: Value[str]
    number: str
    symbol: str
    issue_date: Value[PartialDate] | None = None
    issuer: Value[str] | None = None
    evidence: Evidence


class BudgetItem(Strict):
    """One money amount, in whole đồng, with what it is for."""

    label: str
    component: str | None = Field(default=None, description="'Dự án 3 / Tiểu dự án 2' or another heading")
    kind: BudgetKind
    is_total: bool = False
    year: int | None = None
    period: str | None = None
    amount_vnd: Value[VND]
    evidence: Evidence


class Target(Strict):
    """One quantitative target: '... dưới 12%', 'ít nhất 06 lớp'."""

    indicator: str
    comparator: Comparator
    value: Value[Decimal]
    unit: str
    year: int | None = None
    evidence: Evidence


class PovertyStat(Strict):
    """A statement of poor / near-poor households: count, base, rate; actual or planned."""

    category: PovertyCategory
    measure: PovertyMeasure = "level"
    year: int | None = None
    village: str | None = None
    households: Value[int] | None = None
    total_households: Value[int] | None = None
    rate_percent: Value[Decimal] | None = None
    planned: bool = Field(default=False, description="A target or planned level, not an actual statistic")
    comparator: Comparator | None = Field(
        default=None, description="'dưới 12%', '23 hộ trở lên': the bound the statement states; None when exact"
    )
    origin: Literal["text", "table"] = "text"
    evidence: Evidence


class Household(Strict):
    """One named household in a list of households to support."""

    village: str | None = None
    category: HouseholdCategory | None = None
    honorific: str | None = None
    name: Value[str]
    members: Value[int] | None = None
    workers: Value[int] | None = None
    cause: Value[str] | None = None
    evidence: Evidence


class TableCell(Strict):
    """One cell; numbers are read, and money converted with the table's unit line."""

    text: str
    number: Decimal | None = None
    amount_vnd: int | None = None
    evidence: Evidence | None = None


class TableRow(Strict):
    """One row of a table."""

    index: int = Field(ge=0)
    is_header: bool = False
    is_total: bool = False
    cells: list[TableCell]
    evidence: Evidence


class Table(Strict):
    """A table from a tab/pipe text block, a Word table or a PDF table."""

    index: int = Field(ge=0)
    title: str | None = None
    unit: str | None = Field(default=None, description="The unit line, e.g. 'triệu đồng'")
    header: list[str] = Field(default_factory=list)
    rows: list[TableRow]
    evidence: Evidence
