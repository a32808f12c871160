"""The kehoach command line: thin wiring over the library; errors become messages and exit codes."""

from __future__ import annotations

import functools
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from extractor import __version__
from extractor.errors import KehoachError
from extractor.limits import DEFAULT_LIMITS, Limits

# Each command imports what it uses when it runs: a query does not compile the parsers' patterns.

# Removed files listed by name in extract's summary; past that, a count.
_LISTED = 20

# Exit codes, documented in the README.
EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2
MAX_JOBS = 64
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
# A year written in a plan: four digits.
YEAR = click.IntRange(1000, 9999)


def _text(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A text option or argument: valid Unicode and not blank.

    On a terminal whose encoding is not UTF-8, Python keeps the undecodable bytes of argv as lone
    surrogates; they cannot be matched against anything stored, so they are refused here.
    """
    if value is None:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise click.BadParameter(
            f"{value.encode('utf-8', 'surrogateescape').decode('utf-8', 'replace')!r} is not valid text; "
            "set a UTF-8 locale (for example LANG=C.UTF-8) or type it again in a UTF-8 terminal",
            ctx, param,
        ) from None
    if not value.strip():
        raise click.BadParameter("is empty; give the words or place name to look for", ctx, param)
    return value


def _output(*suffixes: str) -> Callable[[click.Context, click.Parameter, Path | None], Path | None]:
    """A file to write: its name must end in one of ``suffixes``, so that a slip on the command line cannot
    write a page over the database or a plan (they end in .db, .txt, .docx, .pdf)."""

    def check(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
        if value is None:
            return None
        if value.suffix.lower() not in suffixes:
            raise click.BadParameter(f"{value} does not end in {' or '.join(suffixes)}; give a name that does, "
                                     "so that no database or plan is written over", ctx, param)
        return value

    return check


def _database_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn an SQLite error on the --db file (not a database, locked, read-only, disk full) into a message."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except sqlite3.DatabaseError as error:
            db_path = kwargs.get("db_path")
            if "not a database" in str(error):
                advice = "give the database file that `kehoach extract --db` wrote"
            else:
                advice = ("check that you may write to it and its folder, that the disk is not full and that no "
                          "other program holds it locked, then run again")
            raise click.ClickException(f"{db_path}: {error}; {advice}") from error

    return wrapper


# The --db option of every command that reads a database `extract` wrote.
existing_db = click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
                           help="Database written by `kehoach extract`.")


@click.group()
@click.version_option(__version__, prog_name="kehoach")
def main() -> None:
    """kehoach: turn Vietnamese plan documents (KẾ HOẠCH) into data, with evidence."""


_POSITIVE = click.FloatRange(min=0, min_open=True)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--db", "db_path", default="plans.db", show_default=True, type=click.Path(dir_okay=False, path_type=Path),
              help="SQLite database to write (created if missing).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, MAX_JOBS),
              help="Worker processes reading files at once (the database is written by one process).")
@click.option("--timeout", "timeout_s", default=DEFAULT_LIMITS.timeout_s, show_default=True, type=_POSITIVE,
              metavar="SECONDS", help="Most seconds one document may take; a slower one is stopped and listed as failed.")
@click.option("--max-file-mb", default=DEFAULT_LIMITS.max_file_mb, show_default=True, type=_POSITIVE,
              help="Larger files are not read (listed as failed).")
@click.option("--max-unpacked-mb", default=DEFAULT_LIMITS.max_unpacked_mb, show_default=True, type=_POSITIVE,
              help="Most MB a .docx may unpack to (zip bombs are refused).")
@click.option("--max-pdf-pages", default=DEFAULT_LIMITS.max_pdf_pages, show_default=True,
              type=click.IntRange(min=1), help="PDFs with more pages are not read.")
@click.option("--max-text-chars", default=DEFAULT_LIMITS.max_text_chars, show_default=True,
              type=click.IntRange(min=1), help="Files with more characters of text are not read.")
@click.option("--prune", is_flag=True,
              help="Delete from the database the files stored under PATHS that no longer exist.")
@_database_errors
def extract(paths: tuple[Path, ...], db_path: Path, quiet: bool, jobs: int, timeout_s: float, max_file_mb: float,
            max_unpacked_mb: float, max_pdf_pages: int, max_text_chars: int, prune: bool) -> None:
    """Extract every .txt/.docx/.pdf under PATHS into the database.

    Each file is saved in one transaction: a run that is stopped (Ctrl-C, power cut) leaves no half
    document, and running the same command again reads the files not yet saved. Several runs may
    write to one database at once.

    \b
    Exit status:
      0  every file was read;
      1  some files failed: each is named in the summary with the reason
         and what to do, and kept in the 'failures' table (the others are
         saved);
      2  usage error (bad option or missing path).
    """
    from extractor.batch import discover, extract_into

    limits = Limits(max_file_mb=max_file_mb, max_unpacked_mb=max_unpacked_mb, max_pdf_pages=max_pdf_pages,
                    max_text_chars=max_text_chars, timeout_s=timeout_s)
    files = list(discover(paths))
    with click.progressbar(files, label="Đang đọc", show_pos=True, hidden=quiet or not files,
                           file=sys.stderr, item_show_func=lambda p: p.name if p else "") as bar:
        summary = extract_into(db_path, files, on_file=lambda _path: bar.update(1), limits=limits, jobs=jobs)
    statuses = ", ".join(f"{count} {status}" for status, count in sorted(summary.by_status.items()))
    click.echo(
        f"{len(files)} files: {summary.read} read ({statuses or 'none'}), {summary.unchanged} unchanged, "
        f"{summary.failed} failed; {summary.rows_written} rows written to {db_path}"
    )
    for path, reason in summary.failures:
        click.echo(f"  FAILED {reason}", err=True)
    _report_removed(db_path, paths, prune)
    sys.exit(EXIT_PARTIAL if summary.failed else EXIT_OK)


def _report_removed(db_path: Path, paths: tuple[Path, ...], prune: bool) -> None:
    from extractor.batch import prune_removed, removed_files

    removed = removed_files(db_path, paths)
    if not removed:
        return
    if prune:
        prune_removed(db_path, removed)
        click.echo(f"{len(removed)} removed files deleted from {db_path}")
        return
    click.echo(f"{len(removed)} files stored in {db_path} no longer exist under the given paths "
               f"(kept; --prune deletes them):")
    for path in removed[:_LISTED]:
        click.echo(f"  REMOVED {path}")
    if len(removed) > _LISTED:
        click.echo(f"  ... and {len(removed) - _LISTED} more")


def _named_in_text(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    """A file whose name is UTF-8 text: the name goes into the JSON and the page, which cannot hold stray bytes."""
    from extractor.batch import unreadable_name

    problem = unreadable_name(value)
    if problem is not None:
        raise click.BadParameter(problem, ctx, param)
    return value


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path), callback=_named_in_text)
@click.option("--json", "as_json", is_flag=True, help="Print the pydantic model as JSON.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              callback=_output(".html", ".htm"),
              help="Also write a self-contained HTML page: every value read highlighted by kind, findings marked.")
def show(file: Path, as_json: bool, html_path: Path | None) -> None:
    """Show what kehoach reads from one FILE (as text, as JSON, or as an HTML page)."""
    from extractor.pipeline import extract_file
    from extractor.render import describe

    try:
        document = extract_file(file)
    except KehoachError as error:
        raise click.ClickException(str(error)) from error
    if html_path is not None:
        # spaCy takes seconds to import: only when a page is asked for
        from extractor.html import render_html

        html_path.write_text(render_html(document), encoding="utf-8")
        click.echo(f"{html_path}: {len(document.findings)} findings", err=as_json)
    if as_json or html_path is None:
        click.echo(document.model_dump_json(indent=2) if as_json else describe(document))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--db", "db_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read documents and findings from this database instead of extracting PATHS.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people, json for scripts.")
@_database_errors
def check(paths: tuple[Path, ...], db_path: Path | None, fmt: str) -> None:
    """Report where each plan's own numbers contradict each other, with the text of every number.

    Give files/folders (extracted and checked now, nothing written) or --db (what `kehoach extract`
    stored). Exit status: 0 no error found (warnings do not fail), 1 some error found or some file
    could not be checked, 2 on a usage error.
    """
    if bool(paths) == (db_path is not None):
        raise click.UsageError("give PATH... or --db DATABASE (one of the two)")
    from extractor.findings_query import (
        exit_status,
        review_db,
        review_files,
        reviews_json,
    )
    from extractor.report_text import format_reviews

    reviews = review_db(db_path) if db_path is not None else review_files(paths)
    click.echo(reviews_json(reviews) if fmt == "json" else format_reviews(reviews))
    sys.exit(exit_status(reviews))


@main.command()
@click.argument("query", callback=_text)
@click.option("--db", "db_path", default="plans.db", show_default=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Database written by `kehoach extract`.")
@click.option("--fold", is_flag=True, help="Ignore accents and tones ('ho' finds 'hộ' and 'họ').")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000), help="Most documents to list.")
@_database_errors
def search(query: str, db_path: Path, fold: bool, limit: int) -> None:
    """Find the documents whose text holds every word of QUERY ("quoted words" as a phrase), tones kept apart."""
    from extractor import store
    from extractor.search import ensure_fts
    from extractor.search import search as search_db

    db = store.open_db(db_path)
    ensure_fts(db)
    hits = search_db(db, query, fold=fold, limit=limit)
    for hit in hits:
        click.echo(f"{hit.path}\t{hit.title or ''}\n    {' '.join(hit.snippet.split())}")
    click.echo(f"{len(hits)} documents", err=True)
    sys.exit(EXIT_OK if hits else EXIT_PARTIAL)


_FORMAT_OPTION = click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
                              show_default=True, help="table for people (1.728.000.000 đồng), csv/json for scripts (integer đồng).")


def _print_rows(rows: list[dict], fmt: str) -> None:
    from extractor import query

    click.echo({"table": query.to_table, "csv": query.to_csv, "json": query.to_json}[fmt](rows), nl=fmt != "csv")


@main.command()
@existing_db
@click.option("--by", type=click.Choice(["place", "component", "year"]), default="place", show_default=True,
              help="One row per plan (place), per programme component, or per year.")
@click.option("--year", type=YEAR, help="Only this year (plan year for --by place, budget year otherwise).")
@click.option("--place", callback=_text, help="Only plans of this commune, district or province (case does not matter).")
@_FORMAT_OPTION
@_database_errors
def budgets(db_path: Path, by: str, year: int | None, place: str | None, fmt: str) -> None:
    """Budget totals in đồng by place, component or year (stated totals never added to their parts)."""
    from extractor import query, store

    _print_rows(query.budgets(store.open_db(db_path), by=by, year=year, place=place), fmt)


@main.command()
@existing_db
@click.option("--level", type=click.Choice(["xa", "huyen", "tinh"]), help="Only plans issued at this level.")
@click.option("--year", type=YEAR, help="Only plans for this plan year.")
@_FORMAT_OPTION
@_database_errors
def compare(db_path: Path, level: str | None, year: int | None, fmt: str) -> None:
    """One row per place and plan year: budget, budget per poor household, poverty rates, planned reduction, errors."""
    from extractor import query, store

    _print_rows(query.compare(store.open_db(db_path), level=level, year=year), fmt)


@main.command()
@existing_db
@click.option("--xlsx", "xlsx_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              callback=_output(".xlsx"),
              help="Excel workbook to write: one sheet per table and view.")
@_database_errors
def export(db_path: Path, xlsx_path: Path) -> None:
    """Write every table and view to an Excel workbook with Vietnamese headers (đồng as #,##0)."""
    from extractor import store
    from extractor.export_xlsx import export_xlsx

    written = export_xlsx(store.open_db(db_path), xlsx_path)
    click.echo(f"{xlsx_path}: {sum(written.values())} rows from {len(written)} tables and views, a sheet each")


@main.command()
@existing_db
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default is reachable from this computer only).")
@click.option("--writable", is_flag=True, help="Open the file mutable instead of immutable (read-only).")
@_database_errors
def serve(db_path: Path, port: int, host: str, writable: bool) -> None:
    """Browse the database in Datasette (pip install 'kehoach[serve]'), Vietnamese descriptions; Ctrl-C stops it."""
    from extractor.serve import serve as run_datasette

    click.echo(f"http://{host}:{port}/ ({'writable' if writable else 'read-only'}); Ctrl-C to stop", err=True)
    if host not in LOCAL_HOSTS:
        click.echo(f"warning: --host {host} lets other computers read every document in {db_path}", err=True)
    try:
        run_datasette(db_path, host=host, port=port, writable=writable)
    except KehoachError as error:
        raise click.ClickException(str(error)) from error


@main.command()
@existing_db
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              callback=_output(".html", ".htm"),
              help="HTML page to write (self-contained: opens offline).")
@_database_errors
def report(db_path: Path, out_path: Path) -> None:
    """Write one HTML page comparing the plans: table, charts, and links to the plans behind each figure."""
    from extractor import store
    from extractor.report_html import write_report

    count = write_report(store.open_db(db_path), out_path)
    click.echo(f"{out_path}: {count} plans")
