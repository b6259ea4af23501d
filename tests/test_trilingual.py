"""The fictional trilingual corpus: one invented conference in Vietnamese, English and French,
a provincial report, a republished copy, and a look-alike conference a year later."""
import json
import subprocess
import sys

import pytest

from conftest import ROOT

CORPUS = ROOT / "examples" / "trilingual"
EVENT_A = ("a-vi.txt", "a-en.txt", "a-fr.txt", "a-nghean-vi.txt", "a-en-republished.txt")
EVENT_B = ("b-vi.txt", "b-en.txt")


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("trilingual")
    db, out = tmp / "kb.db", tmp / "export.json"
    run = [sys.executable, "-m", "attache"]
    ingest = subprocess.run([*run, "ingest", str(CORPUS), "--db", str(db)], capture_output=True, text=True)
    assert ingest.returncode == 0, ingest.stderr
    assert subprocess.run([*run, "export", "--db", str(db), "-o", str(out)], capture_output=True).returncode == 0
    return json.loads(out.read_text(encoding="utf-8"))


def documents(export):
    return {d["id"]: d for d in export["documents"]}


def event_of(export, doc_id):
    return documents(export)[doc_id]["event"]


def claims_of(export, doc_id):
    event = event_of(export, doc_id)
    return {(c["indicator"], c["period"], c["scope"]): c for c in export["claims"] if c["event"] == event}


def test_languages(export):
    assert {d: documents(export)[d]["language"] for d in ("a-vi.txt", "a-en.txt", "a-fr.txt")} == {
        "a-vi.txt": "vi", "a-en.txt": "en", "a-fr.txt": "fr"}


def test_one_event_per_real_event_and_the_look_alike_kept_apart(export):
    a = {event_of(export, d) for d in EVENT_A}
    b = {event_of(export, d) for d in EVENT_B}
    assert len(a) == 1 and len(b) == 1 and a != b
    events = {e["id"]: e for e in export["events"]}
    assert events[a.pop()]["date"] == "2026-01-08"
    assert events[b.pop()]["date"] == "2026-12-29"


def test_the_republished_copy_is_recognised(export):
    docs = documents(export)
    assert docs["a-en-republished.txt"]["copy_of"] == "a-en.txt"
    assert all(docs[d]["copy_of"] is None for d in ("a-vi.txt", "a-en.txt", "a-fr.txt", "a-nghean-vi.txt"))


def test_figures_reconciled_across_languages(export):
    claims = claims_of(export, "a-vi.txt")
    exports = claims[("exports", "2025", "VN")]
    assert (exports["value"], exports["unit"], exports["qualifier"]) == (412e9, "USD", "nearly")
    assert exports["status"] == "corroborated"
    assert exports["sources"] - exports["independent_sources"] == 1
    target = claims[("gdp_growth_target", "2026", "VN")]
    assert (target["value"], target["qualifier"], target["status"]) == (8.5, "at least", "corroborated")
    assert claims[("fdi_registered", "2025", "VN")]["status"] == "conflicting"
    assert claims[("fdi_registered", "2025", "Nghe An")]["value"] == 1.75e9
    assert claims[("exports", "2025", "Nghe An")]["qualifier"] == "about"
    assert claims[("trade_surplus", "2025", "VN")]["qualifier"] == "over"
    assert claims[("exports_change", "2025", "VN")]["value"] == 11.2
    b = claims_of(export, "b-vi.txt")
    assert (b[("exports", "2026", "VN")]["value"], b[("exports", "2026", "VN")]["status"]) == (450e9, "corroborated")


def test_people_are_one_identity_across_languages(export):
    people = {p["name"]: p for p in export["people"]}
    vinh = people["Tran Quoc Vinh"]
    assert "Trần Quốc Vinh" in vinh["aliases"]
    assert "Prime Minister" in vinh["titles"]
    assert len(vinh["documents"]) == 7
    anh = people["Le Thi Mai Anh"]
    assert {"Deputy Prime Minister", "Minister of Industry and Trade"} <= set(anh["titles"])
    toan = people["Hoang Van Toan"]
    assert any(t["place"] == "Nghe An" for t in toan["title_history"])
    for author in ("Thanh Huong", "Minh Duc", "Thanh Thuy", "Minh Chau"):
        assert people[author]["role"] == "author", author


def test_tasks_and_relations(export):
    a, b = event_of(export, "a-vi.txt"), event_of(export, "b-vi.txt")
    assert sorted(t["n"] for t in export["tasks"] if t["event"] == a) == [1, 2, 3, 4]
    assert sorted(t["n"] for t in export["tasks"] if t["event"] == b) == [1, 2, 3]
    assert {(r["partner"], r["level"], r["year"]) for r in export["relations"]} == {
        ("BR", "Comprehensive Strategic Partnership", 2025)}
