"""Full-text search over the stored documents, keeping Vietnamese tones apart ('hộ' is not 'họ').

Two SQLite FTS5 indexes over the documents table (external content, kept in step by triggers):
documents_fts keeps diacritics (case is still folded); documents_fts_fold folds them for
accent-insensitive search. Functions take the sqlite_utils Database; they use only db.execute.
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass
from typing import Any

import regex

from extractor.places import normalize_tones

EXACT, FOLDED = "documents_fts", "documents_fts_fold"
_TOKENIZERS = {EXACT: "unicode61 remove_diacritics 0", FOLDED: "unicode61 remove_diacritics 2"}
_COLUMNS = ("title", "text")
# What FTS5's unicode61 tokenizer keeps inside a token: letters, marks and digits; anything else separates.
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}\p{Co}]+")
_PHRASE = regex.compile(r'"([^"]*)"?')
_MAX_VARIANTS = 16


@dataclass(frozen=True)
class SearchHit:
    """One matching document: where it is, its title, and the matching passage with hits in [brackets]."""

    document_id: str
    path: str
    title: str | None
    snippet: str


def ensure_fts(db: Any) -> None:
    """Create both FTS5 indexes and their triggers on documents (idempotent); index existing documents once."""
    cols = ", ".join(_COLUMNS)
    new_cols = ", ".join(f"new.{c}" for c in _COLUMNS)
    old_cols = ", ".join(f"old.{c}" for c in _COLUMNS)
    for table, tokenizer in _TOKENIZERS.items():
        delete = f"insert into [{table}]([{table}], rowid, {cols}) values('delete', old.rowid, {old_cols});"
        insert = f"insert into [{table}](rowid, {cols}) values(new.rowid, {new_cols});"
        # A document rewritten with the same title and text (re-extracted) keeps its index entries.
        changed = " or ".join(["old.rowid != new.rowid", *(f"old.{c} is not new.{c}" for c in _COLUMNS)])
        update = f"CREATE TRIGGER [{table}_au] after update on documents when {changed} begin {delete} {insert} end"
        exists = db.execute("select 1 from sqlite_master where name = ?", [table]).fetchall()
        if exists:
            # Made by an older kehoach: its update trigger re-indexed every rewritten document.
            stored = db.execute("select sql from sqlite_master where type = 'trigger' and name = ?",
                                [f"{table}_au"]).fetchall()
            if stored != [(update,)]:
                db.execute(f"drop trigger if exists [{table}_au]")
                db.execute(update)
            continue
        db.execute(
            f"create virtual table [{table}] using fts5({cols}, content='documents', content_rowid='rowid',"
            f" tokenize='{tokenizer}')"
        )
        db.execute(f"create trigger if not exists [{table}_ai] after insert on documents begin {insert} end")
        db.execute(f"create trigger if not exists [{table}_ad] after delete on documents begin {delete} end")
        db.execute(update)
        db.execute(f"insert into [{table}]([{table}]) values('rebuild')")


def rebuild_fts(db: Any) -> None:
    """Re-index every document (after a VACUUM, which may renumber the rowids the indexes point to)."""
    for table in _TOKENIZERS:
        db.execute(f"insert into [{table}]([{table}]) values('rebuild')")


def _variants(token: str, fold: bool) -> list[str]:
    """Spellings of one token that mean the same word: old and new tone placement; d/đ when folding."""
    token = unicodedata.normalize("NFC", token).lower()
    if fold:
        # FTS5 folds accents but not đ, a letter of its own: 'da' must find 'Đa Quyn'.
        plain = token.replace("đ", "d")
        return [plain, plain.replace("d", "đ")] if "d" in plain else [plain]
    return list(dict.fromkeys([token, normalize_tones(token), normalize_tones(token, old_style=True)]))


def _phrase(tokens: list[str], fold: bool) -> str:
    """One FTS5 expression for these tokens in sequence: an OR of quoted phrases, one per spelling."""
    options = [_variants(token, fold) for token in tokens]
    combos = list(itertools.islice(itertools.product(*options), _MAX_VARIANTS))
    # Tokens hold only letters and digits, so a double quote can never end the FTS5 string early.
    quoted = ['"' + " ".join(combo) + '"' for combo in combos]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


def match_expression(query: str, fold: bool = False) -> str | None:
    """A safe FTS5 MATCH expression for user input: "quoted parts" are phrases, other words are terms
    that must all occur; FTS5 operators and punctuation are read as plain text. None when no word."""
    parts: list[str] = []
    for match in _PHRASE.finditer(query):
        tokens = _TOKEN.findall(match.group(1))
        if tokens:
            parts.append(_phrase(tokens, fold))
    rest = _PHRASE.sub(" ", query)
    parts.extend(_phrase([token], fold) for token in _TOKEN.findall(rest))
    return " AND ".join(parts) if parts else None


def search(db: Any, query: str, fold: bool = False, limit: int = 20) -> list[SearchHit]:
    """Documents matching ``query`` (tones kept apart unless ``fold``), best first, with a snippet."""
    expression = match_expression(query, fold)
    if expression is None:
        return []
    table = FOLDED if fold else EXACT
    rows = db.execute(
        f"select d.id, d.path, d.title, snippet([{table}], -1, '[', ']', '…', 16)"
        f" from [{table}] join documents d on d.rowid = [{table}].rowid"
        f" where [{table}] match ? order by bm25([{table}]) limit ?",
        [expression, limit],
    ).fetchall()
    return [SearchHit(*row) for row in rows]
