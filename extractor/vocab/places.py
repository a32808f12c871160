"""Words around place names: level words, their abbreviations, and the tone-placement rule's letters."""

from __future__ import annotations

# Level words written before a place name, lowercase, longest first so that 'thị xã' wins over 'xã'.
LEVEL_PREFIXES: tuple[str, ...] = (
    "thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã",
)

# Abbreviations of level words, lowercase; the dot is optional after the two-letter ones ('TP Huế').
LEVEL_ABBREVIATIONS: dict[str, str] = {
    "tp.": "thành phố",
    "tp": "thành phố",
    "tx.": "thị xã",
    "tx": "thị xã",
    "tt.": "thị trấn",
    "h.": "huyện",
    "q.": "quận",
    "p.": "phường",
    "x.": "xã",
}

# Vowels (with their quality marks ˆ ˘ ʼ, without tone), and the letters that may end a syllable.
VOWELS: frozenset[str] = frozenset("aăâeêioôơuưy")
MARKED_VOWELS: frozenset[str] = frozenset("ăâêôơư")
FINAL_CONSONANTS: frozenset[str] = frozenset({"", "c", "ch", "m", "n", "ng", "nh", "p", "t"})
# Open syllables whose tone the new convention ('hoà', 'khoẻ', 'thuỷ') puts on the second vowel.
NEW_STYLE_PAIRS: frozenset[str] = frozenset({"oa", "oe", "uy"})

# Each example: (as written, key). Tests run every one.
PLACE_KEY_EXAMPLES: list[tuple[str, str]] = [
    ("xã Cao Lâu", "cao lâu"),
    ("Xã  Cao   Lâu ", "cao lâu"),
    ("CAO LÂU", "cao lâu"),
    ("huyện Cẩm Thủy", "cẩm thuỷ"),
    ("Huyện Cẩm Thuỷ", "cẩm thuỷ"),
    ("Thanh Hóa", "thanh hoá"),
    ("tỉnh THANH HOÁ", "thanh hoá"),
    ("phường Hòa Khánh", "hoà khánh"),
    ("xã Quý Lộc", "quý lộc"),
    ("xã Qúy Lộc", "quý lộc"),
    ("thị trấn Khe Sanh", "khe sanh"),
    ("thị xã Sơn Tây", "sơn tây"),
    ("TX. Sơn Tây", "sơn tây"),
    ("TP. Lai Châu", "lai châu"),
    ("TP.Lai Châu", "lai châu"),
    ("Tp Hồ Chí Minh", "hồ chí minh"),
    ("thành phố Lai Châu", "lai châu"),
    ("H. Cao Lộc", "cao lộc"),
    ("Bà Rịa–Vũng Tàu", "bà rịa - vũng tàu"),
    ("Bà Rịa - Vũng Tàu", "bà rịa - vũng tàu"),
    ("phường 01", "1"),
    ("Đắk Lắk", "đắk lắk"),
    ("xã Tả Thàng", "tả thàng"),
]
