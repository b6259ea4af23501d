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
