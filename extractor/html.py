"""A plan as one self-contained HTML page: values highlighted by kind, findings marked and listed.

The only module that imports spacy. The text is drawn by displaCy's entity renderer in manual mode
(no language model), with a template of our own so that each mark carries a tooltip, anchors and
links to the side panel; displaCy cannot draw overlapping spans, so ``highlight.segments`` resolves
overlaps first. The page shell (head, CSS, header, legend, panel) is ours: displaCy's own page has
no charset, no styles and no place for a panel.
"""

from __future__ import annotations

import bisect
from collections import Counter
from html import escape

from spacy import displacy

from extractor.highlight import (
    KINDS,
    SEVERITY_NAMES,
    Segment,
    anchor_id,
    ordered_findings,
    segments,
)
from extractor.report_text import finding_numbers
from schemas import Finding, PlanDocument, Table, Value

COLOURS = {
    "ERROR": "#fca5a5",
    "WARNING": "#fed7aa",
    "POVERTY": "#fef08a",
    "HOUSEHOLD": "#f5d0fe",
    "BUDGET": "#bbf7d0",
    "TARGET": "#a5f3fc",
    "REFERENCE": "#ddd6fe",
    "HEADER": "#bfdbfe",
    "TABLE": "#e5e7eb",
}
# One line, no white space between tags: the text is laid out with 'white-space: pre-wrap'.
_MARK = '<mark class="{cls}" style="background: {bg}" title="{tip}"{data}>{anchors}{text}{refs}</mark>'


def render_html(document: PlanDocument) -> str:
    """The whole page for one document, as a string of HTML."""
    findings = ordered_findings(document)
    parts = segments(document, findings)
    pages = "".join(_pages(document, parts))
    return _PAGE.format(
        title=escape(f"{document.path} — kehoach"),
        css=_CSS,
        header=_header(document, findings),
        text=pages,
        panel=_panel(document, findings),
    )


def _pages(document: PlanDocument, parts: list[Segment]):
    bounds = sorted({0, *document.page_starts} - {len(document.text)}) + [len(document.text)]
    for start, end in zip(bounds, bounds[1:]):
        body = "".join(_blocks(document, parts, start, end))
        if document.page_starts:
            number = bisect.bisect_right(document.page_starts, start) or 1  # as SourceText.page_at counts
            yield f'<section class="page" id="page-{number}"><h3 class="page-no">Trang {number}</h3>{body}</section>'
        else:
            yield f'<section class="page">{body}</section>'


def _blocks(document: PlanDocument, parts: list[Segment], start: int, end: int):
    """Running text through displaCy, and each table (or the part of it on this page) as an HTML table."""
    regions = sorted(
        (max(start, table.evidence.start), min(end, table.evidence.end), table)
        for table in document.tables
        if table.evidence.start < end and table.evidence.end > start
    )
    at = start
    for table_start, table_end, table in regions:
        if table_start > at:
            yield _displacy(document, parts, at, table_start)
        yield _table(document, parts, table_start, table_end, table)
        at = table_end
    if at < end or not regions:
        yield _displacy(document, parts, at, end)


def _displacy(document: PlanDocument, parts: list[Segment], start: int, end: int, closed: bool = False) -> str:
    """``text[start:end]`` with its segments marked, drawn by displaCy's entity renderer (no model).

    An empty segment at ``end`` (an anchor) is drawn here when ``closed`` or at the end of the text.
    """
    closed = closed or end == len(document.text)
    ents = [
        _ent(part, start)
        for part in parts
        if start <= part.start < end or (closed and part.start == part.end == end)
    ]
    return displacy.render(
        {"text": document.text[start:end], "ents": ents, "title": None, "settings": {"lang": "vi"}},
        style="ent", manual=True, page=False, jupyter=False,
        options={"colors": COLOURS, "template": _MARK},
    )


def _table(document: PlanDocument, parts: list[Segment], start: int, end: int, table: Table) -> str:
    """Table lines as rows, tab-separated cells as cells; the tabs and line ends stay in the page, hidden."""
    kinds = {row.evidence.start: "header" if row.is_header else "total" if row.is_total else "" for row in table.rows}
    rows, line_start = [], start
    for line in document.text[start:end].split("\n"):
        cells, cell_start = [], line_start
        for index, cell in enumerate(line.split("\t")):
            cell_end = cell_start + len(cell)
            tab = '<span class="sep">\t</span>' if index else ""
            cells.append(f"<td>{tab}{_displacy(document, parts, cell_start, cell_end, closed=True)}")
            cell_start = cell_end + 1
        newline = '<span class="sep">\n</span>' if line_start + len(line) < end else ""
        rows.append(f'<tr class="{kinds.get(line_start, "")}">{"</td>".join(cells)}{newline}</td></tr>')
        line_start += len(line) + 1
    return f'<table class="doc-table">{"".join(rows)}</table>'


def _ent(part: Segment, offset: int) -> dict:
    if part.findings:
        kind = "finding error" if part.label == "ERROR" else "finding warning"
        data = f' data-findings="{" ".join(map(str, part.findings))}"'
    else:
        kind, data = f"kind-{part.label.lower()}", ""
    anchors = "".join(f'<span class="anchor" id="{name}"></span>' for name in part.anchors)
    refs = "".join(f'<sup class="ref"><a href="#finding-{n}">{n}</a></sup>' for n in part.refs)
    params = {"cls": kind, "tip": escape("\n".join(part.tips)), "data": data, "anchors": anchors, "refs": refs}
    return {"start": part.start - offset, "end": part.end - offset, "label": part.label, "params": params}


def _v(located: Value | None) -> str:
    if located is None:
        return "—"
    value = located.value
    return str(value.iso if hasattr(value, "iso") else value)


def _header(document: PlanDocument, findings: list[Finding]) -> str:
    header = document.header
    number = "(để trống)" if header.number_blank else _v(header.so_hieu)
    fields = [
        ("Số", number), ("Ngày", _v(header.issue_date)), ("Nơi ban hành", _v(header.issue_place)),
        ("Cơ quan ban hành", _v(header.issuer)), ("Năm kế hoạch", _v(header.plan_year)),
        ("Tỉnh / Huyện / Xã", f"{_v(header.province)} / {_v(header.district)} / {_v(header.commune)}"),
        ("Người ký", f"{_v(header.signer)} ({_v(header.signer_capacity)})"),
    ]
    rows = "".join(f"<div><dt>{escape(name)}</dt><dd>{escape(value)}</dd></div>" for name, value in fields)
    pages = f" · {len(document.page_starts)} trang" if document.page_starts else ""
    counts = _kind_counts(document)
    severities = Counter(found.severity for found in findings)
    legend = "".join(
        f'<li><span class="swatch" style="background: {COLOURS[label]}"></span><b>{escape(name)}</b> '
        f"({counts[label]}): {escape(what)}</li>"
        for label, (name, what) in KINDS.items()
    ) + "".join(
        f'<li><span class="swatch finding {severity}" style="background: {COLOURS[severity.upper()]}"></span>'
        f'<b>{SEVERITY_NAMES[severity]}</b> ({severities[severity]}): {meaning}</li>'
        for severity, meaning in (("error", "các số của văn bản mâu thuẫn"), ("warning", "số liệu đáng ngờ"))
    )
    kind = _v(header.doc_type) if header.doc_type else "Văn bản"
    heading = f"{kind} số {number}" if header.so_hieu or header.number_blank else kind
    title = f'<p class="doc-title">{escape(header.title.value)}</p>' if header.title else ""
    return (
        f'<header class="summary"><h1>{escape(heading)}</h1>{title}<dl>{rows}</dl>'
        f'<p class="file">{escape(document.path)} · {document.format} · {document.status}{pages}'
        f"{' · ' + escape(document.message) if document.message else ''}</p>"
        f'<ul class="legend">{legend}</ul></header>'
    )


def _kind_counts(document: PlanDocument) -> Counter:
    header = document.header
    return Counter({
        "HEADER": sum(isinstance(getattr(header, name), Value) for name in type(header).model_fields),
        "REFERENCE": len(document.references),
        "BUDGET": len(document.budget_items),
        "TARGET": len(document.targets),
        "POVERTY": len(document.poverty_stats),
        "HOUSEHOLD": len(document.households),
        "TABLE": sum(cell.number is not None for table in document.tables for row in table.rows for cell in row.cells),
    })


def _panel(document: PlanDocument, findings: list[Finding]) -> str:
    if not findings:
        return '<h2>Phát hiện</h2><p class="none">Không có phát hiện nào: các con số được kiểm tra khớp nhau.</p>'
    severities = Counter(found.severity for found in findings)
    items = "".join(_finding_item(number, found, document) for number, found in enumerate(findings, start=1))
    return (
        f'<h2>Phát hiện: {severities["error"]} lỗi, {severities["warning"]} cảnh báo</h2>'
        f'<ol class="findings">{items}</ol>'
    )


def _finding_item(number: int, found: Finding, document: PlanDocument) -> str:
    numbers = finding_numbers(found)
    spans = "".join(
        f'<li><a href="#{anchor_id(number, index)}">«{escape(" ".join(span.raw.split()))}»</a>'
        f"{f' <span class=where>tr. {span.page}</span>' if span.page else ''}</li>"
        for index, span in enumerate(found.evidence)
    )
    return (
        f'<li id="finding-{number}" class="finding-item {found.severity}">'
        f'<span class="badge {found.severity}">{number}. {SEVERITY_NAMES[found.severity]}</span> '
        f'<code>{escape(found.rule)}</code><p class="message">{escape(found.message)}</p>'
        f'{"<p class=numbers>" + escape(" · ".join(numbers)) + "</p>" if numbers else ""}'
        f'<ul class="spans">{spans}</ul></li>'
    )


_PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
{header}
<div class="layout">
<main>{text}</main>
<aside class="panel">{panel}</aside>
</div>
</body>
</html>
"""

_CSS = """
* { box-sizing: border-box; }
body { margin: 0; background: #f1f5f9; color: #0f172a;
  font: 15px/1.6 "DejaVu Sans", "Noto Sans", "Segoe UI", Arial, sans-serif; }
header.summary { background: #fff; border-bottom: 1px solid #cbd5e1; padding: 1rem 1.5rem; }
header.summary h1 { margin: 0; font-size: 1.35rem; }
.doc-title { margin: .2rem 0 .6rem; font-size: 1.05rem; font-weight: bold; }
header dl { display: flex; flex-wrap: wrap; gap: .2rem 1.6rem; margin: 0; }
header dl div { display: flex; gap: .4rem; }
header dt { color: #475569; }
header dt::after { content: ":"; }
header dd { margin: 0; font-weight: 600; }
.file { color: #64748b; font-size: .85rem; margin: .5rem 0; }
ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; padding: 0; margin: .4rem 0 0;
  font-size: .85rem; }
.swatch { display: inline-block; width: 1.1em; height: 1.1em; border-radius: 3px; margin-right: .35em;
  vertical-align: -.2em; border: 1px solid #94a3b8; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 27rem; gap: 1.25rem; padding: 1.25rem; }
main section.page { background: #fff; border: 1px solid #cbd5e1; border-radius: 6px; padding: 1rem 1.5rem;
  margin-bottom: 1rem; }
.page-no { margin: 0 0 .5rem; font-size: .8rem; color: #64748b; text-transform: uppercase;
  border-bottom: 1px dashed #cbd5e1; }
table.doc-table { border-collapse: collapse; margin: .3rem 0 .6rem; font-size: .9rem; }
.doc-table td { border: 1px solid #cbd5e1; padding: .1rem .4rem; vertical-align: top; }
.doc-table tr.header td { background: #f1f5f9; font-weight: bold; }
.doc-table tr.total td { font-weight: bold; border-top: 2px solid #64748b; }
.doc-table .entities { line-height: 1.35 !important; overflow-wrap: normal; }
.doc-table tr:not(.header) .entities { white-space: pre; }
.sep { display: none; }
.entities { white-space: pre-wrap; line-height: 1.8 !important; tab-size: 4; overflow-wrap: anywhere; }
mark { color: inherit; padding: .05em .1em; border-radius: 3px; }
mark.finding { font-weight: bold; }
mark.finding.error, .swatch.finding.error { outline: 2px solid #b91c1c; }
mark.finding.warning, .swatch.finding.warning { outline: 2px dashed #c2410c; }
mark:has(.anchor:target) { box-shadow: 0 0 0 4px #2563eb; }
.anchor { scroll-margin-top: 40vh; }
sup.ref { font-size: .7em; margin-left: .1em; }
sup.ref a { color: #991b1b; text-decoration: none; }
sup.ref a::before { content: "["; } sup.ref a::after { content: "]"; }
aside.panel { position: sticky; top: 1rem; align-self: start; max-height: calc(100vh - 2rem); overflow: auto;
  background: #fff; border: 1px solid #cbd5e1; border-radius: 6px; padding: .8rem 1rem; }
aside h2 { font-size: 1.05rem; margin: 0 0 .6rem; }
ol.findings { list-style: none; padding: 0; margin: 0; }
.finding-item { border-left: 4px solid; padding: .3rem .6rem; margin-bottom: .8rem; scroll-margin-top: 1rem; }
.finding-item.error { border-color: #b91c1c; background: #fef2f2; }
.finding-item.warning { border-color: #c2410c; background: #fff7ed; }
.finding-item:target { box-shadow: 0 0 0 3px #2563eb; }
.badge { font-weight: bold; font-size: .8rem; text-transform: uppercase; }
.badge.error { color: #b91c1c; } .badge.warning { color: #c2410c; }
.finding-item code { font-size: .75rem; color: #475569; }
.message { margin: .2rem 0; }
.numbers { margin: .2rem 0; font-size: .85rem; color: #334155; }
ul.spans { margin: .2rem 0 0; padding-left: 1.1rem; font-size: .85rem; }
.where { color: #64748b; }
.none { color: #166534; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } aside.panel { position: static; max-height: none; } }
"""
