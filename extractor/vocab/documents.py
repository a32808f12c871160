"""Document types, their symbol codes, issuer words and signature marks, as Vietnamese documents write them."""

from __future__ import annotations

# The name of each document type as it is cited in running text ('Kế hoạch số ...'), sentence case.
# The heading of a document is the same words in capitals ('KẾ HOẠCH').
DOC_TYPES: tuple[str, ...] = (
    "Kế hoạch",
    "Quyết định",
    "Nghị quyết",
    "Nghị định",
    "Chỉ thị",
    "Thông báo",
    "Thông tư liên tịch",
    "Thông tư",
    "Báo cáo",
    "Tờ trình",
    "Hướng dẫn",
    "Chương trình",
    "Công văn",
    "Công điện",
    "Luật",
    "Pháp lệnh",
    "Quy chế",
    "Quy định",
    "Kết luận",
    "Đề án",
    "Phương án",
    "Văn bản",
)

# A 'Văn bản số 12/UBND-VX' is a công văn: the general word names no type of its own.
DOC_TYPE_ALIASES: dict[str, str] = {
    "Văn bản": "Công văn",
}

# The type part of a symbol ('KH' in 51/KH-UBND, 'NQ' in 47-NQ/TU, 'QĐ' in 14/2012/QĐ-TTg).
# Case matters: CT is a chỉ thị but CTr a chương trình, TT a thông tư but TTr a tờ trình.
SYMBOL_TYPES: dict[str, str] = {
    "KH": "Kế hoạch",
    "QĐ": "Quyết định",
    "NQ": "Nghị quyết",
    "NĐ": "Nghị định",
    "CT": "Chỉ thị",
    "TB": "Thông báo",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "BC": "Báo cáo",
    "TTr": "Tờ trình",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "CV": "Công văn",
    "CĐ": "Công điện",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "KL": "Kết luận",
    "ĐA": "Đề án",
    "PA": "Phương án",
}

# Each example: (symbol as written, the type it names or None). A symbol without a type part is a công văn.
SYMBOL_TYPE_EXAMPLES: list[tuple[str, str | None]] = [
    ("KH-UBND", "Kế hoạch"),
    ("QĐ-TTg", "Quyết định"),
    ("NQ/TU", "Nghị quyết"),
    ("CTr/TU", "Chương trình"),
    ("CT-TTg", "Chỉ thị"),
    ("TTr-UBND", "Tờ trình"),
    ("TT-BTC", "Thông tư"),
    ("NĐ-CP", "Nghị định"),
    ("UBND-TH", "Công văn"),
    ("LĐTBXH-VPQGGN", "Công văn"),
    ("UBND", "Công văn"),
    ("QH15", None),
]

# The body that issued a document, spelled out, and the abbreviation kehoach stores.
# Both tone placements occur: 'Ủy' and 'Uỷ'.
BODY_ABBREVIATIONS: dict[str, str] = {
    "Ủy ban nhân dân": "UBND",
    "Uỷ ban nhân dân": "UBND",
    "UBND": "UBND",
    "Hội đồng nhân dân": "HĐND",
    "HĐND": "HĐND",
}

# Numbered things that are not documents: 'Phụ lục số 01/PL-UBND', 'Biểu số 02/BTXH', 'Mẫu số 03/HN'.
NOT_DOCUMENT_WORDS: tuple[str, ...] = ("phụ lục", "biểu mẫu", "biểu", "mẫu", "bảng")

# Words that end an issuer named after 'của': what the cited document is about or does comes next.
# Case matters: 'giao' ends an issuer, 'Sở Giao thông vận tải' is one.
ISSUER_STOP_WORDS: tuple[str, ...] = (
    "về việc",
    "về",
    "Về việc",
    "Về",
    "V/v",
    "ban hành",
    "phê duyệt",
    "quy định",
    "sửa đổi",
    "bổ sung",
    "đảm bảo",
    "bảo đảm",
    "hướng dẫn",
    "triển khai",
    "thực hiện",
    "giao",
    "vào",
    "tại",
    "đối với",
    "trong",
    "theo",
    "nhằm",
    "để",
    "đã",
    "được",
    "với",
    "năm",
    "giai đoạn",
    "ngày",
    "số",
    "đến",
    "cho",
    "như",
    "là",
    "gồm",
    "kèm theo",
)

# Each example: (text after a citation, the issuer kehoach reads).
ISSUER_EXAMPLES: list[tuple[str, str]] = [
    ("của UBND tỉnh Lai Châu về việc thông báo", "UBND tỉnh Lai Châu"),
    ("của Ủy ban nhân dân huyện Cao Lộc về thực hiện", "UBND huyện Cao Lộc"),
    ("của Hội đồng nhân dân tỉnh Lâm Đồng sửa đổi", "HĐND tỉnh Lâm Đồng"),
    ("của Thủ tướng Chính phủ đảm bảo", "Thủ tướng Chính phủ"),
    ("của Quốc hội và Nghị quyết số", "Quốc hội"),
    ("của Ban chấp hành Đảng bộ tỉnh;", "Ban chấp hành Đảng bộ tỉnh"),
    ("của BCH Trung ương Đảng (Khóa XIII) về", "BCH Trung ương Đảng"),
    ("của Bộ Lao động - Thương binh và Xã hội về", "Bộ Lao động - Thương binh và Xã hội"),
    ("của UBND huyện Đức Trọng ban hành kế hoạch", "UBND huyện Đức Trọng"),
    ("của Sở Giao thông vận tải Về việc", "Sở Giao thông vận tải"),
]

# Marks before a signer's capacity: TM. (on behalf of a body), KT. (signing for), TL., TUQ., Q.
# Both 'TM.' and 'T/M' are written; kehoach stores the dotted form.
SIGNATURE_MARKS: dict[str, str] = {
    "TM": "TM.",
    "T/M": "TM.",
    "KT": "KT.",
    "K/T": "KT.",
    "TL": "TL.",
    "T/L": "TL.",
    "TUQ": "TUQ.",
    "Q": "Q.",
}

# Titles that stand on their own line in a signature block.
SIGNER_TITLES: tuple[str, ...] = (
    "PHÓ CHỦ TỊCH THƯỜNG TRỰC",
    "PHÓ CHỦ TỊCH",
    "CHỦ TỊCH",
    "PHÓ TRƯỞNG BAN",
    "TRƯỞNG BAN",
    "PHÓ BÍ THƯ",
    "BÍ THƯ",
    "PHÓ TRƯỞNG PHÒNG",
    "TRƯỞNG PHÒNG",
    "PHÓ GIÁM ĐỐC",
    "GIÁM ĐỐC",
    "CHÁNH VĂN PHÒNG",
)

# Lines of the 'Nơi nhận' list and stamps between the capacity and the name.
SIGNATURE_SKIP_PREFIXES: tuple[str, ...] = (
    "Nơi nhận",
    "Lưu",
    "Như trên",
    "(Đã ký)",
    "Đã ký",
    "(ký",
    "(Ký",
    "[",
)

# Words that open a legal-basis paragraph, the paragraph after a plan's title.
BASIS_OPENERS: tuple[str, ...] = (
    "Căn cứ",
    "Thực hiện",
    "Triển khai",
    "Theo",
    "Trên cơ sở",
    "Thi hành",
    "Nhằm",
    "Để",
    "Xét",
)

# Capitalised words that open a new paragraph: a line break before one ends the issuer of a citation.
PARAGRAPH_OPENERS: tuple[str, ...] = ("Ban hành", "Trên", "UBND", "Ủy ban", "Uỷ ban", "Đồng thời", "Đề nghị", "Giao")

# Verbs that say a body made this plan: 'UBND xã Cao Lâu xây dựng Kế hoạch', 'UBND huyện đã ban hành Kế hoạch'.
MAKING_VERBS: tuple[str, ...] = ("xây dựng", "ban hành", "triển khai")
