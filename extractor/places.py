"""Place names matched whatever the spelling, and linked to official administrative-unit codes.

The codes come from the vietnamadminunits package (its own data files, read offline); this is the
only module that imports it, and only when a link is asked for.
"""

from __future__ import annotations

import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

import regex

from extractor.vocab.place_names import NAME_DASH
from extractor.vocab.places import (
    FINAL_CONSONANTS,
    LEVEL_ABBREVIATIONS,
    LEVEL_PREFIXES,
    MARKED_VOWELS,
    NEW_STYLE_PAIRS,
    VOWELS,
)

# The five tone marks as combining characters (NFD); the quality marks ˆ ˘ ʼ are kept on their vowel.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_WORD = regex.compile(r"[\p{L}\p{M}]+")
_DASH = regex.compile(rf"\s*{NAME_DASH}\s*")
_LEADING_ZEROS = regex.compile(r"(?<!\d)0+(?=\d)")
_ABBREVIATION = regex.compile(
    "^(?:" + "|".join(regex.escape(a) for a in sorted(LEVEL_ABBREVIATIONS, key=len, reverse=True)) + r")(?:\s+|(?<=\.))"
)
_PREFIX = regex.compile("^(?:" + "|".join(regex.escape(p) for p in LEVEL_PREFIXES) + r")\s+")


def normalize_tones(text: str, old_style: bool = False) -> str:
    """NFC text with every syllable's tone mark placed by one rule: the new convention ('hoà', 'thuỷ', 'quý'),
    or with ``old_style`` the old one ('hòa', 'thủy', 'quý'); they differ only on open 'oa', 'oe', 'uy'."""
    return _WORD.sub(lambda m: _retone(m.group(), old_style), unicodedata.normalize("NFC", text))


@lru_cache(maxsize=65536)  # syllables repeat: 'Tân', 'Hòa', 'xã' ...
def _retone(word: str, old_style: bool = False) -> str:
    # Split the syllable into letters (each keeping its quality mark) and its one tone mark.
    letters: list[str] = []
    tones: list[str] = []
    for char in unicodedata.normalize("NFD", word):
        if char in _TONES:
            tones.append(char)
        elif unicodedata.combining(char) and letters:
            letters[-1] += char
        else:
            letters.append(char)
    if len(tones) != 1:
        return word
    letters = [unicodedata.normalize("NFC", letter) for letter in letters]
    lower = [letter.lower() for letter in letters]
    start = next((i for i, letter in enumerate(lower) if letter in VOWELS), None)
    if start is None:
        return word
    end = start
    while end < len(lower) and lower[end] in VOWELS:
        end += 1
    if "".join(lower[end:]) not in FINAL_CONSONANTS:
        return word  # not one Vietnamese syllable: leave it as written
    # 'qu' and 'gi' + vowel: the u / i belongs to the consonant ('quý', 'giá').
    if start > 0 and end - start > 1 and (lower[start - 1], lower[start]) in (("q", "u"), ("g", "i")):
        start += 1
    at = _tone_position(lower[start:end], end < len(lower), old_style) + start
    letters[at] = unicodedata.normalize("NFC", letters[at] + tones[0])
    return "".join(letters)


def _tone_position(vowels: list[str], has_final: bool, old_style: bool) -> int:
    """Index in the vowel cluster that carries the tone."""
    marked = [i for i, vowel in enumerate(vowels) if vowel in MARKED_VOWELS]
    if marked:
        return marked[-1]  # 'người', 'thuở', 'khuyến'
    if len(vowels) == 1 or has_final or (not old_style and "".join(vowels) in NEW_STYLE_PAIRS):
        return len(vowels) - 1  # 'hoàng', 'hoà', 'thuỷ'
    return 1 if len(vowels) == 3 else 0  # 'ngoái', 'mùa', 'tủi'


def split_level(name: str) -> tuple[str | None, str]:
    """(level word or None, the name) from 'Xã Cao Lâu', 'TP. Lai Châu' ...; both tone-normalised, lowercase, squashed."""
    text = normalize_tones(name).lower()
    text = _DASH.sub(" - ", text)
    text = " ".join(text.split()).strip(" ,;:.")
    level = None
    if (match := _PREFIX.match(text)) is not None:
        level = match.group().strip()
    elif (match := _ABBREVIATION.match(text)) is not None:
        level = LEVEL_ABBREVIATIONS[match.group().strip()]
    if match is not None and match.end() < len(text):
        text = text[match.end():].lstrip()
    else:
        level = None
    return level, _LEADING_ZEROS.sub("", text)


def place_key(name: str) -> str:
    """The key under which spellings of one place meet: no level word, one tone placement, lowercase, single spaces."""
    return split_level(name)[1]


@dataclass(frozen=True)
class PlaceLink:
    """Official units (layout before July 2025) a plan's place names identify, and what they became."""

    province_code: str | None = None
    province_name: str | None = None
    district_code: str | None = None
    district_name: str | None = None
    commune_code: str | None = None
    commune_name: str | None = None
    new_province_code: str | None = None
    new_province_name: str | None = None
    new_commune_code: str | None = None
    new_commune_name: str | None = None
    # When the commune was divided in July 2025 the package names the parts, not which one the plan's area went to.
    new_commune_split: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        """Plain dict (split names joined by '; ')."""
        row = asdict(self)
        row["new_commune_split"] = "; ".join(self.new_commune_split) or None
        return row


@dataclass(frozen=True)
class _Unit:
    province: str
    province_code: str
    province_key: str
    district: str
    district_code: str
    district_key: str
    ward: str | None
    ward_code: str | None
    ward_key: str | None
    old_key: str  # the package's key of the old unit, for its July 2025 conversion table


@dataclass
class _Units:
    rows: list[_Unit]
    new_province: dict[str, tuple[str, str]]  # old province code -> (new code, new name)
    new_ward: dict[str, tuple[str, str]]  # old ward code -> (new code, new name)
    split: dict[str, tuple[str, ...]]  # old ward code -> names of the new wards it was divided into
    # key -> the rows with that province_key / district_key, in the order of rows (filled by __post_init__).
    by_province: dict[str, list[_Unit]] = field(default_factory=dict)
    by_district: dict[str, list[_Unit]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for row in self.rows:
            self.by_province.setdefault(row.province_key, []).append(row)
            self.by_district.setdefault(row.district_key, []).append(row)


def official_units() -> list[_Unit]:
    """Every official unit (old layout, with codes): for generating test plans, not for matching."""
    return _units().rows


def is_dashed_unit(name: str, level: str | None) -> bool:
    """Whether ``name`` ('Bà Rịa - Vũng Tàu', 'PHAN RANG–THÁP CHÀM') is the name of an official unit whose name has a
    dash, at ``level`` ('tinh', 'huyen', 'xa'; None: any level), in the layout before or after July 2025."""
    key = place_key(name)
    if " - " not in key:
        return False
    names = _dashed_names()
    return any(key in keys for found, keys in names.items() if level is None or found == level)


@lru_cache(maxsize=1)
def _dashed_names() -> dict[str, frozenset[str]]:
    """Level -> place_key of every official unit name with a dash (a few: read from the package's tables alone,
    without loading the whole _units)."""
    from vietnamadminunits.database import query

    tables = (
        ("tinh", "provinceShort", "admin_units_legacy"), ("huyen", "districtShort", "admin_units_legacy"),
        ("xa", "wardShort", "admin_units_legacy"), ("tinh", "provinceShort", "admin_units"),
        ("xa", "wardShort", "admin_units"),
    )
    found: dict[str, set[str]] = {}
    for level, column, table in tables:
        for row in query(f"select distinct {column} from {table}"):
            if row[column] and " - " in (key := place_key(row[column])):
                found.setdefault(level, set()).add(key)
    return {level: frozenset(keys) for level, keys in found.items()}


@lru_cache(maxsize=1)
def _units() -> _Units:
    """Load the package's tables once (its bundled SQLite file and JSON; no network)."""
    from vietnamadminunits.converter.converter_2025 import (
        DICT_PROVINCE,
        DICT_PROVINCE_WARD_DIVIDED,
        DICT_PROVINCE_WARD_NO_DIVIDED,
    )
    from vietnamadminunits.database import query

    key = lru_cache(maxsize=None)(place_key)  # provinces and districts repeat on every commune row
    rows = []
    by_old_key: dict[str, str] = {}
    old_province_key: dict[str, str] = {}
    for r in query(
        "select province, provinceShort, provinceCode, provinceKey, district, districtShort, districtCode,"
        " districtKey, ward, wardShort, wardCode, wardKey from admin_units_legacy"
    ):
        old_key = f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey'] or ''}"
        rows.append(_Unit(
            r["province"], r["provinceCode"], key(r["provinceShort"]),
            r["district"], r["districtCode"], key(r["districtShort"]),
            r["ward"], r["wardCode"], key(r["wardShort"]) if r["wardShort"] else None, old_key,
        ))
        if r["wardCode"]:
            by_old_key[old_key] = r["wardCode"]
        old_province_key[r["provinceKey"]] = r["provinceCode"]
    new_rows = query("select province, provinceCode, provinceKey, ward, wardCode, wardKey from admin_units")
    new_by_key = {(r["provinceKey"], r["wardKey"]): (r["wardCode"], r["ward"]) for r in new_rows}
    new_province_by_key = {r["provinceKey"]: (r["provinceCode"], r["province"]) for r in new_rows}
    new_province = {
        old_province_key[old]: new_province_by_key[new]
        for new, olds in DICT_PROVINCE.items() for old in olds
        if old in old_province_key and new in new_province_by_key
    }
    new_ward: dict[str, tuple[str, str]] = {}
    for province_key, wards in DICT_PROVINCE_WARD_NO_DIVIDED.items():
        for ward_key, old_keys in wards.items():
            for old_key in old_keys:
                if old_key in by_old_key and (province_key, ward_key) in new_by_key:
                    new_ward[by_old_key[old_key]] = new_by_key[(province_key, ward_key)]
    split: dict[str, tuple[str, ...]] = {}
    for province_key, divided in DICT_PROVINCE_WARD_DIVIDED.items():
        for old_key, parts in divided.items():
            if old_key in by_old_key:
                names = [new_by_key.get((province_key, part["newWardKey"]), (None, None))[1] for part in parts]
                split[by_old_key[old_key]] = tuple(sorted(name for name in names if name))
    return _Units(rows, new_province, new_ward, split)


def _one(values: set) -> Any:
    return next(iter(values)) if len(values) == 1 else None


def _matching(rows: list[_Unit], attribute: str, name: str | None) -> list[_Unit]:
    if not name:
        return rows
    key = place_key(name)
    return [row for row in rows if getattr(row, attribute) == key]


def _in_units(units: _Units, province: str | None, district: str | None) -> tuple[list[_Unit], list[_Unit]]:
    """(rows of the named province, rows of the named district in it): _matching on every row, read from the
    indexes (the same rows in the same order)."""
    if not province:
        in_province = units.rows
        rows = units.by_district.get(place_key(district), []) if district else in_province
    else:
        in_province = units.by_province.get(place_key(province), [])
        rows = _matching(in_province, "district_key", district)
    return in_province, rows


def link_place(province: str | None, district: str | None, commune: str | None) -> PlaceLink | None:
    """Official codes of the units these names identify; a unit below the province is linked only when
    its name and at least one stated parent identify exactly one unit. None when nothing is linked."""
    units = _units()
    in_province, rows = _in_units(units, province, district)
    # A commune is linked only under a stated province or district: no need to look for it otherwise.
    with_commune = (
        _matching([row for row in rows if row.ward_code], "ward_key", commune) if province or district else []
    )
    found: dict[str, Any] = {}
    if province and (code := _one({row.province_code for row in in_province})):
        found.update(province_code=code, province_name=in_province[0].province)
    if district and province and (code := _one({row.district_code for row in rows})):
        found.update(district_code=code, district_name=rows[0].district)
    if commune and (province or district) and (code := _one({row.ward_code for row in with_commune})):
        row = with_commune[0]
        found.update(
            commune_code=code, commune_name=row.ward, district_code=row.district_code,
            district_name=row.district, province_code=row.province_code, province_name=row.province,
        )
        if code in units.new_ward:
            found["new_commune_code"], found["new_commune_name"] = units.new_ward[code]
        found["new_commune_split"] = units.split.get(code, ())
    if "province_code" in found and found["province_code"] in units.new_province:
        found["new_province_code"], found["new_province_name"] = units.new_province[found["province_code"]]
    return PlaceLink(**found) if found else None


# --- storage: functions take the sqlite_utils Database so that store.py stays its only importer ---

PLACE_COLUMNS: dict[str, type] = {
    "document_id": str, "level": str, "name": str, "stated": int, "place_key": str, "code": str, "official_name": str,
    "new_code": str, "new_name": str, "new_split": str,
}
_LEVELS = (("tinh", "province"), ("huyen", "district"), ("xa", "commune"))


def ensure_places(db: Any) -> None:
    """Create the document_places table (one row per place level a plan states), emptied with its document."""
    db["document_places"].create(PLACE_COLUMNS, if_not_exists=True)
    db["document_places"].create_index(["document_id"], if_not_exists=True)
    db["document_places"].create_index(["level", "place_key"], if_not_exists=True)
    db["document_places"].create_index(["code"], if_not_exists=True)
    db.execute(
        "create trigger if not exists document_places_ad after delete on documents begin"
        " delete from document_places where document_id = old.id; end"
    )


def place_rows(document: Any) -> list[dict[str, Any]]:
    """The document_places rows of one PlanDocument: its header's province, district and commune, and the
    units above them that the link identifies."""
    header = document.header
    names = {attr: getattr(getattr(header, attr), "value", None) for _, attr in _LEVELS}
    link = link_place(names["province"], names["district"], names["commune"]) if any(names.values()) else None
    rows = []
    for level, attr in _LEVELS:
        code = getattr(link, f"{attr}_code", None)
        if not names[attr] and not code:
            continue
        # A unit the plan does not name but its named commune/district identifies ('xã Cao Lâu, huyện
        # Cao Lộc' is in Lạng Sơn) gets a row too, marked stated = 0, keyed on its official name.
        official = getattr(link, f"{attr}_name", None) if code else None
        new_code = new_name = None
        if attr == "province" or attr == "commune":
            new_code = getattr(link, f"new_{attr}_code", None)
            new_name = getattr(link, f"new_{attr}_name", None)
        split = "; ".join(link.new_commune_split) if link and attr == "commune" else ""
        rows.append({
            "document_id": document.id, "level": level, "name": names[attr], "stated": int(bool(names[attr])),
            "place_key": place_key(names[attr] or official), "code": code, "official_name": official,
            "new_code": new_code, "new_name": new_name, "new_split": split or None,
        })
    return rows


_INSERT_PLACE = (
    f"insert into document_places ({', '.join(PLACE_COLUMNS)}) values ({', '.join('?' * len(PLACE_COLUMNS))})"
)


def place_tuples(document: Any) -> list[tuple[Any, ...]]:
    """place_rows as tuples in the column order of PLACE_COLUMNS (what save_places writes)."""
    return [tuple(row[column] for column in PLACE_COLUMNS) for row in place_rows(document)]


def save_places(db: Any, document_id: str, rows: list[tuple[Any, ...]]) -> int:
    """Replace a document's place rows (from place_tuples; call inside the store's transaction); rows written."""
    db.conn.execute("delete from document_places where document_id = ?", [document_id])
    db.conn.executemany(_INSERT_PLACE, rows)
    return len(rows)
