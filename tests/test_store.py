"""The SQLite store: idempotent re-runs, replaced files, failures kept, one transaction a document."""

import sqlite3

import pytest

from extractor import store, views
from extractor.batch import discover, extract_into
from extractor.pipeline import extract_text


def _counts(db_path):
    conn = sqlite3.connect(db_path)
    try:
        return {name: conn.execute(f"select count(*) from [{name}]").fetchone()[0] for name in store.TABLES}
    finally:
        conn.close()


def test_schema_exists_on_an_empty_database(tmp_path):
    db = store.open_db(tmp_path / "empty.db")
    assert set(store.TABLES) <= set(db.table_names())
    assert db.journal_mode == "wal"
    assert "plan_year" in db["documents"].columns_dict


def test_rerun_on_the_same_files_changes_nothing(small_plan, tmp_path):
    db_path = tmp_path / "plans.db"
    first = extract_into(db_path, list(discover([small_plan.parent])))
    before = _counts(db_path)
    second = extract_into(db_path, list(discover([small_plan.parent])))
    assert (first.read, second.read, second.unchanged) == (1, 0, 1)
    assert _counts(db_path) == before


def test_a_changed_file_replaces_its_old_rows(small_plan, tmp_path):
    db_path = tmp_path / "plans.db"
    extract_into(db_path, [small_plan])
    small_plan.write_text(small_plan.read_text(encoding="utf-8").replace("Số: 12/KH", "Số: 13/KH"), encoding="utf-8")
    extract_into(db_path, [small_plan])
    conn = sqlite3.connect(db_path)
    rows = conn.execute("select path, number from documents").fetchall()
    orphans = {
        name: conn.execute(f"select count(*) from [{name}] where document_id not in (select id from documents)").fetchone()[0]
        for name in ["document_fields", *views.SUMMARY_TABLES]
    }
    assert len(rows) == 1 and orphans == dict.fromkeys(orphans, 0)
    summarised = {name: conn.execute(f"select count(*) from [{name}]").fetchone()[0] for name in views.SUMMARY_TABLES}
    assert summarised == {"counted_budget_items": 1, "document_budget": 1, "document_poverty": 1, "document_summary": 1}


def test_a_bad_file_is_recorded_and_the_run_goes_on(small_plan, tmp_path):
    bad = small_plan.parent / "old.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0 not really word")
    db_path = tmp_path / "plans.db"
    summary = extract_into(db_path, [bad, small_plan])
    assert summary.read == 1 and summary.failed == 1
    _path, reason = summary.failures[0]
    assert "old.doc" in reason and "save it as .docx" in reason
    conn = sqlite3.connect(db_path)
    assert conn.execute("select count(*) from failures where path = ?", [str(bad)]).fetchone()[0] == 1


def test_a_failed_save_leaves_no_half_written_document(tmp_path, monkeypatch):
    db = store.open_db(tmp_path / "plans.db")
    document = extract_text("KẾ HOẠCH\nSố: 5/KH-UBND\nCăn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022;")
    original = store.rows_of

    def failing_rows(table, doc):
        if table == "table_rows":
            raise RuntimeError("disk full")
        return original(table, doc)

    monkeypatch.setattr(store, "rows_of", failing_rows)
    with pytest.raises(RuntimeError):
        store.save(db, document)
    assert db["documents"].count == 0 and db["document_fields"].count == 0


def test_every_row_keeps_its_evidence(small_plan, tmp_path):
    db_path = tmp_path / "plans.db"
    extract_into(db_path, [small_plan])
    conn = sqlite3.connect(db_path)
    text = conn.execute("select text from documents").fetchone()[0]
    spans = conn.execute("select char_start, char_end, raw from document_fields").fetchall()
    assert spans, "the header of the small plan has located fields"
    for start, end, raw in spans:
        assert text[start:end] == raw


def test_poverty_rows_say_planned_comparator_and_origin(small_plan, tmp_path):
    db_path = tmp_path / "plans.db"
    extract_into(db_path, [small_plan])
    conn = sqlite3.connect(db_path)
    rows = conn.execute("select category, rate_text, planned, comparator, origin from poverty_stats").fetchall()
    # '- Tỷ lệ hộ nghèo giảm xuống dưới 3% vào cuối năm 2025.' under 'I. MỤC TIÊU'
    assert rows == [("poor", "3", 1, "below", "text")]


def _stored_paths(db_path):
    conn = sqlite3.connect(db_path)
    try:
        return [row[0] for row in conn.execute("select path from documents union select path from failures order by 1")]
    finally:
        conn.close()


def test_a_removed_file_is_reported_and_pruned_only_when_asked(small_plan, tmp_path):
    from extractor.batch import prune_removed, removed_files

    other = small_plan.parent / "other.txt"
    other.write_text(small_plan.read_text(encoding="utf-8").replace("Số: 12/KH", "Số: 15/KH"), encoding="utf-8")
    broken = small_plan.parent / "broken.doc"
    broken.write_bytes(b"\xd0\xcf\x11\xe0 old word")
    db_path = tmp_path / "plans.db"
    extract_into(db_path, list(discover([small_plan.parent])))
    other.unlink()
    broken.unlink()
    assert removed_files(db_path, [small_plan.parent]) == sorted([str(broken), str(other)])
    assert removed_files(db_path, [tmp_path / "elsewhere"]) == []  # only under the paths given
    assert len(_stored_paths(db_path)) == 3  # reported, not deleted

    assert prune_removed(db_path, removed_files(db_path, [small_plan.parent])) == 2
    assert _stored_paths(db_path) == [str(small_plan)]
    counts = _counts(db_path)
    conn = sqlite3.connect(db_path)
    orphans = sum(
        conn.execute(f"select count(*) from [{name}] where document_id not in (select id from documents)").fetchone()[0]
        for name in [*store.CHILD_TABLES, *views.SUMMARY_TABLES]
    )
    assert orphans == 0 and counts["documents"] == 1


def test_pruning_the_latest_plan_of_a_place_makes_the_previous_one_latest(small_plan, tmp_path):
    from extractor.batch import prune_removed, removed_files

    text = small_plan.read_text(encoding="utf-8")
    later = small_plan.parent / "later.txt"
    later.write_text(text.replace("Số: 12/KH", "Số: 16/KH").replace("ngày 05 tháng 01", "ngày 20 tháng 06"),
                     encoding="utf-8")
    db_path = tmp_path / "plans.db"
    extract_into(db_path, [small_plan, later])

    def latest():
        conn = sqlite3.connect(db_path)
        return conn.execute(
            "select d.path from document_summary s join documents d on d.id = s.document_id where s.is_latest"
        ).fetchall()

    assert latest() == [(str(later),)]
    later.unlink()
    prune_removed(db_path, removed_files(db_path, [small_plan.parent]))
    assert latest() == [(str(small_plan),)]
