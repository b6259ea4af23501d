"""Numbered tasks, on fictional reports written for these tests."""
from __future__ import annotations

import re

from attache.extract.tasks import find_tasks
from attache.model import CleanDocument, Span


def make_doc(text: str, language: str = "en") -> CleanDocument:
    paragraphs, pos = [], 0
    for line in text.split("\n"):
        paragraphs.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    sentences = [Span(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+(?:[.!?]+|$)", text, re.MULTILINE)]
    return CleanDocument(id="t", source="t", text=text, language=language, paragraphs=paragraphs,
                         sentences=sentences)


def numbered(text: str, language: str = "en") -> list[tuple[int, str]]:
    doc = make_doc(text, language)
    tasks = find_tasks(doc)
    for t in tasks:
        assert doc.text[t.span.start:t.span.end] == t.text
    return [(t.n, t.text) for t in tasks]


def test_items_as_separate_paragraphs() -> None:
    text = ("The governor asked the river board to focus on the following tasks.\n"
            "Firstly, repair the northern dikes before the rainy season.\n"
            "Secondly, train volunteers in every commune.\n"
            "Third, publish the flood maps online.\n"
            "The meeting closed at noon.")
    assert numbered(text) == [(1, "repair the northern dikes before the rainy season."),
                              (2, "train volunteers in every commune."),
                              (3, "publish the flood maps online.")]


def test_inline_list_in_one_paragraph() -> None:
    text = ("The mayor requested the transport office to carry out four key tasks: First, widen the ring road. "
            "Second, buy forty electric buses. Third, open two bicycle lanes. Fourth, cut the waiting time at "
            "the ferry. The mayor then thanked the engineers.")
    assert numbered(text) == [(1, "widen the ring road."), (2, "buy forty electric buses."),
                              (3, "open two bicycle lanes."), (4, "cut the waiting time at the ferry.")]


def test_inline_list_over_two_paragraphs() -> None:
    text = ("The chairwoman set the following three tasks for the harbour: First, dredge the channel. Second, "
            "renew the cranes.\n"
            "Third, train the pilots, and also hire new ones. Fourth, something the report adds later.")
    assert [n for n, _ in numbered(text)] == [1, 2, 3]


def test_caption_between_cue_and_first_item() -> None:
    text = ("The minister directed the schools to pursue the following solutions.\n"
            "Pupils plant trees in a yard - Photo: Lan Chi\n"
            "First, hire more teachers in the highlands.\n"
            "Second, rebuild the flooded classrooms.")
    assert [n for n, _ in numbered(text)] == [1, 2]


def test_one_is_and_closing_word() -> None:
    text = ("The ministry asked the provinces to do three things.\n"
            "One is to count the cattle again.\n"
            "Two is to vaccinate them.\n"
            "Finally, report the figures every week.")
    assert numbered(text) == [(1, "to count the cattle again."), (2, "to vaccinate them."),
                              (3, "report the figures every week.")]


def test_results_list_is_not_tasks() -> None:
    text = ("The director said the results of the year can be summarized in three aspects.\n"
            "First, the hospital treated more patients.\n"
            "Second, waiting times fell.\n"
            "Third, two new wards opened.")
    assert numbered(text) == []


def test_lessons_list_is_not_tasks() -> None:
    text = ("The chairman emphasized three important lessons.\n"
            "First, listen to the farmers.\n"
            "Second, act early.\n"
            "Third, share the data.")
    assert numbered(text) == []


def test_uncued_list_is_not_tasks() -> None:
    text = "The festival had a long history.\nFirst, it was a market.\nSecond, it became a fair."
    assert numbered(text) == []


def test_the_task_list_is_chosen_among_several() -> None:
    text = ("The governor reviewed the year, whose achievements fall into two aspects.\n"
            "First, exports grew.\n"
            "Second, new roads opened.\n"
            "He drew two lessons.\n"
            "One, plan early.\n"
            "Two, keep the budget.\n"
            "For next year, the governor requested all departments to focus on key tasks and solutions.\n"
            "First, all departments must speed up public investment.\n"
            "Second, simplify procedures for investors.\n"
            "Third, protect the forests.")
    tasks = numbered(text)
    assert [n for n, _ in tasks] == [1, 2, 3]
    assert tasks[0][1].startswith("all departments must")


def test_announced_count_closes_the_list() -> None:
    text = ("The board asked staff to handle two tasks: first, file the claims; second, call the clients; "
            "third, a remark that is not a task.")
    assert [n for n, _ in numbered(text)] == [1, 2]


def test_list_must_start_at_one() -> None:
    text = "The council requested the following tasks.\nSecond, paint the bridge.\nThird, fix the lamps."
    assert numbered(text) == []


def test_french_separate_paragraphs() -> None:
    text = ("Le préfet a demandé aux communes de se concentrer sur les tâches suivantes.\n"
            "Premièrement, réparer les digues du nord.\n"
            "Deuxièmement, former des volontaires.\n"
            "Troisièmement, publier les cartes des crues.")
    assert numbered(text, "fr") == [(1, "réparer les digues du nord."), (2, "former des volontaires."),
                                    (3, "publier les cartes des crues.")]


def test_french_inline_and_number_words() -> None:
    text = ("La ministre a fixé trois tâches au secteur : Un, ouvrir deux écoles ; Deux, recruter des "
            "enseignants ; Trois, rénover les cantines.")
    assert [(n, t) for n, t in numbered(text, "fr")] == [(1, "ouvrir deux écoles ;"), (2, "recruter des enseignants ;"),
                                                         (3, "rénover les cantines.")]


def test_french_premier_and_lessons_ignored() -> None:
    text = ("Le directeur a tiré trois leçons de l'année.\n"
            "Premier, écouter les usagers.\n"
            "Deuxième, agir tôt.\n"
            "Le directeur a ensuite demandé au service de mener les missions suivantes.\n"
            "Premier, moderniser le réseau.\n"
            "Deuxième, réduire les pertes d'eau.")
    assert numbered(text, "fr") == [(1, "moderniser le réseau."), (2, "réduire les pertes d'eau.")]


# --- Vietnamese ---

def test_vietnamese_ordinal_paragraphs_after_a_directive() -> None:
    text = ("Chủ tịch tỉnh yêu cầu các sở tập trung vào những nhiệm vụ trọng tâm sau:\n"
            "Thứ nhất, hoàn thành việc nạo vét kênh trước mùa mưa.\n"
            "Thứ hai, tập huấn cho đội cứu hộ ở mọi xã.\n"
            "Thứ ba, công bố bản đồ ngập lụt trên cổng thông tin.\n"
            "Buổi làm việc kết thúc lúc 11 giờ.")
    assert numbered(text, "vi") == [(1, "hoàn thành việc nạo vét kênh trước mùa mưa."),
                                    (2, "tập huấn cho đội cứu hộ ở mọi xã."),
                                    (3, "công bố bản đồ ngập lụt trên cổng thông tin.")]


def test_vietnamese_list_of_results_is_not_tasks() -> None:
    text = ("Giám đốc Sở cho biết, năm qua ngành đã đạt được nhiều kết quả nổi bật.\n"
            "Một là, sản lượng lúa tăng mạnh. Năng suất đạt mức cao nhất từ trước tới nay.\n"
            "Hai là, hệ thống thủy lợi được nâng cấp.\n"
            "Ba là, thu nhập của nông dân được cải thiện.")
    assert numbered(text, "vi") == []


def test_vietnamese_results_then_tasks_keeps_the_tasks() -> None:
    text = ("Báo cáo tại hội nghị, Phó Giám đốc cho biết ngành đã đạt được nhiều kết quả quan trọng.\n"
            "Một là, xuất khẩu thủy sản tăng. Hai là, giá cá ổn định.\n"
            "Kết luận hội nghị, Giám đốc đề nghị các phòng triển khai các giải pháp sau:\n"
            "Một là, mở rộng vùng nuôi đạt chuẩn.\n"
            "Hai là, hỗ trợ ngư dân tiếp cận vốn vay.")
    assert numbered(text, "vi") == [(1, "mở rộng vùng nuôi đạt chuẩn."), (2, "hỗ trợ ngư dân tiếp cận vốn vay.")]


def test_vietnamese_numbered_items_only_with_a_full_stop_or_bracket() -> None:
    text = ("Bộ trưởng chỉ đạo các địa phương khẩn trương thực hiện các yêu cầu: 1. Rà soát toàn bộ đê bao. "
            "2. Dự trữ đủ vật tư. 3) Báo cáo hằng ngày về Bộ.")
    assert [n for n, _ in numbered(text, "vi")] == [1, 2, 3]
    text = "Bộ trưởng đề nghị tăng vốn: 1,5 tỷ đồng cho đê bao; 2,3 tỷ đồng cho kênh mương."
    assert numbered(text, "vi") == []
