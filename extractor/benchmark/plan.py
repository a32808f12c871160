"""The content of one synthetic plan (KẾ HOẠCH), seeded by ``(seed, index)``: its place, people, numbers,
parts and the manifest of every value it states; ``extractor.benchmark.render`` writes it as a file."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import regex

LENGTHS = {"small": 5_000, "typical": 20_000, "large": 80_000}  # bytes of UTF-8 text, ±15%
# How much of each part a plan of each length has: a small plan is short in every part, not only in filler.
_PARTS = {
    "small": {"sentences": 1, "components": (2, 3), "units": (3, 5), "listed": 1, "per_list": 2, "agencies": 1},
    "typical": {"sentences": 3, "components": (2, 7), "units": (4, 12), "listed": 3, "per_list": 6, "agencies": 3},
    "large": {"sentences": 3, "components": (4, 10), "units": (8, 15), "listed": 99, "per_list": 6, "agencies": 3},
}
MIXED_LENGTHS = (("small", 0.2), ("typical", 0.65), ("large", 0.15))

# --- words -----------------------------------------------------------------------------------------

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Triệu", "Hà", "Lò", "Lường", "Quách", "Đinh", "Mai", "Trịnh", "Lương")
MIDDLE_MALE = ("Văn", "Văn", "Văn", "Minh", "Đức", "Hữu", "Công", "Quang")
MIDDLE_FEMALE = ("Thị", "Thị", "Thị", "Thu", "Ngọc", "Kim")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hải", "Hạnh", "Hoa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long",
         "Mai", "Nam", "Nga", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Thắng", "Thành", "Tú", "Tuấn", "Vân",
         "Việt", "Xuân", "Yến", "Chiến", "Đông", "Giang", "Hiền", "Lộc", "Minh", "Nhung", "Phong", "Quý",
         "Sáu", "Tình", "Trung", "Vinh")
VILLAGE_WORDS = ("Thôn", "Thôn", "Thôn", "Bản", "Ấp", "Xóm")
VILLAGE_NAMES = ("Tân Lập", "Đồng Tâm", "Bình Minh", "Hòa Bình", "Tiến Bộ", "Trung Tâm", "Phú Thịnh", "Nà Sản",
                 "Khe Mạ", "Bắc Sơn", "Nam Hà", "Đông Hưng", "Tây Sơn", "Quyết Thắng", "Thống Nhất", "Hợp Thành",
                 "Cầu Đá", "Làng Mới", "Phiêng Lanh", "Suối Cát", "Đồng Chùa", "Gia Phú", "Phú Hòa", "An Lạc",
                 "Chợ", "Tô", "Xanh", "Vinh", "Hạc Sơn", "Bình Yên")
CAUSES = ("thiếu vốn sản xuất", "thiếu lao động", "không có lao động", "chưa biết cách làm ăn",
          "đông người ăn theo", "có người ốm đau dài ngày", "gặp rủi ro trong năm", "thiếu đất sản xuất")
PROGRAMME = "Chương trình mục tiêu quốc gia giảm nghèo bền vững"
COMPONENTS = (  # (Dự án, Tiểu dự án, name)
    (1, None, "Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo"),
    (2, None, "Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo"),
    (3, 1, "Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp"),
    (3, 2, "Cải thiện dinh dưỡng"),
    (4, 1, "Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn"),
    (4, 3, "Hỗ trợ việc làm bền vững"),
    (5, None, "Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo"),
    (6, 2, "Truyền thông về giảm nghèo đa chiều"),
    (7, 1, "Nâng cao năng lực thực hiện Chương trình"),
    (7, 2, "Giám sát, đánh giá"),
)
NATIONAL_REFERENCES = (  # (type, so_hieu, date, issuer)
    ("Nghị quyết", "24/2021/QH15", date(2021, 7, 28), "Quốc hội"),
    ("Nghị định", "07/2021/NĐ-CP", date(2021, 1, 27), "Chính phủ"),
    ("Quyết định", "90/QĐ-TTg", date(2022, 1, 18), "Thủ tướng Chính phủ"),
    ("Nghị định", "27/2022/NĐ-CP", date(2022, 4, 19), "Chính phủ"),
    ("Quyết định", "652/QĐ-TTg", date(2022, 5, 28), "Thủ tướng Chính phủ"),
    ("Thông tư", "46/2022/TT-BTC", date(2022, 7, 28), "Bộ Tài chính"),
    ("Nghị định", "38/2023/NĐ-CP", date(2023, 6, 24), "Chính phủ"),
)
# Sentences without digits or amounts: the bulk of a plan, which no parser should read anything from.
FILLER = (
    "Tăng cường công tác tuyên truyền, nâng cao nhận thức của cán bộ, đảng viên và nhân dân về công tác giảm nghèo bền vững.",
    "Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội trong việc vận động hội viên tham gia phát triển kinh tế.",
    "Lồng ghép có hiệu quả các nguồn lực của các chương trình, dự án trên địa bàn để hỗ trợ người nghèo.",
    "Rà soát, đánh giá đúng thực trạng đời sống của người dân, xác định rõ nguyên nhân nghèo của từng hộ.",
    "Hướng dẫn người dân chuyển đổi cơ cấu cây trồng, vật nuôi phù hợp với điều kiện của địa phương.",
    "Tạo điều kiện thuận lợi để người nghèo tiếp cận các dịch vụ xã hội cơ bản như y tế, giáo dục, nhà ở, nước sạch và thông tin.",
    "Kịp thời biểu dương, khen thưởng các tập thể, cá nhân có thành tích tiêu biểu trong công tác giảm nghèo.",
    "Phối hợp với Ngân hàng Chính sách xã hội tạo điều kiện cho hộ nghèo, hộ cận nghèo được vay vốn ưu đãi phát triển sản xuất.",
    "Kiểm tra, giám sát việc thực hiện các chính sách giảm nghèo, bảo đảm đúng đối tượng, công khai, minh bạch.",
    "Đẩy mạnh đào tạo nghề gắn với giải quyết việc làm cho lao động nông thôn, nhất là lao động thuộc hộ nghèo.",
    "Vận động các doanh nghiệp, các nhà hảo tâm tham gia ủng hộ Quỹ Vì người nghèo và giúp đỡ các hộ có hoàn cảnh khó khăn.",
    "Nâng cao chất lượng hoạt động của Ban Chỉ đạo các chương trình mục tiêu quốc gia ở cơ sở.",
    "Thường xuyên nắm bắt tình hình, kịp thời tháo gỡ khó khăn, vướng mắc trong quá trình tổ chức thực hiện.",
    "Khuyến khích người dân tự lực vươn lên thoát nghèo, xóa bỏ tư tưởng trông chờ, ỷ lại vào sự hỗ trợ của Nhà nước.",
    "Chú trọng hỗ trợ các hộ nghèo thuộc đối tượng bảo trợ xã hội, hộ không có khả năng lao động.",
    "Cập nhật đầy đủ, kịp thời cơ sở dữ liệu về hộ nghèo, hộ cận nghèo trên hệ thống quản lý.",
    "Hướng dẫn các hộ gia đình tham gia bảo hiểm y tế, bảo đảm quyền lợi khi khám, chữa bệnh.",
    "Hỗ trợ cải thiện nhà ở, công trình vệ sinh và nước sinh hoạt cho các hộ còn thiếu hụt.",
    "Tổ chức đối thoại chính sách, lắng nghe ý kiến của người dân về các chương trình giảm nghèo.",
    "Nhân rộng các mô hình sinh kế hiệu quả, phù hợp với phong tục, tập quán của đồng bào.",
    "Ưu tiên bố trí nguồn lực cho các thôn, bản đặc biệt khó khăn và vùng đồng bào dân tộc thiểu số.",
    "Phân công cán bộ, đảng viên phụ trách, giúp đỡ từng hộ nghèo xây dựng phương án thoát nghèo.",
    "Báo cáo định kỳ kết quả thực hiện về cơ quan thường trực Chương trình theo quy định.",
    "Bảo đảm sử dụng nguồn vốn đúng mục đích, tiết kiệm, hiệu quả và thanh quyết toán đúng quy định.",
)
TASK_HEADINGS = (
    "Công tác tuyên truyền, nâng cao nhận thức", "Hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế",
    "Đào tạo nghề, giải quyết việc làm", "Thực hiện các chính sách an sinh xã hội",
    "Huy động và lồng ghép các nguồn lực", "Kiểm tra, giám sát, đánh giá", "Công tác thi đua, khen thưởng",
    "Hỗ trợ tiếp cận dịch vụ xã hội cơ bản", "Nâng cao năng lực cán bộ làm công tác giảm nghèo",
)
AGENCIES = ("Công chức Lao động - Thương binh và Xã hội", "Công chức Văn hóa - Thông tin",
            "Công chức Tài chính - Kế toán", "Công chức Địa chính - Nông nghiệp", "Trạm Y tế",
            "Ủy ban Mặt trận Tổ quốc và các đoàn thể", "Trưởng các thôn, bản")

# --- the plan's parts ------------------------------------------------------------------------------


@dataclass
class Para:
    """One paragraph; ``kind``: body, heading, centre (bold, centred), village (bold in list), sign (signature)."""

    text: str
    kind: str = "body"


@dataclass
class HeaderBlock:
    """The two-column header: issuer lines | national motto, then number | place and date."""

    left: list[str]
    number: str
    place_date: str


@dataclass
class TableBlock:
    title: str
    unit: str | None
    rows: list[list[str]]  # first row is the header


@dataclass
class Plan:
    index: int
    blocks: list
    manifest: dict
    style: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Place:
    level: str  # 'xa', 'huyen', 'tinh'
    province: str  # with its level word: 'Tỉnh Lạng Sơn'
    district: str | None
    commune: str | None
    children: tuple[str, ...]  # units below (villages are made up; communes and districts are real)


@lru_cache(maxsize=1)
def _official_units() -> dict[str, list]:
    """Communes, districts and provinces from the administrative-unit tables, in code order, names plain."""
    from extractor.places import official_units  # the one importer of vietnamadminunits

    plain = regex.compile(r"\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,3}")
    communes, districts, provinces = [], {}, {}
    for row in sorted(official_units(), key=lambda r: (r.province_code, r.district_code, r.ward_code or "")):
        province_word, province_name = _split_level(row.province)
        district_word, district_name = _split_level(row.district)
        if province_word != "Tỉnh" or not plain.fullmatch(province_name) or not plain.fullmatch(district_name):
            continue
        if district_word not in ("Huyện", "Thị xã", "Thành phố"):
            continue
        provinces.setdefault(row.province, []).append(row.district)
        ward_word, ward_name = _split_level(row.ward or "")
        districts.setdefault((row.province, row.district), [])
        if ward_word == "Xã" and plain.fullmatch(ward_name):
            districts[(row.province, row.district)].append(row.ward)
            communes.append((row.province, row.district, row.ward))
    return {
        "communes": communes,
        "districts": [(p, d, tuple(c)) for (p, d), c in districts.items() if len(c) >= 3],
        "provinces": [(p, tuple(dict.fromkeys(d))) for p, d in provinces.items()],
    }


def _split_level(name: str) -> tuple[str, str]:
    for word in ("Thành phố", "Thị xã", "Thị trấn", "Huyện", "Tỉnh", "Xã", "Phường", "Quận"):
        if name.startswith(word + " "):
            return word, name[len(word) + 1:]
    return "", name


def _place(rng: random.Random) -> Place:
    units = _official_units()
    roll = rng.random()
    if roll < 0.65:
        province, district, commune = rng.choice(units["communes"])
        return Place("xa", province, district, commune, ())
    if roll < 0.92:
        province, district, communes = rng.choice(units["districts"])
        return Place("huyen", province, district, None, communes)
    province, districts = rng.choice(units["provinces"])
    return Place("tinh", province, None, None, districts)


def _name(part: str | None) -> str | None:
    return _split_level(part)[1] if part else None


def _person(rng: random.Random, used: set[str], female: bool | None = None) -> tuple[str, str]:
    """(honorific, full name), unique within one plan."""
    for _ in range(1000):
        is_female = rng.random() < 0.45 if female is None else female
        middle = rng.choice(MIDDLE_FEMALE if is_female else MIDDLE_MALE)
        name = f"{rng.choice(FAMILY)} {middle} {rng.choice(GIVEN)}"
        if name not in used:
            used.add(name)
            return ("Bà" if is_female else "Ông"), name
    raise RuntimeError("extractor/benchmark/generate.py: ran out of distinct names; add syllables to GIVEN")


def _int_vi(n: int) -> str:
    """1728 -> '1.728'."""
    return f"{n:,}".replace(",", ".")


def _rate_vi(numerator: int, denominator: int) -> tuple[str, str]:
    """(printed '5,43', exact '5.43') for a percentage rounded to two decimals, half up."""
    hundredths = (numerator * 10000 * 2 + denominator) // (2 * denominator)
    text = f"{hundredths // 100}.{hundredths % 100:02d}"
    return text.replace(".", ","), text


def _date_vi(day: date, rng: random.Random) -> str:
    """'18/01/2022' or '18/1/2022'."""
    if rng.random() < 0.5:
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day}/{day.month}/{day.year}"


def _dash(rng: random.Random) -> str:
    return rng.choice((" - ", "-", " – ", "–"))


def _filler(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.sample(FILLER, sentences))


# --- one plan --------------------------------------------------------------------------------------


def make_plan(seed: int, index: int, length: str = "mixed") -> Plan:
    """Plan ``index`` of ``seed``: its blocks and its manifest (the values a reader should find)."""
    rng = random.Random(f"kehoach-benchmark:{seed}:{index}")
    size_class = _size_class(rng, length)
    target = int(LENGTHS[size_class] * rng.uniform(0.85, 1.15))
    parts = _PARTS[size_class]
    place = _place(rng)
    plan_year = rng.randint(2021, 2026)
    issue = _issue_date(rng, plan_year)
    used_names: set[str] = set()
    blocks: list = []
    m: dict = {"index": index, "size_class": size_class, "plan_year": plan_year, "expected_findings": []}

    own_unit = {"xa": place.commune, "huyen": place.district, "tinh": place.province}[place.level]
    own_name = _name(own_unit)
    level_word = _split_level(own_unit)[0]
    issuer = f"UBND {level_word.lower()} {own_name}"
    m.update(issuer=issuer, issuer_level=place.level, province=_name(place.province),
             district=_name(place.district), commune=_name(place.commune))

    # Header block, number, place and date.
    left = ["ỦY BAN NHÂN DÂN", f"{level_word} {own_name}".upper()]
    if place.level == "xa" and rng.random() < 0.4:
        left = [f"UBND {place.district}".upper(), f"ỦY BAN NHÂN DÂN {level_word} {own_name}".upper()]
    blank_number = rng.random() < 0.15
    number = None if blank_number else rng.randint(1, 4999)
    symbol = rng.choice(("KH-UBND", "KH-UBND", "KH-UBND", "KH – UBND", "KH- UBND"))
    number_text = rng.choice(("", "...", "   ")) if number is None else str(number) + rng.choice(("", "", " "))
    m["so_hieu"] = None if number is None else f"{number}/KH-UBND"
    m["number_blank"] = number is None
    blank_day = rng.random() < 0.15
    place_written = own_name if place.level != "huyen" or not place.district.startswith("Thành phố") else place.district
    day_text = rng.choice(("", "....", "   ")) if blank_day else f"{issue.day:02d}" if rng.random() < 0.7 else str(issue.day)
    place_date = f"{place_written}, ngày {day_text} tháng {issue.month:02d} năm {issue.year}"
    m["issue_place"] = place_written
    m["issue_date"] = {"year": issue.year, "month": issue.month, "day": None if blank_day else issue.day}
    blocks.append(HeaderBlock(left, f"Số: {number_text}/{symbol}", place_date))

    blocks.append(Para("KẾ HOẠCH", "centre"))
    where = {"xa": "xã", "huyen": level_word.lower(), "tinh": "tỉnh"}[place.level]
    title = rng.choice((
        f"Thực hiện {PROGRAMME} năm {plan_year} trên địa bàn {where} {own_name}",
        f"Thực hiện {PROGRAMME} trên địa bàn {where} năm {plan_year}",
        f"Triển khai thực hiện công tác giảm nghèo năm {plan_year}",
    ))
    blocks.append(Para(title, "centre"))
    m["title"] = title

    # Legal basis: national documents issued before the plan, and one from the level above.
    references = []
    cited = [ref for ref in NATIONAL_REFERENCES if ref[2] < issue]
    for doc_type, so_hieu, day, body in rng.sample(cited, min(len(cited), rng.randint(1, 4))):
        references.append(so_hieu)
        blocks.append(Para(f"Căn cứ {doc_type} số {so_hieu} ngày {_date_vi(day, rng)} của {body};"))
    province_body = f"UBND {place.province[0].lower()}{place.province[1:]}"
    if place.level != "tinh":
        province_number = rng.randint(1, 3999)
        province_date = date(issue.year - 1, rng.randint(1, 12), rng.randint(1, 28))
        references.append(f"{province_number}/QĐ-UBND")
        blocks.append(Para(
            f"Căn cứ Quyết định số {province_number}/QĐ-UBND ngày {_date_vi(province_date, rng)} của "
            f"{province_body} về việc giao chỉ tiêu giảm nghèo;"
        ))
    parent = f"UBND {place.district[0].lower()}{place.district[1:]}" if place.level == "xa" else province_body
    parent_date = date(issue.year, issue.month, 1) if issue.month > 1 else date(issue.year - 1, 12, 1)
    parent_number = rng.randint(1, 999)
    references.append(f"{parent_number}/KH-UBND")
    blocks.append(Para(
        f"Thực hiện Kế hoạch số {parent_number}/KH-UBND ngày {_date_vi(parent_date, rng)} của {parent} về "
        f"thực hiện {PROGRAMME} năm {plan_year};"
    ))
    if place.level == "xa" and rng.random() < 0.5:
        blocks.append(Para(f"Căn cứ tình hình thực tế của địa phương, {issuer} thuộc {place.province[0].lower()}"
                           f"{place.province[1:]} xây dựng Kế hoạch thực hiện như sau:"))
    else:
        blocks.append(Para(f"{issuer} xây dựng Kế hoạch thực hiện {PROGRAMME} năm {plan_year} như sau:"))
    m["references"] = references

    blocks += [Para("I. MỤC ĐÍCH, YÊU CẦU", "heading"), Para("1. Mục đích", "heading"),
               Para(_filler(rng, parts["sentences"])), Para("2. Yêu cầu", "heading"),
               Para(_filler(rng, parts["sentences"]))]

    # Poverty figures and targets.
    children = _children(rng, place, parts["units"])
    poverty = _poverty(rng, place, children, plan_year, parts["per_list"])
    m["poverty"] = {key: value for key, value in poverty.items() if key != "units"}
    blocks += _poverty_blocks(rng, place, poverty, plan_year, where)

    # Components with their amounts, and the stated total.
    budget = _budget(rng, plan_year, parts["components"])
    m["budget"] = {key: value for key, value in budget.items() if key != "blocks"}
    if not budget["adds_up"]:
        m["expected_findings"].append("budget_total_mismatch")
    blocks += budget["blocks"]

    # Tasks: filled up to the target length below.
    tasks_at = len(blocks)
    blocks.append(Para("V. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "heading"))

    households = []
    if place.level == "xa":
        lists, households = _household_lists(rng, poverty, used_names, parts)
        blocks += lists
    m["households"] = households

    blocks.append(Para("VII. TỔ CHỨC THỰC HIỆN", "heading"))
    for number_, agency in enumerate(rng.sample(AGENCIES, parts["agencies"]), 1):
        blocks += [Para(f"{number_}. {agency}", "heading"), Para(_filler(rng, 2))]
    blocks.append(Para(f"Trên đây là Kế hoạch thực hiện {PROGRAMME} năm {plan_year} của {issuer}./."))
    blocks += [Para("Nơi nhận:"), Para(f"- {parent};"), Para("- Các thành viên Ban Chỉ đạo;"), Para("- Lưu: VT.")]
    _, signer = _person(rng, used_names)
    deputy = rng.random() < 0.4
    blocks += [Para("TM. ỦY BAN NHÂN DÂN", "sign")]
    blocks += [Para("KT. CHỦ TỊCH", "sign"), Para("PHÓ CHỦ TỊCH", "sign")] if deputy else [Para("CHỦ TỊCH", "sign")]
    blocks.append(Para(signer, "sign"))
    m["signer"] = signer

    annex = _annex(place, poverty, plan_year, issue)
    blocks += annex
    m["tables"] = 1 + (1 if budget["table"] else 0)

    _fill(rng, blocks, tasks_at + 1, target)
    return Plan(index, blocks, m, style=_style(rng))


def _size_class(rng: random.Random, length: str) -> str:
    if length != "mixed":
        return length
    roll, total = rng.random(), 0.0
    for name, share in MIXED_LENGTHS:
        total += share
        if roll < total:
            return name
    return "typical"


def _issue_date(rng: random.Random, plan_year: int) -> date:
    """December of the year before, or the first half of the plan year."""
    if rng.random() < 0.3:
        return date(plan_year - 1, 12, rng.randint(1, 28))
    return date(plan_year, rng.randint(1, 6), rng.randint(1, 28))


def _children(rng: random.Random, place: Place, units: tuple[int, int]) -> list[str]:
    """The units the plan's tables list: villages of a commune (made up), communes of a district, districts."""
    if place.level == "xa":
        count = rng.randint(*units)
        names = rng.sample(VILLAGE_NAMES, count)
        word = rng.choice(VILLAGE_WORDS)
        return [f"{word} {name}" for name in names]
    return list(place.children[: rng.randint(*units)])


def _poverty(rng: random.Random, place: Place, children: list[str], plan_year: int, per_list: int) -> dict:
    """Households, poor and near-poor per unit, summing to the place's totals."""
    per_unit = {"xa": (80, 400), "huyen": (800, 3000), "tinh": (20000, 60000)}[place.level]
    units = []
    for child in children:
        total = rng.randint(*per_unit)
        poor = max(1, int(total * rng.uniform(0.01, 0.12)))
        near = max(1, int(total * rng.uniform(0.01, 0.10)))
        cut_poor = rng.randint(0, min(per_list, poor // 2))  # few: each may be listed by name
        cut_near = rng.randint(0, min(per_list, near // 2))
        units.append({"name": child, "total": total, "poor": poor, "near_poor": near,
                      "poor_cut": cut_poor, "near_poor_cut": cut_near})
    total = sum(u["total"] for u in units)
    poor = sum(u["poor"] for u in units)
    near = sum(u["near_poor"] for u in units)
    cut = sum(u["poor_cut"] for u in units)
    near_cut = sum(u["near_poor_cut"] for u in units)
    poor_rate, poor_rate_exact = _rate_vi(poor, total)
    near_rate, near_rate_exact = _rate_vi(near, total)
    return {"year": plan_year - 1, "total_households": total, "poor": poor, "near_poor": near,
            "poor_rate": poor_rate_exact, "near_poor_rate": near_rate_exact, "poor_reduction": cut,
            "near_poor_reduction": near_cut, "printed": {"poor_rate": poor_rate, "near_poor_rate": near_rate},
            "units": units}


def _poverty_blocks(rng: random.Random, place: Place, poverty: dict, plan_year: int, where: str) -> list:
    p = poverty
    printed = p["printed"]
    year = p["year"]
    statement = rng.choice((
        (f"Theo kết quả rà soát cuối năm {year}, toàn {where} có {_int_vi(p['total_households'])} hộ, trong đó "
        f"{_int_vi(p['poor'])} hộ nghèo, chiếm tỷ lệ {printed['poor_rate']}%; {_int_vi(p['near_poor'])} hộ cận nghèo, "
        f"chiếm tỷ lệ {printed['near_poor_rate']}%."),
        (f"Qua kết quả rà soát hộ nghèo năm {year}, trên địa bàn toàn {where} còn {_int_vi(p['poor'])} hộ nghèo "
        f"tương ứng với tỷ lệ {printed['poor_rate']}%, {_int_vi(p['near_poor'])} hộ cận nghèo tương ứng với tỷ lệ "
        f"{printed['near_poor_rate']}%."),
    ))
    cut_rate, _ = _rate_vi(p["poor_reduction"], p["total_households"])
    target = (
        f"Năm {plan_year}, phấn đấu giảm {_int_vi(p['poor_reduction'])} hộ nghèo trở lên, bằng {cut_rate}% "
        f"tổng số hộ; hộ cận nghèo giảm {_int_vi(p['near_poor_reduction'])} hộ trở lên."
    )
    ceiling = max(1, round(float(p["poor_rate"])))
    return [
        Para("II. THỰC TRẠNG VÀ MỤC TIÊU", "heading"),
        Para("1. Thực trạng", "heading"),
        Para(statement),
        Para(_filler(rng, 2)),
        Para("2. Mục tiêu cụ thể", "heading"),
        Para(target),
        Para(f"- Tỷ lệ hộ nghèo giảm xuống dưới {ceiling}% vào cuối năm {plan_year}."),
        Para(f"- Phấn đấu có ít nhất {rng.randint(2, 8)} mô hình giảm nghèo được nhân rộng."),
    ]


def _budget(rng: random.Random, plan_year: int, components: tuple[int, int]) -> dict:
    chosen = sorted(rng.sample(COMPONENTS, rng.randint(*components)))
    blocks = [Para("III. NỘI DUNG VÀ KINH PHÍ THỰC HIỆN", "heading")]
    items = []
    last_project = None
    for number, (project, sub, name) in enumerate(chosen, 1):
        million = rng.randint(10, 950)
        if sub is None:
            blocks.append(Para(f"{number}. Dự án {project}: {name}", "heading"))
        else:
            if project != last_project:
                blocks.append(Para(f"{number}. Dự án {project}", "heading"))
            blocks.append(Para(f"{number}.{sub}. Tiểu dự án {sub}: {name}", "heading"))
        last_project = project
        blocks += [Para(f"a) Mục tiêu: {_filler(rng, 1)}"), Para(f"b) Nội dung hoạt động: {_filler(rng, 1)}"),
                   Para(f"c) Nguồn vốn thực hiện: Dự kiến {_int_vi(million)} triệu đồng.")]
        component = f"Dự án {project}" + (f" / Tiểu dự án {sub}" if sub is not None else "")
        items.append({"component": component, "amount_vnd": million * 1_000_000, "million": million})
    total = sum(item["million"] for item in items)
    adds_up = rng.random() >= 0.15
    stated = total if adds_up else total + rng.choice((-1, 1)) * rng.randint(5, 60)
    blocks.append(Para("IV. KINH PHÍ THỰC HIỆN", "heading"))
    blocks.append(Para(
        f"Tổng kinh phí thực hiện Chương trình năm {plan_year} (vốn sự nghiệp ngân sách Trung ương): "
        f"Dự kiến {_int_vi(stated)} triệu đồng."
    ))
    table = rng.random() < 0.5
    if table:
        rows = [["TT", "Nội dung", "Kinh phí"]]
        rows += [[str(i), item["component"], _int_vi(item["million"])] for i, item in enumerate(items, 1)]
        rows.append(["", "Tổng cộng", _int_vi(total)])
        blocks.append(TableBlock("Bảng phân bổ kinh phí", "ĐVT: triệu đồng", rows))
    return {"items": [{k: v for k, v in item.items() if k != "million"} for item in items],
            "stated_total_vnd": stated * 1_000_000, "adds_up": adds_up, "table": table, "blocks": blocks}


def _household_lists(rng: random.Random, poverty: dict, used: set[str], parts: dict) -> tuple[list, list]:
    """Per-village lists of the households the plan means to lift out of poverty (as in sample 004)."""
    blocks = [Para("VI. KẾ HOẠCH GIẢM NGHÈO CỦA TỪNG THÔN", "heading")]
    listed = []
    villages = [u for u in poverty["units"] if u["poor_cut"] or u["near_poor_cut"]]
    keep = parts["listed"]
    for unit in villages[:keep]:
        blocks.append(Para(f"- {unit['name']}:", "village"))
        blocks.append(Para(f"Hiện tại {unit['name'][0].lower()}{unit['name'][1:]} có {unit['poor']} hộ nghèo, "
                           f"{unit['near_poor']} hộ cận nghèo."))
        for category, label, key in (("poor", "hộ nghèo", "poor_cut"), ("near_poor", "hộ cận nghèo", "near_poor_cut")):
            count = unit[key]
            if not count:
                continue
            blocks.append(Para(f"- Đối với {label}: Kế hoạch giảm {count:02d} hộ; cụ thể:", "village"))
            for _ in range(count):
                honorific, name = _person(rng, used)
                members = rng.randint(1, 8)
                workers = rng.randint(0, members)
                cause = rng.choice(CAUSES)
                blocks.append(Para(f"+ Đối với hộ {honorific}: {name} có {members} khẩu, {workers} lao động, "
                                   f"nguyên nhân nghèo là do {cause}."))
                if parts["sentences"] > 1:
                    blocks.append(Para(f"Giải pháp: {_filler(rng, 1)}"))
                listed.append({"village": unit["name"], "category": category, "honorific": honorific, "name": name,
                               "members": members, "workers": workers})
    return blocks, listed


def _annex(place: Place, poverty: dict, plan_year: int, issue: date) -> list:
    unit_word = {"xa": "thôn", "huyen": "xã", "tinh": "huyện"}[place.level]
    year = poverty["year"]
    header = ["TT", "Đơn vị", f"Tổng số hộ năm {year}", f"Số hộ nghèo năm {year}",
              f"Chỉ tiêu giảm hộ nghèo năm {plan_year}", f"Số hộ cận nghèo năm {year}",
              f"Chỉ tiêu giảm hộ cận nghèo năm {plan_year}"]
    rows = [header]
    for i, unit in enumerate(poverty["units"], 1):
        rows.append([str(i), unit["name"], _int_vi(unit["total"]), str(unit["poor"]), str(unit["poor_cut"] or ""),
                     str(unit["near_poor"]), str(unit["near_poor_cut"] or "")])
    sums = [sum(u[key] for u in poverty["units"]) for key in ("total", "poor", "poor_cut", "near_poor", "near_poor_cut")]
    rows.append(["", "Tổng", _int_vi(sums[0]), *map(str, sums[1:])])
    return [
        Para(f"CHỈ TIÊU GIẢM NGHÈO CỦA TỪNG {unit_word.upper()} NĂM {plan_year}", "centre"),
        TableBlock(f"(Kèm theo Kế hoạch của UBND ngày {issue.day} tháng {issue.month} năm {issue.year})", None, rows),
    ]


def _fill(rng: random.Random, blocks: list, at: int, target: int) -> None:
    """Insert task sections of filler at ``at`` until the plan's text is about ``target`` bytes."""
    size = sum(len(_block_text(block).encode("utf-8")) + 2 for block in blocks)
    inserted: list = []
    number = 0
    while size < target:
        number += 1
        heading = Para(f"{number}. {TASK_HEADINGS[(number - 1) % len(TASK_HEADINGS)]}", "heading")
        paragraphs = [Para(_filler(rng, rng.randint(2, 5))) for _ in range(rng.randint(1, 4))]
        for block in [heading, *paragraphs]:
            inserted.append(block)
            size += len(_block_text(block).encode("utf-8")) + 2
    blocks[at:at] = inserted


def _block_text(block) -> str:
    if isinstance(block, Para):
        return block.text
    if isinstance(block, HeaderBlock):
        return "\n".join([*block.left, block.number, block.place_date])
    return "\n".join("\t".join(row) for row in block.rows)


def _style(rng: random.Random) -> dict:
    """How this plan's text copy is typed: paragraph gaps, header layout, bold markers."""
    return {
        "blank_lines": rng.random() < 0.8,
        "header": rng.choice(("stacked", "stacked", "tabs")),
        "bold_markers": rng.random() < 0.5,
        "pdf_font_size": rng.choice((11, 12, 13)),
    }
