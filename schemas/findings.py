"""Findings: where a plan's own numbers contradict each other, and by how much."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from schemas.base import Evidence, Strict

Severity = Literal["error", "warning"]


class Finding(Strict):
    """One inconsistency, with the numbers involved and the text each was read from."""

    rule: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="Stable rule id, English snake_case")
    severity: Severity = Field(description="error: the document's numbers contradict each other; warning: suspicious")
    message: str = Field(description="In Vietnamese, for a commune officer")
    stated: Decimal | None = Field(default=None, description="The value the document states")
    expected: Decimal | None = Field(default=None, description="The value the other numbers imply")
    tolerance: Decimal | None = Field(default=None, description="How far apart they may be from rounding alone")
    evidence: list[Evidence] = Field(default_factory=list, description="Every number involved, stated value first")
