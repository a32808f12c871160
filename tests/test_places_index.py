"""link_place reads its units through indexes by province and district key: the same links as
filtering every official unit, whatever the names given."""

import random

from extractor import places
from extractor.places import PlaceLink, _matching, _units, link_place, official_units


def _link_by_scanning(province, district, commune):
    """link_place as it was first written: every unit filtered by each name in turn."""
    units = _units()
    in_province = _matching(units.rows, "province_key", province)
    rows = _matching(in_province, "district_key", district)
    with_commune = _matching([row for row in rows if row.ward_code], "ward_key", commune)
    found = {}
    if province and (code := places._one({row.province_code for row in in_province})):
        found.update(province_code=code, province_name=in_province[0].province)
    if district and province and (code := places._one({row.district_code for row in rows})):
        found.update(district_code=code, district_name=rows[0].district)
    if commune and (province or district) and (code := places._one({row.ward_code for row in with_commune})):
        row = with_commune[0]
        found.update(commune_code=code, commune_name=row.ward, district_code=row.district_code,
                     district_name=row.district, province_code=row.province_code, province_name=row.province)
        if code in units.new_ward:
            found["new_commune_code"], found["new_commune_name"] = units.new_ward[code]
        found["new_commune_split"] = units.split.get(code, ())
    if "province_code" in found and found["province_code"] in units.new_province:
        found["new_province_code"], found["new_province_name"] = units.new_province[found["province_code"]]
    return PlaceLink(**found) if found else None


def test_indexed_links_equal_the_links_of_a_full_scan():
    rng = random.Random(3)
    units = official_units()
    names = []
    for unit in rng.sample(units, 150):
        other = rng.choice(units)
        spelled = [f"Tỉnh {unit.province}", unit.province.upper(), f"huyện {unit.district}", unit.ward or "",
                   f"xã {unit.ward}" if unit.ward else "Phường 1", other.district, other.ward or "Thị trấn"]
        for _ in range(6):
            names.append(tuple(rng.choice([None, "", rng.choice(spelled)]) for _ in range(3)))
        names.append((unit.province, unit.district, unit.ward))
        names.append((None, unit.district, unit.ward))
    linked = [link_place(*triple) for triple in names]
    assert linked == [_link_by_scanning(*triple) for triple in names]
    # The names reach every kind of link: none, province only, district, commune.
    assert None in linked
    assert any(link and link.province_code and not link.district_code for link in linked)
    assert any(link and link.district_code and not link.commune_code for link in linked)
    assert sum(bool(link and link.commune_code) for link in linked) > 100
