"""Findings to review: checked from files, or read back from a database, one Review per document."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from extractor import store
from extractor.batch import discover
from extractor.errors import UnreadableFile
from extractor.pipeline import extract_file
from schemas import Evidence, Finding

CHECKED = ("ok", "not_a_plan")
_SEVERITY = {"error": 0, "warning": 1}


@dataclass
class Review:
    """One document's findings, the text their spans point into, or why it could not be checked."""

    path: str
    status: str  # ok, not_a_plan (checked); needs_ocr, failed (not checked)
    findings: list[Finding] = field(default_factory=list)
    text: str = ""
    message: str | None = None

    @property
    def checked(self) -> bool:
        """True when the document was read and its numbers checked."""
        return self.status in CHECKED

    @property
    def errors(self) -> int:
        """How many error findings the document has."""
        return sum(found.severity == "error" for found in self.findings)


def review_files(paths: Iterable[Path | str]) -> list[Review]:
    """Extract and check every .txt/.docx/.pdf under ``paths`` (no database); a bad file is a Review too."""
    return [_review_file(path) for path in discover(paths)]


def _review_file(path: Path) -> Review:
    try:
        document = extract_file(path)
    except OSError as error:
        return Review(str(path), "failed", message=f"{path}: cannot be opened ({error.strerror or error})")
    except UnreadableFile as error:
        return Review(str(path), "failed", message=str(error))
    except Exception as error:  # noqa: BLE001 (a bug of ours must not hide the other files' findings)
        return Review(str(path), "failed",
                      message=f"{path}: internal error {type(error).__name__}: {error}; please report it with this file")
    return Review(document.path, document.status, sorted(document.findings, key=finding_order),
                  document.text, document.message)


def review_db(db_path: Path | str) -> list[Review]:
    """Every document stored in a kehoach database with its stored findings, and every recorded failure."""
    db = store.open_db(db_path)
    try:
        by_document: dict[str, list[Finding]] = {}
        for row in store.stored_findings(db):
            by_document.setdefault(row["document_id"], []).append(finding_from_row(row))
        reviews = [
            Review(row["path"], row["status"], sorted(by_document.get(row["id"], []), key=finding_order),
                   row["text"] or "", row["message"])
            for row in store.stored_documents(db)
        ]
        reviews += [Review(row["path"], "failed", message=row["reason"]) for row in store.stored_failures(db)]
    finally:
        db.close()
    return sorted(reviews, key=lambda review: review.path)


def finding_from_row(row: dict[str, Any]) -> Finding:
    """A Finding from a row of the ``findings`` table (evidence: the JSON list of every span)."""
    if row.get("evidence"):
        spans = [Evidence(**span) for span in json.loads(row["evidence"])]
    elif row.get("raw") is not None:
        spans = [Evidence(start=row["char_start"], end=row["char_end"], page=row["page"], raw=row["raw"])]
    else:
        spans = []
    return Finding(
        rule=row["rule"], severity=row["severity"], message=row["message"],
        stated=_decimal(row["stated"]), expected=_decimal(row["expected"]), tolerance=_decimal(row["tolerance"]),
        evidence=spans,
    )


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def finding_order(found: Finding) -> tuple[int, int, str]:
    """Errors first, then in reading order (the stated value's offset), then by rule."""
    return (_SEVERITY[found.severity], found.evidence[0].start if found.evidence else 0, found.rule)


def exit_status(reviews: list[Review]) -> int:
    """1 when a document has an error finding or could not be checked (the review is incomplete), else 0."""
    return int(any(review.errors or not review.checked for review in reviews))


def reviews_json(reviews: list[Review]) -> str:
    """The reviews as a JSON list of {path, status, message, findings: [Finding as JSON]}."""
    return json.dumps(
        [
            {
                "path": review.path,
                "status": review.status,
                "message": review.message,
                "findings": [found.model_dump(mode="json") for found in review.findings],
            }
            for review in reviews
        ],
        ensure_ascii=False,
        indent=2,
    )
