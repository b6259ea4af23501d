"""People: names, titles before/after/chained/in apposition and lists, ranks, roles, provinces, credits."""
from __future__ import annotations

import re

from attache.extract.people import find_people
from attache.extract.places import find_places
from attache.model import CleanDocument, Credit, PersonMention, Span

_SENTENCE = re.compile(r"[^\s.!?][^.!?\n]*[.!?]?")


def _doc(text: str, language: str = "en", captions: list[str] = (), credits: list[Credit] = ()) -> CleanDocument:
    sentences = [Span(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
    paragraphs, pos = [], 0
    for line in text.split("\n"):
        paragraphs.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    return CleanDocument(id="t", source="t", text=text, language=language, paragraphs=paragraphs,
                         sentences=sentences, captions=list(captions), credits=list(credits))


def _people(text: str, language: str = "en", **kw) -> dict[str, PersonMention]:
    doc = _doc(text, language, **kw)
    return {p.name: p for p in find_people(doc, find_places(doc.text, language))}


def _titles(p: PersonMention) -> list[str]:
    return [t.title for t in p.titles]


def test_vietnamese_name_with_and_without_diacritics():
    people = _people("Trưởng ban Đỗ Quang Vinh met Minister Tran Thi Lan in Hanoi.")
    assert people["Tran Thi Lan"].text == "Tran Thi Lan"
    assert "Do Quang Vinh" in people and people["Do Quang Vinh"].text == "Đỗ Quang Vinh"


def test_title_before_name_and_span_of_first_mention():
    text = "Prime Minister Vo Minh Khang opened the fair. Later Vo Minh Khang toured a farm."
    people = _people(text)
    p = people["Vo Minh Khang"]
    assert _titles(p) == ["Prime Minister"]
    assert p.span.cut(text) == "Vo Minh Khang" and p.span.start == text.index("Vo")


def test_chained_titles_before_a_name():
    people = _people("Deputy Prime Minister and Minister of Industry and Trade Dang Van Hieu spoke on exports.")
    assert _titles(people["Dang Van Hieu"]) == ["Deputy Prime Minister", "Minister of Industry and Trade"]


def test_apposition_runs_until_semicolon():
    text = ("Also present were comrade Ngo Thanh Binh, Secretary of the Party Central Committee, Head of the "
            "Party Central Committee's Economic Commission; comrade Lam Duc Tri, member of the Party Central "
            "Committee, Deputy Prime Minister; leaders of several ministries.")
    people = _people(text)
    assert _titles(people["Ngo Thanh Binh"]) == ["Secretary of the Party Central Committee",
                                                "Head of the Party Central Committee's Economic Commission"]
    assert _titles(people["Lam Duc Tri"]) == ["Member of the Party Central Committee", "Deputy Prime Minister"]


def test_list_gives_each_title_to_the_following_name_with_ranks():
    text = ("Attending were comrades of the Party Central Committee: Deputy Chief of the Government Office "
            "Trinh Van Cuong, Deputy Minister of National Defense, Lieutenant General Kieu Huu Dung, "
            "Deputy Minister of Public Security, Major General Mac Dinh Phong; and many guests.")
    people = _people(text)
    assert _titles(people["Trinh Van Cuong"]) == ["Deputy Chief of the Government Office"]
    assert _titles(people["Kieu Huu Dung"]) == ["Deputy Minister of National Defense", "Lieutenant General"]
    assert _titles(people["Mac Dinh Phong"]) == ["Deputy Minister of Public Security", "Major General"]
    assert {p.role for p in people.values()} == {"participant"}


def test_foreign_name_after_a_title():
    people = _people("President Lucia Fernandes and Prime Minister Tomas Berg met in Hanoi on Monday.")
    assert _titles(people["Lucia Fernandes"]) == ["President"]
    assert _titles(people["Tomas Berg"]) == ["Prime Minister"]


def test_places_and_organisations_are_not_names():
    people = _people("Delegates from Son La, Ha Tinh and Ha Long joined the Vu Gia Corporation meeting in Ho Chi Minh City.")
    assert people == {}


def test_french_titles_map_to_english():
    text = ("Le Premier ministre Ly Quang Huy a dirigé la réunion. Le vice-président du Comité populaire "
            "provincial, Chu Van Tam, a assisté à la réunion au pont de Ha Tinh. Le ministre des Affaires "
            "étrangères Dao Minh Chau a pris la parole.")
    people = _people(text, "fr")
    assert _titles(people["Ly Quang Huy"]) == ["Prime Minister"]
    tam = people["Chu Van Tam"]
    assert _titles(tam) == ["Vice Chairman of the Provincial People's Committee"]
    assert tam.titles[0].place == "Ha Tinh" and tam.titles[0].text.startswith("vice-président")
    assert _titles(people["Dao Minh Chau"]) == ["Minister of Foreign Affairs"]
    assert people["Ly Quang Huy"].chair and not tam.chair
    assert {p.role for p in people.values()} == {"participant"}


def test_french_article_is_not_a_surname():
    assert _people("Le Premier ministre a salué La Conférence et Le Comité.", "fr") == {}


def test_unknown_french_office_still_has_an_english_head():
    people = _people("Le gouverneur de la Banque centrale Tô Hoài Nam a assisté au forum.", "fr")
    assert _titles(people["To Hoai Nam"])[0].startswith("Governor of")


def test_provincial_title_linked_to_province_in_sentence():
    text = ("At the Lao Cai bridge point, comrade Phung Thi Hoa, Chairwoman of the Provincial People's "
            "Committee, attended the meeting.")
    (title,) = _people(text)["Phung Thi Hoa"].titles
    assert title.title == "Chairwoman of the Provincial People's Committee" and title.place == "Lao Cai"


def test_provincial_title_falls_back_to_the_main_province():
    text = ("Farmers in Tay Ninh province harvested rice. Tay Ninh exports grew.\n"
            "Vice Chairman of the Provincial People's Committee Duong Quoc Bao visited a farm.")
    (title,) = _people(text)["Duong Quoc Bao"].titles
    assert title.place == "Tay Ninh"


def test_place_written_inside_the_title():
    text = "Secretary of the Yen Bai Provincial Party Committee Ha Van Loc opened the fair."
    (title,) = _people(text)["Ha Van Loc"].titles
    assert title.title == "Secretary of the Provincial Party Committee" and title.place == "Yen Bai"


def test_roles_participant_chair_and_mentioned():
    text = ("Minister Luu Van Kha attended and directed the meeting. "
            "According to Deputy Minister Tong Thi Mai, exports grew.")
    people = _people(text)
    assert people["Luu Van Kha"].role == "participant" and people["Luu Van Kha"].chair
    assert people["Tong Thi Mai"].role == "mentioned" and not people["Tong Thi Mai"].chair


def test_commemorated_figure_is_dropped():
    text = ("The city prepared for the 90th anniversary of President Quach Van Tho's birthday. "
            "Students studied Quach Van Tho's thought. Mayor Kim Van Lanh spoke at the ceremony.")
    assert set(_people(text)) == {"Kim Van Lanh"}


def test_credits_are_authors_never_participants():
    people = _people("Deputy Minister Dinh Huu Phuc spoke at the forum.",
                     credits=[Credit("Thu Trang", "author", "Thu Trang"),
                              Credit("Nguyễn Hải", "photo", "Photo: Nguyễn Hải")])
    assert people["Thu Trang"].role == "author" and people["Thu Trang"].span is None
    assert people["Nguyen Hai"].role == "author" and people["Nguyen Hai"].text == "Nguyễn Hải"
    assert people["Dinh Huu Phuc"].role == "participant"


def test_photo_credit_left_in_text_is_an_author():
    people = _people("Minister Phan Van Dat spoke at the fair - Photo: VNA/Nguyen Van Tien")
    assert people["Nguyen Van Tien"].role == "author"
    assert people["Phan Van Dat"].role == "participant"


def test_caption_people_have_no_span():
    people = _people("The fair opened in Hanoi.",
                     captions=["Deputy Prime Minister Hoang Minh Duc speaks at the fair."])
    p = people["Hoang Minh Duc"]
    assert p.span is None and p.role == "participant" and _titles(p) == ["Deputy Prime Minister"]


def test_titles_merged_into_one_person_per_document():
    text = ("Minister of Finance Ngo Van Tuan spoke. Ngo Van Tuan, member of the Party Central Committee, "
            "left early.")
    people = _people(text)
    assert list(people) == ["Ngo Van Tuan"]
    assert _titles(people["Ngo Van Tuan"]) == ["Minister of Finance", "Member of the Party Central Committee"]


def test_apposition_followed_by_and_another_person():
    text = "Bui Van Long, Minister of Health, and Lam Thi Nga, Minister of Justice, attended."
    people = _people(text)
    assert _titles(people["Bui Van Long"]) == ["Minister of Health"]
    assert _titles(people["Lam Thi Nga"]) == ["Minister of Justice"]


def test_surname_spelt_like_a_function_word_after_a_title():
    people = _people("To the surprise of many, General Secretary To Van Khai greeted the crowd.")
    assert list(people) == ["To Van Khai"] and _titles(people["To Van Khai"]) == ["General Secretary"]


def test_place_written_with_its_noun_is_not_a_person():
    assert _people("Tourists crowded Vu Hoa island and Tran Binh street.") == {}
    assert _people("Des touristes visitent l'île de Vu Hoa et la rue Tran Binh.", "fr") == {}


def test_given_name_spelt_like_a_function_word():
    assert "Dao Van An" in _people("Deputy Minister Dao Van An attended the talks.")


def test_a_capitalised_le_inside_a_french_sentence_is_a_surname():
    doc = _doc("Y assistaient le ministre des Finances et la vice-présidente, Le Thi Hong Van, "
                   "ainsi que des délégués. Le Comité a salué ces résultats.", "fr")
    names = [p.name for p in find_people(doc, find_places(doc.text, "fr"))]
    assert "Le Thi Hong Van" in names
    assert not any(n.startswith("Thi") or n.startswith("Hong") for n in names)


# --- Vietnamese ----------------------------------------------------------------------------------------------

def test_vietnamese_comma_chained_titles_before_a_name():
    people = _people("Cùng dự có Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao Quách Minh Toàn và đại diện các bộ.", "vi")
    p = people["Quach Minh Toan"]
    assert _titles(p) == ["Deputy Prime Minister", "Minister of Foreign Affairs"]
    assert p.text == "Quách Minh Toàn" and p.role == "participant"


def test_vietnamese_prime_minister_chairs_and_short_references_resolve():
    text = ("Sáng nay, Thủ tướng Chính phủ Lại Văn Thịnh chủ trì phiên họp. "
            "Phát biểu kết luận, Thủ tướng Thịnh đề nghị các bộ khẩn trương hành động. "
            "Theo ông Thịnh, năm tới còn nhiều thách thức.")
    people = _people(text, "vi")
    assert list(people) == ["Lai Van Thinh"]
    p = people["Lai Van Thinh"]
    assert _titles(p) == ["Prime Minister"] and p.chair and p.role == "participant"
    assert p.span.cut(text) == "Lại Văn Thịnh"


def test_vietnamese_given_names_alone_join_the_full_name():
    text = "Bộ trưởng Bộ Y tế Đàm Thị Ngọc Lan thăm bệnh viện. Bà Ngọc Lan cho biết ngành sẽ tăng ca trực."
    assert list(_people(text, "vi")) == ["Dam Thi Ngoc Lan"]


def test_vietnamese_ministries_compose_from_their_fields():
    text = ("Thứ trưởng Bộ Kế hoạch và Đầu tư Lục Văn Khang; Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch "
            "Ninh Thị Hảo; Bộ trưởng Bộ Công Thương Tăng Quốc Việt; Giám đốc Sở Tài chính Khổng Minh Trí.")
    people = _people(text, "vi")
    assert _titles(people["Luc Van Khang"]) == ["Deputy Minister of Planning and Investment"]
    assert _titles(people["Ninh Thi Hao"]) == ["Minister of Culture, Sports and Tourism"]
    assert _titles(people["Tang Quoc Viet"]) == ["Minister of Industry and Trade"]
    assert _titles(people["Khong Minh Tri"]) == ["Director of the Department of Finance"]


def test_vietnamese_party_offices():
    text = ("Đồng chí Thân Văn Lộc, Bí thư Trung ương Đảng, Trưởng Ban Đối ngoại Trung ương; đồng chí "
            "Khúc Thị Duyên, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Quảng Trị; Tổng Bí thư Mạc Văn Đông.")
    people = _people(text, "vi")
    assert _titles(people["Than Van Loc"]) == [
        "Secretary of the Party Central Committee",
        "Head of the Party Central Committee's External Relations Commission"]
    duyen = people["Khuc Thi Duyen"]
    assert _titles(duyen) == ["Member of the Party Central Committee", "Secretary of the Provincial Party Committee"]
    assert duyen.titles[1].place == "Quang Tri"
    assert _titles(people["Mac Van Dong"]) == ["General Secretary"]


def test_vietnamese_state_offices_and_an_unseen_one():
    text = ("Chủ tịch nước Lò Văn Sáng tiếp Chủ tịch Quốc hội Tạ Minh Châu. "
            "Bộ trưởng Bộ Di sản Đồng Văn Tịnh cũng có mặt.")
    people = _people(text, "vi")
    assert _titles(people["Lo Van Sang"]) == ["President"]
    assert _titles(people["Ta Minh Chau"]) == ["Chairman of the National Assembly"]
    assert _titles(people["Dong Van Tinh"]) == ["Minister of Di san"]


def test_vietnamese_ambassador_and_ranks():
    text = ("Đại sứ Việt Nam tại Hàn Quốc Kiều Văn Hậu và Thượng tướng Nghiêm Đức Tài, Thứ trưởng Bộ Quốc "
            "phòng, đã dự buổi tiếp; Đại tá Lã Văn Bình phát biểu.")
    people = _people(text, "vi")
    assert _titles(people["Kieu Van Hau"]) == ["Ambassador of Vietnam to South Korea"]
    assert _titles(people["Nghiem Duc Tai"]) == ["Senior Lieutenant General", "Deputy Minister of National Defense"]
    assert _titles(people["La Van Binh"]) == ["Senior Colonel"]


def test_vietnamese_provincial_titles_take_the_bridge_point_province():
    text = ("Tại điểm cầu tỉnh Lạng Sơn, đồng chí Phí Văn Hòa - Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch "
            "Thường trực UBND tỉnh chủ trì. Chủ tịch UBND tỉnh Yên Bái Lữ Thị Gấm cũng phát biểu.")
    people = _people(text, "vi")
    hoa = people["Phi Van Hoa"]
    assert _titles(hoa) == ["Member of the Standing Board of the Provincial Party Committee",
                            "Standing Vice Chairman of the Provincial People's Committee"]
    assert {t.place for t in hoa.titles} == {"Lang Son"} and hoa.chair
    (gam,) = people["Lu Thi Gam"].titles
    assert gam.title == "Chairman of the Provincial People's Committee" and gam.place == "Yen Bai"


def test_vietnamese_roles_and_words_that_only_look_like_cues():
    text = ("Phó Chủ tịch UBND tỉnh Tôn Thất Vũ tham dự hội nghị. "
            "Theo Giám đốc Sở Xây dựng Hầu Văn Tú, dự án sẽ khởi công năm sau.")
    people = _people(text, "vi")
    assert people["Ton That Vu"].role == "participant" and not people["Ton That Vu"].chair
    assert people["Hau Van Tu"].role == "mentioned"


def test_vietnamese_commemorated_figures_and_the_city_are_not_people():
    text = ("Nhân kỷ niệm 100 năm Ngày sinh Chủ tịch Đặng Hữu Khiêm, tỉnh tổ chức lễ dâng hương. Học sinh "
            "trường Chu Văn An tới Thành phố Hồ Chí Minh học tập tư tưởng Hồ Chí Minh. "
            "Bí thư Tỉnh ủy Giàng Seo Phử dự lễ.")
    assert set(_people(text, "vi")) == {"Giang Seo Phu"}


def test_vietnamese_surname_and_one_syllable_needs_a_title_or_courtesy_word():
    text = ("Châu Âu và Bồ Đào Nha tăng nhập khẩu; bệnh viện Bạch Mai mở rộng. "
            "Tổng Bí thư Tô Hùng gặp bà Lò Mai tại Hà Nội.")
    assert set(_people(text, "vi")) == {"To Hung", "Lo Mai"}


def test_vietnamese_places_after_titles_are_not_foreign_names():
    text = "Ông Ngô Văn Phát, Phó Chủ tịch UBND thành phố Sông Cầu cho biết như vậy."
    people = _people(text, "vi")
    assert list(people) == ["Ngo Van Phat"]
    assert _titles(people["Ngo Van Phat"]) == ["Vice Chairman of the City People's Committee"]


def test_vietnamese_credits_in_text_and_bylines_are_authors():
    people = _people("Bộ trưởng Bộ Tư pháp Đinh Văn Nhã phát biểu - Ảnh: TTXVN/Hà Phương Linh",
                     "vi", credits=[Credit("Thu Hằng", "author", "Thu Hằng")])
    assert people["Ha Phuong Linh"].role == "author"
    assert people["Thu Hang"].role == "author"
    assert people["Dinh Van Nha"].role == "participant"
    assert _titles(people["Dinh Van Nha"]) == ["Minister of Justice"]


def test_vietnamese_name_without_diacritics_is_the_same_person():
    text = "Thủ tướng Phùng Văn Khải phát biểu. Thu tuong Phung Van Khai sau đó rời hội trường."
    people = _people(text, "vi")
    assert list(people) == ["Phung Van Khai"] and people["Phung Van Khai"].text == "Phùng Văn Khải"


def test_vietnamese_country_and_acronym_qualifiers_before_a_foreign_name():
    text = ("Thủ tướng Anh Peter Holloway gặp Chủ tịch FIFO Marta Lindqvist; Tổng thống Mỹ Ray Calder "
            "cũng phát biểu.")
    people = _people(text, "vi")
    assert set(people) == {"Peter Holloway", "Marta Lindqvist", "Ray Calder"}
    assert _titles(people["Ray Calder"]) == ["President of United States"]


def test_vietnamese_common_word_spelt_like_a_surname_without_its_diacritics():
    assert _people("Đội Than Quảng Ninh thắng trận thứ ba liên tiếp.", "vi") == {}


def test_feminine_french_titles_map_to_the_same_offices():
    people = _people("La vice-Première ministre et ministre de l'Industrie et du Commerce, Le Thi Hong Van, "
                     "a présenté le rapport.", "fr")
    assert _titles(people["Le Thi Hong Van"]) == ["Deputy Prime Minister", "Minister of Industry and Trade"]


def test_a_titled_given_name_alone_is_kept_for_the_linker_but_a_titled_company_is_not():
    people = _people("Hanoi (VNA) - PM Vinh on May 4 chaired a meeting with Chairman Seabank and the press.")
    assert list(people) == ["Vinh"]
    assert _titles(people["Vinh"]) == ["Prime Minister"]
