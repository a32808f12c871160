"""Poverty-statistic words: categories, verbs, comparators, linking words, planned/actual markers."""

from __future__ import annotations

_RATE = r"(?:tỷ|tỉ)\s+lệ"
_SO = r"(?:(?:tổng\s+)?số\s+)?"

# Category mentions, tried in this order. Each: (pattern, family, kind).
# family: poor / near_poor / multidimensional; kind: 'stat' (a count or rate of households in the
# category), 'escaped' (households leaving poverty) or 'left_near' (households leaving near-poverty,
# stored as a reduction of near-poor households).
CATEGORY_MENTIONS: list[tuple[str, str, str]] = [
    (rf"{_RATE}\s+(?:hộ\s+)?nghèo\s+đa\s+chiều|hộ\s+nghèo\s+đa\s+chiều", "multidimensional", "stat"),
    # 'hộ nghèo, hộ cận nghèo' read together: poor plus near-poor is the multidimensional rate.
    (
        rf"(?:{_RATE}\s+)?{_SO}(?:các\s+)?hộ\s+nghèo\s*(?:,|và|\+|-|–)\s*(?:hộ\s+)?cận\s+nghèo",
        "multidimensional",
        "stat",
    ),
    (rf"{_SO}(?:các\s+)?hộ\s+(?:mới\s+)?thoát\s+cận(?:\s+nghèo)?", "near_poor", "left_near"),
    (rf"{_SO}(?:các\s+)?hộ\s+(?:mới\s+)?thoát\s+nghèo", "poor", "escaped"),
    (rf"(?:{_RATE}\s+)?{_SO}(?:các\s+)?hộ\s+cận(?:\s+nghèo)?(?!\p{{L}})", "near_poor", "stat"),
    (rf"(?:{_RATE}\s+)?{_SO}(?:các\s+)?hộ\s+nghèo(?!\p{{L}})", "poor", "stat"),
]
# The same categories right after a count: '67 hộ nghèo', '06 hộ cận', '01 cận nghèo', '23 hộ thoát nghèo'.
COUNTED_CATEGORIES: list[tuple[str, str, str]] = [
    (r"hộ\s+(?:mới\s+)?thoát\s+cận(?:\s+nghèo)?", "near_poor", "left_near"),
    (r"hộ\s+(?:mới\s+)?thoát\s+nghèo", "poor", "escaped"),
    (r"(?:hộ\s+)?cận\s+nghèo|hộ\s+cận(?!\p{L})", "near_poor", "stat"),
    (r"hộ\s+nghèo(?!\s+đa)", "poor", "stat"),
]
# A category right after a rate: 'giảm 1,5% hộ nghèo, hộ cận nghèo'.
RATED_CATEGORY = r"(?:hộ\s+)?cận\s+nghèo|hộ\s+nghèo(?:\s*(?:,|và)\s*(?:hộ\s+)?cận\s+nghèo)?"
CATEGORY_EXAMPLES: list[tuple[str, str | None]] = [
    ("Tổng số hộ nghèo", "poor"),
    ("tỷ lệ hộ cận nghèo", "near_poor"),
    ("Tỷ lệ nghèo đa chiều", "multidimensional"),
    ("Tỷ lệ hộ nghèo, hộ cận nghèo", "multidimensional"),
    ("hộ nghèo và cận nghèo", "multidimensional"),
    ("hộ thoát nghèo", "escaped"),
    ("hộ mới thoát nghèo", "escaped"),
    ("hộ tái nghèo", None),
    ("người nghèo", None),
]

# Verbs that set what the next number measures.
MEASURE_VERBS: list[tuple[str, str]] = [
    (r"giảm\s+từ|tăng\s+từ", "from"),  # 'giảm từ 2,66% năm 2023 xuống 1,74%': the first is the old level
    (r"giảm\s+xuống(?:\s+còn)?|giảm\s+còn|tăng\s+lên|xuống\s+còn|xuống|lên|còn(?!\s+lại)", "level"),
    (r"giảm(?!\s+nghèo)(?:\s+(?:được|thêm|tiếp))?", "reduction"),
    (r"tăng(?:\s+(?:thêm|mới))?|phát\s+sinh(?:\s+mới)?", "increase"),
    # 'giảm tỷ lệ hộ nghèo từ 3,5% xuống 2,8%': a bare 'từ' opens the old level only after giảm/tăng.
    (r"từ", "from_after_verb"),
]
MEASURE_EXAMPLES: list[tuple[str, str]] = [
    ("giảm", "reduction"),
    ("giảm xuống còn", "level"),
    ("còn", "level"),
    ("tăng thêm", "increase"),
    ("giảm từ", "from"),
]

# '34,3% số hộ nghèo', '80% hộ nghèo được ...', '95% trẻ em': a share of some group, not a rate of the area.
SHARE_OF_COUNT = r"(?:của\s+)?(?:tổng\s+)?số\s+(?:hộ|người|khẩu)(?:\s+(?:cận\s+)?nghèo)?"
SHARE_GROUPS = (
    r"hộ(?!\s+(?:cận\s+)?nghèo)|người|khẩu|nhân\s+khẩu|trẻ|học\s+sinh|lao\s+động|thôn|bản|xã|cán\s+bộ"
)
# What a rate is a share of, written after it: '0,91%/tổng số hộ tự nhiên'.
RATE_BASE = r"(?:tổng\s+số\s+)?(?:hộ|dân\s+số)(?:\s+(?:tự\s+nhiên|dân\s+cư|gia\s+đình|toàn\s+\p{L}+))?"
# The base count of households: 'trên tổng số 2.520 hộ', '/tổng số hộ dân cư là 910 hộ'.
TOTAL_LEAD = r"(?:trên|/)\s*tổng\s+số(?:\s+hộ(?:\s+(?:dân(?:\s+cư)?|gia\s+đình|tự\s+nhiên))?)?\s*(?:là\s+)?"

# Before 'năm 2023': 'so với (cuối) năm 2022' names the year compared with; 'vào cuối năm 2024' the year itself.
YEAR_BASE = r"so\s+với\s+(?:cùng\s+kỳ\s+)?(?:(?:cuối|đầu)\s+)?"
YEAR_LEAD = r"(?:(?:vào|đến|tính\s+đến)\s+)?(?:(?:thời\s+điểm\s+)?(?:cuối|đầu|hết|giữa)\s+)?"

# Words that may stand between a category and its numbers without changing what they describe.
_UNIT = r"(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh)"
_PROPER = r"(?-i:(?:\s+\p{Lu}\p{L}*)*)"
_YEARS = r"(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}"
FILLERS: list[str] = [
    rf"trên\s+địa\s+bàn(?:\s+toàn)?(?:\s+{_UNIT}{_PROPER})?",
    rf"toàn\s+{_UNIT}",
    rf"{_UNIT}{_PROPER}",
    rf"theo\s+chuẩn(?:\s+nghèo)?(?:\s+đa\s+chiều)?(?:\s+(?:quốc\s+gia|mới|của\s+tỉnh))?(?:\s+giai\s+đoạn\s+{_YEARS})?",
    rf"giai\s+đoạn\s+{_YEARS}",
    r"so\s+với(?:\s+(?:cùng\s+kỳ|năm\s+trước|đầu\s+năm|cuối\s+năm|kỳ\s+trước))?",
    r"theo\s+kết\s+quả(?:\s+(?:điều\s+tra|rà\s+soát|tổng\s+điều\s+tra))*",
    r"sau\s+(?:điều\s+tra|rà\s+soát)",
    r"(?:vào|đến|tính\s+đến|đến\s+hết)?\s*(?:thời\s+điểm\s+)?(?:cuối|đầu|hết|giữa)\s+năm",
    r"hiện\s+(?:tại|nay|có|còn)",
    r"tổng\s+số|số\s+hộ|số|tổng|hộ|tự\s+nhiên|dân\s+cư|gia\s+đình",
    r"phấn\s+đấu|phần\s+đầu|phân\s+đầu|kế\s+hoạch|chỉ\s+tiêu|dự\s+kiến|mục\s+tiêu|cụ\s+thể",
    r"(?:huyện|tỉnh|xã|cấp\s+trên)\s+giao|giao",
    r"là|có|chiếm|bằng|tương\s+ứng(?:\s+với)?|với|đạt|ở\s+mức|mức|khoảng|gần|và|của|trong|toàn|năm|bình\s+quân",
    rf"{_RATE}",
]
FILLER_EXAMPLES: list[tuple[str, bool]] = [
    (" trên địa bàn xã Cao Lâu ", True),
    (" theo chuẩn nghèo giai đoạn 2022 - 2025, bằng ", True),
    (" toàn huyện có ", True),
    (" so với cùng kỳ ", True),
    (" hiện còn ", True),
    (" có nhu cầu đăng ký ", False),
    (" được hỗ trợ ", False),
]

# Words that link a number to the category before it; a rate needs one ('Hộ nghèo 95,5%' has none:
# that is a deprivation share, not a poverty rate).
LINK_WORDS = rf"(?:là|có|chiếm|bằng|tương\s+ứng|đạt|ở\s+mức|{_RATE}|còn|giảm|tăng|xuống)"

# Where reading stops: what follows is a deprivation indicator. ('trong đó', 'bao gồm': vocab/poverty_breakdowns.py)
STOP_WORDS = r"thiếu\s+hụt|cụ\s+thể\s+như"

# Sentence words that make a figure planned (a target) or actual; the nearest before the figure wins.
PLANNED_WORDS = (
    r"phấn\s+đấu|phần\s+đầu|phân\s+đầu|mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch|dự\s+kiến|dự\s+báo|"
    r"(?:huyện|tỉnh|cấp\s+trên)\s+giao|đề\s+ra|định\s+hướng|cố\s+gắng|sẽ|có\s+khả\s+năng"
)
ACTUAL_WORDS = (
    r"hiện\s+(?:tại|nay|có|còn)|kết\s+quả|đạt\s+được|đã|thực\s+hiện\s+được|sau\s+(?:điều\s+tra|rà\s+soát)|"
    r"qua\s+rà\s+soát|tính\s+đến"
)
PLANNED_EXAMPLES: list[tuple[str, bool]] = [
    ("Phấn đấu giảm tỷ lệ hộ nghèo năm 2024 còn 46 hộ", True),
    ("- Đối với hộ nghèo: Kế hoạch giảm 3 hộ", True),
    ("Kết quả thực hiện mục tiêu năm 2023 (giảm tỷ lệ hộ nghèo trên 5%)", True),
    ("Hiện tại thôn Tô có 08 hộ nghèo", False),
    ("Qua kết quả rà soát hộ nghèo năm 2023 còn 67 hộ nghèo", False),
]

# A list of villages follows: 'số hộ nghèo có khả năng giảm tại các thôn: thôn Tô: 3 hộ nghèo; ...'.
VILLAGE_LIST_LEAD = r"(?:tại|của|ở|cho|trong)\s+(?:các|từng)\s+(?P<level>{level})\s*:"

# Sentences that name a category and a number but state no poverty statistic of the area.
NOT_STATISTICS_EXAMPLES: list[str] = [
    "- Hỗ trợ 50 hộ nghèo phát triển sản xuất.",  # households served
    "- Phấn đấu 80% hộ nghèo có nhà tiêu hợp vệ sinh.",  # a coverage share
    "- Chiều thiếu hụt về nước: 95% hộ nghèo, hộ cận nghèo sử dụng nước sinh hoạt hợp vệ sinh.",
    "- + Thiếu hụt về việc làm: Hộ nghèo 95,5%, hộ cận nghèo 78,9%;",  # deprivation shares
    "- + Hộ gia đình có tỷ lệ người phụ thuộc trong tổng số nhân khẩu là 25,8%: Hộ nghèo 32,83%, cận nghèo 17,54%;",
    "Đã triển khai kết quả có 100 hộ thuộc đối tượng hộ nghèo có nhu cầu (Téc chứa nước 46 hộ, vòi 54 hộ).",
    "Số hộ tái nghèo 2 hộ.",
    "Hiện tại thôn Tô có 08 người nghèo.",
    "Tỷ lệ hộ nghèo giảm nhanh, vượt chỉ tiêu giao 4,44%.",  # only the exceedance of a target
    "Thực hiện giảm nghèo đa chiều bền vững năm 2024, hạn chế tái nghèo.",
    "- 100% hộ nghèo, hộ cận nghèo được cấp thẻ bảo hiểm y tế.",
    "Mở 06 lớp đào tạo nghề cho lao động thuộc hộ nghèo.",
]

# Columns of a table of statistics (one row per village). A poverty column names a category:
# 'Số hộ nghèo năm 2023 (hộ)', 'Chỉ tiêu giao giảm nghèo năm 2024', 'Tỷ lệ hộ cận nghèo (%)'.
TABLE_CATEGORY_COLUMN = r"(?:hộ|lệ|giảm|thoát)\s+(?:cận\s+)?nghèo|cận\s+nghèo|nghèo\s+đa\s+chiều"
TABLE_OFFICIAL_COLUMN = r"cán\s+bộ|phụ\s+trách|người\s+giúp\s+đỡ"  # who is assigned, not a figure
TABLE_RATE_COLUMN = r"(?:tỷ|tỉ)\s+lệ|%"
TABLE_REDUCTION_COLUMN = r"giảm|thoát"  # 'Số hộ thoát cận nghèo' is a reduction of near-poor households
TABLE_INCREASE_COLUMN = r"tăng|phát\s+sinh"
TABLE_TOTAL_COLUMN = r"tổng\s+số\s+hộ(?!\s+(?:cận\s+)?nghèo)|số\s+hộ\s+(?:dân|gia\s+đình)|hộ\s+dân\s+cư"
TABLE_LABEL_COLUMN = r"đơn\s+vị|địa\s+bàn|địa\s+phương|tên\s+(?:thôn|bản|xóm)"  # besides the village levels
# header -> (category, measure, field, year) or None.
TABLE_COLUMN_EXAMPLES: list[tuple[str, tuple[str, str, str, int | None] | None]] = [
    ("Số hộ nghèo năm 2023 (hộ)", ("poor", "level", "households", 2023)),
    ("Chỉ tiêu giao giảm nghèo năm 2024 (hộ)", ("poor", "reduction", "households", 2024)),
    ("Số hộ cận nghèo giảm năm 2024 (hộ)", ("near_poor", "reduction", "households", 2024)),
    ("Tỷ lệ hộ nghèo, cận nghèo (%)", ("multidimensional", "level", "rate", None)),
    ("Số hộ thoát nghèo", ("escaped", "level", "households", None)),
    ("Hộ nghèo phát sinh", ("poor", "increase", "households", None)),
    ("Số hộ thoát cận nghèo năm 2024", ("near_poor", "reduction", "households", 2024)),
    ("Cán bộ phụ trách hộ nghèo", None),
    ("Nguyên nhân nghèo", None),
    ("Tổng số hộ", None),
]
