"""Extract many files into one database: discovery, skip-if-unchanged, worker processes with a
time limit per document, failures that never stop a run."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extractor import __version__, store
from extractor.errors import UnreadableFile
from extractor.limits import DEFAULT_LIMITS, Limits
from extractor.pipeline import extract_file
from extractor.readers import SUPPORTED_SUFFIXES, read_bytes
from extractor.workers import TaskFailed, run_in_workers

# Old Word files are listed too, so that each gets a failure that says to save it as .docx
# instead of being passed over in silence.
LISTED_SUFFIXES = (*SUPPORTED_SUFFIXES, ".doc")


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
    """Files to read: given files as they are, folders searched recursively for .txt/.docx/.pdf (and .doc)."""
    for path in map(Path, paths):
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_file() and found.suffix.lower() in LISTED_SUFFIXES and not _is_junk(found):
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
    *,
    limits: Limits = DEFAULT_LIMITS,
    jobs: int = 1,
) -> RunSummary:
    """Extract ``files`` into the database at ``db_path``; a bad file is recorded, never raised.

    Files are read in ``jobs`` worker processes; one that takes longer than ``limits.timeout_s`` is
    stopped and recorded as failed. Only this process writes to the database, one transaction per file.
    """
    db = store.open_db(db_path)
    summary = RunSummary()

    def done(path: Path) -> None:
        if on_file is not None:
            on_file(path)

    def tasks():
        for path in files:
            name_problem = unreadable_name(path)
            if name_problem is not None:
                _fail(db, summary, path, name_problem)
                done(path)
                continue
            data = _read_new(db, path, limits, summary)
            if data is None:
                done(path)
            else:
                yield path, _extract_in_worker, (path, data, limits)

    try:
        for path, outcome in run_in_workers(tasks(), jobs=jobs, timeout_s=limits.timeout_s):
            if isinstance(outcome, store.PreparedDocument):
                _save(db, outcome, path, summary)
            elif isinstance(outcome, TaskFailed):
                advice = "raise --timeout, or report it with this file" if outcome.timed_out else "report it with this file"
                _fail(db, summary, path, f"{path}: {outcome}; {advice}")
            else:
                _fail(db, summary, path, outcome)
            done(path)
    finally:
        db.close()
    return summary


def removed_files(db_path: Path | str, roots: Iterable[Path | str]) -> list[str]:
    """Paths stored in the database, under one of ``roots``, whose file no longer exists."""
    roots = [Path(root) for root in roots]
    db = store.open_db(db_path)
    try:
        stored = store.stored_paths(db)
    finally:
        db.close()
    return [path for path in stored if _is_under(Path(path), roots) and not Path(path).exists()]


def prune_removed(db_path: Path | str, paths: Iterable[str]) -> int:
    """Delete from the database everything stored for ``paths`` (files that were removed)."""
    db = store.open_db(db_path)
    try:
        return store.forget(db, paths)
    finally:
        db.close()


def _is_under(path: Path, roots: list[Path]) -> bool:
    return any(path == root or path.is_relative_to(root) for root in roots)


def _read_new(db, path: Path, limits: Limits, summary: RunSummary) -> bytes | None:
    """The file's bytes when it needs extracting; None when it is unchanged or cannot be read (recorded)."""
    try:
        data = read_bytes(path, limits)
    except UnreadableFile as error:
        _fail(db, summary, path, str(error))
        return None
    except OSError as error:
        _fail(db, summary, path, f"{path}: cannot be opened ({error.strerror or error}); check the path and permissions")
        return None
    if store.is_current(db, hashlib.sha256(data).hexdigest(), __version__):
        summary.unchanged += 1
        return None
    return data


def _extract_in_worker(path: Path, data: bytes, limits: Limits) -> store.PreparedDocument | str:
    """Runs in a worker process: the document's rows, or the one-line reason it could not be read."""
    try:
        # Rows, not the PlanDocument: plain values pickle fast (pydantic's Value[int] does not pickle
        # at all), and building them here leaves the one writer only the writing.
        return store.prepare(extract_file(path, data, limits=limits), size_bytes=len(data))
    except UnreadableFile as error:
        return str(error)
    except Exception as error:  # noqa: BLE001 -- a bug of ours must not stop the other 299 files
        return f"{path}: internal error {type(error).__name__}: {error}; please report it with this file"


def _save(db, prepared: store.PreparedDocument, path: Path, summary: RunSummary) -> None:
    try:
        summary.rows_written += store.save_prepared(db, prepared)
    except store.DatabaseError as error:
        _fail(db, summary, path, f"{path}: could not be saved ({error}); check free disk space and that "
                                 f"nothing else holds the database, then run again")
        return
    summary.read += 1
    summary.by_status[prepared.status] = summary.by_status.get(prepared.status, 0) + 1


def shown(path: Path | str) -> str:
    """The path as text that can be stored and printed: bytes of the name that are not UTF-8 as \\xe9."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def unreadable_name(path: Path | str) -> str | None:
    """Why a file's name cannot be stored or printed as text (bytes that are not UTF-8), or None."""
    if shown(path) == str(path):
        return None
    return (f"{shown(path)}: the file name is not UTF-8 text (copied from a system with another encoding?); "
            "rename the file and run again")


def _fail(db, summary: RunSummary, path: Path, reason: str) -> None:
    name = shown(path)
    summary.failures.append((name, reason))
    try:
        store.record_failure(db, name, reason)
    except store.DatabaseError:
        pass  # the database itself is failing: the reason is still in the run summary
