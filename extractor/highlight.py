"""What to highlight in a plan's text: every extracted value by kind, every finding's numbers, no overlaps."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from extractor.checks.finding import vn
from schemas import Evidence, Finding, PlanDocument, Value

# Kinds of extracted value (label: name, what the legend says), in the order they win on the same span.
KINDS: dict[str, tuple[str, str]] = {
    "POVERTY": ("Thống kê nghèo", "số hộ, tổng số hộ, tỷ lệ"),
    "HOUSEHOLD": ("Hộ gia đình", "tên, khẩu, lao động, nguyên nhân"),
    "BUDGET": ("Kinh phí", "số tiền"),
    "TARGET": ("Chỉ tiêu", "giá trị"),
    "REFERENCE": ("Văn bản viện dẫn", "loại, số hiệu, ngày, cơ quan"),
    "HEADER": ("Thông tin văn bản", "số, ngày, nơi, cơ quan, trích yếu, người ký"),
    "TABLE": ("Bảng", "ô có số"),
}
# The data contract's field names and enum values, as a reviewer reads them in a tooltip.
_WORDS = {
    "doc_type": "loại văn bản", "number": "số", "symbol": "ký hiệu", "so_hieu": "số hiệu",
    "issuer": "cơ quan ban hành", "issue_place": "nơi ban hành", "issue_date": "ngày ban hành",
    "title": "trích yếu", "plan_year": "năm kế hoạch", "signer": "người ký", "signer_capacity": "chức vụ người ký",
    "province": "tỉnh", "district": "huyện", "commune": "xã", "name": "tên", "members": "số khẩu",
    "workers": "số lao động", "cause": "nguyên nhân", "households": "số hộ", "total_households": "tổng số hộ",
    "rate_percent": "tỷ lệ", "poor": "hộ nghèo", "near_poor": "hộ cận nghèo", "multidimensional": "nghèo đa chiều",
    "escaped": "thoát nghèo", "level": "", "reduction": "giảm", "increase": "tăng", "below": "dưới", "above": "trên",
    "at_least": "ít nhất", "at_most": "tối đa", "exactly": "", "planned": "dự kiến", "allocated": "được phân bổ",
    "spent": "đã chi", "prior_result": "kết quả trước", "other": "",
}


def _words(*parts: object) -> str:
    return " ".join(str(_WORDS.get(part, part)) for part in parts if part not in (None, "") and _WORDS.get(part, part))


SEVERITY_LABELS = {"error": "ERROR", "warning": "WARNING"}
SEVERITY_NAMES = {"error": "Lỗi", "warning": "Cảnh báo"}
_RANK = {label: rank for rank, label in enumerate(["ERROR", "WARNING", *KINDS])}


@dataclass(frozen=True)
class Mark:
    """One span to highlight: an extracted value (``finding`` 0) or a finding's number (``finding`` ≥ 1)."""

    start: int
    end: int
    label: str
    tip: str
    finding: int = 0


@dataclass
class Segment:
    """A stretch of text with one look: the winning mark, and every finding and value under it."""

    start: int
    end: int
    label: str
    tips: list[str] = field(default_factory=list)
    findings: list[int] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # ids of the finding spans that start here
    refs: list[int] = field(default_factory=list)  # findings one of whose spans ends here


def ordered_findings(document: PlanDocument) -> list[Finding]:
    """The findings as the page numbers them: errors first, then in reading order."""
    severity = {"error": 0, "warning": 1}
    return sorted(
        document.findings,
        key=lambda f: (severity[f.severity], f.evidence[0].start if f.evidence else 0, f.rule),
    )


def anchor_id(finding_number: int, span_index: int) -> str:
    """The HTML id of one span of one finding: 'f2-1' is the second span of finding 2."""
    return f"f{finding_number}-{span_index + 1}"


def value_marks(document: PlanDocument) -> list[Mark]:
    """A mark on every located value the extraction read, by kind."""
    marks: list[Mark] = []

    def add(label: str, located: Value | Evidence | None, tip: str) -> None:
        evidence = located.evidence if isinstance(located, Value) else located
        if evidence is not None and evidence.end > evidence.start:
            marks.append(Mark(evidence.start, evidence.end, label, f"{KINDS[label][0]}: {tip}"))

    header = document.header
    for name in type(header).model_fields:
        located = getattr(header, name)
        if isinstance(located, Value):
            shown = located.value.iso if name == "issue_date" else located.value
            add("HEADER", located, f"{_words(name)} = {shown}")
    for ref in document.references:
        cited = _words(ref.doc_type.value if ref.doc_type else None, ref.so_hieu.value)
        for name in ("doc_type", "so_hieu", "issue_date", "issuer"):
            add("REFERENCE", getattr(ref, name), f"{cited} ({_words(name)})")
    for item in document.budget_items:
        total = " [tổng]" if item.is_total else ""
        add("BUDGET", item.amount_vnd, f"{vn(item.amount_vnd.value)} đồng {_words(item.kind)}{total}: {item.label}")
    for target in document.targets:
        add("TARGET", target.value,
            f"{_words(target.comparator, vn(target.value.value), target.unit, target.year)}: {target.indicator}")
    for stat in document.poverty_stats:
        what = _words(stat.category, stat.measure, stat.year and f"năm {stat.year}", stat.village,
                      stat.planned and "(kế hoạch)", stat.comparator)
        for name in ("households", "total_households", "rate_percent"):
            located = getattr(stat, name)
            if located is not None:
                add("POVERTY", located, f"{what}: {_words(name)} = {vn(located.value)}")
    for household in document.households:
        who = f"{household.name.value} ({_words(household.village or '—', household.category)})"
        for name in ("name", "members", "workers", "cause"):
            located = getattr(household, name)
            if located is not None:
                add("HOUSEHOLD", located, f"{who}: {_words(name)} = {located.value}")
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.number is not None:
                    add("TABLE", cell.evidence, f"bảng {table.index + 1}, dòng {row.index + 1}: {vn(cell.number)}")
    return marks


def finding_marks(findings: list[Finding]) -> list[Mark]:
    """A mark on every span of every finding, numbered as ``findings`` is ordered (from 1)."""
    return [
        Mark(span.start, span.end, SEVERITY_LABELS[found.severity],
             f"{SEVERITY_NAMES[found.severity]} [{number}]: {found.message}", number)
        for number, found in enumerate(findings, start=1)
        for span in found.evidence
    ]


def segments(document: PlanDocument, findings: list[Finding]) -> list[Segment]:
    """Non-overlapping highlighted stretches: findings win over kinds, inner spans over outer ones.

    Ties on the same span go by kind (KINDS order), then by the earlier mark. Page starts and table
    cell borders split segments so that each page and each cell renders on its own.
    """
    marks = finding_marks(findings) + value_marks(document)
    breaks = set(document.page_starts) | table_breaks(document)
    cuts = {0, len(document.text), *breaks}
    for mark in marks:
        cuts.update((mark.start, mark.end))
    for found in findings:
        cuts.update(span.start for span in found.evidence)
    points = sorted(cut for cut in cuts if 0 <= cut <= len(document.text))
    order = sorted(range(len(marks)), key=lambda i: marks[i].start)
    active: list[int] = []
    next_mark = 0
    result: list[Segment] = []
    for left, right in zip(points, points[1:]):
        while next_mark < len(order) and marks[order[next_mark]].start <= left:
            active.append(order[next_mark])
            next_mark += 1
        active = [i for i in active if marks[i].end > left]
        covering = [i for i in active if marks[i].end >= right]
        if covering:
            result.append(_segment(left, right, [marks[i] for i in covering], covering))
    merged = _merge(result, breaks)
    _place_anchors(merged, findings)
    return merged


def _segment(left: int, right: int, covering: list[Mark], indexes: list[int]) -> Segment:
    def strength(pair: tuple[Mark, int]) -> tuple[int, int, int, int]:
        mark, index = pair
        is_value = mark.finding == 0
        return (is_value, mark.end - mark.start, _RANK[mark.label], index)

    ranked = sorted(zip(covering, indexes), key=strength)
    winner = ranked[0][0]
    labels = {mark.label for mark in covering}
    label = "ERROR" if "ERROR" in labels else winner.label
    tips = list(dict.fromkeys(mark.tip for mark, _ in ranked))
    found = sorted({mark.finding for mark in covering if mark.finding})
    return Segment(left, right, label, tips, found)


def table_breaks(document: PlanDocument) -> set[int]:
    """Offsets where a table's text starts or ends, and both sides of each tab and line end inside it."""
    breaks: set[int] = set()
    for table in document.tables:
        start, end = table.evidence.start, table.evidence.end
        breaks.update((start, end))
        for offset in range(start, end):
            if document.text[offset] in "\t\n":
                breaks.update((offset, offset + 1))
    return breaks


def _merge(parts: list[Segment], breaks: set[int]) -> list[Segment]:
    # Touching neighbours with the same look become one mark, their tooltips joined: a finding's
    # '1,82%' stays one mark though '1,82' is also a target's value and '%' only a rate's, and
    # 'Số: 4159/KH-UBND' is one header mark, not number, '/' and symbol apart.
    merged: list[Segment] = []
    for part in parts:
        last = merged[-1] if merged else None
        joinable = last is not None and last.end == part.start and part.start not in breaks
        if joinable and (last.label, last.findings) == (part.label, part.findings):
            last.end = part.end
            last.tips = list(dict.fromkeys(last.tips + part.tips))
        else:
            merged.append(part)
    return merged


def _place_anchors(parts: list[Segment], findings: list[Finding]) -> None:
    starts = [part.start for part in parts]
    for number, found in enumerate(findings, start=1):
        for index, span in enumerate(found.evidence):
            at = bisect.bisect_right(starts, span.start) - 1
            if at >= 0 and parts[at].start <= span.start < parts[at].end:
                parts[at].anchors.append(anchor_id(number, index))
            else:
                # An empty span (or one outside the text): an empty segment carries its anchor.
                parts.insert(at + 1, Segment(span.start, span.start, SEVERITY_LABELS[found.severity],
                                             [found.message], [number], [anchor_id(number, index)]))
                starts.insert(at + 1, span.start)
            ends = [part.end for part in parts]
            last = bisect.bisect_left(ends, span.end)
            target = parts[min(last, len(parts) - 1)]
            if number not in target.refs:
                target.refs.append(number)
