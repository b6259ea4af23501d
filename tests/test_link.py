import pytest

from attache.knowledge import build_knowledge_base
from attache.link import group_events, link_people
from attache.link.events import link_features

from conftest import make_analysis

CHAIR = ("Tran Quoc Vinh", "participant", ["Prime Minister"])

MINISTER = ("Le Thi Mai Anh", "participant", ["Minister of Industry and Trade"])


def grouped(*analyses):
    return group_events([link_features(a) for a in analyses])


def test_same_day_with_a_shared_participant_is_one_event_across_languages():
    en = make_analysis("en.txt", "The conference on exports opened.", event_date="2026-01-09", people=[CHAIR])
    fr = make_analysis("fr.txt", "La conférence sur les exportations.", language="fr", event_date="2026-01-09",
                       people=[CHAIR])
    assert grouped(en, fr) == [["en.txt", "fr.txt"]]


def test_different_days_stay_apart_even_with_the_same_people_and_words():
    opening = make_analysis("open.txt", "The trade council session opened.", event_date="2026-01-09",
                            people=[CHAIR, MINISTER])
    closing = make_analysis("close.txt", "The trade council session opened.", event_date="2026-01-10",
                            people=[CHAIR, MINISTER])
    assert grouped(opening, closing) == [["open.txt"], ["close.txt"]]


def test_same_day_without_shared_evidence_is_two_events():
    a = make_analysis("a.txt", "Floating market craft fair in the delta.", event_date="2026-01-10",
                      people=[("Phan Thi Ngoc Diep", "participant", [])])
    b = make_analysis("b.txt", "Ministers discussed semiconductor investment.", event_date="2026-01-10",
                      people=[CHAIR])
    assert len(grouped(a, b)) == 2


def test_undated_report_joins_the_nearby_event_it_shares_people_and_figures_with():
    jan = make_analysis("jan.txt", event_date="2026-01-09", people=[CHAIR, MINISTER],
                        claims=[("gdp_growth_target", 8.5, "%", "at least", "2026", "VN")])
    dec = make_analysis("dec.txt", event_date="2024-12-18", people=[CHAIR, MINISTER])
    undated = make_analysis("undated.txt", reference_year=2026, focal_date="2026-01-01", people=[CHAIR, MINISTER],
                            claims=[("gdp_growth_target", 8.5, "%", "exactly", "2026", "VN")])
    groups = grouped(jan, dec, undated)
    assert ["jan.txt", "undated.txt"] in groups
    assert ["dec.txt"] in groups


@pytest.mark.parametrize("written, joins", [
    ("2026-03-21", True),   # 49 days after the event, two month boundaries later
    ("2026-04-01", True),   # 60 days: three month boundaries (February has 28 days)
    ("2026-04-02", False),  # 61 days
    ("2025-12-05", True),   # 57 days before, across the year
    ("2026-07-01", False),
])
def test_an_undated_report_joins_only_an_event_within_sixty_days_of_when_it_was_written(written, joins):
    event = make_analysis("event.txt", event_date="2026-01-31", people=[CHAIR, MINISTER])
    undated = make_analysis("undated.txt", focal_date=written, people=[CHAIR, MINISTER])
    assert (["event.txt", "undated.txt"] in grouped(event, undated)) is joins


def test_grouping_refuses_features_it_could_read_only_once():
    features = (link_features(make_analysis(name, event_date="2026-01-09")) for name in ("a.txt", "b.txt"))
    with pytest.raises(TypeError, match="twice"):
        group_events(features)


def test_people_meet_across_spellings_and_keep_dated_titles():
    a = make_analysis("a.txt", event_date="2023-12-21", people=[("Le Thi Mai Anh", "participant",
                                                                  ["Minister of Industry and Trade"])])
    b = make_analysis("b.txt", event_date="2026-01-09", people=[("Le Thi Mai Anh", "participant",
                                                                  ["Deputy Prime Minister"])])
    b.people[0].text = "Lê Thị Mai Anh"
    people, _ = link_people([a, b])
    (person,) = people
    assert person.aliases == ["Lê Thị Mai Anh"]
    assert {(t.title, t.as_of, t.until) for t in person.titles} == {
        ("Minister of Industry and Trade", "2023-12-21", "2023-12-21"),
        ("Deputy Prime Minister", "2026-01-09", "2026-01-09")}


def test_authors_are_never_event_participants():
    a = make_analysis("a.txt", event_date="2026-01-09", people=[CHAIR, ("Minh Chau", "author", [])])
    kb = build_knowledge_base([a])
    (event,) = kb.events
    assert event.participants == ["tran-quoc-vinh"]
    assert {p.name: p.role for p in kb.people}["Minh Chau"] == "author"


def test_tasks_merge_across_sources():
    a = make_analysis("a.txt", event_date="2026-01-09", people=[CHAIR], tasks=["Open markets", "Build brands"])
    b = make_analysis("b.txt", event_date="2026-01-09", people=[CHAIR],
                      tasks=["Open markets", "Build brands", "Train staff"])
    kb = build_knowledge_base([a, b])
    assert [(t.n, t.documents) for t in kb.tasks] == [(1, ["a.txt", "b.txt"]), (2, ["a.txt", "b.txt"]),
                                                      (3, ["b.txt"])]


def test_undated_reports_far_apart_in_time_do_not_merge():
    a = make_analysis("a.txt", "Port workers strike", reference_year=2021, focal_date="2021-03-01", people=[CHAIR, MINISTER])
    b = make_analysis("b.txt", "Port workers strike", reference_year=2025, focal_date="2025-03-01", people=[CHAIR, MINISTER])
    c = make_analysis("c.txt", "Port workers strike", reference_year=2025, focal_date="2025-03-20", people=[CHAIR, MINISTER])
    assert grouped(a, b, c) == [["a.txt"], ["b.txt", "c.txt"]]


def test_a_given_name_alone_joins_the_one_full_name_it_ends():
    a = make_analysis("a.txt", event_date="2026-01-09", people=[("Le Thi Mai Anh", "participant", ["Minister"])])
    b = make_analysis("b.txt", event_date="2026-01-09", people=[("Mai Anh", "participant", [])])
    c = make_analysis("c.txt", event_date="2026-01-09", people=[("Nguyen Van An", "participant", []),
                                                                ("Tran Van An", "participant", []),
                                                                ("Van An", "mentioned", [])])
    people, index = link_people([a, b, c])
    names = sorted(p.name for p in people)
    assert names == ["Le Thi Mai Anh", "Nguyen Van An", "Tran Van An", "Van An"]
    assert index[("b.txt", "mai anh")] == "le-thi-mai-anh"
