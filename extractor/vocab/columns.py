"""Vietnamese headers of the database's columns and sheet names, for spreadsheets and tables."""

from __future__ import annotations

# column -> Vietnamese header. A column of any table or view must appear here (a test checks).
COLUMN_LABELS: dict[str, str] = {
    # documents
    "id": "Mã văn bản", "path": "Tệp", "format": "Định dạng", "status": "Trạng thái",
    "message": "Ghi chú", "doc_type": "Loại văn bản", "number": "Số", "symbol": "Ký hiệu",
    "so_hieu": "Số, ký hiệu", "number_blank": "Để trống số", "issue_date": "Ngày ban hành",
    "issue_place": "Nơi ban hành", "issuer": "Cơ quan ban hành", "issuer_level": "Cấp",
    "province": "Tỉnh", "district": "Huyện", "commune": "Xã", "title": "Trích yếu",
    "plan_year": "Năm kế hoạch", "signer": "Người ký", "signer_capacity": "Chức vụ người ký",
    "page_count": "Số trang", "size_bytes": "Dung lượng (byte)",
    "legacy_encoding": "Bảng mã cũ đã chuyển (TCVN3, VNI…)", "extractor_version": "Phiên bản",
    "extracted_at": "Thời điểm trích xuất", "text": "Nội dung",
    # spans, shared by every child table
    "document_id": "Mã văn bản", "char_start": "Vị trí đầu", "char_end": "Vị trí cuối",
    "page": "Trang", "raw": "Nguyên văn", "evidence": "Bằng chứng (JSON)",
    # child tables
    "field": "Trường", "value": "Giá trị", "label": "Nội dung khoản", "component": "Hợp phần",
    "kind": "Loại kinh phí", "is_total": "Dòng tổng", "year": "Năm", "period": "Giai đoạn",
    "amount_vnd": "Số tiền (đồng)", "indicator": "Chỉ tiêu", "comparator": "So sánh",
    "value_text": "Giá trị (chính xác)", "unit": "Đơn vị", "category": "Nhóm",
    "measure": "Loại số liệu", "village": "Thôn", "households": "Số hộ",
    "total_households": "Tổng số hộ", "rate_percent": "Tỷ lệ (%)", "rate_text": "Tỷ lệ (chính xác)",
    "planned": "Kế hoạch", "origin": "Nguồn", "honorific": "Danh xưng", "name": "Họ tên",
    "members": "Số khẩu", "workers": "Số lao động", "cause": "Nguyên nhân",
    "table_index": "Bảng số", "header": "Tiêu đề cột", "row_count": "Số dòng",
    "row_index": "Dòng số", "is_header": "Dòng tiêu đề", "cells": "Ô (JSON)", "rule": "Quy tắc",
    "severity": "Mức độ", "stated": "Số ghi", "expected": "Số tính lại", "tolerance": "Sai số cho phép",
    "reason": "Lý do", "failed_at": "Thời điểm lỗi",
    # views
    "budget_item_id": "Mã khoản", "place": "Địa bàn", "planned_vnd": "Kinh phí kế hoạch (đồng)",
    "allocated_vnd": "Kinh phí phân bổ (đồng)", "spent_vnd": "Kinh phí đã chi (đồng)",
    "prior_result_vnd": "Kinh phí năm trước (đồng)", "other_vnd": "Kinh phí khác (đồng)",
    "stated_planned_total_vnd": "Tổng kế hoạch ghi trong văn bản (đồng)", "items": "Số khoản",
    "documents": "Số văn bản", "actual_households": "Số hộ (thực tế)",
    "actual_total_households": "Tổng số hộ (thực tế)", "actual_rate_percent": "Tỷ lệ thực tế (%)",
    "planned_households": "Số hộ kế hoạch", "planned_rate_percent": "Tỷ lệ kế hoạch (%)",
    "actual_reduction_households": "Số hộ đã giảm", "actual_reduction_points": "Tỷ lệ đã giảm (điểm %)",
    "planned_reduction_households": "Số hộ giảm theo kế hoạch",
    "planned_reduction_points": "Tỷ lệ giảm theo kế hoạch (điểm %)", "errors": "Số lỗi",
    "warnings": "Số cảnh báo", "findings": "Số phát hiện",
    "poor_households_base_year": "Số hộ nghèo năm gốc", "base_year": "Năm gốc", "rank": "Thứ tự",
    "planned_vnd_per_poor_household": "Kinh phí kế hoạch / hộ nghèo (đồng)",
    "poor_rate_percent": "Tỷ lệ hộ nghèo (%)", "near_poor_rate_percent": "Tỷ lệ hộ cận nghèo (%)",
    "planned_poor_reduction_points": "Giảm tỷ lệ hộ nghèo theo kế hoạch (điểm %)",
    "planned_poor_reduction_households": "Số hộ nghèo giảm theo kế hoạch",
    "planned_near_poor_reduction_points": "Giảm tỷ lệ hộ cận nghèo theo kế hoạch (điểm %)",
}

# table or view -> sheet name (Excel allows at most 31 characters).
SHEET_NAMES: dict[str, str] = {
    "documents": "Văn bản", "document_fields": "Trường văn bản", "doc_references": "Văn bản dẫn chiếu",
    "budget_items": "Khoản kinh phí", "targets": "Chỉ tiêu", "poverty_stats": "Số liệu nghèo",
    "households": "Hộ gia đình", "doc_tables": "Bảng", "table_rows": "Dòng bảng", "findings": "Phát hiện",
    "failures": "Tệp lỗi", "v_budget_lines": "Khoản được tính", "v_budget_by_document": "KP theo văn bản",
    "v_budget_by_component": "KP theo hợp phần", "v_budget_by_component_year": "KP hợp phần theo năm",
    "v_poverty_by_document": "Nghèo theo văn bản", "v_poverty_by_place": "Nghèo theo địa bàn",
    "v_findings_by_document": "Phát hiện theo văn bản", "v_poverty_base": "Nghèo năm gốc", "v_poverty_pivot": "Nghèo để so sánh", "v_compare_places": "So sánh địa bàn",
}

# Examples a test runs: (column, header).
COLUMN_EXAMPLES: list[tuple[str, str]] = [
    ("amount_vnd", "Số tiền (đồng)"),
    ("plan_year", "Năm kế hoạch"),
    ("commune", "Xã"),
    ("planned_vnd_per_poor_household", "Kinh phí kế hoạch / hộ nghèo (đồng)"),
]


def is_vnd(column: str) -> bool:
    """True for a column holding whole đồng (named '*_vnd' or '*_vnd_*')."""
    return column.endswith("_vnd") or "_vnd_" in column
