"""Administrative level words ('tỉnh', 'huyện', 'xã' ...) and the level each names."""

from __future__ import annotations

# Longest first: 'thị xã' must win over 'xã', 'thành phố' over nothing.
# 'thành phố' is a province (trực thuộc Trung ương) or a district (thuộc tỉnh): see CENTRAL_CITIES.
LEVEL_WORDS: dict[str, str] = {
    "thành phố": "huyen",
    "thị trấn": "xa",
    "thị xã": "huyen",
    "đặc khu": "xa",
    "phường": "xa",
    "huyện": "huyen",
    "quận": "huyen",
    "tỉnh": "tinh",
    "xã": "xa",
    "tp.": "huyen",
    "tp": "huyen",
}

# Spellings stored for each level word (abbreviations written out).
LEVEL_SPELLINGS: dict[str, str] = {"tp.": "thành phố", "tp": "thành phố"}

# The cities that are provinces (thành phố trực thuộc Trung ương), Huế from 2025.
CENTRAL_CITIES: frozenset[str] = frozenset(
    {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"}
)

# Bodies of the Communist Party named after the level they lead: 'Tỉnh ủy Thanh Hóa', 'Huyện ủy Cẩm Thủy'.
PARTY_COMMITTEES: dict[str, str] = {
    "Tỉnh ủy": "tinh",
    "Tỉnh uỷ": "tinh",
    "Thành ủy": "huyen",
    "Thành uỷ": "huyen",
    "Huyện ủy": "huyen",
    "Huyện uỷ": "huyen",
    "Thị ủy": "huyen",
    "Thị uỷ": "huyen",
    "Quận ủy": "huyen",
    "Quận uỷ": "huyen",
    "Đảng ủy": "xa",
    "Đảng uỷ": "xa",
}

# Each example: (level word and name as written, level). Tests run every one.
LEVEL_EXAMPLES: list[tuple[str, str | None]] = [
    ("xã Cao Lâu", "xa"),
    ("phường Tân Phong", "xa"),
    ("thị trấn Cẩm Thủy", "xa"),
    ("huyện Cao Lộc", "huyen"),
    ("quận Ba Đình", "huyen"),
    ("thị xã Sơn Tây", "huyen"),
    ("thành phố Lai Châu", "huyen"),
    ("thành phố Hà Nội", "tinh"),
    ("TP. Hồ Chí Minh", "tinh"),
    ("tỉnh Lâm Đồng", "tinh"),
]


def level_of(level_word: str, name: str | None = None) -> str | None:
    """'tinh', 'huyen' or 'xa' for a level word; a 'thành phố' is a province only when it is a central city."""
    key = level_word.lower()
    level = LEVEL_WORDS.get(key)
    if level is None:
        return None
    if LEVEL_SPELLINGS.get(key, key) == "thành phố" and name in CENTRAL_CITIES:
        return "tinh"
    return level

# Words that end a place name after a line wrap: 'xã Cao Lâu\nBan hành kế hoạch ...' names 'Cao Lâu', unless
# only the line's end, punctuation or a column follows ('XÃ ĐÔNG\nCÁC'). On one line a name ends by structure
# (parsers/bodies.py). They may still open a name ('huyện Kế Sách').
NOT_NAME_WORDS: frozenset[str] = frozenset(
    {
        "Ban", "Báo", "Bộ", "Các", "Căn", "Chỉ", "Chương", "Công", "Để", "Đề", "Giai", "Hội", "Hướng",
        "Kế", "Luật", "Năm", "Nay", "Ngày", "Nghị", "Phòng", "Quyết", "Sở", "Theo", "Thông", "Thực",
        "Tờ", "Trên", "Triển", "Trong", "UBND", "HĐND", "Ủy", "Uỷ", "Về", "Việc", "Xây",
        # a level word never continues a name: 'THANH HÓA\nHUYỆN ỦY ...' in a header block
        "Tỉnh", "Huyện", "Quận", "Phường", "Xã", "Đảng", "Thôn", "Số",
    }
)
