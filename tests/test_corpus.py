"""The five sample plans in every format: offsets hold, formats agree, golden values match."""

import json
from functools import lru_cache
from pathlib import Path

import pytest

from extractor.pipeline import extract_file, extract_source
from schemas import Evidence

from conftest import CORPUS, SAMPLES, values_only
from helpers import corpus

GOLDEN = Path(__file__).parent / "golden"
FORMATS = ["txt", "docx", "pdf"]


@lru_cache(maxsize=None)
def extraction(stem: str, fmt: str):
    """The whole pipeline on a sample; the reading is shared with other test modules (helpers.corpus)."""
    return extract_source(corpus(stem, fmt), document_id=stem, path=f"{stem}.{fmt}", fmt=fmt)


def _evidence_in(model):
    """Every Evidence object anywhere inside a model."""
    if isinstance(model, Evidence):
        yield model
    elif isinstance(model, list):
        for item in model:
            yield from _evidence_in(item)
    elif hasattr(type(model), "model_fields"):
        for name in type(model).model_fields:
            yield from _evidence_in(getattr(model, name))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("stem", SAMPLES)
def test_every_span_points_at_its_raw_text(stem, fmt):
    document = extraction(stem, fmt)
    spans = list(_evidence_in(document))
    assert spans, "a sample plan yields located values"
    for evidence in spans:
        assert document.text[evidence.start:evidence.end] == evidence.raw
        if fmt == "pdf":
            page_start = document.page_starts[evidence.page - 1]
            page_end = document.page_starts[evidence.page] if evidence.page < len(document.page_starts) else len(document.text)
            assert page_start <= evidence.start <= page_end
        else:
            assert evidence.page is None


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("stem", SAMPLES)
def test_the_same_plan_gives_the_same_extraction_in_every_format(stem, fmt):
    expected = values_only(extraction(stem, "txt").model_dump(mode="json"))
    actual = values_only(extraction(stem, fmt).model_dump(mode="json"))
    for part in expected:
        assert actual[part] == expected[part], f"{stem}.{fmt}: '{part}' differs from the .txt"


@pytest.mark.parametrize("stem", SAMPLES)
def test_golden_values(stem, update_golden):
    actual = values_only(extraction(stem, "txt").model_dump(mode="json"))
    golden = GOLDEN / f"{stem}.json"
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    for part in expected:
        assert actual[part] == expected[part], f"{stem}: '{part}' differs from tests/golden/{stem}.json"


def test_a_scan_without_text_layer_needs_ocr():
    document = extract_file(CORPUS / "scanned_000_first3pages.pdf")
    assert document.status == "needs_ocr"
    assert "OCR" in document.message and document.text == ""
