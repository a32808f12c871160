"""The SQL views and indexes of a kehoach database, and the per-document tables they read, as data
(created by ``store.open_db``, filled by ``store.save``); and summary_rows, the same per-document rows
computed in Python where a document is prepared."""

from __future__ import annotations

import zlib
from typing import Any

from extractor.places import place_key

# The place a plan speaks for: its commune, district or province according to its issuer level.
_PLACE = (
    "coalesce(case d.issuer_level when 'xa' then d.commune when 'huyen' then d.district "
    "when 'tinh' then d.province end, d.commune, d.district, d.province)"
)
_KINDS = ("planned", "allocated", "spent", "prior_result", "other")
# The sums by kind of the budget rows 'l'.
_KIND_SUMS = ",\n  ".join(f"sum(case when l.kind = '{k}' then l.amount_vnd end) as {k}_vnd" for k in _KINDS)
_KIND_TOTALS = ", ".join(f"sum({k}_vnd) as {k}_vnd" for k in _KINDS)
_POVERTY_FIGURES = [
    "actual_households", "actual_total_households", "actual_rate_percent", "planned_households",
    "planned_rate_percent", "actual_reduction_households", "actual_reduction_points",
    "planned_reduction_households", "planned_reduction_points",
]
_POVERTY_COLUMNS = ", ".join(
    ["document_id", "issuer_level", "province", "district", "commune", "place", "plan_year", "year", "category",
     *_POVERTY_FIGURES]
)

# Views in creation order: name -> select statement. They read the per-document tables below
# (SUMMARY_TABLES), which store.save writes for each document in the transaction that writes the
# document, so that no view re-adds millions of source rows when it is read.
VIEWS: dict[str, str] = {
    # Budget rows that count towards totals (_COUNTS), with their year (the item's, else the plan year).
    "v_budget_lines": """select budget_item_id, document_id, component, kind, is_total, year, amount_vnd, label
from counted_budget_items""",
    "v_budget_by_document": """select document_id, path, issuer_level, province, district, commune, place,
  plan_year, planned_vnd, allocated_vnd, spent_vnd, prior_result_vnd, other_vnd, stated_planned_total_vnd, items
from document_summary""",
    "v_budget_by_component": f"""select document_id, path, issuer_level, province, district, commune, place,
  plan_year, component, {", ".join(f"{k}_vnd" for k in _KINDS)}, items
from document_budget""",
    "v_budget_by_component_year": f"""select l.component, l.year,
  {_KIND_SUMS},
  count(distinct l.document_id) as documents, count(*) as items
from counted_budget_items l
group by l.component, l.year""",
    # Place-wide poverty figures of each document (village rows left out). A statement without a
    # year is about the base year (plan year - 1) when actual, about the plan year when planned.
    # When a document states one figure several times, the largest is kept (the checker reports
    # the conflict as a finding).
    "v_poverty_by_document": f"""select {_POVERTY_COLUMNS}
from document_poverty""",
    # document_poverty has one row per document, year and category: a group's rows are its documents.
    "v_poverty_by_place": """select issuer_level, province, district, commune, place, year, category,
  max(actual_households) as actual_households, max(actual_total_households) as actual_total_households,
  max(actual_rate_percent) as actual_rate_percent, max(planned_households) as planned_households,
  max(planned_rate_percent) as planned_rate_percent,
  max(actual_reduction_households) as actual_reduction_households,
  max(actual_reduction_points) as actual_reduction_points,
  max(planned_reduction_households) as planned_reduction_households,
  max(planned_reduction_points) as planned_reduction_points,
  count(*) as documents
from document_poverty
group by issuer_level, province, district, commune, place, year, category""",
    "v_findings_by_document": """select document_id, path, issuer_level, place, plan_year, errors, warnings, findings
from document_summary""",
    # The actual level each plan starts from: per document and category, the latest year (not
    # after the plan year) for which the plan states an actual count or rate (is_base).
    "v_poverty_base": f"""select {_POVERTY_COLUMNS}, 1 as rank
from document_poverty
where is_base = 1""",
    # Per document with poverty figures: the base-year figures (as v_poverty_base) and the plan
    # year's planned reductions, side by side (_PIVOT, kept in document_summary).
    "v_poverty_pivot": """select document_id, base_year, poor_households_base_year, poor_rate_percent,
  near_poor_rate_percent, planned_poor_reduction_points, planned_poor_reduction_households,
  planned_near_poor_reduction_points
from document_summary s
where exists (select 1 from document_poverty p where p.document_id = s.document_id)""",
    # One row per place and plan year: the most recently issued plan of that place and year, places
    # matched by their keys (case, level word and tone placement ignored).
    # Budget per poor household = planned budget (đồng, integer division) / poor households of
    # the base year (v_poverty_base).
    "v_compare_places": """select issuer_level, province, district, commune, place, plan_year, planned_vnd,
  base_year, poor_households_base_year,
  case when poor_households_base_year > 0 and planned_vnd is not null
    then planned_vnd / poor_households_base_year end as planned_vnd_per_poor_household,
  poor_rate_percent, near_poor_rate_percent, planned_poor_reduction_points,
  planned_poor_reduction_households, planned_near_poor_reduction_points, errors, warnings, document_id, path
from document_summary
where is_latest = 1""",
}

# --- the per-document tables: written by store.save with the document, read by the views -------------

# One row per document, so that comparing 100,000 plans reads 100,000 rows.
SUMMARY_COLUMNS: dict[str, type] = {
    "document_id": str, "path": str, "status": str, "issuer_level": str, "province": str, "district": str,
    "commune": str, "place": str, "province_key": str, "district_key": str, "place_group": str,
    "is_latest": int,
    "plan_year": int, "issue_date": str, "extracted_at": str,
    "planned_vnd": int, "allocated_vnd": int, "spent_vnd": int, "prior_result_vnd": int, "other_vnd": int,
    "stated_planned_total_vnd": int, "items": int,
    "base_year": int, "poor_households_base_year": int, "poor_rate_percent": float,
    "near_poor_rate_percent": float, "planned_poor_reduction_points": float,
    "planned_poor_reduction_households": int, "planned_near_poor_reduction_points": float,
    "errors": int, "warnings": int, "findings": int,
}
_DOCUMENT = {"document_id": str, "path": str, "issuer_level": str, "province": str, "district": str,
             "commune": str, "place": str, "plan_year": int}
# table -> (columns, primary key or None), in the order they are filled (later ones read earlier ones).
SUMMARY_TABLES: dict[str, tuple[dict[str, type], str | None]] = {
    # The rows of v_budget_lines: budget rows that count towards totals.
    "counted_budget_items": ({
        "budget_item_id": int, "document_id": str, "component": str, "kind": str, "is_total": int, "year": int,
        "amount_vnd": int, "label": str,
    }, "budget_item_id"),
    # The rows of v_budget_by_component: per document and component, the sums of its counted rows by kind.
    "document_budget": ({
        **_DOCUMENT, "component": str, **{f"{k}_vnd": int for k in _KINDS}, "items": int,
    }, None),
    # The rows of v_poverty_by_document (per document, year and category), and is_base: 1 on the row
    # of each category that is the plan's base year (v_poverty_base).
    "document_poverty": ({
        **{c: t for c, t in _DOCUMENT.items() if c != "path"}, "year": int, "category": str,
        **{f: (float if f.endswith(("_percent", "_points")) else int) for f in _POVERTY_FIGURES}, "is_base": int,
    }, None),
    "document_summary": (SUMMARY_COLUMNS, "document_id"),
}
# Each table has an index starting with document_id (deletes, one document's rows); the others
# cover what a view groups or filters on, so that the view reads the index alone.
SUMMARY_TABLE_INDEXES: dict[str, tuple[str, list[str]]] = {
    "idx_counted_budget_items_document": ("counted_budget_items", ["document_id"]),
    "idx_counted_budget_items_by_component_year": (
        "counted_budget_items", ["component", "year", "document_id", "kind", "amount_vnd"]),
    "idx_document_budget_document": ("document_budget", ["document_id", "component"]),
    "idx_document_budget_component": ("document_budget", ["component", "plan_year"]),
    "idx_document_poverty_document": ("document_poverty", ["document_id", "category"]),
    "idx_document_poverty_by_place": (
        "document_poverty", ["place", "issuer_level", "province", "district", "commune", "year", "category",
                             *_POVERTY_FIGURES]),
    "idx_document_summary_latest": ("document_summary", ["is_latest", "issuer_level", "plan_year"]),
    "idx_document_summary_place_group": ("document_summary", ["place_group"]),
    "idx_document_summary_path": ("document_summary", ["path"]),
}
# The documents whose id is in the temporary table 'summary_ids'.
_IDS = "in (select id from summary_ids)"
# Which budget rows count towards totals: every part (is_total = 0); a component's stated subtotal only
# when that component has no parts; a document's grand total (is_total, no component) only when the
# document has no other row of that kind, and then only the largest one. So a stated total and its parts
# are never added together.
_COUNTS = """b.amount_vnd is not null and (
  b.is_total = 0
  or (b.component is not null and not exists (
        select 1 from budget_items p where p.document_id = b.document_id and p.kind = b.kind
          and p.component = b.component and p.is_total = 0))
  or (b.component is null and not exists (
        select 1 from budget_items p where p.document_id = b.document_id and p.kind = b.kind
          and p.rowid != b.rowid and (p.is_total = 0 or p.component is not null
            or p.amount_vnd > b.amount_vnd or (p.amount_vnd = b.amount_vnd and p.rowid < b.rowid)))))"""
# Per document: its base-year figures and the plan year's planned reductions, side by side.
_PIVOT = f"""select document_id,
  max(case when is_base and category = 'poor' then year end) as base_year,
  max(case when is_base and category = 'poor' then actual_households end) as poor_households_base_year,
  max(case when is_base and category = 'poor' then actual_rate_percent end) as poor_rate_percent,
  max(case when is_base and category = 'near_poor' then actual_rate_percent end) as near_poor_rate_percent,
  max(case when year = plan_year and category = 'poor' then planned_reduction_points end)
    as planned_poor_reduction_points,
  max(case when year = plan_year and category = 'poor' then planned_reduction_households end)
    as planned_poor_reduction_households,
  max(case when year = plan_year and category = 'near_poor' then planned_reduction_points end)
    as planned_near_poor_reduction_points
from document_poverty where document_id {_IDS}
group by document_id"""
_BASE = "(actual_households is not null or actual_rate_percent is not null) and year <= plan_year"
# table -> the select that fills it with the rows of the documents in 'summary_ids', columns in table order.
SUMMARY_SELECTS: dict[str, str] = {
    "counted_budget_items": f"""select b.rowid, b.document_id, b.component, b.kind, b.is_total,
  coalesce(b.year, d.plan_year), b.amount_vnd, b.label
from budget_items b join documents d on d.id = b.document_id
where b.document_id {_IDS} and {_COUNTS}""",
    "document_budget": f"""select d.id, d.path, d.issuer_level, d.province, d.district, d.commune, {_PLACE},
  d.plan_year, l.component, {_KIND_SUMS}, count(*)
from counted_budget_items l join documents d on d.id = l.document_id
where l.document_id {_IDS}
group by l.document_id, l.component""",
    "document_poverty": f"""select *, coalesce({_BASE} and row_number() over (
    partition by document_id, category order by {_BASE} desc, year desc) = 1, 0)
from (select d.id as document_id, d.issuer_level, d.province, d.district, d.commune, {_PLACE} as place,
  d.plan_year, coalesce(p.year, d.plan_year - 1 + p.planned) as year, p.category,
  max(case when p.planned = 0 and p.measure = 'level' then p.households end) as actual_households,
  max(case when p.planned = 0 and p.measure = 'level' then p.total_households end) as actual_total_households,
  max(case when p.planned = 0 and p.measure = 'level' then p.rate_percent end) as actual_rate_percent,
  max(case when p.planned = 1 and p.measure = 'level' then p.households end) as planned_households,
  max(case when p.planned = 1 and p.measure = 'level' then p.rate_percent end) as planned_rate_percent,
  max(case when p.planned = 0 and p.measure = 'reduction' then p.households end) as actual_reduction_households,
  max(case when p.planned = 0 and p.measure = 'reduction' then p.rate_percent end) as actual_reduction_points,
  max(case when p.planned = 1 and p.measure = 'reduction' then p.households end) as planned_reduction_households,
  max(case when p.planned = 1 and p.measure = 'reduction' then p.rate_percent end) as planned_reduction_points
from poverty_stats p join documents d on d.id = p.document_id
where p.document_id {_IDS} and p.village is null
group by d.id, coalesce(p.year, d.plan_year - 1 + p.planned), p.category)""",
    "document_summary": f"""select d.id, d.path, d.status, d.issuer_level, d.province, d.district, d.commune,
  {_PLACE}, kh_fold(d.province), kh_fold(d.district), coalesce(kh_fold({_PLACE}), d.id), 0, d.plan_year, d.issue_date,
  d.extracted_at, {", ".join(f"b.{k}_vnd" for k in _KINDS)},
  (select max(t.amount_vnd) from budget_items t where t.document_id = d.id and t.kind = 'planned'
     and t.is_total = 1 and t.component is null),
  coalesce(b.items, 0), pv.base_year, pv.poor_households_base_year, pv.poor_rate_percent,
  pv.near_poor_rate_percent, pv.planned_poor_reduction_points, pv.planned_poor_reduction_households,
  pv.planned_near_poor_reduction_points,
  (select count(*) from findings f where f.document_id = d.id and f.severity = 'error'),
  (select count(*) from findings f where f.document_id = d.id and f.severity = 'warning'),
  (select count(*) from findings f where f.document_id = d.id)
from documents d
left join (select document_id, {_KIND_TOTALS}, sum(items) as items from document_budget
    where document_id {_IDS} group by document_id) b on b.document_id = d.id
left join ({_PIVOT}) pv on pv.document_id = d.id
where d.id {_IDS}""",
}
# Marks, among the documents of the places in the temporary table 'summary_groups', the most
# recently issued plan (status ok) of each place and plan year: the row v_compare_places shows.
# Places are matched by their keys (case, level word and tone placement ignored).
LATEST_UPDATE = """with ranked as (select document_id, row_number() over (
    partition by issuer_level, province_key, district_key, place_group, plan_year
    order by issue_date desc, extracted_at desc, document_id) as rank
  from document_summary
  where status = 'ok' and place_group in (select place_group from summary_groups))
update document_summary set is_latest = (document_id in (select document_id from ranked where rank = 1))
where place_group in (select place_group from summary_groups)"""

# The same, for one document (the :id parameter) whose summary rows were just written and whose
# place had no other re-ranking pending: its place group read from its own summary row.
LATEST_UPDATE_ONE = LATEST_UPDATE.replace(
    "in (select place_group from summary_groups)",
    "= (select place_group from document_summary where document_id = :id)",
)


# Kept in the database (pragma user_version): a database summarised by other definitions is rebuilt.
SUMMARY_VERSION = zlib.crc32(
    repr((SUMMARY_TABLES, SUMMARY_TABLE_INDEXES, SUMMARY_SELECTS, LATEST_UPDATE)).encode()
) & 0x7FFFFFFF

# (table, columns): what the views join and filter on.
INDEXES: list[tuple[str, list[str]]] = [
    ("documents", ["plan_year"]),
    ("documents", ["issuer_level"]),
    ("budget_items", ["component", "year"]),
    ("budget_items", ["document_id", "kind", "component"]),
    ("poverty_stats", ["category", "year"]),
    ("poverty_stats", ["document_id", "category"]),
    ("findings", ["severity"]),
    ("findings", ["document_id", "severity"]),
]


def create_statement(name: str) -> str:
    """The exact 'create view' statement of one view (compared with sqlite_master to detect changes)."""
    # SQLite stores the statement with its first words in capitals: compare like with like.
    return f"CREATE VIEW {name} as {VIEWS[name]}"


# --- the same summary rows, computed in Python from one document's own rows --------------------------
# store.prepare computes them where the document was extracted (a worker), so that the one process that
# writes the database only inserts them. SUMMARY_SELECTS stay the definition (store.rebuild_summaries,
# databases made by another version); tests/test_store_rows.py checks that both give the same rows.
# SQL's rules are kept: NULL is never equal to anything, max() and sum() skip NULLs and give NULL when
# nothing is left, 'x and NULL' is NULL when x holds.


def _equal(a: Any, b: Any) -> bool:
    return a is not None and b is not None and a == b


def _max(values: Any) -> Any:
    present = [value for value in values if value is not None]
    return max(present) if present else None


def _sum(values: Any) -> Any:
    present = [value for value in values if value is not None]
    return sum(present) if present else None


def _fold(value: Any) -> str | None:
    return None if value is None else place_key(str(value))


def _counts(index: int, item: dict[str, Any], items: list[dict[str, Any]]) -> bool:
    """_COUNTS for one budget row (rowids in list order)."""
    amount, kind, component = item["amount_vnd"], item["kind"], item["component"]
    if amount is None:
        return False
    if item["is_total"] == 0:
        return True
    if component is not None:
        return not any(
            _equal(p["kind"], kind) and _equal(p["component"], component) and p["is_total"] == 0 for p in items
        )
    return not any(
        j != index and _equal(p["kind"], kind) and (
            p["is_total"] == 0 or p["component"] is not None
            or (p["amount_vnd"] is not None and (p["amount_vnd"] > amount or (p["amount_vnd"] == amount and j < index)))
        )
        for j, p in enumerate(items)
    )


# Per _POVERTY_FIGURES column, the poverty_stats column it is the largest of, and which rows (planned, measure).
_POVERTY_SOURCES = [
    ("households", 0, "level"), ("total_households", 0, "level"), ("rate_percent", 0, "level"),
    ("households", 1, "level"), ("rate_percent", 1, "level"), ("households", 0, "reduction"),
    ("rate_percent", 0, "reduction"), ("households", 1, "reduction"), ("rate_percent", 1, "reduction"),
]


# Where each column of a document_poverty row is.
_POVERTY_AT = {name: index for index, name in enumerate(SUMMARY_TABLES["document_poverty"][0])}


def _sql_order(value: Any) -> tuple[int, Any]:
    """Ascending SQL order: NULL first."""
    return (0, 0) if value is None else (1, value)


def summary_rows(
    document: dict[str, Any], budget: list[dict[str, Any]], poverty: list[dict[str, Any]],
    findings: list[dict[str, Any]],
) -> dict[str, list[tuple[Any, ...]]]:
    """The rows SUMMARY_SELECTS give one document, per SUMMARY_TABLES table in column order, from its
    documents row and its budget_items, poverty_stats and findings rows (dicts by column, in rowid order).
    counted_budget_items rows start with the index of their budget row, not its rowid (known when written)."""
    doc, plan_year, level = document["id"], document["plan_year"], document["issuer_level"]
    province, district, commune = document["province"], document["district"], document["commune"]
    chosen = {"xa": commune, "huyen": district, "tinh": province}.get(level) if level is not None else None
    place = next((name for name in (chosen, commune, district, province) if name is not None), None)
    located = (doc, document["path"], level, province, district, commune, place, plan_year)

    counted = [
        (index, doc, item["component"], item["kind"], item["is_total"],
         item["year"] if item["year"] is not None else plan_year, item["amount_vnd"], item["label"])
        for index, item in enumerate(budget) if _counts(index, item, budget)
    ]
    by_component: dict[Any, list[tuple[Any, ...]]] = {}
    for row in counted:
        by_component.setdefault(row[2], []).append(row)
    document_budget = [
        (*located, component, *(_sum(row[6] for row in rows if _equal(row[3], kind)) for kind in _KINDS), len(rows))
        for component, rows in sorted(by_component.items(), key=lambda entry: _sql_order(entry[0]))
    ]

    groups: dict[tuple[Any, Any], list[dict[str, Any]]] = {}
    for stat in poverty:
        if stat["village"] is not None:
            continue
        year = stat["year"]
        if year is None and plan_year is not None and stat["planned"] is not None:
            year = plan_year - 1 + stat["planned"]
        groups.setdefault((year, stat["category"]), []).append(stat)
    figures = []
    for (year, category), stats in groups.items():
        values = tuple(
            _max(s[column] for s in stats if _equal(s["planned"], planned) and _equal(s["measure"], measure))
            for column, planned, measure in _POVERTY_SOURCES
        )
        has_actual = values[0] is not None or values[2] is not None
        # _BASE: 1, 0, or NULL when the year or the plan year is unknown.
        base = (None if year is None or plan_year is None else int(year <= plan_year)) if has_actual else 0
        figures.append((year, category, values, base))
    # The window's order: by category, then _BASE desc (NULL last), then year desc (NULL last).
    figures.sort(key=lambda f: (_sql_order(f[1]), {1: 0, 0: 1, None: 2}[f[3]], (1, 0) if f[0] is None else (0, -f[0])))
    document_poverty = []
    for position, (year, category, values, base) in enumerate(figures):
        first = position == 0 or figures[position - 1][1] != category  # a partition's first row (NULL = NULL)
        document_poverty.append(
            (doc, level, province, district, commune, place, plan_year, year, category, *values,
             int(base == 1 and first))
        )

    at = _POVERTY_AT

    def pivot(column: str, category: str, base_row: bool) -> Any:
        """_PIVOT's max(case when ... then column end) over this document's poverty rows."""
        return _max(
            row[at[column]] for row in document_poverty
            if _equal(row[at["category"]], category)
            and (row[at["is_base"]] if base_row else _equal(row[at["year"]], plan_year))
        )

    sums = [_sum(row[8 + k] for row in document_budget) for k in range(1, len(_KINDS) + 1)]
    stated = _max(
        item["amount_vnd"] for item in budget
        if _equal(item["kind"], "planned") and item["is_total"] == 1 and item["component"] is None
    )
    summary = (
        doc, document["path"], document["status"], level, province, district, commune, place,
        _fold(province), _fold(district), _fold(place) if place is not None else doc, 0, plan_year,
        document["issue_date"], document["extracted_at"], *sums, stated,
        _sum(row[-1] for row in document_budget) or 0,
        pivot("year", "poor", True), pivot("actual_households", "poor", True),
        pivot("actual_rate_percent", "poor", True), pivot("actual_rate_percent", "near_poor", True),
        pivot("planned_reduction_points", "poor", False), pivot("planned_reduction_households", "poor", False),
        pivot("planned_reduction_points", "near_poor", False),
        sum(1 for f in findings if _equal(f["severity"], "error")),
        sum(1 for f in findings if _equal(f["severity"], "warning")), len(findings),
    )
    return {
        "counted_budget_items": counted, "document_budget": document_budget,
        "document_poverty": document_poverty, "document_summary": [summary],
    }
