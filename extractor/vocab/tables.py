"""Table words: total rows, unit lines, title lines, row-number and non-money column headers."""

from __future__ import annotations

# A row is a total when its first non-empty cell starts with one of these patterns (any case).
TOTAL_LABELS: tuple[str, ...] = (
    r"tổng\s+cộng",
    r"tổng\s+số",
    r"tổng",
    r"cộng(?!\s+(?:đồng|tác|sự|hưởng|hòa|hoà))",  # 'Cộng:' but not 'cộng đồng', 'cộng tác viên'
    r"toàn\s+(?:xã|phường|thị\s+trấn|huyện|thành\s+phố|thị\s+xã|tỉnh|quận)",
)
TOTAL_EXAMPLES: list[tuple[str, bool]] = [
    ("Tổng", True),
    ("TỔNG CỘNG", True),
    ("Cộng:", True),
    ("Toàn xã", True),
    ("Tổng số", True),
    ("Thôn Tô", False),
    ("Cộng đồng dân cư", False),
    ("Tổng cộng (I+II)", True),
    ("1", False),
]

# The label of a unit line: 'ĐVT: triệu đồng', 'Đơn vị tính: đồng', 'Đơn vị: triệu đồng'.
UNIT_LABEL = r"(?:đvt|đơn\s+vị\s+tính|đơn\s+vị)\s*[:：]"
UNIT_EXAMPLES: list[tuple[str, str | None]] = [
    ("ĐVT: triệu đồng", "triệu đồng"),
    ("(Đơn vị tính: đồng)", "đồng"),
    ("Đơn vị: Triệu đồng", "Triệu đồng"),
    ("Đvt : hộ", "hộ"),
    ("Đơn vị", None),
]

# A line above a table is its title when it is mostly capitals or starts with one of these words.
TITLE_STARTS: tuple[str, ...] = (
    "biểu",
    "bảng",
    "phụ lục",
    "danh sách",
    "tổng hợp",
    "chỉ tiêu",
    "kế hoạch chi tiết",
    "dự toán",
    "kết quả",
)
TITLE_EXAMPLES: list[tuple[str, bool]] = [
    ("CHỈ TIÊU GIẢM NGHÈO CỤ THỂ CỦA TỪNG THÔN NĂM 2024", True),
    ("Biểu 01: Danh sách hộ nghèo", True),
    ("Phụ lục II", True),
    ("Đỗ Văn Liên", False),
    ("Trên đây là kế hoạch giảm nghèo của xã.", False),
]

# Header words of the row-number column: its numbers are never money.
ROW_NUMBER_HEADERS: tuple[str, ...] = ("tt", "stt", "số tt", "số thứ tự")

# Header words of columns that hold counts or rates even in a table whose unit is money.
NON_MONEY_HEADER_WORDS: tuple[str, ...] = (
    "số hộ",
    "số người",
    "số lượng",
    "số khẩu",
    "khẩu",
    "lao động",
    "tỷ lệ",
    "tỉ lệ",
    "%",
    "(hộ)",
    "(người)",
    "năm",
)
