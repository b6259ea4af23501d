"""Event setting, on fictional reports written for these tests."""
from __future__ import annotations

import re

from attache.extract.dates import find_dates
from attache.extract.setting import describe_setting
from attache.model import CleanDocument, PlaceMention, Span, Timing


def make_doc(text: str, language: str = "en", captions: list[str] | None = None) -> CleanDocument:
    paragraphs, pos = [], 0
    for line in text.split("\n"):
        paragraphs.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+(?:[.!?]+|$)", text, re.MULTILINE)]
    return CleanDocument(id="t", source="t", text=text, language=language, paragraphs=paragraphs,
                         sentences=sentences, captions=captions or [])


def place(text: str, written: str, name: str, kind: str = "province", nth: int = 0) -> PlaceMention:
    start = [m.start() for m in re.finditer(re.escape(written), text)][nth]
    return PlaceMention(Span(start, start + len(written)), written, name, kind)  # type: ignore[arg-type]


def setting(doc: CleanDocument, places: list[PlaceMention]):
    return describe_setting(doc, places, find_dates(doc)[2])


def test_conference_title_place_and_bridges() -> None:
    text = ("Harbour news\n"
            "On the morning of March 3, in Da Nang, the Minister of Transport chaired the conference to "
            "review the work of the shipping sector in 2030 and the key tasks in 2031.\n"
            "Attending at the Ca Mau bridge point were leaders of the provincial transport department.\n"
            "At the Kien Giang province bridge, the vice chairman spoke about the new ferry.")
    places = [place(text, "Da Nang", "Da Nang", "city"), place(text, "Ca Mau", "Ca Mau"),
              place(text, "Kien Giang", "Kien Giang")]
    s = setting(make_doc(text), places)
    assert (s.type, s.plover) == ("conference", "CONSULT")
    assert s.title == ("Conference to review the work of the shipping sector in 2030 and the key tasks in 2031")
    assert s.place == "Da Nang"
    assert s.bridge_points == ["Ca Mau", "Kien Giang"]


def test_named_conference_title_stops_at_its_theme() -> None:
    text = ("On the afternoon of May 9, in Hue, the ministry organized the 12th Heritage Conference with the theme "
            "\"Old towns, new life\".")
    s = setting(make_doc(text), [place(text, "Hue", "Hue", "city")])
    assert s.title == "12th Heritage Conference"
    assert s.place == "Hue"


def test_bare_noun_gives_no_title() -> None:
    text = "The vice chairman chaired the meeting at the Lao Cai bridge point."
    s = setting(make_doc(text), [])
    assert (s.type, s.title) == ("meeting", None)
    assert s.bridge_points == ["Lao Cai"]


def test_bridge_points_without_place_mentions() -> None:
    text = ("On June 2, the ministry held an online conference on rice exports.\n"
            "Attending at the Soc Trang Province side were the director and his deputies.\n"
            "The Vinh Long bridge point gathered forty farmers.")
    s = setting(make_doc(text), [])
    assert s.bridge_points == ["Soc Trang", "Vinh Long"]
    assert s.title == "Online conference on rice exports"
    assert s.place is None


def test_weak_bridge_words_need_a_province() -> None:
    text = ("On June 2, the ministry held a conference.\n"
            "On the Korean side, the ambassador spoke.\n"
            "At the Tay Ninh side, the chairman spoke.")
    assert setting(make_doc(text), []).bridge_points == []
    known = [place(text, "Tay Ninh", "Tay Ninh")]
    assert setting(make_doc(text), known).bridge_points == ["Tay Ninh"]


def test_bridge_point_is_not_the_place() -> None:
    text = "On July 7, leaders in Thai Binh joined the forum at the Thai Binh bridge point."
    places = [place(text, "Thai Binh", "Thai Binh"), place(text, "Thai Binh", "Thai Binh", nth=1)]
    s = setting(make_doc(text), places)
    assert s.type == "forum"
    assert s.bridge_points == ["Thai Binh"]
    assert s.place == "Thai Binh"  # "in Thai Binh" is a place, the bridge point itself is not


def test_bridge_points_in_captions() -> None:
    doc = make_doc("On June 2, the ministry held a conference on fisheries.",
                   captions=["Delegates at the Ben Tre bridge point. Photo: Minh Thu"])
    assert setting(doc, []).bridge_points == ["Ben Tre"]


def test_signing_and_visit() -> None:
    text = "On August 14, in Hanoi, the two ministers attended the signing ceremony of a memorandum on tourism."
    s = setting(make_doc(text), [place(text, "Hanoi", "Hanoi", "city")])
    assert (s.type, s.plover) == ("signing", "AGREE")
    assert s.title == "Signing ceremony of a memorandum on tourism"
    text = "On August 15, the president began a state visit to the capital of a friendly country."
    s = setting(make_doc(text), [])
    assert (s.type, s.plover, s.title) == ("visit", "CONSULT", "State visit to the capital of a friendly country")


def test_event_sentence_is_the_dated_one() -> None:
    text = ("Exporters welcomed a forum held last spring.\n"
            "On September 1, 2031, in Can Tho, the province held a meeting with investors from abroad.")
    places = [place(text, "Can Tho", "Can Tho", "city")]
    s = setting(make_doc(text), places)
    assert s.type == "meeting"
    assert s.title == "Meeting with investors from abroad"
    assert s.place == "Can Tho"


def test_french() -> None:
    text = ("Ce matin, 4 mars, le ministère de l'Agriculture a organisé une conférence en ligne pour examiner "
            "le travail de la filière en 2030 et fixer les tâches pour 2031.\n"
            "Le vice-président du comité populaire a assisté à la conférence au pont de Ha Giang.\n"
            "Des responsables ont suivi la séance au pont de la province de Lai Chau.")
    places = [place(text, "Ha Giang", "Ha Giang"), place(text, "Lai Chau", "Lai Chau")]
    s = setting(make_doc(text, "fr"), places)
    assert (s.type, s.plover) == ("conference", "CONSULT")
    assert s.title == ("Conférence en ligne pour examiner le travail de la filière en 2030 et fixer les tâches "
                       "pour 2031")
    assert s.bridge_points == ["Ha Giang", "Lai Chau"]
    assert s.place is None


def test_french_place_and_named_event() -> None:
    text = "Le 9 mai, à Hué, le ministère a organisé la 5e Conférence du patrimoine, présidée par le ministre."
    s = setting(make_doc(text, "fr"), [place(text, "Hué", "Hue", "city")])
    assert s.title == "5e Conférence du patrimoine"
    assert s.place == "Hue"


def test_no_trigger() -> None:
    s = describe_setting(make_doc("The rice harvest was good this year."), [], Timing())
    assert (s.type, s.plover, s.title, s.place, s.bridge_points) == (None, None, None, None, [])


# --- Vietnamese ---

def test_vietnamese_conference_title_place_and_bridges() -> None:
    text = ("Sáng 3/3, tại Hà Nội, Bộ trưởng Bộ Nông nghiệp chủ trì Hội nghị tổng kết công tác năm 2030 và "
            "triển khai nhiệm vụ năm 2031 của ngành Nông nghiệp. Hội nghị được kết nối trực tuyến tới các tỉnh.\n"
            "Tại điểm cầu tỉnh Cà Mau, Phó Chủ tịch tỉnh cùng dự.\n"
            "Tại điểm cầu Kiên Giang có lãnh đạo các sở. Điểm cầu Trung ương đặt tại trụ sở Bộ.")
    places = [place(text, "Hà Nội", "Hanoi", "city"), place(text, "Cà Mau", "Ca Mau"),
              place(text, "Kiên Giang", "Kien Giang")]
    s = setting(make_doc(text, "vi"), places)
    assert (s.type, s.plover) == ("conference", "CONSULT")
    assert s.title == ("Hội nghị tổng kết công tác năm 2030 và triển khai nhiệm vụ năm 2031 của ngành Nông nghiệp")
    assert s.place == "Hanoi"
    assert s.bridge_points == ["Ca Mau", "Kien Giang"]


def test_vietnamese_bridge_point_words_without_place_mentions() -> None:
    text = ("Chiều 5/5, hội nghị trực tuyến diễn ra tại nhiều điểm cầu.\n"
            "Ở điểm cầu thành phố Cần Thơ có 40 đại biểu; điểm cầu Sóc Trăng chưa có tên trong danh sách.")
    s = setting(make_doc(text, "vi"), [])
    assert s.bridge_points == ["Can Tho"]  # "điểm cầu X" alone needs X to be a known province


def test_vietnamese_host_bridge_point_is_the_venue() -> None:
    text = "Chiều 5/5, tại Huế, Sở Y tế tổ chức hội nghị trực tuyến về tiêm chủng."
    places = [place(text, "Huế", "Hue", "city")]
    s = setting(make_doc(text, "vi", captions=["Toàn cảnh hội nghị tại điểm cầu Huế"]), places)
    assert (s.place, s.bridge_points) == ("Hue", [])


def test_vietnamese_event_types() -> None:
    cases = {
        "Ngày 7/7, hai Bộ trưởng đã hội đàm tại Viêng Chăn.": ("talks", "CONSULT"),
        "Ngày 7/7, hai tập đoàn đã tổ chức lễ ký kết thỏa thuận hợp tác.": ("signing", "AGREE"),
        "Ngày 7/7, Chủ tịch nước bắt đầu chuyến thăm cấp nhà nước tới Lào.": ("visit", "CONSULT"),
        "Ngày 7/7, Viện Sử học tổ chức hội thảo khoa học về thương cảng cổ.": ("seminar", "CONSULT"),
        "Ngày 7/7, Chính phủ họp phiên họp thường kỳ tháng 6.": ("session", "CONSULT"),
        "Ngày 7/7, Diễn đàn Hợp tác Mê Kông lần thứ 3 khai mạc.": ("forum", "CONSULT"),
    }
    for text, expected in cases.items():
        s = setting(make_doc(text, "vi"), [])
        assert (s.type, s.plover) == expected, text


def test_vietnamese_title_ends_before_the_date_and_the_verb() -> None:
    text = "Hội thảo khoa học về nghề gốm cổ sáng 12/4 thu hút nhiều nhà nghiên cứu."
    assert setting(make_doc(text, "vi"), []).title == "Hội thảo khoa học về nghề gốm cổ"
    text = "Ngày 30/4, tỉnh tổ chức Lễ kỷ niệm 50 năm Ngày Thống nhất non sông tại quảng trường."
    assert setting(make_doc(text, "vi"), []).title == "Lễ kỷ niệm 50 năm Ngày Thống nhất non sông"


def test_vietnamese_venue_name_is_not_the_event() -> None:
    text = "Ngày 2/6, tại Trung tâm Hội nghị Quốc gia, hơn 300 doanh nghiệp tham gia hội chợ."
    s = setting(make_doc(text, "vi"), [])
    assert (s.type, s.title) == (None, None)
