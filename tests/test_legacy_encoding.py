"""Plans typed in old font encodings (TCVN3 .VnTime, VNI-Times) read like Unicode ones, and Unicode plans stay untouched."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import docx
import pytest
from conftest import CORPUS, SAMPLES, values_only
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from viparse.normalize.tcvn3 import TCVN3
from viparse.normalize.vni import VNI

from extractor.pipeline import extract_file, extract_text
from extractor.readers import read
from extractor.readers.legacy import (
    detect_and_convert,
    encoding_for_font,
    is_capitals_font,
    is_syllable,
    restore_capitals,
)
from extractor.readers.pdf import convert_legacy_pages
from extractor.readers.txt import text_source
from extractor.text import normalise

# Lines as TCVN3 documents store them (the phrases every administrative document carries).
TCVN3_LINES = [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("KÕ ho¹ch", "Kế hoạch"),
    ("Tû lÖ hé nghÌo gi¶m 0,91%", "Tỷ lệ hộ nghèo giảm 0,91%"),
    ("Hç trî ng\u00adêi d©n vµ c¸c hé n«ng d©n", "Hỗ trợ người dân và các hộ nông dân"),
    ("Sè: 51/KH-UBND", "Số: 51/KH-UBND"),  # 'Sè' is a syllable too: the document's encoding decides
    ("Thùc hiÖn Ch\u00ad\u00acng tr×nh môc tiªu quèc gia", "Thực hiện Chương trình mục tiêu quốc gia"),
]
# The same as VNI stores them: a base letter followed by mark characters.
VNI_LINES = [
    ("Coäng hoaø xaõ hoäi chuû nghóa Vieät Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("KEÁ HOAÏCH", "KẾ HOẠCH"),
    ("Tyû leä hoä ngheøo giaûm 0,91%", "Tỷ lệ hộ nghèo giảm 0,91%"),
    ("Hoã trôï ngöôøi daân vaø caùc hoä noâng daân", "Hỗ trợ người dân và các hộ nông dân"),
]


def _reverse(charmap, capitals_as_lower: bool):
    """An encoder from Unicode to a legacy table (viparse only decodes); TCVN3 capitals become lower-case codes."""
    table: dict[str, str] = {}
    for code, letter in charmap.pairs:
        table.setdefault(letter, code)

    def encode(text: str) -> str:
        out = []
        for char in unicodedata.normalize("NFC", text):
            if char in table:
                out.append(table[char])
            elif capitals_as_lower and char.lower() in table:
                out.append(table[char.lower()])  # as typed for a .VnTimeH heading
            else:
                out.append(char)
        return "".join(out)

    return encode


to_tcvn3 = _reverse(TCVN3, capitals_as_lower=True)
to_vni = _reverse(VNI, capitals_as_lower=False)


def _text(pairs):
    return "\n".join(legacy for legacy, _ in pairs), "\n".join(unicode for _, unicode in pairs)


# --- conversion ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("pairs", "encoding"), [(TCVN3_LINES, "tcvn3"), (VNI_LINES, "vni")], ids=["tcvn3", "vni"])
def test_known_legacy_lines_convert(pairs, encoding):
    legacy, unicode = _text(pairs)
    assert detect_and_convert(legacy) == (unicode, encoding)


def test_every_tcvn3_u_horn_survives_the_soft_hyphen_code():
    legacy, unicode = _text(TCVN3_LINES)
    assert legacy.count("\u00ad") == 2
    source = text_source(legacy)  # converted before normalise, which deletes U+00AD
    assert source.text == unicode
    assert source.text.count("ư") == unicode.count("ư") == 2
    assert source.legacy_encoding == "tcvn3"


def test_converting_after_normalise_would_lose_the_u_horn():
    legacy, _ = _text(TCVN3_LINES)
    assert "người" not in detect_and_convert(normalise(legacy))[0]  # why the order matters


def test_tcvn3_headings_get_their_capitals_back():
    text = "ñy ban nh©n d©n\nKÕ HO¹CH\nI. MôC TI£U\nCéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM"
    converted, encoding = detect_and_convert(text)
    assert encoding == "tcvn3"
    assert converted.split("\n") == ["ủy ban nhân dân", "KẾ HOẠCH", "I. MỤC TIÊU", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"]


@pytest.mark.parametrize(
    ("original", "restored"),
    [
        ("KÕ HO¹CH", "KẾ HOẠCH"),
        ("Sè: 51/KH-UBND", "Số: 51/KH-UBND"),  # one capital is a sentence start, not a heading
        ("§Ò ¸n", "Đề án"),  # no ASCII letter to judge by
        ("KÕ ho¹ch", "Kế hoạch"),
    ],
)
def test_restore_capitals(original, restored):
    converted = detect_and_convert(original + "\nTû lÖ hé nghÌo gi¶m")[0].split("\n")[0]
    assert converted == restored
    assert restore_capitals("abc", "abcd") == "abcd"  # lengths differ: nothing to line up, left alone


def test_unicode_lines_of_a_tcvn3_document_are_kept():
    legacy, unicode = _text(TCVN3_LINES)
    mixed = "UỶ BAN NHÂN DÂN\nTHÔNG BÁO\nChú ý: Mô hình\n" + legacy
    converted, encoding = detect_and_convert(mixed)
    assert encoding == "tcvn3"
    assert converted.split("\n")[:3] == ["UỶ BAN NHÂN DÂN", "THÔNG BÁO", "Chú ý: Mô hình"]
    assert converted.split("\n")[3:] == unicode.split("\n")


# --- no false positives -------------------------------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLES)
def test_unicode_corpus_txt_is_not_converted(sample):
    text = (CORPUS / f"{sample}.txt").read_text("utf-8")
    assert detect_and_convert(text) == (text, None)
    assert read(CORPUS / f"{sample}.txt").legacy_encoding is None


@pytest.mark.parametrize("sample", SAMPLES)
def test_unicode_corpus_docx_is_not_converted(sample):
    source = read(CORPUS / f"{sample}.docx")
    assert source.legacy_encoding is None
    assert "kế hoạch" in source.text.lower() and "giảm nghèo" in source.text.lower()


@pytest.mark.parametrize(
    "text",
    [
        "El señor García comió paella y después bebió café en la pequeña ciudad de Málaga.",
        "Der Bürgermeister ließ die Straße für große Fahrzeuge sperren, während Müller schläft.",
        "Diện tích 25 m² · nhiệt độ 30°C · 5×6 · µg; Tỷ lệ hộ nghèo giảm 0,91% so với năm 2023.",
        "Tỷ lệ hộ nghèo giảm; Hoà Bình, Quỳnh Lưu – “Không để ai bị bỏ lại”; chỉ tiêu: ≥ 3%.",
    ],
    ids=["spanish", "german", "symbols", "unicode vietnamese"],
)
def test_other_text_is_not_converted(text):
    assert detect_and_convert(text) == (text, None)


def test_a_unicode_line_with_a_soft_hyphen_is_not_converted():
    text = "Tăng cường công tác tuyên truyền về giảm nghèo bền vững, phát huy vai trò chủ thể của người dân" * 3
    text = text.replace("truyền", "truy\u00adền").replace("vai", "va\u00adi")
    assert detect_and_convert(text) == (text, None)


# --- fonts ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("font", "encoding", "capitals"),
    [
        (".VnTime", "tcvn3", False),
        (".VnTimeH", "tcvn3", True),
        ("ABCDEF+.VnArialH,Bold", "tcvn3", True),
        (".vntime", "tcvn3", False),
        ("VNI-Times", "vni", False),
        ("Times New Roman", None, False),
        (None, None, False),
    ],
)
def test_font_names(font, encoding, capitals):
    assert encoding_for_font(font) == encoding
    assert is_capitals_font(font) is capitals


@pytest.mark.parametrize(
    ("word", "syllable"),
    [
        ("người", True),
        ("nghiêng", True),
        ("KHUYẾN", True),
        ("quốc", True),
        ("giữa", True),
        ("Hoà", True),
        ("hòa", True),
        ("xoong", True),
        ("ngêi", False),  # TCVN3 'người' read as Latin-1
        ("ViÖt", False),
        ("nghÌo", False),
        ("UBND", False),
        ("hóà", False),  # two tones
        ("", False),
    ],
)
def test_is_syllable(word, syllable):
    assert is_syllable(word) is syllable


# --- .txt -----------------------------------------------------------------------------------------


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("pairs", "encoding", "codec"),
    [
        (TCVN3_LINES, "tcvn3", "cp1252"),
        (TCVN3_LINES, "tcvn3", "utf-8"),  # the glyph characters saved as UTF-8
        (VNI_LINES, "vni", "cp1252"),
        (VNI_LINES, "vni", "utf-8"),
    ],
)
def test_legacy_txt_reads_as_unicode(tmp_path, pairs, encoding, codec):
    legacy, unicode = _text(pairs)
    source = read(_write(tmp_path, "cu.txt", legacy.replace("\n", "\r\n").encode(codec)))
    assert source.text == unicode
    assert source.legacy_encoding == encoding


def test_tcvn3_txt_keeps_windows_quotes(tmp_path):
    legacy = "Cuéc vËn ®éng \u201cNgµy v× ng\u00adêi nghÌo\u201d cña x· Hoµ B×nh"
    source = read(_write(tmp_path, "cu.txt", legacy.encode("cp1252")))
    assert source.text == "Cuộc vận động “Ngày vì người nghèo” của xã Hoà Bình"


@pytest.mark.parametrize("sample", SAMPLES)
def test_tcvn3_txt_of_a_corpus_plan_reads_like_the_unicode_one(tmp_path, sample):
    unicode = (CORPUS / f"{sample}.txt").read_text("utf-8")
    assert to_tcvn3(unicode).encode("cp1252")  # every character has a one-byte code
    source = read(_write(tmp_path, "cu.txt", to_tcvn3(unicode).encode("cp1252")))
    expected = read(CORPUS / f"{sample}.txt").text
    assert source.legacy_encoding == "tcvn3"
    assert len(source.text) == len(expected)
    # Only sentence-initial accented capitals ('Ủy ban' typed as 'ủy ban') cannot come back.
    differing = [(a, b) for a, b in zip(source.text, expected) if a != b]
    assert all(a == b.lower() for a, b in differing)
    assert len(differing) <= 10


# --- through the pipeline -------------------------------------------------------------------------

FIELDS_KEPT = ("header", "targets", "budget_items", "poverty_stats", "households", "tables")


@pytest.mark.parametrize("sample", SAMPLES)
@pytest.mark.parametrize("encode", [to_tcvn3, to_vni], ids=["tcvn3", "vni"])
def test_legacy_plan_extracts_like_the_unicode_one(sample, encode):
    unicode = (CORPUS / f"{sample}.txt").read_text("utf-8")
    expected = values_only(extract_text(unicode).model_dump(mode="json"))
    document = extract_text(encode(unicode))
    got = values_only(document.model_dump(mode="json"))
    assert document.legacy_encoding == ("tcvn3" if encode is to_tcvn3 else "vni")
    assert expected["legacy_encoding"] is None
    assert any(expected[field] for field in FIELDS_KEPT[1:])  # the comparison has something to compare
    for field in FIELDS_KEPT:
        assert got[field] == expected[field], field


def test_tcvn3_txt_file_extracts_number_date_and_targets(tmp_path):
    sample = CORPUS / "002_42669df7d5de7ac5.txt"
    expected = extract_file(sample)
    document = extract_file(_write(tmp_path, "kh47.txt", to_tcvn3(sample.read_text("utf-8")).encode("cp1252")))
    assert document.legacy_encoding == "tcvn3"
    assert document.header.so_hieu.value == expected.header.so_hieu.value == "47/KH-UBND"
    assert document.header.issue_date.value == expected.header.issue_date.value
    assert [t.value.value for t in document.targets] == [t.value.value for t in expected.targets]
    assert len(document.targets) == 16


# --- .docx ----------------------------------------------------------------------------------------


def _docx(build) -> bytes:
    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _run(paragraph, text: str, font: str | None):
    run = paragraph.add_run(text)
    if font:
        run.font.name = font
    return run


def _read_docx(tmp_path: Path, data: bytes):
    return read(_write(tmp_path, "cu.docx", data))


def test_docx_runs_in_vntime_convert(tmp_path):
    def build(document):
        for legacy, _ in TCVN3_LINES:
            _run(document.add_paragraph(), legacy, ".VnTime")

    source = _read_docx(tmp_path, _docx(build))
    assert source.text == _text(TCVN3_LINES)[1]
    assert source.legacy_encoding == "tcvn3"


def test_docx_font_set_in_the_normal_style_converts(tmp_path):
    def build(document):
        document.styles["Normal"].font.name = ".VnTime"
        for legacy, _ in TCVN3_LINES:
            document.add_paragraph(legacy)

    source = _read_docx(tmp_path, _docx(build))
    assert source.text == _text(TCVN3_LINES)[1]


def test_docx_soft_hyphen_element_in_vntime_is_u_horn(tmp_path):
    # Word stores TCVN3's 0xAD as <w:softHyphen/>; python-docx drops the element.
    def build(document):
        paragraph = document.add_paragraph()
        _run(paragraph, "Hç trî ng", ".VnTime")
        paragraph._p.append(
            parse_xml(
                f'<w:r {nsdecls("w")}><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr>'
                "<w:softHyphen/><w:t>êi nghÌo</w:t></w:r>"
            )
        )
        unicode = document.add_paragraph()
        _run(unicode, "tuyên truy", "Times New Roman")
        unicode._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:softHyphen/><w:t>ền</w:t></w:r>'))

    source = _read_docx(tmp_path, _docx(build))
    assert source.text.split("\n") == ["Hỗ trợ người nghèo", "tuyên truyền"]  # ư in .VnTime; a real soft hyphen dropped


def test_docx_mixed_unicode_heading_vntimeh_and_vni(tmp_path):
    def build(document):
        _run(document.add_paragraph(), "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Times New Roman")
        _run(document.add_paragraph(), "KÕ ho¹ch", ".VnTimeH")  # a capitals font: drawn 'KẾ HOẠCH'
        paragraph = document.add_paragraph()
        _run(paragraph, "Tỷ lệ hộ nghèo: ", "Times New Roman")
        _run(paragraph, "gi¶m 0,91% ", ".VnTime")
        _run(paragraph, "so vôùi naêm 2023", "VNI-Times")
        cell = document.add_table(rows=1, cols=2).cell(0, 0)
        _run(cell.paragraphs[0], "Sè hé nghÌo", ".VnTime")

    source = _read_docx(tmp_path, _docx(build))
    assert source.text.split("\n") == [
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "KẾ HOẠCH",
        "Tỷ lệ hộ nghèo: giảm 0,91% so với năm 2023",
        "Số hộ nghèo\t",
    ]
    assert source.legacy_encoding == "tcvn3"


def test_docx_unicode_text_left_in_a_vntime_font_is_not_converted(tmp_path):
    # Pasted Unicode keeps the old font: converting it would make 'Thông' 'Thụng'.
    def build(document):
        _run(document.add_paragraph(), "Thông báo kết quả giảm nghèo của xã Hoà Bình năm 2023", ".VnTime")
        _run(document.add_paragraph(), "Thông tin", ".VnTime")

    source = _read_docx(tmp_path, _docx(build))
    assert source.text == "Thông báo kết quả giảm nghèo của xã Hoà Bình năm 2023\nThông tin"
    assert source.legacy_encoding is None


def test_docx_legacy_text_under_an_unknown_font_name_is_found_by_content(tmp_path):
    def build(document):
        for legacy, _ in TCVN3_LINES:
            _run(document.add_paragraph(), legacy, "VNtimes new roman")

    source = _read_docx(tmp_path, _docx(build))
    assert source.text == _text(TCVN3_LINES)[1]
    assert source.legacy_encoding == "tcvn3"


# --- .pdf text ------------------------------------------------------------------------------------


def test_pdf_pages_convert_together_and_stay_pages():
    # A .VnTime PDF's text layer gives TCVN3's 'ư' as U+2212 MINUS SIGN.
    pages = ["Céng hoµ x· héi chñ nghÜa ViÖt Nam\nN\u2212íc s¹ch: 95%", "Sè ng\u2212êi\fnghÌo: 5 - 2 = 3"]
    converted, encoding = convert_legacy_pages(pages, {"ABCDEF+.VnTime", "ABCDEF+TimesNewRoman"})
    assert encoding == "tcvn3"
    assert converted == ["Cộng hoà xã hội chủ nghĩa Việt Nam\nNước sạch: 95%", "Số người\nnghèo: 5 - 2 = 3"]


def test_unicode_pdf_pages_are_left_alone():
    pages = ["Tỷ lệ hộ nghèo giảm 0,91%", "Chỉ tiêu: 5 − 2 = 3 hộ"]
    assert convert_legacy_pages(pages, {"ABCDEF+TimesNewRomanPSMT"}) == (pages, None)
