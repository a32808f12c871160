"""Worker processes: a task over its time limit or whose process dies fails alone; the run goes on."""

import os
import sqlite3
import time

from conftest import CORPUS

from extractor import batch
from extractor.batch import extract_into
from extractor.limits import Limits
from extractor.workers import TaskFailed, run_in_workers


def _square(n):
    return n * n


def _sleep(seconds):
    time.sleep(seconds)
    return "woke"


def _die(code):
    os._exit(code)


def _raise(message):
    raise ValueError(message)


def test_results_come_back_in_task_order_from_several_workers():
    tasks = [(n, _square, (n,)) for n in range(20)]
    assert list(run_in_workers(tasks, jobs=3, timeout_s=30)) == [(n, n * n) for n in range(20)]


def test_a_task_over_the_time_limit_is_stopped_and_the_next_ones_run():
    tasks = [("slow", _sleep, (60,)), ("quick", _square, (3,))]
    started = time.monotonic()
    results = dict(run_in_workers(tasks, jobs=1, timeout_s=0.5))
    assert time.monotonic() - started < 30  # the 60 s task did not run to its end
    assert isinstance(results["slow"], TaskFailed) and "longer than 0.5 s" in str(results["slow"])
    assert results["quick"] == 9


def test_a_worker_that_dies_fails_its_task_only():
    results = dict(run_in_workers([("dies", _die, (7,)), ("next", _square, (4,))], jobs=1, timeout_s=30))
    assert isinstance(results["dies"], TaskFailed) and "exit code 7" in str(results["dies"])
    assert results["next"] == 16


def test_an_exception_of_the_function_itself_reaches_the_caller():
    results = run_in_workers([("bad", _raise, ("boom",))], jobs=1, timeout_s=30)
    try:
        next(results)
    except ValueError as error:
        assert "boom" in str(error)
    else:
        raise AssertionError("the worker's exception was swallowed")


def _hang_on_first(path, data, *, limits):
    if "hang" in path.name:
        time.sleep(60)
    return _real_extract_file(path, data, limits=limits)


_real_extract_file = batch.extract_file


def test_a_document_that_hangs_is_recorded_and_the_others_load(small_plan, tmp_path, monkeypatch):
    hanging = small_plan.parent / "hang.txt"
    hanging.write_text(small_plan.read_text(encoding="utf-8").replace("Số: 12/KH", "Số: 14/KH"), encoding="utf-8")
    monkeypatch.setattr(batch, "extract_file", _hang_on_first)
    db_path = tmp_path / "plans.db"
    summary = extract_into(db_path, [hanging, small_plan], limits=Limits(timeout_s=5), jobs=2)
    assert summary.read == 1 and summary.failed == 1
    path, reason = summary.failures[0]
    assert path == str(hanging) and "longer than 5 s" in reason and "--timeout" in reason
    conn = sqlite3.connect(db_path)
    assert conn.execute("select path from documents").fetchall() == [(str(small_plan),)]
    assert conn.execute("select reason from failures").fetchall() == [(reason,)]


def test_two_jobs_store_the_same_rows_as_one(tmp_path):
    files = sorted(CORPUS.glob("0*.txt"))
    one = extract_into(tmp_path / "one.db", files, jobs=1)
    two = extract_into(tmp_path / "two.db", files, jobs=2)
    assert (one.read, one.rows_written) == (two.read, two.rows_written) == (len(files), one.rows_written)

    def rows(name):
        conn = sqlite3.connect(tmp_path / name)
        return conn.execute("select path, status, number, plan_year from documents order by path").fetchall()

    assert rows("one.db") == rows("two.db")


def _die_on_hang(path, data, *, limits):
    if "hang" in path.name:
        os._exit(9)
    return _real_extract_file(path, data, limits=limits)


def test_a_document_that_crashes_its_worker_is_recorded_without_timeout_advice(small_plan, tmp_path, monkeypatch):
    crashing = small_plan.parent / "hang.txt"
    crashing.write_text(small_plan.read_text(encoding="utf-8").replace("Số: 12/KH", "Số: 18/KH"), encoding="utf-8")
    monkeypatch.setattr(batch, "extract_file", _die_on_hang)
    summary = extract_into(tmp_path / "plans.db", [crashing, small_plan], jobs=1)
    assert summary.read == 1 and summary.failed == 1
    _path, reason = summary.failures[0]
    assert "worker process died" in reason and "report it with this file" in reason and "--timeout" not in reason
