"""Words that say what a money amount is: its kind (planned, allocated, spent), totals, labels."""

from __future__ import annotations

# Kind keywords. The keyword nearest before the amount decides ('được phân bổ 700 triệu đồng,
# đã giải ngân 650 triệu đồng': allocated, then spent), else the nearest after it. Inside an
# evaluation of a past year every amount is a prior_result whatever its keywords.
KIND_KEYWORDS: list[tuple[str, list[str]]] = [
    (
        "spent",
        [
            "giải ngân",
            "đã cấp",
            "đã chi",
            "đã thực hiện",
            "đã sử dụng",
            "đã hỗ trợ",
            "đã thanh toán",
            "thanh toán",
            "quyết toán",
        ],
    ),
    (
        "allocated",
        [
            "phân bổ",
            "được giao",
            "giao vốn",
            "giao kế hoạch vốn",
            "bố trí",
            "được cấp",
            "được duyệt",
            "phê duyệt",
        ],
    ),
    (
        "planned",
        [
            "dự kiến",
            "kế hoạch vốn",
            "dự toán",
            "nhu cầu vốn",
            "nhu cầu kinh phí",
            "đề xuất",
            "dự trù",
            "ước tính",
        ],
    ),
]

# Each example: (sentence, kind) — a test runs every one through the budget parser in a plan section.
KIND_EXAMPLES: list[tuple[str, str]] = [
    ("Nguồn vốn thực hiện: Dự kiến 530 triệu đồng.", "planned"),
    ("Kế hoạch vốn năm 2025 là 2,5 tỷ đồng.", "planned"),
    ("Số vốn được phân bổ là 700 triệu đồng.", "allocated"),
    ("Kinh phí được giao 1.200 triệu đồng.", "allocated"),
    ("UBND huyện bố trí 300 triệu đồng cho dự án.", "allocated"),
    ("Đến nay đã giải ngân 450 triệu đồng.", "spent"),
    ("Đã cấp 40 máy nông cụ với kinh phí 400 triệu đồng.", "spent"),
    ("Số vốn được phân bổ là 700 triệu đồng, đã giải ngân 650 triệu đồng.", "spent"),
    ("Kinh phí dự kiến 500 triệu đồng theo Quyết định phê duyệt của UBND huyện.", "planned"),
    ("Kinh phí 90 triệu đồng đã được phân bổ.", "allocated"),
]

# A label or sentence naming a total; 'cho 2 dự án' (an amount for several components) too.
TOTAL_WORDS: list[str] = [
    "tổng kinh phí",
    "tổng nguồn vốn",
    "tổng nguồn kinh phí",
    "tổng vốn",
    "tổng cộng",
    "tổng số",
    "tổng mức",
    "tổng dự toán",
    "tổng ngân sách",
    "tổng giá trị",
    "toàn bộ kinh phí",
]
# After the amount: 'cho 2 dự án', 'cho các tiểu dự án', 'cho 03 nội dung'.
TOTAL_AFTER = r"^\s*(?:cho|của|thực\s+hiện)\s+(?:\d{1,2}|các|hai|ba|bốn|năm)\s+(?:tiểu\s+)?(?:dự\s+án|nội\s+dung|hạng\s+mục|chương\s+trình)"

TOTAL_EXAMPLES: list[tuple[str, bool]] = [
    ("Năm 2023 số kinh phí phân bổ là 1.080 triệu đồng cho 2 dự án.", True),
    ("Tổng kinh phí thực hiện: 1.728 triệu đồng.", True),
    ("Với tổng nguồn vốn 400 triệu đồng.", True),
    ("Tổng cộng: 2 tỷ đồng.", True),
    ("Số vốn được phân bổ là 700 triệu đồng.", False),
    ("Vốn sự nghiệp Trung ương 380 triệu đồng.", False),
]

# Words that can stand in a label before an amount but say nothing about what it is for.
LABEL_LEADING_FILLERS: list[str] = [
    "với",
    "trong đó",
    "bao gồm",
    "gồm",
    "cụ thể",
    "gồm có",
    "và",
    "còn",
    "dự kiến",
    "khoảng",
]
LABEL_TRAILING_FILLERS: list[str] = [
    "là",
    "khoảng",
    "ước",
    "ước tính",
    "dự kiến",
    "với",
    "bằng",
    "trị giá",
    "số tiền",
    "đạt",
    "tương đương",
    "tối đa",
    "tối thiểu",
    "ít nhất",
    "trên",
    "dưới",
    "gần",
    "hơn",
]
# (label text before the amount, label) — a test runs every one.
LABEL_EXAMPLES: list[tuple[str, str]] = [
    ("Nguồn vốn thực hiện: Dự kiến 530 triệu đồng.", "Nguồn vốn thực hiện"),
    ("Năm 2023 số kinh phí phân bổ là 1.080 triệu đồng cho 2 dự án.", "Số kinh phí phân bổ"),
    ("Với tổng nguồn vốn 400 triệu đồng.", "Tổng nguồn vốn"),
    ("Nguồn vốn: Vốn sự nghiệp Trung ương 380 triệu đồng, đã cấp lợn giống.", "Vốn sự nghiệp Trung ương"),
    ("Số vốn được phân bổ là 700 triệu đồng.", "Số vốn được phân bổ"),
    (
        "1. Tổng kinh phí từ nguồn ngân sách Trung ương thực hiện Chương trình mục tiêu quốc gia giảm nghèo "
        "bền vững năm 2024 (vốn sự nghiệp): Dự kiến 1.728 triệu đồng.",
        "Tổng kinh phí từ nguồn ngân sách Trung ương",
    ),
    ("Trong năm 2024, vốn đối ứng ngân sách huyện khoảng 150 triệu đồng.", "Vốn đối ứng ngân sách huyện"),
]

# A long label is cut before one of these (after its first few words), else after a few words.
LABEL_CUT_BEFORE: list[str] = [" thực hiện ", " để ", " nhằm ", " (", " năm ", " theo ", " giai đoạn "]
LABEL_MAX_WORDS = 10

# With a bare multiplier ('150 triệu', '2 tỷ') the amount is money only near one of these words
# ('2 triệu người' is not money).
MONEY_CONTEXT_WORDS: list[str] = [
    "vốn",
    "kinh phí",
    "ngân sách",
    "tiền",
    "chi phí",
    "dự toán",
    "giá trị",
    "nguồn",
    "hỗ trợ",
    "đầu tư",
    "thu nhập",
]
BARE_MULTIPLIERS: list[str] = ["triệu", "tỷ", "tỉ", "nghìn", "ngàn"]
# After a bare multiplier these nouns make a count, not money ('2 triệu người', '5 nghìn lượt').
COUNT_NOUNS: list[str] = ["người", "hộ", "lượt", "lao động", "khẩu", "dân", "con", "tấn", "cây", "m2", "m²", "ha", "bản", "cuốn", "tờ"]
BARE_UNIT_EXAMPLES: list[tuple[str, bool]] = [
    ("Kinh phí hỗ trợ 150 triệu.", True),
    ("Vốn đối ứng 2 tỷ cho dự án.", True),
    ("Hỗ trợ 2 triệu người dân.", False),
    ("Tuyên truyền tới 5 nghìn lượt người.", False),
]
