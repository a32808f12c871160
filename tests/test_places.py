"""Place names: one key whatever the spelling, and links to official administrative-unit codes."""

import socket

import pytest

from extractor import places, store
from extractor.pipeline import extract_file
from extractor.places import (
    link_place,
    normalize_tones,
    place_key,
    place_rows,
    split_level,
)
from extractor.vocab.places import PLACE_KEY_EXAMPLES
from tests.conftest import CORPUS


@pytest.fixture(scope="module", autouse=True)
def units_loaded_offline():
    """Load the package's tables with every network connection refused: linking must work offline."""

    def refuse(*_args, **_kwargs):
        raise OSError("network used")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", refuse)
        patch.setattr(socket, "create_connection", refuse)
        places._units.cache_clear()
        places._units()
        assert link_place("Lâm Đồng", "Đức Trọng", "Đa Quyn").commune_code == "24989"


@pytest.mark.parametrize(("written", "key"), PLACE_KEY_EXAMPLES)
def test_vocabulary_examples(written, key):
    assert place_key(written) == key


@pytest.mark.parametrize(
    ("written", "new_style"),
    [
        ("Hòa", "Hoà"), ("Hoà", "Hoà"), ("HÒA", "HOÀ"), ("Thủy", "Thuỷ"), ("Khỏe", "Khoẻ"), ("Ủy ban", "Uỷ ban"),
        ("Qúy", "Quý"), ("gía", "giá"), ("Lũy", "Luỹ"),
        # a final consonant, a marked vowel, three vowels or other pairs: one placement in both conventions
        ("Hoàng", "Hoàng"), ("Hoạch", "Hoạch"), ("Quỳnh", "Quỳnh"), ("khuyến", "khuyến"), ("người", "người"),
        ("thuở", "thuở"), ("ngoái", "ngoái"), ("mùa", "mùa"), ("Nghĩa", "Nghĩa"), ("Giữa", "Giữa"), ("gìn", "gìn"),
        ("khuỷu", "khuỷu"), ("Nguyễn", "Nguyễn"), ("Huế", "Huế"),
        ("café", "café"), ("Đắk Lắk", "Đắk Lắk"), ("123", "123"),
        ("Thanh Hóa, Cẩm Thủy", "Thanh Hoá, Cẩm Thuỷ"),
    ],
)
def test_tone_placement_is_normalised(written, new_style):
    assert normalize_tones(written) == new_style


@pytest.mark.parametrize(("written", "old_style"), [("Hoà", "Hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("Quý", "Quý")])
def test_old_style_placement(written, old_style):
    assert normalize_tones(written, old_style=True) == old_style


def test_decomposed_input_is_read_like_composed():
    assert place_key("Xa\u0303 Cao La\u0302u") == "cao lâu"


@pytest.mark.parametrize(
    ("written", "split"),
    [
        ("Thị xã Sơn Tây", ("thị xã", "sơn tây")),
        ("Thành phố Lai Châu", ("thành phố", "lai châu")),
        ("TP. Hồ Chí Minh", ("thành phố", "hồ chí minh")),
        ("Tx Bỉm Sơn", ("thị xã", "bỉm sơn")),
        ("Huyện Hòa Vang", ("huyện", "hoà vang")),
        ("Tân Thành", (None, "tân thành")),
        ("Xã", (None, "xã")),  # a level word alone is not stripped to nothing
        ("Phường 3", ("phường", "3")),
        ("Quận 01", ("quận", "1")),
    ],
)
def test_split_level(written, split):
    assert split_level(written) == split


@pytest.mark.parametrize(
    ("spellings"),
    [
        ["xã Hòa Khánh", "Hoà Khánh", "XÃ HOÀ KHÁNH", "  xã   Hòa  Khánh"],
        ["huyện Cẩm Thủy", "Cẩm Thuỷ", "H. Cẩm Thủy"],
        ["Thành phố Lai Châu", "TP. Lai Châu", "TP Lai Châu", "lai châu"],
    ],
)
def test_spellings_of_one_place_share_a_key(spellings):
    assert len({place_key(spelling) for spelling in spellings}) == 1


def test_tones_still_tell_places_apart():
    assert place_key("Cao Lâu") != place_key("Cao Lầu")
    assert place_key("Cao Lộc") != place_key("Cao Lâu")


@pytest.mark.parametrize(
    ("province", "district", "commune", "codes"),
    [
        # 000: the plan states its commune and district only; the pair is unique in the country.
        (None, "Cao Lộc", "Cao Lâu", ("20", "183", "06196")),
        ("Thanh Hóa", "Cẩm Thủy", "Cẩm Bình", ("38", "390", "15151")),
        ("tỉnh THANH HOÁ", "huyện Cẩm Thuỷ", "xã Cẩm Bình", ("38", "390", "15151")),
        ("Lâm Đồng", "Đức Trọng", "Đa Quyn", ("68", "678", "24989")),
        ("Lai Châu", "Lai Châu", None, ("12", "105", None)),
        ("tỉnh Lai Châu", "thành phố Lai Châu", None, ("12", "105", None)),
        ("Lai Châu", None, None, ("12", None, None)),
        # Cẩm Bình is a commune in Thanh Hóa, Hà Tĩnh and Quảng Ninh: a stated province is enough
        ("Thanh Hoá", None, "Cẩm Bình", ("38", "390", "15151")),
        ("Hà Tĩnh", None, "Cẩm Bình", ("42", "436", "18685")),
    ],
)
def test_link_place_codes(province, district, commune, codes):
    link = link_place(province, district, commune)
    assert (link.province_code, link.district_code, link.commune_code) == codes


@pytest.mark.parametrize(
    ("province", "district", "commune"),
    [
        (None, None, "Cao Lâu"),  # unique today, but a name alone is never enough
        (None, None, "Cẩm Bình"),  # three communes
        (None, "Cao Lộc", None),  # a district without a stated parent
        (None, "Cẩm Thủy", "Cao Lâu"),  # contradictory parents
        ("Không Có", None, None),
    ],
)
def test_no_link_without_enough_stated_parents(province, district, commune):
    assert link_place(province, district, commune) is None


def test_a_commune_name_twice_in_one_province_stays_unlinked():
    link = link_place("Hà Nội", None, "Chương Dương")  # in Hoàn Kiếm and in Thường Tín
    assert (link.province_code, link.district_code, link.commune_code) == ("01", None, None)
    link = link_place("Hà Nội", "Thường Tín", "Chương Dương")
    assert (link.district_name, link.commune_name) == ("Huyện Thường Tín", "Xã Chương Dương")


def test_unknown_commune_keeps_the_district_link():
    link = link_place("Lâm Đồng", "Đức Trọng", "Không Có")
    assert (link.district_code, link.commune_code, link.new_commune_code) == ("678", None, None)
    link = link_place("Lâm Đồng", "Không Có", "Đa Quyn")  # an unknown district links no commune
    assert (link.province_code, link.district_code, link.commune_code) == ("68", None, None)


def test_july_2025_units():
    link = link_place("Lâm Đồng", "Đức Trọng", "Đa Quyn")
    assert (link.new_province_name, link.new_commune_name) == ("Tỉnh Lâm Đồng", "Xã Tà Năng")
    link = link_place(None, "Cao Lộc", "Cao Lâu")
    assert (link.new_province_code, link.new_commune_name) == ("20", "Xã Ba Sơn")
    link = link_place("Thanh Hóa", "Cẩm Thủy", "Cẩm Bình")
    assert link.new_commune_name == "Xã Cẩm Thạch"
    # Đắk Nông joined Lâm Đồng in July 2025
    assert link_place("Đắk Nông", None, None).new_province_name == "Tỉnh Lâm Đồng"


def test_a_divided_commune_names_its_parts_and_picks_none():
    units = places._units()
    code = next(iter(units.split))
    row = next(row for row in units.rows if row.ward_code == code)
    link = link_place(row.province, row.district, row.ward)
    assert link.commune_code == code
    assert link.new_commune_code is None
    assert len(link.new_commune_split) >= 2


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        # 000 names no province: the commune and district it names are in Lạng Sơn
        ("000_2753d8804e160cef", {"tinh": (None, "20"), "huyen": ("Cao Lộc", "183"), "xa": ("Cao Lâu", "06196")}),
        ("001_392ebb208e9b84ed", {"tinh": ("Lai Châu", "12"), "huyen": ("Lai Châu", "105")}),
        ("003_f7ad3d8867b8a9a5", {"tinh": ("Lâm Đồng", "68"), "huyen": ("Đức Trọng", "678"), "xa": ("Đa Quyn", "24989")}),
        ("004_c0fdcc1763c22669", {"tinh": ("Thanh Hóa", "38"), "huyen": ("Cẩm Thủy", "390"), "xa": ("Cẩm Bình", "15151")}),
        ("002_42669df7d5de7ac5", {}),  # the plan names no place in its header
    ],
)
def test_corpus_place_rows(sample, expected):
    rows = place_rows(extract_file(CORPUS / f"{sample}.txt"))
    assert {row["level"]: (row["name"], row["code"]) for row in rows} == expected
    assert all(row["stated"] == (row["name"] is not None) for row in rows)
    if sample.startswith("000"):
        assert [row["place_key"] for row in rows if row["level"] == "tinh"] == ["lạng sơn"]


def test_place_rows_are_stored_and_follow_their_document(tmp_path):
    db = store.open_db(tmp_path / "plans.db")
    places.ensure_places(db)
    places.ensure_places(db)  # idempotent
    document = extract_file(CORPUS / "003_f7ad3d8867b8a9a5.txt")
    store.save(db, document)
    written = places.save_places(db, document.id, places.place_tuples(document))
    rows = {row["level"]: row for row in db["document_places"].rows}
    assert written == len(rows) == 3
    assert rows["xa"]["code"] == "24989" and rows["xa"]["new_name"] == "Xã Tà Năng"
    assert places.save_places(db, document.id, places.place_tuples(document)) == written  # saving again replaces, never duplicates
    assert db["document_places"].count == written
    db.execute("delete from documents where id = ?", [document.id])
    assert db["document_places"].count == 0
