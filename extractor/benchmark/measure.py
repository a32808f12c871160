"""Timing and memory of one benchmark task over one set of files, each run in a fresh process.

A task runs in its own Python process (this file run by its path with ``--task ...``), so its peak memory is
that process's own: the kernel's high-water mark of its resident memory (``VmHWM`` in /proc/self/status on
Linux, else ``resource.getrusage(RUSAGE_SELF).ru_maxrss``), and for end to end also ``RUSAGE_CHILDREN``
``ru_maxrss`` (the largest of the extraction worker processes, read after they have ended; a forked worker's
resident memory includes the pages it shares with the process that forked it). Times are
wall-clock (``time.perf_counter``), and CPU time (this process's ``time.process_time`` plus its ended worker
processes' user and system time) which a busy machine disturbs less; both after a warm-up on one file outside
the measured set, so that compiling
patterns and loading the place tables once per process is reported apart (``warmup_s``), not spread over
the documents.

Tasks:
- ``end_to_end``: ``extractor.batch.extract_into(db, files, jobs=J)`` into a fresh SQLite file: read,
  extract, check, load, in worker processes as ``kehoach extract`` runs them.
- ``read``: ``extractor.readers.read`` on each file (file to normalised text, no parsing).
- ``raw``: the bare library call that gets the text out: ``bytes.decode`` (.txt), python-docx paragraphs
  and table cells (.docx), pypdfium2's text pages (.pdf).
- ``raw_pdfplumber``: pdfplumber's ``page.extract_text()`` on every page (.pdf only).
- ``stages``: the pipeline in this process with a timer on every step: read, segment (the section tree
  every parser asks for), each parser that ``extractor.pipeline.extract_source`` calls, the document model,
  check, and load (``store.save``).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

TASKS = ("end_to_end", "read", "raw", "raw_pdfplumber", "stages")
_PROJECT_ROOT = Path(__file__).resolve().parents[2]  # so that the measuring process imports this extractor
RAW_NAMES = {"txt": "bytes.decode", "docx": "python-docx", "pdf": "pypdfium2"}


def _peak_rss_mb(who: int) -> float:
    """Peak resident memory in MB (Linux reports ru_maxrss in KB, macOS in bytes).

    For this process Linux's VmHWM is read instead where there is one: ru_maxrss survives exec, so a
    process started from a big parent would report the parent's peak (the orchestrator's, here).
    """
    if who == resource.RUSAGE_SELF:
        try:
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _cpu_seconds() -> float:
    """CPU time of this process and of its ended children (the extraction workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


# --- the tasks, run inside the measuring process -------------------------------------------------------


def _read_kehoach(path: Path) -> int:
    from extractor.readers import read

    return len(read(path, path.read_bytes()).text)


def _raw_txt(path: Path) -> int:
    return len(path.read_bytes().decode("utf-8"))


def _raw_docx(path: Path) -> int:
    import docx

    document = docx.Document(io.BytesIO(path.read_bytes()))
    parts = [paragraph.text for paragraph in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return sum(len(part) for part in parts)


def _raw_pypdfium2(path: Path) -> int:
    import pypdfium2

    chars = 0
    pdf = pypdfium2.PdfDocument(path.read_bytes())
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return chars


def _raw_pdfplumber(path: Path) -> int:
    import pdfplumber

    chars = 0
    with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
        for page in pdf.pages:
            chars += len(page.extract_text() or "")
            page.close()  # drops the page's cached objects, as a long run would
    return chars


_RAW = {".txt": _raw_txt, ".docx": _raw_docx, ".pdf": _raw_pypdfium2}


def _per_file(function, files: list[Path]) -> dict:
    started = time.perf_counter()
    chars = sum(function(path) for path in files)
    return {"seconds": time.perf_counter() - started, "chars": chars}


class StageTimer:
    """Wall-clock and CPU seconds per stage, added up over documents."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str):
        started, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started
            self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - cpu

    def wrap(self, name: str, function):
        def timed(*args, **kwargs):
            with self.stage(name):
                return function(*args, **kwargs)

        return timed


@contextmanager
def timed_pipeline(timer: StageTimer):
    """``extractor.pipeline`` with every parser it calls (its ``parse_*`` names) and ``check`` timed.

    The pipeline's own ``extract_source`` runs, so the stages are exactly what extraction does; a parser
    added to the pipeline shows up as a new stage by itself.
    """
    from extractor import pipeline

    names = [name for name in vars(pipeline) if name.startswith("parse_") and callable(getattr(pipeline, name))]
    names.append("check")
    saved = {name: getattr(pipeline, name) for name in names}
    try:
        for name in names:
            label = name.removeprefix("parse_") if name.startswith("parse_") else name
            setattr(pipeline, name, timer.wrap(label, saved[name]))
        yield pipeline
    finally:
        for name, function in saved.items():
            setattr(pipeline, name, function)


def extract_staged(path: Path, timer: StageTimer, db=None):
    """One file through read, segment, the parsers, check and (with ``db``) load, each step timed.

    Returns the PlanDocument, the same as ``extractor.pipeline.extract_file`` gives.
    """
    from extractor import store
    from extractor.readers import read
    from extractor.sections import segment

    with timed_pipeline(timer) as pipeline:
        with timer.stage("read"):
            data = path.read_bytes()
            document_id = hashlib.sha256(data).hexdigest()
            source = read(path, data)
        with timer.stage("segment"):
            segment(source)  # cached: the parsers that ask for it get this one
        started, cpu = time.perf_counter(), time.process_time()
        before, before_cpu = sum(timer.seconds.values()), sum(timer.cpu.values())
        document = pipeline.extract_source(
            source, document_id=document_id, path=str(path), fmt=path.suffix.lower().lstrip(".")
        )
        # What extract_source does besides the parsers and check: building the document model.
        inside, inside_cpu = sum(timer.seconds.values()) - before, sum(timer.cpu.values()) - before_cpu
        timer.seconds["document"] = timer.seconds.get("document", 0.0) + (time.perf_counter() - started) - inside
        timer.cpu["document"] = timer.cpu.get("document", 0.0) + (time.process_time() - cpu) - inside_cpu
    if db is not None:
        with timer.stage("load"):
            store.save(db, document, size_bytes=len(data))
    return document


def _stages(files: list[Path], db_path: Path) -> dict:
    from extractor import store

    timer = StageTimer()
    db = store.open_db(db_path)
    try:
        started = time.perf_counter()
        for path in files:
            extract_staged(path, timer, db)
        seconds = time.perf_counter() - started
    finally:
        db.close()
    return {"seconds": seconds, "stages": timer.seconds, "stages_cpu": timer.cpu}


def _end_to_end(files: list[Path], db_path: Path, jobs: int) -> dict:
    from extractor.batch import extract_into

    started = time.perf_counter()
    summary = extract_into(db_path, files, jobs=jobs)
    seconds = time.perf_counter() - started
    if summary.failures:
        path, reason = summary.failures[0]
        raise RuntimeError(f"{path}: extraction failed during the benchmark ({reason})")
    return {"seconds": seconds, "read": summary.read, "rows_written": summary.rows_written}


def _warm_up(task: str, warmup: Path | None, scratch: Path) -> float:
    """Do the task once on a file outside the measured set: modules imported, patterns compiled, and for the
    tasks that extract, the place tables loaded. Only what the task itself needs, so that its peak memory
    is its own (reading alone does not load the parsers' tables)."""
    if warmup is None:
        return 0.0
    started = time.perf_counter()
    if task in ("stages", "end_to_end"):
        from extractor import store

        db = store.open_db(scratch / "warmup.db")
        try:
            extract_staged(warmup, StageTimer(), db)
        finally:
            db.close()
    elif task == "read":
        _read_kehoach(warmup)
    elif task == "raw":
        _RAW[warmup.suffix.lower()](warmup)
    elif task == "raw_pdfplumber":
        _raw_pdfplumber(warmup)
    return time.perf_counter() - started


def run_task(task: str, files: list[Path], db_path: Path, warmup: Path | None = None, jobs: int = 1) -> dict:
    """Run one task in this process; seconds, what it did, and this process's peak memory."""
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-") as scratch:
        warmup_s = _warm_up(task, warmup, Path(scratch))
        cpu = _cpu_seconds()
        if task == "end_to_end":
            result = _end_to_end(files, db_path, jobs)
        elif task == "stages":
            result = _stages(files, db_path)
        elif task == "read":
            result = _per_file(_read_kehoach, files)
        elif task == "raw":
            suffixes = {path.suffix.lower() for path in files}
            if len(suffixes) != 1 or not suffixes <= set(_RAW):
                raise ValueError(f"task raw: give files of one format (.txt, .docx or .pdf), not {sorted(suffixes)}")
            result = _per_file(_RAW[suffixes.pop()], files)
        elif task == "raw_pdfplumber":
            result = _per_file(_raw_pdfplumber, files)
        else:
            raise ValueError(f"unknown task '{task}'; use one of {', '.join(TASKS)}")
    result.update(
        cpu_seconds=_cpu_seconds() - cpu,
        task=task,
        files=len(files),
        warmup_s=warmup_s,
        peak_rss_mb=_peak_rss_mb(resource.RUSAGE_SELF),
        children_peak_rss_mb=_peak_rss_mb(resource.RUSAGE_CHILDREN),
    )
    return result


# --- the parent's side --------------------------------------------------------------------------------


def measure(task: str, files: list[Path], db_path: Path, warmup: Path | None = None, jobs: int = 1) -> dict:
    """Run ``task`` over ``files`` in a fresh Python process and return what it measured.

    ``db_path`` is deleted first (with its WAL files): every run loads into an empty database.
    """
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as listing:
        listing.write("\n".join(str(path) for path in files))
    # This file is loaded by its path, not as extractor.benchmark.measure: importing the package would import
    # all of kehoach (extractor/__init__.py), and the raw library tasks' peak memory would be kehoach's.
    loader = (
        "import importlib.util, sys; "
        f"spec = importlib.util.spec_from_file_location('kehoach_benchmark_measure', {str(Path(__file__))!r}); "
        "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module); "
        "sys.exit(module.main(sys.argv[1:]))"
    )
    command = [sys.executable, "-c", loader, "--task", task, "--files", listing.name,
               "--db", str(db_path), "--jobs", str(jobs)]
    if warmup is not None:
        command += ["--warmup", str(warmup)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=_PROJECT_ROOT)
    finally:
        os.unlink(listing.name)
    if done.returncode != 0:
        raise RuntimeError(
            f"extractor/benchmark/measure.py: task {task} on {len(files)} files failed "
            f"(exit {done.returncode}); its last output:\n{done.stderr[-2000:]}"
        )
    return json.loads(done.stdout.strip().splitlines()[-1])


def pdf_pages(path: Path) -> int:
    """Page count of a PDF (pypdfium2: it opens the file without reading its pages)."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def machine_info() -> dict:
    """What the figures were measured on."""
    from importlib import metadata

    from extractor import __version__

    versions = {}
    for name in ("pdfplumber", "pypdfium2", "python-docx", "pydantic", "regex", "sqlite-utils", "fpdf2"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "cpu_count": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": _cpu_model(),
        "kehoach": __version__,
        "libraries": versions,
    }


def _cpu_model() -> str | None:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extractor.benchmark.measure",
                                     description="Run one benchmark task in this process and print its figures as JSON.")
    parser.add_argument("--task", required=True, choices=TASKS)
    parser.add_argument("--files", type=Path, required=True, help="a text file listing the files, one a line")
    parser.add_argument("--db", type=Path, required=True, help="the SQLite file to load into (end_to_end, stages)")
    parser.add_argument("--warmup", type=Path, help="a file extracted once, untimed, before the measured ones")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    files = [Path(line) for line in args.files.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(json.dumps(run_task(args.task, files, args.db, args.warmup, args.jobs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
