"""Words of quantitative targets: comparators, units, and the verbs that make a statement a target."""

from __future__ import annotations

from extractor.vocab.comparators import COMPARATORS_AFTER, COMPARATORS_BEFORE  # noqa: F401 (re-exported)

# At most this many words between a number and a comparator after it ('23 hộ nghèo trở lên').
COMPARATOR_AFTER_MAX_WORDS = 3

# Each example: (target text, comparator, value, unit) — a test runs every one.
COMPARATOR_EXAMPLES: list[tuple[str, str, str, str]] = [
    ("Tỷ lệ hộ nghèo giảm xuống dưới 12% vào cuối năm 2025", "below", "12", "%"),
    ("Giảm tỷ lệ nghèo đa chiều trên 0,2%", "above", "0.2", "%"),
    ("Hỗ trợ xây dựng, nhân rộng ít nhất 10 mô hình", "at_least", "10", "mô hình"),
    ("Mở ít nhất 06 lớp đào tạo nghề", "at_least", "6", "lớp"),
    ("Giảm hộ nghèo, hộ cận nghèo 0,5% trở lên so với cuối năm 2023", "at_least", "0.5", "%"),
    ("Toàn xã giảm 23 hộ nghèo trở lên", "at_least", "23", "hộ"),
    ("Tỷ lệ hộ tái nghèo không quá 0,1%", "at_most", "0.1", "%"),
    ("Thu nhập bình quân tăng tối thiểu 1,5 lần", "at_least", "1.5", "lần"),
    ("Tỷ lệ trẻ em đi học đúng độ tuổi đạt 100%", "exactly", "100", "%"),
    ("Phấn đấu hộ nghèo giảm 206 hộ", "exactly", "206", "hộ"),
    ("Tập huấn cho tối đa 150 lượt người", "at_most", "150", "lượt"),
]

# Units of target values: spelling -> unit stored. '%' is matched with or without a space.
UNITS: dict[str, str] = {
    "%": "%",
    "phần trăm": "%",
    "hộ": "hộ",
    "gia đình": "hộ",
    "lớp": "lớp",
    "mô hình": "mô hình",
    "dự án": "dự án",
    "trẻ em": "trẻ",
    "trẻ": "trẻ",
    "cháu": "trẻ",
    "học sinh": "học sinh",
    "sinh viên": "sinh viên",
    "phiếu": "phiếu",
    "người": "người",
    "lao động": "lao động",
    "khẩu": "khẩu",
    "nhân khẩu": "khẩu",
    "thôn": "thôn",
    "bản": "bản",
    "xóm": "xóm",
    "ấp": "ấp",
    "buôn": "buôn",
    "làng": "làng",
    "tổ dân phố": "tổ dân phố",
    "xã": "xã",
    "phường": "phường",
    "thị trấn": "thị trấn",
    "lượt người": "lượt",
    "lượt": "lượt",
    "cán bộ": "cán bộ",
    "hội nghị": "hội nghị",
    "buổi": "buổi",
    "cuộc": "cuộc",
    "đợt": "đợt",
    "lần": "lần",
    "công trình": "công trình",
    "căn nhà": "nhà",
    "ngôi nhà": "nhà",
    "nhà": "nhà",
    "căn": "nhà",
    "con": "con",
    "tin": "tin",
    "bài": "bài",
    "phóng sự": "phóng sự",
    "chuyên mục": "chuyên mục",
    "doanh nghiệp": "doanh nghiệp",
    "hợp tác xã": "hợp tác xã",
    "tổ hợp tác": "tổ hợp tác",
    "sản phẩm": "sản phẩm",
    "việc làm": "việc làm",
    "ha": "ha",
    "héc ta": "ha",
    "km": "km",
}
UNIT_EXAMPLES: list[tuple[str, str]] = [
    ("95%", "%"),
    ("0,52 %", "%"),
    ("206 hộ", "hộ"),
    ("06 lớp", "lớp"),
    ("10 mô hình", "mô hình"),
    ("20 trẻ em", "trẻ"),
    ("6000 phiếu", "phiếu"),
    ("150 lượt người", "lượt"),
    ("02 lao động", "lao động"),
    ("5 khẩu", "khẩu"),
    ("8 thôn", "thôn"),
    ("3 xã", "xã"),
]

# A sentence saying one of these states a target even outside a 'Mục tiêu' section.
# 'Phần đầu' / 'Phân đầu' are frequent typos of 'Phấn đấu'.
TARGET_VERBS: list[str] = ["phấn đấu", "phấn đầu", "phần đấu"]
# Leading words of an indicator that only introduce it.
INDICATOR_LEADING_FILLERS: list[str] = [
    "phấn đấu",
    "phần đầu",
    "phân đầu",
    "phấn đầu",
    "phần đấu",
    "đảm bảo",
    "bảo đảm",
    "tương ứng",
    "trong đó",
    "cho",
    "đạt",
    "duy trì",
    "là",
    "bằng",
    "và",
]
# An indicator ending in one of these takes the unit noun after it ('việc làm cho lao động').
PREPOSITIONS: list[str] = ["cho", "của", "với", "tới", "đến"]
INDICATOR_TRAILING_FILLERS: list[str] = ["đạt", "là", "bằng", "ở mức", "đạt mức", "còn", "xuống còn", "với", "của"]
# Words that carry no subject: an indicator made only of them borrows the previous target's.
VERB_WORDS: list[str] = [
    "giảm",
    "tăng",
    "xuống",
    "còn",
    "đạt",
    "bằng",
    "là",
    "tỷ lệ",
    "tỉ lệ",
    "tương ứng",
    "lên",
    "mức",
    "ở",
    "khoảng",
]
# Sentences reporting the present state, not a target, even inside a 'Mục tiêu' section.
REPORTED_WORDS: list[str] = ["hiện tại", "hiện nay", "hiện có", "hiện còn", "đã đạt", "đạt được", "đã thực hiện"]
INDICATOR_MAX_WORDS = 16

# (sentence in a Mục tiêu section, indicator of its first target) — a test runs every one.
INDICATOR_EXAMPLES: list[tuple[str, str]] = [
    (
        "- Tỷ lệ hộ nghèo, hộ cận nghèo trên địa bàn xã giảm xuống dưới 12% (giảm 101 hộ) vào cuối năm 2025.",
        "Tỷ lệ hộ nghèo, hộ cận nghèo trên địa bàn xã giảm xuống",
    ),
    ("- Mở ít nhất 06 lớp đào tạo nghề cho lao động thuộc hộ nghèo;", "Mở lớp đào tạo nghề cho lao động thuộc hộ nghèo"),
    (
        "+ 100% người thuộc hộ nghèo được hỗ trợ tham gia bảo hiểm y tế.",
        "Người thuộc hộ nghèo được hỗ trợ tham gia bảo hiểm y tế",
    ),
    ("- Phấn đấu 95% hộ nghèo có nhà tiêu hợp vệ sinh.", "Hộ nghèo có nhà tiêu hợp vệ sinh"),
    ("+ Tỷ lệ trẻ em đi học đúng độ tuổi đạt 100%;", "Tỷ lệ trẻ em đi học đúng độ tuổi"),
]
