"""Serve a kehoach database with Datasette (optional extra), read-only on 127.0.0.1 by default.

The only module that imports datasette, and only when `serve` runs.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from extractor.datasette_metadata import build_metadata
from extractor.errors import KehoachError

MISSING = "Datasette is not installed: pip install 'kehoach[serve]'"
# Datasette's defaults (1 s per query, 2 KB per cell) suit neither a comparison over many plans nor
# documents.text, which would fill the page: queries get longer, cells are cut shorter.
SETTINGS = {"sql_time_limit_ms": 30_000, "facet_time_limit_ms": 2_000, "truncate_cells_html": 200}


def prepare(db_path: Path) -> None:
    """Bring the views up to date and fold the write-ahead log into the file (an immutable reader ignores it)."""
    from extractor import store

    try:
        db = store.open_db(db_path)
    except sqlite3.OperationalError:  # a read-only file: serve it as it is
        return
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.conn.close()


def schema(db_path: Path) -> dict[str, list[str]]:
    """Tables and views shown by Datasette (full-text index tables left out), with their columns."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "select name, type, coalesce(sql, '') from sqlite_master where type in ('table', 'view') "
            "and name not like 'sqlite_%' order by type, name"
        ).fetchall()
        virtual = [name for name, _, sql in rows if sql.lower().startswith("create virtual table")]
        names = [n for n, _, _ in rows if not any(n == v or n.startswith(v + "_") for v in virtual)]
        # Names come from the file itself: quoted so that a ']' in one cannot end the identifier.
        return {name: [r[1] for r in conn.execute(f"pragma table_info([{name.replace(']', ']]')}])")] for name in names}
    finally:
        conn.close()


def metadata_for(db_path: Path) -> dict[str, Any]:
    """The Datasette metadata of this database file (its Datasette name is the file's stem)."""
    return build_metadata(Path(db_path).stem, schema(db_path))


def serve(db_path: Path, host: str = "127.0.0.1", port: int = 8001, writable: bool = False) -> None:
    """Run Datasette on db_path until interrupted (Ctrl-C); immutable unless writable."""
    try:
        import uvicorn
    except ImportError as error:
        raise KehoachError(MISSING) from error
    ds = datasette_app(db_path, writable=writable)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on", workers=1)


def datasette_app(db_path: Path, writable: bool = False) -> Any:
    """The Datasette instance ``serve`` runs: the file opened immutable (read-only) unless ``writable``."""
    try:
        from datasette import hookimpl
        from datasette.app import Datasette
        from datasette.plugins import pm
    except ImportError as error:
        raise KehoachError(MISSING) from error
    prepare(db_path)

    class _KehoachFunctions:
        # The canned queries match place names with kh_fold, the store's place key, on every connection.
        @staticmethod
        @hookimpl
        def prepare_connection(conn: sqlite3.Connection) -> None:
            from extractor.store import fold

            conn.create_function("kh_fold", 1, fold, deterministic=True)

    if not pm.has_plugin("kehoach"):
        pm.register(_KehoachFunctions, name="kehoach")
    files = [str(db_path)]
    return Datasette(
        files if writable else [], immutables=[] if writable else files,
        metadata=metadata_for(db_path), settings=SETTINGS,
    )
