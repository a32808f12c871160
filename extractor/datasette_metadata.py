"""Datasette metadata for a kehoach database: Vietnamese titles and descriptions, facets, canned queries."""

from __future__ import annotations

from typing import Any

from extractor.search import EXACT
from extractor.vocab.columns import COLUMN_LABELS, SHEET_NAMES

TITLE = "Kế hoạch của địa phương (kehoach)"
DESCRIPTION = (
    "Dữ liệu trích từ các văn bản KẾ HOẠCH của xã, huyện, tỉnh: số, ngày, cơ quan ban hành, kinh phí "
    "(đồng), chỉ tiêu, số liệu hộ nghèo và cận nghèo, danh sách hộ, bảng và các phát hiện sai lệch về số "
    "liệu. Mỗi giá trị kèm nguyên văn và vị trí trong văn bản. Dữ liệu chỉ đọc."
)

# table or view -> Vietnamese description (every table and view of the database has one; a test checks).
TABLE_DESCRIPTIONS: dict[str, str] = {
    "documents": "Mỗi dòng là một tệp văn bản đã đọc: số, ký hiệu, ngày, cơ quan ban hành, cấp, địa bàn, năm kế hoạch, người ký và toàn văn.",
    "document_fields": "Các trường của phần đầu văn bản, mỗi trường kèm nguyên văn và vị trí.",
    "doc_references": "Các văn bản được dẫn chiếu (căn cứ) trong mỗi kế hoạch.",
    "document_places": "Địa bàn mỗi kế hoạch nêu (tỉnh, huyện, xã), với mã đơn vị hành chính chính thức trước và sau tháng 7/2025.",
    "budget_items": "Các khoản kinh phí ghi trong văn bản, theo hợp phần (Dự án / Tiểu dự án), loại kinh phí và năm; số tiền tính bằng đồng.",
    "targets": "Các chỉ tiêu kế hoạch đặt ra (ví dụ giảm tỷ lệ hộ nghèo), kèm giá trị và đơn vị.",
    "poverty_stats": "Số liệu hộ nghèo, hộ cận nghèo: số hộ, tỷ lệ (%), mức giảm; thực tế hoặc kế hoạch, theo năm và thôn.",
    "households": "Danh sách hộ gia đình nêu trong văn bản: thôn, nhóm, họ tên, số khẩu, số lao động, nguyên nhân.",
    "doc_tables": "Các bảng trong văn bản: tiêu đề, đơn vị, tiêu đề cột, số dòng.",
    "table_rows": "Từng dòng của các bảng trong văn bản (ô dạng JSON).",
    "findings": "Các phát hiện khi đối chiếu số liệu của chính văn bản (tổng, tỷ lệ, hiệu số, danh sách): lỗi hoặc cảnh báo.",
    "failures": "Các tệp không đọc được và lý do.",
    "document_summary": "Tóm tắt mỗi văn bản (kinh phí, năm gốc, tỷ lệ nghèo, mức giảm, số lỗi), do kehoach ghi khi nạp văn bản để so sánh nhanh; các view so sánh đọc từ bảng này.",
    "counted_budget_items": "Các khoản kinh phí được tính vào tổng (các dòng của view v_budget_lines), do kehoach ghi khi nạp văn bản; các view kinh phí theo khoản, theo hợp phần và năm đọc từ bảng này.",
    "document_budget": "Kinh phí của mỗi văn bản theo hợp phần (các dòng của view v_budget_by_component), do kehoach ghi khi nạp văn bản.",
    "document_poverty": "Số liệu nghèo toàn địa bàn của mỗi văn bản theo năm và nhóm (các dòng của view v_poverty_by_document), kèm đánh dấu dòng năm gốc, do kehoach ghi khi nạp văn bản; các view số liệu nghèo đọc từ bảng này.",
    "v_budget_lines": "Các khoản kinh phí được tính vào tổng (không cộng dòng tổng với các khoản thành phần).",
    "v_budget_by_document": "Tổng kinh phí của mỗi văn bản theo loại (kế hoạch, phân bổ, đã chi...), kèm tổng ghi trong văn bản để đối chiếu.",
    "v_budget_by_component": "Kinh phí của mỗi văn bản theo hợp phần của chương trình (Dự án / Tiểu dự án).",
    "v_budget_by_component_year": "Kinh phí theo hợp phần và năm, cộng trên mọi văn bản.",
    "v_poverty_by_document": "Số liệu nghèo toàn địa bàn của mỗi văn bản, theo năm và nhóm (không tính các dòng theo thôn).",
    "v_poverty_by_place": "Số liệu nghèo theo địa bàn, năm và nhóm, trên mọi văn bản.",
    "v_poverty_base": "Năm gốc của mỗi kế hoạch: năm gần nhất (không sau năm kế hoạch) có số hộ hoặc tỷ lệ thực tế.",
    "v_poverty_pivot": "Số liệu năm gốc và mức giảm kế hoạch của năm kế hoạch, mỗi văn bản một dòng.",
    "v_findings_by_document": "Số lỗi, số cảnh báo và tổng số phát hiện của mỗi văn bản.",
    "v_compare_places": "So sánh địa bàn: mỗi địa bàn và năm kế hoạch một dòng (kế hoạch ban hành gần nhất): kinh phí, kinh phí trên mỗi hộ nghèo, tỷ lệ nghèo, mức giảm kế hoạch, số lỗi.",
}

# Titles of tables the spreadsheet vocabulary does not name.
_EXTRA_TITLES = {
    "document_places": "Địa bàn văn bản", "document_summary": "Tóm tắt văn bản",
    "counted_budget_items": "Khoản được tính (bảng tóm tắt)", "document_budget": "Kinh phí văn bản theo hợp phần (bảng tóm tắt)",
    "document_poverty": "Số liệu nghèo của văn bản (bảng tóm tắt)",
}

# (table, column) -> description, where the shared header is wrong or missing for that table.
COLUMN_NOTES: dict[tuple[str, str], str] = {
    ("documents", "issuer_level"): "Cấp ban hành: xa (xã), huyen (huyện), tinh (tỉnh)",
    ("documents", "text"): "Nội dung (toàn văn, dài: xem trang từng văn bản)",
    ("budget_items", "kind"): "Loại kinh phí: planned (kế hoạch), allocated (phân bổ), spent (đã chi), prior_result (năm trước), other",
    ("budget_items", "is_total"): "Dòng tổng (1) hay khoản thành phần (0)",
    ("poverty_stats", "category"): "Nhóm: poor (hộ nghèo), near_poor (hộ cận nghèo)",
    ("poverty_stats", "planned"): "Kế hoạch (1) hay thực tế (0)",
    ("poverty_stats", "measure"): "Loại số liệu: level (số hộ, tỷ lệ), reduction (mức giảm)",
    ("findings", "severity"): "Mức độ: error (lỗi), warning (cảnh báo)",
    ("document_places", "level"): "Cấp: tinh (tỉnh), huyen (huyện), xa (xã)",
    ("document_places", "name"): "Tên địa bàn như văn bản ghi",
    ("document_places", "stated"): "Văn bản ghi (1) hay suy ra từ cấp dưới (0)",
    ("document_places", "place_key"): "Khoá so khớp tên (bỏ chữ hoa, chữ xã/huyện/TP., thống nhất vị trí dấu)",
    ("document_places", "code"): "Mã đơn vị hành chính (trước tháng 7/2025)",
    ("document_places", "official_name"): "Tên chính thức (trước tháng 7/2025)",
    ("document_places", "new_code"): "Mã đơn vị sau tháng 7/2025",
    ("document_places", "new_name"): "Tên đơn vị sau tháng 7/2025",
    ("document_places", "new_split"): "Các đơn vị mới khi xã bị chia",
    ("document_summary", "province_key"): "Khoá so khớp tên tỉnh",
    ("document_summary", "district_key"): "Khoá so khớp tên huyện",
    ("document_summary", "place_group"): "Khoá so khớp tên địa bàn (hoặc mã văn bản khi không có tên)",
    ("document_summary", "is_latest"): "Kế hoạch ban hành gần nhất của địa bàn và năm đó (1) hay không (0)",
    ("document_poverty", "is_base"): "Dòng năm gốc của kế hoạch (1) hay không (0)",
}

# table or view -> columns to facet on (only columns the table has; a test checks).
FACETS: dict[str, list[str]] = {
    "documents": ["issuer_level", "province", "district", "commune", "plan_year", "status"],
    "document_places": ["level", "name"],
    "budget_items": ["component", "kind", "year"],
    "targets": ["year", "unit"],
    "poverty_stats": ["category", "measure", "year"],
    "households": ["village", "category"],
    "findings": ["severity", "rule"],
    "v_budget_by_document": ["issuer_level", "place", "plan_year"],
    "v_budget_by_component": ["component", "place", "plan_year"],
    "v_budget_by_component_year": ["component", "year"],
    "v_poverty_by_document": ["issuer_level", "place", "year", "category"],
    "v_poverty_by_place": ["issuer_level", "place", "year", "category"],
    "v_findings_by_document": ["issuer_level", "place", "plan_year"],
    "v_compare_places": ["issuer_level", "province", "district", "place", "plan_year"],
}

# Documents of one place, whatever its spelling (kh_fold is registered on every connection by serve).
_OF_PLACE = "document_id in (select document_id from document_places where place_key = kh_fold(:place))"

# name -> (title, description, view, columns, where, order by). Columns are shown with Vietnamese headers.
QUERIES: dict[str, tuple[str, str, str, list[str], str, str]] = {
    "kinh_phi_theo_hop_phan_va_nam": (
        "Kinh phí theo hợp phần và năm",
        "Tổng kinh phí của mọi kế hoạch theo hợp phần (Dự án / Tiểu dự án) và năm, đơn vị đồng.",
        "v_budget_by_component_year",
        ["component", "year", "planned_vnd", "allocated_vnd", "spent_vnd", "documents", "items"],
        "", "year, component",
    ),
    "so_sanh_dia_ban": (
        "So sánh các địa bàn",
        "Mỗi địa bàn và năm kế hoạch một dòng; kinh phí trên mỗi hộ nghèo cao nhất trước.",
        "v_compare_places",
        ["issuer_level", "place", "district", "province", "plan_year", "planned_vnd",
         "poor_households_base_year", "planned_vnd_per_poor_household", "poor_rate_percent",
         "near_poor_rate_percent", "planned_poor_reduction_points", "errors", "warnings", "path"],
        "", "planned_vnd_per_poor_household desc, place",
    ),
    "phat_hien_theo_van_ban": (
        "Phát hiện theo văn bản",
        "Số lỗi và cảnh báo của mỗi kế hoạch; văn bản nhiều lỗi nhất trước.",
        "v_findings_by_document",
        ["place", "issuer_level", "plan_year", "errors", "warnings", "findings", "path"],
        "", "errors desc, warnings desc, path",
    ),
    "ty_le_ngheo_theo_dia_ban": (
        "Tỷ lệ nghèo theo địa bàn và năm",
        "Tỷ lệ và số hộ nghèo, cận nghèo thực tế và kế hoạch của mỗi địa bàn theo năm.",
        "v_poverty_by_place",
        ["place", "issuer_level", "year", "category", "actual_households", "actual_rate_percent",
         "planned_rate_percent", "planned_reduction_points", "documents"],
        "", "place, year, category",
    ),
    "kinh_phi_cua_dia_ban": (
        "Kinh phí của một địa bàn",
        ("Kinh phí theo hợp phần của các kế hoạch của một xã, huyện hoặc tỉnh. Nhập tên địa bàn: "
         "không phân biệt chữ hoa, có hay không chữ xã/huyện/thành phố, dấu đặt kiểu cũ hay mới (Hòa/Hoà)."),
        "v_budget_by_component",
        ["place", "plan_year", "component", "planned_vnd", "allocated_vnd", "spent_vnd", "items", "path"],
        _OF_PLACE, "plan_year, place, component",
    ),
}


def query_sql(name: str) -> str:
    """The SQL of one canned query, its columns renamed to their Vietnamese headers."""
    _, _, view, columns, where, order = QUERIES[name]
    select = ", ".join(f'{column} as "{COLUMN_LABELS.get(column, column)}"' for column in columns)
    return f"select {select} from {view}" + (f" where {where}" if where else "") + f" order by {order}"


def table_metadata(name: str, columns: list[str]) -> dict[str, Any]:
    """One table's or view's metadata: Vietnamese title, description, column descriptions, facets."""
    entry: dict[str, Any] = {
        "title": SHEET_NAMES.get(name) or _EXTRA_TITLES.get(name, name),
        "description": TABLE_DESCRIPTIONS.get(name, ""),
        "columns": {c: COLUMN_NOTES.get((name, c)) or COLUMN_LABELS.get(c, c) for c in columns},
    }
    if facets := [c for c in FACETS.get(name, []) if c in columns]:
        entry["facets"] = facets
    if name == "documents":
        entry["fts_table"], entry["fts_pk"] = EXACT, "rowid"  # the index that keeps tones apart
    return entry


def build_metadata(database: str, tables: dict[str, list[str]]) -> dict[str, Any]:
    """The Datasette metadata dict for one database, given its tables and views with their columns."""
    queries = {
        name: {"title": title, "description": description, "sql": query_sql(name)}
        for name, (title, description, *_) in QUERIES.items()
    }
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "databases": {
            database: {
                "title": TITLE,
                "description": DESCRIPTION,
                "tables": {name: table_metadata(name, columns) for name, columns in tables.items()},
                "queries": queries,
            }
        },
    }
