"""Cleaning: clutter out, report kept, captions and credits apart, spans, sentences, language."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from attache.clean import clean_document
from attache.clean.plain import clean_text
from attache.clean.sentences import split_sentences
from attache.model import CleanDocument, RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "clean"


def clean(content: str, media: str = "text", **kw) -> CleanDocument:
    return clean_document(RawDocument(id="t", source="t", content=content, media=media, **kw))


def fixture(name: str) -> CleanDocument:
    return clean((FIXTURES / name).read_text(encoding="utf-8"))


def sentences(paragraph: str) -> list[str]:
    return [paragraph[s:e] for s, e in split_sentences(paragraph)]


def assert_spans_consistent(doc: CleanDocument) -> None:
    assert doc.text == "\n".join(doc.text[p.start:p.end] for p in doc.paragraphs)
    for s in doc.sentences:
        quote = doc.text[s.start:s.end]
        assert quote and quote == quote.strip() and "\n" not in quote
        assert any(p.start <= s.start and s.end <= p.end for p in doc.paragraphs)


# --- clutter ---

def test_clutter_lines_are_dropped_and_the_report_kept():
    doc = fixture("en_page.txt")
    lines = doc.text.splitlines()
    assert lines[0].startswith("On the morning of March 13, in Port Aldine")
    assert lines[-1].endswith("Fares will stay the same.")
    assert len(lines) == 3
    for clutter in ("Harbourview", "Home", "World", ";", "A- A A+", "Total notes", "Ranking", "Click on stars",
                    "Comment (0)", "No data", "Related news", "Lighthouse keepers", "Winter storms", "https://"):
        assert clutter not in doc.text, clutter


def test_headline_dateline_and_source_line_become_metadata():
    doc = fixture("en_page.txt")
    assert doc.title == "Coastal provinces agree on a shared ferry timetable"
    assert doc.published == "2023-03-14"  # day first: 14/03/2023
    assert doc.url == "https://harbourview.example/ferry-timetable-2023"
    assert "Tuesday" not in doc.text and doc.title not in doc.text


def test_metadata_given_by_the_source_wins():
    doc = clean((FIXTURES / "en_page.txt").read_text(encoding="utf-8"), published="2023-03-15",
                url="https://given.example/x")
    assert doc.published == "2023-03-15" and doc.url == "https://given.example/x"


def test_headlines_listed_after_the_comment_counter_are_dropped_even_as_sentences():
    body = "The river authority opened two new locks on the canal this spring, ahead of the plan."
    doc = clean(f"{body}\nReader Comments\nA baker in the hills wins a national prize.\nOlder articles\n")
    assert doc.text == body


def test_menu_runs_and_lone_punctuation_go_but_a_single_heading_stays():
    page = ("News\n|\nSport\n|\nWeather\n"
            "The harbour council approved the budget for the new pier on Friday evening.\n"
            "A busy season ahead\n"
            "Work on the pier will start in June and should last about eight months.\n")
    doc = clean(page)
    assert doc.text.splitlines() == [
        "The harbour council approved the budget for the new pier on Friday evening.",
        "A busy season ahead",
        "Work on the pier will start in June and should last about eight months."]


@pytest.mark.parametrize("widget", [
    "Click here to remain logged. Timeout: 60 second", "No videos available", "Hot news Hot news",
    "Same tag", "Newer articles", "A- A A+ | Larger text", "Aucune donnée", "Imprimer",
    "Oldtown.example - News you can trust"])
def test_widgets_are_dropped(widget):
    body = "The mayor of Oldtown opened the new library on the main square on Saturday morning."
    assert clean(f"{widget}\n{body}\n{widget}\n").text == body


def test_whitespace_is_normalised():
    doc = clean("\u00a0\u00a0  The   committee\u00a0met   twice\tthis week to review the plan.  \n\n\n"
                "   It will meet again in May.\n")
    assert doc.text == "The committee met twice this week to review the plan.\nIt will meet again in May."


# --- captions and credits ---

def test_captions_and_photo_credits_are_kept_apart():
    doc = fixture("en_page.txt")
    assert doc.captions == ["Governor Mara Vessel speaks at the meeting", "Overview of the meeting hall."]
    photo = {c.name for c in doc.credits if c.kind == "photo"}
    assert photo == {"Jane Marlow", "Tom Reed"}  # the agency before the slash is not a person
    assert "Photo" not in doc.text and "Picture" not in doc.text


def test_repeated_image_alt_text_is_dropped_and_a_distinct_one_kept():
    page = ("The new bridge opened to traffic on Monday after three years of work on the river.\n"
            "Bridge opening ceremony - Photo 1.\nBridge opening ceremony - Photo 2.\n"
            "Crowds on the east bank - Photo 3.\n"
            "About two thousand people walked across it in the first hour of the day.\n")
    doc = clean(page)
    assert doc.captions == ["Crowds on the east bank"]
    assert len(doc.text.splitlines()) == 2


def test_bylines_become_author_credits():
    doc = fixture("en_page.txt")
    assert [(c.name, c.kind) for c in doc.credits if c.kind == "author"] == [("Lena Ortiz", "author")]
    assert "Lena Ortiz" not in doc.text


@pytest.mark.parametrize("byline, names", [
    ("By Peter Quell", ["Peter Quell"]),
    ("Par Jeanne Morel et Paul Roux", ["Jeanne Morel", "Paul Roux"]),
    ("Auteur : Anne-Lise Carrel", ["Anne-Lise Carrel"]),
    ("Author: KTV", ["KTV"]),
])
def test_byline_forms(byline, names):
    body = "The regional museum reopened its east wing to visitors after a long renovation."
    doc = clean(f"{body}\n{byline}\n")
    assert doc.text == body
    assert [c.name for c in doc.credits if c.kind == "author"] == names


def test_a_sentence_starting_with_by_is_not_a_byline():
    doc = clean("By 2030, the port plans to double its container traffic.\nThe plan was approved.\n")
    assert doc.credits == [] and doc.text.startswith("By 2030")


def test_french_page_lone_name_before_source_is_the_author():
    doc = fixture("fr_page.txt")
    assert [(c.name, c.kind) for c in doc.credits] == [("Coraline Vasseur", "author")]
    assert doc.captions == ["Les élus de la vallée ont assisté à la séance au point de connexion de Ferrac"]
    assert doc.url == "https://valmont.example/plan-ecoles"
    assert doc.language == "fr"
    assert "Coraline" not in doc.text and "Commentaire" not in doc.text and "Photo" not in doc.text


def test_outlet_glued_to_a_date_is_a_dateline():
    doc = clean("Lakeside DailyLakeside Daily02/11/2024\n"
                "The lakeside towns signed a water agreement on Friday after months of talks.\n")
    assert doc.published == "2024-11-02"
    assert doc.text.startswith("The lakeside towns")


def test_textual_dateline():
    doc = clean("Published: January 9, 2024 10:30\nThe lakeside towns signed a water agreement on Friday.\n")
    assert doc.published == "2024-01-09" and "Published" not in doc.text


# --- HTML ---

HTML = """<!doctype html><html><head><title>Orchard growers expect a record apple harvest</title>
<meta name="author" content="Marta Kowal"><meta property="article:published_time" content="2022-09-05T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/farm">Farming</a> <a href="/weather">Weather</a></nav>
<article><h1>Orchard growers expect a record apple harvest</h1>
<p>Growers in the Elmsbridge valley expect to pick about 40,000 tonnes of apples this autumn, a record for the region.</p>
<p>The growers' association said a mild spring and a wet summer had helped the trees, and that more pickers were needed.</p>
<p>Prices at the farm gate are expected to fall slightly because of the large supply, the association added.</p>
</article><footer>Copyright Elmsbridge Farming News. All rights reserved.</footer></body></html>"""


def test_html_main_text_and_metadata():
    doc = clean(HTML, media="html")
    assert doc.text.splitlines()[0].startswith("Growers in the Elmsbridge valley")
    assert "Copyright" not in doc.text and "Farming Weather" not in doc.text
    assert doc.title == "Orchard growers expect a record apple harvest"
    assert doc.published == "2022-09-05"
    assert ("Marta Kowal", "author") in [(c.name, c.kind) for c in doc.credits]
    assert doc.language == "en"
    assert_spans_consistent(doc)


@pytest.mark.parametrize("content", ["", "<html><body></body></html>", "<<<<>>>>", "\x00\x01garbage", "   \n  "])
def test_bad_content_never_raises(content):
    for media in ("html", "text"):
        doc = clean(content, media=media)
        assert doc.text == "" or isinstance(doc.text, str)
        if not doc.text:
            assert doc.language == "und" and doc.warnings


# --- language ---

@pytest.mark.parametrize("paragraph, code", [
    ("The fishermen of the bay met the minister to discuss new quotas for the coming season.", "en"),
    ("Les pêcheurs de la baie ont rencontré la ministre pour discuter des quotas de la saison prochaine.", "fr"),
    ("Ngư dân trong vịnh đã gặp bộ trưởng để thảo luận về hạn ngạch đánh bắt cho mùa tới.", "vi"),
])
def test_language(paragraph, code):
    assert clean(paragraph).language == code


def test_empty_text_has_undetermined_language():
    assert clean("").language == "und"


# --- sentences and spans ---

@pytest.mark.parametrize("paragraph, expected", [
    ("Mr. Hale arrived. He spoke first.", ["Mr. Hale arrived.", "He spoke first."]),
    ("Growth reached 7.2 percent. Exports rose.", ["Growth reached 7.2 percent.", "Exports rose."]),
    ("Decree No. 15 was signed. It takes effect now.", ["Decree No. 15 was signed.", "It takes effect now."]),
    ("Talks with the U.S. team went well, e.g. on tariffs.", ["Talks with the U.S. team went well, e.g. on tariffs."]),
    ("He said wait... then left.", ["He said wait... then left."]),
    ("Is it ready? Yes! Go.", ["Is it ready?", "Yes!", "Go."]),
    ("M. Dumas est arrivé. Il a parlé.", ["M. Dumas est arrivé.", "Il a parlé."]),
    ("Vraiment ? Oui ! La taxe passe à 1,75 %.", ["Vraiment ?", "Oui !", "La taxe passe à 1,75 %."]),
    ("« C'est fini. » Puis il sortit.", ["« C'est fini. »", "Puis il sortit."]),
    ('He said: "We are done." Then he left.', ['He said: "We are done."', "Then he left."]),
    ("Hội nghị kết thúc tốt đẹp./. Tin mới", ["Hội nghị kết thúc tốt đẹp./.", "Tin mới"]),
    ("Mme. Brac et St. Clair ont signé.", ["Mme. Brac et St. Clair ont signé."]),
])
def test_sentence_splitting(paragraph, expected):
    assert sentences(paragraph) == expected


def test_sentences_never_cross_paragraphs_and_spans_cut_the_text():
    for name in ("en_page.txt", "fr_page.txt"):
        doc = fixture(name)
        assert doc.sentences
        assert_spans_consistent(doc)


# --- Vietnamese pages ---

VI_PAGE = """Trang chủ | Thời sự | Kinh tế | Văn hóa | Du lịch | Thể thao
Cỡ chữ
In bài
Làng gốm ven sông đón đoàn khách quốc tế đầu tiên

Thứ Ba, 14/04/2026 08:05

(BĐS) - Chiều 13/4, làng gốm ven sông đã đón đoàn khách từ 12 quốc gia đến tham quan và học làm gốm.

Du khách học nặn bình gốm - Ảnh: TTXVN/Lan Chi

Nhiều du khách cho biết đây là trải nghiệm thú vị nhất trong chuyến đi của họ. Đọc tiếp

Nghệ nhân hướng dẫn khách tô men (Ảnh: Quốc Tuấn)

Hợp tác xã dự kiến mở thêm hai lớp học vào mùa hè năm nay.

Thu Hà (TTXVN)

Chia sẻ: Facebook | Zalo | Sao chép liên kết
Đánh giá bài viết: ★★★★★
Bình luận (0)

Tin cùng chuyên mục
Chợ hoa xuân mở cửa sớm
"""


def test_vietnamese_clutter_captions_credits_and_dateline():
    doc = clean(VI_PAGE)
    assert doc.text.splitlines() == [
        "Chiều 13/4, làng gốm ven sông đã đón đoàn khách từ 12 quốc gia đến tham quan và học làm gốm.",
        "Nhiều du khách cho biết đây là trải nghiệm thú vị nhất trong chuyến đi của họ.",
        "Hợp tác xã dự kiến mở thêm hai lớp học vào mùa hè năm nay."]
    assert doc.title == "Làng gốm ven sông đón đoàn khách quốc tế đầu tiên"
    assert doc.published == "2026-04-14"
    assert doc.language == "vi"
    assert doc.captions == ["Du khách học nặn bình gốm", "Nghệ nhân hướng dẫn khách tô men"]
    assert [(c.name, c.kind) for c in doc.credits] == [
        ("Lan Chi", "photo"), ("Quốc Tuấn", "photo"), ("Thu Hà", "author")]
    assert_spans_consistent(doc)


@pytest.mark.parametrize("line", ["PV", "Nhóm PV", "Chia sẻ", "Cỡ chữ", "Đọc tiếp"])
def test_vietnamese_widgets_and_anonymous_bylines_credit_no_one(line):
    body = "Hợp tác xã gốm ven sông vừa mở thêm hai lớp học nặn gốm cho khách du lịch."
    doc = clean(f"{line}\n{body}\n{line}\n")
    assert doc.text == body and doc.credits == []


@pytest.mark.parametrize("line", ["Theo TTXVN", "Theo Báo Đồng Nai", "Tin liên quan", "Bình luận (3)"])
def test_vietnamese_source_line_or_related_news_ends_the_report(line):
    body = "Hợp tác xã gốm ven sông vừa mở thêm hai lớp học nặn gốm cho khách du lịch."
    doc = clean(f"{body}\n{line}\nGốm sứ Việt lên kệ siêu thị châu Âu trong năm nay\n")
    assert doc.text == body and doc.credits == []


def test_a_sentence_opening_with_theo_stays():
    text = "Theo Ban tổ chức, lễ hội kéo dài năm ngày.\nLễ hội có 40 gian hàng của các làng nghề."
    assert clean(text).text == text


@pytest.mark.parametrize("dateline, published", [
    ("08/01/2026 - 11:20", "2026-01-08"),
    ("Cập nhật: 08/01/2026 11:25", "2026-01-08"),
    ("Thứ Năm, 08/01/2026 11:20 (GMT+7)", "2026-01-08"),
    ("11:20, Thứ Năm, 08/01/2026", "2026-01-08"),
])
def test_vietnamese_datelines(dateline, published):
    body = "Hợp tác xã gốm ven sông vừa mở thêm hai lớp học nặn gốm cho khách du lịch."
    doc = clean(f"{dateline}\n{body}\n")
    assert (doc.text, doc.published) == (body, published)


def test_decomposed_accents_are_composed():
    composed = "Hợp tác xã gốm ven sông vừa mở thêm hai lớp học nặn gốm cho khách du lịch."
    assert clean(unicodedata.normalize("NFD", composed)).text == composed


def test_share_bars_and_reaction_counters_go_and_the_byline_above_them_is_an_author():
    page = ("Le port de Hai Phong accueille un nouveau terminal\n"
            "Le nouveau terminal a été inauguré ce matin en présence des autorités de la ville.\n"
            "Les opérateurs prévoient d'y traiter des conteneurs dès le mois prochain.\n"
            "Minh Khoa/CVN\n"
            "Partager : Facebook | X | Courriel\n"
            "Réagir (0)\n")
    doc = clean_document(RawDocument(id="p.txt", source="p.txt", content=page, media="text"))
    assert "Partager" not in doc.text and "Réagir" not in doc.text
    assert [(c.name, c.kind) for c in doc.credits] == [("Minh Khoa", "author")]
