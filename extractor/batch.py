"""Extract many files into one database: discovery, skip-if-unchanged, failures that never stop a run."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extractor import __version__, store
from extractor.errors import UnreadableFile
from extractor.pipeline import extract_file
from extractor.readers import SUPPORTED_SUFFIXES


@dataclass
class RunSummary:
    """What one run did, for the closing summary and the exit status."""

    read: int = 0
    unchanged: int = 0
    rows_written: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)


def discover(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Files to read: given files as they are, folders searched recursively for .txt/.docx/.pdf."""
    for path in map(Path, paths):
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_file() and found.suffix.lower() in SUPPORTED_SUFFIXES and not _is_junk(found):
                    yield found
        else:
            yield path


def _is_junk(path: Path) -> bool:
    # Word leaves '~$name.docx' lock files beside open documents; hidden files are not plans.
    return any(part.startswith((".", "~$")) for part in path.parts[-1:])


def extract_into(
    db_path: Path | str,
    files: list[Path],
    on_file: Callable[[Path], None] | None = None,
) -> RunSummary:
    """Extract ``files`` into the database at ``db_path``; a bad file is recorded, never raised."""
    db = store.open_db(db_path)
    summary = RunSummary()
    try:
        for path in files:
            _extract_one(db, path, summary)
            if on_file is not None:
                on_file(path)
    finally:
        db.close()
    return summary


def _extract_one(db, path: Path, summary: RunSummary) -> None:
    try:
        data = path.read_bytes()
    except OSError as error:
        _fail(db, summary, path, f"{path}: cannot be opened ({error.strerror or error}); check the path and permissions")
        return
    if store.is_current(db, hashlib.sha256(data).hexdigest(), __version__):
        summary.unchanged += 1
        return
    try:
        document = extract_file(path, data)
    except UnreadableFile as error:
        _fail(db, summary, path, str(error))
        return
    except Exception as error:  # a bug of ours must not stop the other 299 files
        _fail(db, summary, path, f"{path}: internal error {type(error).__name__}: {error}; please report it with this file")
        return
    summary.rows_written += store.save(db, document, size_bytes=len(data))
    summary.read += 1
    summary.by_status[document.status] = summary.by_status.get(document.status, 0) + 1


def _fail(db, summary: RunSummary, path: Path, reason: str) -> None:
    summary.failures.append((str(path), reason))
    store.record_failure(db, str(path), reason)
