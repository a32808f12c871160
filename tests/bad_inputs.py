"""Bad inputs, each built at test time into a folder: broken, hostile, old or odd files offices keep.

Every ``make_*`` function writes one file into ``folder`` and returns its path. ``BAD_INPUTS`` says
what each must give: a failure row whose reason says what to do, a document with a status and
message, or a document read as well as a clean file would be.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from conftest import CORPUS, SMALL_PLAN
from pdf_files import pdf_file

_MB = 1024 * 1024
GOOD_SAMPLES = ("001_392ebb208e9b84ed.txt", "004_c0fdcc1763c22669.docx")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def copy_good_samples(folder: Path) -> list[Path]:
    """The two clean plans every run with a bad input also holds."""
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(CORPUS / name, folder / name)) for name in GOOD_SAMPLES]


# --- text files ------------------------------------------------------------------------------


def make_empty(folder: Path) -> Path:
    path = folder / "trong.txt"
    path.write_bytes(b"")
    return path


def make_garbage_txt(folder: Path) -> Path:
    """Binary bytes under a .txt name (a renamed image or archive)."""
    path = folder / "rac.txt"
    path.write_bytes(random.Random(20250101).randbytes(8192))
    return path


def make_nul_padded_txt(folder: Path) -> Path:
    """A plan with a run of NUL bytes after it, as an interrupted save or copy leaves."""
    path = folder / "ke_hoach_nul.txt"
    path.write_bytes(SMALL_PLAN.encode("utf-8") + b"\x00" * 4096)
    return path


def make_zeroed_txt(folder: Path) -> Path:
    """A text file whose every byte is zero: the copy or save was interrupted before any text was written."""
    path = folder / "toan_so_0.txt"
    path.write_bytes(bytes(4096))
    return path


def make_nul_sprinkled_txt(folder: Path) -> Path:
    """A plan with a few NUL bytes between lines (a buggy export)."""
    path = folder / "ke_hoach_nul_rai_rac.txt"
    path.write_bytes(SMALL_PLAN.encode("utf-8").replace(b"\n\n", b"\n\x00\n", 3))
    return path


def make_oversized_txt(folder: Path, size_mb: float = 51) -> Path:
    """A text file over the default 50 MB limit; sparse, so it costs no disk and no time to write."""
    path = folder / "qua_lon.txt"
    with path.open("wb") as file:
        file.write(SMALL_PLAN.encode("utf-8"))
        file.truncate(int(size_mb * _MB))
    return path


def make_utf16_without_bom(folder: Path) -> Path:
    path = folder / "ke_hoach_utf16.txt"
    path.write_bytes(SMALL_PLAN.encode("utf-16-le"))
    return path


def make_nfd(folder: Path) -> Path:
    """Decomposed Unicode (tone marks as separate characters), as macOS and some editors save."""
    path = folder / "ke_hoach_nfd.txt"
    path.write_bytes(unicodedata.normalize("NFD", SMALL_PLAN).encode("utf-8"))
    return path


def make_crlf(folder: Path) -> Path:
    path = folder / "ke_hoach_crlf.txt"
    path.write_bytes(SMALL_PLAN.replace("\n", "\r\n").encode("utf-8"))
    return path


def legacy_encode(text: str, encoding: str) -> str:
    """``text`` as typed in a legacy font: each Vietnamese letter replaced by the Latin-1 codes the font draws it with.

    TCVN3 has no accented capitals: a heading is typed with the lower-case codes (a .VnTimeH font
    draws them as capitals), as here.
    """
    # Tests only: the tables the reader converts back with.
    from viparse.normalize.encodings import get_charmap

    codes = {unicode: legacy for legacy, unicode in get_charmap(encoding).pairs}
    return "".join(codes.get(char) or codes.get(char.lower()) or char for char in unicodedata.normalize("NFC", text))


def make_tcvn3(folder: Path) -> Path:
    """A plan typed in TCVN3 (.VnTime), copied into a UTF-8 text file: 'KÕ HO¹CH'."""
    path = folder / "ke_hoach_tcvn3.txt"
    path.write_text(legacy_encode(SMALL_PLAN, "tcvn3"), encoding="utf-8")
    return path


def make_vni(folder: Path) -> Path:
    """A plan typed in VNI (VNI-Times), copied into a UTF-8 text file: 'KEÁ HOAÏCH'."""
    path = folder / "ke_hoach_vni.txt"
    path.write_text(legacy_encode(SMALL_PLAN, "vni"), encoding="utf-8")
    return path


def make_tcvn3_bytes(folder: Path) -> Path:
    """A plan typed in TCVN3 and saved as plain text: one byte per glyph code, as Word wrote it."""
    path = folder / "ke_hoach_tcvn3_1byte.txt"
    path.write_bytes(legacy_encode(SMALL_PLAN, "tcvn3").encode("latin-1"))
    return path


def make_vni_bytes(folder: Path) -> Path:
    """A plan typed in VNI and saved as plain text, one byte per glyph code."""
    path = folder / "ke_hoach_vni_1byte.txt"
    path.write_bytes(legacy_encode(SMALL_PLAN, "vni").encode("latin-1"))
    return path


def make_not_a_plan(folder: Path) -> Path:
    path = folder / "thu_moi_hop.txt"
    path.write_text(
        "Kính gửi các đồng chí,\n\nMời các đồng chí dự buổi họp chi bộ lúc 14 giờ chiều thứ Sáu tại hội trường.\n"
        "Đề nghị các đồng chí đến đúng giờ.\n",
        encoding="utf-8",
    )
    return path


# --- Word ------------------------------------------------------------------------------------


def make_doc(folder: Path) -> Path:
    """An old Word 97-2003 binary: an OLE compound file."""
    path = folder / "ke_hoach_cu.doc"
    path.write_bytes(OLE_MAGIC + bytes(512 - len(OLE_MAGIC)) + b"\x00" * 1024)
    return path


def make_truncated_docx(folder: Path) -> Path:
    """The first half of a good .docx: the zip's central directory is gone."""
    data = (CORPUS / "000_2753d8804e160cef.docx").read_bytes()
    path = folder / "cat_do.docx"
    path.write_bytes(data[: len(data) // 2])
    return path


def _docx_with(folder: Path, name: str, document_xml: Callable[[zipfile.ZipFile], None]) -> Path:
    """A copy of a corpus .docx whose word/document.xml is written by ``document_xml``."""
    path = folder / name
    with zipfile.ZipFile(CORPUS / "002_42669df7d5de7ac5.docx") as source, zipfile.ZipFile(
        path, "w", zipfile.ZIP_DEFLATED
    ) as target:
        for entry in source.infolist():
            if entry.filename != "word/document.xml":
                target.writestr(entry, source.read(entry))
        document_xml(target)
    return path


_XML_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
)


def make_ratio_bomb_docx(folder: Path, spaces_mb: int = 40) -> Path:
    """A .docx whose document.xml is padded with MBs of spaces: well-formed, tiny, a thousand times its size."""

    def write(target: zipfile.ZipFile) -> None:
        with target.open("word/document.xml", "w") as xml:
            xml.write(_XML_HEAD + "<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>".encode())
            block = b" " * _MB
            for _ in range(spaces_mb):
                xml.write(block)
            xml.write(b"</w:body></w:document>")

    return _docx_with(folder, "bom_nen.docx", write)


def make_gigabyte_bomb_docx(folder: Path) -> Path:
    """A real zip bomb: a 1 MB .docx whose document.xml unpacks to 1 GB (zeros, compressed 1000 to 1)."""
    path = folder / "bom_1gb.docx"
    path.write_bytes(_gigabyte_bomb())
    return path


@cache
def _gigabyte_bomb() -> bytes:
    """Built once per session without compressing a GB: after a full flush, deflate gives identical
    output for identical input, so one compressed 8 MB block of zeros is repeated 128 times."""
    block, repeats = bytes(8 * _MB), 128
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = compressor.compress(_XML_HEAD) + compressor.flush(zlib.Z_FULL_FLUSH)
    zeros = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush()
    crc = zlib.crc32(_XML_HEAD)
    for _ in range(repeats):
        crc = zlib.crc32(block, crc)
    document = ("word/document.xml", head + zeros * repeats + tail, crc, len(_XML_HEAD) + repeats * len(block))
    with zipfile.ZipFile(CORPUS / "002_42669df7d5de7ac5.docx") as source:
        others = [
            (entry.filename, _deflate(data := source.read(entry)), zlib.crc32(data), len(data))
            for entry in source.infolist()
            if entry.filename != "word/document.xml"
        ]
    return _zip_of_deflated([*others, document])


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def _zip_of_deflated(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of (name, raw deflate data, crc32, unpacked size) entries, each under 4 GB."""
    out, directory = bytearray(), bytearray()
    for name, data, crc, size in entries:
        encoded = name.encode()
        fields = (20, 0, zipfile.ZIP_DEFLATED, 0, 0x21, crc, len(data), size, len(encoded))
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, 0, len(out)) + encoded
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + encoded + data
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), len(out), 0)
    return bytes(out + directory + end)


def make_lying_sizes_docx(folder: Path) -> Path:
    """A .docx whose zip directory declares document.xml at 1,000 bytes while its data unpacks to 20 MB.

    Limits read the declared sizes; this shows zipfile holds an entry to its declared size.
    """
    padding = 20 * _MB
    path = _docx_with(
        folder, "khai_gian.docx",
        lambda target: target.writestr("word/document.xml", _XML_HEAD + b" " * padding + b"</w:body></w:document>"),
    )
    data = bytearray(path.read_bytes())
    real = struct.pack("<I", len(_XML_HEAD) + padding + len(b"</w:body></w:document>"))
    # The uncompressed size sits at offset 22 of a local header and 24 of a central directory entry.
    patched = 0
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            if data[start + offset : start + offset + 4] == real:
                data[start + offset : start + offset + 4] = struct.pack("<I", 1000)
                patched += 1
            start += 4
    assert patched == 2, "document.xml's two size fields were not found"
    path.write_bytes(bytes(data))
    return path


def make_many_parts_docx(folder: Path) -> Path:
    """A .docx holding 6,000 empty files: listing a zip's directory costs time and memory per entry."""
    path = _docx_with(folder, "nhieu_phan.docx", lambda target: target.writestr("word/document.xml", _XML_HEAD + b"</w:body></w:document>"))
    with zipfile.ZipFile(path, "a") as target:
        for number in range(6000):
            target.writestr(f"extra/part{number}.xml", b"")
    return path


BILLION_LAUGHS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<!DOCTYPE w:document [\n <!ENTITY lol "lol">\n'
    + b"".join(
        f' <!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n'.encode()
        for n in range(1, 10)
    )
    + b"]>\n"
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    b"<w:p><w:r><w:t>K\xe1\xba\xbe HO\xe1\xba\xa0CH &lol9;</w:t></w:r></w:p></w:body></w:document>"
)
"""document.xml whose one entity would expand to 10**9 'lol's (3 GB) if the parser resolved entities."""


def make_billion_laughs_docx(folder: Path) -> Path:
    return _docx_with(folder, "ty_tieng_cuoi.docx", lambda target: target.writestr("word/document.xml", BILLION_LAUGHS))


# --- PDF -------------------------------------------------------------------------------------


def make_scanned_pdf(folder: Path) -> Path:
    """Three scanned pages, images only (from corpus/)."""
    return Path(shutil.copy(CORPUS / "scanned_000_first3pages.pdf", folder / "ban_scan.pdf"))


def make_truncated_pdf(folder: Path) -> Path:
    """The first third of a good PDF: no xref table, no trailer, pages cut off."""
    data = (CORPUS / "000_2753d8804e160cef.pdf").read_bytes()
    path = folder / "pdf_cat_do.pdf"
    path.write_bytes(data[: len(data) // 3])
    return path


def make_garbage_pdf(folder: Path) -> Path:
    """Bytes that only start like a PDF."""
    path = folder / "pdf_rac.pdf"
    path.write_bytes(b"%PDF-1.4\n" + random.Random(7).randbytes(4096))
    return path


def make_encrypted_pdf(folder: Path) -> Path:
    """A PDF that opens only with the user password 'matkhau' (RC4 40-bit, the standard security handler)."""
    path = folder / "co_mat_khau.pdf"
    path.write_bytes(encrypted_pdf(b"KE HOACH so 12", user_password=b"matkhau", owner_password=b"chu"))
    return path


# Standard security handler, revision 2 (PDF 1.7 section 7.6.3): enough to make a real encrypted file.
_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_PERMISSIONS = -4  # every permission bit set


def _rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def _padded(password: bytes) -> bytes:
    return (password + _PAD)[:32]


def encrypted_pdf(text: bytes, *, user_password: bytes, owner_password: bytes) -> bytes:
    """A one-page PDF showing ``text`` (ASCII) in Helvetica, encrypted; an empty user password opens it freely."""
    file_id = hashlib.md5(text).digest()
    owner_key = hashlib.md5(_padded(owner_password)).digest()[:5]
    o_entry = _rc4(owner_key, _padded(user_password))
    key = hashlib.md5(_padded(user_password) + o_entry + struct.pack("<i", _PERMISSIONS) + file_id).digest()[:5]
    u_entry = _rc4(key, _PAD)

    def encrypt(number: int, data: bytes) -> bytes:
        object_key = hashlib.md5(key + number.to_bytes(3, "little") + (0).to_bytes(2, "little")).digest()[:10]
        return _rc4(object_key, data)

    content = encrypt(4, b"BT /F1 24 Tf 72 720 Td (" + text + b") Tj ET")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
        % (o_entry.hex().encode(), u_entry.hex().encode(), _PERMISSIONS),
    ]
    trailer = b"/Encrypt 6 0 R /ID [<%s> <%s>]" % (file_id.hex().encode(), file_id.hex().encode())
    return pdf_file(objects, trailer)


# --- what each must give ---------------------------------------------------------------------


@dataclass(frozen=True)
class BadInput:
    """One bad input and what a run must make of it.

    ``outcome``: 'failed' (a failures row, nothing in documents) or the documents.status it gets.
    ``says``: words the failure reason or document message must hold (lowercase), besides the file's name.
    ``legacy``: the legacy encoding the reader must find and convert.
    """

    make: Callable[[Path], Path]
    outcome: str
    says: tuple[str, ...] = ()
    legacy: str | None = None

    @property
    def name(self) -> str:
        return self.make.__name__.removeprefix("make_")


BAD_INPUTS = [
    BadInput(make_empty, "failed", ("empty",)),
    BadInput(make_garbage_txt, "failed", ("not text", "utf-8")),
    BadInput(make_nul_padded_txt, "ok"),
    BadInput(make_zeroed_txt, "failed", ("zero bytes", "copy it again")),
    BadInput(make_nul_sprinkled_txt, "ok"),
    BadInput(make_oversized_txt, "failed", ("50 mb", "--max-file-mb")),
    BadInput(make_utf16_without_bom, "ok"),
    BadInput(make_nfd, "ok"),
    BadInput(make_crlf, "ok"),
    BadInput(make_tcvn3, "ok", legacy="tcvn3"),
    BadInput(make_vni, "ok", legacy="vni"),
    BadInput(make_tcvn3_bytes, "ok", legacy="tcvn3"),
    BadInput(make_vni_bytes, "ok", legacy="vni"),
    BadInput(make_not_a_plan, "not_a_plan", ("kế hoạch", "report it with this file")),
    BadInput(make_doc, "failed", (".doc", "save it as .docx")),
    BadInput(make_truncated_docx, "failed", ("docx", "re-save it from word")),
    BadInput(make_ratio_bomb_docx, "failed", ("zip bomb", "do not open it")),
    BadInput(make_gigabyte_bomb_docx, "failed", ("1024.8 mb", "zip bomb", "--max-unpacked-mb")),
    BadInput(make_many_parts_docx, "failed", ("holds 6,0", "do not open it")),
    BadInput(make_lying_sizes_docx, "failed", ("bad crc", "re-save it from word")),
    BadInput(make_billion_laughs_docx, "failed", ("amplification", "re-save it from word")),
    BadInput(make_scanned_pdf, "needs_ocr", ("no text layer", "ocr")),
    BadInput(make_truncated_pdf, "failed", ("pdf", "export it again")),
    BadInput(make_garbage_pdf, "failed", ("pdf", "export it again")),
    BadInput(make_encrypted_pdf, "failed", ("password", "remove the password")),
]
