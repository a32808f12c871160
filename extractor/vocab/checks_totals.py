"""Words the totals and sanity checks key on: breakdown connectors, count units, table columns, years."""

from __future__ import annotations

# --- counts broken into parts ('40 hộ ...: có 27 hộ ..., 06 hộ ... và 01 hộ ...') --------------

# What opens the list of parts after a whole. ':' and '(' are matched as characters; these are words.
# 'trong đó' opens a SUBSET: its parts may be partial or overlap ('trong đó 20 hộ nữ, 25 hộ DTTS').
CONNECTOR_WORDS: list[str] = [
    r"bao\s+gồm",
    r"gồm\s+có",
    r"gồm",
    r"trong\s+số\s+đó",
    r"trong\s+đó",
    r"cụ\s+thể\s+(?:là|như\s+sau)",
    r"cụ\s+thể",
    r"chia\s+ra",
]
SUBSET_CONNECTORS: frozenset[str] = frozenset({"trong đó", "trong số đó"})
# (text, connector as normalised by the parser, or None when there is no breakdown)
CONNECTOR_EXAMPLES: list[tuple[str, str | None]] = [
    ("40 hộ hỗ trợ chuyển đổi nghề: có 27 hộ mua máy cày và 13 hộ mua máy cắt cỏ.", ":"),
    ("100 hộ đăng ký (Téc chứa nước 46 hộ, vòi dẫn nước 54 hộ).", "("),
    ("Hỗ trợ 30 hộ, gồm 10 hộ nghèo và 20 hộ cận nghèo.", "gồm"),
    ("Thôn có 14 hộ nghèo; trong đó số hộ BTXH là 1 hộ, số hộ có lao động là 9 hộ.", "trong đó"),
    ("Cấp 12 con bò, cụ thể: 7 con bò cái, 5 con bò đực.", "cụ thể"),
    ("Giảm 82 hộ, còn 81 hộ/910 hộ (số hộ theo cục thống kê).", None),
]

# Words after a number that make it no count of things: ages, durations, dates.
NON_COUNT_UNITS: frozenset[str] = frozenset(
    {"tuổi", "tháng", "năm", "ngày", "giờ", "phút", "tuần", "quý", "lần", "đợt", "lượt", "x"}
)
# Words before a number that make it a name or an ordinal, not a count: 'năm 2023', 'Dự án 1', 'thôn 3'.
NUMBER_NAME_WORDS: frozenset[str] = frozenset(
    {
        "năm", "tháng", "ngày", "án", "thôn", "bản", "xóm", "tổ", "khu", "ấp", "đợt", "lần", "điều",
        "khoản", "mục", "biểu", "lục", "đoạn", "khóa", "khoá", "quý", "phường", "thứ", "kỳ", "trình",
    }
)
# Words that follow a number but are no unit: 'Bình Hòa 5 có 8 hộ'.
NON_UNIT_WORDS: frozenset[str] = frozenset(
    {"có", "là", "và", "của", "với", "trong", "tại", "được", "đã", "cho", "trên", "dưới", "hoặc", "đến", "từ",
     "theo", "về", "thuộc", "gồm", "bằng", "tương", "chiếm", "so", "còn", "giảm", "tăng", "đạt", "trở", "nên"}
)
# A classifier may stand between a count and its noun: '27 bộ máy cày' counts 'máy' like '06 máy cắt cỏ'.
CLASSIFIERS: frozenset[str] = frozenset({"bộ", "chiếc", "cái", "con", "căn", "ngôi", "gian", "cây"})
# (whole, part, same unit?) — a test runs every one.
UNIT_EXAMPLES: list[tuple[str, str, bool]] = [
    ("40 máy nông cụ", "27 bộ máy cày", True),
    ("40 hộ", "06 hộ cận", True),
    ("40 hộ", "04 Hộ mua máy", True),
    ("12 con bò", "7 con bò cái", True),
    ("40 hộ", "27 lao động", False),
    ("100 người", "46 hộ", False),
]
# A part written 'số hộ ... là 9 hộ' names an attribute of some of the whole: parts overlap, never a sum.
ATTRIBUTE_PART = r"^\s*(?:có\s+)?số\s+\p{L}.*?(?:\s+là|:)\s*$"
ATTRIBUTE_EXAMPLES: list[tuple[str, bool]] = [
    ("số hộ có người đủ 15 tuổi là ", True),
    ("số hộ thuộc đối tượng BTXH là ", True),
    ("số hộ có lao động: ", True),
    ("có ", False),
    ("Téc chứa nước ", False),
]

# --- budget totals: 'cho 2 dự án', 'thực hiện 03 tiểu dự án' ------------------------------------

NUMBER_WORDS: dict[str, int] = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}
PROJECT_COUNT = (
    r"(?<![\p{L}\d])(?P<count>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+(?P<sub>tiểu\s+)?dự\s+án(?!\s*\d)"
)
PROJECT_COUNT_EXAMPLES: list[tuple[str, tuple[int, bool] | None]] = [
    ("1.080 triệu đồng cho 2 dự án", (2, False)),
    ("thực hiện 03 tiểu dự án", (3, True)),
    ("kinh phí cho hai dự án", (2, False)),
    ("thực hiện Dự án 2 và Dự án 3", None),
    ("năm 2023 dự án 1", None),
]

# --- table total rows -------------------------------------------------------------------------

# Columns whose total is not a sum of the rows: rates, averages, unit prices, years.
NON_SUM_HEADER_WORDS: tuple[str, ...] = (
    "tỷ lệ", "tỉ lệ", "%", "bình quân", "trung bình", "đơn giá", "định mức", "mức hỗ trợ", "ghi chú",
    "thời gian", "năm thực hiện", "ngày",
)
# Cells that count as zero in a sum.
ZERO_CELLS: frozenset[str] = frozenset({"", "-", "–", "—", "0", "x", "X"})
# Row numbers of group rows ('I', 'II', 'A', 'a', '1.1'): their rows are sums of the rows below.
GROUP_ROW_NUMBER = r"^(?:[IVXLC]{1,5}|[A-ZĐ]|[a-zđ]|\d{1,2}(?:\.\d{1,2})+)[.)]?$"
GROUP_ROW_EXAMPLES: list[tuple[str, bool]] = [("I", True), ("II.", True), ("A", True), ("1.1", True), ("3", False)]

# --- sanity -----------------------------------------------------------------------------------

# A percentage above 100 is a contradiction only for a share of a population: '120% hộ nghèo'.
SHARE_NOUNS: tuple[str, ...] = (
    "hộ", "người", "trẻ", "học sinh", "sinh viên", "lao động", "cán bộ", "khẩu", "xã", "thôn", "bản",
    "gia đình", "phụ nữ", "tỷ lệ", "tỉ lệ", "các hộ", "số hộ",
)
# ...and not for a growth or an achievement: 'thu nhập tăng 120%', 'đạt 105% kế hoạch'.
GROWTH_WORDS: tuple[str, ...] = (
    "tăng", "vượt", "so với", "đạt", "kế hoạch", "thu nhập", "giá trị", "doanh thu", "sản lượng", "năng suất",
)
SHARE_EXAMPLES: list[tuple[str, bool]] = [
    ("Hộ nghèo có nhà ở đảm bảo an toàn", True),
    ("Tỷ lệ trẻ em đi học đúng độ tuổi", True),
    ("Thu nhập bình quân đầu người tăng", False),
    ("Giá trị sản xuất nông nghiệp", False),
]
# A rate stated right after one of these is a share: 'chiếm 18,34%', 'tỷ lệ 8,90%'.
SHARE_RATE_BEFORE = r"(?:chiếm(?:\s+t[ỷỉ]\s+lệ)?|t[ỷỉ]\s+lệ(?:\s+là)?)\s*:?\s*"

# Goal words of a plan: 'các mục tiêu, nhiệm vụ năm 2023' in a plan for 2024 is a leftover.
_GOAL_NOT_AFTER = r"(?<!kết\s+quả\s+(?:thực\s+hiện\s+)?(?:các\s+)?)"
_GOAL_WORDS = [r"mục\s+tiêu", r"nhiệm\s+vụ", r"chỉ\s+tiêu"]
_GOAL_REST = (
    rf"(?:\s*(?:,|và)\s*(?:{'|'.join(_GOAL_WORDS)}))*"
    r"(?:\s+(?:trọng\s+tâm|chủ\s+yếu|cụ\s+thể|chung))?\s+năm\s+(?P<year>(?:19|20)\d{2})(?!\d)"
)
GOAL_YEAR = rf"{_GOAL_NOT_AFTER}(?:{'|'.join(_GOAL_WORDS)}){_GOAL_REST}"
# GOAL_YEAR as one pattern per opening word, for ``extractor.text.Alternatives``: a pattern opening with a
# word is searched many times faster than one opening with a choice of words.
GOAL_YEAR_FORMS = [f"{_GOAL_NOT_AFTER}{word}{_GOAL_REST}" for word in _GOAL_WORDS]
GOAL_YEAR_EXAMPLES: list[tuple[str, int | None]] = [
    ("thực hiện thắng lợi các mục tiêu, nhiệm vụ năm 2023", 2023),
    ("hoàn thành chỉ tiêu năm 2024", 2024),
    ("Kết quả thực hiện mục tiêu năm 2023", None),
    ("Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2023", None),
]
# A heading or closing sentence that names the plan's own year: 'KẾ HOẠCH NĂM 2025', 'Trên đây là Kế hoạch ... năm 2024'.
PLAN_HEADING_YEAR = r"^(?:kế\s+hoạch|phương\s+hướng|nhiệm\s+vụ|mục\s+tiêu|chỉ\s+tiêu)\b[^.;:]*?\bnăm\s+(?P<year>(?:19|20)\d{2})(?!\d)"
CLOSING_YEAR = (
    r"trên\s+đây\s+là\s+(?:bản\s+)?kế\s+hoạch\b[^.;]*?\bnăm\s+(?P<year>(?:19|20)\d{2})(?!\s*[-–]\s*\d)(?!\d)"
)
YEAR_EXAMPLES: list[tuple[str, str, int | None]] = [
    ("heading", "KẾ HOẠCH NĂM 2025", 2025),
    ("heading", "Phương hướng, nhiệm vụ năm 2024", 2024),
    ("heading", "ĐÁNH GIÁ KẾT QUẢ NĂM 2023", None),
    ("closing", "Trên đây là Kế hoạch thực hiện Chương trình năm 2024 của UBND xã", 2024),
    ("closing", "Trên đây là Kế hoạch giai đoạn 2021 - 2025", None),
]
# Words before a date that make it a deadline or a span, not an event: 'trước ngày 30/6/2024'.
DEADLINE_WORDS: tuple[str, ...] = ("trước", "đến", "từ", "trong", "chậm nhất", "hạn", "sau", "kể từ", "tới")
# 'đã' before a date's clause ends marks an event that happened: 'ngày 20/5/2024 UBND xã đã tổ chức'.
PAST_EVENT = r"(?<!\p{L})đã(?!\p{L})"
