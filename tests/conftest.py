"""Shared fixtures: the corpus and small plans written into each test's tmp dir."""

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run, so that the suite does not fail at random; with
# KEHOACH_FUZZ_SCALE set (tests/test_fuzz.py) they draw new ones, to look for new failures.
settings.register_profile("kehoach", derandomize="KEHOACH_FUZZ_SCALE" not in os.environ)
settings.load_profile("kehoach")

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SAMPLES = sorted(path.stem for path in CORPUS.glob("0*.txt"))

SMALL_PLAN = """ỦY BAN NHÂN DÂN
XÃ HÒA BÌNH
Số: 12/KH-UBND
Hòa Bình, ngày 05 tháng 01 năm 2025

KẾ HOẠCH
Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2025

Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;

I. MỤC TIÊU
- Tỷ lệ hộ nghèo giảm xuống dưới 3% vào cuối năm 2025.

II. KINH PHÍ
1. Dự án 2: Đa dạng hóa sinh kế
Nguồn vốn thực hiện: Dự kiến 120 triệu đồng.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn An
"""


@pytest.fixture
def small_plan(tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "ke_hoach_12.txt"
    path.parent.mkdir()
    path.write_text(SMALL_PLAN, encoding="utf-8")
    return path


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="Rewrite tests/golden/*.json (review the diff!)")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


DOCUMENT_ONLY = {"text", "page_starts", "id", "path", "format", "message"}


def values_only(data, top=True):
    """A model dump without evidence, or the file's own text, name and format: what must agree across formats."""
    if isinstance(data, dict):
        if set(data) == {"value", "evidence"}:
            return values_only(data["value"], top=False)
        return {
            key: values_only(value, top=False)
            for key, value in data.items()
            if key != "evidence" and not (top and key in DOCUMENT_ONLY)
        }
    if isinstance(data, list):
        return [values_only(item, top=False) for item in data]
    return data
