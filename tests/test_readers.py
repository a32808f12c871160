"""Readers: encodings of .txt, paragraphs and tables of .docx, pages and tables of .pdf, bad files."""

from __future__ import annotations

import io
import random
import unicodedata
import zipfile
from pathlib import Path

import docx
import pypdfium2
import pytest
import regex
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from extractor.errors import NeedsOcr, UnreadableFile
from extractor.limits import LimitExceeded, Limits
from extractor.readers import read
from extractor.readers import pdf as pdf_reader
from extractor.readers.docx import read_docx
from extractor.readers.pdf import drop_page_number, read_pdf, ruled_parts, unwrap_hyphens
from extractor.readers.txt import read_txt, sniff_encoding, strip_emphasis
from extractor.text import squash
from conftest import CORPUS, SAMPLES
from pdf_files import pdf_file
from helpers import ANNEX_004_HEADER, corpus

PLAN = (
    "KẾ HOẠCH\r\n"
    "Giảm nghèo bền vững năm 2024 trên địa bàn xã Cẩm Bình\r\n"
    "Tỷ lệ hộ nghèo giảm 0,91%; Hoà Bình, Quỳnh Lưu, Đắk Lắk\r\n"
)
PLAN_NFC = PLAN.replace("\r\n", "\n")


def _cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: letters it lacks become base letter + combining tone mark."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            tones = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
            out += (base + tones).encode("cp1258")
    return bytes(out)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- .txt ---------------------------------------------------------------------------------------

ENCODED = [
    ("utf-8", PLAN.encode("utf-8")),
    ("utf-8-sig", PLAN.encode("utf-8-sig")),
    ("utf-16 LE with BOM", PLAN.encode("utf-16")),
    ("utf-16 BE with BOM", b"\xfe\xff" + PLAN.encode("utf-16-be")),
    ("utf-16 LE without BOM", PLAN.encode("utf-16-le")),
    ("utf-16 BE without BOM", PLAN.encode("utf-16-be")),
    ("utf-32 with BOM", PLAN.encode("utf-32")),
    ("cp1258 (combining tones)", _cp1258(PLAN)),
    ("NFD utf-8", unicodedata.normalize("NFD", PLAN).encode("utf-8")),
    ("old Mac line ends", PLAN.replace("\r\n", "\r").encode("utf-8")),
]


@pytest.mark.parametrize("label, data", ENCODED, ids=[label for label, _ in ENCODED])
def test_txt_encodings_give_the_same_nfc_text(tmp_path, label, data):
    assert read(_write(tmp_path, "plan.txt", data)).text == PLAN_NFC


def test_cp1258_fixture_really_uses_combining_tones():
    data = _cp1258("Hoà Bình")
    assert b"\xcc" in data  # cp1258's combining grave
    assert data.decode("cp1258") != "Hoà Bình"


@pytest.mark.parametrize(
    "data, codec",
    [
        (PLAN.encode("utf-8"), "utf-8"),
        (PLAN.encode("utf-8-sig"), "utf-8-sig"),
        (PLAN.encode("utf-16-le"), "utf-16-le"),
        (PLAN.encode("utf-16-be"), "utf-16-be"),
        (PLAN.encode("utf-16"), "utf-16"),
        (_cp1258("Số: 15/KH-UBND ngày 08 tháng 01"), "cp1258"),
        ("Cao Lâu".encode("latin-1"), "cp1258"),
        (b"plain ascii", "utf-8"),
    ],
)
def test_sniff_encoding(data, codec):
    assert sniff_encoding(data) == codec


def test_cp1258_corpus_file_reads_like_the_utf8_one(tmp_path):
    source = CORPUS / "000_2753d8804e160cef.txt"
    expected = read(source).text
    cp1258 = read(_write(tmp_path, "legacy.txt", _cp1258(source.read_text("utf-8"))))
    assert cp1258.text == expected
    assert cp1258.legacy_encoding is None  # Windows-1258 is a Unicode-era code page, not a font encoding


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_cp1258_corpus_file_is_not_taken_for_tcvn3(tmp_path, sample):
    # Windows-1258's combining tones (0xCC, 0xD2, 0xDE, 0xEC, 0xF2) are TCVN3 letters read as Latin-1.
    source = CORPUS / f"{sample}.txt"
    cp1258 = read(_write(tmp_path, "legacy.txt", _cp1258(source.read_text("utf-8"))))
    assert (cp1258.text, cp1258.legacy_encoding) == (read(source).text, None)


def test_txt_reader_keeps_tabs_of_tables(tmp_path):
    text = read(_write(tmp_path, "t.txt", "TT\tĐơn vị\tSố hộ\r\n1\tThôn Tô\t8\r\n".encode())).text
    assert text.split("\n")[:2] == ["TT\tĐơn vị\tSố hộ", "1\tThôn Tô\t8"]


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("**KẾ HOẠCH**", "KẾ HOẠCH"),
        ("**I. MỤC ĐÍCH, YÊU CẦU**", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("“*chung tay vì người nghèo - Không để ai bị bỏ lại*”", "“chung tay vì người nghèo - Không để ai bị bỏ lại”"),
        ("*Mục tiêu:* giảm 0,91%", "Mục tiêu: giảm 0,91%"),
        ("(*sau điều tra*) giảm 82 hộ", "(sau điều tra) giảm 82 hộ"),
        ("***Dự án 2***: Đa dạng hóa sinh kế", "Dự án 2: Đa dạng hóa sinh kế"),
        ("* Giải pháp UBND xã", "* Giải pháp UBND xã"),  # a bullet stays
        ("  * Đối với các hộ còn nghèo", "  * Đối với các hộ còn nghèo"),
        ("diện tích 2*3 m", "diện tích 2*3 m"),
        ("a * b * c", "a * b * c"),
        ("*Nguồn vốn\nthực hiện*: 81 triệu", "Nguồn vốn\nthực hiện: 81 triệu"),  # over a line wrap
        ("*đoạn một\n\nđoạn hai*", "*đoạn một\n\nđoạn hai*"),  # never over a blank line
        ("*đoạn một\n  \nđoạn hai*", "*đoạn một\n  \nđoạn hai*"),
        ("Ghi chú (*)", "Ghi chú (*)"),
    ],
)
def test_strip_emphasis(raw, expected):
    assert strip_emphasis(raw) == expected


@pytest.mark.parametrize(
    "data",
    [
        random.Random(7).randbytes(3000),
        b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(32)) * 20,
        b"\x00\x01\x02\x03\x04\x05" * 50,
    ],
    ids=["random bytes", "zip bytes", "control bytes"],
)
def test_binary_named_txt_is_unreadable(tmp_path, data):
    with pytest.raises(UnreadableFile, match="nhap_kehoach.txt"):
        read(_write(tmp_path, "nhap_kehoach.txt", data))


def test_empty_txt_is_unreadable(tmp_path):
    with pytest.raises(UnreadableFile, match="rong.txt: the file is empty"):
        read(_write(tmp_path, "rong.txt", b" \r\n "))


def test_dos_end_of_file_mark_is_dropped(tmp_path):
    assert read(_write(tmp_path, "dos.txt", _cp1258("KẾ HOẠCH\r\n") + b"\x1a")).text == "KẾ HOẠCH\n"


# --- .docx --------------------------------------------------------------------------------------


def _small_docx(path: Path) -> Path:
    """A docx with paragraphs, a soft break, a blank line, merged cells, tracked changes and a header."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Trang đầu: không phải nội dung"
    document.add_paragraph("KẾ HOẠCH")
    paragraph = document.add_paragraph("Dòng một")
    paragraph.add_run().add_break()
    paragraph.add_run("dòng hai")
    document.add_paragraph("")
    table = document.add_table(rows=3, cols=3)
    title = table.cell(0, 0).merge(table.cell(0, 1))
    title.text = "Đơn vị"
    table.cell(0, 2).text = "Cán bộ\tphụ trách"
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "Thôn Tô"
    officer = table.cell(1, 2).merge(table.cell(2, 2))
    officer.text = "Ông: Đỗ"
    officer.add_paragraph("Văn Liên")
    table.cell(2, 0).text = "2"
    table.cell(2, 1).text = "Thôn Chợ"
    document.add_paragraph("Sau bảng")
    tracked = (
        f'<w:p {nsdecls("w")}><w:r><w:t xml:space="preserve">Giảm </w:t></w:r>'
        '<w:del w:id="1" w:author="a"><w:r><w:delText>5</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>6</w:t></w:r></w:ins>'
        '<w:r><w:t xml:space="preserve"> hộ</w:t></w:r></w:p>'
    )
    document.paragraphs[-1]._p.addnext(parse_xml(tracked))
    document.save(path)
    return path


def test_docx_paragraphs_and_tables_in_document_order(tmp_path):
    text = read(_small_docx(tmp_path / "nho.docx")).text
    assert text.split("\n") == [
        "KẾ HOẠCH",
        "Dòng một",
        "dòng hai",
        "",
        "Đơn vị\tCán bộ phụ trách",  # horizontal merge once; the cell's tab squashed
        "1\tThôn Tô\tÔng: Đỗ Văn Liên",  # the cell's two paragraphs on one line
        "2\tThôn Chợ\t",  # lower part of a vertical merge is empty, as in the PDF
        "Sau bảng",
        "Giảm 6 hộ",  # tracked insertion kept, deletion dropped
    ]


def test_docx_header_is_ignored(tmp_path):
    assert "Trang đầu" not in read(_small_docx(tmp_path / "nho.docx")).text


@pytest.mark.parametrize("sample", SAMPLES)
def test_docx_corpus_has_the_words_of_the_txt(sample):
    txt, word = corpus(sample, "txt"), corpus(sample, "docx")
    assert squash(word.text) == squash(txt.text)
    assert word.page_starts == ()


@pytest.mark.parametrize("sample", SAMPLES)
def test_docx_corpus_lines_match_except_the_header_table(sample):
    txt_lines = [line for line in corpus(sample, "txt").text.split("\n") if line.strip()]
    word_lines = corpus(sample, "docx").text.split("\n")
    missing = [line for line in txt_lines if line not in word_lines]
    if missing:  # number line and place-date line side by side in a two-column table
        assert len(missing) == 2 and missing[0].startswith("Số:") and ", ngày" in missing[1]
        assert "\t".join(missing) in word_lines
    else:
        assert sample in ("002_42669df7d5de7ac5", "003_f7ad3d8867b8a9a5")  # no header line pair


def test_docx_annex_table_rows_as_tab_lines():
    lines = corpus("004_c0fdcc1763c22669", "docx").text.split("\n")
    rows = [line.split("\t") for line in lines if line.count("\t") == 6]
    assert len(rows) == 13
    assert rows[0][:2] == ["TT", "Đơn vị"] and rows[0][6] == "Cán bộ phân công phụ trách"
    assert rows[3] == ["3", "Thôn Bình Hòa 5", "8", "3", "", "", "Ông: Hồ Kim Song"]
    assert rows[-1] == ["", "Tổng", "67", "23", "57", "35", ""]


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"not a zip at all", "cannot open it as .docx"),
        ((CORPUS / "001_392ebb208e9b84ed.docx").read_bytes()[:5000], "cannot open it as .docx"),
        (_zip({"hello.txt": b"xin chao"}), "cannot open it as .docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "old Word .doc or a password-protected"),
    ],
    ids=["text", "truncated", "zip without Word parts", "OLE (.doc renamed)"],
)
def test_broken_docx_is_unreadable(tmp_path, data, reason):
    with pytest.raises(UnreadableFile) as error:
        read(_write(tmp_path, "hong_ke_hoach.docx", data))
    message = str(error.value)
    assert "hong_ke_hoach.docx" in message and reason in message
    assert "re-save it from Word" in message or "save it as .docx" in message


# --- .pdf ---------------------------------------------------------------------------------------


def _pdf(
    pages: list[bytes], extra_objects: list[bytes] = (), trailer: bytes = b"", font: bytes = b"/BaseFont /Helvetica"
) -> bytes:
    """A minimal PDF: one content stream per page, Helvetica (or ``font``) as /F1, objects numbered in order."""
    count = len(pages)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count)), count),
        b"<< /Type /Font /Subtype /Type1 %s >>" % font,
    ]
    for index, content in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents %d 0 R >>" % (5 + 2 * index)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    objects.extend(extra_objects)
    return pdf_file(objects, trailer)


def _text(x: int, y: int, words: str) -> bytes:
    return b"BT /F1 10 Tf %d %d Td (%s) Tj ET\n" % (x, y, words.encode("latin-1"))


def _grid(x0: int, x1: int, xs: list[int], ys: list[int]) -> bytes:
    """Ruling lines of a table: horizontal at ``ys`` from x0 to x1, vertical at ``xs``."""
    lines = [b"%d %d m %d %d l S" % (x0, y, x1, y) for y in ys]
    lines += [b"%d %d m %d %d l S" % (x, min(ys), x, max(ys)) for x in xs]
    return b"0.5 w\n" + b"\n".join(lines) + b"\n"


def _ruled_pdf() -> bytes:
    """Page 1: text, a 2x2 ruled table, text, another table; page 2: its number on top, then text."""
    page1 = (
        _text(20, 280, "Above the first table")
        + _grid(20, 180, [20, 100, 180], [260, 240, 220])
        + _text(25, 245, "Village")
        + _text(105, 245, "Poor households")
        + _text(25, 225, "Thon To")
        + _text(105, 225, "8")
        + _text(20, 190, "Between the tables 2022-")
        + _text(20, 178, "2025 period")
        + _grid(20, 180, [20, 100, 180], [160, 140])
        + _text(25, 145, "Total")
        + _text(105, 145, "67")
        + _text(20, 110, "Below both tables")
    )
    page2 = _text(145, 285, "2") + _text(20, 250, "Second page text")
    return _pdf([page1, page2])


def test_pdf_tables_are_tab_rows_in_place_and_not_repeated(tmp_path):
    source = read(_write(tmp_path, "bang.pdf", _ruled_pdf()))
    page1 = source.text[: source.page_starts[1] - 1]
    assert page1.split("\n") == [
        "Above the first table",
        "Village\tPoor households",
        "Thon To\t8",
        "Between the tables 2022-2025 period",
        "Total\t67",
        "Below both tables",
    ]


def test_pdf_page_number_line_is_dropped(tmp_path):
    source = read(_write(tmp_path, "bang.pdf", _ruled_pdf()))
    assert source.text[source.page_starts[1] :] == "Second page text"


def test_pdf_columns_side_by_side_read_as_one_line_each(tmp_path):
    # A header in two columns, drawn column by column (as fpdf2 and Word tables do): read row by row.
    page = (
        _text(20, 280, "UY BAN NHAN DAN")
        + _text(20, 265, "XA CAO LAU")
        + _text(160, 280, "CONG HOA XA HOI")
        + _text(160, 265, "Doc lap - Tu do")
        + _text(20, 240, "KE HOACH")
    )
    source = read(_write(tmp_path, "hai_cot.pdf", _pdf([page])))
    assert source.text.split("\n") == ["UY BAN NHAN DAN CONG HOA XA HOI", "XA CAO LAU Doc lap - Tu do", "KE HOACH"]


def test_pdf_word_hyphenated_over_a_line_end_is_joined(tmp_path):
    page = (
        _text(20, 280, "Quyet dinh so 2068/QD-")
        + _text(20, 268, "UBND ngay 12")
        + _text(20, 256, "phat trien kinh te -")
        + _text(20, 244, "xa hoi")
    )
    source = read(_write(tmp_path, "gach_noi.pdf", _pdf([page])))
    assert source.text.split("\n") == ["Quyet dinh so 2068/QD-UBND ngay 12", "phat trien kinh te -", "xa hoi"]


def test_pdf_glyphs_drawn_twice_for_bold_are_read_once(tmp_path):
    page = _text(20, 280, "KE HOACH") + b"BT /F1 10 Tf 20.3 280 Td (KE HOACH) Tj ET\n" + _text(20, 260, "so 12")
    assert read(_write(tmp_path, "dam.pdf", _pdf([page]))).text == "KE HOACH\nso 12"


def test_only_pages_that_could_hold_a_ruled_table_go_to_the_table_finder(tmp_path, monkeypatch):
    asked = []

    def recording(page, textpage, paths):
        asked.append(textpage.get_text_range())
        return ruled_parts(page, textpage, paths)

    monkeypatch.setattr(pdf_reader, "ruled_parts", recording)
    underlined = _text(20, 280, "Doc lap - Tu do") + b"0.5 w 20 276 m 120 276 l S\n" + _text(20, 250, "KE HOACH")
    framed = _text(25, 250, "Ghi chu") + b"0.5 w 20 240 100 25 re S\n"
    ruled = _ruled_pdf()
    table_page = ruled[ruled.index(b"stream\n") + 7 : ruled.index(b"\nendstream")]
    source = read(_write(tmp_path, "gach.pdf", _pdf([underlined, framed, table_page])))
    assert len(asked) == 1 and "Village" in asked[0]  # the third page only
    assert source.text.split("\n")[:3] == ["Doc lap - Tu do", "KE HOACH", "Ghi chu"]
    assert "Village\tPoor households" in source.text.split("\n")


def test_pdf_of_only_ruled_lines_is_empty_not_a_scan(tmp_path):
    with pytest.raises(UnreadableFile, match="khung.pdf: the PDF's pages are empty") as error:
        read(_write(tmp_path, "khung.pdf", _pdf([_grid(20, 180, [20, 100, 180], [260, 240])])))
    assert not isinstance(error.value, NeedsOcr)


def test_pdf_of_text_drawn_as_outlines_needs_ocr(tmp_path):
    outline = b"10 10 m 20 40 40 40 50 10 c 30 0 20 0 10 10 c f\n"  # a glyph as a filled Bezier shape
    with pytest.raises(NeedsOcr, match="net_ve.pdf: the PDF has no text layer"):
        read(_write(tmp_path, "net_ve.pdf", _pdf([outline])))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("giai đoạn 2021-\n2025;", "giai đoạn 2021-2025;"),
        ("Quyết định số 2068/QĐ-\nUBND ngày", "Quyết định số 2068/QĐ-UBND ngày"),
        ("kinh tế -\nxã hội", "kinh tế -\nxã hội"),  # a spaced dash is a real word break
        ("hộ nghèo;\n- Hộ cận nghèo", "hộ nghèo;\n- Hộ cận nghèo"),  # a bullet on the next line
        ("năm 2024-\n\nII. MỤC TIÊU", "năm 2024-\n\nII. MỤC TIÊU"),
    ],
)
def test_unwrap_hyphens(text, expected):
    assert unwrap_hyphens(text) == expected


@pytest.mark.parametrize(
    "text, number, expected",
    [
        ("2\nTiếp tục", 2, "Tiếp tục"),
        ("- 3 -\nnội dung", 3, "nội dung"),
        ("nội dung\nTrang 4", 4, "nội dung"),
        ("nội dung\n5/7", 5, "nội dung"),
        ("2\nTiếp tục", 3, "2\nTiếp tục"),  # not this page's number: content
        ("3. Phòng Giáo dục", 3, "3. Phòng Giáo dục"),
        ("nội dung\n12 hộ", 12, "nội dung\n12 hộ"),
    ],
)
def test_drop_page_number(text, number, expected):
    assert drop_page_number(text, number) == expected


@pytest.fixture(scope="module")
def plan_002_pdf():
    return read(CORPUS / "002_42669df7d5de7ac5.pdf")


def test_pdf_page_starts(plan_002_pdf):
    source = plan_002_pdf
    assert len(source.page_starts) == 4 and source.page_starts[0] == 0
    for number, start in enumerate(source.page_starts, 1):
        assert source.page_at(start) == number
        if start:
            assert source.text[start - 1] == "\n" and source.page_at(start - 1) == number - 1
    assert source.text[source.page_starts[1] :].startswith("- Chiều thiếu hụt về thông tin")
    assert source.text[source.page_starts[3] :].startswith("chầy lười, ỷ lại.")


@pytest.mark.parametrize(
    "phrase, page",
    [
        ("KẾ HOẠCH", 1),
        ("Chiều thiếu hụt về thông tin", 2),
        ("2. Phòng Tài chính - Kế hoạch", 3),
        ("5. Phòng Văn hóa - Thông tin", 3),
        ("chống tư tưởng trông chờ,", 3),
        ("8. Đề nghị Ủy ban MTTQ", 4),
    ],
)
def test_pdf_page_at_finds_the_page_of_a_phrase(plan_002_pdf, phrase, page):
    pattern = r"\s+".join(regex.escape(word) for word in phrase.split())
    match = regex.search(pattern, plan_002_pdf.text)
    assert match and plan_002_pdf.evidence(match.start(), match.end()).page == page


def test_pdf_corpus_has_the_words_of_the_txt(plan_002_pdf):
    assert squash(plan_002_pdf.text) == squash(corpus("002_42669df7d5de7ac5", "txt").text)


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_corpus_pdf_has_the_words_of_the_txt(sample):
    assert squash(corpus(sample, "pdf").text) == squash(corpus(sample, "txt").text)


@pytest.fixture(scope="module")
def annex_page(tmp_path_factory):
    """The last page of 004's PDF (its annex table) as a one-page PDF, to keep the test fast."""
    source = pypdfium2.PdfDocument(CORPUS / "004_c0fdcc1763c22669.pdf")
    single = pypdfium2.PdfDocument.new()
    single.import_pages(source, [len(source) - 1])
    path = tmp_path_factory.mktemp("annex") / "004_annex.pdf"
    single.save(path)
    return read(path)


def test_pdf_annex_table_rows_as_tab_lines(annex_page):
    lines = annex_page.text.split("\n")
    rows = [line.split("\t") for line in lines if "\t" in line]
    assert len(rows) == 13 and all(len(row) == 7 for row in rows)
    assert rows[0] == ANNEX_004_HEADER
    assert rows[2] == ["2", "Thôn Bình Hòa 3", "1", "", "3", "1", "Bà: Phạm Thị Tiên"]
    assert rows[8] == ["8", "Thôn Bình Yên", "6", "2", "8", "5", "Ông: Triệu Văn Long"]
    assert rows[-1] == ["", "Tổng", "67", "23", "57", "35", ""]


def test_pdf_annex_table_matches_the_txt_and_is_not_repeated(annex_page):
    txt_rows = [line for line in corpus("004_c0fdcc1763c22669", "txt").text.split("\n") if "\t" in line]
    pdf_lines = annex_page.text.split("\n")
    assert [line for line in pdf_lines if "\t" in line] == txt_rows
    assert annex_page.text.count("Thôn Bình Yên") == 1
    assert pdf_lines[0] == "CHỈ TIÊU GIẢM NGHÈO CỤ THỂ CỦA TỪNG THÔN NĂM 2024"  # the title stays above


def test_scanned_pdf_needs_ocr():
    with pytest.raises(NeedsOcr, match="scanned_000_first3pages.pdf: the PDF has no text layer .*ocrmypdf"):
        read(CORPUS / "scanned_000_first3pages.pdf")


def test_pdf_with_empty_pages_is_unreadable_not_a_scan(tmp_path):
    with pytest.raises(UnreadableFile, match="trang_trong.pdf: the PDF's pages are empty") as error:
        read(_write(tmp_path, "trang_trong.pdf", _pdf([b""])))
    assert not isinstance(error.value, NeedsOcr)


def _encrypted_pdf() -> bytes:
    """A PDF locked with a user password (standard security handler, RC4 40-bit): '' does not open it."""
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (b"ab" * 32, b"cd" * 32)
    doc_id = b"<00112233445566778899aabbccddeeff>"
    return _pdf([_text(20, 250, "secret")], [encrypt], b"/Encrypt 6 0 R /ID [%s %s]" % (doc_id, doc_id))


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"%PDF-1.4\nnot really", "cannot open it as PDF"),
        (b"hello " * 20, "cannot open it as PDF"),
        ((CORPUS / "002_42669df7d5de7ac5.pdf").read_bytes()[:3000], "cannot open it as PDF"),
        (_encrypted_pdf(), "the PDF is encrypted with a password; remove the password"),
    ],
    ids=["header only", "text", "truncated", "password"],
)
def test_broken_pdf_is_unreadable(tmp_path, data, reason):
    with pytest.raises(UnreadableFile) as error:
        read(_write(tmp_path, "ke_hoach_loi.pdf", data))
    assert "ke_hoach_loi.pdf" in str(error.value) and reason in str(error.value)
    assert not isinstance(error.value, NeedsOcr)


# --- limits and legacy encodings ------------------------------------------------------------------


def test_readers_take_limits(tmp_path):
    limits = Limits(max_pdf_pages=5)
    assert read_txt(PLAN.encode(), tmp_path / "a.txt", limits=limits).text == PLAN_NFC
    docx_bytes = _small_docx(tmp_path / "nho.docx").read_bytes()
    assert read_docx(docx_bytes, tmp_path / "nho.docx", limits=limits).text.startswith("KẾ HOẠCH\n")
    assert read_pdf(_ruled_pdf(), tmp_path / "r.pdf", limits=limits).text.startswith("Above the first table")


def test_pdf_page_limit_is_checked_before_any_page_is_read(tmp_path, monkeypatch):
    def must_not_run(pdf, index):
        raise AssertionError("page read before the page count was checked")

    monkeypatch.setattr(pdf_reader, "scan_page", must_not_run)
    path = _write(tmp_path, "dai.pdf", _ruled_pdf())
    with pytest.raises(LimitExceeded, match=r"dai.pdf: 2 pages is over the 1 page limit.*--max-pdf-pages"):
        read(path, limits=Limits(max_pdf_pages=1))


def test_tcvn3_pdf_text_layer_is_converted(tmp_path):
    # A PDF whose text layer is TCVN3 glyph codes (WinAnsi bytes), on two pages.
    def line(y: int, words: str) -> bytes:
        return b"BT /F1 10 Tf 20 %d Td (%s) Tj ET\n" % (y, words.encode("cp1252"))

    page1 = line(280, "Céng hoµ x· héi chñ nghÜa ViÖt Nam") + line(265, "§éc lËp - Tù do - H¹nh phóc") + line(250, "KÕ HO¹CH")
    page2 = line(250, "Tû lÖ hé nghÌo gi¶m 0,91% so víi n¨m 2023")
    data = _pdf([page1, page2], font=b"/BaseFont /.VnTime /Encoding /WinAnsiEncoding")
    source = read(_write(tmp_path, "cu.pdf", data))
    assert source.legacy_encoding == "tcvn3"
    assert source.text.split("\n") == [
        "Cộng hoà xã hội chủ nghĩa Việt Nam",
        "Độc lập - Tự do - Hạnh phúc",
        "KẾ HOẠCH",
        "Tỷ lệ hộ nghèo giảm 0,91% so với năm 2023",
    ]
    assert source.page_at(source.text.index("Tỷ lệ")) == 2
