"""The SQLite store: the only module that imports sqlite_utils. One transaction per document."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils
from pydantic import BaseModel

from extractor import places, search, views
from schemas import Evidence, PlanDocument, Value

# What a failing database raises (disk full, locked past the busy timeout, corrupt file).
DatabaseError = sqlite3.DatabaseError

_SPAN = {"char_start": int, "char_end": int, "page": int, "raw": str, "evidence": str}

# The contract users query (documented in the README). Columns are created up front so that
# queries work on an empty database too.
TABLES: dict[str, dict[str, type]] = {
    "documents": {
        "id": str, "path": str, "format": str, "status": str, "message": str, "doc_type": str,
        "number": str, "symbol": str, "so_hieu": str, "number_blank": int, "issue_date": str,
        "issue_place": str, "issuer": str, "issuer_level": str, "province": str, "district": str,
        "commune": str, "title": str, "plan_year": int, "signer": str, "signer_capacity": str,
        "page_count": int, "size_bytes": int, "legacy_encoding": str, "extractor_version": str,
        "extracted_at": str, "text": str,
    },
    "document_fields": {"document_id": str, "field": str, "value": str, **_SPAN},
    "doc_references": {
        "document_id": str, "doc_type": str, "so_hieu": str, "number": str, "symbol": str,
        "issue_date": str, "issuer": str, **_SPAN,
    },
    "budget_items": {
        "document_id": str, "label": str, "component": str, "kind": str, "is_total": int, "year": int,
        "period": str, "amount_vnd": int, **_SPAN,
    },
    "targets": {
        "document_id": str, "indicator": str, "comparator": str, "value": float, "value_text": str,
        "unit": str, "year": int, **_SPAN,
    },
    "poverty_stats": {
        "document_id": str, "category": str, "measure": str, "year": int, "village": str,
        "households": int, "total_households": int, "rate_percent": float, "rate_text": str, "planned": int,
        "comparator": str, "origin": str, **_SPAN,
    },
    "households": {
        "document_id": str, "village": str, "category": str, "honorific": str, "name": str,
        "members": int, "workers": int, "cause": str, **_SPAN,
    },
    "doc_tables": {
        "document_id": str, "table_index": int, "title": str, "unit": str, "header": str,
        "row_count": int, **_SPAN,
    },
    "table_rows": {
        "document_id": str, "table_index": int, "row_index": int, "is_header": int, "is_total": int,
        "cells": str, **_SPAN,
    },
    "findings": {
        "document_id": str, "rule": str, "severity": str, "message": str, "stated": str, "expected": str,
        "tolerance": str, **_SPAN,
    },
    "failures": {"path": str, "reason": str, "failed_at": str},
}
CHILD_TABLES = [name for name in TABLES if name not in ("documents", "failures")]
HEADER_FIELDS = [
    "doc_type", "number", "symbol", "so_hieu", "issue_place", "issuer", "province", "district",
    "commune", "title", "plan_year", "signer", "signer_capacity",
]


def insert_statement(table: str, columns: Iterable[str]) -> str:
    """'insert into [table] (a, b) values (?, ?)': what a prepared row (a tuple of ``columns``) is written by."""
    columns = list(columns)
    return f"insert into [{table}] ({', '.join(columns)}) values ({', '.join('?' * len(columns))})"


# Rows travel from the worker to the writer as tuples in the column order of TABLES, written by these
# statements (executemany on the connection: no per-value conversion, nothing to look up per row).
_INSERT = {name: insert_statement(name, columns) for name, columns in TABLES.items()}
_INSERT_BUDGET = insert_statement("budget_items", ["rowid", *TABLES["budget_items"]])
_DOCUMENT_COLUMNS = list(TABLES["documents"])
_UPDATE_DOCUMENT = (
    f"update documents set ({', '.join(_DOCUMENT_COLUMNS)}) = ({', '.join('?' * len(_DOCUMENT_COLUMNS))}) where id = ?"
)


def open_db(path: Path | str) -> sqlite_utils.Database:
    """Open (and if needed create) a kehoach database, in WAL mode with a busy timeout."""
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA busy_timeout = 30000")
    db.enable_wal()
    # In WAL mode NORMAL syncs at checkpoints, not at every commit: a crash or power cut can lose the
    # last documents committed (a re-run reads them again) but never leaves half of one or a corrupt file.
    db.execute("PRAGMA synchronous = NORMAL")
    # The log is copied into the database every 8,000 pages (32 MB) rather than SQLite's 1,000: a plan's
    # rows touch pages all over the indexes, and each copy rewrites (and syncs) them; on a database of
    # 10,000 plans a save took 5-7 ms of wall time with the default, 4 ms with this.
    db.execute("PRAGMA wal_autocheckpoint = 8000")
    db.conn.create_function("kh_fold", 1, fold, deterministic=True)
    _ensure_schema(db)
    return db


@contextmanager
def writing(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One transaction that holds the write lock from its start, so other writers wait (busy_timeout)."""
    # A deferred BEGIN reads first and upgrades to writing later; in WAL mode SQLite refuses that
    # upgrade at once (SQLITE_BUSY_SNAPSHOT, 'database is locked') when another process committed
    # meanwhile, without waiting for busy_timeout. BEGIN IMMEDIATE waits for the lock instead.
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise


def fold(value: str | None) -> str | None:
    """A place name's matching key: case, level word ('xã', 'huyện', 'TP.') and tone placement ignored."""
    if value is None:
        return None
    return places.place_key(str(value))


def _ensure_schema(db: sqlite_utils.Database) -> None:
    with writing(db):
        for name, columns in TABLES.items():
            if name == "documents":
                db[name].create(columns, pk="id", if_not_exists=True)
            elif name == "failures":
                db[name].create(columns, pk="path", if_not_exists=True)
            else:
                db[name].create(columns, if_not_exists=True)
                db[name].create_index(["document_id"], if_not_exists=True)
            _add_missing_columns(db, name, columns)
        db["documents"].create_index(["path"], if_not_exists=True)
        for table, columns in views.INDEXES:
            db[table].create_index(columns, if_not_exists=True)
        places.ensure_places(db)
        search.ensure_fts(db)
        summary_is_stale = db.execute("pragma user_version").fetchone()[0] != views.SUMMARY_VERSION
        if summary_is_stale:  # made by another kehoach version (or new): rebuilt from the documents
            for name in views.SUMMARY_TABLES:
                db.execute(f"drop table if exists [{name}]")
        for name, (columns, pk) in views.SUMMARY_TABLES.items():
            db[name].create(columns, pk=pk, if_not_exists=True)
        for index_name, (name, columns) in views.SUMMARY_TABLE_INDEXES.items():
            db[name].create_index(columns, index_name=index_name, if_not_exists=True)
        if _ensure_views(db) or summary_is_stale:
            _summarise(db, "select id from documents")
            db.execute(f"pragma user_version = {views.SUMMARY_VERSION}")


def _add_missing_columns(db: sqlite_utils.Database, name: str, columns: dict[str, type]) -> None:
    # A database written by an older kehoach gains the columns added since, empty until re-extracted.
    present = set(db[name].columns_dict)
    for column, kind in columns.items():
        if column not in present:
            db[name].add_column(column, kind)


def _ensure_views(db: sqlite_utils.Database) -> bool:
    # A view whose stored definition differs from ours (an older version) is dropped and re-created.
    changed = False
    for name in views.VIEWS:
        statement = views.create_statement(name)
        stored = db.execute("select sql from sqlite_master where type = 'view' and name = ?", [name]).fetchone()
        if stored is not None and stored[0] == statement:
            continue
        db.execute(f"drop view if exists [{name}]")
        db.execute(statement)
        changed = True
    return changed


def rebuild_summaries(db: sqlite_utils.Database) -> None:
    """Rewrite the summary rows of every document (after documents were written by SQL, not by save)."""
    with writing(db):
        _summarise(db, "select id from documents")


def _summarise(db: sqlite_utils.Database, ids_sql: str, params: list[Any] | None = None) -> None:
    """(Re)write the summary rows (views.SUMMARY_TABLES) of the documents that ``ids_sql`` selects."""
    db.execute("create temp table if not exists summary_ids (id text primary key)")
    db.execute("delete from summary_ids")
    db.execute(f"insert into summary_ids {ids_sql}", params or [])
    groups = "select place_group from document_summary where document_id in (select id from summary_ids)"
    _remember_groups(db, groups)  # the places the documents were in...
    for name in views.SUMMARY_TABLES:
        db.execute(f"delete from [{name}] where document_id in (select id from summary_ids)")
    for name, (columns, _pk) in views.SUMMARY_TABLES.items():
        db.execute(f"insert into [{name}] ({', '.join(columns)}) {views.SUMMARY_SELECTS[name]}")
    _remember_groups(db, groups)  # ...and the places they are in now
    db.execute("delete from summary_ids")
    _mark_latest(db)


def _write_summaries(db: sqlite_utils.Database, prepared: PreparedDocument, budget_rowid: int,
                     other_groups: bool) -> None:
    """Insert the summary rows of one just written document, then re-rank its place, and the places
    remembered in summary_groups when ``other_groups`` (documents it replaced)."""
    conn = db.conn
    for name, rows in prepared.summaries.items():
        if name == "counted_budget_items":  # their ids are the rowids their budget rows were given
            rows = [(budget_rowid + 1 + index, *rest) for index, *rest in rows]
        conn.executemany(_INSERT_SUMMARY[name], rows)
    params = {"id": prepared.id}
    if other_groups:
        conn.execute(_REMEMBER_ONE, params)
        _mark_latest(db)
    else:
        conn.execute(views.LATEST_UPDATE_ONE, params)


_INSERT_SUMMARY = {name: insert_statement(name, columns) for name, (columns, _pk) in views.SUMMARY_TABLES.items()}
_REMEMBER_ONE = "insert or ignore into summary_groups select place_group from document_summary where document_id = :id"


def _remember_groups(db: sqlite_utils.Database, groups_sql: str, params: list[Any] | None = None) -> None:
    # The places whose latest plan may change: their rows are re-ranked by _mark_latest.
    db.execute("create temp table if not exists summary_groups (place_group text primary key)")
    db.execute(f"insert or ignore into summary_groups {groups_sql}", params or [])


def _mark_latest(db: sqlite_utils.Database) -> None:
    db.execute(views.LATEST_UPDATE)
    db.execute("delete from summary_groups")


def is_current(db: sqlite_utils.Database, document_id: str, version: str) -> bool:
    """True when this exact file content was already extracted by this extractor version."""
    rows = db.execute(
        "select 1 from documents where id = ? and extractor_version = ?", [document_id, version]
    ).fetchall()
    return bool(rows)


@dataclass(frozen=True)
class PreparedDocument:
    """One document as the rows the store writes: built where it was extracted (a worker process),
    written by the one process that writes the database. Plain values only, so it pickles cheaply:
    each row a tuple in the column order of its table (TABLES, places.PLACE_COLUMNS)."""

    id: str
    path: str
    status: str
    document: tuple[Any, ...]
    places: list[tuple[Any, ...]]
    children: dict[str, list[tuple[Any, ...]]]  # tables without rows left out
    # views.summary_rows: what views.SUMMARY_SELECTS would give, computed here rather than by the writer.
    summaries: dict[str, list[tuple[Any, ...]]]

    @property
    def row_count(self) -> int:
        """Rows written: the document and its child rows."""
        return 1 + sum(len(rows) for rows in self.children.values())


def prepare(document: PlanDocument, size_bytes: int | None = None) -> PreparedDocument:
    """The rows of one extracted document, ready for save_prepared."""
    children = {name: rows_of(name, document) for name in CHILD_TABLES}
    return prepared_rows(_document_row(document, size_bytes), places.place_tuples(document), children)


def prepared_rows(
    document: tuple[Any, ...], place_rows: list[tuple[Any, ...]], children: dict[str, list[tuple[Any, ...]]]
) -> PreparedDocument:
    """A PreparedDocument from its rows (tuples in the column order of TABLES and places.PLACE_COLUMNS),
    with the summary rows they give."""
    row = dict(zip(_DOCUMENT_COLUMNS, document, strict=True))
    children = {name: rows for name, rows in children.items() if rows}
    summaries = views.summary_rows(
        row, *([dict(zip(TABLES[name], r, strict=True)) for r in children.get(name, ())]
               for name in ("budget_items", "poverty_stats", "findings")),
    )
    return PreparedDocument(
        id=row["id"], path=row["path"], status=row["status"], document=document, places=place_rows,
        children=children, summaries=summaries,
    )


def save(db: sqlite_utils.Database, document: PlanDocument, size_bytes: int | None = None) -> int:
    """Replace everything stored for this file (by content and by path) in one transaction; rows written."""
    return save_prepared(db, prepare(document, size_bytes))


def save_prepared(db: sqlite_utils.Database, prepared: PreparedDocument) -> int:
    """Write a prepared document, replacing what was stored for its content or its path; rows written."""
    with writing(db):
        conn = db.conn
        stale = conn.execute(
            "select id from documents where id = ? or path = ?", [prepared.id, prepared.path]
        ).fetchall()
        same_content = False
        for (old_id,) in stale:
            if old_id == prepared.id:  # the same file content again (a newer extractor version)
                same_content = True
                _delete(db, old_id, keep_document=True)
            else:
                _delete(db, old_id)
        if same_content:
            # Rewritten in place: when its title and text are unchanged, the full-text indexes are not
            # touched (search.ensure_fts's update trigger), which re-indexing would cost most of the save.
            conn.execute(_UPDATE_DOCUMENT, (*prepared.document, prepared.id))
        else:
            conn.execute(_INSERT["documents"], prepared.document)
        places.save_places(db, prepared.id, prepared.places)
        # The rowids budget rows get (what SQLite gives a row without one: the largest + 1), written out
        # because counted_budget_items keys on them.
        budget_rowid = conn.execute("select coalesce(max(rowid), 0) from budget_items").fetchone()[0]
        for name, table_rows in prepared.children.items():
            if name == "budget_items":
                conn.executemany(_INSERT_BUDGET, [(budget_rowid + 1 + i, *row) for i, row in enumerate(table_rows)])
            else:
                conn.executemany(_INSERT[name], table_rows)
        _write_summaries(db, prepared, budget_rowid, other_groups=bool(stale))
        conn.execute("delete from failures where path = ?", [prepared.path])
    return prepared.row_count


def record_failure(db: sqlite_utils.Database, path: str, reason: str) -> None:
    """Remember that a file could not be read (replacing an earlier failure of the same path)."""
    with writing(db):
        db["failures"].upsert(
            {"path": path, "reason": reason, "failed_at": _now()}, pk="path"
        )


def stored_paths(db: sqlite_utils.Database) -> list[str]:
    """Every path the database holds a document or a failure for."""
    rows = db.execute("select path from documents union select path from failures order by path").fetchall()
    return [row[0] for row in rows]


def forget(db: sqlite_utils.Database, paths: Iterable[str]) -> int:
    """Delete the documents and failures of ``paths`` in one transaction; the number of paths forgotten."""
    paths = list(paths)
    with writing(db):
        for path in paths:
            for (document_id,) in db.execute("select id from documents where path = ?", [path]).fetchall():
                _delete(db, document_id)
            db.execute("delete from failures where path = ?", [path])
        _mark_latest(db)  # a place whose latest plan was deleted gets its next latest
    return len(paths)


def _delete(db: sqlite_utils.Database, document_id: str, keep_document: bool = False) -> None:
    """Delete a document and its rows (its place rows go with it: trigger document_places_ad); with
    ``keep_document`` only its rows, for save_prepared to rewrite the document row in place."""
    _remember_groups(db, "select place_group from document_summary where document_id = ?", [document_id])
    params = [document_id]
    for statement in _DELETE_ROWS:
        db.conn.execute(statement, params)
    if not keep_document:
        db.conn.execute("delete from documents where id = ?", params)


_DELETE_ROWS = [f"delete from [{name}] where document_id = ?" for name in [*views.SUMMARY_TABLES, *CHILD_TABLES]]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _document_row(document: PlanDocument, size_bytes: int | None) -> tuple[Any, ...]:
    header = document.header
    row: dict[str, Any] = {
        "id": document.id,
        "path": document.path,
        "format": document.format,
        "status": document.status,
        "message": document.message,
        "number_blank": int(header.number_blank),
        "issue_date": header.issue_date.value.iso if header.issue_date else None,
        "issuer_level": header.issuer_level,
        "page_count": len(document.page_starts) or None,
        "size_bytes": size_bytes,
        "legacy_encoding": document.legacy_encoding,
        "extractor_version": document.extractor_version,
        "extracted_at": _now(),
        "text": document.text,
    }
    for name in HEADER_FIELDS:
        located = getattr(header, name)
        row[name] = located.value if located is not None else None
    return tuple(row[column] for column in _DOCUMENT_COLUMNS)


def rows_of(table: str, document: PlanDocument) -> list[tuple[Any, ...]]:
    """The rows ``document`` contributes to one child table, each a tuple in the column order of TABLES."""
    doc = document.id
    if table == "document_fields":
        header = document.header
        rows = []
        for name in _FIELD_NAMES:
            located = getattr(header, name)
            if located is not None:
                value = located.value.iso if name == "issue_date" else located.value
                rows.append((doc, name, str(value), *_span(located.evidence)))
        return rows
    if table == "doc_references":
        return [
            (doc, _v(ref.doc_type), ref.so_hieu.value, ref.number, ref.symbol,
             ref.issue_date.value.iso if ref.issue_date else None, _v(ref.issuer), *_span(ref.evidence, ref))
            for ref in document.references
        ]
    if table == "budget_items":
        return [
            (doc, item.label, item.component, item.kind, int(item.is_total), item.year, item.period,
             item.amount_vnd.value, *_span(item.evidence, item))
            for item in document.budget_items
        ]
    if table == "targets":
        return [
            (doc, target.indicator, target.comparator, float(target.value.value), str(target.value.value),
             target.unit, target.year, *_span(target.evidence, target))
            for target in document.targets
        ]
    if table == "poverty_stats":
        rows = []
        for stat in document.poverty_stats:
            rate = stat.rate_percent.value if stat.rate_percent else None
            rows.append((
                doc, stat.category, stat.measure, stat.year, stat.village, _v(stat.households),
                _v(stat.total_households), float(rate) if rate is not None else None,
                str(rate) if rate is not None else None, int(stat.planned), stat.comparator, stat.origin,
                *_span(stat.evidence, stat),
            ))
        return rows
    if table == "households":
        return [
            (doc, household.village, household.category, household.honorific, household.name.value,
             _v(household.members), _v(household.workers), _v(household.cause), *_span(household.evidence, household))
            for household in document.households
        ]
    if table == "doc_tables":
        return [
            (doc, table_model.index, table_model.title, table_model.unit,
             _json(table_model.header), len(table_model.rows), *_span(table_model.evidence))
            for table_model in document.tables
        ]
    if table == "findings":
        rows = []
        for found in document.findings:
            first = found.evidence[0] if found.evidence else None
            rows.append((
                doc, found.rule, found.severity, found.message, _decimal(found.stated), _decimal(found.expected),
                _decimal(found.tolerance), first.start if first else None, first.end if first else None,
                first.page if first else None, first.raw if first else None,
                _json([_evidence_dict(span) for span in found.evidence]),
            ))
        return rows
    if table == "table_rows":
        return [
            (doc, table_model.index, row.index, int(row.is_header), int(row.is_total),
             _json([cell.model_dump(mode="json", exclude_none=True) for cell in row.cells]),
             *_span(row.evidence))
            for table_model in document.tables for row in table_model.rows
        ]
    raise ValueError(f"unknown child table {table!r}")


_FIELD_NAMES = [*HEADER_FIELDS, "issue_date"]


# json.dumps(value, ensure_ascii=False), without building an encoder per call.
_json = json.JSONEncoder(ensure_ascii=False).encode
# Each record model's field names, read once (pydantic's model_fields is a computed property).
_FIELD_NAMES_OF: dict[type, tuple[str, ...]] = {}


def _decimal(value: Any) -> str | None:
    # Decimals are stored as text so that '18.34' stays exactly what was computed or stated.
    return None if value is None else str(value)


def _v(located: Value | None) -> Any:
    return located.value if located is not None else None


def _evidence_dict(evidence: Evidence) -> dict[str, Any]:
    # Evidence.model_dump() without pydantic's serializer: the same keys in the same order.
    return {"start": evidence.start, "end": evidence.end, "page": evidence.page, "raw": evidence.raw}


def _span(evidence: Evidence, record: BaseModel | None = None) -> tuple[Any, ...]:
    """(char_start, char_end, page, raw, evidence): the record's own span, and the spans of each of its
    located values as JSON."""
    parts = None
    if record is not None:
        kind = type(record)
        names = _FIELD_NAMES_OF.get(kind)
        if names is None:
            names = _FIELD_NAMES_OF[kind] = tuple(kind.model_fields)
        for name in names:
            located = getattr(record, name)
            if isinstance(located, Value):
                if parts is None:
                    parts = {}
                parts[name] = _evidence_dict(located.evidence)
    return (
        evidence.start, evidence.end, evidence.page, evidence.raw,
        _json(parts) if parts else None,
    )


def stored_documents(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every stored document (id, path, format, status, message, text), by path."""
    return list(db.query("select id, path, format, status, message, text from documents order by path, id"))


def stored_findings(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every stored finding row, in the order it was written."""
    return list(db.query("select * from findings order by rowid"))


def stored_failures(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every file recorded as unreadable (path, reason, failed_at), by path."""
    return list(db.query("select path, reason, failed_at from failures order by path"))


def query(db: sqlite_utils.Database, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    """Rows of one parameterised query, as dicts."""
    return list(db.query(sql, params or []))


def table_names(db: sqlite_utils.Database) -> list[str]:
    """The kehoach tables then the views, in their documented order."""
    return [*TABLES, *views.VIEWS]


def column_names(db: sqlite_utils.Database, name: str) -> list[str]:
    """The columns of one table or view, in order."""
    return [row[1] for row in db.execute(f"pragma table_info([{name}])").fetchall()]


def iter_rows(db: sqlite_utils.Database, name: str, columns: list[str]) -> Iterable[tuple[Any, ...]]:
    """Every row of one table or view (only ``columns``), in storage order."""
    if name not in TABLES and name not in views.VIEWS:
        raise ValueError(f"unknown table {name!r}")
    known = set(column_names(db, name))
    selected = ", ".join(f"[{column}]" for column in columns if column in known)
    yield from db.execute(f"select {selected} from [{name}]")
