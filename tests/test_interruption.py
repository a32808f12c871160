"""Bad input never loses data: a run killed with SIGKILL leaves whole documents only, a re-run completes
it without duplicates, and two runs writing one database at once both succeed."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from extractor import store, views
from extractor.batch import extract_into

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
COPIES = 2
# Tables whose rows belong to one document, and how to count them per document.
PER_DOCUMENT = [*store.CHILD_TABLES, "document_places", *views.SUMMARY_TABLES]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}


def _kehoach(*args: str | Path) -> list[str]:
    return [sys.executable, "-c", "from extractor.cli import main; main()", *map(str, args)]


def _start(command: list[str], cwd: Path) -> subprocess.Popen:
    # A session of its own, so that the worker processes it starts can be cleaned up with it.
    return subprocess.Popen(command, cwd=cwd, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)


def _kill_all(process: subprocess.Popen) -> None:
    """SIGKILL the process (a crash, a power cut), then whatever it started (its session)."""
    process.send_signal(signal.SIGKILL)
    process.wait()
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _make_corpus(folder: Path) -> list[Path]:
    """Every .txt and .docx of the corpus, COPIES times, each copy a distinct file (other bytes, other id)."""
    folder.mkdir()
    files = []
    for source in sorted([*CORPUS.glob("0*.txt"), *CORPUS.glob("0*.docx")]):
        for copy in range(COPIES):
            target = folder / f"{source.stem}_copy{copy}{source.suffix}"
            shutil.copyfile(source, target)
            if source.suffix == ".txt":
                with target.open("a", encoding="utf-8") as out:
                    out.write("\n" * (copy + 1))
            else:
                with zipfile.ZipFile(target, "a") as archive:
                    archive.comment = f"copy {copy}".encode()
            files.append(target)
    return files


def _snapshot(db_path: Path) -> dict[str, tuple]:
    """Per stored document: its path and the number of rows it has in every per-document table and index."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        documents = dict(conn.execute("select id, path from documents").fetchall())
        counts: dict[str, dict[str, int]] = {doc: {} for doc in documents}
        for table in PER_DOCUMENT:
            column = "document_id"
            orphans = conn.execute(
                f"select count(*) from [{table}] where {column} not in (select id from documents)"
            ).fetchone()[0]
            assert orphans == 0, f"{table} has {orphans} rows of no stored document"
            for doc, count in conn.execute(f"select {column}, count(*) from [{table}] group by {column}"):
                counts[doc][table] = count
        # The full-text indexes hold one entry per stored document, no more.
        for fts in ("documents_fts", "documents_fts_fold"):
            assert conn.execute(f"select count(*) from [{fts}_docsize]").fetchone()[0] == len(documents)
        return {doc: (documents[doc], tuple(sorted(counts[doc].items()))) for doc in documents}
    finally:
        conn.close()


def _document_count(db_path: Path) -> int:
    if not db_path.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("select count(*) from documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # the schema is being created
        return 0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], dict[str, tuple]]:
    """The copied corpus and a snapshot of a clean, uninterrupted run over it."""
    base = tmp_path_factory.mktemp("interrupt")
    files = _make_corpus(base / "plans")
    clean = base / "clean.db"
    summary = extract_into(clean, files)
    assert (summary.read, summary.failed) == (len(files), 0)
    snapshot = _snapshot(clean)
    assert len(snapshot) == len(files)
    return files, snapshot


def _for(files: list[Path], snapshot: dict[str, tuple]) -> dict[str, tuple]:
    """The part of a clean snapshot that holds these files."""
    paths = {str(path) for path in files}
    return {doc: entry for doc, entry in snapshot.items() if entry[0] in paths}


def test_sigkill_mid_run_leaves_whole_documents_and_a_rerun_completes(corpus, tmp_path: Path) -> None:
    files, clean = corpus
    db_path = tmp_path / "x.db"
    folder = files[0].parent
    process = _start(_kehoach("extract", folder, "--db", db_path, "--quiet"), tmp_path)
    try:
        deadline = time.monotonic() + 120
        while _document_count(db_path) < 3:
            assert process.poll() is None, process.stdout.read().decode()
            assert time.monotonic() < deadline, "no document was saved within 120 s"
            time.sleep(0.02)
        still_running = process.poll() is None
    finally:
        _kill_all(process)
    assert still_running, "the run finished before it could be killed: the test proves nothing"

    killed = _snapshot(db_path)
    assert 3 <= len(killed) < len(files)
    # Every document present is whole: the same rows, table by table, as in the clean run.
    assert killed == {doc: clean[doc] for doc in killed}

    rerun = subprocess.run(_kehoach("extract", folder, "--db", db_path, "--quiet"), cwd=tmp_path, env=_env(),
                           capture_output=True, text=True, timeout=600, check=False)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert f"{len(files) - len(killed)} read" in rerun.stdout and f"{len(killed)} unchanged" in rerun.stdout
    assert _snapshot(db_path) == clean


# Run inside a child process: extract_into with the store's transaction held open (everything of the
# second document inserted, nothing committed) until the test kills it.
_SLOW_COMMIT = """
import contextlib, json, sys, time
from pathlib import Path
from extractor import store
from extractor.batch import extract_into

db_path, marker, *files = sys.argv[1:]
writing = store.writing

@contextlib.contextmanager
def slow_writing(db):
    with writing(db):
        yield db
        seen = {t: db.execute(f"select count(*) from [{t}]").fetchone()[0] for t in ("documents", "budget_items")}
        if seen["documents"] >= 2:
            Path(marker).write_text(json.dumps(seen))
            time.sleep(600)

store.writing = slow_writing
extract_into(db_path, [Path(f) for f in files])
"""


def test_sigkill_inside_a_transaction_leaves_no_part_of_the_document(corpus, tmp_path: Path) -> None:
    files, clean = corpus
    by_name = {path.name: path for path in files}
    # A .txt, then a .docx with budget lines (001: 1.728 million đồng over 7 components).
    first, second = by_name["000_2753d8804e160cef_copy0.txt"], by_name["001_392ebb208e9b84ed_copy1.docx"]
    db_path, marker = tmp_path / "x.db", tmp_path / "in_transaction.json"
    process = _start([sys.executable, "-c", _SLOW_COMMIT, str(db_path), str(marker), str(first), str(second)],
                     tmp_path)
    try:
        deadline = time.monotonic() + 120
        while not marker.exists() or not marker.read_text():
            assert process.poll() is None, process.stdout.read().decode()
            assert time.monotonic() < deadline, "the second document was not saved within 120 s"
            time.sleep(0.02)
    finally:
        _kill_all(process)
    inside = json.loads(marker.read_text())
    expected = _for([first], clean)
    first_budget_rows = dict(next(iter(expected.values()))[1]).get("budget_items", 0)
    second_budget_rows = dict(next(iter(_for([second], clean).values()))[1]).get("budget_items", 0)
    # The transaction that was killed held the second document and its rows...
    assert inside == {"documents": 2, "budget_items": first_budget_rows + second_budget_rows}
    assert second_budget_rows > 0
    # ...and none of it is visible after the crash: only the first document, whole.
    assert _snapshot(db_path) == expected

    summary = extract_into(db_path, [first, second])
    assert (summary.read, summary.unchanged, summary.failed) == (1, 1, 0)
    assert _snapshot(db_path) == _for([first, second], clean)


def _run_together(commands: list[list[str]], cwd: Path) -> list[subprocess.CompletedProcess]:
    processes = [_start(command, cwd) for command in commands]
    results = []
    try:
        for process in processes:
            out, _ = process.communicate(timeout=600)
            results.append(subprocess.CompletedProcess(process.args, process.returncode, out.decode(), ""))
    finally:
        for process in processes:
            if process.poll() is None:
                _kill_all(process)
    return results


@pytest.mark.parametrize("split", ["halves", "same files"])
def test_two_runs_writing_one_database_at_once(corpus, tmp_path: Path, split: str) -> None:
    files, clean = corpus
    chosen = files[::2]  # one copy of each corpus file: enough for the runs to overlap
    db_path = tmp_path / "x.db"
    if split == "halves":
        parts = [chosen[::2], chosen[1::2]]
    else:
        parts = [chosen, chosen[::-1]]  # both read every file, in opposite orders
    results = _run_together([_kehoach("extract", *part, "--db", db_path, "--quiet") for part in parts], tmp_path)
    for result in results:
        assert result.returncode == 0, result.stdout
    assert _snapshot(db_path) == _for(chosen, clean)
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("select count(*) from failures").fetchone()[0] == 0
        assert conn.execute("select count(*), count(distinct path) from documents").fetchone() == (
            len(chosen), len(chosen))
    finally:
        conn.close()


# A run's worker processes must not go on alone when the run is killed: one stuck on a hostile file
# (the reason workers have a time limit) would run for ever with nobody left to stop it.
_STUCK_WORKER = """
import os, time
from extractor.workers import run_in_workers

def stuck(seconds):
    os.write(1, b"w")  # one byte, one write: the two workers' marks cannot mix
    time.sleep(seconds)
    return seconds

for key, outcome in run_in_workers(((i, stuck, (600,)) for i in range(2)), jobs=2, timeout_s=900):
    print(key, outcome, flush=True)
"""


def test_workers_die_with_a_killed_run(tmp_path: Path) -> None:
    process = _start([sys.executable, "-c", _STUCK_WORKER], tmp_path)
    try:
        # Both workers are inside their task (stdout is shared with the workers).
        assert process.stdout.read(2) == b"ww"
        process.send_signal(signal.SIGKILL)
        process.wait()
        deadline = time.monotonic() + 10
        while _session(process.pid):
            if time.monotonic() > deadline:
                pytest.fail(f"workers still running 10 s after the run was killed: {_session(process.pid)}")
            time.sleep(0.05)
    finally:
        _kill_all(process)


def _session(sid: int) -> list[int]:
    """Live (not zombie) processes of a session."""
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid and fields[0] != "Z":  # fields: state, ppid, pgrp, session
                alive.append(int(entry.name))
    return alive
