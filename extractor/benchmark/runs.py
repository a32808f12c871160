"""python -m extractor.benchmark.runs: parallel and incremental extraction, timed as a user runs it.

    python -m extractor.benchmark.runs --n 2000 --jobs 2 --out DIR

On ``--n`` generated .txt plans: a first run with ``-j 1`` and one with ``-j N`` (fresh databases), then
on the ``-j N`` database a re-run over the unchanged files (every file skipped by content hash), a re-run
after 1 % of the files changed, and one after 1 % were deleted (reported, then ``--prune``). Prints the
wall times and ratios and writes them to ``DIR/runs.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from extractor.batch import discover, extract_into, prune_removed, removed_files
from extractor.benchmark.generate import generate
from extractor.benchmark.measure import machine_info


def _timed(action) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def _run(db: Path, plans: Path, jobs: int) -> tuple[float, object]:
    return _timed(lambda: extract_into(db, list(discover([plans])), jobs=jobs))


def run_scenario(out: Path, n: int, jobs: int, seed: int) -> dict:
    plans = out / "plans"
    generate(plans, n, seed, {"txt": 1.0}, length="typical")
    (plans / "manifest.json").unlink()
    figures: dict = {"n": n, "jobs": jobs, "machine": machine_info()}
    for name in ("one.db", "many.db"):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{out / name}{suffix}").unlink(missing_ok=True)

    figures["first_run_j1_s"], _ = _run(out / "one.db", plans, 1)
    figures[f"first_run_j{jobs}_s"], first = _run(out / "many.db", plans, jobs)
    figures["parallel_speedup"] = figures["first_run_j1_s"] / figures[f"first_run_j{jobs}_s"]

    figures["unchanged_rerun_s"], again = _run(out / "many.db", plans, jobs)
    figures["unchanged_skipped"] = again.unchanged
    figures["rerun_speedup"] = figures[f"first_run_j{jobs}_s"] / figures["unchanged_rerun_s"]

    files = sorted(plans.glob("*.txt"))
    step = 100  # 1 % of the files
    for path in files[::step]:
        path.write_text(path.read_text(encoding="utf-8") + "\nGhi chú: bản sửa.\n", encoding="utf-8")
    figures["changed_rerun_s"], changed = _run(out / "many.db", plans, jobs)
    figures["changed_read"] = changed.read
    for path in files[1::step]:
        path.unlink()
    figures["removed_found_s"], removed = _timed(lambda: removed_files(out / "many.db", [plans]))
    figures["removed_found"] = len(removed)
    figures["prune_s"], pruned = _timed(lambda: prune_removed(out / "many.db", removed))
    figures["pruned"] = pruned
    figures["first_run_read"] = first.read
    return figures


def format_figures(figures: dict) -> str:
    jobs = figures["jobs"]
    return "\n".join([
        f"{figures['n']} typical .txt plans, {figures['machine'].get('cpu_count')} CPUs",
        f"first run  -j 1        {figures['first_run_j1_s']:8.2f} s",
        f"first run  -j {jobs}        {figures[f'first_run_j{jobs}_s']:8.2f} s   ({figures['parallel_speedup']:.2f}x)",
        (f"re-run, unchanged      {figures['unchanged_rerun_s']:8.2f} s   ({figures['rerun_speedup']:.0f}x faster, "
         f"{figures['unchanged_skipped']} skipped)"),
        f"re-run, 1% changed     {figures['changed_rerun_s']:8.2f} s   ({figures['changed_read']} re-read)",
        f"removed files found    {figures['removed_found_s']:8.2f} s   ({figures['removed_found']} found)",
        f"--prune                {figures['prune_s']:8.2f} s   ({figures['pruned']} deleted)",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extractor.benchmark.runs", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="number of .txt plans (default 2000)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="workers for the parallel run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="folder for the plans, databases and runs.json")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    figures = run_scenario(args.out, args.n, args.jobs, args.seed)
    (args.out / "runs.json").write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print(format_figures(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
