"""read -> parse -> PlanDocument: the whole extraction of one file, on one screen."""

from __future__ import annotations

import hashlib
from pathlib import Path

from extractor import __version__
from extractor.checks import check
from extractor.errors import NeedsOcr
from extractor.limits import DEFAULT_LIMITS, Limits
from extractor.parsers.budgets import parse_budgets
from extractor.parsers.header import parse_header
from extractor.parsers.households import parse_households
from extractor.parsers.poverty import parse_poverty
from extractor.parsers.references import parse_references
from extractor.parsers.tables import parse_tables
from extractor.parsers.targets import parse_targets
from extractor.readers import read, read_bytes
from extractor.readers.txt import text_source
from extractor.text import SourceText
from schemas import PlanDocument


def extract_file(path: Path | str, data: bytes | None = None, *, limits: Limits = DEFAULT_LIMITS) -> PlanDocument:
    """Extract one .txt/.docx/.pdf file; unreadable input (or over ``limits``) raises UnreadableFile naming the file."""
    path = Path(path)
    if data is None:
        data = read_bytes(path, limits)
    document_id = hashlib.sha256(data).hexdigest()
    fmt = path.suffix.lower().lstrip(".")
    try:
        source = read(path, data, limits=limits)
    except NeedsOcr as error:
        return PlanDocument(
            id=document_id, path=str(path), format=fmt, status="needs_ocr", message=str(error),
            extractor_version=__version__, text="",
        )
    return extract_source(source, document_id=document_id, path=str(path), fmt=fmt)


def extract_text(text: str, *, path: str = "<text>") -> PlanDocument:
    """Extract a plan from a string (tests, other front ends), normalised as a .txt file is."""
    source = text_source(text)
    document_id = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return extract_source(source, document_id=document_id, path=path, fmt="txt")


def extract_source(source: SourceText, *, document_id: str, path: str, fmt: str) -> PlanDocument:
    """Run every parser over one normalised text."""
    header = parse_header(source)
    tables = parse_tables(source)
    document = PlanDocument(
        id=document_id,
        path=path,
        format=fmt,
        status="ok",
        extractor_version=__version__,
        text=source.text,
        legacy_encoding=source.legacy_encoding,
        page_starts=list(source.page_starts),
        header=header,
        references=parse_references(source),
        budget_items=parse_budgets(source),
        targets=parse_targets(source),
        poverty_stats=parse_poverty(source, tables),
        households=parse_households(source, tables),
        tables=tables,
    )
    if header.doc_type is None and not _has_content(document):
        document.status = "not_a_plan"
        document.message = (
            f"{path}: no KẾ HOẠCH heading and nothing a plan states (references, budgets, targets, poverty figures) "
            "was found; if it is a plan, check that it is the whole document and report it with this file"
        )
    document.findings = check(document)
    return document


def _has_content(document: PlanDocument) -> bool:
    return bool(document.references or document.budget_items or document.targets or document.poverty_stats)
