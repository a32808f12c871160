"""The comparison report: one self-contained HTML page (inline CSS and SVG) built from the views."""

from __future__ import annotations

from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Any

from extractor import store
from extractor.charts import Bar, bar_chart
from extractor.query import format_cell
from extractor.vocab.columns import COLUMN_LABELS

LEVEL_NAMES = {"xa": "Xã", "huyen": "Huyện", "tinh": "Tỉnh"}
# Budget kinds charted by component, in order, with their chart titles.
KIND_TITLES = {
    "planned_vnd": "Kinh phí kế hoạch theo hợp phần (đồng)",
    "allocated_vnd": "Kinh phí được phân bổ theo hợp phần (đồng)",
    "spent_vnd": "Kinh phí đã chi theo hợp phần (đồng)",
    "prior_result_vnd": "Kinh phí đã thực hiện năm trước theo hợp phần (đồng)",
    "other_vnd": "Kinh phí khác theo hợp phần (đồng)",
}
UNKNOWN_PLACE = "(chưa rõ địa bàn)"
NO_COMPONENT = "(không ghi hợp phần)"
TABLE_COLUMNS = [
    "planned_vnd", "planned_vnd_per_poor_household", "base_year", "poor_households_base_year",
    "poor_rate_percent", "near_poor_rate_percent", "planned_poor_reduction_points",
    "planned_poor_reduction_households", "errors", "warnings",
]


def render_report(db, base: Path | None = None) -> str:
    """The whole report page for database ``db``; relative plan paths are resolved against ``base`` (cwd)."""
    plans = _plans(db)
    if not plans:
        body = '<p class="empty">Chưa có kế hoạch nào trong cơ sở dữ liệu: chạy <code>kehoach extract</code> trước.</p>'
        return _page(body, 0)
    places = store.query(
        db,
        "select * from v_compare_places order by issuer_level = 'tinh' desc, issuer_level = 'huyen' desc,"
        " place is null, place, plan_year, path",
    )
    components = store.query(
        db, "select * from v_budget_by_component order by place is null, place, plan_year, path, component"
    )
    findings = store.query(db, "select * from v_findings_by_document order by place is null, place, path")
    body = "".join([
        _NAV,
        _section("so-sanh", "Bảng so sánh các địa bàn", _compare_table(places)),
        _section("kinh-phi", "Kinh phí theo hợp phần", _budget_charts(components)),
        _section("ty-le-ngheo", "Tỷ lệ hộ nghèo: năm gốc và sau kế hoạch", _poverty_chart(places, _stated_rates(db))),
        _section("phat-hien", "Lỗi và cảnh báo theo kế hoạch", _findings_chart(findings)),
        _section("van-ban", "Các kế hoạch làm căn cứ", _plan_list(plans, base or Path.cwd())),
    ])
    return _page(body, len(plans))


def _page(body: str, count: int) -> str:
    # Plain replacement, not str.format: the CSS is full of braces.
    return _PAGE.replace("{css}", _CSS).replace("{count}", f"{count} văn bản").replace("{body}", body)


def write_report(db, out: Path) -> int:
    """Write the report page to ``out`` (UTF-8); the number of plans it covers."""
    out.write_text(render_report(db), encoding="utf-8")
    return len(_plans(db))


def _plans(db) -> list[dict[str, Any]]:
    return store.query(
        db,
        "select d.id, d.path, d.status, d.issuer_level, d.so_hieu, d.number_blank, d.issue_date, d.title, d.plan_year,"
        " f.place, f.errors, f.warnings from documents d join v_findings_by_document f on f.document_id = d.id"
        " order by f.place is null, f.place, d.plan_year, d.path",
    )


def _section(anchor: str, title: str, content: str) -> str:
    return f'<section id="{anchor}"><h2>{escape(title)}</h2>{content}</section>'


def _place(row: dict[str, Any]) -> str:
    return row.get("place") or UNKNOWN_PLACE


def _doc_link(row: dict[str, Any], text: str | None = None) -> str:
    return f'<a href="#{doc_anchor(row["document_id"])}">{escape(text or _short_path(row["path"]))}</a>'


def doc_anchor(document_id: str) -> str:
    """The id of a plan's entry in the list of plans."""
    return f"doc-{document_id}"


def _short_path(path: str) -> str:
    return Path(path).name


def _compare_table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return '<p class="empty">Chưa có kế hoạch nào ở trạng thái đọc được.</p>'
    heads = ["Địa bàn", "Cấp", COLUMN_LABELS["plan_year"]] + [COLUMN_LABELS[c] for c in TABLE_COLUMNS] + ["Văn bản"]
    head = "".join(f"<th>{escape(h)}</th>" for h in heads)
    lines = []
    for row in rows:
        cells = [
            f'<td class="text">{_doc_link(row, _place(row))}</td>',
            f'<td class="text">{escape(LEVEL_NAMES.get(row["issuer_level"], row["issuer_level"] or ""))}</td>',
            f'<td>{escape(format_cell("plan_year", row["plan_year"]))}</td>',
            *(f"<td{_error_class(c, row[c])}>{escape(format_cell(c, row[c]))}</td>" for c in TABLE_COLUMNS),
            f'<td class="text">{_doc_link(row)}</td>',
        ]
        lines.append(f'<tr id="so-sanh-{escape(row["document_id"])}">{"".join(cells)}</tr>')
    note = (
        '<p class="note">Mỗi dòng là kế hoạch ban hành gần nhất của một địa bàn và năm. '
        "Kinh phí / hộ nghèo = kinh phí kế hoạch ÷ số hộ nghèo năm gốc. Ô trống: kế hoạch không ghi số liệu đó.</p>"
    )
    return f'{note}<table class="compare"><thead><tr>{head}</tr></thead><tbody>{"".join(lines)}</tbody></table>'


def _error_class(column: str, value: Any) -> str:
    return ' class="bad"' if column == "errors" and value else ""


def _budget_charts(rows: list[dict[str, Any]]) -> str:
    charts = []
    for kind, title in KIND_TITLES.items():
        groups: dict[tuple[str, str], list[Bar]] = {}
        for row in rows:
            if row[kind] is None:
                continue
            key = (row["document_id"], f"{_place(row)} — {row['plan_year'] or ''} ({_short_path(row['path'])})")
            component = row["component"] or NO_COMPONENT
            groups.setdefault(key, []).append(Bar(
                label=component, value=row[kind], text=format_cell(kind, row[kind]),
                href=f"#{doc_anchor(row['document_id'])}",
                tip=f"{_place(row)}, {component}: {format_cell(kind, row[kind])} đồng", cls=f"bar {kind}",
            ))
        if groups:
            chart = bar_chart([(heading, bars) for (_, heading), bars in groups.items()], title)
            charts.append(f"<figure><figcaption>{escape(title)}</figcaption>{chart}</figure>")
    return "".join(charts) or '<p class="empty">Chưa kế hoạch nào ghi kinh phí theo hợp phần.</p>'


def planned_rate(row: dict[str, Any]) -> Decimal | None:
    """The poor rate the plan aims at: base-year rate minus the planned reduction (percentage points)."""
    base, cut = row.get("poor_rate_percent"), row.get("planned_poor_reduction_points")
    if base is None or cut is None:
        return None
    return Decimal(repr(base)) - Decimal(repr(cut))


def _stated_rates(db) -> dict[str, float]:
    # The poor rate a plan itself states for its plan year (the largest, when it states several).
    rows = store.query(
        db,
        "select document_id, planned_rate_percent from v_poverty_by_document"
        " where category = 'poor' and year = plan_year and planned_rate_percent is not null",
    )
    return {row["document_id"]: row["planned_rate_percent"] for row in rows}


def _poverty_chart(rows: list[dict[str, Any]], stated: dict[str, float]) -> str:
    groups = []
    for row in rows:
        base, cut, after = row["poor_rate_percent"], row["planned_poor_reduction_points"], planned_rate(row)
        aim = stated.get(row["document_id"])
        if base is None and cut is None and aim is None:
            continue
        href = f"#{doc_anchor(row['document_id'])}"
        year = row["plan_year"] or ""
        bars = []
        if base is not None:
            start = f"năm {row['base_year']}" if row["base_year"] else "năm gốc"
            bars.append(Bar(f"Tỷ lệ hộ nghèo {start}", base, f"{format_cell('r', base)}%", href, cls="bar before"))
        if aim is not None:
            bars.append(Bar(f"Mục tiêu năm {year} (ghi trong kế hoạch)", aim, f"{format_cell('r', aim)}%", href,
                            cls="bar after"))
        if after is not None:
            text = f"{format_cell('r', float(after))}% (giảm {format_cell('r', cut)} điểm %)"
            bars.append(Bar(f"Năm gốc − mức giảm năm {year}", float(after), text, href, cls="bar computed"))
        elif cut is not None:
            bars.append(Bar(f"Mức giảm kế hoạch năm {row['plan_year'] or ''}", cut,
                            f"giảm {format_cell('r', cut)} điểm %", href, cls="bar cut"))
        groups.append((f"{_place(row)} ({LEVEL_NAMES.get(row['issuer_level'], '')})", bars))
    if not groups:
        return '<p class="empty">Chưa kế hoạch nào ghi tỷ lệ hộ nghèo.</p>'
    title = "Tỷ lệ hộ nghèo năm gốc và mục tiêu (%)"
    note = (
        '<p class="note">Mục tiêu: tỷ lệ hộ nghèo kế hoạch ghi cho năm kế hoạch, và tỷ lệ năm gốc − mức giảm theo '
        "kế hoạch (hai số khác nhau: kế hoạch tự mâu thuẫn). Khi kế hoạch không ghi tỷ lệ năm gốc, "
        "chỉ vẽ mức giảm (điểm %).</p>"
    )
    return f"{note}<figure><figcaption>{escape(title)}</figcaption>{bar_chart(groups, title)}</figure>"


def _findings_chart(rows: list[dict[str, Any]]) -> str:
    groups = []
    for row in rows:
        href = f"#{doc_anchor(row['document_id'])}"
        heading = f"{_place(row)} — {row['plan_year'] or ''} ({_short_path(row['path'])})"
        groups.append((heading, [
            Bar("Lỗi", row["errors"], str(row["errors"]), href, cls="bar error"),
            Bar("Cảnh báo", row["warnings"], str(row["warnings"]), href, cls="bar warning"),
        ]))
    title = "Số lỗi và cảnh báo của từng kế hoạch"
    return f"<figure><figcaption>{escape(title)}</figcaption>{bar_chart(groups, title)}</figure>"


def _plan_list(plans: list[dict[str, Any]], base: Path) -> str:
    items = []
    for plan in plans:
        uri = (base / plan["path"]).absolute().as_uri()
        facts = [
            f"Địa bàn: {plan['place'] or UNKNOWN_PLACE} ({LEVEL_NAMES.get(plan['issuer_level'], '?')})",
            f"Năm kế hoạch: {plan['plan_year'] or '?'}",
            f"Số, ký hiệu: {plan['so_hieu'] or ('(để trống)' if plan['number_blank'] else '?')}",
            f"Ngày ban hành: {plan['issue_date'] or '?'}",
            f"Lỗi: {plan['errors']}, cảnh báo: {plan['warnings']}",
        ]
        if plan["status"] != "ok":
            facts.append(f"Trạng thái: {plan['status']}")
        items.append(
            f'<li id="{escape(doc_anchor(plan["id"]))}"><a class="file" href="{escape(uri)}">{escape(plan["path"])}</a>'
            f'<div class="title">{escape(plan["title"] or "")}</div>'
            f'<div class="facts">{escape(" · ".join(facts))}</div></li>'
        )
    return f'<ol class="plans">{"".join(items)}</ol>'


_CSS = """
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; margin: 24px; color: #1f2937; max-width: 1300px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #d1d5db; }
nav a { margin-right: 14px; } .note { color: #4b5563; font-size: 13px; margin: 4px 0 8px; }
.empty { font-size: 16px; padding: 16px; background: #f3f4f6; }
table.compare { border-collapse: collapse; font-size: 13px; }
table.compare th { background: #e5e7eb; padding: 4px 6px; text-align: center; vertical-align: bottom; max-width: 120px; }
table.compare td { border-top: 1px solid #e5e7eb; padding: 4px 6px; text-align: right; white-space: nowrap; }
table.compare td.text { text-align: left; } table.compare td.bad { color: #b91c1c; font-weight: bold; }
figure { margin: 8px 0 18px; } figcaption { font-weight: bold; font-size: 14px; margin-bottom: 4px; }
svg.chart { font-size: 12px; } svg .group { font-weight: bold; fill: #111827; } svg .label { fill: #374151; }
svg .value { fill: #111827; } svg .bar-link:hover rect { opacity: .7; }
rect.bar { fill: #2563eb; } rect.prior_result_vnd { fill: #0d9488; } rect.allocated_vnd { fill: #7c3aed; }
rect.spent_vnd { fill: #ca8a04; } rect.other_vnd { fill: #6b7280; }
rect.before { fill: #f97316; } rect.after { fill: #16a34a; } rect.computed { fill: #86efac; } rect.cut { fill: #84cc16; }
rect.error { fill: #dc2626; } rect.warning { fill: #f59e0b; }
ol.plans li { margin-bottom: 8px; } ol.plans li:target { background: #fef9c3; }
ol.plans .title { font-size: 14px; } ol.plans .facts { font-size: 12px; color: #4b5563; }
"""

_NAV = (
    '<nav><a href="#so-sanh">Bảng so sánh</a><a href="#kinh-phi">Kinh phí</a><a href="#ty-le-ngheo">Tỷ lệ hộ nghèo</a>'
    '<a href="#phat-hien">Lỗi và cảnh báo</a><a href="#van-ban">Văn bản</a></nav>'
)
_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>So sánh kế hoạch giảm nghèo — kehoach</title>
<style>{css}</style></head><body>
<h1>So sánh kế hoạch giảm nghèo</h1>
<p class="note">Báo cáo do kehoach lập từ cơ sở dữ liệu ({count}). Bấm vào một dòng hoặc một thanh để xem kế hoạch làm căn cứ.</p>
{body}
</body></html>
"""
