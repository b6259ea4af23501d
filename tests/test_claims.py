"""find_claims on fictional reports, English, French and Vietnamese, with hand-built years and places."""
from __future__ import annotations

import re

import pytest

from attache.extract.claims import find_claims
from attache.extract.figures import find_figures
from attache.model import CleanDocument, PlaceMention, Span, Timing, YearMention

SENTENCE = re.compile(r"[^\n]+?(?:[.!?](?=\s|$)|$)")


def document(text: str, language: str) -> CleanDocument:
    paragraphs, sentences, pos = [], [], 0
    for line in text.split("\n"):
        paragraphs.append(Span(pos, pos + len(line)))
        for m in SENTENCE.finditer(line):
            lead = len(m.group()) - len(m.group().lstrip())
            sentences.append(Span(pos + m.start() + lead, pos + m.end()))
        pos += len(line) + 1
    return CleanDocument(id="t", source="t", text=text, language=language, paragraphs=paragraphs, sentences=sentences)


def years(text: str) -> list[YearMention]:
    return [YearMention(Span(m.start(), m.end()), int(m.group()))
            for m in re.finditer(r"(?<![\d/.,-])(?:19|20)\d\d(?!\d|[/.,]\d)", text)]


def place(text: str, name: str, kind: str = "province", code: str | None = None, nth: int = 0) -> PlaceMention:
    starts = [m.start() for m in re.finditer(re.escape(name), text)]
    return PlaceMention(Span(starts[nth], starts[nth] + len(name)), name, name, kind, code)


def claims(text: str, language: str = "en", places: list[PlaceMention] = (), reference_year: int | None = 2025):
    doc = document(text, language)
    return find_claims(doc, find_figures(text, language), years(text), list(places),
                       Timing(reference_year=reference_year))


def rows(text: str, language: str = "en", **kw) -> list[tuple]:
    return [(c.indicator, c.figure.value, c.figure.unit, c.figure.qualifier, c.period, c.scope)
            for c in claims(text, language, **kw)]


# --- indicators --------------------------------------------------------------------

def test_economic_indicators_in_one_sentence():
    text = ("In 2023, the country attracted nearly 30 billion USD of registered FDI, realized capital reaching "
            "about 21 billion USD; import and export is estimated at 690 billion USD; foreign tourists are "
            "estimated at 12.6 million, an increase of 34% compared to 2022.")
    got = rows(text)
    assert ("fdi_registered", 3e10, "USD", "nearly", "2023", "VN") in got
    assert ("fdi_disbursed", 2.1e10, "USD", "about", "2023", "VN") in got
    assert ("trade_total", 6.9e11, "USD", "about", "2023", "VN") in got
    assert ("foreign_tourist_arrivals", 1.26e7, "people", "about", "2023", "VN") in got
    assert ("foreign_tourist_arrivals_change", 34, "%", "exactly", "2023", "VN") in got


def test_exports_and_imports_split_by_clause():
    text = "In 2023, total export turnover reached 4.2 billion USD, import turnover was 1.9 billion USD."
    assert rows(text) == [("exports", 4.2e9, "USD", "exactly", "2023", "VN"),
                          ("imports", 1.9e9, "USD", "exactly", "2023", "VN")]


def test_growth_in_parentheses_and_stock_market():
    text = ("In 2023, the economy was a bright spot for growth in the region (over 6%). "
            "Stock market capitalization reached 5.5 million billion VND.")
    assert rows(text) == [("gdp_growth", 6, "%", "over", "2023", "VN"),
                          ("stock_market_capitalization", 5.5e15, "VND", "exactly", "2023", "VN")]


def test_diplomatic_counts():
    text = ("In 2023, the country's leaders made 40 foreign affairs activities, including 18 visits to other "
            "countries; welcomed 30 delegations of foreign leaders to Vietnam, and signed more than 90 new "
            "cooperation agreements. Vietnam has established diplomatic relations with 192 countries.")
    assert rows(text) == [
        ("foreign_affairs_activities", 40, "count", "exactly", "2023", "VN"),
        ("leader_visits_abroad", 18, "count", "exactly", "2023", "VN"),
        ("foreign_delegations_received", 30, "count", "exactly", "2023", "VN"),
        ("cooperation_agreements_signed", 90, "count", "over", "2023", "VN"),
        ("diplomatic_relations_countries", 192, "count", "exactly", "2023", "VN"),
    ]


def test_targets_met_and_rank_change():
    text = ("2023 was a year in which the country met all 14/14 set targets. "
            "The happiness index increased by 6 levels, the sustainable development index increased by 2 levels.")
    assert rows(text) == [("targets_met", 14, "count", "exactly", "2023", "VN"),
                          ("happiness_index_rank_change", 6, "count", "exactly", "2023", "VN")]


@pytest.mark.parametrize("text", [
    "Vietnam is among the 12 developing countries attracting the largest FDI in the world.",
    "Leaders of 40 provinces and cities attended the meeting.",
    "The minister listed 4 outstanding achievements and 3 aspects of the work.",
    "He drew three important lessons from the year.",
    "The country will celebrate the 80th anniversary of its founding.",
    "The sustainable development index increased by 2 levels.",
    "Dozens of firms signed up; 5 limitations remain.",
])
def test_numbers_that_are_not_claims(text):
    assert claims(text) == []


# --- periods ------------------------------------------------------------------------

def test_explicit_year_and_baseline():
    text = "In the first 6 months of 2024, exports reached 190 billion USD, up 15% compared to 2023."
    assert rows(text) == [("exports", 1.9e11, "USD", "exactly", "2024", "VN"),
                          ("exports_change", 15, "%", "exactly", "2024", "VN")]


def test_year_range():
    assert rows("In 2021-2023, remittances totalled 50 billion USD.")[0][4] == "2021-2023"


def test_past_years_count_back_from_the_reference_year():
    text = "In the past 3 years, leaders made 36 visits to partner countries."
    assert rows(text, reference_year=2022) == [("leader_visits_abroad", 36, "count", "exactly", "2020-2022", "VN")]
    text = "Over the past three years, the ministry welcomed nearly 40 delegations."
    assert rows(text, reference_year=2022)[0][3:5] == ("nearly", "2020-2022")


def test_last_year_is_the_year_before_the_reference_year():
    text = "In the past year, FDI reached 31 billion USD."
    assert rows(text, reference_year=2025)[0][4] == "2024"


def test_inherited_from_an_earlier_paragraph_skipping_baselines_and_horizons():
    text = ("The review covered the work of 2023 and the tasks for 2024.\n"
            "The ministry praised the strategy to 2030, with a vision to 2045.\n"
            "Exports reached 355 billion USD, 4% more than in 2022.")
    assert rows(text) == [("exports", 3.55e11, "USD", "exactly", "2023", "VN"),
                          ("exports_change", 4, "%", "exactly", "2023", "VN")]


def test_running_totals_take_a_period_only_from_their_sentence():
    text = "In 2023, diplomacy was active.\nThe country widened markets through 16 signed FTAs."
    assert rows(text) == [("ftas_signed", 16, "count", "exactly", None, "VN")]
    text = "In 2023, the country widened markets through 16 signed FTAs."
    assert rows(text)[0][4] == "2023"


# --- targets --------------------------------------------------------------------------

def test_growth_target_takes_the_plan_year():
    text = ("The conference reviewed 2023 and set the tasks for 2024.\n"
            "All activities must serve the growth target of at least 6.5%.")
    (c,) = claims(text)
    assert (c.indicator, c.target, c.figure.value, c.figure.qualifier, c.period) == (
        "gdp_growth_target", True, 6.5, "at least", "2024")


def test_target_without_a_plan_year_uses_the_reference_year():
    (c,) = claims("The government aims for GDP growth of 7% and more.", reference_year=2026)
    assert (c.indicator, c.period, c.target) == ("gdp_growth_target", "2026", True)


def test_target_with_its_own_year():
    (c,) = claims("By 2030, the province aims to reach exports of 10 billion USD.", reference_year=2025)
    assert (c.indicator, c.period) == ("exports_target", "2030")


# --- scope ------------------------------------------------------------------------------

def test_province_named_in_the_sentence():
    text = "In 2023, FDI to Binh Duong reached 3.2 billion USD, while national exports were 355 billion USD."
    got = rows(text, places=[place(text, "Binh Duong")])
    assert got == [("fdi_registered", 3.2e9, "USD", "exactly", "2023", "Binh Duong"),
                   ("exports", 3.55e11, "USD", "exactly", "2023", "VN")]


def test_province_a_paragraph_is_about():
    text = ("In 2023, the country did well.\n"
            "For Ha Giang province, in 2023, tourism grew. Ha Giang welcomed 300,000 foreign tourists.\n"
            "Foreign tourists to the country reached 12 million.")
    got = rows(text, places=[place(text, "Ha Giang"), place(text, "Ha Giang", nth=1)])
    assert got == [("foreign_tourist_arrivals", 300000, "people", "exactly", "2023", "Ha Giang"),
                   ("foreign_tourist_arrivals", 1.2e7, "people", "exactly", "2023", "VN")]


def test_country_the_text_is_about():
    text = "Laos and Vietnam met. In 2023, Laos exported 8 billion USD. Laos gained."
    places = [place(text, "Laos", "country", "LA", n) for n in range(3)] + [place(text, "Vietnam", "country", "VN")]
    assert rows(text, places=places)[0][5] == "LA"


# --- French ---------------------------------------------------------------------------------

def test_french_report():
    text = ("En 2023, les investissements directs étrangers ont atteint près de 30 milliards de dollars, "
            "les exportations sont estimées à 355 milliards de dollars. "
            "Le pays a accueilli 12,6 millions de touristes étrangers, en hausse de 34 % par rapport à 2022. "
            "Le pays a établi des relations diplomatiques avec 192 pays.")
    assert rows(text, "fr") == [
        ("fdi_registered", 3e10, "USD", "nearly", "2023", "VN"),
        ("exports", 3.55e11, "USD", "about", "2023", "VN"),
        ("foreign_tourist_arrivals", 1.26e7, "people", "exactly", "2023", "VN"),
        ("foreign_tourist_arrivals_change", 34, "%", "exactly", "2023", "VN"),
        ("diplomatic_relations_countries", 192, "count", "exactly", "2023", "VN"),
    ]


def test_french_target_and_past_years():
    text = ("Concernant les objectifs pour 2024, le ministère vise une croissance d'au moins 6,5 %.\n"
            "Au cours des trois dernières années, les dirigeants ont effectué 36 visites à l'étranger.")
    assert rows(text, "fr", reference_year=2023) == [
        ("gdp_growth_target", 6.5, "%", "at least", "2024", "VN"),
        ("leader_visits_abroad", 36, "count", "exactly", "2021-2023", "VN"),
    ]


def test_french_province_paragraph():
    text = "Pour la province de Nghe An, en 2023, les exportations ont atteint 3,1 milliards USD."
    assert rows(text, "fr", places=[place(text, "Nghe An")]) == [
        ("exports", 3.1e9, "USD", "exactly", "2023", "Nghe An")]


# --- quotes -----------------------------------------------------------------------------------

def test_claim_quotes_its_sentence():
    text = "The year was good. In 2023, remittances reached 16 billion USD. Others followed."
    (c,) = claims(text)
    assert text[c.sentence.start:c.sentence.end] == "In 2023, remittances reached 16 billion USD."


def test_a_provincial_report_naming_only_foreign_countries_keeps_its_own_country():
    from attache.extract import analyze_document
    from attache.model import RawDocument
    text = ("On the morning of March 2, 2026, the Lao Cai bridge point joined the national conference.\n"
            "Lao Cai welcomed visitors from China, Japan and China again, and from South Korea in 2025.\n"
            "In 2025, the country set a national GDP growth target of 8% for 2026.")
    analysis = analyze_document(RawDocument(id="lc.txt", source="lc.txt", content=text, media="text"))
    assert {c.indicator: c.scope for c in analysis.claims}["gdp_growth_target"] == "VN"


# --- Vietnamese -----------------------------------------------------------------------------------

def test_vietnamese_report():
    text = ("Năm 2030, kim ngạch xuất khẩu của nước Cộng hòa Mây đạt gần 95 tỷ USD, tăng 7,4% so với năm 2029; "
            "cán cân thương mại xuất siêu hơn 4 tỷ USD. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng "
            "ước đạt 1,3 triệu tỷ đồng. Vốn đầu tư trực tiếp nước ngoài (FDI) đăng ký khoảng 6,1 tỷ USD, "
            "vốn FDI giải ngân đạt 4,2 tỷ USD. Tổng kim ngạch xuất nhập khẩu đạt 180 tỷ USD, nhập khẩu giảm 2%.")
    assert rows(text, "vi") == [
        ("exports", 9.5e10, "USD", "nearly", "2030", "VN"),
        ("exports_change", 7.4, "%", "exactly", "2030", "VN"),
        ("trade_surplus", 4e9, "USD", "over", "2030", "VN"),
        ("retail_sales", 1.3e15, "VND", "about", "2030", "VN"),
        ("fdi_registered", 6.1e9, "USD", "about", "2030", "VN"),
        ("fdi_disbursed", 4.2e9, "USD", "exactly", "2030", "VN"),
        ("trade_total", 1.8e11, "USD", "exactly", "2030", "VN"),
        ("imports_change", -2, "%", "exactly", "2030", "VN"),
    ]


def test_vietnamese_tourism_finance_and_prices():
    text = ("Năm 2031, hòn đảo đón 2,4 triệu lượt khách quốc tế, tăng 18% so với cùng kỳ; lạm phát ở mức 3,1%; "
            "lượng kiều hối đạt 900 triệu USD; vốn hóa thị trường chứng khoán đạt 80 nghìn tỷ đồng.")
    assert rows(text, "vi") == [
        ("foreign_tourist_arrivals", 2.4e6, "people", "exactly", "2031", "VN"),
        ("foreign_tourist_arrivals_change", 18, "%", "exactly", "2031", "VN"),
        ("inflation", 3.1, "%", "exactly", "2031", "VN"),
        ("remittances", 9e8, "USD", "exactly", "2031", "VN"),
        ("stock_market_capitalization", 8e13, "VND", "exactly", "2031", "VN"),
    ]


def test_vietnamese_diplomatic_counts():
    text = ("Năm 2031, lãnh đạo đã tham gia 55 hoạt động đối ngoại, thực hiện 12 chuyến thăm nước ngoài, "
            "đón 20 đoàn khách quốc tế và ký hơn 60 thỏa thuận hợp tác. Đất nước có quan hệ ngoại giao với "
            "150 quốc gia và đã ký 9 hiệp định thương mại tự do.")
    assert rows(text, "vi") == [
        ("foreign_affairs_activities", 55, "count", "exactly", "2031", "VN"),
        ("leader_visits_abroad", 12, "count", "exactly", "2031", "VN"),
        ("foreign_delegations_received", 20, "count", "exactly", "2031", "VN"),
        ("cooperation_agreements_signed", 60, "count", "over", "2031", "VN"),
        ("diplomatic_relations_countries", 150, "count", "exactly", "2031", "VN"),
        ("ftas_signed", 9, "count", "exactly", None, "VN"),  # a running total: no year in its sentence
    ]


@pytest.mark.parametrize("text", [
    "Hội nghị được kết nối trực tuyến tới 40 tỉnh, thành phố.",
    "Sáng 8/1, hội nghị lần thứ 12 khai mạc theo Nghị quyết số 18.",
    "Công ty đạt tăng trưởng 37% trong quý.",
    "Chi tiêu quốc phòng chiếm 2% GDP.",
    "Hai là, hàng chục dự án đã hoàn thành.",
])
def test_vietnamese_numbers_that_are_not_claims(text):
    assert claims(text, "vi") == []


def test_vietnamese_shares_of_gdp_go_to_what_they_share():
    assert rows("Năm 2031, nợ công bằng 36% GDP.", "vi") == [("public_debt", 36, "%", "exactly", "2031", "VN")]


def test_vietnamese_periods():
    text = ("Sáu tháng đầu năm 2032, xuất khẩu đạt 40 tỷ USD, tăng 9% so với cùng kỳ năm 2031.\n"
            "Giai đoạn 2028-2032, kiều hối đạt 20 tỷ USD.\n"
            "Từ năm 2028 đến năm 2032, nhập khẩu đạt 70 tỷ USD.")
    assert [r[4] for r in rows(text, "vi")] == ["2032", "2032", "2028-2032", "2028-2032"]


def test_vietnamese_relative_periods():
    text = "Trong 3 năm qua, lãnh đạo đã có 30 chuyến thăm nước ngoài. Trong năm qua, vốn FDI đạt 5 tỷ USD."
    assert [r[4] for r in rows(text, "vi", reference_year=2033)] == ["2031-2033", "2032"]
    assert rows("Năm nay, kiều hối đạt 2 tỷ USD.", "vi", reference_year=2033)[0][4] == "2033"


def test_vietnamese_period_inherited_across_sentences_and_not_from_a_baseline():
    text = "Năm 2032 xuất khẩu đạt 50 tỷ USD, tăng 5% so với năm 2031.\nTổng mức bán lẻ ước đạt 3 triệu tỷ đồng."
    assert rows(text, "vi")[-1] == ("retail_sales", 3e15, "VND", "about", "2032", "VN")


def test_vietnamese_targets():
    text = ("Hội nghị tổng kết năm 2032 và triển khai nhiệm vụ năm 2033.\n"
            "Chính phủ đặt mục tiêu tăng trưởng GDP năm 2033 đạt ít nhất 7,5%.\n"
            "Ngành phấn đấu xuất khẩu đạt 60 tỷ USD.")
    got = [(c.indicator, c.figure.value, c.figure.qualifier, c.period, c.target) for c in claims(text, "vi")]
    assert got == [("gdp_growth_target", 7.5, "at least", "2033", True),
                   ("exports_target", 6e10, "exactly", "2033", True)]


def test_vietnamese_province_scope():
    text = ("Năm 2032, xuất khẩu cả nước đạt 400 tỷ USD.\n"
            "Đối với tỉnh Sơn La, năm 2032 là năm khởi sắc. Vốn FDI của tỉnh đạt 300 triệu USD; "
            "tỉnh đã cấp mới cho hơn 40 dự án đầu tư.\n"
            "Năm 2032, Lạng Sơn thu hút 1,2 tỷ USD vốn FDI, trong khi kim ngạch xuất khẩu của cả nước đạt 400 tỷ USD.")
    places = [place(text, "Sơn La"), place(text, "Lạng Sơn")]
    assert [(r[0], r[1], r[3], r[5]) for r in rows(text, "vi", places=places)] == [
        ("exports", 4e11, "exactly", "VN"),
        ("fdi_registered", 3e8, "exactly", "Sơn La"),
        ("investment_projects", 40, "over", "Sơn La"),
        ("fdi_registered", 1.2e9, "exactly", "Lạng Sơn"),
        ("exports", 4e11, "exactly", "VN"),
    ]


def test_vietnamese_rank_change_and_targets_met():
    text = "Năm 2032, chỉ số hạnh phúc tăng 6 bậc; tỉnh đạt và vượt 14/14 chỉ tiêu."
    assert rows(text, "vi") == [("happiness_index_rank_change", 6, "count", "exactly", "2032", "VN"),
                                ("targets_met", 14, "count", "exactly", "2032", "VN")]


# --- new indicators in every language -------------------------------------------------------

@pytest.mark.parametrize("text, language", [
    ("In 2030, retail sales of goods and consumer services reached 250 billion USD.", "en"),
    ("En 2030, les ventes au détail ont atteint 250 milliards de dollars.", "fr"),
])
def test_retail_sales(text, language):
    assert rows(text, language) == [("retail_sales", 2.5e11, "USD", "exactly", "2030", "VN")]


@pytest.mark.parametrize("text, language", [
    ("In 2030, the province licensed 45 new investment projects.", "en"),
    ("En 2030, la province a agréé 45 nouveaux projets d'investissement.", "fr"),
])
def test_investment_projects(text, language):
    assert rows(text, language) == [("investment_projects", 45, "count", "exactly", "2030", "VN")]
