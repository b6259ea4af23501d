"""Places: provinces and cities in their many spellings, countries with ISO codes."""
from __future__ import annotations

from attache.extract.places import find_places
from attache.text import to_ascii


def _names(text: str, language: str = "en") -> list[tuple[str, str, str | None]]:
    return [(p.name, p.kind, p.code) for p in find_places(text, language)]


def test_province_spellings_give_one_ascii_name():
    text = "Farmers of Quảng Trị, Quang Tri province and Ha Tinh met officials from Nghệ An."
    assert _names(text) == [("Quang Tri", "province", None), ("Quang Tri", "province", None),
                            ("Ha Tinh", "province", None), ("Nghe An", "province", None)]


def test_province_words_around_the_name_in_each_language():
    assert [p.name for p in find_places("Une usine ouvre dans la province de Quang Tri.", "fr")] == ["Quang Tri"]
    assert [p.name for p in find_places("Một nhà máy mở tại tỉnh Quảng Trị.", "vi")] == ["Quang Tri"]


def test_spans_cut_the_written_form():
    text = "Exports from Bà Rịa - Vũng Tàu grew."
    (place,) = find_places(text, "en")
    assert place.span.cut(text) == place.text == "Bà Rịa - Vũng Tàu"
    assert place.name == "Ba Ria - Vung Tau"


def test_cities_and_their_abbreviations():
    text = "Flights link Ha Noi, Hà Nội and Hanoi with HCMC, TP.HCM, TP. HCM and Da Nang."
    assert [p.name for p in find_places(text, "en")] == ["Hanoi"] * 3 + ["Ho Chi Minh City"] * 3 + ["Da Nang"]
    assert {p.kind for p in find_places(text, "en")} == {"city"}


def test_ho_chi_minh_alone_is_the_person_not_the_city():
    text = "Students honoured President Ho Chi Minh before leaving Ho Chi Minh City."
    assert [(p.text, p.name) for p in find_places(text, "en")] == [("Ho Chi Minh City", "Ho Chi Minh City")]
    assert [p.name for p in find_places("Des élèves de Hô Chi Minh-Ville ont visité Hué.", "fr")] == \
        ["Ho Chi Minh City", "Hue"]


def test_old_province_name_of_hue():
    assert [p.name for p in find_places("A festival opened in Thua Thien Hue.", "en")] == ["Hue"]


def test_countries_with_iso_codes_in_english():
    text = "Viet Nam and Vietnam traded with the United States, the US, Laos, the Russian Federation and South Korea."
    assert [p.code for p in find_places(text, "en")] == ["VN", "VN", "US", "US", "LA", "RU", "KR"]
    assert find_places("the Russian Federation", "en")[0].name == "Russia"


def test_countries_in_french_and_vietnamese():
    assert [p.code for p in find_places("Le Viêt Nam, les États-Unis, la Russie et la Corée du Sud.", "fr")] == \
        ["VN", "US", "RU", "KR"]
    assert [p.code for p in find_places("Việt Nam và Hàn Quốc, Nhật Bản.", "vi")] == ["VN", "KR", "JP"]


def test_longest_form_and_whole_words_only():
    assert [p.code for p in find_places("Nigeria and Niger", "en")] == ["NG", "NE"]
    assert find_places("Laotian food and Hanoians", "en") == []


def test_currency_prefix_is_not_a_country():
    assert find_places("It cost US$ 20 million and 40 USD.", "en") == []


def test_case_sensitive():
    assert find_places("the chad was in the lao script of hanoi", "en") == []


def test_place_inside_a_person_name_is_not_a_place():
    assert find_places("Ms Nguyen Thi Hue and Mr Le Quang Nam spoke.", "en") == []


def test_every_vietnamese_province_before_and_after_the_merger_with_diacritics():
    from attache import lexicons
    rows = [r for r in lexicons.tsv("common", "provinces")]
    assert len(rows) == 63 and len([r for r in rows if not r["merged_into"]]) == 34
    for row in rows:
        written = next((f for f in row["forms"].split("|") if f != to_ascii(f)), row["name"])
        found = find_places(f"Đoàn công tác làm việc tại tỉnh {written} hôm qua.", "vi")
        assert [p.name for p in found] == [row["name"]], written


def test_vietnamese_city_forms():
    text = "Đoàn đi từ Thủ đô Hà Nội vào TP Hồ Chí Minh, rồi TP.HCM tiếp đón đoàn tại Sài Gòn."
    assert [p.name for p in find_places(text, "vi")] == ["Hanoi"] + ["Ho Chi Minh City"] * 3


def test_vietnamese_country_common_names():
    text = "Hàn Quốc, Nhật Bản, Hoa Kỳ, Mỹ, Liên bang Nga và Lào là các đối tác lớn."
    assert [p.code for p in find_places(text, "vi")] == ["KR", "JP", "US", "US", "RU", "LA"]


def test_vietnamese_regions_and_words_are_not_the_country_inside_them():
    text = "Hàng hóa sang Nam Mỹ, châu Mỹ và Trung Đông; báo Pháp luật viết về Thái Bình Dương và Mỹ Tho."
    assert find_places(text, "vi") == []


def test_a_country_name_as_a_given_name_after_a_courtesy_word():
    assert [p.code for p in find_places("Ông Đức cho biết hàng sang Đức tăng mạnh.", "vi")] == ["DE"]
