"""The SQL views and indexes of a kehoach database, as data (created by ``store.open_db``)."""

from __future__ import annotations

import zlib

# The place a plan speaks for: its commune, district or province according to its issuer level.
_PLACE = (
    "coalesce(case d.issuer_level when 'xa' then d.commune when 'huyen' then d.district "
    "when 'tinh' then d.province end, d.commune, d.district, d.province)"
)
_KINDS = ("planned", "allocated", "spent", "prior_result", "other")
_KIND_SUMS = ",\n  ".join(f"sum(case when l.kind = '{k}' then l.amount_vnd end) as {k}_vnd" for k in _KINDS)

# Views in creation order (later ones read earlier ones). name -> select statement.
VIEWS: dict[str, str] = {
    # Budget rows that count towards totals: every part (is_total = 0); a component's stated
    # subtotal only when that component has no parts; a document's grand total (is_total, no
    # component) only when the document has no other row of that kind, and then only the largest
    # one. So a stated total and its parts are never added together.
    "v_budget_lines": """select b.rowid as budget_item_id, b.document_id, b.component, b.kind, b.is_total,
  coalesce(b.year, d.plan_year) as year, b.amount_vnd, b.label
from budget_items b join documents d on d.id = b.document_id
where b.amount_vnd is not null and (
  b.is_total = 0
  or (b.component is not null and not exists (
        select 1 from budget_items p where p.document_id = b.document_id and p.kind = b.kind
          and p.component = b.component and p.is_total = 0))
  or (b.component is null and not exists (
        select 1 from budget_items p where p.document_id = b.document_id and p.kind = b.kind
          and p.rowid != b.rowid and (p.is_total = 0 or p.component is not null
            or p.amount_vnd > b.amount_vnd or (p.amount_vnd = b.amount_vnd and p.rowid < b.rowid)))))""",
    # The per-document views read document_summary, which save() fills from the views below.
    "v_budget_by_document": """select document_id, path, issuer_level, province, district, commune, place,
  plan_year, planned_vnd, allocated_vnd, spent_vnd, prior_result_vnd, other_vnd, stated_planned_total_vnd, items
from document_summary""",
    "v_budget_by_component": f"""select d.id as document_id, d.path, d.issuer_level, d.province, d.district,
  d.commune, {_PLACE} as place, d.plan_year, l.component,
  {_KIND_SUMS},
  count(*) as items
from v_budget_lines l join documents d on d.id = l.document_id
group by d.id, l.component""",
    "v_budget_by_component_year": f"""select l.component, l.year,
  {_KIND_SUMS},
  count(distinct l.document_id) as documents, count(*) as items
from v_budget_lines l
group by l.component, l.year""",
    # Place-wide poverty figures of each document (village rows left out). A statement without a
    # year is about the base year (plan year - 1) when actual, about the plan year when planned.
    # When a document states one figure several times, the largest is kept (the checker reports
    # the conflict as a finding).
    "v_poverty_by_document": """select d.id as document_id, d.issuer_level, d.province, d.district, d.commune,
  coalesce(case d.issuer_level when 'xa' then d.commune when 'huyen' then d.district
    when 'tinh' then d.province end, d.commune, d.district, d.province) as place,
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
where p.village is null
group by d.id, coalesce(p.year, d.plan_year - 1 + p.planned), p.category""",
    "v_poverty_by_place": """select issuer_level, province, district, commune, place, year, category,
  max(actual_households) as actual_households, max(actual_total_households) as actual_total_households,
  max(actual_rate_percent) as actual_rate_percent, max(planned_households) as planned_households,
  max(planned_rate_percent) as planned_rate_percent,
  max(actual_reduction_households) as actual_reduction_households,
  max(actual_reduction_points) as actual_reduction_points,
  max(planned_reduction_households) as planned_reduction_households,
  max(planned_reduction_points) as planned_reduction_points,
  count(distinct document_id) as documents
from v_poverty_by_document
group by issuer_level, province, district, commune, place, year, category""",
    "v_findings_by_document": """select document_id, path, issuer_level, place, plan_year, errors, warnings, findings
from document_summary""",
    # The actual level each plan starts from: per document and category, the latest year (not
    # after the plan year) for which the plan states an actual count or rate.
    "v_poverty_base": """select * from (select v.*, row_number() over (partition by v.document_id, v.category
    order by v.year desc) as rank
  from v_poverty_by_document v
  where (v.actual_households is not null or v.actual_rate_percent is not null) and v.year <= v.plan_year)
where rank = 1""",
    # Per document, in one pass: the base-year figures (as v_poverty_base) and the plan year's
    # planned reductions; what v_compare_places joins.
    "v_poverty_pivot": """select document_id,
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
from (select v.*, (v.actual_households is not null or v.actual_rate_percent is not null)
    and v.year <= v.plan_year and row_number() over (partition by v.document_id, v.category
      order by (v.actual_households is not null or v.actual_rate_percent is not null)
        and v.year <= v.plan_year desc, v.year desc) = 1 as is_base
  from v_poverty_by_document v)
group by document_id""",
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

# One row per document, filled by store.save from the views above in the same transaction, so
# that comparing 100,000 plans reads 100,000 rows instead of re-adding millions of budget lines.
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
_KIND_COLUMNS = ", ".join(f"b.{k}_vnd" for k in _KINDS)
# The summary rows of the documents whose id is in the temporary table 'summary_ids'.
SUMMARY_SELECT = f"""select d.id, d.path, d.status, d.issuer_level, d.province, d.district, d.commune,
  {_PLACE}, kh_fold(d.province), kh_fold(d.district), coalesce(kh_fold({_PLACE}), d.id), 0, d.plan_year, d.issue_date,
  d.extracted_at, {_KIND_COLUMNS},
  (select max(t.amount_vnd) from budget_items t where t.document_id = d.id and t.kind = 'planned'
     and t.is_total = 1 and t.component is null),
  coalesce(b.items, 0), pv.base_year, pv.poor_households_base_year, pv.poor_rate_percent,
  pv.near_poor_rate_percent, pv.planned_poor_reduction_points, pv.planned_poor_reduction_households,
  pv.planned_near_poor_reduction_points,
  (select count(*) from findings f where f.document_id = d.id and f.severity = 'error'),
  (select count(*) from findings f where f.document_id = d.id and f.severity = 'warning'),
  (select count(*) from findings f where f.document_id = d.id)
from documents d
left join (select l.document_id, {_KIND_SUMS}, count(*) as items from v_budget_lines l
    where l.document_id in (select id from summary_ids) group by l.document_id) b on b.document_id = d.id
left join v_poverty_pivot pv on pv.document_id = d.id
where d.id in (select id from summary_ids)"""
SUMMARY_INDEXES = [["is_latest", "issuer_level", "plan_year"], ["place_group"], ["path"]]
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

# Kept in the database (pragma user_version): a database summarised by other definitions is rebuilt.
SUMMARY_VERSION = zlib.crc32(repr((SUMMARY_COLUMNS, SUMMARY_SELECT, LATEST_UPDATE)).encode()) & 0x7FFFFFFF

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
