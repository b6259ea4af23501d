"""Dates, years and timing, on fictional reports written for these tests."""
from __future__ import annotations

import re

import pytest

from attache.extract.dates import find_dates, find_years
from attache.model import CleanDocument, Span


def make_doc(text: str, language: str = "en", published: str | None = None) -> CleanDocument:
    paragraphs, pos = [], 0
    for line in text.split("\n"):
        paragraphs.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+(?:[.!?]+|$)", text, re.MULTILINE)]
    return CleanDocument(id="t", source="t", text=text, language=language, published=published,
                         paragraphs=paragraphs, sentences=sentences)


def values(text: str, language: str = "en", published: str | None = None) -> list[str]:
    return [d.value for d in find_dates(make_doc(text, language, published))[0]]


@pytest.mark.parametrize("text, language, expected", [
    ("The fair opened on March 14, 2023 in a port town.", "en", "2023-03-14"),
    ("The fair opened on 14 March 2023 in a port town.", "en", "2023-03-14"),
    ("The fair opened on the 14th of March 2023.", "en", "2023-03-14"),
    ("La foire a ouvert le 14 mars 2023 dans un port.", "fr", "2023-03-14"),
    ("La foire a ouvert le 1er mars 2023.", "fr", "2023-03-01"),
    ("Posted 14/03/2023 by the desk.", "en", "2023-03-14"),
    ("Posted 04/03/2023 by the desk.", "en", "2023-03-04"),
    ("Posted 2023-03-14 by the desk.", "en", "2023-03-14"),
    ("Publié le 14.03.2023 par la rédaction.", "fr", "2023-03-14"),
])
def test_date_forms(text: str, language: str, expected: str) -> None:
    dates, _, _ = find_dates(make_doc(text, language))
    assert [d.value for d in dates] == [expected]
    assert dates[0].year_inferred is False
    assert text[dates[0].span.start:dates[0].span.end] == dates[0].text


def test_day_first_unless_weekday_says_otherwise() -> None:
    # 3 April 2024 was a Wednesday, 4 March 2024 a Monday.
    assert values("Wednesday, 04/03/2024: the harbour reopened.") == ["2024-04-03"]
    assert values("Monday, 04/03/2024: the harbour reopened.") == ["2024-03-04"]


def test_month_names_need_a_capital_in_english() -> None:
    assert values("The ministry may 6 times revise the plan.") == []


@pytest.mark.parametrize("text, language, part", [
    ("On the morning of March 14, the delegation met the mayor.", "en", "morning"),
    ("On the afternoon of 14 March, the delegation met the mayor.", "en", "afternoon"),
    ("On March 14 evening, the delegation met the mayor.", "en", "evening"),
    ("Ce matin, 14 mars, la délégation a rencontré le maire.", "fr", "morning"),
    ("Dans l'après-midi du 14 mars, la délégation a rencontré le maire.", "fr", "afternoon"),
    ("Le 14 mars au soir, la délégation a rencontré le maire.", "fr", "evening"),
])
def test_parts_of_day(text: str, language: str, part: str) -> None:
    dates, _, _ = find_dates(make_doc(text, language, published="2022-03-15"))
    assert len(dates) == 1
    assert dates[0].part_of_day == part
    assert dates[0].value == "2022-03-14"
    assert dates[0].year_inferred


def test_weekday_is_part_of_the_date() -> None:
    dates, _, _ = find_dates(make_doc("Le mardi 15 mars 2022, le port a fermé.", "fr"))
    assert dates[0].text == "mardi 15 mars 2022"
    assert dates[0].value == "2022-03-15"


def test_yearless_date_resolves_against_publication() -> None:
    # The latest such date not after publication (plus a few days).
    assert values("On December 30, the bridge reopened.", published="2024-01-04") == ["2023-12-30"]
    assert values("On January 2, the bridge reopened.", published="2024-01-04") == ["2024-01-02"]
    assert values("On January 6, the bridge will reopen.", published="2024-01-04") == ["2024-01-06"]
    assert values("Le 30 décembre, le pont a rouvert.", "fr", published="2024-01-04") == ["2023-12-30"]


def test_yearless_date_before_a_planned_year() -> None:
    text = ("On the morning of November 28, the river authority held its annual conference.\n"
            "The director said that in 2031 there will be many new dikes to build.")
    dates, _, timing = find_dates(make_doc(text))
    assert dates[0].value == "2030-11-28"
    assert timing.event_date == "2030-11-28"
    assert timing.reference_year == 2030


def test_yearless_date_after_a_reviewed_year() -> None:
    text = ("Ce matin, 9 février, l'office des forêts a organisé une conférence pour examiner les résultats "
            "de 2030 et déployer les tâches pour 2031.\n"
            "En 2030, l'office a planté deux millions d'arbres.")
    _, _, timing = find_dates(make_doc(text, "fr"))
    assert timing.event_date == "2031-02-09"


def test_only_a_reviewed_year() -> None:
    text = ("On February 3, the guild held a meeting.\n"
            "The guild reviewed the results achieved in 2027, when sales were high.")
    assert find_dates(make_doc(text))[2].event_date == "2028-02-03"


def test_horizon_years_do_not_move_the_boundary() -> None:
    text = ("On October 12, the port council held a meeting to review the results of 2026.\n"
            "Cargo reached a record in 2026, and the council keeps its vision to 2045.")
    assert find_dates(make_doc(text))[2].event_date == "2026-10-12"


def test_focal_date_when_nothing_is_dated() -> None:
    text = ("The guild reviewed the results achieved in 2027.\n"
            "It set the key tasks for 2028.")
    _, _, timing = find_dates(make_doc(text))
    assert timing.event_date is None
    assert timing.focal_date == "2028-01-01"
    assert timing.reference_year == 2028


def test_planning_words_outrank_grammar() -> None:
    # Translated reviews often say "will" about the year just ended; the year given targets is the planned one.
    text = ("In 2031, exports will reach 3 billion USD and imports will grow.\n"
            "In 2031, the port will welcome 40 ships.\n"
            "The board asked the staff to review the targets of 2032.")
    _, years, timing = find_dates(make_doc(text))
    assert [y.tense for y in years] == ["future", "future", "future"]
    assert timing.focal_date == "2032-01-01"


def test_yearless_date_without_any_year_stays_unresolved() -> None:
    dates, _, timing = find_dates(make_doc("On May 3, the choir sang."))
    assert dates[0].value == "--05-03"
    assert timing.event_date is None


def test_event_date_is_not_the_dateline() -> None:
    text = ("Harbour Gazette\n"
            "Friday - 12/03/2027 09:15\n"
            "On March 10, the port authority held a conference with ship owners.\n"
            "The next inspection is planned for April 2, 2027.")
    dates, _, timing = find_dates(make_doc(text))
    assert [d.value for d in dates] == ["2027-03-12", "2027-03-10", "2027-04-02"]
    assert timing.event_date == "2027-03-10"
    assert text[timing.event_date_span.start:timing.event_date_span.end] == "March 10"
    assert timing.reference_year == 2027
    assert timing.focal_date is None


def test_event_date_needs_a_tie_to_the_event() -> None:
    text = ("The museum reopened after the works ended by March 3, 2026, engineers said.\n"
            "On the afternoon of March 20, 2026, the board held a meeting in the new hall.")
    assert find_dates(make_doc(text))[2].event_date == "2026-03-20"


def test_event_date_only_from_the_lead() -> None:
    lead = "\n".join("The club discussed its many plans at length, then its members went on talking about "
                     "the weather, the harvest and the price of bread." for _ in range(8))
    text = lead + "\nOn June 4, 2026, the club held a meeting."
    assert find_dates(make_doc(text))[2].event_date is None


def test_relative_words_need_a_publication_date() -> None:
    text = "Yesterday, the two cities signed a twinning agreement."
    assert values(text, published="2026-09-10") == ["2026-09-09"]
    assert values(text) == []
    assert find_dates(make_doc(text, published="2026-09-10"))[2].reference_year == 2026


@pytest.mark.parametrize("text, language, expected", [
    ("In 2029, the harbour handled more cargo than ever and exports rose.", "en", "past"),
    ("The province set key tasks for 2030.", "en", "future"),
    ("Revenue grew by 9% compared to 2028.", "en", "past"),
    ("In 2030, the council will open two schools.", "en", "future"),
    ("The committee reviewed the results of 2029.", "en", "past"),
    ("La province a fixé les objectifs pour 2030.", "fr", "future"),
    ("En 2029, les exportations ont été plus fortes.", "fr", "past"),
    ("En 2030, la ville sera reliée au réseau.", "fr", "future"),
    ("The festival of 2029 drew a crowd.", "en", "unknown"),
])
def test_year_tense(text: str, language: str, expected: str) -> None:
    years = find_years(text, language)
    assert [(y.year, y.tense) for y in years] == [(int(re.search(r"\d{4}", text).group()), expected)]


def test_two_years_in_one_clause_keep_their_own_tense() -> None:
    text = "The board met to review the work of 2029 and the key tasks in 2030."
    assert [(y.year, y.tense) for y in find_years(text)] == [(2029, "past"), (2030, "future")]


def test_years_as_years_only() -> None:
    text = "In 2029, 1,500 people came; on March 3, 2029 the hall held 2,030 seats, for the 2030-2035 term."
    assert [y.year for y in find_years(text)] == [2029, 2030, 2035]


# --- Vietnamese ---

@pytest.mark.parametrize("text, expected", [
    ("Ngày 14/3/2023, phà mới bắt đầu chạy tuyến ra đảo.", "2023-03-14"),
    ("Ngày 14 tháng 3 năm 2023, phà mới bắt đầu chạy tuyến ra đảo.", "2023-03-14"),
    ("Phà mới chạy thử vào 14-3-2023 trên tuyến ra đảo.", "2023-03-14"),
    ("Ngày 04/03/2023, phà mới bắt đầu chạy tuyến ra đảo.", "2023-03-04"),
])
def test_vietnamese_date_forms(text: str, expected: str) -> None:
    dates, _, _ = find_dates(make_doc(text, "vi"))
    assert [d.value for d in dates] == [expected]
    assert text[dates[0].span.start:dates[0].span.end] == dates[0].text


@pytest.mark.parametrize("text, part", [
    ("Sáng 14/3, đoàn công tác đã đến thăm làng gốm ven sông.", "morning"),
    ("Chiều 14/3, đoàn công tác đã đến thăm làng gốm ven sông.", "afternoon"),
    ("Tối 14/3, đoàn công tác đã đến thăm làng gốm ven sông.", "evening"),
    ("Chiều ngày 14/3, đoàn công tác đã đến thăm làng gốm ven sông.", "afternoon"),
    ("Sáng nay (14/3), đoàn công tác đã đến thăm làng gốm ven sông.", "morning"),
])
def test_vietnamese_day_and_month_after_a_part_of_day(text: str, part: str) -> None:
    dates, _, _ = find_dates(make_doc(text, "vi", published="2022-03-15"))
    assert [(d.value, d.part_of_day, d.year_inferred) for d in dates] == [("2022-03-14", part, True)]


def test_vietnamese_fractions_scores_and_durations_are_not_dates() -> None:
    text = ("Giá cá tra giảm 1/3 so với tháng trước. Đội chủ nhà thắng 2-1 trên sân khách. "
            "Người vi phạm bị phạt 3 tháng 10 ngày tù. Hợp tác xã có 6/10 thành viên là nữ.")
    assert values(text, "vi", published="2022-03-15") == []


def test_vietnamese_weekday_belongs_to_the_date() -> None:
    dates, _, _ = find_dates(make_doc("Chủ nhật, ngày 13/3/2022, chợ phiên mở cửa từ sớm.", "vi"))
    assert (dates[0].text, dates[0].value) == ("Chủ nhật, ngày 13/3/2022", "2022-03-13")
    dates, _, _ = find_dates(make_doc("Thứ Hai (14/3), chợ phiên mở cửa từ sớm.", "vi", published="2022-03-16"))
    assert dates[0].value == "2022-03-14" and dates[0].text.startswith("Thứ Hai")


def test_vietnamese_yearless_date_between_reviewed_and_planned_years() -> None:
    text = ("Chiều 27/12, Sở Du lịch tổ chức hội nghị tổng kết công tác năm 2031 và triển khai nhiệm vụ năm 2032.\n"
            "Năm 2031, toàn tỉnh đã đón hơn 2 triệu lượt khách.")
    dates, years, timing = find_dates(make_doc(text, "vi"))
    assert timing.event_date == "2031-12-27"
    assert [(y.year, y.tense) for y in years] == [(2031, "past"), (2032, "future"), (2031, "past")]


def test_vietnamese_event_date_is_the_lead_date_tied_to_the_event() -> None:
    text = ("Sáng 9/2, tại Huế, Chủ tịch tỉnh chủ trì hội nghị về mùa lễ hội.\n"
            "Từ ngày 1/3, vé tham quan sẽ tăng giá.")
    assert find_dates(make_doc(text, "vi", published="2030-02-10"))[2].event_date == "2030-02-09"
    # A bound of a period ("từ ngày", from) is no event day, even alone in the lead.
    text = "Từ ngày 1/3, vé tham quan các lăng tẩm sẽ tăng giá."
    assert find_dates(make_doc(text, "vi", published="2030-02-10"))[2].event_date is None


def test_vietnamese_relative_words_with_publication_date() -> None:
    assert values("Hôm qua, cảng cá đón 40 tàu cập bến.", "vi", published="2030-02-10") == ["2030-02-09"]
    assert values("Hôm qua, cảng cá đón 40 tàu cập bến.", "vi") == []


@pytest.mark.parametrize("text, expected", [
    ("Hội nghị đề ra nhiệm vụ năm 2031 cho toàn ngành.", "future"),
    ("Đơn vị đặt mục tiêu năm 2031 đạt 9% tăng trưởng.", "future"),
    ("Hội nghị tổng kết công tác năm 2030 của ngành.", "past"),
    ("Sản lượng tăng 7% so với năm 2029.", "past"),
    ("Năm 2030, toàn ngành đã vượt kế hoạch.", "past"),
    ("Năm 2031, nhà máy sẽ mở thêm hai dây chuyền.", "future"),
    ("Tỉnh giữ tầm nhìn đến năm 2045.", "future"),
])
def test_vietnamese_year_tense(text: str, expected: str) -> None:
    assert [y.tense for y in find_years(text, "vi")] == [expected]


def test_vietnamese_year_mentions() -> None:
    years = find_years("Trong tháng 12/2030, lượng khách tăng. Trong 3 năm qua, tỉnh đã mở 5 tuyến mới.", "vi")
    assert [y.year for y in years] == [2030]
    assert find_years("Mã hồ sơ 15/2030 đã được duyệt.", "vi") == []
