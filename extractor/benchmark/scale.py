"""python -m extractor.benchmark.scale: the comparison views and ``kehoach compare`` on a national-scale database.

    python -m extractor.benchmark.scale --docs 100000 --out DIR [--plans 300] [--seed 1] [--jobs N] [--runs 3]

Generates ``--plans`` .txt plans (extractor.benchmark.generate) and extracts them into DIR/base.db (kept and
reused while it holds that many documents), then builds DIR/scale.db: the base documents and copies of them,
written by SQL (INSERT ... SELECT), up to ``--docs`` documents. Each copy gets a new id and path, another real
place of the same level (the administrative-unit tables) and its plan year moved within 2021-2026, with its
issue date and the years of its budget, poverty and target rows moved by as many years, so that places and
years group as they would in a national collection. Every row of every child table is copied; the text of a
copy is cut to its first ``TEXT_CHARS`` characters (100,000 documents make a file of about 6 GB so, about
10 GB with full texts and their full-text indexes), so the spans of a copy's rows may point past its text:
the views never read the text. Then the store's summary tables are
rebuilt (store.rebuild_summaries), and every view of extractor.views.VIEWS is timed with ``select *`` (rows
fetched into Python, and SQLite alone: the rows counted, none fetched) and a typical filtered query, with
Datasette's canned queries, ``kehoach compare`` and ``kehoach budgets`` (in process and as the command), and
store.save / store.forget of one more plan. ``--reuse`` keeps a DIR/scale.db of ``--docs`` documents (only
its summaries are rebuilt). Times are wall clock (best and first of ``--runs``) and the process's CPU time;
prints a table and writes DIR/scale.json.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from extractor import query, store, views
from extractor.batch import discover, extract_into
from extractor.benchmark.generate import generate
from extractor.benchmark.measure import machine_info
from extractor.benchmark.plan import _name, _official_units
from extractor.datasette_metadata import QUERIES, query_sql
from extractor.pipeline import extract_file

TEXT_CHARS = 1_000
FIRST_YEAR, YEARS = 2021, 6  # plan years of the copies: 2021-2026, as the generator's
_YEAR_COLUMNS = {"budget_items", "poverty_stats", "targets"}  # child tables whose 'year' moves with the plan year
# view -> (where clause, names of the sample values it takes): the query a user typically runs on it.
FILTERED: dict[str, tuple[str, list[str]]] = {
    "v_budget_lines": ("document_id = ?", ["document_id"]),
    "v_budget_by_document": ("place = ?", ["place"]),
    "v_budget_by_component": ("component = ? and plan_year = ?", ["component", "year"]),
    "v_budget_by_component_year": ("year = ?", ["year"]),
    "v_poverty_by_document": ("place = ?", ["place"]),
    "v_poverty_by_place": ("place = ?", ["place"]),
    "v_poverty_base": ("document_id = ?", ["document_id"]),
    "v_poverty_pivot": ("document_id = ?", ["document_id"]),
    "v_findings_by_document": ("place = ?", ["place"]),
    "v_compare_places": ("issuer_level = 'xa' and plan_year = ?", ["year"]),
}


def _timed(action) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def build_base(out: Path, plans: int, seed: int, jobs: int, log=print) -> dict:
    """DIR/base.db: ``plans`` generated .txt plans, extracted (reused when it already holds them)."""
    base = out / "base.db"
    if base.exists():
        db = store.open_db(base)
        count = db.execute("select count(*) from documents where status = 'ok'").fetchone()[0]
        db.close()
        if count == plans:
            log(f"reusing {base} ({count} documents)")
            return {"reused": True, "documents": count}
        for suffix in ("", "-wal", "-shm"):
            Path(f"{base}{suffix}").unlink(missing_ok=True)
    log(f"generating {plans} plans into {out / 'plans'} ...")
    generate(out / "plans", plans, seed, {"txt": 1.0})
    log(f"extracting them into {base} ({jobs} workers) ...")
    seconds, summary = _timed(lambda: extract_into(base, list(discover([out / "plans"])), jobs=jobs))
    if summary.read != plans:
        raise RuntimeError(f"{base}: only {summary.read} of {plans} plans were extracted ({summary.failed} failed); "
                           "see the failures table of that file and run again")
    return {"reused": False, "documents": summary.read, "extract_seconds": seconds}


def _copy_plan(base_rows: list[tuple], docs: int, seed: int) -> list[tuple]:
    """(source id, new id, path, province, district, commune, years moved) of each copy to make."""
    units = _official_units()
    pools = {
        "xa": [(_name(p), _name(d), _name(c)) for p, d, c in units["communes"]],
        "huyen": [(_name(p), _name(d), None) for p, d, _ in units["districts"]],
        "tinh": [(_name(p), None, None) for p, _ in units["provinces"]],
    }
    rng = random.Random(f"kehoach-scale:{seed}")
    wanted = docs - len(base_rows)
    plan: list[tuple] = []
    for copy in range(1, math.ceil(wanted / len(base_rows)) + 1):
        for doc_id, path, level, province, district, commune, plan_year in base_rows:
            if len(plan) == wanted:
                return plan
            if level in pools:
                province, district, commune = (
                    new if old is not None else None
                    for new, old in zip(rng.choice(pools[level]), (province, district, commune))
                )
            moved = 0
            if plan_year is not None:
                moved = FIRST_YEAR + (plan_year - FIRST_YEAR + copy) % YEARS - plan_year
            plan.append((doc_id, f"{doc_id}-{copy}", f"scale/{copy:05d}/{Path(path).name}",
                         province, district, commune, moved))
    return plan


def _columns(db, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"pragma table_info([{table}])").fetchall()]


def reuse_scale(out: Path, docs: int, log=print) -> dict | None:
    """DIR/scale.db as it is when it holds ``docs`` documents: opened (summaries rebuilt if made by other
    definitions), then every summary rebuilt; None when it does not."""
    target = out / "scale.db"
    if not target.exists():
        return None
    open_seconds, db = _timed(lambda: store.open_db(target))
    if db.execute("select count(*) from documents").fetchone()[0] != docs:
        db.close()
        return None
    log(f"reusing {target}: rebuilding the summary tables ...")
    summary_seconds, _ = _timed(lambda: store.rebuild_summaries(db))
    db.execute("pragma wal_checkpoint(truncate)")
    counts = {name: db.execute(f"select count(*) from [{name}]").fetchone()[0]
              for name in ("documents", "budget_items", "poverty_stats", "findings", "table_rows")}
    db.close()
    return {"reused": True, "open_seconds": open_seconds, "copy_seconds": 0.0,
            "summary_rebuild_seconds": summary_seconds, "rows": counts, "size_bytes": target.stat().st_size,
            "copy_text_chars": TEXT_CHARS}


def build_scale(out: Path, docs: int, seed: int, log=print) -> dict:
    """DIR/scale.db: base.db and SQL copies of its documents up to ``docs``, summaries rebuilt."""
    base, target = out / "base.db", out / "scale.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    db = store.open_db(base)
    db.execute("pragma wal_checkpoint(truncate)")
    db.close()
    shutil.copyfile(base, target)
    db = store.open_db(target)
    # Dirty pages stay in memory until the commit instead of spilling into the write-ahead log again and again.
    db.execute("pragma cache_size = -1000000")
    base_rows = db.execute(
        "select id, path, issuer_level, province, district, commune, plan_year from documents order by path"
    ).fetchall()
    plan = _copy_plan(base_rows, docs, seed)
    log(f"copying {len(base_rows)} documents into {len(plan)} more in {target} ...")
    started = time.perf_counter()
    with store.writing(db):
        db.execute("create temp table copy_map (src text, dst text primary key, path text, province text, "
                   "district text, commune text, moved integer)")
        db.conn.executemany("insert into copy_map values (?, ?, ?, ?, ?, ?, ?)", plan)
        db.execute("create index temp.copy_map_src on copy_map (src)")
        moved_date = ("case when t.issue_date is null then null else printf('%04d', "
                      "cast(substr(t.issue_date, 1, 4) as integer) + m.moved) || substr(t.issue_date, 5) end")
        document_values = {
            "id": "m.dst", "path": "m.path", "province": "m.province", "district": "m.district",
            "commune": "m.commune", "plan_year": "t.plan_year + m.moved", "issue_date": moved_date,
            "text": f"substr(t.text, 1, {TEXT_CHARS})",
        }
        _copy_table(db, "documents", "id", document_values)
        for table in store.CHILD_TABLES:
            values = {"document_id": "m.dst"}
            if table in _YEAR_COLUMNS:
                values["year"] = "t.year + m.moved"
            _copy_table(db, table, "document_id", values)
        for level, column in (("tinh", "province"), ("huyen", "district"), ("xa", "commune")):
            db.execute(f"insert into document_places (document_id, level, name, stated, place_key) "
                       f"select dst, '{level}', {column}, 1, kh_fold({column}) from copy_map where {column} is not null")
        db.execute("drop table copy_map")
    copy_seconds = time.perf_counter() - started
    log("rebuilding the summary tables ...")
    summary_seconds, _ = _timed(lambda: store.rebuild_summaries(db))
    db.execute("pragma wal_checkpoint(truncate)")
    counts = {name: db.execute(f"select count(*) from [{name}]").fetchone()[0]
              for name in ("documents", "budget_items", "poverty_stats", "findings", "table_rows")}
    db.close()
    return {"copy_seconds": copy_seconds, "summary_rebuild_seconds": summary_seconds, "rows": counts,
            "size_bytes": target.stat().st_size, "copy_text_chars": TEXT_CHARS}


def _copy_table(db, table: str, key: str, values: dict[str, str]) -> None:
    columns = _columns(db, table)
    select = ", ".join(values.get(column, f"t.[{column}]") for column in columns)
    names = ", ".join(f"[{column}]" for column in columns)
    db.execute(f"insert into [{table}] ({names}) select {select} from copy_map m join [{table}] t on t.{key} = m.src")


def time_save(out: Path, db_path: Path, plans: int, seed: int, runs: int) -> dict:
    """store.save of one more generated plan into the big database, then store.forget of it (as --prune)."""
    [made] = generate(out / "extra", 1, seed, {"txt": 1.0}, first=plans)
    document = extract_file(made.path)
    db = store.open_db(db_path)
    saves, forgets = [], []
    for _ in range(runs):
        saves.append(_timed(lambda: store.save(db, document, made.size_bytes))[0])
        forgets.append(_timed(lambda: store.forget(db, [document.path]))[0])
    db.close()
    return {"save_s": saves, "forget_s": forgets}


def _samples(db) -> dict[str, Any]:
    """Values for the filtered queries: a copied commune plan of 2024 and its place and first component."""
    row = db.execute(
        "select document_id, place from document_summary where issuer_level = 'xa' and plan_year = 2024 "
        "and document_id like '%-%' order by document_id limit 1"
    ).fetchone() or db.execute("select document_id, place from document_summary limit 1").fetchone()
    component = db.execute(
        "select component from budget_items where component is not null order by rowid limit 1"
    ).fetchone()
    return {"document_id": row[0], "place": row[1], "year": 2024, "component": component[0] if component else None}


def time_queries(db_path: Path, runs: int, log=print) -> list[dict]:
    """Every view (select * and its filtered query), Datasette's canned queries, compare and budgets."""
    db = store.open_db(db_path)
    samples = _samples(db)
    cases: list[tuple[str, Any]] = []
    for view in views.VIEWS:
        cases.append((f"select * from {view}", lambda v=view: db.execute(f"select * from {v}").fetchall()))
        # The same rows made by SQLite but not turned into Python objects (LIMIT keeps the view whole).
        cases.append(("  SQLite alone (rows counted, not fetched)",
                      lambda v=view: db.execute(f"select count(*) from (select * from {v} limit -1)").fetchall()))
        if view in FILTERED:
            where, names = FILTERED[view]
            params = [samples[name] for name in names]
            cases.append((f"  where {where}", lambda v=view, w=where, p=params:
                          db.execute(f"select * from {v} where {w}", p).fetchall()))
    for name in QUERIES:
        params = {"place": samples["place"]}
        cases.append((f"datasette {name}", lambda n=name, p=params: db.execute(query_sql(n), p).fetchall()))
    cases += [
        ("query.compare()", lambda: query.compare(db)),
        ("query.compare(level='xa', year=2024)", lambda: query.compare(db, level="xa", year=2024)),
        ("query.budgets(by='component')", lambda: query.budgets(db, by="component")),
        ("query.budgets(by='year')", lambda: query.budgets(db, by="year")),
        ("query.budgets(by='place', year=2024)", lambda: query.budgets(db, by="place", year=2024)),
    ]
    results = []
    for label, action in cases:
        seconds, cpu = [], []
        for _ in range(runs):
            started = time.process_time()
            took, rows = _timed(action)
            seconds.append(took)
            cpu.append(time.process_time() - started)
        count = rows[0][0] if label.startswith("  SQLite alone") else len(rows)
        results.append({"query": label, "rows": count, "first_s": seconds[0], "best_s": min(seconds),
                        "cpu_s": min(cpu)})
        log(f"  {label}: {min(seconds):.3f} s")
    db.close()
    for label, extra in (("kehoach compare (command)", []), ("kehoach compare --level xa --year 2024 (command)",
                                                           ["--level", "xa", "--year", "2024"])):
        seconds = []
        for _ in range(runs):
            took, done = _timed(lambda e=extra: subprocess.run(
                [sys.executable, "-c", "from extractor.cli import main; main()", "compare", "--db", str(db_path), *e],
                check=False, capture_output=True, text=True))
            if done.returncode != 0:
                raise RuntimeError(f"{db_path}: kehoach compare failed: {done.stderr.strip()}")
            seconds.append(took)
        lines = done.stdout.count("\n") - 2  # less the header and the rule under it
        results.append({"query": label, "rows": lines, "first_s": seconds[0], "best_s": min(seconds)})
    # What every command pays before it reads the database: Python starting and importing kehoach.
    seconds = [_timed(lambda: subprocess.run([sys.executable, "-c", "import extractor.cli"], check=True))[0]
               for _ in range(runs)]
    results.append({"query": "python -c 'import extractor.cli' (start-up alone)", "rows": 0,
                    "first_s": seconds[0], "best_s": min(seconds)})
    return results


def format_table(report: dict) -> str:
    build = report["build"]
    made = f"reused (opened in {build['open_seconds']:.1f} s)" if build.get("reused") else (
        f"copies {build['copy_seconds']:.1f} s")
    rows = ", ".join(f"{name} {count:,}" for name, count in build["rows"].items())
    lines = [
        (f"kehoach scale: {build['rows']['documents']:,} documents ({report['plans']} extracted plans and SQL copies, "
         f"copies' text cut to {build['copy_text_chars']:,} characters)"),
        (f"build: {made}, summary rebuild {build['summary_rebuild_seconds']:.1f} s; "
         f"database {build['size_bytes'] / 1e9:.2f} GB; rows {rows}"),
    ]
    if "save_one" in report:
        save = report["save_one"]
        lines.append(f"one more plan: store.save {min(save['save_s']):.3f} s, store.forget {min(save['forget_s']):.3f} s")
    lines += ["", f"{'query':60} {'rows':>9} {'first s':>8} {'best s':>8} {'CPU s':>7}"]
    for row in report["queries"]:
        slow = "  > 1 s" if row["best_s"] >= 1 else ""
        cpu = f"{row['cpu_s']:>7.3f}" if "cpu_s" in row else f"{'':>7}"
        lines.append(f"{row['query'][:60]:60} {row['rows']:>9,} {row['first_s']:>8.3f} {row['best_s']:>8.3f} {cpu}{slow}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extractor.benchmark.scale", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000, help="documents in the big database (default 100000)")
    parser.add_argument("--plans", type=int, default=300, help="generated plans extracted and copied (default 300)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="workers extracting the plans")
    parser.add_argument("--runs", type=int, default=3, help="runs of each query; the best and the first are shown")
    parser.add_argument("--reuse", action="store_true",
                        help="keep DIR/scale.db when it holds --docs documents (only its summaries are rebuilt)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the plans, base.db, scale.db and scale.json")
    args = parser.parse_args(argv)
    if args.plans < 1 or args.docs < args.plans or args.runs < 1 or args.jobs < 1:
        parser.error("--plans, --runs and --jobs must be 1 or more and --docs at least --plans")
    args.out.mkdir(parents=True, exist_ok=True)

    def log(message: str) -> None:
        print(message, file=sys.stderr)

    try:
        report: dict = {"docs": args.docs, "plans": args.plans, "seed": args.seed, "machine": machine_info(),
                        "summary_version": views.SUMMARY_VERSION}
        report["base"] = build_base(args.out, args.plans, args.seed, args.jobs, log)
        reused = reuse_scale(args.out, args.docs, log) if args.reuse else None
        report["build"] = reused or build_scale(args.out, args.docs, args.seed, log)
        log("timing the queries ...")
        report["queries"] = time_queries(args.out / "scale.db", args.runs, log)
        log("timing store.save and store.forget of one more plan ...")
        report["save_one"] = time_save(args.out, args.out / "scale.db", args.plans, args.seed, args.runs)
    except (RuntimeError, store.DatabaseError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    (args.out / "scale.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(format_table(report))
    print(f"\nall figures: {args.out / 'scale.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
