"""One extracted file: the top of the data contract."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from schemas.base import Strict
from schemas.findings import Finding
from schemas.records import BudgetItem, Header, Household, PovertyStat, Reference, Table, Target

Status = Literal["ok", "needs_ocr", "not_a_plan", "failed"]
Format = Literal["txt", "docx", "pdf"]


class PlanDocument(Strict):
    """Everything read from one file; offsets refer to ``text``."""

    id: str = Field(description="sha256 of the file bytes")
    path: str
    format: Format
    status: Status
    message: str | None = None
    extractor_version: str
    text: str = Field(description="The normalised text every span points into")
    page_starts: list[int] = Field(default_factory=list, description="Offset where each PDF page starts")
    legacy_encoding: str | None = Field(
        default=None,
        description="The old Vietnamese font encoding the file was typed in ('tcvn3' for .VnTime fonts, 'vni' for "
        "VNI-Times, 'viscii'), converted to Unicode before anything was read; None for a Unicode file",
    )
    header: Header = Field(default_factory=Header)
    references: list[Reference] = Field(default_factory=list)
    budget_items: list[BudgetItem] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    poverty_stats: list[PovertyStat] = Field(default_factory=list)
    households: list[Household] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list, description="Where the plan's own numbers disagree")
