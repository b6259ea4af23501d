"""The fictional example corpus shipped in examples/: every planted fact comes out."""
import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("examples")
    db, out = tmp / "kb.db", tmp / "export.json"
    run = [sys.executable, "-m", "attache"]
    assert subprocess.run([*run, "ingest", str(EXAMPLES), "--db", str(db)], capture_output=True).returncode == 0
    assert subprocess.run([*run, "export", "--db", str(db), "-o", str(out)], capture_output=True).returncode == 0
    return json.loads(out.read_text(encoding="utf-8"))


def event_of(export, doc_id):
    return next(d["event"] for d in export["documents"] if d["id"] == doc_id)


def test_three_reports_of_one_conference_are_one_event_and_look_alikes_stay_apart(export):
    forum = {event_of(export, d) for d in ("coastal-forum-en.txt", "coastal-forum-fr.txt", "coastal-forum-danang.txt")}
    assert len(forum) == 1
    (forum_id,) = forum
    assert event_of(export, "trade-council-en.txt") != forum_id
    assert event_of(export, "noise.html") not in (forum_id, event_of(export, "trade-council-en.txt"))
    event = next(e for e in export["events"] if e["id"] == forum_id)
    assert (event["date"], event["place"], event["type"]) == ("2026-01-09", "Hanoi", "conference")
    assert event["bridge_points"] == ["Da Nang"]
    council = next(e for e in export["events"] if e["id"] == event_of(export, "trade-council-en.txt"))
    assert council["date"] == "2024-12-18"


def test_people_titles_and_roles(export):
    people = {p["name"]: p for p in export["people"]}
    forum = next(e for e in export["events"] if e["id"] == event_of(export, "coastal-forum-en.txt"))
    assert forum["chair"] == people["Tran Quoc Vinh"]["id"]
    assert "Prime Minister" in people["Tran Quoc Vinh"]["titles"]
    minister = people["Le Thi Mai Anh"]
    assert {"Deputy Prime Minister", "Minister of Industry and Trade"} <= set(minister["titles"])
    assert len(minister["documents"]) == 3
    assert "Vice Chairman of the City People's Committee" in people["Vo Duc Hai"]["titles"]
    for author in ("Minh Chau", "Thanh Lam", "Lan Huong", "Bao Ngoc", "Hoai Thu"):
        assert people[author]["role"] == "author"
        assert people[author]["id"] not in forum["participants"]


def test_figures_agree_and_conflict_with_their_hedges(export):
    claims = {(c["indicator"], c["period"], c["scope"]): c for c in export["claims"]}
    exports = claims[("exports", "2025", "VN")]
    assert (exports["value"], exports["unit"], exports["qualifier"]) == (412e9, "USD", "nearly")
    assert exports["status"] == "corroborated" and exports["sources"] == 2
    fdi = claims[("fdi_registered", "2025", "VN")]
    assert fdi["status"] == "conflicting"
    assert {(m["qualifier"], m["value"]) for m in fdi["mentions"]} == {("about", 38.5e9), ("over", 39e9)}
    assert claims[("exports", "2025", "Da Nang")]["value"] == 3.2e9
    assert claims[("trade_surplus", "2025", "VN")]["qualifier"] == "over"
    target = claims[("gdp_growth_target", "2026", "VN")]
    assert (target["value"], target["qualifier"]) == (8.5, "at least")
    assert target["sources"] == 3


def test_tasks_and_relations(export):
    forum_id = event_of(export, "coastal-forum-en.txt")
    assert sorted(t["n"] for t in export["tasks"] if t["event"] == forum_id) == [1, 2, 3, 4]
    assert {(r["partner"], r["level"], r["year"]) for r in export["relations"]} == {
        ("BR", "Comprehensive Strategic Partnership", 2025)}


def test_clutter_is_gone_and_quotes_are_verbatim(export):
    texts = {d["id"]: d["text"] for d in export["documents"]}
    for text in texts.values():
        for clutter in ("Comment (0)", "Related news", "Rate this article", "Print | Back | Top"):
            assert clutter not in text
    for claim in export["claims"]:
        for m in claim["mentions"]:
            assert texts[m["document"]][m["start"]:m["end"]] == m["quote"]
