"""A claim: one count about a village's households, stated by a heading, a sentence, a table cell or a list."""

from __future__ import annotations

from dataclasses import dataclass

from extractor.checks.finding import vn
from schemas import Evidence

CATEGORY_WORDS = {
    "poor": "hộ nghèo",
    "near_poor": "hộ cận nghèo",
    "multidimensional": "hộ nghèo đa chiều",
    "escaped": "hộ thoát nghèo",
}
MEASURE_WORDS = {"level": "có", "reduction": "giảm", "increase": "tăng"}
SOURCE_WORDS = {"heading": "đầu mục", "text": "phần thuyết minh", "table": "bảng"}


@dataclass(frozen=True)
class Claim:
    """One count about a village: stated by a heading, a sentence or a table cell, or counted in a list."""

    kind: str  # 'heading', 'text', 'table' or 'list'
    value: int
    bound: str | None  # 'at_least' ... when the claim is a bound, None when exact
    year: int | None
    village: str
    spans: tuple[Evidence, ...]
    segment: int | None = None  # the list segment of a heading or a list

    def describe(self, measure: str) -> str:
        """'bảng ghi giảm 6 hộ (năm 2024)', 'danh sách kể tên 6 hộ'."""
        if self.kind == "list":
            return f"danh sách kể tên {'ít nhất ' if self.bound else ''}{vn(self.value)} hộ"
        year = f" (năm {self.year})" if self.kind == "table" and self.year else ""
        return f"{SOURCE_WORDS[self.kind]} ghi {MEASURE_WORDS[measure]} {vn(self.value)} hộ{year}"


Key = tuple[str, str, str, bool]  # village key, category, measure, planned
