"""Words the poverty rate and difference checks read around a figure; each table with examples a test runs."""

from __future__ import annotations

import regex

from extractor.parsers.numbers import NUMBER
from extractor.vocab.admin_units import LEVEL_WORDS
from extractor.vocab.comparators import AFTER_PATTERN, BEFORE_PATTERN

_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"

# A figure about a subgroup, or a yearly average, is not the area's figure for that year.
SUBGROUP = (
    r"dân\s+tộc\s+thiểu\s+số|DTTS|đồng\s+bào|người\s+có\s+công|phụ\s+nữ|trẻ\s+em|khuyết\s+tật|"
    r"đặc\s+biệt\s+khó\s+khăn|huyện\s+nghèo|bảo\s+trợ|BTXH|khả\s+năng|bình\s+quân|mỗi\s+năm|hằng\s+năm|hàng\s+năm|"
    r"/\s*năm"
)
SUBGROUP_EXAMPLES: list[tuple[str, bool]] = [
    ("tỷ lệ hộ nghèo đồng bào dân tộc thiểu số giảm 3%", True),
    ("hộ nghèo DTTS còn 30 hộ", True),
    ("tỷ lệ hộ nghèo giảm bình quân 1,5%/năm", True),
    ("năm 2023 có 60 hộ nghèo có khả năng thoát nghèo", True),
    ("Tổng số hộ nghèo năm 2022 là 163 hộ/ 889 hộ", False),
]

# A figure of another area than the plan's own: 'toàn huyện' in a commune plan, 'xã Cẩm Bình: 3,5%' in a
# district plan. 'huyện giao' is the commune's own target, set by the district.
_LEVELS = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(LEVEL_WORDS, key=len, reverse=True))
WHOLE_AREA = rf"(?:toàn|trên\s+địa\s+bàn(?:\s+toàn)?|cả)\s+(?P<level>{_LEVELS})(?!\p{{L}})(?!\s+giao)|cả\s+nước|toàn\s+quốc"
# 'xã Cẩm Bình' names a unit; 'UBND xã ...' is who acts, 'chuẩn ... của tỉnh' a standard.
NAMED_AREA = rf"(?<!(?:UBND|dân|chuẩn)\s+)(?P<level>{_LEVELS})\s+(?-i:\p{{Lu}})"
AREA_EXAMPLES: list[tuple[str, str, bool]] = [  # (phrase, the plan's level, the figure is of another area)
    ("tỷ lệ hộ nghèo toàn huyện còn 3%", "xa", True),
    ("tỷ lệ hộ nghèo trên địa bàn toàn xã còn 3%", "xa", False),
    ("đạt chỉ tiêu huyện giao là giảm 23 hộ nghèo", "xa", False),
    ("xã Cẩm Bình: tỷ lệ hộ nghèo 3,5%", "huyen", True),
    ("tỷ lệ hộ nghèo cả nước", "huyen", True),
    ("hộ nghèo theo chuẩn của tỉnh giảm 2%", "huyen", False),
]

# Words that make a figure approximate: 'khoảng 2,5%' states no exact value.
APPROXIMATE = r"(?:khoảng|gần|xấp\s+xỉ|ước(?:\s+tính)?|chừng)\s*$"
APPROXIMATE_EXAMPLES: list[tuple[str, bool]] = [("còn khoảng ", True), ("tỷ lệ gần ", True), ("còn ", False)]

# A rate over all households, written after it: '0,91%/tổng số hộ tự nhiên', '1,2% trên tổng số hộ'.
OVER_ALL_HOUSEHOLDS = (
    r"\s*(?:/|trên|so\s+với|của)\s*(?:tổng\s+)?số\s+hộ(?!\s+(?:cận\s+)?nghèo)|\s*/\s*(?:tổng\s+)?hộ\s+(?:dân|tự\s+nhiên)"
)
OVER_ALL_EXAMPLES: list[tuple[str, bool]] = [
    ("/tổng số hộ tự nhiên", True),
    (" trên tổng số hộ dân cư", True),
    (" so với năm 2022", False),
    (" số hộ nghèo", False),
]

# A reduction as a share of the category's own count: 'tương ứng giảm 34,3% số hộ nghèo'.
SHARE_OF_COUNT = (
    rf"(?:tương\s+ứng|giảm|bằng)[^;]{{0,20}}?(?:(?P<before>{BEFORE_PATTERN})\s+)?(?P<share>{NUMBER})\s*%\s*"
    r"(?:của\s+)?(?:tổng\s+)?số\s+(?P<category>hộ\s+cận\s+nghèo|hộ\s+cận|hộ\s+nghèo(?!\s*(?:và|,)\s*(?:hộ\s+)?cận))"
    rf"(?:\s+(?P<after>{AFTER_PATTERN}))?"
)
SHARE_EXAMPLES: list[tuple[str, tuple[str, str, str | None] | None]] = [  # -> (number, category, comparator)
    ("tương ứng giảm 34,3% số hộ nghèo theo chuẩn", ("34,3", "poor", None)),
    ("tương ứng giảm 61,4% số hộ cận nghèo", ("61,4", "near_poor", None)),
    ("giảm trên 30% tổng số hộ nghèo", ("30", "poor", "above")),
    ("bằng 0,91%/tổng số hộ tự nhiên", None),
    ("80% số hộ nghèo có nhà tiêu", None),
]

# The year a change is measured from: 'so với năm 2022'; 'so với đầu năm 2024' is the end of 2023.
COMPARED_WITH = rf"so\s+với\s+(?:cùng\s+kỳ\s+)?(?P<start>(?:cuối|đầu)\s+)?năm\s+{_YEAR}"
COMPARED_EXAMPLES: list[tuple[str, int | None]] = [
    ("giảm 9,44% so với năm 2022", 2022),
    ("giảm so với cuối năm 2022 là 2%", 2022),
    ("giảm 1% so với đầu năm 2024", 2023),
    ("giảm 1% so với cùng kỳ", None),
]

# The year a figure is written with: the last 'năm 2023' before it in its clause, or one right after it
# ('giảm từ 2,66% năm 2023'). 'so với năm 2022' is the year compared with; 'cho năm 2024' a purpose.
YEAR_NAMED = rf"(?<!so\s+với\s+(?:cùng\s+kỳ\s+)?(?:(?:cuối|đầu)\s+)?|(?<!\p{{L}})cho\s+)(?P<lead>(?:đầu\s+)?)năm\s+{_YEAR}(?!\s*[-–]\s*\d)"
YEAR_RIGHT_AFTER = rf"\s*(?:(?:vào|đến)\s+)?(?:(?:cuối|hết)\s+)?(?P<lead>(?:đầu\s+)?)năm\s+{_YEAR}"
YEAR_EXAMPLES: list[tuple[str, str, tuple[int, bool] | None]] = [  # (before, after) -> (year, 'đầu năm')
    ("Tổng số hộ nghèo năm 2022 là ", "", (2022, False)),
    ("Tỷ lệ hộ nghèo năm 2022 là 10%, năm 2023 giảm ", "", (2023, False)),
    ("giảm so với năm 2022 là ", "", None),
    ("Qua kết quả rà soát hộ nghèo năm 2023 để thực hiện chính sách cho năm 2024 còn ", "", (2023, False)),
    ("giảm từ ", " năm 2023 xuống", (2023, False)),
    ("Tỷ lệ hộ nghèo đầu năm 2024 là ", "", (2024, True)),
    ("giai đoạn 2021 - 2025 còn ", "", None),
]

# The households of the whole area stated on their own: 'Tổng số hộ toàn xã năm 2023 là 2.515 hộ',
# 'Năm 2023, toàn xã có 2.515 hộ'. Only the words below may stand between: 'Tổng số hộ được hỗ trợ ...
# là 50 hộ' counts something else.
_UNIT = r"(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố)"
_AREA = rf"(?:\s+(?:của\s+|trên\s+địa\s+bàn\s+)?(?:toàn\s+)?{_UNIT}(?:\s+(?-i:\p{{Lu}}\p{{L}}*))*)?"
_WHEN = r"(?:(?:tính\s+)?(?:đến|vào)\s+)?(?:(?:cuối|hết)\s+)?năm\s+(?P<{name}>(?:19|20)\d{{2}})(?!\d)"
HOUSEHOLD_TOTAL = (  # possessive spaces: 'toàn xã có' before a long run of blanks must not backtrack
    rf"(?:{_WHEN.format(name='year1')}\s*+,?\s*+)?"
    rf"(?:tổng\s+số\s+hộ(?:\s+(?:dân(?:\s+cư)?|gia\s+đình|tự\s+nhiên))?{_AREA}|toàn\s+{_UNIT}\s+có)"
    rf"(?:\s*+,?\s*+{_WHEN.format(name='year2')})?\s*+(?:là|có|:)?\s*+(?P<count>{NUMBER})\s*+hộ"
    r"(?=\s*+(?:[,.;:()]|$)|\s++(?:dân(?:\s+cư)?|gia\s+đình)(?!\p{L}))"
)
# HOUSEHOLD_TOTAL as alternatives that each open with one word, in the order the pattern tries them (a
# 'tính đến cuối năm' before a 'tính đến năm'): ``extractor.text.Alternatives`` finds the same matches in a
# fraction of the time, where the regex module tries the optional words before 'năm' at every offset.
_TOTAL_WORDS = (
    rf"(?:tổng\s+số\s+hộ(?:\s+(?:dân(?:\s+cư)?|gia\s+đình|tự\s+nhiên))?{_AREA}|toàn\s+{_UNIT}\s+có)"
    rf"(?:\s*+,?\s*+{_WHEN.format(name='year2')})?\s*+(?:là|có|:)?\s*+(?P<count>{NUMBER})\s*+hộ"
    r"(?=\s*+(?:[,.;:()]|$)|\s++(?:dân(?:\s+cư)?|gia\s+đình)(?!\p{L}))"
)
_WHEN_LEADS = [
    r"tính\s+(?:đến|vào)\s+(?:cuối|hết)\s+", r"tính\s+(?:đến|vào)\s+",
    r"đến\s+(?:cuối|hết)\s+", r"đến\s+", r"vào\s+(?:cuối|hết)\s+", r"vào\s+",
    r"cuối\s+", r"hết\s+", "",
]
HOUSEHOLD_TOTAL_FORMS = [
    *(rf"{lead}năm\s+(?P<year1>(?:19|20)\d{{2}})(?!\d)\s*+,?\s*+{_TOTAL_WORDS}" for lead in _WHEN_LEADS),
    _TOTAL_WORDS,
]
HOUSEHOLD_TOTAL_EXAMPLES: list[tuple[str, tuple[int, str] | None]] = [
    ("Tổng số hộ toàn xã năm 2023 là 2.515 hộ.", (2023, "2.515")),
    ("tổng số hộ dân cư năm 2022: 889 hộ", (2022, "889")),
    ("Năm 2024, toàn xã có 910 hộ, 3.640 khẩu", (2024, "910")),
    ("Tổng số hộ của xã Hòa Bình tính đến cuối năm 2023 là 1.250 hộ gia đình", (2023, "1.250")),
    ("Tổng số hộ nghèo năm 2022 là 163 hộ", None),
    ("Năm 2023, toàn xã có 67 hộ nghèo", None),
    ("Tổng số hộ được hỗ trợ năm 2023 là 50 hộ.", None),
    ("Tổng số hộ là 910 hộ", None),  # no year: not used
]

# A period: a change over 'giai đoạn 2021-2025' is not one year's change ('chuẩn nghèo giai đoạn 2022-2025'
# names the standard, not a period).
PERIOD = (
    r"(?<!chuẩn[\p{L}\s]{0,30})(?<!\p{L})(?:giai\s+đoạn\s+|thời\s+kỳ\s+)?(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}"
    r"|từ\s+năm\s+(?:19|20)\d{2}\s+đến\s+(?:hết\s+)?năm\s+(?:19|20)\d{2}"
)
PERIOD_EXAMPLES: list[tuple[str, bool]] = [
    ("Giai đoạn 2021-2025 giảm tỷ lệ hộ nghèo 5%", True),
    ("từ năm 2021 đến năm 2025 giảm 120 hộ nghèo", True),
    ("giảm 34,3% số hộ nghèo theo chuẩn nghèo giai đoạn 2022 - 2025, bằng 0,91%", False),
    ("theo chuẩn nghèo đa chiều giai đoạn 2022-2025 giảm so với năm 2022 là 9,44%", False),
]

# The poverty standard a figure is measured by: a plan of 2021-2022 may state a year's rate by the old
# standard (2016-2020) and by the new one (2022-2025); those are two facts, not a contradiction.
STANDARD = (
    r"chuẩn(?:\s+nghèo)?(?:\s+đa\s+chiều)?(?:\s+(?:quốc\s+gia|của\s+tỉnh))?"
    r"(?:\s+(?:giai\s+đoạn|thời\s+kỳ|áp\s+dụng\s+cho\s+giai\s+đoạn))?\s+(?P<first>(?:19|20)\d{2})\s*[-–]\s*(?:19|20)\d{2}"
    r"|chuẩn(?:\s+nghèo)?\s+(?P<word>cũ|mới)(?!\p{L})"
)
STANDARD_EXAMPLES: list[tuple[str, str | None]] = [
    ("theo chuẩn nghèo giai đoạn 2022 - 2025", "2022"),
    ("theo chuẩn nghèo đa chiều giai đoạn 2016-2020", "2016"),
    ("theo chuẩn cũ", "cũ"),
    ("theo chuẩn nghèo đa chiều quốc gia", None),
]

# 'tỷ lệ hộ nghèo đa chiều' often means the poor rate alone (measured by the multidimensional standard).
POOR_ONLY = r"hộ\s+nghèo\s+đa\s+chiều"
