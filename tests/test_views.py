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
