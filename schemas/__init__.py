"""The data contract: pydantic models of what kehoach extracts from a plan."""

from schemas.base import VND, Evidence, PartialDate, Strict, Value
from schemas.document import PlanDocument
from schemas.findings import Finding, Severity
from schemas.records import (
    BudgetItem,
    Header,
    Household,
    PovertyStat,
    Reference,
    Table,
    TableCell,
    TableRow,
    Target,
)

__all__ = [
    "VND",
    "BudgetItem",
    "Evidence",
    "Finding",
    "Header",
    "Household",
    "PartialDate",
    "PlanDocument",
    "PovertyStat",
    "Reference",
    "Severity",
    "Strict",
    "Table",
    "TableCell",
    "TableRow",
    "Target",
    "Value",
]
