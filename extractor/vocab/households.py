"""Household-list words: village levels, honorifics, list labels, household-table column headers."""

from __future__ import annotations

# Village-level units below the commune; longest first so 'tổ dân phố' wins over 'tổ'.
VILLAGE_LEVELS: tuple[str, ...] = (
    "tổ dân phố",
    "khu dân cư",
    "khu phố",
    "thôn",
    "bản",
    "xóm",
    "ấp",
    "buôn",
    "làng",
    "khối",
    "plei",
    "sóc",
)
VILLAGE_LEVEL = r"(?:" + "|".join(level.replace(" ", r"\s+") for level in VILLAGE_LEVELS) + r")"

# Lines that open one village's part of a list: (line, village or None).
VILLAGE_HEADING_EXAMPLES: list[tuple[str, str | None]] = [
    ("• Thôn Tô:", "Thôn Tô"),
    ("- Thôn Bình Hòa 5:", "Thôn Bình Hòa 5"),
    ("• Thôn Xanh", "Thôn Xanh"),
    ("2. Bản Nà Lằng:", "Bản Nà Lằng"),
    ("+ Tổ dân phố số 3:", "Tổ dân phố Số 3"),
    ("- thôn hạc sơn:", "Thôn Hạc Sơn"),
    ("Hiện tại thôn Tô có 08 hộ nghèo", None),
    ("- Thôn Tô có 8 hộ nghèo, chiếm 5%; thôn Chợ có 14 hộ nghèo.", None),
    ("thôn xem xét", None),  # a wrapped PDF line ending a sentence, not a heading
    ("Thôn Xanh", None),  # neither bullet nor colon
    ("- Thôn có hộ nghèo:", None),  # 'có', 'các': a sentence, not a name
    ("- Bản các hộ cận nghèo:", None),
]
# Words after a village level that make it a sentence, not a name: 'thôn có 6 hộ', 'tại các thôn'.
NOT_VILLAGE_NAME_WORDS: frozenset[str] = frozenset({"có", "và", "của", "là", "với", "tại", "các", "từng"})

# Words that may stand before a name: the household head's honorific, as written -> stored.
HONORIFICS: dict[str, str] = {
    "ông": "Ông",
    "bà": "Bà",
    "anh": "Anh",
    "chị": "Chị",
    "cụ": "Cụ",
}
HONORIFIC = r"(?:" + "|".join(HONORIFICS) + r")"

# The parts of a list item: 'hộ bà: Trương Thị Thanh có 1 khẩu, 02 lao động, nguyên nhân nghèo là do ...'.
HOUSEHOLD_WORD = r"hộ(?:\s+gia\s+đình)?"
MEMBERS_WORD = r"(?:nhân\s+)?khẩu"
WORKERS_WORD = r"lao\s+động"
CAUSE_LABEL = r"nguyên\s+nhân(?:\s+(?:nghèo|cận\s+nghèo|chính))?\s*(?:là|:|-|–)?\s*(?:do\s+)?"

# Words before an honorific that make the person an official, not a listed household.
OFFICIAL_WORDS: tuple[str, ...] = (
    "trưởng thôn",
    "trưởng bản",
    "cán bộ",
    "phụ trách",
    "đồng chí",
    "chủ tịch",
    "bí thư",
    "công chức",
)

# A line that opens the poor / near-poor part of a list; group 'near' is set for near-poor.
CATEGORY_LINE = (
    r"(?:đối\s+với|danh\s+sách|nhóm)?\s*(?:các\s+|những\s+)?hộ\s+(?:(?P<near>cận\s+nghèo)|nghèo)(?!\s*(?:đa\s+chiều))"
)
CATEGORY_LINE_EXAMPLES: list[tuple[str, str | None]] = [
    ("- Đối với hộ nghèo: Kế hoạch giảm 3 hộ; cụ thể:", "poor"),
    ("- Đối với hộ cận nghèo: kế hoạch giảm 6 hộ; cụ thể:", "near_poor"),
    ("- Đối với hộ nghèo; Kế hoạch giảm 3 hộ; cụ thể:", "poor"),
    ("b) Danh sách hộ cận nghèo:", "near_poor"),
    ("* Hộ nghèo:", "poor"),
    ("+ Đối với hộ bà: Trương Thị Thanh có 1 khẩu", None),
    ("Hiện tại thôn Tô có 08 hộ nghèo", None),
]

# Household-table columns: each key's header words (any of them, any case).
HOUSEHOLD_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("họ và tên", "họ tên", "tên chủ hộ", "chủ hộ", "tên hộ"),
    "village": VILLAGE_LEVELS + ("địa chỉ", "nơi ở", "địa bàn"),
    "members": ("nhân khẩu", "số khẩu", "khẩu", "số người", "số thành viên"),
    "workers": ("lao động",),
    "cause": ("nguyên nhân",),
    "category": ("phân loại", "loại hộ", "diện hộ", "hộ nghèo/cận nghèo", "thuộc diện"),
}
# A name column whose header has one of these lists officials, not households.
OFFICIAL_COLUMN_WORDS: tuple[str, ...] = ("cán bộ", "phụ trách", "người giúp đỡ", "đảng viên", "thành viên ban")
HOUSEHOLD_COLUMN_EXAMPLES: list[tuple[str, str | None]] = [
    ("Họ và tên chủ hộ", "name"),
    ("Chủ hộ", "name"),
    ("Thôn", "village"),
    ("Số khẩu", "members"),
    ("Số lao động", "workers"),
    ("Nguyên nhân nghèo", "cause"),
    ("Cán bộ phân công phụ trách", None),
    ("Số hộ nghèo năm 2023 (hộ)", None),
]

# Category cell values of a household table.
CATEGORY_VALUES: dict[str, str] = {
    "nghèo": "poor",
    "hộ nghèo": "poor",
    "hn": "poor",
    "cận nghèo": "near_poor",
    "hộ cận nghèo": "near_poor",
    "hcn": "near_poor",
    "cn": "near_poor",
}
