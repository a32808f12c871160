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


def open_db(path: Path | str) -> sqlite_utils.Database:
    """Open (and if needed create) a kehoach database, in WAL mode with a busy timeout."""
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA busy_timeout = 30000")
    db.enable_wal()
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
    written by the one process that writes the database. Plain values only, so it pickles cheaply."""

    id: str
    path: str
    status: str
    document: dict[str, Any]
    places: list[dict[str, Any]]
    children: dict[str, list[dict[str, Any]]]

    @property
    def row_count(self) -> int:
        """Rows written: the document and its child rows."""
        return 1 + sum(len(rows) for rows in self.children.values())


def prepare(document: PlanDocument, size_bytes: int | None = None) -> PreparedDocument:
    """The rows of one extracted document, ready for save_prepared."""
    return PreparedDocument(
        id=document.id, path=document.path, status=document.status,
        document=_document_row(document, size_bytes),
        places=places.place_rows(document),
        children={name: list(rows_of(name, document)) for name in CHILD_TABLES},
    )


def save(db: sqlite_utils.Database, document: PlanDocument, size_bytes: int | None = None) -> int:
    """Replace everything stored for this file (by content and by path) in one transaction; rows written."""
    return save_prepared(db, prepare(document, size_bytes))


def save_prepared(db: sqlite_utils.Database, prepared: PreparedDocument) -> int:
    """Write a prepared document, replacing what was stored for its content or its path; rows written."""
    with writing(db):
        stale = [
            row[0]
            for row in db.execute(
                "select id from documents where id = ? or path = ?", [prepared.id, prepared.path]
            ).fetchall()
        ]
        for old_id in stale:
            _delete(db, old_id)
        db["documents"].insert(prepared.document)
        places.save_places(db, prepared.id, prepared.places)
        for name, table_rows in prepared.children.items():
            if table_rows:
                db[name].insert_all(table_rows)
        _summarise(db, "select ?", [prepared.id])
        db.execute("delete from failures where path = ?", [prepared.path])
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


def _delete(db: sqlite_utils.Database, document_id: str) -> None:
    _remember_groups(db, "select place_group from document_summary where document_id = ?", [document_id])
    for name in [*views.SUMMARY_TABLES, *CHILD_TABLES]:
        db.execute(f"delete from [{name}] where document_id = ?", [document_id])
    db.execute("delete from documents where id = ?", [document_id])


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _document_row(document: PlanDocument, size_bytes: int | None) -> dict[str, Any]:
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
    return row


def rows_of(table: str, document: PlanDocument) -> Iterable[dict[str, Any]]:
    """The rows ``document`` contributes to one child table."""
    doc = {"document_id": document.id}
    if table == "document_fields":
        header = document.header
        for name in [*HEADER_FIELDS, "issue_date"]:
            located = getattr(header, name)
            if located is not None:
                value = located.value.iso if name == "issue_date" else located.value
                yield {**doc, "field": name, "value": str(value), **_span(located.evidence)}
    elif table == "doc_references":
        for ref in document.references:
            yield {
                **doc, "doc_type": _v(ref.doc_type), "so_hieu": ref.so_hieu.value, "number": ref.number,
                "symbol": ref.symbol, "issue_date": ref.issue_date.value.iso if ref.issue_date else None,
                "issuer": _v(ref.issuer), **_span(ref.evidence, ref),
            }
    elif table == "budget_items":
        for item in document.budget_items:
            yield {
                **doc, "label": item.label, "component": item.component, "kind": item.kind,
                "is_total": int(item.is_total), "year": item.year, "period": item.period,
                "amount_vnd": item.amount_vnd.value, **_span(item.evidence, item),
            }
    elif table == "targets":
        for target in document.targets:
            yield {
                **doc, "indicator": target.indicator, "comparator": target.comparator,
                "value": float(target.value.value), "value_text": str(target.value.value),
                "unit": target.unit, "year": target.year, **_span(target.evidence, target),
            }
    elif table == "poverty_stats":
        for stat in document.poverty_stats:
            rate = stat.rate_percent.value if stat.rate_percent else None
            yield {
                **doc, "category": stat.category, "measure": stat.measure, "year": stat.year,
                "village": stat.village, "households": _v(stat.households),
                "total_households": _v(stat.total_households),
                "rate_percent": float(rate) if rate is not None else None,
                "rate_text": str(rate) if rate is not None else None, "planned": int(stat.planned),
                "comparator": stat.comparator, "origin": stat.origin, **_span(stat.evidence, stat),
            }
    elif table == "households":
        for household in document.households:
            yield {
                **doc, "village": household.village, "category": household.category,
                "honorific": household.honorific, "name": household.name.value,
                "members": _v(household.members), "workers": _v(household.workers),
                "cause": _v(household.cause), **_span(household.evidence, household),
            }
    elif table == "doc_tables":
        for table_model in document.tables:
            yield {
                **doc, "table_index": table_model.index, "title": table_model.title,
                "unit": table_model.unit, "header": json.dumps(table_model.header, ensure_ascii=False),
                "row_count": len(table_model.rows), **_span(table_model.evidence),
            }
    elif table == "findings":
        for found in document.findings:
            first = found.evidence[0] if found.evidence else None
            yield {
                **doc, "rule": found.rule, "severity": found.severity, "message": found.message,
                "stated": _decimal(found.stated), "expected": _decimal(found.expected),
                "tolerance": _decimal(found.tolerance),
                "char_start": first.start if first else None, "char_end": first.end if first else None,
                "page": first.page if first else None, "raw": first.raw if first else None,
                "evidence": json.dumps([span.model_dump() for span in found.evidence], ensure_ascii=False),
            }
    elif table == "table_rows":
        for table_model in document.tables:
            for row in table_model.rows:
                cells = [cell.model_dump(mode="json", exclude_none=True) for cell in row.cells]
                yield {
                    **doc, "table_index": table_model.index, "row_index": row.index,
                    "is_header": int(row.is_header), "is_total": int(row.is_total),
                    "cells": json.dumps(cells, ensure_ascii=False), **_span(row.evidence),
                }


def _decimal(value: Any) -> str | None:
    # Decimals are stored as text so that '18.34' stays exactly what was computed or stated.
    return None if value is None else str(value)


def _v(located: Value | None) -> Any:
    return located.value if located is not None else None


def _span(evidence: Evidence, record: BaseModel | None = None) -> dict[str, Any]:
    """The record's own span, and the spans of each of its located values as JSON."""
    parts = {}
    if record is not None:
        for name in type(record).model_fields:
            located = getattr(record, name)
            if isinstance(located, Value):
                parts[name] = located.evidence.model_dump()
    return {
        "char_start": evidence.start,
        "char_end": evidence.end,
        "page": evidence.page,
        "raw": evidence.raw,
        "evidence": json.dumps(parts, ensure_ascii=False) if parts else None,
    }


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
