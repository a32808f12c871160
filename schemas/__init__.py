"""The data contract: pydantic models of what kehoach extracts from a plan."""

from schemas.base import VND, Evidence, PartialDate, Strict, Value
from schemas.document import PlanDocument
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
    "Header",
    "Household",
    "PartialDate",
    "PlanDocument",
    "PovertyStat",
    "Reference",
    "Strict",
    "Table",
    "TableCell",
    "TableRow",
    "Target",
    "Value",
]
