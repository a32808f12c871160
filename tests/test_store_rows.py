"""The writer's fast path: rows prepared as tuples, summary rows computed in Python, a document saved
again in place. Each gives exactly what the SQL definitions and the plain inserts give."""

import random
import sqlite3
from pathlib import Path

import pytest

from extractor import search, store, views
from extractor.pipeline import extract_file, extract_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PLAN = """ỦY BAN NHÂN DÂN
XÃ HÒA BÌNH
Số: 15/KH-UBND
Hòa Bình, ngày 10 tháng 01 năm 2025

KẾ HOẠCH
Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2025

I. THỰC TRẠNG
Cuối năm 2024, toàn xã có 1.000 hộ, trong đó có 40 hộ nghèo, chiếm tỷ lệ 4,00%.

II. KINH PHÍ
Tổng kinh phí thực hiện năm 2025: 250 triệu đồng.
"""

# --- summary rows: Python (views.summary_rows, written by save) against SQL (views.SUMMARY_SELECTS) ------

_PLACES = [("Lạng Sơn", "Cao Lộc", "Tân Liên"), ("Lạng Sơn", "Cao Lộc", "xã Tân Liên"), ("Hà Giang", None, None),
           (None, "huyện Cao Lộc", None), (None, None, None), ("Lạng Sơn", None, "Hòa Bình")]


def _odd_document(rng: random.Random, index: int) -> store.PreparedDocument:
    """A document with rows no extraction makes but a database may hold: no plan year or level, NULL years
    and amounts, equal grand totals, subtotals beside their parts, the same figure twice, village rows."""
    province, district, commune = rng.choice(_PLACES)
    row = dict.fromkeys(store.TABLES["documents"])
    row.update(
        id=f"doc{index:03d}", path=f"odd/{index:03d}.txt", format="txt", status=rng.choice(["ok", "ok", "partial"]),
        issuer_level=rng.choice([None, "xa", "huyen", "tinh"]), province=province, district=district,
        commune=commune, plan_year=rng.choice([None, 2024, 2025, 2025]),
        issue_date=rng.choice([None, "2025-01", "2025-01-10", "2025-03-02"]),
        extracted_at=rng.choice(["2026-01-01T00:00:00+00:00", "2026-01-02T00:00:00+00:00"]), text="",
    )
    span = (0, 0, None, "", None)
    budget = [
        (row["id"], "nhãn", rng.choice([None, "Dự án 1", "Dự án 2", "Tiểu dự án 1"]),
         rng.choice(["planned", "planned", "spent", "allocated", "other"]), rng.choice([0, 1, 1]),
         rng.choice([None, 2023, 2024, 2025]), None, rng.choice([None, 100, 200, 200, 500]), *span)
        for _ in range(rng.randint(0, 9))
    ]
    poverty = [
        (row["id"], rng.choice(["poor", "poor", "near_poor", "new_poor"]), rng.choice(["level", "reduction"]),
         rng.choice([None, 2022, 2023, 2024, 2025, 2026]), rng.choice([None, None, None, "Thôn A"]),
         rng.choice([None, 10, 12, 40]), rng.choice([None, 1000]), rate, None if rate is None else str(rate),
         rng.choice([0, 1]), None, "text", *span)
        for rate in (rng.choice([None, 1.5, 2.0, 3.25, 4.0]) for _ in range(rng.randint(0, 12)))
    ]
    findings = [
        (row["id"], "rule", rng.choice(["error", "warning", "info"]), "m", None, None, None, *span)
        for _ in range(rng.randint(0, 3))
    ]
    children = {"budget_items": budget, "poverty_stats": poverty, "findings": findings}
    return store.prepared_rows(tuple(row.values()), [], children)


def _per_document(db) -> dict[str, list[tuple]]:
    """Every summary row, by table, in the order written (document by document)."""
    rows = {}
    for name in views.SUMMARY_TABLES:
        order = "budget_item_id" if name == "counted_budget_items" else "rowid"
        rows[name] = db.execute(f"select * from [{name}] order by document_id, {order}").fetchall()
    return rows


def test_summary_rows_computed_in_python_equal_the_sql_definitions(tmp_path):
    rng = random.Random(6)
    db = store.open_db(tmp_path / "odd.db")
    documents = [_odd_document(rng, index) for index in range(300)]
    for prepared in documents:
        store.save_prepared(db, prepared)
    for prepared in documents[::7]:  # saved again: replaced in place, summaries rewritten
        store.save_prepared(db, prepared)
    written = _per_document(db)
    # The random rows reach every branch: counted and left-out totals, base years, NULL plan years.
    assert 0 < len(written["counted_budget_items"]) < db.execute("select count(*) from budget_items").fetchone()[0]
    assert {row[-1] for row in written["document_poverty"]} == {0, 1}
    assert any(row[6] is None for row in written["document_poverty"])
    assert {row[11] for row in written["document_summary"]} == {0, 1}  # is_latest
    store.rebuild_summaries(db)  # the SQL of views.SUMMARY_SELECTS and LATEST_UPDATE, over every document
    assert _per_document(db) == written


def test_summary_rows_of_the_corpus_equal_the_sql_definitions(tmp_path):
    db = store.open_db(tmp_path / "corpus.db")
    for path in sorted(CORPUS.glob("0*.txt")):
        store.save(db, extract_file(path))
    written = _per_document(db)
    assert written["counted_budget_items"] and written["document_poverty"]
    store.rebuild_summaries(db)
    assert _per_document(db) == written


def test_counted_budget_rows_keep_the_rowids_of_their_budget_rows(tmp_path):
    db = store.open_db(tmp_path / "plans.db")
    rng = random.Random(1)
    first, second = _odd_document(rng, 1), _odd_document(rng, 2)
    store.save_prepared(db, first)
    store.save_prepared(db, second)
    store.save_prepared(db, first)  # its budget rows get new rowids after the second document's
    counted = db.execute("select c.budget_item_id, b.rowid, c.amount_vnd, b.amount_vnd, c.label, b.label"
                         " from counted_budget_items c left join budget_items b on b.rowid = c.budget_item_id").fetchall()
    assert counted and all(row[0] == row[1] and row[2] == row[3] and row[4] == row[5] for row in counted)


# --- prepared rows: tuples in the column order of each table -------------------------------------------


def test_prepared_rows_are_tuples_in_column_order():
    document = extract_file(CORPUS / "001_392ebb208e9b84ed.docx")
    prepared = store.prepare(document, size_bytes=123)
    assert len(prepared.document) == len(store.TABLES["documents"])
    named = dict(zip(store.TABLES["documents"], prepared.document))
    assert (named["id"], named["size_bytes"], named["text"]) == (document.id, 123, document.text)
    assert {"budget_items", "document_fields", "doc_references"} <= set(prepared.children)
    for name, rows in prepared.children.items():
        assert rows and all(len(row) == len(store.TABLES[name]) for row in rows), name
    budget = [dict(zip(store.TABLES["budget_items"], row)) for row in prepared.children["budget_items"]]
    assert [(b["amount_vnd"], b["kind"], b["char_start"], b["raw"]) for b in budget] == [
        (i.amount_vnd.value, i.kind, i.evidence.start, i.evidence.raw) for i in document.budget_items]
    fields = {r[1]: r[2] for r in prepared.children["document_fields"]}
    assert fields["so_hieu"] == document.header.so_hieu.value
    assert prepared.row_count == 1 + sum(len(rows) for rows in prepared.children.values())


def test_a_save_that_fails_inside_its_transaction_leaves_the_stored_document_as_it_was(tmp_path):
    db = store.open_db(tmp_path / "plans.db")
    document = extract_text(PLAN, path="plan.txt")
    store.save(db, document)
    before = {name: db.execute(f"select * from [{name}] order by rowid").fetchall()
              for name in [*store.TABLES, *views.SUMMARY_TABLES, "document_places"]}
    good = store.prepare(document)
    # A table row of two columns, written last: SQLite refuses it after every other row was written.
    assert list(good.children)[-1] != "table_rows"
    broken = store.prepared_rows(good.document, good.places, {**good.children, "table_rows": [(document.id, 0)]})
    with pytest.raises(sqlite3.ProgrammingError):
        store.save_prepared(db, broken)
    after = {name: db.execute(f"select * from [{name}] order by rowid").fetchall() for name in before}
    assert after == before
    assert [hit.document_id for hit in search.search(db, "hộ nghèo")] == [document.id]


# --- the same content saved again: the document row is rewritten in place ------------------------------


def _index_pages(db) -> list[tuple]:
    return [*db.execute("select * from documents_fts_data"), *db.execute("select * from documents_fts_fold_data")]


def test_the_same_content_saved_again_leaves_the_full_text_index_as_it_was(tmp_path):
    db = store.open_db(tmp_path / "plans.db")
    document = extract_text(PLAN, path="plan.txt")
    store.save(db, document)
    pages = _index_pages(db)
    rowid = db.execute("select rowid from documents").fetchone()[0]
    store.save(db, document, size_bytes=999)  # a newer extractor version reads the same file again
    assert _index_pages(db) == pages
    assert db.execute("select rowid, size_bytes from documents").fetchall() == [(rowid, 999)]
    assert [hit.document_id for hit in search.search(db, "hộ nghèo")] == [document.id]


def test_a_document_rewritten_with_another_title_is_found_by_its_new_title_only(tmp_path):
    db = store.open_db(tmp_path / "plans.db")
    document = extract_text(PLAN, path="plan.txt")
    store.save(db, document)
    prepared = store.prepare(document)
    columns = store.TABLES["documents"]
    row = list(prepared.document)
    row[list(columns).index("title")] = "Kế hoạch phòng chống lụt bão"
    store.save_prepared(db, store.prepared_rows(tuple(row), prepared.places, prepared.children))
    for fold in (False, True):
        assert [hit.document_id for hit in search.search(db, "lụt bão", fold=fold)] == [document.id]
    for table in (search.EXACT, search.FOLDED):
        titled = f"select count(*) from [{table}] where [{table}] match ?"
        assert db.execute(titled, ['title : "lụt bão"']).fetchone()[0] == 1
        assert db.execute(titled, ['title : "chương trình"']).fetchone()[0] == 0  # the old title's words
        assert db.execute(titled, ['text : "chương trình"']).fetchone()[0] == 1
        db.execute(f"insert into [{table}]([{table}]) values('integrity-check')")


def test_a_database_with_the_old_update_trigger_gets_the_new_one(tmp_path):
    db = store.open_db(tmp_path / "plans.db")
    document = extract_text(PLAN, path="plan.txt")
    store.save(db, document)
    current = db.execute("select name, sql from sqlite_master where type = 'trigger' order by name").fetchall()
    for table in (search.EXACT, search.FOLDED):  # as kehoach made them before: every update re-indexed
        db.execute(f"drop trigger [{table}_au]")
        db.execute(f"create trigger [{table}_au] after update on documents begin"
                   f" insert into [{table}]([{table}], rowid, title, text) values('delete', old.rowid, old.title, old.text);"
                   f" insert into [{table}](rowid, title, text) values(new.rowid, new.title, new.text); end")
    db.close()
    db = store.open_db(tmp_path / "plans.db")
    assert db.execute("select name, sql from sqlite_master where type = 'trigger' order by name").fetchall() == current
    assert "when old.rowid != new.rowid" in dict(current)[f"{search.EXACT}_au"]
    assert [hit.document_id for hit in search.search(db, "hộ nghèo")] == [document.id]


def test_evidence_json_is_what_pydantic_gives():
    from schemas import Evidence

    for evidence in (Evidence(start=3, end=7, raw="hộ n"), Evidence(start=0, end=2, page=4, raw='"\\')):
        assert store._evidence_dict(evidence) == evidence.model_dump()
        assert list(store._evidence_dict(evidence)) == list(evidence.model_dump())
    assert store._json({"a": ["hộ", 1.5, None]}) == '{"a": ["hộ", 1.5, null]}'
