"""Limits: each one stops the file it is meant to stop, before the work it bounds, and says which option raises it."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from bad_inputs import make_gigabyte_bomb_docx, make_ratio_bomb_docx
from click.testing import CliRunner
from conftest import CORPUS
from helpers import corpus

from extractor.cli import main
from extractor.errors import UnreadableFile
from extractor.limits import DEFAULT_LIMITS, LimitExceeded, Limits
from extractor.pipeline import extract_file
from extractor.readers import read

TXT = CORPUS / "002_42669df7d5de7ac5.txt"
DOCX = CORPUS / "004_c0fdcc1763c22669.docx"
PDF_7_PAGES = CORPUS / "000_2753d8804e160cef.pdf"
SCAN_3_PAGES = CORPUS / "scanned_000_first3pages.pdf"


def _docx_sizes(path: Path) -> tuple[int, int]:
    entries = zipfile.ZipFile(path).infolist()
    return sum(entry.compress_size for entry in entries), sum(entry.file_size for entry in entries)


def _refused(path: Path, limits: Limits) -> str:
    with pytest.raises(LimitExceeded) as caught:
        extract_file(path, limits=limits)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    return message


@pytest.mark.parametrize(
    ("check", "args", "option"),
    [
        ("check_file_size", (51 * 2**20,), "--max-file-mb"),
        ("check_unpacked", (2**20, 300 * 2**20), "--max-unpacked-mb"),
        ("check_parts", (5001,), "do not open it"),
        ("check_pages", (501,), "--max-pdf-pages"),
        ("check_text", (5_000_001,), "--max-text-chars"),
    ],
)
def test_each_default_limit_names_the_file_and_the_option_that_raises_it_or_what_to_do(check, args, option):
    with pytest.raises(LimitExceeded) as caught:
        getattr(DEFAULT_LIMITS, check)("plans/ke_hoach.docx", *args)
    assert str(caught.value).startswith("plans/ke_hoach.docx: ")
    assert option in str(caught.value)
    assert isinstance(caught.value, UnreadableFile)  # the batch records it as a failure, the run goes on


@pytest.mark.parametrize(
    ("check", "at_limit"),
    [("check_file_size", 50 * 2**20), ("check_parts", 5000), ("check_pages", 500), ("check_text", 5_000_000)],
)
def test_a_file_exactly_at_a_limit_passes_and_one_over_it_does_not(check, at_limit):
    getattr(DEFAULT_LIMITS, check)("a.txt", at_limit)
    with pytest.raises(LimitExceeded):
        getattr(DEFAULT_LIMITS, check)("a.txt", at_limit + 1)


def test_the_corpus_is_well_inside_the_default_limits():
    for path in sorted(CORPUS.glob("0*.*")):
        DEFAULT_LIMITS.check_file_size(path, 10 * path.stat().st_size)
        if path.suffix == ".docx":
            packed, unpacked = _docx_sizes(path)
            DEFAULT_LIMITS.check_parts(path, 10 * len(zipfile.ZipFile(path).infolist()))
            DEFAULT_LIMITS.check_unpacked(path, 10 * packed, 10 * unpacked)
            DEFAULT_LIMITS.check_unpacked(path, packed, 5 * unpacked)  # five times as compressible still passes
        elif path.suffix == ".pdf":
            with pdfplumber.open(path) as pdf:
                DEFAULT_LIMITS.check_pages(path, 10 * len(pdf.pages))
        else:
            DEFAULT_LIMITS.check_text(path, 10 * len(path.read_text(encoding="utf-8")))


def test_file_size(tmp_path):
    size = TXT.stat().st_size
    message = _refused(TXT, Limits(max_file_mb=(size - 1) / 2**20))
    assert "--max-file-mb" in message
    assert extract_file(TXT, limits=Limits(max_file_mb=size / 2**20)).status == "ok"


def test_file_size_is_checked_before_the_bytes_are_read(tmp_path, monkeypatch):
    big = tmp_path / "lon.txt"
    with big.open("wb") as file:
        file.truncate(3 * 2**20)  # sparse: no data written
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"{self} was read"))
    with pytest.raises(LimitExceeded, match="--max-file-mb"):
        read(big, limits=Limits(max_file_mb=2))
    with pytest.raises(LimitExceeded, match="--max-file-mb"):
        extract_file(big, limits=Limits(max_file_mb=2))


def test_file_size_is_checked_on_given_bytes_too():
    data = TXT.read_bytes()
    with pytest.raises(LimitExceeded, match="--max-file-mb"):
        read(TXT, data, limits=Limits(max_file_mb=(len(data) - 1) / 2**20))


def test_unpacked_size():
    _, unpacked = _docx_sizes(DOCX)
    message = _refused(DOCX, Limits(max_unpacked_mb=(unpacked - 1) / 2**20))
    assert "--max-unpacked-mb" in message and "940 KB" in message
    assert extract_file(DOCX, limits=Limits(max_unpacked_mb=unpacked / 2**20)).status == "ok"


def test_unpack_ratio():
    packed, unpacked = _docx_sizes(DOCX)
    ratio = unpacked / packed
    assert 10 < ratio < 50  # what Word documents have
    message = _refused(DOCX, Limits(max_ratio=ratio - 1))
    assert "zip bomb" in message and f"{ratio:,.0f} times" in message
    assert extract_file(DOCX, limits=Limits(max_ratio=ratio + 1)).status == "ok"


def test_a_zip_bomb_is_refused_by_its_ratio_under_the_default_limits(tmp_path):
    bomb = make_ratio_bomb_docx(tmp_path)
    packed, unpacked = _docx_sizes(bomb)
    assert unpacked < DEFAULT_LIMITS.max_unpacked_mb * 2**20 and unpacked / packed > DEFAULT_LIMITS.max_ratio
    assert "zip bomb" in _refused(bomb, DEFAULT_LIMITS)


def test_a_gigabyte_zip_bomb_is_refused_by_its_unpacked_size(tmp_path):
    bomb = make_gigabyte_bomb_docx(tmp_path)
    assert _docx_sizes(bomb)[1] > 2**30
    message = _refused(bomb, DEFAULT_LIMITS)
    assert "--max-unpacked-mb" in message and "1024.8 MB" in message


def test_docx_parts_are_counted_from_the_zip_end_record_before_the_directory_is_read(tmp_path, monkeypatch):
    parts = len(zipfile.ZipFile(DOCX).infolist())
    monkeypatch.setattr(zipfile.ZipFile, "infolist", lambda self: pytest.fail("the directory was read"))
    message = _refused(DOCX, Limits(max_docx_parts=parts - 1))
    assert f"holds {parts} files" in message


def test_unpacked_limits_leave_a_broken_zip_to_the_docx_reader(tmp_path):
    broken = tmp_path / "hong.docx"
    broken.write_bytes(DOCX.read_bytes()[:1000])
    with pytest.raises(UnreadableFile, match="re-save it from Word") as caught:
        read(broken, limits=Limits(max_unpacked_mb=0.001, max_ratio=1))
    assert not isinstance(caught.value, LimitExceeded)


def test_pdf_pages():
    message = _refused(PDF_7_PAGES, Limits(max_pdf_pages=2))
    assert "--max-pdf-pages" in message and "7 pages" in message


def test_a_scan_over_the_page_limit_is_refused_before_its_pages_are_looked_at():
    message = _refused(SCAN_3_PAGES, Limits(max_pdf_pages=2))
    assert "--max-pdf-pages" in message and "3 pages" in message
    assert extract_file(SCAN_3_PAGES, limits=Limits(max_pdf_pages=3)).status == "needs_ocr"


@pytest.mark.parametrize("path", [TXT, DOCX, TXT.with_suffix(".pdf")], ids=lambda path: path.suffix)
def test_text_length_in_every_format(path):
    chars = len(corpus(path.stem, path.suffix.lstrip(".")).text)
    message = _refused(path, Limits(max_text_chars=chars - 1))
    assert "--max-text-chars" in message and f"{chars:,} characters" in message


@pytest.mark.parametrize("path", [TXT, DOCX], ids=lambda path: path.suffix)
def test_text_exactly_at_the_length_limit_is_read(path):
    assert len(read(path, limits=Limits(max_text_chars=len(read(path).text))).text) > 0


@pytest.mark.parametrize(
    ("option", "value", "sample"),
    [
        ("--max-file-mb", "0.001", TXT),
        ("--max-unpacked-mb", "0.5", DOCX),
        ("--max-pdf-pages", "2", PDF_7_PAGES),
        ("--max-text-chars", "100", TXT),
    ],
)
def test_the_cli_options_set_the_limits_and_the_failure_names_the_option(tmp_path, option, value, sample):
    folder = tmp_path / "in"
    folder.mkdir()
    target = folder / sample.name
    target.write_bytes(sample.read_bytes())
    db_path = tmp_path / "out.db"
    result = CliRunner().invoke(main, ["extract", str(folder), "--db", str(db_path), "--quiet", option, value])
    assert result.exit_code == 1, result.output
    with sqlite3.connect(db_path) as conn:
        (reason,) = conn.execute("select reason from failures where path = ?", [str(target)]).fetchone()
    assert reason.startswith(str(target)) and option in reason
    assert f"FAILED {reason}" in result.stderr
