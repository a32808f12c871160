"""`kehoach check`: findings by document, errors first, every number quoted; JSON; exit status; --db."""

import json
from decimal import Decimal

import pytest
from click.testing import CliRunner

from conftest import CORPUS
from extractor import store
from extractor.cli import main
from extractor.findings_query import Review, exit_status, finding_from_row, finding_order, review_db
from extractor.pipeline import extract_file as real_extract_file
from extractor.report_text import finding_numbers, number_text, quote
from schemas import Evidence, Finding
from synthetic_findings import BUDGET_MESSAGE, PLAN, RATE_MESSAGE, WARNING_MESSAGE, plan_with_findings


@pytest.fixture
def plan_file(tmp_path, monkeypatch):
    """A plan file whose extraction yields the hand-made findings (independent of the rules)."""
    path = tmp_path / "tan_lap_27.txt"
    path.write_text(PLAN, encoding="utf-8")

    def extract(file, data=None):
        if file.suffix != ".txt":
            return real_extract_file(file, data)
        document = plan_with_findings()
        document.path = str(file)
        return document

    monkeypatch.setattr("extractor.findings_query.extract_file", extract)
    return path


def run(*args):
    return CliRunner().invoke(main, ["check", *map(str, args)])


def test_findings_come_errors_first_with_numbers_and_quotes(plan_file):
    result = run(plan_file)
    assert result.exit_code == 1, result.output
    out = result.output
    assert out.startswith(f"{plan_file}: 2 lỗi, 1 cảnh báo\n")
    # Errors in reading order (the rate at I, the budget at II), then the warning.
    assert out.index(RATE_MESSAGE) < out.index(BUDGET_MESSAGE) < out.index(WARNING_MESSAGE)
    assert f"  LỖI [poverty_rate_mismatch] {RATE_MESSAGE}\n      ghi: 6,40; các số khác cho: 6,00; sai số cho phép: ±0,005\n" in out
    assert "CẢNH BÁO [households_exceed_total]" in out
    # Every number of a finding quoted with the text around it, cut at whole words, on one line.
    assert "1. (ký tự 308) …năm 2024 còn 75 hộ nghèo, chiếm tỷ lệ «6,40%»; 40 hộ cận nghèo, chiếm 3,20%. Ghi…" in out
    assert "«1.250 hộ»" in out and "«75 hộ»" in out
    assert "2. (ký tự 506) …đó: 1. Dự án 2: Đa dạng hóa sinh kế: «300 triệu đồng». 2. Dự án 4:" in out
    assert out.rstrip().endswith("1 tài liệu: 1 có lỗi, 0 không kiểm tra được; tổng cộng 2 lỗi, 1 cảnh báo")


def test_warnings_alone_do_not_fail(plan_file, monkeypatch):
    def only_warning(file, data=None):
        document = plan_with_findings()
        document.path = str(file)
        document.findings = [f for f in document.findings if f.severity == "warning"]
        return document

    monkeypatch.setattr("extractor.findings_query.extract_file", only_warning)
    result = run(plan_file)
    assert result.exit_code == 0, result.output
    assert "0 lỗi, 1 cảnh báo" in result.output


def test_json_is_a_list_of_documents_with_their_findings(plan_file):
    result = run(plan_file, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert [entry["path"] for entry in data] == [str(plan_file)] and data[0]["status"] == "ok"
    findings = [Finding.model_validate(item) for item in data[0]["findings"]]
    assert findings == sorted(plan_with_findings().findings, key=finding_order)
    assert data[0]["findings"][0]["stated"] == "6.40" and data[0]["findings"][0]["evidence"][0]["raw"] == "6,40%"


@pytest.mark.parametrize("give", [(), ("path", "db")])
def test_neither_or_both_sources_is_a_usage_error(tmp_path, give):
    plan = tmp_path / "some.txt"
    plan.write_text(PLAN, encoding="utf-8")
    store.open_db(tmp_path / "plans.db").close()
    args = ([str(plan)] if "path" in give else []) + (["--db", str(tmp_path / "plans.db")] if "db" in give else [])
    result = run(*args)
    assert result.exit_code == 2
    assert "PATH... or --db" in result.output


def test_an_unreadable_file_is_reported_and_the_others_still_checked(plan_file):
    bad = plan_file.parent / "cu.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0 old word")
    result = run(bad, plan_file)
    assert result.exit_code == 1
    assert f"{bad}: KHÔNG KIỂM TRA ĐƯỢC (failed): .doc" in result.output and "save it as .docx" in result.output
    assert RATE_MESSAGE in result.output
    assert "2 tài liệu: 1 có lỗi, 1 không kiểm tra được" in result.output


def test_the_database_gives_back_what_extract_stored(tmp_path):
    db_path = tmp_path / "plans.db"
    document = plan_with_findings()
    db = store.open_db(db_path)
    store.save(db, document)
    store.record_failure(db, "xa_khac.doc", "xa_khac.doc: .doc is not supported; save it as .docx")
    db.close()
    reviews = review_db(db_path)
    assert [(review.path, review.status) for review in reviews] == [("tan_lap_27.txt", "ok"), ("xa_khac.doc", "failed")]
    assert reviews[0].findings == sorted(document.findings, key=finding_order)
    assert reviews[0].text == document.text
    result = run("--db", db_path)
    assert result.exit_code == 1
    assert "«6,40%»; 40 hộ cận nghèo" in result.output and "xa_khac.doc: KHÔNG KIỂM TRA ĐƯỢC" in result.output


def test_a_consistent_database_exits_zero(small_plan, tmp_path):
    db_path = tmp_path / "plans.db"
    assert CliRunner().invoke(main, ["extract", str(small_plan), "--db", str(db_path), "--quiet"]).exit_code == 0
    result = run("--db", db_path, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"path": str(small_plan), "status": "ok", "message": None, "findings": []}]


def test_real_rules_find_the_two_poor_rates_of_004():
    # 004 gives the 2024 poor rate as 1,82% (IV.1) and as 1,74% (4.2): the rules must say so.
    result = run(next(CORPUS.glob("004*.txt")))
    assert result.exit_code == 1
    assert "«1,82%»" in result.output and "«1,74%»" in result.output


def test_real_rules_leave_a_consistent_plan_clean():
    path = next(CORPUS.glob("000*.txt"))
    result = run(path)
    assert result.exit_code == 0, result.output
    assert f"{path}: không có phát hiện nào" in result.output


@pytest.mark.parametrize(
    ("text", "needle", "width", "expected"),
    [
        ("còn 46 hộ bằng 1,82% giảm 0,91%", "1,82%", 40, "còn 46 hộ bằng «1,82%» giảm 0,91%"),
        # cut short on both sides: broken words dropped, '…' shown
        ("Phấn đấu giảm tỷ lệ hộ nghèo còn 1,82% vào cuối năm", "1,82%", 12, "…nghèo còn «1,82%» vào cuối…"),
        # PDF line wraps and table tabs become single spaces
        ("giảm\n23 hộ\tnghèo;\n35 hộ", "23 hộ", 40, "giảm «23 hộ» nghèo; 35 hộ"),
        ("Tổng cộng:\t1.728", "1.728", 40, "Tổng cộng: «1.728»"),
        # a span that itself wraps
        ("kinh phí 1.080\ntriệu đồng.", "1.080\ntriệu đồng", 40, "kinh phí «1.080 triệu đồng»."),
        ("1,82%", "1,82%", 40, "«1,82%»"),
    ],
)
def test_quote_shows_the_number_in_its_sentence(text, needle, width, expected):
    start = text.index(needle)
    assert quote(text, Evidence(start=start, end=start + len(needle), raw=needle), width) == expected


def test_quote_of_a_span_that_does_not_match_the_text_shows_the_raw_text_only():
    assert quote("khác hẳn", Evidence(start=0, end=5, raw="18,34"), 40) == "«18,34»"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("6.40"), "6,40"), (Decimal("18.34"), "18,34"), (Decimal(1728), "1.728"),
        (Decimal(500_000_000), "500.000.000"), (Decimal("0.005"), "0,005"), (Decimal("-1.5"), "-1,5"),
        (Decimal("Infinity"), "∞"), (Decimal(0), "0"),
    ],
)
def test_numbers_are_written_the_vietnamese_way_with_their_decimals(value, expected):
    assert number_text(value) == expected


def test_years_are_not_grouped_in_thousands():
    found = Finding(rule="year_contradicts_plan", severity="warning", message="m", stated=2023, expected=2024)
    assert finding_numbers(found) == ["ghi: 2023", "các số khác cho: 2024"]
    assert finding_numbers(found.model_copy(update={"rule": "count_mismatch"}))[0] == "ghi: 2.023"


def test_a_row_without_the_evidence_list_keeps_its_first_span():
    row = {"rule": "r", "severity": "error", "message": "m", "stated": "1.5", "expected": None, "tolerance": "0",
           "char_start": 3, "char_end": 7, "page": 2, "raw": "1,50", "evidence": None}
    found = finding_from_row(row)
    assert found.stated == Decimal("1.5") and found.tolerance == 0 and found.expected is None
    assert found.evidence == [Evidence(start=3, end=7, page=2, raw="1,50")]


@pytest.mark.parametrize(
    ("severities", "status", "expected"),
    [([], "ok", 0), (["warning"], "ok", 0), (["warning", "error"], "ok", 1), ([], "needs_ocr", 1),
     ([], "failed", 1), ([], "not_a_plan", 0)],
)
def test_exit_status(severities, status, expected):
    findings = [Finding(rule="r", severity=severity, message="m") for severity in severities]
    assert exit_status([Review("a.txt", "ok"), Review("b.txt", status, findings)]) == expected
