"""Heading markers, programme components and what a section heading says about its content."""

from __future__ import annotations

# --- Heading markers at the start of a line (after optional spaces) ---------------------------
# 'PHẦN I', 'Phần thứ hai': a part above the Roman sections (rare, long plans).
PART = r"(?:PHẦN|Phần)\s+(?:[IVX]{1,5}|\d{1,2}|thứ\s+\p{L}+)\s*[.:]?"
# 'I.', 'IV.': Roman numerals with a dot.
ROMAN = r"[IVXL]{1,6}\."
# '1.', '2.3.', '4.1' (no trailing dot allowed only with two or more levels), '1.1.2.'.
ARABIC = r"\d{1,2}\.(?:\d{1,2}\.){0,3}|\d{1,2}(?:\.\d{1,2}){1,3}(?=\s+\p{Lu})"
# 'a)', 'đ)': lower-case letters with a closing parenthesis ('đ' follows 'd' in Vietnamese order).
LETTER = r"[a-zđ]\)"

# 'Dự án 3', 'Tiểu dự án 2', any case, the words possibly wrapped over lines in PDFs.
COMPONENT = r"(?P<kind>tiểu\s+dự\s+án|dự\s+án)\s+(?P<number>\d{1,2})(?![\d.,]\d)"
# After the component number a heading goes on with ':', '.', a dash, 'thuộc', '(' or the line end;
# body text ('Dự án 1 đã triển khai ...') does not.
COMPONENT_HEAD_END = r"\s*(?:[:.\-–(]|thuộc\b|$)"
# The parent project named inside a Tiểu dự án heading or sentence:
# 'Tiểu dự án 1 thuộc Dự án 3', 'Tiểu dự án 1, dự án 3', 'Tiểu dự án 2 (Dự án 6: ...)'.
PARENT_AFTER_SUBPROJECT = r"\s*(?:,|\(|thuộc|của|-|–)\s*(?:dự\s+án)\s+(?P<parent>\d{1,2})(?!\d)"

# Each example: (line, marker kind, marker, component) — a test runs every one.
HEADING_EXAMPLES: list[tuple[str, str, str, str | None]] = [
    ("I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2023", "roman", "I", None),
    ("IV. KINH PHÍ THỰC HIỆN CHƯƠNG TRÌNH", "roman", "IV", None),
    ("2. Mục tiêu", "arabic", "2", None),
    ("1.2. Mục tiêu, chỉ tiêu cụ thể", "arabic", "1.2", None),
    ("4.1 Giải pháp chung:", "arabic", "4.1", None),
    ("đ) Nguồn vốn thực hiện: Dự kiến 530 triệu đồng.", "letter", "đ", None),
    ("1. Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo", "arabic", "1", "Dự án 2"),
    ("4.2. Tiểu dự án 3: Hỗ trợ việc làm bền vững", "arabic", "4.2", "Tiểu dự án 3"),
    ("Tiểu dự án 2: Cải thiện dinh dưỡng", "component", "", "Tiểu dự án 2"),
    ("3.1. Dự án 1 hỗ trợ nước sinh hoạt phân tán và chuyển đổi nghề: Đã triển khai", "arabic", "3.1", "Dự án 1"),
    (
        "2.2. Tiểu dự án 1: Hỗ trợ phát triển sản xuất (Dự án 3: Hỗ trợ phát triển sản xuất)",
        "arabic",
        "2.2",
        "Dự án 3 / Tiểu dự án 1",
    ),
    ("a) Tiểu dự án 1: Nâng cao năng lực thực hiện Chương trình", "letter", "a", "Tiểu dự án 1"),
    ("3.2. Dự án thuộc chương trình MTQG giảm nghèo bền vững", "arabic", "3.2", None),
    ("PHẦN II. KẾ HOẠCH NĂM 2025", "part", "PHẦN II", None),
]

# Lines that look like headings but are not.
NOT_HEADING_EXAMPLES: list[str] = [
    "1.728 triệu đồng.",  # an amount wrapped onto its own line
    "2024 trên địa bàn",  # a year at a wrapped line start
    "Dự án 1 đã triển khai cho 40 hộ",  # body text starting with a component name
    "12,5 triệu đồng",
    "- Dự án 1: Giải quyết tình trạng thiếu đất ở",  # a bullet, not a heading
]

# --- What a heading says about its section -------------------------------------------------
# A section reporting past results (its amounts are prior results, its numbers are not targets).
EVALUATION_TITLE_WORDS: list[str] = [
    "đánh giá kết quả",
    "kết quả thực hiện",
    "kết quả đạt được",
    "kết quả rà soát",
    "tình hình thực hiện",
    "đánh giá tình hình",
    "đánh giá chung",
    "thực trạng",
    "kết quả năm",
]
EVALUATION_TITLE_EXAMPLES: list[str] = [
    "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO NĂM 2023",
    "Kết quả thực hiện mục tiêu, chỉ tiêu chủ yếu năm 2023",
    "Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2023",
    "Tình hình thực hiện năm 2022",
]

# A section whose title starts with one of these holds targets ('Các', 'Những' may come first).
TARGET_TITLE_STARTS: list[str] = [
    "mục tiêu",
    "chỉ tiêu",
    "phấn đấu",
    "kết quả đầu ra",
    "kết quả cần đạt",
    "các mục tiêu",
    "các chỉ tiêu",
    "những chỉ tiêu",
]
TARGET_TITLE_EXAMPLES: list[str] = [
    "MỤC TIÊU",
    "Mục tiêu, chỉ tiêu cụ thể",
    "CÁC CHỈ TIÊU GIẢM NGHÈO CỤ THỂ",
    "Kết quả đầu ra",
    "Mục tiêu cụ thể",
]

# A section whose title starts with one of these holds no targets, even inside a Mục tiêu part.
OTHER_TITLE_STARTS: list[str] = [
    "giải pháp",
    "các giải pháp",
    "nhiệm vụ",
    "tổ chức thực hiện",
    "nội dung",
    "đối tượng",
    "kinh phí",
    "nguồn vốn",
    "nguồn kinh phí",
    "đơn vị thực hiện",
    "phân công",
    "mục đích",
    "yêu cầu",
    "phạm vi",
    "thời gian",
    "căn cứ",
]
OTHER_TITLE_EXAMPLES: list[str] = [
    "Giải pháp.",
    "CÁC GIẢI PHÁP",
    "NHIỆM VỤ VÀ GIẢI PHÁP",
    "Nội dung hoạt động",
    "MỤC ĐÍCH, YÊU CẦU",
    "TỔ CHỨC THỰC HIỆN",
]

# A plan section (its title starts with one of these): what the plan sets out for its own year.
PLAN_TITLE_STARTS: list[str] = [
    "kế hoạch năm",
    "kế hoạch thực hiện năm",
    "phương hướng",
    "nhiệm vụ",
    "mục tiêu",
    "các mục tiêu",
    "chỉ tiêu",
    "các chỉ tiêu",
    "giải pháp",
    "các giải pháp",
    "phấn đấu",
]
PLAN_TITLE_EXAMPLES: list[str] = ["KẾ HOẠCH NĂM 2024", "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025", "Mục tiêu cụ thể"]
