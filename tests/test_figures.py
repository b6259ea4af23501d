"""find_figures on fictional sentences, English, French and Vietnamese."""
from __future__ import annotations

import pytest

from attache.extract.figures import find_figures
from attache.extract.numbers import number_value


def one(text: str, language: str = "en"):
    figures = find_figures(text, language)
    assert len(figures) == 1, [f.text for f in figures]
    f = figures[0]
    assert f.text == text[f.start:f.end]
    return f


def values(text: str, language: str = "en") -> list[float]:
    return [f.value for f in find_figures(text, language)]


# --- numbers -----------------------------------------------------------------

@pytest.mark.parametrize("text, language, value", [
    ("1.75", "en", 1.75), ("786", "en", 786), ("1,234,567", "en", 1234567),
    ("1,75", "fr", 1.75), ("17,6", "fr", 17.6), ("1 234 567", "fr", 1234567), ("1.234.567", "fr", 1234567),
    ("1\u202f234\u202f567", "fr", 1234567), ("1\u00a0250", "fr", 1250),
    ("five", "en", 5), ("twenty-one", "en", 21), ("a hundred", "en", 100), ("one hundred and five", "en", 105),
    ("cinq", "fr", 5), ("vingt et un", "fr", 21), ("quatre-vingts", "fr", 80), ("quatre-vingt-dix", "fr", 90),
    ("soixante et onze", "fr", 71), ("deux mille cinq cents", "fr", 2500),
])
def test_number_values(text, language, value):
    assert number_value(text, language) == pytest.approx(value)


def test_digits_inside_a_sentence():
    f = one("The port handled 1,234,567 containers.")
    assert (f.value, f.unit, f.qualifier) == (1234567, "count", "exactly")
    assert one("Le port a traité 1 234 567 conteneurs.", "fr").value == 1234567
    assert one("La province a planté 17,6 hectares.", "fr").value == pytest.approx(17.6)


def test_number_words():
    assert values("Delegates visited five factories and twenty-one schools.") == [5, 21]
    assert values("Les délégués ont visité cinq usines et vingt et une écoles.", "fr") == [5, 21]
    assert values("A hundred volunteers came.") == [100]


def test_articles_and_vague_quantities_are_no_figures():
    assert values("One of the delegates spoke about dozens of projects and hundreds of ideas.") == []
    assert values("Une délégation a présenté des dizaines de projets.", "fr") == []


# --- scales and currencies ---------------------------------------------------------

@pytest.mark.parametrize("text, language, value, unit", [
    ("Exports reached 40 billion USD.", "en", 4e10, "USD"),
    ("Exports reached USD 40 billion.", "en", 4e10, "USD"),
    ("Exports reached US$40 billion.", "en", 4e10, "USD"),
    ("Exports reached $40bn.", "en", 4e10, "USD"),
    ("Exports reached 40 billion US dollars.", "en", 4e10, "USD"),
    ("Revenue hit 3.5 million billion VND.", "en", 3.5e15, "VND"),
    ("Revenue hit 120 trillion dong.", "en", 1.2e14, "VND"),
    ("The fund holds €5m.", "en", 5e6, "EUR"),
    ("The fund holds 2.4 trillion yen.", "en", 2.4e12, "JPY"),
    ("Les exportations ont atteint 40 milliards de dollars.", "fr", 4e10, "USD"),
    ("Le fonds détient 3 millions d'euros.", "fr", 3e6, "EUR"),
    ("La capitalisation atteint 5,1 millions de milliards de dongs.", "fr", 5.1e15, "VND"),
    ("La dette atteint 2 billions de dollars.", "fr", 2e12, "USD"),
    ("Le projet coûte 1,75 milliard USD.", "fr", 1.75e9, "USD"),
])
def test_scales_and_currencies(text, language, value, unit):
    f = one(text, language)
    assert f.value == pytest.approx(value)
    assert f.unit == unit


def test_figure_text_covers_hedge_number_scale_and_unit():
    f = one("Trade is estimated at 512 billion USD this year.")
    assert f.text == "estimated at 512 billion USD"


# --- percentages and people ------------------------------------------------------------

@pytest.mark.parametrize("text, language", [
    ("Inflation was 3.5%.", "en"), ("Inflation was 3.5 per cent.", "en"), ("Inflation was 3.5 percent.", "en"),
    ("L'inflation était de 3,5 %.", "fr"), ("L'inflation était de 3,5 pour cent.", "fr"),
])
def test_percentages(text, language):
    f = one(text, language)
    assert (f.value, f.unit) == (pytest.approx(3.5), "%")


def test_counts_of_people():
    assert one("The island welcomed 2.3 million foreign tourists.").unit == "people"
    assert one("The plant employs 4,500 workers.").unit == "people"
    assert one("L'île a accueilli 2,3 millions de touristes.", "fr").unit == "people"
    assert one("The city has 12 bridges.").unit == "count"


# --- hedges ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, qualifier", [
    ("Investment reached nearly 12 billion USD.", "nearly"),
    ("Investment reached almost 12 billion USD.", "nearly"),
    ("Investment reached close to 12 billion USD.", "nearly"),
    ("Investment reached over 12 billion USD.", "over"),
    ("Investment reached more than 12 billion USD.", "over"),
    ("Investment reached at least 12 billion USD.", "at least"),
    ("Investment reached no less than 12 billion USD.", "at least"),
    ("Investment reached about 12 billion USD.", "about"),
    ("Investment reached around 12 billion USD.", "about"),
    ("Investment reached some 12 billion USD.", "about"),
    ("Investment is estimated at 12 billion USD.", "about"),
    ("Investment reached an estimated 12 billion USD.", "about"),
    ("Investment reached at most 12 billion USD.", "at most"),
    ("Investment could reach up to 12 billion USD.", "at most"),
    ("Investment reached less than 12 billion USD.", "under"),
    ("Investment reached under 12 billion USD.", "under"),
    ("Investment reached exactly 12 billion USD.", "exactly"),
    ("Investment reached 12 billion USD.", "exactly"),
    ("Investment reached 12 billion USD or more.", "at least"),
])
def test_english_hedges(text, qualifier):
    assert one(text).qualifier == qualifier


@pytest.mark.parametrize("text, qualifier", [
    ("L'investissement atteint près de 12 milliards USD.", "nearly"),
    ("L'investissement atteint presque 12 milliards USD.", "nearly"),
    ("L'investissement atteint plus de 12 milliards USD.", "over"),
    ("L'investissement atteint au-delà de 12 milliards USD.", "over"),
    ("L'investissement atteint au moins 12 milliards USD.", "at least"),
    ("L'investissement atteint pas moins de 12 milliards USD.", "at least"),
    ("L'investissement atteint environ 12 milliards USD.", "about"),
    ("L'investissement est estimé à 12 milliards USD.", "about"),
    ("L'investissement pourrait atteindre jusqu'à 12 milliards USD.", "at most"),
    ("L'investissement atteint moins de 12 milliards USD.", "under"),
    ("L'investissement atteint exactement 12 milliards USD.", "exactly"),
])
def test_french_hedges(text, qualifier):
    assert one(text, "fr").qualifier == qualifier


def test_hedge_must_stand_right_before_the_number():
    assert one("Over the past decade the port built 14 berths.").qualifier == "exactly"


def test_one_sided_hedges_set_a_bound():
    f = one("The plan sets growth of at least 6.5%.")
    assert (f.low, f.high) == (6.5, None)
    f = one("Inflation stays under 4%.")
    assert (f.low, f.high) == (None, 4)


# --- ranges ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, language, low, high, unit", [
    ("Investment of between 3 and 5 billion USD is expected.", "en", 3e9, 5e9, "USD"),
    ("Growth from 3 to 5% is expected.", "en", 3, 5, "%"),
    ("Some 3-5 billion USD will be needed.", "en", 3e9, 5e9, "USD"),
    ("Un investissement entre 3 et 5 milliards USD est attendu.", "fr", 3e9, 5e9, "USD"),
    ("Une croissance de 3 à 5 % est attendue.", "fr", 3, 5, "%"),
])
def test_ranges(text, language, low, high, unit):
    f = one(text, language)
    assert (f.low, f.high, f.unit) == (pytest.approx(low), pytest.approx(high), unit)
    assert f.value == pytest.approx((low + high) / 2)


# --- changes -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, language, value, unit", [
    ("Arrivals rose to 3 million, an increase of 12.5% over last year.", "en", None, None),
    ("Exports were up 12%, driven by electronics.", "en", 12, "%"),
    ("Exports rose by 5% in the period.", "en", 5, "%"),
    ("The country increased by 7 levels in the ranking.", "en", 7, "count"),
    ("Imports fell 3% in the period.", "en", -3, "%"),
    ("Imports decreased by 2.5% in the period.", "en", -2.5, "%"),
    ("Les exportations sont en hausse de 5 % sur la période.", "fr", 5, "%"),
    ("Les arrivées marquent une augmentation de 12,5 % sur la période.", "fr", 12.5, "%"),
    ("Les importations sont en baisse de 3 % sur la période.", "fr", -3, "%"),
])
def test_changes(text, language, value, unit):
    figures = find_figures(text, language)
    f = figures[-1]
    assert f.change is True
    if value is not None:
        assert (f.value, f.unit) == (pytest.approx(value), unit)


def test_levels_are_not_changes():
    assert one("Exports reached 12 billion USD.").change is False
    assert one("The ministry set up 12 working groups.").change is False


# --- ratios ------------------------------------------------------------------------------------

def test_ratios_count_their_numerator():
    f = one("The province met all 12/12 targets.")
    assert (f.value, f.unit, f.text) == (12, "count", "12/12")


# --- not figures -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, language", [
    ("The plan was adopted in 2024.", "en"),
    ("The plan covers 2021-2023 and runs to 2030.", "en"),
    ("The meeting took place on January 6 and ended on 6 February.", "en"),
    ("Published 06/01/2025 at 03:22.", "en"),
    ("The 32nd congress and the 13th plenum met on the 1st floor.", "en"),
    ("Under Decree No. 15 and Resolution 18, the Directive No. 7 applies.", "en"),
    ("Decree 123/2024/ND-CP replaced Circular 05.", "en"),
    ("The Covid-19 crisis and the G20 summit dominated.", "en"),
    ("See https://example.org/news/2024/item-45.html for details.", "en"),
    ("Call the hotline +84 24 3822 1234 or (028) 3829 5678.", "en"),
    ("La réunion du 6 janvier a suivi le 14e congrès et le XIIIe plénum.", "fr"),
    ("La Résolution 18 et le décret n° 15 s'appliquent depuis 2023.", "fr"),
    ("La séance a commencé à 15h30.", "fr"),
])
def test_not_figures(text, language):
    assert find_figures(text, language) == []


def test_offsets_cut_back_the_figure_text():
    text = "In 2024, arrivals reached nearly 3.1 million foreign tourists, up 8% on 2023."
    for f in find_figures(text, "en"):
        assert text[f.start:f.end] == f.text
    assert [f.text for f in find_figures(text, "en")] == ["nearly 3.1 million foreign tourists", "8%"]


def test_unknown_language_falls_back_to_english_conventions():
    assert one("Output reached 1,500 tonnes.", "xx").value == 1500


def test_a_currency_sign_before_and_a_unit_after():
    assert [(f.text, f.unit) for f in find_figures("The fund holds $5 USD in cash.", "en")] == [("$5 USD", "USD")]
    assert [(f.text, f.unit) for f in find_figures("Prices rose US$ 3 percent.", "en")] == [("US$ 3 percent", "%")]


# --- Vietnamese ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("1,75", 1.75), ("7,2", 7.2), ("1.030", 1030), ("99.321", 99321), ("2.653.000", 2653000), ("1.5", 1.5),
    ("hai", 2), ("mười", 10), ("mười hai", 12), ("mười lăm", 15), ("hai mươi lăm", 25), ("ba mươi mốt", 31),
    ("năm mươi", 50), ("ba trăm hai mươi", 320), ("một trăm", 100), ("năm trăm", 500), ("hai trăm lẻ bảy", 207),
])
def test_vietnamese_number_values(text, value):
    assert number_value(text, "vi") == pytest.approx(value)


@pytest.mark.parametrize("text, value, unit", [
    ("Doanh thu của hợp tác xã đạt 412 tỷ USD.", 4.12e11, "USD"),
    ("Quỹ nhận 1,75 tỷ đô la Mỹ.", 1.75e9, "USD"),
    ("Quỹ nhận 3 triệu đô la.", 3e6, "USD"),
    ("Quỹ nhận 5 đô la Úc.", 5, "AUD"),
    ("Quỹ dự trữ 7,2 triệu tỷ đồng.", 7.2e15, "VND"),
    ("Dự án cần 2 nghìn tỷ đồng.", 2e12, "VND"),
    ("Dự án cần 350 tỉ VNĐ.", 3.5e11, "VND"),
    ("Giá vé là 150.000 VND.", 150000, "VND"),
    ("Khoản viện trợ 20 triệu euro.", 2e7, "EUR"),
    ("Hợp đồng trị giá 3 tỷ yên.", 3e9, "JPY"),
    ("Hòn đảo đón 2.653.000 người.", 2653000, "people"),
    ("Hòn đảo đón 17,5 triệu lượt khách.", 1.75e7, "people"),
    ("Thị trấn có 1.030 du khách.", 1030, "people"),
    ("Tỷ lệ hài lòng là 39,5%.", 39.5, "%"),
    ("Tỷ lệ hài lòng là 39,5 phần trăm.", 39.5, "%"),
    ("Đội tuyển có hai mươi lăm người.", 25, "people"),
    ("Xã trồng năm trăm nghìn cây xanh.", 500000, "count"),
])
def test_vietnamese_scales_currencies_and_people(text, value, unit):
    f = one(text, "vi")
    assert (f.value, f.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("text, qualifier", [
    ("Sản lượng đạt gần 40 tấn.", "nearly"),
    ("Sản lượng đạt xấp xỉ 40 tấn.", "nearly"),
    ("Sản lượng suýt 40 tấn.", "nearly"),
    ("Sản lượng đạt hơn 40 tấn.", "over"),
    ("Sản lượng đạt trên 40 tấn.", "over"),
    ("Sản lượng vượt mức 40 tấn.", "over"),
    ("Sản lượng đạt ít nhất 40 tấn.", "at least"),
    ("Sản lượng tối thiểu 40 tấn.", "at least"),
    ("Sản lượng không dưới 40 tấn.", "at least"),
    ("Tỷ lệ đạt 40% trở lên.", "at least"),
    ("Sản lượng khoảng 40 tấn.", "about"),
    ("Sản lượng ước đạt 40 tấn.", "about"),
    ("Sản lượng ước tính 40 tấn.", "about"),
    ("Sản lượng dự kiến 40 tấn.", "about"),
    ("Sản lượng chừng 40 tấn.", "about"),
    ("Sản lượng tối đa 40 tấn.", "at most"),
    ("Sản lượng không quá 40 tấn.", "at most"),
    ("Sản lượng dưới 40 tấn.", "under"),
    ("Sản lượng chưa đến 40 tấn.", "under"),
    ("Sản lượng đạt 40 tấn.", "exactly"),
])
def test_vietnamese_hedges(text, qualifier):
    assert one(text, "vi").qualifier == qualifier


def test_vietnamese_hedge_look_alikes_are_no_hedges():
    assert one("Nhiệt độ 30 được ghi nhận tại trạm.", "vi").qualifier == "exactly"
    assert one("Đơn vị có xe tăng 203 trong kho.", "vi").change is False


@pytest.mark.parametrize("text, value", [
    ("Doanh thu tăng 39,5% so với năm trước.", 39.5),
    ("Doanh thu tăng gần 12% trong kỳ.", 12),
    ("Doanh thu giảm 3% trong kỳ.", -3),
    ("Thứ hạng của trường tăng 11 bậc.", 11),
])
def test_vietnamese_changes(text, value):
    f = one(text, "vi")
    assert (f.change, f.value) == (True, pytest.approx(value))


def test_vietnamese_new_level_is_no_change():
    assert one("Doanh thu tăng lên 5 tỷ đồng.", "vi").change is False
    assert one("Tỷ lệ hộ nghèo giảm còn 3%.", "vi").change is False


@pytest.mark.parametrize("text, low, high, unit", [
    ("Dự án cần từ 3 đến 5 tỷ USD.", 3e9, 5e9, "USD"),
    ("Lãi dự kiến 3-5%.", 3, 5, "%"),
])
def test_vietnamese_ranges(text, low, high, unit):
    f = one(text, "vi")
    assert (f.low, f.high, f.unit) == (pytest.approx(low), pytest.approx(high), unit)


@pytest.mark.parametrize("text", [
    "Kế hoạch được thông qua năm 2024.",
    "Giai đoạn 2021-2025 đã khép lại.",
    "Ngày 6/1/2025 và sáng 8/1, đoàn đến; chiều 29/12 đoàn về.",
    "Lễ hội kéo dài từ 1/5 đến 3/5.",
    "Bản tin đăng lúc 11:20, phiên họp mở lúc 15h30.",
    "Đại hội lần thứ 32 và khóa XIII đã bế mạc.",
    "Nghị quyết số 18, Chỉ thị 15 và Nghị định 123/2024/NĐ-CP có hiệu lực.",
    "Văn bản 45/UBND-KT đã được gửi.",
    "Biên bản ký ngày 08-01-2026 tại xã.",
    "Số liệu tháng 12/2024 vừa công bố.",
    "Hai là, hàng chục dự án và vài trăm hộ dân được hỗ trợ.",
    "Nhà văn hóa quận Ba Đình đón đoàn khách Ba Lan.",
])
def test_vietnamese_not_figures(text):
    assert find_figures(text, "vi") == []


def test_vietnamese_shares_and_totals_are_figures():
    assert one("Xã đạt 15/15 tiêu chí.", "vi").value == 15
    assert one("Hợp tác xã có tổng số 170 thành viên.", "vi").value == 170
    assert one("Dân số xã đạt 12.400 người.", "vi").value == 12400
    assert [f.value for f in find_figures("Một số hộ, năm mươi nghìn cây giống.", "vi")] == [50000]


def test_vietnamese_years_alone_are_no_figures_but_counts_of_years_are():
    assert values("Hai năm sau, mười năm sau.", "vi") == [2, 10]


# Rules added for number phrasings of other suites (Microsoft Recognizers-Text specs), tested on our own sentences.

@pytest.mark.parametrize("text, language, value", [
    ("The startup raised 250k from friends.", "en", 250_000),
    ("Its valuation hit 3.4b last spring.", "en", 3.4e9),
    ("The club paid 45M for the striker.", "en", 45e6),
    ("Sales reached 7.5 k units a month.", "en", 7_500),
    ("The fund manages 12mil in assets.", "en", 12e6),
    ("La start-up a levé 80k auprès de ses proches.", "fr", 80_000),
])
def test_scales_glued_to_digits(text, language, value):
    assert one(text, language).value == pytest.approx(value)


@pytest.mark.parametrize("text", ["He ran the 400m on a 5G phone.", "The 100m final starts now."])
def test_metres_and_network_generations_are_no_glued_scales(text):
    assert all(f.value < 1000 for f in find_figures(text, "en"))


@pytest.mark.parametrize("text, language, value", [
    ("Overnight it fell to minus 12 in the valley.", "en", -12),
    ("The balance stood at negative four after the audit.", "en", -4),
    ("The score was minus one at half time.", "en", -1),
    ("Le solde est passé à négatif trois.", "fr", -3),
])
def test_minus_written_as_a_word(text, language, value):
    assert one(text, language).value == value


def test_moins_is_no_minus_in_french():
    assert one("Au moins 40 personnes sont venues.", "fr").value == 40


def test_thousands_grouped_by_spaces_in_english():
    assert one("The stadium holds 52 300 fans.").value == 52_300
    assert one("Its population is 2 745 012 this year.").value == 2_745_012


@pytest.mark.parametrize("text, language, value", [
    ("Half a million visitors came.", "en", 500_000),
    ("The city planted a half million trees.", "en", 500_000),
    ("Le projet coûte un demi-million.", "fr", 500_000),
    ("Il faut un demi milliard pour finir.", "fr", 5e8),
    ("They walked one and a half miles.", "en", 1.5),
    ("Il a attendu un et demi.", "fr", 1.5),
])
def test_half_of_a_scale_and_one_and_a_half(text, language, value):
    assert one(text, language).value == pytest.approx(value)


def test_a_half_alone_stays_no_figure():
    assert find_figures("Half of the staff left.", "en") == []


@pytest.mark.parametrize("text, language, value", [
    ("The depot holds 7 thousand 2 hundred and 40 crates.", "en", 7240),
    ("She counted 6 hundred and 12 ballots.", "en", 612),
    ("They sold 2 hundred and seven tickets.", "en", 207),
    ("Il a compté 5 mille 4 cent 30 bulletins.", "fr", 5430),
    ("Il reste 2 cent un sièges.", "fr", 201),
])
def test_digits_mixed_with_number_words(text, language, value):
    assert one(text, language).value == value


def test_mixed_numbers_stop_where_they_stop():
    # "one" without "and" is no part of the number; "and 0" adds nothing and a larger part is another number
    assert values("It lasted 3 thousand one day.")[0] == 3000
    assert values("between 3 hundred and 5 hundred") == [400]


@pytest.mark.parametrize("text, language, value, unit", [
    ("The ticket cost 12 dollars 75.", "en", 12.75, "USD"),
    ("The fee is 4 dollars and 20 cents.", "en", 4.20, "USD"),
    ("It sold for nine euros and thirty cents.", "en", 9.30, "EUR"),
    ("Le café coûte 2 euros 40.", "fr", 2.40, "EUR"),
    ("Le ticket vaut 3 euros et 5 centimes.", "fr", 3.05, "EUR"),
    ("The card costs 30 USD 99 today.", "en", 30.99, "USD"),
])
def test_amounts_in_two_units(text, language, value, unit):
    f = one(text, language)
    assert (f.value, f.unit) == (pytest.approx(value), unit)


def test_two_amounts_stay_two():
    assert [(f.value, f.unit) for f in find_figures("He paid 20 dollars 35 euros.", "en")] == [(20, "USD"), (35, "EUR")]
    assert [(f.value, f.unit) for f in find_figures("They paid 8 dollars and 40 workers left.", "en")] == [
        (8, "USD"), (40, "people")]


@pytest.mark.parametrize("text, language, value, unit", [
    ("The deal was worth 90 million pounds.", "en", 90e6, "GBP"),
    ("They paid 600 francs for it.", "en", 600, "FRF"),
    ("It cost 12 billion pesetas.", "en", 12e9, "ESP"),
    ("The bond raised 40 million Dutch guilders.", "en", 40e6, "NLG"),
    ("He mined 3.5 bitcoins last year.", "en", 3.5, "XBT"),
    ("The wallet held 2 BTC.", "en", 2, "XBT"),
    ("Le contrat vaut 70 millions de francs.", "fr", 70e6, "FRF"),
    ("Ils ont payé 9 millions de florins néerlandais.", "fr", 9e6, "NLG"),
    ("The firm reported hk $ 2.1 billion in sales.", "en", 2.1e9, "HKD"),
    ("It spent c $ 45 million.", "en", 45e6, "CAD"),
    ("Le budget atteint 8 millions de $ c.", "fr", 8e6, "CAD"),
    ("Le budget atteint 8 millions de $CAD.", "fr", 8e6, "CAD"),
    ("the fund paid 500 usd per share", "en", 500, "USD"),
    ("They lost 40 USD million.", "en", 40e6, "USD"),
    ("Prices start at AUD$ 19.", "en", 19, "AUD"),
    ("It costs USD250 a night.", "en", 250, "USD"),
    ("He paid £ 30.", "en", 30, "GBP"),
])
def test_more_currencies(text, language, value, unit):
    f = one(text, language)
    assert (f.value, f.unit) == (pytest.approx(value), unit)


def test_pounds_of_weight_and_words_before_dollars_stay_no_currency():
    assert one("The bear weighs 600 pounds.").unit == "count"
    assert [f.unit for f in find_figures("A load of 3 tons and 200 pounds.", "en")] == ["count", "count"]
    assert one("She paid a $40 fee.").unit == "USD"
    assert one("Give us $5 now.").unit == "USD"
    assert one("La bibliothèque compte 9 000 livres.", "fr").unit == "count"


def test_numbers_written_from_the_decimal_mark():
    assert one("The rate rose by .25 this year.").value == 0.25
    assert one("Le taux gagne ,75 point.", "fr").value == 0.75
