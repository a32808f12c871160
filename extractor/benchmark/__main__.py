"""python -m extractor.benchmark: generate synthetic plans, time every step on them, print a table, write JSON.

    python -m extractor.benchmark --n 60 --mix txt=1,docx=1,pdf=1 --seed 1 --runs 3 --out DIR [--scale-check]

Per format: documents, MB and (PDF) pages per second, and peak memory, for end to end (read, extract,
check, load into a fresh SQLite file through ``extractor.batch.extract_into``), for kehoach's reading step
alone, and for the bare library call that gets the text out; then where the time goes, stage by stage.
Each figure is the median of ``--runs`` runs, each run a fresh process; peak memory is the largest of the
runs. ``--scale-check`` runs end to end again on 4 times as many plans and reports both peaks.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

from extractor.benchmark.generate import FORMATS, assign_formats, generate, parse_mix
from extractor.benchmark.measure import RAW_NAMES, machine_info, measure, pdf_pages
from extractor.benchmark.plan import LENGTHS

MB = 1_000_000


def _mix_text(mix: dict[str, float]) -> str:
    return ",".join(f"{fmt}={weight:g}" for fmt, weight in mix.items())
TXT_TARGET_DOCS_PER_S = 100
PDF_TARGET_RATIO = 2.0


def run_benchmark(out: Path, n: int, seed: int, mix: dict[str, float], runs: int, length: str = "mixed",
                  jobs: int = 1, scale_check: bool = False, scale_mix: dict[str, float] | None = None,
                  log=print) -> dict:
    """Generate the plans into ``out/plans``, measure, and return every figure (also written to out/benchmark.json)."""
    out = Path(out)
    started = time.perf_counter()
    load_start = _load_average()
    log(f"generating {n} plans into {out / 'plans'} ...")
    made = generate(out / "plans", n, seed, mix, length)
    # One more plan per format, outside the measured set, to warm each process up on.
    warmups = {}
    for offset, fmt in enumerate(sorted({item.format for item in made}, key=FORMATS.index)):
        warmups[fmt] = generate(out / "warmup", 1, seed, {fmt: 1.0}, "small", first=n + offset)[0].path
    corpus = {}
    for fmt in FORMATS:
        files = [item.path for item in made if item.format == fmt]
        if files:
            corpus[fmt] = {
                "files": files,
                "bytes": sum(item.size_bytes for item in made if item.format == fmt),
                "pages": sum(pdf_pages(path) for path in files) if fmt == "pdf" else None,
            }
    results: dict = {}
    for fmt, info in corpus.items():
        tasks = ["end_to_end", "stages", "read", "raw"] + (["raw_pdfplumber"] if fmt == "pdf" else [])
        for task in tasks:
            for run in range(runs):
                log(f"  .{fmt} {task} run {run + 1}/{runs} ...")
                figures = measure(task, info["files"], out / "db" / f"{fmt}_{task}.db", warmups[fmt], jobs)
                results.setdefault(fmt, {}).setdefault(task, []).append(figures)
    for fmt, tasks in results.items():
        corpus[fmt]["text_chars"] = tasks["read"][0]["chars"]  # what kehoach's reader makes of the files
    report = {
        "machine": machine_info(),
        "settings": {"n": n, "seed": seed, "mix": mix, "runs": runs, "length": length, "jobs": jobs,
                     "mb": "10^6 bytes", "time": "wall clock, median of the runs",
                     "memory": "peak RSS (getrusage ru_maxrss) of a fresh process per run, largest of the runs"},
        "corpus": {fmt: {**info, "files": len(info["files"])} for fmt, info in corpus.items()},
        "formats": {fmt: _summarise(fmt, corpus[fmt], tasks) for fmt, tasks in results.items()},
    }
    report["targets"] = _targets(report, length)
    if scale_check:
        report["scale_check"] = _scale_check(out, n, seed, scale_mix or mix, length, jobs, warmups, log)
    report["benchmark_seconds"] = time.perf_counter() - started
    report["machine"].update(load_average_start=load_start, load_average_end=_load_average())
    (out / "benchmark.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return report


def _load_average() -> float | None:
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return None


def _rate(count: float | None, seconds: float) -> float | None:
    return None if count is None or seconds <= 0 else count / seconds


def _figures(runs: list[dict], info: dict) -> dict:
    seconds = statistics.median(run["seconds"] for run in runs)
    cpu = statistics.median(run["cpu_seconds"] for run in runs)
    files = info["files"] if isinstance(info["files"], int) else len(info["files"])
    return {
        "seconds": seconds,
        "runs_seconds": [run["seconds"] for run in runs],
        "cpu_seconds": cpu,
        "docs_per_cpu_s": _rate(files, cpu),
        "docs_per_s": _rate(files, seconds),
        "mb_per_s": _rate(info["bytes"] / MB, seconds),
        "pages_per_s": _rate(info["pages"], seconds),
        "ms_per_doc": 1000 * seconds / files,
        "peak_rss_mb": max(run["peak_rss_mb"] for run in runs),
        "workers_peak_rss_mb": max(run["children_peak_rss_mb"] for run in runs),
        "warmup_s": statistics.median(run["warmup_s"] for run in runs),
    }


def _summarise(fmt: str, info: dict, tasks: dict[str, list[dict]]) -> dict:
    summary = {task: _figures(runs, info) for task, runs in tasks.items() if task != "stages"}
    summary["raw"]["library"] = RAW_NAMES[fmt]
    stage_runs = tasks["stages"]
    names = list(dict.fromkeys(name for run in stage_runs for name in run["stages"]))
    medians = {name: statistics.median(run["stages"].get(name, 0.0) for run in stage_runs) for name in names}
    cpu = {name: statistics.median(run["stages_cpu"].get(name, 0.0) for run in stage_runs) for name in names}
    total, total_cpu = sum(medians.values()), sum(cpu.values())
    files = len(info["files"])
    summary["stages"] = {
        "total_seconds": total,
        "total_cpu_seconds": total_cpu,
        "docs_per_s": _rate(files, total),
        "peak_rss_mb": max(run["peak_rss_mb"] for run in stage_runs),
        "by_stage": {
            name: {"seconds": seconds, "ms_per_doc": 1000 * seconds / files, "share": seconds / total if total else 0.0,
                   "cpu_seconds": cpu[name], "cpu_ms_per_doc": 1000 * cpu[name] / files,
                   "cpu_share": cpu[name] / total_cpu if total_cpu else 0.0}
            for name, seconds in medians.items()
        },
    }
    e2e, read = summary["end_to_end"]["seconds"], summary["read"]["seconds"]
    summary["ratios"] = {
        "end_to_end_over_read": e2e / read if read else None,
        "end_to_end_over_raw": e2e / summary["raw"]["seconds"] if summary["raw"]["seconds"] else None,
        "read_over_raw": read / summary["raw"]["seconds"] if summary["raw"]["seconds"] else None,
    }
    # The same ratios in CPU time, which other work on the machine disturbs less.
    cpu = {task: summary[task]["cpu_seconds"] for task in summary if isinstance(summary[task], dict)
           and "cpu_seconds" in summary[task]}
    summary["cpu_ratios"] = {
        "end_to_end_over_read": cpu["end_to_end"] / cpu["read"] if cpu["read"] else None,
        "end_to_end_over_raw": cpu["end_to_end"] / cpu["raw"] if cpu["raw"] else None,
    }
    if fmt == "pdf":
        summary["cpu_ratios"]["end_to_end_over_pdfplumber"] = (
            cpu["end_to_end"] / cpu["raw_pdfplumber"] if cpu["raw_pdfplumber"] else None)
        summary["ratios"]["end_to_end_over_pypdfium2"] = summary["ratios"]["end_to_end_over_raw"]
        plumber = summary["raw_pdfplumber"]["seconds"]
        summary["ratios"]["end_to_end_over_pdfplumber"] = e2e / plumber if plumber else None
        summary["ratios"]["read_over_pdfplumber"] = read / plumber if plumber else None
    return summary


def _targets(report: dict, length: str) -> dict:
    targets = {}
    txt = report["formats"].get("txt")
    if txt:
        measured = txt["end_to_end"]["docs_per_cpu_s"]  # one core: documents per CPU-second, workers included
        targets["txt_end_to_end_docs_per_cpu_s"] = {
            "target": TXT_TARGET_DOCS_PER_S, "measured": measured, "met": measured >= TXT_TARGET_DOCS_PER_S,
            "wall_clock_docs_per_s": txt["end_to_end"]["docs_per_s"],
            "note": "the target is for typical 20 KB plans on one core" + (
                "" if length == "typical" else f"; these plans are '{length}' lengths (use --length typical)"),
        }
    pdf = report["formats"].get("pdf")
    if pdf:
        ratio = pdf["ratios"]["end_to_end_over_pypdfium2"]
        targets["pdf_end_to_end_over_pypdfium2"] = {"target": PDF_TARGET_RATIO, "measured": ratio,
                                                    "met": ratio <= PDF_TARGET_RATIO,
                                                    "note": "wall-clock time, end to end / pypdfium2 raw text"}
    return targets


def _scale_check(out: Path, n: int, seed: int, mix: dict[str, float], length: str, jobs: int, warmups, log) -> dict:
    """End to end on n plans and on 4n plans (the first n the same): does peak memory grow with the corpus?"""
    log(f"scale check: generating {n} and {4 * n} plans ({_mix_text(mix)}) into {out / 'scale_*'} ...")
    smaller = generate(out / "scale_n", n, seed, mix, length)
    bigger = generate(out / "scale_4n", 4 * n, seed, mix, length)
    first = smaller[0].format
    warmup = warmups.get(first) or generate(out / "warmup", 1, seed, {first: 1.0}, "small", first=n + 3)[0].path
    figures: dict = {"mix": mix}
    for label, items in (("n", smaller), ("4n", bigger)):
        log(f"  end to end on {len(items)} plans ...")
        run = measure("end_to_end", [item.path for item in items], out / "db" / f"scale_{label}.db", warmup, jobs)
        figures[label] = {
            "files": len(items),
            "bytes": sum(item.size_bytes for item in items),
            "seconds": run["seconds"],
            "docs_per_s": len(items) / run["seconds"],
            "peak_rss_mb": run["peak_rss_mb"],
            "workers_peak_rss_mb": run["children_peak_rss_mb"],
        }
    figures["growth"] = {
        "peak_rss": figures["4n"]["peak_rss_mb"] / figures["n"]["peak_rss_mb"],
        "workers_peak_rss": figures["4n"]["workers_peak_rss_mb"] / figures["n"]["workers_peak_rss_mb"],
    }
    return figures


# --- the table -----------------------------------------------------------------------------------------


def _num(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def format_report(report: dict) -> str:
    """The figures as readable tables."""
    settings, machine, corpus = report["settings"], report["machine"], report["corpus"]
    counts = ", ".join(f"{info['files']} .{fmt}" for fmt, info in corpus.items())
    lines = [
        (f"kehoach benchmark: {settings['n']} plans ({counts}), seed {settings['seed']}, lengths {settings['length']}; "
        f"median of {settings['runs']} runs, jobs={settings['jobs']}"),
        f"machine: {machine['cpu_count']} CPUs ({machine['processor'] or machine['machine']}), "
        f"{machine['implementation']} {machine['python']}; kehoach {machine['kehoach']}, "
        + ", ".join(f"{name} {version}" for name, version in machine["libraries"].items() if version),
        "",
        (f"load average (1 min) at start {_num(machine.get('load_average_start'), 2)}, at end "
        f"{_num(machine.get('load_average_end'), 2)}: above the CPU count, other work shared the machine and "
        "wall-clock figures are slower than the CPU-time ones"),
        "",
        (f"{'format':6} {'step':28} {'docs/s':>8} {'docs/CPU-s':>10} {'MB/s':>7} {'pages/s':>8} {'ms/doc':>8} "
        f"{'peak MB':>8} {'workers MB':>10}"),
    ]
    for fmt, summary in report["formats"].items():
        info = corpus[fmt]
        size = f"{info['files']} files, {info['bytes'] / MB:.2f} MB" + (f", {info['pages']} pages" if info["pages"] else "")
        lines.append(f".{fmt:5} ({size})")
        rows = [("end to end", summary["end_to_end"]), ("read (extractor.readers)", summary["read"]),
                (f"raw text ({summary['raw']['library']})", summary["raw"])]
        if "raw_pdfplumber" in summary:
            rows.append(("raw text (pdfplumber)", summary["raw_pdfplumber"]))
        for label, fig in rows:
            workers = _num(fig["workers_peak_rss_mb"], 0) if label == "end to end" else ""
            lines.append(
                f"{'':6} {label:28} {_num(fig['docs_per_s']):>8} {_num(fig['docs_per_cpu_s']):>10} "
                f"{_num(fig['mb_per_s'], 2):>7} "
                f"{_num(fig['pages_per_s']):>8} {_num(fig['ms_per_doc'], 2):>8} {_num(fig['peak_rss_mb'], 0):>8} {workers:>10}"
            )
        ratios = summary["ratios"]
        text = f"end to end / read {_num(ratios['end_to_end_over_read'])}x, read / raw {_num(ratios['read_over_raw'])}x"
        if fmt == "pdf":
            text += (f", end to end / pypdfium2 {_num(ratios['end_to_end_over_pypdfium2'])}x, "
                     f"end to end / pdfplumber {_num(ratios['end_to_end_over_pdfplumber'])}x")
        lines.append(f"{'':6} ratios: {text}")
        cpu_ratios = summary["cpu_ratios"]
        lines.append(f"{'':6} in CPU time: end to end / read {_num(cpu_ratios['end_to_end_over_read'])}x, "
                     f"end to end / {summary['raw']['library']} {_num(cpu_ratios['end_to_end_over_raw'])}x")
    lines += ["", "where the time goes (one process, no worker; CPU ms per document and share of the total):"]
    formats = list(report["formats"])
    names = list(dict.fromkeys(name for fmt in formats for name in report["formats"][fmt]["stages"]["by_stage"]))
    lines.append(f"{'stage':12} " + " ".join(f"{'.' + fmt:>16}" for fmt in formats))
    for name in names:
        cells = []
        for fmt in formats:
            stage = report["formats"][fmt]["stages"]["by_stage"].get(name)
            cells.append(f"{_num(stage['cpu_ms_per_doc'], 2):>9} {stage['cpu_share']:>5.0%}" if stage else f"{'-':>16}")
        lines.append(f"{name:12} " + " ".join(f"{cell:>16}" for cell in cells))
    totals = [report["formats"][fmt]["stages"] for fmt in formats]
    lines.append(f"{'total':12} " + " ".join(
        f"{_num(1000 * t['total_cpu_seconds'] / corpus[fmt]['files'], 2):>9} {'100%':>5}"
        for fmt, t in zip(formats, totals)))
    lines.append(f"{'(wall)':12} " + " ".join(
        f"{_num(1000 * t['total_seconds'] / corpus[fmt]['files'], 2):>9} {'':>5}" for fmt, t in zip(formats, totals)))
    if report.get("targets"):
        lines += ["", "targets:"]
        for name, target in report["targets"].items():
            verdict = "met" if target["met"] else "NOT met"
            lines.append(f"  {name}: measured {_num(target['measured'], 2)}, target {target['target']}: {verdict}"
                         + (f" ({target['note']})" if target.get("note") else ""))
    if report.get("scale_check"):
        scale = report["scale_check"]
        lines += ["", f"memory as the corpus grows (end to end, {_mix_text(scale['mix'])}, peak RSS MB):"]
        for label in ("n", "4n"):
            fig = scale[label]
            lines.append(f"  {fig['files']:>6} plans: main {_num(fig['peak_rss_mb'], 0)}, workers "
                         f"{_num(fig['workers_peak_rss_mb'], 0)}, {_num(fig['docs_per_s'])} docs/s")
        lines.append(f"  growth 4n / n: main {scale['growth']['peak_rss']:.2f}x, "
                     f"workers {scale['growth']['workers_peak_rss']:.2f}x")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extractor.benchmark", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=60, help="number of plans, split over the formats by --mix (default 60)")
    parser.add_argument("--mix", default="txt=1,docx=1,pdf=1", help="format weights (default txt=1,docx=1,pdf=1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3, help="runs per figure; the median is reported (default 3)")
    parser.add_argument("--length", default="mixed", choices=(*LENGTHS, "mixed"),
                        help="plan length: small ~5 KB, typical ~20 KB, large ~80 KB, or mixed (default)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for end to end (default 1: one core)")
    parser.add_argument("--scale-check", action="store_true",
                        help="also run end to end on n and 4n plans and compare peak memory")
    parser.add_argument("--scale-mix", help="format weights for the scale check (default: --mix)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the plans, the databases and benchmark.json")
    args = parser.parse_args(argv)
    if args.n < 1 or args.runs < 1 or args.jobs < 1:
        parser.error("--n, --runs and --jobs must be 1 or more")
    try:
        mix = parse_mix(args.mix)
        if len(set(assign_formats(args.n, mix))) < len(mix):
            parser.error(f"--n {args.n} is too few plans for every format in --mix {args.mix}")
        scale_mix = parse_mix(args.scale_mix) if args.scale_mix else None
        report = run_benchmark(args.out, args.n, args.seed, mix, args.runs, args.length, args.jobs, args.scale_check,
                               scale_mix, log=lambda message: print(message, file=sys.stderr))
    except (ValueError, ImportError, FileNotFoundError, RuntimeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(format_report(report))
    print(f"\nall figures: {args.out / 'benchmark.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
