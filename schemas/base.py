"""Evidence and located values: every extracted value keeps the span it came from."""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

T = TypeVar("T")

VND = Annotated[int, Field(ge=0, description="Whole đồng")]


class Strict(BaseModel):
    """Base of every model in the data contract: unknown fields are errors."""

    model_config = ConfigDict(extra="forbid", frozen=False)


class Evidence(Strict):
    """A half-open span of the normalised text: ``text[start:end] == raw``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int | None = Field(default=None, ge=1, description="1-based page, PDFs only")
    raw: str

    @model_validator(mode="after")
    def _ordered(self) -> "Evidence":
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        if len(self.raw) != self.end - self.start:
            raise ValueError("raw text length does not match the span")
        return self


class Value(Strict, Generic[T]):
    """One value read from the document, with the exact text it was read from."""

    value: T
    evidence: Evidence


class PartialDate(Strict):
    """A date whose parts may be blank in the document (drafts leave the day empty)."""

    year: int | None = Field(default=None, ge=1900, le=2100)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)

    @property
    def iso(self) -> str | None:
        """'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' as far as the parts are known."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
