"""Places: provinces and cities in their many spellings, countries with ISO codes."""
from __future__ import annotations

from attache.extract.places import find_places


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
