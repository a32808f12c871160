"""The SQL views: budget totals without double counting, poverty by place, findings, comparison."""

from pathlib import Path

import pytest

from extractor import store, views
from extractor.batch import extract_into
from extractor.pipeline import extract_text
from extractor.vocab.columns import COLUMN_EXAMPLES, COLUMN_LABELS, SHEET_NAMES

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

PLAN = """ỦY BAN NHÂN DÂN
XÃ {upper}
Số: {number}/KH-UBND
{name}, ngày 10 tháng 01 năm 2025

KẾ HOẠCH
Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2025

I. THỰC TRẠNG
Cuối năm 2024, toàn xã có 1.000 hộ, trong đó có {poor} hộ nghèo, chiếm tỷ lệ {rate}%; 60 hộ cận nghèo, chiếm tỷ lệ 6,00%.

II. KINH PHÍ
{budget}
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn An
"""
# Parts and a stated total: 300 + 100 = 400 million, the total must not be added again.
PARTS = """1. Dự án 2: Đa dạng hóa sinh kế
Nguồn vốn thực hiện: Dự kiến 300 triệu đồng.
2. Dự án 4: Phát triển giáo dục nghề nghiệp
Nguồn vốn thực hiện: Dự kiến 100 triệu đồng.
Tổng kinh phí thực hiện năm 2025: 400 triệu đồng.
"""
ONLY_TOTAL = "Tổng kinh phí thực hiện năm 2025: 250 triệu đồng.\n"
SYNTHETIC = [
    {"upper": "HÒA BÌNH", "name": "Hòa Bình", "number": 15, "poor": 40, "rate": "4,00", "budget": PARTS},
    {"upper": "TÂN LẬP", "name": "Tân Lập", "number": 21, "poor": 50, "rate": "5,00", "budget": ONLY_TOTAL},
]


def build_db(path: Path):
    """The corpus .txt files plus two synthetic commune plans with known budgets."""
    extract_into(path, sorted(CORPUS.glob("0*.txt")))
    db = store.open_db(path)
    for fields in SYNTHETIC:
        store.save(db, extract_text(PLAN.format(**fields), path=f"synthetic/{fields['number']}.txt"))
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("views") / "plans.db")


def by_path(db, view, stem):
    return [row for row in store.query(db, f"select * from {view}") if stem in (row.get("path") or "")]


def test_document_001_plans_1728_million_across_7_components(db):
    [row] = by_path(db, "v_budget_by_document", "001_")
    assert (row["planned_vnd"], row["stated_planned_total_vnd"], row["items"]) == (1_728_000_000, 1_728_000_000, 7)
    components = [r for r in store.query(db, "select * from v_budget_by_component") if "001_" in r["path"]]
    assert len(components) == 7
    assert {r["component"]: r["planned_vnd"] for r in components}["Dự án 4 / Tiểu dự án 1"] == 685_000_000


def test_document_000_prior_year_results_2023(db):
    # "Năm 2023 số kinh phí phân bổ là 1.080 triệu đồng cho 2 dự án": 700 (Dự án 1) + 380 (Dự án 3).
    [row] = by_path(db, "v_budget_by_document", "000_")
    assert row["prior_result_vnd"] == 1_080_000_000 and row["planned_vnd"] is None
    years = {(r["component"], r["year"]): r["prior_result_vnd"] for r in store.query(db, "select * from v_budget_by_component_year")}
    assert years[("Dự án 1", 2023)] == 700_000_000
    assert years[("Dự án 3 / Tiểu dự án 1", 2023)] == 380_000_000


def test_stated_total_is_not_added_to_its_parts(db):
    [row] = by_path(db, "v_budget_by_document", "synthetic/15")
    assert row["planned_vnd"] == 400_000_000


def test_stated_total_counts_when_the_plan_has_no_parts(db):
    [row] = by_path(db, "v_budget_by_document", "synthetic/21")
    assert row["planned_vnd"] == 250_000_000


def test_poverty_by_place_actual_and_planned(db):
    rows = store.query(db, "select * from v_poverty_by_place where place = ? order by year, category", ["Cao Lâu"])
    poor = {r["year"]: r for r in rows if r["category"] == "poor"}
    # 000: 163 poor households (18,34%) in 2022, 81 (8,90%) in 2023 after a reduction of 82.
    assert (poor[2022]["actual_households"], poor[2022]["actual_rate_percent"]) == (163, 18.34)
    assert (poor[2023]["actual_households"], poor[2023]["actual_reduction_households"]) == (81, 82)
    [planned] = store.query(
        db, "select * from v_poverty_by_place where place = ? and year = 2024 and category = 'poor'", ["Cẩm Bình"]
    )
    assert (planned["planned_reduction_households"], planned["planned_reduction_points"]) == (23, 0.91)


def test_findings_by_document(db):
    counts = {Path(r["path"]).name[:3]: (r["errors"], r["warnings"]) for r in by_path(db, "v_findings_by_document", "corpus/")}
    assert counts["004"][0] >= 1 and counts["003"] == (0, 0)


def test_compare_budget_per_poor_household(db):
    rows = {r["place"]: r for r in store.query(db, "select * from v_compare_places")}
    assert rows["Hòa Bình"]["planned_vnd_per_poor_household"] == 10_000_000  # 400 triệu / 40 hộ
    assert rows["Tân Lập"]["planned_vnd_per_poor_household"] == 5_000_000  # 250 triệu / 50 hộ
    assert (rows["Cao Lâu"]["base_year"], rows["Cao Lâu"]["poor_households_base_year"]) == (2023, 81)
    assert rows["Cẩm Bình"]["errors"] >= 1


def test_views_are_recreated_when_their_definition_changes(tmp_path):
    db = store.open_db(tmp_path / "old.db")
    db.execute("drop view v_findings_by_document")
    db.execute("create view v_findings_by_document as select 1 as stale")
    db.conn.commit()
    db.close()
    db = store.open_db(tmp_path / "old.db")
    assert "errors" in store.column_names(db, "v_findings_by_document")
    store.open_db(tmp_path / "old.db")  # idempotent: a second open changes nothing
    names = [r["name"] for r in store.query(db, "select name from sqlite_master where type = 'view'")]
    assert sorted(names) == sorted(views.VIEWS)


def test_indexes_exist(db):
    indexed = set()
    for table in ("documents", "budget_items", "poverty_stats", "findings"):
        for index in store.query(db, f"pragma index_list([{table}])"):
            columns = tuple(r["name"] for r in store.query(db, f"pragma index_info([{index['name']}])"))
            indexed.add((table, columns))
    for wanted in [("documents", ("plan_year",)), ("documents", ("issuer_level",)),
                   ("budget_items", ("component", "year")), ("poverty_stats", ("category", "year")),
                   ("findings", ("severity",))]:
        assert wanted in indexed


def test_every_column_has_a_vietnamese_label(db):
    for name in store.table_names(db):
        missing = [c for c in store.column_names(db, name) if c not in COLUMN_LABELS]
        assert not missing, (name, missing)
        assert len(SHEET_NAMES[name]) <= 31


@pytest.mark.parametrize(("column", "label"), COLUMN_EXAMPLES)
def test_column_label_examples(column, label):
    assert COLUMN_LABELS[column] == label


def _plan(tmp_path, name, upper, issued, poor, path):
    text = PLAN.format(upper=upper, name=name, number=7, poor=poor, rate="4,00", budget=ONLY_TOTAL)
    return extract_text(text.replace("ngày 10 tháng 01", issued), path=str(tmp_path / path))


def test_compare_keeps_the_latest_plan_of_a_place_whatever_its_spelling(tmp_path):
    db = store.open_db(tmp_path / "plans.db")
    store.save(db, _plan(tmp_path, "Hòa Bình", "HÒA BÌNH", "ngày 10 tháng 01", 50, "a.txt"))
    store.save(db, _plan(tmp_path, "Hoà Bình", "HOÀ BÌNH", "ngày 20 tháng 3", 25, "b.txt"))  # new tone placement
    [row] = store.query(db, "select * from v_compare_places")
    assert (Path(row["path"]).name, row["planned_vnd_per_poor_household"]) == ("b.txt", 10_000_000)
    # The later plan's file changes to another commune: the earlier plan is the latest again.
    store.save(db, _plan(tmp_path, "Tân Lập", "TÂN LẬP", "ngày 20 tháng 3", 25, "b.txt"))
    rows = {r["place"]: Path(r["path"]).name for r in store.query(db, "select * from v_compare_places")}
    assert rows == {"Hòa Bình": "a.txt", "Tân Lập": "b.txt"}


def test_summary_follows_every_save(tmp_path):
    db = store.open_db(tmp_path / "plans.db")
    store.save(db, _plan(tmp_path, "Hòa Bình", "HÒA BÌNH", "ngày 10 tháng 01", 50, "a.txt"))
    changed = _plan(tmp_path, "Hòa Bình", "HÒA BÌNH", "ngày 10 tháng 01", 40, "a.txt")
    store.save(db, changed)
    [row] = store.query(db, "select document_id, poor_households_base_year from document_summary")
    assert (row["document_id"], row["poor_households_base_year"]) == (changed.id, 40)


def test_a_summary_made_by_other_definitions_is_rebuilt_and_an_up_to_date_one_is_not_touched(tmp_path):
    db = store.open_db(tmp_path / "plans.db")
    store.save(db, _plan(tmp_path, "Hòa Bình", "HÒA BÌNH", "ngày 10 tháng 01", 50, "a.txt"))
    db.execute("delete from document_summary")
    db.execute("pragma user_version = 1")
    db.conn.commit()
    db.close()
    db = store.open_db(tmp_path / "plans.db")
    assert [r["place"] for r in store.query(db, "select place from v_compare_places")] == ["Hòa Bình"]
    db.close()
    db = store.open_db(tmp_path / "plans.db")
    assert db.conn.total_changes == 0  # reading an up-to-date database writes nothing


# --- the summary tables give the views the rows the unmaterialised SQL gave --------------------------

# The views as they were before the summary tables (computed from the source tables at every query),
# kept as the reference: each view must give exactly these rows.
_PLACE = ("coalesce(case d.issuer_level when 'xa' then d.commune when 'huyen' then d.district "
          "when 'tinh' then d.province end, d.commune, d.district, d.province)")
_KIND_SUMS = ", ".join(f"sum(case when l.kind = '{k}' then l.amount_vnd end) as {k}_vnd"
                       for k in ("planned", "allocated", "spent", "prior_result", "other"))
REFERENCE_VIEWS = {
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
    "v_budget_by_document": f"""select d.id as document_id, d.path, d.issuer_level, d.province, d.district,
  d.commune, {_PLACE} as place, d.plan_year, {_KIND_SUMS},
  (select max(t.amount_vnd) from budget_items t where t.document_id = d.id and t.kind = 'planned'
     and t.is_total = 1 and t.component is null) as stated_planned_total_vnd,
  (select count(*) from ref_v_budget_lines x where x.document_id = d.id) as items
from documents d left join ref_v_budget_lines l on l.document_id = d.id
group by d.id""",
    "v_budget_by_component": f"""select d.id as document_id, d.path, d.issuer_level, d.province, d.district,
  d.commune, {_PLACE} as place, d.plan_year, l.component, {_KIND_SUMS}, count(*) as items
from ref_v_budget_lines l join documents d on d.id = l.document_id
group by d.id, l.component""",
    "v_budget_by_component_year": f"""select l.component, l.year, {_KIND_SUMS},
  count(distinct l.document_id) as documents, count(*) as items
from ref_v_budget_lines l
group by l.component, l.year""",
    "v_poverty_by_document": f"""select d.id as document_id, d.issuer_level, d.province, d.district, d.commune,
  {_PLACE} as place, d.plan_year, coalesce(p.year, d.plan_year - 1 + p.planned) as year, p.category,
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
from ref_v_poverty_by_document
group by issuer_level, province, district, commune, place, year, category""",
    "v_findings_by_document": f"""select d.id as document_id, d.path, d.issuer_level, {_PLACE} as place, d.plan_year,
  (select count(*) from findings f where f.document_id = d.id and f.severity = 'error') as errors,
  (select count(*) from findings f where f.document_id = d.id and f.severity = 'warning') as warnings,
  (select count(*) from findings f where f.document_id = d.id) as findings
from documents d""",
    "v_poverty_base": """select * from (select v.*, row_number() over (partition by v.document_id, v.category
    order by v.year desc) as rank
  from ref_v_poverty_by_document v
  where (v.actual_households is not null or v.actual_rate_percent is not null) and v.year <= v.plan_year)
where rank = 1""",
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
  from ref_v_poverty_by_document v)
group by document_id""",
}


def _create_reference_views(db) -> None:
    for name, sql in REFERENCE_VIEWS.items():
        db.execute(f"create temp view if not exists ref_{name} as {sql}")


def _rows(db, sql):
    cursor = db.execute(sql)
    columns = [c[0] for c in cursor.description]
    return columns, sorted(cursor.fetchall(), key=repr)


def _assert_views_match_the_reference(db) -> None:
    _create_reference_views(db)
    for name in REFERENCE_VIEWS:
        columns, rows = _rows(db, f"select * from {name}")
        expected_columns, expected = _rows(db, f"select * from ref_{name}")
        assert columns == expected_columns, name
        assert rows == expected, name
    # v_compare_places: per place and plan year the latest plan, with the reference pivot's figures.
    compare = {r[0]: r for r in db.execute(
        "select document_id, base_year, poor_households_base_year, poor_rate_percent, near_poor_rate_percent,"
        " planned_poor_reduction_points, planned_near_poor_reduction_points, planned_vnd from v_compare_places")}
    for document_id, row in compare.items():
        pivot = db.execute("select base_year, poor_households_base_year, poor_rate_percent, near_poor_rate_percent,"
                           " planned_poor_reduction_points, planned_near_poor_reduction_points"
                           " from ref_v_poverty_pivot where document_id = ?", [document_id]).fetchone()
        planned = db.execute("select planned_vnd from ref_v_budget_by_document where document_id = ?",
                             [document_id]).fetchone()
        assert row[1:] == (*(pivot or (None,) * 6), planned[0]), document_id


def _generated_plans(count: int):
    from extractor.benchmark.plan import make_plan
    from extractor.benchmark.render import render_txt

    for index in range(count):
        text = render_txt(make_plan(7, index)).decode("utf-8")
        yield extract_text(text, path=f"generated/plan_{index:03d}.txt")


@pytest.fixture(scope="module")
def mixed_db(tmp_path_factory):
    """The corpus, the synthetic plans and 40 generated plans (places, years, components and kinds vary)."""
    db = build_db(tmp_path_factory.mktemp("mixed") / "plans.db")
    for document in _generated_plans(40):
        store.save(db, document)
    return db


def test_every_view_gives_the_rows_of_the_unmaterialised_sql(mixed_db):
    counts = {name: len(store.query(mixed_db, f"select * from {name}")) for name in views.VIEWS}
    assert counts["v_budget_lines"] > 100 and counts["v_poverty_by_document"] > 80 and counts["v_poverty_base"] > 40
    _assert_views_match_the_reference(mixed_db)


def test_views_match_the_reference_on_odd_rows_written_by_sql(tmp_path):
    # Rows no extraction makes but a database may hold: no plan year, no years, equal grand totals,
    # a component's subtotal beside its parts, twice the same figure, a village row.
    db = build_db(tmp_path / "odd.db")
    [(doc,)] = db.execute("select id from documents where path = 'synthetic/15.txt'").fetchall()
    with store.writing(db):
        db.execute("insert into documents (id, path, status, issuer_level, commune, district) "
                   "values ('odd', 'odd.txt', 'ok', 'xa', 'Tân Lập', 'Cao Lộc')")
        budget = "insert into budget_items (document_id, component, kind, is_total, year, amount_vnd) values "
        db.execute(budget + "('odd', null, 'planned', 1, null, 500), ('odd', null, 'planned', 1, null, 500), "
                   "('odd', 'Dự án 1', 'spent', 1, 2024, 70), ('odd', 'Dự án 1', 'spent', 0, 2024, 30), "
                   "('odd', 'Dự án 1', 'spent', 0, null, 40), ('odd', null, 'other', 0, 2023, null)")
        db.execute(budget + f"('{doc}', 'Dự án 2', 'allocated', 0, 2026, 9)")
        poverty = ("insert into poverty_stats (document_id, category, measure, year, village, households, "
                   "rate_percent, planned) values ")
        db.execute(poverty + "('odd', 'poor', 'level', null, null, 12, 1.5, 0), "
                   "('odd', 'poor', 'level', 2023, null, 14, 1.7, 0), ('odd', 'poor', 'level', 2023, null, 15, 1.6, 0), "
                   "('odd', 'near_poor', 'reduction', null, null, 3, 0.3, 1), "
                   "('odd', 'poor', 'level', 2023, 'Thôn Chợ', 99, 9.9, 0)")
        db.execute(poverty + f"('{doc}', 'poor', 'level', 2020, null, 80, 8.0, 0)")
    store.rebuild_summaries(db)
    _assert_views_match_the_reference(db)
    rows = store.query(db, "select * from v_budget_lines where document_id = 'odd' order by budget_item_id")
    assert [(r["kind"], r["amount_vnd"]) for r in rows] == [("planned", 500), ("spent", 30), ("spent", 40)]


# --- the summary tables stay in step with the documents -----------------------------------------------


def _summary(db) -> dict[str, list[tuple]]:
    return {name: sorted(db.execute(f"select * from [{name}]").fetchall(), key=repr) for name in views.SUMMARY_TABLES}


def _assert_in_step(db) -> dict[str, list[tuple]]:
    """The summary rows written document by document equal the rows rebuilt from every document."""
    kept = _summary(db)
    orphans = {name: db.execute(f"select count(*) from [{name}] where document_id not in (select id from documents)"
                                ).fetchone()[0] for name in views.SUMMARY_TABLES}
    assert orphans == dict.fromkeys(views.SUMMARY_TABLES, 0)
    store.rebuild_summaries(db)
    assert _summary(db) == kept
    _assert_views_match_the_reference(db)
    return kept


def test_summary_tables_follow_save_replace_and_prune(tmp_path):
    db = store.open_db(tmp_path / "plans.db")
    first = _plan(tmp_path, "Hòa Bình", "HÒA BÌNH", "ngày 10 tháng 01", 50, "a.txt")
    store.save(db, first)
    store.save(db, _plan(tmp_path, "Tân Lập", "TÂN LẬP", "ngày 20 tháng 3", 25, "b.txt"))
    saved = _assert_in_step(db)
    assert all(saved.values()), {name: len(rows) for name, rows in saved.items()}

    # The same path with changed content: the old document's rows go, the new figures come.
    changed = extract_text(PLAN.format(upper="HÒA BÌNH", name="Hòa Bình", number=7, poor=40, rate="4,00",
                                       budget=PARTS), path=str(tmp_path / "a.txt"))
    store.save(db, changed)
    _assert_in_step(db)
    for name in views.SUMMARY_TABLES:
        assert not db.execute(f"select 1 from [{name}] where document_id = ?", [first.id]).fetchall(), name
    [base] = store.query(db, "select * from v_poverty_base where document_id = ? and category = 'poor'", [changed.id])
    assert (base["year"], base["actual_households"]) == (2024, 40)
    components = store.query(db, "select component, planned_vnd from v_budget_by_component where document_id = ?"
                             " order by component", [changed.id])
    assert [(r["component"], r["planned_vnd"]) for r in components] == [
        ("Dự án 2", 300_000_000), ("Dự án 4", 100_000_000)]

    # Pruned (kehoach extract --prune): the document's rows go from every summary table.
    store.forget(db, [str(tmp_path / "b.txt")])
    _assert_in_step(db)
    assert {r["document_id"] for r in store.query(db, "select document_id from document_poverty")} == {changed.id}
    assert {r["document_id"] for r in store.query(db, "select document_id from document_budget")} == {changed.id}
    assert {r["document_id"] for r in store.query(db, "select document_id from counted_budget_items")} == {changed.id}


def test_summary_tables_are_rebuilt_when_their_definitions_change(tmp_path):
    db = build_db(tmp_path / "plans.db")
    before = _summary(db)
    with store.writing(db):
        db.execute("delete from document_poverty")
        db.execute("update document_budget set planned_vnd = 1")
        db.execute("drop table counted_budget_items")
        db.execute("pragma user_version = 1")
    db.close()
    db = store.open_db(tmp_path / "plans.db")
    assert db.execute("pragma user_version").fetchone()[0] == views.SUMMARY_VERSION
    assert _summary(db) == before
    _assert_views_match_the_reference(db)


def test_the_scale_benchmark_copies_plans_to_other_places_and_years_and_the_views_follow(tmp_path):
    from extractor.benchmark.scale import build_base, build_scale

    build_base(tmp_path, 3, seed=1, jobs=1, log=lambda _message: None)
    built = build_scale(tmp_path, 12, seed=1, log=lambda _message: None)
    assert built["rows"]["documents"] == 12
    db = store.open_db(tmp_path / "scale.db")
    rows = store.query(db, "select d.id, d.path, s.place, d.plan_year from documents d join document_summary s"
                           " on s.document_id = d.id order by id")
    assert len({r["id"] for r in rows}) == len({r["path"] for r in rows}) == 12
    assert len({r["place"] for r in rows}) > 6 and {r["plan_year"] for r in rows} <= set(range(2021, 2027))
    # A copy's budget and poverty years moved with its plan year.
    moved = store.query(db, "select d.plan_year - o.plan_year as by, b.year - ob.year as budget_by"
                            " from documents d join documents o on d.id like o.id || '-%'"
                            " join budget_items b on b.document_id = d.id"
                            " join budget_items ob on ob.document_id = o.id and ob.rowid = ("
                            "   select min(rowid) from budget_items where document_id = o.id) "
                            " where b.rowid = (select min(rowid) from budget_items where document_id = d.id)")
    assert len(moved) == 9 and all(r["by"] == r["budget_by"] for r in moved)
    _assert_views_match_the_reference(db)
