"""Bad input never loses data: one run over every kind of bad file beside good plans.

Each bad file must end as a one-line reason naming it and saying what to do (in the run summary
and the failures table), or as a document whose status and message say what it is; the run goes
on, and the good plans beside it load exactly as they do alone.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
from bad_inputs import (
    BAD_INPUTS,
    BILLION_LAUGHS,
    GOOD_SAMPLES,
    BadInput,
    _docx_with,
    copy_good_samples,
    encrypted_pdf,
    make_oversized_txt,
)
from click.testing import CliRunner
from conftest import SMALL_PLAN, values_only

from extractor.batch import discover, extract_into
from extractor.cli import main
from extractor.pipeline import extract_file
from extractor.readers import read
from extractor.store import CHILD_TABLES

def _params(inputs: list[BadInput]) -> list:
    return [pytest.param(bad, id=bad.name) for bad in inputs]


FAILING = [bad for bad in BAD_INPUTS if bad.outcome == "failed"]
STORED = [bad for bad in BAD_INPUTS if bad.outcome != "failed"]
READ_AS_CLEAN = [bad for bad in BAD_INPUTS if bad.outcome == "ok" and bad.legacy is None]
LEGACY = [bad for bad in BAD_INPUTS if bad.legacy]


def _rows_per_table(db_path: Path, document_ids: list[str]) -> dict[str, int]:
    marks = ",".join("?" * len(document_ids))
    with sqlite3.connect(db_path) as conn:
        return {
            table: conn.execute(f"select count(*) from [{table}] where document_id in ({marks})", document_ids).fetchone()[0]
            for table in CHILD_TABLES
        }


def _documents(db_path: Path) -> dict[str, dict]:
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    with conn:
        return {row["path"]: dict(row) for row in conn.execute("select id, path, status, message, legacy_encoding from documents")}


def _failures(db_path: Path) -> dict[str, str]:
    with sqlite3.connect(db_path) as conn:
        return dict(conn.execute("select path, reason from failures"))


@pytest.fixture(scope="module")
def good_alone(tmp_path_factory) -> dict:
    """The good samples run on their own: their ids and rows per table, and the CLI's exit status."""
    folder = tmp_path_factory.mktemp("good")
    copy_good_samples(folder / "in")
    db_path = folder / "good.db"
    result = CliRunner().invoke(main, ["extract", str(folder / "in"), "--db", str(db_path), "--quiet"])
    ids = [row["id"] for row in _documents(db_path).values()]
    output = result.output if isinstance(result.exception, (SystemExit, None.__class__)) else f"{result.exception!r}"
    return {"exit_code": result.exit_code, "output": output, "ids": ids, "rows": _rows_per_table(db_path, ids)}


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory) -> dict:
    """One `kehoach extract` over every bad input beside the good samples."""
    folder = tmp_path_factory.mktemp("mixed")
    inputs = folder / "in"
    copy_good_samples(inputs)
    paths = {bad.name: bad.make(inputs) for bad in BAD_INPUTS}
    db_path = folder / "mixed.db"
    result = CliRunner().invoke(main, ["extract", str(inputs), "--db", str(db_path), "--quiet"])
    return {
        "result": result,
        "paths": paths,
        "documents": _documents(db_path),
        "failures": _failures(db_path),
        "db_path": db_path,
    }


def test_good_samples_alone_load_and_exit_zero(good_alone):
    assert good_alone["exit_code"] == 0, good_alone["output"]
    assert f"{len(GOOD_SAMPLES)} files: {len(GOOD_SAMPLES)} read" in good_alone["output"]
    assert len(good_alone["ids"]) == len(GOOD_SAMPLES)
    assert good_alone["rows"]["budget_items"] > 0 and good_alone["rows"]["households"] > 0


def test_good_samples_load_completely_beside_the_bad_ones(mixed_run, good_alone):
    assert _rows_per_table(mixed_run["db_path"], good_alone["ids"]) == good_alone["rows"]
    statuses = {row["status"] for row in mixed_run["documents"].values() if row["id"] in good_alone["ids"]}
    assert statuses == {"ok"}


def test_a_partial_run_exits_one_and_accounts_for_every_file(mixed_run):
    result = mixed_run["result"]
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1, result.output
    documents, failures = mixed_run["documents"], mixed_run["failures"]
    assert len(documents) + len(failures) == len(GOOD_SAMPLES) + len(BAD_INPUTS)
    assert {str(mixed_run["paths"][bad.name]) for bad in FAILING} <= set(failures)
    total = len(GOOD_SAMPLES) + len(BAD_INPUTS)
    assert f"{total} files: {len(documents)} read" in result.stdout
    assert f"{len(failures)} failed" in result.stdout
    assert result.stderr.count("FAILED ") == len(failures)


@pytest.mark.parametrize("bad", _params(FAILING))
def test_an_unreadable_file_is_one_failure_line_naming_it_and_what_to_do(mixed_run, bad):
    path = str(mixed_run["paths"][bad.name])
    reason = mixed_run["failures"].get(path)
    assert reason is not None, f"{bad.name} not in failures: {sorted(mixed_run['failures'])}"
    assert "\n" not in reason and reason.startswith(path)
    assert "; " in reason, "the reason must go on to say what to do"
    for words in bad.says:
        assert words in reason.lower(), (words, reason)
    assert f"FAILED {reason}" in mixed_run["result"].stderr
    assert path not in mixed_run["documents"]


@pytest.mark.parametrize("bad", _params(STORED))
def test_a_readable_file_is_stored_with_a_status_that_says_what_it_is(mixed_run, bad):
    path = str(mixed_run["paths"][bad.name])
    assert path not in mixed_run["failures"], mixed_run["failures"].get(path)
    document = mixed_run["documents"][path]
    assert document["status"] == bad.outcome
    assert document["legacy_encoding"] == bad.legacy
    if bad.outcome == "ok":
        assert document["message"] is None
    else:
        assert document["message"].startswith(path) and "\n" not in document["message"]
        for words in bad.says:
            assert words in document["message"].lower(), (words, document["message"])


@pytest.mark.parametrize("bad", _params(READ_AS_CLEAN))
def test_odd_encodings_and_line_ends_read_as_the_clean_file_does(tmp_path, bad):
    clean = tmp_path / "clean.txt"
    clean.write_text(SMALL_PLAN, encoding="utf-8")
    odd = extract_file(bad.make(tmp_path))
    assert odd.text == extract_file(clean).text
    assert values_only(odd.model_dump()) == values_only(extract_file(clean).model_dump())


@pytest.mark.parametrize("bad", _params(LEGACY))
def test_a_plan_typed_in_a_legacy_font_is_converted_and_says_so(tmp_path, bad):
    document = extract_file(bad.make(tmp_path))
    assert document.status == "ok" and document.legacy_encoding == bad.legacy
    assert "KẾ HOẠCH" in document.text and "Nguyễn Văn An" in document.text
    assert document.header.doc_type is not None


def test_an_oversized_file_is_refused_before_its_bytes_are_read(tmp_path, monkeypatch):
    big = make_oversized_txt(tmp_path)
    read_paths = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read_paths.append(self) or original(self))
    summary = extract_into(tmp_path / "out.db", list(discover([tmp_path])))
    assert [path for path, _ in summary.failures] == [str(big)]
    assert big not in read_paths
    assert "--max-file-mb" in summary.failures[0][1]


def test_a_doc_file_in_a_folder_is_listed_not_skipped(tmp_path):
    from bad_inputs import make_doc

    doc = make_doc(tmp_path)
    assert list(discover([tmp_path])) == [doc]


def test_xml_entities_in_a_docx_are_not_expanded(tmp_path):
    # &lol2; would be 100 'lol's; python-docx's parser keeps entity references unresolved.
    small = BILLION_LAUGHS.replace(b"&lol9;", b"&lol2;")
    path = _docx_with(tmp_path, "thuc_the.docx", lambda target: target.writestr("word/document.xml", small))
    text = read(path).text
    assert "KẾ HOẠCH" in unicodedata.normalize("NFC", text)
    assert "lol" not in text


def test_the_encrypted_pdf_is_real_encryption(tmp_path):
    # The user password opens it; without a password pdfminer cannot decrypt it.
    path = tmp_path / "khoa.pdf"
    path.write_bytes(encrypted_pdf(b"KE HOACH so 12", user_password=b"matkhau", owner_password=b"chu"))
    with pdfplumber.open(path, password="matkhau") as pdf:
        assert pdf.pages[0].extract_text() == "KE HOACH so 12"


def test_a_pdf_with_only_an_owner_password_is_read(tmp_path):
    # Offices often restrict printing or copying with an owner password; anyone may still open the file.
    path = tmp_path / "han_che.pdf"
    path.write_bytes(encrypted_pdf(b"KE HOACH so 12", user_password=b"", owner_password=b"chu"))
    assert read(path).text == "KE HOACH so 12"
